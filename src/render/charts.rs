//! Charts, drawn with plotters into SVG, with the data table and CSV beside them.
//!
//! Four charts: a target's column chart (baseline, outcomes, the target with its tiers,
//! and the path needed to get there), a breakdown's bars, a plan's overview of its chain
//! targets, and a chain's comparison across plans. Each chart is built from one list of
//! data points, and the SVG, the screen-reader description, the HTML table and the CSV
//! are all made from that list, so they can never disagree.
//!
//! Why some things are done by hand:
//! - plotters' bundled SVG backend estimates text width from UTF-8 bytes, which makes
//!   Chinese labels look twice as wide as they are; label areas are sized here with
//!   `unicode-width`, and [`super::svg`] (the backend plotters draws into) measures
//!   text the same way.
//! - Category and year labels, value labels and the legend are placed by us, so they
//!   sit exactly on the bars in both languages.
//! - plotters writes a bare `<svg>`; [`finish_svg`] gives it `role="img"`, a `<title>`
//!   and a `<desc>` stating the numbers, and lets it scale to the page width.

use std::fmt::Write as _;

use super::encode::{base64_url, escape, text_width, to_csv};
use super::format;
use super::svg::{DASHED, SvgBackend};
use super::views::{ViewCtx, part_label};
use crate::content::*;
use crate::lang::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Serialize;

/// The Okabe–Ito palette: distinguishable with every common colour-vision deficiency.
mod palette {
    use plotters::style::RGBColor;
    pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    pub const SKY: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
    pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
    pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
    pub const PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
    pub const GREY: RGBColor = RGBColor(0x8C, 0x8C, 0x8C);
    pub const INK: RGBColor = RGBColor(0x1B, 0x1F, 0x24);
    pub const GRID: RGBColor = RGBColor(0xD9, 0xDE, 0xE3);
}

/// The font stack of the whole drawing, set once on its root element.
const FONT_STACK: &str =
    "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, Source Han Sans SC, sans-serif";
/// The family labels are drawn in: the generic one, which the backend leaves to the
/// root's font stack.
const FONT: &str = "sans-serif";
const WIDTH: u32 = 640;
const LABEL_PX: f64 = 14.0;
const TITLE_PX: f64 = 16.0;

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

/// The numbers of a chart as an HTML table.
#[derive(Debug, Serialize)]
pub struct DataTable {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What a bar or column stands for: it decides colour, legend entry and wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Target,
    Baseline,
    Actual,
    /// An outcome in another metric (revenue against output): drawn apart, never compared.
    OtherMeasure,
}

impl Kind {
    fn fill(self) -> RGBColor {
        match self {
            Kind::Target => palette::BLUE,
            Kind::Baseline => palette::GREY,
            Kind::Actual => palette::ORANGE,
            Kind::OtherMeasure => palette::PURPLE,
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Target, Lang::Zh) => "目标",
            (Kind::Target, Lang::En) => "Target",
            (Kind::Baseline, Lang::Zh) => "基期",
            (Kind::Baseline, Lang::En) => "Baseline",
            (Kind::Actual, Lang::Zh) => "实际",
            (Kind::Actual, Lang::En) => "Outcome",
            (Kind::OtherMeasure, Lang::Zh) => "实际（口径不同）",
            (Kind::OtherMeasure, Lang::En) => "Outcome (other measure)",
        }
    }
}

fn stretch_label(lang: Lang, tiers: bool) -> &'static str {
    match (lang, tiers) {
        (Lang::Zh, true) => "力争",
        (Lang::En, true) => "Stretch",
        (Lang::Zh, false) => "区间上限",
        (Lang::En, false) => "Top of range",
    }
}

fn path_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "达标所需路径",
        Lang::En => "Path to the target",
    }
}

/// One bar: a value, and optionally an extension above it (stretch tier, top of range).
#[derive(Debug, Clone)]
struct Bar {
    /// Year (column charts) or category label (bar charts).
    label: String,
    value: f64,
    extension: Option<f64>,
    kind: Kind,
    /// Wording of the value for the table and the description.
    text: String,
    /// A note for the table (the measure, a comparator).
    note: String,
}

