//! Colours and sizes, in one place.

use egui::Color32;

fn color(c: crate::chart::palette::Rgb) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// A colour that stays the same for the same name across runs and corpora.
pub fn stable_color(name: &str) -> Color32 {
    color(crate::chart::palette::stable_color(name))
}

/// Colour of an entity (the same in the app and in exported charts).
pub fn entity_color(rank: usize, name: &str) -> Color32 {
    color(crate::chart::palette::entity_color(rank, name))
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

/// Background of a framing mark (labels, official terms, hedges); quotations are italic.
pub fn framing_background(kind: crate::model::FramingKind, dark: bool) -> Color32 {
    use crate::model::FramingKind;
    match (kind, dark) {
        (FramingKind::Label, false) => Color32::from_rgb(240, 205, 240),
        (FramingKind::Label, true) => Color32::from_rgb(90, 40, 90),
        (FramingKind::OfficialTerm, false) => Color32::from_rgb(255, 205, 205),
        (FramingKind::OfficialTerm, true) => Color32::from_rgb(100, 35, 35),
        (FramingKind::Hedge, false) => Color32::from_rgb(215, 228, 240),
        (FramingKind::Hedge, true) => Color32::from_rgb(35, 55, 80),
        (FramingKind::Quote, _) => Color32::TRANSPARENT,
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
        std::sync::Arc::new(egui::FontData::from_static(crate::chart::text::DEJAVU_SANS)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push("dejavu-sans".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// A light theme for projectors: white background, black text, strong lines.
pub fn high_contrast_light() -> egui::Visuals {
    let mut v = egui::Visuals::light();
    v.override_text_color = Some(Color32::BLACK);
    v.panel_fill = Color32::WHITE;
    v.window_fill = Color32::WHITE;
    v.extreme_bg_color = Color32::WHITE;
    v.faint_bg_color = Color32::from_gray(238);
    v.widgets.noninteractive.bg_stroke = egui::Stroke::new(1.5, Color32::from_gray(90));
    v.widgets.noninteractive.fg_stroke = egui::Stroke::new(1.5, Color32::BLACK);
    v.widgets.inactive.fg_stroke = egui::Stroke::new(1.5, Color32::BLACK);
    v.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, Color32::from_gray(60));
    v.selection.bg_fill = Color32::from_rgb(255, 214, 102);
    v.selection.stroke = egui::Stroke::new(1.5, Color32::BLACK);
    v.hyperlink_color = Color32::from_rgb(0, 70, 160);
    v
}

/// Zoom of presentation mode (everything, text included, is this much larger).
pub const PRESENTATION_ZOOM: f32 = 1.5;

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
