//! A target's page in full: detail, breakdown, source, outcomes and citation.

use serde::Serialize;

use super::ViewCtx;
use super::disclosure::{InferredFacts, PublicationView};
use super::lists::NameRef;
use super::progress::ProgressView;
use super::quote::{Segment, quote};
use crate::content::*;
use crate::render::format;

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
    /// The facts the site inferred, for a badge beside each and the list of reasons.
    pub inferred: InferredFacts,
    /// The document's own sentence for the goal, with the figures marked.
    pub quote: Option<Vec<Segment>>,
    /// Why the target has no chart, as a UI-string key, when it has none: a place in
    /// a ranking is not drawn, a change from an unpublished baseline cannot be.
    pub chart_none: &'static str,
}

impl TargetDetail {
    pub fn new(cx: ViewCtx, target: &Target, row: tera::Value) -> TargetDetail {
        let names = |ids: &[Id]| ids.iter().map(|id| cx.unit_ref(id)).collect();
        TargetDetail {
            chart_none: if target.unit.kind() == UnitKind::Rank {
                "chart_none_rank"
            } else {
                "chart_none"
            },
            row,
            progress: cx.progress_view(target),
            unit: format::axis_unit(format::Measure::of(target), cx.lang),
            baseline: target.baseline.map(|b| {
                let year = b.year.to_string();
                match b.value {
                    Some(v) => cx.tf(
                        "baseline_with_value",
                        &[
                            ("year", &year),
                            (
                                "value",
                                &format::quantity(v, format::Measure::level_of(target), cx.lang),
                            ),
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
            inferred: InferredFacts::new(cx, &target.inferred, TargetField::key),
            quote: quote(target),
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
        let total = target.total();
        BreakdownView {
            kind: b.kind.key(),
            rows: b
                .parts
                .iter()
                .map(|p| BreakdownRow {
                    label: part_label(cx, &p.key),
                    value: format::quantity(p.value, format::Measure::of(target), cx.lang),
                    share: total
                        .filter(|t| *t > 0.0)
                        .map(|t| format!("{}%", format::plain(p.value / t * 100.0, 1))),
                })
                .collect(),
            total: total.map_or_else(String::new, |t| {
                format::quantity(t, format::Measure::of(target), cx.lang)
            }),
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
    pub document_number: Option<super::DocNumber>,
    pub clause: Option<String>,
    /// The clause in English (III.1.2) on English pages, when it differs.
    pub clause_en: Option<String>,
    pub clause_title: Option<String>,
    pub publications: Vec<PublicationView>,
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
            document_number: record
                .and_then(|r| r.document_number.as_deref())
                .map(|n| cx.doc_number(n)),
            clause: clause.map(|c| super::clause_as_written(&c.id)),
            // Compared with the clause as the page writes it (二（一）, full-width),
            // not as the YAML does (二(一)): otherwise a Chinese page shows it twice.
            clause_en: clause
                .filter(|_| cx.lang == crate::lang::Lang::En)
                .map(|c| (cx.clause_words(&c.id), super::clause_as_written(&c.id)))
                .and_then(|(en, zh)| (en != zh).then_some(en)),
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
            value: format::quantity(a.value, format::Measure::level_of(target), cx.lang),
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
        let clause = source
            .clause_en
            .clone()
            .or_else(|| source.clause.clone())
            .unwrap_or_default();
        let number = source.document_number.as_ref().map(|n| n.text());
        let title = if source.title.is_empty() {
            cx.text(&plan.title).to_string()
        } else {
            source.title.clone()
        };
        let name = cx.text(&target.name);
        let number = number.map_or(String::new(), |n| {
            cx.tf("citation_number", &[("number", &n)])
        });
        let clause_id = target.source.clause.as_deref().unwrap_or_default();
        // 附件1 and 第十条 name their part: no "clause" before them.
        let named = crate::render::format::outline::names_its_part(clause_id);
        Citation {
            short: cx.cite(&title, &[clause_id]),
            long: cx.tf(
                if named {
                    "citation_long_part_form"
                } else {
                    "citation_long_form"
                },
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
