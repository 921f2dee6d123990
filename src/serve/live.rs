//! An edit inside one plan's folder: that plan is read again and its pages rendered,
//! with every page that shows many plans and every data file; the other plans' files
//! stay as they are in the served directory. Measured at 10,000 targets, this is what
//! keeps a `plan.yaml` edit well under the full build's seconds.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Loaded, State, replace_file};
use crate::content::{self, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{MemorySink, Sink, Stamp, check_site_path};
use crate::render::{self, RenderContext};

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
    // The rows of the plan are rendered into the kept preparation, which no one else
    // may hold meanwhile.
    Arc::get_mut(&mut loaded.prepared)?;
    let warnings = match content::reload_plan(&state.root, &mut loaded.site, p) {
        Ok(w) => w,
        Err(d) => return Some(Err(d)),
    };
    let result = render_plan_edit(state, loaded, p);
    if result.is_err() {
        // The kept state may now be half updated: the next edit builds everything.
        *guard = None;
    }
    Some(result.map(|()| warnings))
}

fn render_plan_edit(state: &State, loaded: &mut Loaded, p: usize) -> Result<(), Diagnostics> {
    let prepared = Arc::get_mut(&mut loaded.prepared).ok_or_else(Diagnostics::new)?;
    prepared
        .refresh_plan(&loaded.site, &loaded.theme, p)
        .map_err(Diagnostics::from)?;
    let keys = loaded.keys.with_plan(&loaded.site, p);
    let sink = LiveSink {
        out: &state.out,
        files: MemorySink::new(),
    };
    let cx = RenderContext::with(&loaded.site, &loaded.theme, loaded.prepared.clone());
    let rendered = render::render_site_with(&cx, &sink, &keys, Some(&loaded.memo))?;
    drop(cx);
    let before: BTreeSet<String> = loaded.memo.files().map(str::to_string).collect();
    let after: BTreeSet<&str> = rendered.memo.files().collect();
    for (path, bytes) in sink.files.into_files() {
        let full = state.out.join(&path);
        if std::fs::read(&full).is_ok_and(|old| old == bytes) {
            continue;
        }
        replace_file(&state.out, &path, &bytes).map_err(|e| cannot_write(&path, &e))?;
    }
    for gone in before.iter().filter(|f| !after.contains(f.as_str())) {
        if check_site_path(gone).is_ok() {
            let _ = std::fs::remove_file(state.out.join(gone));
        }
    }
    loaded.keys = keys;
    loaded.memo = rendered.memo;
    Ok(())
}

fn cannot_write(path: &str, e: &std::io::Error) -> Diagnostics {
    Diagnostics::from(Diagnostic::error(path, format!("cannot write: {e}")))
}

/// Collects the rendered files in memory (written out only if the whole render
/// succeeds) and lets unchanged plans keep the files already served.
struct LiveSink<'a> {
    out: &'a Path,
    files: MemorySink,
}

impl Sink for LiveSink<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.files.write(path, bytes)
    }

    fn has(&self, path: &str) -> bool {
        self.files.has(path) || (check_site_path(path).is_ok() && self.out.join(path).is_file())
    }

    fn can_keep(&self, path: &str, stamp: Option<Stamp>) -> bool {
        stamp.is_some() && check_site_path(path).is_ok() && Stamp::of(&self.out.join(path)) == stamp
    }

    fn keep(&self, path: &str, stamp: Option<Stamp>) -> std::io::Result<bool> {
        Ok(self.can_keep(path, stamp))
    }
}
