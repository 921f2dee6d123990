//! Every word a chart shows, as a key of the theme's language files
//! (`themes/default/i18n/zh.yaml` and `en.yaml`, prefix `chart_`), and the filling of
//! a sentence's placeholders.
//!
//! A leaf, like `encode`: it imports nothing, so the string loader can require
//! [`KEYS`] (a key missing in a language is a build error) without depending on the
//! chart code.

/// A word or sentence of a chart, by its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    // What a column or bar stands for, in the legend and the table.
    Target,
    Baseline,
    Actual,
    OtherMeasure,
    Stretch,
    TopOfRange,
    Path,
    // What a chart is about, after the name in its title.
    TitleTarget,
    TitleBreakdown,
    TitleOverview,
    TitleComparison,
    // The data table's columns.
    ColYear,
    ColSeries,
    ColFigure,
    ColMeasure,
    ColItem,
    ColDetails,
    ColPart,
    // The CSV's columns.
    CsvYear,
    CsvSeries,
    CsvValue,
    CsvUpper,
    CsvUnit,
    CsvMeasure,
    CsvItem,
    CsvDetails,
    // Sentences with placeholders.
    /// `{title}`: the data table's caption.
    TableCaption,
    /// `{from}`, `{to}`, `{rate}`: the growth a year the path to the target needs.
    PathSentence,
}

impl Word {
    pub const ALL: [Word; 28] = [
        Word::Target,
        Word::Baseline,
        Word::Actual,
        Word::OtherMeasure,
        Word::Stretch,
        Word::TopOfRange,
        Word::Path,
        Word::TitleTarget,
        Word::TitleBreakdown,
        Word::TitleOverview,
        Word::TitleComparison,
        Word::ColYear,
        Word::ColSeries,
        Word::ColFigure,
        Word::ColMeasure,
        Word::ColItem,
        Word::ColDetails,
        Word::ColPart,
        Word::CsvYear,
        Word::CsvSeries,
        Word::CsvValue,
        Word::CsvUpper,
        Word::CsvUnit,
        Word::CsvMeasure,
        Word::CsvItem,
        Word::CsvDetails,
        Word::TableCaption,
        Word::PathSentence,
    ];

    /// The key of the word in the language files.
    pub const fn key(self) -> &'static str {
        match self {
            Word::Target => "chart_target",
            Word::Baseline => "chart_baseline",
            Word::Actual => "chart_actual",
            Word::OtherMeasure => "chart_other_measure",
            Word::Stretch => "chart_stretch",
            Word::TopOfRange => "chart_top_of_range",
            Word::Path => "chart_path",
            Word::TitleTarget => "chart_title_target",
            Word::TitleBreakdown => "chart_title_breakdown",
            Word::TitleOverview => "chart_title_overview",
            Word::TitleComparison => "chart_title_comparison",
            Word::ColYear => "chart_col_year",
            Word::ColSeries => "chart_col_series",
            Word::ColFigure => "chart_col_figure",
            Word::ColMeasure => "chart_col_measure",
            Word::ColItem => "chart_col_item",
            Word::ColDetails => "chart_col_details",
            Word::ColPart => "chart_col_part",
            Word::CsvYear => "chart_csv_year",
            Word::CsvSeries => "chart_csv_series",
            Word::CsvValue => "chart_csv_value",
            Word::CsvUpper => "chart_csv_upper",
            Word::CsvUnit => "chart_csv_unit",
            Word::CsvMeasure => "chart_csv_measure",
            Word::CsvItem => "chart_csv_item",
            Word::CsvDetails => "chart_csv_details",
            Word::TableCaption => "chart_table_caption",
            Word::PathSentence => "chart_path_sentence",
        }
    }
}

/// The key of every word the chart code looks up.
pub const KEYS: &[&str] = &keys();

const fn keys() -> [&'static str; Word::ALL.len()] {
    let mut keys = [""; Word::ALL.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = Word::ALL[i].key();
        i += 1;
    }
    keys
}

/// `template` with each `{name}` of `values` replaced by its value, in one pass (so
/// a value holding braces is never filled again); other braces stay as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let (_, value) = values.iter().find(|(name, _)| *name == &after[..close])?;
            Some((close, value))
        });
        match filled {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_its_own_chart_key() {
        let mut keys = KEYS.to_vec();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Word::ALL.len(), "two words share a key");
        assert!(keys.iter().all(|k| k.starts_with("chart_")), "{keys:?}");
    }

    #[test]
    fn the_theme_defines_every_word_in_both_languages() {
        for file in [
            include_str!("../../../themes/default/i18n/zh.yaml"),
            include_str!("../../../themes/default/i18n/en.yaml"),
        ] {
            for key in KEYS {
                assert!(
                    file.lines().any(|l| l.starts_with(&format!("{key}:"))),
                    "{key} is missing"
                );
            }
        }
    }

    #[test]
    fn placeholders_are_filled_once_and_unknown_ones_kept() {
        assert_eq!(
            fill(
                "from {from} to {to}: {rate}%",
                &[("from", "2020"), ("to", "{rate}"), ("rate", "7.2")]
            ),
            "from 2020 to {rate}: 7.2%"
        );
        assert_eq!(fill("{title} {x} {", &[("title", "T")]), "T {x} {");
    }
}
