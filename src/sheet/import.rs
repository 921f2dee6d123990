//! The tables of a workbook read back into a plan: each cell by its column's kind,
//! rows grouped under their targets, and where every value came from, so that a
//! problem found later is reported at its cell.

use std::collections::HashMap;

use serde_yaml::{Mapping, Value};

use super::columns::{
    CellKind, Column, OUTCOME_COLUMNS, OUTCOMES_SHEET, PART_COLUMNS, PARTS_SHEET, PLAN_FIELDS,
    PLAN_SHEET, TARGET_COLUMNS, TARGETS_SHEET, cell_name,
};
use super::{Cell, CellError, Table};

/// Where the values of the plan came from: the cell of each field.
#[derive(Debug, Default)]
pub struct Origins {
    /// Plan field (first path key) → cell.
    pub plan: HashMap<String, String>,
    /// Per target, in order: field path (`value`, `name.zh`) → cell, and its first cell.
    pub targets: Vec<TargetOrigin>,
}

#[derive(Debug, Default)]
pub struct TargetOrigin {
    pub first: String,
    pub fields: HashMap<String, String>,
    /// The cells of each part and outcome, in order, by field.
    pub parts: Vec<HashMap<String, String>>,
    pub outcomes: Vec<HashMap<String, String>>,
}

/// The plan the tables hold. A sheet that is missing (a CSV holds only the targets) is
/// taken from `base`, the plan as it is now.
pub fn plan(tables: &[Table], base: Option<&Value>) -> Result<(Value, Origins), Vec<CellError>> {
    let mut errors = Vec::new();
    let mut origins = Origins::default();
    let sheet = |name: &str| tables.iter().find(|t| t.name == name);
    let mut plan = Mapping::new();
    match sheet(PLAN_SHEET) {
        Some(t) => plan_fields(t, &mut plan, &mut origins, &mut errors),
        None => copy_plan_fields(base, &mut plan),
    }
    let Some(targets_table) = sheet(TARGETS_SHEET).or_else(|| tables.first()) else {
        return Err(vec![CellError::new(
            TARGETS_SHEET,
            "the workbook has no sheet of targets",
        )]);
    };
    let mut targets = Vec::new();
    for (row, item) in rows(targets_table, TARGET_COLUMNS, &mut errors) {
        let mut origin = TargetOrigin {
            first: cell_name(&targets_table.name, row, 0),
            ..TargetOrigin::default()
        };
        origin.fields = item.cells;
        targets.push(item.value);
        origins.targets.push(origin);
    }
    let index: HashMap<String, usize> = targets
        .iter()
        .enumerate()
        .filter_map(|(i, t)| Some((t.get("id")?.as_str()?.to_string(), i)))
        .collect();
    let base_target = |id: &str| {
        base?
            .get("targets")?
            .as_sequence()?
            .iter()
            .find(|t| t.get("id").and_then(Value::as_str) == Some(id))
    };
    match sheet(PARTS_SHEET) {
        Some(t) => attach_parts(t, &index, &mut targets, &mut origins, &mut errors),
        None => keep_from_base(&mut targets, "breakdown", base_target),
    }
    match sheet(OUTCOMES_SHEET) {
        Some(t) => attach_outcomes(t, &index, &mut targets, &mut origins, &mut errors),
        None => keep_from_base(&mut targets, "actuals", base_target),
    }
    plan.insert("targets".into(), Value::Sequence(targets));
    if errors.is_empty() {
        Ok((Value::Mapping(plan), origins))
    } else {
        Err(errors)
    }
}

fn plan_fields(
    table: &Table,
    plan: &mut Mapping,
    origins: &mut Origins,
    errors: &mut Vec<CellError>,
) {
    for (r, row) in table.rows.iter().enumerate().skip(1) {
        let (Some(Cell::Text(key)), Some(value)) = (row.first(), row.get(1)) else {
            continue;
        };
        let Some(field) = PLAN_FIELDS.iter().find(|f| f.is_named(key)) else {
            errors.push(
                CellError::new(
                    cell_name(&table.name, r, 0),
                    format!("`{key}` is not a field of a plan"),
                )
                .help(format!("the fields are: {}", names(PLAN_FIELDS))),
            );
            continue;
        };
        let at = cell_name(&table.name, r, 1);
        match read(field.kind, value) {
            Ok(Some(v)) => {
                insert(plan, field.path, v);
                origins.plan.insert(field.path[0].to_string(), at);
            }
            Ok(None) => {}
            Err(message) => errors.push(CellError::new(at, message)),
        }
    }
}

