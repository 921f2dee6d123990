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

/// The palette's colours as SVG writes them, `#RRGGBB`: one append instead of seven.
pub fn hex(rgb: (u8, u8, u8)) -> Option<&'static str> {
    const NAMED: [(RGBColor, &str); 11] = [
        (BLUE, "#0072B2"),
        (SKY, "#56B4E9"),
        (ORANGE, "#E69F00"),
        (VERMILLION, "#D55E00"),
        (PURPLE, "#CC79A7"),
        (GREY, "#8C8C8C"),
        (INK, "#1B1F24"),
        (GRID, "#D9DEE3"),
        (MUTED, "#4A5159"),
        (RGBColor(0xFF, 0xFF, 0xFF), "#FFFFFF"),
        (RGBColor(0, 0, 0), "#000000"),
    ];
    NAMED
        .iter()
        .find(|(c, _)| (c.0, c.1, c.2) == rgb)
        .map(|(_, hex)| *hex)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_named_colour_is_written_as_its_own_hex() {
        for c in [
            BLUE, SKY, ORANGE, VERMILLION, PURPLE, GREY, INK, GRID, MUTED,
        ] {
            let written = hex((c.0, c.1, c.2)).expect("named");
            assert_eq!(written, format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2));
        }
        assert_eq!(hex((1, 2, 3)), None);
    }
}
