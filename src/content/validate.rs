//! Turns the raw YAML structs into the checked model, reporting every problem.
//!
//! Each check pushes a located [`Diagnostic`] and carries on, so one run lists all
//! problems. A value that fails a check is dropped from the model; the caller refuses
//! to render a site that had any error, so a half-valid model is never published.

use std::collections::{HashMap, HashSet};

use super::id::Id;
use super::model::*;
use super::raw::*;
use super::value::*;
use crate::diagnostics::Diagnostic;
use crate::lang::{Lang, Localized, Text};
use crate::yaml::{SourceFile, YamlPath};

/// The registries every plan is checked against.
#[derive(Debug, Default, Clone)]
pub struct Registries {
    pub chains: Registry<Chain>,
    pub topics: Registry<Topic>,
    pub regions: Registry<Region>,
    pub units: Registry<Unit>,
    pub records: Registry<Record>,
    /// Kinds whose file could not be read ("chain", "record"…). References to them
    /// are not reported: the one error in the broken file says it all.
    pub broken: Vec<&'static str>,
    /// Records whose file exists but could not be read.
    pub broken_records: Vec<Id>,
}

impl Registries {
    /// Reports a reference to an unknown entry, unless the registry itself is broken.
    fn unknown(
        &self,
        file: &SourceFile,
        path: &YamlPath,
        kind: &'static str,
        id: &Id,
        out: &mut Problems,
    ) {
        if !self.broken.contains(&kind) {
            out.push(unknown_ref(file, path, kind, id));
        }
    }
}

/// Problems found while checking one file.
pub type Problems = Vec<Diagnostic>;

/// Reports blank languages of a localized text at `path`.
fn check_text(file: &SourceFile, path: &YamlPath, text: &Text, what: &str, out: &mut Problems) {
    for lang in text.blank_languages() {
        out.push(
            file.error_at(
                &path.key(lang.code()),
                format!("{what} is empty in `{lang}`"),
            )
            .help(format!("write the {what} in both languages")),
        );
    }
}

/// Rejects a second entry with an id already seen; returns true if `id` is new.
fn check_unique(
    seen: &mut HashMap<Id, usize>,
    id: &Id,
    index: usize,
    file: &SourceFile,
    path: &YamlPath,
    out: &mut Problems,
) -> bool {
    if let Some(first) = seen.get(id) {
        out.push(
            file.error_at(
                &path.key("id"),
                format!("the id `{id}` is used twice (first at entry {first})"),
            )
            .help("give each entry its own id"),
        );
        false
    } else {
        seen.insert(id.clone(), index);
        true
    }
}

pub fn chains(file: &SourceFile, raw: Vec<RawChain>, out: &mut Problems) -> Registry<Chain> {
    let mut seen = HashMap::new();
    let mut items = Vec::new();
    for (i, c) in raw.into_iter().enumerate() {
        let path = YamlPath::root().index(i);
        check_text(file, &path.key("name"), &c.name, "the name", out);
        if let Some(d) = &c.description {
            check_text(file, &path.key("description"), d, "the description", out);
        }
        if check_unique(&mut seen, &c.id, i, file, &path, out) {
            items.push(Chain {
                id: c.id,
                name: c.name,
                description: c.description,
            });
        }
    }
    Registry::new(items)
}

pub fn topics(file: &SourceFile, raw: Vec<RawTopic>, out: &mut Problems) -> Registry<Topic> {
    let mut seen = HashMap::new();
    let mut items = Vec::new();
    for (i, t) in raw.into_iter().enumerate() {
        let path = YamlPath::root().index(i);
        check_text(file, &path.key("name"), &t.name, "the name", out);
        if check_unique(&mut seen, &t.id, i, file, &path, out) {
            items.push(Topic {
                id: t.id,
                name: t.name,
            });
        }
    }
    Registry::new(items)
}

