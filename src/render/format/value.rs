//! A target's value in words, keeping the document's own wording: the modal word
//! before a figure (确保, 力争), the comparator (突破, 以上, 近), "or more" after a
//! range, a second form of the same goal, the counting word and the period a figure
//! recurs over.
//!
//! Chinese writes the words the plans use; English says the same in plain words
//! ("strive for over CNY 100 billion", "3–5 or more firms").

use super::{Measure, plain, quantity, range};
use crate::content::{
    Bound, Comparator, MeasureUnit, OpenEnd, Period, Qualifier, Target, TargetValue,
};
use crate::lang::Lang;

/// The modal word as a reader sees it: `力争` / `strive for`.
pub fn qualifier_word(q: Qualifier, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => q.zh(),
        Lang::En => match q {
            Qualifier::Ensure => "ensure",
            Qualifier::Strive => "strive for",
            Qualifier::Seek => "seek",
            Qualifier::AimFor => "aim for",
            Qualifier::Endeavour => "endeavour to reach",
        },
    }
}

/// The English modal word before a verb: "strive to double".
fn qualifier_verb_en(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Ensure => "firmly",
        Qualifier::Strive => "strive to",
        Qualifier::Seek => "seek to",
        Qualifier::AimFor => "aim to",
        Qualifier::Endeavour => "endeavour to",
    }
}

/// `rest` after the modal word `q`, if there is one.
fn qualified(q: Option<Qualifier>, rest: String, lang: Lang) -> String {
    match (q, lang) {
        (None, _) => rest,
        (Some(q), Lang::Zh) => format!("{}{rest}", q.zh()),
        (Some(q), Lang::En) => format!("{} {rest}", qualifier_word(q, Lang::En)),
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
        (Lang::Zh, Comparator::Nearly) => "近",
        (Lang::En, Comparator::Reach) => "reach",
        (Lang::En, Comparator::Exceed) => "over",
        (Lang::En, Comparator::About) => "about",
        (Lang::En, Comparator::AtLeast) => "at least",
        (Lang::En, Comparator::AtMost) => "at most",
        (Lang::En, Comparator::Nearly) => "nearly",
    }
}

/// A figure with its comparator, without the modal word. `explicit_reach` writes
/// 达到 / "reaching" where a plain figure would stand alone, as after a comma.
fn figure(b: Bound, m: Measure, lang: Lang, explicit_reach: bool) -> String {
    // "At most place 50" is how a ranking goal is counted, not how it is written:
    // plans say 进入前50名, English says "the top 50".
    if m.unit == MeasureUnit::Place && b.comparator == Comparator::AtMost {
        let n = plain(b.value, 0);
        return match lang {
            Lang::Zh => format!("前{n}名"),
            Lang::En => format!("top {n}"),
        };
    }
    let q = quantity(b.value, m, lang);
    match (lang, b.comparator) {
        (Lang::Zh, Comparator::Reach) if explicit_reach => format!("达到{q}"),
        (Lang::En, Comparator::Reach) if explicit_reach => format!("reaching {q}"),
        (_, Comparator::Reach) => q,
        (Lang::Zh, Comparator::Exceed) => format!("突破{q}"),
        (Lang::Zh, Comparator::About) => format!("{q}左右"),
        (Lang::Zh, Comparator::AtLeast) => format!("{q}以上"),
        (Lang::Zh, Comparator::AtMost) => format!("不超过{q}"),
        (Lang::Zh, Comparator::Nearly) => format!("近{q}"),
        (Lang::En, c) => format!("{} {q}", comparator_word(c, lang)),
    }
}

/// A single figure with its modal word and comparator: `力争突破1000亿元` /
/// `strive for over CNY 100 billion`.
pub fn bound<'a>(b: Bound, m: impl Into<Measure<'a>>, lang: Lang) -> String {
    qualified(b.qualifier, figure(b, m.into(), lang, false), lang)
}

/// A rate of change, where Chinese says 超过 rather than 突破: `15%以上`, `超过9%`.
fn rate(b: Bound, unit: MeasureUnit, lang: Lang) -> String {
    match (lang, b.comparator) {
        (Lang::Zh, Comparator::Exceed) => format!("超过{}", quantity(b.value, unit, lang)),
        _ => figure(b, unit.into(), lang, false),
    }
}

