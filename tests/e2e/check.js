#!/usr/bin/env node
// Browser checks of a built plansite site, in Debian's Chromium driven by playwright-core.
//
//   node check.js SITE_DIR [SCREENSHOT_DIR]
//
// SITE_DIR must have been built with a base_url whose path is /plans/. The site is
// served from 127.0.0.1 under /plans/ by a small server here, and checked for:
//   1. axe-core: every page template, both languages, normal and care mode: 0 violations;
//   2. care mode: text at least 1.5x larger, line spacing at least 1.5, remembered across pages;
//   3. keyboard: a walk from the home page to a target's chart table with Tab and Enter only;
//   4. network: no request leaves 127.0.0.1 (or the disk) while pages load;
//   5. styles: the site renders with its stylesheet under the sub-path and from file://;
//   6. search: Chinese, English and mixed queries find their pages, over HTTP and from disk;
//   7. charts: a 390 px phone gets each chart's narrow drawing, no text under 11 px, no
//      two labels overlapping (charts.js);
//   8. all targets: filters and sorting work, and live in the address, over HTTP and
//      from disk;
//   9. policy: no page breaks its own Content-Security-Policy (scripts, styles, search,
//      care mode all work under it), over HTTP and from disk.
// Every check also runs once on a known-bad page, so that a clean result can be trusted.
"use strict";
const { chromium } = require("playwright-core");
const { checkCharts } = require("./charts.js");
const http = require("http");
const fs = require("fs");
const os = require("os");
const path = require("path");

const SITE = path.resolve(process.argv[2] || "");
const SHOTS = process.argv[3] ? path.resolve(process.argv[3]) : null;
const PREFIX = "/plans/";
const AXE = require.resolve("axe-core/axe.min.js");
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const HEADER_BLUE = "rgb(11, 61, 110)";
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml", ".csv": "text/csv; charset=utf-8", ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain" };

let failures = 0;
function fail(message) { failures++; console.log("FAIL " + message); }
function pass(message) { console.log("ok   " + message); }

// Serves SITE under PREFIX on 127.0.0.1; unknown paths get the site's 404 page.
function startServer() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(PREFIX) || rel.includes("..")) { res.writeHead(404); return res.end(); }
    rel = rel.slice(PREFIX.length);
    let file = path.join(SITE, rel);
    if (rel === "" || rel.endsWith("/")) file = path.join(file, "index.html");
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": TYPES[".html"] });
      return res.end(fs.readFileSync(path.join(SITE, "404.html")));
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// The page templates, each by one representative page.
function templatePages() {
  const first = (dir) => fs.readdirSync(path.join(SITE, "zh", dir)).filter((d) =>
    fs.existsSync(path.join(SITE, "zh", dir, d, "index.html"))).sort()[0];
  const planWithOutcomes = fs.existsSync(path.join(SITE, "zh/plans/ganzhou-2021-work-points")) ? "ganzhou-2021-work-points" : first("plans");
  const targetDir = path.join(SITE, "zh/plans", planWithOutcomes);
  const targets = fs.readdirSync(targetDir).filter((d) => fs.existsSync(path.join(targetDir, d, "index.html"))).sort();
  const target = targets.includes("electronics-output") ? "electronics-output" : targets[0];
  const breakdownPlan = fs.existsSync(path.join(SITE, "zh/plans/ganjiang-2021-2023/optoelectronics-revenue")) ? "plans/ganjiang-2021-2023/optoelectronics-revenue/" : null;
  const pages = [
    ["home", ""], ["plans", "plans/"], ["plan", `plans/${planWithOutcomes}/`], ["target", `plans/${planWithOutcomes}/${target}/`],
    ["chains", "chains/"], ["chain", `chains/${first("chains")}/`], ["topics", "topics/"], ["topic", `topics/${first("topics")}/`],
    ["regions", "regions/"], ["region", `regions/${first("regions")}/`], ["units", "units/"], ["unit", `units/${first("units")}/`],
    ["years", "years/"], ["year", `years/${first("years")}/`], ["search", "search/?q=%E7%94%B5%E5%AD%90"], ["data", "data/"],
    ["progress", "progress/"], ["all targets", "targets/"], ["not found", "404.html"],
  ];
  if (breakdownPlan) pages.push(["target with breakdown", breakdownPlan]);
  return pages;
}

