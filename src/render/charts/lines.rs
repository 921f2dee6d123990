//! What a target's chart draws over its columns: a growth rate's band, the path from
//! the baseline, the outcomes' line, and the labels of each, placed only where they
//! clear every mark and every other label.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::layout::{Area, Cartesian, Drawn, LABEL_PX};
use super::palette;
use super::series::{Bar, Path, Rate};
use super::style::{self, Ink};
use super::svg::{DASHED, DOTTED};
use super::text::{Placed, Rect, text_box, wrap};
use crate::content::MeasureUnit;
use crate::lang::Lang;
use crate::render::encode::text_width;
use crate::render::format;

/// Keeps labels off a line: a box around each point and along each segment.
pub fn reserve_line(chart: &Cartesian, points: &[(f64, f64)], placed: &mut Placed) {
    let px: Vec<(i32, i32)> = points.iter().map(|p| chart.backend_coord(p)).collect();
    for (i, &(x, y)) in px.iter().enumerate() {
        placed.reserve((x - 5, y - 5, x + 5, y + 5));
        if let Some(&(x2, y2)) = px.get(i + 1) {
            for k in 1..8 {
                let (sx, sy) = (x + (x2 - x) * k / 8, y + (y2 - y) * k / 8);
                placed.reserve((sx - 3, sy - 3, sx + 3, sy + 3));
            }
        }
    }
}

