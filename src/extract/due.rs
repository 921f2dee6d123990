//! When a goal is due: the year its sentence states (到2025年, not 比2020年), the year
//! its clause stated earlier, or the plan's own years (全年 is the first, a goal with
//! no year the last, with a doubt).

use super::text::{Line, YEAR, due_years, first_chars};
use crate::content::Period;

/// Words before a year that make it a baseline (比2020年, 在2019年的基础上), not the
/// year a goal is due.
const SINCE: &[&str] = &["比", "较", "在", "与"];

/// The year a sentence names as the goal's: 到2025年, or 2025年 (not 比2020年).
pub(super) fn stated_year(text: &str) -> Option<u16> {
    if let Some((_, year)) = due_years(text).next() {
        return Some(year);
    }
    YEAR.captures_iter(text)
        .filter(|c| {
            let start = c.get(0).map_or(0, |m| m.start());
            let before = &text[..start];
            !SINCE.iter().any(|w| before.ends_with(w))
                && !before.ends_with("截至")
                && !before.ends_with("截止")
        })
        .filter_map(|c| c[1].parse().ok())
        .last()
}

/// The year a sentence opens with (到2022年，…), which holds beyond the sentence.
pub(super) fn opening_year(sentence: &str) -> Option<u16> {
    let first = sentence.split([',', '，']).next()?;
    due_years(first).map(|(_, year)| year).next()
}

/// The year each clause level states for its goals ("到2022年，…"), kept for the
/// clause's later lines and its sub-clauses, and forgotten at its next sibling.
#[derive(Default)]
pub(super) struct ClauseYear {
    levels: [Option<String>; 3],
    years: [Option<u16>; 3],
}

impl ClauseYear {
    /// Moves to the clause of `line`: levels that changed lose their years.
    pub(super) fn enter(&mut self, line: &Line) {
        if let Some(changed) = (0..3).find(|&d| self.levels[d] != line.levels[d]) {
            for year in &mut self.years[changed..] {
                *year = None;
            }
        }
        self.levels = line.levels.clone();
    }

    /// The deepest level the current clause has (0 before any clause number).
    fn depth(&self) -> usize {
        self.levels.iter().rposition(Option::is_some).unwrap_or(0)
    }

    pub(super) fn set(&mut self, year: u16) {
        let depth = self.depth();
        self.years[depth] = Some(year);
    }

    /// The year of the clause or of the nearest clause above it that states one.
    pub(super) fn year(&self) -> Option<u16> {
        self.years[..=self.depth()].iter().rev().find_map(|y| *y)
    }
}

/// When a goal is due, and whether the reading is sure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Due {
    pub year: Option<u16>,
    pub doubt: Option<&'static str>,
}

/// When the goals of `sentence` are due, in a plan covering `period`, in a clause
/// whose year (if it stated one) is `clause_year`.
pub(super) fn due(sentence: &str, period: Option<(u16, u16)>, clause_year: Option<u16>) -> Due {
    let has = |w: &str| sentence.contains(w);
    // A yearly figure or rate is due, as a whole, in the plan's last year.
    let yearly = has("每年") || has("年均");
    let this_year = has("全年") || has("今年") || has("当年");
    // 全年 in a plan of several years is its first year, whatever the clause says.
    let first_year = period
        .map(|(start, _)| start)
        .filter(|_| this_year && !yearly);
    let due = |year, doubt| Due { year, doubt };
    if let Some(y) = stated_year(sentence).or(first_year).or(clause_year) {
        return due(Some(y), None);
    }
    let multi_year = has("三年") || has("五年") || has("期间") || has("计划期");
    match period {
        Some((_, end)) if yearly || multi_year => due(Some(end), None),
        Some((start, end)) if start == end => due(Some(end), None),
        Some((_, end)) => due(
            Some(end),
            Some("the year is the plan's last year; the sentence gives none"),
        ),
        None => due(None, Some("no year found")),
    }
}