/// Cuts `text` to fit `max` pixels, ending with an ellipsis.
fn fit(text: &str, px: f64, max: f64) -> String {
    if text_width(text, px) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if text_width(&out, px) + text_width(&format!("{c}…"), px) > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn font(px: f64) -> TextStyle<'static> {
    // plotters' SVG backend divides the size by 1.24; undo it to get `px`.
    (FONT, px * 1.24).into_font().color(&palette::INK)
}

/// A readable axis: a step of 1, 2, 2.5 or 5 times a power of ten giving four to
/// six intervals, and the maximum rounded up to a whole number of steps.
fn nice_axis(top: f64) -> (f64, f64) {
    if top <= 0.0 || !top.is_finite() {
        return (1.0, 0.25);
    }
    let raw = top / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    ((top / step).ceil() * step, step)
}

/// How a legend entry's swatch is drawn, matching the marks in the chart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Swatch {
    Filled,
    Outline,
    Line,
}

type LegendItem<'a> = (RGBColor, Swatch, &'a str);

/// Draws the legend in one or more rows from `y`.
fn draw_legend(
    area: &DrawingArea<SvgBackend, Shift>,
    items: &[LegendItem],
    y: i32,
) -> Result<(), String> {
    let mut x = 12i32;
    let mut row_y = y;
    for (color, swatch, label) in items {
        let w = 14 + 6 + text_width(label, LABEL_PX).ceil() as i32 + 18;
        if x + w > WIDTH as i32 - 8 && x > 12 {
            x = 12;
            row_y += 20;
        }
        let shape = match swatch {
            Swatch::Line => area.draw(&PathElement::new(
                vec![(x, row_y + 7), (x + 14, row_y + 7)],
                color.stroke_width(3),
            )),
            Swatch::Outline => area.draw(&Rectangle::new(
                [(x + 1, row_y + 1), (x + 13, row_y + 13)],
                color.stroke_width(2),
            )),
            Swatch::Filled => area.draw(&Rectangle::new(
                [(x, row_y), (x + 14, row_y + 14)],
                color.filled(),
            )),
        };
        shape.map_err(|e| e.to_string())?;
        area.draw_text(
            label,
            &font(LABEL_PX).pos(Pos::new(HPos::Left, VPos::Center)),
            (x + 20, row_y + 7),
        )
        .map_err(|e| e.to_string())?;
        x += w;
    }
    Ok(())
}

/// Rows of legend needed for `items`.
fn legend_rows(items: &[LegendItem]) -> i32 {
    let mut rows = 1;
    let mut x = 12.0;
    for (_, _, label) in items {
        let w = 38.0 + text_width(label, LABEL_PX).ceil();
        if x + w > f64::from(WIDTH) - 8.0 && x > 12.0 {
            rows += 1;
            x = 12.0;
        }
        x += w;
    }
    rows
}

/// The path from the baseline to the target: (year, value) at each end.
type Trajectory = (u16, f64, u16, f64);

/// The data points of a target's column chart, oldest first, and its path.
fn target_bars(cx: ViewCtx, target: &Target) -> Option<(Vec<Bar>, Option<Trajectory>)> {
    let lang = cx.lang;
    let unit = target.unit;
    // A column for "50th place" would grow as the goal gets worse; a ranking is
    // stated in words and in the table, not drawn.
    if unit.kind() == crate::content::UnitKind::Rank {
        return None;
    }
    let baseline_value = target.baseline.and_then(|b| b.value);
    let floor = target.value.implied_figure(unit, baseline_value)?;
    let mut bars = Vec::new();
    if let Some(b) = target.baseline
        && let Some(v) = b.value
    {
        bars.push(Bar {
            label: b.year.to_string(),
            value: v,
            extension: None,
            kind: Kind::Baseline,
            text: format::quantity(v, unit, lang),
            note: cx.metric(target.metric).to_string(),
        });
    }
    for a in &target.actuals {
        let kind = if a.metric == target.metric {
            Kind::Actual
        } else {
            Kind::OtherMeasure
        };
        bars.push(Bar {
            label: a.year.to_string(),
            value: a.value,
            extension: None,
            kind,
            text: format::quantity(a.value, unit, lang),
            note: cx.metric(a.metric).to_string(),
        });
    }
    bars.push(Bar {
        label: target.year.to_string(),
        value: floor,
        extension: target.value.upper_figure(),
        kind: Kind::Target,
        text: super::views::value_text(lang, target),
        note: cx.metric(target.metric).to_string(),
    });
    let path = target
        .baseline
        .and_then(|b| b.value.map(|v| (b.year, v)))
        .map(|(y, v)| (y, v, target.year, floor));
    Some((bars, path))
}

