//! Numbers written the way each language writes them.
//!
//! Chinese keeps the plan's own units (`2600亿元`, `300万平方米`, `3–5家`); English
//! converts to the units an English reader expects (`CNY 260 billion`,
//! `3 million m²`, `3–5 firms`). Pages, charts and data tables all call these functions,
//! so a figure reads the same everywhere.

use crate::content::{Counting, MeasureUnit, Target, UnitKind};
use crate::lang::Lang;

pub mod outline;
mod value;

pub use crate::numfmt::plain;
pub use value::{bound, comparator_word, qualifier_word, target_text, value_text};

/// How a figure's unit is written: the unit, and for a count the counting word (量词)
/// and English noun the document uses instead of the unit's usual ones.
#[derive(Debug, Clone, Copy)]
pub struct Measure<'a> {
    pub unit: MeasureUnit,
    pub counting: &'a Counting,
}

static NO_COUNTING: Counting = Counting {
    counter: None,
    noun: None,
};

impl From<MeasureUnit> for Measure<'static> {
    fn from(unit: MeasureUnit) -> Self {
        Measure {
            unit,
            counting: &NO_COUNTING,
        }
    }
}

impl<'a> Measure<'a> {
    /// The unit and counting words of `target`.
    pub fn of(target: &'a Target) -> Measure<'a> {
        Measure {
            unit: target.unit,
            counting: &target.counting,
        }
    }

    /// The unit and counting words of `target`'s levels: its baseline, outcomes and
    /// the level it reaches (see [`MeasureUnit::level`]).
    pub fn level_of(target: &'a Target) -> Measure<'a> {
        Measure {
            unit: target.unit.level(),
            counting: &target.counting,
        }
    }

    /// The Chinese word written after a figure.
    fn zh_suffix(self) -> &'static str {
        match self.counting.counter {
            Some(c) if self.unit.kind() == UnitKind::Count => c.zh(),
            _ => zh_suffix(self.unit),
        }
    }

    /// The English noun for `n` things, or `""` when the unit has none.
    fn noun(self, n: f64) -> &'a str {
        match &self.counting.noun {
            Some(noun) => noun.for_count(n),
            None => {
                let (one, many) = count_noun(self.unit);
                if n == 1.0 { one } else { many }
            }
        }
    }
}

