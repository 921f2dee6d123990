//! Where things go in a chart, shared by column and bar charts: the two widths,
//! colours and fonts, readable axis steps, the value axis and the legend (laid out
//! once, then both sized and drawn from that layout).

use std::ops::Range;

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::element::{CoordMapper, Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::style::{self, Ink};
use super::svg::SvgBackend;
use crate::content::MeasureUnit;
use crate::lang::Lang;
use crate::render::encode::text_width;
use crate::render::format;

use super::palette;
pub use super::style::LABEL_PX;

/// The two drawings of every chart: one for a page's column, one for a phone. A
/// 640-pixel drawing shrunk to a 390 px phone would show 14 px text at 8 px; the
/// narrow one is drawn at about the width it is shown at, so its text keeps its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    Wide,
    Narrow,
}

impl Variant {
    pub const ALL: [Variant; 2] = [Variant::Wide, Variant::Narrow];

    pub fn width(self) -> u32 {
        match self {
            Variant::Wide => WIDTH,
            Variant::Narrow => NARROW_WIDTH,
        }
    }

    /// What the variant's file name ends with, before `.svg`.
    pub fn suffix(self) -> &'static str {
        match self {
            Variant::Wide => "",
            Variant::Narrow => "-narrow",
        }
    }
}

/// The font stack of the whole drawing, set once on its root element.
pub const FONT_STACK: &str =
    "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, Source Han Sans SC, sans-serif";
pub const WIDTH: u32 = 640;
/// The phone drawing's width: a 390 px screen less the page's margins.
pub const NARROW_WIDTH: u32 = 360;

/// The drawing area every chart draws into.
pub type Area<'a> = DrawingArea<SvgBackend<'a>, Shift>;

/// A chart's plotting area: data coordinates on both axes. `'s` borrows the string
/// the drawing is written into.
///
/// Made by [`Cartesian::new`] rather than plotters' `ChartBuilder`, whose plotting area
/// is the same but which first splits its area into nine for label areas this crate
/// never draws into (axes are drawn by [`draw_value_axis`]): that split was a twentieth
/// of a chart's time (perf over `cargo bench --bench charts`).
pub struct Cartesian<'s> {
    area: DrawingArea<SvgBackend<'s>, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
}

/// Pixels kept clear around a plotting area, as plotters' margins and label areas.
#[derive(Clone, Copy, Default)]
pub struct Insets {
    pub top: u32,
    pub bottom: u32,
    pub left: u32,
    pub right: u32,
}

