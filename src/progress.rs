//! A progress bar for long builds in a terminal.
//!
//! Rendering writes every file through a [`Sink`]; [`ProgressSink`] passes each write
//! on and counts the pages, so the pipeline needs no hooks. The bar appears only once
//! rendering has run for a second (after loading and preparing, which are quick),
//! and only when standard error is a terminal: short builds, pipes and CI logs stay
//! quiet.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::output::Sink;

/// How long a build runs before its progress is shown.
const SHOW_AFTER: Duration = Duration::from_secs(1);

/// A sink that counts the pages written into another.
pub struct ProgressSink<'a> {
    inner: &'a dyn Sink,
    bar: ProgressBar,
    started: Instant,
    shown: AtomicBool,
}

impl<'a> ProgressSink<'a> {
    /// Counts `pages` pages written into `inner`; shows a bar only if `enabled` and
    /// standard error is a terminal.
    pub fn new(inner: &'a dyn Sink, pages: usize, enabled: bool) -> ProgressSink<'a> {
        let bar = ProgressBar::with_draw_target(Some(pages as u64), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} pages, {eta} left") {
            bar.set_style(style);
        }
        ProgressSink {
            inner,
            bar,
            started: Instant::now(),
            // A bar that may never be shown counts as shown already.
            shown: AtomicBool::new(!(enabled && std::io::stderr().is_terminal())),
        }
    }

    /// Clears the bar, if it was shown.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl ProgressSink<'_> {
    /// Counts a page written.
    fn written(&self, path: &str) {
        if path.ends_with(".html") {
            self.bar.inc(1);
            if self.started.elapsed() > SHOW_AFTER && !self.shown.swap(true, Ordering::Relaxed) {
                self.bar.set_draw_target(ProgressDrawTarget::stderr());
            }
        }
    }
}

impl Sink for ProgressSink<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.write_stamped(path, bytes).map(|_| ())
    }

    fn write_stamped(
        &self,
        path: &str,
        bytes: &[u8],
    ) -> std::io::Result<Option<crate::output::Stamp>> {
        let stamp = self.inner.write_stamped(path, bytes)?;
        self.written(path);
        Ok(stamp)
    }

    fn has(&self, path: &str) -> bool {
        self.inner.has(path)
    }

    fn can_keep(&self, path: &str, stamp: Option<crate::output::Stamp>) -> bool {
        self.inner.can_keep(path, stamp)
    }

    fn keep(&self, path: &str, stamp: Option<crate::output::Stamp>) -> std::io::Result<bool> {
        let kept = self.inner.keep(path, stamp)?;
        if kept && path.ends_with(".html") {
            self.bar.inc(1);
        }
        Ok(kept)
    }

    fn stamp(&self, path: &str) -> Option<crate::output::Stamp> {
        self.inner.stamp(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::MemorySink;

    #[test]
    fn every_write_reaches_the_inner_sink_and_pages_are_counted() {
        let inner = MemorySink::new();
        let sink = ProgressSink::new(&inner, 2, false);
        sink.write("zh/index.html", b"a").unwrap();
        sink.write("zh/chart.svg", b"b").unwrap();
        sink.write("en/index.html", b"c").unwrap();
        assert_eq!(sink.bar.position(), 2);
        sink.finish();
        assert_eq!(inner.into_files().len(), 3);
    }
}
