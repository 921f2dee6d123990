//! The records of `seeds/`: one file per source document, read side by side (a
//! province's site has one per document it cites, and plans wait for them).

use std::path::Path;

use rayon::prelude::*;

use super::{display, id_from_name, read_source, readable_entries};
use crate::content::id::Id;
use crate::content::model::{Record, Registry};
use crate::content::validate::{self, Problems};
use crate::diagnostics::Diagnostic;

/// Reads `seeds/` (`None` if the folder cannot be read); also returns the ids of
/// records whose file could not be read.
pub(super) fn read_records(root: &Path, out: &mut Problems) -> (Option<Registry<Record>>, Vec<Id>) {
    let Some(entries) = readable_entries(&root.join("seeds"), root, out) else {
        return (None, Vec::new());
    };
    // Read side by side: a province's site has a record per source document, and
    // nothing else can start before they are in.
    let read: Vec<(Option<Result<Record, Id>>, Problems)> = entries
        .par_iter()
        .map(|path| {
            let mut problems = Problems::new();
            let record = read_record(root, path, &mut problems);
            (record, problems)
        })
        .collect();
    let mut records = Vec::new();
    let mut broken = Vec::new();
    for (record, problems) in read {
        out.extend(problems);
        match record {
            Some(Ok(r)) => records.push(r),
            Some(Err(id)) => broken.push(id),
            None => {}
        }
    }
    (Some(Registry::new(records)), broken)
}

/// The record in the file at `path`; `Err` with its id for a record file that could
/// not be read or parsed (references to it are not reported again); `None` for
/// anything else: a README, a folder, a file that is not YAML (reported) or whose
/// name is no id (reported).
fn read_record(root: &Path, path: &Path, out: &mut Problems) -> Option<Result<Record, Id>> {
    let Some(stem) = yaml_stem(path) else {
        if path.is_file() && !is_doc_file(path) {
            out.push(
                Diagnostic::error(display(root, path), "unexpected file in seeds/")
                    .help("seeds/ holds one `<record-id>.yaml` per source document"),
            );
        }
        return None;
    };
    let id = id_from_name(root, path, stem)
        .map_err(|d| out.push(d))
        .ok()?;
    let Ok(file) = read_source(root, path).map_err(|d| out.push(d)) else {
        return Some(Err(id));
    };
    Some(match file.parse() {
        Ok(raw) => Ok(validate::record(id, &file, raw, out)),
        Err(d) => {
            out.push(d);
            Err(id)
        }
    })
}

fn yaml_stem(path: &Path) -> Option<&str> {
    let name = path.file_name()?.to_str()?;
    name.strip_suffix(".yaml")
}

/// README and similar notes may sit beside data files without being data.
fn is_doc_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.eq_ignore_ascii_case("README.md"))
}
