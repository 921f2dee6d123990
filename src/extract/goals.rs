//! Goals from the sentences of a plan: a subject, a figure, how it is to be met, the
//! year it is due, and how sure the reading is.
//!
//! A sentence is read figure by figure. Each figure's subject is the phrase before it
//! (from the last comma), stripped of the words that introduce a goal (确保, 力争, 到
//! 2025年) and of the verb that states it (突破, 达到). Two figures joined by 确保 …
//! 力争 are one goal with two tiers; a figure after 其中 is a part of the goal before
//! it; a figure that only qualifies a noun (超100亿元的项目) is no goal at all.

use std::sync::LazyLock;

use regex::Regex;

use super::quantity::{self, Quantity};
use super::text::{Document, Line, YEAR, due_years, first_chars};
use crate::content::{Bound, Comparator, MeasureUnit, Metric, TargetValue};

/// A goal's figure, in the content model's own [`TargetValue`]: the draft then
/// writes exactly the forms `plansite check` reads, and the two cannot drift apart.
pub(super) fn single(comparator: Comparator, value: f64) -> TargetValue {
    TargetValue::Single(Bound { comparator, value })
}

/// A range (3-5家).
pub(super) fn range(low: f64, high: f64) -> TargetValue {
    TargetValue::Range { low, high }
}

/// 确保 (floor) … 力争 (stretch).
pub(super) fn tiers(floor: (Comparator, f64), stretch: (Comparator, f64)) -> TargetValue {
    let bound = |(comparator, value)| Bound { comparator, value };
    TargetValue::Tiers {
        floor: bound(floor),
        stretch: bound(stretch),
    }
}

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
    /// The words of the text it was read from.
    pub span: String,
    pub clause: String,
    /// What the figure is about, in the text's words.
    pub subject: String,
    pub metric: Metric,
    pub unit: MeasureUnit,
    pub year: Option<u16>,
    pub annual: bool,
    pub value: TargetValue,
    pub baseline_year: Option<u16>,
    /// Parts named with 其中 (of which).
    pub parts: Vec<GoalPart>,
    /// A chain id from the built-in list of common chain names, when one matches.
    pub chain: Option<&'static str>,
    pub lead: Vec<String>,
    pub responsible: Vec<String>,
    /// 0–1; below [`super::REVIEW_BELOW`] the draft marks the goal for review.
    pub confidence: f64,
    /// Why the confidence is lower, for the editor.
    pub doubts: Vec<&'static str>,
}

/// Words before a year that make it a baseline (比2020年, 在2019年的基础上), not the
/// year a goal is due.
const SINCE: &[&str] = &["比", "较", "在", "与"];
static SINCE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:比|较|在|与)(20\d\d)年(?:底|末)?(?:的基础上|相比)?").expect("valid regex")
});
static LEADING_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}\s*[.、])")
        .expect("valid regex")
});

/// Common chain names and the ids the bundled registry gives them.
const CHAINS: &[(&str, &str)] = &[
    ("电子信息", "electronic-information"),
    ("光电信息", "electronic-information"),
    ("有色金属", "nonferrous-metals"),
    ("稀土", "nonferrous-metals"),
    ("现代家居", "furniture"),
    ("家具", "furniture"),
    ("纺织", "textiles-apparel"),
    ("鞋服", "textiles-apparel"),
    ("新能源", "new-energy"),
    ("锂电", "new-energy"),
    ("生物医药", "biomedicine"),
    ("医药", "biomedicine"),
    ("新材料", "new-materials"),
    ("有机硅", "silicones"),
    ("装备制造", "equipment-manufacturing"),
    ("智能制造", "equipment-manufacturing"),
    ("建材", "building-materials"),
    ("化工", "chemicals"),
    ("节能环保", "energy-saving-environmental"),
    ("绿色食品", "green-food"),
];

