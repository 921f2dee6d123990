// plansite search: runs in the page against the index script loaded before it.
// Chinese has no spaces, so text is indexed by pairs of adjacent characters
// (bigrams); a query matches a document when every one of its bigrams and words does.
(function () {
  "use strict";
  var index = window.PLANSITE_SEARCH_INDEX;
  if (!index) return;

  function isCjk(c) {
    var n = c.codePointAt(0);
    return (n >= 0x3400 && n <= 0x4dbf) || (n >= 0x4e00 && n <= 0x9fff) ||
      (n >= 0xf900 && n <= 0xfaff) || (n >= 0x20000 && n <= 0x2fa1f);
  }

  // The same split as the generator's search_grams: CJK runs become bigrams (a lone
  // character stays itself), everything else lowercased words.
  function terms(text) {
    var out = [];
    var run = [];
    var word = "";
    function flush() {
      if (run.length === 1) out.push({ gram: run[0], prefix: false });
      for (var i = 0; i + 1 < run.length; i++) out.push({ gram: run[i] + run[i + 1], prefix: false });
      run = [];
    }
    Array.from(text).forEach(function (c) {
      if (isCjk(c)) {
        if (word) { out.push({ gram: word, prefix: true }); word = ""; }
        run.push(c);
      } else if (/[\p{L}\p{N}]/u.test(c)) {
        flush();
        word += c.toLowerCase();
      } else {
        flush();
        if (word) { out.push({ gram: word, prefix: true }); word = ""; }
      }
    });
    flush();
    if (word) out.push({ gram: word, prefix: true });
    return out;
  }

  var keys = Object.keys(index.grams).sort();

  // Documents holding a gram; Latin words also match as prefixes ("electr" finds
  // "electronic"), so a reader need not type whole words.
  function postings(term) {
    if (!term.prefix) return index.grams[term.gram] || [];
    var lo = 0, hi = keys.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (keys[mid] < term.gram) lo = mid + 1; else hi = mid; }
    var seen = {};
    var out = [];
    for (var i = lo; i < keys.length && keys[i].lastIndexOf(term.gram, 0) === 0; i++) {
      index.grams[keys[i]].forEach(function (d) { if (!seen[d]) { seen[d] = true; out.push(d); } });
    }
    return out;
  }

  function search(query) {
    var ts = terms(query);
    if (!ts.length) return [];
    var result = null;
    ts.forEach(function (t) {
      var set = {};
      postings(t).forEach(function (d) { set[d] = true; });
      result = result === null ? set : Object.keys(result).reduce(function (acc, d) {
        if (set[d]) acc[d] = true;
        return acc;
      }, {});
    });
    // Targets first: they are what readers look for; then the pages that list them.
    // Within a kind, those whose title holds the query come first.
    var order = { target: 0, plan: 1, chain: 2, topic: 3, region: 4, unit: 5 };
    var q = query.trim().toLowerCase();
    return Object.keys(result || {}).map(Number).sort(function (a, b) {
      var da = index.docs[a], db = index.docs[b];
      var ta = da[1].toLowerCase().indexOf(q) >= 0 ? 0 : 1;
      var tb = db[1].toLowerCase().indexOf(q) >= 0 ? 0 : 1;
      return order[da[0]] - order[db[0]] || ta - tb || a - b;
    });
  }

  // The search itself, for the page below and for tests: documents as [kind, title,
  // href, context].
  window.plansiteSearch = function (query) {
    return search(query).map(function (i) { return index.docs[i]; });
  };

  var form = document.querySelector(".search-form");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list) return;

  var root = (document.querySelector("link[rel=stylesheet]").getAttribute("href") || "").replace(/static\/style\.css$/, "");
  var kindNames = { plan: index.kinds[0], chain: index.kinds[1], target: index.kinds[2], topic: index.kinds[3], region: index.kinds[4], unit: index.kinds[5] };

  function show(query) {
    list.textContent = "";
    if (!query.trim()) { status.textContent = ""; return; }
    var hits = search(query);
    status.textContent = hits.length ? list.getAttribute("data-count").replace("{n}", hits.length) : list.getAttribute("data-none");
    hits.slice(0, 200).forEach(function (i) {
      var d = index.docs[i];
      var li = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = kindNames[d[0]];
      var a = document.createElement("a");
      a.href = root + d[2];
      a.textContent = d[1];
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      if (d[3]) {
        var p = document.createElement("p");
        p.className = "meta";
        p.textContent = d[3];
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  show(initial);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    show(input.value);
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    try { window.history.replaceState(null, "", url.toString()); } catch (err) { /* file: URLs */ }
  });
  input.addEventListener("input", function () { show(input.value); });
})();
