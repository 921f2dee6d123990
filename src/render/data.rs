//! Files that are not pages: open data (CSV and JSON of every target), the search
//! indexes, the sitemap, the Atom feeds and robots.txt.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::encode::{csv_line, csv_start, escape};
use super::format;
use super::links;
use super::pages::Page;
use super::views::{ViewCtx, value_text};
use crate::content::*;
use crate::derive::{Index, PlanStatus};
use crate::lang::{Lang, Localized};

pub const TARGETS_CSV: &str = "data/targets.csv";
pub const TARGETS_JSON: &str = "data/targets.json";

/// The search index script of a language, from the site root.
pub fn search_index_path(lang: Lang) -> String {
    format!("{}/search-index.js", lang.code())
}

/// A column of `targets.csv`, documented on the site's data page.
pub struct Column {
    pub name: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

macro_rules! columns {
    ($($name:literal => $zh:literal, $en:literal;)*) => {
        /// The columns of `targets.csv`, in order. `targets.json` holds the same fields,
        /// nested.
        pub const COLUMNS: &[Column] = &[$(Column { name: $name, zh: $zh, en: $en }),*];
    };
}

columns! {
    "plan_id" => "规划标识", "Plan id, as in the site's addresses";
    "target_id" => "目标标识（在规划内唯一）", "Target id, unique within its plan";
    "name_zh" => "目标名称（中文）", "Target name in Chinese";
    "name_en" => "目标名称（英文）", "Target name in English";
    "plan_title_zh" => "规划名称（中文）", "Plan title in Chinese";
    "plan_title_en" => "规划名称（英文）", "Plan title in English";
    "issuer_zh" => "发布机关（中文）", "Issuing body in Chinese";
    "issuer_en" => "发布机关（英文）", "Issuing body in English";
    "document_number" => "文号", "Document number, where the plan has one";
    "issued" => "发布日期（YYYY-MM-DD）", "Date of issue (YYYY-MM-DD)";
    "plan_status" => "规划状态：in_force 现行有效，expired 规划期已结束", "Plan status: in_force, or expired once its period has ended";
    "chain_id" => "产业链标识（产业链目标）", "Industry chain id (chain targets)";
    "chain_zh" => "产业链（中文）", "Industry chain in Chinese";
    "chain_en" => "产业链（英文）", "Industry chain in English";
    "topic_id" => "领域标识（非产业链目标）", "Topic id (targets that are not about a chain)";
    "topic_zh" => "领域（中文）", "Topic in Chinese";
    "topic_en" => "领域（英文）", "Topic in English";
    "region_id" => "地区标识", "Region id";
    "region_zh" => "地区（中文）", "Region in Chinese";
    "region_en" => "地区（英文）", "Region in English";
    "metric" => "指标：output 产值、revenue 营业收入、value_added 增加值、investment 投资、count 数量、share 占比、growth 增长率等", "Measure: output, revenue, value_added, investment, count, share, growth and others";
    "unit" => "单位：yi-yuan 亿元、wan-yuan 万元、percent 百分比、percentage-points 百分点、wan-m2 万平方米、firms 家等", "Unit: yi-yuan (100 million yuan), wan-yuan (10,000 yuan), percent, percentage-points, wan-m2 (10,000 m²), firms and others";
    "year" => "目标年份", "Target year";
    "annual" => "是否为每年目标（true 表示规划期内每年都要达到）", "true when the figure applies to every year of the plan";
    "value_form" => "目标值形式：single 单一数值、range 区间、tiers 确保/力争两档、double 翻番、increase_by 比基期提高", "Form of the value: single, range, tiers (floor and stretch), double, increase_by";
    "comparator" => "单一数值的比较方式：reach 达到、exceed 突破、about 左右、at_least 以上、at_most 不超过", "For a single figure: reach, exceed, about, at_least, at_most";
    "value" => "单一数值（以 unit 为单位）", "The single figure, in `unit`";
    "low" => "区间下限", "Bottom of a range";
    "high" => "区间上限", "Top of a range";
    "floor_comparator" => "确保档的比较方式", "Comparator of the floor (确保) tier";
    "floor" => "确保档数值", "Floor (确保) figure";
    "stretch_comparator" => "力争档的比较方式", "Comparator of the stretch (力争) tier";
    "stretch" => "力争档数值", "Stretch (力争) figure";
    "increase_by" => "比基期提高的幅度（百分比；单位为百分点时为百分点）", "Rise over the baseline, in percent (or in percentage points when that is the unit)";
    "direction" => "方向：up 越高越好，down 越低越好", "Which way is better: up or down";
    "baseline_year" => "基期年份", "Baseline year";
    "baseline_value" => "基期数值（规划未公布时为空）", "Baseline figure (empty when the plan does not publish it)";
    "value_zh" => "目标值（中文表述）", "The target in Chinese words";
    "value_en" => "目标值（英文表述）", "The target in English words";
    "breakdown_kind" => "分解方式：partition 各部分之和等于总数，of_which 仅列出其中部分", "Breakdown: partition (parts add up to the total) or of_which (named parts only)";
    "breakdown" => "分解：以分号分隔的“地区标识或组成部分=数值”", "Breakdown: `region-id or segment=figure`, separated by semicolons";
    "lead" => "牵头单位标识，以分号分隔", "Lead unit ids, separated by semicolons";
    "responsible" => "责任单位标识，以分号分隔", "Responsible unit ids, separated by semicolons";
    "source_record" => "出处文件标识（见 seeds/）", "Id of the source document record";
    "source_clause" => "出处条款", "Clause of the source document";
    "progress" => "进展状态：achieved 已完成、on_track 进展顺利、off_track 进度滞后、regressing 出现倒退、not_achieved 未完成、not_comparable 口径不同、no_data 暂无数据（方法见“完成情况”页）", "Progress status: achieved, on_track, off_track, regressing, not_achieved, not_comparable, no_data (the method is on the progress page)";
    "actuals" => "已公布的实际完成情况：以分号分隔的“年份:数值:指标”，指标与目标不同时不可直接比较", "Published outcomes: `year:figure:measure`, separated by semicolons; a measure other than the target's is not directly comparable";
    "url_zh" => "目标页面（中文）", "The target's page in Chinese";
    "url_en" => "目标页面（英文）", "The target's page in English";
}

/// A registry entry in the open data: its id and names.
#[derive(Serialize)]
struct Named {
    id: String,
    name: Localized<String>,
}

#[derive(Serialize)]
#[serde(tag = "form", rename_all = "snake_case")]
enum ValueJson {
    Single {
        comparator: &'static str,
        value: f64,
    },
    Range {
        low: f64,
        high: f64,
    },
    Tiers {
        floor: BoundJson,
        stretch: BoundJson,
    },
    Double,
    IncreaseBy {
        increase_by: f64,
    },
}

#[derive(Serialize)]
struct BoundJson {
    comparator: &'static str,
    value: f64,
}

impl From<&TargetValue> for ValueJson {
    fn from(v: &TargetValue) -> ValueJson {
        let bound = |b: Bound| BoundJson {
            comparator: b.comparator.key(),
            value: b.value,
        };
        match *v {
            TargetValue::Single(b) => ValueJson::Single {
                comparator: b.comparator.key(),
                value: b.value,
            },
            TargetValue::Range { low, high } => ValueJson::Range { low, high },
            TargetValue::Tiers { floor, stretch } => ValueJson::Tiers {
                floor: bound(floor),
                stretch: bound(stretch),
            },
            TargetValue::Double => ValueJson::Double,
            TargetValue::IncreaseBy(x) => ValueJson::IncreaseBy { increase_by: x },
        }
    }
}

#[derive(Serialize)]
struct PartJson {
    region: Option<String>,
    segment: Option<Localized<String>>,
    value: f64,
}

#[derive(Serialize)]
struct ActualJson {
    year: u16,
    value: f64,
    metric: &'static str,
    comparable: bool,
    source_record: String,
    note: Option<Localized<String>>,
}

#[derive(Serialize)]
struct TargetJson {
    plan_id: String,
    target_id: String,
    name: Localized<String>,
    plan_title: Localized<String>,
    issuer: Named,
    document_number: Option<String>,
    issued: Option<String>,
    plan_status: &'static str,
    chain: Option<Named>,
    topic: Option<Named>,
    region: Named,
    metric: &'static str,
    unit: &'static str,
    year: u16,
    annual: bool,
    value: ValueJson,
    value_text: Localized<String>,
    direction: &'static str,
    baseline: Option<BaselineJson>,
    breakdown: Option<BreakdownJson>,
    lead: Vec<String>,
    responsible: Vec<String>,
    source: SourceJson,
    actuals: Vec<ActualJson>,
    progress: ProgressJson,
    note: Option<Localized<String>>,
    url: Localized<String>,
}

#[derive(Serialize)]
struct ProgressJson {
    status: &'static str,
    floor_met: Option<bool>,
    stretch_met: Option<bool>,
}

#[derive(Serialize)]
struct BaselineJson {
    year: u16,
    value: Option<f64>,
}

#[derive(Serialize)]
struct BreakdownJson {
    kind: &'static str,
    parts: Vec<PartJson>,
}

#[derive(Serialize)]
struct SourceJson {
    record: String,
    clause: Option<String>,
    document: Option<Localized<String>>,
}

fn status_key(s: PlanStatus) -> &'static str {
    match s {
        PlanStatus::InForce => "in_force",
        PlanStatus::Expired => "expired",
        PlanStatus::NotYetIssued => "not_yet_issued",
    }
}

