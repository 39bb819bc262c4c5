//! The points of a sweep: a full grid; a Latin hypercube sample (McKay, Beckman & Conover
//! 1979: each parameter's range cut into `n` equal strata, one point in each stratum, the strata
//! of different parameters paired by independent random permutations); the first `n` points of
//! an Owen-scrambled Sobol sequence (`sobol_burley`, Burley 2020); or Saltelli's scheme for
//! sensitivity indices (Saltelli et al. 2010): base row `j` has two independent Sobol points A
//! and B (dimensions `0..k` and `k..2k` of one sequence) and gives `k + 2` sweep points in the
//! order A, B, then A with column `i` taken from B for each parameter `i`. Sampling has its own
//! seed, independent of the run seeds. A point is the list of values, one per parameter.

use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use wandel_engine::rng::{SimRng, mix64};

use super::file::{Design, Levels, Parameter, SweepFile, level_text};

/// The value of a range at `u` in [0, 1] (linear, or on a log scale).
fn at(min: f64, max: f64, log: bool, u: f64) -> f64 {
    if log {
        (min.ln() + u * (max.ln() - min.ln())).exp()
    } else {
        min + u * (max - min)
    }
}

/// The evenly spaced levels of a parameter in a grid.
fn grid_levels(p: &Parameter) -> Vec<String> {
    match &p.levels {
        Levels::List(v) => v.clone(),
        Levels::Range {
            min,
            max,
            log,
            integer,
            levels,
        } => {
            let n = levels.unwrap_or(2).max(2);
            (0..n)
                .map(|i| level_text(at(*min, *max, *log, i as f64 / (n - 1) as f64), *integer))
                .collect()
        }
    }
}

/// The value of parameter `p` at `u` in [0, 1): a list is cut into equal strata, one per
/// value.
fn sampled(p: &Parameter, u: f64) -> String {
    match &p.levels {
        Levels::List(v) => v[((u * v.len() as f64) as usize).min(v.len() - 1)].clone(),
        Levels::Range {
            min,
            max,
            log,
            integer,
            ..
        } => level_text(at(*min, *max, *log, u), *integer),
    }
}

/// The points of the sweep, in order: each a value per parameter (TOML text).
/// Most runs a sweep plans (points × arms × replications), 10^7 (reason: a plan is held in
/// memory, about 100 bytes a run, and 10^7 runs of even the smallest scenario take days on a
/// workstation; a larger study is several sweep files).
pub(crate) const MAX_RUNS: u128 = 10_000_000;

/// The number of points of `sweep`, counted without making them (saturating: a grid of
/// millions of levels counts, it is not built).
pub(crate) fn count(sweep: &SweepFile) -> u128 {
    let params = &sweep.parameters;
    let n = sweep.points.unwrap_or(1) as u128;
    match sweep.design {
        Design::Grid => params
            .iter()
            .map(|p| match &p.levels {
                Levels::List(v) => v.len() as u128,
                Levels::Range { levels, .. } => levels.unwrap_or(2).max(2) as u128,
            })
            .fold(1u128, u128::saturating_mul),
        Design::LatinHypercube | Design::Sobol => n,
        Design::Saltelli => n.saturating_mul(params.len() as u128 + 2),
    }
}

/// The points of `sweep`: each a value per parameter (call only after [`count`] is within
/// [`MAX_RUNS`]).
pub(crate) fn points(sweep: &SweepFile) -> Vec<Vec<String>> {
    let params = &sweep.parameters;
    match sweep.design {
        Design::Grid => {
            // The first parameter varies slowest.
            let mut out: Vec<Vec<String>> = vec![Vec::new()];
            for p in params {
                let levels = grid_levels(p);
                out = out
                    .into_iter()
                    .flat_map(|prefix| {
                        levels.iter().map(move |l| {
                            let mut v = prefix.clone();
                            v.push(l.clone());
                            v
                        })
                    })
                    .collect();
            }
            out
        }
        Design::LatinHypercube => {
            let n = sweep.points.unwrap_or(1);
            let mut rng = SimRng::seed_from_u64(mix64(sweep.sampling_seed ^ 0x4c48_5331));
            let mut columns: Vec<Vec<String>> = Vec::new();
            for p in params {
                let mut strata: Vec<usize> = (0..n).collect();
                strata.shuffle(&mut rng);
                columns.push(
                    strata
                        .iter()
                        .map(|&s| sampled(p, (s as f64 + rng.random::<f64>()) / n as f64))
                        .collect(),
                );
            }
            (0..n)
                .map(|i| columns.iter().map(|c| c[i].clone()).collect())
                .collect()
        }
        Design::Sobol => {
            let seed = sobol_seed(sweep.sampling_seed);
            (0..sweep.points.unwrap_or(1))
                .map(|j| {
                    params
                        .iter()
                        .enumerate()
                        .map(|(d, p)| sampled(p, sobol(j, d, seed)))
                        .collect()
                })
                .collect()
        }
        Design::Saltelli => {
            saltelli_unit(sweep.points.unwrap_or(1), params.len(), sweep.sampling_seed)
                .iter()
                .map(|u| params.iter().zip(u).map(|(p, &x)| sampled(p, x)).collect())
                .collect()
        }
    }
}

