//! A plan's text as lines, with its title, period, clause of each line and the units
//! each line names as responsible.

use std::sync::LazyLock;

use regex::Regex;

/// One line of the text, normalised, with what surrounds it.
#[derive(Debug, Clone)]
pub struct Line {
    /// 1-based line number in the original text.
    pub number: usize,
    /// The text without its responsibility block.
    pub text: String,
    /// The clause the line belongs to, such as `二(一)3`.
    pub clause: String,
    /// The clause's numbers by level (`二`, `(一)`, `3`), for telling a sub-clause
    /// from a sibling (一(一) holds 一's year; 十一 does not hold 十's).
    pub levels: [Option<String>; 3],
    pub lead: Vec<String>,
    pub responsible: Vec<String>,
    /// Whether the line is in a part that describes where things stand (一、发展基础),
    /// whose figures are facts, not goals.
    pub background: bool,
}

/// Words in a part's heading that make it a description of where things stand.
const BACKGROUND: &[&str] = &["基础", "现状", "基本情况", "回顾", "成效", "形势"];

/// The five-year plans by their names (十三五) and the years they cover.
static FIVE_YEAR_PLAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"十([一二三四五六七八九])五").expect("valid regex"));
/// The end of a five-year plan as a due date: 到“十四五”末, “十五五”期末.
static FIVE_YEAR_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:到|至)?[“"]?十([一二三四五六七八九])五[”"]?(?:规划)?(?:期末|末)"#)
        .expect("valid regex")
});

/// The years of the five-year plan numbered `n` in Chinese (三 for 十三五: 2016–2020).
fn five_year_plan(n: &str) -> Option<(u16, u16)> {
    let k = "一二三四五六七八九"
        .chars()
        .position(|c| n.starts_with(c))? as u16
        + 11;
    let start = 2006 + 5 * (k - 11);
    Some((start, start + 4))
}

/// The parsed text.
#[derive(Debug, Clone)]
pub struct Document {
    pub title: String,
    /// The years the plan covers, when the text says.
    pub period: Option<(u16, u16)>,
    /// Clause numbers in order, with the heading text that follows them.
    pub clauses: Vec<(String, String)>,
    pub lines: Vec<Line>,
}

static PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(20\d\d)\s*[-—–~～至]\s*(20\d\d)\s*年").expect("valid regex"));
/// A year: 2025年.
pub(super) static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(20\d\d)\s*年").expect("valid regex"));
/// A line that is a date alone (2021年11月4日), or a labelled date of publication
/// (【公布日期】2021.11.04): when the document was issued.
static ISSUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(20\d\d)年\d{1,2}月\d{1,2}日$|.{0,8}(?:公布|发布|印发|成文)日期\D{0,3}(20\d\d))",
    )
    .expect("valid regex")
});
/// 到2025年, 至2025年, and 截至2023年 (which dates a fact, not a goal: see
/// [`due_years`]).
static TO_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(截)?(?:到|至)(20\d\d)年").expect("valid regex"));

/// The years goals are due by in `text` (到2025年, 到“十四五”末), with where each is
/// written, in order.
pub(super) fn due_years(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, u16)> + '_ {
    let years = TO_YEAR.captures_iter(text).filter_map(|c| {
        let whole = c.get(0)?;
        let year = c[2].parse().ok()?;
        c.get(1).is_none().then_some((whole.range(), year))
    });
    // Most sentences name no five-year plan: the second search is skipped for them.
    let plans = text.contains('五').then(|| {
        FIVE_YEAR_END
            .captures_iter(text)
            .filter_map(|c| Some((c.get(0)?.range(), five_year_plan(&c[1])?.1)))
    });
    let mut all: Vec<_> = years.chain(plans.into_iter().flatten()).collect();
    all.sort_by_key(|(range, _)| range.start);
    all.into_iter()
}