fn named<T>(id: &Id, reg: &Registry<T>, name: impl Fn(&T) -> &crate::lang::Text) -> Named
where
    T: HasId,
{
    Named {
        id: id.to_string(),
        name: reg.get(id).map(&name).cloned().unwrap_or_default(),
    }
}

fn target_json(
    site: &Site,
    index: &Index,
    p: usize,
    i: usize,
    plan: &Plan,
    t: &Target,
) -> TargetJson {
    let progress = index.progress_of(crate::derive::TargetRef { plan: p, target: i });
    let record = site.records.get(&plan.record);
    let base = &site.config.base_url;
    TargetJson {
        plan_id: plan.id.to_string(),
        target_id: t.id.to_string(),
        name: t.name.clone(),
        plan_title: plan.title.clone(),
        issuer: named(&plan.issuer, &site.units, |u| &u.name),
        document_number: record.and_then(|r| r.document_number.clone()),
        issued: record.map(|r| r.issued.to_string()),
        plan_status: status_key(index.status.get(p).copied().unwrap_or(PlanStatus::InForce)),
        chain: match &t.subject {
            Subject::Chain(id) => Some(named(id, &site.chains, |c| &c.name)),
            Subject::Topic(_) => None,
        },
        topic: match &t.subject {
            Subject::Topic(id) => Some(named(id, &site.topics, |c| &c.name)),
            Subject::Chain(_) => None,
        },
        region: named(&t.region, &site.regions, |r| &r.name),
        metric: t.metric.key(),
        unit: t.unit.key(),
        year: t.year,
        annual: t.annual,
        value: ValueJson::from(&t.value),
        value_text: Localized::from_fn(|l| value_text(l, t)),
        direction: match t.direction {
            Direction::Up => "up",
            Direction::Down => "down",
        },
        baseline: t.baseline.map(|b| BaselineJson {
            year: b.year,
            value: b.value,
        }),
        breakdown: t.breakdown.as_ref().map(|b| BreakdownJson {
            kind: breakdown_kind(b),
            parts: b
                .parts
                .iter()
                .map(|part| PartJson {
                    region: match &part.key {
                        PartKey::Region(id) => Some(id.to_string()),
                        PartKey::Segment(_) => None,
                    },
                    segment: match &part.key {
                        PartKey::Segment(s) => Some(s.clone()),
                        PartKey::Region(_) => None,
                    },
                    value: part.value,
                })
                .collect(),
        }),
        lead: t.lead.iter().map(Id::to_string).collect(),
        responsible: t.responsible.iter().map(Id::to_string).collect(),
        source: SourceJson {
            record: t.source.record.to_string(),
            clause: t.source.clause.clone(),
            document: site.records.get(&t.source.record).map(|r| r.title.clone()),
        },
        actuals: t
            .actuals
            .iter()
            .map(|a| ActualJson {
                year: a.year,
                value: a.value,
                metric: a.metric.key(),
                comparable: a.metric == t.metric,
                source_record: a.source.record.to_string(),
                note: a.note.clone(),
            })
            .collect(),
        progress: ProgressJson {
            status: progress.map_or("no_data", |p| p.status.key()),
            floor_met: progress.and_then(|p| p.tiers).map(|t| t.floor),
            stretch_met: progress.and_then(|p| p.tiers).map(|t| t.stretch),
        },
        note: t.note.clone(),
        url: Localized::from_fn(|l| base.join(&links::target(l, &plan.id, &t.id))),
    }
}

