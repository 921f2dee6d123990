#!/usr/bin/env python3
"""How well `plansite extract` reads plan texts, scored goal by goal.

Usage:
    python3 scripts/score_extract.py [--bin target/release/plansite] [--seeds ../shared/seeds]
                                     [--fixtures tests/integration/fixtures/extract]
                                     [--site-data targets.json] [--only NAME] [--line-window N]
                                     [--show-misses]
    python3 scripts/score_extract.py --self-test

Two sets of texts are scored:

- the five seed plans (../shared/seeds, when that folder exists), against the targets the
  bundled site publishes for each (data/targets.json of a build made with the same binary,
  or the file given with --site-data);
- every fixture text `X.txt` of tests/integration/fixtures/extract, against `X.truth.yaml`
  (a GBK copy `X.gbk.txt` is scored against `X.truth.yaml` too).

For each text the script runs `plansite extract FILE --plan-id ID --output DRAFT.yaml`, reads
the draft's targets, and matches them to the truth ONE TO ONE: a draft target and a truth goal
may be paired when they have the same key, and the pairs are a maximum bipartite matching (so
two drafts of one goal count once, and one draft never satisfies two goals). The key is

    (value, unit, year, each)

where value is the form with its figures, comparator and qualifier, normalised: numbers as
rounded floats, a bare number is `reach`, an absent qualifier is none, the stretch of two
tiers is `strive` unless it says otherwise, and a qualifier of `increase_by`/`average_growth`
counts the same beside the form or inside its figure. A truth goal with `also` is matched by
either of its forms. With --line-window N, a pair must also lie within N lines of each other
(when both lines are known; the seeds' published targets have none).

Reported per text and overall: truth goals, drafts, matched pairs, precision (matched/drafts),
recall (matched/truth), a loose count (pairs when only the figures and the unit must agree:
the goals found at all, whatever their form, qualifier or year), drafts marked REVIEW (and how
many of them were wrong), drafts named by a bare verb (达到, 突破…), whether the plan's period
was read, and breakdowns (其中, tables) read right. --show-misses lists every missed goal and
every false draft, the latter labelled when the truth lists its line among the non-targets.

The script never fails on a bad reading: it always exits 0 (except for --self-test, which
exits 1 when a check fails). Plain Python 3.11 and PyYAML (pip install pyyaml).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    sys.exit("PyYAML is needed to read the drafts: pip install pyyaml")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "integration", "fixtures", "extract")
SEED_PLANS = {
    "000_6300e8cec0242b74.txt": "ganzhou-2021-work-points",
    "001_22d4756cf8eeba5f.txt": "ganjiang-2021-2023",
    "002_852b36259b92bac3.txt": "jiangxi-pilot-zones-2021",
    "003_f77b5c6a105c249c.txt": "ganzhou-zones-2020-2022",
    "004_cff379b5a2ad9887.txt": "yichun-869-2023-2026",
}
# The key of a value and the matching of drafts to goals live beside this script.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from extract_match import Item, bare_verb, figures, loose_edge, score, show_value, value_key  # noqa: E402

LINE_COMMENT = re.compile(r"^\s*# line (\d+), confidence ([0-9.]+)")
REVIEW_COMMENT = re.compile(r"^\s*# REVIEW\b")
TARGET_ID = re.compile(r"^\s*- id:\s*(\S+)")
HEADER = re.compile(r"(\d+) goals, (\d+) marked REVIEW")


def read_draft(text):
    """The draft's targets (as Items), its horizon, and the REVIEW count of its header."""
    data = yaml.safe_load(text) or {}
    # The line and REVIEW mark of each target are in the comments above its `- id:`.
    meta, pending = {}, {}
    for raw in text.splitlines():
        m = LINE_COMMENT.match(raw)
        if m:
            pending = {"line": int(m.group(1)), "confidence": float(m.group(2)), "review": False}
            continue
        if REVIEW_COMMENT.match(raw):
            pending["review"] = True
            continue
        m = TARGET_ID.match(raw)
        if m:
            meta[m.group(1)] = pending
            pending = {}
    items = []
    for t in data.get("targets") or []:
        m = meta.get(str(t.get("id")), {})
        name = (t.get("name") or {}).get("zh") if isinstance(t.get("name"), dict) else t.get("name")
        items.append(Item(name, t.get("value"), t.get("unit"), t.get("year"), t.get("each"),
                          m.get("line"), t.get("also"), t.get("breakdown"), m.get("review", False),
                          str(t.get("id"))))
    h = data.get("horizon") or {}
    period = (h.get("start"), h.get("end")) if isinstance(h, dict) else None
    if period and not any(period):
        period = None
    m = HEADER.search(text)
    header_review = int(m.group(2)) if m else None
    return items, period, header_review


