(function () {
  "use strict";
  // The findings table: the data is one JSON blob (see wasp.report.findings_table); filter it in memory and
  // render one page of rows at a time. Every value is written with textContent, never parsed as HTML.
  var PAGE = 100;
  var blob = JSON.parse(document.getElementById("ft-data").textContent);
  var guidance = JSON.parse(document.getElementById("ft-guidance").textContent);
  var S = blob.strings, rows = blob.rows, C = {};
  blob.columns.forEach(function (name, i) { C[name] = i; });
  var SEARCHED = ["id", "rule", "best_practices", "type", "resource", "account", "region", "where", "message",
                  "evidence", "waiver", "source"].map(function (c) { return C[c]; });
  var ORDER = {status: ["fail", "unknown", "waived", "pass"],
               severity: ["critical", "high", "medium", "low", "informational"]};

  var questionsOf = {};
  function questions(i) {  // "SEC03-BP07,SEC03-BP04" -> ["SEC03"]
    var q = questionsOf[i];
    if (!q) {
      q = [];
      S[i].split(",").forEach(function (bp) {
        var id = bp.split("-")[0];
        if (id && q.indexOf(id) < 0) { q.push(id); }
      });
      questionsOf[i] = q;
    }
    return q;
  }
  var serviceOf = {};
  function service(i) {  // "AWS::EC2::Volume" -> "EC2"; "AWS::::Account" -> "Account"
    var s = serviceOf[i];
    if (s === undefined) {
      var parts = S[i].split("::");
      s = parts.length > 2 ? (parts[1] || parts[2]) : S[i];
      serviceOf[i] = s;
    }
    return s;
  }

  var FILTERS = [
    {id: "status", label: "All statuses", values: function (r) { return [S[r[C.status]]]; }},
    {id: "severity", label: "All severities", values: function (r) { return [S[r[C.severity]]]; }},
    {id: "question", label: "All questions", values: function (r) { return questions(r[C.best_practices]); }},
    {id: "rule", label: "All rules", values: function (r) { return [S[r[C.rule]]]; }},
    {id: "account", label: "All accounts", values: function (r) { return [S[r[C.account]]]; }},
    {id: "region", label: "All regions", values: function (r) { return [S[r[C.region]]]; }},
    {id: "service", label: "All services", values: function (r) { return [service(r[C.type])]; }},
    {id: "type", label: "All resource types", values: function (r) { return [S[r[C.type]]]; }},
    {id: "source", label: "All sources", values: function (r) { return [S[r[C.source]]]; }}
  ];

  var controls = document.getElementById("ft-controls");
  var search = document.getElementById("ft-q");
  FILTERS.forEach(function (f) {
    var counts = {};
    rows.forEach(function (r) {
      f.values(r).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
    });
    var keys = Object.keys(counts);
    var order = ORDER[f.id];
    keys.sort(order ? function (a, b) { return order.indexOf(a) - order.indexOf(b); }
                    : function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
    var select = document.createElement("select");
    select.id = "ft-" + f.id;
    select.setAttribute("aria-label", f.label);
    select.appendChild(new Option(f.label, ""));
    keys.forEach(function (k) { select.appendChild(new Option((k || "(none)") + " (" + counts[k] + ")", "=" + k)); });
    select.addEventListener("change", update);
    controls.appendChild(select);
    f.select = select;
  });

  var matched = [], page = 0;
  var body = document.getElementById("ft-body");
  var count = document.getElementById("ft-count");
  var where = document.getElementById("ft-page");
  var prev = document.getElementById("ft-prev"), next = document.getElementById("ft-next");

  function stringsMatching(word) {  // which distinct strings contain the word (checked once, not per row)
    var hit = new Uint8Array(S.length);
    for (var i = 0; i < S.length; i++) { if (S[i].toLowerCase().indexOf(word) >= 0) { hit[i] = 1; } }
    return hit;
  }

  function update() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean).map(stringsMatching);
    var active = FILTERS.filter(function (f) { return f.select.value; });
    matched = [];
    for (var n = 0; n < rows.length; n++) {
      var r = rows[n], ok = true;
      for (var a = 0; ok && a < active.length; a++) {
        ok = active[a].values(r).indexOf(active[a].select.value.slice(1)) >= 0;
      }
      for (var w = 0; ok && w < words.length; w++) {
        ok = false;
        for (var c = 0; !ok && c < SEARCHED.length; c++) { ok = words[w][r[SEARCHED[c]]] === 1; }
      }
      if (ok) { matched.push(n); }
    }
    page = 0;
    draw();
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function flat(value, path, out) {  // {"a": {"b": [1]}} -> a.b[0] = 1
    if (Array.isArray(value) && value.length) {
      value.forEach(function (v, i) { flat(v, path + "[" + i + "]", out); });
    } else if (value && typeof value === "object" && Object.keys(value).length) {
      Object.keys(value).forEach(function (k) { flat(value[k], path ? path + "." + k : k, out); });
    } else {
      out.push((path ? path + " = " : "") + JSON.stringify(value));
    }
    return out;
  }

  function evidence(text) {  // the evidence a check read, one "property.path = value" line per value
    var value;
    try { value = JSON.parse(text || "{}"); } catch (e) { return text; }
    return flat(value, "", []).filter(function (line) { return line !== "{}"; }).join("\n");
  }

  function cell(label) {
    var td = el("td");
    td.setAttribute("data-label", label);
    return td;
  }

  function row(r) {
    var tr = el("tr");
    var status = S[r[C.status]];
    var td = cell("Status");
    td.appendChild(el("span", status, "status st-" + status));
    tr.appendChild(td);
    tr.appendChild(cell("Severity")).textContent = S[r[C.severity]];
    td = cell("Rule");
    td.appendChild(el("code", S[r[C.rule]]));
    var source = S[r[C.source]];
    if (source && source !== "wasp") {  // evidence from a security service's own findings
      td.appendChild(document.createTextNode(" "));
      td.appendChild(el("span", "from " + source, "source"));
    }
    S[r[C.best_practices]].split(",").forEach(function (bp) {
      if (!bp) { return; }
      td.appendChild(document.createTextNode(" "));
      if (guidance[bp]) {
        var a = el("a", bp);
        a.href = guidance[bp];
        a.rel = "noopener noreferrer";
        td.appendChild(a);
      } else {
        td.appendChild(el("span", bp));
      }
    });
    tr.appendChild(td);
    td = cell("Resource");
    td.appendChild(el("code", S[r[C.type]]));
    td.appendChild(el("div", S[r[C.resource]]));
    var place = [S[r[C.account]], S[r[C.region]], S[r[C.where]]].filter(Boolean).join(" · ");
    if (place) { td.appendChild(el("div", place, "small")); }
    tr.appendChild(td);
    td = cell("Message");
    td.appendChild(el("div", S[r[C.message]]));
    var details = el("details");
    details.appendChild(el("summary", "evidence", "small"));
    var meta = "finding " + S[r[C.id]] + " · observed " + (S[r[C.observed_at]] || "-");
    if (S[r[C.waiver]]) { meta += " · waiver " + S[r[C.waiver]]; }
    details.appendChild(el("div", meta, "small"));
    details.appendChild(el("pre", evidence(S[r[C.evidence]]) || "(no evidence recorded)"));
    td.appendChild(details);
    tr.appendChild(td);
    return tr;
  }

  function draw() {
    var pages = Math.max(1, Math.ceil(matched.length / PAGE));
    page = Math.min(Math.max(page, 0), pages - 1);
    var frag = document.createDocumentFragment();
    matched.slice(page * PAGE, (page + 1) * PAGE).forEach(function (n) { frag.appendChild(row(rows[n])); });
    body.textContent = "";
    body.appendChild(frag);
    count.textContent = matched.length + " of " + rows.length + " finding(s) match";
    where.textContent = "page " + (page + 1) + " of " + pages;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
    document.documentElement.setAttribute("data-ft-shown", String(body.children.length));
    document.documentElement.setAttribute("data-ft-matched", String(matched.length));
  }

  var timer = 0;
  search.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 150); });
  prev.addEventListener("click", function () { page -= 1; draw(); });
  next.addEventListener("click", function () { page += 1; draw(); });
  update();
})();
