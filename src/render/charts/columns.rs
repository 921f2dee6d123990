//! A target's column chart: a column per year (baseline, outcomes, the target with
//! its upper tier on top) and the dashed path from the baseline to the target.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{
    Area, Axis, Cartesian, Drawn, LABEL_PX, Legend, LegendItem, Swatch, WIDTH, draw_title,
    draw_value_axis, font, label_at, nice_axis, palette, tick_label_width, white_font,
};
use super::series::{Bar, Kind, Trajectory, highest, stretch_word};
use super::svg::{DASHED, SvgBackend};
use crate::content::MeasureUnit;
use crate::render::format;
use crate::render::keys::ChartWord;
use crate::render::views::ViewCtx;

/// The height of the plotting area, above the legend.
const PLOT_H: u32 = 300;
/// The share of a year's width its columns take.
const SLOT: f64 = 0.7;

/// What a column chart shows.
pub struct Columns<'a> {
    pub bars: &'a [Bar],
    /// The first year shown at least: the year before the plan's period, so a lone
    /// target column is not a slab.
    pub since: u16,
    pub path: Option<Trajectory>,
    pub unit: MeasureUnit,
    /// The language, and the words of the legend and labels.
    pub cx: ViewCtx<'a>,
    pub title: &'a str,
    /// Whether the target has tiers: its extension is a stretch goal, not a range's top.
    pub tiers: bool,
}

/// The years along the horizontal axis.
struct Years {
    first: u16,
    last: u16,
    /// The years that have a column.
    with_columns: Vec<u16>,
}

impl Years {
    fn of(bars: &[Bar], since: u16) -> Result<Years, String> {
        let with_columns: Vec<u16> = bars.iter().filter_map(|b| b.label.parse().ok()).collect();
        let first = (*with_columns.iter().min().ok_or("no years")?).min(since);
        let last = *with_columns.iter().max().ok_or("no years")?;
        Ok(Years {
            first,
            last,
            with_columns,
        })
    }
}

