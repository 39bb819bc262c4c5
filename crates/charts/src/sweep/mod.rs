//! Charts and the report of a sweep directory (`wandel sweep`, `wandel merge`): `data` reads
//! the manifest, `runs.csv` and `sensitivity.csv`; `charts` builds the response, effect and
//! sensitivity charts; `report` writes `report.html`.

pub(crate) mod charts;
pub(crate) mod data;
pub(crate) mod report;

use std::path::{Path, PathBuf};

use crate::error::ChartError;
use crate::{ChartOptions, ChartReport, output};

/// Draws the charts of the sweep in `dir` into `dir/charts/` (PNG and/or SVG, each written
/// atomically).
pub(crate) fn draw(dir: &Path, opts: &ChartOptions) -> Result<ChartReport, ChartError> {
    let data = data::SweepData::load(dir)?;
    let charts = charts::all(&data);
    let out = dir.join("charts");
    std::fs::create_dir_all(&out).map_err(|source| ChartError::Io {
        path: out.clone(),
        source,
    })?;
    let mut report = ChartReport::default();
    for chart in &charts {
        match chart.built.drawing() {
            Ok(fig) => {
                if opts.png {
                    let png = out.join(format!("{}.png", chart.name));
                    output::write_png(&chart.name, fig, &png)?;
                    report.files.push(png);
                }
                if opts.svg {
                    let svg = out.join(format!("{}.svg", chart.name));
                    let markup = output::svg_string(&chart.name, fig)?;
                    output::write_atomic(&svg, markup.as_bytes())?;
                    report.files.push(svg);
                }
            }
            Err(reason) => report.skipped.push(format!("{}: {reason}", chart.name)),
        }
    }
    Ok(report)
}

/// Writes `dir/report.html` for the sweep in `dir`.
pub(crate) fn write_report(dir: &Path) -> Result<PathBuf, ChartError> {
    let data = data::SweepData::load(dir)?;
    let mut figures = Vec::new();
    for chart in charts::all(&data) {
        if let Ok(fig) = chart.built.drawing() {
            figures.push((
                fig.title().to_string(),
                output::svg_string(&chart.name, fig)?,
            ));
        }
    }
    let html = report::html(&data, &figures);
    let path = dir.join("report.html");
    output::write_atomic(&path, html.as_bytes())?;
    Ok(path)
}
