//! What a figure measures and how it is to be met, from the words around it: its
//! metric (产值 is output, 占比 a share), the unit a measure is usually stated in,
//! the chain it belongs to, and its comparator (突破 exceed, 以上 at least).

use crate::content::{Comparator, MeasureUnit, Metric, Qualifier};

/// What a figure measures, from the words naming it and its unit.
pub(super) fn metric_of(words: &str, unit: MeasureUnit) -> Metric {
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
pub(super) fn comparator(before: &str, after: &str) -> Comparator {
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
    } else if before.ends_with('近') || before.ends_with("接近") {
        Comparator::Nearly
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

/// The unit a measure is usually stated in, from its name (for doublings and rises
/// in percent, whose text gives no unit).
pub(super) fn natural_unit(subject: &str) -> MeasureUnit {
    const WORDS: &[(&str, MeasureUnit)] = &[
        ("亩均", MeasureUnit::WanYuanPerMu),
        ("亩产", MeasureUnit::WanYuanPerMu),
        ("收入", MeasureUnit::YiYuan),
        ("生产总值", MeasureUnit::YiYuan),
        ("成交额", MeasureUnit::YiYuan),
        ("交易额", MeasureUnit::YiYuan),
        ("销售额", MeasureUnit::YiYuan),
        ("零售总额", MeasureUnit::YiYuan),
        ("税收", MeasureUnit::YiYuan),
        ("游客", MeasureUnit::People),
        ("客流", MeasureUnit::People),
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

/// The chain id of the first common chain name `subject` contains.
pub(super) fn chain_of(subject: &str) -> Option<&'static str> {
    CHAINS
        .iter()
        .find(|(name, _)| subject.contains(name))
        .map(|(_, id)| *id)
}

/// The modal words of `sentence` (确保, 力争, 争取, 争创, 努力), each with where it
/// ends, in order.
pub(super) fn modal_words(sentence: &str) -> Vec<(usize, Qualifier)> {
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

#[cfg(test)]
mod tests {
    use super::super::goals::testing::{HEAD, goals};
    use super::super::model::single;
    use super::*;
    use crate::content::TargetValue;

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
    fn at_most_words_are_not_read_as_over() {
        let g = goals(&format!(
            "{HEAD}资产负债率不超过60%，单位能耗控制在0.5吨以内，万元产值能耗保持在12%。\n"
        ));
        assert_eq!(g[0].value, single(Comparator::AtMost, 60.0));
        assert_eq!(g[0].subject, "资产负债率");
        assert_eq!(g[1].subject, "万元产值能耗", "{g:?}");
    }

    #[test]
    fn metrics_from_names_and_units() {
        assert_eq!(
            metric_of("工业投资", MeasureUnit::YiYuan),
            Metric::Investment
        );
        assert_eq!(metric_of("营业收入", MeasureUnit::YiYuan), Metric::Revenue);
        assert_eq!(
            metric_of("研发投入占比", MeasureUnit::Percent),
            Metric::Share
        );
        assert_eq!(metric_of("上云率", MeasureUnit::Percent), Metric::Rate);
        assert_eq!(natural_unit("亩均税收"), MeasureUnit::WanYuanPerMu);
        assert_eq!(chain_of("锂电产业营业收入"), Some("new-energy"));
        assert_eq!(chain_of("营业收入"), None);
    }
}
