//! Quits and dismissals: every payroll worker independently separates into unemployment with
//! its sector's monthly probability.
//!
//! Cost grows with the separations, not with the workforce: instead of one Bernoulli draw per
//! worker, the gaps between separating workers along the concatenated payrolls are drawn from
//! the geometric distribution (the same process, by the memoryless property). Only one draw
//! per separation plus one per change of rate is made.
//!
//! Reads: payrolls, sector separation rates. Writes: separations through `Economy::separate_at`.

use crate::params::Params;
use crate::prefetch::prefetch;
use crate::rng::{Gaps, SimRng};
use crate::state::Economy;

/// Runs the month's separations; `selected` is scratch space reused from month to month.
pub fn separate(
    eco: &mut Economy,
    params: &Params,
    rng: &mut SimRng,
    selected: &mut Vec<(u32, u32)>,
) {
    let mut rate = f64::NAN;
    let mut dist: Option<Gaps> = None;
    let mut gap: u64 = 0;
    // Every (firm, payroll position) that separates this month, in firm order and increasing
    // position. Only the payroll lengths are read here.
    selected.clear();
    for (j, list) in eco.firms.employees.iter().enumerate() {
        let h = list.len() as u64;
        if h == 0 {
            continue;
        }
        let p = params.sectors[eco.firms.sector[j] as usize].separation_rate;
        if p != rate {
            if p <= 0.0 {
                continue;
            }
            rate = p;
            dist = Gaps::new(p);
            gap = dist.as_ref().map_or(0, |d| d.sample(rng));
        }
        if gap >= h {
            gap -= h;
            continue;
        }
        let d = dist.as_ref().expect("set above");
        let mut pos = gap;
        while pos < h {
            selected.push((j as u32, pos as u32));
            pos = pos.saturating_add(1).saturating_add(d.sample(rng));
        }
        gap = pos - h;
    }
    // Remove from the highest position down within each firm, so swap-removal never moves a
    // selected worker: positions below the one removed keep their worker, so every selected
    // position holds the same worker until it is removed. What a removal touches is asked
    // for from memory ahead, in stages so that the accesses overlap: the payroll entry (and
    // the payroll's end, which swap-removal reads) furthest ahead, then the record it names.
    const AHEAD: usize = 8;
    let worker_at = |eco: &Economy, k: usize| {
        let (j, p) = selected[k];
        eco.firms.employees[j as usize][p as usize]
    };
    for k in (0..selected.len()).rev() {
        if k >= 3 * AHEAD {
            let (j, p) = selected[k - 3 * AHEAD];
            let list = &eco.firms.employees[j as usize];
            prefetch(&list[p as usize]);
            prefetch(&list[list.len() - 1]);
        }
        if k >= AHEAD {
            prefetch(&eco.workers.rec[worker_at(eco, k - AHEAD) as usize]);
        }
        eco.separate_at(worker_at(eco, k), selected[k].1, false);
    }
}
