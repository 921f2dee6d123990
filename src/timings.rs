//! Stage timings for profiling: with `PLANSITE_TIMINGS` set, each stage of a build
//! prints how long it took and the memory the process holds. Peak RSS is one of the
//! benchmark's figures; this shows which stage reaches it, without a special build.

use std::time::Instant;

/// With `PLANSITE_TIMINGS` set, prints how long a build stage took and the memory
/// the process holds at its end (a profiling aid: peak RSS is one of the benchmark's
/// figures, and this shows which stage reaches it).
pub fn trace(stage: &str, since: Instant) {
    if std::env::var_os("PLANSITE_TIMINGS").is_some() {
        let rss = resident_mb().map_or(String::new(), |mb| format!(", resident {mb} MB"));
        crate::say!("{stage}: {} ms{rss}", since.elapsed().as_millis());
    }
}

/// The resident set size of this process in MB, where the system tells it.
fn resident_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}