fn breakdown_kind(b: &Breakdown) -> &'static str {
    match b.kind {
        crate::content::raw::BreakdownKind::Partition => "partition",
        crate::content::raw::BreakdownKind::OfWhich => "of_which",
    }
}

/// `data/targets.json` and `data/targets.csv`, made in one pass over the targets:
/// each target's record is serialized to its JSON line and its CSV row and dropped,
/// so a large site never holds every record at once.
pub struct OpenData {
    pub json: String,
    pub csv: String,
}

impl OpenData {
    pub fn new(site: &Site, index: &Index) -> OpenData {
        let count: usize = site.plans.iter().map(|p| p.targets.len()).sum();
        let documentation = site
            .config
            .base_url
            .join(&links::data_docs(site.config.default_language));
        // One target per line in the JSON, so the file diffs and greps well.
        let mut json = String::with_capacity(count * 1500);
        json.push_str("{\"generator\":\"plansite\",\"documentation\":");
        json.push_str(&serde_json::to_string(&documentation).unwrap_or_default());
        json.push_str(",\"targets\":[\n");
        let mut csv = String::with_capacity(count * 600);
        let head: Vec<String> = COLUMNS.iter().map(|c| c.name.to_string()).collect();
        csv_start(&mut csv);
        csv_line(&mut csv, &head);
        let mut first = true;
        for (p, plan) in site.plans.iter().enumerate() {
            for (i, t) in plan.targets.iter().enumerate() {
                let record = target_json(site, index, p, i, plan, t);
                if !first {
                    json.push_str(",\n");
                }
                first = false;
                json.push_str(&serde_json::to_string(&record).unwrap_or_default());
                csv_line(&mut csv, &csv_row(&record));
            }
        }
        json.push_str("\n]}\n");
        OpenData { json, csv }
    }
}

