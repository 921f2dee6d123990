//! `plansite serve`: build, serve on 127.0.0.1, rebuild on every edit, reload the page.
//!
//! - The site is built into a directory of its own (under the system's temporary
//!   directory), never into `public/`, so a preview cannot clobber a deployable build.
//! - A reload is sent only after the new files are in place: a full rebuild swaps
//!   the whole directory in (see [`crate::output`]), an incremental one renames each
//!   page into place before the reload goes out.
//! - An edit to a commentary file re-renders only the page showing it. Any other
//!   edit inside one plan's folder re-reads that plan and renders its pages and the
//!   pages shared by all plans ([`live`]). Any other edit rebuilds the site.
//! - A broken edit keeps the last good site online, prints the error, and overlays it
//!   on every page in the browser until the content is fixed.
//! - Files are served by tower-http's `ServeDir`, which refuses `..` in paths; the
//!   output holds no symbolic links (content with links is refused), so nothing
//!   outside the output can be served.

mod guard;
mod live;
mod preview;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, Response, StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use notify_debouncer_full::notify::event::{AccessKind, AccessMode};
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use tower_http::services::{ServeDir, ServeFile};
use tower_livereload::{LiveReloadLayer, Reloader};

use crate::config::BaseUrl;
use crate::content::{self, Site};
use crate::diagnostics::Diagnostics;
use crate::lang::Lang;
use crate::output::{MemorySink, Sink, check_site_path};
use crate::pipeline::{self, BuildOptions};
use crate::render::{self, Page, Prepared, RenderContext, theme::Theme};

/// How `serve` was asked to run.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub bind: IpAddr,
    pub port: u16,
    pub open: bool,
}

/// Paths of the site that a change in triggers a rebuild.
const WATCHED: &[&str] = &[
    "content",
    "themes",
    "templates",
    "seeds",
    "static",
    "i18n",
    "site.yaml",
];

/// How long to wait for a burst of saves to settle before rebuilding.
const DEBOUNCE: Duration = Duration::from_millis(60);

/// What the server and the watcher share.
struct State {
    root: PathBuf,
    out: PathBuf,
    base: BaseUrl,
    /// The last site that built, kept for incremental rebuilds.
    loaded: Mutex<Option<Loaded>>,
    /// The error of the last build, shown over every page until fixed.
    error: RwLock<Option<String>>,
}

/// The last good build: its site and theme, and what its pages were rendered from.
struct Loaded {
    site: Site,
    theme: Theme,
    prepared: Arc<Prepared>,
    /// The fingerprints of what was built, and what each plan's pages became, for an
    /// edit inside one plan to render that plan alone.
    keys: render::Keys,
    memo: render::Memo,
    /// The search indexes and open data in parts, for an edit inside one plan to
    /// write them without reading every target again.
    live: render::Live,
}

/// Runs the preview server until interrupted.
pub fn serve(root: &Path, options: ServeOptions) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            crate::say!("error: cannot start the server: {e}");
            return ExitCode::from(1);
        }
    };
    runtime.block_on(run(root.to_path_buf(), options))
}