def read_truth(path):
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    goals = [Item(g.get("subject"), g.get("value"), g.get("unit"), g.get("year"), g.get("each"),
                  g.get("line"), g.get("also"), g.get("breakdown"), label=g.get("note", ""))
             for g in data.get("goals") or []]
    period = tuple(data["period"]) if data.get("period") else None
    non_targets = {}
    for n in data.get("non_targets") or []:
        non_targets.setdefault(n["line"], []).append(n.get("kind", "non-target"))
    return goals, period, non_targets


def site_truth(targets, plan):
    out = []
    for t in targets:
        if t.get("plan_id") != plan:
            continue
        each = (t.get("each") or {}).get("period")
        out.append(Item((t.get("name") or {}).get("zh"), t["value"], t["unit"], t["year"], each,
                        None, t.get("also"), t.get("breakdown"), label=t.get("target_id", "")))
    return out


def plan_id_for(file_name):
    stem = file_name[:-4] if file_name.endswith(".txt") else file_name
    pid = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return pid or "plan"


def load_draft(text, err):
    """(drafts, period, error) of a draft text; nothing, with the reason, when there is none."""
    if text is None:
        return [], None, err
    try:
        drafts, period, _ = read_draft(text)
        return drafts, period, err
    except (yaml.YAMLError, AttributeError, TypeError, ValueError) as e:
        return [], None, f"the draft could not be read: {e}"


