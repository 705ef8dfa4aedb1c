(function () {
  "use strict";
  // The accounts matrix: show the OU group chosen and the accounts with at least one question of the risk chosen.
  // It reads only the numeric OU index and the risk words wasp wrote; no text of the review is parsed.
  var table = document.getElementById("acct-matrix");
  var ou = document.getElementById("acct-ou"), risk = document.getElementById("acct-risk");
  var count = document.getElementById("acct-count");
  function apply() {
    var shown = 0, total = 0;
    Array.prototype.forEach.call(table.tBodies, function (body) {
      var inOu = !ou.value || body.getAttribute("data-ou") === ou.value, any = false;
      Array.prototype.forEach.call(body.rows, function (row) {
        var risks = row.getAttribute("data-risks");
        if (risks === null) { return; }
        total += 1;
        var show = inOu && (!risk.value || (" " + risks + " ").indexOf(" " + risk.value + " ") >= 0);
        row.hidden = !show;
        if (show) { shown += 1; any = true; }
      });
      body.hidden = !any;
    });
    count.textContent = shown + " of " + total + " accounts shown";
  }
  ou.addEventListener("change", apply);
  risk.addEventListener("change", apply);
  apply();
}());
