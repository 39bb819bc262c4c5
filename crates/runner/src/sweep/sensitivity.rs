//! Sobol sensitivity indices from a `saltelli` design (Saltelli et al. 2010): for each
//! parameter, the first-order index (the share of the output's variance that the parameter
//! explains alone) and the total index (its share with all its interactions), with 95 %
//! bootstrap intervals over the base rows.
//!
//! Estimators, with `f_A`, `f_B` and `f_ABi` the outputs at a base row's points A, B and A
//! with column `i` from B, and `V` the variance of all `f_A` and `f_B`:
//! - first order (Saltelli et al. 2010, Table 2 (b)): `S_i = mean(f_B (f_ABi − f_A)) / V`;
//! - total (Jansen 1999, Table 2 (f)): `ST_i = mean((f_A − f_ABi)²) / (2V)`.
//!
//! The interval is the 2.5–97.5 % percentile range of the estimates over resamples of the base
//! rows with replacement, drawn from the sweep's sampling seed.

use rand::{RngExt, SeedableRng};
use wandel_engine::rng::{SimRng, mix64};

use crate::summary::percentile;

/// Resamples of the base rows for the intervals.
pub(crate) const BOOTSTRAP_RESAMPLES: usize = 1000;

/// One parameter's indices.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Indices {
    pub(crate) first: f64,
    pub(crate) first_ci: (f64, f64),
    pub(crate) total: f64,
    pub(crate) total_ci: (f64, f64),
}

/// The indices of every parameter for one output.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Estimate {
    /// Base rows with every point's output known.
    pub(crate) rows: usize,
    /// Variance of the output over the A and B points.
    pub(crate) variance: f64,
    pub(crate) parameters: Vec<Indices>,
}

/// The mean and variance of the outputs at the A and B points of the base rows `rows`.
fn moments(y: &[[f64; 2]], rows: &[usize]) -> (f64, f64) {
    let n = rows.len() as f64;
    let mean = rows.iter().map(|&j| y[j][0] + y[j][1]).sum::<f64>() / (2.0 * n);
    let variance = rows
        .iter()
        .map(|&j| (y[j][0] - mean).powi(2) + (y[j][1] - mean).powi(2))
        .sum::<f64>()
        / (2.0 * n - 1.0);
    (mean, variance)
}

/// Point estimates of `(S_i, ST_i)` for each parameter over the base rows `rows`. Outputs are
/// centred on their mean first (as SALib does): the first-order estimator is unbiased either
/// way, but far less variable centred when the output's mean is large against its spread.
fn indices_of(y: &[[f64; 2]], ab: &[Vec<f64>], rows: &[usize]) -> Option<Vec<(f64, f64)>> {
    let n = rows.len() as f64;
    let (mean, variance) = moments(y, rows);
    if variance <= 0.0 || !variance.is_finite() {
        return None;
    }
    Some(
        ab.iter()
            .map(|column| {
                let (mut first, mut total) = (0.0, 0.0);
                for &j in rows {
                    let (fa, fb, fab) = (y[j][0] - mean, y[j][1] - mean, column[j] - mean);
                    first += fb * (fab - fa);
                    total += (fa - fab).powi(2);
                }
                (first / n / variance, total / n / (2.0 * variance))
            })
            .collect(),
    )
}

