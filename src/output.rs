//! Writing the built site: the only module that writes output files.
//!
//! A build writes into a staging directory beside the output and swaps it in only
//! when every file is written. A build that fails, or is killed half way, leaves the
//! previous site untouched, byte for byte; at worst a stale staging directory remains,
//! which the next build removes.
//!
//! Rendering writes through the [`Sink`] trait, so `check` and the tests can render a
//! whole site into memory with [`MemorySink`] instead.

use std::collections::{BTreeMap, HashSet};
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// The file that marks a directory as plansite output, so a build never replaces a
/// directory it did not write (a mistyped `--output ~` must not delete a home).
pub const MARKER: &str = ".plansite-output";

/// Where rendered files go.
pub trait Sink: Sync {
    /// Writes `bytes` at the site path `path` (`zh/index.html`).
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()>;

    /// Whether a file was written at the site path `path`, for checking the links
    /// that commentary makes to other files once every file is written.
    fn has(&self, path: &str) -> bool;

    /// Whether the previous output still holds the file at `path` as the last build
    /// wrote it (`stamp`), so [`Sink::keep`] can carry it over.
    fn can_keep(&self, _path: &str, _stamp: Option<Stamp>) -> bool {
        false
    }

    /// Carries the previous output's file at `path` into this one unchanged (an
    /// incremental build's pages that did not change). Returns false when there is
    /// no such file to carry, and the page must be rendered.
    fn keep(&self, _path: &str, _stamp: Option<Stamp>) -> io::Result<bool> {
        Ok(false)
    }

    /// How the file just written at `path` looks on disk, for the next build to know
    /// it again ([`Stamp`]); `None` for sinks that keep no files.
    fn stamp(&self, _path: &str) -> Option<Stamp> {
        None
    }

    /// Writes like [`Sink::write`] and tells the written file's [`Stamp`]. A sink that
    /// writes files takes it from the file it has open, not by its path again: a
    /// build stamps every file it writes, tens of thousands of them.
    fn write_stamped(&self, path: &str, bytes: &[u8]) -> io::Result<Option<Stamp>> {
        self.write(path, bytes)?;
        Ok(self.stamp(path))
    }
}

/// Size, modification time and inode of a written file.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Stamp {
    pub len: u64,
    pub modified_ns: u64,
    pub inode: u64,
}

impl Stamp {
    /// The stamp of the file at `path`, if it is a plain file.
    pub fn of(path: &std::path::Path) -> Option<Stamp> {
        Stamp::from_metadata(&std::fs::symlink_metadata(path).ok()?)
    }

    /// The stamp of a plain file from its metadata.
    fn from_metadata(m: &std::fs::Metadata) -> Option<Stamp> {
        if !m.file_type().is_file() {
            return None;
        }
        let modified = m
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        Some(Stamp {
            len: m.len(),
            modified_ns: u64::try_from(modified.as_nanos()).ok()?,
            inode: inode(m),
        })
    }
}

#[cfg(unix)]
fn inode(m: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(m)
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> u64 {
    0
}

/// Checks that `path` is a plain relative path that stays inside the output.
pub fn check_site_path(path: &str) -> io::Result<()> {
    let p = Path::new(path);
    let plain = !path.is_empty()
        && !path.contains('\\')
        && p.components().all(|c| matches!(c, Component::Normal(_)));
    if plain {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to write outside the output directory: {path:?}"),
        ))
    }
}

/// Collects the site in memory.
#[derive(Default)]
pub struct MemorySink {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    pub fn new() -> MemorySink {
        MemorySink::default()
    }

    /// The files written, by site path.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for MemorySink {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        check_site_path(path)?;
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        if files.insert(path.to_string(), bytes.to_vec()).is_some() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("two pages were written to {path}"),
            ));
        }
        Ok(())
    }

    fn has(&self, path: &str) -> bool {
        let files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.contains_key(path)
    }
}

/// Writes the build's memo into the file beside the output, as it serializes: the
/// memo of 100,000 targets is tens of megabytes, which need not be held at once.
pub type MemoWriter<'a> = Box<dyn FnOnce(&mut dyn io::Write) -> io::Result<()> + 'a>;

