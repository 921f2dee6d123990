//! An edit inside one plan's folder: that plan is read again, its pages rendered, and
//! of the other pages only those that list what the edit changed (see
//! `render::live`); the search indexes and open data are brought up to date from the
//! parts kept since the last full build. The other files stay as they are in the
//! served directory. Measured at 10,000 targets, this serves a `plan.yaml` edit in
//! about a fifth of a second from the save (60 ms of it the debounce), against 0.9 s
//! when every shared page and data file was made again.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::{Loaded, State, replace_file};
use crate::content::{self, Id, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::output::{MemorySink, Sink, Stamp, check_site_path, holds};
use crate::render::{self, RenderContext, links};

/// The position of the one plan every path in `paths` belongs to, if they all lie in
/// the folder of one plan the site already has.
fn plan_of(site: &Site, root: &Path, paths: &[PathBuf]) -> Option<usize> {
    let mut plans = BTreeSet::new();
    for path in paths {
        let rel = path.strip_prefix(root).ok()?;
        let mut parts = rel.iter().filter_map(|p| p.to_str());
        let (Some("content"), Some("plans"), Some(id), Some(_)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        plans.insert(site.plans.position(id)?);
    }
    (plans.len() == 1)
        .then(|| plans.into_iter().next())
        .flatten()
}

/// Rebuilds after an edit inside one plan's folder. `None` when the edit is not of
/// that kind (the caller rebuilds the site).
pub fn plan_edit(state: &State, paths: &[PathBuf]) -> Option<Result<Diagnostics, Diagnostics>> {
    let mut guard = state.loaded.lock().ok()?;
    let loaded = guard.as_mut()?;
    let p = plan_of(&loaded.site, &state.root, paths)?;
    // Statuses are judged as of a date, which moves on with the clock when the site
    // sets none: once it has (a preview left running overnight), every plan's kept
    // rows may be stale, and the whole site is built.
    let today = crate::derive::status_date(loaded.site.config.as_of);
    if loaded.prepared.index.as_of != Some(today) {
        return None;
    }
    // The rows of the plan are rendered into the kept preparation, which no one else
    // may hold meanwhile.
    Arc::get_mut(&mut loaded.prepared)?;
    // How the plan was shown before the edit, to tell what the edit changed.
    let started = std::time::Instant::now();
    let before = render::PlanShown::of(&loaded.site, &loaded.prepared, p);
    let ids_before: Vec<Id> = loaded
        .site
        .plans
        .at(p)
        .targets
        .iter()
        .map(|t| t.id.clone())
        .collect();
    crate::timings::trace("edit: shown before", started);
    let warnings = match content::reload_plan(&state.root, &mut loaded.site, p) {
        Ok(w) => w,
        Err(d) => return Some(Err(d)),
    };
    crate::timings::trace("edit: plan read", started);
    let result = render_plan_edit(state, loaded, p, before, &ids_before, started);
    if !matches!(result, Ok(Some(_))) {
        // The kept state may now be half updated: the next edit builds everything, and
        // an edit other plans' pages depend on is built whole now.
        *guard = None;
    }
    match result {
        Ok(None) => None,
        Ok(Some(rendered)) => {
            let mut all = warnings;
            all.extend(rendered);
            Some(Ok(all))
        }
        Err(e) => Some(Err(e)),
    }
}

fn render_plan_edit(
    state: &State,
    loaded: &mut Loaded,
    p: usize,
    before: render::PlanShown,
    ids_before: &[Id],
    started: std::time::Instant,
) -> Result<Option<Diagnostics>, Diagnostics> {
    let prepared = Arc::get_mut(&mut loaded.prepared).ok_or_else(Diagnostics::new)?;
    let years_before: Vec<u16> = prepared.index.by_year.keys().copied().collect();
    prepared
        .refresh_plan(&loaded.site, &loaded.theme, p)
        .map_err(Diagnostics::from)?;
    // The folders of pages the edited site no longer has: a target renamed or
    // removed, a year no target is set for any more. Their files are still on disk
    // until the edit is written, and must not answer for the links checked meanwhile.
    let plan = loaded.site.plans.at(p);
    let vanished: Vec<String> = ids_before
        .iter()
        .filter(|id| !plan.targets.iter().any(|t| &t.id == *id))
        .flat_map(|id| Lang::ALL.map(|lang| links::target(lang, &plan.id, id)))
        .chain(
            years_before
                .into_iter()
                .filter(|y| !prepared.index.by_year.contains_key(y))
                .flat_map(|y| Lang::ALL.map(|lang| links::year(lang, y))),
        )
        .collect();
    if linked_from_other_plans(&loaded.memo, loaded.site.plans.at(p).id.as_str(), &vanished) {
        return Ok(None);
    }
    crate::timings::trace("edit: refreshed", started);
    let keys = loaded.keys.with_plan(&loaded.site, p);
    crate::timings::trace("edit: keys", started);
    let sink = LiveSink {
        out: &state.out,
        files: MemorySink::new(),
        written: Mutex::new(HashSet::new()),
        vanished: &vanished,
    };
    let cx = RenderContext::with(&loaded.site, &loaded.theme, loaded.prepared.clone());
    let rendered =
        render::render_plan_edit(&cx, &sink, &keys, &loaded.memo, &mut loaded.live, p, before)?;
    drop(cx);
    crate::timings::trace("edit: rendered", started);
    // What the edit rendered, for the editor watching the console: an edit of one
    // target renders that target's pages, not its plan's hundreds.
    if let Some((rendered_own, own)) = rendered.stats.plan_rendered {
        eprintln!(
            "Rendered {rendered_own} of the {own} pages of plan {}, and {} pages that show it.",
            loaded.site.plans.at(p).id,
            rendered.stats.pages_rendered - rendered_own,
        );
    }
    let id = loaded.site.plans.at(p).id.as_str();
    // The plan's files are checked on disk while the edit renders, where those it no
    // longer writes still lie: a link into its folders holds only to a file it wrote or
    // kept. A page linking to one it dropped (a breakdown no longer drawn) must report
    // the broken link as a build does; the whole site is built to report it.
    let own: HashSet<&str> = rendered
        .memo
        .plans
        .get(id)
        .map(|m| m.files.iter().map(|k| k.path.as_str()).collect())
        .unwrap_or_default();
    let folders = Lang::ALL.map(|lang| links::plan(lang, &loaded.site.plans.at(p).id));
    if rendered.memo.plans.values().any(|m| {
        m.needs
            .iter()
            .any(|f| folders.iter().any(|d| f.starts_with(d.as_str())) && !own.contains(f.as_str()))
    }) {
        return Ok(None);
    }
    // Only the files whose bytes changed are held (the sink compared them as they were
    // rendered); they are replaced on every core.
    let written = sink.written.into_inner().unwrap_or_else(|e| e.into_inner());
    let retired = retired(&state.out, &written, &vanished);
    let files: Vec<(String, Vec<u8>)> = sink.files.into_files().into_iter().collect();
    files.par_iter().try_for_each(|(path, bytes)| {
        replace_file(&state.out, path, bytes).map_err(|e| cannot_write(path, &e))
    })?;
    for path in &retired {
        let _ = std::fs::remove_file(state.out.join(path));
    }
    for dir in &vanished {
        let _ = std::fs::remove_dir(state.out.join(dir));
    }
    crate::timings::trace("edit: written", started);
    loaded.keys = keys;
    let warnings = rendered.warnings;
    loaded.memo = rendered.memo;
    loaded.memo.shared_files.retain(|f| !retired.contains(f));
    Ok(Some(warnings))
}

/// Whether another plan's pages link to a page in the folders `vanished`, or name it
/// with `@/`: those pages must be rendered again to report the broken link, as a
/// build does, and an edit renders only its own plan's.
fn linked_from_other_plans(memo: &render::Memo, plan: &str, vanished: &[String]) -> bool {
    // `@/` names are site paths without the language folder.
    let unlocalized: Vec<&str> = vanished
        .iter()
        .filter_map(|d| d.split_once('/').map(|(_, rest)| rest))
        .collect();
    memo.plans
        .iter()
        .filter(|(id, _)| id.as_str() != plan)
        .any(|(_, m)| {
            m.needs
                .iter()
                .any(|f| vanished.iter().any(|d| f.starts_with(d.as_str())))
                || m.asked
                    .iter()
                    .any(|(page, _)| unlocalized.iter().any(|d| page.starts_with(d)))
        })
}

/// The files in `out` that the edit, having `written` its paths, leaves behind though
/// a full build no longer writes them:
/// - those in the folders `gone` (site paths ending in `/`), of pages the site lost;
/// - beside a page the edit rendered, in a folder of its own (a target's, a chain's),
///   the files it no longer writes (a breakdown or a comparison no longer drawn);
/// - of two families written whole or not at all that may shrink: the sitemap's parts
///   (every edit makes the sitemap again; a site that lost pages may need fewer parts,
///   or none) and a language's search index (whole whenever its `meta.js` is written;
///   a plan that lost targets may leave fewer display chunks and word shards).
fn retired(out: &Path, written: &HashSet<String>, gone: &[String]) -> BTreeSet<String> {
    let listed = |dir: &str| -> Vec<String> {
        std::fs::read_dir(out.join(dir))
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| e.file_name().into_string().ok())
            .map(|name| format!("{dir}{name}"))
            .collect()
    };
    let mut gone_files: BTreeSet<String> = listed("")
        .into_iter()
        .filter(|p| links::is_sitemap_part(p) && !written.contains(p))
        .collect();
    for dir in gone {
        gone_files.extend(listed(dir));
    }
    // The site's root and the language folders hold the files of several pages and of
    // the data; every other folder with a page holds that page's files alone.
    let shared =
        |dir: &str| dir.is_empty() || Lang::ALL.iter().any(|l| dir == format!("{}/", l.code()));
    let pages: BTreeSet<&str> = written
        .iter()
        .filter_map(|p| p.strip_suffix("index.html"))
        .filter(|dir| !shared(dir))
        .collect();
    for dir in pages {
        gone_files.extend(listed(dir).into_iter().filter(|p| !written.contains(p)));
    }
    for lang in Lang::ALL {
        if written.contains(&links::search_index(lang)) {
            let dir = links::search_index_dir(lang);
            gone_files.extend(listed(&dir).into_iter().filter(|p| !written.contains(p)));
        }
    }
    gone_files
}

fn cannot_write(path: &str, e: &std::io::Error) -> Diagnostics {
    Diagnostics::from(Diagnostic::error(path, format!("cannot write: {e}")))
}

/// Collects in memory the rendered files whose bytes differ from the served ones, to
/// be written out only if the whole render succeeds. Each file is compared as it is
/// rendered, on the rendering thread: the pages about every plan are megabytes each and
/// mostly unchanged by an edit, so they are neither copied nor compared again after the
/// render. A file left as it is stays on disk, where [`Sink::has`] finds it.
struct LiveSink<'a> {
    out: &'a Path,
    files: MemorySink,
    /// Every path written, the unchanged ones too: two pages written to one path are a
    /// fault (`check` reports it, rendering in memory), and must not pass here because
    /// one of them matched the disk.
    written: Mutex<HashSet<String>>,
    /// Folders of pages the edited site no longer has (ending in `/`).
    vanished: &'a [String],
}

