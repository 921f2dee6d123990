//! Goals from the sentences of a plan: a subject, a figure, how it is to be met, the
//! year it is due, and how sure the reading is.
//!
//! A sentence is read figure by figure. Each figure's subject is the phrase before it
//! (from the last comma), stripped of the words that introduce a goal (确保, 力争, 到
//! 2025年) and of the verb that states it (突破, 达到). Two figures joined by 确保 …
//! 力争 are one goal with two tiers; a figure after 其中 is a part of the goal before
//! it; a figure that only qualifies a noun (超100亿元的项目) is no goal at all.
//!
//! The steps live in modules of their own: [`super::figures`] picks the figures that
//! state goals, [`super::subject`] names them, [`super::measure`] reads their metric
//! and comparator, [`super::due`] their year, and [`super::forms`] reads the goals
//! stated without a figure (doublings, firsts).

use std::sync::Arc;

use super::due::{ClauseYear, Due, due, each_of, opening_year, stated_year, states_the_past};
use super::figures::{goal_figures, listed_runs};
use super::measure::{chain_of, comparator, metric_of, modal_words, natural_unit};
use super::model::{Goal, range, single, tiers};
use super::parts::{add_part, each_names, restatements_joined};
use super::quantity::{self, Quantity};
use super::subject::{
    COUNT_VERBS, SINCE_YEAR, is_bare_verb, last_phrase, list_items, noun_after, subject_of,
};
use super::text::{Document, Line, due_years, first_chars, sentences};
use crate::content::{Bound, Comparator, MeasureUnit, OpenEnd, Qualifier, TargetValue};

/// Finds the goals of every line of `doc`.
pub fn find(doc: &Document) -> Vec<Goal> {
    let mut goals = Vec::new();
    let mut context = ClauseYear::default();
    for line in &doc.lines {
        context.enter(line);
        // 一、发展基础: where things stand, not where they are to go.
        if line.background {
            continue;
        }
        for sentence in sentences(&line.text) {
            // "到2022年，…" opening a sentence sets the year of the clause's later goals.
            if let Some(year) = opening_year(sentence) {
                context.set(year);
            }
            if states_the_past(sentence, doc.period) {
                continue;
            }
            goals.extend(Reader::new(doc, line, sentence, context.year()).goals());
        }
    }
    goals
}

/// Reads the goals of one sentence of a line.
///
/// What holds for the whole sentence is read once, here, not for each of its goals:
/// on a long sentence with many figures, reading it again for each would take time
/// quadratic in its length.
pub(super) struct Reader<'a> {
    pub(super) doc: &'a Document,
    line: &'a Line,
    pub(super) sentence: &'a str,
    /// The sentence, shared by its goals.
    span: Arc<str>,
    /// When the sentence's goals are due.
    due: Due,
    /// Whether the sentence dates a fact (截至2023年底…).
    dates_a_fact: bool,
    /// Where the sentence's first 确保 ends, which makes a later figure a floor.
    pub(super) ensure_end: Option<usize>,
    /// The modal words of the sentence (确保, 力争…), each with where it ends.
    pub(super) modals: Vec<(usize, Qualifier)>,
    /// Where the sentence's semicolons are: a modal word holds up to the next one.
    pub(super) semicolons: Vec<usize>,
    /// The years the sentence sets goals for (到2025年), each with where it ends.
    due_at: Vec<(usize, u16)>,
}

