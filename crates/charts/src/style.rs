//! The one look shared by all charts: canvas size, font and font sizes, Okabe–Ito colours,
//! number formatting and the source line.
//!
//! Change the look here, not in the chart files.

use std::sync::OnceLock;

use plotters::style::{FontStyle, RGBColor};

use crate::data::Manifest;
use crate::error::ChartError;
use crate::lang::{msg, tr, trf};

/// Canvas size in pixels: 16:10, print resolution for half an A4 page (about 270 dpi at 15 cm).
pub(crate) const CANVAS: (u32, u32) = (1600, 1000);

/// Font family name under which the bundled DejaVu Sans is registered.
pub(crate) const FONT: &str = "sans-serif";

/// Font sizes in plotters units (the ab_glyph pixel scale; the em is about 0.86 of it).
pub(crate) mod size {
    /// Chart title.
    pub(crate) const TITLE: f64 = 46.0;
    /// Subtitle (method note under the title).
    pub(crate) const SUBTITLE: f64 = 29.0;
    /// Legend entries.
    pub(crate) const LEGEND: f64 = 29.0;
    /// Tick labels of a single-panel chart.
    pub(crate) const TICK: f64 = 29.0;
    /// Tick labels of small multiples.
    pub(crate) const PANEL_TICK: f64 = 25.0;
    /// Panel titles of small multiples.
    pub(crate) const PANEL_TITLE: f64 = 30.0;
    /// Axis description (e.g. "Months since displacement").
    pub(crate) const AXIS: f64 = 29.0;
    /// Labels of event markers and reference lines.
    pub(crate) const ANNOTATION: f64 = 25.0;
    /// Source line at the bottom.
    pub(crate) const SOURCE: f64 = 23.0;
}

/// The Okabe–Ito palette (Okabe & Ito 2008), safe for colour-blind readers.
pub(crate) const OKABE_ITO: [RGBColor; 8] = [
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xF0, 0xE4, 0x42), // yellow
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0x00, 0x00, 0x00), // black
];

/// Black, reserved for totals ("all ages", "all re-employed").
pub(crate) const TOTAL: RGBColor = OKABE_ITO[7];

/// Colour of the `i`-th series. The order puts the colours with most contrast on white first
/// (yellow last); black is left out, it is for totals.
pub(crate) fn series_colour(i: usize) -> RGBColor {
    const ORDER: [usize; SERIES_COLOURS] = [4, 0, 2, 5, 6, 1, 3];
    OKABE_ITO[ORDER[i % ORDER.len()]]
}

/// Number of distinct series colours; later series repeat them dashed.
pub(crate) const SERIES_COLOURS: usize = 7;

/// Bars of totals (grey, so that a black interval whisker shows on them).
pub(crate) const TOTAL_BAR: RGBColor = RGBColor(0x99, 0x99, 0x99);
/// Text colour for titles, tick labels and legends.
pub(crate) const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// Text colour for subtitles, annotations and the source line.
pub(crate) const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
/// Horizontal grid lines.
pub(crate) const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
/// The zero line and tick marks.
pub(crate) const AXIS_LINE: RGBColor = RGBColor(0x44, 0x44, 0x44);
/// Event markers and reference lines.
pub(crate) const MARKER: RGBColor = RGBColor(0x55, 0x55, 0x55);
/// Event markers in small multiples (lighter: they repeat in every panel).
pub(crate) const MARKER_LIGHT: RGBColor = RGBColor(0x99, 0x99, 0x99);
/// Opacity of 5–95 % bands.
pub(crate) const BAND_OPACITY: f64 = 0.22;
/// Width of data lines in pixels.
pub(crate) const LINE_WIDTH: u32 = 4;
/// Width of total lines in pixels.
pub(crate) const TOTAL_WIDTH: u32 = 5;

/// Registers the bundled DejaVu Sans as `sans-serif` (once per process).
///
/// Only the Normal style is registered; plotters falls back to it for other styles.
pub(crate) fn register_font() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        plotters::style::register_font(FONT, FontStyle::Normal, crate::text::FONT_BYTES).is_ok()
    });
    if ok && crate::text::available() {
        Ok(())
    } else {
        Err(ChartError::Draw {
            chart: "(all)".to_string(),
            message: "the bundled font DejaVuSans.ttf could not be loaded".to_string(),
        })
    }
}

/// The line at the bottom of every chart.
pub(crate) fn source_line(manifest: &Manifest) -> String {
    let n = manifest.replications;
    let text = if n == 1 {
        msg("Source: Wandel {version}, scenario {scenario}, one replication")
    } else {
        msg("Source: Wandel {version}, scenario {scenario}, {n} replications")
    };
    trf(
        text,
        &[
            ("version", &manifest.wandel_version),
            ("scenario", &manifest.scenario_name),
            ("n", &n),
        ],
    )
}

/// "N replications" ("1 replication"), in the current language.
pub(crate) fn replications(n: impl Into<u64>) -> String {
    crate::lang::count(n, msg("{n} replication"), msg("{n} replications"))
}

/// "mean of N replications" for subtitles.
pub(crate) fn mean_of(replications: u64) -> String {
    if replications == 1 {
        tr("one replication").to_string()
    } else {
        trf("mean of {n} replications", &[("n", &replications)])
    }
}

/// Formats `value` with `decimals` decimals and thousands separators (`12,500`; `12.500` in
/// German), in the current language ([`crate::lang`]).
pub fn format_number(value: f64, decimals: usize) -> String {
    crate::lang::format_number(value, decimals)
}

/// Decimals needed to print multiples of `step` exactly (0 for 1, 5, 100; 1 for 0.5; 2 for 0.25).
pub(crate) fn decimals_for(step: f64) -> usize {
    (0..6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(format_number(0.0, 0), "0");
        assert_eq!(format_number(12500.0, 0), "12,500");
        assert_eq!(format_number(1234567.0, 0), "1,234,567");
        assert_eq!(format_number(0.25, 2), "0.25");
        assert_eq!(format_number(-1500.5, 1), "\u{2212}1,500.5");
        assert_eq!(format_number(-0.0001, 1), "0.0");
    }

    #[test]
    fn decimals_follow_step() {
        assert_eq!(decimals_for(1.0), 0);
        assert_eq!(decimals_for(2000.0), 0);
        assert_eq!(decimals_for(0.5), 1);
        assert_eq!(decimals_for(0.25), 2);
        assert_eq!(decimals_for(2.5), 1);
    }
}
