//! The search for the estimate, in internal coordinates (each parameter's range mapped to
//! [0, 1], linearly or on a log scale): a scrambled Sobol design over the box with the start
//! point (global), then Nelder-Mead from the best point (argmin, the kept optimisation crate),
//! restarted with a fresh simplex while that improves the objective, with points outside the
//! box evaluated at the nearest point of the box and penalised by the distance, then a few
//! Gauss-Newton steps on the moments (the polish); and the finite-difference Jacobians at the
//! estimate.

use std::cell::RefCell;

use anyhow::Result;
use argmin::core::{CostFunction, Executor, State};
use argmin::solver::neldermead::NelderMead;
use nalgebra::{DMatrix, DVector};

use super::evaluate::Evaluator;
use super::file::CalibrationFile;
use super::inference::objective;

/// Seed of the global design's scrambling (fixed: the design is part of the method).
const DESIGN_SEED: u32 = 0x5741_4e44;
/// Side of the first Nelder-Mead simplex, internal coordinates.
const SIMPLEX_SIDE: f64 = 0.1;
/// Weight of the penalty on the squared distance outside the box.
const OUTSIDE_PENALTY: f64 = 1e4;

/// The parameters' values at internal coordinates `u`.
pub(crate) fn natural(file: &CalibrationFile, u: &[f64]) -> Vec<f64> {
    file.parameters
        .iter()
        .zip(u)
        .map(|(p, &x)| p.at(x))
        .collect()
}

/// The global search: the start point and `global_points` Sobol points, evaluated together;
/// the best (the first of equals). Returns (internal coordinates, objective).
pub(crate) fn global(
    file: &CalibrationFile,
    eval: &mut Evaluator<'_>,
    target: &[f64],
    w: &DMatrix<f64>,
) -> Result<(Vec<f64>, f64)> {
    let p = file.parameters.len();
    let mut units: Vec<Vec<f64>> = vec![
        file.parameters
            .iter()
            .map(|fp| fp.coordinate(fp.start).clamp(0.0, 1.0))
            .collect(),
    ];
    for j in 0..file.global_points {
        units.push(
            (0..p)
                .map(|d| f64::from(sobol_burley::sample(j as u32, d as u32, DESIGN_SEED)))
                .collect(),
        );
    }
    let points: Vec<Vec<f64>> = units.iter().map(|u| natural(file, u)).collect();
    let evals = eval.evaluate("global", &points)?;
    let m = target.len();
    let mut best = (units[0].clone(), f64::INFINITY);
    for (u, e) in units.iter().zip(&evals) {
        let q = objective(&e.mean()[..m], target, w);
        if q < best.1 {
            best = (u.clone(), q);
        }
    }
    Ok(best)
}

/// The objective as argmin sees it.
struct Problem<'e, 'f> {
    file: &'e CalibrationFile,
    eval: RefCell<&'e mut Evaluator<'f>>,
    target: &'e [f64],
    w: &'e DMatrix<f64>,
    phase: &'static str,
    /// The first error of an evaluation (an interrupt): the search stops with it.
    failed: RefCell<Option<anyhow::Error>>,
}

impl CostFunction for Problem<'_, '_> {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, u: &Vec<f64>) -> std::result::Result<f64, argmin::core::Error> {
        let inside: Vec<f64> = u.iter().map(|x| x.clamp(0.0, 1.0)).collect();
        let outside: f64 = u.iter().zip(&inside).map(|(a, b)| (a - b).powi(2)).sum();
        let point = natural(self.file, &inside);
        let result = self.eval.borrow_mut().evaluate(self.phase, &[point]);
        match result {
            Ok(mut e) => {
                let q = objective(
                    &e.remove(0).mean()[..self.target.len()],
                    self.target,
                    self.w,
                );
                Ok(q + OUTSIDE_PENALTY * outside * (1.0 + q.min(1e12)))
            }
            Err(e) => {
                let text = e.to_string();
                self.failed.borrow_mut().get_or_insert(e);
                Err(argmin::core::Error::msg(text))
            }
        }
    }
}

