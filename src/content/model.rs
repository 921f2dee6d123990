//! The checked content of a site: what every later stage reads.
//!
//! Everything here has been validated: references resolve, ids are unique, values are
//! plausible. Types say what a value is (a [`Subject`] is a chain *or* a topic; a
//! [`PartKey`] is a region *or* a named segment) so later stages need no "if this field
//! is set" guessing.

use std::collections::HashMap;
use std::path::PathBuf;

use super::id::Id;
use super::raw::BreakdownKind;
use super::value::{Date, Direction, MeasureUnit, Metric, TargetValue};
use super::wording::{Counting, Inferred, RecordField, Recurrence, TargetField, ValidityStatus};
use crate::config::Config;
use crate::lang::{Lang, Localized, Text};
use crate::yaml::SourceFile;

/// Entries of one registry, in file order, found by id in constant time.
#[derive(Clone)]
pub struct Registry<T> {
    items: Vec<T>,
    index: HashMap<Id, usize>,
}

/// The entries in order, without the index: a `HashMap` prints in a different order
/// in every process, and incremental builds fingerprint the model by its `Debug` form.
impl<T: std::fmt::Debug> std::fmt::Debug for Registry<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.items).finish()
    }
}

/// Anything kept in a [`Registry`].
pub trait HasId {
    fn id(&self) -> &Id;
}

impl<T: HasId> Registry<T> {
    /// Builds a registry; the caller has already rejected duplicate ids.
    pub fn new(items: Vec<T>) -> Registry<T> {
        let index = items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.id().clone(), i))
            .collect();
        Registry { items, index }
    }

    pub fn get(&self, id: &(impl AsRef<str> + ?Sized)) -> Option<&T> {
        self.index.get(id.as_ref()).map(|&i| &self.items[i])
    }

    /// The entry at `position`. Pages are listed from the registries themselves, so a
    /// position always exists; a missing one is a bug in the page list, not bad input.
    pub fn at(&self, position: usize) -> &T {
        &self.items[position]
    }

    pub fn contains(&self, id: &(impl AsRef<str> + ?Sized)) -> bool {
        self.index.contains_key(id.as_ref())
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The entry at `position`, to change it in place (serve's incremental rebuild).
    pub fn get_mut_at(&mut self, position: usize) -> &mut T {
        &mut self.items[position]
    }

    /// The position of `id` in file order.
    pub fn position(&self, id: &(impl AsRef<str> + ?Sized)) -> Option<usize> {
        self.index.get(id.as_ref()).copied()
    }
}

impl<T> Default for Registry<T> {
    fn default() -> Self {
        Registry {
            items: Vec::new(),
            index: HashMap::new(),
        }
    }
}

macro_rules! has_id {
    ($($t:ty),*) => { $(impl HasId for $t { fn id(&self) -> &Id { &self.id } })* };
}
has_id!(Chain, Topic, Region, Unit, Record, Plan);

/// An industry chain or cluster, the same entry for every plan that names it.
#[derive(Debug, Clone)]
pub struct Chain {
    pub id: Id,
    pub name: Text,
    pub description: Option<Text>,
    /// Other names readers search by.
    pub aliases: Vec<String>,
}

/// A subject of targets that are not about one industry (innovation, land, finance…).
#[derive(Debug, Clone)]
pub struct Topic {
    pub id: Id,
    pub name: Text,
    /// Other names readers search by.
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Region {
    pub id: Id,
    pub name: Text,
    pub parent: Option<Id>,
    /// Other names readers search by.
    pub aliases: Vec<String>,
}

/// A department, government or other body that plans give tasks to.
#[derive(Debug, Clone)]
pub struct Unit {
    pub id: Id,
    pub name: Text,
    pub region: Option<Id>,
    /// Other names readers search by.
    pub aliases: Vec<String>,
}

/// The bibliographic record of a source document (`seeds/<id>.yaml`).
#[derive(Debug, Clone)]
pub struct Record {
    pub id: Id,
    pub title: Text,
    /// 发文机关.
    pub issuer: Text,
    /// 成文日期.
    pub issued: Date,
    /// 文号.
    pub document_number: Option<String>,
    /// 索引号.
    pub index_number: Option<String>,
    /// 有效性, when the record states it.
    pub validity: Option<Validity>,
    /// 主题分类.
    pub subjects: Vec<Text>,
    pub published: Vec<Publication>,
    pub clauses: Vec<Clause>,
    pub inferred: Inferred<RecordField>,
}

/// Whether a document is in force, with the dates the record gives.
#[derive(Debug, Clone)]
pub struct Validity {
    pub status: ValidityStatus,
    pub since: Option<Date>,
    pub until: Option<Date>,
    pub replaced_by: Option<Text>,
}

impl Record {
    /// Returns the clause written `id` (full-width and half-width brackets are equal).
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses
            .iter()
            .find(|c| clause_chars(&c.id).eq(clause_chars(id)))
    }
}

/// Clause numbers are written with either half-width `(一)` or full-width `（一）`
/// brackets and sometimes with spaces; both spellings name the same clause.
pub fn normalize_clause(id: &str) -> String {
    clause_chars(id).collect()
}

/// The characters of a clause number as compared: brackets half-width, no spaces.
/// Every target's page looks its clause up, so the comparison allocates nothing.
fn clause_chars(id: &str) -> impl Iterator<Item = char> + '_ {
    id.chars().filter(|c| !c.is_whitespace()).map(|c| match c {
        '（' => '(',
        '）' => ')',
        '．' | '、' => '.',
        _ => c,
    })
}