/// A number with thousands separators for English: 10,000 or 1,234.5.
pub fn grouped(v: f64, decimals: usize) -> String {
    let s = plain(v, decimals);
    let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
    let (int, frac) = digits
        .split_once('.')
        .map_or((digits, None), |(i, f)| (i, Some(f)));
    // Most figures have no more than three digits before the point: nothing to group.
    if int.len() <= 3 {
        return s;
    }
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    // The digits are ASCII: grouped a slice at a time, not a character at a time.
    let head = int.len() % 3;
    out.push_str(&int[..head]);
    for (i, group) in int.as_bytes()[head..].chunks(3).enumerate() {
        if head > 0 || i > 0 {
            out.push(',');
        }
        out.push_str(std::str::from_utf8(group).unwrap_or_default());
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
fn zh_figure(v: f64, m: Measure) -> (String, String) {
    match m.unit {
        MeasureUnit::YiYuan if v.abs() >= 10_000.0 => (plain(v / 10_000.0, 4), "万亿元".into()),
        MeasureUnit::WanYuan if v.abs() >= 10_000.0 => (plain(v / 10_000.0, 4), "亿元".into()),
        u if u.kind() == UnitKind::Count && v.abs() >= 10_000.0 => {
            (plain(v / 10_000.0, 4), format!("万{}", m.zh_suffix()))
        }
        _ => (plain(v, 4), m.zh_suffix().into()),
    }
}

/// A figure with its unit: `2600亿元` / `CNY 260 billion`; a place in a ranking
/// as `第5名` / `5th place`.
pub fn quantity<'a>(v: f64, m: impl Into<Measure<'a>>, lang: Lang) -> String {
    let m = m.into();
    if m.unit == MeasureUnit::Place {
        return match lang {
            Lang::Zh => format!("第{}名", plain(v, 0)),
            Lang::En => format!("{} place", ordinal(v)),
        };
    }
    match lang {
        Lang::Zh => {
            // Appended rather than `format!`ed: a figure is formatted for every
            // label, table cell and CSV row of a chart, and the formatting machinery
            // was a twentieth of a chart's time (perf).
            let (mut n, suffix) = zh_figure(v, m);
            n.push_str(&suffix);
            n
        }
        Lang::En => english_quantity(v, m),
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
pub fn axis_unit<'a>(m: impl Into<Measure<'a>>, lang: Lang) -> String {
    let m = m.into();
    let unit = m.unit;
    match lang {
        Lang::Zh => match unit {
            MeasureUnit::Ratio => String::new(),
            _ => m.zh_suffix().to_string(),
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
            UnitKind::Rank => "place in a ranking".into(),
            _ => m.noun(2.0).to_string(),
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
fn english_frame(magnitude: f64, m: Measure) -> (&'static str, f64, String) {
    let unit = m.unit;
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
        UnitKind::Count | UnitKind::Area => ("", 1.0, format!(" {}", m.noun(magnitude))),
    }
}

fn english_quantity(v: f64, m: Measure) -> String {
    let (prefix, per, suffix) = english_frame(v, m);
    [prefix, &grouped(v * per, 4), &suffix].concat()
}

/// A range: `3～5家` / `3–5 firms` / `CNY 3–5 billion`. Chinese joins the ends of a
/// numeric range with the wave dash (浪纹线), as GB/T 15834 prescribes for ranges of
/// figures; the em dash is for spans of time, as in 2023—2026.
pub fn range<'a>(low: f64, high: f64, m: impl Into<Measure<'a>>, lang: Lang) -> String {
    let m = m.into();
    match lang {
        Lang::Zh => {
            let (l, _) = zh_figure(low, m);
            let (h, suffix) = zh_figure(high, m);
            [l.as_str(), "～", &h, &suffix].concat()
        }
        Lang::En => {
            // Both ends share the scale of the larger one: "CNY 3–5 billion".
            let (prefix, per, suffix) = english_frame(high, m);
            format!(
                "{prefix}{}–{}{suffix}",
                grouped(low * per, 4),
                grouped(high * per, 4)
            )
        }
    }
}

/// An English ordinal: 1st, 2nd, 3rd, 11th, 50th.
pub(crate) fn ordinal(v: f64) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Bound, Comparator};
    use MeasureUnit::*;

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
            qualifier: None,
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
        assert_eq!(range(3.0, 5.0, Firms, Lang::Zh), "3～5家");
        assert_eq!(range(3.0, 5.0, Firms, Lang::En), "3–5 firms");
        assert_eq!(range(30.0, 50.0, YiYuan, Lang::En), "CNY 3–5 billion");
        assert_eq!(range(2.0, 3.0, Platforms, Lang::Zh), "2～3个");
    }

    #[test]
    fn grouped_numbers() {
        assert_eq!(grouped(1_234_567.5, 2), "1,234,567.5");
        assert_eq!(grouped(-1200.0, 0), "-1,200");
        assert_eq!(grouped(999.0, 0), "999");
        assert_eq!(grouped(1000.0, 0), "1,000");
        assert_eq!(grouped(100_000.0, 0), "100,000");
        assert_eq!(grouped(-12_345.25, 2), "-12,345.25");
        assert_eq!(grouped(-999.5, 1), "-999.5");
    }

    #[test]
    fn axis_labels() {
        assert_eq!(axis_unit(YiYuan, Lang::En), "CNY billion");
        assert_eq!(figure_only(2600.0, YiYuan, Lang::En), "260");
        assert_eq!(axis_unit(YiYuan, Lang::Zh), "亿元");
        assert_eq!(figure_only(2600.0, YiYuan, Lang::Zh), "2600");
    }
}
