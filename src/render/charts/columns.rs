//! A target's chart over time: a column per year for the baseline and the target (in
//! every year a yearly target applies to), the outcomes as a line, the path from the
//! baseline (dashed where the target needs it, dotted where a growth rate implies
//! it), or a growth rate drawn over the years it is to be kept up. Outcomes in
//! another measure get a panel and an axis of their own below.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::frame::Frame;
use super::layout::{
    Area, Axis, Body, Cartesian, Drawn, Insets, LABEL_PX, Legend, LegendItem, Swatch, Variant,
    draw_value_axis, nice_span, tick_label_width,
};
use super::lines::{
    draw_outcomes, draw_path, draw_rate, label_outcomes, label_path, place_anywhere, reserve_line,
};
use super::palette;
use super::series::{Bar, Kind, TargetSeries, highest, lowest};
use super::style::{self, Ink};
use super::svg::{DASHED, DOTTED, SvgBackend};
use super::text::{Placed, Rect, text_box, wrap};
use super::years::{Years, draw_year_labels};
use crate::content::{MeasureUnit, UnitKind};
use crate::render::format::{self, Measure};
use crate::render::keys::ChartWord;
use crate::render::views::ViewCtx;

/// The share of a year's width its columns take.
const SLOT: f64 = 0.7;
/// Room above a panel for its unit, written level.
const UNIT_ROW: u32 = 26;
const X_LABELS: u32 = 26;

/// What a target's chart shows.
pub struct Columns<'a> {
    pub series: &'a TargetSeries,
    /// The target's unit with its counting word, for the axis.
    pub measure: Measure<'a>,
    pub cx: ViewCtx<'a>,
    pub frame: &'a Frame<'a>,
    pub variant: Variant,
    /// The word for a column's extension: the stretch tier's modal word (力争), or the
    /// top of a range.
    pub stretch_word: &'a str,
    /// The legend's word for the target, as the page words it (确保, 力争, 目标…).
    pub target_word: &'a str,
    /// The heading of the panel of outcomes in another measure.
    pub others_heading: &'a str,
    /// Keep the key even for one kind of mark: a figure per quarter or month drawn
    /// on a year axis must say so beside the columns.
    pub always_key: bool,
}

impl Columns<'_> {
    fn plot_h(&self) -> u32 {
        match self.variant {
            Variant::Wide => 250,
            Variant::Narrow => 210,
        }
    }
}

