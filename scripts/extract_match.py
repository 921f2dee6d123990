"""How `scripts/score_extract.py` compares a draft target with a truth goal: the key a
value is normalised to, and the one-to-one matching of drafts to goals (see that script's
docstring for what is scored and why).
"""
import re
import sys

COMPARATORS = ("reach", "exceed", "about", "at_least", "at_most", "nearly")

# Words that name no measure: a draft named only by these (达到, 力争突破…) took its name
# from the verb before the figure instead of the noun phrase.
VERBS = sorted("""达到 突破 争创 力争 确保 实现 超过 争取 努力 完成 提高 提升 增长 增加 新增 培育 打造
    建成 建设 引进 推动 累计 保持 控制 控制在 达 超 到 至 年均 总计 合计 约 近 接近 以上 左右 以内
    不低于 不少于 不超过 其中 分别 各 全年 当年 每年 力争达到 确保达到""".split(), key=len, reverse=True)


# ---------------------------------------------------------------- normalisation

def num(x):
    """A figure as a rounded float (10000, 1e4 and "10000" are one figure)."""
    v = round(float(x), 6)
    return 0.0 if v == 0 else v


def _bound(b, default_q=None):
    """(comparator, figure, qualifier) of a bound written {exceed: 1000, qualifier: ensure},
    or of the open data's {comparator: exceed, value: 1000, qualifier: ensure}, or a bare
    number (reach)."""
    if isinstance(b, (int, float, str)) and not isinstance(b, bool):
        return ("reach", num(b), default_q)
    if not isinstance(b, dict):
        return ("?", repr(b), None)
    q = b.get("qualifier") or default_q
    if "comparator" in b:
        return (b["comparator"], num(b["value"]), q)
    for c in COMPARATORS:
        if c in b:
            return (c, num(b[c]), q)
    return ("?", repr(sorted(b)), q)


def value_key(v):
    """A value in any of its spellings (plan.yaml, a draft, the open data) as one tuple."""
    if v is None:
        return ("none",)
    if v == "double":
        return ("double", None)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return ("single", "reach", num(v), None)
    if not isinstance(v, dict):
        return ("?", repr(v))
    q = v.get("qualifier")
    form = v.get("form")
    if form is not None:  # the open data: {form: single, comparator: …, value: …, qualifier: …}
        if form == "single":
            return ("single",) + _bound(v)
        if form == "range":
            return ("range", num(v["low"]), num(v["high"]), v.get("or"), q)
        if form == "tiers":
            return ("tiers",) + _bound(v["floor"]) + _bound(v["stretch"], "strive")
        if form == "double":
            return ("double", q)
        if form in ("increase_by", "average_growth"):
            c, x, qi = _bound(v[form])
            return (form, c, x, qi or q)
        return ("?", form)
    for c in COMPARATORS:
        if c in v:
            return ("single", c, num(v[c]), q)
    if "range" in v:
        lo, hi = v["range"]
        return ("range", num(lo), num(hi), v.get("or"), q)
    if "tiers" in v:
        t = v["tiers"]
        return ("tiers",) + _bound(t.get("floor")) + _bound(t.get("stretch"), "strive")
    if "double" in v:
        return ("double", q)
    for form in ("increase_by", "average_growth"):
        if form in v:
            c, x, qi = _bound(v[form])
            return (form, c, x, qi or q)
    return ("?", repr(sorted(v)))


def figures(vk):
    """The figures of a value key alone (for the loose count)."""
    form = vk[0]
    if form == "single":
        return ("n", vk[2])
    if form == "range":
        return ("range", vk[1], vk[2])
    if form == "tiers":
        return ("tiers", vk[2], vk[5])
    if form in ("increase_by", "average_growth"):
        return (form, vk[2])
    return (form,)


