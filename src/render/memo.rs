//! What an incremental build remembers of the previous one: which inputs each plan's
//! pages were rendered from, and which files they became.
//!
//! The dependency map is coarse on purpose, so it cannot miss an input:
//! - A plan's own pages (the plan page, its target pages, their charts) are a function
//!   of the plan itself and of the site's *global* inputs: configuration, registries,
//!   source records, theme (templates, strings, static files), status date and the
//!   plansite version. [`Keys`] fingerprints both; a plan whose fingerprints match
//!   keeps its files from the previous output instead of being rendered.
//! - Commentary links are the one way a plan's page reads the rest of the site: the
//!   memo keeps which `@/` pages the plan asked about (and the answers) and which files
//!   its links need, and rechecks them on every build.
//! - Every other page (home, lists, registries' pages, progress, search) and every
//!   data file shows targets of many plans: they are always rendered, and only the
//!   files whose bytes changed are written.
//!
//! Fingerprints are SipHash-1-3 with 128 bits of the model's `Debug` form: every field
//! of the model is in it (the derives cover them all), and a stable, documented hash
//! means a memo written by one build is read the same way by the next.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::hash::Hasher as _;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use siphasher::sip128::{Hasher128, SipHasher13};

use super::theme::Theme;
use crate::content::{Plan, Site};
use crate::output::Stamp;

/// A 128-bit fingerprint, written as hex in the memo file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key(#[serde(with = "hex128")] u128);

/// The fingerprints of one build's inputs.
#[derive(Debug, Clone)]
pub struct Keys {
    pub global: Key,
    /// By plan position.
    pub plans: Vec<Key>,
}

impl Keys {
    /// Fingerprints every input of `site` and `theme`.
    pub fn of(site: &Site, theme: &Theme) -> Keys {
        let plans: Vec<&Plan> = site.plans.iter().collect();
        Keys {
            global: global_key(site, theme),
            plans: plans.par_iter().map(|p| plan_key(p)).collect(),
        }
    }

    /// The keys after plan `p` alone changed: the others are kept.
    pub fn with_plan(&self, site: &Site, p: usize) -> Keys {
        let mut keys = self.clone();
        if let Some(slot) = keys.plans.get_mut(p) {
            *slot = plan_key(crate::render::page_list::plan_at(site, p));
        }
        keys
    }
}

/// What the previous build rendered: its global key and, per plan id, what the plan's
/// pages were rendered from and which files they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Memo {
    /// The plansite version and memo format: a memo of another version is ignored.
    pub version: String,
    pub global: Option<Key>,
    pub plans: BTreeMap<String, PlanMemo>,
    /// Files of the pages and data that are always rendered.
    pub shared_files: Vec<String>,
}

/// One plan's pages in the previous build.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanMemo {
    pub key: Key,
    /// Every file the plan's pages wrote, with what it looked like on disk when
    /// written (so a file changed or replaced since is noticed).
    pub files: Vec<Kept>,
    /// Files of the site the plan's commentary links to.
    pub needs: Vec<String>,
    /// `@/` pages the plan's commentary named, and whether they existed.
    pub asked: Vec<(String, bool)>,
    /// The links of each target's pages, by target id (targets without any are left
    /// out): an edit of the plan that leaves a target's pages as they were keeps them
    /// only while what they link to still answers the same.
    pub targets: BTreeMap<String, TargetLinks>,
}

/// What one target's pages (both languages) link to: [`PlanMemo::needs`] and
/// [`PlanMemo::asked`] of those pages alone; and whether they had problems.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TargetLinks {
    pub needs: Vec<String>,
    pub asked: Vec<(String, bool)>,
    /// Whether its pages had problems (warnings): such a target is rendered again by
    /// every edit, so its warnings are reported as a build reports them.
    pub problems: bool,
}

/// A file, and how it looked when written.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Kept {
    pub path: String,
    pub stamp: Option<Stamp>,
}

/// The version a memo must carry to be used: plansite's version and the fingerprint
/// of the sources it was built from (see `build.rs`).
pub fn memo_version() -> String {
    format!(
        "plansite {} ({}) memo 1",
        env!("CARGO_PKG_VERSION"),
        env!("PLANSITE_SOURCE_HASH")
    )
}

impl Memo {
    /// The memo of a plan whose pages may be kept: same version, same global inputs,
    /// same plan inputs, and every `@/` page it asked about still answers the same.
    pub fn reusable(
        &self,
        keys: &Keys,
        plan: &Plan,
        position: usize,
        page_exists: impl Fn(&str) -> bool,
    ) -> Option<&PlanMemo> {
        if self.version != memo_version() || self.global != Some(keys.global) {
            return None;
        }
        let m = self.plans.get(plan.id.as_str())?;
        let same = keys.plans.get(position) == Some(&m.key)
            && m.asked.iter().all(|(p, was)| page_exists(p) == *was);
        same.then_some(m)
    }

