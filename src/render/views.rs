//! What templates see: plain structs built from the model for one language.
//!
//! Every page kind gets a typed context built from these views (never a map of string
//! keys), so a template typo is a render error, not a silently empty field. Links are
//! site paths relative to the root (`zh/plans/x/index.html`); templates prefix them with
//! the page's `root`.

use serde::Serialize;

use super::format;
use super::i18n::Strings;
use super::links;
use crate::content::*;
use crate::derive::progress::{Progress, Reason, Status};
use crate::derive::{Index, PlanStatus, TargetRef};
use crate::lang::Lang;

/// Everything a view builder needs: the site, its indexes, the language and its UI
/// strings.
#[derive(Clone, Copy)]
pub struct ViewCtx<'a> {
    pub site: &'a Site,
    pub index: &'a Index,
    pub lang: Lang,
    pub strings: &'a Strings,
}

impl<'a> ViewCtx<'a> {
    /// A UI string; keys used here are checked when the theme loads.
    pub fn t(&self, key: &str) -> &'a str {
        debug_assert!(
            self.strings.contains_key(key),
            "the UI string `{key}` is looked up but not listed in render/keys.rs"
        );
        self.strings.get(key).map_or("", String::as_str)
    }

    /// A UI string with its `{name}` placeholders filled from `args`.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        super::i18n::fill(self.t(key), args)
    }

    /// A year as a label ("2025年", "2025").
    pub fn year(&self, year: u16) -> String {
        self.tf("year_label", &[("year", &year.to_string())])
    }

    pub fn metric(&self, metric: Metric) -> &'a str {
        self.t(&super::keys::metric(metric))
    }

    pub fn text<'t>(&self, text: &'t crate::lang::Text) -> &'t str {
        text.get(self.lang)
    }

    /// A date as the language writes it ("2021年4月26日", "26 April 2021"); the
    /// patterns and month names are UI strings.
    pub fn date(&self, d: Date) -> String {
        let month_name = self.t(&format!("month_{}", d.month.clamp(1, 12)));
        let (year, month) = (d.year.to_string(), d.month.to_string());
        match d.day {
            Some(day) => self.tf(
                "date_day",
                &[
                    ("year", &year),
                    ("month", &month),
                    ("month_name", month_name),
                    ("day", &day.to_string()),
                ],
            ),
            None => self.tf(
                "date_month",
                &[
                    ("year", &year),
                    ("month", &month),
                    ("month_name", month_name),
                ],
            ),
        }
    }

    pub fn unit_name(&self, id: &Id) -> String {
        self.site
            .units
            .get(id)
            .map(|u| self.text(&u.name).to_string())
            .unwrap_or_default()
    }

    pub fn region_name(&self, id: &Id) -> String {
        self.site
            .regions
            .get(id)
            .map(|r| self.text(&r.name).to_string())
            .unwrap_or_default()
    }

    /// A unit's name and page.
    pub fn unit_ref(&self, id: &Id) -> NameRef {
        NameRef {
            id: id.to_string(),
            name: self.unit_name(id),
            href: links::href(&links::unit(self.lang, id)),
        }
    }

    /// A region's name and page.
    pub fn region_ref(&self, id: &Id) -> NameRef {
        NameRef {
            id: id.to_string(),
            name: self.region_name(id),
            href: links::href(&links::region(self.lang, id)),
        }
    }

    /// The status of the plan at `position` in `site.plans`.
    pub fn status(&self, position: usize) -> StatusView {
        let status = self
            .index
            .status
            .get(position)
            .copied()
            .unwrap_or(PlanStatus::InForce);
        let key = status.key();
        StatusView {
            key,
            label: self.t(&format!("status_{key}")).to_string(),
        }
    }
}

/// A target's progress, for a badge and its explanation.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressView {
    pub key: &'static str,
    pub label: String,
    /// Why: the outcome and how it compares, in a sentence.
    pub explanation: String,
    /// For two tiers: whether the floor and the stretch were met.
    pub tiers: Option<String>,
}

