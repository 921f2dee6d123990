//! Where the preview lives and how it ends: a directory per `serve` process in shared
//! memory where the system has it, removed when the preview stops, and removed by the
//! next preview if its process was killed first.

use std::path::{Path, PathBuf};

/// Resolves when the preview is asked to stop: Ctrl+C, or (on Unix) the `SIGTERM` a
/// process manager or test harness sends, so the preview's directory is removed.
pub async fn shutdown() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// Removes the previews (with their memo and lock files) that earlier `serve`
/// processes left behind when they were killed before they could: on a machine's
/// shared memory they would pile up (a preview of 10,000 targets is 700 MB).
/// Only previews of processes that no longer run are removed, where the system tells
/// (`/proc`); elsewhere nothing is.
pub fn remove_stale_previews(dir: &Path) {
    let proc_fs = Path::new("/proc/self");
    if !proc_fs.exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(pid) = name
            .strip_prefix("plansite-serve-")
            .filter(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        if Path::new("/proc").join(pid).exists() {
            continue;
        }
        remove_preview(&dir.join(name));
    }
}

/// Removes a preview directory and the memo and lock files the build keeps beside it.
pub fn remove_preview(preview: &Path) {
    // Not a link: only a directory this program made is removed.
    if std::fs::symlink_metadata(preview).is_ok_and(|m| m.is_dir()) {
        let _ = std::fs::remove_dir_all(preview);
    }
    let (Some(dir), Some(name)) = (preview.parent(), preview.file_name()) else {
        return;
    };
    for sibling in ["plansite-memo.json", "plansite-lock"] {
        let _ = std::fs::remove_file(dir.join(format!(".{}.{sibling}", name.to_string_lossy())));
    }
}

/// Where the preview is built: memory-backed `/dev/shm` where the system has it,
/// since a rebuild writes every page and a disk-backed temporary directory makes
/// each one wait on the file system (on our machines 3× slower for the bundled
/// site); the system's temporary directory otherwise.
pub fn preview_dir() -> PathBuf {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() && is_writable(shm) {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}

/// Whether a directory can be written to: creating and removing a file there works.
fn is_writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".plansite-probe-{}", std::process::id()));
    let ok = std::fs::write(&probe, b"").is_ok();
    let _ = std::fs::remove_file(&probe);
    ok
}