/// What a figure measures, from the words naming it and its unit.
fn metric_of(words: &str, unit: MeasureUnit) -> Metric {
    let has = |w: &[&str]| w.iter().any(|x| words.contains(x));
    match unit {
        MeasureUnit::Percent | MeasureUnit::PercentagePoints => {
            if has(&["比重", "占比", "比例", "占"]) {
                Metric::Share
            } else if has(&["增长", "增速", "增幅", "递增"]) {
                Metric::Growth
            } else if has(&["率", "集聚度", "覆盖", "普及"]) {
                Metric::Rate
            } else {
                Metric::Share
            }
        }
        MeasureUnit::WanM2 | MeasureUnit::Mu => Metric::Area,
        MeasureUnit::WanYuanPerMu => Metric::Intensity,
        MeasureUnit::YiYuan | MeasureUnit::WanYuan => money_metric(words),
        MeasureUnit::Place => Metric::Rank,
        MeasureUnit::Ratio => Metric::Ratio,
        _ => Metric::Count,
    }
}

fn money_metric(words: &str) -> Metric {
    const WORDS: &[(&str, Metric)] = &[
        ("产值", Metric::Output),
        ("增加值", Metric::ValueAdded),
        ("利润", Metric::Profit),
        ("资产", Metric::Assets),
        ("发债", Metric::Financing),
        ("债券", Metric::Financing),
        ("融资", Metric::Financing),
        ("成本", Metric::CostSaving),
        ("投资", Metric::Investment),
        ("投入", Metric::Investment),
    ];
    WORDS
        .iter()
        .find(|(w, _)| words.contains(w))
        .map_or(Metric::Revenue, |(_, m)| *m)
}

/// The comparator the words around a figure give it. 突破 wins over a following 以上
/// (突破3600亿元以上 is "over 3600").
fn comparator(before: &str, after: &str) -> Comparator {
    let before = before.trim_end();
    // 不超过 ends with 超过: "at most" words are read first.
    let at_most = ["不超过", "不高于", "控制在"]
        .iter()
        .any(|w| before.ends_with(w));
    if at_most || after.starts_with("以内") || after.starts_with("以下") {
        Comparator::AtMost
    } else if ["突破", "超过", "超", "过", "逾"]
        .iter()
        .any(|w| before.ends_with(w))
    {
        Comparator::Exceed
    } else if after.starts_with("左右") || before.ends_with('约') {
        Comparator::About
    } else if after.starts_with('强') {
        // 五十强: within the first fifty.
        Comparator::AtMost
    } else if after.starts_with("以上")
        || after.starts_with("及以上")
        || ["不低于", "不少于", "至少"]
            .iter()
            .any(|w| before.ends_with(w))
    {
        Comparator::AtLeast
    } else {
        Comparator::Reach
    }
}

/// Words that introduce a goal rather than name what it measures.
const LEADING: &[&str] = &[
    "确保",
    "力争",
    "全年",
    "每年",
    "年均",
    "累计",
    "实现",
    "推动",
    "其中",
    "努力",
    "争取",
    "全市",
    "全区",
    "全省",
    "完成",
    "培育形成",
    "打造",
    "建成",
    "创建",
    "同时",
];
/// Verbs and words that state a figure, at the end of the words before it.
const TRAILING: &[&str] = &[
    "突破",
    "超过",
    "超",
    "达到",
    "达",
    "提升至",
    "提高到",
    "提升到",
    "提高至",
    "增至",
    "不低于",
    "不少于",
    "不超过",
    "至少",
    "为",
    "至",
    "在",
    "约",
    "过",
    "逾",
    "保持在",
    "控制在",
    "占",
    "力争",
    "确保",
    "要",
    "分别",
    "平均",
    "均",
];

/// The words naming what a figure measures: the phrase before it, without the
/// words that introduce the goal and the verb that states it.
fn subject_of(phrase: &str) -> String {
    let against_baseline = SINCE_YEAR.is_match(phrase);
    let mut s = LEADING_NUMBER.replace(phrase.trim(), "").trim().to_string();
    let mut changed = true;
    while changed {
        changed = false;
        for w in LEADING {
            if let Some(rest) = s.strip_prefix(w) {
                s = rest.trim_start_matches([',', '，', ' ']).to_string();
                changed = true;
            }
        }
        let leading_year = due_years(&s)
            .map(|(range, _)| range)
            .next()
            .or_else(|| YEAR.find(&s).map(|m| m.range()))
            .filter(|range| range.start == 0);
        if let Some(range) = leading_year {
            s = s[range.end..]
                .trim_start_matches(['底', '末', ',', '，', ' '])
                .to_string();
            changed = true;
        }
        // The longest verb first: 不超过 before 超过, 保持在 before 在.
        if let Some(w) = TRAILING
            .iter()
            .filter(|w| s.ends_with(*w) && s.len() > w.len())
            .max_by_key(|w| w.len())
        {
            s.truncate(s.len() - w.len());
            s = s.trim_end().to_string();
            changed = true;
        }
        if let Some(m) = SINCE_YEAR.find(&s) {
            // "营业收入比2020年提高": the baseline is not part of the name.
            let cut = format!("{}{}", &s[..m.start()], &s[m.end()..]);
            s = cut.trim().to_string();
            changed = true;
        }
        // "比2020年提高15%": the rise is the goal's form, not part of its name.
        if against_baseline {
            for w in ["提高", "提升", "增长", "增加"] {
                if let Some(rest) = s.strip_suffix(w).filter(|r| !r.is_empty()) {
                    s = rest.trim_end().to_string();
                    changed = true;
                }
            }
        }
    }
    s.trim_matches(['“', '”', '"', ' ', '、', ',', '，'])
        .to_string()
}