impl ViewCtx<'_> {
    /// The progress of `target`, from the index.
    pub fn progress_of(&self, target: &Target) -> Option<Progress> {
        let plan = self.site.plans.position(&target.plan)?;
        self.index
            .progress_of(TargetRef {
                plan,
                target: target.position,
            })
            .copied()
    }

    pub fn status_label(&self, status: Status) -> String {
        self.t(&format!("progress_{}", status.key())).to_string()
    }

    /// The badge and the sentence explaining a target's progress.
    pub fn progress_view(&self, target: &Target) -> ProgressView {
        let p = self.progress_of(target).unwrap_or(Progress {
            status: Status::NoData,
            reason: Reason::NoOutcome,
            tiers: None,
        });
        let q = |v: f64| format::quantity(v, target.unit, self.lang);
        let fill = |key: &str, pairs: &[(&str, String)]| {
            let mut text = self.t(key).to_string();
            for (name, value) in pairs {
                text = text.replace(&format!("{{{name}}}"), value);
            }
            text
        };
        let explanation = match p.reason {
            Reason::NoOutcome => self.t("reason_no_outcome").to_string(),
            Reason::NoFinalFigure => self.t("reason_no_final").to_string(),
            Reason::NoFigure => self.t("reason_no_figure").to_string(),
            Reason::NoBaseline => self.t("reason_no_baseline").to_string(),
            Reason::NotComputable => self.t("reason_not_computable").to_string(),
            Reason::OtherMeasure(metric) => {
                let reported = target
                    .actuals
                    .iter()
                    .filter(|a| a.metric == metric)
                    .max_by_key(|a| a.year)
                    .map(|a| format!("{} ({})", q(a.value), a.year))
                    .unwrap_or_default();
                fill(
                    "reason_other_measure",
                    &[
                        ("metric", in_sentence(self.metric(metric))),
                        ("reported", reported),
                        ("target_metric", in_sentence(self.metric(target.metric))),
                        ("target", value_text(self.lang, target)),
                    ],
                )
            }
            Reason::Met { year, value } => fill(
                "reason_met",
                &[("year", year.to_string()), ("value", q(value))],
            ),
            Reason::Missed { year, value } => fill(
                "reason_missed",
                &[("year", year.to_string()), ("value", q(value))],
            ),
            Reason::Ratio { year, value, ratio } => fill(
                "reason_ratio",
                &[
                    ("year", year.to_string()),
                    ("value", q(value)),
                    ("ratio", format::plain(ratio, 2)),
                ],
            ),
            Reason::Gap {
                year,
                value,
                closed,
                elapsed,
            } => fill(
                "reason_gap",
                &[
                    ("year", year.to_string()),
                    ("value", q(value)),
                    ("closed", format::plain(closed * 100.0, 0)),
                    ("elapsed", format::plain(elapsed * 100.0, 0)),
                ],
            ),
        };
        let tiers = p.tiers.map(|t| {
            let floor = if t.floor {
                "tiers_floor_met"
            } else {
                "tiers_floor_missed"
            };
            let stretch = if t.stretch {
                "tiers_stretch_met"
            } else {
                "tiers_stretch_missed"
            };
            format!(
                "{}{}{}",
                self.t(floor),
                self.t("list_separator"),
                self.t(stretch)
            )
        });
        ProgressView {
            key: p.status.key(),
            label: self.status_label(p.status),
            explanation,
            tiers,
        }
    }
}

/// A plan's status, for a badge: the key (for styling) and the words (never colour alone).
#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    pub key: &'static str,
    pub label: String,
}

/// A plan in lists.
#[derive(Debug, Serialize)]
pub struct PlanCard {
    pub id: String,
    pub href: String,
    pub title: String,
    pub short_title: String,
    pub issuer: NameRef,
    pub region: NameRef,
    pub status: StatusView,
    pub issued: String,
    pub issued_iso: String,
    pub horizon: String,
    pub document_number: Option<String>,
    pub target_count: usize,
    pub summary: Option<String>,
    /// How many targets have each progress status (only statuses that occur).
    pub progress: Vec<StatusCount>,
}

