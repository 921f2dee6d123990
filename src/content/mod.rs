//! The site's content: loading files, the typed model, and validation.
//!
//! Data flows one way: `load` reads files into the `raw` structs, `validate` checks
//! them into the `model`, and nothing after this module reads a content file again.

mod commentary;
mod load;
pub mod model;
pub mod raw;
mod reload;
pub mod unit;
mod validate;
pub mod value;
pub mod wording;

pub use crate::vocab::Id;
pub use crate::vocab::id;
pub use load::{Loaded, load, load_commentary, load_registries};
pub use model::*;
pub use reload::reload_plan;
pub use validate::Registries;
pub use value::*;
pub use wording::*;