#[derive(Debug, Clone)]
pub struct Publication {
    pub publisher: Text,
    pub date: Option<Date>,
    pub url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Clause {
    pub id: String,
    pub title: Text,
}

/// A plan: one source document's targets and the commentary written about them.
#[derive(Debug, Clone)]
pub struct Plan {
    pub id: Id,
    pub title: Text,
    pub short_title: Text,
    pub issuer: Id,
    pub region: Id,
    pub record: Id,
    pub horizon: Horizon,
    pub targets: Vec<Target>,
    pub commentary: Localized<Option<Commentary>>,
}

/// The years a plan covers, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Horizon {
    pub start: u16,
    pub end: u16,
}

/// One quantified goal of a plan.
#[derive(Debug, Clone)]
pub struct Target {
    pub id: Id,
    pub plan: Id,
    /// The target's place in its plan's list of targets: with the plan's place, its
    /// address in the indexes ([`crate::derive::TargetRef`]).
    pub position: usize,
    pub name: Text,
    /// A shorter name where space is short (chart labels); the name otherwise.
    pub short_name: Option<Text>,
    pub subject: Subject,
    pub region: Id,
    pub metric: Metric,
    pub unit: MeasureUnit,
    pub year: u16,
    /// The figure applies to each year, quarter or month of a span of years (每年).
    pub each: Option<Recurrence>,
    pub value: TargetValue,
    /// For an average growth rate, the year it counts from: the baseline year, or the
    /// year before the plan starts (a 2023–2026 plan grows from its 2022 level).
    pub growth_since: Option<u16>,
    /// The same goal stated in a second form (突破40%，达到42%).
    pub also: Option<TargetValue>,
    /// The counting word and English noun of a count.
    pub counting: Counting,
    pub direction: Direction,
    pub baseline: Option<Baseline>,
    pub breakdown: Option<Breakdown>,
    pub responsible: Vec<Id>,
    pub lead: Vec<Id>,
    pub source: SourceRef,
    pub actuals: Vec<Actual>,
    pub note: Option<Text>,
    /// Facts the site filled in that the document does not state.
    pub inferred: Inferred<TargetField>,
    pub commentary: Localized<Option<Commentary>>,
}

impl Target {
    /// The years the target applies to: every year of its span, or its one year.
    pub fn years(&self) -> std::ops::RangeInclusive<u16> {
        self.each.map_or(self.year..=self.year, |r| r.years())
    }

