//! `wandel export DIR --xlsx`, and `--xlsx` on `run` and `sweep`: a finished run's or sweep's
//! results as one Excel workbook, `results.xlsx` in its directory, read from the directory's
//! files (so it holds the same values). A sheet per table, real numbers, units in the header
//! row, region and sector labels for their ids, frozen header rows and an About sheet
//! (docs/outputs.md, "results.xlsx"). CSV stays the default output; the workbook is for
//! people who open results in a spreadsheet, whatever its list separator and decimal mark.

mod run;
mod sweep;
mod table;
mod units;
mod workbook;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// The workbook's file name in the output directory.
pub(crate) const WORKBOOK: &str = "results.xlsx";

/// Writes `dir/results.xlsx` for the finished run or sweep in `dir` and returns its path.
pub(crate) fn export(dir: &Path) -> Result<PathBuf> {
    crate::outdir::refuse_incomplete(dir)?;
    if wandel_charts::is_calibration(dir) {
        bail!(
            "{} holds a calibration; its tables (estimates.json, moments.csv) are not exported \
             to a workbook; export a run or a sweep",
            dir.display()
        );
    }
    let manifest_path = dir.join("manifest.json");
    if !manifest_path.is_file() {
        bail!(
            "{} holds no results of a run or sweep (no manifest.json)",
            dir.display()
        );
    }
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&manifest_path)
            .with_context(|| format!("cannot read {}", manifest_path.display()))?,
    )
    .with_context(|| format!("{} is not valid JSON", manifest_path.display()))?;
    if manifest["complete"] == false {
        bail!(
            "{} holds an unfinished sweep (manifest.json says \"complete\": false): finish it \
             with `wandel sweep --resume`, or merge its shards, then export",
            dir.display()
        );
    }
    let (sheets, title) = if wandel_charts::is_sweep(dir) {
        (
            sweep::sheets(dir)?,
            format!(
                "Wandel sweep {}",
                manifest["sweep_file"].as_str().unwrap_or("")
            ),
        )
    } else {
        (
            run::sheets(dir)?,
            format!(
                "Wandel run {}",
                manifest["scenario_name"].as_str().unwrap_or("")
            ),
        )
    };
    let started = manifest["started_unix"].as_i64().unwrap_or(0);
    let bytes = workbook::write(&sheets, &title, started)?;
    let path = dir.join(WORKBOOK);
    crate::atomic::write_bytes(&path, &bytes)?;
    Ok(path)
}

/// Options of `wandel export`.
#[derive(clap::Args, Debug)]
pub(crate) struct ExportArgs {
    /// The finished run's or sweep's output directory.
    pub(crate) dir: PathBuf,
    /// Write an Excel workbook, `results.xlsx` (the one format so far).
    #[arg(long, required = true)]
    pub(crate) xlsx: bool,
}
