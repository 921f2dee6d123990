// plansite search: runs in the page against the index whose `meta.js` loaded before it.
// Chinese has no spaces, so text is indexed by pairs of adjacent characters
// (bigrams); a query matches a document when every one of its bigrams and words does.
// The index is cut into parts (see the generator's search/shards.rs): a query loads
// the word shards its terms hash to, then the display rows of the results it shows.
// Parts are scripts, not JSON, so this works from disk as well as from a server.
(function () {
  "use strict";
  var meta = window.PLANSITE_SEARCH;
  if (!meta) return;
  var PAGE = 20;

  function isCjk(c) {
    var n = c.codePointAt(0);
    return (n >= 0x3400 && n <= 0x4dbf) || (n >= 0x4e00 && n <= 0x9fff) ||
      (n >= 0xf900 && n <= 0xfaff) || (n >= 0x20000 && n <= 0x2fa1f);
  }

  // The generator's stem: an English plural's singular ("revenues" → "revenue",
  // "industries" → "industry"), for words of four letters or more.
  function stem(word) {
    if (Array.from(word).length < 4 || /[^\x00-\x7f]/.test(word)) return word;
    if (/ies$/.test(word)) return word.slice(0, -3) + "y";
    if (/sses$/.test(word)) return word.slice(0, -2);
    if (/s$/.test(word) && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
    return word;
  }

  // The same split as the generator's search_grams: CJK runs become bigrams (a lone
  // character is itself, which the index also holds), everything else lowercased
  // words, stemmed. A word of two or more characters also matches as a prefix
  // ("electr" finds "electronic"); a single letter or digit only as itself, since its
  // keys would span every shard.
  function terms(text) {
    var out = [];
    var run = [];
    var word = "";
    function flush() {
      if (run.length === 1) out.push({ gram: run[0], prefix: false });
      for (var i = 0; i + 1 < run.length; i++) out.push({ gram: run[i] + run[i + 1], prefix: false });
      run = [];
    }
    function flushWord() {
      if (word) out.push({ gram: stem(word), prefix: Array.from(word).length > 1 });
      word = "";
    }
    Array.from(text).forEach(function (c) {
      if (isCjk(c)) {
        flushWord();
        run.push(c);
      } else if (/[\p{L}\p{N}]/u.test(c)) {
        flush();
        word += c.toLowerCase();
      } else {
        flush();
        flushWord();
      }
    });
    flush();
    flushWord();
    return out;
  }

  // FNV-1a over the code points of a key's first two characters: the generator's
  // shard_of. Keys sharing a two-character prefix share a shard.
  function shardOf(key) {
    var h = 0x811c9dc5;
    Array.from(key).slice(0, 2).forEach(function (c) {
      h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0;
    });
    return h % meta.shards;
  }

  var root = "";
  var sheet = document.querySelector("link[rel=stylesheet]");
  if (sheet) root = (sheet.getAttribute("href") || "").replace(/static\/style\.css$/, "");

  // Each part is loaded once, as a script that hands its data to PLANSITE_SEARCH_PART.
  var parts = {};
  var loading = {};
  window.PLANSITE_SEARCH_PART = function (name, data) { parts[name] = data; };
  function part(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.onload = function () { resolve(parts[name]); };
        s.onerror = function () { delete loading[name]; reject(new Error("cannot load " + name)); };
        s.src = root + meta.base + name + ".js";
        document.head.appendChild(s);
      });
    }
    return loading[name];
  }

  // Documents holding a term, as { doc: titleFlag }. A posting is doc * 2 + (1 when
  // the key is in the document's title), stored as steps from the one before.
  function postings(shard, term) {
    var out = {};
    function add(list) {
      var v = 0;
      for (var i = 0; i < list.length; i++) {
        v += list[i];
        var d = v >> 1;
        out[d] = (out[d] || 0) | (v & 1);
      }
    }
    if (!term.prefix) add(shard[term.gram] || []);
    else Object.keys(shard).forEach(function (k) { if (k.lastIndexOf(term.gram, 0) === 0) add(shard[k]); });
    return out;
  }

  // Rank by kind (documents are stored in kind order, targets first), then those
  // whose title holds every term, then document order.
  function rank(found) {
    return Object.keys(found).map(Number).sort(function (a, b) {
      return kindOf(a) - kindOf(b) || found[b] - found[a] || a - b;
    });
  }
  function kindOf(doc) {
    for (var i = 0; i < meta.ranges.length; i++) {
      var r = meta.ranges[i];
      if (doc >= r[1] && doc < r[1] + r[2]) return i;
    }
    return meta.ranges.length;
  }

  // The ranked document numbers for a query.
  function search(query) {
    var ts = terms(query);
    if (!ts.length) return Promise.resolve([]);
    var names = ts.map(function (t) { return "g" + shardOf(t.gram); });
    return Promise.all(names.map(part)).then(function (shards) {
      var result = null;
      ts.forEach(function (t, i) {
        var found = postings(shards[i], t);
        if (result === null) { result = found; return; }
        var next = {};
        Object.keys(result).forEach(function (d) {
          if (d in found) next[d] = result[d] & found[d];
        });
        result = next;
      });
      return rank(result || {});
    });
  }

  // The display rows [kind, title, href, context] of some documents.
  function rows(docs) {
    var chunks = {};
    docs.forEach(function (d) { chunks[Math.floor(d / meta.chunk)] = true; });
    return Promise.all(Object.keys(chunks).map(function (c) { return part("d" + c); })).then(function () {
      return docs.map(function (d) { return parts["d" + Math.floor(d / meta.chunk)][d % meta.chunk]; });
    });
  }

  // The search itself, for the page below and for tests: the first `limit` results
  // (all of them without a limit) as display rows.
  window.plansiteSearch = function (query, limit) {
    return search(query).then(function (docs) { return rows(limit ? docs.slice(0, limit) : docs); });
  };
  window.plansiteSearchCount = function (query) {
    return search(query).then(function (docs) { return docs.length; });
  };

  var form = document.querySelector(".search-form");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  if (!form || !input || !list) return;

  var asked = 0;
  var hits = [];
  var shown = 0;

  function item(d) {
    var li = document.createElement("li");
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = meta.kinds[d[0]];
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
    return li;
  }

  // Shows the next page of the current results; `ticket` drops pages of a query the
  // reader has already typed past.
  function showMore(ticket) {
    var next = hits.slice(shown, shown + PAGE);
    shown += next.length;
    return rows(next).then(function (ds) {
      if (ticket !== asked) return;
      ds.forEach(function (d) { list.appendChild(item(d)); });
      if (more) more.hidden = shown >= hits.length;
    });
  }

  function show(query) {
    var ticket = ++asked;
    if (!query.trim()) {
      list.textContent = "";
      status.textContent = "";
      if (more) more.hidden = true;
      return;
    }
    search(query).then(function (found) {
      if (ticket !== asked) return;
      list.textContent = "";
      hits = found;
      shown = 0;
      var count = hits.length === 1 ? "data-count-one" : "data-count";
      status.textContent = hits.length ? list.getAttribute(count).replace("{n}", hits.length) : list.getAttribute("data-none");
      return showMore(ticket);
    }).catch(function () {
      if (ticket === asked) status.textContent = list.getAttribute("data-failed");
    });
  }

  if (more) more.addEventListener("click", function () { showMore(asked); });
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
