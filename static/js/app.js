// Moves the focus to the error summary after a failed submit (templates/includes/foutoverzicht.html),
// so a screen reader announces what went wrong and the keyboard starts there. A link in the
// summary moves the focus to its field (the browser scrolls; the field itself takes the focus).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) {
    summary.focus();
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".app-error-summary a[href^='#']");
    if (!link) {
      return;
    }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (field) {
      event.preventDefault();
      var details = field.closest("details");
      if (details) {
        details.open = true;
      }
      field.focus();
      field.scrollIntoView({ block: "center" });
    }
  });
});
