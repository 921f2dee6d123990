//! Numbers written the way each language writes them.
//!
//! Chinese keeps the plan's own units (`2600亿元`, `300万平方米`, `3–5家`); English
//! converts to the units an English reader expects (`CNY 260 billion`,
//! `3 million m²`, `3–5 firms`). Pages, charts and data tables all call these functions,
//! so a figure reads the same everywhere.

use crate::content::{Bound, Comparator, MeasureUnit, TargetValue, UnitKind};
use crate::lang::Lang;

pub use crate::numfmt::plain;

/// A number with thousands separators for English: 10,000 or 1,234.5.
pub fn grouped(v: f64, decimals: usize) -> String {
    let s = plain(v, decimals);
    let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
    let (int, frac) = digits
        .split_once('.')
        .map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// The divisor and English scale word for an amount in base units (yuan, m²).
fn english_scale(base: f64) -> (f64, &'static str) {
    let a = base.abs();
    if a >= 1e12 {
        (1e12, " trillion")
    } else if a >= 1e9 {
        (1e9, " billion")
    } else if a >= 1e6 {
        (1e6, " million")
    } else {
        (1.0, "")
    }
}

/// The factor that turns a figure in `unit` into base units (yuan, m²).
fn base_factor(unit: MeasureUnit) -> f64 {
    match unit {
        MeasureUnit::YiYuan => 1e8,
        MeasureUnit::WanYuan | MeasureUnit::WanYuanPerMu | MeasureUnit::WanM2 => 1e4,
        _ => 1.0,
    }
}

/// An English count noun in singular and plural.
fn count_noun(unit: MeasureUnit) -> (&'static str, &'static str) {
    match unit {
        MeasureUnit::Firms => ("firm", "firms"),
        MeasureUnit::Projects => ("project", "projects"),
        MeasureUnit::Platforms => ("platform", "platforms"),
        MeasureUnit::Zones => ("zone", "zones"),
        MeasureUnit::People => ("person", "people"),
        MeasureUnit::Teams => ("team", "teams"),
        MeasureUnit::Items => ("item", "items"),
        MeasureUnit::Events => ("event", "events"),
        MeasureUnit::Mu => ("mu", "mu"),
        MeasureUnit::Industries => ("industry", "industries"),
        MeasureUnit::Clusters => ("cluster", "clusters"),
        _ => ("", ""),
    }
}

/// The Chinese measure word written after a figure.
fn zh_suffix(unit: MeasureUnit) -> &'static str {
    match unit {
        MeasureUnit::YiYuan => "亿元",
        MeasureUnit::WanYuan => "万元",
        MeasureUnit::WanYuanPerMu => "万元/亩",
        MeasureUnit::Percent => "%",
        MeasureUnit::PercentagePoints => "个百分点",
        MeasureUnit::WanM2 => "万平方米",
        MeasureUnit::Mu => "亩",
        MeasureUnit::Firms => "家",
        MeasureUnit::Projects | MeasureUnit::Platforms | MeasureUnit::Zones => "个",
        MeasureUnit::Teams | MeasureUnit::Industries | MeasureUnit::Clusters => "个",
        MeasureUnit::People => "人",
        MeasureUnit::Items => "项",
        MeasureUnit::Events => "场",
        MeasureUnit::Place => "名",
        MeasureUnit::Ratio => "",
    }
}

/// Chinese writes large figures with 万 and 亿: 10000亿元 is 1万亿元, 12000家 is 1.2万家.
fn zh_figure(v: f64, unit: MeasureUnit) -> (String, &'static str) {
    match unit {
        MeasureUnit::YiYuan if v.abs() >= 10_000.0 => (plain(v / 10_000.0, 4), "万亿元"),
        MeasureUnit::WanYuan if v.abs() >= 10_000.0 => (plain(v / 10_000.0, 4), "亿元"),
        u if u.kind() == UnitKind::Count && v.abs() >= 10_000.0 => {
            (plain(v / 10_000.0, 4), zh_count_wan(u))
        }
        u => (plain(v, 4), zh_suffix(u)),
    }
}