/// The scrambling seed of the Sobol sequence, from the sweep's sampling seed.
fn sobol_seed(sampling_seed: u64) -> u32 {
    (mix64(sampling_seed ^ 0x534f_424f) >> 32) as u32
}

/// Coordinate `d` of point `j` of the scrambled Sobol sequence, in [0, 1).
pub(crate) fn sobol(j: usize, d: usize, seed: u32) -> f64 {
    f64::from(sobol_burley::sample(j as u32, d as u32, seed))
}

/// The unit-cube coordinates of the Saltelli points of `n` base rows over `k` parameters, in
/// the order of [`points`].
pub(crate) fn saltelli_unit(n: usize, k: usize, sampling_seed: u64) -> Vec<Vec<f64>> {
    let seed = sobol_seed(sampling_seed);
    let mut out = Vec::new();
    for j in 0..n {
        let a: Vec<f64> = (0..k).map(|d| sobol(j, d, seed)).collect();
        let b: Vec<f64> = (0..k).map(|d| sobol(j, k + d, seed)).collect();
        out.push(a.clone());
        out.push(b.clone());
        for i in 0..k {
            let mut ab = a.clone();
            ab[i] = b[i];
            out.push(ab);
        }
    }
    out
}

/// The seed group of a point: the point itself, except in a `saltelli` design, where the
/// `k + 2` points of a base row share their seeds (common random numbers within the row), so
/// `f_ABi − f_A` in the estimators is the effect of parameter `i`, not noise between seeds: a
/// parameter that changes nothing gets indices of exactly zero.
pub(crate) fn seed_group(sweep: &SweepFile, point: usize) -> usize {
    if sweep.shared_seeds {
        return 0;
    }
    match sweep.design {
        Design::Saltelli => point / (sweep.parameters.len() + 2),
        _ => point,
    }
}

/// The seed of replication `k` of a point: [`run_seed`] of its [`seed_group`].
pub(crate) fn seed_of(sweep: &SweepFile, point: usize, k: u32) -> u64 {
    run_seed(sweep.seed, seed_group(sweep, point), k)
}

/// The model seed of replication `k` at seed group `point`: SplitMix64's finaliser (`mix64`, pinned
/// by a test in the engine) applied in turn to the sweep seed, the point and the replication,
/// so neighbouring points and replications get unrelated seeds, kept to 63 bits (a scenario's
/// `simulation.seed` is a TOML integer). Every arm of a point and replication runs with the
/// same seed: common random numbers.
pub(crate) fn run_seed(sweep_seed: u64, point: usize, k: u32) -> u64 {
    mix64(mix64(mix64(sweep_seed) ^ point as u64) ^ u64::from(k)) >> 1
}

/// A value as written in the CSV files: a TOML string without its quotes, anything else as
/// TOML writes it.
pub(crate) fn display(text: &str) -> String {
    wandel_format::value_text(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_differ_across_points_and_replications_and_are_pinned() {
        let a = run_seed(7, 0, 0);
        assert_ne!(a, run_seed(7, 1, 0));
        assert_ne!(a, run_seed(7, 0, 1));
        assert_ne!(run_seed(7, 1, 0), run_seed(7, 0, 1));
        assert_eq!(a, run_seed(7, 0, 0));
        assert!(a <= i64::MAX as u64);
        assert_eq!(display("\"2026-01\""), "2026-01");
        assert_eq!(display("2.5"), "2.5");
    }

    #[test]
    fn ranges_map_linearly_and_on_a_log_scale() {
        assert_eq!(at(1.0, 3.0, false, 0.5), 2.0);
        assert!((at(1.0, 100.0, true, 0.5) - 10.0).abs() < 1e-9);
        assert_eq!(level_text(6.4, true), "6");
        assert_eq!(level_text(0.5, false), "0.5");
    }
}