    /// Every file the memo lists.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.plans
            .values()
            .flat_map(|m| m.files.iter().map(|k| k.path.as_str()))
            .chain(self.shared_files.iter().map(String::as_str))
    }
}

/// The fingerprint of everything a plan's pages read besides the plan.
fn global_key(site: &Site, theme: &Theme) -> Key {
    let mut h = Fingerprint::new();
    let _ = write!(h, "{}", memo_version());
    let _ = write!(h, "{:?}", site.config);
    let _ = write!(
        h,
        "{:?}{:?}{:?}{:?}{:?}",
        site.chains, site.topics, site.regions, site.units, site.records
    );
    let _ = write!(
        h,
        "{:?}",
        crate::derive::status_date(site.config.as_of).to_string()
    );
    let _ = write!(h, "{:?}{:?}", theme.templates, theme.strings);
    for (path, bytes) in &theme.static_files {
        let _ = write!(h, "{path:?}{}", bytes.len());
        h.bytes(bytes);
    }
    h.finish()
}

/// The fingerprint of a plan: its whole model, commentary included.
/// The fingerprint of one target, to tell which targets an edit of a plan changed.
pub fn target_key(target: &crate::content::Target) -> Key {
    let mut h = Fingerprint::new();
    let _ = write!(h, "{target:?}");
    h.finish()
}

/// The fingerprint of what a plan's target pages show of the plan itself: everything
/// but its targets. (Destructured, so a field added to [`Plan`] is not missed.)
pub fn plan_shell_key(plan: &Plan) -> Key {
    let Plan {
        id,
        title,
        short_title,
        issuer,
        region,
        record,
        horizon,
        targets: _,
        commentary,
    } = plan;
    let mut h = Fingerprint::new();
    let _ = write!(
        h,
        "{id:?}{title:?}{short_title:?}{issuer:?}{region:?}{record:?}{horizon:?}{commentary:?}"
    );
    h.finish()
}

fn plan_key(plan: &Plan) -> Key {
    let mut h = Fingerprint::new();
    let _ = write!(h, "{plan:?}");
    h.finish()
}

/// Feeds formatted text into the hash in large pieces: `Debug` writes many tiny
/// strings, and hashing each as it comes took ten times as long (1 s against 0.1 s
/// for 10,000 targets).
struct Fingerprint {
    hasher: SipHasher13,
    buffer: String,
}

impl Fingerprint {
    fn new() -> Fingerprint {
        Fingerprint {
            hasher: SipHasher13::new(),
            buffer: String::with_capacity(BUFFER),
        }
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.flush();
        self.hasher.write(bytes);
    }

    fn flush(&mut self) {
        self.hasher.write(self.buffer.as_bytes());
        self.buffer.clear();
    }

    fn finish(mut self) -> Key {
        self.flush();
        Key(self.hasher.finish128().as_u128())
    }
}

const BUFFER: usize = 64 * 1024;

impl std::fmt::Write for Fingerprint {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.buffer.push_str(s);
        if self.buffer.len() >= BUFFER {
            self.flush();
        }
        Ok(())
    }
}

/// `u128` as 32 hex digits (JSON numbers cannot hold it).
mod hex128 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &u128, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{v:032x}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u128, D::Error> {
        let text = String::deserialize(d)?;
        u128::from_str_radix(&text, 16).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &crate::render::test_site::Starter) -> Keys {
        let theme = s.theme();
        Keys::of(&s.site, &theme)
    }

    #[test]
    fn the_same_site_loaded_twice_has_the_same_keys_and_an_edit_changes_only_its_plan() {
        let a = crate::render::test_site::starter();
        let b = crate::render::test_site::starter();
        // Each load builds its registries' hash maps with a seed of its own.
        let (ka, kb) = (keys(&a), keys(&b));
        assert_eq!(ka.global, kb.global);
        assert_eq!(ka.plans, kb.plans);
        let mut c = crate::render::test_site::starter();
        let plan = c.site.plans.get_mut_at(0);
        plan.targets[0].name.en.push('!');
        let kc = keys(&c);
        assert_eq!(kc.global, ka.global, "a plan edit is not a global one");
        assert_ne!(kc.plans[0], ka.plans[0]);
        c.site.chains.get_mut_at(0).name.en.push('!');
        assert_ne!(keys(&c).global, ka.global);
    }

    #[test]
    fn a_memo_survives_its_file_form() {
        let memo = Memo {
            version: memo_version(),
            global: Some(Key(u128::MAX - 7)),
            ..Memo::default()
        };
        let text = serde_json::to_string(&memo).expect("serializes");
        let back: Memo = serde_json::from_str(&text).expect("parses");
        assert_eq!(back.global, memo.global);
        assert!(serde_json::from_str::<Memo>(&text.replace("global", "globl")).is_err());
    }
}
