use std::process::ExitCode;

// A build allocates many small strings on every core; mimalloc's per-thread heaps
// make that noticeably cheaper than the system allocator (see the README's figures).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;

fn main() -> ExitCode {
    plansite::cli::run(plansite::cli::Cli::parse())
}
