//! Charts, drawn with plotters into SVG, with the data table and CSV beside them.
//!
//! Four charts: a target's column chart (baseline, outcomes, the target with its tiers,
//! and the path needed to get there), a breakdown's bars, a plan's overview of its chain
//! targets, and a chain's comparison across plans. Each chart is built from one list of
//! data points ([`series`]), and the SVG, the screen-reader description, the HTML table
//! and the CSV ([`table`]) are all made from that list, so they can never disagree.
//!
//! Imports run one way: this file uses every part; [`columns`] and [`bars`] draw with
//! [`layout`] into [`svg`], the backend, which knows nothing of charts.
//!
//! Why some things are done by hand:
//! - plotters' bundled SVG backend estimates text width from UTF-8 bytes, which makes
//!   Chinese labels look twice as wide as they are; label areas are sized here with
//!   `unicode-width`, and [`svg`] (the backend plotters draws into) measures text the
//!   same way.
//! - Category and year labels, value labels and the legend are placed by us, so they
//!   sit exactly on the bars in both languages.
//! - plotters writes a bare `<svg>`; [`finish_svg`] gives it `role="img"`, a `<title>`
//!   and a `<desc>` stating the numbers, and lets it scale to the page width.

mod bars;
mod columns;
mod layout;
mod series;
mod svg;
mod table;

use serde::Serialize;

use self::bars::{BarChart, draw_bars};
use self::columns::{Columns, draw_columns};
use self::layout::{FONT_STACK, WIDTH};
use self::series::Bar;
pub use self::table::DataTable;
use self::table::{ChartData, describe};
use super::encode::{base64_url, escape};
use super::keys::ChartWord;
use super::views::ViewCtx;
use crate::content::*;
use crate::lang::Lang;

/// A chart placed in a page, with its downloads.
#[derive(Debug, Serialize)]
pub struct Chart {
    /// Unique on its page; prefixes the ids inside the SVG.
    pub id: String,
    pub title: String,
    /// The SVG file's text, with its XML declaration. Pages show the file with
    /// `<img>` (its `alt` is `desc`), so each chart's bytes are written once.
    #[serde(skip)]
    pub svg: String,
    /// What the chart shows, with its numbers: the SVG's `<desc>` and the image's `alt`.
    pub desc: String,
    /// The drawing's size in pixels, so the page reserves its space before it loads.
    pub width: u32,
    pub height: u32,
    pub table: DataTable,
    /// The SVG's file name next to the page.
    pub svg_file: String,
    /// The name the data downloads as.
    pub csv_file: String,
    /// The data as a base64 `data:` address (compact for Chinese text): the download
    /// needs no file of its own, which keeps a site of tens of thousands of charts to
    /// one file per chart.
    pub csv_href: String,
    #[serde(skip)]
    pub csv: String,
}

/// The chart of one target: baseline, outcomes, the target (with its upper tier) and
/// the path from baseline to target. `None` when the target implies no figure
/// (a doubling of an unpublished baseline) or is a ranking.
pub fn target_chart(cx: ViewCtx, target: &Target) -> Option<Chart> {
    let series = series::target_series(cx, target)?;
    let title = titled(cx, cx.text(&target.name), ChartWord::TitleTarget);
    let since = cx
        .site
        .plans
        .get(&target.plan)
        .map_or(target.year, |p| p.horizon.start.saturating_sub(1))
        .max(target.year.saturating_sub(8));
    let svg_body = draw_columns(&Columns {
        bars: &series.bars,
        since,
        path: series.path,
        unit: target.unit,
        cx,
        title: &title,
        tiers: matches!(target.value, TargetValue::Tiers { .. }),
    })
    .ok()?;
    let data = ChartData::by_year(cx, target, &series.bars);
    let desc = describe(cx, &title, &data.rows, series.path);
    Some(finish(
        cx,
        "chart-target",
        "chart",
        title,
        svg_body,
        desc,
        data,
    ))
}

