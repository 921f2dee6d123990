//! A language's search index kept between edits, for `serve`: after an edit inside one
//! plan, only that plan's documents are read again and only the files they touch are
//! written (the word shards of keys they gained or lost, the display chunks they sit
//! in). Rebuilding the whole index took most of a preview's time at 10,000 targets.
//!
//! The files it writes are those a full build writes for the same site: the same
//! documents in the same order, the same keys and postings, cut the same way. When an
//! edit moves documents (a plan gains or loses a target) or changes how many shards
//! the index has, it writes every file again.

use std::collections::{BTreeMap, BTreeSet};

use super::shards::{self, CHUNK, Posting};
use super::{SearchDoc, all_docs, doc_keys, gram_lists, kinds, plan_doc, target_doc};
use crate::render::links;
use crate::render::views::ViewCtx;

/// One language's index in memory: documents (with the words they are found by), the
/// posting lists, and where each plan's documents start.
pub struct LiveIndex {
    docs: Vec<SearchDoc>,
    grams: BTreeMap<String, Vec<Posting>>,
    shards: usize,
    /// The first target document of each plan, by plan position.
    plan_starts: Vec<usize>,
    /// The first plan document.
    plans_start: usize,
}

impl LiveIndex {
    /// The index of `v`'s language, and all its files (as paths from the site root).
    pub fn new(v: ViewCtx) -> (LiveIndex, Vec<(String, String)>) {
        let mut docs = all_docs(v);
        let grams = gram_lists(&mut docs, true);
        let mut plan_starts = Vec::with_capacity(v.site.plans.len());
        let mut at = 0;
        for plan in v.site.plans.iter() {
            plan_starts.push(at);
            at += plan.targets.len();
        }
        let index = LiveIndex {
            shards: shards::shard_count(&grams),
            docs,
            grams,
            plan_starts,
            plans_start: at,
        };
        let files = index.all_files(v);
        (index, files)
    }

    /// Brings the index up to date after an edit of plan `p` alone, and returns the
    /// files that changed. `None` when the edit changed the plan's number of targets:
    /// the caller makes a new index.
    pub fn update_plan(&mut self, v: ViewCtx, p: usize) -> Option<Vec<(String, String)>> {
        let plan = v.site.plans.iter().nth(p)?;
        let start = *self.plan_starts.get(p)?;
        let end = self
            .plan_starts
            .get(p + 1)
            .copied()
            .unwrap_or(self.plans_start);
        if end - start != plan.targets.len() {
            return None;
        }
        let fresh = plan
            .targets
            .iter()
            .map(|t| target_doc(v, plan, t))
            .zip(start..)
            .chain(std::iter::once((plan_doc(v, plan), self.plans_start + p)));
        let mut touched_keys = BTreeSet::new();
        let mut touched_docs = BTreeSet::new();
        for (doc, at) in fresh {
            let old = self.docs.get(at)?;
            if (&old.title, &old.href, &old.context, &old.extra)
                == (&doc.title, &doc.href, &doc.context, &doc.extra)
            {
                continue;
            }
            for (key, _) in doc_keys(old) {
                self.remove(&key, at);
                touched_keys.insert(key);
            }
            for (key, in_title) in doc_keys(&doc) {
                self.insert(&key, at, in_title);
                touched_keys.insert(key);
            }
            self.docs[at] = doc;
            touched_docs.insert(at / CHUNK);
        }
        if shards::shard_count(&self.grams) != self.shards {
            self.shards = shards::shard_count(&self.grams);
            return Some(self.all_files(v));
        }
        let base = links::search_index_dir(v.lang);
        let shards_touched: BTreeSet<usize> = touched_keys
            .iter()
            .map(|k| shards::shard_of(k, self.shards))
            .collect();
        let mut files = shards::gram_files(&self.grams, self.shards, Some(&shards_touched));
        files.extend(
            touched_docs
                .into_iter()
                .map(|i| shards::doc_file(&self.docs, i)),
        );
        Some(with_base(&base, files))
    }

    fn all_files(&self, v: ViewCtx) -> Vec<(String, String)> {
        let base = links::search_index_dir(v.lang);
        with_base(
            &base,
            shards::index_files(&self.docs, kinds(v), &base, &self.grams),
        )
    }

    fn remove(&mut self, key: &str, doc: usize) {
        if let Some(list) = self.grams.get_mut(key) {
            if let Ok(at) = list.binary_search_by_key(&doc, |p| p.doc()) {
                list.remove(at);
            }
            if list.is_empty() {
                self.grams.remove(key);
            }
        }
    }

    fn insert(&mut self, key: &str, doc: usize, in_title: bool) {
        let list = self.grams.entry(key.to_string()).or_default();
        if let Err(at) = list.binary_search_by_key(&doc, |p| p.doc()) {
            list.insert(at, Posting::new(doc, in_title));
        }
    }
}

fn with_base(base: &str, files: Vec<(String, String)>) -> Vec<(String, String)> {
    files
        .into_iter()
        .map(|(name, text)| (format!("{base}{name}"), text))
        .collect()
}