impl<'s> Cartesian<'s> {
    /// The plotting area of `area` inside `insets`, spanning `x` and `y`.
    pub fn new(area: &Area<'s>, insets: Insets, x: Range<f64>, y: Range<f64>) -> Cartesian<'s> {
        let inner = area.margin(insets.top, insets.bottom, insets.left, insets.right);
        // As plotters' builder maps them: the last pixel inclusive, y from the bottom up.
        let (px, py) = inner.get_pixel_range();
        let pixels = (px.start..px.end - 1, py.end - 1..py.start);
        Cartesian {
            area: inner.apply_coord_spec(Cartesian2d::new(x, y, pixels)),
        }
    }

    /// The pixel of a point in data coordinates.
    pub fn backend_coord(&self, point: &(f64, f64)) -> (i32, i32) {
        self.area.map_coordinate(point)
    }

    pub fn x_range(&self) -> Range<f64> {
        self.area.get_x_range()
    }

    pub fn y_range(&self) -> Range<f64> {
        self.area.get_y_range()
    }

    /// Draws each element of `series` in data coordinates.
    pub fn draw_series<B, E, R, S>(&self, series: S) -> Drawn
    where
        B: CoordMapper,
        for<'b> &'b E: PointCollection<'b, (f64, f64), B>,
        E: Drawable<SvgBackend<'s>, B>,
        R: std::borrow::Borrow<E>,
        S: IntoIterator<Item = R>,
    {
        for element in series {
            self.area
                .draw(element.borrow())
                .map_err(|e| e.to_string())?;
        }
        Ok(())
    }
}

/// A drawing as its backend wrote it (the `<svg>` element, without the accessible
/// head [`super::finish_svg`] gives it) and its size in pixels.
pub struct Body {
    pub svg: String,
    pub size: (u32, u32),
}

/// What can go wrong while drawing: plotters' errors, as text.
pub type Drawn = Result<(), String>;

/// A readable axis: a step of 1, 2, 2.5 or 5 times a power of ten giving four to
/// six intervals, and the maximum rounded up to a whole number of steps. A count
/// (`whole`) steps by whole numbers only: no tick says 2.5 firms.
pub fn nice_axis(top: f64, whole: bool) -> (f64, f64) {
    if top <= 0.0 || !top.is_finite() {
        return if whole { (1.0, 1.0) } else { (1.0, 0.25) };
    }
    let raw = top / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let multiples: &[f64] = if whole {
        &[1.0, 2.0, 5.0, 10.0]
    } else {
        &[1.0, 2.0, 2.5, 5.0, 10.0]
    };
    let mut step = multiples
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    if whole {
        step = step.max(1.0).round();
    }
    ((top / step).ceil() * step, step)
}

/// An axis from `bottom` (zero, or below it for a fall) to `top`, with headroom:
/// (min, max, step). Above zero only, it is [`nice_axis`] from zero.
pub fn nice_span(bottom: f64, top: f64, whole: bool) -> (f64, f64, f64) {
    if bottom >= 0.0 || !bottom.is_finite() {
        let (max, step) = nice_axis(top * 1.15, whole);
        return (0.0, max, step);
    }
    let (low, high) = (bottom * 1.15, top.max(0.0) * 1.15);
    let (_, step) = nice_axis(high - low, whole);
    (
        (low / step).floor() * step,
        ((high / step).ceil() * step).max(step),
        step,
    )
}

/// How a legend entry's swatch is drawn, matching the marks in the chart.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    Filled,
    Outline,
    Line,
}

/// One legend entry: its colour, its swatch and its words.
pub type LegendItem<'a> = (RGBColor, Swatch, &'a str);

/// Legend rows are this far apart.
const LEGEND_ROW: i32 = 20;
const LEGEND_LEFT: i32 = 12;

/// A legend laid out in rows across the chart's width: each entry with its place.
/// The chart's height comes from [`Legend::height`], the drawing from the same places.
pub struct Legend<'a> {
    /// Each entry, with its left edge and its row's offset from the legend's top.
    placed: Vec<(LegendItem<'a>, i32, i32)>,
}

impl<'a> Legend<'a> {
    /// Places `items` left to right across `width`, starting a new row where the
    /// next would not fit.
    pub fn new(items: Vec<LegendItem<'a>>, width: u32) -> Legend<'a> {
        let mut x = LEGEND_LEFT;
        let mut row_y = 0;
        let mut placed = Vec::with_capacity(items.len());
        for item in items {
            let w = 14 + 6 + text_width(item.2, LABEL_PX).ceil() as i32 + 18;
            if x + w > width as i32 - 8 && x > LEGEND_LEFT {
                x = LEGEND_LEFT;
                row_y += LEGEND_ROW;
            }
            placed.push((item, x, row_y));
            x += w;
        }
        Legend { placed }
    }

    /// The height of the legend's rows; none when it is empty.
    pub fn height(&self) -> u32 {
        self.placed
            .last()
            .map_or(0, |(_, _, row_y)| (row_y + LEGEND_ROW) as u32)
    }

    /// Draws the legend with its first row at `y`.
    pub fn draw(&self, area: &Area, y: i32) -> Drawn {
        for &((color, swatch, label), x, row_y) in &self.placed {
            let row_y = y + row_y;
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
                style::text(Ink::Label, HPos::Left, VPos::Center),
                (x + 20, row_y + 7),
            )
            .map_err(|e| e.to_string())?;
        }
        Ok(())
    }
}