/// What a value is measured against, for the forms that need it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Frame {
    /// The baseline year of a doubling or a rise.
    pub baseline_year: Option<u16>,
    /// The year an average growth rate counts from, and the target year.
    pub growth: Option<(u16, u16)>,
}

/// A value in words: `1000亿元（力争1200亿元）` / `CNY 100 billion (stretch: 120 billion)`,
/// `比2019年翻番` / `double the 2019 level`, `2023—2026年年均增长9%左右`.
pub fn value_text(value: &TargetValue, m: Measure, frame: Frame, lang: Lang) -> String {
    let base = frame
        .baseline_year
        .map_or_else(String::new, |y| y.to_string());
    match (*value, lang) {
        (TargetValue::Single(b), _) => bound(b, m, lang),
        (
            TargetValue::Range {
                low,
                high,
                or,
                qualifier,
            },
            _,
        ) => {
            let r = range(low, high, m, lang);
            let r = match (or, lang) {
                (None, _) => r,
                (Some(OpenEnd::More), Lang::Zh) => format!("{r}以上"),
                (Some(OpenEnd::Less), Lang::Zh) => format!("{r}以下"),
                // "3–5 or more firms": the words go before a counted noun.
                (Some(end), Lang::En) => {
                    let words = match end {
                        OpenEnd::More => "or more",
                        OpenEnd::Less => "or fewer",
                    };
                    match r.split_once(' ') {
                        Some((n, noun)) if m.unit.kind() == crate::content::UnitKind::Count => {
                            format!("{n} {words} {noun}")
                        }
                        _ if end == OpenEnd::Less => format!("{r} or less"),
                        _ => format!("{r} {words}"),
                    }
                }
            };
            qualified(qualifier, r, lang)
        }
        (TargetValue::Tiers { floor, stretch }, _) => tiers(floor, stretch, m, lang),
        (TargetValue::Double { qualifier }, Lang::Zh) => {
            qualified(qualifier, format!("比{base}年翻番"), lang)
        }
        (TargetValue::Double { qualifier }, Lang::En) => {
            let verb = qualifier.map_or("", |q| qualifier_verb_en(q));
            format!("{verb} double the {base} level").trim().to_string()
        }
        (TargetValue::IncreaseBy(b), Lang::Zh) => {
            let rise = match m.unit {
                MeasureUnit::PercentagePoints => format!("提升{}", rate(b, m.unit, lang)),
                _ => format!("提高{}", rate(b, MeasureUnit::Percent, lang)),
            };
            qualified(b.qualifier, format!("比{base}年{rise}"), lang)
        }
        (TargetValue::IncreaseBy(b), Lang::En) => {
            let rise = match m.unit {
                MeasureUnit::PercentagePoints => {
                    format!("a rise of {} over {base}", rate(b, m.unit, lang))
                }
                _ => format!(
                    "{} above the {base} level",
                    rate(b, MeasureUnit::Percent, lang)
                ),
            };
            qualified(b.qualifier, rise, lang)
        }
        (TargetValue::AverageGrowth(b), _) => {
            let r = rate(b, MeasureUnit::Percent, lang);
            let span = frame.growth.map(|(since, to)| span(since + 1, to, lang));
            let text = match (lang, span) {
                (Lang::Zh, Some(s)) => format!("{s}年年均增长{r}"),
                (Lang::Zh, None) => format!("年均增长{r}"),
                (Lang::En, Some(s)) => format!("average growth of {r} a year, {s}"),
                (Lang::En, None) => format!("average growth of {r} a year"),
            };
            qualified(b.qualifier, text, lang)
        }
    }
}

/// `2023—2026` / `2023–2026`, or one year.
fn span(from: u16, to: u16, lang: Lang) -> String {
    match (from >= to, lang) {
        (true, _) => to.to_string(),
        (false, Lang::Zh) => format!("{from}—{to}"),
        (false, Lang::En) => format!("{from}–{to}"),
    }
}

