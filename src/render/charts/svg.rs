//! A lean SVG backend for plotters.
//!
//! plotters draws every chart: its layout, coordinates, bars, axes and where each
//! label goes. This backend only writes what plotters draws as SVG elements. It
//! stands in for plotters' bundled SVG backend for two reasons:
//!
//! - **Speed.** The bundled backend formats every attribute of every element into a
//!   string of its own. Charts are a quarter of a build's time, half of it spent
//!   there; this backend writes straight into the chart's buffer.
//! - **Text width.** The bundled backend measures text by its UTF-8 bytes, so Chinese
//!   labels count about twice too wide; here text is measured by display width.
//!
//! It also writes nothing a chart does not need: no opacity when a colour is opaque,
//! no font family on each label (the chart's root carries the font stack, with its
//! Chinese fonts). Two colours, [`DASHED`] and [`DOTTED`], are drawn as dashed and
//! dotted lines: plotters' styles have no dashes.

use std::fmt;

use plotters::style::RGBColor;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle, FontTransform,
};

use super::palette;
use crate::render::encode::{escape_into, text_width};

/// The colour that asks for a dashed line (the path a target needs from its baseline).
pub const DASHED: RGBColor = RGBColor(0xD5, 0x5E, 0x01);
/// How a [`DASHED`] line is drawn: vermilion, dashed.
const DASHED_AS: &str = "#D55E00\" stroke-dasharray=\"6 4";
/// The colour that asks for a dotted line (the path an average growth rate implies).
pub const DOTTED: RGBColor = RGBColor(0x00, 0x72, 0xB3);
/// How a [`DOTTED`] line is drawn: blue, dotted with round dots.
const DOTTED_AS: &str = "#0072B2\" stroke-dasharray=\"1 5\" stroke-linecap=\"round";

/// The size plotters gives text is 1.24 times its pixel size (a font-metric
/// convention of its bundled backends); SVG wants the pixel size.
const FONT_SCALE: f64 = 1.24;

/// Writes a chart into a string as SVG: an `<svg viewBox>` line, one element per
/// line, and the closing tag when plotters presents the drawing (or the backend is
/// dropped).
pub struct SvgBackend<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
    text: TextDefaults,
}

/// The size and colour most text of a drawing has: written once on the `<svg>`
/// element, which the text inherits, and left off each label that has them (a fifth
/// of a chart's bytes, once).
#[derive(Debug, Clone, Copy)]
pub struct TextDefaults {
    pub px: f64,
    pub fill: RGBColor,
}

/// Writing into a string cannot fail.
#[derive(Debug)]
pub enum Never {}

impl fmt::Display for Never {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}

impl std::error::Error for Never {}

type Drawn = Result<(), DrawingErrorKind<Never>>;

// The attribute writers are inlined where they are called, so that the attribute's
// name and the quotes around its value, known there, are stored directly: as calls,
// each name was a `memcpy` of a few bytes, a twelfth of a chart's time (perf).
impl<'a> SvgBackend<'a> {
    /// Starts a drawing of `size` pixels at the end of `out`, whose text is mostly of
    /// the size and colour `text`.
    pub fn new(out: &'a mut String, size: (u32, u32), text: TextDefaults) -> SvgBackend<'a> {
        out.push_str("<svg viewBox=\"0 0 ");
        push_int(out, i64::from(size.0));
        out.push(' ');
        push_int(out, i64::from(size.1));
        out.push_str("\" font-size=\"");
        push_float(out, text.px);
        out.push_str("\" fill=\"");
        push_hex_color(out, (text.fill.0, text.fill.1, text.fill.2));
        out.push_str("\">\n");
        SvgBackend {
            out,
            size,
            closed: false,
            text,
        }
    }

    #[inline(always)]
    fn attr_int(&mut self, name: &str, value: i64) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_int(self.out, value);
        self.out.push('"');
    }

    #[inline(always)]
    fn attr(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(value);
        self.out.push('"');
    }