/// A number of targets with one status.
#[derive(Debug, Serialize)]
pub struct StatusCount {
    pub key: &'static str,
    pub label: String,
    pub count: usize,
}

impl PlanCard {
    pub fn new(cx: ViewCtx, plan: &Plan) -> PlanCard {
        let record = cx.site.records.get(&plan.record);
        PlanCard {
            id: plan.id.to_string(),
            href: links::href(&links::plan(cx.lang, &plan.id)),
            title: cx.text(&plan.title).to_string(),
            short_title: cx.text(&plan.short_title).to_string(),
            issuer: cx.unit_ref(&plan.issuer),
            region: cx.region_ref(&plan.region),
            status: cx.status(cx.site.plans.position(&plan.id).unwrap_or(0)),
            issued: record.map(|r| cx.date(r.issued)).unwrap_or_default(),
            issued_iso: record.map(|r| r.issued.to_string()).unwrap_or_default(),
            horizon: horizon_text(plan.horizon),
            document_number: record.and_then(|r| r.document_number.clone()),
            target_count: plan.targets.len(),
            summary: plan
                .commentary
                .get(cx.lang)
                .as_ref()
                .and_then(|c| c.summary.clone()),
            progress: status_counts(cx, plan.targets.iter()),
        }
    }
}

/// Counts targets per progress status, in the order of [`Status::ALL`].
pub fn status_counts<'t>(
    cx: ViewCtx,
    targets: impl Iterator<Item = &'t Target>,
) -> Vec<StatusCount> {
    let mut counts = [0usize; Status::ALL.len()];
    for t in targets {
        let status = cx.progress_of(t).map_or(Status::NoData, |p| p.status);
        if let Some(i) = Status::ALL.iter().position(|s| *s == status) {
            counts[i] += 1;
        }
    }
    Status::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(s, count)| StatusCount {
            key: s.key(),
            label: cx.status_label(*s),
            count,
        })
        .collect()
}

pub fn horizon_text(h: Horizon) -> String {
    if h.start == h.end {
        h.start.to_string()
    } else {
        format!("{}–{}", h.start, h.end)
    }
}

/// A target in tables.
#[derive(Debug, Serialize)]
pub struct TargetRow {
    pub id: String,
    pub href: String,
    pub name: String,
    pub subject: String,
    pub subject_href: String,
    pub is_chain: bool,
    pub metric: String,
    pub year: u16,
    pub year_href: String,
    /// The year, or the span of years for targets set for each year.
    pub period: String,
    pub value: String,
    pub region: NameRef,
    /// The plan's short title, for tables that list targets of several plans.
    pub plan: String,
    pub plan_href: String,
    /// The progress status key and label, for badges in tables.
    pub status_key: &'static str,
    pub status_label: String,
}

impl TargetRow {
    pub fn new(cx: ViewCtx, target: &Target) -> TargetRow {
        TargetRow {
            id: target.id.to_string(),
            href: links::href(&links::target(cx.lang, &target.plan, &target.id)),
            name: cx.text(&target.name).to_string(),
            subject: cx.site.subject_name(&target.subject, cx.lang).to_string(),
            subject_href: links::href(&links::subject(cx.lang, &target.subject)),
            is_chain: target.chain().is_some(),
            metric: cx.metric(target.metric).to_string(),
            year: target.year,
            year_href: links::href(&links::year(cx.lang, target.year)),
            period: period_text(cx, target),
            value: value_text(cx.lang, target),
            region: cx.region_ref(&target.region),
            plan: cx
                .site
                .plans
                .get(&target.plan)
                .map(|p| cx.text(&p.short_title).to_string())
                .unwrap_or_default(),
            plan_href: links::href(&links::plan(cx.lang, &target.plan)),
            status_key: cx.progress_of(target).map_or("no_data", |p| p.status.key()),
            status_label: cx
                .status_label(cx.progress_of(target).map_or(Status::NoData, |p| p.status)),
        }
    }
}