def run_extract(exe, text_path, plan_id, work):
    """Runs the binary; returns (draft text, None) or (None, error message)."""
    out = os.path.join(work, f"{plan_id}.yaml")
    try:
        r = subprocess.run([exe, "extract", text_path, "--plan-id", plan_id, "--output", out],
                           capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"could not run {exe}: {e}"
    if r.returncode != 0 or not os.path.exists(out):
        first = (r.stderr or r.stdout or "").strip().splitlines()
        return None, f"exit {r.returncode}: {first[0] if first else 'no message'}"
    with open(out, encoding="utf-8") as f:
        return f.read(), None


# ---------------------------------------------------------------- reporting

COLUMNS = f"{'text':<44} {'truth':>5} {'draft':>5} {'found':>5} {'prec':>5} {'recall':>6} {'loose':>5} {'REVIEW':>9} {'verbs':>5} {'period':>6} {'parts':>5}"


class Totals:
    def __init__(self):
        self.truth = self.draft = self.found = self.loose = 0
        self.review = self.review_false = self.verbs = 0
        self.period_ok = self.period_n = self.parts_ok = self.parts_n = 0
        self.texts = 0

    def add(self, o):
        for k, v in vars(o).items():
            setattr(self, k, getattr(self, k) + v)

    def row(self, label):
        p = self.found / self.draft if self.draft else 0.0
        r = self.found / self.truth if self.truth else 0.0
        review = f"{self.review}/{self.review_false}w"
        period = f"{self.period_ok}/{self.period_n}" if self.period_n else "-"
        parts = f"{self.parts_ok}/{self.parts_n}" if self.parts_n else "-"
        return (f"{label:<44} {self.truth:>5} {self.draft:>5} {self.found:>5} {p:>5.2f} {r:>6.2f} "
                f"{self.loose:>5} {review:>9} {self.verbs:>5} {period:>6} {parts:>5}")


def score_text(label, truth, drafts, truth_period, draft_period, non_targets, args, error=None):
    t = Totals()
    t.texts = 1
    t.truth, t.draft = len(truth), len(drafts)
    pairs, loose = score(truth, drafts, args.line_window)
    t.found, t.loose = len(pairs), len(loose)
    matched_d = set(pairs.values())
    matched_set = [drafts[j] for j in matched_d]
    t.review = sum(d.review for d in drafts)
    t.review_false = sum(d.review for j, d in enumerate(drafts) if j not in matched_d)
    verbs = [d for d in drafts if bare_verb(d.name)]
    t.verbs = len(verbs)
    if truth_period is not None:
        t.period_n = 1
        t.period_ok = int(draft_period is not None and tuple(draft_period) == tuple(truth_period))
    for i, j in pairs.items():
        if truth[i].breakdown:
            t.parts_n += 1
            t.parts_ok += int(drafts[j].breakdown == truth[i].breakdown)
    print(t.row(label))
    if error:
        print(f"    extract failed: {error}")
    if args.show_misses:
        if truth_period is not None and not t.period_ok:
            print(f"    period: draft {draft_period}, truth {tuple(truth_period)}")
        for i, g in enumerate(truth):
            if i in pairs:
                continue
            hint = ""
            near = sorted((d for j, d in enumerate(drafts) if loose_edge(g, d)),
                          key=lambda d: (d in matched_set, abs((d.line or 0) - (g.line or 0))))
            if near:
                d = near[0]
                hint = f"\n                 (same figures drafted as {show_value(d.vkey)}, {d.unit}, {d.year}" \
                       f"{' each ' + d.each if d.each else ''}{', line ' + str(d.line) if d.line else ''})"
            print(f"    missed       {g.describe()}{hint}")
        truth_lines = {g.line for g in truth if g.line}
        for j, d in enumerate(drafts):
            if j in matched_d:
                continue
            why = []
            if d.line in truth_lines:
                why.append("on a goal's line")
            if d.line in non_targets:
                why.append("non-target: " + ", ".join(sorted(set(non_targets[d.line]))))
            if d.review:
                why.append("REVIEW")
            print(f"    false draft  {d.describe()}{'  <' + '; '.join(why) + '>' if why else ''}")
        for i, j in pairs.items():
            if truth[i].breakdown and drafts[j].breakdown != truth[i].breakdown:
                print(f"    breakdown    {truth[i].describe()}: draft {drafts[j].breakdown}, truth {truth[i].breakdown}")
        for d in verbs:
            print(f"    bare verb    {d.describe()}")
    return t


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "plansite"),
                    help="the plansite binary (default: target/release/plansite; it is not built here)")
    ap.add_argument("--seeds", default=os.path.join(ROOT, "..", "shared", "seeds"))
    ap.add_argument("--fixtures", default=FIXTURES)
    ap.add_argument("--site-data", help="the bundled site's data/targets.json (default: build the site with --bin)")
    ap.add_argument("--only", help="score only texts whose file name contains this")
    ap.add_argument("--line-window", type=int, default=None,
                    help="pair a draft with a goal only within this many lines (when both are known)")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--self-test", action="store_true", help="check the matching logic; needs no binary")
    args = ap.parse_args()
    if args.self_test:
        sys.exit(self_test())

    exe = os.path.abspath(args.bin)
    if not os.path.exists(exe):
        print(f"no binary at {exe}: build it (cargo build --release) or pass --bin")
        return
    work = tempfile.mkdtemp(prefix="plansite-score-")
    print(COLUMNS)
    print("(prec = found/draft, recall = found/truth; loose = goals found by figures and unit alone;"
          " REVIEW = marked/of them wrong; verbs = drafts named by a bare verb)")
    groups = []

    # The five seeds, against the bundled site's published targets.
    seeds = Totals()
    if os.path.isdir(args.seeds):
        published = None
        if args.site_data:
            with open(args.site_data, encoding="utf-8") as f:
                published = json.load(f)["targets"]
        else:
            site = os.path.join(work, "site")
            r = subprocess.run([exe, "--root", ROOT, "build", "--output", site], capture_output=True, text=True)
            data = os.path.join(site, "data", "targets.json")
            if r.returncode == 0 and os.path.exists(data):
                with open(data, encoding="utf-8") as f:
                    published = json.load(f)["targets"]
            else:
                print(f"(seeds skipped: the bundled site did not build: exit {r.returncode})")
        if published is not None:
            for seed, plan in SEED_PLANS.items():
                if args.only and args.only not in seed and args.only not in plan:
                    continue
                path = os.path.join(args.seeds, seed)
                if not os.path.exists(path):
                    continue
                truth = site_truth(published, plan)
                text, err = run_extract(exe, path, plan, work)
                drafts, period, err = load_draft(text, err)
                seeds.add(score_text(f"seed {plan}", truth, drafts, None, period, {}, args, err))
            groups.append(("all seeds", seeds))

    # The fixtures, against their truth files.
    fixtures = Totals()
    names = sorted(n for n in os.listdir(args.fixtures) if n.endswith(".txt")) if os.path.isdir(args.fixtures) else []
    for name in names:
        if args.only and args.only not in name:
            continue
        stem = name[:-4]
        truth_path = os.path.join(args.fixtures, (stem[:-4] if stem.endswith(".gbk") else stem) + ".truth.yaml")
        if not os.path.exists(truth_path):
            print(f"(no truth for {name})")
            continue
        truth, truth_period, non_targets = read_truth(truth_path)
        text, err = run_extract(exe, os.path.join(args.fixtures, name), plan_id_for(name), work)
        drafts, period, err = load_draft(text, err)
        fixtures.add(score_text(name[:-4], truth, drafts, truth_period, period, non_targets, args, err))
    if fixtures.texts:
        groups.append(("all fixtures", fixtures))

    print("-" * len(COLUMNS))
    overall = Totals()
    for label, g in groups:
        print(g.row(label))
        overall.add(g)
    if len(groups) > 1:
        print(overall.row("overall"))