/// The chart of one target: baseline, outcomes, the target (with its upper tier) and
/// the path from baseline to target. `None` when the target implies no figure
/// (a doubling of an unpublished baseline).
pub fn target_chart(cx: ViewCtx, target: &Target) -> Option<Chart> {
    let (bars, path) = target_bars(cx, target)?;
    let lang = cx.lang;
    let title = format!("{} · {}", cx.text(&target.name), chart_word(lang, "target"));
    let tiers = matches!(target.value, TargetValue::Tiers { .. });
    let since = cx
        .site
        .plans
        .get(&target.plan)
        .map_or(target.year, |p| p.horizon.start.saturating_sub(1))
        .max(target.year.saturating_sub(8));
    let svg_body = draw_columns(&bars, since, path, target.unit, lang, &title, tiers).ok()?;
    let head = table_head(lang, true);
    let rows = bars
        .iter()
        .map(|b| {
            let mut label = Kind::label(b.kind, lang).to_string();
            if b.kind == Kind::Target && target.annual {
                label = format!("{label} ({})", super::views::period_text(cx, target));
            }
            vec![b.label.clone(), label, b.text.clone(), b.note.clone()]
        })
        .collect::<Vec<_>>();
    let csv_rows = bars
        .iter()
        .map(|b| {
            vec![
                b.label.clone(),
                Kind::label(b.kind, lang).to_string(),
                format::plain(b.value, 6),
                b.extension.map_or(String::new(), |e| format::plain(e, 6)),
                csv_unit(target.unit, lang),
                b.note.clone(),
            ]
        })
        .collect();
    let desc = describe(
        &title,
        &rows,
        path.map(|(y0, v0, y1, v1)| (y0, v0, y1, v1, target.unit)),
        lang,
    );
    Some(finish(
        "chart-target",
        title,
        svg_body,
        desc,
        head,
        rows,
        csv_head(lang, true),
        csv_rows,
        "chart",
        lang,
    ))
}

/// The breakdown of a target among its parts, largest first.
pub fn breakdown_chart(cx: ViewCtx, target: &Target) -> Option<Chart> {
    let b = target.breakdown.as_ref()?;
    let lang = cx.lang;
    let mut bars: Vec<Bar> = b
        .parts
        .iter()
        .map(|p| Bar {
            label: part_label(cx, &p.key),
            value: p.value,
            extension: None,
            kind: Kind::Target,
            text: format::quantity(p.value, target.unit, lang),
            note: String::new(),
        })
        .collect();
    bars.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.label.cmp(&b.label)));
    let title = format!(
        "{} · {}",
        cx.text(&target.name),
        chart_word(lang, "breakdown")
    );
    finish_bars(cx, "chart-breakdown", "breakdown", title, bars, target.unit)
}

/// A plan's industry-chain targets side by side, largest first. Only targets in the
/// plan's most common chain unit are drawn, so bars share one scale.
pub fn plan_chart(cx: ViewCtx, plan: &Plan) -> Option<Chart> {
    let targets: Vec<&Target> = plan
        .targets
        .iter()
        .filter(|t| t.chain().is_some())
        .collect();
    let unit = common_unit(&targets)?;
    let lang = cx.lang;
    let mut bars: Vec<Bar> = targets
        .iter()
        .filter(|t| t.unit == unit)
        .filter_map(|t| {
            let v = t
                .value
                .implied_figure(unit, t.baseline.and_then(|b| b.value))?;
            Some(Bar {
                label: cx.text(&t.name).to_string(),
                value: v,
                extension: t.value.upper_figure(),
                kind: Kind::Target,
                text: super::views::value_text(lang, t),
                note: format!("{} · {}", cx.metric(t.metric), t.year),
            })
        })
        .collect();
    if bars.is_empty() {
        return None;
    }
    bars.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.label.cmp(&b.label)));
    let title = format!(
        "{} · {}",
        cx.text(&plan.short_title),
        chart_word(lang, "overview")
    );
    finish_bars(cx, "chart-overview", "overview", title, bars, unit)
}