    /// The figure the target implies in its unit: its value, or the baseline doubled,
    /// raised or grown each year up to the target year (see [`TargetValue::implied_figure`]).
    pub fn implied_figure(&self) -> Option<f64> {
        let since = self
            .growth_since
            .or(self.baseline.map(|b| b.year))
            .unwrap_or(self.year);
        self.value.implied_figure(
            self.unit,
            self.baseline.and_then(|b| b.value),
            self.year.saturating_sub(since),
        )
    }

    /// The level the document states for the target: its value when that is a
    /// figure, a range or two tiers, or else its second form (翻番 and also 600亿元).
    /// `None` when only arithmetic on the baseline gives the level.
    pub fn stated_value(&self) -> Option<&TargetValue> {
        std::iter::once(&self.value)
            .chain(self.also.as_ref())
            .find(|v| v.states_level())
    }

    /// The figure a breakdown splits: the value's own (see [`TargetValue::total`]), or
    /// that of its second form, as when a plan says 翻番 and also names the amount.
    pub fn total(&self) -> Option<f64> {
        self.value
            .total()
            .or_else(|| self.also.as_ref().and_then(TargetValue::total))
    }

    /// The chain this target belongs to, if it is an industry-chain target.
    pub fn chain(&self) -> Option<&Id> {
        match &self.subject {
            Subject::Chain(id) => Some(id),
            Subject::Topic(_) => None,
        }
    }

    /// The site path of the target's page in `lang`, such as `zh/plans/p/t/`.
    pub fn path(&self, lang: Lang) -> String {
        format!("{}/plans/{}/{}/", lang.code(), self.plan, self.id)
    }
}

/// What a target is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Chain(Id),
    Topic(Id),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Baseline {
    pub year: u16,
    pub value: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct Breakdown {
    pub kind: BreakdownKind,
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone)]
pub struct Part {
    pub key: PartKey,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartKey {
    Region(Id),
    Segment(Text),
}

/// Where a figure comes from: a record in `seeds/` and a clause of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub record: Id,
    pub clause: Option<String>,
    /// The document's own sentence for the goal, when the editor quotes it.
    pub wording: Option<String>,
}

/// A published outcome for a target.
#[derive(Debug, Clone)]
pub struct Actual {
    pub year: u16,
    pub value: f64,
    /// The metric the source reports; when it differs from the target's, the figures
    /// are shown side by side and never compared.
    pub metric: Metric,
    pub source: SourceRef,
    pub note: Option<Text>,
}

/// A commentary file: optional summary and the Markdown body.
#[derive(Debug, Clone)]
pub struct Commentary {
    pub summary: Option<String>,
    /// Where the Markdown after the front matter starts in `file.text` (the body is
    /// not copied: a large site holds tens of thousands of commentaries).
    pub body_start: usize,
    /// The file, for error messages.
    pub file: SourceFile,
    /// The line of the file where the body starts (1-based).
    pub body_line: usize,
}

impl Commentary {
    /// The Markdown after the front matter.
    pub fn body(&self) -> &str {
        &self.file.text[self.body_start..]
    }
}

/// Everything a site is made of, checked.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub chains: Registry<Chain>,
    pub topics: Registry<Topic>,
    pub regions: Registry<Region>,
    pub units: Registry<Unit>,
    pub records: Registry<Record>,
    /// Plans sorted by id.
    pub plans: Registry<Plan>,
    /// Commentary for the home page.
    pub home: Localized<Option<Commentary>>,
}

impl Site {
    /// Every target of every plan, plans in id order and targets in file order.
    pub fn targets(&self) -> impl Iterator<Item = (&Plan, &Target)> {
        self.plans
            .iter()
            .flat_map(|p| p.targets.iter().map(move |t| (p, t)))
    }

    /// The name of a target's subject (chain or topic) in `lang`.
    pub fn subject_name(&self, subject: &Subject, lang: Lang) -> &str {
        let name = match subject {
            Subject::Chain(id) => self.chains.get(id).map(|c| &c.name),
            Subject::Topic(id) => self.topics.get(id).map(|t| &t.name),
        };
        name.map_or("", |n| n.get(lang).as_str())
    }
}