/// The first `n` characters of `s` (never cutting a character).
pub(super) fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The last `n` characters of `s`.
pub(super) fn last_chars(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}
/// A figure written with thousands separators: 1,000 or 12,500.
static THOUSANDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|[^\d.,])(\d{1,3}(?:,\d{3})+)").expect("valid regex"));
static LEVEL1: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([一二三四五六七八九十]+)、").expect("valid regex"));
static LEVEL2: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(([一二三四五六七八九十]+)\)").expect("valid regex"));
static LEVEL3: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})\s*[.、](\D)").expect("valid regex"));
static UNITS_BLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"〔([^〕]*)〕").expect("valid regex"));
static DUTY_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(([^()]*?)(?:按职责分工负责|负责落实|牵头[^()]*?配合)\)").expect("valid regex")
});

/// Full-width digits, letters and brackets to their plain forms, thousands
/// separators dropped (1,000亿元), and the spaces that web pages put between figures
/// and Chinese words removed, so later stages see one spelling. A space between two
/// figures stays: 2021 2025 are two years.
pub fn normalise(line: &str) -> String {
    let line = THOUSANDS.replace_all(line, |c: &regex::Captures| {
        format!("{}{}", &c[1], c[2].replace(',', ""))
    });
    let chars: Vec<char> = line
        .chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '（' => '(',
            '）' => ')',
            '％' => '%',
            '．' => '.',
            '：' => ':',
            '\u{a0}' | '\u{3000}' => ' ',
            _ => c,
        })
        .collect();
    let mut out = String::with_capacity(line.len());
    // The first character after the current run of spaces, found once per run (a
    // search from each space would be quadratic in a long run).
    let mut run_end = 0;
    for (i, c) in chars.iter().enumerate() {
        if *c == ' ' {
            if run_end <= i {
                run_end = chars[i..]
                    .iter()
                    .position(|c| *c != ' ')
                    .map_or(chars.len(), |n| i + n);
            }
            let prev = out.chars().next_back();
            let next = chars.get(run_end);
            let wide = |c: Option<&char>| c.is_some_and(|c| !c.is_ascii() || c.is_ascii_digit());
            let digits = prev.is_some_and(|c| c.is_ascii_digit())
                && next.is_some_and(|c| c.is_ascii_digit());
            if wide(prev.as_ref()) && wide(next) && !digits {
                continue;
            }
        }
        out.push(*c);
    }
    out.trim().to_string()
}

