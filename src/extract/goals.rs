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

use super::due::{ClauseYear, Due, due, each_of, opening_year, stated_year};
use super::figures::{goal_figures, listed_runs};
use super::measure::{chain_of, comparator, metric_of, natural_unit};
use super::model::{Goal, GoalPart, range, single, tiers};
use super::quantity::{self, Quantity};
use super::subject::{COUNT_VERBS, SINCE_YEAR, last_phrase, list_items, noun_after, subject_of};
use super::text::{Document, Line, YEAR, due_years, first_chars};
use crate::content::{Bound, Comparator, MeasureUnit, OpenEnd, Qualifier, TargetValue, UnitKind};

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

/// Whether `sentence` opens with a year before the plan's period (2021年，…为402亿元;
/// 截至2023年底…), so that its figures are facts the goals start from.
fn states_the_past(sentence: &str, period: Option<(u16, u16)>) -> bool {
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

/// The most characters read as one sentence. The bundled plans' longest sentence
/// has about 300; a longer one is a list, or a page that lost its full stops, and
/// reading it whole costs time and memory quadratic in its length (each figure's
/// goal may look back over all the words before it, and take them as its name).
const MAX_SENTENCE: usize = 1000;

/// Splits a line into sentences at 。 (a ； joins parts of one sentence: "确保…；力争…"),
/// and a sentence longer than [`MAX_SENTENCE`] into pieces of at most that many
/// characters, each ending at a comma or semicolon where one allows.
fn sentences(text: &str) -> Vec<&str> {
    text.split_inclusive('。')
        .flat_map(pieces)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// `sentence` cut into pieces of at most [`MAX_SENTENCE`] characters.
fn pieces(sentence: &str) -> impl Iterator<Item = &str> {
    let mut rest = sentence;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = match rest.char_indices().nth(MAX_SENTENCE) {
            None => rest.len(),
            Some((limit, _)) => rest[..limit]
                .rfind(['，', ',', '；', ';'])
                .map_or(limit, |at| {
                    at + rest[at..].chars().next().map_or(1, char::len_utf8)
                }),
        };
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
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
    ensure_end: Option<usize>,
    /// The modal words of the sentence (确保, 力争…), each with where it ends.
    modals: Vec<(usize, Qualifier)>,
    /// Where the sentence's semicolons are: a modal word holds up to the next one.
    semicolons: Vec<usize>,
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

    /// The modal word that governs a figure at `at`: the last one before it in the
    /// sentence, unless a semicolon ends its reach first ("力争…，…" reaches every
    /// figure of the sentence after it; "确保…；…" stops at the semicolon).
    pub(super) fn qualifier_at(&self, at: usize) -> Option<Qualifier> {
        let before = self.modals.partition_point(|(end, _)| *end <= at);
        let (end, qualifier) = *self.modals[..before].last()?;
        let stop = self.semicolons.partition_point(|s| *s < end);
        match self.semicolons.get(stop) {
            Some(&s) if s < at => None,
            _ => Some(qualifier),
        }
    }

    /// `value` with the modal word of the figure at `at` (and, for two tiers, of its
    /// stretch at `stretch_at`), where the value states none of its own.
    fn qualify(&self, value: TargetValue, at: usize, stretch_at: Option<usize>) -> TargetValue {
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

    /// The figures after `q` that are higher levels of the same goal: 确保突破900亿元，
    /// 力争达到1100亿元; 突破1万亿元、达到1.3万亿元、争创1.5万亿元. Each is a single figure
    /// in `q`'s unit, higher than the one before, with only words of degree between
    /// (or, as before, any words between a 确保 figure and a 力争 one).
    fn tiers_after<'q>(&self, q: &Quantity, next: &[Vec<&'q Quantity>]) -> Vec<&'q Quantity> {
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
                TargetValue::IncreaseBy(Bound::plain(Comparator::Reach, q.value)),
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
        // 每季度至少一次: its own clause says the figure recurs.
        goal.each = each_of(phrase);
        // "比例2024年不低于50%，2025年起不低于70%": a year in the figure's own
        // phrase is its year.
        if let Some(year) = stated_year(phrase) {
            goal.year = Some(year);
            goal.doubts.retain(|d| !d.contains("last year"));
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

/// The names 各 (or 分别 before a single figure) gives one figure to ("科技企业孵化器和众创空间各5个": two; "电子信息、
/// 新能源汽车四条产业链营业收入各超过1000亿元": each name completed with the words after
/// the last one), and whether completing them was a guess. `None` unless `phrase`
/// names two or more before its 各.
fn each_names(phrase: &str) -> Option<(Vec<String>, bool)> {
    // 分别 before a single figure gives it to each name as 各 does.
    let at = phrase.rfind('各').or_else(|| phrase.rfind("分别"))?;
    let items = list_items(&subject_of(&phrase[..at]));
    if items.len() < 2 {
        return None;
    }
    let (last, others) = items.split_last()?;
    // "高端装备四条产业链营业收入": the count of the names ends the last one.
    let (head, tail) = match COUNT_OF_NAMES.find(last) {
        Some(m) if m.start() > 0 => (&last[..m.start()], &last[m.end()..]),
        _ => {
            let previous = others.last().map_or(0, |o| o.chars().count());
            let cut = last
                .char_indices()
                .nth(previous)
                .map_or(last.len(), |(i, _)| i);
            if last.chars().count() >= previous + 2 && previous >= 2 {
                (&last[..cut], &last[cut..])
            } else {
                (last.as_str(), "")
            }
        }
    };
    let mut names: Vec<String> = others.iter().map(|o| format!("{o}{tail}")).collect();
    names.push(format!("{head}{tail}"));
    Some((names, !tail.is_empty()))
}

/// A count of the names listed before it: 四条, 两大, 三个.
static COUNT_OF_NAMES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"[两二三四五六七八九十]+(?:条|大|个|类|项|家)").expect("valid regex")
});

