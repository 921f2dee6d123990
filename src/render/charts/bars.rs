//! Horizontal bar charts (a breakdown's parts, a plan's chain targets, a chain across
//! plans): a panel per measure, each with its own axis, so output and revenue never
//! share a scale; a row per bar, its label wrapped beside it (above it on a phone),
//! its figure past its end, and the latest outcome as a thin bar under it.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::frame::Frame;
use super::layout::{
    Area, Axis, Body, Cartesian, Drawn, Insets, LABEL_PX, Legend, LegendItem, Swatch, Variant,
    draw_value_axis, nice_axis,
};
use super::palette;
use super::series::{Bar, Kind, Panel, highest};
use super::style::{self, Ink};
use super::svg::SvgBackend;
use super::text::wrap_balanced;
use crate::content::{MeasureUnit, UnitKind};
use crate::render::encode::text_width;
use crate::render::format;
use crate::render::format::Measure;
use crate::render::keys::{self, ChartWord};
use crate::render::views::ViewCtx;

/// Each panel's heading: its measure and unit, "营业收入（亿元）". Panels of one measure
/// whose units the language writes alike (数量（个） for industries and for clusters)
/// also say what they count: "产业数量（个）", "集群数量（个）".
pub fn headings(cx: ViewCtx, panels: &[Panel]) -> Vec<String> {
    let plain: Vec<String> = panels.iter().map(|p| heading(cx, p, false)).collect();
    plain
        .iter()
        .zip(panels)
        .map(|(h, p)| {
            let shared = plain.iter().filter(|o| *o == h).count() > 1;
            if shared && p.unit.kind() == UnitKind::Count {
                heading(cx, p, true)
            } else {
                h.clone()
            }
        })
        .collect()
}

fn heading(cx: ViewCtx, p: &Panel, counted: bool) -> String {
    let unit = format::axis_unit(panel_measure(p), cx.lang);
    let metric = cx.metric(p.metric);
    if counted {
        let what = cx.t(&keys::counted(p.unit));
        let args = [("metric", metric), ("counted", what), ("unit", &unit)];
        return cx.tf(ChartWord::PanelHeadingCounted.key(), &args);
    }
    cx.tf(
        ChartWord::PanelHeading.key(),
        &[("metric", metric), ("unit", &unit)],
    )
}

/// A panel's unit as its heading names it: with the counting word (台, 户) its bars
/// share, or the unit's own word when they count different things.
fn panel_measure(p: &Panel) -> Measure<'_> {
    match p.bars.split_first() {
        Some((first, rest)) if rest.iter().all(|b| b.counting == first.counting) => Measure {
            unit: p.unit,
            counting: &first.counting,
        },
        _ => p.unit.into(),
    }
}

/// Lines of a wrapped label are this far apart: the height browsers give a line of
/// 14 px Chinese text (its fonts' ascent and descent).
const LINE: u32 = 21;
const BAR_H: i32 = 18;
const OUTCOME_H: i32 = 8;
const AXIS_H: u32 = 26;
const HEADING_H: u32 = 26;
/// The widest the category labels may be beside the bars, before they wrap.
const MAX_LABEL_W: f64 = 220.0;

/// One panel of bars: its heading (metric and unit), its unit, its bars.
pub struct BarPanel<'a> {
    pub heading: Option<String>,
    pub unit: MeasureUnit,
    pub bars: &'a [Bar],
}

/// What a bar chart shows.
pub struct BarChart<'a> {
    pub panels: &'a [BarPanel<'a>],
    pub cx: ViewCtx<'a>,
    pub frame: &'a Frame<'a>,
    pub variant: Variant,
    /// The legend's word for the bars, as the page words them.
    pub target_word: &'a str,
}

/// A bar's row, laid out: its label's lines and its height.
struct Row<'b> {
    lines: Vec<&'b str>,
    height: u32,
}