/// A site being written next to its final place.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// The output's lock, held from the start of the build to its swap: two builds
    /// into one output would share one staging directory and leave a site that
    /// matches neither.
    lock: Option<std::fs::File>,
    /// Site paths of the directories already made, so each file is written with one
    /// open: a large site writes tens of thousands of files into as many new
    /// directories.
    made: Mutex<HashSet<String>>,
    /// Whether a file whose bytes the previous output already holds is linked from it
    /// instead of written, keeping its modification time (see [`Staging::write`]).
    keep_unchanged: bool,
    /// How many files were kept so, and how many written.
    kept: std::sync::atomic::AtomicUsize,
    written: std::sync::atomic::AtomicUsize,
}

impl Staging {
    /// Prepares to build into `target`. Fails if `target` exists, is not empty and was
    /// not written by plansite. With `keep_unchanged`, files whose bytes are the same as
    /// in the previous output keep that file (its inode and modification time).
    pub fn begin(target: &Path, keep_unchanged: bool) -> io::Result<Staging> {
        let lock = lock_output(target)?;
        if target.exists() && !is_replaceable(target)? {
            return Err(io::Error::other(format!(
                "{} exists and was not written by plansite; remove it or choose another --output",
                target.display()
            )));
        }
        let dir = staging_path(target);
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Staging {
            made: Mutex::new(HashSet::new()),
            dir,
            target: target.to_path_buf(),
            lock: Some(lock),
            // With no previous output there is nothing to keep, and no file to look for
            // before each write.
            keep_unchanged: keep_unchanged && target.is_dir(),
            kept: std::sync::atomic::AtomicUsize::new(0),
            written: std::sync::atomic::AtomicUsize::new(0),
        })
    }

    /// How many files were kept from the previous output unchanged, and how many were
    /// written.
    pub fn counts(&self) -> (usize, usize) {
        use std::sync::atomic::Ordering::Relaxed;
        (self.kept.load(Relaxed), self.written.load(Relaxed))
    }

    /// The directory being written.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Swaps the finished site in place of the previous one, and leaves `memo` (what
    /// the next build needs to know of this one) beside it. The old memo goes first:
    /// a build killed half way leaves none, and the next build renders everything.
    pub fn commit(mut self, memo: Option<MemoWriter<'_>>) -> io::Result<()> {
        self.write(
            MARKER,
            b"This directory was written by plansite; the next build replaces it whole.\n",
        )?;
        let memo_path = memo_path(&self.target);
        match std::fs::remove_file(&memo_path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        if self.target.exists() {
            swap(&self.dir, &self.target)?;
            // `self.dir` now holds the previous site.
            std::fs::remove_dir_all(&self.dir)?;
        } else {
            if let Some(parent) = self.target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::rename(&self.dir, &self.target)?;
        }
        if let Some(write_memo) = memo {
            let tmp = memo_path.with_extension("tmp");
            let mut file = io::BufWriter::new(std::fs::File::create(&tmp)?);
            write_memo(&mut file)?;
            io::Write::flush(&mut file)?;
            drop(file);
            std::fs::rename(&tmp, &memo_path)?;
        }
        // The swap is done: the next build may start.
        drop(self.lock.take());
        std::mem::forget(self);
        Ok(())
    }
}

/// The previous build's memo for `target`, if there is one to read.
pub fn read_memo(target: &Path) -> Option<Vec<u8>> {
    std::fs::read(memo_path(target)).ok()
}

/// Where the memo of the build in `target` lives: a hidden sibling, outside the
/// output, so it is never published.
fn memo_path(target: &Path) -> PathBuf {
    sibling(target, "plansite-memo.json")
}

/// `.<name>.<suffix>` beside `target`.
fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    target
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(format!(".{name}.{suffix}"))
}

