//! The text styles every chart draws with, made once for the whole process.
//!
//! Why not build a style where it is used: plotters' text style owns its font family
//! and weight as two `String`s, and giving it an anchor clones it. Built per label,
//! styles were a tenth of a chart's drawing time (measured with `cargo bench --bench
//! charts` under perf), all of it allocating and freeing the same few words. A chart
//! uses five kinds of text at nine anchors; all 45 are made on first use and borrowed.

use std::sync::LazyLock;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette;

/// The family labels are drawn in: the generic one, which the backend leaves to the
/// root's font stack.
pub const FONT: &str = "sans-serif";
/// plotters' text sizes are 1.24 times the pixel size (its backends divide by it).
pub const FONT_SCALE: f64 = 1.24;
/// Labels' size in pixels.
pub const LABEL_PX: f64 = 14.0;

/// Most text of a chart is a label: its size and colour are each drawing's default.
pub const TEXT_DEFAULTS: super::svg::TextDefaults = super::svg::TextDefaults {
    px: LABEL_PX,
    fill: palette::INK,
};

/// The title's size in pixels.
pub const TITLE_PX: f64 = 17.0;
/// The subtitle's size in pixels.
pub const SUBTITLE_PX: f64 = 14.0;
/// The smallest text of any chart: at a 390 px phone's width the narrow variant is
/// drawn at about its own size, so this is what a reader sees.
pub const SMALL_PX: f64 = 13.0;

/// What a piece of text in a chart is, which fixes its size, weight and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// Axis ticks, values and names, in ink.
    Label,
    /// A label inside a filled column, in white.
    OnFill,
    /// A panel's heading: label size, bold.
    Heading,
    /// The chart's title: large and bold.
    Title,
    /// What is drawn and in what unit: muted.
    Subtitle,
    /// Source, notes and the site's name: the smallest, muted.
    Small,
}

impl Ink {
    const ALL: [Ink; 6] = [
        Ink::Label,
        Ink::OnFill,
        Ink::Heading,
        Ink::Title,
        Ink::Subtitle,
        Ink::Small,
    ];

    fn make(self) -> TextStyle<'static> {
        let (px, color, weight) = match self {
            Ink::Label => (LABEL_PX, palette::INK, FontStyle::Normal),
            Ink::OnFill => (LABEL_PX, WHITE, FontStyle::Normal),
            Ink::Heading => (LABEL_PX, palette::INK, FontStyle::Bold),
            Ink::Title => (TITLE_PX, palette::INK, FontStyle::Bold),
            Ink::Subtitle => (SUBTITLE_PX, palette::MUTED, FontStyle::Normal),
            Ink::Small => (SMALL_PX, palette::MUTED, FontStyle::Normal),
        };
        (FONT, px * FONT_SCALE, weight).into_font().color(&color)
    }
}

const H: [HPos; 3] = [HPos::Left, HPos::Center, HPos::Right];
const V: [VPos; 3] = [VPos::Top, VPos::Center, VPos::Bottom];

static STYLES: LazyLock<Vec<TextStyle<'static>>> = LazyLock::new(|| {
    Ink::ALL
        .iter()
        .flat_map(|ink| {
            let base = ink.make();
            H.iter()
                .flat_map(move |&h| V.iter().map(move |&v| (h, v)))
                .map(move |(h, v)| base.pos(Pos::new(h, v)))
        })
        .collect()
});

/// The style of `ink` text anchored at its `h` side and `v` edge.
pub fn text(ink: Ink, h: HPos, v: VPos) -> &'static TextStyle<'static> {
    let ink_at = Ink::ALL.iter().position(|i| *i == ink).unwrap_or(0);
    let h_at = match h {
        HPos::Left => 0,
        HPos::Center => 1,
        HPos::Right => 2,
    };
    let v_at = match v {
        VPos::Top => 0,
        VPos::Center => 1,
        VPos::Bottom => 2,
    };
    &STYLES[ink_at * 9 + h_at * 3 + v_at]
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters_backend::BackendTextStyle;

    #[test]
    fn every_kind_and_anchor_gets_its_own_style() {
        for ink in Ink::ALL {
            for h in H {
                for v in V {
                    let style = text(ink, h, v);
                    assert_eq!(style.size(), ink.make().size());
                    let anchor = style.anchor();
                    assert!(matches!(
                        (anchor.h_pos, h),
                        (HPos::Left, HPos::Left)
                            | (HPos::Center, HPos::Center)
                            | (HPos::Right, HPos::Right)
                    ));
                    assert!(matches!(
                        (anchor.v_pos, v),
                        (VPos::Top, VPos::Top)
                            | (VPos::Center, VPos::Center)
                            | (VPos::Bottom, VPos::Bottom)
                    ));
                }
            }
        }
        assert_eq!(
            text(Ink::OnFill, HPos::Center, VPos::Top).color.rgb,
            (255, 255, 255)
        );
    }
}