/// Draws the chart as SVG.
pub fn draw_columns(c: &Columns) -> Result<Body, String> {
    let width = c.variant.width();
    let legend = Legend::new(column_legend(c), width);
    let years = Years::of(c.series, c.variant).ok_or("nothing to draw")?;
    let main_h = UNIT_ROW + c.plot_h() + X_LABELS;
    // The other measure's heading, wrapped once: its height sizes the drawing.
    let heading = if c.series.others.is_empty() {
        Vec::new()
    } else {
        wrap(c.others_heading, LABEL_PX, f64::from(width) - 24.0)
    };
    let heading_h = 10 + heading.len() as u32 * LINE_H;
    let others_h = if heading.is_empty() {
        0
    } else {
        heading_h + 130 + X_LABELS + 8
    };
    let header = c.frame.header_height();
    let legend_top = header + main_h + others_h + 6;
    let footer_top = legend_top + legend.height();
    let height = footer_top + c.frame.footer_height();
    // A drawing is a few kilobytes: made that size, it is not grown and copied.
    let mut svg = String::with_capacity(8 * 1024);
    {
        let root =
            SvgBackend::new(&mut svg, (width, height), style::TEXT_DEFAULTS).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        c.frame.draw_header(&root)?;
        let mut placed = Placed::default();
        let bounds: Rect = (0, header as i32, width as i32, legend_top as i32);
        let main = Panel {
            top: header,
            plot_h: c.plot_h(),
            unit: c.series.unit,
            bars: &c.series.columns,
            extra: main_extra_span(c.series),
            unit_label: true,
        };
        let area = main.area(&root);
        draw_main(&root, &area, c, &main, years, &mut placed, bounds)?;
        if !heading.is_empty() {
            let mut y = (header + main_h + 10) as i32;
            for l in &heading {
                root.draw_text(l, style::text(Ink::Label, HPos::Left, VPos::Top), (12, y))
                    .map_err(|e| e.to_string())?;
                y += LINE_H as i32;
            }
            placed.reserve((0, (header + main_h) as i32, width as i32, y));
            let others = Panel {
                top: header + main_h + heading_h - UNIT_ROW + 8,
                plot_h: 130,
                // Levels, in the target's own unit, not the rate's percent.
                unit: c.measure.unit,
                bars: &c.series.others,
                extra: (0.0, 0.0),
                unit_label: false,
            };
            let area = others.area(&root);
            let chart = draw_panel(&root, &area, c, &others, years, &mut placed, bounds)?;
            let pending = draw_columns_of(&root, &chart, c, &others)?;
            place_column_labels(&root, &chart, &others, pending, &mut placed, bounds)?;
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

/// Lines of a wrapped heading are this far apart.
const LINE_H: u32 = 21;

/// One panel: where it starts, its plot's height, its unit and its columns.
struct Panel<'a> {
    top: u32,
    plot_h: u32,
    unit: MeasureUnit,
    bars: &'a [Bar],
    /// The lowest and highest points drawn besides the columns (outcomes, a path,
    /// a rate); the lowest is below zero only for a fall.
    extra: (f64, f64),
    /// Whether the unit is written above the axis (the other panel's heading names it).
    unit_label: bool,
}

impl Panel<'_> {
    /// The part of the drawing the panel's axes and plot take.
    fn area<'r>(&self, root: &Area<'r>) -> Area<'r> {
        root.margin(self.top + UNIT_ROW, 0, 0, 0)
            .split_vertically(self.plot_h + X_LABELS)
            .0
    }
}

/// The main panel: the columns, then the rate or path, then the outcomes over them.
fn draw_main<'s>(
    root: &Area<'s>,
    area: &Area<'s>,
    c: &Columns,
    p: &Panel,
    years: Years,
    placed: &mut Placed,
    bounds: Rect,
) -> Drawn {
    let mut chart = draw_panel(root, area, c, p, years, placed, bounds)?;
    // Every mark first, then the labels where they clear every mark and each other.
    if let Some(rate) = &c.series.rate {
        draw_rate(&mut chart, rate)?;
    }
    let pending = draw_columns_of(root, &chart, c, p)?;
    let path_points = match &c.series.path {
        Some(path) => draw_path(&mut chart, path)?,
        None => Vec::new(),
    };
    let outcome_points = draw_outcomes(&mut chart, &c.series.outcomes)?;
    for line in [&path_points, &outcome_points] {
        reserve_line(&chart, line, placed);
    }
    // Outcomes are labelled before the columns' figures above them: a yearly target
    // repeats one figure (the subtitle states it), an outcome's figure is its own.
    place_inside_labels(root, &chart, p, &pending, placed, bounds)?;
    let outcomes = (c.series.outcomes.as_slice(), c.series.unit, c.cx.lang);
    label_outcomes(root, &chart, outcomes, placed, bounds)?;
    place_labels_above(root, &pending, placed, bounds)?;
    if let Some(rate) = &c.series.rate {
        let (l, t) = chart.backend_coord(&(f64::from(rate.from) - 0.4, rate.value));
        let (r, _) = chart.backend_coord(&(f64::from(rate.to) + 0.4, rate.value));
        let above = [(((l + r) / 2, t - 6), (0.5, 1.0))];
        place_anywhere(root, placed, bounds, &rate.text, &above)?;
    }
    if let Some(path) = &c.series.path {
        label_path(root, &chart, path, &path_points, placed, bounds)?;
    }
    Ok(())
}