/// A growth rate over the years it is to be kept up: a band up to the rate (its
/// words go above it once every mark is drawn).
pub fn draw_rate(chart: &mut Cartesian, r: &Rate) -> Drawn {
    let (x0, x1) = (f64::from(r.from) - 0.4, f64::from(r.to) + 0.4);
    chart
        .draw_series([Rectangle::new(
            [(x0, 0.0), (x1, r.value)],
            palette::SKY.filled(),
        )])
        .map_err(|e| e.to_string())?;
    chart
        .draw_series(LineSeries::new(
            [(x0, r.value), (x1, r.value)],
            palette::BLUE.stroke_width(3),
        ))
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// The path, with a dot a year; returns its points.
pub fn draw_path(chart: &mut Cartesian, path: &Path) -> Result<Vec<(f64, f64)>, String> {
    let points = path.line.points();
    let (line, dot) = if path.implied {
        (DOTTED, palette::BLUE)
    } else {
        (DASHED, palette::VERMILLION)
    };
    chart
        .draw_series(LineSeries::new(points.clone(), line.stroke_width(3)))
        .map_err(|e| e.to_string())?;
    chart
        .draw_series(points.iter().map(|p| Circle::new(*p, 3, dot.filled())))
        .map_err(|e| e.to_string())?;
    Ok(points)
}

/// The path's words, above its middle or its start, or left out if neither is clear.
pub fn label_path(
    root: &Area,
    chart: &Cartesian,
    path: &Path,
    points: &[(f64, f64)],
    placed: &mut Placed,
    bounds: Rect,
) -> Drawn {
    if path.label.is_empty() || points.is_empty() {
        return Ok(());
    }
    let mut spots = Vec::new();
    for at in [points[points.len() / 2], points[0]] {
        let (x, y) = chart.backend_coord(&at);
        for dy in [12, 28, 44] {
            spots.push(((x, y - dy), (0.5, 1.0)));
        }
    }
    // Else in the plot's top left corner, clear of everything, if there is room.
    let (x_range, y_range) = (chart.x_range(), chart.y_range());
    let (x, y) = chart.backend_coord(&(x_range.start, y_range.end));
    spots.push(((x + 8, y + 4), (0.0, 0.0)));
    place_anywhere(root, placed, bounds, &path.label, &spots).map(|_| ())
}

/// Outcomes as a line with a dot a year; returns their points.
pub fn draw_outcomes(chart: &mut Cartesian, outcomes: &[Bar]) -> Result<Vec<(f64, f64)>, String> {
    let points: Vec<(f64, f64)> = outcomes
        .iter()
        .map(|b| (f64::from(b.year), b.value))
        .collect();
    if points.len() > 1 {
        chart
            .draw_series(LineSeries::new(
                points.clone(),
                palette::ORANGE.stroke_width(3),
            ))
            .map_err(|e| e.to_string())?;
    }
    chart
        .draw_series(
            points
                .iter()
                .map(|p| Circle::new(*p, 5, palette::ORANGE.filled())),
        )
        .map_err(|e| e.to_string())?;
    Ok(points)
}

/// Each outcome's figure, beside its dot wherever it is clear.
pub fn label_outcomes(
    root: &Area,
    chart: &Cartesian,
    (outcomes, unit, lang): (&[Bar], MeasureUnit, Lang),
    placed: &mut Placed,
    bounds: Rect,
) -> Drawn {
    for b in outcomes {
        let (x, y) = chart.backend_coord(&(f64::from(b.year), b.value));
        let text = format::figure_only(b.value, unit, lang);
        let around = [
            ((x, y - 9), (0.5, 1.0)),
            ((x, y + 9), (0.5, 0.0)),
            ((x + 9, y - 9), (0.0, 1.0)),
            ((x + 9, y + 9), (0.0, 0.0)),
            ((x - 9, y - 9), (1.0, 1.0)),
            ((x - 9, y + 9), (1.0, 0.0)),
            // Level with the dot, where a crowded column leaves no room above or below.
            ((x + 9, y), (0.0, 0.5)),
            ((x - 9, y), (1.0, 0.5)),
        ];
        place_anywhere(root, placed, bounds, &text, &around)?;
    }
    Ok(())
}

/// Which third of a box an anchor share (0 start, 0.5 middle, 1 end) falls in.
fn share(s: f64) -> usize {
    usize::from(s >= 0.25) + usize::from(s > 0.75)
}

/// A point, and the shares of a label's box (0 start, 0.5 middle, 1 end) anchored there.
pub type Spot = ((i32, i32), (f64, f64));

/// Draws `text` at the first of `spots` (a point and the shares of the text's box
/// anchored there) where it overlaps nothing. A label that fits nowhere on one line
/// tries every spot again in two balanced lines (more if still wider than half the
/// plot), so the longer English wording is not the one left out.
pub fn place_anywhere(
    root: &Area,
    placed: &mut Placed,
    bounds: Rect,
    text: &str,
    spots: &[Spot],
) -> Result<bool, String> {
    let mut anywhere = |lines: &[&str]| -> Result<bool, String> {
        for (at, anchor) in spots {
            if place_lines(root, placed, bounds, lines, *at, *anchor)? {
                return Ok(true);
            }
        }
        Ok(false)
    };
    if anywhere(&[text])? {
        return Ok(true);
    }
    // Wrapped only now: most labels find a spot on one line.
    let half_plot = f64::from(bounds.2 - bounds.0) / 2.0;
    let balanced = (text_width(text, LABEL_PX) * 0.55).ceil();
    // Never narrower than the longest word or number: "4310" stays whole.
    let widest_word = text
        .split(|c: char| c == ' ' || c > '\u{2E7F}')
        .map(|w| text_width(w, LABEL_PX).ceil())
        .fold(0.0, f64::max);
    let wrapped = wrap(text, LABEL_PX, balanced.min(half_plot).max(widest_word));
    Ok(wrapped.len() > 1 && anywhere(&wrapped)?)
}

/// Draws `lines` as one block at `at` if the block overlaps nothing.
fn place_lines(
    root: &Area,
    placed: &mut Placed,
    bounds: Rect,
    lines: &[&str],
    at: (i32, i32),
    anchor: (f64, f64),
) -> Result<bool, String> {
    let widest = lines
        .iter()
        .max_by(|a, b| text_width(a, LABEL_PX).total_cmp(&text_width(b, LABEL_PX)))
        .copied()
        .unwrap_or("");
    let line = text_box(widest, LABEL_PX, (0, 0), 0.0, 0.0);
    let (w, h) = (line.2, line.3 * lines.len() as i32);
    let left = at.0 - (f64::from(w) * anchor.0) as i32;
    let top = at.1 - (f64::from(h) * anchor.1) as i32;
    if !placed.try_place((left, top, left + w, top + h), bounds) {
        return Ok(false);
    }
    let hpos = [HPos::Left, HPos::Center, HPos::Right][share(anchor.0)];
    if let [text] = lines {
        let vpos = [VPos::Top, VPos::Center, VPos::Bottom][share(anchor.1)];
        root.draw_text(text, style::text(Ink::Label, hpos, vpos), at)
            .map_err(|e| e.to_string())?;
        return Ok(true);
    }
    let x = left + (f64::from(w) * [0.0, 0.5, 1.0][share(anchor.0)]) as i32;
    for (i, text) in lines.iter().enumerate() {
        let y = top + line.3 * i as i32;
        root.draw_text(text, style::text(Ink::Label, hpos, VPos::Top), (x, y))
            .map_err(|e| e.to_string())?;
    }
    Ok(true)
}
