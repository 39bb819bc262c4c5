//! Firms' target headcounts: base size × demand / productivity × local supply-chain factor ×
//! local spending factor × the firm's capacity × technology factor × policy factor, rounded to
//! the nearest worker; and residents' spending per region, which drives the demand of
//! non-tradable sectors. A firm's capacity is its own choice (`phases/creation.rs`); it is 1
//! while job creation is off.
//!
//! Local spending: each month the residents of a region receive net earnings (their gross
//! wage sum less contributions and income tax, at their mean wage) and transfers (unemployment
//! benefit, basic income). Spending follows this income with a lag (exponential smoothing);
//! a sector's non-tradable share (`Sector::local_demand`) of demand in a region moves with the
//! region's spending relative to the first reported month. A closure's lost wages thus reach
//! local services over months, the drop cushioned by benefits, and the jobs lost there lower
//! incomes in turn: the local multiplier emerges (calibration: J1).

use crate::params::Params;
use crate::state::{Economy, FirmStatus};

/// Demand of one cell (region × sector) besides the sector's index: the supply-chain factor,
/// the non-tradable share and residents' spending against its reference.
#[derive(Clone, Copy, Debug)]
pub struct CellDemand {
    /// Factor from supply-chain links: a supplier's local demand falls with its customer
    /// sector's local employment (last month vs the start).
    pub links: f64,
    /// Share of demand spent by the region's residents (`Sector::local_demand`).
    pub local_share: f64,
    /// Residents' spending against the reference of the first reported month (`None` without
    /// a reference).
    pub spending: Option<f64>,
}

impl CellDemand {
    /// The cell's demand factor for a firm of capacity `capacity`: supply-chain links, the
    /// non-tradable part scaled by residents' spending, and the capacity the firm chose.
    #[inline]
    pub fn factor(&self, capacity: f64) -> f64 {
        let mut factor = self.links;
        if let (Some(ratio), true) = (self.spending, self.local_share > 0.0) {
            factor *= 1.0 - self.local_share + self.local_share * ratio;
        }
        if capacity != 1.0 {
            factor *= capacity;
        }
        factor
    }
}

/// Demand of each cell (region × sector) besides the sector's index.
pub fn cell_demand(eco: &Economy, params: &Params) -> Vec<CellDemand> {
    let n_sectors = params.sectors.len();
    let mut cells: Vec<CellDemand> = (0..eco.wage_cells.len())
        .map(|c| CellDemand {
            links: 1.0,
            local_share: params.sectors[c % n_sectors].local_demand.max(0.0),
            spending: None,
        })
        .collect();
    for link in &params.supply_links {
        for r in 0..params.regions.len() {
            let customer = r * n_sectors + link.customer as usize;
            let initial = eco.initial_cell_employment[customer];
            if initial == 0 {
                continue;
            }
            let ratio = eco.last_cell_employment[customer] as f64 / initial as f64;
            cells[r * n_sectors + link.supplier as usize].links *=
                1.0 - link.dependence + link.dependence * ratio;
        }
    }
    for r in 0..params.regions.len() {
        let reference = eco.initial_spending[r];
        if reference > 0.0 {
            let ratio = eco.spending[r] / reference;
            for cell in &mut cells[r * n_sectors..(r + 1) * n_sectors] {
                cell.spending = Some(ratio);
            }
        }
    }
    cells
}

/// Residents' income per region this month, € per month: net earnings of residents on a
/// payroll (at the residents' mean wage) plus the unemployment benefit and basic income paid
/// to residents.
pub fn resident_income(eco: &Economy, params: &Params) -> Vec<f64> {
    let t = eco.month.0;
    let rules = &params.benefits;
    (0..params.regions.len())
        .map(|r| {
            let cell = &eco.resident_wages[r];
            let gross = cell.wage_sum(
                t,
                params.wages.tenure_return,
                params.wages.tenure_cap_months,
            );
            let net = if cell.n > 0 && rules.enabled {
                let mean = gross / cell.n as f64;
                rules.net_pay(mean) * cell.n as f64
            } else {
                gross
            };
            let transfers = eco.benefits.region_amount[r] as f64
                + eco.benefits.region_basic[r] as f64 * rules.basic_income * 100.0;
            (net + if rules.enabled { transfers } else { 0.0 }) / 100.0
        })
        .collect()
}

/// Moves residents' spending one month towards this month's income (called at the end of the
/// month): the newest month weighs `1 / (1 + lag)`.
pub fn update_spending(eco: &mut Economy, params: &Params) {
    let income = resident_income(eco, params);
    let weight = 1.0 / (1.0 + params.regional.spending_lag_months.max(0.0));
    for (s, y) in eco.spending.iter_mut().zip(income) {
        *s += weight * (y - *s);
    }
}

/// Sets residents' spending to their current income and makes it the reference level of
/// local demand (at the start of the reported run).
pub fn reset_spending(eco: &mut Economy, params: &Params) {
    eco.spending = resident_income(eco, params);
    eco.initial_spending.clone_from(&eco.spending);
}

/// Sets every firm's target headcount for the current month.
///
/// One pass over the firm columns, zipped so that no firm column is indexed per firm; what depends
/// only on the cell (sector index and demand factors) is looked up in one small table.
pub fn update_targets(eco: &mut Economy, params: &Params) {
    let t = eco.month;
    let n_sectors = params.sectors.len();
    let sector_index: Vec<f64> = params
        .sectors
        .iter()
        .map(|s| s.demand.at(t) / s.productivity.at(t))
        .collect();
    // Per cell (region × sector): the sector's index and the cell's demand factors.
    let cell_factors: Vec<(f64, CellDemand)> = cell_demand(eco, params)
        .into_iter()
        .enumerate()
        .map(|(c, demand)| (sector_index[c % n_sectors], demand))
        .collect();
    let f = &mut eco.firms;
    let columns = f
        .status
        .iter()
        .zip(&f.cell)
        .zip(f.base_size.iter().zip(&f.capacity));
    let factors = f.tech_factor.iter().zip(&f.policy_factor).zip(&f.hours);
    for (target, (((&status, &cell), (&base, &capacity)), ((&tech, &policy), &hours))) in
        f.target.iter_mut().zip(columns.zip(factors))
    {
        if status == FirmStatus::Closed {
            *target = 0;
            continue;
        }
        let (index, demand) = &cell_factors[cell as usize];
        let supply = demand.factor(f64::from(capacity));
        // The same product, in the same order, as base × sector index × demand × technology ×
        // policy factor.
        let mut need = f64::from(base) * index * supply * f64::from(tech) * f64::from(policy);
        if hours != 1.0 {
            need /= f64::from(hours); // Shorter hours: more heads for the same work.
        }
        // Rounded to the nearest worker: flooring would cut one job from every firm at the
        // slightest dip in demand.
        *target = (need + 0.5) as u32; // Non-negative: truncation rounds half up.
    }
}