/// Splits a list of units as plans write them: 市工信局、市商务局，赣州经开区. A
/// separator inside brackets belongs to the name: 各县(市、区)政府 is one unit.
fn split_units(list: &str) -> Vec<String> {
    let mut units = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    for c in list.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && matches!(c, '、' | '，' | ',' | ';' | '；') {
            units.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    units.push(current);
    units
        .into_iter()
        .map(|u| u.trim().trim_end_matches('等').trim().to_string())
        .filter(|u| !u.is_empty() && u.chars().count() <= 40)
        .collect()
}

/// Takes the responsibility block off a line: 〔责任单位：…〕, 〔牵头单位：…；责任单位：…〕
/// or (…按职责分工负责). Returns the line without it, and the lead and responsible units.
fn take_units(text: &str) -> (String, Vec<String>, Vec<String>) {
    let mut lead = Vec::new();
    let mut responsible = Vec::new();
    let mut rest = text.to_string();
    if let Some(m) = UNITS_BLOCK.captures(text) {
        let inner = m.get(1).map_or("", |g| g.as_str());
        for part in inner.split(['；', ';']) {
            let part = part.trim();
            if let Some(list) = part
                .strip_prefix("牵头单位")
                .map(|p| p.trim_start_matches([':', '：']))
            {
                lead.extend(split_units(list));
            } else if let Some(list) = part
                .strip_prefix("责任单位")
                .map(|p| p.trim_start_matches([':', '：']))
            {
                // "除标明特定县(市、区)外…" is a rule, not a unit.
                let list = list.split("除标明").next().unwrap_or(list);
                responsible.extend(split_units(list));
            }
        }
        rest = UNITS_BLOCK.replace(&rest, "").into_owned();
    } else if let Some(m) = DUTY_BLOCK.captures(text) {
        let inner = m.get(1).map_or("", |g| g.as_str());
        if let Some((l, r)) = inner.split_once("牵头") {
            lead.extend(split_units(l));
            responsible.extend(split_units(r.trim_start_matches(['，', ','])));
        } else {
            responsible.extend(split_units(inner));
        }
        rest = DUTY_BLOCK.replace(&rest, "").into_owned();
    }
    (rest, lead, responsible)
}

/// Lines that belong to the page around the document, not to it.
fn is_furniture(line: &str) -> bool {
    const MARKS: &[&str] = &[
        "分享到",
        "扫一扫",
        "扫码",
        "当前位置",
        "您现在的位置",
        "访问量",
        "上一篇",
        "下一篇",
        "关联稿件",
        "官方微信",
        "手机版",
        "打印本页",
        "关闭窗口",
        "字号",
        "文章关键词",
        "权威声音",
    ];
    // A plan's own sentences are long; furniture is short (and 字号 also stands in
    // 老字号, a plan's goal, so the marks count only on short lines).
    let short = line.chars().count() <= 24;
    short
        && (MARKS.iter().any(|m| line.contains(m))
            || line.starts_with("首页")
            || line.contains('>')
            || line.contains(" / "))
}

fn find_title(lines: &[(usize, String)]) -> String {
    const KINDS: &[&str] = &["计划", "要点", "意见", "方案", "规划", "纲要", "分工"];
    let candidates: Vec<&String> = lines
        .iter()
        .take(40)
        .map(|(_, l)| l)
        .filter(|l| KINDS.iter().any(|k| l.contains(k)) && l.chars().count() <= 90)
        .collect();
    candidates
        .iter()
        .find(|l| !l.contains("通知") && !l.contains("关于印发"))
        .or_else(|| candidates.first())
        .map(|l| l.to_string())
        .unwrap_or_default()
}

fn find_period(lines: &[(usize, String)], title: &str) -> Option<(u16, u16)> {
    let parse = |s: &str| s.parse::<u16>().ok();
    if let Some(c) = PERIOD.captures(title) {
        return Some((parse(&c[1])?, parse(&c[2])?));
    }
    // 澜江新区“十四五”产业发展规划: 2021–2025.
    if let Some(years) = FIVE_YEAR_PLAN
        .captures(title)
        .and_then(|c| five_year_plan(&c[1]))
    {
        return Some(years);
    }
    for (_, l) in lines.iter().take(60) {
        if let Some(c) = PERIOD.captures(l) {
            return Some((parse(&c[1])?, parse(&c[2])?));
        }
    }
    if let Some(year) = YEAR.captures(title).and_then(|c| parse(&c[1])) {
        return Some((year, year));
    }
    // No period in the title: from the date the plan was issued to the last year
    // its goals are set for ("到2025年").
    let issued = lines.iter().take(60).find_map(|(_, l)| {
        let c = ISSUED.captures(l)?;
        parse(c.get(1).or(c.get(2))?.as_str())
    });
    let last_goal_year = lines
        .iter()
        .flat_map(|(_, l)| due_years(l).map(|(_, year)| year))
        .max();
    match (issued, last_goal_year) {
        (Some(start), Some(end)) if end >= start => Some((start, end)),
        (Some(year), _) | (None, Some(year)) => Some((year, year)),
        (None, None) => None,
    }
}

impl Document {
    pub fn parse(source: &str) -> Document {
        let lines: Vec<(usize, String)> = source
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, normalise(l)))
            .filter(|(_, l)| !l.is_empty() && !is_furniture(l))
            .collect();
        let title = find_title(&lines);
        let period = find_period(&lines, &title);
        let mut levels: [Option<String>; 3] = [None, None, None];
        let mut clauses = Vec::new();
        let mut out = Vec::new();
        let mut background = false;
        for (number, text) in lines {
            if let Some(c) = LEVEL1.captures(&text) {
                levels = [Some(c[1].to_string()), None, None];
                let heading = first_chars(&text, 16);
                background = BACKGROUND.iter().any(|w| heading.contains(w));
            } else if let Some(c) = LEVEL2.captures(&text) {
                levels[1] = Some(format!("({})", &c[1]));
                levels[2] = None;
            } else if let Some(c) = LEVEL3.captures(&text) {
                levels[2] = Some(c[1].to_string());
            } else if text.starts_with("附件") {
                levels = [Some("附件".to_string()), None, None];
                background = false;
            }
            let clause: String = levels.iter().flatten().cloned().collect();
            let heading = text.chars().take(24).collect::<String>();
            if !clause.is_empty() && clauses.last().is_none_or(|(c, _)| c != &clause) {
                clauses.push((clause.clone(), heading));
            }
            let (text, lead, responsible) = take_units(&text);
            out.push(Line {
                number,
                text,
                clause,
                levels: levels.clone(),
                lead,
                responsible,
                background,
            });
        }
        Document {
            title,
            period,
            clauses,
            lines: out,
        }
    }
}

