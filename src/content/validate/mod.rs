//! Turns the raw YAML structs into the checked model, reporting every problem.
//!
//! Each check pushes a located [`Diagnostic`] and carries on, so one run lists all
//! problems. A value that fails a check is dropped from the model; the caller refuses
//! to render a site that had any error, so a half-valid model is never published.
//!
//! [`registries`] checks the registry files (chains, topics, regions, units),
//! [`record`] the source records in `seeds/`, and [`plan`] a plan, with [`target`]
//! for each of its targets and [`value`], [`breakdown`] and [`actuals`] for the parts
//! of a target that take most checking.

mod actuals;
mod breakdown;
mod glossary;
mod plan;
mod record;
mod registries;
mod target;
mod terms;
mod value;
mod wording;

use std::collections::HashMap;

use super::id::Id;
use super::model::{Chain, Record, Region, Registry, Topic, Unit};
use crate::diagnostics::Diagnostic;
use crate::lang::Text;
use crate::yaml::{SourceFile, YamlPath};

pub use glossary::check_glossary;
pub use plan::{PlanCommentary, plan};
pub use record::record;
pub use registries::{chains, regions, topics, units};

/// The registries every plan is checked against.
#[derive(Debug, Default, Clone)]
pub struct Registries {
    pub chains: Registry<Chain>,
    pub topics: Registry<Topic>,
    pub regions: Registry<Region>,
    pub units: Registry<Unit>,
    pub records: Registry<Record>,
    /// Kinds whose file could not be read. References to them are not reported: the
    /// one error in the broken file says it all.
    pub broken: Vec<RegistryKind>,
    /// Records whose file exists but could not be read.
    pub broken_records: Vec<Id>,
}

impl Registries {
    /// Whether record `id` is missing because its file, or all of `seeds/`, could not
    /// be read: that error is reported already, not again at each reference.
    pub fn record_unreadable(&self, id: &Id) -> bool {
        self.broken.contains(&RegistryKind::Record) || self.broken_records.contains(id)
    }

    /// Reports a reference to an unknown entry, unless the registry itself is broken.
    fn unknown(
        &self,
        file: &SourceFile,
        path: &YamlPath,
        kind: RegistryKind,
        id: &Id,
        out: &mut Problems,
    ) {
        if !self.broken.contains(&kind) {
            out.push(unknown_ref(file, path, kind, id));
        }
    }
}

/// Problems found while checking one file.
pub type Problems = Vec<Diagnostic>;

/// Reports blank languages of a localized text at `path`.
fn check_text(file: &SourceFile, path: &YamlPath, text: &Text, what: &str, out: &mut Problems) {
    for lang in text.blank_languages() {
        out.push(
            file.error_at(
                &path.key(lang.code()),
                format!("{what} is empty in `{lang}`"),
            )
            .help(format!("write {what} in both languages")),
        );
    }
}

/// Rejects a second entry with an id already seen; returns true if `id` is new.
fn check_unique(
    seen: &mut HashMap<Id, usize>,
    id: &Id,
    index: usize,
    file: &SourceFile,
    path: &YamlPath,
    out: &mut Problems,
) -> bool {
    if let Some(first) = seen.get(id) {
        out.push(
            file.error_at(
                &path.key("id"),
                format!("the id `{id}` is used twice (first at entry {first})"),
            )
            .help("give each entry its own id"),
        );
        false
    } else {
        seen.insert(id.clone(), index);
        true
    }
}

fn unknown_ref(file: &SourceFile, path: &YamlPath, kind: RegistryKind, id: &Id) -> Diagnostic {
    file.error_at(path, format!("unknown {} `{id}`", kind.noun()))
        .help(format!(
            "check the spelling, or add `{id}` to {}",
            kind.file()
        ))
}

/// What a reference points at. Entries of `content/units.yaml` are called departments
/// in every message, so that "unit" only ever means a unit of measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistryKind {
    Chain,
    Topic,
    Region,
    Department,
    Record,
}

impl RegistryKind {
    /// The word for one entry, as messages say it.
    pub fn noun(self) -> &'static str {
        match self {
            RegistryKind::Chain => "chain",
            RegistryKind::Topic => "topic",
            RegistryKind::Region => "region",
            RegistryKind::Department => "department",
            RegistryKind::Record => "source record",
        }
    }

    /// Where its entries are kept.
    pub fn file(self) -> &'static str {
        match self {
            RegistryKind::Chain => "content/chains.yaml",
            RegistryKind::Topic => "content/topics.yaml",
            RegistryKind::Region => "content/regions.yaml",
            RegistryKind::Department => "content/units.yaml",
            RegistryKind::Record => "seeds/",
        }
    }
}