/// The targets of one chain across plans, ordered by year.
pub fn chain_chart(cx: ViewCtx, chain: &Chain, targets: &[(&Plan, &Target)]) -> Option<Chart> {
    let only: Vec<&Target> = targets.iter().map(|(_, t)| *t).collect();
    let unit = common_unit(&only)?;
    let lang = cx.lang;
    let mut items: Vec<&(&Plan, &Target)> =
        targets.iter().filter(|(_, t)| t.unit == unit).collect();
    items.sort_by(|a, b| {
        a.1.year
            .cmp(&b.1.year)
            .then(a.0.id.cmp(&b.0.id))
            .then(a.1.id.cmp(&b.1.id))
    });
    // A bar is told apart by where and when (plan titles are too long for a label);
    // when the plans measure the chain differently (output in one, revenue in
    // another), the measure goes into the label too, so no reader takes the bars
    // for one series.
    let mixed_metrics = items.iter().any(|(_, t)| t.metric != items[0].1.metric);
    let bars: Vec<Bar> = items
        .iter()
        .filter_map(|(p, t)| {
            let v = t
                .value
                .implied_figure(unit, t.baseline.and_then(|b| b.value))?;
            let mut label = format!("{} · {}", cx.region_name(&t.region), t.year);
            if mixed_metrics {
                label = format!("{label} · {}", cx.metric(t.metric));
            }
            Some(Bar {
                label,
                value: v,
                extension: t.value.upper_figure(),
                kind: Kind::Target,
                text: super::views::value_text(lang, t),
                note: format!("{} · {}", cx.text(&t.name), cx.text(&p.short_title)),
            })
        })
        .collect();
    if bars.is_empty() {
        return None;
    }
    let title = format!(
        "{} · {}",
        cx.text(&chain.name),
        chart_word(lang, "comparison")
    );
    finish_bars(cx, "chart-comparison", "comparison", title, bars, unit)
}

