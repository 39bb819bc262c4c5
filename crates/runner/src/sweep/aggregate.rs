//! The result files of a sweep, written sorted by point, arm and replication so that two
//! sweeps with the same file compare byte for byte:
//!
//! - `runs.csv`: one row per run (its parameters, seed, kept indicators, status and error);
//! - `aggregate.csv`: per point, arm and indicator, the mean, standard deviation, 5/50/95 %
//!   quantiles and the 95 % confidence interval of the mean over the replications that
//!   succeeded, and each arm's paired effect against the first arm (replication `k` against
//!   replication `k`, the same seed) with its interval and both standard errors, paired and
//!   unpaired.

use std::path::Path;

use anyhow::Result;

use super::Outcome;
use super::file::SweepFile;
use crate::atomic::write_atomic;
use crate::summary::{ci95_half_width, percentile};

fn cell(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => format!("{v}"),
        _ => String::new(),
    }
}

/// `runs.csv`.
pub(crate) fn write_runs(
    path: &Path,
    sweep: &SweepFile,
    points: &[Vec<String>],
    outcomes: &[Outcome],
) -> Result<()> {
    write_atomic(path, |w| {
        let mut c = csv::Writer::from_writer(w);
        let mut header: Vec<String> = ["point", "arm", "replication", "seed"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        header.extend(sweep.parameters.iter().map(|p| p.path.clone()));
        header.extend(sweep.keep.iter().cloned());
        header.extend(["status".to_string(), "error".to_string()]);
        c.write_record(&header)?;
        for o in outcomes {
            let j = &o.job;
            let mut row = vec![
                j.point.to_string(),
                sweep.arms[j.arm].name.clone(),
                j.replication.to_string(),
                j.seed.to_string(),
            ];
            row.extend(points[j.point].iter().map(|v| super::design::display(v)));
            match &o.values {
                Ok(v) => {
                    row.extend(v.iter().map(|x| cell(Some(*x))));
                    row.extend(["ok".to_string(), String::new()]);
                }
                Err(e) => {
                    row.extend(sweep.keep.iter().map(|_| String::new()));
                    row.extend(["failed".to_string(), e.clone()]);
                }
            }
            c.write_record(&row)?;
        }
        c.flush()?;
        Ok(())
    })
}

/// Mean, standard deviation, 5/50/95 % quantiles and the 95 % interval of the mean.
struct Stats {
    n: usize,
    mean: Option<f64>,
    sd: Option<f64>,
    p05: Option<f64>,
    p50: Option<f64>,
    p95: Option<f64>,
    ci: Option<(f64, f64)>,
    /// Standard error of the mean.
    se: Option<f64>,
}

fn stats(values: &[f64]) -> Stats {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    let n = v.len();
    if n == 0 {
        return Stats {
            n,
            mean: None,
            sd: None,
            p05: None,
            p50: None,
            p95: None,
            ci: None,
            se: None,
        };
    }
    v.sort_by(f64::total_cmp);
    let mean = v.iter().sum::<f64>() / n as f64;
    let sd = (n > 1)
        .then(|| (v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt());
    Stats {
        n,
        mean: Some(mean),
        sd,
        p05: Some(percentile(&v, 0.05)),
        p50: Some(percentile(&v, 0.5)),
        p95: Some(percentile(&v, 0.95)),
        ci: ci95_half_width(&v).map(|h| (mean - h, mean + h)),
        se: sd.map(|s| s / (n as f64).sqrt()),
    }
}

/// The value of indicator `i` of every replication of (point, arm), by replication (`None`
/// for a failed run).
fn by_replication(
    outcomes: &[Outcome],
    point: usize,
    arm: usize,
    i: usize,
    replications: u32,
) -> Vec<Option<f64>> {
    let mut out = vec![None; replications as usize];
    for o in outcomes
        .iter()
        .filter(|o| o.job.point == point && o.job.arm == arm)
    {
        if let Ok(v) = &o.values {
            out[o.job.replication as usize] = Some(v[i]).filter(|x| x.is_finite());
        }
    }
    out
}

/// `aggregate.csv`.
pub(crate) fn write_aggregate(
    path: &Path,
    sweep: &SweepFile,
    points: &[Vec<String>],
    outcomes: &[Outcome],
) -> Result<()> {
    let first = &sweep.arms[0].name;
    write_atomic(path, |w| {
        let mut c = csv::Writer::from_writer(w);
        let mut header: Vec<String> = vec!["point".to_string()];
        header.extend(sweep.parameters.iter().map(|p| p.path.clone()));
        header.extend(
            [
                "arm",
                "indicator",
                "runs",
                "mean",
                "sd",
                "p05",
                "p50",
                "p95",
                "ci95_low",
                "ci95_high",
                "effect_against",
                "effect",
                "effect_ci95_low",
                "effect_ci95_high",
                "effect_se_paired",
                "effect_se_unpaired",
            ]
            .iter()
            .map(|s| s.to_string()),
        );
        c.write_record(&header)?;
        for (p, values) in points.iter().enumerate() {
            for (a, arm) in sweep.arms.iter().enumerate() {
                for (i, name) in sweep.keep.iter().enumerate() {
                    let own = by_replication(outcomes, p, a, i, sweep.replications);
                    let s = stats(&own.iter().flatten().copied().collect::<Vec<_>>());
                    let mut row = vec![p.to_string()];
                    row.extend(values.iter().map(|v| super::design::display(v)));
                    row.extend([
                        arm.name.clone(),
                        name.clone(),
                        s.n.to_string(),
                        cell(s.mean),
                        cell(s.sd),
                        cell(s.p05),
                        cell(s.p50),
                        cell(s.p95),
                        cell(s.ci.map(|c| c.0)),
                        cell(s.ci.map(|c| c.1)),
                    ]);
                    if a == 0 {
                        row.extend(std::iter::repeat_n(String::new(), 6));
                    } else {
                        let base = by_replication(outcomes, p, 0, i, sweep.replications);
                        let pairs: Vec<(f64, f64)> = own
                            .iter()
                            .zip(&base)
                            .filter_map(|(x, y)| Some(((*x)?, (*y)?)))
                            .collect();
                        let diff: Vec<f64> = pairs.iter().map(|(x, y)| x - y).collect();
                        let d = stats(&diff);
                        let sa = stats(&pairs.iter().map(|p| p.0).collect::<Vec<_>>());
                        let sb = stats(&pairs.iter().map(|p| p.1).collect::<Vec<_>>());
                        let unpaired = sa.se.zip(sb.se).map(|(x, y)| (x * x + y * y).sqrt());
                        row.extend([
                            first.clone(),
                            cell(d.mean),
                            cell(d.ci.map(|c| c.0)),
                            cell(d.ci.map(|c| c.1)),
                            cell(d.se),
                            cell(unpaired),
                        ]);
                    }
                    c.write_record(&row)?;
                }
            }
        }
        c.flush()?;
        Ok(())
    })
}
