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
///
/// One pass over the firm columns, zipped so that no firm column is indexed per firm; what depends
/// only on the cell (sector index and supply factor) is looked up in one small table.
pub fn update_targets(eco: &mut Economy, params: &Params) {
    let t = eco.month;
    let n_sectors = params.sectors.len();
    let sector_index: Vec<f64> = params
        .sectors
        .iter()
        .map(|s| s.demand.at(t) / s.productivity.at(t))
        .collect();
    // Per cell (region × sector): the sector's index and the local supply factor.
    let cell_factors: Vec<(f64, f64)> = supply_factors(eco, params)
        .into_iter()
        .enumerate()
        .map(|(c, supply)| (sector_index[c % n_sectors], supply))
        .collect();
    let f = &mut eco.firms;
    let columns = f.status.iter().zip(&f.cell).zip(&f.base_size);
    let factors = f.tech_factor.iter().zip(&f.policy_factor);
    for (target, (((&status, &cell), &base), (&tech, &policy))) in
        f.target.iter_mut().zip(columns.zip(factors))
    {
        if status == FirmStatus::Closed {
            *target = 0;
            continue;
        }
        let (index, supply) = cell_factors[cell as usize];
        // The same product, in the same order, as base × sector index × supply × technology ×
        // policy factor.
        let need = f64::from(base) * index * supply * f64::from(tech) * f64::from(policy);
        // Rounded to the nearest worker: flooring would cut one job from every firm at the
        // slightest dip in demand.
        *target = (need + 0.5) as u32; // Non-negative: truncation rounds half up.
    }
}
