//! `plansite sheet export|import`: a plan's targets as a workbook and back.
//!
//! Most editors keep targets in spreadsheets. Export writes the plan's fields, a row per
//! target (both-language headers), and breakdown parts and outcomes on sheets of their
//! own; import reads a workbook (.xlsx, .xls, .ods) or a CSV of targets and writes
//! `plan.yaml` under the same rules as YAML, reporting problems at their cell
//! (`目标!D7`). The round trip keeps the open data byte for byte.
//!
//! `columns` is the one layout both directions share, `export`/`import` map between
//! YAML values and tables, `flow` writes a value for one cell, `files` reads and writes
//! the workbook formats, and `locate` turns a problem in the YAML back into its cell.

mod columns;
mod export;
mod files;
mod flow;
mod import;
mod locate;

use std::path::{Path, PathBuf};

use serde_yaml::Value;

pub use columns::CellKind;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::yaml::SourceFile;

/// One cell as the sheets hold it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
}

impl Cell {
    /// The cell as text (a number as its digits).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
        }
    }
}

/// One sheet: its name and its rows, the first of them the headers.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(name: &str, rows: Vec<Vec<Cell>>) -> Table {
        Table {
            name: name.to_string(),
            rows,
        }
    }
}

/// A problem at a cell of the workbook (or at a sheet, when `at` names no cell).
#[derive(Debug, Clone, PartialEq)]
pub struct CellError {
    pub at: String,
    pub message: String,
    pub help: Option<String>,
}

impl CellError {
    pub fn new(at: impl Into<String>, message: impl Into<String>) -> CellError {
        CellError {
            at: at.into(),
            message: message.into(),
            help: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> CellError {
        self.help = Some(help.into());
        self
    }

    /// As a diagnostic of `file`, the cell leading the message.
    fn diagnostic(&self, file: &Path) -> Diagnostic {
        let d = Diagnostic::error(file, format!("{}: {}", self.at, self.message));
        match &self.help {
            Some(h) => d.help(h.clone()),
            None => d,
        }
    }
}

/// `content/plans/<plan>/plan.yaml` of the site at `root`.
fn plan_path(root: &Path, plan: &str) -> PathBuf {
    root.join("content/plans").join(plan).join("plan.yaml")
}

/// Reads a plan's YAML, refusing one that does not load (export would carry its
/// mistakes into the workbook).
fn read_plan(root: &Path, plan: &str) -> Result<Value, Diagnostics> {
    let path = plan_path(root, plan);
    let rel = Path::new("content/plans").join(plan).join("plan.yaml");
    let file = SourceFile::read(&path, &rel).map_err(one)?;
    // The typed parse first: it reports errors at their place, and it is what keeps
    // a file too deep for the guard from reaching the untyped one (see `parse`).
    file.parse::<crate::content::raw::RawPlan>().map_err(one)?;
    file.parse::<Value>().map_err(one)
}

fn one(d: Diagnostic) -> Diagnostics {
    let mut all = Diagnostics::default();
    all.push(d);
    all
}

/// Writes the workbook of `plan` to `output` (.xlsx).
pub fn export(root: &Path, plan: &str, output: &Path) -> Result<usize, Diagnostics> {
    let value = read_plan(root, plan)?;
    let tables =
        export::tables(&value).map_err(|m| one(Diagnostic::error(plan_path(root, plan), m)))?;
    let targets = tables[1].rows.len() - 1;
    files::write_xlsx(&tables, output).map_err(|m| one(Diagnostic::error(output, m)))?;
    Ok(targets)
}

/// What an import wrote.
#[derive(Debug)]
pub struct Imported {
    pub path: PathBuf,
    pub targets: usize,
}

/// Writes `plan.yaml` of `plan` from the workbook at `input`, then loads the site with
/// it; if the site has errors, the previous `plan.yaml` is put back and the errors are
/// reported at their cells.
pub fn import(root: &Path, input: &Path, plan: &str) -> Result<Imported, Diagnostics> {
    let tables = files::read(input).map_err(|m| one(Diagnostic::error(input, m)))?;
    let path = plan_path(root, plan);
    let previous = std::fs::read(&path).ok();
    let base = match &previous {
        Some(_) => read_plan(root, plan).ok(),
        None => None,
    };
    let to_diagnostics = |errors: Vec<CellError>| {
        let mut all = Diagnostics::default();
        for e in errors {
            all.push(e.diagnostic(input));
        }
        all
    };
    let (value, origins) = import::plan(&tables, base.as_ref()).map_err(to_diagnostics)?;
    locate::check_shape(&value, &origins).map_err(|e| to_diagnostics(vec![e]))?;
    let text = yaml_text(&value, input)?;
    let targets = value
        .get("targets")
        .and_then(Value::as_sequence)
        .map_or(0, Vec::len);
    write_atomically(&path, text.as_bytes()).map_err(|m| one(Diagnostic::error(&path, m)))?;
    // The content checks of a build; the rendered pages' links do not depend on it.
    let options = crate::pipeline::BuildOptions::default();
    let diagnostics = match crate::pipeline::load(root, &options) {
        Ok((_, _, warnings)) => warnings,
        Err(errors) => errors,
    };
    if diagnostics.has_errors() {
        let restored = match &previous {
            Some(bytes) => write_atomically(&path, bytes),
            None => std::fs::remove_file(&path).map_err(|e| e.to_string()),
        };
        let mut out = locate::at_cells(diagnostics, &path, &text, &origins, input);
        if let Err(m) = restored {
            out.push(Diagnostic::error(
                &path,
                format!("could not put the previous file back: {m}"),
            ));
        }
        return Err(out);
    }
    Ok(Imported { path, targets })
}

/// The plan as `plan.yaml` text, with the schema line and where it came from.
fn yaml_text(value: &Value, input: &Path) -> Result<String, Diagnostics> {
    let body =
        serde_yaml::to_string(value).map_err(|e| one(Diagnostic::error(input, e.to_string())))?;
    let name = input
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    Ok(format!(
        "# yaml-language-server: $schema=../../../schemas/plan.schema.json\n\
         # Written by `plansite sheet import` from {name}.\n{body}"
    ))
}

/// Replaces `path` by way of a temporary file beside it, so a reader never sees half.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let tmp = path.with_extension("yaml.plansite-tmp");
    std::fs::write(&tmp, bytes).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("cannot replace {}: {e}", path.display()))
}
