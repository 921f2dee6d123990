//! What makes a chart stand on its own when it is copied out of the page, as Our
//! World in Data's do: a title, a subtitle saying what is drawn and in what unit,
//! and under the drawing the source, notes on what the site inferred, and the site's
//! name. Every line is wrapped to the drawing's width, never cut.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::layout::{Area, Drawn, Variant};
use super::palette;
use super::text::{wrap, wrap_balanced};

use super::style::SMALL_PX;
use super::style::{self, Ink, SUBTITLE_PX, TITLE_PX};
const MARGIN: i32 = 12;

/// The words around a chart.
#[derive(Debug, Clone, Default)]
pub struct Words {
    pub title: String,
    /// What is drawn, in what unit.
    pub subtitle: String,
    /// The document and clause; outcome sources.
    pub source: Vec<String>,
    /// What the site inferred of what is drawn.
    pub notes: Vec<String>,
    /// The site's name, last.
    pub site: String,
}

/// The words laid out for one width: lines of the [`Words`], not copies.
pub struct Frame<'w> {
    title: Vec<&'w str>,
    subtitle: Vec<&'w str>,
    footer: Vec<&'w str>,
}

impl<'w> Frame<'w> {
    pub fn new(words: &'w Words, variant: Variant) -> Frame<'w> {
        let max = f64::from(variant.width()) - 2.0 * f64::from(MARGIN);
        let wrap_all = |texts: &'w [String], px| -> Vec<&'w str> {
            texts.iter().flat_map(|t| wrap(t, px, max)).collect()
        };
        let mut footer = wrap_all(&words.source, SMALL_PX);
        footer.extend(wrap_all(&words.notes, SMALL_PX));
        footer.extend(wrap(&words.site, SMALL_PX, max));
        Frame {
            title: wrap_balanced(&words.title, TITLE_PX, max),
            subtitle: if words.subtitle.is_empty() {
                Vec::new()
            } else {
                wrap(&words.subtitle, SUBTITLE_PX, max)
            },
            footer,
        }
    }

    /// The height above the drawing.
    pub fn header_height(&self) -> u32 {
        (MARGIN
            + self.title.len() as i32 * line(TITLE_PX)
            + self.subtitle.len() as i32 * line(SUBTITLE_PX)
            + 6) as u32
    }

    /// The height below the drawing.
    pub fn footer_height(&self) -> u32 {
        (10 + self.footer.len() as i32 * line(SMALL_PX) + MARGIN / 2) as u32
    }

    /// Draws the title and subtitle at the top of `area`.
    pub fn draw_header(&self, area: &Area) -> Drawn {
        let mut y = MARGIN;
        let bold = style::text(Ink::Title, HPos::Left, VPos::Top);
        for l in &self.title {
            area.draw_text(l, bold, (MARGIN, y))
                .map_err(|e| e.to_string())?;
            y += line(TITLE_PX);
        }
        let muted = style::text(Ink::Subtitle, HPos::Left, VPos::Top);
        for l in &self.subtitle {
            area.draw_text(l, muted, (MARGIN, y))
                .map_err(|e| e.to_string())?;
            y += line(SUBTITLE_PX);
        }
        Ok(())
    }

    /// Draws the source, notes and site name from `top` down, under a rule.
    pub fn draw_footer(&self, area: &Area, top: i32, width: u32) -> Drawn {
        area.draw(&PathElement::new(
            vec![(MARGIN, top + 2), (width as i32 - MARGIN, top + 2)],
            palette::GRID.stroke_width(1),
        ))
        .map_err(|e| e.to_string())?;
        let style = style::text(Ink::Small, HPos::Left, VPos::Top);
        let mut y = top + 10;
        for l in &self.footer {
            area.draw_text(l, style, (MARGIN, y))
                .map_err(|e| e.to_string())?;
            y += line(SMALL_PX);
        }
        Ok(())
    }
}

/// The height of a line of text at `px`.
fn line(px: f64) -> i32 {
    (px * 1.5).round() as i32
}