fn common_unit(targets: &[&Target]) -> Option<MeasureUnit> {
    let mut counts: Vec<(MeasureUnit, usize)> = Vec::new();
    for t in targets {
        match counts.iter_mut().find(|(u, _)| *u == t.unit) {
            Some((_, n)) => *n += 1,
            None => counts.push((t.unit, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts.first().map(|(u, _)| *u)
}

fn chart_word(lang: Lang, which: &str) -> &'static str {
    match (lang, which) {
        (Lang::Zh, "target") => "目标与实际",
        (Lang::En, "target") => "target and outcomes",
        (Lang::Zh, "breakdown") => "目标分解",
        (Lang::En, "breakdown") => "breakdown",
        (Lang::Zh, "overview") => "产业链目标",
        (Lang::En, "overview") => "industry-chain targets",
        (Lang::Zh, _) => "各规划目标比较",
        (Lang::En, _) => "targets across plans",
    }
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

fn finish_bars(
    cx: ViewCtx,
    id: &str,
    file: &str,
    title: String,
    bars: Vec<Bar>,
    unit: MeasureUnit,
) -> Option<Chart> {
    let lang = cx.lang;
    let svg_body = draw_bars(&bars, unit, lang, &title).ok()?;
    let rows: Vec<Vec<String>> = bars
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
    let desc = describe(&title, &rows, None, lang);
    Some(finish(
        id,
        title,
        svg_body,
        desc,
        head,
        rows,
        csv_head(lang, false),
        csv_rows,
        file,
        lang,
    ))
}

#[allow(clippy::too_many_arguments)]
fn finish(
    id: &str,
    title: String,
    body: String,
    desc: String,
    head: Vec<String>,
    rows: Vec<Vec<String>>,
    csv_head: Vec<String>,
    csv_rows: Vec<Vec<String>>,
    file: &str,
    lang: Lang,
) -> Chart {
    let svg = finish_svg(&body, id, &title, &desc, lang);
    let (width, height) = svg_size(&svg);
    let csv = to_csv(&csv_head, &csv_rows);
    let caption = match lang {
        Lang::Zh => format!("{title}（图表数据）"),
        Lang::En => format!("{title} (chart data)"),
    };
    Chart {
        id: id.to_string(),
        svg,
        desc,
        width,
        height,
        table: DataTable {
            caption,
            head,
            rows,
        },
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

/// A sentence per data row, for the SVG's `<desc>`: a screen reader hears the numbers.
fn describe(
    title: &str,
    rows: &[Vec<String>],
    path: Option<(u16, f64, u16, f64, MeasureUnit)>,
    lang: Lang,
) -> String {
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
    if let Some((y0, v0, y1, v1, _)) = path
        && y1 > y0
        && v0 > 0.0
        && v1 > 0.0
    {
        let rate = ((v1 / v0).powf(1.0 / f64::from(y1 - y0)) - 1.0) * 100.0;
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

fn draw_title(area: &DrawingArea<SvgBackend, Shift>, title: &str) -> Result<(), String> {
    let t = fit(title, TITLE_PX, f64::from(WIDTH) - 24.0);
    area.draw_text(
        &t,
        &(FONT, TITLE_PX * 1.24, FontStyle::Bold)
            .into_font()
            .color(&palette::INK)
            .pos(Pos::new(HPos::Left, VPos::Top)),
        (12, 12),
    )
    .map_err(|e| e.to_string())
}

/// The y-axis tick labels' width, to size the label area.
fn tick_label_width(max: f64, unit: MeasureUnit, lang: Lang) -> f64 {
    [0.0, max / 2.0, max]
        .iter()
        .map(|v| text_width(&format::figure_only(*v, unit, lang), LABEL_PX))
        .fold(0.0, f64::max)
}

fn draw_columns(
    bars: &[Bar],
    since: u16,
    path: Option<Trajectory>,
    unit: MeasureUnit,
    lang: Lang,
    title: &str,
    tiers: bool,
) -> Result<String, String> {
    let mut legend: Vec<LegendItem> = Vec::new();
    for kind in [
        Kind::Baseline,
        Kind::Actual,
        Kind::OtherMeasure,
        Kind::Target,
    ] {
        if bars.iter().any(|b| b.kind == kind) {
            let swatch = if kind == Kind::OtherMeasure {
                Swatch::Outline
            } else {
                Swatch::Filled
            };
            legend.push((kind.fill(), swatch, kind.label(lang)));
        }
    }
    if bars.iter().any(|b| b.extension.is_some()) {
        legend.push((palette::SKY, Swatch::Filled, stretch_label(lang, tiers)));
    }
    if path.is_some() {
        legend.push((palette::VERMILLION, Swatch::Line, path_label(lang)));
    }
    // A lone target column needs no key: its title and table say what it is.
    if legend.len() == 1 {
        legend.clear();
    }
    let legend_h = if legend.is_empty() {
        0
    } else {
        legend_rows(&legend) * 20
    };
    let height: u32 = 300 + 8 + legend_h as u32 + 4;
    let mut svg = String::new();
    {
        let root = SvgBackend::new(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        draw_title(&root, title)?;
        let years: Vec<u16> = bars.iter().filter_map(|b| b.label.parse().ok()).collect();
        // Show the plan's period at least, so a lone target column is not a slab.
        let first = (*years.iter().min().ok_or("no years")?).min(since);
        let last = *years.iter().max().ok_or("no years")?;
        let top = bars
            .iter()
            .map(|b| b.extension.unwrap_or(b.value).max(b.value))
            .fold(0.0, f64::max);
        let (y_max, y_step) = nice_axis(top * 1.15);
        let axis_unit = format::axis_unit(unit, lang);
        let y_area = tick_label_width(y_max, unit, lang)
            + 10.0
            + if axis_unit.is_empty() { 0.0 } else { 22.0 };
        let (chart_area, legend_area) = root.split_vertically(300);
        let mut chart = ChartBuilder::on(&chart_area)
            .margin_top(40)
            .margin_right(16)
            .margin_left(8)
            .x_label_area_size(28)
            .y_label_area_size(y_area.ceil() as u32)
            .build_cartesian_2d(
                (f64::from(first) - 0.7)..(f64::from(last) + 0.7),
                0.0..y_max,
            )
            .map_err(|e| e.to_string())?;
        draw_value_axis(&chart_area, &chart, (y_max, y_step), unit, lang, true)?;
        if !axis_unit.is_empty() {
            let (x, y) = chart.backend_coord(&(f64::from(first) - 0.7, y_max / 2.0));
            let at = (x - y_area as i32 + 4, y);
            chart_area
                .draw_text(
                    &axis_unit,
                    &font(LABEL_PX)
                        .pos(Pos::new(HPos::Center, VPos::Top))
                        .transform(FontTransform::Rotate270),
                    at,
                )
                .map_err(|e| e.to_string())?;
        }
        for year in first..=last {
            if last - first <= 12 || years.contains(&year) {
                label_at(
                    &chart_area,
                    &chart,
                    (f64::from(year), 0.0),
                    (0, 8),
                    year.to_string(),
                    font(LABEL_PX).pos(Pos::new(HPos::Center, VPos::Top)),
                )?;
            }
        }
        // Columns of the same year share the year's slot.
        for year in first..=last {
            let same: Vec<&Bar> = bars
                .iter()
                .filter(|b| b.label == year.to_string())
                .collect();
            let n = same.len() as f64;
            let slot = 0.7;
            for (i, b) in same.iter().enumerate() {
                let w = slot / n;
                let x0 = f64::from(year) - slot / 2.0 + w * i as f64 + w * 0.08;
                let x1 = x0 + w * 0.84;
                draw_column(&chart_area, &mut chart, b, (x0, x1), unit, lang, tiers)?;
            }
        }
        if let Some((y0, v0, y1, v1)) = path {
            let points: Vec<(f64, f64)> = (y0..=y1)
                .map(|y| {
                    let t = f64::from(y - y0) / f64::from((y1 - y0).max(1));
                    let v = if v0 > 0.0 && v1 > 0.0 {
                        v0 * (v1 / v0).powf(t)
                    } else {
                        v0 + (v1 - v0) * t
                    };
                    (f64::from(y), v)
                })
                .collect();
            chart
                .draw_series(LineSeries::new(points.clone(), DASHED.stroke_width(2)))
                .map_err(|e| e.to_string())?;
            chart
                .draw_series(
                    points
                        .iter()
                        .map(|p| Circle::new(*p, 3, palette::VERMILLION.filled())),
                )
                .map_err(|e| e.to_string())?;
        }
        if !legend.is_empty() {
            draw_legend(&legend_area, &legend, 8)?;
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// Draws `text` at a data point of `chart`, moved by (`dx`, `dy`) pixels.
fn label_at(
    area: &DrawingArea<SvgBackend, Shift>,
    chart: &Cartesian,
    at: (f64, f64),
    offset: (i32, i32),
    text: String,
    style: TextStyle,
) -> Result<(), String> {
    let (x, y) = chart.backend_coord(&at);
    area.draw_text(&text, &style, (x + offset.0, y + offset.1))
        .map_err(|e| e.to_string())
}

/// Grid lines and labels of a value axis, drawn from plotters' primitives (lighter
/// than its general mesh, and labelled exactly as pages format numbers). `vertical`
/// axes (column charts) run up the left side; horizontal ones along the bottom.
fn draw_value_axis(
    area: &DrawingArea<SvgBackend, Shift>,
    chart: &Cartesian,
    (max, step): (f64, f64),
    unit: MeasureUnit,
    lang: Lang,
    vertical: bool,
) -> Result<(), String> {
    let (x_range, y_range) = (chart.x_range(), chart.y_range());
    let grid = palette::GRID.stroke_width(1);
    let ink = palette::INK.stroke_width(1);
    let steps = (max / step).round() as usize;
    for k in 0..=steps {
        let v = step * k as f64;
        let (from, to) = if vertical {
            ((x_range.start, v), (x_range.end, v))
        } else {
            ((v, y_range.start), (v, y_range.end))
        };
        let (a, b) = (chart.backend_coord(&from), chart.backend_coord(&to));
        area.draw(&PathElement::new(
            vec![a, b],
            if k == 0 { ink } else { grid },
        ))
        .map_err(|e| e.to_string())?;
        let label = format::figure_only(v, unit, lang);
        let (pos, at) = if vertical {
            (Pos::new(HPos::Right, VPos::Center), (a.0 - 6, a.1))
        } else {
            (Pos::new(HPos::Center, VPos::Top), (a.0, a.1 + 6))
        };
        area.draw_text(&label, &font(LABEL_PX).pos(pos), at)
            .map_err(|e| e.to_string())?;
    }
    // The category axis: a line at the base of the bars.
    let (a, b) = if vertical {
        (
            chart.backend_coord(&(x_range.start, y_range.start)),
            chart.backend_coord(&(x_range.start, max)),
        )
    } else {
        (
            chart.backend_coord(&(x_range.start, y_range.start)),
            chart.backend_coord(&(x_range.start, y_range.end)),
        )
    };
    area.draw(&PathElement::new(vec![a, b], ink))
        .map_err(|e| e.to_string())
}

type Cartesian<'a> = ChartContext<
    'a,
    SvgBackend<'a>,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

fn draw_column(
    area: &DrawingArea<SvgBackend, Shift>,
    chart: &mut Cartesian,
    b: &Bar,
    (x0, x1): (f64, f64),
    unit: MeasureUnit,
    lang: Lang,
    tiers: bool,
) -> Result<(), String> {
    let style = if b.kind == Kind::OtherMeasure {
        ShapeStyle::from(&palette::PURPLE).stroke_width(2)
    } else {
        b.kind.fill().filled()
    };
    chart
        .draw_series(std::iter::once(Rectangle::new(
            [(x0, 0.0), (x1, b.value)],
            style,
        )))
        .map_err(|e| e.to_string())?;
    let mid = (x0 + x1) / 2.0;
    let mut label_top = b.value;
    if let Some(ext) = b.extension.filter(|e| *e > b.value) {
        chart
            .draw_series([
                Rectangle::new([(x0, b.value), (x1, ext)], palette::SKY.filled()),
                Rectangle::new([(x0, b.value), (x1, ext)], palette::BLUE.stroke_width(1)),
            ])
            .map_err(|e| e.to_string())?;
        let ext_label = format!(
            "{} {}",
            stretch_label(lang, tiers),
            format::figure_only(ext, unit, lang)
        );
        label_at(
            area,
            chart,
            (mid, ext),
            (0, -4),
            ext_label,
            font(LABEL_PX).pos(Pos::new(HPos::Center, VPos::Bottom)),
        )?;
        // The floor's label sits inside the floor's bar, in white.
        return label_at(
            area,
            chart,
            (mid, b.value),
            (0, 7),
            format::figure_only(b.value, unit, lang),
            (FONT, LABEL_PX * 1.24)
                .into_font()
                .color(&WHITE)
                .pos(Pos::new(HPos::Center, VPos::Top)),
        );
    }
    label_top = label_top.max(0.0);
    label_at(
        area,
        chart,
        (mid, label_top),
        (0, -4),
        format::figure_only(b.value, unit, lang),
        font(LABEL_PX).pos(Pos::new(HPos::Center, VPos::Bottom)),
    )
}

/// The label at the end of a horizontal bar: `1000 (力争 1200)`.
fn bar_value_label(b: &Bar, unit: MeasureUnit, lang: Lang) -> String {
    match b.extension.filter(|e| *e > b.value) {
        Some(ext) => format!(
            "{} ({} {})",
            format::figure_only(b.value, unit, lang),
            stretch_label(lang, true),
            format::figure_only(ext, unit, lang)
        ),
        None => format::figure_only(b.value, unit, lang),
    }
}

fn draw_bars(bars: &[Bar], unit: MeasureUnit, lang: Lang, title: &str) -> Result<String, String> {
    const ROW: u32 = 34;
    let has_ext = bars.iter().any(|b| b.extension.is_some());
    let mut legend: Vec<LegendItem> = Vec::new();
    if has_ext {
        legend.push((palette::BLUE, Swatch::Filled, Kind::Target.label(lang)));
        legend.push((palette::SKY, Swatch::Filled, stretch_label(lang, true)));
    }
    let legend_h = if legend.is_empty() {
        0
    } else {
        legend_rows(&legend) * 20 + 8
    };
    let plot_h = 40 + ROW * bars.len() as u32 + 50;
    let height = plot_h + legend_h as u32 + 8;
    let label_w = bars
        .iter()
        .map(|b| text_width(&b.label, LABEL_PX))
        .fold(0.0, f64::max)
        .min(310.0)
        + 12.0;
    let mut svg = String::new();
    {
        let root = SvgBackend::new(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        draw_title(&root, title)?;
        let (chart_area, legend_area) = root.split_vertically(plot_h);
        let top = bars
            .iter()
            .map(|b| b.extension.unwrap_or(b.value).max(b.value))
            .fold(0.0, f64::max);
        let (x_max, x_step) = nice_axis(top * 1.25);
        let n = bars.len() as f64;
        // Room on the right for the longest value label past the longest bar.
        let value_w = bars
            .iter()
            .map(|b| text_width(&bar_value_label(b, unit, lang), LABEL_PX))
            .fold(0.0, f64::max);
        let mut chart = ChartBuilder::on(&chart_area)
            .margin_top(40)
            .margin_right((value_w * 0.6 + 16.0).ceil() as u32)
            .margin_left(8)
            .x_label_area_size(46)
            .y_label_area_size(label_w.ceil() as u32)
            .build_cartesian_2d(0.0..x_max, 0.0..n)
            .map_err(|e| e.to_string())?;
        draw_value_axis(&chart_area, &chart, (x_max, x_step), unit, lang, false)?;
        for (i, b) in bars.iter().enumerate() {
            let y_mid = n - i as f64 - 0.5;
            let (y0, y1) = (y_mid - 0.3, y_mid + 0.3);
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(0.0, y0), (b.value, y1)],
                    palette::BLUE.filled(),
                )))
                .map_err(|e| e.to_string())?;
            let mut end = b.value;
            if let Some(ext) = b.extension.filter(|e| *e > b.value) {
                chart
                    .draw_series([
                        Rectangle::new([(b.value, y0), (ext, y1)], palette::SKY.filled()),
                        Rectangle::new([(b.value, y0), (ext, y1)], palette::BLUE.stroke_width(1)),
                    ])
                    .map_err(|e| e.to_string())?;
                end = ext;
            }
            let value_label = bar_value_label(b, unit, lang);
            label_at(
                &chart_area,
                &chart,
                (end, y_mid),
                (6, 0),
                value_label,
                font(LABEL_PX).pos(Pos::new(HPos::Left, VPos::Center)),
            )?;
            let label = fit(&b.label, LABEL_PX, label_w - 12.0);
            let (px, py) = chart.backend_coord(&(0.0, y_mid));
            chart_area
                .draw_text(
                    &label,
                    &font(LABEL_PX).pos(Pos::new(HPos::Right, VPos::Center)),
                    (px - 8, py),
                )
                .map_err(|e| e.to_string())?;
        }
        let axis_unit = format::axis_unit(unit, lang);
        if !axis_unit.is_empty() {
            let (px, py) = chart.backend_coord(&(x_max, 0.0));
            chart_area
                .draw_text(
                    &axis_unit,
                    &font(LABEL_PX).pos(Pos::new(HPos::Right, VPos::Top)),
                    (px, py + 28),
                )
                .map_err(|e| e.to_string())?;
        }
        if !legend.is_empty() {
            draw_legend(&legend_area, &legend, 4)?;
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_cut_with_an_ellipsis() {
        let cut = fit("赣江新区“1+2+3+X”产业高质量跨越式发展行动计划", 13.0, 120.0);
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, 13.0) <= 120.0);
        assert_eq!(fit("短", 13.0, 120.0), "短");
    }

    #[test]
    fn axes_use_readable_steps() {
        assert_eq!(nice_axis(1150.0), (1250.0, 250.0));
        assert_eq!(nice_axis(87.0), (100.0, 20.0));
        assert_eq!(nice_axis(11.0), (12.5, 2.5));
        assert_eq!(nice_axis(0.0), (1.0, 0.25));
    }
}
