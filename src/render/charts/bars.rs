//! Horizontal bar charts (a breakdown's parts, a plan's chain targets, a chain across
//! plans): a row per bar, its label on the left and its figure past its end.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{
    Area, Axis, Cartesian, Drawn, LABEL_PX, Legend, LegendItem, Swatch, WIDTH, draw_title,
    draw_value_axis, fit, font, label_at, nice_axis, palette,
};
use super::series::{Bar, highest};
use super::svg::SvgBackend;
use crate::content::MeasureUnit;
use crate::render::encode::text_width;
use crate::render::format;
use crate::render::keys::ChartWord;
use crate::render::views::ViewCtx;

/// The height of a bar's row.
const ROW: u32 = 34;
/// The widest the category labels may be, before they are cut.
const MAX_LABEL_W: f64 = 310.0;

/// What a bar chart shows.
pub struct BarChart<'a> {
    pub bars: &'a [Bar],
    pub unit: MeasureUnit,
    /// The language, and the words of the legend and labels.
    pub cx: ViewCtx<'a>,
    pub title: &'a str,
}

/// Draws the chart as SVG.
pub fn draw_bars(c: &BarChart) -> Result<String, String> {
    let legend = Legend::new(bar_legend(c));
    let legend_h = if legend.is_empty() {
        0
    } else {
        legend.height() + 8
    };
    let plot_h = 40 + ROW * c.bars.len() as u32 + 50;
    let height = plot_h + legend_h + 8;
    let label_w = c
        .bars
        .iter()
        .map(|b| text_width(&b.label, LABEL_PX))
        .fold(0.0, f64::max)
        .min(MAX_LABEL_W)
        + 12.0;
    let mut svg = String::new();
    {
        let root = SvgBackend::new(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        draw_title(&root, c.title)?;
        let (chart_area, legend_area) = root.split_vertically(plot_h);
        let (x_max, x_step) = nice_axis(highest(c.bars) * 1.25);
        // Room on the right for the longest value label past the longest bar.
        let value_w = c
            .bars
            .iter()
            .map(|b| text_width(&value_label(b, c), LABEL_PX))
            .fold(0.0, f64::max);
        let mut chart = ChartBuilder::on(&chart_area)
            .margin_top(40)
            .margin_right((value_w * 0.6 + 16.0).ceil() as u32)
            .margin_left(8)
            .x_label_area_size(46)
            .y_label_area_size(label_w.ceil() as u32)
            .build_cartesian_2d(0.0..x_max, 0.0..c.bars.len() as f64)
            .map_err(|e| e.to_string())?;
        let axis = (x_max, x_step);
        draw_value_axis(
            &chart_area,
            &chart,
            axis,
            c.unit,
            c.cx.lang,
            Axis::Horizontal,
        )?;
        for i in 0..c.bars.len() {
            draw_row(&chart_area, &mut chart, c, i, label_w)?;
        }
        draw_axis_unit(&chart_area, &chart, c, x_max)?;
        if !legend.is_empty() {
            legend.draw(&legend_area, 4)?;
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// A key only when some bar has an upper tier.
fn bar_legend<'a>(c: &BarChart<'a>) -> Vec<LegendItem<'a>> {
    if !c.bars.iter().any(|b| b.extension.is_some()) {
        return Vec::new();
    }
    vec![
        (
            palette::BLUE,
            Swatch::Filled,
            c.cx.t(ChartWord::Target.key()),
        ),
        (
            palette::SKY,
            Swatch::Filled,
            c.cx.t(ChartWord::Stretch.key()),
        ),
    ]
}

/// The label at the end of a horizontal bar: `1000 (力争 1200)`.
fn value_label(b: &Bar, c: &BarChart) -> String {
    let (unit, lang) = (c.unit, c.cx.lang);
    match b.extension_above() {
        Some(ext) => format!(
            "{} ({} {})",
            format::figure_only(b.value, unit, lang),
            c.cx.t(ChartWord::Stretch.key()),
            format::figure_only(ext, unit, lang)
        ),
        None => format::figure_only(b.value, unit, lang),
    }
}

/// The `i`th bar from the top: the bar, its upper tier, its figure past its end and
/// its label (cut to `label_w`) left of the axis.
fn draw_row(area: &Area, chart: &mut Cartesian, c: &BarChart, i: usize, label_w: f64) -> Drawn {
    let b = &c.bars[i];
    let y_mid = c.bars.len() as f64 - i as f64 - 0.5;
    let (y0, y1) = (y_mid - 0.3, y_mid + 0.3);
    chart
        .draw_series(std::iter::once(Rectangle::new(
            [(0.0, y0), (b.value, y1)],
            palette::BLUE.filled(),
        )))
        .map_err(|e| e.to_string())?;
    let mut end = b.value;
    if let Some(ext) = b.extension_above() {
        chart
            .draw_series([
                Rectangle::new([(b.value, y0), (ext, y1)], palette::SKY.filled()),
                Rectangle::new([(b.value, y0), (ext, y1)], palette::BLUE.stroke_width(1)),
            ])
            .map_err(|e| e.to_string())?;
        end = ext;
    }
    label_at(
        area,
        chart,
        (end, y_mid),
        (6, 0),
        &value_label(b, c),
        font(LABEL_PX).pos(Pos::new(HPos::Left, VPos::Center)),
    )?;
    let label = fit(&b.label, LABEL_PX, label_w - 12.0);
    let (px, py) = chart.backend_coord(&(0.0, y_mid));
    area.draw_text(
        &label,
        &font(LABEL_PX).pos(Pos::new(HPos::Right, VPos::Center)),
        (px - 8, py),
    )
    .map_err(|e| e.to_string())
}

/// The unit, under the right end of the value axis.
fn draw_axis_unit(area: &Area, chart: &Cartesian, c: &BarChart, x_max: f64) -> Drawn {
    let axis_unit = format::axis_unit(c.unit, c.cx.lang);
    if axis_unit.is_empty() {
        return Ok(());
    }
    let (px, py) = chart.backend_coord(&(x_max, 0.0));
    area.draw_text(
        &axis_unit,
        &font(LABEL_PX).pos(Pos::new(HPos::Right, VPos::Top)),
        (px, py + 28),
    )
    .map_err(|e| e.to_string())
}
