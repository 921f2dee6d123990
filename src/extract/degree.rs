//! Words of degree: the modal word that governs each figure (确保, 力争, 争取, 争创,
//! 努力, reaching to the end of the sentence or the next semicolon), and the levels of
//! one goal stated one after another (确保突破900亿元，力争达到1100亿元; 突破…、达到…、
//! 争创…), which make one target with tiers.

use super::goals::Reader;
use super::quantity::Quantity;
use crate::content::{Bound, Qualifier, TargetValue};

impl Reader<'_> {
    /// The modal word that governs a figure at `at`: the last one before it in the
    /// sentence, unless a semicolon ends its reach first ("力争…，…" reaches every
    /// figure of the sentence after it; "确保…；…" stops at the semicolon).
    pub(super) fn qualifier_at(&self, at: usize) -> Option<Qualifier> {
        self.modal_at(at).map(|(_, qualifier)| qualifier)
    }

    /// The modal word that governs a figure at `at` (see [`Self::qualifier_at`]), with
    /// where it ends.
    fn modal_at(&self, at: usize) -> Option<(usize, Qualifier)> {
        let before = self.modals.partition_point(|(end, _)| *end <= at);
        let (end, qualifier) = *self.modals[..before].last()?;
        let stop = self.semicolons.partition_point(|s| *s < end);
        match self.semicolons.get(stop) {
            Some(&s) if s < at => None,
            _ => Some((end, qualifier)),
        }
    }

    /// The period a modal word's 每年 (力争每年…) gives every figure it reaches.
    pub(super) fn each_with_modal(&self, at: usize) -> Option<crate::content::Period> {
        let (end, _) = self.modal_at(at)?;
        self.sentence[end..]
            .starts_with("每年")
            .then_some(crate::content::Period::Year)
    }

    /// `value` with the modal word of the figure at `at` (and, for two tiers, of its
    /// stretch at `stretch_at`), where the value states none of its own.
    pub(super) fn qualify(
        &self,
        value: TargetValue,
        at: usize,
        stretch_at: Option<usize>,
    ) -> TargetValue {
        let q = self.qualifier_at(at);
        let with = |b: Bound, q: Option<Qualifier>| Bound {
            qualifier: b.qualifier.or(q),
            ..b
        };
        match value {
            TargetValue::Single(b) => TargetValue::Single(with(b, q)),
            TargetValue::IncreaseBy(b) => TargetValue::IncreaseBy(with(b, q)),
            TargetValue::AverageGrowth(b) => TargetValue::AverageGrowth(with(b, q)),
            TargetValue::Range {
                low,
                high,
                or,
                qualifier,
            } => TargetValue::Range {
                low,
                high,
                or,
                qualifier: qualifier.or(q),
            },
            TargetValue::Double { qualifier } => TargetValue::Double {
                qualifier: qualifier.or(q),
            },
            TargetValue::Tiers { floor, stretch } => TargetValue::Tiers {
                floor: with(floor, q),
                stretch: with(stretch, stretch_at.and_then(|s| self.qualifier_at(s)).or(q)),
            },
        }
    }

    /// The figures after `q` that are higher levels of the same goal: 确保突破900亿元，
    /// 力争达到1100亿元; 突破1万亿元、达到1.3万亿元、争创1.5万亿元. Each is a single figure
    /// in `q`'s unit, higher than the one before, with only words of degree between
    /// (or, as before, any words between a 确保 figure and a 力争 one).
    pub(super) fn tiers_after<'q>(
        &self,
        q: &Quantity,
        next: &[Vec<&'q Quantity>],
    ) -> Vec<&'q Quantity> {
        let mut found: Vec<&'q Quantity> = Vec::new();
        let mut previous = (q.end, q.value);
        for run in next {
            let [n] = run.as_slice() else { break };
            let between = &self.sentence[previous.0..n.start];
            let ensure_then_strive = found.is_empty()
                && self.ensure_end.is_some_and(|end| end <= q.start)
                && between.contains("力争");
            let tier = n.unit == q.unit
                && q.high.is_none()
                && n.high.is_none()
                && n.value > previous.1
                && (ensure_then_strive || only_degree_words(between));
            if !tier {
                break;
            }
            found.push(n);
            previous = (n.end, n.value);
        }
        found
    }
}