impl Drop for Staging {
    /// An abandoned build removes its staging directory; the output is untouched.
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.write_stamped(path, bytes).map(|_| ())
    }

    /// Writes the file into the staging directory. When the previous output holds the
    /// same bytes at the same path, the new site gets a hard link to that file instead:
    /// the swap still replaces the whole output at once, but an unchanged file keeps its
    /// modification time and inode, so rsync and upload tools send only what changed.
    /// Anything unusual (no such file, a link, another size, a filesystem without hard
    /// links) writes the file as usual.
    fn write_stamped(&self, path: &str, bytes: &[u8]) -> io::Result<Option<Stamp>> {
        check_site_path(path)?;
        let full = self.dir.join(path);
        if let Some((dir, _)) = path.rsplit_once('/') {
            self.make_dir(dir)?;
        }
        if self.keep_unchanged {
            let previous = self.target.join(path);
            if holds(&previous, bytes) && std::fs::hard_link(&previous, &full).is_ok() {
                self.kept.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                return Ok(Stamp::of(&full));
            }
        }
        self.written
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        // A new file, never an open of one already there: a file carried over is a hard
        // link to the previous output's, and writing through it would change the
        // previous site before the swap.
        let mut file = match std::fs::File::create_new(&full) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                std::fs::remove_file(&full)?;
                std::fs::File::create_new(&full)?
            }
            Err(e) => return Err(e),
        };
        io::Write::write_all(&mut file, bytes)?;
        Ok(file.metadata().ok().as_ref().and_then(Stamp::from_metadata))
    }

    fn has(&self, path: &str) -> bool {
        check_site_path(path).is_ok() && self.dir.join(path).is_file()
    }

    /// Links the previous output's file into the new one, if it is still the file the
    /// last build wrote (`stamp`: size, time and inode), so a file changed by hand
    /// since is rendered again rather than trusted.
    fn can_keep(&self, path: &str, stamp: Option<Stamp>) -> bool {
        self.keep_unchanged
            && stamp.is_some()
            && check_site_path(path).is_ok()
            && Stamp::of(&self.target.join(path)) == stamp
    }

    fn keep(&self, path: &str, stamp: Option<Stamp>) -> io::Result<bool> {
        if !self.can_keep(path, stamp) {
            return Ok(false);
        }
        let previous = self.target.join(path);
        let full = self.dir.join(path);
        if let Some((dir, _)) = path.rsplit_once('/') {
            self.make_dir(dir)?;
        }
        if std::fs::hard_link(&previous, &full).is_err() {
            return Ok(false);
        }
        self.kept.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(true)
    }

    /// The stamp the file will have once swapped in: the swap renames directories,
    /// which keeps every file's inode and time.
    fn stamp(&self, path: &str) -> Option<Stamp> {
        Stamp::of(&self.dir.join(path))
    }
}

impl Staging {
    /// Makes the site directory `dir` (`zh/plans/p1`) and its parents inside the
    /// staging directory, once. Directories are known by their site paths, which hash
    /// as plain strings (a `PathBuf` hashes component by component).
    fn make_dir(&self, dir: &str) -> io::Result<()> {
        let made = |dir: &str| {
            self.made
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .contains(dir)
        };
        if made(dir) {
            return Ok(());
        }
        std::fs::create_dir_all(self.dir.join(dir))?;
        let mut all = self.made.lock().unwrap_or_else(|e| e.into_inner());
        let mut d = dir;
        loop {
            all.insert(d.to_string());
            match d.rsplit_once('/') {
                Some((parent, _)) => d = parent,
                None => break,
            }
        }
        Ok(())
    }
}