def show_value(vk):
    form = vk[0]
    q = lambda x: f" {x}" if x else ""
    if form == "single":
        return f"{vk[1]} {vk[2]:g}{q(vk[3])}"
    if form == "range":
        return f"range {vk[1]:g}-{vk[2]:g}{q(vk[3] and 'or ' + vk[3])}{q(vk[4])}"
    if form == "tiers":
        return f"tiers {vk[1]} {vk[2]:g}{q(vk[3])} / {vk[4]} {vk[5]:g}{q(vk[6])}"
    if form == "double":
        return f"double{q(vk[1])}"
    if form in ("increase_by", "average_growth"):
        return f"{form} {vk[1]} {vk[2]:g}{q(vk[3])}"
    return " ".join(map(str, vk))


class Item:
    """A truth goal or a draft target, reduced to what scoring needs."""

    def __init__(self, name, value, unit, year, each=None, line=None, also=None, breakdown=None,
                 review=False, label=""):
        self.name = name or ""
        self.vkey = value_key(value)
        self.unit = unit
        self.year = int(year) if year not in (None, "") else None
        self.each = each or None
        self.line = line
        self.key = (self.vkey, unit, self.year, self.each)
        self.also = (value_key(also), unit, self.year, self.each) if also is not None else None
        self.loose = (figures(self.vkey), unit)
        self.loose_also = (figures(self.also[0]), unit) if self.also else None
        self.breakdown = breakdown_key(breakdown)
        self.review = review
        self.label = label

    def describe(self):
        each = f" each {self.each}" if self.each else ""
        line = f"line {self.line:>3}" if self.line else "        "
        return f"{line}  {self.name}  [{show_value(self.vkey)}, {self.unit}, {self.year}{each}]"


def breakdown_key(b):
    """(kind, sorted part figures) of a breakdown, or None."""
    if not isinstance(b, dict):
        return None
    parts = b.get("parts") or []
    vals = []
    for p in parts:
        v = p.get("value") if isinstance(p, dict) else None
        k = _bound(v)
        vals.append(k[1] if isinstance(k[1], float) else None)
    return (b.get("kind") or "partition", tuple(sorted(v for v in vals if v is not None)))


def bare_verb(name):
    """True when a draft's name holds no noun: only verbs and comparators (达到, 力争突破…)."""
    s = re.sub(r"[\s\"'“”‘’「」《》（）()，,。、；;：:·—\-]", "", name or "")
    if not s:
        return True
    while s:
        for v in VERBS:
            if s.startswith(v):
                s = s[len(v):]
                break
        else:
            return False
    return True


# ---------------------------------------------------------------- matching

def max_matching(truth, drafts, edge):
    """A maximum bipartite matching (Kuhn's augmenting paths) between truth goals and
    drafts, where edge(t, d) says a pair is allowed. Candidates are tried nearest line
    first, so among maximum matchings the natural pairs are preferred. Returns {t: d}."""
    def dist(t, d):
        if t.line and d.line:
            return abs(t.line - d.line)
        return 0

    adj = [sorted((j for j, d in enumerate(drafts) if edge(t, d)), key=lambda j: (dist(t, drafts[j]), j))
           for t in truth]
    match_d = [None] * len(drafts)

    def augment(i, seen):
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if match_d[j] is None or augment(match_d[j], seen):
                match_d[j] = i
                return True
        return False

    sys.setrecursionlimit(max(1000, 4 * (len(truth) + len(drafts)) + 100))
    for i in range(len(truth)):
        augment(i, set())
    return {i: j for j, i in enumerate(match_d) if i is not None}


def strict_edge(window):
    def edge(t, d):
        if d.key != t.key and d.key != t.also:
            return False
        if window is not None and t.line and d.line:
            return abs(t.line - d.line) <= window
        return True
    return edge


def loose_edge(t, d):
    return d.loose == t.loose or d.loose == t.loose_also


def score(truth, drafts, window=None):
    pairs = max_matching(truth, drafts, strict_edge(window))
    loose = max_matching(truth, drafts, loose_edge)
    return pairs, loose


# ---------------------------------------------------------------- reading files
