//! Integration tests: the real `plansite` binary on fixture sites in temporary
//! directories. One binary, one module per feature (mdBook's testsuite layout).

mod all_targets;
mod bad_inputs;
mod build;
mod bundled;
mod bundled_search;
mod chart_kinds;
mod charts;
mod docs;
mod errors;
mod extract;
mod hostile;
mod incremental;
mod props;
mod record;
mod schema;
mod serve;
mod serve_edits;
mod sheet;
mod teaching;
mod util;
