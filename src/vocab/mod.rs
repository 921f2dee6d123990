//! The shared vocabulary of the crate: identifiers, dates, and the short forms of
//! government bodies' names (which search and `extract` both read).
//!
//! A leaf: it depends on nothing else in the crate, so the site configuration, the
//! content model and every later stage can speak of ids and dates without depending on
//! each other.

pub mod abbreviations;
pub mod date;
pub mod id;

pub use date::{Date, YEAR_RANGE, Year};
pub use id::Id;
