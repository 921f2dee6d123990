//! The Okabe–Ito palette: distinguishable with every common colour-vision deficiency.

use plotters::style::RGBColor;

pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
pub const SKY: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
pub const PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
pub const GREY: RGBColor = RGBColor(0x8C, 0x8C, 0x8C);
pub const INK: RGBColor = RGBColor(0x1B, 0x1F, 0x24);
pub const GRID: RGBColor = RGBColor(0xD9, 0xDE, 0xE3);
/// Secondary text (subtitle, source): 7:1 against white.
pub const MUTED: RGBColor = RGBColor(0x4A, 0x51, 0x59);

/// Every colour a chart draws with, the drawing's white included.
pub const ALL: [RGBColor; 10] = [
    BLUE,
    SKY,
    ORANGE,
    VERMILLION,
    PURPLE,
    GREY,
    INK,
    GRID,
    MUTED,
    RGBColor(0xFF, 0xFF, 0xFF),
];
