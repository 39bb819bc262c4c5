//! Job creation and destruction by firms' own decisions, and the regional wage curve.
//!
//! **Capacity.** Each month a producing firm compares the value of a filled job with the
//! expected cost of filling one (the job-creation condition of the DMP model, taken to the
//! firm: `dmp-reference.md`, calibration: M6, M7):
//! - value `V = (p · (k / k̄)^(−1/ε) − w) / (r + s)`: output per worker `p` (a share of the
//!   firm's initial entry wage `b`), at a price that falls as the firm's capacity `k` grows
//!   against the mean capacity `k̄` of the regions within its region's reach (weighted by
//!   accessibility and base size; demand elasticity `ε`), less the entry wage `w`
//!   it pays now, discounted by the monthly discount rate and the sector's separation rate;
//! - cost `C = w · (vacancy_cost · D + hiring_cost_months)`: the vacancy's cost for as long as
//!   vacancies of its cell (region × sector) stay open, `D` months (vacancies posted over hires,
//!   both smoothed over `signal_months`), plus the cost of the hire itself.
//!
//! A cell whose firms posted no vacancies gives no signal of what hiring costs: its firms keep
//! their capacity. A firm with more workers than its target is not hiring, so it may narrow
//! its capacity but not widen it (a declining sector does not grow back on cheap hiring).
//!
//! `p` is set so that a firm at its base size (`k = k̄`) paying `b` is indifferent when
//! vacancies last `vacancy_duration_months` (calibration: M7). While `V > C` the firm widens
//! its capacity, while `V < C` it narrows it, by at most `adjustment_speed` log points a month
//! (in proportion to the relative gap `(V − C) / C` below a gap of 1): a slack market fills
//! vacancies fast and cheaply, so firms create jobs until vacancies take long enough to fill; a
//! tight market does the reverse. Since the price depends on the firm's capacity relative to
//! the mean, not on its level, the economy's scale is free: the steady state's vacancy
//! duration, and with it tightness and unemployment, is set by the costs and the flows, not by
//! the initial state or the size of the labour force; the price keeps the mix of firms and
//! sectors from drifting. Capacity multiplies the firm's demand from its product's index,
//! supply-chain links and residents' spending (`targets.rs`).
//!
//! **Wage curve** (calibration: M1). Entry wages of a region move with its unemployment rate
//! relative to that of the regions within its reach (weighted by accessibility, itself with
//! weight 1): `ln W_r` moves each month towards `elasticity · ln(u_r / u_reach)` with
//! the monthly persistence that gives the annual persistence `curve_persistence`; every firm's
//! entry wage level is its initial level times its region's index. Incumbents keep the pay
//! they were hired at (pay is rigid downwards under collective agreements): wages adjust
//! through new hires.
//!
//! **Exit.** A producing firm with neither a target nor staff for `exit_after_months` months in
//! a row exits (`close_idle_firms`): its demand has gone and no capacity it would keep makes a
//! job worth filling.
//!
//! Both references are taken over the regions within reach only, so a region with no ties to
//! another is not moved by it (locality, `tests/locality.rs`).
//!
//! Reads: last month's vacancies and hires per cell, unemployed and payroll residents per
//! region. Writes: `firms.capacity`, `firms.wage_level`, `signals`. No random draws.

use crate::params::Params;
use crate::state::{Economy, FirmStatus, MarketSignals};

/// Longest vacancy duration firms read from a cell whose vacancies see no hires, months.
pub const LONGEST_DURATION: f64 = 36.0;

impl MarketSignals {
    /// Signals of an economy with `n_cells` cells and `n_regions` regions, before any month.
    pub fn new(n_cells: usize, n_regions: usize) -> MarketSignals {
        MarketSignals {
            cell_vacancies: vec![0.0; n_cells],
            cell_hires: vec![0.0; n_cells],
            months_observed: 0,
            log_wage_index: vec![0.0; n_regions],
            usual_unemployment: None,
        }
    }

