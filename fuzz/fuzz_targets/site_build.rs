//! Any bytes as the starter site's plan.yaml, through the whole pipeline: load,
//! validate, render every page and chart into memory. Never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plansite::pipeline::{BuildOptions, build_in_memory};

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    plansite::scaffold::create(dir.path()).unwrap();
    std::fs::write(dir.path().join("content/plans/example-2025/plan.yaml"), data).unwrap();
    let _ = build_in_memory(dir.path(), &BuildOptions::default());
});