async function runAxe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(" | ")}`);
  });
}

async function setCare(page, on) {
  await page.evaluate((value) => window.localStorage.setItem("plansite-care", value), on ? "on" : "off");
  await page.reload({ waitUntil: "load" });
}

async function checkAxe(context, base) {
  const page = await context.newPage();
  let runs = 0;
  for (const lang of ["zh", "en"]) {
    for (const [name, rel] of templatePages()) {
      for (const care of [false, true]) {
        await page.goto(`${base}${lang}/${rel}`, { waitUntil: "load" });
        await setCare(page, care);
        const violations = await runAxe(page);
        runs++;
        const label = `axe ${lang} ${name}${care ? " (care mode)" : ""}`;
        if (violations.length) fail(`${label}: ${violations.length} violation(s)\n       ${violations.join("\n       ")}`);
      }
    }
  }
  // The root page sends readers on with a meta refresh; check it with the refresh removed.
  const rootHtml = fs.readFileSync(path.join(SITE, "index.html"), "utf8").replace(/<meta http-equiv="refresh"[^>]*>/, "");
  await page.goto(`${base}static/style.css`);
  await page.setContent(rootHtml, { waitUntil: "load" });
  const root = await runAxe(page);
  runs++;
  if (root.length) fail(`axe root redirect page: ${root.join("; ")}`);
  pass(`axe-core ${require("axe-core/package.json").version}: ${runs} page loads (templates x 2 languages x 2 modes)`);
  // Positive control: a page with known violations must be caught.
  await page.setContent(`<!DOCTYPE html><html><head><title></title></head><body><img src="x.png"><a href="#"></a>
    <p style="color:#eee;background:#fff">low contrast</p></body></html>`);
  const control = await runAxe(page);
  if (control.length >= 3) pass(`axe positive control caught ${control.length} violations`);
  else fail(`axe positive control caught only ${control.length} violations: injection broken`);
  await page.close();
}

async function checkCareMode(context, base) {
  const page = await context.newPage();
  await page.goto(`${base}zh/`, { waitUntil: "load" });
  await setCare(page, false);
  const normal = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  const toggle = page.locator("#care-toggle");
  if (!(await toggle.isVisible())) fail("care mode: the switch is not visible");
  await toggle.click();
  const care = await page.evaluate(() => ({
    on: document.documentElement.classList.contains("care"),
    size: parseFloat(getComputedStyle(document.body).fontSize),
    line: parseFloat(getComputedStyle(document.querySelector("main p") || document.body).lineHeight) /
      parseFloat(getComputedStyle(document.querySelector("main p") || document.body).fontSize),
    pressed: document.getElementById("care-toggle").getAttribute("aria-pressed"),
    cursor: getComputedStyle(document.documentElement).cursor,
  }));
  const ratio = care.size / normal;
  if (!care.on || care.pressed !== "true") fail("care mode: the switch did not turn it on");
  else if (ratio < 1.5) fail(`care mode: text only ${ratio.toFixed(2)}x larger`);
  else if (care.line < 1.5) fail(`care mode: line spacing ${care.line.toFixed(2)}`);
  else if (!care.cursor.includes("cursor-large")) fail(`care mode: cursor not enlarged (${care.cursor})`);
  else pass(`care mode: text ${ratio.toFixed(2)}x, line spacing ${care.line.toFixed(2)}, large cursor, aria-pressed`);
  await page.goto(`${base}en/plans/`, { waitUntil: "load" });
  const kept = await page.evaluate(() => document.documentElement.classList.contains("care"));
  if (kept) pass("care mode: remembered on the next page");
  else fail("care mode: lost on the next page");
  // Care mode reads the page aloud: the button shows, and pressing it speaks the
  // page's main text (the browser's speech is recorded, not played); targets are at
  // least 44 px tall.
  await page.evaluate(() => {
    window.__spoken = [];
    window.speechSynthesis.speak = (u) => window.__spoken.push(u.text);
  });
  const read = page.locator("#read-aloud");
  if (!(await read.isVisible())) fail("care mode: no read-aloud button");
  else {
    await read.click();
    const spoken = await page.evaluate(() => ({
      text: window.__spoken.join(" "), pressed: document.getElementById("read-aloud").getAttribute("aria-pressed"),
      smallest: Math.min(...Array.from(document.querySelectorAll(".main-nav a, button")).filter((e) => e.offsetParent)
        .map((e) => e.getBoundingClientRect().height)),
    }));
    const h1 = await page.textContent("main h1");
    if (spoken.text.includes(h1.trim()) && spoken.pressed === "true") pass(`care mode: reads the page aloud (${spoken.text.length} characters)`);
    else fail(`care mode: read aloud spoke ${JSON.stringify(spoken.text.slice(0, 80))}`);
    if (spoken.smallest >= 44) pass(`care mode: every navigation link and button is at least 44 px tall (${spoken.smallest.toFixed(0)})`);
    else fail(`care mode: a target is ${spoken.smallest.toFixed(0)} px tall`);
  }
  // At a phone's width, care mode's larger type still fits: no sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const rel of ["zh/targets/", "en/plans/"]) {
    await page.goto(`${base}${rel}`, { waitUntil: "load" });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) fail(`care mode at 390 px: ${rel} is ${width} px wide`);
    else pass(`care mode at 390 px: ${rel} fits (${width} px)`);
  }
  // Positive control: without the setting the class is absent.
  await setCare(page, false);
  const off = await page.evaluate(() => document.documentElement.classList.contains("care"));
  if (off) fail("care mode positive control: stays on when switched off");
  if (await page.locator("#read-aloud").isVisible()) fail("care mode positive control: read aloud shows outside care mode");
  await page.close();
}

// Tabs until `predicate` holds for the focused element; returns false after `limit` tabs.
async function tabUntil(page, predicate, limit = 250) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(predicate)) return true;
  }
  return false;
}

// Presses Enter on the focused link and waits for the next page to load.
async function follow(page) {
  const before = page.url();
  await Promise.all([
    page.waitForURL((u) => u.href !== before, { waitUntil: "load", timeout: 10000 }),
    page.keyboard.press("Enter"),
  ]);
}

async function keyboardWalk(page, start) {
  await page.goto(start, { waitUntil: "load" });
  const toPlan = await tabUntil(page, () => {
    const a = document.activeElement;
    return a && a.matches(".plan-card a");
  });
  if (!toPlan) return "no plan link reachable from the home page";
  await follow(page);
  // Not every target has a chart (a ranking, a figure the plan gives no base for):
  // walk to the first target that has one, each time from the plan page by keyboard.
  const planUrl = page.url();
  let charted = false;
  for (let k = 0; k < 8 && !charted; k++) {
    if (k > 0) await page.goto(planUrl, { waitUntil: "load" });
    for (let i = 0; i <= k; i++) {
      const toTarget = await tabUntil(page, () => {
        const a = document.activeElement;
        return a && a.matches("table.targets tbody th a");
      });
      if (!toTarget) return "no target link reachable on the plan page";
    }
    await follow(page);
    charted = await page.evaluate(() => !!document.querySelector("#chart-target"));
  }
  if (!charted) return "none of the plan's first targets has a chart";
  const toTable = await tabUntil(page, () => {
    const a = document.activeElement;
    return a && a.matches("#chart-target .table-scroll") && !!a.querySelector("table.chart-data");
  });
  if (!toTable) return "the chart's data table is not reachable on the target page";
  const visible = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });
  return visible ? null : "the focused chart table is scrolled out of view";
}

async function checkKeyboard(context, base) {
  const page = await context.newPage();
  await setCare(await (async () => { await page.goto(`${base}zh/`); return page; })(), false);
  for (const lang of ["zh", "en"]) {
    const problem = await keyboardWalk(page, `${base}${lang}/`);
    if (problem) fail(`keyboard (${lang}): ${problem}`);
    else pass(`keyboard (${lang}): home → plan → target → chart data table with Tab and Enter only`);
  }
  // Positive control: a home page whose plan links are out of the tab order.
  const bad = path.join(os.tmpdir(), `plansite-kbd-${process.pid}.html`);
  fs.writeFileSync(bad, "<!DOCTYPE html><html lang=en><title>x</title><ul><li class=plan-card><a href=# tabindex=-1>plan</a></li></ul>");
  const problem = await keyboardWalk(page, "file://" + bad).catch((e) => String(e));
  if (problem) pass("keyboard positive control: an unreachable link is caught");
  else fail("keyboard positive control: an unreachable link went unnoticed");
  fs.rmSync(bad, { force: true });
  await page.close();
}

async function checkNetwork(context, base) {
  const offsite = [];
  const page = await context.newPage();
  page.on("request", (r) => {
    const u = new URL(r.url());
    const local = u.protocol === "file:" || u.protocol === "data:" || u.protocol === "about:" || u.hostname === "127.0.0.1";
    if (!local) offsite.push(r.url());
  });
  let loads = 0;
  for (const lang of ["zh", "en"]) {
    for (const [, rel] of templatePages()) {
      await page.goto(`${base}${lang}/${rel}`, { waitUntil: "networkidle" });
      loads++;
    }
  }
  if (offsite.length) fail(`network: requests left 127.0.0.1: ${[...new Set(offsite)].join(", ")}`);
  else pass(`network: ${loads} page loads, no request left 127.0.0.1`);
  // Positive control: a page that loads a remote image is caught.
  offsite.length = 0;
  await page.setContent('<!DOCTYPE html><html lang=en><title>x</title><img alt="" src="https://example.com/x.png">');
  await page.waitForTimeout(200);
  if (offsite.length) pass("network positive control: a remote request is caught");
  else fail("network positive control: a remote request went unnoticed");
  await page.close();
}

// The all-targets page: a view given in the address is applied, choosing a filter
// or a sort puts it in the address, and the same holds from disk.
async function checkAllTargets(context, base) {
  const page = await context.newPage();
  const state = () => page.evaluate(() => {
    const rows = Array.from(document.querySelectorAll("#all-targets tbody tr"));
    const shown = rows.filter((r) => !r.hidden);
    return {
      total: rows.length, shown: shown.length, count: document.getElementById("targets-count").textContent,
      years: shown.map((r) => Number(r.dataset.year)), plans: [...new Set(shown.map((r) => r.dataset.plan))],
      statuses: [...new Set(shown.map((r) => r.dataset.status))], query: location.search,
      choices: Array.from(document.querySelectorAll("#target-filters select[name=plan] option")).map((o) => o.value).filter(Boolean),
    };
  });
  await page.goto(`${base}en/targets/index.html`, { waitUntil: "load" });
  const all = await state();
  const plan = all.choices[all.choices.length - 1];
  await page.goto(`${base}en/targets/index.html?plan=${plan}&sort=-year`, { waitUntil: "load" });
  const filtered = await state();
  const descending = filtered.years.every((y, i) => i === 0 || filtered.years[i - 1] >= y);
  if (filtered.plans.length === 1 && filtered.plans[0] === plan && filtered.shown > 0 && filtered.shown < all.total &&
      descending && filtered.count.startsWith(`${filtered.shown} of ${all.total}`)) {
    pass(`all targets: ?plan=${plan}&sort=-year shows its ${filtered.shown} of ${all.total} targets, latest year first`);
  } else fail(`all targets: address view not applied: ${JSON.stringify(filtered).slice(0, 300)}`);
  await page.selectOption("#target-filters select[name=plan]", "");
  await page.selectOption("#target-filters select[name=status]", "no_data");
  await page.click('#all-targets th[data-sort="year"] button');
  const chosen = await state();
  if (chosen.query === "?status=no_data&sort=-year" || chosen.query === "?status=no_data&sort=year") {
    const ok = chosen.statuses.length === 1 && chosen.statuses[0] === "no_data";
    (ok ? pass : fail)(`all targets: choosing a status and a sort puts them in the address (${chosen.query})`);
  } else fail(`all targets: the address did not follow the choice: ${chosen.query}`);
  await page.goto(`file://${path.join(SITE, "zh/targets/index.html")}?status=no_data`, { waitUntil: "load" });
  const disk = await state();
  if (disk.shown > 0 && disk.statuses.length === 1 && disk.statuses[0] === "no_data") pass(`all targets from disk: ?status=no_data shows ${disk.shown} targets`);
  else fail(`all targets from disk: ${JSON.stringify(disk).slice(0, 300)}`);
  // Control: words no target has leave nothing shown, and the count says so.
  await page.goto(`${base}en/targets/index.html?q=zzqqxx`, { waitUntil: "load" });
  const none = await state();
  if (none.shown === 0 && none.count.startsWith("0 of")) pass("all targets control: words no target has show none");
  else fail(`all targets control: ${JSON.stringify(none).slice(0, 200)}`);
  await page.close();
}