async fn run(root: PathBuf, options: ServeOptions) -> ExitCode {
    if !options.bind.is_loopback() {
        crate::say!(
            "warning: serving on {} makes the preview reachable from other machines; \
             plansite serve binds to 127.0.0.1 unless told otherwise",
            options.bind
        );
    }
    let listener =
        match tokio::net::TcpListener::bind(SocketAddr::new(options.bind, options.port)).await {
            Ok(l) => l,
            Err(e) => {
                crate::say!(
                    "error: cannot listen on {}:{}: {e}",
                    options.bind,
                    options.port
                );
                return ExitCode::from(1);
            }
        };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            crate::say!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let base_path = site_base_path(&root);
    let host = match addr.ip() {
        IpAddr::V6(ip) => format!("[{ip}]"),
        IpAddr::V4(ip) => ip.to_string(),
    };
    let Ok(base) = BaseUrl::parse(&format!("http://{host}:{}{base_path}", addr.port())) else {
        crate::say!("error: cannot form the preview address");
        return ExitCode::from(1);
    };
    preview::remove_stale_previews(&preview::preview_dir());
    let out = preview::preview_dir().join(format!("plansite-serve-{}", std::process::id()));
    let state = Arc::new(State {
        root: root.clone(),
        out: out.clone(),
        base: base.clone(),
        loaded: Mutex::new(None),
        error: RwLock::new(None),
    });
    let livereload = LiveReloadLayer::new();
    let reloader = livereload.reloader();
    {
        let state = Arc::clone(&state);
        tokio::task::spawn_blocking(move || full_build(&state))
            .await
            .ok();
    }
    let _watcher = match watch(Arc::clone(&state), reloader) {
        Ok(w) => w,
        Err(e) => {
            crate::say!("error: cannot watch {}: {e}", root.display());
            return ExitCode::from(1);
        }
    };
    let allowed = Arc::new(guard::allowed_hosts(&host, &root));
    let app = router(Arc::clone(&state))
        .layer(livereload)
        .layer(axum::middleware::from_fn(move |req, next| {
            guard::guard(req, next, Arc::clone(&allowed))
        }));
    let url = base.as_str();
    crate::say!(
        "Serving {} at {url}\nEdits to content/, themes/, templates/, seeds/ and site.yaml reload the page. Press Ctrl+C to stop.",
        root.display()
    );
    if options.open {
        open_browser(&url);
    }
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(preview::shutdown())
        .await;
    preview::remove_preview(&out);
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            crate::say!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// The path of site.yaml's base_url, so the preview lives where the site will.
fn site_base_path(root: &Path) -> String {
    let file = root.join(crate::config::CONFIG_FILE);
    crate::yaml::SourceFile::read(&file, Path::new(crate::config::CONFIG_FILE))
        .ok()
        .and_then(|f| crate::config::Config::parse(&f).ok())
        .map_or_else(|| "/".to_string(), |c| c.base_url.path().to_string())
}

fn router(state: Arc<State>) -> Router {
    let base_path = state.base.path().to_string();
    let files = ServeDir::new(&state.out)
        .append_index_html_on_directories(true)
        .not_found_service(ServeFile::new(state.out.join("404.html")));
    let overlay_state = Arc::clone(&state);
    let site = Router::new()
        .fallback_service(files)
        .layer(axum::middleware::map_response(
            move |res: Response<Body>| {
                let state = Arc::clone(&overlay_state);
                async move { finish_response(res, &state).await }
            },
        ));
    if base_path == "/" {
        site
    } else {
        let target = base_path.clone();
        Router::new()
            .route(
                "/",
                axum::routing::get(move || async move { Redirect::temporary(&target) }),
            )
            .nest_service(base_path.trim_end_matches('/'), site)
            .fallback(|| async { StatusCode::NOT_FOUND.into_response() })
    }
}

/// Adds `charset=utf-8` to text types and, while the last build failed, the error
/// overlay to HTML pages.
async fn finish_response(res: Response<Body>, state: &State) -> Response<Body> {
    let (mut parts, body) = res.into_parts();
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let textual = content_type.starts_with("text/")
        || [
            "application/javascript",
            "application/json",
            "image/svg+xml",
            "application/xml",
            "application/atom+xml",
        ]
        .iter()
        .any(|t| content_type.starts_with(t));
    if textual
        && !content_type.contains("charset")
        && let Ok(v) = HeaderValue::from_str(&format!("{content_type}; charset=utf-8"))
    {
        parts.headers.insert(header::CONTENT_TYPE, v);
    }
    let error = state.error.read().map(|e| e.clone()).unwrap_or(None);
    let Some(error) = error.filter(|_| content_type.starts_with("text/html")) else {
        return Response::from_parts(parts, body);
    };
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024 * 1024).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let html = String::from_utf8_lossy(&bytes);
    let overlay = format!(
        "<div id=\"plansite-error\" role=\"alert\" style=\"position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;z-index:99999;\
         background:#fff4f4;color:#3d0000;border-bottom:4px solid #a40000;padding:1rem;font:14px/1.5 monospace;white-space:pre-wrap\">\
         <strong>plansite: the last edit broke the build; this is the last good version.</strong>\n\n{}</div>",
        crate::render::encode::escape(&error)
    );
    let injected = match html.rfind("</body>") {
        Some(i) => format!("{}{overlay}{}", &html[..i], &html[i..]),
        None => format!("{html}{overlay}"),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(injected))
}

fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(program).arg(url).spawn() {
        crate::say!("warning: cannot open a browser ({program}: {e}); open {url} yourself");
    }
}