pub fn regions(file: &SourceFile, raw: Vec<RawRegion>, out: &mut Problems) -> Registry<Region> {
    let mut seen = HashMap::new();
    let mut items = Vec::new();
    for (i, r) in raw.into_iter().enumerate() {
        let path = YamlPath::root().index(i);
        check_text(file, &path.key("name"), &r.name, "the name", out);
        if check_unique(&mut seen, &r.id, i, file, &path, out) {
            items.push(Region {
                id: r.id,
                name: r.name,
                parent: r.parent,
            });
        }
    }
    let registry = Registry::new(items);
    for (i, r) in registry.iter().enumerate() {
        let path = YamlPath::root().index(i).key("parent");
        let Some(parent) = &r.parent else { continue };
        if !registry.contains(parent) {
            out.push(
                file.error_at(&path, format!("unknown parent region `{parent}`"))
                    .help("add the parent region to this file, or remove `parent`"),
            );
        } else if has_cycle(&registry, &r.id) {
            out.push(
                file.error_at(&path, format!("the region `{}` is its own ancestor", r.id))
                    .help("regions form a tree: break the loop of `parent` links"),
            );
        }
    }
    registry
}

fn has_cycle(regions: &Registry<Region>, start: &Id) -> bool {
    let mut current = regions.get(start).and_then(|r| r.parent.clone());
    for _ in 0..=regions.len() {
        match current {
            None => return false,
            Some(id) if &id == start => return true,
            Some(id) => current = regions.get(&id).and_then(|r| r.parent.clone()),
        }
    }
    true
}

pub fn units(
    file: &SourceFile,
    raw: Vec<RawUnit>,
    reg: &Registries,
    out: &mut Problems,
) -> Registry<Unit> {
    let mut seen = HashMap::new();
    let mut items = Vec::new();
    for (i, u) in raw.into_iter().enumerate() {
        let path = YamlPath::root().index(i);
        check_text(file, &path.key("name"), &u.name, "the name", out);
        if let Some(region) = &u.region
            && !reg.regions.contains(region)
        {
            reg.unknown(file, &path.key("region"), "region", region, out);
        }
        if check_unique(&mut seen, &u.id, i, file, &path, out) {
            items.push(Unit {
                id: u.id,
                name: u.name,
                region: u.region,
            });
        }
    }
    Registry::new(items)
}

fn unknown_ref(file: &SourceFile, path: &YamlPath, kind: &str, id: &Id) -> Diagnostic {
    let registry = match kind {
        "chain" => "content/chains.yaml",
        "topic" => "content/topics.yaml",
        "region" => "content/regions.yaml",
        "unit" => "content/units.yaml",
        _ => "seeds/",
    };
    file.error_at(path, format!("unknown {kind} `{id}`"))
        .help(format!("check the spelling, or add `{id}` to {registry}"))
}

pub fn record(id: Id, file: &SourceFile, raw: RawRecord, out: &mut Problems) -> Record {
    let root = YamlPath::root();
    check_text(file, &root.key("title"), &raw.title, "the title", out);
    check_text(file, &root.key("issuer"), &raw.issuer, "the issuer", out);
    let mut seen = HashSet::new();
    for (i, c) in raw.clauses.iter().enumerate() {
        let path = root.key("clauses").index(i);
        check_text(file, &path.key("title"), &c.title, "the clause title", out);
        if c.id.trim().is_empty() {
            out.push(file.error_at(&path.key("id"), "the clause number is empty"));
        } else if !seen.insert(normalize_clause(&c.id)) {
            out.push(
                file.error_at(
                    &path.key("id"),
                    format!("the clause `{}` is listed twice", c.id),
                )
                .help("list each clause of the document once"),
            );
        }
    }
    for (i, p) in raw.published.iter().enumerate() {
        let path = root.key("published").index(i);
        check_text(
            file,
            &path.key("publisher"),
            &p.publisher,
            "the publisher",
            out,
        );
        if let Some(url) = &p.url
            && !crate::config::is_safe_link(url)
        {
            out.push(
                file.error_at(&path.key("url"), format!("`{url}` is not a web address"))
                    .help("use an address starting with https:// or http://"),
            );
        }
    }
    Record {
        id,
        title: raw.title,
        issuer: raw.issuer,
        issued: raw.issued,
        document_number: raw.document_number.filter(|n| !n.trim().is_empty()),
        published: raw
            .published
            .into_iter()
            .map(|p| Publication {
                publisher: p.publisher,
                date: p.date,
                url: p.url,
            })
            .collect(),
        clauses: raw
            .clauses
            .into_iter()
            .map(|c| Clause {
                id: c.id,
                title: c.title,
            })
            .collect(),
    }
}

