// plansite: the only script of the site. Everything works without it; it adds the
// care-mode switch (关怀版), remembered across pages.
(function () {
  "use strict";
  var KEY = "plansite-care";
  var root = document.documentElement;
  function stored() {
    try { return window.localStorage.getItem(KEY) === "on"; } catch (e) { return false; }
  }
  function store(on) {
    try { window.localStorage.setItem(KEY, on ? "on" : "off"); } catch (e) { /* private mode */ }
  }
  if (stored()) root.classList.add("care");
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("care-toggle");
    if (!button) return;
    var labelOff = button.textContent;
    var labelOn = button.getAttribute("data-label-on") || labelOff;
    function show(on) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? labelOn : labelOff;
    }
    show(root.classList.contains("care"));
    button.hidden = false;
    button.addEventListener("click", function () {
      var on = !root.classList.contains("care");
      root.classList.toggle("care", on);
      store(on);
      show(on);
    });
  });
})();