/// `2023`, or for a target set for each year `2021–2023年每年` / `each year, 2021–2023`.
pub fn period_text(cx: ViewCtx, target: &Target) -> String {
    if !target.annual {
        return target.year.to_string();
    }
    let start = cx
        .site
        .plans
        .get(&target.plan)
        .map_or(target.year, |p| p.horizon.start.min(target.year));
    let span = horizon_text(Horizon {
        start,
        end: target.year,
    });
    cx.tf("annual_span", &[("span", &span)])
}

/// The target's value in words, in `lang`.
pub fn value_text(lang: Lang, target: &Target) -> String {
    format::target_value(
        &target.value,
        target.unit,
        target.baseline.map(|b| b.year),
        lang,
    )
}

/// A name with a link, for units and regions.
#[derive(Debug, Clone, Serialize)]
pub struct NameRef {
    pub id: String,
    pub name: String,
    /// The page, from the site root.
    pub href: String,
}

/// The full detail of a target, for its page.
#[derive(Debug, Serialize)]
pub struct TargetDetail {
    /// The target's row (see [`TargetRow`]), shared with every table that lists it.
    pub row: tera::Value,
    pub progress: ProgressView,
    pub unit: String,
    pub baseline: Option<String>,
    pub breakdown: Option<BreakdownView>,
    pub responsible: Vec<NameRef>,
    pub lead: Vec<NameRef>,
    pub source: SourceView,
    pub actuals: Vec<ActualView>,
    pub note: Option<String>,
}

