//! The all-targets page: every target of every plan in one table, with filters for
//! plan, chain or topic, region, year and status.
//!
//! Without a script the page is the whole table, in plan order. `static/targets.js`
//! shows the filters, hides the rows they leave out, sorts by a column, and keeps the
//! choice in the address (`?plan=…&status=…`) so a view can be shared. Each row
//! carries the keys it is filtered by as `data-` attributes.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Context;

use super::{MetaSpec, PageOut, context};
use crate::content::{Plan, Site, Target};
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::render::all_rows::{self, subject_key};
use crate::render::i18n;
use crate::render::views::{ViewCtx, status_counts};

#[derive(Serialize)]
struct AllTargetsPage {
    page: super::PageMeta,
    /// Each target's row as markup (`partials/all_targets_row.html`), rendered one by
    /// one: as values the rows of 100,000 targets took 400 MB while the page rendered.
    /// Held as template values, which the page's context shares instead of copying.
    rows: Vec<tera::Value>,
    filters: Vec<Filter>,
    total: usize,
    /// "183 targets from 5 plans."
    lead: String,
}

/// One filter: the address parameter it sets, its label, and its choices.
#[derive(Serialize)]
struct Filter {
    key: &'static str,
    label: String,
    options: Vec<Choice>,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

/// Renders the page in `lang`.
pub fn page(out: &mut PageOut, lang: Lang) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let site = v.site;
    let page = out.meta(
        lang,
        MetaSpec {
            kind: "targets",
            section: "targets",
            title: v.t("nav_targets").to_string(),
            description: v.t("targets_description").to_string(),
            breadcrumbs: out.crumbs(lang, None),
        },
    );
    let rows: Vec<tera::Value> = match out.cx.prepared.all_target_rows(lang) {
        Some(kept) => kept.iter().flatten().cloned().collect(),
        None => {
            let plans: Vec<&Plan> = site.plans.iter().collect();
            all_rows::rows_of(&out.cx.prepared.templates, v, &plans)?
                .into_iter()
                .flatten()
                .collect()
        }
    };
    let lead = i18n::fill(
        v.t("targets_lead"),
        &[
            ("total", &rows.len().to_string()),
            ("plans", &site.plans.len().to_string()),
        ],
    );
    context(&AllTargetsPage {
        page,
        total: rows.len(),
        lead,
        filters: filters(v, site),
        rows,
    })
}

/// The filters, each offering only values some target has.
fn filters(v: ViewCtx, site: &Site) -> Vec<Filter> {
    let targets: Vec<&Target> = site.targets().map(|(_, t)| t).collect();
    let plans = site
        .plans
        .iter()
        .filter(|p| !p.targets.is_empty())
        .map(|p| Choice {
            value: p.id.to_string(),
            label: v.text(&p.short_title).to_string(),
        })
        .collect();
    let subjects: BTreeMap<String, String> = targets
        .iter()
        .map(|t| {
            let name = site.subject_name(&t.subject, v.lang).to_string();
            (subject_key(&t.subject), name)
        })
        .collect();
    let regions: BTreeMap<String, String> = targets
        .iter()
        .map(|t| (t.region.to_string(), v.region_name(&t.region)))
        .collect();
    let mut years: Vec<u16> = targets.iter().map(|t| t.year).collect();
    years.sort_unstable();
    years.dedup();
    // In the order readers look things up: Chinese by pinyin (赣州 before 江西 before
    // 宜春), chains before topics.
    let by_label = |map: BTreeMap<String, String>| {
        let mut choices: Vec<(String, Choice)> = map
            .into_iter()
            .map(|(value, label)| (collation_key(&label), Choice { value, label }))
            .collect();
        choices.sort_by(|(ka, a), (kb, b)| {
            let topic = |c: &Choice| c.value.starts_with("topic");
            topic(a)
                .cmp(&topic(b))
                .then_with(|| ka.cmp(kb))
                .then_with(|| a.value.cmp(&b.value))
        });
        choices.into_iter().map(|(_, c)| c).collect()
    };
    vec![
        Filter {
            key: "plan",
            label: v.t("col_plan").into(),
            options: plans,
        },
        Filter {
            key: "subject",
            label: v.t("col_subject").into(),
            options: by_label(subjects),
        },
        Filter {
            key: "region",
            label: v.t("col_region").into(),
            options: by_label(regions),
        },
        Filter {
            key: "year",
            label: v.t("col_year").into(),
            options: years
                .into_iter()
                .map(|y| Choice {
                    value: y.to_string(),
                    label: y.to_string(),
                })
                .collect(),
        },
        Filter {
            key: "status",
            label: v.t("progress_status").into(),
            options: status_counts(v, targets.into_iter())
                .into_iter()
                .map(|s| Choice {
                    value: s.key.to_string(),
                    label: s.label,
                })
                .collect(),
        },
    ]
}

/// A label's key for sorting as readers expect: each Han character by its pinyin, the
/// rest in lower case, so Chinese names sort by sound rather than by code point.
fn collation_key(label: &str) -> String {
    use pinyin::ToPinyin;
    let mut key = String::with_capacity(label.len() * 2);
    for c in label.chars() {
        match c.to_pinyin() {
            Some(p) => {
                key.push_str(p.plain());
                key.push(' ');
            }
            None => key.extend(c.to_lowercase()),
        }
    }
    key
}