/// The most characters read as one sentence. The bundled plans' longest sentence
/// has about 300; a longer one is a list, or a page that lost its full stops, and
/// reading it whole costs time and memory quadratic in its length (each figure's
/// goal may look back over all the words before it, and take them as its name).
const MAX_SENTENCE: usize = 1000;

/// Splits a line into sentences at 。 (a ； joins parts of one sentence: "确保…；力争…"),
/// and a sentence longer than [`MAX_SENTENCE`] into pieces of at most that many
/// characters, each ending at a comma or semicolon where one allows.
pub(super) fn sentences(text: &str) -> Vec<&str> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_unifies_digits_brackets_and_spaces() {
        assert_eq!(
            normalise("确保产值突破 900亿元（力争１１００亿元）"),
            "确保产值突破900亿元(力争1100亿元)"
        );
        assert_eq!(normalise("推进 5G 网络"), "推进5G 网络");
        assert_eq!(
            normalise("投资1,000亿元、12,500家"),
            "投资1000亿元、12500家"
        );
        assert_eq!(normalise("２０２４ 2026"), "2024 2026");
        assert_eq!(normalise("ＡＩ应用"), "AI应用");
    }

    #[test]
    fn a_goal_that_mentions_a_furniture_word_is_kept() {
        let doc = Document::parse(
            "示范市2025年工作要点\n培育中华老字号企业10家，推动扫码支付覆盖全部商户。\n字号：大 中 小\n",
        );
        assert_eq!(doc.lines.len(), 2, "{:?}", doc.lines);
    }

    #[test]
    fn responsibility_blocks_are_taken_off_the_line() {
        let (rest, lead, resp) = take_units(
            "目标达到6家。〔牵头单位：市科技局、市财政局；责任单位：各县(市、区)政府，各园区〕",
        );
        assert_eq!(rest, "目标达到6家。");
        assert_eq!(lead, vec!["市科技局", "市财政局"]);
        assert_eq!(resp, vec!["各县(市、区)政府", "各园区"]);
        let (_, _, resp) = take_units("收入突破90亿元。(市商务局、市发改委按职责分工负责)");
        assert_eq!(resp, vec!["市商务局", "市发改委"]);
    }

    #[test]
    fn clauses_follow_the_numbering() {
        let doc = Document::parse(
            "示范市工业发展行动计划(2024—2026年)\n一、目标\n(一)产业\n1.做强电子。产值达到100亿元。\n2.做强纺织。\n二、保障\n",
        );
        let clauses: Vec<&str> = doc.clauses.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(clauses, vec!["一", "一(一)", "一(一)1", "一(一)2", "二"]);
        assert_eq!(doc.period, Some((2024, 2026)));
        assert_eq!(doc.title, "示范市工业发展行动计划(2024—2026年)");
    }

    #[test]
    fn page_furniture_is_dropped() {
        let doc = Document::parse("首页 > 新闻\n示范市2025年工作要点\n分享到:\n");
        assert_eq!(doc.lines.len(), 1);
        assert_eq!(doc.period, Some((2025, 2025)));
    }
}
