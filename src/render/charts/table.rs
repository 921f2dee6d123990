//! A chart's numbers in words: the HTML table beside it, its CSV download and the
//! description a screen reader hears. All three come from the chart's bars.

use std::fmt::Write as _;

use serde::Serialize;

use super::series::{Bar, Kind, Trajectory};
use crate::content::{MeasureUnit, Target};
use crate::lang::Lang;
use crate::render::encode::to_csv;
use crate::render::format;
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
                let mut label = b.kind.label(lang).to_string();
                if b.kind == Kind::Target && target.annual {
                    label = format!("{label} ({})", period_text(cx, target));
                }
                vec![b.label.clone(), label, b.text.clone(), b.note.clone()]
            })
            .collect();
        let csv_rows = bars
            .iter()
            .map(|b| {
                vec![
                    b.label.clone(),
                    b.kind.label(lang).to_string(),
                    format::plain(b.value, 6),
                    b.extension.map_or(String::new(), |e| format::plain(e, 6)),
                    csv_unit(target.unit, lang),
                    b.note.clone(),
                ]
            })
            .collect();
        ChartData {
            head: table_head(lang, true),
            rows,
            csv_head: csv_head(lang, true),
            csv_rows,
        }
    }

    /// Bars, a row per item: its figure and, when any bar has one, its note.
    pub fn by_item(lang: Lang, bars: &[Bar], unit: MeasureUnit) -> ChartData {
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
        let mut head = table_head(lang, false);
        if bars.iter().all(|b| b.note.is_empty()) {
            head.truncate(2);
            head[0] = match lang {
                Lang::Zh => "组成部分".into(),
                Lang::En => "Part".into(),
            };
        }
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
            csv_head: csv_head(lang, false),
            csv_rows,
        }
    }

    /// The CSV download.
    pub fn csv(&self) -> String {
        to_csv(&self.csv_head, &self.csv_rows)
    }

    /// The HTML table, captioned after the chart's title.
    pub fn into_table(self, title: &str, lang: Lang) -> DataTable {
        let caption = match lang {
            Lang::Zh => format!("{title}（图表数据）"),
            Lang::En => format!("{title} (chart data)"),
        };
        DataTable {
            caption,
            head: self.head,
            rows: self.rows,
        }
    }
}

/// A sentence per data row, for the SVG's `<desc>`: a screen reader hears the
/// numbers, and the yearly growth the path to the target needs.
pub fn describe(title: &str, rows: &[Vec<String>], path: Option<Trajectory>, lang: Lang) -> String {
    let sep = match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    };
    let items: Vec<String> = rows
        .iter()
        .map(|r| match lang {
            Lang::Zh => r.join(" "),
            Lang::En => r.join(", "),
        })
        .collect();
    let mut out = match lang {
        Lang::Zh => format!("{title}。{}。", items.join(sep)),
        Lang::En => format!("{title}. {}.", items.join(sep)),
    };
    if let Some(path) = path
        && let Some(rate) = path.yearly_growth()
    {
        let (y0, y1) = (path.from.0, path.to.0);
        let rate = format::plain(rate, 1);
        match lang {
            Lang::Zh => {
                let _ = write!(out, "从{y0}年到{y1}年达标需要年均增长{rate}%。");
            }
            Lang::En => {
                let _ = write!(
                    out,
                    " Reaching the target from {y0} to {y1} takes {rate}% growth a year."
                );
            }
        }
    }
    out
}

fn table_head(lang: Lang, by_year: bool) -> Vec<String> {
    let cols: [&str; 4] = match (lang, by_year) {
        (Lang::Zh, true) => ["年份", "系列", "数值", "指标"],
        (Lang::En, true) => ["Year", "Series", "Figure", "Measure"],
        (Lang::Zh, false) => ["项目", "数值", "说明", ""],
        (Lang::En, false) => ["Item", "Figure", "Details", ""],
    };
    cols.iter()
        .filter(|c| !c.is_empty())
        .map(|c| c.to_string())
        .collect()
}

fn csv_head(lang: Lang, by_year: bool) -> Vec<String> {
    let cols: &[&str] = match (lang, by_year) {
        (Lang::Zh, true) => &[
            "年份",
            "系列",
            "数值",
            "上限（力争或区间上限）",
            "单位",
            "指标",
        ],
        (Lang::En, true) => &[
            "year",
            "series",
            "value",
            "upper (stretch or top of range)",
            "unit",
            "measure",
        ],
        (Lang::Zh, false) => &["项目", "数值", "上限（力争或区间上限）", "单位", "说明"],
        (Lang::En, false) => &[
            "item",
            "value",
            "upper (stretch or top of range)",
            "unit",
            "details",
        ],
    };
    cols.iter().map(|c| c.to_string()).collect()
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