/// Nelder-Mead from `start` (internal coordinates) for at most `local_iterations` iterations
/// in all, restarted from its best point with a fresh simplex for as long as a restart
/// improves the objective (at most [`MAX_RESTARTS`] times): a simplex that has shrunk across
/// a narrow valley, or onto a flat step of a simulated objective, stops short of the minimum,
/// and a fresh one moves on. Returns the best point (inside the box) and its objective.
pub(crate) fn local(
    file: &CalibrationFile,
    eval: &mut Evaluator<'_>,
    target: &[f64],
    w: &DMatrix<f64>,
    start: &[f64],
    phase: &'static str,
) -> Result<(Vec<f64>, f64)> {
    let problem = Problem {
        file,
        eval: RefCell::new(eval),
        target,
        w,
        phase,
        failed: RefCell::new(None),
    };
    let start_cost = problem.cost(&start.to_vec()).ok();
    if let Some(e) = problem.failed.borrow_mut().take() {
        return Err(e);
    }
    let mut best = (start.to_vec(), start_cost.unwrap_or(f64::INFINITY));
    let mut left = file.local_iterations;
    for _ in 0..=MAX_RESTARTS {
        if left == 0 {
            break;
        }
        let (point, cost, used) = nelder_mead(&problem, &best.0, left)?;
        left = left.saturating_sub(used.max(1));
        // The start point (or the previous round's best) is kept if nothing better is found.
        if cost < best.1 - 1e-9 * (1.0 + best.1.abs()) {
            best = (point, cost);
        } else {
            break;
        }
    }
    Ok(best)
}

/// Restarts of the local search after its first round, at most.
const MAX_RESTARTS: usize = 5;

/// One round of Nelder-Mead from `start` with a simplex of side [`SIMPLEX_SIDE`], for at
/// most `iterations`; returns its best point (inside the box), that point's objective inside
/// the box, and the iterations used.
fn nelder_mead(
    problem: &Problem<'_, '_>,
    start: &[f64],
    iterations: u64,
) -> Result<(Vec<f64>, f64, u64)> {
    let p = start.len();
    let mut simplex = vec![start.to_vec()];
    for d in 0..p {
        let mut v = start.to_vec();
        v[d] = if v[d] + SIMPLEX_SIDE <= 1.0 {
            v[d] + SIMPLEX_SIDE
        } else {
            v[d] - SIMPLEX_SIDE
        };
        simplex.push(v);
    }
    let solver = NelderMead::new(simplex)
        .with_sd_tolerance(1e-8)
        .map_err(|e| anyhow::anyhow!("the local search cannot start: {e}"))?;
    let run = Executor::new(problem, solver)
        .configure(|s| s.max_iters(iterations))
        .run();
    if let Some(e) = problem.failed.borrow_mut().take() {
        return Err(e);
    }
    let run = run.map_err(|e| anyhow::anyhow!("the local search failed: {e}"))?;
    let state = run.state();
    let used = state.get_iter();
    let best = state
        .get_best_param()
        .cloned()
        .unwrap_or_else(|| start.to_vec());
    let best: Vec<f64> = best.iter().map(|x| x.clamp(0.0, 1.0)).collect();
    // The best point's cost inside the box (argmin's best may carry a penalty).
    let cost = problem
        .cost(&best)
        .map_err(|e| anyhow::anyhow!("the local search failed: {e}"))?;
    if let Some(e) = problem.failed.borrow_mut().take() {
        return Err(e);
    }
    Ok((best, cost, used))
}

impl CostFunction for &Problem<'_, '_> {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, u: &Vec<f64>) -> std::result::Result<f64, argmin::core::Error> {
        (*self).cost(u)
    }
}

/// The Jacobians of every moment (targets, then validation rows) at `u` by finite
/// differences at steps h = `step` and 2h: central where both sides lie in the box,
/// one-sided at a bound. All points are evaluated together.
pub(crate) fn jacobians(
    file: &CalibrationFile,
    eval: &mut Evaluator<'_>,
    u: &[f64],
) -> Result<(DMatrix<f64>, DMatrix<f64>)> {
    let mut g = differences(file, eval, u, &[file.step, 2.0 * file.step], "jacobian")?;
    let g_2h = g.pop().expect("two steps");
    let g_h = g.pop().expect("two steps");
    Ok((g_h, g_2h))
}

/// The Jacobian of every moment at `u` for each step of `steps` (internal coordinates), by
/// central differences where both sides lie in the box, one-sided at a bound; all points
/// evaluated together in `phase`.
fn differences(
    file: &CalibrationFile,
    eval: &mut Evaluator<'_>,
    u: &[f64],
    steps: &[f64],
    phase: &'static str,
) -> Result<Vec<DMatrix<f64>>> {
    let p = u.len();
    let k = file.moments.len() + file.validate.len();
    // For each step and parameter: (lower point, upper point, distance between them).
    let mut plan: Vec<(Vec<f64>, Vec<f64>, f64)> = Vec::new();
    for &h in steps {
        for d in 0..p {
            let lo = (u[d] - h).max(0.0);
            let hi = (u[d] + h).min(1.0);
            let (mut a, mut b) = (u.to_vec(), u.to_vec());
            a[d] = lo;
            b[d] = hi;
            plan.push((a, b, hi - lo));
        }
    }
    let mut points = Vec::new();
    for (a, b, _) in &plan {
        points.push(natural(file, a));
        points.push(natural(file, b));
    }
    let evals = eval.evaluate(phase, &points)?;
    let mut g = vec![DMatrix::zeros(k, p); steps.len()];
    for (n, (_, _, dist)) in plan.iter().enumerate() {
        let (step, d) = (n / p, n % p);
        let (lo, hi) = (evals[2 * n].mean(), evals[2 * n + 1].mean());
        for i in 0..k {
            g[step][(i, d)] = (hi[i] - lo[i]) / dist;
        }
    }
    Ok(g)
}