    /// Expected months a vacancy of cell `c` stays open: smoothed vacancies over smoothed
    /// hires, at least one month (a vacancy is posted for a month) and at most
    /// [`LONGEST_DURATION`]; `None` where fewer than half a vacancy a month were posted on
    /// average (no signal: the cell's firms have not been hiring).
    pub fn duration(&self, c: usize) -> Option<f64> {
        let (v, h) = (self.cell_vacancies[c], self.cell_hires[c]);
        // Below half a vacancy a month on average the cell has all but stopped hiring.
        if v < 0.5 {
            return None;
        }
        if h <= 0.0 {
            return Some(LONGEST_DURATION);
        }
        Some((v / h).clamp(1.0, LONGEST_DURATION))
    }
}

/// Moves each region's entry-wage index one month along the wage curve and sets every firm's
/// entry wage level from it (nothing to do while the curve is off).
pub fn update_wages(eco: &mut Economy, params: &Params) {
    let w = &params.wages;
    if w.curve_elasticity == 0.0 {
        return;
    }
    let n = params.regions.len();
    let unemployed: Vec<f64> = eco.region_unemployed.iter().map(|&u| u as f64).collect();
    let force: Vec<f64> = (0..n)
        .map(|r| unemployed[r] + eco.resident_wages[r].n as f64)
        .collect();
    // Rates below one in a thousand are read as one in a thousand (the logarithm's floor).
    let floor = |u: f64| u.max(1e-3);
    let keep = w.curve_persistence.powf(1.0 / 12.0);
    for r in 0..n {
        if force[r] <= 0.0 {
            continue;
        }
        // The reference: the unemployment rate of the regions within reach, weighted by their
        // accessibility (the region itself with weight 1).
        let (mut u_reach, mut f_reach) = (0.0, 0.0);
        for s in 0..n {
            let reach = params.accessibility[r * n + s];
            if reach > 0.0 {
                u_reach += reach * unemployed[s];
                f_reach += reach * force[s];
            }
        }
        let gap = (floor(unemployed[r] / force[r]) / floor(u_reach / f_reach)).ln();
        let index = &mut eco.signals.log_wage_index[r];
        *index = keep * *index + (1.0 - keep) * w.curve_elasticity * gap;
    }
    let factors: Vec<f32> = eco
        .signals
        .log_wage_index
        .iter()
        .map(|x| x.exp() as f32)
        .collect();
    let f = &mut eco.firms;
    for ((level, &base), &region) in f.wage_level.iter_mut().zip(&f.base_wage).zip(&f.region) {
        *level = base * factors[region as usize];
    }
}

/// Output per worker of a firm of `sector` at its base size, as a share of its initial entry
/// wage level: the level at which a filled job's value equals the cost of filling it when
/// vacancies last `vacancy_duration_months`, `1 + (r + s) · (vacancy_cost · D̄ + hiring cost)`.
pub fn output_per_worker(params: &Params, sector: usize) -> f64 {
    let jobs = &params.jobs;
    let s = params.sectors[sector].separation_rate;
    1.0 + (jobs.discount_rate + s)
        * (jobs.vacancy_cost * jobs.vacancy_duration_months + jobs.hiring_cost_months)
}

/// The relative gap `(V − C) / C` between the value of a filled job and the expected cost of
/// filling it, for a firm of `sector` whose vacancies last `duration` months, paying
/// `wage_ratio` times its initial entry wage level, at `relative` times the mean
/// capacity (both sides per unit of the firm's initial entry wage level).
pub fn value_gap(
    params: &Params,
    sector: usize,
    duration: f64,
    wage_ratio: f64,
    relative: f64,
) -> f64 {
    let jobs = &params.jobs;
    let s = params.sectors[sector].separation_rate;
    let price = relative.powf(-1.0 / jobs.demand_elasticity);
    let horizon = (jobs.discount_rate + s).max(1e-6); // No NaN for r = s = 0.
    let value = (output_per_worker(params, sector) * price - wage_ratio) / horizon;
    let cost = wage_ratio * (jobs.vacancy_cost * duration + jobs.hiring_cost_months);
    if cost <= 0.0 {
        return if value > 0.0 { 1.0 } else { -1.0 };
    }
    (value - cost) / cost
}

