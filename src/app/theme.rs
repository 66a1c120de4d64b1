//! Colours and sizes, in one place.

use egui::Color32;

/// A palette of distinguishable series colours (Okabe-Ito, colour-blind safe, plus extras).
const PALETTE: [Color32; 10] = [
    Color32::from_rgb(0, 114, 178),
    Color32::from_rgb(213, 94, 0),
    Color32::from_rgb(0, 158, 115),
    Color32::from_rgb(204, 121, 167),
    Color32::from_rgb(230, 159, 0),
    Color32::from_rgb(86, 180, 233),
    Color32::from_rgb(120, 94, 240),
    Color32::from_rgb(160, 110, 60),
    Color32::from_rgb(90, 90, 90),
    Color32::from_rgb(200, 60, 60),
];

/// A colour that stays the same for the same name across runs and corpora.
pub fn stable_color(name: &str) -> Color32 {
    // FNV-1a: stable across platforms and versions, unlike `DefaultHasher`.
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    PALETTE[(h as usize) % PALETTE.len()]
}

/// Colour of an entity: the most mentioned entities of a corpus (lowest ids) get
/// distinct palette colours; the rest a stable hash of the name.
pub fn entity_color(rank: usize, name: &str) -> Color32 {
    PALETTE.get(rank).copied().unwrap_or_else(|| stable_color(name))
}

/// Colour for a stance score: red (opposes) .. grey (neutral) .. green (supports).
pub fn score_color(score: f32) -> Color32 {
    let s = score.clamp(-1.0, 1.0);
    let grey = Color32::from_rgb(120, 120, 120);
    let target = if s >= 0.0 {
        Color32::from_rgb(0, 140, 80)
    } else {
        Color32::from_rgb(200, 40, 40)
    };
    lerp(grey, target, s.abs())
}

fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let f = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(f(a.r(), b.r()), f(a.g(), b.g()), f(a.b(), b.b()))
}

/// Background of the sentence the reader was opened at.
pub fn focus_background(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(70, 60, 20)
    } else {
        Color32::from_rgb(255, 243, 176)
    }
}

/// Background of a hovered entity's mentions.
pub fn hover_background(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(30, 70, 110)
    } else {
        Color32::from_rgb(190, 225, 255)
    }
}

/// Background of words that differ between two aligned passages.
pub fn diff_background(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(70, 50, 30)
    } else {
        Color32::from_rgb(255, 231, 204)
    }
}

/// Background of a passage with no counterpart.
pub fn gap_background(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(40)
    } else {
        Color32::from_gray(236)
    }
}

/// Adds DejaVu Sans (shipped in `assets/fonts`) as a fallback after egui's own font,
/// so arrows, bullets and any Cyrillic render the same on every machine.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu-sans".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSans.ttf"
        ))),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push("dejavu-sans".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// Radius of a plot marker for a stance event, in points.
pub const MARKER_RADIUS: f32 = 5.0;

/// Pixel distance within which a click or hover picks a plot marker.
pub const PICK_DISTANCE: f32 = 10.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colors_are_stable_and_scores_map_to_poles() {
        assert_eq!(stable_color("Kazakhstan"), stable_color("Kazakhstan"));
        assert_eq!(score_color(0.0), Color32::from_rgb(120, 120, 120));
        assert_eq!(score_color(1.0), Color32::from_rgb(0, 140, 80));
        assert_eq!(score_color(-1.0), Color32::from_rgb(200, 40, 40));
    }
}