fn copy_plan_fields(base: Option<&Value>, plan: &mut Mapping) {
    let Some(base) = base.and_then(Value::as_mapping) else {
        return;
    };
    for (k, v) in base {
        if k.as_str() != Some("targets") {
            plan.insert(k.clone(), v.clone());
        }
    }
}

/// One row read into a mapping, with the cell of each field.
struct Row {
    value: Value,
    cells: HashMap<String, String>,
}

/// The non-empty rows of `table` read by its header row against `columns`.
fn rows(table: &Table, columns: &[Column], errors: &mut Vec<CellError>) -> Vec<(usize, Row)> {
    let Some(header) = table.rows.first() else {
        return Vec::new();
    };
    let mut by_index: Vec<Option<&Column>> = Vec::new();
    for (c, cell) in header.iter().enumerate() {
        let name = cell.text();
        if name.trim().is_empty() {
            by_index.push(None);
            continue;
        }
        match columns.iter().find(|col| col.is_named(&name)) {
            Some(col) => by_index.push(Some(col)),
            None => {
                errors.push(
                    CellError::new(
                        cell_name(&table.name, 0, c),
                        format!("the column `{name}` is not one plansite reads here"),
                    )
                    .help(format!("the columns are: {}", names(columns))),
                );
                by_index.push(None);
            }
        }
    }
    let mut out = Vec::new();
    for (r, cells) in table.rows.iter().enumerate().skip(1) {
        if cells.iter().all(|c| matches!(c, Cell::Empty)) {
            continue;
        }
        let mut map = Mapping::new();
        let mut origin = HashMap::new();
        // Insert in the columns' order, so the YAML reads in its usual order.
        for col in columns {
            let Some(c) = by_index
                .iter()
                .position(|b| b.is_some_and(|b| std::ptr::eq(b, col)))
            else {
                continue;
            };
            let at = cell_name(&table.name, r, c);
            match read(col.kind, cells.get(c).unwrap_or(&Cell::Empty)) {
                Ok(Some(v)) => {
                    let key = if col.path.is_empty() {
                        "target".to_string()
                    } else {
                        col.path.join(".")
                    };
                    origin.insert(key, at);
                    if col.path.is_empty() {
                        map.insert("target".into(), v);
                    } else {
                        insert(&mut map, col.path, v);
                    }
                }
                Ok(None) => {}
                Err(message) => errors.push(CellError::new(at, message)),
            }
        }
        origin.insert(String::new(), cell_name(&table.name, r, 0));
        out.push((
            r,
            Row {
                value: Value::Mapping(map),
                cells: origin,
            },
        ));
    }
    out
}

fn attach_parts(
    table: &Table,
    index: &HashMap<String, usize>,
    targets: &mut [Value],
    origins: &mut Origins,
    errors: &mut Vec<CellError>,
) {
    for (r, mut part) in rows(table, PART_COLUMNS, errors) {
        let Some(i) = owner(table, r, &mut part, index, errors) else {
            continue;
        };
        let map = part.value.as_mapping_mut().expect("rows are mappings");
        let kind = map.shift_remove("kind");
        let Some(target) = targets[i].as_mapping_mut() else {
            continue;
        };
        let breakdown = target
            .entry("breakdown".into())
            .or_insert_with(|| Value::Mapping(Mapping::new()));
        let Some(b) = breakdown.as_mapping_mut() else {
            continue;
        };
        if let Some(kind) = kind {
            match b.get("kind") {
                Some(k) if *k != kind => errors.push(
                    CellError::new(
                        part.cells.get("kind").cloned().unwrap_or_default(),
                        "the parts of one target name two kinds of breakdown",
                    )
                    .help("give every part of the target the same kind: partition or of_which"),
                ),
                _ => {
                    b.insert("kind".into(), kind);
                }
            }
        }
        let parts = b
            .entry("parts".into())
            .or_insert_with(|| Value::Sequence(Vec::new()));
        if let Some(list) = parts.as_sequence_mut() {
            list.push(part.value);
        }
        origins.targets[i].parts.push(part.cells);
    }
}

