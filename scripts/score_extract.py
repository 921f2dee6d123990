#!/usr/bin/env python3
"""How well `plansite extract` reads the five seed plans, scored against the bundled site.

Usage: python3 scripts/score_extract.py [--seeds ../shared/seeds] [--show-misses]

For each seed text it runs `plansite extract` and compares the draft's targets with the
targets the bundled site publishes for that plan (from a build's data/targets.json).
A target is the triple (value, unit, year), where value is the stated form and figures:
(exceed 1000 / reach 1200) for two tiers, (range 3 5), (double), (increase_by 15). The
script prints precision (drafted targets that are on the site) and recall (targets of the
site that the draft found) per plan, matching triples as multisets.

Not part of `cargo test`: the seed texts live outside the repository (../shared/seeds).
Needs PyYAML (pip install pyyaml) to read the drafts.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    sys.exit("PyYAML is needed to read the drafts: pip install pyyaml")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLANS = {
    "000_6300e8cec0242b74.txt": "ganzhou-2021-work-points",
    "001_22d4756cf8eeba5f.txt": "ganjiang-2021-2023",
    "002_852b36259b92bac3.txt": "jiangxi-pilot-zones-2021",
    "003_f77b5c6a105c249c.txt": "ganzhou-zones-2020-2022",
    "004_cff379b5a2ad9887.txt": "yichun-869-2023-2026",
}


def num(v):
    return round(float(v), 6)


def bound_key(b):
    """A bound from a draft ({exceed: 1000}) or from the open data ({comparator, value})."""
    if "comparator" in b:
        return (b["comparator"], num(b["value"]))
    ((comparator, value),) = b.items()
    return (comparator, num(value))


def draft_value(v):
    if v == "double":
        return ("double",)
    ((form, x),) = v.items()
    if form == "range":
        return ("range", num(x[0]), num(x[1]))
    if form == "tiers":
        return ("tiers",) + bound_key(x["floor"]) + bound_key(x["stretch"])
    if form == "increase_by":
        return ("increase_by", num(x))
    return bound_key({form: x})


def site_value(v):
    form = v["form"]
    if form == "single":
        return bound_key(v)
    if form == "range":
        return ("range", num(v["low"]), num(v["high"]))
    if form == "tiers":
        return ("tiers",) + bound_key(v["floor"]) + bound_key(v["stretch"])
    if form == "increase_by":
        return ("increase_by", num(v["increase_by"]))
    return ("double",)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default=os.path.join(ROOT, "..", "shared", "seeds"))
    ap.add_argument("--show-misses", action="store_true")
    a = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet", "--locked"], cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "plansite")
    work = tempfile.mkdtemp(prefix="plansite-score-")
    subprocess.run([exe, "--root", ROOT, "build", "--output", os.path.join(work, "site")],
                   check=True, stderr=subprocess.DEVNULL)
    with open(os.path.join(work, "site", "data", "targets.json"), encoding="utf-8") as f:
        published = json.load(f)["targets"]
    print(f"{'plan':<28} {'site':>5} {'draft':>6} {'found':>6} {'precision':>10} {'recall':>7}")
    totals = collections.Counter()
    for seed, plan in PLANS.items():
        draft_path = os.path.join(work, f"{plan}.yaml")
        subprocess.run([exe, "extract", os.path.join(a.seeds, seed), "--plan-id", plan, "--output", draft_path],
                       check=True, stderr=subprocess.DEVNULL)
        with open(draft_path, encoding="utf-8") as f:
            draft = yaml.safe_load(f)
        got = collections.Counter((draft_value(t["value"]), t["unit"], t["year"]) for t in draft.get("targets") or [])
        want = collections.Counter((site_value(t["value"]), t["unit"], t["year"]) for t in published if t["plan_id"] == plan)
        hit = sum((got & want).values())
        n_got, n_want = sum(got.values()), sum(want.values())
        totals.update(site=n_want, draft=n_got, found=hit)
        print(f"{plan:<28} {n_want:>5} {n_got:>6} {hit:>6} {hit / max(n_got, 1):>10.2f} {hit / max(n_want, 1):>7.2f}")
        if a.show_misses:
            for key in sorted((want - got).elements(), key=str):
                print(f"    missed   {key}")
            for key in sorted((got - want).elements(), key=str):
                print(f"    not on the site {key}")
    t = totals
    print(f"{'all five':<28} {t['site']:>5} {t['draft']:>6} {t['found']:>6} "
          f"{t['found'] / max(t['draft'], 1):>10.2f} {t['found'] / max(t['site'], 1):>7.2f}")


if __name__ == "__main__":
    main()
