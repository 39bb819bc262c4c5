//! `[simulation]`: the run's name and description, its calendar (`start`, `months`, and the
//! unreported `warmup_months` before `start`), the seed, the number of replications and the
//! cohort horizon.

use wandel_engine::Month;

use wandel_format::reader::{Reader, Table};

/// What `[simulation]` holds.
pub(crate) struct Simulation {
    /// Scenario name.
    pub(crate) name: String,
    /// Free-text description.
    pub(crate) description: String,
    /// First simulated month (January 2025 when `start` is missing or invalid).
    pub(crate) start: Month,
    /// The month after the last simulated month (`start` + `months`).
    pub(crate) end: Month,
    /// Number of reported months.
    pub(crate) months: u32,
    /// Months simulated before `start` and not reported (burn-in).
    pub(crate) warmup_months: u32,
    /// Random seed.
    pub(crate) seed: u64,
    /// Number of replications.
    pub(crate) replications: u32,
    /// Months after displacement that displaced workers are followed.
    pub(crate) cohort_horizon: u32,
}

/// Reads `[simulation]`.
pub(crate) fn read_simulation(rd: &mut Reader<'_>, top: &mut Table<'_>) -> Simulation {
    let mut sim = rd.table(top, "simulation");
    let name = rd.name(&mut sim, "name");
    let description = rd.string(&mut sim, "description", Some(""));
    let start = rd.month(&mut sim, "start").map(|m| m.0);
    let before = rd.diagnostics.len();
    let months = rd.integer(&mut sim, "months", None, 1, 1200) as u32;
    let months_ok = rd.diagnostics.len() == before;
    let warmup_months = rd.integer(&mut sim, "warmup_months", Some(0), 0, 600) as u32;
    let seed = rd.integer(&mut sim, "seed", Some(1), 0, i64::MAX) as u64;
    let replications = rd.integer(&mut sim, "replications", Some(1), 1, 10_000) as u32;
    let cohort_horizon = rd.integer(&mut sim, "cohort_horizon", Some(36), 1, 240) as u32;
    rd.finish(sim);
    let start = start.unwrap_or(Month::from_ym(2025, 1));
    // With `months` reported bad, months elsewhere are checked against the longest run allowed,
    // so that one bad value does not bring a problem for every dated key.
    let end = start.plus(if months_ok { months as i32 } else { 1200 });
    Simulation {
        name,
        description,
        start,
        end,
        months,
        warmup_months,
        seed,
        replications,
        cohort_horizon,
    }
}
