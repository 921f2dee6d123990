//! Reading a site directory from disk into the checked model.
//!
//! ```text
//! site.yaml
//! content/chains.yaml  topics.yaml  regions.yaml  units.yaml
//! content/index.zh.md  index.en.md                     home page commentary
//! content/plans/<plan>/plan.yaml
//! content/plans/<plan>/index.zh.md  index.en.md        plan commentary
//! content/plans/<plan>/targets/<target>.zh.md  .en.md  target commentary
//! seeds/<record>.yaml                                  source documents
//! ```
//!
//! Plans are read and checked in parallel. Only files inside the site directory are
//! read, and symbolic links are refused, so content cannot make the build read files
//! elsewhere on the machine.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

mod records;
use serde::de::DeserializeOwned;

use super::commentary::parse_commentary;
use super::id::Id;
use super::model::{Commentary, Plan, Registry, Site};
use super::validate::{self, PlanCommentary, Problems, Registries, RegistryKind};
use crate::config::{CONFIG_FILE, Config};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::lang::{Lang, Localized};
use crate::yaml::SourceFile;

/// What loading a site gives: the site if nothing was wrong, and every problem found.
pub struct Loaded {
    pub site: Option<Site>,
    pub diagnostics: Diagnostics,
}

/// Reads and checks the site at `root`.
pub fn load(root: &Path) -> Loaded {
    if !root.join(CONFIG_FILE).exists() {
        // Not a site at all: what else is missing would only bury that.
        let missing = Diagnostic::error(CONFIG_FILE, format!("no {CONFIG_FILE} in {}", root.display()))
            .help("run plansite in a site directory, pass --root, or create one with `plansite new <dir>`");
        return Loaded {
            site: None,
            diagnostics: Diagnostics::from(missing),
        };
    }
    let mut problems = Problems::new();
    let config = read_config(root, &mut problems);
    let registries = read_registries(root, &mut problems);
    let home = read_commentary_pair(root, &root.join("content"), "index", &mut problems);
    missing_translation(
        root,
        &root.join("content"),
        "index",
        &home,
        true,
        &mut problems,
    );
    let plans = read_plans(root, &registries, &mut problems);
    let mut diagnostics: Diagnostics = problems.into_iter().collect();
    diagnostics.sort();
    let site = match config {
        Some(config) if !diagnostics.has_errors() => Some(Site {
            root: root.to_path_buf(),
            config,
            chains: registries.chains,
            topics: registries.topics,
            regions: registries.regions,
            units: registries.units,
            records: registries.records,
            plans: Registry::new(plans),
            home,
        }),
        _ => None,
    };
    Loaded { site, diagnostics }
}

/// Reads and parses one commentary file (for `serve`, which re-reads only what changed).
pub fn load_commentary(root: &Path, path: &Path) -> Result<Commentary, Diagnostic> {
    parse_commentary(read_source(root, path)?)
}

fn display(root: &Path, path: &Path) -> PathBuf {
    crate::diagnostics::relative_to(path, root)
}

/// Reads a file, refusing symbolic links (which could point outside the site).
fn read_source(root: &Path, path: &Path) -> Result<SourceFile, Diagnostic> {
    read_optional_source(root, path)?.ok_or_else(|| {
        Diagnostic::error(display(root, path), "cannot read file: it does not exist")
            .help("check that the file exists and is readable")
    })
}

/// Reads a file that may be absent (`None`), refusing symbolic links. One open, no
/// separate checks for existence and links: a large site has tens of thousands of
/// commentary files.
fn read_optional_source(root: &Path, path: &Path) -> Result<Option<SourceFile>, Diagnostic> {
    let shown = display(root, path);
    let refused = || {
        Diagnostic::error(&shown, "symbolic links are not followed in a site")
            .help("copy the file into the site instead of linking to it")
    };
    let bytes = match read_no_follow(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if is_symlink_refusal(&e, path) => return Err(refused()),
        Err(e) => {
            return Err(Diagnostic::error(&shown, format!("cannot read file: {e}"))
                .help("check that the file exists and is readable"));
        }
    };
    SourceFile::from_bytes(&shown, bytes).map(Some)
}

