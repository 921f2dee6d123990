//! A chart's numbers in words: the HTML table beside it, its CSV download and the
//! description a screen reader hears. All three come from the chart's bars.

use serde::Serialize;

use super::series::{Bar, Kind, Trajectory};
use crate::content::{MeasureUnit, Target};
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

impl ChartData {
    /// A target's columns, a row per year: what the column is, its figure, its measure.
    pub fn by_year(cx: ViewCtx, target: &Target, bars: &[Bar]) -> ChartData {
        let lang = cx.lang;
        let rows = bars
            .iter()
            .map(|b| {
                let mut label = cx.t(b.kind.word().key()).to_string();
                if b.kind == Kind::Target && target.each.is_some() {
                    label = format!("{label} ({})", period_text(target));
                }
                vec![b.label.clone(), label, b.text.clone(), b.note.clone()]
            })
            .collect();
        let csv_rows = bars
            .iter()
            .map(|b| {
                vec![
                    b.label.clone(),
                    cx.t(b.kind.word().key()).to_string(),
                    format::plain(b.value, 6),
                    b.extension.map_or(String::new(), |e| format::plain(e, 6)),
                    csv_unit(target.unit, lang),
                    b.note.clone(),
                ]
            })
            .collect();
        ChartData {
            head: words(cx, &[ColYear, ColSeries, ColFigure, ColMeasure]),
            rows,
            csv_head: words(
                cx,
                &[CsvYear, CsvSeries, CsvValue, CsvUpper, CsvUnit, CsvMeasure],
            ),
            csv_rows,
        }
    }

    /// Bars, a row per item: its figure and, when any bar has one, its note.
    pub fn by_item(cx: ViewCtx, bars: &[Bar], unit: MeasureUnit) -> ChartData {
        let lang = cx.lang;
        let rows = bars
            .iter()
            .map(|b| {
                let mut row = vec![b.label.clone(), b.text.clone()];
                if !b.note.is_empty() {
                    row.push(b.note.clone());
                }
                row
            })
            .collect();
        // Parts of a whole have no notes: the table then names them as parts.
        let head = if bars.iter().all(|b| b.note.is_empty()) {
            words(cx, &[ColPart, ColFigure])
        } else {
            words(cx, &[ColItem, ColFigure, ColDetails])
        };
        let csv_rows = bars
            .iter()
            .map(|b| {
                vec![
                    b.label.clone(),
                    format::plain(b.value, 6),
                    b.extension.map_or(String::new(), |e| format::plain(e, 6)),
                    csv_unit(unit, lang),
                    b.note.clone(),
                ]
            })
            .collect();
        ChartData {
            head,
            rows,
            csv_head: words(cx, &[CsvItem, CsvValue, CsvUpper, CsvUnit, CsvDetails]),
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
    let items: Vec<String> = rows.iter().map(|r| r.join(cell_sep)).collect();
    let mut out = format!("{title}{after_title}{}{end}", items.join(sep));
    if let Some(path) = path
        && let Some(rate) = path.yearly_growth()
    {
        let sentence = cx.tf(
            PathSentence.key(),
            &[
                ("from", &path.from.0.to_string()),
                ("to", &path.to.0.to_string()),
                ("rate", &format::plain(rate, 1)),
            ],
        );
        out.push_str(before_sentence);
        out.push_str(&sentence);
    }
    out
}

/// The words of `keys`, in order.
fn words(cx: ViewCtx, keys: &[ChartWord]) -> Vec<String> {
    keys.iter().map(|w| cx.t(w.key()).to_string()).collect()
}

/// The unit as written in CSV files: the plan's own unit, so figures are exact.
fn csv_unit(unit: MeasureUnit, lang: Lang) -> String {
    match (lang, unit) {
        (Lang::En, MeasureUnit::YiYuan) => "100 million yuan".into(),
        (Lang::En, MeasureUnit::WanYuan) => "10,000 yuan".into(),
        (Lang::En, MeasureUnit::WanYuanPerMu) => "10,000 yuan per mu".into(),
        (Lang::En, MeasureUnit::WanM2) => "10,000 m²".into(),
        (Lang::En, u) => format::axis_unit(u, Lang::En),
        (Lang::Zh, u) => format::axis_unit(u, Lang::Zh),
    }
}
