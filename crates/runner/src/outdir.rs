//! Output directories that cannot mix: `run`, `sweep`, `merge` and `calibrate` refuse a directory that
//! holds results (a run's or a sweep's) unless `--overwrite` is given, and then first remove
//! every result file either command writes, so no earlier chart or CSV file stays beside the
//! new ones. A finished directory says `"complete": true` in its `manifest.json`.

use std::path::Path;

use anyhow::{Context, Result, bail};

/// Every file `wandel run`, `sweep` or `merge` writes in its output directory.
pub(crate) const RESULT_FILES: &[&str] = &[
    "manifest.json",
    "summary.json",
    "economy.csv",
    "markets.csv",
    "cohorts.csv",
    "events.csv",
    "ledger.csv",
    "policies.csv",
    "followup.csv",
    "effects.csv",
    "decomposition.csv",
    "regional_adjustment.csv",
    "report.html",
    "results.xlsx",
    "runs.csv",
    "aggregate.csv",
    "sensitivity.csv",
    "series.csv",
    "estimates.json",
    "moments.csv",
    "evaluations.csv",
    "profile.csv",
    "calibration-journal.csv",
];

/// What a directory's manifest says it holds, for the message.
fn described(dir: &Path) -> String {
    let manifest = std::fs::read_to_string(dir.join("manifest.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok());
    match manifest {
        Some(m) if m["kind"] == "sweep" => {
            let file = m["sweep_file"].as_str().unwrap_or("?");
            if m["complete"] == true {
                format!("the results of the sweep {file}")
            } else {
                format!(
                    "an unfinished sweep of {file} (give --resume to continue it with the same sweep file)"
                )
            }
        }
        Some(m) if m["complete"] == false => format!(
            "an interrupted run of {}, without results",
            m["scenario_file"].as_str().unwrap_or("a scenario")
        ),
        Some(m) => format!(
            "the results of a run of {}",
            m["scenario_file"]
                .as_str()
                .or(m["scenario"].as_str())
                .unwrap_or("a scenario")
        ),
        None => "results".to_string(),
    }
}

/// Creates `dir`, and makes sure it holds no results, removing them with `overwrite`.
pub(crate) fn prepare(dir: &Path, overwrite: bool) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        bail!(
            "{} is a file, not a directory: choose another --out",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    probe_writable(dir)?;
    remove_stale_temporaries(dir)?;
    let mut taken: Vec<&str> = RESULT_FILES
        .iter()
        .copied()
        .filter(|f| dir.join(f).exists())
        .collect();
    if dir.join("charts").is_dir() {
        taken.push("charts/");
    }
    if taken.is_empty() {
        return Ok(());
    }
    if !overwrite {
        bail!(
            "{} already holds {} ({}); choose another --out, or give --overwrite to replace them",
            dir.display(),
            described(dir),
            taken.join(", ")
        );
    }
    for f in RESULT_FILES {
        let p = dir.join(f);
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("cannot remove {}", p.display()))?;
        }
    }
    let charts = dir.join("charts");
    if charts.is_dir() {
        std::fs::remove_dir_all(&charts)
            .with_context(|| format!("cannot remove {}", charts.display()))?;
    }
    Ok(())
}

/// Checks, before any work, that files can be written into `dir` (a directory the user may
/// not write into is found now, not after the whole simulation).
fn probe_writable(dir: &Path) -> Result<()> {
    let probe = dir.join(format!(".wandel-probe.tmp-{}", std::process::id()));
    std::fs::write(&probe, b"").with_context(|| {
        format!(
            "cannot write into {}: choose another --out (nothing was run)",
            dir.display()
        )
    })?;
    std::fs::remove_file(&probe).with_context(|| format!("cannot remove {}", probe.display()))
}

/// Removes the hidden temporary files (`.NAME.tmp-PID`) that a run stopped by force (`kill
/// -9`, a power cut) left in `dir` and its `charts/`: every result file is written to such a
/// name and renamed, so a leftover one is never a result.
fn remove_stale_temporaries(dir: &Path) -> Result<()> {
    for d in [dir.to_path_buf(), dir.join("charts")] {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if name.starts_with('.') && name.contains(".tmp-") && entry.path().is_file() {
                std::fs::remove_file(entry.path())
                    .with_context(|| format!("cannot remove {}", entry.path().display()))?;
            }
        }
    }
    Ok(())
}

/// Refuses a run directory whose manifest says it is not complete (an interrupted `wandel
/// run`): there is nothing whole to plot or tabulate.
pub(crate) fn refuse_incomplete(dir: &Path) -> Result<()> {
    let manifest = std::fs::read_to_string(dir.join("manifest.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok());
    if let Some(m) = manifest {
        if m["kind"] == "run" && m["complete"] == false {
            bail!(
                "{} holds an interrupted run ({} of {} months done, manifest.json says \"complete\": false): \
                 it has no results; run the scenario again",
                dir.display(),
                m["months_done"],
                m["months_total"]
            );
        }
    }
    Ok(())
}