/// Commentary files found in a plan's directory.
#[derive(Debug, Default)]
pub struct PlanCommentary {
    pub plan: Localized<Option<Commentary>>,
    /// Per target id; the source file name is kept to report orphans.
    pub targets: HashMap<Id, Localized<Option<Commentary>>>,
}

/// Checks a plan and its targets.
pub fn plan(
    id: Id,
    file: &SourceFile,
    raw: RawPlan,
    mut commentary: PlanCommentary,
    reg: &Registries,
    out: &mut Problems,
) -> Option<Plan> {
    let root = YamlPath::root();
    check_text(file, &root.key("title"), &raw.title, "the title", out);
    if let Some(s) = &raw.short_title {
        check_text(file, &root.key("short_title"), s, "the short title", out);
    }
    if !reg.units.contains(&raw.issuer) {
        reg.unknown(file, &root.key("issuer"), "unit", &raw.issuer, out);
    }
    if !reg.regions.contains(&raw.region) {
        reg.unknown(file, &root.key("region"), "region", &raw.region, out);
    }
    let record = reg.records.get(&raw.record);
    if record.is_none() && !reg.broken_records.contains(&raw.record) {
        out.push(
            file.error_at(
                &root.key("record"),
                format!("unknown source record `{}`", raw.record),
            )
            .help(format!(
                "add seeds/{}.yaml, or fix the spelling",
                raw.record
            )),
        );
    }
    let horizon = Horizon {
        start: raw.horizon.start.0,
        end: raw.horizon.end.0,
    };
    if horizon.start > horizon.end {
        out.push(
            file.error_at(
                &root.key("horizon").key("end"),
                format!(
                    "the horizon ends ({}) before it starts ({})",
                    horizon.end, horizon.start
                ),
            )
            .help("swap `start` and `end`"),
        );
    }
    let ctx = PlanContext {
        plan: &id,
        region: &raw.region,
        record: &raw.record,
        horizon,
        reg,
        file,
    };
    let mut seen = HashMap::new();
    let mut targets = Vec::new();
    for (i, t) in raw.targets.into_iter().enumerate() {
        let path = root.key("targets").index(i);
        if !check_unique(&mut seen, &t.id, i, file, &path, out) {
            continue;
        }
        let target_commentary = commentary.targets.remove(&t.id).unwrap_or_default();
        if let Some(mut target) = ctx.target(t, &path, target_commentary, out) {
            target.position = targets.len();
            targets.push(target);
        }
    }
    for (orphan, files) in commentary.targets {
        for c in Lang::ALL.iter().filter_map(|l| files.get(*l).as_ref()) {
            out.push(
                Diagnostic::error(
                    &c.file.display,
                    format!("commentary for `{orphan}`, which is not a target of this plan"),
                )
                .help("rename the file after a target id in plan.yaml, or delete it"),
            );
        }
    }
    Some(Plan {
        short_title: raw.short_title.unwrap_or_else(|| raw.title.clone()),
        title: raw.title,
        issuer: raw.issuer,
        region: raw.region,
        record: raw.record,
        horizon,
        targets,
        commentary: commentary.plan,
        id,
    })
}

struct PlanContext<'a> {
    plan: &'a Id,
    region: &'a Id,
    record: &'a Id,
    horizon: Horizon,
    reg: &'a Registries,
    file: &'a SourceFile,
}

