// Checks the editors' JSON Schemas as an editor's YAML plugin would use them: every
// YAML file of the given sites that names a schema on its first line
// (`# yaml-language-server: $schema=…`) must be valid against it, and files with a
// misspelt or unknown field must not be.
// Usage: node schema.mjs SITE_DIR... (each with its schemas/ folder)
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import YAML from "yaml";

const MODELINE = /^# yaml-language-server: \$schema=(\S+)\n/;

function yamlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "node_modules" || name === "target" || name.startsWith(".")) continue;
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (name.endsWith(".yaml")) out.push(path);
  }
  return out;
}

const validators = new Map();
function validatorFor(schemaPath) {
  if (!validators.has(schemaPath)) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    validators.set(schemaPath, ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8"))));
  }
  return validators.get(schemaPath);
}

let failures = 0;
let checked = 0;
function fail(message) {
  console.error(`schema: ${message}`);
  failures += 1;
}

function check(path, text, { expectValid }) {
  const m = MODELINE.exec(text);
  if (!m) return false;
  const validate = validatorFor(resolve(dirname(path), m[1]));
  const data = YAML.parse(text, { version: "1.2", schema: "core" });
  const ok = validate(data);
  checked += 1;
  if (ok !== expectValid) {
    const why = ok ? "was accepted" : JSON.stringify(validate.errors.slice(0, 3));
    fail(`${path}: expected ${expectValid ? "valid" : "invalid"}, ${why}`);
  }
  return true;
}

const sites = process.argv.slice(2);
if (sites.length === 0) {
  console.error("usage: node schema.mjs SITE_DIR...");
  process.exit(2);
}
for (const site of sites) {
  let named = 0;
  const files = [join(site, "site.yaml"), ...yamlFiles(join(site, "content")), ...yamlFiles(join(site, "seeds"))];
  for (const path of files) {
    const text = readFileSync(path, "utf8");
    if (check(path, text, { expectValid: true })) named += 1;
    // The same file with a misspelt key added to its first mapping must be refused.
    const data = YAML.parse(text);
    const target = Array.isArray(data) ? data[0] : data;
    if (target && typeof target === "object") {
      target.colour = "red";
      const bad = text.match(MODELINE)[0] + YAML.stringify(data);
      check(path + " (with an unknown field)", bad, { expectValid: false });
    }
  }
  if (named === 0) fail(`${site}: no YAML file names a schema`);
}
// Value forms: what the loader accepts and refuses, as the schema says it.
const plan = sites[0] && join(sites[0], "schemas", "plan.schema.json");
const validatePlan = validatorFor(resolve(plan));
const base = {
  issuer: "a", region: "b", record: "c", horizon: { start: 2021, end: 2025 },
};
const target = (value) => ({
  ...base,
  targets: [{
    id: "t", name: { zh: "甲", en: "A" }, chain: "c", metric: "output", unit: "yi-yuan",
    year: 2025, value, source: { clause: "二" },
  }],
});
for (const [value, ok] of [
  ["double", true],
  [{ reach: 2600, qualifier: "strive" }, true],
  [{ range: [3, 5], or: "more" }, true],
  [{ increase_by: 15 }, true],
  [{ average_growth: { about: 9 } }, true],
  [{ tiers: { floor: { exceed: 1000, qualifier: "ensure" }, stretch: { reach: 1200 } } }, true],
  ["triple", false],
  [{ reach: "2600" }, false],
  [{ reach: 1, qualifer: "strive" }, false],
  [{ reach: 1, qualifier: "hope" }, false],
]) {
  checked += 1;
  if (validatePlan(target(value)) !== ok) fail(`value ${JSON.stringify(value)}: expected ${ok ? "valid" : "invalid"}`);
}
for (const [id, ok] of [["electronic-information", true], ["Electronic", false], ["a--b", false], ["-a", false]]) {
  checked += 1;
  const t = target({ reach: 1 });
  t.targets[0].id = id;
  if (validatePlan(t) !== ok) fail(`id ${id}: expected ${ok ? "valid" : "invalid"}`);
}
if (failures) {
  console.error(`schema: ${failures} of ${checked} checks failed`);
  process.exit(1);
}
console.log(`schema: ${checked} checks passed`);