fn zh_count_wan(unit: MeasureUnit) -> &'static str {
    match unit {
        MeasureUnit::Firms => "万家",
        MeasureUnit::People => "万人",
        MeasureUnit::Items => "万项",
        MeasureUnit::Events => "万场",
        _ => "万个",
    }
}

/// A figure with its unit: `2600亿元` / `CNY 260 billion`; a place in a ranking
/// as `第5名` / `5th place`.
pub fn quantity(v: f64, unit: MeasureUnit, lang: Lang) -> String {
    if unit == MeasureUnit::Place {
        return match lang {
            Lang::Zh => format!("第{}名", plain(v, 0)),
            Lang::En => format!("{} place", ordinal(v)),
        };
    }
    match lang {
        Lang::Zh => {
            let (n, suffix) = zh_figure(v, unit);
            format!("{n}{suffix}")
        }
        Lang::En => english_quantity(v, unit),
    }
}

/// A figure without its unit, as on a chart axis tick: `2600` / `260`.
pub fn figure_only(v: f64, unit: MeasureUnit, lang: Lang) -> String {
    match lang {
        Lang::Zh => plain(v, 4),
        Lang::En => match unit.kind() {
            UnitKind::Money | UnitKind::MoneyPerArea | UnitKind::Area => {
                grouped(v * base_factor(unit) / axis_scale(unit).0, 4)
            }
            _ => grouped(v, 4),
        },
    }
}

/// The unit label for an axis in `lang`, such as `亿元` or `CNY billion`.
pub fn axis_unit(unit: MeasureUnit, lang: Lang) -> String {
    match lang {
        Lang::Zh => match unit {
            MeasureUnit::Ratio => String::new(),
            u => zh_suffix(u).to_string(),
        },
        Lang::En => match unit.kind() {
            UnitKind::Money => format!("CNY{}", axis_scale(unit).1),
            UnitKind::MoneyPerArea => format!("CNY{} per mu", axis_scale(unit).1),
            UnitKind::Area if unit == MeasureUnit::WanM2 => {
                format!("{} m²", axis_scale(unit).1.trim())
            }
            UnitKind::Percent if unit == MeasureUnit::PercentagePoints => {
                "percentage points".into()
            }
            UnitKind::Percent => "%".into(),
            _ => count_noun(unit).1.to_string(),
        },
    }
}

/// The scale English axes use for a unit: 亿元 figures are read in billions.
fn axis_scale(unit: MeasureUnit) -> (f64, &'static str) {
    match unit {
        MeasureUnit::YiYuan => (1e9, " billion"),
        MeasureUnit::WanYuan | MeasureUnit::WanYuanPerMu | MeasureUnit::WanM2 => (1e6, " million"),
        _ => (1.0, ""),
    }
}

/// How English writes figures in `unit`: the text before and after the number, and
/// the divisor that scales a figure (in the plan's unit) to the number written.
/// `magnitude` picks the scale (billion, million) and the noun's number.
fn english_frame(magnitude: f64, unit: MeasureUnit) -> (&'static str, f64, String) {
    let factor = base_factor(unit);
    let (divisor, scale) = english_scale(magnitude * factor);
    let per = factor / divisor;
    match unit.kind() {
        UnitKind::Money => ("CNY ", per, scale.to_string()),
        UnitKind::MoneyPerArea => ("CNY ", per, format!("{scale} per mu")),
        UnitKind::Area if unit == MeasureUnit::WanM2 => ("", per, format!("{scale} m²")),
        UnitKind::Percent if unit == MeasureUnit::PercentagePoints => {
            let word = if magnitude == 1.0 {
                " percentage point"
            } else {
                " percentage points"
            };
            ("", 1.0, word.to_string())
        }
        UnitKind::Percent => ("", 1.0, "%".to_string()),
        UnitKind::Plain | UnitKind::Rank => ("", 1.0, String::new()),
        UnitKind::Count | UnitKind::Area => {
            let (one, many) = count_noun(unit);
            let noun = if magnitude == 1.0 { one } else { many };
            ("", 1.0, format!(" {noun}"))
        }
    }
}

