//! Charts and the briefing report of a Wandel run, drawn only from the run's output files.
//!
//! The input is the output directory of `wandel run` (files specified in `docs/outputs.md`):
//! `economy.csv`, `markets.csv`, `cohorts.csv`, `events.csv`, `manifest.json` and
//! `summary.json`. Nothing here depends on engine types, so `wandel plot DIR` can redraw the
//! charts without re-running the simulation.
//!
//! - [`draw_all`] writes `DIR/charts/<name>.png` and `DIR/charts/<name>.svg`.
//! - [`write_report`] writes `DIR/report.html`, one self-contained file with the charts inline.
//!
//! Text is set in the bundled DejaVu Sans (`assets/DejaVuSans.ttf`, licence in
//! `assets/DejaVu-LICENSE`), so output does not depend on fonts installed on the machine.
//! See `docs/charts.md` for the chart set and how each chart is computed.
//!
//! Module map: `data` reads the files, `style` holds the shared look, `figure` lays out and
//! renders a chart description, `text` measures and rasterises text with the bundled font,
//! `charts/*` has one file per chart, `output` writes PNG/SVG atomically, `report` writes the
//! HTML report.

#![deny(missing_docs)]

mod calibration;
mod charts;
pub mod console;
mod data;
mod de;
mod error;
mod figure;
pub mod lang;
mod output;
mod report;
mod rows;
mod style;
mod sweep;
#[cfg(test)]
mod tests;
mod text;

use std::path::{Path, PathBuf};

pub use error::ChartError;
/// Numbers as the charts and the report write them (thousands separators, a true minus).
pub use style::format_number;

use charts::Built;
use data::RunData;

/// Which formats [`draw_all`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartOptions {
    /// Write `<name>.png` (1600 × 1000 pixels; the reference rendering).
    pub png: bool,
    /// Write `<name>.svg` (text is rendered by the viewer's own sans-serif font).
    pub svg: bool,
}

impl ChartOptions {
    /// Both PNG and SVG.
    pub fn new() -> ChartOptions {
        ChartOptions {
            png: true,
            svg: true,
        }
    }
}

impl Default for ChartOptions {
    /// Same as [`ChartOptions::new`]: both PNG and SVG.
    fn default() -> ChartOptions {
        ChartOptions::new()
    }
}

/// What [`draw_all`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChartReport {
    /// Files written, in chart order (PNG before SVG).
    pub files: Vec<PathBuf>,
    /// Charts not drawn, each as `"<name>: <reason>"` (e.g. a single region, nobody displaced).
    pub skipped: Vec<String>,
}

/// Builds every chart of the standard set from the run's data (no drawing yet), so a data error
/// is reported before any file is written.
fn build_all(data: &RunData) -> Result<Vec<(&'static str, Built)>, ChartError> {
    charts::ALL
        .iter()
        .map(|chart| Ok((chart.name, (chart.build)(data)?)))
        .collect()
}

/// Draws all charts of the run in `run_dir` into `run_dir/charts/`.
///
/// Every file is written to a temporary name in the same directory and renamed into place.
/// A chart that does not apply to the run (one region only, nobody displaced) is not drawn,
/// its old files from an earlier drawing are removed, and it is listed in
/// [`ChartReport::skipped`].
///
/// # Errors
/// A [`ChartError`] naming the file when an input file is missing or malformed, or when a
/// chart cannot be written.
pub fn draw_all(run_dir: &Path, opts: &ChartOptions) -> Result<ChartReport, ChartError> {
    let data = RunData::load(run_dir)?;
    let built = build_all(&data)?;
    let dir = run_dir.join("charts");
    std::fs::create_dir_all(&dir).map_err(|source| ChartError::Io {
        path: dir.clone(),
        source,
    })?;
    let mut report = ChartReport::default();
    for (name, built) in built {
        let png = dir.join(format!("{name}.png"));
        let svg = dir.join(format!("{name}.svg"));
        match built.drawing() {
            Ok(fig) => {
                if opts.png {
                    output::write_png(name, fig, &png)?;
                    report.files.push(png);
                }
                if opts.svg {
                    let markup = output::svg_string(name, fig)?;
                    output::write_atomic(&svg, markup.as_bytes())?;
                    report.files.push(svg);
                }
            }
            Err(reason) => {
                for stale in [&png, &svg] {
                    if stale.exists() {
                        std::fs::remove_file(stale).map_err(|source| ChartError::Io {
                            path: stale.clone(),
                            source,
                        })?;
                    }
                }
                report.skipped.push(format!("{name}: {reason}"));
            }
        }
    }
    Ok(report)
}