/// Each producing firm widens or narrows its capacity by the gap between the value of a filled
/// job and the cost of filling one (nothing to do while job creation is off or before the
/// first month has been observed).
pub fn update_capacity(eco: &mut Economy, params: &Params) {
    let jobs = &params.jobs;
    if !jobs.enabled || eco.signals.months_observed == 0 {
        return;
    }
    let n_sectors = params.sectors.len();
    let n_regions = params.regions.len();
    let f = &eco.firms;
    // Capacity × base size and base size per region, over producing firms.
    let (mut weighted, mut weights) = (vec![0.0f64; n_regions], vec![0.0f64; n_regions]);
    for (((&k, &base), &status), &region) in f
        .capacity
        .iter()
        .zip(&f.base_size)
        .zip(&f.status)
        .zip(&f.region)
    {
        if status == FirmStatus::Active {
            weighted[region as usize] += f64::from(k) * f64::from(base);
            weights[region as usize] += f64::from(base);
        }
    }
    // The mean capacity a region's firms compare themselves with: over the regions within its
    // reach, weighted by accessibility and base size.
    let mean: Vec<f64> = (0..n_regions)
        .map(|r| {
            let (mut kb, mut b) = (0.0, 0.0);
            for s in 0..n_regions {
                let reach = params.accessibility[r * n_regions + s];
                if reach > 0.0 {
                    kb += reach * weighted[s];
                    b += reach * weights[s];
                }
            }
            if b > 0.0 { kb / b } else { 1.0 }
        })
        .collect();
    let durations: Vec<Option<f64>> = (0..eco.wage_cells.len())
        .map(|c| eco.signals.duration(c))
        .collect();
    let wage_ratio: Vec<f64> = eco.signals.log_wage_index.iter().map(|x| x.exp()).collect();
    let f = &mut eco.firms;
    let targets = f.target.iter().zip(f.employees.headcounts());
    for (((k, &status), &cell), (&target, headcount)) in f
        .capacity
        .iter_mut()
        .zip(&f.status)
        .zip(&f.cell)
        .zip(targets)
    {
        if status != FirmStatus::Active {
            continue;
        }
        let c = cell as usize;
        // No vacancies in the cell: no signal of what hiring costs, so no change.
        let Some(duration) = durations[c] else {
            continue;
        };
        let ratio = wage_ratio[c / n_sectors];
        let relative = f64::from(*k) / mean[c / n_sectors];
        let mut gap = value_gap(params, c % n_sectors, duration, ratio, relative);
        if headcount > target {
            // A firm with more workers than it wants is not hiring: cheap hiring is no
            // reason for it to widen its capacity.
            gap = gap.min(0.0);
        }
        let step = (jobs.adjustment_speed * gap.clamp(-1.0, 1.0)).exp();
        *k = (f64::from(*k) * step).clamp(0.01, 100.0) as f32;
    }
}

/// Adds this month's vacancies and hires per cell to the smoothed signals (after matching).
pub fn observe(eco: &mut Economy, params: &Params) {
    if !params.jobs.enabled {
        return;
    }
    let sig = &mut eco.signals;
    let weight = if sig.months_observed == 0 {
        1.0
    } else {
        1.0 / (1.0 + params.jobs.signal_months.max(0.0))
    };
    for (s, &v) in sig.cell_vacancies.iter_mut().zip(&eco.cell_vacancies) {
        *s += weight * (v as f64 - *s);
    }
    for (s, &h) in sig.cell_hires.iter_mut().zip(&eco.flows.cell_hires) {
        *s += weight * (h as f64 - *s);
    }
    sig.months_observed += 1;
}

/// A producing firm with neither a target nor staff for `jobs.exit_after_months` months in a
/// row exits: it closes (it cannot cover its costs with no demand for its output at any
/// capacity it would keep). Called after this month's targets; nothing to do while job
/// creation is off or exits are switched off.
pub fn close_idle_firms(eco: &mut Economy, params: &Params) {
    let after = params.jobs.exit_after_months;
    if !params.jobs.enabled || after == 0 {
        return;
    }
    let f = &mut eco.firms;
    let mut exits = 0u64;
    for j in 0..f.len() {
        if f.status[j] != FirmStatus::Active {
            continue;
        }
        if f.target[j] == 0 && f.employees.headcount(j) == 0 {
            f.idle_months[j] = f.idle_months[j].saturating_add(1);
            if u32::from(f.idle_months[j]) >= after {
                f.status[j] = FirmStatus::Closed;
                exits += 1;
            }
        } else {
            f.idle_months[j] = 0;
        }
    }
    eco.flows.firm_exits += exits;
}
