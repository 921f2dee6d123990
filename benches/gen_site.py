#!/usr/bin/env python3
"""Generate a deterministic synthetic plansite site for benchmarking.

Usage: gen_site.py N OUTDIR [--seed S] [--per-plan K]

N targets spread over N/K plans (K = 50 unless given), with industry chains, topics, regions (a province,
cities and zones), responsible units, source records with clauses, breakdowns that
add up, baselines, published outcomes (some in another measure), and a commentary
per target in both languages: ~300 mixed Chinese/English words with a list and a
table, like the pages of the Hugo side of the benchmark (shared/bench/gen_hugo_site.py),
so both tools render comparable Markdown.
"""
import argparse
import os
import random
import shutil

EN_WORDS = (
    "static site generator build pipeline render template markdown content "
    "page section taxonomy language translation output html asset cache "
    "incremental parallel benchmark latency throughput memory index search "
    "feed sitemap link anchor heading table list paragraph image theme layout "
    "partial shortcode config deploy server watch reload syntax highlight "
    "front matter slug permalink archive tag category summary excerpt draft"
).split()

ZH_PHRASES = [
    "静态网站生成器", "构建流程", "模板渲染", "内容管理", "多语言支持",
    "页面结构", "分类系统", "增量构建", "并行处理", "性能测试", "内存占用",
    "搜索索引", "站点地图", "链接检查", "语法高亮", "主题布局", "部署发布",
    "本地预览", "缓存策略", "输出目录", "前置元数据", "永久链接", "文章摘要",
    "标签归档", "草稿模式", "配置文件", "资源处理", "图片压缩", "热重载",
]
ZH_GLUE = ["的", "和", "以及", "对于", "在", "通过", "使用", "可以", "需要", "提高"]
CHAIN_ZH = ["电子信息", "装备制造", "新材料", "生物医药", "有机硅", "纺织服装", "现代家居", "有色金属",
            "新能源", "建材", "化工", "节能环保", "绿色食品", "航空", "数字经济", "稀土",
            "锂电", "光伏", "汽车零部件", "机械", "钢铁", "食品", "医疗器械", "软件"]
TARGETS_PER_PLAN = 50


def en_sentence(rng, n):
    w = [rng.choice(EN_WORDS) for _ in range(n)]
    w[0] = w[0].capitalize()
    return " ".join(w) + "."


def zh_sentence(rng, n):
    parts = []
    for i in range(n):
        parts.append(rng.choice(ZH_PHRASES))
        if i < n - 1:
            parts.append(rng.choice(ZH_GLUE))
    return "".join(parts) + "。"


def mixed_paragraph(rng, lang):
    out = []
    for _ in range(4):
        if lang == "zh":
            out.append(zh_sentence(rng, rng.randint(4, 7)))
            out.append(" " + en_sentence(rng, rng.randint(5, 9)) + " ")
        else:
            out.append(en_sentence(rng, rng.randint(8, 12)) + " ")
            out.append(zh_sentence(rng, rng.randint(2, 4)) + " ")
    return "".join(out).strip()


def commentary(rng, lang, next_link):
    h = {"zh": ("概述 Overview", "要点 Key points", "数据 Data", "结论 Conclusion"),
         "en": ("Overview 概述", "Key points 要点", "Data 数据", "Conclusion 结论")}[lang]
    lines = ["---", f"summary: {zh_sentence(rng, 3) if lang == 'zh' else en_sentence(rng, 8)}", "---",
             f"## {h[0]}", "", mixed_paragraph(rng, lang), "", mixed_paragraph(rng, lang), "", f"## {h[1]}", ""]
    for k in range(6):
        if k % 2 == 0:
            lines.append(f"- **{rng.choice(ZH_PHRASES)}**: {en_sentence(rng, rng.randint(5, 8))}")
        else:
            lines.append(f"- `{rng.choice(EN_WORDS)}` — {zh_sentence(rng, 2)} {en_sentence(rng, 4)}")
    lines += ["", f"## {h[2]}", "", "| 项目 Item | 数值 Value | 说明 Note |", "|:---|---:|:---|"]
    for _ in range(5):
        lines.append(f"| {rng.choice(ZH_PHRASES)} {rng.choice(EN_WORDS)} | {rng.randint(1, 99999)} "
                     f"| {rng.choice(EN_WORDS)} {rng.choice(EN_WORDS)} {rng.choice(ZH_PHRASES)} |")
    lines += ["", f"## {h[3]}", "", mixed_paragraph(rng, lang), "",
              f"See also [the next target]({next_link}) · 另见下一个目标。", ""]
    return "\n".join(lines)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def registries(out):
    chains = "".join(f"- id: chain-{i}\n  name: {{zh: {CHAIN_ZH[i]}, en: Chain {i}}}\n" for i in range(len(CHAIN_ZH)))
    write(os.path.join(out, "content/chains.yaml"), chains)
    topics = "".join(f"- id: topic-{i}\n  name: {{zh: 领域{i}, en: Topic {i}}}\n" for i in range(8))
    write(os.path.join(out, "content/topics.yaml"), topics)
    regions = "- id: province\n  name: {zh: 某省, en: The province}\n"
    for c in range(10):
        regions += f"- id: city-{c}\n  name: {{zh: 第{c}市, en: City {c}}}\n  parent: province\n"
        for z in range(4):
            regions += f"- id: zone-{c}-{z}\n  name: {{zh: 第{c}市{z}区, en: City {c} zone {z}}}\n  parent: city-{c}\n"
    write(os.path.join(out, "content/regions.yaml"), regions)
    units = ""
    for u in range(60):
        units += f"- id: unit-{u}\n  name: {{zh: 单位{u}, en: Unit {u}}}\n  region: city-{u % 10}\n"
    write(os.path.join(out, "content/units.yaml"), units)


