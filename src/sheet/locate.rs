//! Problems of an imported plan, reported at the cells they came from.
//!
//! Two kinds: the plan's shape (what serde checks while loading `plan.yaml`), found by
//! its path inside the plan; and everything `check` finds once the plan is in the site
//! (an unknown chain, a breakdown that does not add up), found by its line in the
//! written `plan.yaml`, which is traced back to the cell of the value on that line.

use std::collections::HashMap;
use std::path::Path;

use serde_yaml::Value;

use super::CellError;
use super::columns::PLAN_SHEET;
use super::import::Origins;
use crate::content::raw::RawPlan;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::yaml::{YamlPath, locate};

/// Loads `plan` as `plan.yaml` would be loaded; a problem is reported at its cell.
pub fn check_shape(plan: &Value, origins: &Origins) -> Result<(), CellError> {
    let Err(e) = serde_path_to_error::deserialize::<_, RawPlan>(plan.clone()) else {
        return Ok(());
    };
    let path: Vec<String> = e
        .path()
        .iter()
        .filter_map(|s| match s {
            serde_path_to_error::Segment::Seq { index } => Some(index.to_string()),
            serde_path_to_error::Segment::Map { key } => Some(key.clone()),
            serde_path_to_error::Segment::Enum { variant } => Some(variant.clone()),
            serde_path_to_error::Segment::Unknown => None,
        })
        .collect();
    let message = crate::yaml::teach::reword(&e.inner().to_string());
    let help = crate::yaml::teach::help(&message, &[]);
    let error = CellError::new(cell_of(&path, origins), message);
    Err(match help {
        Some(h) => error.help(h),
        None => error,
    })
}

/// The cell a value at `path` (`targets`, `3`, `value`…) came from.
fn cell_of(path: &[String], origins: &Origins) -> String {
    let field = |fields: &HashMap<String, String>, rest: &[String]| {
        (1..=rest.len())
            .rev()
            .find_map(|n| fields.get(&rest[..n].join(".")).cloned())
            .or_else(|| {
                let prefix = format!("{}.", rest.first()?);
                let mut keys: Vec<&String> =
                    fields.keys().filter(|k| k.starts_with(&prefix)).collect();
                keys.sort();
                keys.first().map(|k| fields[*k].clone())
            })
    };
    let Some(first) = path.first() else {
        return PLAN_SHEET.to_string();
    };
    if first != "targets" {
        return origins
            .plan
            .get(first)
            .cloned()
            .unwrap_or_else(|| PLAN_SHEET.to_string());
    }
    let Some(t) = path
        .get(1)
        .and_then(|i| i.parse::<usize>().ok())
        .and_then(|i| origins.targets.get(i))
    else {
        return PLAN_SHEET.to_string();
    };
    let rest = &path[2.min(path.len())..];
    let nested = |rows: &[HashMap<String, String>], at: usize| {
        let j = rest.get(at).and_then(|j| j.parse::<usize>().ok())?;
        let row = rows.get(j)?;
        field(row, &rest[at + 1..]).or_else(|| row.get("").cloned())
    };
    let found = match rest.first().map(String::as_str) {
        Some("breakdown") => {
            nested(&t.parts, 2).or_else(|| t.parts.first().and_then(|r| r.get("").cloned()))
        }
        Some("actuals") => nested(&t.outcomes, 1),
        Some(_) => field(&t.fields, rest),
        None => None,
    };
    found.unwrap_or_else(|| t.first.clone())
}

/// `diagnostics` with those about the written `plan.yaml` moved to the cells their
/// lines came from; the rest as they are.
pub fn at_cells(
    diagnostics: Diagnostics,
    path: &Path,
    text: &str,
    origins: &Origins,
    input: &Path,
) -> Diagnostics {
    let lines = cell_lines(text, origins);
    let mut out = Diagnostics::default();
    for d in diagnostics.iter() {
        let about_plan = path.ends_with(&d.file);
        match (&d.location, about_plan) {
            (Some(loc), true) => {
                let cell = lines
                    .iter()
                    .rev()
                    .find(|(line, _)| *line <= loc.line)
                    .map_or(PLAN_SHEET, |(_, c)| c.as_str());
                let mut moved = Diagnostic::error(input, format!("{cell}: {}", d.message));
                moved.severity = d.severity;
                moved.help = d.help.clone();
                out.push(moved);
            }
            _ => out.push(d.clone()),
        }
    }
    out
}

/// Every cell the plan came from, with the line of its value in `text`, in line order.
fn cell_lines(text: &str, origins: &Origins) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut add = |path: YamlPath, cell: &String| {
        if let Some(loc) = locate(text, &path) {
            out.push((loc.line, cell.clone()));
        }
    };
    let keyed = |base: YamlPath, dotted: &str| dotted.split('.').fold(base, |p, k| p.key(k));
    for (field, cell) in &origins.plan {
        add(YamlPath::root().key(field), cell);
    }
    for (i, t) in origins.targets.iter().enumerate() {
        let base = YamlPath::root().key("targets").index(i);
        add(base.clone(), &t.first);
        for (f, cell) in &t.fields {
            if !f.is_empty() {
                add(keyed(base.clone(), f), cell);
            }
        }
        for (j, part) in t.parts.iter().enumerate() {
            let p = base.clone().key("breakdown").key("parts").index(j);
            for (f, cell) in part {
                add(
                    if f.is_empty() || f == "kind" {
                        p.clone()
                    } else {
                        keyed(p.clone(), f)
                    },
                    cell,
                );
            }
        }
        for (j, outcome) in t.outcomes.iter().enumerate() {
            let p = base.clone().key("actuals").index(j);
            for (f, cell) in outcome {
                add(
                    if f.is_empty() {
                        p.clone()
                    } else {
                        keyed(p.clone(), f)
                    },
                    cell,
                );
            }
        }
    }
    out.sort();
    out
}
