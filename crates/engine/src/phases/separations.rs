//! Quits and dismissals: every payroll worker independently separates into unemployment with
//! its sector's monthly probability.
//!
//! Cost grows with the separations, not with the workforce: instead of one Bernoulli draw per
//! worker, the gaps between separating workers along the concatenated payrolls are drawn from
//! the geometric distribution (the same process, by the memoryless property). Only one draw
//! per separation plus one per change of rate is made.
//!
//! Reads: payrolls, sector separation rates. Writes: separations through `Economy::separate`.

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
    // Every (firm, position) that separates this month, in firm order and increasing position.
    selected.clear();
    for j in 0..eco.firms.len() {
        let h = eco.firms.employees[j].len() as u64;
        if h == 0 {
            continue;
        }
        let p = params.sectors[eco.firms.sector[j] as usize].separation_rate;
        if p <= 0.0 {
            continue;
        }
        if p != rate {
            rate = p;
            dist = Gaps::new(p);
            gap = dist.as_ref().map_or(0, |d| d.sample(rng));
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
    // selected worker (positions below the one removed keep their worker). Records are asked
    // for a few removals ahead, and the list tail that moves is asked for at once, so that the
    // memory accesses overlap.
    // Two stages: the payroll entry far ahead, then the record it names nearer ahead.
    const AHEAD: usize = 8;
    for (k, &(j, p)) in selected.iter().enumerate().rev() {
        if let Some(&(ja, pa)) = k.checked_sub(2 * AHEAD).map(|a| &selected[a]) {
            prefetch(&eco.firms.employees[ja as usize][pa as usize]);
        }
        if let Some(&(ja, pa)) = k.checked_sub(AHEAD).map(|a| &selected[a]) {
            prefetch(&eco.workers.rec[eco.firms.employees[ja as usize][pa as usize] as usize]);
        }
        let list = &eco.firms.employees[j as usize];
        prefetch(&eco.workers.rec[list[list.len() - 1] as usize]);
        let w = list[p as usize];
        eco.separate(w, false);
    }
}