/// Writes `run_dir/report.html`: a self-contained briefing report (headline indicators from
/// `summary.json`, scenario facts and the resolved scenario from `manifest.json`, and all
/// charts inline as SVG). It loads nothing from the network and needs no other file.
///
/// Returns the path of the report.
///
/// # Errors
/// A [`ChartError`] naming the file when an input file is missing or malformed, or when the
/// report cannot be written.
pub fn write_report(run_dir: &Path) -> Result<PathBuf, ChartError> {
    let data = RunData::load(run_dir)?;
    let summary = data::Summary::load(run_dir)?;
    let built = build_all(&data)?;
    let mut figures = Vec::new();
    for (name, built) in built {
        figures.push(match built.drawing() {
            Ok(fig) => report::Item::Chart {
                svg: output::svg_string(name, fig)?,
                title: fig.title().to_string(),
            },
            Err(reason) => report::Item::Skipped {
                name,
                reason: reason.to_string(),
            },
        });
    }
    let html = report::html(&data.manifest, &summary, &figures);
    let path = run_dir.join("report.html");
    output::write_atomic(&path, html.as_bytes())?;
    Ok(path)
}

/// Whether `dir` holds the results of a sweep (`wandel sweep` or `wandel merge`) rather than
/// of a run: its `manifest.json` says `"kind": "sweep"`.
pub fn is_sweep(dir: &Path) -> bool {
    sweep::data::is_sweep(dir)
}

/// Whether `dir` holds the results of a calibration (`wandel calibrate`).
pub fn is_calibration(dir: &Path) -> bool {
    calibration::is_calibration(dir)
}

/// Draws the charts of the calibration in `dir` into `dir/charts/`: the objective's profile
/// along each parameter and the sensitivity of each target to each parameter
/// (`docs/calibrate.md`).
///
/// # Errors
/// A [`ChartError`] naming the file when `estimates.json`, `profile.csv` or `moments.csv` is
/// missing or malformed, or when a chart cannot be written.
pub fn draw_calibration(dir: &Path, opts: &ChartOptions) -> Result<ChartReport, ChartError> {
    calibration::draw(dir, opts)
}

/// Writes `dir/report.html` for the calibration in `dir`: the estimates, the fit of the
/// targets, the validation rows, identification and the charts.
///
/// # Errors
/// As [`draw_calibration`].
pub fn write_calibration_report(dir: &Path) -> Result<PathBuf, ChartError> {
    calibration::write_report(dir)
}

/// Draws the charts of the sweep in `dir` into `dir/charts/`: for each swept parameter the
/// response of every kept indicator by arm and each arm's paired effect against the first, and
/// for a `saltelli` design the Sobol indices of each indicator (`docs/sweeps.md`).
///
/// # Errors
/// A [`ChartError`] naming the file when `manifest.json`, `runs.csv` or `sensitivity.csv` is
/// missing or malformed, or when a chart cannot be written.
pub fn draw_sweep(dir: &Path, opts: &ChartOptions) -> Result<ChartReport, ChartError> {
    sweep::draw(dir, opts)
}

/// Writes `dir/report.html` for the sweep in `dir`: what was run, the mean of each kept
/// indicator by point and arm, each arm's paired effect, the charts and the sweep file.
///
/// # Errors
/// As [`draw_sweep`].
pub fn write_sweep_report(dir: &Path) -> Result<PathBuf, ChartError> {
    sweep::write_report(dir)
}
