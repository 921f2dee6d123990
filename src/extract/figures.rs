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
            !qualifies && !is_slogan(q, quotes.open_at(q.start)) && !is_apposition(sentence, q)
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
    (!counted && NOUNS.iter().any(|n| after.starts_with(n))) || after.starts_with('级')
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
/// names nothing measurable (“一个跨越、两个提升”, “3个300”).
fn is_slogan(q: &Quantity, in_quote: bool) -> bool {
    !q.unit_sure && (in_quote || q.chinese)
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