/// A panel's axes: its scale (whole numbers for counts), the unit level above the
/// tick labels, the years below.
fn draw_panel<'s>(
    root: &Area<'s>,
    area: &Area<'s>,
    c: &Columns,
    p: &Panel,
    years: Years,
    placed: &mut Placed,
    bounds: Rect,
) -> Result<Cartesian<'s>, String> {
    let lang = c.cx.lang;
    let top = highest(p.bars).max(p.extra.1);
    let bottom = lowest(p.bars).min(p.extra.0);
    let whole = p.unit.kind() == UnitKind::Count;
    let (y_min, mut y_max, y_step) = nice_span(bottom, top, whole);
    // A percentage up to 100 (a share, a coverage rate) stops at 100, not 125.
    if p.unit == MeasureUnit::Percent && top <= 100.0 {
        y_max = y_max.min(100.0);
    }
    let y_area =
        tick_label_width(y_max, p.unit, lang).max(tick_label_width(y_min, p.unit, lang)) + 12.0;
    let insets = Insets {
        bottom: X_LABELS,
        left: 8 + y_area.ceil() as u32,
        right: 16,
        ..Insets::default()
    };
    let chart = Cartesian::new(area, insets, years.range(), y_min..y_max);
    let scale = (y_min, y_max, y_step);
    draw_value_axis(root, &chart, scale, p.unit, lang, Axis::Vertical)?;
    // The tick labels' column is kept clear of other labels.
    let (left, top_px) = chart.backend_coord(&(years.range().start, y_max));
    let (_, bottom_px) = chart.backend_coord(&(years.range().start, y_min));
    placed.reserve((0, top_px - 12, left - 2, bottom_px + 12));
    let measure = Measure {
        unit: p.unit,
        counting: c.measure.counting,
    };
    let unit = if p.unit == c.measure.unit {
        format::axis_unit(measure, lang)
    } else {
        format::axis_unit(p.unit, lang)
    };
    if !unit.is_empty() && p.unit_label {
        let (x, y) = chart.backend_coord(&(years.range().start, y_max));
        let style = style::text(Ink::Label, HPos::Left, VPos::Bottom);
        let at = (x - y_area as i32 + 2, y - 13);
        placed.reserve(text_box(&unit, LABEL_PX, at, 0.0, 1.0));
        root.draw_text(&unit, style, at)
            .map_err(|e| e.to_string())?;
    }
    draw_year_labels(root, &chart, c.series, years, placed, bounds)?;
    Ok(chart)
}

/// The lowest and highest points the main panel draws besides its columns (the
/// outcomes, a rate, a path), zero included: the lowest is below zero only for a fall.
fn main_extra_span(s: &TargetSeries) -> (f64, f64) {
    let rate = s.rate.as_ref().map_or(0.0, |r| r.value);
    let path = s
        .path
        .as_ref()
        .map_or((0.0, 0.0), |p| (p.line.from.1, p.line.to.1));
    (
        lowest(&s.outcomes).min(rate).min(path.0).min(path.1),
        highest(&s.outcomes).max(rate).max(path.0).max(path.1),
    )
}