fn num(v: Option<f64>) -> String {
    v.map_or(String::new(), |v| format::plain(v, 6))
}

fn csv_row(j: &TargetJson) -> Vec<String> {
    let (comparator, value, low, high, fc, floor, sc, stretch, inc) = match &j.value {
        ValueJson::Single { comparator, value } => (
            *comparator,
            Some(*value),
            None,
            None,
            "",
            None,
            "",
            None,
            None,
        ),
        ValueJson::Range { low, high } => {
            ("", None, Some(*low), Some(*high), "", None, "", None, None)
        }
        ValueJson::Tiers { floor, stretch } => (
            "",
            None,
            None,
            None,
            floor.comparator,
            Some(floor.value),
            stretch.comparator,
            Some(stretch.value),
            None,
        ),
        ValueJson::Double => ("", None, None, None, "", None, "", None, None),
        ValueJson::IncreaseBy { increase_by } => {
            ("", None, None, None, "", None, "", None, Some(*increase_by))
        }
    };
    let form = match &j.value {
        ValueJson::Single { .. } => "single",
        ValueJson::Range { .. } => "range",
        ValueJson::Tiers { .. } => "tiers",
        ValueJson::Double => "double",
        ValueJson::IncreaseBy { .. } => "increase_by",
    };
    let breakdown = j.breakdown.as_ref().map_or(String::new(), |b| {
        b.parts
            .iter()
            .map(|p| {
                let key = p
                    .region
                    .clone()
                    .or_else(|| p.segment.as_ref().map(|s| s.en.clone()))
                    .unwrap_or_default();
                format!("{key}={}", format::plain(p.value, 6))
            })
            .collect::<Vec<_>>()
            .join("; ")
    });
    let actuals = j
        .actuals
        .iter()
        .map(|a| format!("{}:{}:{}", a.year, format::plain(a.value, 6), a.metric))
        .collect::<Vec<_>>()
        .join("; ");
    let opt = |n: &Option<Named>, f: fn(&Named) -> String| n.as_ref().map_or(String::new(), f);
    let row = vec![
        j.plan_id.clone(),
        j.target_id.clone(),
        j.name.zh.clone(),
        j.name.en.clone(),
        j.plan_title.zh.clone(),
        j.plan_title.en.clone(),
        j.issuer.name.zh.clone(),
        j.issuer.name.en.clone(),
        j.document_number.clone().unwrap_or_default(),
        j.issued.clone().unwrap_or_default(),
        j.plan_status.to_string(),
        opt(&j.chain, |n| n.id.clone()),
        opt(&j.chain, |n| n.name.zh.clone()),
        opt(&j.chain, |n| n.name.en.clone()),
        opt(&j.topic, |n| n.id.clone()),
        opt(&j.topic, |n| n.name.zh.clone()),
        opt(&j.topic, |n| n.name.en.clone()),
        j.region.id.clone(),
        j.region.name.zh.clone(),
        j.region.name.en.clone(),
        j.metric.to_string(),
        j.unit.to_string(),
        j.year.to_string(),
        j.annual.to_string(),
        form.to_string(),
        comparator.to_string(),
        num(value),
        num(low),
        num(high),
        fc.to_string(),
        num(floor),
        sc.to_string(),
        num(stretch),
        num(inc),
        j.direction.to_string(),
        j.baseline
            .as_ref()
            .map_or(String::new(), |b| b.year.to_string()),
        num(j.baseline.as_ref().and_then(|b| b.value)),
        j.value_text.zh.clone(),
        j.value_text.en.clone(),
        j.breakdown
            .as_ref()
            .map_or(String::new(), |b| b.kind.to_string()),
        breakdown,
        j.lead.join("; "),
        j.responsible.join("; "),
        j.source.record.clone(),
        j.source.clause.clone().unwrap_or_default(),
        j.progress.status.to_string(),
        actuals,
        j.url.zh.clone(),
        j.url.en.clone(),
    ];
    debug_assert_eq!(row.len(), COLUMNS.len());
    row
}