/// Whether `path` is a plain file (not a link) holding exactly `bytes`. The size is
/// compared first, so a changed file is rarely read; a file of the same size is read
/// piece by piece through one small buffer and left at the first difference, since
/// reading a listing page of megabytes whole would fault in as much fresh memory, and
/// `serve` compares every page an edit renders.
pub fn holds(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read;
    let plain = std::fs::symlink_metadata(path)
        .is_ok_and(|m| m.file_type().is_file() && m.len() == bytes.len() as u64);
    let Some(mut file) = plain.then(|| std::fs::File::open(path).ok()).flatten() else {
        return false;
    };
    let mut buffer = vec![0; bytes.len().clamp(1, 64 * 1024)];
    let mut rest = bytes;
    loop {
        match file.read(&mut buffer) {
            Ok(0) => return rest.is_empty(),
            Ok(n) => match (buffer.get(..n), rest.split_at_checked(n)) {
                (Some(read), Some((expected, after))) if read == expected => rest = after,
                _ => return false,
            },
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

/// Takes the lock of `target` (a hidden file beside it), or fails at once with a
/// message if another build holds it.
fn lock_output(target: &Path) -> io::Result<std::fs::File> {
    let parent = target.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(parent)?;
    let path = sibling(target, "plansite-lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(io::Error::other(format!(
            "another plansite build is writing {}; wait for it to finish, or build into another --output",
            target.display()
        ))),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

/// The staging directory for `target`: a hidden sibling, on the same file system, so
/// the final swap is a rename.
pub fn staging_path(target: &Path) -> PathBuf {
    sibling(target, "plansite-staging")
}

fn is_replaceable(target: &Path) -> io::Result<bool> {
    if !target.is_dir() {
        return Ok(false);
    }
    if target.join(MARKER).is_file() {
        return Ok(true);
    }
    Ok(std::fs::read_dir(target)?.next().is_none())
}

/// Exchanges two directories atomically where the system allows it
/// (`renameat2(RENAME_EXCHANGE)`, through rustix's safe wrapper).
#[cfg(target_os = "linux")]
fn swap(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        // Some file systems do not support the exchange: fall back to two renames.
        Err(Errno::INVAL) | Err(Errno::NOSYS) => swap_by_renames(a, b),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn swap(a: &Path, b: &Path) -> io::Result<()> {
    swap_by_renames(a, b)
}

fn swap_by_renames(a: &Path, b: &Path) -> io::Result<()> {
    let parked = a.with_extension("plansite-old");
    if parked.exists() {
        std::fs::remove_dir_all(&parked)?;
    }
    std::fs::rename(b, &parked)?;
    std::fs::rename(a, b)?;
    std::fs::rename(&parked, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_paths_cannot_escape() {
        assert!(check_site_path("zh/index.html").is_ok());
        for bad in ["", "../x", "/etc/passwd", "zh/../../x", "a\\b", "./a"] {
            assert!(check_site_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn commit_replaces_previous_output_and_abandon_keeps_it() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let s = Staging::begin(&out, true).unwrap();
        s.write("a/index.html", b"one").unwrap();
        s.commit(None).unwrap();
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"one");

        let s = Staging::begin(&out, true).unwrap();
        s.write("a/index.html", b"two").unwrap();
        drop(s); // a failed build
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"one");
        assert!(!staging_path(&out).exists());

        let s = Staging::begin(&out, true).unwrap();
        s.write("b/index.html", b"three").unwrap();
        s.commit(None).unwrap();
        assert!(!out.join("a/index.html").exists());
        assert_eq!(std::fs::read(out.join("b/index.html")).unwrap(), b"three");
    }

    #[test]
    fn a_second_build_into_the_same_output_is_refused_while_the_first_runs() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let first = Staging::begin(&out, true).unwrap();
        let err = Staging::begin(&out, true)
            .err()
            .expect("the output is locked");
        assert!(err.to_string().contains("another plansite build"), "{err}");
        first.write("zh/index.html", b"first").unwrap();
        first.commit(None).unwrap();
        // Committed: the lock is free again.
        let second = Staging::begin(&out, true).unwrap();
        drop(second);
        assert_eq!(std::fs::read(out.join("zh/index.html")).unwrap(), b"first");
        // An abandoned build frees it too.
        assert!(Staging::begin(&out, true).is_ok());
    }

    #[test]
    fn refuses_to_replace_a_foreign_directory() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("precious.txt"), b"x").unwrap();
        assert!(Staging::begin(tmp.path(), true).is_err());
        assert!(tmp.path().join("precious.txt").exists());
    }

    #[test]
    fn memory_sink_rejects_a_second_write_to_one_path() {
        let m = MemorySink::new();
        m.write("a.html", b"1").unwrap();
        assert!(m.write("a.html", b"2").is_err());
    }
}
