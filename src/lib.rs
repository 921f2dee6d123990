//! plansite: a static site generator for government development plans.
//!
//! Data flows one way: [`config`] and [`content`] read and check the site,
//! [`derive`] builds the indexes every view needs, [`render`] turns them into pages,
//! charts and data files, and [`output`] writes the result atomically. [`check`],
//! [`serve`] and [`cli`] sit beside that pipeline and reuse it.

pub mod config;
pub mod content;
pub mod diagnostics;
pub mod lang;
pub mod yaml;