// Every page template, both languages, over HTTP and from disk, loads with no
// Content-Security-Policy violation: what the policy would block is not there.
async function checkPolicy(base) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: ARGS });
  const context = await browser.newContext();
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    return u.protocol === "https:" || (u.protocol === "http:" && u.hostname !== "127.0.0.1") ? route.abort() : route.continue();
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const seen = [];
  let loads = 0;
  let policed = 0;
  const visit = async (url) => {
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(50);
    loads++;
    const found = await page.evaluate(() => ({
      violations: window.__violations,
      policy: !!document.querySelector('meta[http-equiv="Content-Security-Policy"]'),
    }));
    if (found.policy) policed++;
    for (const v of found.violations) seen.push(`${url}: ${v}`);
  };
  for (const lang of ["zh", "en"]) {
    for (const [, rel] of templatePages()) await visit(`${base}${lang}/${rel}`);
  }
  for (const [, rel] of templatePages().slice(0, 6)) {
    await visit("file://" + path.join(SITE, "zh", rel.split("?")[0], rel.endsWith(".html") ? "" : "index.html"));
  }
  await visit(`file://${path.join(SITE, "en/search/index.html")}?q=${encodeURIComponent("electronics")}`);
  if (seen.length) fail(`policy: ${seen.length} violations: ${seen.slice(0, 5).join("; ")}`);
  else if (policed !== loads) fail(`policy: ${loads - policed} of ${loads} pages carry no policy`);
  else pass(`policy: ${loads} page loads under the Content-Security-Policy, no violation`);
  // Positive control: a page under the same policy with an inline script and an inline
  // style has both refused, and reported.
  await page.goto(`${base}zh/`, { waitUntil: "load" });
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  const control = path.join(SITE, "policy-control.html");
  fs.writeFileSync(control, `<!DOCTYPE html><html lang=en><head><meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, "&quot;")}"><title>x</title></head><body><script>document.title="ran"</script><p style="color:red">x</p></body></html>`);
  await page.goto(`${base}policy-control.html`, { waitUntil: "load" });
  await page.waitForTimeout(100);
  const caught = await page.evaluate(() => ({ title: document.title, violations: window.__violations.length }));
  fs.rmSync(control);
  if (caught.title === "x" && caught.violations >= 2) pass("policy positive control: an inline script and an inline style are refused and reported");
  else fail(`policy positive control: ${JSON.stringify(caught)}`);
  await browser.close();
}

