//! `plansite new <dir>`: a starter site that builds at once.
//!
//! The starter is a small fictional plan with one chain target (two tiers) and one
//! other target (a range), so an editor sees every file a real site needs.

use std::path::Path;

/// Where a site keeps its editors' schemas; each starter file's first line points there.
pub const SCHEMA_DIR: &str = "schemas";

/// The starter's files: path in the new site → contents.
const STARTER: &[(&str, &str)] = &[
    (".gitignore", include_str!("starter/.gitignore")),
    ("site.yaml", include_str!("starter/site.yaml")),
    (
        "content/chains.yaml",
        include_str!("starter/content/chains.yaml"),
    ),
    (
        "content/topics.yaml",
        include_str!("starter/content/topics.yaml"),
    ),
    (
        "content/regions.yaml",
        include_str!("starter/content/regions.yaml"),
    ),
    (
        "content/units.yaml",
        include_str!("starter/content/units.yaml"),
    ),
    (
        "content/index.zh.md",
        include_str!("starter/content/index.zh.md"),
    ),
    (
        "content/index.en.md",
        include_str!("starter/content/index.en.md"),
    ),
    (
        "content/plans/example-2025/plan.yaml",
        include_str!("starter/content/plans/example-2025/plan.yaml"),
    ),
    (
        "content/plans/example-2025/index.zh.md",
        include_str!("starter/content/plans/example-2025/index.zh.md"),
    ),
    (
        "content/plans/example-2025/index.en.md",
        include_str!("starter/content/plans/example-2025/index.en.md"),
    ),
    (
        "seeds/example-2025.yaml",
        include_str!("starter/seeds/example-2025.yaml"),
    ),
];

/// Writes the starter site into `dir`, which must not exist or be empty.
pub fn create(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        let empty = std::fs::read_dir(dir)
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .next()
            .is_none();
        if !empty {
            return Err(format!(
                "{} already exists and is not empty; choose a new directory",
                dir.display()
            ));
        }
    }
    for (path, contents) in STARTER {
        let full = dir.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&full, contents)
            .map_err(|e| format!("cannot write {}: {e}", full.display()))?;
    }
    Ok(())
}
