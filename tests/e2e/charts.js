// Chart checks in the browser: at a 390 px phone each chart shows its narrow drawing
// with no text smaller than 11 px as rendered, and in every drawing no two labels
// overlap (boxes measured by the browser's own text layout, not our estimates).
"use strict";
const fs = require("fs");
const path = require("path");

const PHONE = { width: 390, height: 844 };
const MIN_PX = 11;

// The chart drawings each page shows, with the rendered size of the smallest text.
async function renderedText(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const img of document.querySelectorAll("figure.chart-figure img.chart")) {
      const src = img.currentSrc || img.src;
      const text = await (await fetch(src)).text();
      const svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
      const width = +svg.getAttribute("viewBox").split(" ")[2];
      const sizes = [...svg.querySelectorAll("text")].map((t) => +t.getAttribute("font-size")).filter((n) => n > 0);
      out.push({ src, smallest: Math.min(...sizes) * img.clientWidth / width });
    }
    return out;
  });
}

// Pairs of overlapping labels in the SVG at `url`, by the browser's boxes.
async function overlaps(page, url) {
  await page.goto(url, { waitUntil: "load" });
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll("text")].map((t) => ({ t: t.textContent, b: t.getBBox() }));
    const hits = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].b, b = boxes[j].b;
        const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
        const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        if (dx > 1.5 && dy > 1.5) hits.push(`"${boxes[i].t}" / "${boxes[j].t}"`);
      }
    }
    return hits;
  });
}

// Every chart drawing under the language folders, as a site path.
function svgFiles(site) {
  const out = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(site, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith(".svg")) out.push(r);
    }
  };
  for (const lang of ["zh", "en"]) if (fs.existsSync(path.join(site, lang))) walk(lang);
  return out.sort();
}

// The pages with charts to check: a target, a plan and a chain page of each language.
function chartPages(pages) {
  const wanted = ["target", "plan", "chain", "target with breakdown"];
  return pages.filter((p) => wanted.includes(p[0]));
}

async function checkCharts(context, base, site, pages, { pass, fail }) {
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  const drawings = new Set();
  for (const lang of ["zh", "en"]) {
    for (const [name, rel] of chartPages(pages)) {
      await page.goto(`${base}${lang}/${rel}`, { waitUntil: "load" });
      const charts = await renderedText(page);
      if (!charts.length) { fail(`charts (${lang} ${name}): no chart on the page`); continue; }
      for (const c of charts) {
        const file = c.src.split("/").pop();
        if (!file.endsWith("-narrow.svg")) fail(`charts (${lang} ${name}): a 390 px phone gets ${file}, not the narrow drawing`);
        if (c.smallest < MIN_PX) fail(`charts (${lang} ${name}): ${file} shows text at ${c.smallest.toFixed(1)} px at 390 px`);
        else pass(`charts (${lang} ${name}): ${file}: smallest text ${c.smallest.toFixed(1)} px at 390 px`);
        drawings.add(c.src);
        drawings.add(c.src.replace("-narrow.svg", ".svg"));
      }
    }
  }
  // Every drawing of the site, not only those pages: labels never overlap.
  for (const rel of svgFiles(site)) drawings.add(base + rel);
  let clean = 0;
  for (const url of drawings) {
    const hits = await overlaps(page, url);
    if (hits.length) fail(`charts: labels overlap in ${url.replace(base, "")}: ${hits.slice(0, 3).join("; ")}`);
    else clean++;
  }
  pass(`charts: no labels overlap in ${clean} of ${drawings.size} drawings`);
  // Positive controls: overlapping labels and small text are caught.
  const control = path.join(site, `chart-control-${process.pid}.svg`);
  fs.writeFileSync(control, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 100">' +
    '<text x="10" y="50" font-size="14">overlapping label</text><text x="40" y="52" font-size="14">another label</text></svg>');
  const hits = await overlaps(page, `${base}${path.basename(control)}`);
  fs.rmSync(control, { force: true });
  if (hits.length) pass("charts positive control: overlapping labels are caught");
  else fail("charts positive control: overlapping labels went unnoticed");
  await page.close();
}

module.exports = { checkCharts };
