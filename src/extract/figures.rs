//! Which figures of a sentence state goals, and which are read together: a figure
//! that only qualifies a noun (超100亿元的项目), counts the words of a slogan (“3个
//! 300”) or the names listed before it (甲、乙、丙三个产业) sets no goal, and figures
//! of one unit joined by 、 or 和 are one list (分别达到90%、60%、30%).

use super::quantity::Quantity;
use super::subject::last_phrase;
use crate::content::UnitKind;

/// The figures of `sentence` (all of them, `all`, in order) that state goals.
pub(super) fn goal_figures<'q>(sentence: &str, all: &'q [Quantity]) -> Vec<&'q Quantity> {
    let qualifying = qualifying(sentence, all);
    let quotes = Quotes::of(sentence);
    all.iter()
        .zip(qualifying)
        .filter(|(q, qualifies)| {
            !qualifies
                && !is_slogan(q, quotes.open_at(q.start))
                && !is_apposition(sentence, q)
                && !is_policy(sentence, q)
                && !is_routine(sentence, q)
        })
        .map(|(q, _)| q)
        .collect()
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
    let counted = matches!(q.unit.kind(), UnitKind::Count);
    // "5000万元以上文旅项目": a word or two may stand between the figure and its noun.
    let near = super::text::first_chars(after, 4);
    let near = &near[..near
        .find([',', '，', '、', '；', '。'])
        .unwrap_or(near.len())];
    let noun_near = ["项目", "企业"].iter().any(|n| near.contains(n));
    (!counted && (NOUNS.iter().any(|n| after.starts_with(n)) || noun_near))
        || after.starts_with('级')
}

/// For each figure of `all`, whether it only qualifies a noun, alone or in a list
/// of such figures (总投资80亿元、30亿元重大项目). Read from the last figure back,
/// since a listed figure qualifies when the one after it does.
fn qualifying(sentence: &str, all: &[Quantity]) -> Vec<bool> {
    let mut out = vec![false; all.len()];
    for (i, q) in all.iter().enumerate().rev() {
        let after = &sentence[q.end..];
        // "三个翻番" counts doublings: the doublings are the goals.
        let doubling = ["翻番", "”翻番", "倍增"]
            .iter()
            .any(|w| after.starts_with(w));
        let listed = after.starts_with('、')
            && all
                .get(i + 1)
                .is_some_and(|n| n.unit == q.unit && out[i + 1]);
        out[i] = is_qualifier(q, after) || doubling || listed;
    }
    out
}

/// Where a sentence's quotation marks stand, to tell whether a figure is inside a
/// quotation without counting the marks before each figure again.
struct Quotes {
    opens: Vec<usize>,
    closes: Vec<usize>,
}

impl Quotes {
    fn of(sentence: &str) -> Quotes {
        let at = |mark| sentence.match_indices(mark).map(|(i, _)| i).collect();
        Quotes {
            opens: at('“'),
            closes: at('”'),
        }
    }

    /// Whether more quotations open than close before byte `at`.
    fn open_at(&self, at: usize) -> bool {
        let before = |marks: &[usize]| marks.partition_point(|&m| m < at);
        before(&self.opens) > before(&self.closes)
    }
}

/// A figure inside a quoted slogan (`in_quote`), or in Chinese numerals, whose count
/// names nothing measurable (“一个跨越、两个提升”, “3个300”), and a figure in Chinese
/// numerals inside a quotation, which names a reform (“一件事”, “最多跑一次”).
fn is_slogan(q: &Quantity, in_quote: bool) -> bool {
    let rank = q.unit == crate::content::MeasureUnit::Place;
    (!q.unit_sure && (in_quote || q.chinese)) || (in_quote && q.chinese && !rank)
}

/// A meeting held as a matter of routine (每季度召开一次调度会, 每半年听取一次汇报):
/// how the plan is run, not a result it sets out to reach.
fn is_routine(sentence: &str, q: &Quantity) -> bool {
    const ROUTINE: &[&str] = &[
        "会议",
        "调度会",
        "例会",
        "评估",
        "督查",
        "考核",
        "听取",
        "汇报",
        "通报",
        "调度",
        "召开",
    ];
    let before = last_phrase(&sentence[..q.start]);
    let after = super::text::first_chars(&sentence[q.end..], 8);
    q.unit == crate::content::MeasureUnit::Events
        && q.value <= 2.0
        && ROUTINE
            .iter()
            .any(|w| before.contains(w) || after.contains(w))
}

/// A sum of money a policy grants (一次性奖励100万元, 给予最高500万元补助): a measure
/// of support, not a goal.
fn is_policy(sentence: &str, q: &Quantity) -> bool {
    const GRANTS: &[&str] = &["奖励", "补助", "补贴", "给予", "资助", "奖补"];
    matches!(q.unit.kind(), UnitKind::Money)
        && GRANTS
            .iter()
            .any(|w| last_phrase(&sentence[..q.start]).contains(w))
}

/// A count in Chinese numerals after a list of names (甲产业、乙产业、丙产业三个产业)
/// says how many were named, and sets no goal.
fn is_apposition(sentence: &str, q: &Quantity) -> bool {
    q.chinese && last_phrase(&sentence[..q.start]).contains('、')
}

/// Groups figures into lists: figures of one unit separated only by 、, 和 or 及.
pub(super) fn listed_runs<'q>(sentence: &str, kept: &[&'q Quantity]) -> Vec<Vec<&'q Quantity>> {
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

#[cfg(test)]
mod tests {
    use super::super::goals::testing::{HEAD, goals};
    use super::super::model::{range, single};
    use super::super::quantity;
    use super::*;
    use crate::content::{Comparator, MeasureUnit};

    /// Grants, routine meetings and reforms named by a number in quotes are how a plan
    /// is carried out, not what it sets out to reach; a rank in quotes is a goal.
    #[test]
    fn grants_meetings_and_reform_slogans_set_no_goal() {
        let g = goals(&format!(
            "{HEAD}对新认定的企业一次性奖励100万元。每季度召开1次调度会。推行“一件事一次办”。挺进“全国先进制造业五十强市”。新增企业20家。\n"
        ));
        let read: Vec<(&str, MeasureUnit)> =
            g.iter().map(|g| (g.subject.as_str(), g.unit)).collect();
        assert_eq!(
            read,
            [
                ("全国先进制造业", MeasureUnit::Place),
                ("新增企业", MeasureUnit::Firms)
            ],
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
    fn slogans_and_counts_of_names_set_no_goal() {
        let slogan = "实现“一个跨越、两个提升”";
        assert!(goal_figures(slogan, &quantity::find(slogan)).is_empty());
        let named = "做强电子、纺织、医药三个产业";
        assert!(goal_figures(named, &quantity::find(named)).is_empty());
    }

    #[test]
    fn figures_of_one_unit_joined_by_marks_are_one_list() {
        let s = "占比分别达到90%、60%和30%，企业10家";
        let all = quantity::find(s);
        let kept: Vec<&Quantity> = all.iter().collect();
        let sizes: Vec<usize> = listed_runs(s, &kept).iter().map(Vec::len).collect();
        assert_eq!(sizes, vec![3, 1]);
    }
}
