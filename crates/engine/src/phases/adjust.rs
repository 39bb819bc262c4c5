//! Firm adjustment: firms with more workers than their target lay off a share of the excess
//! each month (the sector's layoff speed, slowed by a works council); the rest goes by
//! attrition. Short-time workers count with the hours they still work.
//!
//! Reads: targets, payrolls, short-time hours. Writes: layoffs through `Economy::separate_at`.

use rand::RngExt;

use crate::params::Params;
use crate::policy::ExcessLabour;
use crate::rng::{MonthStreams, Phase, SimRng};
use crate::state::{Economy, FirmStatus, Status};

/// Workers above target at firm `j`, in full-time equivalents rounded up.
#[inline]
fn excess(eco: &Economy, j: usize) -> u32 {
    let f = &eco.firms;
    if f.employees.headcount(j) <= f.target[j] {
        return 0; // Short-time work only lowers the effective headcount.
    }
    let effective = f64::from(f.employees.headcount(j))
        - f64::from(f.short_time[j]) * f64::from(f.hours_cut[j]);
    let over = effective - f64::from(f.target[j]);
    if over > 1e-9 { over.ceil() as u32 } else { 0 }
}

/// Layoffs firm `j` makes this month for `excess` workers above target.
fn planned_layoffs(eco: &Economy, params: &Params, j: usize, excess: u32) -> u32 {
    let f = &eco.firms;
    let mut speed = params.sectors[f.sector[j] as usize].layoff_speed;
    if f.works_council[j] {
        speed *= params.works_council_layoff_factor;
    }
    (f64::from(excess) * speed - 1e-9).ceil().max(0.0) as u32
}

/// Firms above target this month, with the layoffs they plan.
pub fn excess_labour(eco: &Economy, params: &Params) -> Vec<ExcessLabour> {
    let mut out = Vec::new();
    for j in 0..eco.firms.len() {
        if eco.firms.status[j] == FirmStatus::Closed {
            continue;
        }
        let e = excess(eco, j);
        if e > 0 {
            let planned = planned_layoffs(eco, params, j, e);
            out.push(ExcessLabour {
                firm: j as u32,
                excess: e,
                planned_layoffs: planned,
            });
        }
    }
    out
}

/// Lays off workers at the firms in `candidates`, recomputing their excess after policies
/// acted (each firm draws from its own stream). Full-hours workers are chosen uniformly; short-time workers and trainees only when
/// no full-hours worker is left.
pub fn lay_off(
    eco: &mut Economy,
    params: &Params,
    candidates: &[ExcessLabour],
    streams: &MonthStreams,
) {
    for c in candidates {
        let j = c.firm as usize;
        let rng = &mut streams.of(Phase::Adjust, j as u64);
        let e = excess(eco, j);
        let n = planned_layoffs(eco, params, j, e);
        for _ in 0..n {
            let Some(pos) = pick_full_hours(eco, j, rng) else {
                break;
            };
            let w = eco.firms.employees[j][pos];
            eco.separate_at(w, pos as u32, true);
        }
    }
}

/// The payroll position of a worker of firm `j` to lay off.
fn pick_full_hours(eco: &Economy, j: usize, rng: &mut SimRng) -> Option<usize> {
    let list = &eco.firms.employees[j];
    if list.is_empty() {
        return None;
    }
    let full_hours = |pos: usize| eco.workers.rec[list[pos] as usize].status == Status::Employed;
    for _ in 0..32 {
        let pos = rng.random_range(0..list.len());
        if full_hours(pos) {
            return Some(pos);
        }
    }
    let full: Vec<usize> = (0..list.len()).filter(|&pos| full_hours(pos)).collect();
    if full.is_empty() {
        Some(rng.random_range(0..list.len()))
    } else {
        Some(full[rng.random_range(0..full.len())])
    }
}
