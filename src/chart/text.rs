//! Text metrics of the shipped font, so exported charts place labels without overlap.

use std::sync::OnceLock;

/// DejaVu Sans, shipped in `assets/fonts` (used by the app and by exported charts).
pub static DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The font family name exported SVGs ask for.
pub const FONT_FAMILY: &str = "DejaVu Sans";

fn face() -> Option<&'static ttf_parser::Face<'static>> {
    static FACE: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    FACE.get_or_init(|| ttf_parser::Face::parse(DEJAVU_SANS, 0).ok())
        .as_ref()
}

/// Width of `text` set in the shipped font at `size_px`.
pub fn text_width(text: &str, size_px: f64) -> f64 {
    let Some(face) = face() else {
        return text.chars().count() as f64 * size_px * 0.6;
    };
    let units = f64::from(face.units_per_em());
    let advance: f64 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(units * 0.6, f64::from)
        })
        .sum();
    advance / units * size_px
}

/// Breaks `text` into lines no wider than `max_px` (a word longer than that gets its own line).
pub fn wrap(text: &str, size_px: f64, max_px: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(&candidate, size_px) > max_px {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Shortens `text` with "…" to fit `max_px`.
pub fn ellipsize(text: &str, size_px: f64, max_px: f64) -> String {
    if text_width(text, size_px) <= max_px {
        return text.to_string();
    }
    let mut out: String = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(&out, size_px) + text_width("…", size_px) > max_px {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        assert!(face().is_some(), "the shipped font parses");
        let w = text_width("Kazakhstan", 14.0);
        assert!(w > 50.0 && w < 100.0, "{w}");
        assert!(text_width("WWW", 14.0) > text_width("iii", 14.0));
        assert!((text_width("ab", 28.0) - 2.0 * text_width("ab", 14.0)).abs() < 1e-9);
    }

    #[test]
    fn wrapping_and_ellipsis_fit() {
        let lines = wrap("the peace plan of China and Brazil deserves support", 12.0, 120.0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 12.0) <= 120.0 || !l.contains(' ')));
        assert_eq!(lines.join(" "), "the peace plan of China and Brazil deserves support");
        let short = ellipsize("Kazakhstan → People's Republic of China", 12.0, 80.0);
        assert!(short.ends_with('…') && text_width(&short, 12.0) <= 80.0, "{short}");
        assert_eq!(ellipsize("UN", 12.0, 80.0), "UN");
    }
}
