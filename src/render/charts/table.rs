//! A chart's numbers in words: the HTML table beside it, its CSV download and the
//! description a screen reader hears. All three come from the chart's marks, in the
//! legend's order.

use serde::Serialize;

use super::series::{Bar, Kind, Panel, TargetSeries, Trajectory};
use crate::content::{Horizon, MeasureUnit, Target};
use crate::lang::Lang;
use crate::render::encode::to_csv;
use crate::render::format;
use crate::render::keys::ChartWord::{self, *};
use crate::render::views::{ViewCtx, period_text};

/// The numbers of a chart as an HTML table.
#[derive(Debug, Serialize)]
pub struct DataTable {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A chart's rows, as worded for the table and as plain figures for the CSV.
pub struct ChartData {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    csv_head: Vec<String>,
    csv_rows: Vec<Vec<String>>,
}

/// What the document says of a figure, as CSV cells: its modal word, comparator and
/// unit; and, apart (it is the last column), its source.
fn csv_terms(b: &Bar, unit: MeasureUnit, lang: Lang) -> ([String; 3], String) {
    let terms = b.value_form.clone().unwrap_or_default();
    let measure = format::Measure {
        unit,
        counting: &b.counting,
    };
    // Two tiers: the floor's word, then the stretch's (the `upper` column's figure).
    let qualifier = match terms.upper_qualifier.is_empty() {
        true => terms.qualifier,
        false => format!("{} / {}", terms.qualifier, terms.upper_qualifier),
    };
    (
        [qualifier, terms.comparator, csv_unit(measure, lang)],
        terms.source,
    )
}

impl ChartData {
    /// A target's marks, a row per year: what the mark is, its figure, its measure.
    pub fn by_year(cx: ViewCtx, target: &Target, s: &TargetSeries, target_word: &str) -> ChartData {
        let lang = cx.lang;
        let series_word = |b: &Bar| match b.kind {
            Kind::Target => target_word.to_string(),
            k => cx.t(k.word().key()).to_string(),
        };
        let mut rows = Vec::new();
        let mut csv_rows = Vec::new();
        if let Some(r) = &s.rate {
            let span = crate::render::views::horizon_text(
                Horizon {
                    start: r.from,
                    end: r.to,
                },
                lang,
            );
            rows.push(vec![
                span.clone(),
                target_word.to_string(),
                r.text.clone(),
                cx.metric(target.metric).to_string(),
            ]);
            let terms = super::series::terms(cx, target, &s.source);
            csv_rows.push(vec![
                span,
                target_word.to_string(),
                format::plain(r.value, 6),
                String::new(),
                terms.qualifier,
                terms.comparator,
                "%".into(),
                cx.metric(target.metric).to_string(),
                terms.source,
            ]);
        }
        for b in s.rows() {
            // A yearly target's figure already says "each year", so its row
            // names the span instead of repeating the period.
            let label = if b.kind == Kind::Target && target.each.is_some() {
                let word = super::series::modal_word(cx, target);
                let span = period_text(target, cx.lang);
                cx.aside(&word, &span)
            } else {
                series_word(b)
            };
            rows.push(vec![
                b.label.clone(),
                label.clone(),
                b.text.clone(),
                b.note.clone(),
            ]);
            let mut row = vec![
                b.label.clone(),
                label,
                format::plain(b.value, 6),
                b.extension.map_or(String::new(), |e| format::plain(e, 6)),
            ];
            // Beside a growth rate, outcomes are levels in the target's own unit.
            let beside_rate = s.rate.is_some() && b.kind != Kind::Target;
            let unit = if beside_rate {
                target.unit.level()
            } else {
                s.unit
            };
            let (terms, source) = csv_terms(b, unit, lang);
            row.extend(terms);
            row.extend([b.note.clone(), source]);
            csv_rows.push(row);
        }
        ChartData {
            head: words(cx, &[ColYear, ColSeries, ColFigure, ColMeasure]),
            rows,
            csv_head: words(
                cx,
                &[
                    CsvYear,
                    CsvSeries,
                    CsvValue,
                    CsvUpper,
                    CsvQualifier,
                    CsvComparator,
                    CsvUnit,
                    CsvMeasure,
                    CsvSource,
                ],
            ),
            csv_rows,
        }
    }

