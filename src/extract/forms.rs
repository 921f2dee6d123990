//! Goals stated without a figure of their own: doublings (翻番, 倍增) of each thing
//! named before the word, and firsts (实现零的突破: at least one).

use super::goals::Reader;
use super::measure::natural_unit;
use super::model::Goal;
use super::quantity;
use super::subject::{last_phrase, list_items, subject_of};
use crate::content::{Bound, Comparator, MeasureUnit, TargetValue};

/// Words after 倍增 that make it the name of a programme (倍增行动), not a goal.
const PROGRAMME: &[&str] = &["行动", "计划", "升级", "发展", "工作", "目标", "总体目标"];

impl Reader<'_> {
    /// Doublings (翻番, 倍增): one goal for each thing named before the word, which
    /// may be a list (工业投资、营业收入等倍增).
    pub(super) fn doublings(&self, baseline_year: Option<u16>) -> Vec<Goal> {
        let sentence = self.sentence;
        let mut out = Vec::new();
        for word in ["翻番", "倍增", "翻一番"] {
            let Some(at) = sentence.find(word) else {
                continue;
            };
            let next = sentence[at + word.len()..].trim_start_matches(['”', '"']);
            if PROGRAMME.iter().any(|w| next.starts_with(w)) {
                continue;
            }
            for item in doubled_names(&sentence[..at]).split('、') {
                let subject = subject_of(item);
                let unit = natural_unit(&subject);
                // "以改革促倍增": nothing that can be counted or summed is doubled.
                if subject.is_empty() || unit == MeasureUnit::Items {
                    continue;
                }
                let doubled = TargetValue::Double {
                    qualifier: self.qualifier_at(at),
                };
                let mut goal = self.goal(subject, unit, doubled);
                goal.baseline_year =
                    baseline_year.or(self.doc.period.map(|(start, _)| start.saturating_sub(1)));
                goal.doubts
                    .push("a doubling: check what is doubled and its baseline year");
                out.push(goal);
            }
            break;
        }
        out
    }

    /// "实现零的突破" (break through zero): at least one, for each thing named before
    /// it (千亿级产业、千亿级企业零的突破 is a first such industry and a first such firm).
    pub(super) fn first_ones(&self) -> Vec<Goal> {
        let sentence = self.sentence;
        let Some(at) = sentence.find("零的突破") else {
            return Vec::new();
        };
        let phrase = last_phrase(&sentence[..at]);
        let phrase = phrase.strip_suffix("实现").unwrap_or(phrase);
        let phrase = phrase.split_once("实现").map_or(phrase, |(_, rest)| rest);
        list_items(phrase)
            .into_iter()
            .filter_map(|item| {
                let subject = subject_of(&item);
                let unit = quantity::head_noun(&subject)?;
                let value = TargetValue::Single(Bound {
                    qualifier: self.qualifier_at(at),
                    ..Bound::plain(Comparator::AtLeast, 1.0)
                });
                let mut goal = self.goal(subject, unit, value);
                goal.doubts.push("零的突破 read as at least one");
                Some(goal)
            })
            .collect()
    }
}

/// The names of what is doubled, in the words `before` the doubling word.
fn doubled_names(before: &str) -> &str {
    let phrase = last_phrase(before);
    // "…双创团队“三个翻番”": the count of doublings is no part of their names.
    let phrase = phrase
        .trim_end_matches(['“', '”', '"'])
        .trim_end_matches('个')
        .trim_end_matches(|c: char| "一二两三四五六七八九十".contains(c))
        .trim_end_matches(['“', '”', '"'])
        .trim_end_matches('等')
        .trim_end_matches("实现");
    phrase
        .split_once("实现")
        .map_or(phrase, |(_, rest)| rest)
        .trim_start_matches(['“', '"'])
}

#[cfg(test)]
mod tests {
    use super::super::goals::testing::{HEAD, goals};
    use super::*;
    use crate::content::{Bound, Comparator};

    #[test]
    fn rises_and_doublings_against_a_baseline() {
        let g = goals(&format!(
            "{HEAD}占比较2023年提升3个百分点。亩均税收比2023年提高12%。\n"
        ));
        assert_eq!(
            g[0].value,
            TargetValue::IncreaseBy(Bound::plain(Comparator::Reach, 3.0))
        );
        assert_eq!(g[0].unit, MeasureUnit::PercentagePoints);
        assert_eq!(g[0].baseline_year, Some(2023));
        assert_eq!(
            g[1].value,
            TargetValue::IncreaseBy(Bound::plain(Comparator::Reach, 12.0))
        );
        assert_eq!(g[1].subject, "亩均税收");
        assert_eq!(g[1].unit, MeasureUnit::WanYuanPerMu);
        let d = goals(&format!("{HEAD}力争三年内实现全市工业产值翻番。\n"));
        let strive = Some(crate::content::Qualifier::Strive);
        assert_eq!(d[0].value, TargetValue::Double { qualifier: strive });
        assert_eq!(d[0].baseline_year, Some(2023));
        assert_eq!(d[0].year, Some(2026));
        assert_eq!(d[0].unit, MeasureUnit::YiYuan);
    }

    #[test]
    fn a_list_before_a_doubling_doubles_each_item() {
        let g = goals(&format!(
            "{HEAD}实现孵化平台、科技型企业、研发团队“三个翻番”。\n"
        ));
        let units: Vec<MeasureUnit> = g.iter().map(|g| g.unit).collect();
        assert_eq!(
            units,
            vec![
                MeasureUnit::Platforms,
                MeasureUnit::Firms,
                MeasureUnit::Teams
            ],
            "{g:?}"
        );
        assert!(goals(&format!("{HEAD}启动园区倍增行动。\n")).is_empty());
    }

    #[test]
    fn a_first_one_is_at_least_one() {
        let g = goals(&format!("{HEAD}力争百亿级园区和独角兽企业实现零的突破。\n"));
        let read: Vec<(MeasureUnit, &TargetValue)> = g.iter().map(|g| (g.unit, &g.value)).collect();
        // 力争 before the names reaches both firsts.
        let one = TargetValue::Single(Bound {
            qualifier: Some(crate::content::Qualifier::Strive),
            ..Bound::plain(Comparator::AtLeast, 1.0)
        });
        assert_eq!(
            read,
            vec![(MeasureUnit::Zones, &one), (MeasureUnit::Firms, &one)],
            "{g:?}"
        );
    }
}
