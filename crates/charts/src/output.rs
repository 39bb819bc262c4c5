//! Rendering a [`Figure`] to PNG and SVG, and writing files atomically
//! (temporary file in the same directory, then rename).

use std::path::{Path, PathBuf};

use plotters::prelude::*;

use crate::error::ChartError;
use crate::figure::{Figure, Res, render};
use crate::rows::RowFigure;
use crate::style;

fn draw_error(chart: &str, message: impl std::fmt::Display) -> ChartError {
    ChartError::Draw {
        chart: chart.to_string(),
        message: message.to_string(),
    }
}

/// A temporary name next to `target`, keeping its extension (the PNG encoder picks the format
/// from the extension).
fn temporary(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) => (s.to_string(), format!(".{e}")),
        None => (name.clone(), String::new()),
    };
    target.with_file_name(format!(".{stem}.tmp{}{ext}", std::process::id()))
}

fn rename_into_place(tmp: &Path, target: &Path) -> Result<(), ChartError> {
    std::fs::rename(tmp, target).map_err(|source| {
        let _ = std::fs::remove_file(tmp);
        ChartError::Io {
            path: target.to_path_buf(),
            source,
        }
    })
}

/// Writes `bytes` to `target` atomically.
pub(crate) fn write_atomic(target: &Path, bytes: &[u8]) -> Result<(), ChartError> {
    let tmp = temporary(target);
    std::fs::write(&tmp, bytes).map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        ChartError::Io {
            path: tmp.clone(),
            source,
        }
    })?;
    rename_into_place(&tmp, target)
}

/// A chart ready to draw: a [`Figure`] (lines, bands, stacked bars by year) or a
/// [`RowFigure`] (labelled rows of bars with intervals).
#[derive(Clone, Copy)]
pub(crate) enum Drawing<'a> {
    Figure(&'a Figure),
    Rows(&'a RowFigure),
}

impl<'a> Drawing<'a> {
    fn render<DB: DrawingBackend>(
        self,
        area: &DrawingArea<DB, plotters::coord::Shift>,
        raster: bool,
    ) -> Res {
        match self {
            Drawing::Figure(f) => render(f, area, raster),
            Drawing::Rows(f) => crate::rows::render(f, area, raster),
        }
    }

    /// The chart's title.
    pub(crate) fn title(self) -> &'a str {
        match self {
            Drawing::Figure(f) => &f.title,
            Drawing::Rows(f) => &f.title,
        }
    }
}

/// Renders `fig` as SVG markup.
pub(crate) fn svg_string(name: &str, fig: Drawing<'_>) -> Result<String, ChartError> {
    style::register_font()?;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, style::CANVAS).into_drawing_area();
        fig.render(&root, false).map_err(|m| draw_error(name, m))?;
        root.present().map_err(|e| draw_error(name, e))?;
    }
    Ok(svg)
}

/// Writes `fig` as `target` (a `.png` path), atomically.
pub(crate) fn write_png(name: &str, fig: Drawing<'_>, target: &Path) -> Result<(), ChartError> {
    style::register_font()?;
    let tmp = temporary(target);
    let result = (|| {
        let root = BitMapBackend::new(&tmp, style::CANVAS).into_drawing_area();
        fig.render(&root, true).map_err(|m| draw_error(name, m))?;
        root.present().map_err(|e| draw_error(name, e))
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    rename_into_place(&tmp, target)
}