fn attach_outcomes(
    table: &Table,
    index: &HashMap<String, usize>,
    targets: &mut [Value],
    origins: &mut Origins,
    errors: &mut Vec<CellError>,
) {
    for (r, mut outcome) in rows(table, OUTCOME_COLUMNS, errors) {
        let Some(i) = owner(table, r, &mut outcome, index, errors) else {
            continue;
        };
        let Some(target) = targets[i].as_mapping_mut() else {
            continue;
        };
        let actuals = target
            .entry("actuals".into())
            .or_insert_with(|| Value::Sequence(Vec::new()));
        if let Some(list) = actuals.as_sequence_mut() {
            list.push(outcome.value);
        }
        origins.targets[i].outcomes.push(outcome.cells);
    }
}

/// The target a part or an outcome row names, taken out of the row.
fn owner(
    table: &Table,
    r: usize,
    row: &mut Row,
    index: &HashMap<String, usize>,
    errors: &mut Vec<CellError>,
) -> Option<usize> {
    let id = row.value.as_mapping_mut()?.shift_remove("target");
    let id = id
        .as_ref()
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let found = index.get(&id).copied();
    if found.is_none() {
        errors.push(
            CellError::new(
                cell_name(&table.name, r, 0),
                format!("no target `{id}` on the sheet {TARGETS_SHEET}"),
            )
            .help("the first column names the target's id, as in its 编号 id column"),
        );
    }
    found
}

fn keep_from_base<'a>(targets: &mut [Value], key: &str, base: impl Fn(&str) -> Option<&'a Value>) {
    for t in targets.iter_mut() {
        let id = t
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        if let (Some(from), Some(map)) = (base(&id).and_then(|b| b.get(key)), t.as_mapping_mut()) {
            map.insert(key.into(), from.clone());
        }
    }
}

/// A cell as its column reads it; `None` for an empty cell.
fn read(kind: CellKind, cell: &Cell) -> Result<Option<Value>, String> {
    let text = match cell {
        Cell::Empty => return Ok(None),
        Cell::Text(s) if s.trim().is_empty() => return Ok(None),
        Cell::Text(s) => s.trim().to_string(),
        Cell::Number(n) => {
            return Ok(Some(match kind {
                CellKind::Text | CellKind::Word | CellKind::List => Value::String(number_text(*n)),
                CellKind::Whole if n.fract() != 0.0 => {
                    return Err(format!("expected a whole number, such as 2025; found {n}"));
                }
                _ => number(*n),
            }));
        }
    };
    Ok(Some(match kind {
        CellKind::Text | CellKind::Word => Value::String(text),
        CellKind::Number => match text.parse::<f64>() {
            Ok(n) => number(n),
            Err(_) => return Err(format!("expected a number, such as 1200; found the text \"{text}\"")),
        },
        CellKind::Whole => match text.parse::<i64>() {
            Ok(n) => Value::Number(n.into()),
            Err(_) => return Err(format!("expected a whole number, such as 2025; found the text \"{text}\"")),
        },
        CellKind::List => Value::Sequence(
            text.split([';', '；', '、', ','])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_string()))
                .collect(),
        ),
        CellKind::Yaml => serde_yaml::from_str::<Value>(&text)
            .map_err(|e| format!("this cell is not a value as YAML writes it ({e}); write it as in plan.yaml, such as `2600` or `{{exceed: 1000}}`"))?,
    }))
}

/// A number as YAML writes it: whole numbers without a decimal point.
fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        Value::Number((n as i64).into())
    } else {
        Value::Number(n.into())
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// Sets `path` inside `map`, creating the mappings on the way.
fn insert(map: &mut Mapping, path: &[&str], value: Value) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut here = map;
    for key in parents {
        let next = here
            .entry((*key).into())
            .or_insert_with(|| Value::Mapping(Mapping::new()));
        let Some(m) = next.as_mapping_mut() else {
            return;
        };
        here = m;
    }
    here.insert((*last).into(), value);
}

fn names(columns: &[Column]) -> String {
    columns
        .iter()
        .map(Column::header)
        .collect::<Vec<_>>()
        .join(", ")
}
