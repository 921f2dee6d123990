// Runs the site's own search script (static/search.js) in Node against a built site,
// as the search page would, and reports what each query found and downloaded.
//
//   node scripts/search_node.js SITE LANG [--all] QUERY...
//
// Prints a JSON array, one entry per query: { query, count, hrefs, bytes, files }.
// `hrefs` are the results the page shows first (20), or all of them with --all;
// `bytes` and `files` count the index files loaded for that, meta.js included. Each
// query starts with an empty cache, as a reader arriving at the page would.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const args = process.argv.slice(2);
const all = args.includes("--all");
const [site, lang, ...queries] = args.filter((a) => a !== "--all");
if (!site || !lang) {
  console.error("usage: node scripts/search_node.js SITE LANG [--all] QUERY...");
  process.exit(2);
}

let loaded = [];
function run(rel) {
  const file = path.join(site, rel);
  const code = fs.readFileSync(file, "utf8");
  loaded.push(fs.statSync(file).size);
  vm.runInThisContext(code, { filename: file });
}

// Just enough of a page for search.js: no form (so it only defines plansiteSearch),
// and script elements that run the file they name.
global.window = global;
global.document = {
  querySelector: () => null,
  getElementById: () => null,
  createElement: () => ({}),
  head: {
    appendChild(s) {
      setImmediate(() => {
        try {
          run(s.src);
        } catch (e) {
          s.onerror(e);
          return;
        }
        s.onload();
      });
    },
  },
};

(async () => {
  const out = [];
  const script = fs.readFileSync(path.join(site, "static", "search.js"), "utf8");
  for (const query of queries) {
    loaded = [];
    run(`${lang}/search-index/meta.js`);
    vm.runInThisContext(script);
    const rows = await window.plansiteSearch(query, all ? 0 : 20);
    const count = await window.plansiteSearchCount(query);
    out.push({
      query,
      count,
      hrefs: rows.map((d) => d[2]),
      bytes: loaded.reduce((a, b) => a + b, 0),
      files: loaded.length,
    });
  }
  console.log(JSON.stringify(out));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
