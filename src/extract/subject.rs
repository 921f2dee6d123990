//! Naming what a figure measures, in the text's words: the phrase before the figure
//! without the words that introduce a goal (确保, 力争, 到2025年) and the verb that
//! states it (突破, 达到), lists of names split into their items, and the noun a
//! count counts.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{YEAR, due_years, first_chars};

/// A baseline year (比2020年, 在2019年的基础上, 与2023年相比).
pub(super) static SINCE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:比|较|在|与)(20\d\d)年(?:底|末)?(?:的基础上|相比)?").expect("valid regex")
});
static LEADING_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}\s*[.、])")
        .expect("valid regex")
});

/// A short code in quotes opening a phrase (“1”, “152”).
static QUOTED_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^[“"][0-9A-Za-z+]{1,6}[”"]"#).expect("valid regex"));

/// Words that introduce a goal rather than name what it measures.
const LEADING: &[&str] = &[
    "就是",
    "三年内",
    "五年内",
    "两年内",
    "挺进",
    "跻身",
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
    "扩展到",
    "扩大到",
    "年均增长",
    "年均递增",
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
    "接近",
    "近",
    "各",
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

/// Verbs that leave the thing counted to the words after the figure (建设3个平台).
pub(super) const COUNT_VERBS: &[&str] = &[
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

/// The words naming what a figure measures: the phrase before it, without the
/// words that introduce the goal and the verb that states it.
pub(super) fn subject_of(phrase: &str) -> String {
    let against_baseline = SINCE_YEAR.is_match(phrase);
    // "——“1”就是…": a dash and a quoted code open a list item, not a name.
    let phrase = phrase.trim().trim_start_matches(['—', '-', ' ']);
    let phrase = QUOTED_CODE.replace(phrase, "");
    let mut s = LEADING_NUMBER.replace(phrase.trim(), "").trim().to_string();
    // Each word taken off may uncover another (确保到2025年全市…): strip until
    // nothing changes.
    while strip_once(&mut s, against_baseline) {}
    s.trim_matches(['“', '”', '"', ' ', '、', ',', '，'])
        .to_string()
}

/// Whether `subject` is only a verb that states a figure (达到, 突破): the figure
/// restates a goal named before it.
pub(super) fn is_bare_verb(subject: &str) -> bool {
    TRAILING.contains(&subject) || LEADING.contains(&subject)
}

/// One pass over the words `subject_of` takes off; true when any was.
fn strip_once(s: &mut String, against_baseline: bool) -> bool {
    let mut changed = false;
    for w in LEADING {
        if let Some(rest) = s.strip_prefix(w) {
            *s = rest.trim_start_matches([',', '，', ' ']).to_string();
            changed = true;
        }
    }
    let leading_year = due_years(s)
        .map(|(range, _)| range)
        .next()
        .or_else(|| YEAR.find(s).map(|m| m.range()))
        .filter(|range| range.start == 0);
    if let Some(range) = leading_year {
        *s = s[range.end..]
            .trim_start_matches("以后")
            .trim_start_matches(['底', '末', '起', ',', '，', ' '])
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
        *s = s.trim_end().to_string();
        changed = true;
    }
    if let Some(m) = SINCE_YEAR.find(s) {
        // "营业收入比2020年提高": the baseline is not part of the name.
        let cut = format!("{}{}", &s[..m.start()], &s[m.end()..]);
        *s = cut.trim().to_string();
        changed = true;
    }
    // "比2020年提高15%": the rise is the goal's form, not part of its name.
    if against_baseline {
        for w in ["提高", "提升", "增长", "增加"] {
            if let Some(rest) = s.strip_suffix(w).filter(|r| !r.is_empty()) {
                *s = rest.trim_end().to_string();
                changed = true;
            }
        }
    }
    changed
}

/// The words after the last comma, colon, semicolon or full stop of `before`, or
/// after a bracket it leaves open ("目标(100个" reads "100个" in the bracket).
pub(super) fn last_phrase(before: &str) -> &str {
    let phrase = match before.rfind([',', '，', '。', '；', ';', ':', '：']) {
        Some(i) => {
            let width = before[i..].chars().next().map_or(1, char::len_utf8);
            &before[i + width..]
        }
        None => before,
    };
    match phrase.rfind(['(', '（']) {
        Some(open) if !phrase[open..].contains([')', '）']) => {
            let width = phrase[open..].chars().next().map_or(1, char::len_utf8);
            &phrase[open + width..]
        }
        _ => phrase,
    }
}

/// The words after a figure up to the next punctuation, without a trailing 以上:
/// what a count counts (3家企业上市 counts 企业上市).
pub(super) fn noun_after(after: &str) -> &str {
    let after = after
        .trim_start_matches("以上")
        .trim_start_matches("左右")
        .trim_start_matches("以内");
    let end = after
        .find([',', '，', '。', '；', ';', '、', '(', '“', '”', ':'])
        .unwrap_or(after.len());
    first_chars(&after[..end], 16)
}

/// Splits a list of names (注册、开工、投产、进资率; A、B和C) into its items.
pub(super) fn list_items(subject: &str) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use super::super::goals::testing::{HEAD, goals};
    use super::*;

    #[test]
    fn subjects_lose_the_words_around_the_name() {
        assert_eq!(subject_of("到2025年，确保营业收入突破"), "营业收入");
        assert_eq!(subject_of("1.全市规上工业增加值达到"), "规上工业增加值");
        assert_eq!(subject_of("亩均税收比2023年提高"), "亩均税收");
        assert_eq!(subject_of("资产负债率不超过"), "资产负债率");
        // A verb alone is kept: nothing would be left of the name.
        assert_eq!(subject_of("达"), "达");
    }

    #[test]
    fn single_characters_and_dates_of_facts_are_kept() {
        let g = goals(&format!(
            "{HEAD}并购企业达到5家，要素保障项目10个。截至2023年底，已有企业500家。\n"
        ));
        assert_eq!(g[0].subject, "并购企业");
        assert_eq!(g[1].subject, "要素保障项目");
        // A fact dated 截至 before the plan's period is no goal at all.
        assert_eq!(g.len(), 2, "{g:?}");
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
    fn the_noun_after_a_count_stops_at_punctuation() {
        assert_eq!(noun_after("以上企业上市，力争"), "企业上市");
        assert_eq!(last_phrase("确保产值突破900亿元，力争达到"), "力争达到");
    }
}