/// The file's bytes, opened so that a symbolic link fails (`O_NOFOLLOW`).
#[cfg(target_os = "linux")]
fn read_no_follow(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
        .open(path)?;
    // Read into a buffer of the file's size: `read_to_end` would ask the size again
    // and seek, two more system calls for each of tens of thousands of files.
    let size = file.metadata().map_or(0, |m| m.len() as usize);
    let mut bytes = vec![0; size + 1];
    let mut filled = 0;
    loop {
        if filled == bytes.len() {
            bytes.resize(filled * 2 + 1024, 0);
        }
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(filled);
    Ok(bytes)
}

#[cfg(not(target_os = "linux"))]
fn read_no_follow(path: &Path) -> std::io::Result<Vec<u8>> {
    if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(std::io::Error::other("a symbolic link"));
    }
    std::fs::read(path)
}

/// Returns true if and only if opening `path` failed because it is a symbolic link.
fn is_symlink_refusal(e: &std::io::Error, path: &Path) -> bool {
    #[cfg(target_os = "linux")]
    if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
        return true;
    }
    let _ = e;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

fn read_config(root: &Path, out: &mut Problems) -> Option<Config> {
    let path = root.join(CONFIG_FILE);
    let file = read_source(root, &path).map_err(|d| out.push(d)).ok()?;
    Config::parse(&file).map_err(|ds| out.extend(ds)).ok()
}

/// Reads a YAML list file that may be absent (an absent registry is empty).
fn read_list<T: DeserializeOwned>(
    root: &Path,
    rel: &str,
    out: &mut Problems,
) -> Option<(SourceFile, Vec<T>)> {
    let path = root.join(rel);
    if !path.exists() {
        return None;
    }
    let file = read_source(root, &path).map_err(|d| out.push(d)).ok()?;
    let items = file.parse::<Vec<T>>().map_err(|d| out.push(d)).ok()?;
    Some((file, items))
}

fn read_registries(root: &Path, out: &mut Problems) -> Registries {
    let mut reg = Registries::default();
    // A registry file that exists but cannot be read is marked broken, so the
    // references to it do not each add an error of their own.
    let mut broken = Vec::new();
    let mut mark = |kind: RegistryKind, loaded: bool| {
        if !loaded && root.join(kind.file()).exists() {
            broken.push(kind);
        }
    };
    let chains = read_list(root, "content/chains.yaml", out);
    mark(RegistryKind::Chain, chains.is_some());
    let topics = read_list(root, "content/topics.yaml", out);
    mark(RegistryKind::Topic, topics.is_some());
    let regions = read_list(root, "content/regions.yaml", out);
    mark(RegistryKind::Region, regions.is_some());
    let units = read_list(root, "content/units.yaml", out);
    mark(RegistryKind::Department, units.is_some());
    reg.broken = broken;
    let mut files = Vec::new();
    if let Some((f, raw)) = chains {
        reg.chains = validate::chains(&f, raw, out);
        files.push((f, RegistryKind::Chain));
    }
    if let Some((f, raw)) = topics {
        reg.topics = validate::topics(&f, raw, out);
        files.push((f, RegistryKind::Topic));
    }
    if let Some((f, raw)) = regions {
        reg.regions = validate::regions(&f, raw, out);
        files.push((f, RegistryKind::Region));
    }
    if let Some((f, raw)) = units {
        reg.units = validate::units(&f, raw, &reg, out);
        files.push((f, RegistryKind::Department));
    }
    validate::check_glossary(&files, &reg, out);
    let (records, broken_records) = records::read_records(root, out);
    reg.records = records.unwrap_or_else(|| {
        // seeds/ itself is unreadable: its one error says it all, not one per plan.
        reg.broken.push(RegistryKind::Record);
        Registry::default()
    });
    reg.broken_records = broken_records;
    reg
}

/// The site's registries (chains, topics, regions, departments, records) alone, with
/// what is wrong in them: for `extract`, which matches a plan's words to them without
/// reading every plan.
pub fn load_registries(root: &Path) -> (Registries, Diagnostics) {
    let mut problems = Problems::new();
    let registries = read_registries(root, &mut problems);
    let mut diagnostics: Diagnostics = problems.into_iter().collect();
    diagnostics.sort();
    (registries, diagnostics)
}

/// Lists the entries of a directory in name order, or nothing if it does not exist.
/// A directory that exists but cannot be read is an error, never an empty one: a
/// folder of plans at mode 000 would otherwise publish a site without plans.
fn sorted_entries(dir: &Path, root: &Path, out: &mut Problems) -> Vec<PathBuf> {
    readable_entries(dir, root, out).unwrap_or_default()
}