// The search page, in the browser, over HTTP and from disk: Chinese without spaces,
// English, and mixed queries find the pages they should.
async function checkSearch(context, base) {
  const page = await context.newPage();
  const cases = [
    ["zh", "稀土", "plans/ganzhou-zones-2020-2022/rare-earth-institute-staff/"],
    ["zh", "家居", "plans/ganzhou-2021-work-points/furniture-output/"],
    ["zh", "电子信息", "chains/electronic-information/"],
    ["zh", "有机硅", "plans/ganjiang-2021-2023/silicones-revenue/"],
    ["zh", "光电信息 2023", "plans/ganjiang-2021-2023/optoelectronics-revenue/"],
    ["en", "organosilicon", "plans/ganjiang-2021-2023/silicones-revenue/"],
    ["en", "furniture", "chains/furniture/"],
    ["en", "有机硅", "plans/ganjiang-2021-2023/silicones-revenue/"],
  ];
  const hrefs = () => [...document.querySelectorAll("#search-results a")].map((a) => a.href);
  let ran = 0;
  for (const [lang, query, expected] of cases) {
    for (const from of ["http", "disk"]) {
      const url = from === "http"
        ? `${base}${lang}/search/index.html?q=${encodeURIComponent(query)}`
        : `file://${path.join(SITE, lang, "search", "index.html")}?q=${encodeURIComponent(query)}`;
      await page.goto(url, { waitUntil: "load" });
      await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, { timeout: 5000 }).catch(() => {});
      const found = await page.evaluate(hrefs);
      ran++;
      if (!found.some((h) => h.includes(`/${lang}/${expected}`))) {
        fail(`search (${lang}, ${from}) ${JSON.stringify(query)}: ${expected} not among ${found.length} results`);
      }
    }
  }
  pass(`search: ${ran} queries in the browser (Chinese, English, mixed; over HTTP and from disk)`);
  // Control: a query that matches nothing finds nothing, and says so; the checks
  // above would miss a search that returned everything.
  await page.goto(`${base}zh/search/index.html?q=${encodeURIComponent("不存在的词组合")}`, { waitUntil: "load" });
  await page.waitForFunction(() => document.getElementById("search-status").textContent.trim(), null, { timeout: 5000 }).catch(() => {});
  const none = await page.evaluate(() => document.querySelectorAll("#search-results li").length);
  const status = await page.locator("#search-status").textContent();
  if (none === 0 && status.trim()) pass("search control: a query with no match finds nothing and says so");
  else fail(`search control: ${none} results for a query that matches nothing`);
  // A common query shows its first 20 results, loading only some of the index's
  // parts; "more" shows the next ones.
  const asked = [];
  page.on("request", (r) => { if (r.url().includes("/search-index/")) asked.push(r.url()); });
  await page.goto(`${base}zh/search/index.html?q=${encodeURIComponent("亿元")}`, { waitUntil: "load" });
  await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, { timeout: 5000 }).catch(() => {});
  const first = await page.evaluate(() => document.querySelectorAll("#search-results li").length);
  const parts = fs.readdirSync(path.join(SITE, "zh", "search-index")).length;
  const loaded = new Set(asked).size;
  if (first === 20 && loaded < parts / 2) pass(`search pages: 20 results first, from ${loaded} of ${parts} index files`);
  else fail(`search pages: ${first} results first (want 20), ${loaded} of ${parts} index files loaded`);
  await page.click("#search-more");
  await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 20, null, { timeout: 5000 }).catch(() => {});
  const next = await page.evaluate(() => document.querySelectorAll("#search-results li").length);
  if (next > 20) pass(`search pages: "more" shows ${next - 20} further results`);
  else fail(`search pages: "more" left ${next} results`);
  await page.close();
}

