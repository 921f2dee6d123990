//! What lists show: plan cards, status badges and counts, and a target's row.

use serde::Serialize;

use super::ViewCtx;
use crate::content::*;
use crate::derive::progress::Status;
use crate::lang::Lang;
use crate::render::format;
use crate::render::links;

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
    pub document_number: Option<super::DocNumber>,
    pub target_count: usize,
    /// "1 target", "12 targets", "12 个目标".
    pub target_count_text: String,
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
            horizon: horizon_text(plan.horizon, cx.lang),
            document_number: record
                .and_then(|r| r.document_number.as_deref())
                .map(|n| cx.doc_number(n)),
            target_count: plan.targets.len(),
            target_count_text: cx.targets_count(plan.targets.len()),
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

pub fn horizon_text(h: Horizon, lang: Lang) -> String {
    // The dash between years as each language writes it: 2023—2026, 2023–2026.
    match (h.start == h.end, lang) {
        (true, _) => h.start.to_string(),
        (false, Lang::Zh) => format!("{}—{}", h.start, h.end),
        (false, Lang::En) => format!("{}–{}", h.start, h.end),
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
    /// The badge and reasons, when the site inferred a fact the row shows (year, value…).
    pub inferred: Option<RowInferred>,
}

/// The inferred mark of a table row: the badge's words and, on hover, the reasons.
#[derive(Debug, Serialize)]
pub struct RowInferred {
    pub badge: String,
    pub reasons: String,
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
            period: period_text(target, cx.lang),
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
            inferred: super::InferredFacts::new(cx, &target.inferred, TargetField::key)
                .reasons_of(cx, &ROW_FIELDS.map(TargetField::key))
                .map(|reasons| RowInferred {
                    badge: cx.t("inferred_badge").to_string(),
                    reasons,
                }),
        }
    }
}

/// The inferred facts a table row shows, so its badge stands for them.
const ROW_FIELDS: [TargetField; 8] = [
    TargetField::Name,
    TargetField::Subject,
    TargetField::Year,
    TargetField::Value,
    TargetField::Unit,
    TargetField::Each,
    TargetField::Counter,
    TargetField::Baseline,
];

/// `2023`, or for a target set for each year of a span `2021–2023` (the value says 每年).
pub fn period_text(target: &Target, lang: Lang) -> String {
    match target.each {
        Some(r) => horizon_text(
            Horizon {
                start: r.from,
                end: r.to,
            },
            lang,
        ),
        None => target.year.to_string(),
    }
}

/// The target's value in words, in `lang`.
pub fn value_text(lang: Lang, target: &Target) -> String {
    format::target_text(target, lang)
}

/// A name with a link, for units and regions.
#[derive(Debug, Clone, Serialize)]
pub struct NameRef {
    pub id: String,
    pub name: String,
    /// The page, from the site root.
    pub href: String,
}