/// The words after the last comma, colon, semicolon or full stop of `before`.
fn last_phrase(before: &str) -> &str {
    match before.rfind([',', '，', '。', '；', ';', ':', '：']) {
        Some(i) => {
            let width = before[i..].chars().next().map_or(1, char::len_utf8);
            &before[i + width..]
        }
        None => before,
    }
}

/// A figure used to qualify a noun (超100亿元项目, 百亿级企业, 50亿元以上的企业), not
/// stated as a goal. A count followed by a noun (3家企业, 10个项目) names what is
/// counted and stays a goal.
fn is_qualifier(q: &Quantity, after: &str) -> bool {
    const NOUNS: &[&str] = &[
        "项目",
        "企业",
        "产业",
        "园区",
        "级",
        "的",
        "工业",
        "重大",
        "大项目",
        "龙头",
        "骨干",
        "行业",
        "标杆",
        "集团",
        "市场主体",
        "开发区",
    ];
    let after = after
        .trim_start_matches("以上")
        .trim_start_matches("及以上")
        .trim_start_matches("以下");
    let counted = matches!(q.unit.kind(), crate::content::UnitKind::Count);
    (!counted && NOUNS.iter().any(|n| after.starts_with(n))) || after.starts_with('级')
}

/// A figure inside a quoted slogan whose count names nothing measurable (“一个跨越、
/// 两个提升”, “3个300”).
fn is_slogan(sentence: &str, q: &Quantity) -> bool {
    let before = &sentence[..q.start];
    let open = before.matches('“').count() > before.matches('”').count();
    !q.unit_sure && (open || q.chinese)
}

/// A count in Chinese numerals after a list of names (甲产业、乙产业、丙产业三个产业)
/// says how many were named, and sets no goal.
fn is_apposition(sentence: &str, q: &Quantity) -> bool {
    q.chinese && last_phrase(&sentence[..q.start]).contains('、')
}

