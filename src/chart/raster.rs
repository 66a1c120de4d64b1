//! Rasterises an exported chart's SVG to PNG with resvg, at 1x/2x/3x, using the
//! shipped font so the picture is the same on every machine.

use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// Why a chart could not be rasterised.
#[derive(Debug, thiserror::Error)]
pub enum RasterError {
    /// The SVG did not parse.
    #[error("the chart's SVG is invalid: {0}")]
    Svg(#[from] usvg::Error),
    /// The requested size is zero or too large.
    #[error("cannot make a {0}×{1} pixel image")]
    Size(u32, u32),
    /// PNG encoding failed.
    #[error("PNG encoding failed: {0}")]
    Png(String),
}

fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    Arc::clone(DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(super::text::DEJAVU_SANS.to_vec());
        db.set_sans_serif_family(super::text::FONT_FAMILY);
        Arc::new(db)
    }))
}

/// Largest side of an exported image, in pixels.
pub const MAX_SIDE_PX: u32 = 16_384;

/// Renders `svg` at `scale` × its own size; returns the PNG bytes and the pixel size.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<(Vec<u8>, u32, u32), RasterError> {
    let options = usvg::Options {
        fontdb: fonts(),
        font_family: super::text::FONT_FAMILY.into(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)?;
    let size = tree.size();
    let w = (size.width() * scale).round() as u32;
    let h = (size.height() * scale).round() as u32;
    if w == 0 || h == 0 || w > MAX_SIDE_PX || h > MAX_SIDE_PX {
        return Err(RasterError::Size(w, h));
    }
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or(RasterError::Size(w, h))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let png = pixmap.encode_png().map_err(|e| RasterError::Png(e.to_string()))?;
    Ok((png, w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_and_draws_text() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><text x="10" y="50" font-size="30" fill="#000">Астана</text></svg>"##;
        for scale in [1.0, 2.0, 3.0] {
            let (png, w, h) = svg_to_png(svg, scale).unwrap();
            assert_eq!((w, h), ((200.0 * scale) as u32, (100.0 * scale) as u32));
            let img = image::load_from_memory(&png).unwrap().to_rgb8();
            assert_eq!(img.dimensions(), (w, h));
            let dark = img.pixels().filter(|p| p.0[0] < 100).count();
            assert!(
                dark > 50 * (scale * scale) as usize,
                "the Cyrillic text was drawn ({dark} dark pixels)"
            );
        }
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(matches!(svg_to_png("not svg", 1.0), Err(RasterError::Svg(_))));
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="10"></svg>"#;
        assert!(matches!(svg_to_png(svg, 1.0), Err(RasterError::Size(..))));
    }
}
