//! The summary files of a finished sweep, computed from its runs in the order of point, arm
//! and replication, so that a sweep and the merge of its shards write the same bytes:
//!
//! - `aggregate.csv`: per point, arm and indicator, the mean, standard deviation, 5/50/95 %
//!   quantiles and the 95 % confidence interval of the mean over the replications that
//!   succeeded, and each arm's paired effect against the first arm (replication `k` against
//!   replication `k`, the same seed) with its interval and both standard errors, paired and
//!   unpaired;
//! - `sensitivity.csv` of a `saltelli` design: each parameter's first-order and total Sobol
//!   indices for each arm and kept indicator, of its level (the mean over replications at each
//!   point) and of its paired effect against the first arm (`sensitivity.rs`).

use std::path::Path;

use anyhow::Result;

use super::Outcome;
use super::file::{Design, SweepFile};
use super::journal::cell;
use crate::atomic::write_atomic;
use crate::summary::percentile;
use wandel_engine::measures::ci95_half_width;

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

/// The kept indicators of every run, by point, arm and replication (`None`: failed or not
/// run).
pub(crate) struct Results<'a> {
    arms: usize,
    replications: usize,
    values: Vec<Option<&'a [f64]>>,
}

impl<'a> Results<'a> {
    pub(crate) fn new(sweep: &SweepFile, points: usize, outcomes: &'a [Outcome]) -> Results<'a> {
        let (arms, replications) = (sweep.arms.len(), sweep.replications as usize);
        let mut values = vec![None; points * arms * replications];
        for o in outcomes {
            if let Ok(v) = &o.values {
                let j = &o.job;
                values[(j.point * arms + j.arm) * replications + j.replication as usize] =
                    Some(v.as_slice());
            }
        }
        Results {
            arms,
            replications,
            values,
        }
    }

    /// Indicator `i` of every replication of (point, arm), by replication (`None` for a
    /// failed run or a value that is not finite).
    fn by_replication(&self, point: usize, arm: usize, i: usize) -> Vec<Option<f64>> {
        let start = (point * self.arms + arm) * self.replications;
        self.values[start..start + self.replications]
            .iter()
            .map(|v| v.map(|v| v[i]).filter(|x| x.is_finite()))
            .collect()
    }
}

/// The paired differences of arm `arm` against the first arm over the replications where both
/// are known, and both sides of those pairs.
fn pairs(own: &[Option<f64>], base: &[Option<f64>]) -> Vec<(f64, f64)> {
    own.iter()
        .zip(base)
        .filter_map(|(x, y)| Some(((*x)?, (*y)?)))
        .collect()
}

/// `aggregate.csv`.
pub(crate) fn write_aggregate(
    path: &Path,
    sweep: &SweepFile,
    points: &[Vec<String>],
    results: &Results<'_>,
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
                    let own = results.by_replication(p, a, i);
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
                        let pairs = pairs(&own, &results.by_replication(p, 0, i));
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

/// `sensitivity.csv` of a `saltelli` design.
pub(crate) fn write_sensitivity(
    path: &Path,
    sweep: &SweepFile,
    points: usize,
    results: &Results<'_>,
) -> Result<()> {
    debug_assert_eq!(sweep.design, Design::Saltelli);
    let k = sweep.parameters.len();
    let first = &sweep.arms[0].name;
    write_atomic(path, |w| {
        let mut c = csv::Writer::from_writer(w);
        c.write_record([
            "arm",
            "quantity",
            "indicator",
            "parameter",
            "rows",
            "variance",
            "first_order",
            "first_order_ci95_low",
            "first_order_ci95_high",
            "total",
            "total_ci95_low",
            "total_ci95_high",
        ])?;
        for (a, arm) in sweep.arms.iter().enumerate() {
            for (i, name) in sweep.keep.iter().enumerate() {
                // The level: each point's mean over its replications; the effect: the mean
                // paired difference against the first arm.
                let mut quantities = vec![(
                    "level".to_string(),
                    (0..points)
                        .map(|p| {
                            stats(
                                &results
                                    .by_replication(p, a, i)
                                    .into_iter()
                                    .flatten()
                                    .collect::<Vec<_>>(),
                            )
                            .mean
                        })
                        .collect::<Vec<_>>(),
                )];
                if a > 0 {
                    quantities.push((
                        format!("effect against {first}"),
                        (0..points)
                            .map(|p| {
                                let d: Vec<f64> = pairs(
                                    &results.by_replication(p, a, i),
                                    &results.by_replication(p, 0, i),
                                )
                                .iter()
                                .map(|(x, y)| x - y)
                                .collect();
                                stats(&d).mean
                            })
                            .collect(),
                    ));
                }
                for (quantity, values) in quantities {
                    let est = super::sensitivity::estimate(&values, k, sweep.sampling_seed);
                    for (d, param) in sweep.parameters.iter().enumerate() {
                        let ix = est.as_ref().map(|e| &e.parameters[d]);
                        c.write_record([
                            arm.name.clone(),
                            quantity.clone(),
                            name.clone(),
                            param.path.clone(),
                            est.as_ref().map_or(0, |e| e.rows).to_string(),
                            cell(est.as_ref().map(|e| e.variance)),
                            cell(ix.map(|x| x.first)),
                            cell(ix.map(|x| x.first_ci.0)),
                            cell(ix.map(|x| x.first_ci.1)),
                            cell(ix.map(|x| x.total)),
                            cell(ix.map(|x| x.total_ci.0)),
                            cell(ix.map(|x| x.total_ci.1)),
                        ])?;
                    }
                }
            }
        }
        c.flush()?;
        Ok(())
    })
}
