//! Inference at the estimate of a simulated-method-of-moments calibration: the objective, the
//! covariance of the moments (documented figures' variances plus the simulation's own,
//! divided by the replications), standard errors by the sandwich formula, the
//! overidentification test under efficient weighting, and identification diagnostics from the
//! Jacobian scaled by the moments' uncertainty and the parameters' ranges.
//!
//! Parameters enter in internal coordinates `u` in [0, 1] (linear or log between their
//! bounds, `file.rs`), so that a Jacobian column is "moment change over the whole range".

use nalgebra::{DMatrix, DVector};

/// Singular values below this share of the largest count as zero (rank of the scaled
/// Jacobian).
pub(crate) const RANK_TOLERANCE: f64 = 1e-3;
/// A parameter whose whole range moves the moments by less than this many of their
/// documented standard deviations (the norm of its scaled Jacobian column) moves no moment.
pub(crate) const MOVES_NOTHING: f64 = 0.1;
/// Two parameters whose scaled Jacobian columns have a cosine above this move the moments
/// alike.
pub(crate) const ALIKE: f64 = 0.99;
/// Finite-difference Jacobians at steps h and 2h agree when the norm of their difference is
/// at most this share of the norm of the 2h one.
pub(crate) const STEP_TOLERANCE: f64 = 0.25;

/// The weighted distance of simulated moments `m` from the documented `target`:
/// (m − m̂)′ W (m − m̂); infinite when a moment is not a number.
pub(crate) fn objective(m: &[f64], target: &[f64], w: &DMatrix<f64>) -> f64 {
    if m.iter().any(|x| !x.is_finite()) {
        return f64::INFINITY;
    }
    let g = DVector::from_iterator(m.len(), m.iter().zip(target).map(|(a, b)| a - b));
    (g.transpose() * w * &g)[(0, 0)]
}

/// Each moment's contribution to the objective (the terms of the quadratic form that belong
/// to its row).
pub(crate) fn contributions(m: &[f64], target: &[f64], w: &DMatrix<f64>) -> Vec<f64> {
    let g = DVector::from_iterator(m.len(), m.iter().zip(target).map(|(a, b)| a - b));
    let wg = w * &g;
    (0..m.len()).map(|i| g[i] * wg[i]).collect()
}

/// The covariance of the moments across replications (`reps`: one row per replication), for
/// moments `cols`.
pub(crate) fn covariance(reps: &[Vec<f64>], cols: std::ops::Range<usize>) -> DMatrix<f64> {
    let k = cols.len();
    let n = reps.len();
    let mean: Vec<f64> = cols
        .clone()
        .map(|j| reps.iter().map(|r| r[j]).sum::<f64>() / n as f64)
        .collect();
    let mut c = DMatrix::zeros(k, k);
    if n < 2 {
        return c;
    }
    for r in reps {
        for a in 0..k {
            for b in 0..k {
                c[(a, b)] += (r[cols.start + a] - mean[a]) * (r[cols.start + b] - mean[b]);
            }
        }
    }
    c / (n as f64 - 1.0)
}

/// Σ = Σ_data + Σ_sim / R: the documented variances on the diagonal and the simulation's
/// covariance of the mean over `r` replications.
pub(crate) fn moment_covariance(sd: &[f64], sim: &DMatrix<f64>, r: u32) -> DMatrix<f64> {
    let mut s = sim / f64::from(r);
    for (i, sd) in sd.iter().enumerate() {
        s[(i, i)] += sd * sd;
    }
    s
}

/// The sandwich covariance of the estimate (internal coordinates):
/// (G′WG)⁻¹ G′WΣWG (G′WG)⁻¹; None when G′WG is singular.
pub(crate) fn sandwich(
    g: &DMatrix<f64>,
    w: &DMatrix<f64>,
    sigma: &DMatrix<f64>,
) -> Option<DMatrix<f64>> {
    let gtw = g.transpose() * w;
    let bread = (&gtw * g).try_inverse()?;
    let meat = &gtw * sigma * gtw.transpose();
    Some(&bread * meat * &bread)
}

