// The melding form (leerplicht/templates/leerplicht/includes/melding_fields.html): after Back or a
// reload the browser may restore another soort in the select than the one whose fields the page
// shows; then fetch that soort's fields (htmx), as a change of the select would.
window.addEventListener("pageshow", function () {
  var select = document.querySelector("select[name=soort][hx-post]");
  var getoond = document.querySelector("[data-soort-getoond]");
  if (select && getoond && window.htmx && select.value !== getoond.getAttribute("data-soort-getoond")) {
    window.htmx.trigger(select, "change");
  }
});
