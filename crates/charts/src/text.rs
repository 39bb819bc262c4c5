//! Text measurement and PNG text rasterisation with the bundled DejaVu Sans (ab_glyph).
//!
//! plotters 0.3.7 draws ab_glyph text without each glyph's left side bearing and with the
//! caret truncated to whole pixels, which spaces letters unevenly. PNG text is therefore
//! rasterised here (sub-pixel glyph positions, kerning, anti-aliased coverage); SVG text is
//! still written by plotters as `<text>` elements. Widths for layout come from here for both.

use std::sync::OnceLock;

/// The bundled font file.
pub(crate) static FONT_BYTES: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");
use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};

fn font() -> Option<&'static FontRef<'static>> {
    static FONT: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| FontRef::try_from_slice(FONT_BYTES).ok())
        .as_ref()
}

/// True when the bundled font can be parsed.
pub(crate) fn available() -> bool {
    font().is_some()
}

/// Caret positions of each character of `text` at `size` and the total advance width.
fn layout(text: &str, size: f64) -> (Vec<(ab_glyph::GlyphId, f32)>, f32) {
    let Some(font) = font() else {
        return (Vec::new(), 0.0);
    };
    let scaled = font.as_scaled(PxScale::from(size as f32));
    let mut caret = 0.0f32;
    let mut previous = None;
    let mut glyphs = Vec::with_capacity(text.len());
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            caret += scaled.kern(p, id);
        }
        glyphs.push((id, caret));
        caret += scaled.h_advance(id);
        previous = Some(id);
    }
    (glyphs, caret)
}

/// The em size in pixels of the font at plotters/ab_glyph size `size` (ab_glyph scales the
/// font so that ascent − descent equals `size`).
pub(crate) fn em(size: f64) -> f64 {
    match font() {
        Some(f) => match (f.units_per_em(), f.height_unscaled()) {
            (Some(upem), h) if h > 0.0 => size * f64::from(upem) / f64::from(h),
            _ => size / 1.164,
        },
        None => size / 1.164,
    }
}

/// Advance width of `text` in pixels at font size `size`.
pub(crate) fn width(text: &str, size: f64) -> f64 {
    f64::from(layout(text, size).1)
}

/// Rasterises `text` with its left end at `left` and its baseline at `baseline`, calling
/// `plot(x, y, coverage)` for each covered pixel (coverage in 0..=1).
pub(crate) fn rasterise(
    text: &str,
    left: f64,
    baseline: f64,
    size: f64,
    mut plot: impl FnMut(i32, i32, f32),
) {
    let Some(font) = font() else {
        return;
    };
    let scale = PxScale::from(size as f32);
    let (glyphs, _) = layout(text, size);
    for (id, caret) in glyphs {
        let glyph = id.with_scale_and_position(scale, point(left as f32 + caret, baseline as f32));
        if let Some(outlined) = font.outline_glyph(glyph) {
            let bounds = outlined.px_bounds();
            let (x0, y0) = (bounds.min.x as i32, bounds.min.y as i32);
            outlined.draw(|x, y, coverage| {
                if coverage > 0.0 {
                    plot(x0 + x as i32, y0 + y as i32, coverage.min(1.0));
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_additive_and_positive() {
        assert!(available());
        let a = width("Employment", 29.0);
        let b = width("Employment by sector", 29.0);
        assert!(a > 100.0 && b > a);
        assert_eq!(width("", 29.0), 0.0);
    }

    #[test]
    fn rasterises_inside_the_line_box() {
        let (mut min_y, mut max_y, mut count) = (i32::MAX, i32::MIN, 0);
        rasterise("Hx", 10.0, 100.0, 40.0, |_, y, _| {
            min_y = min_y.min(y);
            max_y = max_y.max(y);
            count += 1;
        });
        assert!(count > 100);
        // Capitals sit on the baseline and are about 0.63 of the size tall.
        assert!((98..=100).contains(&max_y), "{max_y}");
        assert!((100 - min_y - 25).abs() <= 2, "{min_y}");
    }
}