    /// Bars, a row per item in the panels' order: its figure, its note, its outcome.
    pub fn by_item(cx: ViewCtx, panels: &[Panel]) -> ChartData {
        let lang = cx.lang;
        let all = || {
            panels
                .iter()
                .flat_map(|p| p.bars.iter().map(move |b| (p, b)))
        };
        let with_notes = all().any(|(_, b)| !b.note.is_empty());
        let with_outcomes = all().any(|(_, b)| b.outcome.is_some());
        let mut head = if with_notes {
            words(cx, &[ColItem, ColFigure, ColDetails])
        } else {
            words(cx, &[ColPart, ColFigure])
        };
        if with_outcomes {
            head.push(cx.t(ColOutcome.key()).to_string());
        }
        let mut rows = Vec::new();
        let mut csv_rows = Vec::new();
        for (p, b) in all() {
            let mut row = vec![b.label.clone(), b.text.clone()];
            if with_notes {
                row.push(b.note.clone());
            }
            if with_outcomes {
                row.push(b.outcome.map_or(String::new(), |(year, v)| {
                    let measure = format::Measure {
                        unit: p.unit,
                        counting: &b.counting,
                    };
                    let figure = format::quantity(v, measure, lang);
                    cx.aside(&figure, &cx.year(year))
                }));
            }
            rows.push(row);
            let mut csv = vec![
                b.label.clone(),
                format::plain(b.value, 6),
                b.extension.map_or(String::new(), |e| format::plain(e, 6)),
            ];
            let (terms, source) = csv_terms(b, p.unit, lang);
            csv.extend(terms);
            csv.extend([
                cx.metric(p.metric).to_string(),
                b.year.to_string(),
                b.outcome.map_or(String::new(), |(y, _)| y.to_string()),
                b.outcome
                    .map_or(String::new(), |(_, v)| format::plain(v, 6)),
                details(cx, b),
                source,
            ]);
            csv_rows.push(csv);
        }
        ChartData {
            head,
            rows,
            csv_head: words(
                cx,
                &[
                    CsvItem,
                    CsvValue,
                    CsvUpper,
                    CsvQualifier,
                    CsvComparator,
                    CsvUnit,
                    CsvMeasure,
                    CsvYear,
                    CsvOutcomeYear,
                    CsvOutcome,
                    CsvDetails,
                    CsvSource,
                ],
            ),
            csv_rows,
        }
    }

    /// The CSV download.
    pub fn csv(&self) -> String {
        to_csv(&self.csv_head, &self.csv_rows)
    }

    /// The HTML table, captioned after the chart's title.
    pub fn into_table(self, cx: ViewCtx, title: &str) -> DataTable {
        DataTable {
            caption: cx.tf(TableCaption.key(), &[("title", title)]),
            head: self.head,
            rows: self.rows,
        }
    }
}

/// A sentence per data row, for the SVG's `<desc>`: a screen reader hears the
/// numbers, and the yearly growth the path to the target needs.
pub fn describe(
    cx: ViewCtx,
    title: &str,
    rows: &[Vec<String>],
    path: Option<Trajectory>,
) -> String {
    // Punctuation is typography, not words: it stays here, like number formatting.
    let (sep, cell_sep, after_title, end, before_sentence) = match cx.lang {
        Lang::Zh => ("；", " ", "。", "。", ""),
        Lang::En => ("; ", ", ", ". ", ".", " "),
    };
    // Appended into one string: the description states every figure of the chart.
    let mut out = [title, after_title].concat();
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        for (j, cell) in row.iter().filter(|c| !c.is_empty()).enumerate() {
            if j > 0 {
                out.push_str(cell_sep);
            }
            out.push_str(cell);
        }
    }
    out.push_str(end);
    if let Some(path) = path
        && let Some(pace) = path.pace()
    {
        let sentence = cx.tf(
            pace.words().1.key(),
            &[
                ("from", &path.from.0.to_string()),
                ("to", &path.to.0.to_string()),
                ("rate", &pace.text()),
            ],
        );
        out.push_str(before_sentence);
        out.push_str(&sentence);
    }
    out
}

/// A bar's details for the CSV: its note, and for a level the site worked out, that
/// it did (the value column alone would read as the document's figure).
fn details(cx: ViewCtx, b: &Bar) -> String {
    match (b.kind, b.note.is_empty()) {
        (Kind::Worked, true) => cx.t(ChartWord::Worked.key()).to_string(),
        (Kind::Worked, false) => {
            [b.note.as_str(), cx.t(ChartWord::Worked.key())].join(cx.t("list_separator"))
        }
        _ => b.note.clone(),
    }
}

/// The words of `keys`, in order.
fn words(cx: ViewCtx, keys: &[ChartWord]) -> Vec<String> {
    keys.iter().map(|w| cx.t(w.key()).to_string()).collect()
}

/// The unit as written in CSV files: the plan's own unit, so figures are exact.
/// A count keeps the document's counting word (台, 家) or English noun.
pub fn csv_unit(m: format::Measure, lang: Lang) -> String {
    match (lang, m.unit) {
        (Lang::En, MeasureUnit::YiYuan) => "100 million yuan".into(),
        (Lang::En, MeasureUnit::WanYuan) => "10,000 yuan".into(),
        (Lang::En, MeasureUnit::WanYuanPerMu) => "10,000 yuan per mu".into(),
        (Lang::En, MeasureUnit::WanM2) => "10,000 m²".into(),
        _ => format::axis_unit(m, lang),
    }
}