impl<'a> Reader<'a> {
    /// A reader of `sentence`, a sentence of `line`, in a clause whose year (if it
    /// stated one) is `clause_year`.
    fn new(
        doc: &'a Document,
        line: &'a Line,
        sentence: &'a str,
        clause_year: Option<u16>,
    ) -> Reader<'a> {
        Reader {
            doc,
            line,
            sentence,
            span: Arc::from(sentence),
            due: due(sentence, doc.period, clause_year),
            dates_a_fact: sentence.contains("截至") || sentence.contains("截止"),
            ensure_end: sentence.find("确保").map(|at| at + "确保".len()),
            modals: modal_words(sentence),
            semicolons: sentence
                .match_indices(['；', ';'])
                .map(|(at, _)| at)
                .collect(),
            due_at: due_years(sentence).map(|(r, y)| (r.end, y)).collect(),
        }
    }

    /// The range from `q`'s figure to `high`, open at the top after 以上 (3—5家以上)
    /// and at the bottom after 以下 or 以内.
    fn open_range(&self, q: &Quantity, high: f64) -> TargetValue {
        let after = &self.sentence[q.end..];
        let or = if after.starts_with("以上") || after.starts_with("及以上") {
            Some(OpenEnd::More)
        } else if after.starts_with("以下") || after.starts_with("以内") {
            Some(OpenEnd::Less)
        } else {
            None
        };
        let mut value = range(q.value, high);
        if let TargetValue::Range { or: open, .. } = &mut value {
            *open = or;
        }
        value
    }

    /// The year set last before a figure at `at` in the sentence ("到2025年，A达到80家；
    /// 到2026年，A达到200家": each figure its own year).
    fn due_before(&self, at: usize) -> Option<u16> {
        let before = self.due_at.partition_point(|(end, _)| *end <= at);
        before.checked_sub(1).map(|i| self.due_at[i].1)
    }

    /// A goal of the sentence, with what every goal of it shares: its line, clause,
    /// units, due year and the doubts these leave.
    pub(super) fn goal(&self, subject: String, unit: MeasureUnit, value: TargetValue) -> Goal {
        let due = self.due;
        let mut doubts: Vec<&'static str> = due.doubt.into_iter().collect();
        if self.dates_a_fact {
            doubts.push("the sentence dates a fact (截至…): it may state no goal");
        }
        Goal {
            line: self.line.number,
            span: Arc::clone(&self.span),
            clause: self.line.clause.clone(),
            metric: metric_of(&subject, unit),
            unit,
            year: due.year,
            each: None,
            value,
            also: None,
            restates: false,
            baseline_year: None,
            parts: Vec::new(),
            chain: chain_of(&subject).map(str::to_string),
            topic: None,
            lead_ids: Vec::new(),
            responsible_ids: Vec::new(),
            lead: self.line.lead.clone(),
            responsible: self.line.responsible.clone(),
            confidence: 0.0,
            doubts,
            guessed: false,
            subject,
        }
    }

    /// Every goal of the sentence: its figures', then its doublings and firsts.
    fn goals(&self) -> Vec<Goal> {
        let all = quantity::find(self.sentence);
        let kept = goal_figures(self.sentence, &all);
        let baseline_year = SINCE_YEAR
            .captures(self.sentence)
            .and_then(|c| c[1].parse().ok());
        let runs = listed_runs(self.sentence, &kept);
        let mut out = self.figure_goals(&runs, baseline_year);
        out.extend(self.doublings(baseline_year));
        out.extend(self.first_ones());
        let mut out = restatements_joined(out);
        for g in &mut out {
            g.weigh_doubts();
        }
        out
    }

    /// The goals of the sentence's figures, list by list (`runs`): a list of several
    /// gives a goal each, a single figure one (with its higher tiers, if it has any).
    fn figure_goals(&self, runs: &[Vec<&Quantity>], baseline_year: Option<u16>) -> Vec<Goal> {
        let mut out: Vec<Goal> = Vec::new();
        let mut last_end = 0;
        let mut r = 0;
        let mut of_which = false;
        while r < runs.len() {
            let run = &runs[r];
            if run.len() > 1 {
                out.extend(self.listed(run, last_end));
                last_end = run[run.len() - 1].end;
                r += 1;
                continue;
            }
            let q = run[0];
            // "…10个，其中，超100亿元项目1个，超50亿元项目3个": the figures after 其中 are
            // parts, up to a semicolon.
            let since = &self.sentence[last_end.min(q.start)..q.start];
            if since.contains(['；', ';']) {
                of_which = false;
            }
            if since.contains("其中") {
                of_which = true;
            }
            let higher = self.tiers_after(q, &runs[r + 1..]);
            let stretch = higher.last().copied();
            let goals = self.single(q, stretch, last_end, baseline_year, of_which, &mut out);
            for mut goal in goals {
                if higher.len() > 1 {
                    goal.guess("three levels read as two tiers: the middle one is left out");
                }
                out.push(goal);
            }
            last_end = stretch.map_or(q.end, |n| n.end);
            r += 1 + higher.len();
        }
        out
    }

    /// The goal of one figure (or of a floor and its stretch): none when the figure
    /// is a part (其中) of the goal before it and has been added to it, one for each
    /// name when 各 gives several the same figure.
    fn single(
        &self,
        q: &Quantity,
        stretch: Option<&Quantity>,
        last_end: usize,
        baseline_year: Option<u16>,
        of_which: bool,
        out: &mut [Goal],
    ) -> Vec<Goal> {
        let phrase = self.phrase_before(q, last_end);
        if add_part(phrase, q, of_which, out) {
            return Vec::new();
        }
        let mut doubts: Vec<&'static str> = Vec::new();
        let subject = self.subject_here(q, phrase, last_end, out, &mut doubts);
        let comparator_here = self.comparator_here(q, phrase);
        let (unit, value) = self.form(q, stretch, phrase, &subject, comparator_here, &mut doubts);
        let value = self.qualify(value, q.start, stretch.map(|n| n.start));
        let mut goal = self.figure_goal(phrase, q, subject, unit, value);
        let own = subject_of(phrase);
        goal.restates = own.is_empty() || is_bare_verb(&own);
        let after = first_chars(&self.sentence[q.end..], 6);
        goal.metric = metric_of(&format!("{}{after}", goal.subject), unit);
        if matches!(
            goal.value,
            TargetValue::IncreaseBy(_) | TargetValue::AverageGrowth(_)
        ) {
            goal.baseline_year = baseline_year;
            goal.metric = metric_of(&goal.subject, unit);
        }
        goal.doubts.extend(doubts);
        match each_names(phrase) {
            Some((names, guessed)) => names
                .into_iter()
                .map(|name| {
                    let mut one = goal.clone();
                    one.metric = metric_of(&name, one.unit);
                    one.chain = chain_of(&name).map(str::to_string);
                    one.subject = name;
                    if guessed {
                        one.guess(
                            "各 gives several the same figure: their names were completed by guess",
                        );
                    } else {
                        one.doubts
                            .push("各 gives several the same figure: one target each");
                    }
                    one
                })
                .collect(),
            None => vec![goal],
        }
    }

    /// The words naming figure `q`: from the last punctuation after the previous
    /// goal's figures (`last_end`) or, when that leaves none, before `q` itself.
    fn phrase_before(&self, q: &Quantity, last_end: usize) -> &'a str {
        let sentence: &'a str = self.sentence;
        let phrase = last_phrase(&sentence[last_end.min(q.start)..q.start]);
        if phrase.trim().is_empty() {
            last_phrase(&sentence[..q.start])
        } else {
            phrase
        }
    }

    /// What figure `q` measures: the words before it, the noun after it when those
    /// leave the thing counted to it (建设3个平台), or the subject of the goal before.
    fn subject_here(
        &self,
        q: &Quantity,
        phrase: &str,
        last_end: usize,
        out: &[Goal],
        doubts: &mut Vec<&'static str>,
    ) -> String {
        let sentence = self.sentence;
        let mut subject = subject_of(phrase);
        // "增长50%以上，达到120亿元": a verb alone names nothing of its own.
        if is_bare_verb(&subject) {
            subject.clear();
        }
        let noun = noun_after(&sentence[q.end..]);
        let tail_of_previous = last_end > 0
            && sentence[last_end.min(q.start)..q.start]
                .trim_end()
                .ends_with(['、', '和', '及']);
        if !noun.is_empty() && !noun.starts_with(|c: char| c.is_ascii_digit()) {
            if tail_of_previous {
                // "新建200万平方米厂房、100万平方米公寓": each noun follows its figure.
                subject = noun.to_string();
            } else if subject.is_empty() || COUNT_VERBS.iter().any(|v| subject.ends_with(v)) {
                subject.push_str(noun);
            }
        }
        if subject.is_empty() {
            // "打造光电信息这一引领性产业，力争三年内突破1000亿元": the clause before names it.
            let start = sentence[..q.start].len() - phrase.len();
            let before = subject_of(last_phrase(sentence[..start].trim_end_matches([',', '，'])));
            match out.last() {
                // "营业收入突破3000亿元，力争达到3200亿元": the same subject.
                Some(prev) => subject = prev.subject.clone(),
                None if !before.is_empty() && out.is_empty() => {
                    subject = before;
                    doubts.push("named by the clause before the figure's: check the name");
                }
                None => doubts.push("no words before the figure say what it measures"),
            }
        }
        subject
    }

    /// How figure `q` is to be met. A place in a ranking is one at most (五十强).
    fn comparator_here(&self, q: &Quantity, phrase: &str) -> Comparator {
        let here = if q.unit == MeasureUnit::Place {
            Comparator::AtMost
        } else {
            comparator(&self.sentence[..q.start], &self.sentence[q.end..])
        };
        if phrase.contains("至少") && here == Comparator::Reach {
            Comparator::AtLeast
        } else {
            here
        }
    }

    /// The form of figure `q`'s goal, in its unit: two tiers with its stretch, a range,
    /// a rise over a baseline, an average yearly growth, or one figure.
    fn form(
        &self,
        q: &Quantity,
        stretch: Option<&Quantity>,
        phrase: &str,
        subject: &str,
        comparator_here: Comparator,
        doubts: &mut Vec<&'static str>,
    ) -> (MeasureUnit, TargetValue) {
        if let Some(next) = stretch {
            let sentence = self.sentence;
            let top = (
                comparator(&sentence[..next.start], &sentence[next.end..]),
                next.value,
            );
            return (q.unit, tiers((comparator_here, q.value), top));
        }
        if let Some(high) = q.high {
            return (q.unit, self.open_range(q, high));
        }
        // 年均增长8.5%: a yearly rate, recorded on the measure that grows.
        let average = phrase.contains("年均")
            && ["增长", "增速", "递增", "提高"]
                .iter()
                .any(|w| phrase.contains(w));
        if average && q.unit == MeasureUnit::Percent {
            let grows = natural_unit(subject);
            let unit = if grows == MeasureUnit::Items {
                doubts.push("an average growth rate: the unit of what grows is unknown");
                MeasureUnit::Percent
            } else {
                grows
            };
            return (
                unit,
                TargetValue::AverageGrowth(Bound::plain(comparator_here, q.value)),
            );
        }
        let rise = SINCE_YEAR.is_match(phrase)
            && ["提高", "提升", "增长", "增加"]
                .iter()
                .any(|w| phrase.contains(w));
        if rise {
            let unit = match q.unit {
                MeasureUnit::Percent => {
                    doubts.push("a rise in percent: the unit is the measure's own, guessed");
                    natural_unit(subject)
                }
                u => u,
            };
            return (
                unit,
                TargetValue::IncreaseBy(Bound::plain(comparator_here, q.value)),
            );
        }
        (q.unit, single(comparator_here, q.value))
    }

    /// The goal of figure `q` read from `phrase`: what every figure's goal gets, alone
    /// or listed with others.
    fn figure_goal(
        &self,
        phrase: &str,
        q: &Quantity,
        subject: String,
        unit: MeasureUnit,
        value: TargetValue,
    ) -> Goal {
        let mut goal = self.goal(subject, unit, value);
        if let Some(year) = self.due_before(q.start) {
            goal.year = Some(year);
        }
        // 每季度至少一次: its own clause says the figure recurs; "力争每年…，…" says it
        // of the figures after it, as far as the modal word reaches.
        goal.each = each_of(phrase).or_else(|| self.each_with_modal(q.start));
        // "比例2024年不低于50%，2025年起不低于70%": a year in the figure's own
        // phrase is its year.
        if let Some(year) = stated_year(phrase) {
            goal.year = Some(year);
            goal.doubts.retain(|d| !d.contains("last year"));
            // "2021年以后不低于80%", "2025年起": from that year on, every year, to the
            // plan's last.
            let from_on = ["年以后", "年起", "年后"]
                .iter()
                .any(|w| phrase.contains(w));
            if let Some((_, end)) = self.doc.period.filter(|(_, end)| from_on && *end > year) {
                goal.year = Some(end);
                goal.each = Some(crate::content::Period::Year);
            }
        }
        if !q.unit_sure {
            goal.doubts.push("the unit was guessed");
        }
        if q.chinese {
            goal.doubts
                .push("the figure is written in Chinese numerals");
        }
        goal
    }

    /// Figures listed together (分别达到90%、60%、30%以上; 1家、20家和1300家): one
    /// goal each, sharing the comparator of the list, and each its own name when the
    /// names before are listed in the same number.
    fn listed(&self, run: &[&Quantity], last_end: usize) -> Vec<Goal> {
        let sentence = self.sentence;
        let (first, last) = (run[0], run[run.len() - 1]);
        let phrase = last_phrase(&sentence[last_end.min(first.start)..first.start]);
        let comparator_all = comparator(&sentence[..first.start], &sentence[last.end..]);
        let subject = subject_of(phrase);
        let names = list_items(&subject);
        run.iter()
            .enumerate()
            .map(|(i, q)| {
                let name = if names.len() == run.len() {
                    names[i].clone()
                } else {
                    subject.clone()
                };
                let value = match q.high {
                    Some(high) => self.open_range(q, high),
                    None => single(comparator_all, q.value),
                };
                let value = self.qualify(value, first.start, None);
                let mut goal = self.figure_goal(phrase, q, name, q.unit, value);
                if names.len() != run.len() {
                    goal.doubts
                        .push("one of several figures listed together: check its name");
                }
                goal
            })
            .collect()
    }
}

