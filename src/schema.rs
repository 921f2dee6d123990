//! `plansite schema`: JSON Schemas (draft 2020-12) of the files editors write.
//!
//! The schemas are derived (schemars) from the same serde types that load the files
//! (`config`'s raw site settings, `content::raw`), so what an editor's YAML plugin
//! completes and checks is what the loader accepts: a field added to a type is in the
//! schema at the next build. The loader still checks more than a schema can say
//! (references between files, exactly one value form, clauses of the record); the
//! schema is for completion and the first line of checking while one types.

use std::path::Path;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};

use crate::config::RawConfig;
use crate::content::raw::{RawChain, RawPlan, RawRecord, RawRegion, RawTopic, RawUnit};

/// A kind of file that has a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    /// `site.yaml`.
    Site,
    /// `content/plans/<plan>/plan.yaml`.
    Plan,
    /// A source record, `seeds/<record>.yaml`.
    Record,
    /// Any of the four registries (`content/chains.yaml`, `topics.yaml`,
    /// `regions.yaml`, `units.yaml`).
    Registry,
    /// `content/chains.yaml`.
    Chains,
    /// `content/topics.yaml`.
    Topics,
    /// `content/regions.yaml`.
    Regions,
    /// `content/units.yaml` (departments).
    Units,
}

impl SchemaKind {
    pub const ALL: [SchemaKind; 8] = [
        SchemaKind::Site,
        SchemaKind::Plan,
        SchemaKind::Record,
        SchemaKind::Registry,
        SchemaKind::Chains,
        SchemaKind::Topics,
        SchemaKind::Regions,
        SchemaKind::Units,
    ];

    /// The name used on the command line and in the schema's file name.
    pub fn key(self) -> &'static str {
        match self {
            SchemaKind::Site => "site",
            SchemaKind::Plan => "plan",
            SchemaKind::Record => "record",
            SchemaKind::Registry => "registry",
            SchemaKind::Chains => "chains",
            SchemaKind::Topics => "topics",
            SchemaKind::Regions => "regions",
            SchemaKind::Units => "units",
        }
    }

    /// The file `plansite new` writes the schema to, inside the site's `schemas/`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.key())
    }

    fn title(self) -> &'static str {
        match self {
            SchemaKind::Site => "plansite site.yaml",
            SchemaKind::Plan => "plansite plan.yaml",
            SchemaKind::Record => "plansite source record (seeds/<record>.yaml)",
            SchemaKind::Registry => "plansite registry (chains, topics, regions or units)",
            SchemaKind::Chains => "plansite content/chains.yaml",
            SchemaKind::Topics => "plansite content/topics.yaml",
            SchemaKind::Regions => "plansite content/regions.yaml",
            SchemaKind::Units => "plansite content/units.yaml (departments)",
        }
    }
}

/// Any registry file: the schema of each, for an editor who keeps them under other
/// names. Never built; it exists for its derived schema.
#[derive(JsonSchema)]
#[serde(untagged)]
#[expect(dead_code, reason = "only its schema is used")]
enum AnyRegistry {
    Chains(Vec<RawChain>),
    Topics(Vec<RawTopic>),
    Regions(Vec<RawRegion>),
    Units(Vec<RawUnit>),
}

/// The schema of `kind`.
pub fn schema(kind: SchemaKind) -> Schema {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = match kind {
        SchemaKind::Site => generator.into_root_schema_for::<RawConfig>(),
        SchemaKind::Plan => generator.into_root_schema_for::<RawPlan>(),
        SchemaKind::Record => generator.into_root_schema_for::<RawRecord>(),
        SchemaKind::Registry => generator.into_root_schema_for::<AnyRegistry>(),
        SchemaKind::Chains => generator.into_root_schema_for::<Vec<RawChain>>(),
        SchemaKind::Topics => generator.into_root_schema_for::<Vec<RawTopic>>(),
        SchemaKind::Regions => generator.into_root_schema_for::<Vec<RawRegion>>(),
        SchemaKind::Units => generator.into_root_schema_for::<Vec<RawUnit>>(),
    };
    schema.insert("title".into(), kind.title().into());
    schema
}

/// The schema of `kind` as the text written to files and standard output: pretty JSON
/// with a final newline, the same bytes on every run.
pub fn schema_text(kind: SchemaKind) -> String {
    let mut text = serde_json::to_string_pretty(&schema(kind))
        .expect("a schema is plain JSON and always serialises");
    text.push('\n');
    text
}

/// Writes every schema into `dir` (a site's `schemas/`), creating it.
pub fn write_all(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for kind in SchemaKind::ALL {
        let path = dir.join(kind.file_name());
        std::fs::write(&path, schema_text(kind))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}