/// The year a sentence names as the goal's: 到2025年, or 2025年 (not 比2020年).
fn stated_year(text: &str) -> Option<u16> {
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

/// Splits a line into sentences at 。 (a ； joins parts of one sentence: "确保…；力争…").
fn sentences(text: &str) -> Vec<&str> {
    text.split_inclusive('。')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The year each clause level states for its goals ("到2022年，…"), kept for the
/// clause's later lines and its sub-clauses, and forgotten at its next sibling.
#[derive(Default)]
struct ClauseYear {
    levels: [Option<String>; 3],
    years: [Option<u16>; 3],
}

impl ClauseYear {
    /// Moves to the clause of `line`: levels that changed lose their years.
    fn enter(&mut self, line: &Line) {
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

    fn set(&mut self, year: u16) {
        let depth = self.depth();
        self.years[depth] = Some(year);
    }

    /// The year of the clause or of the nearest clause above it that states one.
    fn year(&self) -> Option<u16> {
        self.years[..=self.depth()].iter().rev().find_map(|y| *y)
    }
}

/// Finds the goals of every line of `doc`.
pub fn find(doc: &Document) -> Vec<Goal> {
    let mut goals = Vec::new();
    let mut context = ClauseYear::default();
    for line in &doc.lines {
        context.enter(line);
        for sentence in sentences(&line.text) {
            // "到2022年，…" opening a sentence sets the year of the clause's later goals.
            if let Some(year) = opening_year(sentence) {
                context.set(year);
            }
            let reader = Reader {
                doc,
                line,
                context_year: context.year(),
            };
            goals.extend(reader.sentence(sentence));
        }
    }
    goals
}

/// The year a sentence opens with (到2022年，…), which holds beyond the sentence.
fn opening_year(sentence: &str) -> Option<u16> {
    let first = sentence.split([',', '，']).next()?;
    due_years(first).map(|(_, year)| year).next()
}

/// Verbs that leave the thing counted to the words after the figure (建设3个平台).
const COUNT_VERBS: &[&str] = &[
    "打造",
    "建设",
    "创建",
    "培育",
    "引进",
    "新建",
    "组建",
    "建成",
    "认定",
    "推动",
    "实施",
    "设立",
    "形成",
    "新增",
    "举办",
    "开展",
    "组织",
    "召开",
    "明确",
    "发布",
    "引育",
    "扶持",
    "支持",
    "遴选",
    "选择",
    "确定",
    "推进",
    "建立",
    "新认定",
    "引进培育",
];

/// The words after a figure up to the next punctuation, without a trailing 以上:
/// what a count counts (3家企业上市 counts 企业上市).
fn noun_after(after: &str) -> &str {
    let after = after
        .trim_start_matches("以上")
        .trim_start_matches("左右")
        .trim_start_matches("以内");
    let end = after
        .find([',', '，', '。', '；', ';', '、', '(', '“', '”', ':'])
        .unwrap_or(after.len());
    first_chars(&after[..end], 16)
}

/// How many times a year "每季度一次" and its like come to.
fn times_a_year(phrase: &str) -> Option<f64> {
    const EVERY: &[(&str, f64)] = &[
        ("每季度", 4.0),
        ("每个季度", 4.0),
        ("每月", 12.0),
        ("每个月", 12.0),
        ("每半年", 2.0),
        ("每周", 52.0),
    ];
    EVERY
        .iter()
        .find(|(w, _)| phrase.contains(w))
        .map(|(_, n)| *n)
}

/// Splits a list of names (注册、开工、投产、进资率; A、B和C) into its items.
fn list_items(subject: &str) -> Vec<String> {
    let mut items: Vec<String> = subject
        .split('、')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    // "…、B和C": the last item may join two names. Only a split leaving two words
    // of two characters or more is one (参与, 涉及 and 和谐 stay whole).
    if let Some(last) = items.pop() {
        let split = ['和', '及', '与'].iter().find_map(|c| {
            let (a, b) = last.split_once(*c)?;
            let words = a.chars().count() >= 2 && b.chars().count() >= 2;
            words.then(|| (a.to_string(), b.to_string()))
        });
        match split {
            Some((a, b)) => items.extend([a, b]),
            None => items.push(last),
        }
    }
    items
}

/// Reads the goals of one line's sentences.
struct Reader<'a> {
    doc: &'a Document,
    line: &'a Line,
    context_year: Option<u16>,
}

/// When a goal is due, and whether the reading is sure.
struct Due {
    year: Option<u16>,
    annual: bool,
    doubt: Option<&'static str>,
}

impl Reader<'_> {
    fn due(&self, sentence: &str) -> Due {
        let has = |w: &str| sentence.contains(w);
        let annual = has("每年") || has("年均");
        let period = self.doc.period;
        let this_year = has("全年") || has("今年") || has("当年");
        // 全年 in a plan of several years is its first year, whatever the clause says.
        let first_year = period
            .map(|(start, _)| start)
            .filter(|_| this_year && !annual);
        let year = stated_year(sentence).or(first_year).or(self.context_year);
        if let Some(y) = year {
            return Due {
                year: Some(y),
                annual,
                doubt: None,
            };
        }
        let multi_year = has("三年") || has("五年") || has("期间") || has("计划期");
        match period {
            Some((_, end)) if annual || multi_year => Due {
                year: Some(end),
                annual,
                doubt: None,
            },
            Some((start, end)) if start == end => Due {
                year: Some(end),
                annual,
                doubt: None,
            },
            Some((_, end)) => Due {
                year: Some(end),
                annual,
                doubt: Some("the year is the plan's last year; the sentence gives none"),
            },
            None => Due {
                year: None,
                annual,
                doubt: Some("no year found"),
            },
        }
    }

    fn goal(&self, sentence: &str, subject: String, unit: MeasureUnit, value: TargetValue) -> Goal {
        let due = self.due(sentence);
        let mut doubts = Vec::new();
        if let Some(d) = due.doubt {
            doubts.push(d);
        }
        if sentence.contains("截至") || sentence.contains("截止") {
            doubts.push("the sentence dates a fact (截至…): it may state no goal");
        }
        Goal {
            line: self.line.number,
            span: sentence.to_string(),
            clause: self.line.clause.clone(),
            metric: metric_of(&subject, unit),
            unit,
            year: due.year,
            annual: due.annual,
            value,
            baseline_year: None,
            parts: Vec::new(),
            chain: chain_of(&subject),
            lead: self.line.lead.clone(),
            responsible: self.line.responsible.clone(),
            confidence: 0.0,
            doubts,
            subject,
        }
    }

    fn sentence(&self, sentence: &str) -> Vec<Goal> {
        let all = quantity::find(sentence);
        let kept: Vec<&Quantity> = all
            .iter()
            .enumerate()
            .filter(|(i, q)| {
                !self.qualifies(sentence, &all, *i, q)
                    && !is_slogan(sentence, q)
                    && !is_apposition(sentence, q)
            })
            .map(|(_, q)| q)
            .collect();
        let baseline_year = SINCE_YEAR
            .captures(sentence)
            .and_then(|c| c[1].parse().ok());
        let runs = listed_runs(sentence, &kept);
        let mut out: Vec<Goal> = Vec::new();
        let mut last_end = 0;
        let mut r = 0;
        while r < runs.len() {
            let run = &runs[r];
            if run.len() > 1 {
                out.extend(self.listed(sentence, run, last_end));
                last_end = run[run.len() - 1].end;
                r += 1;
                continue;
            }
            let q = run[0];
            let stretch = runs
                .get(r + 1)
                .filter(|next| next.len() == 1)
                .map(|next| next[0])
                .filter(|n| {
                    n.unit == q.unit
                        && sentence[..q.start].contains("确保")
                        && sentence[q.end..n.start].contains("力争")
                });
            if let Some(goal) = self.single(sentence, q, stretch, last_end, baseline_year, &mut out)
            {
                out.push(goal);
            }
            last_end = stretch.map_or(q.end, |n| n.end);
            r += if stretch.is_some() { 2 } else { 1 };
        }
        out.extend(self.doublings(sentence, baseline_year));
        out.extend(self.first_ones(sentence));
        for g in &mut out {
            g.confidence = (0.95 - 0.15 * g.doubts.len() as f64).max(0.2);
        }
        out
    }

    /// The goal of one figure (or of a floor and its stretch), or `None` when the
    /// figure is a part (其中) of the goal before it and has been added to it.
    fn single(
        &self,
        sentence: &str,
        q: &Quantity,
        stretch: Option<&Quantity>,
        last_end: usize,
        baseline_year: Option<u16>,
        out: &mut [Goal],
    ) -> Option<Goal> {
        let before = &sentence[..q.start];
        let after = &sentence[q.end..];
        let phrase = last_phrase(&sentence[last_end.min(q.start)..q.start]);
        let phrase = if phrase.trim().is_empty() {
            last_phrase(before)
        } else {
            phrase
        };
        // 其中: a part of the goal before it (an amount of the same unit). A count
        // after 其中 (其中超50亿元企业3-4家) is a goal of its own.
        let amount = !matches!(q.unit.kind(), crate::content::UnitKind::Count);
        if let Some(rest) = phrase.trim().strip_prefix("其中")
            && amount
            && q.high.is_none()
            && let Some(parent) = out.last_mut().filter(|g| g.unit == q.unit)
        {
            parent.parts.push(GoalPart {
                name: subject_of(rest),
                value: q.value,
            });
            return None;
        }
        let mut subject = subject_of(phrase);
        let mut doubts: Vec<&'static str> = Vec::new();
        let noun = noun_after(after);
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
            match out.last() {
                // "营业收入突破3000亿元，力争达到3200亿元": the same subject.
                Some(prev) => subject = prev.subject.clone(),
                None => doubts.push("no words before the figure say what it measures"),
            }
        }
        let mut comparator_here = if q.unit == MeasureUnit::Place {
            Comparator::AtMost
        } else {
            comparator(before, after)
        };
        if phrase.contains("至少") && comparator_here == Comparator::Reach {
            comparator_here = Comparator::AtLeast;
        }
        let mut annual = false;
        let (unit, value) = if let Some(next) = stretch {
            let top = (
                comparator(&sentence[..next.start], &sentence[next.end..]),
                next.value,
            );
            (q.unit, tiers((comparator_here, q.value), top))
        } else if let Some(high) = q.high {
            (q.unit, range(q.value, high))
        } else if SINCE_YEAR.is_match(phrase)
            && ["提高", "提升", "增长", "增加"]
                .iter()
                .any(|w| phrase.contains(w))
        {
            let unit = match q.unit {
                MeasureUnit::Percent => {
                    doubts.push("a rise in percent: the unit is the measure's own, guessed");
                    natural_unit(&subject)
                }
                u => u,
            };
            (unit, TargetValue::IncreaseBy(q.value))
        } else if let Some(times) = times_a_year(phrase).filter(|_| {
            q.value == 1.0 && matches!(q.unit, MeasureUnit::Events | MeasureUnit::Items)
        }) {
            // 每季度至少一次: four (at least) a year.
            annual = true;
            (MeasureUnit::Events, single(comparator_here, times))
        } else {
            (q.unit, single(comparator_here, q.value))
        };
        let mut goal = self.figure_goal(sentence, phrase, q, subject, unit, value);
        goal.annual |= annual;
        goal.metric = metric_of(&format!("{}{}", goal.subject, first_chars(after, 6)), unit);
        if matches!(goal.value, TargetValue::IncreaseBy(_)) {
            goal.baseline_year = baseline_year;
            goal.metric = metric_of(&goal.subject, unit);
        }
        goal.doubts.extend(doubts);
        Some(goal)
    }

    /// The goal of figure `q` read from `phrase`: what every figure's goal gets, alone
    /// or listed with others.
    fn figure_goal(
        &self,
        sentence: &str,
        phrase: &str,
        q: &Quantity,
        subject: String,
        unit: MeasureUnit,
        value: TargetValue,
    ) -> Goal {
        let mut goal = self.goal(sentence, subject, unit, value);
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
    fn listed(&self, sentence: &str, run: &[&Quantity], last_end: usize) -> Vec<Goal> {
        let (first, last) = (run[0], run[run.len() - 1]);
        let before = &sentence[..first.start];
        let phrase = last_phrase(&sentence[last_end.min(first.start)..first.start]);
        let comparator_all = comparator(before, &sentence[last.end..]);
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
                    Some(high) => range(q.value, high),
                    None => single(comparator_all, q.value),
                };
                let mut goal = self.figure_goal(sentence, phrase, q, name, q.unit, value);
                if names.len() != run.len() {
                    goal.doubts
                        .push("one of several figures listed together: check its name");
                }
                goal
            })
            .collect()
    }

    /// "实现零的突破" (break through zero): at least one, for each thing named before
    /// it (千亿级产业、千亿级企业零的突破 is a first such industry and a first such firm).
    fn first_ones(&self, sentence: &str) -> Vec<Goal> {
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
                let value = single(Comparator::AtLeast, 1.0);
                let mut goal = self.goal(sentence, subject, unit, value);
                goal.doubts.push("零的突破 read as at least one");
                Some(goal)
            })
            .collect()
    }

    /// Whether the figure at `i` only qualifies a noun, alone or in a list of such
    /// figures (总投资80亿元、30亿元重大项目).
    fn qualifies(&self, sentence: &str, all: &[Quantity], i: usize, q: &Quantity) -> bool {
        let after = &sentence[q.end..];
        // "三个翻番" counts doublings: the doublings are the goals.
        let doubling = ["翻番", "”翻番", "倍增"]
            .iter()
            .any(|w| after.starts_with(w));
        if is_qualifier(q, after) || doubling {
            return true;
        }
        let listed = after.starts_with('、');
        listed
            && all
                .get(i + 1)
                .is_some_and(|n| n.unit == q.unit && self.qualifies(sentence, all, i + 1, n))
    }

    /// Doublings (翻番, 倍增): one goal for each thing named before the word, which
    /// may be a list (工业投资、营业收入等倍增).
    fn doublings(&self, sentence: &str, baseline_year: Option<u16>) -> Vec<Goal> {
        let mut out = Vec::new();
        for word in ["翻番", "倍增", "翻一番"] {
            let Some(at) = sentence.find(word) else {
                continue;
            };
            // "倍增行动", "倍增计划": the name of a programme, not a goal.
            let next = sentence[at + word.len()..].trim_start_matches(['”', '"']);
            if ["行动", "计划", "升级", "发展", "工作", "目标", "总体目标"]
                .iter()
                .any(|w| next.starts_with(w))
            {
                continue;
            }
            let phrase = last_phrase(&sentence[..at]);
            // "…双创团队“三个翻番”": the count of doublings is no part of their names.
            let phrase = phrase
                .trim_end_matches(['“', '”', '"'])
                .trim_end_matches('个')
                .trim_end_matches(|c: char| "一二两三四五六七八九十".contains(c))
                .trim_end_matches(['“', '”', '"'])
                .trim_end_matches('等')
                .trim_end_matches("实现");
            let phrase = phrase
                .split_once("实现")
                .map_or(phrase, |(_, rest)| rest)
                .trim_start_matches(['“', '"']);
            for item in phrase.split('、') {
                let subject = subject_of(item);
                let unit = natural_unit(&subject);
                // "以改革促倍增": nothing that can be counted or summed is doubled.
                if subject.is_empty() || unit == MeasureUnit::Items {
                    continue;
                }
                let mut goal = self.goal(sentence, subject, unit, TargetValue::Double);
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
}

/// Groups figures into lists: figures of one unit separated only by 、, 和 or 及.
fn listed_runs<'q>(sentence: &str, kept: &[&'q Quantity]) -> Vec<Vec<&'q Quantity>> {
    let mut runs: Vec<Vec<&Quantity>> = Vec::new();
    for q in kept {
        let joins_last = runs.last().and_then(|run| run.last()).is_some_and(|prev| {
            prev.unit == q.unit
                && matches!(
                    sentence[prev.end..q.start].trim(),
                    "、" | "和" | "及" | "与"
                )
        });
        match runs.last_mut() {
            Some(run) if joins_last => run.push(q),
            _ => runs.push(vec![q]),
        }
    }
    runs
}

