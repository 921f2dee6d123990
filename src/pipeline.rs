//! The whole build, from a site directory to a written site: load → theme → render →
//! output. `build`, `check` and `serve` all go through here.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::BaseUrl;
use crate::content::{self, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{MemorySink, Sink, Staging};
use crate::progress::ProgressSink;
use crate::render::{self, Keys, Memo, Prepared, RenderContext, RenderStats, theme::Theme};
use crate::timings::trace;

/// Options of one build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Overrides `base_url` of site.yaml (previews, sub-path tests).
    pub base_url: Option<BaseUrl>,
    /// Show a progress bar when the build is long and standard error is a terminal.
    pub progress: bool,
    /// Write every file afresh, instead of keeping those the previous output already
    /// holds byte for byte (with their modification times).
    pub clean: bool,
}

/// What a successful build did.
pub struct BuildReport {
    pub stats: RenderStats,
    pub warnings: Diagnostics,
    pub elapsed: Duration,
    /// Files kept from the previous output because their bytes did not change, and
    /// files written.
    pub kept: usize,
    pub written: usize,
    /// The templates, indexes and rows the pages were rendered from, for `serve` to
    /// re-render single pages after a commentary edit.
    pub prepared: Arc<Prepared>,
    /// The fingerprints of the inputs, and what this build rendered, for `serve` to
    /// re-render only what an edit changed.
    pub keys: Keys,
    pub memo: Memo,
}

/// Loads and checks the site, and its theme.
pub fn load(
    root: &Path,
    options: &BuildOptions,
) -> Result<(Site, Theme, Diagnostics), Diagnostics> {
    let loaded = content::load(root);
    let mut diagnostics = loaded.diagnostics;
    let Some(mut site) = loaded.site else {
        return Err(diagnostics);
    };
    if let Some(url) = &options.base_url {
        site.config.base_url = url.clone();
    }
    match Theme::load(root, &site.config.theme) {
        Ok(theme) => Ok((site, theme, diagnostics)),
        Err(ds) => {
            diagnostics.extend(ds);
            diagnostics.sort();
            Err(diagnostics)
        }
    }
}

/// Builds the site at `root` into `output`, replacing the previous output only if
/// the whole build succeeds.
pub fn build(
    root: &Path,
    output: &Path,
    options: &BuildOptions,
) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    check_output_location(root, output).map_err(Diagnostics::from)?;
    let (site, theme, mut warnings) = load(root, options)?;
    trace("load", started);
    let mut report = build_loaded(&site, &theme, output, options)?;
    warnings.extend(report.warnings);
    report.warnings = warnings;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Renders an already loaded site into `output`, swapping it in when complete.
/// Unless `clean` is asked for, the previous build's memo lets the pages of unchanged
/// plans be carried over from the previous output instead of rendered; a memo that
/// is missing, of another version or unreadable means a full build.
pub fn build_loaded(
    site: &Site,
    theme: &Theme,
    output: &Path,
    options: &BuildOptions,
) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let staging = Staging::begin(output, !options.clean)
        .map_err(|e| Diagnostics::from(output_error(output, e)))?;
    // Without a previous output there is nothing to carry over, and a memo left
    // beside a removed output is not worth reading (26 ms at 10,000 targets).
    let previous = if options.clean || !output.is_dir() {
        None
    } else {
        crate::output::read_memo(output).and_then(|b| serde_json::from_slice::<Memo>(&b).ok())
    };
    trace("previous memo", started);
    // The fingerprints do not depend on the prepared templates and rows, and parsing
    // the templates leaves a core idle: the two are made side by side.
    let (cx, keys) = rayon::join(|| RenderContext::new(site, theme), || Keys::of(site, theme));
    let cx = cx?;
    trace("templates, indexes, rows and keys", started);
    let sink = ProgressSink::new(&staging, cx.pages().len(), options.progress);
    let rendered = render::render_site_with(&cx, &sink, &keys, previous.as_ref());
    sink.finish();
    let rendered = rendered?;
    trace("render", started);
    let (kept, written) = staging.counts();
    let memo = &rendered.memo;
    staging
        .commit(Some(Box::new(move |w: &mut dyn std::io::Write| {
            serde_json::to_writer(w, memo).map_err(std::io::Error::other)
        })))
        .map_err(|e| Diagnostics::from(output_error(output, e)))?;
    trace("commit", started);
    Ok(BuildReport {
        stats: rendered.stats,
        warnings: rendered.warnings,
        elapsed: started.elapsed(),
        kept,
        written,
        prepared: cx.prepared,
        keys,
        memo: rendered.memo,
    })
}