async function headerColour(page, url) {
  await page.goto(url, { waitUntil: "load" });
  return page.evaluate(() => {
    const h = document.querySelector(".site-header");
    return h ? getComputedStyle(h).backgroundColor : "none";
  });
}

async function checkStyles(context, base) {
  const page = await context.newPage();
  const cases = [
    ["sub-path /plans/", `${base}zh/plans/`],
    ["sub-path, deep page", `${base}en/${templatePages().find((p) => p[0] === "target")[1]}`],
    ["from disk (file://)", "file://" + path.join(SITE, "zh/index.html")],
    ["from disk, deep page", "file://" + path.join(SITE, "en", templatePages().find((p) => p[0] === "target")[1], "index.html")],
    ["404 page at an unknown address", `${base}zh/no/such/page/`],
  ];
  for (const [name, url] of cases) {
    const colour = await headerColour(page, url);
    if (colour === HEADER_BLUE) pass(`styles: ${name}`);
    else fail(`styles: ${name} rendered without the stylesheet (${colour})`);
  }
  // Positive control: the same page with a broken stylesheet link is caught.
  const copy = path.join(SITE, "zh", `styles-control-${process.pid}.html`);
  fs.writeFileSync(copy, fs.readFileSync(path.join(SITE, "zh/index.html"), "utf8").replace("static/style.css", "static/missing.css"));
  const colour = await headerColour(page, "file://" + copy);
  fs.rmSync(copy, { force: true });
  if (colour !== HEADER_BLUE) pass("styles positive control: a missing stylesheet is caught");
  else fail("styles positive control: a missing stylesheet went unnoticed");
  await page.close();
}

