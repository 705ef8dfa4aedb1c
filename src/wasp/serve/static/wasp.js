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
});