/// The indices from the outputs `values` of a Saltelli design over `k` parameters (in the
/// design's point order; `None` for a point whose output is unknown, which drops its base
/// row). `None` when fewer than four rows are complete or the output does not vary.
pub(crate) fn estimate(values: &[Option<f64>], k: usize, seed: u64) -> Option<Estimate> {
    let stride = k + 2;
    let mut y = Vec::new();
    let mut ab: Vec<Vec<f64>> = vec![Vec::new(); k];
    for row in values.chunks_exact(stride) {
        let known: Option<Vec<f64>> = row.iter().map(|v| v.filter(|x| x.is_finite())).collect();
        if let Some(r) = known {
            y.push([r[0], r[1]]);
            for (i, column) in ab.iter_mut().enumerate() {
                column.push(r[2 + i]);
            }
        }
    }
    let n = y.len();
    if n < 4 {
        return None;
    }
    let all: Vec<usize> = (0..n).collect();
    let point = indices_of(&y, &ab, &all)?;
    let variance = moments(&y, &all).1;
    let mut rng = SimRng::seed_from_u64(mix64(seed ^ 0x424f_4f54));
    let mut draws: Vec<(Vec<f64>, Vec<f64>)> = vec![(Vec::new(), Vec::new()); k];
    let mut rows = vec![0; n];
    for _ in 0..BOOTSTRAP_RESAMPLES {
        for r in rows.iter_mut() {
            *r = rng.random_range(0..n);
        }
        if let Some(est) = indices_of(&y, &ab, &rows) {
            for (d, (s, st)) in draws.iter_mut().zip(est) {
                d.0.push(s);
                d.1.push(st);
            }
        }
    }
    let interval = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        if v.is_empty() {
            (f64::NAN, f64::NAN)
        } else {
            (percentile(v, 0.025), percentile(v, 0.975))
        }
    };
    Some(Estimate {
        rows: n,
        variance,
        parameters: point
            .into_iter()
            .zip(draws.iter_mut())
            .map(|((s, st), (ds, dst))| Indices {
                first: s,
                first_ci: interval(ds),
                total: st,
                total_ci: interval(dst),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sweep::design::saltelli_unit;
    use std::f64::consts::PI;

    /// The Ishigami function (Ishigami & Homma 1990) with a = 7, b = 0.1 on [−π, π]³.
    fn ishigami(u: &[f64]) -> f64 {
        let x: Vec<f64> = u.iter().map(|v| -PI + 2.0 * PI * v).collect();
        x[0].sin() + 7.0 * x[1].sin().powi(2) + 0.1 * x[2].powi(4) * x[0].sin()
    }

    /// Its analytic indices: first order and total of x1, x2, x3.
    fn known() -> [(f64, f64); 3] {
        let (a, b) = (7.0_f64, 0.1_f64);
        let v1 = 0.5 * (1.0 + b * PI.powi(4) / 5.0).powi(2);
        let v2 = a * a / 8.0;
        let v13 = b * b * PI.powi(8) * (1.0 / 18.0 - 1.0 / 50.0);
        let v = v1 + v2 + v13;
        [(v1 / v, (v1 + v13) / v), (v2 / v, v2 / v), (0.0, v13 / v)]
    }

    #[test]
    fn ishigami_indices_are_recovered_within_their_intervals() {
        let n = 4096;
        let values: Vec<Option<f64>> = saltelli_unit(n, 3, 5)
            .iter()
            .map(|u| Some(ishigami(u)))
            .collect();
        let est = estimate(&values, 3, 5).unwrap();
        assert_eq!(est.rows, n);
        for (i, (got, (s, st))) in est.parameters.iter().zip(known()).enumerate() {
            println!(
                "x{}: S {:.4} [{:.4}, {:.4}] (true {s:.4}); ST {:.4} [{:.4}, {:.4}] (true {st:.4})",
                i + 1,
                got.first,
                got.first_ci.0,
                got.first_ci.1,
                got.total,
                got.total_ci.0,
                got.total_ci.1
            );
            assert!(
                got.first_ci.0 <= s && s <= got.first_ci.1,
                "S{} = {s} outside [{}, {}]",
                i + 1,
                got.first_ci.0,
                got.first_ci.1
            );
            assert!(
                got.total_ci.0 <= st && st <= got.total_ci.1,
                "ST{} = {st} outside [{}, {}]",
                i + 1,
                got.total_ci.0,
                got.total_ci.1
            );
            // The intervals are informative, not merely wide.
            assert!(got.first_ci.1 - got.first_ci.0 < 0.1);
            assert!(got.total_ci.1 - got.total_ci.0 < 0.1);
        }
    }

    #[test]
    fn a_row_with_an_unknown_output_is_dropped_and_a_constant_has_no_indices() {
        let mut values: Vec<Option<f64>> = saltelli_unit(64, 3, 1)
            .iter()
            .map(|u| Some(ishigami(u)))
            .collect();
        values[7] = None;
        assert_eq!(estimate(&values, 3, 1).unwrap().rows, 63);
        let flat = vec![Some(1.0); 64 * 5];
        assert!(estimate(&flat, 3, 1).is_none());
    }
}