/// The breakdown of a target among its parts, largest first.
pub fn breakdown_chart(cx: ViewCtx, target: &Target) -> Option<Chart> {
    let bars = series::breakdown_bars(cx, target)?;
    let title = titled(cx, cx.text(&target.name), ChartWord::TitleBreakdown);
    finish_bars(cx, "chart-breakdown", "breakdown", title, bars, target.unit)
}

/// A plan's industry-chain targets side by side, largest first. Only targets in the
/// plan's most common chain unit are drawn, so bars share one scale.
pub fn plan_chart(cx: ViewCtx, plan: &Plan) -> Option<Chart> {
    let (bars, unit) = series::plan_bars(cx, plan)?;
    let title = titled(cx, cx.text(&plan.short_title), ChartWord::TitleOverview);
    finish_bars(cx, "chart-overview", "overview", title, bars, unit)
}

/// The targets of one chain across plans, ordered by year.
pub fn chain_chart(cx: ViewCtx, chain: &Chain, targets: &[(&Plan, &Target)]) -> Option<Chart> {
    let (bars, unit) = series::chain_bars(cx, targets)?;
    let title = titled(cx, cx.text(&chain.name), ChartWord::TitleComparison);
    finish_bars(cx, "chart-comparison", "comparison", title, bars, unit)
}

/// A chart's title: what it is of, and what it shows.
fn titled(cx: ViewCtx, name: &str, what: ChartWord) -> String {
    format!("{name} · {}", cx.t(what.key()))
}

/// A bar chart with its table, CSV and description.
fn finish_bars(
    cx: ViewCtx,
    id: &str,
    file: &str,
    title: String,
    bars: Vec<Bar>,
    unit: MeasureUnit,
) -> Option<Chart> {
    let svg_body = draw_bars(&BarChart {
        bars: &bars,
        unit,
        cx,
        title: &title,
    })
    .ok()?;
    let data = ChartData::by_item(cx, &bars, unit);
    let desc = describe(cx, &title, &data.rows, None);
    Some(finish(cx, id, file, title, svg_body, desc, data))
}

/// The chart with its downloads: `id` prefixes the ids inside the SVG, `file` names
/// the SVG and CSV files.
fn finish(
    cx: ViewCtx,
    id: &str,
    file: &str,
    title: String,
    body: String,
    desc: String,
    data: ChartData,
) -> Chart {
    let svg = finish_svg(&body, id, &title, &desc, cx.lang);
    let (width, height) = svg_size(&svg);
    let csv = data.csv();
    Chart {
        id: id.to_string(),
        svg,
        desc,
        width,
        height,
        table: data.into_table(cx, &title),
        svg_file: format!("{file}.svg"),
        csv_file: format!("{file}.csv"),
        csv_href: base64_url("text/csv;charset=utf-8", &csv),
        csv,
        title,
    }
}

/// The width and height of the drawing, from its `viewBox`.
fn svg_size(svg: &str) -> (u32, u32) {
    let head = svg.split_once('>').map_or(svg, |(h, _)| h);
    let view_box = view_box(head);
    let mut numbers = view_box.split(' ').skip(2).filter_map(|n| n.parse().ok());
    (
        numbers.next().unwrap_or(WIDTH),
        numbers.next().unwrap_or(360),
    )
}

/// Replaces plotters' opening tag with an accessible, scalable one.
fn finish_svg(body: &str, id: &str, title: &str, desc: &str, lang: Lang) -> String {
    let (head, rest) = body.split_once('\n').unwrap_or((body, ""));
    let view_box = view_box(head);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{view_box}\" class=\"chart\" role=\"img\" \
         lang=\"{lang}\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{FONT_STACK}\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n{rest}",
        escape(title),
        escape(desc),
        lang = lang.html_tag(),
    )
}

/// The `viewBox` of an `<svg …>` opening tag.
fn view_box(head: &str) -> &str {
    head.split_once("viewBox=\"")
        .and_then(|(_, s)| s.split_once('"'))
        .map_or("0 0 640 360", |(v, _)| v)
}