impl Sink for LiveSink<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        check_site_path(path)?;
        let first = self
            .written
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string());
        if !first {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("two pages were written to {path}"),
            ));
        }
        if holds(&self.out.join(path), bytes) {
            return Ok(());
        }
        self.files.write(path, bytes)
    }

    fn has(&self, path: &str) -> bool {
        self.files.has(path)
            || (check_site_path(path).is_ok()
                && !self.vanished.iter().any(|d| path.starts_with(d.as_str()))
                && self.out.join(path).is_file())
    }

    fn can_keep(&self, path: &str, stamp: Option<Stamp>) -> bool {
        stamp.is_some() && check_site_path(path).is_ok() && Stamp::of(&self.out.join(path)) == stamp
    }

    fn keep(&self, path: &str, stamp: Option<Stamp>) -> std::io::Result<bool> {
        Ok(self.can_keep(path, stamp))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Of the files on disk the edit did not write, only members of a family it wrote
    /// whole, files beside a page it rendered in a folder of its own, and files in
    /// folders whose page is gone, are retired: not the files of a language folder,
    /// which several pages and the feed share.
    #[test]
    fn retired_files_are_those_of_families_written_whole_and_of_gone_pages() {
        let out = tempfile::tempdir().unwrap();
        let files = [
            "sitemap.xml",
            "sitemap1.xml",
            "sitemap2.xml",
            "robots.txt",
            "en/search-index/meta.js",
            "en/search-index/d0.js",
            "en/search-index/d1.js",
            "zh/search-index/meta.js",
            "zh/search-index/d1.js",
            "en/years/2027/index.html",
            "en/years/2027/chart.svg",
            "en/years/2025/index.html",
            "en/chains/c/index.html",
            "en/chains/c/comparison.svg",
            "en/index.html",
            "en/atom.xml",
        ];
        for f in files {
            let path = out.path().join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, f).unwrap();
        }
        let written: HashSet<String> = [
            "sitemap.xml",
            "sitemap1.xml",
            "en/search-index/meta.js",
            "en/search-index/d0.js",
            "zh/search-index/d0.js",
            "en/chains/c/index.html",
            "en/index.html",
        ]
        .map(String::from)
        .into();
        let gone = retired(out.path(), &written, &["en/years/2027/".to_string()]);
        let want = [
            "en/chains/c/comparison.svg",
            "en/search-index/d1.js",
            "en/years/2027/chart.svg",
            "en/years/2027/index.html",
            "sitemap2.xml",
        ];
        assert_eq!(gone.iter().map(String::as_str).collect::<Vec<_>>(), want);
    }
}
