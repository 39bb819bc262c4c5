//! Reading a sweep directory (`docs/sweeps.md`): `manifest.json` (which columns of `runs.csv`
//! are parameters and which are indicators), `runs.csv` (one row per run) and, for a `saltelli`
//! design, `sensitivity.csv`. Also the statistics the sweep charts show: the mean of a group of
//! runs with its 95 % confidence interval (Student's t).

use std::path::Path;

use serde::Deserialize;

use crate::error::ChartError;

/// The fields of a sweep's `manifest.json` the charts and the report use.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct SweepManifest {
    pub(crate) wandel_version: String,
    pub(crate) sweep_file: String,
    pub(crate) sweep_text: String,
    pub(crate) base_scenario: String,
    pub(crate) seed: u64,
    pub(crate) replications: u32,
    pub(crate) design: String,
    pub(crate) points: usize,
    pub(crate) arms: Vec<String>,
    pub(crate) parameters: Vec<String>,
    pub(crate) keep: Vec<String>,
    /// Each kept indicator's label and unit.
    #[serde(default)]
    pub(crate) labels: std::collections::BTreeMap<String, String>,
    pub(crate) runs: usize,
    pub(crate) failed: usize,
    pub(crate) threads: usize,
    pub(crate) wall_seconds: f64,
    #[serde(default)]
    pub(crate) merged_from: Vec<String>,
    pub(crate) complete: bool,
}

/// One run of `runs.csv`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    pub(crate) point: usize,
    pub(crate) arm: usize,
    pub(crate) replication: u32,
    /// Each parameter's value, as written.
    pub(crate) params: Vec<String>,
    /// Each kept indicator (NaN when failed or not defined).
    pub(crate) values: Vec<f64>,
}

/// One row of `sensitivity.csv`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sensitivity {
    pub(crate) arm: String,
    pub(crate) quantity: String,
    pub(crate) indicator: String,
    pub(crate) parameter: String,
    pub(crate) first: Option<f64>,
    pub(crate) first_ci: Option<(f64, f64)>,
    pub(crate) total: Option<f64>,
    pub(crate) total_ci: Option<(f64, f64)>,
}

/// Everything the sweep charts read.
#[derive(Debug, Clone)]
pub(crate) struct SweepData {
    pub(crate) manifest: SweepManifest,
    pub(crate) runs: Vec<Run>,
    pub(crate) sensitivity: Vec<Sensitivity>,
}

fn csv_error(path: &Path, e: &csv::Error) -> ChartError {
    ChartError::Csv {
        path: path.to_path_buf(),
        line: e.position().map(|p| p.line()),
        message: e.to_string(),
    }
}

fn open_csv(path: &Path) -> Result<csv::Reader<std::fs::File>, ChartError> {
    if !path.exists() {
        return Err(ChartError::MissingFile {
            path: path.to_path_buf(),
        });
    }
    csv::Reader::from_path(path).map_err(|e| csv_error(path, &e))
}

fn number(path: &Path, line: u64, column: &str, text: &str) -> Result<f64, ChartError> {
    if text.is_empty() {
        return Ok(f64::NAN);
    }
    text.parse().map_err(|_| ChartError::BadValue {
        path: path.to_path_buf(),
        line,
        column: column.to_string(),
        value: text.to_string(),
        expected: "a number",
    })
}

/// Whether `dir` holds a sweep (its manifest says `"kind": "sweep"`).
pub(crate) fn is_sweep(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("manifest.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .is_some_and(|m| m["kind"] == "sweep")
}

impl SweepData {
    /// Reads the sweep in `dir`.
    pub(crate) fn load(dir: &Path) -> Result<SweepData, ChartError> {
        let mpath = dir.join("manifest.json");
        let text = std::fs::read_to_string(&mpath).map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                ChartError::MissingFile {
                    path: mpath.clone(),
                }
            } else {
                ChartError::Io {
                    path: mpath.clone(),
                    source,
                }
            }
        })?;
        let manifest: SweepManifest =
            serde_json::from_str(&text).map_err(|e| ChartError::Json {
                path: mpath.clone(),
                message: e.to_string(),
            })?;
        let runs = read_runs(&dir.join("runs.csv"), &manifest)?;
        let spath = dir.join("sensitivity.csv");
        let sensitivity = if spath.exists() {
            read_sensitivity(&spath)?
        } else {
            Vec::new()
        };
        Ok(SweepData {
            manifest,
            runs,
            sensitivity,
        })
    }
}