/// Identification diagnostics of the Jacobian `g` (moments × parameters, internal
/// coordinates) scaled by the moments' documented standard deviations.
#[derive(Clone, Debug, serde::Serialize)]
pub(crate) struct Identification {
    /// Singular values of the scaled Jacobian, largest first.
    pub(crate) singular_values: Vec<f64>,
    /// How many exceed `RANK_TOLERANCE` × the largest.
    pub(crate) rank: usize,
    pub(crate) rank_tolerance: f64,
    /// Largest over smallest singular value (infinite when the smallest is 0).
    pub(crate) condition_number: f64,
    /// Each parameter's effect on each moment over its whole range, in the moment's standard
    /// deviations: sensitivity[moment][parameter].
    pub(crate) sensitivity: Vec<Vec<f64>>,
    /// Parameters that move no moment (indices).
    pub(crate) moves_nothing: Vec<usize>,
    /// Pairs of parameters that move the moments alike (indices, cosine).
    pub(crate) alike: Vec<(usize, usize, f64)>,
}

/// Identification of the parameters by the target moments.
pub(crate) fn identification(g: &DMatrix<f64>, sd: &[f64]) -> Identification {
    let (m, p) = g.shape();
    let mut s = g.clone();
    for i in 0..m {
        for j in 0..p {
            s[(i, j)] /= sd[i];
        }
    }
    let mut singular: Vec<f64> = s
        .clone()
        .svd(false, false)
        .singular_values
        .iter()
        .copied()
        .collect();
    singular.sort_by(|a, b| b.total_cmp(a));
    let largest = singular.first().copied().unwrap_or(0.0);
    let rank = singular
        .iter()
        .filter(|&&x| largest > 0.0 && x > RANK_TOLERANCE * largest)
        .count();
    let smallest = singular.last().copied().unwrap_or(0.0);
    let condition_number = if smallest > 0.0 {
        largest / smallest
    } else {
        f64::INFINITY
    };
    let norms: Vec<f64> = (0..p).map(|j| s.column(j).norm()).collect();
    let moves_nothing = (0..p).filter(|&j| norms[j] < MOVES_NOTHING).collect();
    let mut alike = Vec::new();
    for a in 0..p {
        for b in a + 1..p {
            if norms[a] >= MOVES_NOTHING && norms[b] >= MOVES_NOTHING {
                let cos = s.column(a).dot(&s.column(b)) / (norms[a] * norms[b]);
                if cos.abs() > ALIKE {
                    alike.push((a, b, cos));
                }
            }
        }
    }
    Identification {
        singular_values: singular,
        rank,
        rank_tolerance: RANK_TOLERANCE,
        condition_number,
        sensitivity: (0..m)
            .map(|i| (0..p).map(|j| s[(i, j)]).collect())
            .collect(),
        moves_nothing,
        alike,
    }
}

/// The χ² upper tail probability of `x` with `df` degrees of freedom.
pub(crate) fn chi_squared_p(x: f64, df: usize) -> f64 {
    use statrs::distribution::{ChiSquared, ContinuousCDF};
    ChiSquared::new(df as f64).map_or(f64::NAN, |c| 1.0 - c.cdf(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandwich_of_an_exactly_identified_linear_model_is_the_delta_method() {
        // m = 2u: one moment, one parameter; Σ = 0.04: se(u) = 0.2 / 2.
        let g = DMatrix::from_row_slice(1, 1, &[2.0]);
        let w = DMatrix::from_row_slice(1, 1, &[1.0 / 0.04]);
        let sigma = DMatrix::from_row_slice(1, 1, &[0.04]);
        let v = sandwich(&g, &w, &sigma).unwrap();
        assert!((v[(0, 0)].sqrt() - 0.1).abs() < 1e-12);
    }

    #[test]
    fn a_parameter_that_moves_nothing_and_a_pair_that_moves_alike_are_named() {
        // Columns: p0 moves both moments, p1 nothing, p2 exactly as p0.
        let g = DMatrix::from_row_slice(2, 3, &[1.0, 0.0, 2.0, 0.5, 1e-4, 1.0]);
        let id = identification(&g, &[0.1, 0.1]);
        assert_eq!(id.moves_nothing, vec![1]);
        assert_eq!(id.alike.len(), 1);
        assert_eq!((id.alike[0].0, id.alike[0].1), (0, 2));
        assert!(id.rank < 3);
    }

    #[test]
    fn the_covariance_of_two_moments_that_move_together_is_positive() {
        let reps = vec![vec![1.0, 2.0], vec![2.0, 4.0], vec![3.0, 6.0]];
        let c = covariance(&reps, 0..2);
        assert!((c[(0, 0)] - 1.0).abs() < 1e-12);
        assert!((c[(0, 1)] - 2.0).abs() < 1e-12);
        assert!((c[(1, 1)] - 4.0).abs() < 1e-12);
    }
}
