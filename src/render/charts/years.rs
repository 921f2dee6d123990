//! The year axis of a target's chart: which years it spans, and which of them are
//! labelled when there is no room for all.

use plotters::style::text_anchor::{HPos, VPos};

use super::layout::{Area, Cartesian, Drawn, LABEL_PX, Variant};
use super::series::TargetSeries;
use super::style::{self, Ink};
use super::text::{Placed, Rect, text_box};

/// The years along the horizontal axis: exactly those with something drawn, and
/// room around a lone year so its column is not a slab.
#[derive(Clone, Copy)]
pub struct Years {
    pub first: u16,
    pub last: u16,
    pad: f64,
}

impl Years {
    pub fn of(s: &TargetSeries, variant: Variant) -> Option<Years> {
        let mut years: Vec<u16> = s
            .columns
            .iter()
            .chain(&s.outcomes)
            .chain(&s.others)
            .map(|b| b.year)
            .collect();
        if let Some(p) = &s.path {
            years.extend([p.line.from.0, p.line.to.0]);
        }
        if let Some(r) = &s.rate {
            years.extend([r.from, r.to]);
        }
        let (first, last) = (*years.iter().min()?, *years.iter().max()?);
        let fewest = match variant {
            Variant::Wide => 7.0,
            Variant::Narrow => 4.0,
        };
        let span = f64::from(last - first + 1);
        Some(Years {
            first,
            last,
            pad: ((fewest - span) / 2.0).max(0.0),
        })
    }

    pub fn range(self) -> std::ops::Range<f64> {
        (f64::from(self.first) - 0.5 - self.pad)..(f64::from(self.last) + 0.5 + self.pad)
    }
}

/// The years along the axis, most important first: the years of the target's own
/// columns (latest first, so the target year is never the one left out), the ends of
/// its path or rate, the years of outcomes, then the other years on an even grid
/// counted back from the last year. Each is drawn only where it overlaps nothing.
pub fn draw_year_labels(
    root: &Area,
    chart: &Cartesian,
    s: &TargetSeries,
    years: Years,
    placed: &mut Placed,
    bounds: Rect,
) -> Drawn {
    let mut order: Vec<u16> = s.columns.iter().map(|b| b.year).collect();
    order.sort_unstable_by(|a, b| b.cmp(a));
    if let Some(p) = &s.path {
        order.extend([p.line.to.0, p.line.from.0]);
    }
    if let Some(r) = &s.rate {
        order.extend([r.to, r.from]);
    }
    order.extend(s.outcomes.iter().chain(&s.others).map(|b| b.year));
    // A year label's width and the distance between years decide how many years
    // one label needs: the unmarked years are labelled every `step` years.
    let (x0, _) = chart.backend_coord(&(f64::from(years.first), 0.0));
    let (x1, _) = chart.backend_coord(&(f64::from(years.first) + 1.0, 0.0));
    let label = text_box("2030", LABEL_PX, (0, 0), 0.5, 0.0);
    let needed = f64::from(label.2 - label.0 + 8);
    let step = (needed / f64::from((x1 - x0).max(1))).ceil().max(1.0) as u16;
    let marked = order.len();
    order.extend(
        (years.first..=years.last)
            .rev()
            .filter(|y| (years.last - y).is_multiple_of(step)),
    );
    let mut seen = std::collections::BTreeSet::new();
    let order: Vec<(usize, u16)> = order
        .into_iter()
        .enumerate()
        .filter(|(_, y)| seen.insert(*y))
        .collect();
    let style = style::text(Ink::Label, HPos::Center, VPos::Top);
    let bounds = (bounds.0, 0, bounds.2, i32::MAX);
    let mut labelled: Vec<u16> = Vec::new();
    for (i, year) in order {
        // A grid year keeps a whole step from every labelled year, so the grid
        // stays even in both languages whatever the plot's width.
        if i >= marked && labelled.iter().any(|l| l.abs_diff(year) < step) {
            continue;
        }
        let (x, y) = chart.backend_coord(&(f64::from(year), chart.y_range().start));
        let text = year.to_string();
        let mut rect = text_box(&text, LABEL_PX, (x, y + 6), 0.5, 0.0);
        rect = (rect.0 - 3, rect.1, rect.2 + 3, rect.3);
        if placed.try_place(rect, bounds) {
            labelled.push(year);
            root.draw_text(&text, style, (x, y + 6))
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}