    /// Paints a shape's inside, or only its outline.
    fn fill_or_stroke(&mut self, fill: bool, color: BackendColor) {
        if fill {
            // Nothing strokes by default: the outline needs no "none".
            self.paint("fill", color);
        } else {
            self.attr("fill", "none");
            self.paint("stroke", color);
        }
    }

    /// `name="#RRGGBB"` (dashed for [`DASHED`]), and the opacity if it is not full.
    #[inline(always)]
    fn paint(&mut self, name: &str, color: BackendColor) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        if color.rgb == (DASHED.0, DASHED.1, DASHED.2) {
            self.out.push_str(DASHED_AS);
        } else if color.rgb == (DOTTED.0, DOTTED.1, DOTTED.2) {
            self.out.push_str(DOTTED_AS);
        } else {
            push_hex_color(self.out, color.rgb);
        }
        self.out.push('"');
        if color.alpha < 1.0 {
            self.out.push_str(" opacity=\"");
            push_float(self.out, color.alpha);
            self.out.push('"');
        }
    }

    fn points(&mut self, path: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(" points=\"");
        for (x, y) in path {
            push_int(self.out, i64::from(x));
            self.out.push(',');
            push_int(self.out, i64::from(y));
            self.out.push(' ');
        }
        self.out.push('"');
    }
}

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        if !self.closed {
            self.out.push_str("</svg>\n");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<rect");
        self.attr_int("x", i64::from(point.0));
        self.attr_int("y", i64::from(point.1));
        self.attr("width", "1");
        self.attr("height", "1");
        self.paint("fill", color);
        self.out.push_str(" stroke=\"none\"/>\n");
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<rect");
        self.attr_int("x", i64::from(upper_left.0));
        self.attr_int("y", i64::from(upper_left.1));
        self.attr_int("width", i64::from(bottom_right.0 - upper_left.0));
        self.attr_int("height", i64::from(bottom_right.1 - upper_left.1));
        self.fill_or_stroke(fill, style.color());
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<polyline fill=\"none\"");
        self.paint("stroke", style.color());
        self.attr_int("stroke-width", i64::from(style.stroke_width()));
        self.points(path);
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<circle");
        self.attr_int("cx", i64::from(center.0));
        self.attr_int("cy", i64::from(center.1));
        self.attr_int("r", i64::from(radius));
        self.fill_or_stroke(fill, style.color());
        self.attr_int("stroke-width", i64::from(style.stroke_width()));
        self.out.push_str("/>\n");
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<polygon");
        self.paint("fill", style.color());
        self.points(path);
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        self.out.push_str("<text");
        self.attr_int("x", i64::from(pos.0));
        self.attr_int("y", i64::from(pos.1));
        self.attr(
            "dy",
            match anchor.v_pos {
                VPos::Top => "0.76em",
                VPos::Center => "0.5ex",
                VPos::Bottom => "-0.5ex",
            },
        );
        match anchor.h_pos {
            HPos::Left => {} // SVG's own default
            HPos::Right => self.attr("text-anchor", "end"),
            HPos::Center => self.attr("text-anchor", "middle"),
        }
        let family = style.family();
        if !matches!(family, FontFamily::SansSerif) {
            self.out.push_str(" font-family=\"");
            escape_into(self.out, family.as_str());
            self.out.push('"');
        }
        let px = style.size() / FONT_SCALE;
        if (px - self.text.px).abs() > 1e-9 {
            self.out.push_str(" font-size=\"");
            push_float(self.out, px);
            self.out.push('"');
        }
        let fill = self.text.fill;
        if color.rgb != (fill.0, fill.1, fill.2) || color.alpha < 1.0 {
            self.paint("fill", color);
        }
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.attr("font-weight", "bold"),
            other => self.attr("font-style", other.as_str()),
        }
        let degrees = match style.transform() {
            FontTransform::Rotate90 => Some(90),
            FontTransform::Rotate180 => Some(180),
            FontTransform::Rotate270 => Some(270),
            _ => None,
        };
        if let Some(degrees) = degrees {
            self.out.push_str(" transform=\"rotate(");
            push_int(self.out, degrees);
            self.out.push_str(", ");
            push_int(self.out, i64::from(pos.0));
            self.out.push_str(", ");
            push_int(self.out, i64::from(pos.1));
            self.out.push_str(")\"");
        }
        self.out.push('>');
        escape_into(self.out, text);
        self.out.push_str("</text>\n");
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Never>> {
        let px = style.size() / FONT_SCALE;
        Ok((text_width(text, px).ceil() as u32, px.ceil() as u32))
    }
}

