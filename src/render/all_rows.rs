//! The rows of the all-targets table (`partials/all_targets_row.html`): a target's
//! fields and the keys the page's filters compare (plan, chain or topic, region, year,
//! status).
//!
//! A build renders them as the page renders. `serve` keeps them (see
//! [`super::context::Prepared::keep_rows_for_edits`]), so an edit renders again only
//! the edited plan's; a build does not, since at 100,000 targets they hold 200 MB.

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::links;
use super::templates::Templates;
use super::views::{TargetRow, ViewCtx};
use crate::content::{Plan, Subject, Target};
use crate::derive::progress::Status;
use crate::diagnostics::Diagnostic;

/// One target's filter keys and region, besides its table fields.
#[derive(Serialize)]
struct Keys {
    region_name: String,
    region_href: String,
    plan: String,
    subject: String,
    region: String,
    year: u16,
    status: &'static str,
}

/// The filter value of a target's chain or topic: the two registries may share ids.
pub fn subject_key(subject: &Subject) -> String {
    match subject {
        Subject::Chain(id) => format!("chain:{id}"),
        Subject::Topic(id) => format!("topic:{id}"),
    }
}

/// The row of `t`, a target of `plan`, as markup for the all-targets page.
pub fn row(
    templates: &Templates,
    v: ViewCtx,
    plan: &Plan,
    t: &Target,
) -> Result<tera::Value, Diagnostic> {
    let region = v.region_ref(&t.region);
    let keys = Keys {
        region_name: region.name,
        region_href: region.href,
        plan: plan.id.to_string(),
        subject: subject_key(&t.subject),
        region: t.region.to_string(),
        year: t.year,
        status: v.progress_of(t).map_or(Status::NoData, |s| s.status).key(),
    };
    let mut context = Context::new();
    context.insert("r", &keys);
    context.insert("row", &TargetRow::new(v, t));
    context.insert("root", &links::root_of(&links::all_targets(v.lang)));
    templates
        .render_partial(v.lang, "partials/all_targets_row.html", &context)
        .map(tera::Value::from)
}

/// The rows of every target of `plans`, plan by plan, in `v`'s language.
pub fn rows_of(
    templates: &Templates,
    v: ViewCtx,
    plans: &[&Plan],
) -> Result<Vec<Vec<tera::Value>>, Diagnostic> {
    plans
        .par_iter()
        .map(|plan| {
            plan.targets
                .iter()
                .map(|t| row(templates, v, plan, t))
                .collect()
        })
        .collect()
}