/// A document of the search index: what a result shows, and the words it is found by.
struct SearchDoc {
    kind: &'static str,
    title: String,
    href: String,
    context: String,
    /// Extra words to find it by (the name in the other language, ids).
    extra: String,
}

/// `<lang>/search-index.js`: a script defining the index, so search works from disk
/// (where a page cannot fetch a JSON file) as well as from a server.
pub fn search_index(v: ViewCtx) -> String {
    let lang = v.lang;
    let other = lang.other();
    let site = v.site;
    let mut docs: Vec<SearchDoc> = Vec::new();
    for plan in site.plans.iter() {
        docs.push(SearchDoc {
            kind: "plan",
            title: v.text(&plan.title).to_string(),
            href: links::href(&links::plan(lang, &plan.id)),
            context: format!(
                "{} · {}",
                v.unit_name(&plan.issuer),
                super::views::horizon_text(plan.horizon)
            ),
            extra: format!(
                "{} {} {}",
                plan.title.get(other),
                plan.short_title.get(lang),
                plan.id
            ),
        });
    }
    for chain in site.chains.iter() {
        docs.push(SearchDoc {
            kind: "chain",
            title: v.text(&chain.name).to_string(),
            href: links::href(&links::chain(lang, &chain.id)),
            context: chain
                .description
                .as_ref()
                .map(|d| v.text(d).to_string())
                .unwrap_or_default(),
            extra: format!("{} {}", chain.name.get(other), chain.id),
        });
    }
    for (plan, t) in site.targets() {
        docs.push(SearchDoc {
            kind: "target",
            title: v.text(&t.name).to_string(),
            href: links::href(&links::target(lang, &plan.id, &t.id)),
            context: format!(
                "{} · {} · {} · {}",
                value_text(lang, t),
                t.year,
                site.subject_name(&t.subject, lang),
                v.text(&plan.short_title)
            ),
            extra: format!(
                "{} {} {} {}",
                t.name.get(other),
                site.subject_name(&t.subject, other),
                v.region_name(&t.region),
                t.id
            ),
        });
    }
    for topic in site.topics.iter() {
        docs.push(SearchDoc {
            kind: "topic",
            title: v.text(&topic.name).to_string(),
            href: links::href(&links::topic(lang, &topic.id)),
            context: String::new(),
            extra: topic.name.get(other).clone(),
        });
    }
    for region in site.regions.iter() {
        docs.push(SearchDoc {
            kind: "region",
            title: v.text(&region.name).to_string(),
            href: links::href(&links::region(lang, &region.id)),
            context: String::new(),
            extra: region.name.get(other).clone(),
        });
    }
    for unit in site.units.iter() {
        docs.push(SearchDoc {
            kind: "unit",
            title: v.text(&unit.name).to_string(),
            href: links::href(&links::unit(lang, &unit.id)),
            context: unit
                .region
                .as_ref()
                .map(|r| v.region_name(r))
                .unwrap_or_default(),
            extra: unit.name.get(other).clone(),
        });
    }
    let mut grams: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        let text = format!("{} {} {}", d.title, d.context, d.extra);
        for g in search_grams(&text) {
            let list = grams.entry(g).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let kinds: Vec<String> = ["plan", "chain", "target", "topic", "region", "unit"]
        .iter()
        .map(|k| v.t(&format!("search_kind_{k}")).to_string())
        .collect();
    let doc_json: Vec<serde_json::Value> = docs
        .iter()
        .map(|d| serde_json::json!([d.kind, d.title, d.href, d.context]))
        .collect();
    let index = serde_json::json!({ "kinds": kinds, "docs": doc_json, "grams": grams });
    format!(
        "// Search index of the {} pages, generated by plansite.\nwindow.PLANSITE_SEARCH_INDEX = {};\n",
        lang.code(),
        index
    )
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The keys a text is found by: every pair of adjacent CJK characters (bigrams, since
/// Chinese has no spaces), lone CJK characters, and lowercased words and numbers. The
/// search script splits queries the same way.
pub fn search_grams(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let mut word = String::new();
    let flush_run = |run: &mut Vec<char>, out: &mut Vec<String>| {
        if run.len() == 1 {
            out.push(run[0].to_string());
        }
        for pair in run.windows(2) {
            out.push(pair.iter().collect());
        }
        run.clear();
    };
    for c in text.chars() {
        if is_cjk(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            run.push(c);
        } else if c.is_alphanumeric() {
            flush_run(&mut run, &mut out);
            word.extend(c.to_lowercase());
        } else {
            flush_run(&mut run, &mut out);
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
    }
    flush_run(&mut run, &mut out);
    if !word.is_empty() {
        out.push(word);
    }
    out.sort();
    out.dedup();
    out
}

/// `sitemap.xml`: every listed page with its twin as an hreflang alternate.
pub fn sitemap(site: &Site, pages: &[Page]) -> String {
    let base = &site.config.base_url;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in pages.iter().filter(|p| p.is_listed()) {
        let path = page.path(site);
        let lang = page.lang(site);
        let twin = links::twin(&path, lang);
        let _ = write!(
            out,
            "  <url>\n    <loc>{}</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n  </url>\n",
            escape(&base.join(&path)),
            lang.html_tag(),
            escape(&base.join(&path)),
            lang.other().html_tag(),
            escape(&base.join(&twin)),
        );
    }
    out.push_str("</urlset>\n");
    out
}

/// `<lang>/atom.xml`: the plans, newest first.
pub fn feed(v: ViewCtx) -> String {
    let site = v.site;
    let lang = v.lang;
    let base = &site.config.base_url;
    let mut plans: Vec<(&Plan, Date)> = site
        .plans
        .iter()
        .filter_map(|p| site.records.get(&p.record).map(|r| (p, r.issued)))
        .collect();
    plans.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.id.cmp(&b.0.id)));
    let updated = plans.first().map_or_else(
        || "1970-01-01T00:00:00+08:00".to_string(),
        |(_, d)| d.rfc3339(),
    );
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <subtitle>{}</subtitle>\n  <id>{}</id>\n  <link rel=\"self\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <updated>{updated}</updated>\n  <generator>plansite</generator>\n",
        lang.html_tag(),
        escape(site.config.title.get(lang)),
        escape(site.config.description.get(lang)),
        escape(&base.join(&links::home(lang))),
        escape(&base.join(&format!("{}/atom.xml", lang.code()))),
        escape(&base.join(&links::home(lang))),
    );
    for (plan, issued) in plans {
        let url = base.join(&links::plan(lang, &plan.id));
        let summary = plan
            .commentary
            .get(lang)
            .as_ref()
            .and_then(|c| c.summary.clone())
            .unwrap_or_else(|| v.text(&plan.title).to_string());
        let _ = write!(
            out,
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <published>{}</published>\n    <updated>{}</updated>\n    <author><name>{}</name></author>\n    <summary>{}</summary>\n  </entry>\n",
            escape(v.text(&plan.title)),
            escape(&url),
            escape(&url),
            issued.rfc3339(),
            issued.rfc3339(),
            escape(&v.unit_name(&plan.issuer)),
            escape(&summary),
        );
    }
    out.push_str("</feed>\n");
    out
}

/// `robots.txt`: everything may be crawled; the sitemap's address.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.config.base_url.join("sitemap.xml")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_indexed_by_bigrams_and_latin_by_words() {
        let g = search_grams("稀土永磁 Rare-earth 2021");
        for want in ["稀土", "土永", "永磁", "rare", "earth", "2021"] {
            assert!(g.contains(&want.to_string()), "{want} in {g:?}");
        }
        assert_eq!(search_grams("硅"), vec!["硅".to_string()]);
    }
}