/// Renders the site in memory (for `check` and tests): every file by site path.
pub fn build_in_memory(
    root: &Path,
    options: &BuildOptions,
) -> Result<(std::collections::BTreeMap<String, Vec<u8>>, Diagnostics), Diagnostics> {
    let (site, theme, mut warnings) = load(root, options)?;
    let (files, render_warnings) = render_in_memory(&site, &theme)?;
    warnings.extend(render_warnings);
    Ok((files, warnings))
}

/// Renders an already loaded site in memory: every file by site path.
pub fn render_in_memory(
    site: &Site,
    theme: &Theme,
) -> Result<(std::collections::BTreeMap<String, Vec<u8>>, Diagnostics), Diagnostics> {
    let sink = MemorySink::new();
    let (_, warnings) = render::render_site(site, theme, &sink as &dyn Sink)?;
    Ok((sink.into_files(), warnings))
}

fn output_error(output: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(output, format!("cannot write the output: {e}"))
        .help("check the path and its permissions; the previous output is unchanged")
}

/// Refuses output directories that would replace the site's own files, and an output
/// that is itself a symbolic link (the swap would replace the link with a folder).
fn check_output_location(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    if std::fs::symlink_metadata(output).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(
            Diagnostic::error(output, "the output directory is a symbolic link")
                .help("give the folder the link points to as --output"),
        );
    }
    let root = absolute(root);
    let out = absolute(output);
    let protected = ["content", "themes", "templates", "seeds", "static", "i18n"];
    let inside_sources = protected.iter().any(|d| out.starts_with(root.join(d)));
    if root.starts_with(&out) || inside_sources {
        return Err(Diagnostic::error(
            output,
            "the output directory would replace the site's own files",
        )
        .help("build into a directory of its own, such as public/ (the default)"));
    }
    Ok(())
}

/// An absolute path with every link resolved in the part that exists: the output may
/// not exist yet, but a folder on its way may be a link into the sources.
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut lexical = PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::ParentDir => {
                lexical.pop();
            }
            std::path::Component::CurDir => {}
            other => lexical.push(other),
        }
    }
    let mut existing = lexical.clone();
    let mut missing = Vec::new();
    loop {
        if let Ok(resolved) = existing.canonicalize() {
            return missing.iter().rev().fold(resolved, |p, name| p.join(name));
        }
        match existing.file_name() {
            Some(name) => missing.push(name.to_owned()),
            None => return lexical,
        }
        existing.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_may_not_contain_or_sit_in_the_sources() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        assert!(check_output_location(root, root).is_err());
        assert!(check_output_location(root, &root.join("..")).is_err());
        assert!(check_output_location(root, &root.join("content/out")).is_err());
        assert!(check_output_location(root, &root.join("public")).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_cannot_lead_the_output_into_the_sources_or_be_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir(root.join("content")).unwrap();
        std::os::unix::fs::symlink(root.join("content"), root.join("out-link")).unwrap();
        // Through the link, a folder that does not exist yet would sit in content/.
        assert!(check_output_location(root, &root.join("out-link/new")).is_err());
        // The link itself would be replaced by a folder.
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), root.join("public")).unwrap();
        let err = check_output_location(root, &root.join("public")).unwrap_err();
        assert!(err.message.contains("symbolic link"), "{}", err.message);
        assert!(check_output_location(root, &root.join("public2/deep")).is_ok());
    }
}
