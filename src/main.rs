use std::process::ExitCode;

// A build allocates many small strings on every core; mimalloc's per-thread heaps
// make that noticeably cheaper than the system allocator. Its version 2 without
// transparent huge pages (Cargo.toml) measured both faster and about 60 MB smaller
// at its peak than version 3 on the 10,000-target benchmark site.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;

fn main() -> ExitCode {
    plansite::cli::run(plansite::cli::Cli::parse())
}