/// A legend entry per kind drawn, the upper tier, the rate and the path. A lone
/// target column needs no key: its subtitle and table say what it is.
fn column_legend<'a>(c: &Columns<'a>) -> Vec<LegendItem<'a>> {
    let say = |w: ChartWord| c.cx.t(w.key());
    let s = c.series;
    let mut legend: Vec<LegendItem> = Vec::new();
    for kind in s.kinds() {
        let (color, mut swatch) = kind_mark(kind);
        // Outcomes only in the panel of levels are columns there, not a line.
        if kind == Kind::Actual && s.outcomes.is_empty() {
            swatch = Swatch::Filled;
        }
        let word = if kind == Kind::Target {
            c.target_word
        } else {
            say(kind.word())
        };
        legend.push((color, swatch, word));
        if kind == Kind::Target && s.columns.iter().any(|b| b.extension.is_some()) {
            // A stretch below its floor is a line across the column.
            let below = s.columns.iter().all(|b| b.extension_above().is_none());
            let swatch = if below { Swatch::Line } else { Swatch::Filled };
            legend.push((palette::SKY, swatch, c.stretch_word));
        }
    }
    match &s.path {
        Some(p) if p.implied => legend.push((DOTTED, Swatch::Line, say(ChartWord::ImpliedPath))),
        Some(_) => legend.push((DASHED, Swatch::Line, say(ChartWord::Path))),
        None => {}
    }
    if legend.len() == 1 && !c.always_key {
        legend.clear();
    }
    legend
}

/// The colour and legend swatch of a kind of mark.
fn kind_mark(kind: Kind) -> (RGBColor, Swatch) {
    match kind {
        Kind::Target => (palette::BLUE, Swatch::Filled),
        Kind::Baseline => (palette::GREY, Swatch::Filled),
        Kind::Actual => (palette::ORANGE, Swatch::Line),
        Kind::OtherMeasure => (palette::PURPLE, Swatch::Filled),
        Kind::Implied | Kind::Worked => (palette::BLUE, Swatch::Outline),
    }
}

/// Columns of the same year share the year's slot, side by side.
fn draw_columns_of(
    root: &Area,
    chart: &Cartesian,
    c: &Columns,
    p: &Panel,
) -> Result<Vec<Pending>, String> {
    let mut pending: Vec<Pending> = Vec::new();
    for b in p.bars {
        let same: Vec<&Bar> = p.bars.iter().filter(|x| x.year == b.year).collect();
        let i = same.iter().position(|x| std::ptr::eq(*x, b)).unwrap_or(0);
        let w = SLOT / same.len() as f64;
        let x0 = f64::from(b.year) - SLOT / 2.0 + w * i as f64 + w * 0.08;
        let x1 = x0 + w * 0.84;
        draw_column(root, chart, b, (x0, x1), c, p.unit, &mut pending)?;
    }
    Ok(pending)
}

/// A column's label waiting for its place: its box, text, anchor point, and whether
/// it sits inside the column.
type Pending = (Rect, String, (i32, i32), bool);

/// Labels inside columns first, then every column's box is kept clear, then the
/// labels above them.
fn place_column_labels(
    root: &Area,
    chart: &Cartesian,
    p: &Panel,
    pending: Vec<Pending>,
    placed: &mut Placed,
    bounds: Rect,
) -> Drawn {
    place_inside_labels(root, chart, p, &pending, placed, bounds)?;
    place_labels_above(root, &pending, placed, bounds)
}

/// The figures inside columns, then every column's box is reserved.
fn place_inside_labels(
    root: &Area,
    chart: &Cartesian,
    p: &Panel,
    pending: &[Pending],
    placed: &mut Placed,
    bounds: Rect,
) -> Drawn {
    for (rect, text, at, inside) in pending {
        if *inside && placed.try_place(*rect, bounds) {
            let style = style::text(Ink::OnFill, HPos::Center, VPos::Top);
            root.draw_text(text, style, *at)
                .map_err(|e| e.to_string())?;
        }
    }
    for b in p.bars {
        let (l, t) = chart.backend_coord(&(f64::from(b.year) - SLOT / 2.0, b.top()));
        let (r, bot) = chart.backend_coord(&(f64::from(b.year) + SLOT / 2.0, b.value.min(0.0)));
        placed.reserve((l, t, r, bot));
    }
    Ok(())
}