/// The unit a measure is usually stated in, from its name (for doublings and rises
/// in percent, whose text gives no unit).
fn natural_unit(subject: &str) -> MeasureUnit {
    const WORDS: &[(&str, MeasureUnit)] = &[
        ("亩均", MeasureUnit::WanYuanPerMu),
        ("亩产", MeasureUnit::WanYuanPerMu),
        ("收入", MeasureUnit::YiYuan),
        ("产值", MeasureUnit::YiYuan),
        ("投资", MeasureUnit::YiYuan),
        ("增加值", MeasureUnit::YiYuan),
        ("利润", MeasureUnit::YiYuan),
        ("资产", MeasureUnit::YiYuan),
        ("规模", MeasureUnit::YiYuan),
        ("平台", MeasureUnit::Platforms),
        ("团队", MeasureUnit::Teams),
        ("企业", MeasureUnit::Firms),
        ("项目", MeasureUnit::Projects),
        ("面积", MeasureUnit::WanM2),
    ];
    WORDS
        .iter()
        .find(|(w, _)| subject.contains(w))
        .map_or(MeasureUnit::Items, |(_, u)| *u)
}

fn chain_of(subject: &str) -> Option<&'static str> {
    CHAINS
        .iter()
        .find(|(name, _)| subject.contains(name))
        .map(|(_, id)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goals(text: &str) -> Vec<Goal> {
        find(&Document::parse(text))
    }

    const HEAD: &str = "示范市工业倍增工作要点(2024—2026年)\n";

    #[test]
    fn tiers_from_ensure_and_strive() {
        let g = goals(&format!(
            "{HEAD}一、目标\n确保电子信息产业集群产值突破900亿元，力争达到1100亿元。\n"
        ));
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(
            g[0].value,
            tiers((Comparator::Exceed, 900.0), (Comparator::Reach, 1100.0))
        );
        assert_eq!(g[0].subject, "电子信息产业集群产值");
        assert_eq!(g[0].metric, Metric::Output);
        assert_eq!(g[0].chain, Some("electronic-information"));
        assert_eq!(g[0].clause, "一");
    }

    #[test]
    fn comparators_from_the_words_around() {
        let g = goals(&format!(
            "{HEAD}增加值增长6.5%左右，营业收入突破3000亿元，新增企业200家以上，占比不低于55%，企业上云超5000家。\n"
        ));
        let values: Vec<&TargetValue> = g.iter().map(|g| &g.value).collect();
        assert_eq!(
            values,
            vec![
                &single(Comparator::About, 6.5),
                &single(Comparator::Exceed, 3000.0),
                &single(Comparator::AtLeast, 200.0),
                &single(Comparator::AtLeast, 55.0),
                &single(Comparator::Exceed, 5000.0),
            ]
        );
        assert_eq!(g[0].metric, Metric::Growth);
        assert_eq!(g[2].subject, "新增企业");
    }

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
    fn rises_and_doublings_against_a_baseline() {
        let g = goals(&format!(
            "{HEAD}占比较2023年提升3个百分点。亩均税收比2023年提高12%。\n"
        ));
        assert_eq!(g[0].value, TargetValue::IncreaseBy(3.0));
        assert_eq!(g[0].unit, MeasureUnit::PercentagePoints);
        assert_eq!(g[0].baseline_year, Some(2023));
        assert_eq!(g[1].value, TargetValue::IncreaseBy(12.0));
        assert_eq!(g[1].subject, "亩均税收");
        assert_eq!(g[1].unit, MeasureUnit::WanYuanPerMu);
        let d = goals(&format!("{HEAD}力争三年内实现全市工业产值翻番。\n"));
        assert_eq!(d[0].value, TargetValue::Double);
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
    fn at_most_words_are_not_read_as_over() {
        let g = goals(&format!(
            "{HEAD}资产负债率不超过60%，单位能耗控制在0.5吨以内，万元产值能耗保持在12%。\n"
        ));
        assert_eq!(g[0].value, single(Comparator::AtMost, 60.0));
        assert_eq!(g[0].subject, "资产负债率");
        assert_eq!(g[1].subject, "万元产值能耗", "{g:?}");
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
    fn single_characters_and_dates_of_facts_are_kept() {
        let g = goals(&format!(
            "{HEAD}并购企业达到5家，要素保障项目10个。截至2023年底，已有企业500家。\n"
        ));
        assert_eq!(g[0].subject, "并购企业");
        assert_eq!(g[1].subject, "要素保障项目");
        // A fact dated 截至 is no goal due that year.
        assert_ne!(g[2].year, Some(2023), "{g:?}");
        let baseline = goals(&format!("{HEAD}2026年产值与2023年相比翻番。\n"));
        assert_eq!(baseline[0].year, Some(2026), "{baseline:?}");
        assert_eq!(baseline[0].baseline_year, Some(2023));
    }

    #[test]
    fn lists_split_on_their_marks_but_not_inside_words() {
        assert_eq!(
            list_items("甲企业、乙企业和丙企业"),
            vec!["甲企业", "乙企业", "丙企业"]
        );
        assert_eq!(list_items("参与企业"), vec!["参与企业"]);
        assert_eq!(
            list_items("涉及产业、和谐园区"),
            vec!["涉及产业", "和谐园区"]
        );
    }

    #[test]
    fn a_first_one_is_at_least_one() {
        let g = goals(&format!("{HEAD}力争百亿级园区和独角兽企业实现零的突破。\n"));
        let read: Vec<(MeasureUnit, &TargetValue)> = g.iter().map(|g| (g.unit, &g.value)).collect();
        let one = single(Comparator::AtLeast, 1.0);
        assert_eq!(
            read,
            vec![(MeasureUnit::Zones, &one), (MeasureUnit::Firms, &one)],
            "{g:?}"
        );
    }

    #[test]
    fn qualifiers_are_not_goals() {
        let g = goals(&format!(
            "{HEAD}培育年营收超80亿元企业8家以上。重点对接总投资80亿元、30亿元以上重大项目。\n"
        ));
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g[0].value, single(Comparator::AtLeast, 8.0));
        assert_eq!(g[0].unit, MeasureUnit::Firms);
        let counted = goals(&format!("{HEAD}推动3-5家企业上市。\n"));
        assert_eq!(counted[0].value, range(3.0, 5.0));
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