fn english_quantity(v: f64, unit: MeasureUnit) -> String {
    let (prefix, per, suffix) = english_frame(v, unit);
    format!("{prefix}{}{suffix}", grouped(v * per, 4))
}

/// A range: `3–5家` / `3–5 firms` / `CNY 3–5 billion`.
pub fn range(low: f64, high: f64, unit: MeasureUnit, lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            let (l, _) = zh_figure(low, unit);
            let (h, suffix) = zh_figure(high, unit);
            format!("{l}–{h}{suffix}")
        }
        Lang::En => {
            // Both ends share the scale of the larger one: "CNY 3–5 billion".
            let (prefix, per, suffix) = english_frame(high, unit);
            format!(
                "{prefix}{}–{}{suffix}",
                grouped(low * per, 4),
                grouped(high * per, 4)
            )
        }
    }
}

/// An English ordinal: 1st, 2nd, 3rd, 11th, 50th.
fn ordinal(v: f64) -> String {
    let n = v.round() as i64;
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A single figure with its comparator: `突破1000亿元` / `over CNY 100 billion`.
pub fn bound(b: Bound, unit: MeasureUnit, lang: Lang) -> String {
    // "At most place 50" is how a ranking goal is counted, not how it is written:
    // plans say 进入前50名, English says "the top 50".
    if unit == MeasureUnit::Place && b.comparator == Comparator::AtMost {
        let n = plain(b.value, 0);
        return match lang {
            Lang::Zh => format!("前{n}名"),
            Lang::En => format!("top {n}"),
        };
    }
    let q = quantity(b.value, unit, lang);
    match (lang, b.comparator) {
        (_, Comparator::Reach) => q,
        (Lang::Zh, Comparator::Exceed) => format!("突破{q}"),
        (Lang::Zh, Comparator::About) => format!("{q}左右"),
        (Lang::Zh, Comparator::AtLeast) => format!("{q}以上"),
        (Lang::Zh, Comparator::AtMost) => format!("不超过{q}"),
        (Lang::En, Comparator::Exceed) => format!("over {q}"),
        (Lang::En, Comparator::About) => format!("about {q}"),
        (Lang::En, Comparator::AtLeast) => format!("at least {q}"),
        (Lang::En, Comparator::AtMost) => format!("at most {q}"),
    }
}

/// The comparator as a word, for tables: `突破` / `over`.
pub fn comparator_word(c: Comparator, lang: Lang) -> &'static str {
    match (lang, c) {
        (Lang::Zh, Comparator::Reach) => "达到",
        (Lang::Zh, Comparator::Exceed) => "突破",
        (Lang::Zh, Comparator::About) => "左右",
        (Lang::Zh, Comparator::AtLeast) => "以上",
        (Lang::Zh, Comparator::AtMost) => "不超过",
        (Lang::En, Comparator::Reach) => "reach",
        (Lang::En, Comparator::Exceed) => "over",
        (Lang::En, Comparator::About) => "about",
        (Lang::En, Comparator::AtLeast) => "at least",
        (Lang::En, Comparator::AtMost) => "at most",
    }
}

