// wasp serve: progressive enhancement only; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Show the waiver fields of a plan item only when its status is "accepted risk".
  document.querySelectorAll("form.plan").forEach(function (form) {
    var select = form.querySelector("select.plan-status");
    var waiver = form.querySelector("fieldset.waiver");
    if (!select || !waiver) { return; }
    var sync = function () { waiver.classList.toggle("hidden", select.value !== "accepted_risk"); };
    select.addEventListener("change", sync);
    sync();
  });

  // A table wider than the window scrolls in its own box: make that box a named region the keyboard can focus
  // and scroll with the arrow keys (WCAG 2.1.1), and only while it does scroll, so narrow tables add no TAB stop.
  var boxes = document.querySelectorAll(".table-wrap");
  var name = function (box) {
    var caption = box.querySelector("caption");
    if (caption) { return caption.textContent.trim(); }
    for (var e = box.previousElementSibling; e; e = e.previousElementSibling) {
      if (/^H[1-6]$/.test(e.tagName)) { return e.textContent.trim(); }
    }
    var h1 = document.querySelector("main h1");
    return h1 ? h1.textContent.trim() : "Table";
  };
  var scrollable = function () {
    boxes.forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", name(box) + " (scrolls sideways)");
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  };
  scrollable();
  window.addEventListener("resize", scrollable);
});