/// Like [`sorted_entries`], but `None` when the directory exists and cannot be read
/// (the error is reported), so a caller can tell an unreadable folder from an empty one.
fn readable_entries(dir: &Path, root: &Path, out: &mut Problems) -> Option<Vec<PathBuf>> {
    // A folder of the site that is a link (content/, content/plans/, a plan's folder)
    // would pull text from outside the site into pages and open data.
    if let Some(link) = linked_folder(dir, root) {
        out.push(folder_link_refused(root, &link));
        return None;
    }
    let read = match std::fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(Vec::new()),
        Err(e) => {
            out.push(
                Diagnostic::error(display(root, dir), format!("cannot read the directory: {e}"))
                    .help("make it a directory plansite can read (for example `chmod u+rx` on it), or remove it"),
            );
            return None;
        }
    };
    let mut entries = Vec::new();
    for entry in read {
        match entry {
            Ok(e) if e.file_type().is_ok_and(|t| t.is_symlink()) => {
                out.push(folder_link_refused(root, &e.path()));
            }
            Ok(e) => entries.push(e.path()),
            Err(e) => out.push(Diagnostic::error(
                display(root, dir),
                format!("cannot list the directory: {e}"),
            )),
        }
    }
    entries.retain(|p| !is_hidden(p));
    entries.sort();
    Some(entries)
}

/// The first folder from `root` down to `dir` that is a symbolic link, if any.
fn linked_folder(dir: &Path, root: &Path) -> Option<PathBuf> {
    let rel = dir.strip_prefix(root).ok()?;
    let mut at = root.to_path_buf();
    for part in rel.components() {
        at.push(part);
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            return Some(at);
        }
    }
    None
}

fn folder_link_refused(root: &Path, path: &Path) -> Diagnostic {
    Diagnostic::error(
        display(root, path),
        "symbolic links are not followed in a site",
    )
    .help("copy the folder or file into the site instead of linking to it")
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
}

/// An id made from a file or directory name, or a diagnostic naming it.
fn id_from_name(root: &Path, path: &Path, name: &str) -> Result<Id, Diagnostic> {
    Id::parse(name).map_err(|msg| {
        Diagnostic::error(display(root, path), msg)
            .help("rename the file or directory: its name is the id used in addresses")
    })
}

/// Reads `<dir>/<stem>.zh.md` and `<dir>/<stem>.en.md`, each optional.
fn read_commentary_pair(
    root: &Path,
    dir: &Path,
    stem: &str,
    out: &mut Problems,
) -> Localized<Option<Commentary>> {
    Localized::from_fn(|lang| {
        let path = dir.join(format!("{stem}.{}.md", lang.code()));
        let file = read_optional_source(root, &path)
            .map_err(|d| out.push(d))
            .ok()??;
        parse_commentary(file).map_err(|d| out.push(d)).ok()
    })
}

fn read_plans(root: &Path, reg: &Registries, out: &mut Problems) -> Vec<Plan> {
    let plans_dir = root.join("content").join("plans");
    let dirs = sorted_entries(&plans_dir, root, out);
    let results: Vec<(Option<Plan>, Problems)> = dirs
        .par_iter()
        .map(|dir| {
            let mut problems = Problems::new();
            let plan = read_plan(root, dir, reg, &mut problems);
            (plan, problems)
        })
        .collect();
    let mut plans = Vec::new();
    for (plan, problems) in results {
        out.extend(problems);
        plans.extend(plan);
    }
    plans
}

pub(super) fn read_plan(
    root: &Path,
    dir: &Path,
    reg: &Registries,
    out: &mut Problems,
) -> Option<Plan> {
    if !dir.is_dir() {
        out.push(
            Diagnostic::error(display(root, dir), "unexpected file in content/plans/")
                .help("each plan is a directory: content/plans/<plan-id>/plan.yaml"),
        );
        return None;
    }
    let name = dir.file_name()?.to_str().unwrap_or("");
    let id = id_from_name(root, dir, name)
        .map_err(|d| out.push(d))
        .ok()?;
    let plan_file = dir.join("plan.yaml");
    if !plan_file.exists() {
        out.push(
            Diagnostic::error(display(root, dir), "the plan directory has no plan.yaml").help(
                "add plan.yaml with the plan's title, issuer, region, record, horizon and targets",
            ),
        );
        return None;
    }
    let commentary = read_plan_commentary(root, dir, out);
    missing_translation(root, dir, "index", &commentary.plan, true, out);
    for (target, pair) in &commentary.targets {
        missing_translation(
            root,
            &dir.join("targets"),
            target.as_str(),
            pair,
            false,
            out,
        );
    }
    let file = read_source(root, &plan_file)
        .map_err(|d| out.push(d))
        .ok()?;
    let raw = match file.parse::<super::raw::RawPlan>() {
        Ok(raw) => raw,
        Err(first) => {
            out.extend(every_plan_error(&file, first));
            return None;
        }
    };
    validate::plan(id, &file, raw, commentary, reg, out)
}