/// Two tiers. Without a modal word on the floor they read as the card shows them,
/// `1000亿元（力争1200亿元）`; with one, as the plans write them, `确保1000亿元，力争1200亿元`.
fn tiers(floor: Bound, stretch: Bound, m: Measure, lang: Lang) -> String {
    let stretch = Bound {
        qualifier: stretch.qualifier.or(Some(Qualifier::Strive)),
        ..stretch
    };
    match (floor.qualifier, lang) {
        (Some(_), Lang::Zh) => format!("{}，{}", bound(floor, m, lang), bound(stretch, m, lang)),
        (Some(_), Lang::En) => format!("{}; {}", bound(floor, m, lang), bound(stretch, m, lang)),
        (None, Lang::Zh) => format!("{}（{}）", bound(floor, m, lang), bound(stretch, m, lang)),
        (None, Lang::En) => {
            let mut stretch_text = figure(stretch, m, lang, false);
            if m.unit.kind() == crate::content::UnitKind::Money {
                stretch_text = stretch_text.replacen("CNY ", "", 1);
            }
            let word = match stretch.qualifier {
                Some(Qualifier::Strive) | None => "stretch".to_string(),
                Some(q) => qualifier_word(q, lang).to_string(),
            };
            format!("{} ({word}: {stretch_text})", bound(floor, m, lang))
        }
    }
}

