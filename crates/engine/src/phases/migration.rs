//! Moves of job seekers for work: an unemployed worker may move its residence to another
//! region it can reach, more readily the better the expected earnings there.
//!
//! Each month an unemployed worker living in region `r` moves to region `d ≠ r` with
//! probability `m · a_rd · (e_d / e_r)^β`, where `m` is `regional.job_seeker_move_rate` (the
//! rate at which a job seeker moves to a fully accessible region that looks no better than
//! home: what is left of the wish to move once its cost is paid), `a_rd` the accessibility of
//! `d` from `r` (a region a seeker cannot reach is one it does not know and does not move to),
//! `e` a region's expected monthly earnings for a resident in the labour force (the share of
//! its labour force in work times its residents' mean pay: the Harris–Todaro comparison) and `β`
//! `regional.move_gain_elasticity`. The probabilities over all destinations are scaled down
//! together if they add up to more than one.
//!
//! The employed move too, but for a job: a worker hired in another region commutes, and may
//! then move there (`moves.rs`); with the job ladder on, that happens when a job elsewhere pays
//! better. The unemployed move much less than the employed (calibration: H2), so `m` is small.
//!
//! A moving job seeker keeps its spell, claim and asking wage and joins the queue of its
//! occupation in the new region (`Economy::move_job_seeker`).
//!
//! Cost follows the moves: the movers along each local market's pool are drawn with geometric
//! gaps at the market's total moving probability, each market from its own stream, and each
//! mover's destination from the same stream; so a market's draws depend only on the regions it
//! can reach.
//!
//! Reads: pools, regional unemployment and residents' pay. Writes: residences of job seekers.

use rand::RngExt;

use crate::params::{Params, RegionId};
use crate::pool::HOLE;
use crate::rng::{Gaps, MonthStreams, Phase};
use crate::state::Economy;

/// Runs the month's moves of job seekers.
pub fn run(eco: &mut Economy, params: &Params, streams: &MonthStreams) {
    let reg = &params.regional;
    let n = params.regions.len();
    if reg.job_seeker_move_rate <= 0.0 || n < 2 {
        return;
    }
    let earnings = expected_earnings(eco, params);
    // Each region's destinations with their monthly probabilities.
    let destinations: Vec<Vec<(RegionId, f64)>> = (0..n)
        .map(|r| {
            let mut out = Vec::new();
            let Some(home) = earnings[r] else {
                return out;
            };
            for (d, e) in earnings.iter().enumerate() {
                let a = params.accessibility[r * n + d];
                let Some(e) = e else { continue };
                if d == r || a <= 0.0 {
                    continue;
                }
                // Capped at 1 before the scaling below, so that a destination whose ratio
                // overflows stays the most attractive rather than dropping out.
                let p = (reg.job_seeker_move_rate * a * (e / home).powf(reg.move_gain_elasticity))
                    .min(1.0);
                if p > 0.0 {
                    out.push((d as RegionId, p));
                }
            }
            let total: f64 = out.iter().map(|&(_, p)| p).sum();
            if total > 1.0 {
                out.iter_mut().for_each(|(_, p)| *p /= total);
            }
            out
        })
        .collect();
    let n_occ = params.occupations.len();
    let mut moving = Vec::new();
    for (m, pool) in eco.pools.iter().enumerate() {
        let options = &destinations[m / n_occ];
        let total: f64 = options.iter().map(|&(_, p)| p).sum();
        let entries = pool.entries();
        let Some(gaps) = Gaps::new(total.min(1.0)) else {
            continue;
        };
        if entries.is_empty() {
            continue;
        }
        let rng = &mut streams.of(Phase::Migration, m as u64);
        let mut pos = gaps.sample(rng);
        while pos < entries.len() as u64 {
            let w = entries[pos as usize];
            // A destination in proportion to its probability (drawn for holes too, so that
            // a hole does not shift the next member's draws).
            let mut u = rng.random::<f64>() * total;
            let mut to = options[options.len() - 1].0;
            for &(d, p) in options {
                if u < p {
                    to = d;
                    break;
                }
                u -= p;
            }
            if w != HOLE {
                moving.push((w, to));
            }
            pos += 1 + gaps.sample(rng); // No overflow: see `Gaps::LONGEST`.
        }
    }
    for (w, to) in moving {
        eco.move_job_seeker(w, to);
    }
}

/// Each region's expected monthly earnings of a resident in the labour force, cents: the
/// employed share of its labour force times its employed residents' mean pay (`None` for a
/// region without employed residents).
fn expected_earnings(eco: &Economy, params: &Params) -> Vec<Option<f64>> {
    let t = eco.month.0;
    (0..params.regions.len())
        .map(|r| {
            let cell = &eco.resident_wages[r];
            if cell.n == 0 {
                return None;
            }
            let employed = cell.n as f64;
            let force = employed + eco.region_unemployed[r] as f64;
            let pay = cell.wage_sum(t, eco.tenure_return, eco.tenure_cap) / employed;
            Some(employed / force * pay)
        })
        .collect()
}
