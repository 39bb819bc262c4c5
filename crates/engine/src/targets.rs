//! Firms' target headcounts: base size × demand / productivity × local supply-chain factor ×
//! technology factor × policy factor, rounded to the nearest worker.

use crate::params::Params;
use crate::state::{Economy, FirmStatus};

/// Demand factor of each cell (region × sector) from supply-chain links: a supplier's local
/// demand falls with its customer sector's local employment (last month vs the start).
pub fn supply_factors(eco: &Economy, params: &Params) -> Vec<f64> {
    let n_sectors = params.sectors.len();
    let mut factors = vec![1.0; eco.wage_cells.len()];
    for link in &params.supply_links {
        for r in 0..params.regions.len() {
            let customer = r * n_sectors + link.customer as usize;
            let initial = eco.initial_cell_employment[customer];
            if initial == 0 {
                continue;
            }
            let ratio = eco.last_cell_employment[customer] as f64 / initial as f64;
            factors[r * n_sectors + link.supplier as usize] *=
                1.0 - link.dependence + link.dependence * ratio;
        }
    }
    factors
}

/// Sets every firm's target headcount for the current month.
pub fn update_targets(eco: &mut Economy, params: &Params) {
    let t = eco.month;
    let sector_index: Vec<f64> = params
        .sectors
        .iter()
        .map(|s| s.demand.at(t) / s.productivity.at(t))
        .collect();
    let supply = supply_factors(eco, params);
    let f = &mut eco.firms;
    for (j, target) in f.target.iter_mut().enumerate() {
        if f.status[j] == FirmStatus::Closed {
            *target = 0;
            continue;
        }
        let need = f64::from(f.base_size[j])
            * sector_index[f.sector[j] as usize]
            * supply[f.cell[j] as usize]
            * f64::from(f.tech_factor[j])
            * f64::from(f.policy_factor[j]);
        // Rounded to the nearest worker: flooring would cut one job from every firm at the
        // slightest dip in demand.
        *target = (need + 0.5) as u32; // Non-negative: truncation rounds half up.
    }
}
