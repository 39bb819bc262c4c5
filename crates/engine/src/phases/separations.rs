//! Quits and dismissals: every payroll worker independently separates into unemployment with
//! its sector's monthly probability.
//!
//! Cost grows with the separations, not with the workforce: instead of one Bernoulli draw per
//! worker, the gaps between separating workers along the concatenated payrolls are drawn from
//! the geometric distribution (the same process, by the memoryless property). Only one draw
//! per separation plus one per change of rate is made.
//!
//! Reads: payrolls, sector separation rates. Writes: separations through `Economy::separate`.

use rand_distr::{Distribution, Geometric};

use crate::params::Params;
use crate::rng::SimRng;
use crate::state::Economy;

/// Runs the month's separations.
pub fn separate(eco: &mut Economy, params: &Params, rng: &mut SimRng) {
    let mut rate = f64::NAN;
    let mut dist: Option<Geometric> = None;
    let mut gap: u64 = 0;
    let mut selected: Vec<usize> = Vec::new();
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
            dist = Some(Geometric::new(p).expect("validated separation rate"));
            gap = dist.as_ref().map_or(0, |d| d.sample(rng));
        }
        let d = dist.as_ref().expect("set above");
        selected.clear();
        let mut pos = gap;
        while pos < h {
            selected.push(pos as usize);
            pos = pos.saturating_add(1).saturating_add(d.sample(rng));
        }
        gap = pos - h;
        // Remove from the highest position down, so swap-removal never moves a selected worker.
        for &p in selected.iter().rev() {
            let w = eco.firms.employees[j][p];
            eco.separate(w, false);
        }
    }
}