/// A plan's targets alone, for reading each one by itself.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetsOnly {
    #[allow(dead_code)]
    targets: Vec<crate::content::raw::RawTarget>,
}

/// Deserializing stops at a file's first error; an editor who mistyped three targets
/// should hear of all three. The plan is read again with its targets cut out, and
/// each target on its own, and the first error of each is reported.
fn every_plan_error(file: &SourceFile, first: Diagnostic) -> Vec<Diagnostic> {
    let Some(split) = file.split_sequence("targets") else {
        return vec![first];
    };
    let mut found = vec![first];
    let pieces = split.rest.parse::<super::raw::RawPlan>().err().into_iter();
    let targets = split.items.iter().enumerate().filter_map(|(i, item)| {
        let mut d = item.parse::<TargetsOnly>().err()?;
        if let Some(rest) = d.message.strip_prefix("targets[0]") {
            d.message = format!("targets[{i}]{rest}");
        }
        Some(d)
    });
    for mut d in pieces.chain(targets) {
        // An alias of an anchor in another target is no error of the file.
        if d.message.starts_with("unknown anchor") {
            continue;
        }
        // The pieces have the file's offsets; show the file's own lines.
        d.source = Some(file.text.clone());
        let line = |d: &Diagnostic| d.location.as_ref().map(|l| l.line);
        if !found
            .iter()
            .any(|f| line(f) == line(&d) && f.message == d.message)
        {
            found.push(d);
        }
    }
    found
}

fn read_plan_commentary(root: &Path, dir: &Path, out: &mut Problems) -> PlanCommentary {
    let mut commentary = PlanCommentary {
        plan: read_commentary_pair(root, dir, "index", out),
        ..PlanCommentary::default()
    };
    for path in sorted_entries(dir, root, out) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let expected = matches!(
            name,
            "plan.yaml" | "index.zh.md" | "index.en.md" | "targets"
        );
        if !expected {
            out.push(unexpected_in_plan(root, &path));
        }
    }
    for path in sorted_entries(&dir.join("targets"), root, out) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let parsed = name
            .strip_suffix(".md")
            .and_then(|s| s.rsplit_once('.'))
            .and_then(|(stem, code)| Some((stem, Lang::from_code(code)?)));
        let Some((stem, lang)) = parsed else {
            out.push(unexpected_in_plan(root, &path));
            continue;
        };
        let Ok(id) = id_from_name(root, &path, stem).map_err(|d| out.push(d)) else {
            continue;
        };
        let Ok(file) = read_source(root, &path).map_err(|d| out.push(d)) else {
            continue;
        };
        let Ok(c) = parse_commentary(file).map_err(|d| out.push(d)) else {
            continue;
        };
        let entry = commentary.targets.entry(id).or_default();
        match lang {
            Lang::Zh => entry.zh = Some(c),
            Lang::En => entry.en = Some(c),
        }
    }
    commentary
}

/// Warns when a commentary exists in one language only (or, where `expected`, in
/// neither): half of the site's readers would see nothing.
fn missing_translation(
    root: &Path,
    dir: &Path,
    stem: &str,
    pair: &Localized<Option<Commentary>>,
    expected: bool,
    out: &mut Problems,
) {
    let missing: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|l| pair.get(*l).is_none())
        .collect();
    if missing.len() == 2 && !expected {
        return;
    }
    for lang in missing {
        let path = dir.join(format!("{stem}.{}.md", lang.code()));
        let message = if pair.get(lang.other()).is_some() {
            format!(
                "the commentary is missing in `{lang}` (it exists in `{}`)",
                lang.other()
            )
        } else {
            "there is no commentary in either language".to_string()
        };
        out.push(
            Diagnostic::warning(display(root, &path), message).help(format!(
                "write {} so both languages say the same",
                path.file_name().and_then(|n| n.to_str()).unwrap_or("")
            )),
        );
    }
}

fn unexpected_in_plan(root: &Path, path: &Path) -> Diagnostic {
    Diagnostic::error(display(root, path), "unexpected file in a plan directory").help(
        "a plan directory holds plan.yaml, index.zh.md, index.en.md and \
         targets/<target-id>.zh.md / .en.md",
    )
}