def value(rng, i):
    form = i % 6
    v = rng.randint(10, 3000)
    if form == 0:
        return f"{{exceed: {v}}}", v
    if form == 1:
        return f"{{tiers: {{floor: {{exceed: {v}}}, stretch: {{reach: {v + rng.randint(1, 500)}}}}}}}", v
    if form == 2:
        return f"{{range: [{v}, {v + rng.randint(1, 50)}]}}", v
    if form == 3:
        return f"{{about: {v}}}", v
    return f"{{reach: {v}}}", v


def target_yaml(rng, plan_no, t, city):
    lines = [f"  - id: t{t:03d}", f"    name: {{zh: 目标{plan_no}-{t}{rng.choice(ZH_PHRASES)}, en: Target {plan_no}-{t} {rng.choice(EN_WORDS)}}}"]
    if t % 2 == 0:
        lines.append(f"    chain: chain-{(plan_no + t) % len(CHAIN_ZH)}")
    else:
        lines.append(f"    topic: topic-{t % 8}")
    if t % 10 == 9:
        lines += ["    metric: count", "    unit: firms"]
        spec, total = f"{{at_least: {rng.randint(5, 500)}}}", None
    else:
        lines += ["    metric: revenue", "    unit: yi-yuan"]
        spec, total = value(rng, t)
    lines += [f"    year: {2024 + t % 3}", f"    value: {spec}"]
    if total and t % 3 == 0:
        base = max(1, total // 2)
        lines.append(f"    baseline: {{year: 2020, value: {base}}}")
    if total and t % 5 == 0 and not spec.startswith("{range"):
        a, b = total // 2, total - total // 2 - total // 4
        c = total - a - b
        lines += ["    breakdown:", "      parts:",
                  f"        - {{region: zone-{city}-0, value: {a}}}",
                  f"        - {{region: zone-{city}-1, value: {b}}}",
                  f"        - {{region: zone-{city}-2, value: {c}}}"]
    lines.append(f"    responsible: [unit-{t % 20}, unit-{20 + (t * 7) % 20}, unit-{40 + (t * 13 + 1) % 20}]")
    if t % 4 == 0:
        lines.append(f"    lead: [unit-{(t + plan_no) % 60}]")
    lines.append(f"    source: {{clause: 二({t % 10 + 1})}}")
    if total and t % 5 == 1:
        other = "        metric: output\n" if t % 10 == 1 else ""
        lines.append(f"    actuals:\n      - year: 2023\n        value: {int(total * 0.8)}\n{other}        source: {{record: r{plan_no:04d}}}")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--per-plan", type=int, default=TARGETS_PER_PLAN,
                    help="targets per plan: a province's plans hold tens, a few hold hundreds")
    a = ap.parse_args()
    out = a.outdir
    if os.path.exists(out):
        shutil.rmtree(out)
    write(os.path.join(out, "site.yaml"),
          "title: {zh: 基准站点, en: Bench site}\nbase_url: http://127.0.0.1:8000/\nas_of: 2024-06-01\n")
    registries(out)
    write(os.path.join(out, "content/index.zh.md"), "基准站点。\n")
    write(os.path.join(out, "content/index.en.md"), "Bench site.\n")
    plans = max(1, a.n // a.per_plan)
    made = 0
    for p in range(plans):
        rng = random.Random(a.seed * 1_000_003 + p)
        count = a.per_plan if p < plans - 1 else a.n - made
        city = p % 10
        clauses = "".join(f"  - id: 二({k})\n    title: {{zh: 第{k}项, en: Item {k}}}\n" for k in range(1, 11))
        write(os.path.join(out, f"seeds/r{p:04d}.yaml"),
              f"title: {{zh: 第{p}号规划, en: Plan {p}}}\nissuer: {{zh: 单位{p % 60}, en: Unit {p % 60}}}\n"
              f"issued: 2023-{p % 12 + 1:02d}-{p % 28 + 1:02d}\nclauses:\n  - id: 二\n    title: {{zh: 任务, en: Tasks}}\n{clauses}")
        head = (f"short_title: {{zh: 第{p}号规划 {rng.choice(ZH_PHRASES)}, en: Plan {p} {rng.choice(EN_WORDS)}}}\n"
                f"issuer: unit-{p % 60}\nregion: city-{city}\nrecord: r{p:04d}\n"
                "horizon: {start: 2023, end: 2026}\ntargets:\n")
        targets = [target_yaml(rng, p, t, city) for t in range(count)]
        pdir = os.path.join(out, f"content/plans/p{p:04d}")
        write(os.path.join(pdir, "plan.yaml"), head + "\n".join(targets) + "\n")
        for lang in ("zh", "en"):
            write(os.path.join(pdir, f"index.{lang}.md"), f"---\nsummary: {lang} plan {p}\n---\n{mixed_paragraph(rng, lang)}\n")
        for t in range(count):
            nxt = f"@/plans/p{p:04d}/t{(t + 1) % count:03d}/"
            for lang in ("zh", "en"):
                trng = random.Random(a.seed * 7_000_003 + (made + t) * 2 + (lang == "en"))
                write(os.path.join(pdir, f"targets/t{t:03d}.{lang}.md"), commentary(trng, lang, nxt))
        made += count
    print(f"generated {made} targets in {plans} plans in {out}")


if __name__ == "__main__":
    main()