impl PlanContext<'_> {
    fn target(
        &self,
        t: RawTarget,
        path: &YamlPath,
        commentary: Localized<Option<Commentary>>,
        out: &mut Problems,
    ) -> Option<Target> {
        let before = out.len();
        let file = self.file;
        check_text(file, &path.key("name"), &t.name, "the name", out);
        if let Some(n) = &t.note {
            check_text(file, &path.key("note"), n, "the note", out);
        }
        let subject = self.subject(&t, path, out);
        let region = t.region.clone().unwrap_or_else(|| self.region.clone());
        if t.region.is_some() && !self.reg.regions.contains(&region) {
            self.reg
                .unknown(file, &path.key("region"), "region", &region, out);
        }
        if !t.metric.accepts(t.unit) {
            out.push(
                file.error_at(
                    &path.key("unit"),
                    format!("a `{}` target cannot be measured in `{}`", t.metric, t.unit),
                )
                .help(unit_help(t.metric)),
            );
        }
        let value = self.value(&t, path, out);
        let direction = self.direction(&t, value.as_ref(), path, out);
        let baseline = self.baseline(&t, value.as_ref(), path, out);
        if !(self.horizon.start..=self.horizon.end).contains(&t.year.0) {
            out.push(file.warning_at(
                &path.key("year"),
                format!(
                    "the target year {} lies outside the plan's horizon {}–{}",
                    t.year, self.horizon.start, self.horizon.end
                ),
            ));
        }
        let breakdown = t
            .breakdown
            .as_ref()
            .and_then(|b| self.breakdown(b, &t, value.as_ref(), path, out));
        let responsible = self.units(&t.responsible, &path.key("responsible"), out);
        let lead = self.units(&t.lead, &path.key("lead"), out);
        let source = self.source(&t.source, &path.key("source"), out);
        let actuals = self.actuals(&t, path, out);
        let had_error = out[before..]
            .iter()
            .any(|d| d.severity == crate::diagnostics::Severity::Error);
        if had_error {
            return None;
        }
        Some(Target {
            position: 0,
            plan: self.plan.clone(),
            id: t.id,
            name: t.name,
            subject: subject?,
            region,
            metric: t.metric,
            unit: t.unit,
            year: t.year.0,
            annual: t.annual,
            value: value?,
            direction,
            baseline,
            breakdown,
            responsible,
            lead,
            source: source?,
            actuals,
            note: t.note,
            commentary,
        })
    }

    fn subject(&self, t: &RawTarget, path: &YamlPath, out: &mut Problems) -> Option<Subject> {
        match (&t.chain, &t.topic) {
            (Some(chain), None) => {
                if self.reg.chains.contains(chain) {
                    Some(Subject::Chain(chain.clone()))
                } else {
                    self.reg
                        .unknown(self.file, &path.key("chain"), "chain", chain, out);
                    None
                }
            }
            (None, Some(topic)) => {
                if self.reg.topics.contains(topic) {
                    Some(Subject::Topic(topic.clone()))
                } else {
                    self.reg
                        .unknown(self.file, &path.key("topic"), "topic", topic, out);
                    None
                }
            }
            (Some(_), Some(_)) => {
                out.push(
                    self.file
                        .error_at(
                            &path.key("topic"),
                            "a target has a `chain` or a `topic`, not both",
                        )
                        .help("keep `chain` for industry-chain targets and `topic` for the others"),
                );
                None
            }
            (None, None) => {
                out.push(
                    self.file
                        .error_at(path, format!("the target `{}` has neither `chain` nor `topic`", t.id))
                        .help("add `chain: <id>` for an industry chain or `topic: <id>` for other goals"),
                );
                None
            }
        }
    }

    fn value(&self, t: &RawTarget, path: &YamlPath, out: &mut Problems) -> Option<TargetValue> {
        let vpath = path.key("value");
        let bound = |c, v: Num| Bound {
            comparator: c,
            value: v.0,
        };
        let value = match &t.value {
            RawValue::Reach(v) => TargetValue::Single(bound(Comparator::Reach, *v)),
            RawValue::Exceed(v) => TargetValue::Single(bound(Comparator::Exceed, *v)),
            RawValue::About(v) => TargetValue::Single(bound(Comparator::About, *v)),
            RawValue::AtLeast(v) => TargetValue::Single(bound(Comparator::AtLeast, *v)),
            RawValue::AtMost(v) => TargetValue::Single(bound(Comparator::AtMost, *v)),
            RawValue::Range([low, high]) => TargetValue::Range {
                low: low.0,
                high: high.0,
            },
            RawValue::Tiers { floor, stretch } => TargetValue::Tiers {
                floor: raw_bound(floor),
                stretch: raw_bound(stretch),
            },
            RawValue::Double => TargetValue::Double,
            RawValue::IncreaseBy(v) => TargetValue::IncreaseBy(v.0),
        };
        let before = out.len();
        for figure in value.figures() {
            self.check_figure(figure, t.metric, t.unit, &vpath, out);
        }
        if let TargetValue::IncreaseBy(x) = value
            && (x <= 0.0 || x > 1000.0)
        {
            out.push(
                self.file
                    .error_at(&vpath.key("increase_by"), format!("a rise of {x} is not plausible"))
                    .help("`increase_by` is a rise over the baseline in percent (or percentage points), above 0 and at most 1000"),
            );
        }
        match value {
            TargetValue::Range { low, high } if low >= high => out.push(
                self.file
                    .error_at(
                        &vpath.key("range"),
                        format!("the range {low}–{high} is empty"),
                    )
                    .help("write the smaller figure first, as in `range: [3, 5]`"),
            ),
            TargetValue::Tiers { floor, stretch } => {
                let down = t.direction == Some(Direction::Down);
                if (!down && floor.value > stretch.value) || (down && floor.value < stretch.value) {
                    out.push(
                        self.file
                            .error_at(
                                &vpath.key("tiers").key("stretch"),
                                format!(
                                    "the stretch goal ({}) is less ambitious than the floor ({})",
                                    stretch.value, floor.value
                                ),
                            )
                            .help("`floor` is what is ensured (确保), `stretch` what is striven for (力争)"),
                    );
                }
            }
            _ => {}
        }
        (out.len() == before).then_some(value)
    }

    fn check_figure(
        &self,
        v: f64,
        metric: Metric,
        unit: MeasureUnit,
        path: &YamlPath,
        out: &mut Problems,
    ) {
        let signed_ok = metric == Metric::Growth || unit == MeasureUnit::PercentagePoints;
        if v < 0.0 && !signed_ok {
            out.push(
                self.file
                    .error_at(path, format!("the figure {v} is negative"))
                    .help("only growth rates and changes in percentage points can be negative; use `at_most` for a ceiling"),
            );
        } else if v.abs() > unit.plausible_max() {
            out.push(
                self.file
                    .error_at(
                        path,
                        format!("the figure {v} is implausibly large for `{unit}`"),
                    )
                    .help("check the unit: 亿元 figures are written in 亿 (2600 for 2600亿元)"),
            );
        } else if unit.kind() == UnitKind::Count && v.fract() != 0.0 {
            out.push(
                self.file
                    .error_at(path, format!("the count {v} is not a whole number"))
                    .help("counts of firms, projects or platforms are whole numbers"),
            );
        } else if matches!(metric, Metric::Share | Metric::Rate)
            && unit == MeasureUnit::Percent
            && v > 100.0
        {
            out.push(
                self.file
                    .error_at(path, format!("a share of {v}% is more than the whole"))
                    .help("shares and rates are between 0 and 100 percent"),
            );
        }
    }

    fn direction(
        &self,
        t: &RawTarget,
        value: Option<&TargetValue>,
        path: &YamlPath,
        out: &mut Problems,
    ) -> Direction {
        let implied = value.map_or(Direction::Up, TargetValue::implied_direction);
        match t.direction {
            Some(Direction::Up) if implied == Direction::Down => {
                out.push(
                    self.file
                        .error_at(&path.key("direction"), "`at_most` targets aim down, not up")
                        .help("remove `direction`, or use another comparator"),
                );
                Direction::Up
            }
            Some(d) => d,
            None => implied,
        }
    }

    fn baseline(
        &self,
        t: &RawTarget,
        value: Option<&TargetValue>,
        path: &YamlPath,
        out: &mut Problems,
    ) -> Option<Baseline> {
        let bpath = path.key("baseline");
        match &t.baseline {
            None => {
                if value.is_some_and(TargetValue::needs_baseline) {
                    out.push(
                        self.file
                            .error_at(&path.key("value"), "this value is stated against a baseline, but the target has none")
                            .help("add `baseline: {year: 2020}` (and its `value` if the plan gives it)"),
                    );
                }
                None
            }
            Some(b) => {
                if b.year >= t.year {
                    out.push(
                        self.file
                            .error_at(
                                &bpath.key("year"),
                                format!(
                                    "the baseline year {} is not before the target year {}",
                                    b.year, t.year
                                ),
                            )
                            .help("the baseline is the starting point; its year comes first"),
                    );
                }
                if let Some(v) = b.value {
                    self.check_figure(v.0, t.metric, t.unit, &bpath.key("value"), out);
                }
                Some(Baseline {
                    year: b.year.0,
                    value: b.value.map(|v| v.0),
                })
            }
        }
    }

    fn breakdown(
        &self,
        b: &RawBreakdown,
        t: &RawTarget,
        value: Option<&TargetValue>,
        path: &YamlPath,
        out: &mut Problems,
    ) -> Option<Breakdown> {
        let bpath = path.key("breakdown");
        let before = out.len();
        if b.parts.is_empty() {
            out.push(
                self.file
                    .error_at(&bpath.key("parts"), "the breakdown has no parts")
                    .help("list the parts, or remove `breakdown`"),
            );
        }
        let mut parts = Vec::new();
        let mut keys = HashSet::new();
        for (i, p) in b.parts.iter().enumerate() {
            let ppath = bpath.key("parts").index(i);
            self.check_figure(p.value.0, t.metric, t.unit, &ppath.key("value"), out);
            let key = match (&p.region, &p.segment) {
                (Some(r), None) => {
                    if !self.reg.regions.contains(r) {
                        self.reg
                            .unknown(self.file, &ppath.key("region"), "region", r, out);
                    }
                    PartKey::Region(r.clone())
                }
                (None, Some(s)) => {
                    check_text(self.file, &ppath.key("segment"), s, "the segment name", out);
                    PartKey::Segment(s.clone())
                }
                _ => {
                    out.push(
                        self.file
                            .error_at(&ppath, "a part names either a `region` or a `segment`")
                            .help("write `region: <id>` or `segment: {zh: …, en: …}`"),
                    );
                    continue;
                }
            };
            if !keys.insert(format!("{key:?}")) {
                out.push(self.file.error_at(&ppath, "this part is listed twice"));
            }
            parts.push(Part {
                key,
                value: p.value.0,
            });
        }
        let total = value.and_then(TargetValue::total);
        match (b.kind, total) {
            (_, None) if value.is_some() => out.push(
                self.file
                    .error_at(&bpath, "a breakdown needs a target stated as a figure")
                    .help("breakdowns split a figure such as `exceed: 1000`, not a change such as `double`"),
            ),
            (BreakdownKind::Partition, Some(total)) if !parts.is_empty() => {
                let sum: f64 = parts.iter().map(|p| p.value).sum();
                if (sum - total).abs() > (total.abs() * 0.005).max(0.01) {
                    out.push(
                        self.file
                            .error_at(
                                &bpath.key("parts"),
                                format!("the parts add up to {} but the total is {}", trim(sum), trim(total)),
                            )
                            .help("fix the figures, or mark the breakdown `kind: of_which` if it lists only some parts"),
                    );
                }
            }
            (BreakdownKind::OfWhich, Some(total)) => {
                for (i, p) in parts.iter().enumerate() {
                    if p.value > total {
                        out.push(self.file.error_at(
                            &bpath.key("parts").index(i).key("value"),
                            format!("the part {} is larger than the total {}", trim(p.value), trim(total)),
                        ));
                    }
                }
            }
            _ => {}
        }
        (out.len() == before).then_some(Breakdown {
            kind: b.kind,
            parts,
        })
    }

    fn units(&self, ids: &[Id], path: &YamlPath, out: &mut Problems) -> Vec<Id> {
        let mut seen = HashSet::new();
        let mut units = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            if !self.reg.units.contains(id) {
                self.reg.unknown(self.file, &path.index(i), "unit", id, out);
            } else if !seen.insert(id) {
                out.push(
                    self.file
                        .warning_at(&path.index(i), format!("the unit `{id}` is listed twice")),
                );
            } else {
                units.push(id.clone());
            }
        }
        units
    }

    fn source(&self, s: &RawSource, path: &YamlPath, out: &mut Problems) -> Option<SourceRef> {
        let record_id = s.record.clone().unwrap_or_else(|| self.record.clone());
        self.source_ref(record_id, Some(&s.clause), path, out)
    }

    fn source_ref(
        &self,
        record_id: Id,
        clause: Option<&String>,
        path: &YamlPath,
        out: &mut Problems,
    ) -> Option<SourceRef> {
        let Some(record) = self.reg.records.get(&record_id) else {
            if self.reg.broken_records.contains(&record_id) {
                return None;
            }
            out.push(
                self.file
                    .error_at(
                        &path.key("record"),
                        format!("unknown source record `{record_id}`"),
                    )
                    .help(format!("add seeds/{record_id}.yaml, or fix the spelling")),
            );
            return None;
        };
        if let Some(clause) = clause
            && record.clause(clause).is_none()
        {
            let known: Vec<&str> = record.clauses.iter().map(|c| c.id.as_str()).collect();
            out.push(
                self.file
                    .error_at(
                        &path.key("clause"),
                        format!("the record `{record_id}` has no clause `{clause}`"),
                    )
                    .help(if known.is_empty() {
                        format!("list the document's clauses in seeds/{record_id}.yaml")
                    } else {
                        format!("known clauses: {}", known.join(", "))
                    }),
            );
            return None;
        }
        Some(SourceRef {
            record: record_id,
            clause: clause.cloned(),
        })
    }

    fn actuals(&self, t: &RawTarget, path: &YamlPath, out: &mut Problems) -> Vec<Actual> {
        let mut seen = HashSet::new();
        let mut actuals = Vec::new();
        for (i, a) in t.actuals.iter().enumerate() {
            let apath = path.key("actuals").index(i);
            let metric = a.metric.unwrap_or(t.metric);
            if metric != t.metric && !metric.accepts(t.unit) {
                out.push(
                    self.file
                        .error_at(
                            &apath.key("metric"),
                            format!("a `{metric}` figure cannot be given in `{}`", t.unit),
                        )
                        .help("an outcome in another metric must still be in the target's unit"),
                );
                continue;
            }
            self.check_figure(a.value.0, metric, t.unit, &apath.key("value"), out);
            if !seen.insert((a.year, metric)) {
                out.push(
                    self.file
                        .error_at(
                            &apath.key("year"),
                            format!("a second `{metric}` outcome for {}", a.year),
                        )
                        .help("keep one outcome per year and metric"),
                );
            }
            if let Some(n) = &a.note {
                check_text(self.file, &apath.key("note"), n, "the note", out);
            }
            let Some(source) = self.source_ref(
                a.source.record.clone(),
                a.source.clause.as_ref(),
                &apath.key("source"),
                out,
            ) else {
                continue;
            };
            actuals.push(Actual {
                year: a.year.0,
                value: a.value.0,
                metric,
                source,
                note: a.note.clone(),
            });
        }
        actuals.sort_by_key(|a| (a.year, a.metric));
        actuals
    }
}

fn raw_bound(b: &RawBound) -> Bound {
    let (comparator, value) = match b {
        RawBound::Reach(v) => (Comparator::Reach, v),
        RawBound::Exceed(v) => (Comparator::Exceed, v),
        RawBound::About(v) => (Comparator::About, v),
        RawBound::AtLeast(v) => (Comparator::AtLeast, v),
        RawBound::AtMost(v) => (Comparator::AtMost, v),
    };
    Bound {
        comparator,
        value: value.0,
    }
}

fn unit_help(metric: Metric) -> String {
    let units: Vec<&str> = MeasureUnit::ALL
        .into_iter()
        .filter(|u| metric.accepts(*u))
        .map(MeasureUnit::key)
        .collect();
    format!("`{metric}` targets take one of: {}", units.join(", "))
}

/// A figure without float noise, for messages.
fn trim(v: f64) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
