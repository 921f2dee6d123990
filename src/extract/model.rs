//! What extraction finds: goals, each with the words it was read from and how sure
//! the reading is.
//!
//! A goal's figure is the content model's own [`TargetValue`], not a type of its own:
//! the draft then writes exactly the forms `plansite check` reads, and a new form of
//! target cannot be added to one without the other.

use std::sync::Arc;

use crate::content::{Bound, Comparator, MeasureUnit, Metric, Period, TargetValue};

/// A part of a goal (其中…).
#[derive(Debug, Clone, PartialEq)]
pub struct GoalPart {
    pub name: String,
    pub value: f64,
}

/// One quantified goal, and where it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    /// The line of the text (1-based).
    pub line: usize,
    /// The words of the text it was read from: its sentence, shared with the other
    /// goals of the sentence (a long one with many figures is not copied for each).
    pub span: Arc<str>,
    pub clause: String,
    /// What the figure is about, in the text's words.
    pub subject: String,
    pub metric: Metric,
    pub unit: MeasureUnit,
    pub year: Option<u16>,
    /// The period the figure applies to each of (每年, 每季度, 每月), when it recurs.
    pub each: Option<Period>,
    pub value: TargetValue,
    /// The same goal stated a second way in the sentence (翻番，突破5000亿元).
    pub also: Option<TargetValue>,
    /// Whether the goal's figure had no words of its own before it (…，达到120亿元),
    /// so it may restate another goal of its sentence.
    pub restates: bool,
    pub baseline_year: Option<u16>,
    /// Parts named with 其中 (of which).
    pub parts: Vec<GoalPart>,
    /// A chain id: from the site's registry when the draft is made for a site
    /// (`--root`), otherwise from the built-in list of common chain names.
    pub chain: Option<String>,
    /// A topic id from the site's registry, for a goal of no chain.
    pub topic: Option<String>,
    /// The registry ids of the lead and responsible departments the text names.
    pub lead_ids: Vec<String>,
    pub responsible_ids: Vec<String>,
    pub lead: Vec<String>,
    pub responsible: Vec<String>,
    /// 0–1; below [`super::REVIEW_BELOW`] the draft marks the goal for review.
    pub confidence: f64,
    /// Why the confidence is lower, for the editor.
    pub doubts: Vec<&'static str>,
    /// Whether the reading merged, split or completed something by guess: the goal is
    /// marked REVIEW whatever else is sure about it.
    pub guessed: bool,
}

impl Goal {
    /// Sets the confidence from the doubts: each one costs 0.15, down to 0.2.
    pub(super) fn weigh_doubts(&mut self) {
        self.confidence = (0.95 - 0.15 * self.doubts.len() as f64).max(0.2);
        if self.guessed {
            self.confidence = self.confidence.min(super::REVIEW_BELOW - 0.1);
        }
    }

    /// Records that the reading was a guess (merged, split or completed), and why.
    pub(super) fn guess(&mut self, why: &'static str) {
        self.doubts.push(why);
        self.guessed = true;
    }
}

/// One figure and how it is to be met (突破900: exceed 900).
pub(super) fn single(comparator: Comparator, value: f64) -> TargetValue {
    TargetValue::Single(Bound::plain(comparator, value))
}

/// A range (3-5家).
pub(super) fn range(low: f64, high: f64) -> TargetValue {
    TargetValue::Range {
        low,
        high,
        or: None,
        qualifier: None,
    }
}

/// 确保 (floor) … 力争 (stretch).
pub(super) fn tiers(floor: (Comparator, f64), stretch: (Comparator, f64)) -> TargetValue {
    let bound = |(comparator, value)| Bound::plain(comparator, value);
    TargetValue::Tiers {
        floor: bound(floor),
        stretch: bound(stretch),
    }
}