impl Drop for SvgBackend<'_> {
    fn drop(&mut self) {
        let _ = self.present();
    }
}

/// Appends a whole number without going through `fmt` (`itoa` writes the digits
/// into a stack buffer).
fn push_int(out: &mut String, n: i64) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// Appends a size or an opacity: whole numbers as such, others to two decimals.
fn push_float(out: &mut String, v: f64) {
    let hundredths = (v * 100.0).round() as i64;
    push_int(out, hundredths / 100);
    let frac = (hundredths % 100).abs();
    if frac != 0 {
        out.push('.');
        out.push(char::from(b'0' + (frac / 10) as u8));
        if frac % 10 != 0 {
            out.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
}

fn push_hex_color(out: &mut String, rgb: (u8, u8, u8)) {
    // The palette's colours are most of a chart's: each is written whole from a
    // table made at compile time, not digit by digit (seven appends each).
    match PALETTE_HEX.iter().find(|(c, _)| *c == rgb) {
        Some((_, hex)) => out.push_str(hex),
        None => push_hex_digits(out, rgb),
    }
}

const HEX_DIGITS: &[u8; 16] = b"0123456789ABCDEF";

const fn digit(v: u8) -> u8 {
    HEX_DIGITS[v as usize]
}

/// The `#RRGGBB` bytes of each colour of [`palette::ALL`].
const PALETTE_HEX_BYTES: [[u8; 7]; palette::ALL.len()] = {
    let mut table = [[0; 7]; palette::ALL.len()];
    let mut i = 0;
    while i < table.len() {
        let RGBColor(r, g, b) = palette::ALL[i];
        table[i] = [
            b'#',
            digit(r >> 4),
            digit(r & 15),
            digit(g >> 4),
            digit(g & 15),
            digit(b >> 4),
            digit(b & 15),
        ];
        i += 1;
    }
    table
};

/// Each colour of [`palette::ALL`] with its `#RRGGBB`.
const PALETTE_HEX: [((u8, u8, u8), &str); palette::ALL.len()] = {
    let mut table = [((0, 0, 0), ""); palette::ALL.len()];
    let mut i = 0;
    while i < table.len() {
        let RGBColor(r, g, b) = palette::ALL[i];
        table[i] = (
            (r, g, b),
            match std::str::from_utf8(&PALETTE_HEX_BYTES[i]) {
                Ok(hex) => hex,
                Err(_) => panic!("hex digits are ASCII"),
            },
        );
        i += 1;
    }
    table
};

fn push_hex_digits(out: &mut String, (r, g, b): (u8, u8, u8)) {
    out.push('#');
    for byte in [r, g, b] {
        out.push(char::from(HEX_DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(HEX_DIGITS[usize::from(byte & 15)]));
    }
}

#[cfg(test)]
mod tests {
    use super::{
        DASHED, FONT_SCALE, SvgBackend, TextDefaults, palette, push_float, push_hex_color, push_int,
    };

    const TEXT: TextDefaults = TextDefaults {
        px: 12.0,
        fill: RGBColor(0x1B, 0x1F, 0x24),
    };
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};

    fn draw(f: impl FnOnce(&DrawingArea<SvgBackend, plotters::coord::Shift>)) -> String {
        let mut svg = String::new();
        {
            let root = SvgBackend::new(&mut svg, (100, 50), TEXT).into_drawing_area();
            f(&root);
        }
        svg
    }

    #[test]
    fn elements_are_written_compactly_and_closed() {
        let svg = draw(|root| {
            root.fill(&WHITE).unwrap();
            root.draw(&Rectangle::new(
                [(1, 2), (11, 22)],
                RGBColor(0, 0x72, 0xB2).filled(),
            ))
            .unwrap();
            root.draw(&PathElement::new(
                vec![(0, 0), (5, 7)],
                BLACK.stroke_width(2),
            ))
            .unwrap();
        });
        assert!(
            svg.starts_with("<svg viewBox=\"0 0 100 50\" font-size=\"12\" fill=\"#1B1F24\">\n"),
            "{svg}"
        );
        assert!(
            svg.contains("<rect x=\"1\" y=\"2\" width=\"10\" height=\"20\" fill=\"#0072B2\"/>"),
            "{svg}"
        );
        assert!(svg.contains("<polyline fill=\"none\" stroke=\"#000000\" stroke-width=\"2\" points=\"0,0 5,7 \"/>"), "{svg}");
        assert!(svg.ends_with("</svg>\n"), "{svg}");
        assert_eq!(svg.matches("</svg>").count(), 1);
    }

    #[test]
    fn text_is_escaped_sized_in_pixels_and_measured_by_display_width() {
        let svg = draw(|root| {
            let style = ("sans-serif", 14.0 * FONT_SCALE)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Center, VPos::Top));
            root.draw_text("a<b & \"c\"", &style, (10, 20)).unwrap();
        });
        assert!(
            svg.contains("<text x=\"10\" y=\"20\" dy=\"0.76em\" text-anchor=\"middle\" font-size=\"14\" fill=\"#000000\">a&lt;b &amp; &quot;c&quot;</text>"),
            "{svg}"
        );
        // Text of the drawing's own size and colour, anchored at its start, says none
        // of them: it inherits them from the <svg> element.
        let plain = draw(|root| {
            let style = ("sans-serif", 12.0 * FONT_SCALE)
                .into_font()
                .color(&RGBColor(0x1B, 0x1F, 0x24))
                .pos(Pos::new(HPos::Left, VPos::Top));
            root.draw_text("x", &style, (1, 2)).unwrap();
        });
        assert!(
            plain.contains("<text x=\"1\" y=\"2\" dy=\"0.76em\">x</text>"),
            "{plain}"
        );
        let mut out = String::new();
        let backend = SvgBackend::new(&mut out, (10, 10), TEXT);
        let style = ("sans-serif", 10.0 * FONT_SCALE).into_font().color(&BLACK);
        let (chinese, _) = backend.estimate_text_size("电子信息", &style).unwrap();
        let (latin, _) = backend.estimate_text_size("abcdefgh", &style).unwrap();
        assert_eq!(
            chinese, latin,
            "four wide characters are as wide as eight narrow ones"
        );
    }

    #[test]
    fn the_dash_colour_draws_a_dashed_line_and_opacity_shows_only_when_partial() {
        let svg = draw(|root| {
            root.draw(&PathElement::new(
                vec![(0, 0), (9, 9)],
                DASHED.stroke_width(2),
            ))
            .unwrap();
            root.draw(&Circle::new((5, 5), 2, BLACK.mix(0.5).filled()))
                .unwrap();
        });
        assert!(
            svg.contains("stroke=\"#D55E00\" stroke-dasharray=\"6 4\""),
            "{svg}"
        );
        assert!(svg.contains("fill=\"#000000\" opacity=\"0.5\""), "{svg}");
        assert!(!svg.contains("opacity=\"1\""), "{svg}");
    }

    #[test]
    fn colours_of_the_palette_and_others_are_written_as_hex() {
        let others = [RGBColor(1, 2, 0xAB), RGBColor(0, 0, 0)];
        for c in palette::ALL.iter().chain(&others) {
            let mut s = String::new();
            push_hex_color(&mut s, (c.0, c.1, c.2));
            assert_eq!(s, format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2));
        }
    }

    #[test]
    fn numbers_are_written_as_fmt_would() {
        for n in [0, 7, -7, 10, 1234, -98765, i64::from(i32::MAX)] {
            let mut s = String::new();
            push_int(&mut s, n);
            assert_eq!(s, n.to_string());
        }
        for (v, text) in [(14.0, "14"), (0.5, "0.5"), (12.25, "12.25"), (0.05, "0.05")] {
            let mut s = String::new();
            push_float(&mut s, v);
            assert_eq!(s, text);
        }
    }
}
