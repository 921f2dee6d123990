use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    plansite::cli::run(plansite::cli::Cli::parse())
}