impl BarChart<'_> {
    /// The label column's width beside the bars; none on a phone (labels go above).
    fn label_w(&self) -> f64 {
        match self.variant {
            Variant::Narrow => 0.0,
            Variant::Wide => self
                .panels
                .iter()
                .flat_map(|p| p.bars)
                .map(|b| text_width(&b.label, LABEL_PX))
                .fold(0.0, f64::max)
                .min(MAX_LABEL_W),
        }
    }

    fn rows<'p>(&self, panel: &BarPanel<'p>) -> Vec<Row<'p>> {
        let width = f64::from(self.variant.width());
        let label_w = self.label_w();
        panel
            .bars
            .iter()
            .map(|b| {
                let bar_block = BAR_H
                    + if b.outcome.is_some() {
                        OUTCOME_H + 13
                    } else {
                        0
                    };
                match self.variant {
                    Variant::Wide => {
                        let lines = wrap_balanced(&b.label, LABEL_PX, label_w.max(40.0));
                        let text_h = lines.len() as u32 * LINE;
                        Row {
                            height: text_h.max(bar_block as u32) + 14,
                            lines,
                        }
                    }
                    Variant::Narrow => {
                        let lines = wrap_balanced(&b.label, LABEL_PX, width - 24.0);
                        Row {
                            height: lines.len() as u32 * LINE + bar_block as u32 + 14,
                            lines,
                        }
                    }
                }
            })
            .collect()
    }

    fn value_label(&self, b: &Bar, unit: MeasureUnit) -> String {
        let lang = self.cx.lang;
        match b.extension_above() {
            Some(ext) => self.cx.tf(
                ChartWord::FigureStretch.key(),
                &[
                    ("figure", &format::figure_only(b.value, unit, lang)),
                    ("word", self.cx.t(ChartWord::Stretch.key())),
                    ("stretch", &format::figure_only(ext, unit, lang)),
                ],
            ),
            None => format::figure_only(b.value, unit, lang),
        }
    }

    fn outcome_label(&self, b: &Bar, unit: MeasureUnit) -> Option<String> {
        b.outcome.map(|(year, v)| {
            let figure = format::figure_only(v, unit, self.cx.lang);
            self.cx.aside(&figure, &self.cx.year(year))
        })
    }
}