async function screenshots(context, base) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const target = templatePages().find((p) => p[0] === "target")[1];
  for (const lang of ["zh", "en"]) {
    for (const care of [false, true]) {
      await page.goto(`${base}${lang}/${target}`, { waitUntil: "load" });
      await setCare(page, care);
      await page.screenshot({ path: path.join(SHOTS, `target-${lang}-${care ? "care" : "normal"}.png`), fullPage: true });
    }
  }
  await page.setViewportSize({ width: 320, height: 800 });
  for (const lang of ["zh", "en"]) {
    await page.goto(`${base}${lang}/${target}`, { waitUntil: "load" });
    await setCare(page, false);
    await page.screenshot({ path: path.join(SHOTS, `target-${lang}-320px.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 1) fail(`320 px (${lang}): the page is ${overflow}px wider than the screen`);
    else pass(`320 px (${lang}): no sideways scrolling of the page`);
  }
  await page.close();
}

(async () => {
  if (!fs.existsSync(path.join(SITE, "zh/index.html"))) {
    console.error("usage: node check.js SITE_DIR [SCREENSHOT_DIR]  (a site built with a base_url under /plans/)");
    process.exit(2);
  }
  const server = await startServer();
  const base = `http://127.0.0.1:${server.address().port}${PREFIX}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "plansite-e2e-"));
  // The checks inject their tools (axe) as inline scripts, which the pages' policy
  // refuses: this context sets the policy aside. checkPolicy uses one that keeps it.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: ARGS, bypassCSP: true,
  });
  // Nothing may leave the machine: requests elsewhere fail at once (and are reported).
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === "http:" && u.hostname !== "127.0.0.1") return route.abort();
    if (u.protocol === "https:") return route.abort();
    return route.continue();
  });
  // CHECKS=policy,search runs only those (while working on one); all run by default.
  const only = process.env.CHECKS ? process.env.CHECKS.split(",") : null;
  const checks = [
    ["axe", () => checkAxe(context, base)],
    ["care", () => checkCareMode(context, base)],
    ["keyboard", () => checkKeyboard(context, base)],
    ["network", () => checkNetwork(context, base)],
    ["styles", () => checkStyles(context, base)],
    ["search", () => checkSearch(context, base)],
    ["targets", () => checkAllTargets(context, base)],
    ["policy", () => checkPolicy(base)],
    ["charts", () => checkCharts(context, base, SITE, templatePages(), { pass, fail })],
    ["screenshots", () => screenshots(context, base)],
  ];
  try {
    for (const [name, run] of checks) {
      if (!only || only.includes(name)) await run();
    }
  } catch (e) {
    fail(`unexpected error: ${e.stack || e}`);
  } finally {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(failures ? `${failures} browser check(s) failed` : "all browser checks passed");
  process.exit(failures ? 1 : 0);
})();
