//! Finding a theme's templates, static files and UI strings.
//!
//! Lookup order, first found wins for each file:
//! 1. the site's own `templates/`, `static/` and `i18n/` (overrides of single files);
//! 2. `themes/<theme>/` in the site;
//! 3. for the `default` theme, the copy built into the binary.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::i18n::{self, Strings};
use crate::content::Id;
use crate::diagnostics::{Diagnostic, relative_to};
use crate::lang::{Lang, Localized};
use crate::yaml::SourceFile;

include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

/// A theme, resolved for one site.
pub struct Theme {
    /// Template name (path under `templates/`) → source.
    pub templates: BTreeMap<String, String>,
    /// Template name → the file it was read from, relative to the site (a site's
    /// `templates/` overrides the theme's), so a template error names the file to fix.
    pub template_files: BTreeMap<String, PathBuf>,
    /// Path under `static/` → contents.
    pub static_files: BTreeMap<String, Vec<u8>>,
    pub strings: Localized<Strings>,
}

/// The theme's files before the site's overrides: path inside the theme → contents.
type Files = BTreeMap<String, Vec<u8>>;

impl Theme {
    /// Loads `theme` for the site at `root`.
    pub fn load(root: &Path, theme: &Id) -> Result<Theme, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let theme_dir = root.join("themes").join(theme.as_str());
        let files: Files = if theme_dir.is_dir() {
            read_tree(root, &theme_dir, &mut problems)
        } else if theme.as_str() == "default" {
            DEFAULT_THEME
                .iter()
                .map(|(p, b)| (p.to_string(), b.to_vec()))
                .collect()
        } else {
            return Err(vec![
                Diagnostic::error("site.yaml", format!("the theme `{theme}` does not exist")).help(
                    format!("add themes/{theme}/ to the site, or use `theme: default`"),
                ),
            ]);
        };
        let theme_name = PathBuf::from("themes").join(theme.as_str());
        let mut templates = BTreeMap::new();
        let mut template_files = BTreeMap::new();
        let mut static_files = BTreeMap::new();
        let mut string_files: BTreeMap<String, SourceFile> = BTreeMap::new();
        for (path, bytes) in files {
            if let Some(name) = path.strip_prefix("templates/") {
                match String::from_utf8(bytes) {
                    Ok(text) => {
                        templates.insert(name.to_string(), text);
                        template_files.insert(name.to_string(), theme_name.join(&path));
                    }
                    Err(_) => problems.push(Diagnostic::error(
                        theme_name.join(&path),
                        "the template is not valid UTF-8",
                    )),
                }
            } else if let Some(name) = path.strip_prefix("static/") {
                static_files.insert(name.to_string(), bytes);
            } else if let Some(name) = path.strip_prefix("i18n/") {
                match SourceFile::from_bytes(&theme_name.join(&path), bytes) {
                    Ok(f) => {
                        string_files.insert(name.to_string(), f);
                    }
                    Err(d) => problems.push(d),
                }
            }
        }
        for (name, bytes) in read_tree(root, &root.join("templates"), &mut problems) {
            match String::from_utf8(bytes) {
                Ok(text) => {
                    template_files.insert(name.clone(), PathBuf::from("templates").join(&name));
                    templates.insert(name, text);
                }
                Err(_) => problems.push(Diagnostic::error(
                    PathBuf::from("templates").join(&name),
                    "the template is not valid UTF-8",
                )),
            }
        }
        static_files.extend(read_tree(root, &root.join("static"), &mut problems));
        let strings = load_strings(
            root,
            &theme_name,
            &templates,
            &mut string_files,
            &mut problems,
        );
        match strings {
            Some(strings) if problems.is_empty() => Ok(Theme {
                templates,
                template_files,
                static_files,
                strings,
            }),
            _ => Err(problems),
        }
    }
}

fn load_strings(
    root: &Path,
    theme_name: &Path,
    templates: &BTreeMap<String, String>,
    files: &mut BTreeMap<String, SourceFile>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Localized<Strings>> {
    let mut theme = Vec::new();
    for lang in Lang::ALL {
        let name = format!("{}.yaml", lang.code());
        match files.remove(&name) {
            Some(f) => match i18n::parse(f) {
                Ok(s) => theme.push(s),
                Err(d) => problems.push(d),
            },
            None => problems.push(
                Diagnostic::error(
                    theme_name.join("i18n").join(&name),
                    "the theme has no UI strings for this language",
                )
                .help("every theme needs i18n/zh.yaml and i18n/en.yaml"),
            ),
        }
    }
    let site = Localized::from_fn(|lang| {
        let path = root.join("i18n").join(format!("{}.yaml", lang.code()));
        if !path.exists() {
            return None;
        }
        let file = SourceFile::read(&path, &relative_to(&path, root))
            .map_err(|d| problems.push(d))
            .ok()?;
        i18n::parse(file).map_err(|d| problems.push(d)).ok()
    });
    let [zh, en]: [_; 2] = theme.try_into().ok()?;
    match i18n::combine(
        Localized { zh, en },
        site,
        &super::keys::required_with(templates),
    ) {
        Ok(strings) => Some(strings),
        Err(ds) => {
            problems.extend(ds);
            None
        }
    }
}

/// Reads every file under `dir` (if it exists), keyed by its path relative to `dir`
/// with `/` separators. Symbolic links are refused.
fn read_tree(root: &Path, dir: &Path, problems: &mut Vec<Diagnostic>) -> Files {
    let mut files = Files::new();
    if !dir.is_dir() {
        return files;
    }
    let walker = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !e.file_name().to_str().is_some_and(|n| n.starts_with('.'))
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.push(Diagnostic::error(
                    relative_to(dir, root),
                    format!("cannot read: {e}"),
                ));
                continue;
            }
        };
        if entry.path_is_symlink() {
            problems.push(
                Diagnostic::error(
                    relative_to(entry.path(), root),
                    "symbolic links are not followed in a site",
                )
                .help("copy the file into the site instead of linking to it"),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(dir)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if rel.split('/').any(crate::content::id::is_windows_device) {
            problems.push(
                Diagnostic::error(
                    relative_to(entry.path(), root),
                    "Windows reserves this file name for a device, so the site could not be copied to a Windows server",
                )
                .help("rename the file (con, prn, aux, nul, com1–9 and lpt1–9 are reserved, with any extension)"),
            );
            continue;
        }
        match std::fs::read(entry.path()) {
            Ok(bytes) => {
                files.insert(rel, bytes);
            }
            Err(e) => problems.push(Diagnostic::error(
                relative_to(entry.path(), root),
                format!("cannot read: {e}"),
            )),
        }
    }
    files
}