/// Watches the site's sources and rebuilds on change.
fn watch(
    state: Arc<State>,
    reloader: Reloader,
) -> Result<
    notify_debouncer_full::Debouncer<
        notify_debouncer_full::notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
    String,
> {
    let handler_state = Arc::clone(&state);
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let mut paths: Vec<PathBuf> = events
            .iter()
            .filter(|e| changes_content(&e.kind))
            .flat_map(|e| e.paths.iter().cloned())
            .filter(|p| !is_editor_noise(p))
            .collect();
        paths.sort();
        paths.dedup();
        if paths.is_empty() {
            return;
        }
        let started = Instant::now();
        let changed = rebuild(&handler_state, &paths);
        if changed {
            reloader.reload();
            crate::say!("Reloaded in {} ms.", started.elapsed().as_millis());
        }
    })
    .map_err(|e| e.to_string())?;
    for name in WATCHED {
        let path = state.root.join(name);
        if path.exists() {
            let mode = if path.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            debouncer.watch(&path, mode).map_err(|e| e.to_string())?;
        }
    }
    Ok(debouncer)
}

/// Whether an event can change what a build reads. Opening and reading a file is an
/// event too (inotify reports it), and the build itself reads every source: counting
/// those would make each build trigger the next.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Swap files, backups and hidden files of editors.
fn is_editor_noise(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_none_or(|n| {
        n.starts_with('.')
            || n.ends_with('~')
            || n.ends_with(".swp")
            || n.ends_with(".swx")
            || n.starts_with("4913")
    })
}

/// Rebuilds after `paths` changed; returns true if the served site (or its error) changed.
fn rebuild(state: &State, paths: &[PathBuf]) -> bool {
    match incremental(state, paths) {
        Some(Ok(())) => {
            clear_error(state);
            true
        }
        Some(Err(diagnostics)) => {
            report(state, &diagnostics);
            true
        }
        None => match live::plan_edit(state, paths) {
            Some(Ok(warnings)) => {
                warnings.print();
                clear_error(state);
                true
            }
            Some(Err(diagnostics)) => {
                report(state, &diagnostics);
                true
            }
            None => full_build(state),
        },
    }
}

/// Builds the whole site into the serve directory; returns true when something changed.
fn full_build(state: &State) -> bool {
    let options = BuildOptions {
        base_url: Some(state.base.clone()),
        progress: false,
        clean: false,
    };
    let started = Instant::now();
    let result = pipeline::load(&state.root, &options).and_then(|(site, theme, warnings)| {
        let report = pipeline::build_loaded(&site, &theme, &state.out, &options)?;
        Ok((site, theme, warnings, report))
    });
    match result {
        Ok((site, theme, mut warnings, report)) => {
            warnings.extend(report.warnings);
            warnings.print();
            crate::say!(
                "Built {} pages in {} ms.",
                report.stats.pages,
                started.elapsed().as_millis()
            );
            let mut prepared = report.prepared;
            // Kept for edits inside one plan: what a build renders as it goes.
            if let Some(p) = Arc::get_mut(&mut prepared)
                && let Err(e) = p.keep_rows_for_edits(&site, &theme)
            {
                self::report(state, &Diagnostics::from(e));
                return true;
            }
            let live = render::Live::new(&render::RenderContext::with(
                &site,
                &theme,
                prepared.clone(),
            ));
            if let Ok(mut loaded) = state.loaded.lock() {
                *loaded = Some(Loaded {
                    site,
                    theme,
                    prepared,
                    keys: report.keys,
                    memo: report.memo,
                    live,
                });
            }
            clear_error(state);
            true
        }
        Err(diagnostics) => {
            report(state, &diagnostics);
            true
        }
    }
}

fn report(state: &State, diagnostics: &Diagnostics) {
    diagnostics.print();
    crate::say!("The build failed; still serving the last good version.");
    let text: Vec<String> = diagnostics.iter().map(|d| d.render(false)).collect();
    if let Ok(mut error) = state.error.write() {
        *error = Some(text.join("\n"));
    }
}

fn clear_error(state: &State) {
    if let Ok(mut error) = state.error.write() {
        *error = None;
    }
}

/// A commentary file and the page that shows it.
enum CommentaryFile {
    Home(Lang),
    Plan(Lang, usize),
    Target(Lang, usize, usize),
}