/// The period a figure recurs over, from the words of its own clause (每季度至少一次:
/// at least one each quarter). The figure is kept as written, not multiplied into a
/// yearly one, so the draft says what the document says.
pub(super) fn each_of(phrase: &str) -> Option<Period> {
    const EVERY: &[(&str, Period)] = &[
        ("每季度", Period::Quarter),
        ("每个季度", Period::Quarter),
        ("每月", Period::Month),
        ("每个月", Period::Month),
        ("每年", Period::Year),
        // 年度招商引资项目开工率: a rate of each year's projects.
        ("年度", Period::Year),
    ];
    EVERY
        .iter()
        .find(|(w, _)| phrase.contains(w))
        .map(|(_, p)| *p)
}

/// Whether `sentence` opens with a year before the plan's period (2021年，…为402亿元;
/// 截至2023年底…), so that its figures are facts the goals start from.
pub(super) fn states_the_past(sentence: &str, period: Option<(u16, u16)>) -> bool {
    let Some((start, _)) = period else {
        return false;
    };
    let opening = first_chars(sentence, 8);
    let opening = opening
        .strip_prefix("截至")
        .or_else(|| opening.strip_prefix("截止"))
        .unwrap_or(opening);
    YEAR.captures(opening)
        .filter(|c| c.get(0).is_some_and(|m| m.start() == 0))
        .and_then(|c| c[1].parse::<u16>().ok())
        .is_some_and(|year| year < start)
}

#[cfg(test)]
mod tests {
    use super::super::goals::testing::{HEAD, goals};
    use super::*;

    #[test]
    fn years_from_the_sentence_the_clause_or_the_plan() {
        let g = goals(&format!(
            "{HEAD}一、目标\n到2025年，收入达到100亿元。\n新增企业20家。\n二、其他\n利润超10亿元。\n全年新增项目5个。\n"
        ));
        let years: Vec<Option<u16>> = g.iter().map(|g| g.year).collect();
        assert_eq!(years, vec![Some(2025), Some(2025), Some(2026), Some(2024)]);
        assert!(g[2].doubts.iter().any(|d| d.contains("last year")));
    }

    #[test]
    fn a_clause_year_holds_for_sub_clauses_not_for_siblings() {
        let g = goals(&format!(
            "{HEAD}一、目标\n到2025年，全市工业提质增效。\n(一)产业\n新增企业10家。\n(二)平台\n新增平台2个。\n十、保障\n新增人才30人。\n十一、其他\n新增项目3个。\n"
        ));
        let years: Vec<Option<u16>> = g.iter().map(|g| g.year).collect();
        assert_eq!(
            years,
            vec![Some(2025), Some(2025), Some(2026), Some(2026)],
            "{g:?}"
        );
    }

    #[test]
    fn baselines_and_dated_facts_state_no_due_year() {
        assert_eq!(stated_year("营业收入比2020年提高15%"), None);
        assert_eq!(stated_year("截至2023年底已有企业500家"), None);
        assert_eq!(stated_year("2026年产值与2023年相比翻番"), Some(2026));
        let every_year = due("每年新增企业10家", Some((2024, 2026)), None);
        assert_eq!(every_year.year, Some(2026));
        assert_eq!(due("新增企业10家", None, None).doubt, Some("no year found"));
        assert_eq!(each_of("每季度至少召开一次"), Some(Period::Quarter));
        assert_eq!(each_of("每月走访企业"), Some(Period::Month));
    }

    /// Scales in Chinese numerals name classes (百亿大健康产业集群), a policy's articles
    /// are no count (人才新政30条); 年度, 力争每年 and 以后 make figures recur.
    #[test]
    fn classes_articles_and_recurring_figures() {
        let g = goals(&format!(
            "{HEAD}构建百亿大健康产业集群。落实人才新政30条。年度项目开工率达到60%以上。力争每年推进项目100个以上，完成投资200亿以上。比例2024年不低于60%，2025年以后不低于80%。营业收入突破千亿。\n"
        ));
        let read: Vec<(f64, Option<u16>, Option<crate::content::Period>)> = g
            .iter()
            .map(|g| (g.value.total().unwrap_or(0.0), g.year, g.each))
            .collect();
        let year = Some(crate::content::Period::Year);
        assert_eq!(
            read,
            [
                (60.0, Some(2026), year),
                (100.0, Some(2026), year),
                (200.0, Some(2026), year),
                (60.0, Some(2024), None),
                (80.0, Some(2026), year),
                (1000.0, Some(2026), None)
            ],
            "{g:?}"
        );
    }
}