# ---------------------------------------------------------------- self-test

def self_test():
    failures = []

    def check(cond, what):
        if not cond:
            failures.append(what)

    # Normalisation: one value, many spellings.
    check(value_key(2600) == value_key({"reach": 2600}) == value_key({"reach": 2600.0000001}), "bare number is reach")
    check(value_key({"reach": "1e4"}) == value_key({"reach": 10000}), "numbers as floats")
    check(value_key({"exceed": 10, "qualifier": None}) == value_key({"exceed": 10}), "absent qualifier is none")
    check(value_key({"exceed": 10}) != value_key({"exceed": 10, "qualifier": "strive"}), "qualifier counts")
    check(value_key({"exceed": 10}) != value_key({"at_least": 10}), "comparator counts")
    check(value_key({"tiers": {"floor": {"exceed": 900}, "stretch": {"reach": 1100}}})
          == value_key({"tiers": {"floor": {"exceed": 900}, "stretch": {"reach": 1100, "qualifier": "strive"}}}),
          "stretch defaults to strive")
    check(value_key({"increase_by": 15, "qualifier": "strive"}) == value_key({"increase_by": {"reach": 15, "qualifier": "strive"}}),
          "increase_by qualifier beside or inside")
    check(value_key({"average_growth": {"about": 9}}) != value_key({"average_growth": 9}), "average_growth comparator")
    check(value_key("double") == value_key({"double": True}), "double spellings")
    check(value_key({"range": [3, 5], "or": "more"}) != value_key({"range": [3, 5]}), "range or")
    # The open data's spelling of the same values.
    check(value_key({"form": "single", "comparator": "exceed", "value": 1000.0, "qualifier": "strive"})
          == value_key({"exceed": 1000, "qualifier": "strive"}), "open data single")
    check(value_key({"form": "tiers", "floor": {"comparator": "exceed", "value": 800, "qualifier": "ensure"},
                     "stretch": {"comparator": "reach", "value": 1000, "qualifier": "strive"}, "qualifier": "ensure"})
          == value_key({"tiers": {"floor": {"exceed": 800, "qualifier": "ensure"}, "stretch": {"reach": 1000}}}),
          "open data tiers")
    check(value_key({"form": "range", "low": 3, "high": 5, "or": None, "qualifier": None}) == value_key({"range": [3, 5]}),
          "open data range")
    check(value_key({"form": "average_growth", "average_growth": {"comparator": "about", "value": 9, "qualifier": None},
                     "qualifier": None}) == value_key({"average_growth": {"about": 9}}), "open data average growth")
    check(value_key({"form": "double", "qualifier": None}) == value_key("double"), "open data double")

    T = lambda v, line=None, year=2025, unit="yi-yuan", each=None, also=None: Item("t", v, unit, year, each, line, also)
    D = lambda v, line=None, year=2025, unit="yi-yuan", each=None, name="d": Item(name, v, unit, year, each, line)

    # One to one: two equal goals and one draft is one match, not two.
    truth = [T({"reach": 50}, 3), T({"reach": 50}, 3)]
    pairs, _ = score(truth, [D(50, 3)])
    check(len(pairs) == 1, "one draft satisfies one goal")
    # Two drafts of one goal: one match, one false draft.
    pairs, _ = score([T({"reach": 50})], [D(50), D({"reach": 50})])
    check(len(pairs) == 1, "a duplicate draft counts once")
    # Year, unit and each are part of the key.
    pairs, loose = score([T(50, year=2025)], [D(50, year=2024)])
    check(len(pairs) == 0 and len(loose) == 1, "year in the key, not in the loose count")
    pairs, _ = score([T(50, each="year")], [D(50)])
    check(len(pairs) == 0, "each in the key")
    pairs, _ = score([T(50, unit="firms")], [D(50, unit="projects")])
    check(len(pairs) == 0, "unit in the key")
    # also: either form of a goal stated twice.
    pairs, _ = score([T({"increase_by": {"at_least": 50}}, also={"reach": 120})], [D(120)])
    check(len(pairs) == 1, "also form matches")
    # A maximum matching, not a greedy one: with a line window of 2, draft x (line 11) can
    # pair with goal a (line 10) or b (line 12), draft y (line 9) only with a. Greedy
    # nearest-first from a takes x (distance 1) and leaves b unmatched; the maximum is 2.
    a, b = T(7, 10), T(7, 12)
    x, y = D(7, 11), D(7, 9)
    pairs, _ = score([a, b], [x, y], window=2)
    check(len(pairs) == 2, f"maximum matching: {pairs}")
    pairs, _ = score([a, b], [D(7, 30)], window=2)
    check(len(pairs) == 0, "line window")
    # Nearest line preferred among equal keys.
    pairs, _ = score([T(7, 10), T(7, 40)], [D(7, 41), D(7, 9)])
    check(pairs == {0: 1, 1: 0}, f"nearest line first: {pairs}")

    # Bare verbs.
    for name in ["达到", "力争突破", "争创", "确保达到", "实现", "", "“达到”"]:
        check(bare_verb(name), f"bare verb {name!r}")
    for name in ["营业收入", "新增规上工业企业", "达到营业收入", "产值"]:
        check(not bare_verb(name), f"not a bare verb {name!r}")

    # Reading a draft as `plansite extract` writes it.
    draft = """# yaml-language-server: $schema=../../../schemas/plan.schema.json
# Draft made by `plansite extract` from plan.txt: 3 goals, 1 marked REVIEW.
issuer: fill-in
region: fill-in
record: example
horizon: {start: 2023, end: 2025}
targets:

  # line 4, confidence 0.95: 确保突破900亿元，力争达到1100亿元
  # lead departments named in the text: 市科技局
  - id: goal-01
    name: {zh: "电子信息产业集群产值", en: ""}
    chain: electronic-information
    metric: output
    unit: yi-yuan
    year: 2025
    value: {tiers: {floor: {exceed: 900}, stretch: {reach: 1100}}}
    responsible: []
    source: {clause: "一1"}

  # line 5, confidence 0.65: 推动3-5家企业上市
  # REVIEW: a guess
  - id: goal-02
    name: {zh: "达到", en: ""}
    topic: fill-in
    metric: count
    unit: firms
    year: 2025
    each: year
    value: {range: [3, 5]}
    responsible: []
    source: {clause: "一2"}

  # line 6, confidence 0.95: 营业收入1000亿元，其中新材料400亿元
  - id: goal-03
    name: {zh: "营业收入", en: ""}
    topic: fill-in
    metric: revenue
    unit: yi-yuan
    year: 2025
    value: {reach: 1000}
    breakdown:
      kind: of_which
      parts:
        - {segment: {zh: "新材料", en: ""}, value: 400}
    responsible: []
    source: {clause: "一3"}
"""
    items, period, header_review = read_draft(draft)
    check(len(items) == 3 and period == (2023, 2025) and header_review == 1, "draft read")
    check([d.line for d in items] == [4, 5, 6], "draft lines")
    check([d.review for d in items] == [False, True, False], "REVIEW marks")
    check(items[1].each == "year" and bare_verb(items[1].name), "each and name")
    truth = [T({"tiers": {"floor": {"exceed": 900}, "stretch": {"reach": 1100, "qualifier": "strive"}}}, 4),
             Item("营业收入", {"reach": 1000}, "yi-yuan", 2025, None, 6, None,
                  {"kind": "of_which", "parts": [{"segment": {"zh": "新材料", "en": "new materials"}, "value": {"reach": 400}}]})]
    pairs, _ = score(truth, items)
    check(pairs == {0: 0, 1: 2}, f"draft matched: {pairs}")
    check(items[2].breakdown == truth[1].breakdown, "breakdown compared by kind and figures")

    # The truth files of the fixtures parse and have the fields the scorer reads.
    if os.path.isdir(FIXTURES):
        for name in sorted(os.listdir(FIXTURES)):
            if name.endswith(".truth.yaml"):
                goals, period, _ = read_truth(os.path.join(FIXTURES, name))
                check(goals and all(g.line and g.unit and g.year and g.vkey[0] not in ("?", "none") for g in goals),
                      f"truth file {name}")

    if failures:
        for f in failures:
            print("FAIL:", f)
        return 1
    print("self-test ok")
    return 0


if __name__ == "__main__":
    main()