fn column(path: &Path, header: &csv::StringRecord, name: &str) -> Result<usize, ChartError> {
    header
        .iter()
        .position(|h| h == name)
        .ok_or_else(|| ChartError::MissingColumn {
            path: path.to_path_buf(),
            column: name.to_string(),
        })
}

fn read_runs(path: &Path, m: &SweepManifest) -> Result<Vec<Run>, ChartError> {
    let mut reader = open_csv(path)?;
    let header = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
    let point = column(path, &header, "point")?;
    let arm = column(path, &header, "arm")?;
    let replication = column(path, &header, "replication")?;
    let params: Vec<usize> = m
        .parameters
        .iter()
        .map(|p| column(path, &header, p))
        .collect::<Result<_, _>>()?;
    let keep: Vec<usize> = m
        .keep
        .iter()
        .map(|k| column(path, &header, k))
        .collect::<Result<_, _>>()?;
    let mut runs = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i as u64 + 2;
        let r = record.map_err(|e| csv_error(path, &e))?;
        let arm_name = &r[arm];
        let Some(arm) = m.arms.iter().position(|a| a == arm_name) else {
            return Err(ChartError::BadValue {
                path: path.to_path_buf(),
                line,
                column: "arm".to_string(),
                value: arm_name.to_string(),
                expected: "an arm named in manifest.json",
            });
        };
        runs.push(Run {
            point: number(path, line, "point", &r[point])? as usize,
            arm,
            replication: number(path, line, "replication", &r[replication])? as u32,
            params: params.iter().map(|&c| r[c].to_string()).collect(),
            values: keep
                .iter()
                .zip(&m.keep)
                .map(|(&c, name)| number(path, line, name, &r[c]))
                .collect::<Result<_, _>>()?,
        });
    }
    Ok(runs)
}

fn read_sensitivity(path: &Path) -> Result<Vec<Sensitivity>, ChartError> {
    let mut reader = open_csv(path)?;
    let header = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
    let names = [
        "arm",
        "quantity",
        "indicator",
        "parameter",
        "first_order",
        "first_order_ci95_low",
        "first_order_ci95_high",
        "total",
        "total_ci95_low",
        "total_ci95_high",
    ];
    let c: Vec<usize> = names
        .iter()
        .map(|n| column(path, &header, n))
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i as u64 + 2;
        let r = record.map_err(|e| csv_error(path, &e))?;
        let num = |k: usize| -> Result<Option<f64>, ChartError> {
            let x = number(path, line, names[k], &r[c[k]])?;
            Ok(x.is_finite().then_some(x))
        };
        let pair = |a: Option<f64>, b: Option<f64>| a.zip(b);
        out.push(Sensitivity {
            arm: r[c[0]].to_string(),
            quantity: r[c[1]].to_string(),
            indicator: r[c[2]].to_string(),
            parameter: r[c[3]].to_string(),
            first: num(4)?,
            first_ci: pair(num(5)?, num(6)?),
            total: num(7)?,
            total_ci: pair(num(8)?, num(9)?),
        });
    }
    Ok(out)
}

/// A mean with its 95 % confidence interval (Student's t; none from fewer than two values).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct MeanCi {
    pub(crate) mean: f64,
    pub(crate) ci: Option<(f64, f64)>,
    pub(crate) n: usize,
}

/// The mean of the finite `values` and its interval; `None` when there are none (the engine's
/// one definition, `wandel_engine::measures`).
pub(crate) fn mean_ci(values: &[f64]) -> Option<MeanCi> {
    wandel_engine::measures::mean_ci(values).map(|m| MeanCi {
        mean: m.mean,
        ci: m.low().zip(m.high()),
        n: m.n,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interval_of_a_mean_uses_students_t() {
        let m = mean_ci(&[1.0, 2.0, 3.0, f64::NAN]).unwrap();
        assert_eq!(m.n, 3);
        assert_eq!(m.mean, 2.0);
        // sd 1, t(2) = 4.303: ± 2.484.
        let (lo, hi) = m.ci.unwrap();
        assert!((hi - 2.0 - 2.4841).abs() < 1e-3 && (2.0 - lo - 2.4841).abs() < 1e-3);
        assert!(mean_ci(&[5.0]).unwrap().ci.is_none());
        assert!(mean_ci(&[]).is_none());
    }
}