/// The modal words of `sentence` (确保, 力争, 争取, 争创, 努力), each with where it
/// ends, in order.
fn modal_words(sentence: &str) -> Vec<(usize, Qualifier)> {
    let mut found: Vec<(usize, Qualifier)> = Qualifier::ALL
        .iter()
        .flat_map(|&q| {
            sentence
                .match_indices(q.zh())
                // "通过三年的努力": effort as a noun states no degree.
                .filter(|(at, _)| {
                    let before = &sentence[..*at];
                    !(before.ends_with('的') || before.ends_with('年') || before.ends_with("通过"))
                })
                .map(move |(at, w)| (at + w.len(), q))
        })
        .collect();
    found.sort_by_key(|(end, _)| *end);
    found
}

/// 其中: a figure that is a part of the goal before it (an amount or a count in the
/// same unit, no larger than the whole) is added to that goal's parts; true if it
/// was. `of_which` says a 其中 earlier in the sentence still holds. A share after 其中 measures another whole, and a range (其中超50亿元企业3-4家)
/// is read as a goal of its own.
fn add_part(phrase: &str, q: &Quantity, of_which: bool, out: &mut [Goal]) -> bool {
    let summable = matches!(
        q.unit.kind(),
        UnitKind::Money | UnitKind::Count | UnitKind::Area
    );
    let name = match phrase.trim().strip_prefix("其中") {
        Some(rest) => rest,
        None if of_which => phrase,
        None => return false,
    };
    let Some(parent) = out
        .last_mut()
        .filter(|g| g.unit == q.unit && g.value.total().is_none_or(|total| total >= q.value))
    else {
        return false;
    };
    if !summable || q.high.is_some() {
        return false;
    }
    parent.parts.push(GoalPart {
        name: subject_of(name),
        value: q.value,
    });
    true
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
    use crate::content::Metric;

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

    /// A count after 其中 is a part of the count before it, as an amount is.
    #[test]
    fn counted_parts_with_of_which() {
        let g = goals(&format!(
            "{HEAD}A级旅游景区达到15家，其中4A级以上景区5家。\n"
        ));
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g[0].parts.len(), 1);
        assert_eq!(g[0].parts[0].value, 5.0);
        assert_eq!(g[0].unit, MeasureUnit::Zones);
    }

    /// 其中 followed by a comma still makes the figures after it parts, up to a
    /// semicolon.
    #[test]
    fn of_which_holds_across_commas() {
        let g = goals(&format!(
            "{HEAD}每年新增重大项目10个，其中，超100亿元项目1个，超50亿元项目3个；新增企业5家。\n"
        ));
        assert_eq!(g.len(), 2, "{g:?}");
        let parts: Vec<f64> = g[0].parts.iter().map(|p| p.value).collect();
        assert_eq!(parts, [1.0, 3.0]);
        assert_eq!(g[1].value, single(Comparator::Reach, 5.0));
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
    fn parts_with_of_which() {
        let g = goals(&format!(
            "{HEAD}全产业链营业收入突破900亿元，其中精深加工环节突破250亿元。\n"
        ));
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(
            g[0].parts,
            vec![GoalPart {
                name: "精深加工环节".into(),
                value: 250.0
            }]
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