/// The y-axis tick labels' width, to size the label area.
pub fn tick_label_width(max: f64, unit: MeasureUnit, lang: Lang) -> f64 {
    [0.0, max / 2.0, max]
        .iter()
        .map(|v| text_width(&format::figure_only(*v, unit, lang), LABEL_PX))
        .fold(0.0, f64::max)
}

/// Which way a value axis runs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// Up the left side (column charts).
    Vertical,
    /// Along the bottom (bar charts).
    Horizontal,
}

/// Grid lines and labels of a value axis, drawn from plotters' primitives (lighter
/// than its general mesh, and labelled exactly as pages format numbers), and the
/// category axis: a line at the base of the bars.
pub fn draw_value_axis(
    area: &Area,
    chart: &Cartesian,
    (min, max, step): (f64, f64, f64),
    unit: MeasureUnit,
    lang: Lang,
    axis: Axis,
) -> Drawn {
    let (x_range, y_range) = (chart.x_range(), chart.y_range());
    let vertical = axis == Axis::Vertical;
    let grid = palette::GRID.stroke_width(1);
    let ink = palette::INK.stroke_width(1);
    // Whole steps below zero (a fall) and above it; the zero line is inked.
    let (first, last) = ((min / step).round() as i64, (max / step).round() as i64);
    for k in first..=last {
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
        let (style, at) = if vertical {
            (
                style::text(Ink::Label, HPos::Right, VPos::Center),
                (a.0 - 6, a.1),
            )
        } else {
            (
                style::text(Ink::Label, HPos::Center, VPos::Top),
                (a.0, a.1 + 6),
            )
        };
        area.draw_text(&label, style, at)
            .map_err(|e| e.to_string())?;
    }
    let base_end = if vertical {
        (x_range.start, max)
    } else {
        (x_range.start, y_range.end)
    };
    let a = chart.backend_coord(&(x_range.start, y_range.start));
    let b = chart.backend_coord(&base_end);
    area.draw(&PathElement::new(vec![a, b], ink))
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_axis_with_a_fall_reaches_below_zero_in_whole_steps() {
        assert_eq!(nice_span(0.0, 80.0, false), (0.0, 100.0, 20.0));
        let (min, max, step) = nice_span(-13.5, 9.2, false);
        assert!(min <= -13.5 * 1.15 && max >= 9.2, "{min} {max} {step}");
        assert_eq!((min / step).fract(), 0.0);
        assert_eq!(
            nice_span(-3.0, -1.0, true).1,
            1.0,
            "zero is always on the axis"
        );
    }

    #[test]
    fn axes_use_readable_steps() {
        assert_eq!(nice_axis(1150.0, false), (1250.0, 250.0));
        assert_eq!(nice_axis(87.0, false), (100.0, 20.0));
        assert_eq!(nice_axis(11.0, false), (12.5, 2.5));
        assert_eq!(nice_axis(0.0, false), (1.0, 0.25));
    }

    #[test]
    fn count_axes_step_by_whole_numbers() {
        assert_eq!(nice_axis(11.0, true), (15.0, 5.0));
        assert_eq!(nice_axis(3.45, true), (4.0, 1.0));
        assert_eq!(nice_axis(1.15, true), (2.0, 1.0));
        assert_eq!(nice_axis(0.0, true), (1.0, 1.0));
    }

    #[test]
    fn a_legend_wraps_where_the_next_entry_would_not_fit() {
        let long = "Outcome (other measure) and then some more words";
        let one = Legend::new(vec![(palette::BLUE, Swatch::Filled, "Target")], WIDTH);
        assert_eq!(one.height(), 20);
        let three = Legend::new(
            vec![
                (palette::BLUE, Swatch::Filled, long),
                (palette::SKY, Swatch::Filled, long),
                (palette::GREY, Swatch::Filled, long),
            ],
            WIDTH,
        );
        assert_eq!(three.height(), 60, "each long entry takes a row of its own");
        assert_eq!(Legend::new(Vec::new(), WIDTH).height(), 0);
    }
}
