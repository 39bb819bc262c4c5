//! Quits and dismissals: every payroll worker independently separates into unemployment with
//! its sector's monthly probability.
//!
//! Cost grows with the separations, not with the workforce: instead of one Bernoulli draw per
//! worker, the gaps between separating workers along the concatenated payrolls are drawn from
//! the geometric distribution (the same process, by the memoryless property). Only one draw
//! per separation plus one per change of rate is made.
//!
//! Reads: payrolls, sector separation rates. Writes: separations through `Economy::separate_batch`.

use crate::params::Params;
use crate::rng::{Gaps, SimRng};
use crate::state::Economy;

/// Runs the month's separations; `selected` is scratch space reused from month to month.
pub fn separate(
    eco: &mut Economy,
    params: &Params,
    rng: &mut SimRng,
    selected: &mut Vec<(u32, u32)>,
) {
    let rates: Vec<f64> = params.sectors.iter().map(|s| s.separation_rate).collect();
    let mut rate = f64::NAN;
    let mut dist: Option<Gaps> = None;
    let mut gap: u64 = 0;
    // Every (firm, payroll position) that separates this month, in firm order and increasing
    // position. Only the payroll lengths and sectors are read here.
    selected.clear();
    let firms = &eco.firms;
    for (j, (headcount, &sector)) in firms.employees.headcounts().zip(&firms.sector).enumerate() {
        let h = u64::from(headcount);
        if h == 0 {
            continue;
        }
        let p = rates[sector as usize];
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
            pos += 1 + d.sample(rng); // No overflow: see `Gaps::LONGEST`.
        }
        gap = pos - h;
    }
    // The removals, as one batch (`batch.rs`).
    eco.separate_batch(selected);
}
