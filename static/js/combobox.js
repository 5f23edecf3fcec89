// The school combobox (cases/scholen.py): a text input with a listbox of matches, following the
// WAI-ARIA 1.2 combobox pattern. Type 2 or more characters; arrow keys move through the list,
// Enter chooses, Escape closes. The chosen school's label (with its BRIN code) goes into the
// input, which the server resolves; without this script the same input takes a code or a name.
(function () {
  "use strict";
  var DELAY = 200;

  function setup(root) {
    root.querySelectorAll("[data-combobox]").forEach(function (box) {
      var input = box.querySelector("input");
      var list = box.querySelector("[role=listbox]");
      if (!input || !list || input.getAttribute("role") === "combobox") {
        return;
      }
      input.setAttribute("role", "combobox");
      input.setAttribute("aria-autocomplete", "list");
      input.setAttribute("aria-expanded", "false");
      input.setAttribute("aria-controls", list.id);
    });
  }

  function parts(input) {
    var box = input.closest("[data-combobox]");
    return { box: box, list: box.querySelector("[role=listbox]"), status: box.querySelector("[aria-live]") };
  }

  function options(list) {
    return Array.prototype.slice.call(list.querySelectorAll("[role=option]"));
  }

  function close(input) {
    var p = parts(input);
    p.list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function open(input) {
    var p = parts(input);
    if (options(p.list).length) {
      p.list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
  }

  function activate(input, index) {
    var p = parts(input);
    var all = options(p.list);
    all.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    if (all[index]) {
      input.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    }
  }

  function activeIndex(input) {
    var id = input.getAttribute("aria-activedescendant");
    return options(parts(input).list).findIndex(function (option) {
      return option.id === id;
    });
  }

  function choose(input, option) {
    input.value = option.getAttribute("data-label");
    close(input);
    parts(input).status.textContent = "";
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function show(input, results) {
    var p = parts(input);
    p.list.textContent = "";
    results.forEach(function (result, i) {
      var option = document.createElement("li");
      option.id = p.list.id + "_" + i;
      option.className = "app-combobox__optie";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-label", result.label);
      option.textContent = result.label;
      if (result.regio) {
        var regio = document.createElement("span");
        regio.className = "app-combobox__regio";
        regio.textContent = " · " + p.box.getAttribute("data-regio");
        option.appendChild(regio);
      }
      p.list.appendChild(option);
    });
    var n = results.length;
    p.status.textContent = n === 0 ? p.box.getAttribute("data-leeg")
      : n === 1 ? p.box.getAttribute("data-aantal-een")
      : p.box.getAttribute("data-aantal").replace("%(aantal)s", String(n));
    if (n) {
      open(input);
    } else {
      close(input);
    }
  }

  var timers = new WeakMap();

  function search(input) {
    var text = input.value.trim();
    if (text.length < 2) {
      close(input);
      return;
    }
    var url = parts(input).box.getAttribute("data-url") + "?q=" + encodeURIComponent(text);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : { resultaten: [] };
      })
      .then(function (data) {
        if (input.value.trim() === text) {
          show(input, data.resultaten);
        }
      });
  }

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.closest("[data-combobox]")) {
      return;
    }
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () { search(input); }, DELAY));
  });

  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.closest("[data-combobox]")) {
      return;
    }
    var list = parts(input).list;
    var all = options(list);
    var index = activeIndex(input);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) {
        return;
      }
      event.preventDefault();
      open(input);
      var step = event.key === "ArrowDown" ? 1 : -1;
      activate(input, index < 0 ? (step > 0 ? 0 : all.length - 1) : (index + step + all.length) % all.length);
    } else if (event.key === "Enter" && !list.hidden && index >= 0) {
      event.preventDefault(); // choose, do not submit the form
      choose(input, all[index]);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close(input);
    } else if (event.key === "Tab") {
      close(input);
    }
  });

  document.addEventListener("mousedown", function (event) {
    var option = event.target.closest && event.target.closest(".app-combobox__optie");
    if (option) {
      event.preventDefault(); // keep the focus in the input
      choose(option.closest("[data-combobox]").querySelector("input"), option);
    }
  });

  document.addEventListener("focusout", function (event) {
    var input = event.target;
    if (input instanceof HTMLInputElement && input.closest("[data-combobox]")) {
      close(input);
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    setup(document);
  });
  document.addEventListener("htmx:load", function (event) {
    setup(event.target);
  });
})();
