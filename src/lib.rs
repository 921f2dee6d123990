//! plansite: a static site generator for government development plans.
//!
//! Data flows one way: [`config`] and [`content`] read and check the site,
//! [`derive`] builds the indexes every view needs, [`render`] turns them into pages,
//! charts and data files, and [`output`] writes the result atomically. [`check`],
//! [`serve`] and [`cli`] sit beside that pipeline and reuse it.

// A `Diagnostic` carries its file, span, snippet text and advice; it is only built on
// the error path, so returning it by value costs nothing that matters.
#![allow(clippy::result_large_err)]

/// Writes a line to standard error, and carries on if it cannot: a closed or full
/// stderr is no reason for a build to panic (exit 101) instead of exiting 0 or 1.
/// Colours are stripped where the terminal does not take them (anstream).
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(anstream::stderr(), $($arg)*);
    }};
}

pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod derive;
pub mod diagnostics;
pub mod extract;
pub mod lang;
pub mod numfmt;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod scaffold;
pub mod schema;
#[cfg(feature = "serve")]
pub mod serve;
pub mod sheet;
pub mod timings;
pub mod vocab;
pub mod yaml;
