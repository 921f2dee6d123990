//! A small real site for the render modules' unit tests: the `plansite new` starter,
//! loaded and indexed.

use crate::content::{Date, Site};
use crate::derive::Index;

/// The starter site and its indexes. The directory lives as long as the site, for
/// tests that read files beside it.
pub struct Starter {
    pub site: Site,
    pub index: Index,
    _dir: tempfile::TempDir,
}

impl Starter {
    /// The theme the starter site names.
    pub fn theme(&self) -> crate::render::theme::Theme {
        crate::render::theme::Theme::load(&self.site.root, &self.site.config.theme)
            .expect("the starter's theme loads")
    }
}

/// The starter site, with plan statuses as of 1 June 2024 so no test depends on the
/// clock.
pub fn starter() -> Starter {
    let dir = tempfile::tempdir().expect("a temporary directory");
    crate::scaffold::create(dir.path()).expect("the starter site is written");
    let site = crate::content::load(dir.path())
        .site
        .expect("the starter site loads");
    let as_of = Date::parse("2024-06-01").expect("a valid date");
    let index = Index::build(&site, as_of);
    Starter {
        site,
        index,
        _dir: dir,
    }
}