/// Whether `between` (the words between two figures) holds only punctuation and words
/// of degree, so that the figures are levels of one goal.
fn only_degree_words(between: &str) -> bool {
    const DEGREE: &[&str] = &[
        "确保", "力争", "争创", "争取", "努力", "达到", "突破", "超过", "实现", "迈上", "冲刺",
        "到", "达",
    ];
    let mut rest = between.trim_matches(['，', ',', '、', '；', ';', ' ']);
    while !rest.is_empty() {
        match DEGREE.iter().find(|w| rest.starts_with(*w)) {
            Some(w) => rest = rest[w.len()..].trim_start_matches(['，', ',', '、', ' ']),
            None => return false,
        }
    }
    !between.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::super::goals::testing::{HEAD, goals};
    use super::super::model::single;
    use super::*;
    use crate::content::{Comparator, Metric};

    #[test]
    fn tiers_from_ensure_and_strive() {
        let g = goals(&format!(
            "{HEAD}一、目标\n确保电子信息产业集群产值突破900亿元，力争达到1100亿元。\n"
        ));
        assert_eq!(g.len(), 1, "{g:?}");
        let TargetValue::Tiers { floor, stretch } = g[0].value else {
            panic!("{g:?}");
        };
        assert_eq!(
            (floor.comparator, floor.value, floor.qualifier),
            (Comparator::Exceed, 900.0, Some(Qualifier::Ensure))
        );
        assert_eq!(
            (stretch.comparator, stretch.value, stretch.qualifier),
            (Comparator::Reach, 1100.0, Some(Qualifier::Strive))
        );
        assert_eq!(g[0].subject, "电子信息产业集群产值");
        assert_eq!(g[0].metric, Metric::Output);
        assert_eq!(g[0].chain.as_deref(), Some("electronic-information"));
        assert_eq!(g[0].clause, "一");
    }

    /// A modal word reaches every later figure of its sentence, up to a semicolon.
    #[test]
    fn a_modal_word_reaches_to_the_semicolon() {
        let g = goals(&format!(
            "{HEAD}力争营业收入突破400亿元，新增企业20家以上；培育平台3个，争取引进项目5个。\n"
        ));
        let read: Vec<Option<Qualifier>> = g.iter().map(|g| g.value.qualifier()).collect();
        assert_eq!(
            read,
            vec![
                Some(Qualifier::Strive),
                Some(Qualifier::Strive),
                None,
                Some(Qualifier::Seek)
            ],
            "{g:?}"
        );
    }

    /// 突破…、达到…、争创… is one goal with tiers (the middle level left out, and the
    /// draft says so); 各 gives each name the figure.
    #[test]
    fn levels_join_and_each_splits() {
        let g = goals(&format!(
            "{HEAD}到2026年，营业收入突破1万亿元、达到1.3万亿元、争创1.5万亿元。\n电子信息、新材料两条产业链营业收入各超过1000亿元，孵化器和众创空间各5个。\n"
        ));
        assert_eq!(g.len(), 5, "{g:?}");
        let TargetValue::Tiers { floor, stretch } = g[0].value else {
            panic!("{g:?}");
        };
        assert_eq!((floor.value, stretch.value), (10000.0, 15000.0));
        assert_eq!(stretch.qualifier, Some(Qualifier::AimFor));
        assert!(g[0].guessed && g[0].doubts.iter().any(|d| d.contains("middle")));
        let names: Vec<&str> = g[1..].iter().map(|g| g.subject.as_str()).collect();
        assert_eq!(
            names,
            [
                "电子信息产业链营业收入",
                "新材料产业链营业收入",
                "孵化器",
                "众创空间"
            ]
        );
        assert!(
            g[1..]
                .iter()
                .all(|g| g.value == single(Comparator::Exceed, 1000.0)
                    || g.value == single(Comparator::Reach, 5.0))
        );
        // Completed names are a guess; names listed whole are not.
        assert!(g[1].guessed && !g[3].guessed);
    }
}
