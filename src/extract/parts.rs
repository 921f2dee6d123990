//! Figures that belong to another goal or to several: 其中 parts (a breakdown of the
//! goal before them) and the names 各 or 分别 give one figure to.

use super::model::{Goal, GoalPart};
use super::quantity::Quantity;
use super::subject::{list_items, subject_of};
use std::sync::LazyLock;

use regex::Regex;

use crate::content::{TargetValue, UnitKind};

/// The names 各 (or 分别 before a single figure) gives one figure to ("科技企业孵化器和众创空间各5个": two; "电子信息、
/// 新能源汽车四条产业链营业收入各超过1000亿元": each name completed with the words after
/// the last one), and whether completing them was a guess. `None` unless `phrase`
/// names two or more before its 各.
pub(super) fn each_names(phrase: &str) -> Option<(Vec<String>, bool)> {
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
static COUNT_OF_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[两二三四五六七八九十]+(?:条|大|个|类|项|家)").expect("valid regex")
});

/// 其中: a figure that is a part of the goal before it (an amount or a count in the
/// same unit, no larger than the whole) is added to that goal's parts; true if it
/// was. `of_which` says a 其中 earlier in the sentence still holds. A share after 其中 measures another whole, and a range (其中超50亿元企业3-4家)
/// is read as a goal of its own.
pub(super) fn add_part(phrase: &str, q: &Quantity, of_which: bool, out: &mut [Goal]) -> bool {
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

/// A level that restates a rise or a doubling of its sentence ("比2021年增长50%以上，
/// 达到120亿元"; "翻番，突破5000亿元") is one goal stated two ways: the level becomes
/// the other goal's `also` instead of a target of its own.
pub(super) fn restatements_joined(goals: Vec<Goal>) -> Vec<Goal> {
    let relative = |v: &TargetValue| {
        matches!(
            v,
            TargetValue::IncreaseBy(_) | TargetValue::Double { .. } | TargetValue::AverageGrowth(_)
        )
    };
    let (restating, mut kept): (Vec<Goal>, Vec<Goal>) = goals
        .into_iter()
        .partition(|g| g.restates && matches!(g.value, TargetValue::Single(_)));
    for level in restating {
        match kept
            .iter_mut()
            .find(|g| g.unit == level.unit && g.also.is_none() && relative(&g.value))
        {
            Some(goal) => goal.also = Some(level.value),
            None => kept.push(level),
        }
    }
    kept.sort_by_key(|g| g.line);
    kept
}

#[cfg(test)]
mod tests {
    use super::super::goals::testing::{HEAD, goals};
    use super::super::model::single;
    use super::super::subject::is_bare_verb;
    use super::*;
    use crate::content::{Comparator, MeasureUnit};

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

    /// A level after a rise or a doubling of the same measure is that goal stated a
    /// second way, not a target named by its verb.
    #[test]
    fn a_restated_goal_is_kept_as_also() {
        let g = goals(&format!(
            "{HEAD}全县旅游总收入比2023年增长50%以上，达到120亿元。三年实现园区资产总额翻番，突破5000亿元。\n"
        ));
        assert_eq!(g.len(), 2, "{g:?}");
        assert!(matches!(g[0].value, TargetValue::IncreaseBy(_)));
        assert_eq!(g[0].also, Some(single(Comparator::Reach, 120.0)));
        assert!(matches!(g[1].value, TargetValue::Double { .. }));
        assert_eq!(g[1].also, Some(single(Comparator::Exceed, 5000.0)));
        assert!(g.iter().all(|g| !is_bare_verb(&g.subject)), "{g:?}");
    }
}