impl TargetDetail {
    pub fn new(cx: ViewCtx, target: &Target, row: tera::Value) -> TargetDetail {
        let names = |ids: &[Id]| ids.iter().map(|id| cx.unit_ref(id)).collect();
        TargetDetail {
            row,
            progress: cx.progress_view(target),
            unit: format::axis_unit(target.unit, cx.lang),
            baseline: target.baseline.map(|b| {
                let year = b.year.to_string();
                match b.value {
                    Some(v) => cx.tf(
                        "baseline_with_value",
                        &[
                            ("year", &year),
                            ("value", &format::quantity(v, target.unit, cx.lang)),
                        ],
                    ),
                    None => cx.tf("baseline_year_only", &[("year", &year)]),
                }
            }),
            breakdown: target
                .breakdown
                .as_ref()
                .map(|b| BreakdownView::new(cx, target, b)),
            responsible: names(&target.responsible),
            lead: names(&target.lead),
            source: SourceView::new(cx, &target.source),
            actuals: target
                .actuals
                .iter()
                .map(|a| ActualView::new(cx, target, a))
                .collect(),
            note: target.note.as_ref().map(|n| cx.text(n).to_string()),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct BreakdownView {
    /// `partition` or `of_which`.
    pub kind: &'static str,
    pub rows: Vec<BreakdownRow>,
    pub total: String,
}

#[derive(Debug, Serialize)]
pub struct BreakdownRow {
    pub label: String,
    pub value: String,
    /// The part's share of the total, as `85%`.
    pub share: Option<String>,
}

impl BreakdownView {
    fn new(cx: ViewCtx, target: &Target, b: &Breakdown) -> BreakdownView {
        let total = target.value.total();
        BreakdownView {
            kind: b.kind.key(),
            rows: b
                .parts
                .iter()
                .map(|p| BreakdownRow {
                    label: part_label(cx, &p.key),
                    value: format::quantity(p.value, target.unit, cx.lang),
                    share: total
                        .filter(|t| *t > 0.0)
                        .map(|t| format!("{}%", format::plain(p.value / t * 100.0, 1))),
                })
                .collect(),
            total: total.map_or_else(String::new, |t| format::quantity(t, target.unit, cx.lang)),
        }
    }
}

pub fn part_label(cx: ViewCtx, key: &PartKey) -> String {
    match key {
        PartKey::Region(id) => cx.region_name(id),
        PartKey::Segment(text) => cx.text(text).to_string(),
    }
}

/// Where a figure comes from.
#[derive(Debug, Serialize)]
pub struct SourceView {
    pub record_id: String,
    pub title: String,
    pub issuer: String,
    pub issued: String,
    pub document_number: Option<String>,
    pub clause: Option<String>,
    pub clause_title: Option<String>,
    pub publications: Vec<PublicationView>,
}

#[derive(Debug, Serialize)]
pub struct PublicationView {
    pub publisher: String,
    pub date: Option<String>,
    pub url: Option<String>,
}

impl SourceView {
    pub fn new(cx: ViewCtx, source: &SourceRef) -> SourceView {
        let record = cx.site.records.get(&source.record);
        let clause = record.and_then(|r| source.clause.as_deref().and_then(|c| r.clause(c)));
        SourceView {
            record_id: source.record.to_string(),
            title: record
                .map(|r| cx.text(&r.title).to_string())
                .unwrap_or_default(),
            issuer: record
                .map(|r| cx.text(&r.issuer).to_string())
                .unwrap_or_default(),
            issued: record.map(|r| cx.date(r.issued)).unwrap_or_default(),
            document_number: record.and_then(|r| r.document_number.clone()),
            clause: clause.map(|c| c.id.clone()),
            clause_title: clause.map(|c| cx.text(&c.title).to_string()),
            publications: record
                .map(|r| {
                    r.published
                        .iter()
                        .map(|p| PublicationView {
                            publisher: cx.text(&p.publisher).to_string(),
                            date: p.date.map(|d| cx.date(d)),
                            url: p.url.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// A published outcome.
#[derive(Debug, Serialize)]
pub struct ActualView {
    pub year: u16,
    pub value: String,
    pub metric: String,
    /// False when the outcome measures something else than the target (revenue
    /// against output): the page then says so instead of comparing.
    pub comparable: bool,
    pub note: Option<String>,
    pub source: SourceView,
}

impl ActualView {
    fn new(cx: ViewCtx, target: &Target, a: &Actual) -> ActualView {
        ActualView {
            year: a.year,
            value: format::quantity(a.value, target.unit, cx.lang),
            metric: cx.metric(a.metric).to_string(),
            comparable: a.metric == target.metric,
            note: a.note.as_ref().map(|n| cx.text(n).to_string()),
            source: SourceView::new(cx, &a.source),
        }
    }
}

/// How to cite a target, short and long, in the page's language.
#[derive(Debug, Serialize)]
pub struct Citation {
    pub short: String,
    pub long: String,
}

impl Citation {
    pub fn new(cx: ViewCtx, plan: &Plan, target: &Target, page_url: &str) -> Citation {
        let source = SourceView::new(cx, &target.source);
        let clause = source.clause.clone().unwrap_or_default();
        let number = source.document_number.clone();
        let title = if source.title.is_empty() {
            cx.text(&plan.title).to_string()
        } else {
            source.title.clone()
        };
        let name = cx.text(&target.name);
        let number = number.map_or(String::new(), |n| {
            cx.tf("citation_number", &[("number", &n)])
        });
        Citation {
            short: cx.tf(
                "citation_short_form",
                &[("title", &title), ("clause", &clause)],
            ),
            long: cx.tf(
                "citation_long_form",
                &[
                    ("issuer", &source.issuer),
                    ("title", &title),
                    ("number", &number),
                    ("issued", &source.issued),
                    ("clause", &clause),
                    ("name", name),
                    ("retrieved", cx.t("citation_retrieved")),
                    ("url", page_url),
                ],
            ),
        }
    }
}

/// A label written to stand alone ("Operating revenue") as it reads inside an English
/// sentence ("operating revenue"); acronyms ("GDP") and Chinese stay as they are.
fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_ascii_uppercase() && !second.is_uppercase() => {
            first.to_ascii_lowercase().to_string() + &label[1..]
        }
        _ => label.to_string(),
    }
}