/// Plan texts written for the tests of each reading step.
#[cfg(test)]
pub(super) mod testing {
    use super::super::model::Goal;
    use super::super::text::Document;

    /// A title with a three-year period, for the texts below it.
    pub const HEAD: &str = "示范市工业倍增工作要点(2024—2026年)\n";

    /// The goals read from `text`.
    pub fn goals(text: &str) -> Vec<Goal> {
        super::find(&Document::parse(text))
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{HEAD, goals};
    use super::*;

    /// 年均增长 is a rate on the measure that grows; 每季度 makes a figure recur,
    /// kept as written.
    #[test]
    fn average_growth_and_recurring_figures() {
        let g = goals(&format!(
            "{HEAD}规上工业增加值年均增长8.5%以上。\n每季度至少举办1场对接活动。\n"
        ));
        assert_eq!(g.len(), 2, "{g:?}");
        assert_eq!(
            g[0].value,
            TargetValue::AverageGrowth(Bound::plain(Comparator::AtLeast, 8.5))
        );
        assert_eq!((g[0].unit, g[0].each), (MeasureUnit::YiYuan, None));
        assert_eq!(g[1].value, single(Comparator::AtLeast, 1.0));
        assert_eq!(g[1].each, Some(crate::content::Period::Quarter));
    }

    /// The part of a plan about where things stand, and a sentence dated before the
    /// plan's period, set no goals.
    #[test]
    fn facts_about_the_past_are_no_goals() {
        let g = goals(&format!(
            "{HEAD}一、发展基础\n2023年，营业收入300亿元。\n二、目标\n2023年，企业达到500家。到2026年，企业达到800家。\n"
        ));
        let values: Vec<&TargetValue> = g.iter().map(|g| &g.value).collect();
        assert_eq!(values, [&single(Comparator::Reach, 800.0)], "{g:?}");
    }

    /// A five-year plan's name gives the period and, with 末, the year.
    #[test]
    fn five_year_plans_give_years() {
        let doc = Document::parse(
            "示范区“十四五”产业发展规划\n二、目标\n营业收入达到500亿元。到“十五五”末，营业收入突破1000亿元。\n",
        );
        assert_eq!(doc.period, Some((2021, 2025)));
        let years: Vec<Option<u16>> = find(&doc).iter().map(|g| g.year).collect();
        assert_eq!(years, [Some(2025), Some(2030)]);
    }

    /// A place in a ranking is a goal of the place; a count of places that enter one
    /// is not a rank. 平方公里 is in 万平方米; 期 counts events.
    #[test]
    fn ranks_areas_and_sessions() {
        let g = goals(&format!(
            "{HEAD}制造业综合实力进入全国前30名。3个开发区进入全省前20名。建成区面积扩展到25平方公里。每年举办培训班不少于4期。\n"
        ));
        let read: Vec<(MeasureUnit, f64)> = g
            .iter()
            .map(|g| (g.unit, g.value.total().unwrap_or(0.0)))
            .collect();
        assert_eq!(
            read,
            [
                (MeasureUnit::Place, 30.0),
                (MeasureUnit::Zones, 3.0),
                (MeasureUnit::WanM2, 2500.0),
                (MeasureUnit::Events, 4.0)
            ],
            "{g:?}"
        );
    }

    #[test]
    fn responsibility_blocks_travel_with_the_goals() {
        let g = goals(&format!(
            "{HEAD}1.新建标准厂房200万平方米。〔责任单位：市工信局、市住建局〕\n2.推动3-5家企业上市(市金融办按职责分工负责)\n"
        ));
        assert_eq!(g[0].responsible, vec!["市工信局", "市住建局"]);
        assert_eq!(g[0].unit, MeasureUnit::WanM2);
        assert_eq!(g[0].subject, "新建标准厂房");
        assert_eq!(g[1].value, range(3.0, 5.0));
        assert_eq!(g[1].responsible, vec!["市金融办"]);
        assert_eq!(g[1].clause, "2");
    }

    #[test]
    fn cut_characters_never_panic() {
        // Figures near multi-byte characters at every position of a sentence.
        let text = format!("{HEAD}左右,规上工业营收突破2500亿元,同比增长15%以上。");
        for (i, _) in text.char_indices() {
            let _ = goals(&text[i..]);
        }
    }
}
