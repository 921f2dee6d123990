// The all-targets page: filters and sorting for the table of every target.
// Without this script the page is the whole table. The choice is kept in the
// address (?plan=…&year=…&sort=-year), so a filtered view can be shared; it works
// the same from a server and from the disk.
(function () {
  "use strict";
  var form = document.getElementById("target-filters");
  var table = document.getElementById("all-targets");
  var count = document.getElementById("targets-count");
  if (!form || !table || !count) return;
  var KEYS = ["plan", "subject", "region", "year", "status"];
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var order = rows.slice();
  var lang = document.documentElement.lang || "zh";
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var sort = "";
  // The order the rows are in now ("" for the page's own).
  var shownSort = "";

  function field(name) { return form.elements[name]; }

  // Each row's words, made on the first text search: reading every row's text costs
  // a second at 10,000 targets, which a reader who only picks from the lists never needs.
  var words = null;
  function wordsOf(i) {
    if (!words) words = rows.map(function (r) { return r.textContent.replace(/\s+/g, " ").toLowerCase(); });
    return words[i];
  }

  function cellText(row, column) { return row.cells[column].textContent.trim(); }

  function compare(column, key) {
    return function (a, b) {
      if (key === "year") return Number(a.dataset.year) - Number(b.dataset.year);
      return cellText(a, column).localeCompare(cellText(b, column), lang);
    };
  }

  function writeAddress() {
    var params = new URLSearchParams();
    KEYS.concat(["q"]).forEach(function (k) {
      var v = field(k).value.trim();
      if (v) params.set(k, v);
    });
    if (sort) params.set("sort", sort);
    var query = params.toString();
    try {
      history.replaceState(null, "", query ? "?" + query : location.pathname);
    } catch (e) {
      // Some browsers refuse to change the address of a page read from disk.
    }
  }

  function apply() {
    var want = KEYS.map(function (k) { return field(k).value; });
    var q = field("q").value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (r, i) {
      var keep = KEYS.every(function (k, j) { return !want[j] || r.dataset[k] === want[j]; }) &&
        (!q || wordsOf(i).indexOf(q) >= 0);
      // Only rows that change are touched: each change makes the browser lay the table
      // out again, and a large site's table has tens of thousands of rows.
      if (r.hidden === keep) r.hidden = !keep;
      if (keep) shown++;
    });
    var key = sort.replace(/^-/, "");
    var sorted = order.slice();
    headers.forEach(function (th, column) {
      if (!th.dataset.sort) return;
      var active = th.dataset.sort === key;
      th.setAttribute("aria-sort", active ? (sort.charAt(0) === "-" ? "descending" : "ascending") : "none");
      if (active) {
        sorted.sort(compare(column, key));
        if (sort.charAt(0) === "-") sorted.reverse();
      }
    });
    // Rows are moved only when the order changes; the page comes in the first order.
    if (sort !== shownSort) {
      var moved = document.createDocumentFragment();
      sorted.forEach(function (r) { moved.appendChild(r); });
      body.appendChild(moved);
      shownSort = sort;
    }
    count.textContent = count.dataset.shown.replace("{shown}", shown).replace("{total}", rows.length);
    writeAddress();
  }

  // Column headings become buttons: a first press sorts up, a second down.
  headers.forEach(function (th) {
    var key = th.dataset.sort;
    if (!key) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    button.setAttribute("aria-label", table.dataset.sortBy.replace("{column}", th.textContent.trim()));
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      sort = sort === key ? "-" + key : key;
      apply();
    });
  });

  var params = new URLSearchParams(location.search);
  KEYS.concat(["q"]).forEach(function (k) {
    var el = field(k);
    if (!params.has(k)) return;
    var value = params.get(k);
    // A value no choice offers (an old link) is ignored rather than hiding everything.
    if (el.tagName === "SELECT" && !Array.prototype.some.call(el.options, function (o) { return o.value === value; })) return;
    el.value = value;
  });
  var asked = params.get("sort") || "";
  if (headers.some(function (th) { return th.dataset.sort && th.dataset.sort === asked.replace(/^-/, ""); })) sort = asked;

  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { sort = ""; setTimeout(apply, 0); });
  apply();
})();