/// The figures above columns, or a little higher where a line passes a column's top.
fn place_labels_above(
    root: &Area,
    pending: &[Pending],
    placed: &mut Placed,
    bounds: Rect,
) -> Drawn {
    for (rect, text, at, _) in pending.iter().filter(|p| !p.3) {
        for lift in [0, 12, 24] {
            let r = (rect.0, rect.1 - lift, rect.2, rect.3 - lift);
            if placed.try_place(r, bounds) {
                let style = style::text(Ink::Label, HPos::Center, VPos::Bottom);
                root.draw_text(text, style, (at.0, at.1 - lift))
                    .map_err(|e| e.to_string())?;
                break;
            }
        }
    }
    Ok(())
}

/// One column; its figure above it goes to `labels`. An upper tier is stacked on top,
/// named with its figure, and the floor's figure then sits inside the floor, in white.
fn draw_column(
    root: &Area,
    chart: &Cartesian,
    b: &Bar,
    (x0, x1): (f64, f64),
    c: &Columns,
    unit: MeasureUnit,
    labels: &mut Vec<Pending>,
) -> Drawn {
    let lang = c.cx.lang;
    let (a, z) = (
        chart.backend_coord(&(x0, 0.0)),
        chart.backend_coord(&(x1, b.value)),
    );
    let (color, swatch) = kind_mark(b.kind);
    let shape = if swatch == Swatch::Outline {
        Rectangle::new([a, z], color.stroke_width(2))
    } else {
        Rectangle::new([a, z], color.filled())
    };
    root.draw(&shape).map_err(|e| e.to_string())?;
    let mid = (a.0 + z.0) / 2;
    let mut figure = format::figure_only(b.value, unit, lang);
    if b.kind == Kind::Implied {
        figure = format!("≈{figure}");
    }
    if b.value < 0.0 {
        // A column below zero is labelled under its end.
        let at = (mid, z.1 + 4);
        labels.push((text_box(&figure, LABEL_PX, at, 0.5, 0.0), figure, at, false));
        return Ok(());
    }
    if let Some(ext) = b.extension.filter(|e| *e < b.value && *e >= 0.0) {
        // A stretch below the floor (a ceiling to cut further): a line across the
        // column at the stretch, both figures above it.
        let y = chart.backend_coord(&(x1, ext)).1;
        root.draw(&PathElement::new(
            vec![(a.0, y), (z.0, y)],
            palette::SKY.stroke_width(3),
        ))
        .map_err(|e| e.to_string())?;
        let text = c.cx.tf(
            ChartWord::FigureStretch.key(),
            &[
                ("figure", &figure),
                ("word", c.stretch_word),
                ("stretch", &format::figure_only(ext, unit, lang)),
            ],
        );
        let at = (mid, z.1 - 4);
        labels.push((text_box(&text, LABEL_PX, at, 0.5, 1.0), text, at, false));
        return Ok(());
    }
    let Some(ext) = b.extension_above() else {
        let at = (mid, z.1 - 4);
        labels.push((text_box(&figure, LABEL_PX, at, 0.5, 1.0), figure, at, false));
        return Ok(());
    };
    let top = chart.backend_coord(&(x1, ext));
    root.draw(&Rectangle::new([(a.0, z.1), top], palette::SKY.filled()))
        .map_err(|e| e.to_string())?;
    root.draw(&Rectangle::new(
        [(a.0, z.1), top],
        palette::BLUE.stroke_width(1),
    ))
    .map_err(|e| e.to_string())?;
    let ext_label = format!(
        "{} {}",
        c.stretch_word,
        format::figure_only(ext, unit, lang)
    );
    let at = (mid, top.1 - 4);
    labels.push((
        text_box(&ext_label, LABEL_PX, at, 0.5, 1.0),
        ext_label,
        at,
        false,
    ));
    if a.1 - z.1 >= 24 {
        let at = (mid, z.1 + 6);
        labels.push((text_box(&figure, LABEL_PX, at, 0.5, 0.0), figure, at, true));
    }
    Ok(())
}