/// A target's value in words: `1000亿元（力争1200亿元）` /
/// `CNY 100 billion (stretch: 120 billion)`, `比2019年翻番` / `double the 2019 level`.
pub fn target_value(
    value: &TargetValue,
    unit: MeasureUnit,
    baseline_year: Option<u16>,
    lang: Lang,
) -> String {
    let base = baseline_year.map_or_else(String::new, |y| y.to_string());
    match (*value, lang) {
        (TargetValue::Single(b), _) => bound(b, unit, lang),
        (TargetValue::Range { low, high }, _) => range(low, high, unit, lang),
        (TargetValue::Tiers { floor, stretch }, Lang::Zh) => {
            let stretch_text = match stretch.comparator {
                Comparator::Reach => quantity(stretch.value, unit, lang),
                _ => bound(stretch, unit, lang),
            };
            format!("{}（力争{stretch_text}）", bound(floor, unit, lang))
        }
        (TargetValue::Tiers { floor, stretch }, Lang::En) => {
            let mut stretch_text = bound(stretch, unit, lang);
            if unit.kind() == UnitKind::Money {
                stretch_text = stretch_text.replacen("CNY ", "", 1);
            }
            format!("{} (stretch: {stretch_text})", bound(floor, unit, lang))
        }
        (TargetValue::Double, Lang::Zh) => format!("比{base}年翻番"),
        (TargetValue::Double, Lang::En) => format!("double the {base} level"),
        (TargetValue::IncreaseBy(v), Lang::Zh) => match unit {
            MeasureUnit::PercentagePoints => format!("比{base}年提升{}", quantity(v, unit, lang)),
            _ => format!("比{base}年提高{}%", plain(v, 4)),
        },
        (TargetValue::IncreaseBy(v), Lang::En) => match unit {
            MeasureUnit::PercentagePoints => {
                format!("up {} on {base}", quantity(v, unit, lang))
            }
            _ => format!("{}% above the {base} level", plain(v, 4)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MeasureUnit::*;

    fn reach(v: f64) -> Bound {
        Bound {
            comparator: Comparator::Reach,
            value: v,
        }
    }

    #[test]
    fn money_in_both_languages() {
        assert_eq!(quantity(2600.0, YiYuan, Lang::Zh), "2600亿元");
        assert_eq!(quantity(2600.0, YiYuan, Lang::En), "CNY 260 billion");
        assert_eq!(quantity(4533.21, YiYuan, Lang::En), "CNY 453.321 billion");
        assert_eq!(quantity(155.0, YiYuan, Lang::En), "CNY 15.5 billion");
        assert_eq!(quantity(5.0, YiYuan, Lang::En), "CNY 500 million");
        assert_eq!(quantity(30000.0, YiYuan, Lang::Zh), "3万亿元");
        assert_eq!(quantity(30000.0, YiYuan, Lang::En), "CNY 3 trillion");
        assert_eq!(quantity(13000.0, YiYuan, Lang::Zh), "1.3万亿元");
    }

    #[test]
    fn per_mu_area_and_percent() {
        assert_eq!(quantity(400.0, WanYuanPerMu, Lang::Zh), "400万元/亩");
        assert_eq!(
            quantity(400.0, WanYuanPerMu, Lang::En),
            "CNY 4 million per mu"
        );
        assert_eq!(quantity(35.0, WanYuanPerMu, Lang::En), "CNY 350,000 per mu");
        assert_eq!(quantity(300.0, WanM2, Lang::Zh), "300万平方米");
        assert_eq!(quantity(300.0, WanM2, Lang::En), "3 million m²");
        assert_eq!(quantity(1000.0, WanM2, Lang::En), "10 million m²");
        assert_eq!(quantity(55.0, Percent, Lang::En), "55%");
        assert_eq!(quantity(2.0, PercentagePoints, Lang::Zh), "2个百分点");
        assert_eq!(
            quantity(1.0, PercentagePoints, Lang::En),
            "1 percentage point"
        );
    }

    #[test]
    fn counts_take_their_noun() {
        assert_eq!(quantity(20.0, Firms, Lang::Zh), "20家");
        assert_eq!(quantity(1.0, Firms, Lang::En), "1 firm");
        assert_eq!(quantity(10_000.0, Firms, Lang::Zh), "1万家");
        assert_eq!(quantity(10_000.0, Firms, Lang::En), "10,000 firms");
        assert_eq!(quantity(100.0, Projects, Lang::Zh), "100个");
    }

    #[test]
    fn rankings_read_as_places() {
        let top = |v| Bound {
            comparator: Comparator::AtMost,
            value: v,
        };
        assert_eq!(bound(top(50.0), Place, Lang::Zh), "前50名");
        assert_eq!(bound(top(50.0), Place, Lang::En), "top 50");
        assert_eq!(quantity(3.0, Place, Lang::Zh), "第3名");
        assert_eq!(quantity(1.0, Place, Lang::En), "1st place");
        assert_eq!(quantity(12.0, Place, Lang::En), "12th place");
        assert_eq!(quantity(23.0, Place, Lang::En), "23rd place");
    }

    #[test]
    fn ranges_share_one_unit() {
        assert_eq!(range(3.0, 5.0, Firms, Lang::Zh), "3–5家");
        assert_eq!(range(3.0, 5.0, Firms, Lang::En), "3–5 firms");
        assert_eq!(range(30.0, 50.0, YiYuan, Lang::En), "CNY 3–5 billion");
        assert_eq!(range(2.0, 3.0, Platforms, Lang::Zh), "2–3个");
    }

    #[test]
    fn tiers_read_as_the_card_shows() {
        let v = TargetValue::Tiers {
            floor: reach(1000.0),
            stretch: reach(1200.0),
        };
        assert_eq!(
            target_value(&v, YiYuan, None, Lang::Zh),
            "1000亿元（力争1200亿元）"
        );
        assert_eq!(
            target_value(&v, YiYuan, None, Lang::En),
            "CNY 100 billion (stretch: 120 billion)"
        );
        let exceed = TargetValue::Tiers {
            floor: Bound {
                comparator: Comparator::Exceed,
                value: 1000.0,
            },
            stretch: reach(1200.0),
        };
        assert_eq!(
            target_value(&exceed, YiYuan, None, Lang::Zh),
            "突破1000亿元（力争1200亿元）"
        );
    }

    #[test]
    fn comparators_and_baseline_forms() {
        let about = TargetValue::Single(Bound {
            comparator: Comparator::About,
            value: 8.8,
        });
        assert_eq!(target_value(&about, Percent, None, Lang::Zh), "8.8%左右");
        assert_eq!(target_value(&about, Percent, None, Lang::En), "about 8.8%");
        let at_least = TargetValue::Single(Bound {
            comparator: Comparator::AtLeast,
            value: 350.0,
        });
        assert_eq!(target_value(&at_least, Firms, None, Lang::Zh), "350家以上");
        assert_eq!(
            target_value(&at_least, Firms, None, Lang::En),
            "at least 350 firms"
        );
        assert_eq!(
            target_value(&TargetValue::Double, YiYuan, Some(2019), Lang::Zh),
            "比2019年翻番"
        );
        assert_eq!(
            target_value(&TargetValue::Double, YiYuan, Some(2019), Lang::En),
            "double the 2019 level"
        );
        assert_eq!(
            target_value(
                &TargetValue::IncreaseBy(2.0),
                PercentagePoints,
                Some(2020),
                Lang::En
            ),
            "up 2 percentage points on 2020"
        );
    }

    #[test]
    fn grouped_numbers() {
        assert_eq!(grouped(1_234_567.5, 2), "1,234,567.5");
        assert_eq!(grouped(-1200.0, 0), "-1,200");
        assert_eq!(grouped(999.0, 0), "999");
    }

    #[test]
    fn axis_labels() {
        assert_eq!(axis_unit(YiYuan, Lang::En), "CNY billion");
        assert_eq!(figure_only(2600.0, YiYuan, Lang::En), "260");
        assert_eq!(axis_unit(YiYuan, Lang::Zh), "亿元");
        assert_eq!(figure_only(2600.0, YiYuan, Lang::Zh), "2600");
    }
}