/// Draws the chart as SVG.
pub fn draw_bars(c: &BarChart) -> Result<Body, String> {
    let width = c.variant.width();
    let legend = Legend::new(bar_legend(c), width);
    let header = c.frame.header_height();
    let laid: Vec<Vec<Row>> = c.panels.iter().map(|p| c.rows(p)).collect();
    let panel_h = |p: &BarPanel, rows: &[Row]| {
        p.heading.as_ref().map_or(0, |_| HEADING_H)
            + rows.iter().map(|r| r.height).sum::<u32>()
            + AXIS_H
            + 8
    };
    let body: u32 = c.panels.iter().zip(&laid).map(|(p, r)| panel_h(p, r)).sum();
    let legend_top = header + body + 4;
    let footer_top = legend_top + legend.height();
    let height = footer_top + c.frame.footer_height();
    // A drawing is a few kilobytes: made that size, it is not grown and copied.
    let mut svg = String::with_capacity(8 * 1024);
    {
        let root =
            SvgBackend::new(&mut svg, (width, height), style::TEXT_DEFAULTS).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        c.frame.draw_header(&root)?;
        let mut top = header;
        for (p, rows) in c.panels.iter().zip(&laid) {
            draw_panel(&root, c, p, rows, top)?;
            top += panel_h(p, rows);
        }
        legend.draw(&root, legend_top as i32)?;
        c.frame.draw_footer(&root, footer_top as i32, width)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(Body {
        svg,
        size: (width, height),
    })
}

/// A panel from `top`: its heading, its rows and its axis.
fn draw_panel(root: &Area, c: &BarChart, p: &BarPanel, rows: &[Row], top: u32) -> Drawn {
    let width = c.variant.width();
    let mut y = top;
    if let Some(h) = &p.heading {
        let bold = style::text(Ink::Heading, HPos::Left, VPos::Bottom);
        root.draw_text(h, bold, (12, (y + HEADING_H - 6) as i32))
            .map_err(|e| e.to_string())?;
        y += HEADING_H;
    }
    let rows_h: u32 = rows.iter().map(|r| r.height).sum();
    let value_w = p
        .bars
        .iter()
        .map(|b| {
            let v = text_width(&c.value_label(b, p.unit), LABEL_PX);
            let o = c
                .outcome_label(b, p.unit)
                .map_or(0.0, |o| text_width(&o, LABEL_PX));
            v.max(o)
        })
        .fold(0.0, f64::max);
    let label_w = c.label_w();
    let left = if label_w > 0.0 { label_w + 20.0 } else { 12.0 };
    let whole = p.unit.kind() == UnitKind::Count;
    let (x_max, x_step) = nice_axis(highest(p.bars), whole);
    let area = root.margin(y, 0, 0, 0).split_vertically(rows_h + AXIS_H).0;
    let insets = Insets {
        bottom: AXIS_H,
        left: left.ceil() as u32,
        right: (value_w + 12.0).min(f64::from(width) * 0.45).ceil() as u32,
        ..Insets::default()
    };
    let chart = Cartesian::new(&area, insets, 0.0..x_max, 0.0..f64::from(rows_h));
    draw_value_axis(
        root,
        &chart,
        (0.0, x_max, x_step),
        p.unit,
        c.cx.lang,
        Axis::Horizontal,
    )?;
    let x_of = |v: f64| chart.backend_coord(&(v, 0.0)).0;
    let mut row_top = y as i32;
    for (b, row) in p.bars.iter().zip(rows) {
        let mut bar_top = row_top + 7;
        let style = style::text(Ink::Label, HPos::Left, VPos::Top);
        let label_x = if label_w > 0.0 { 12 } else { 18 };
        for (k, l) in row.lines.iter().enumerate() {
            root.draw_text(l, style, (label_x, row_top + 7 + (k as u32 * LINE) as i32))
                .map_err(|e| e.to_string())?;
        }
        if label_w == 0.0 {
            bar_top += (row.lines.len() as u32 * LINE) as i32;
        }
        draw_bar(root, c, p.unit, b, bar_top, &x_of)?;
        row_top += row.height as i32;
    }
    Ok(())
}

/// One bar from `top`: the bar, its upper tier, its figure past its end, and the
/// latest outcome as a thin bar under it with its figure and year.
fn draw_bar(
    root: &Area,
    c: &BarChart,
    unit: MeasureUnit,
    b: &Bar,
    top: i32,
    x_of: &dyn Fn(f64) -> i32,
) -> Drawn {
    let x0 = x_of(0.0);
    let end = x_of(b.value);
    let corners = [(x0, top), (end.max(x0 + 1), top + BAR_H)];
    if b.aspiration {
        // Drawn as a stretch tier is: light, outlined, and named so in the legend.
        root.draw(&Rectangle::new(corners, palette::SKY.filled()))
            .map_err(|e| e.to_string())?;
        root.draw(&Rectangle::new(corners, palette::BLUE.stroke_width(1)))
            .map_err(|e| e.to_string())?;
    } else if b.kind == Kind::Worked {
        // The site's arithmetic, outlined as on the target's own chart.
        root.draw(&Rectangle::new(corners, palette::BLUE.stroke_width(2)))
            .map_err(|e| e.to_string())?;
    } else {
        root.draw(&Rectangle::new(corners, palette::BLUE.filled()))
            .map_err(|e| e.to_string())?;
    }
    let mut right = end;
    if let Some(ext) = b.extension_above() {
        let e = x_of(ext);
        root.draw(&Rectangle::new(
            [(end, top), (e, top + BAR_H)],
            palette::SKY.filled(),
        ))
        .map_err(|e| e.to_string())?;
        root.draw(&Rectangle::new(
            [(end, top), (e, top + BAR_H)],
            palette::BLUE.stroke_width(1),
        ))
        .map_err(|e| e.to_string())?;
        right = e;
    }
    let style = style::text(Ink::Label, HPos::Left, VPos::Center);
    root.draw_text(&c.value_label(b, unit), style, (right + 6, top + BAR_H / 2))
        .map_err(|e| e.to_string())?;
    if let (Some((_, v)), Some(label)) = (b.outcome, c.outcome_label(b, unit)) {
        let o_top = top + BAR_H + 3;
        let o_end = x_of(v);
        root.draw(&Rectangle::new(
            [(x0, o_top), (o_end.max(x0 + 1), o_top + OUTCOME_H)],
            palette::ORANGE.filled(),
        ))
        .map_err(|e| e.to_string())?;
        let small = style::text(Ink::Label, HPos::Left, VPos::Center);
        root.draw_text(
            &label,
            small,
            (o_end.max(right) + 6, o_top + OUTCOME_H / 2 + 6),
        )
        .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// A key when there is more than one kind of mark: the target, its upper tier, outcomes.
fn bar_legend<'a>(c: &BarChart<'a>) -> Vec<LegendItem<'a>> {
    let bars = || c.panels.iter().flat_map(|p| p.bars);
    let mut legend = Vec::new();
    if bars().any(|b| !b.aspiration && b.kind != Kind::Worked) {
        legend.push((palette::BLUE, Swatch::Filled, c.target_word));
    }
    if bars().any(|b| b.kind == Kind::Worked) {
        legend.push((
            palette::BLUE,
            Swatch::Outline,
            c.cx.t(ChartWord::Worked.key()),
        ));
    }
    if bars().any(|b| b.extension_above().is_some() || b.aspiration) {
        legend.push((
            palette::SKY,
            Swatch::Filled,
            c.cx.t(ChartWord::Stretch.key()),
        ));
    }
    if bars().any(|b| b.outcome.is_some()) {
        legend.push((
            palette::ORANGE,
            Swatch::Filled,
            c.cx.t(ChartWord::LatestActual.key()),
        ));
    }
    // One kind of firm target needs no key; an aspiration or the site's arithmetic
    // always says so.
    if legend.len() == 1 && !bars().any(|b| b.aspiration || b.kind == Kind::Worked) {
        legend.clear();
    }
    legend
}