/// A target's value in words, with its second form and the period it recurs over:
/// `每年1–2项`, `突破40%，达到42%` / `over 40% (also stated as 42%)`.
pub fn target_text(target: &Target, lang: Lang) -> String {
    let m = Measure::of(target);
    let frame = Frame {
        baseline_year: target.baseline.map(|b| b.year),
        growth: target.growth_since.map(|since| (since, target.year)),
    };
    let mut text = value_text(&target.value, m, frame, lang);
    if let Some(also) = &target.also {
        let second = match also {
            TargetValue::Single(b) => qualified(b.qualifier, figure(*b, m, lang, true), lang),
            other => value_text(other, m, frame, lang),
        };
        text = match lang {
            Lang::Zh => format!("{text}，{second}"),
            Lang::En => format!("{text} (also stated as {second})"),
        };
    }
    // A yearly growth rate already says "a year" (年均): "each year" again repeats it.
    let yearly_rate = matches!(target.value, TargetValue::AverageGrowth(_));
    match (target.each.map(|r| r.each), lang) {
        (None, _) => text,
        (Some(Period::Year), _) if yearly_rate => text,
        (Some(Period::Year), Lang::Zh) => format!("每年{text}"),
        (Some(Period::Quarter), Lang::Zh) => format!("每季度{text}"),
        (Some(Period::Month), Lang::Zh) => format!("每月{text}"),
        (Some(Period::Year), Lang::En) => format!("{text} each year"),
        (Some(Period::Quarter), Lang::En) => format!("{text} each quarter"),
        (Some(Period::Month), Lang::En) => format!("{text} each month"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Counter, Counting, Noun};
    use MeasureUnit::*;

    fn b(comparator: Comparator, value: f64, qualifier: Option<Qualifier>) -> Bound {
        Bound {
            comparator,
            value,
            qualifier,
        }
    }

    fn text(v: TargetValue, unit: MeasureUnit, lang: Lang) -> String {
        value_text(&v, unit.into(), Frame::default(), lang)
    }

    #[test]
    fn qualifiers_stay_with_their_figure() {
        let strive = TargetValue::Single(b(Comparator::Reach, 2600.0, Some(Qualifier::Strive)));
        assert_eq!(text(strive, YiYuan, Lang::Zh), "力争2600亿元");
        assert_eq!(text(strive, YiYuan, Lang::En), "strive for CNY 260 billion");
        let over = TargetValue::Single(b(Comparator::Exceed, 1000.0, Some(Qualifier::Ensure)));
        assert_eq!(text(over, YiYuan, Lang::Zh), "确保突破1000亿元");
        assert_eq!(text(over, YiYuan, Lang::En), "ensure over CNY 100 billion");
        let nearly = TargetValue::Single(b(Comparator::Nearly, 30.0, None));
        assert_eq!(text(nearly, Percent, Lang::Zh), "近30%");
        assert_eq!(text(nearly, Percent, Lang::En), "nearly 30%");
    }

    #[test]
    fn ranges_keep_or_more() {
        let v = TargetValue::Range {
            low: 3.0,
            high: 5.0,
            or: Some(OpenEnd::More),
            qualifier: Some(Qualifier::Seek),
        };
        assert_eq!(text(v, Firms, Lang::Zh), "争取3～5家以上");
        assert_eq!(text(v, Firms, Lang::En), "seek 3–5 or more firms");
    }

    #[test]
    fn tiers_read_as_the_plan_writes_them() {
        let plain_tiers = TargetValue::Tiers {
            floor: b(Comparator::Reach, 1000.0, None),
            stretch: b(Comparator::Reach, 1200.0, None),
        };
        assert_eq!(
            text(plain_tiers, YiYuan, Lang::Zh),
            "1000亿元（力争1200亿元）"
        );
        assert_eq!(
            text(plain_tiers, YiYuan, Lang::En),
            "CNY 100 billion (stretch: 120 billion)"
        );
        let worded = TargetValue::Tiers {
            floor: b(Comparator::Exceed, 1000.0, Some(Qualifier::Ensure)),
            stretch: b(Comparator::Reach, 1200.0, Some(Qualifier::Strive)),
        };
        assert_eq!(
            text(worded, YiYuan, Lang::Zh),
            "确保突破1000亿元，力争1200亿元"
        );
        assert_eq!(
            text(worded, YiYuan, Lang::En),
            "ensure over CNY 100 billion; strive for CNY 120 billion"
        );
    }

    #[test]
    fn changes_against_a_baseline() {
        let frame = Frame {
            baseline_year: Some(2020),
            growth: None,
        };
        let t = |v, unit: MeasureUnit, lang| value_text(&v, unit.into(), frame, lang);
        let double = TargetValue::Double {
            qualifier: Some(Qualifier::Strive),
        };
        assert_eq!(t(double, YiYuan, Lang::Zh), "力争比2020年翻番");
        assert_eq!(
            t(double, YiYuan, Lang::En),
            "strive to double the 2020 level"
        );
        let plain_double = TargetValue::Double { qualifier: None };
        assert_eq!(t(plain_double, YiYuan, Lang::En), "double the 2020 level");
        let rise = TargetValue::IncreaseBy(b(Comparator::AtLeast, 15.0, None));
        assert_eq!(t(rise, YiYuan, Lang::Zh), "比2020年提高15%以上");
        assert_eq!(
            t(rise, YiYuan, Lang::En),
            "at least 15% above the 2020 level"
        );
        let points = TargetValue::IncreaseBy(b(Comparator::Reach, 2.0, None));
        assert_eq!(
            t(points, PercentagePoints, Lang::Zh),
            "比2020年提升2个百分点"
        );
        assert_eq!(
            t(points, PercentagePoints, Lang::En),
            "a rise of 2 percentage points over 2020"
        );
    }

    #[test]
    fn average_growth_names_its_period() {
        let frame = Frame {
            baseline_year: None,
            growth: Some((2022, 2026)),
        };
        let v = TargetValue::AverageGrowth(b(Comparator::About, 9.0, None));
        assert_eq!(
            value_text(&v, YiYuan.into(), frame, Lang::Zh),
            "2023—2026年年均增长9%左右"
        );
        assert_eq!(
            value_text(&v, YiYuan.into(), frame, Lang::En),
            "average growth of about 9% a year, 2023–2026"
        );
    }

    #[test]
    fn the_documents_counting_word_and_noun() {
        let counting = Counting {
            counter: Some(Counter::Hu),
            noun: Some(Noun {
                one: "household firm".into(),
                other: "household firms".into(),
            }),
        };
        let m = Measure {
            unit: Firms,
            counting: &counting,
        };
        let v = TargetValue::Single(b(Comparator::AtLeast, 20.0, None));
        assert_eq!(value_text(&v, m, Frame::default(), Lang::Zh), "20户以上");
        assert_eq!(
            value_text(&v, m, Frame::default(), Lang::En),
            "at least 20 household firms"
        );
        let one = TargetValue::Single(b(Comparator::Reach, 1.0, None));
        assert_eq!(
            value_text(&one, m, Frame::default(), Lang::En),
            "1 household firm"
        );
        assert_eq!(quantity(20_000.0, m, Lang::Zh), "2万户");
    }
}