/// Draws the chart as SVG.
pub fn draw_columns(c: &Columns) -> Result<String, String> {
    let legend = Legend::new(column_legend(c));
    let height = PLOT_H + 8 + legend.height() + 4;
    let mut svg = String::new();
    {
        let root = SvgBackend::new(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        draw_title(&root, c.title)?;
        let years = Years::of(c.bars, c.since)?;
        let (y_max, y_step) = nice_axis(highest(c.bars) * 1.15);
        let axis_unit = format::axis_unit(c.unit, c.cx.lang);
        let y_area = tick_label_width(y_max, c.unit, c.cx.lang)
            + 10.0
            + if axis_unit.is_empty() { 0.0 } else { 22.0 };
        let (chart_area, legend_area) = root.split_vertically(PLOT_H);
        let mut chart = ChartBuilder::on(&chart_area)
            .margin_top(40)
            .margin_right(16)
            .margin_left(8)
            .x_label_area_size(28)
            .y_label_area_size(y_area.ceil() as u32)
            .build_cartesian_2d(
                (f64::from(years.first) - SLOT)..(f64::from(years.last) + SLOT),
                0.0..y_max,
            )
            .map_err(|e| e.to_string())?;
        draw_value_axis(
            &chart_area,
            &chart,
            (y_max, y_step),
            c.unit,
            c.cx.lang,
            Axis::Vertical,
        )?;
        if !axis_unit.is_empty() {
            let at = (f64::from(years.first) - SLOT, y_max / 2.0);
            draw_axis_unit(&chart_area, &chart, &axis_unit, at, y_area)?;
        }
        draw_year_labels(&chart_area, &chart, &years)?;
        draw_year_columns(&chart_area, &mut chart, c, &years)?;
        if let Some(path) = c.path {
            draw_path(&mut chart, path)?;
        }
        if !legend.is_empty() {
            legend.draw(&legend_area, 8)?;
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// A legend entry per kind of column drawn, the upper tier and the path. A lone
/// target column needs no key: its title and table say what it is.
fn column_legend<'a>(c: &Columns<'a>) -> Vec<LegendItem<'a>> {
    let say = |w: ChartWord| c.cx.t(w.key());
    let mut legend: Vec<LegendItem> = Vec::new();
    for kind in Kind::LEGEND_ORDER {
        if c.bars.iter().any(|b| b.kind == kind) {
            let swatch = if kind == Kind::OtherMeasure {
                Swatch::Outline
            } else {
                Swatch::Filled
            };
            legend.push((kind_fill(kind), swatch, say(kind.word())));
        }
    }
    if c.bars.iter().any(|b| b.extension.is_some()) {
        legend.push((palette::SKY, Swatch::Filled, say(stretch_word(c.tiers))));
    }
    if c.path.is_some() {
        legend.push((palette::VERMILLION, Swatch::Line, say(ChartWord::Path)));
    }
    if legend.len() == 1 {
        legend.clear();
    }
    legend
}

fn kind_fill(kind: Kind) -> RGBColor {
    match kind {
        Kind::Target => palette::BLUE,
        Kind::Baseline => palette::GREY,
        Kind::Actual => palette::ORANGE,
        Kind::OtherMeasure => palette::PURPLE,
    }
}

/// The unit, written up the left edge beside the tick labels at `at`.
fn draw_axis_unit(
    area: &Area,
    chart: &Cartesian,
    axis_unit: &str,
    at: (f64, f64),
    y_area: f64,
) -> Drawn {
    let (x, y) = chart.backend_coord(&at);
    area.draw_text(
        axis_unit,
        &font(LABEL_PX)
            .pos(Pos::new(HPos::Center, VPos::Top))
            .transform(FontTransform::Rotate270),
        (x - y_area as i32 + 4, y),
    )
    .map_err(|e| e.to_string())
}

/// Every year of a short span is labelled; in a long one only the years with columns.
fn draw_year_labels(area: &Area, chart: &Cartesian, years: &Years) -> Drawn {
    for year in years.first..=years.last {
        if years.last - years.first <= 12 || years.with_columns.contains(&year) {
            label_at(
                area,
                chart,
                (f64::from(year), 0.0),
                (0, 8),
                &year.to_string(),
                font(LABEL_PX).pos(Pos::new(HPos::Center, VPos::Top)),
            )?;
        }
    }
    Ok(())
}

/// Columns of the same year share the year's slot, side by side.
fn draw_year_columns(area: &Area, chart: &mut Cartesian, c: &Columns, years: &Years) -> Drawn {
    for year in years.first..=years.last {
        let label = year.to_string();
        let same: Vec<&Bar> = c.bars.iter().filter(|b| b.label == label).collect();
        let w = SLOT / same.len() as f64;
        for (i, b) in same.iter().enumerate() {
            let x0 = f64::from(year) - SLOT / 2.0 + w * i as f64 + w * 0.08;
            let x1 = x0 + w * 0.84;
            draw_column(area, chart, b, (x0, x1), c)?;
        }
    }
    Ok(())
}

/// One column and its figure above it; an upper tier is stacked on top, named
/// with its figure, and the floor's figure then sits inside the floor, in white.
fn draw_column(
    area: &Area,
    chart: &mut Cartesian,
    b: &Bar,
    (x0, x1): (f64, f64),
    c: &Columns,
) -> Drawn {
    let style = if b.kind == Kind::OtherMeasure {
        ShapeStyle::from(&palette::PURPLE).stroke_width(2)
    } else {
        kind_fill(b.kind).filled()
    };
    chart
        .draw_series(std::iter::once(Rectangle::new(
            [(x0, 0.0), (x1, b.value)],
            style,
        )))
        .map_err(|e| e.to_string())?;
    let mid = (x0 + x1) / 2.0;
    let figure = format::figure_only(b.value, c.unit, c.cx.lang);
    let Some(ext) = b.extension_above() else {
        let above = font(LABEL_PX).pos(Pos::new(HPos::Center, VPos::Bottom));
        return label_at(
            area,
            chart,
            (mid, b.value.max(0.0)),
            (0, -4),
            &figure,
            above,
        );
    };
    chart
        .draw_series([
            Rectangle::new([(x0, b.value), (x1, ext)], palette::SKY.filled()),
            Rectangle::new([(x0, b.value), (x1, ext)], palette::BLUE.stroke_width(1)),
        ])
        .map_err(|e| e.to_string())?;
    let ext_label = format!(
        "{} {}",
        c.cx.t(stretch_word(c.tiers).key()),
        format::figure_only(ext, c.unit, c.cx.lang)
    );
    let above = font(LABEL_PX).pos(Pos::new(HPos::Center, VPos::Bottom));
    label_at(area, chart, (mid, ext), (0, -4), &ext_label, above)?;
    let inside = white_font(LABEL_PX).pos(Pos::new(HPos::Center, VPos::Top));
    label_at(area, chart, (mid, b.value), (0, 7), &figure, inside)
}

/// The dashed path from the baseline to the target, with a dot a year.
fn draw_path(chart: &mut Cartesian, path: Trajectory) -> Drawn {
    let points = path.points();
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
    Ok(())
}