/// Re-renders only the pages whose commentary changed. `None` when the change needs
/// a full rebuild (any other file, a new or deleted file, a changed summary).
fn incremental(state: &State, paths: &[PathBuf]) -> Option<Result<(), Diagnostics>> {
    let mut guard = state.loaded.lock().ok()?;
    let Loaded {
        site,
        theme,
        prepared,
        ..
    } = guard.as_mut()?;
    let mut pages = Vec::new();
    for path in paths {
        let which = classify(site, &state.root, path)?;
        if !path.is_file() {
            return None;
        }
        let commentary = match content::load_commentary(&state.root, path) {
            Ok(c) => c,
            Err(d) => return Some(Err(Diagnostics::from(d))),
        };
        let (slot, page) = commentary_slot(site, &which);
        // The summary appears in lists and feeds: changing it needs a full rebuild.
        if slot.as_ref().map(|c| &c.summary) != Some(&commentary.summary) {
            return None;
        }
        *slot = Some(commentary);
        pages.push(page);
    }
    // Rows, indexes and templates do not depend on commentary bodies (a changed
    // summary took the full rebuild above): only the edited pages are rendered.
    let cx = RenderContext::with(site, theme, prepared.clone());
    let sink = MemorySink::new();
    let mut diagnostics = render::render_pages(&cx, &pages, &sink);
    diagnostics.extend(cx.broken_links(|f| sink.has(f) || state.out.join(f).is_file()));
    if diagnostics.has_errors() {
        return Some(Err(diagnostics));
    }
    for (path, bytes) in sink.into_files() {
        if let Err(e) = replace_file(&state.out, &path, &bytes) {
            let d = crate::diagnostics::Diagnostic::error(path, format!("cannot write: {e}"));
            return Some(Err(Diagnostics::from(d)));
        }
    }
    Some(Ok(()))
}

fn classify(site: &Site, root: &Path, path: &Path) -> Option<CommentaryFile> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
    let lang_of = |name: &str, stem: &str| {
        name.strip_prefix(stem)
            .and_then(|r| r.strip_prefix('.'))
            .and_then(|r| r.strip_suffix(".md"))
            .and_then(Lang::from_code)
    };
    match parts.as_slice() {
        ["content", name] => lang_of(name, "index").map(CommentaryFile::Home),
        ["content", "plans", plan, name] => {
            let p = site.plans.position(plan)?;
            lang_of(name, "index").map(|l| CommentaryFile::Plan(l, p))
        }
        ["content", "plans", plan, "targets", name] => {
            let p = site.plans.position(plan)?;
            let (stem, _) = name.strip_suffix(".md")?.rsplit_once('.')?;
            let t = site
                .plans
                .iter()
                .nth(p)?
                .targets
                .iter()
                .position(|t| t.id.as_str() == stem)?;
            lang_of(name, stem).map(|l| CommentaryFile::Target(l, p, t))
        }
        _ => None,
    }
}

fn commentary_slot<'a>(
    site: &'a mut Site,
    which: &CommentaryFile,
) -> (&'a mut Option<content::Commentary>, Page) {
    let slot = |pair: &'a mut crate::lang::Localized<Option<content::Commentary>>, lang: Lang| {
        match lang {
            Lang::Zh => &mut pair.zh,
            Lang::En => &mut pair.en,
        }
    };
    match *which {
        CommentaryFile::Home(lang) => (slot(&mut site.home, lang), Page::Home(lang)),
        CommentaryFile::Plan(lang, p) => {
            let plan = site.plans.get_mut_at(p);
            (slot(&mut plan.commentary, lang), Page::Plan(lang, p))
        }
        CommentaryFile::Target(lang, p, t) => {
            let plan = site.plans.get_mut_at(p);
            (
                slot(&mut plan.targets[t].commentary, lang),
                Page::Target(lang, p, t),
            )
        }
    }
}

/// Writes one file of the served site and renames it into place, so a request never
/// sees it half written.
fn replace_file(out: &Path, path: &str, bytes: &[u8]) -> std::io::Result<()> {
    check_site_path(path)?;
    let full = out.join(path);
    // A target added by the edit has a folder no build has made yet.
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let tmp = full.with_extension("plansite-tmp");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, &full)
}
