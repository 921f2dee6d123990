//! A plan's YAML as the tables of a workbook: the plan's fields, a row per target, a
//! row per breakdown part and a row per outcome.

use serde_yaml::Value;

use super::columns::{
    Column, OUTCOME_COLUMNS, OUTCOMES_SHEET, PART_COLUMNS, PARTS_SHEET, PLAN_FIELDS, PLAN_SHEET,
    TARGET_COLUMNS, TARGETS_SHEET,
};
use super::flow::flow;
use super::{Cell, CellKind, Table};

/// The four tables of `plan` (a `plan.yaml` that has loaded without errors).
pub fn tables(plan: &Value) -> Result<Vec<Table>, String> {
    let mut plan_rows = vec![vec![
        Cell::Text("字段 field".into()),
        Cell::Text("值 value".into()),
    ]];
    for field in PLAN_FIELDS {
        plan_rows.push(vec![
            Cell::Text(field.header()),
            cell(field, get(plan, field.path)),
        ]);
    }
    let mut targets = vec![headers(TARGET_COLUMNS)];
    let mut parts = vec![headers(PART_COLUMNS)];
    let mut outcomes = vec![headers(OUTCOME_COLUMNS)];
    let empty = Vec::new();
    let list = plan
        .get("targets")
        .and_then(Value::as_sequence)
        .unwrap_or(&empty);
    for target in list {
        check_covered(target)?;
        targets.push(row(TARGET_COLUMNS, target, None));
        let id = target.get("id").cloned().unwrap_or(Value::Null);
        if let Some(b) = target.get("breakdown") {
            for part in b
                .get("parts")
                .and_then(Value::as_sequence)
                .unwrap_or(&empty)
            {
                let mut part = part.clone();
                if let (Some(map), Some(kind)) = (part.as_mapping_mut(), b.get("kind")) {
                    map.insert("kind".into(), kind.clone());
                }
                parts.push(row(PART_COLUMNS, &part, Some(&id)));
            }
        }
        for outcome in target
            .get("actuals")
            .and_then(Value::as_sequence)
            .unwrap_or(&empty)
        {
            outcomes.push(row(OUTCOME_COLUMNS, outcome, Some(&id)));
        }
    }
    Ok(vec![
        Table::new(PLAN_SHEET, plan_rows),
        Table::new(TARGETS_SHEET, targets),
        Table::new(PARTS_SHEET, parts),
        Table::new(OUTCOMES_SHEET, outcomes),
    ])
}

fn headers(columns: &[Column]) -> Vec<Cell> {
    columns.iter().map(|c| Cell::Text(c.header())).collect()
}

/// One row: the cells of `columns` read from `item`; `owner` fills a column with no
/// path (the target a part or an outcome belongs to).
fn row(columns: &[Column], item: &Value, owner: Option<&Value>) -> Vec<Cell> {
    columns
        .iter()
        .map(|c| match (c.path.is_empty(), owner) {
            (true, Some(owner)) => cell(c, Some(owner)),
            _ => cell(c, get(item, c.path)),
        })
        .collect()
}

/// The value at `path` inside `value`.
fn get<'a>(value: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter().try_fold(value, |v, key| v.get(*key))
}

/// A value as the column writes it.
fn cell(column: &Column, value: Option<&Value>) -> Cell {
    let Some(value) = value else {
        return Cell::Empty;
    };
    match (column.kind, value) {
        (_, Value::Null) => Cell::Empty,
        (CellKind::Number | CellKind::Whole | CellKind::Yaml, Value::Number(n)) => {
            n.as_f64().map_or(Cell::Empty, Cell::Number)
        }
        (CellKind::List, Value::Sequence(items)) => Cell::Text(
            items
                .iter()
                .map(|v| v.as_str().map_or_else(|| flow(v), str::to_string))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        (CellKind::Yaml, v) => Cell::Text(flow(v)),
        (_, Value::String(s)) => Cell::Text(s.clone()),
        (_, v) => Cell::Text(flow(v)),
    }
}

/// Fails if a target has a field no column holds: the workbook would lose it.
fn check_covered(target: &Value) -> Result<(), String> {
    let Some(map) = target.as_mapping() else {
        return Err("a target is not a mapping".into());
    };
    for key in map.keys() {
        let key = key.as_str().unwrap_or_default();
        let held = matches!(key, "breakdown" | "actuals")
            || TARGET_COLUMNS.iter().any(|c| c.path.first() == Some(&key));
        if !held {
            return Err(format!("the field `{key}` has no column in the workbook"));
        }
    }
    Ok(())
}