/// Gauss-Newton steps on the targets after Nelder-Mead, at most [`POLISH_STEPS`]: with G the
/// targets' Jacobian at the current point (step `step`) and r their distance from the
/// documented values, the step −(G′WG)⁻¹G′W r, halved up to three times until it lowers the
/// objective; the polish stops at the first step that does not. Nelder-Mead crawls along a
/// narrow valley (two parameters that move the targets almost alike); the linear model of the
/// moments moves along it. Returns the best point and its objective.
pub(crate) fn polish(
    file: &CalibrationFile,
    eval: &mut Evaluator<'_>,
    target: &[f64],
    w: &DMatrix<f64>,
    start: (Vec<f64>, f64),
    phase: &'static str,
) -> Result<(Vec<f64>, f64)> {
    let m = target.len();
    let mut best = start;
    for _ in 0..POLISH_STEPS {
        let g = differences(file, eval, &best.0, &[file.step], phase)?.remove(0);
        let g = g.rows(0, m).into_owned();
        let at = eval
            .evaluate(phase, &[natural(file, &best.0)])?
            .remove(0)
            .mean();
        let r = DVector::from_iterator(m, (0..m).map(|i| at[i] - target[i]));
        let gtw = g.transpose() * w;
        let Some(inverse) = (&gtw * &g).try_inverse() else {
            break;
        };
        let delta = inverse * (gtw * r);
        if !delta.iter().all(|x| x.is_finite()) {
            break;
        }
        let mut improved = false;
        let mut lambda = 1.0;
        for _ in 0..4 {
            let candidate: Vec<f64> = best
                .0
                .iter()
                .zip(delta.iter())
                .map(|(u, d)| (u - lambda * d).clamp(0.0, 1.0))
                .collect();
            let e = eval
                .evaluate(phase, &[natural(file, &candidate)])?
                .remove(0);
            let q = objective(&e.mean()[..m], target, w);
            if q < best.1 - 1e-9 * (1.0 + best.1.abs()) {
                best = (candidate, q);
                improved = true;
                break;
            }
            lambda /= 2.0;
        }
        if !improved {
            break;
        }
    }
    Ok(best)
}

/// Gauss-Newton steps after the local search, at most.
const POLISH_STEPS: usize = 4;

/// Half-width of the objective's profile around the estimate, internal coordinates.
const PROFILE_HALF_WIDTH: f64 = 0.15;

/// The objective along each parameter around the estimate `u` (the others held at theirs):
/// `profile_points` evenly spaced offsets from −0.15 to +0.15 of the parameter's range (points
/// outside the range are left out), all evaluated together. Per parameter: (offset, value,
/// objective) in increasing offset.
pub(crate) fn profiles(
    file: &CalibrationFile,
    eval: &mut Evaluator<'_>,
    u: &[f64],
    target: &[f64],
    w: &DMatrix<f64>,
) -> Result<Vec<Vec<(f64, f64, f64)>>> {
    let n = file.profile_points;
    let offsets: Vec<f64> = (0..n)
        .map(|k| {
            if n == 1 {
                0.0
            } else {
                -PROFILE_HALF_WIDTH + 2.0 * PROFILE_HALF_WIDTH * k as f64 / (n - 1) as f64
            }
        })
        .collect();
    let mut plan = Vec::new();
    for d in 0..u.len() {
        for &off in &offsets {
            if (0.0..=1.0).contains(&(u[d] + off)) {
                let mut v = u.to_vec();
                v[d] += off;
                plan.push((d, off, natural(file, &v)));
            }
        }
    }
    let points: Vec<Vec<f64>> = plan.iter().map(|p| p.2.clone()).collect();
    let evals = eval.evaluate("profile", &points)?;
    let m = target.len();
    let mut out = vec![Vec::new(); u.len()];
    for ((d, off, point), e) in plan.into_iter().zip(&evals) {
        out[d].push((off, point[d], objective(&e.mean()[..m], target, w)));
    }
    Ok(out)
}
