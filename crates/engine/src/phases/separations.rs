//! Quits and dismissals: every payroll worker independently separates into unemployment with
//! its sector's monthly probability.
//!
//! Cost grows with the separations, not with the workforce: instead of one Bernoulli draw per
//! worker, the gaps between separating workers along each firm's payroll are drawn from the
//! geometric distribution (the same process, by the memoryless property): one draw per
//! separation plus one per firm. Each firm draws from its own stream (keyed by the firm), so a
//! change at one firm leaves every other firm's separations as they were.
//!
//! Reads: payrolls, sector separation rates. Writes: separations through `Economy::separate_batch`
//! (at firms under closure notice through `Economy::separate_at`, recorded as displacements).

use crate::params::Params;
use crate::rng::{Gaps, MonthStreams, Phase};
use crate::state::{Economy, FirmStatus};

/// Runs the month's separations; `selected` is scratch space reused from month to month.
pub fn separate(
    eco: &mut Economy,
    params: &Params,
    streams: &MonthStreams,
    selected: &mut Vec<(u32, u32)>,
) {
    let gaps: Vec<Option<Gaps>> = params
        .sectors
        .iter()
        .map(|s| Gaps::new(s.separation_rate))
        .collect();
    // Every (firm, payroll position) that separates this month, in firm order and increasing
    // position. Only the payroll lengths and sectors are read here.
    selected.clear();
    let firms = &eco.firms;
    for (j, (headcount, &sector)) in firms.employees.headcounts().zip(&firms.sector).enumerate() {
        let h = u64::from(headcount);
        if h == 0 {
            continue;
        }
        let Some(d) = &gaps[sector as usize] else {
            continue;
        };
        let rng = &mut streams.of(Phase::Separations, j as u64);
        let mut pos = d.sample(rng);
        while pos < h {
            selected.push((j as u32, pos as u32));
            pos += 1 + d.sample(rng); // No overflow: see `Gaps::LONGEST`.
        }
    }
    // Quits at firms under closure notice are displacements (the closure's cohort counts
    // everyone on the payroll at the announcement); they leave one at a time, from the
    // highest position down. The rest leave as one batch (`batch.rs`).
    if eco.firms.status.contains(&FirmStatus::Noticed) {
        let noticed: Vec<(u32, u32)> = selected
            .iter()
            .copied()
            .filter(|&(j, _)| eco.firms.status[j as usize] == FirmStatus::Noticed)
            .collect();
        if !noticed.is_empty() {
            selected.retain(|&(j, _)| eco.firms.status[j as usize] != FirmStatus::Noticed);
            for &(j, pos) in noticed.iter().rev() {
                let w = eco.firms.employees[j as usize][pos as usize];
                eco.record_displacement(w, false);
                eco.separate_at(w, pos, false);
            }
        }
    }
    eco.separate_batch(selected);
}
