//! Every month of the shipped scenarios keeps every invariant (full recount) and every stock
//! changes only by the flows recorded for that month.

use wandel_engine::invariants;
use wandel_engine::{MonthRecord, Simulation, Status};

fn payroll(r: &MonthRecord) -> u64 {
    r.employed + r.short_time
}

fn check_scenario(rel: &str, set: &[&str]) {
    let s = crate::util::scenario(rel, set);
    let mut sim = Simulation::new(&s.params, 0);
    invariants::check(&sim.economy).unwrap();
    let c = sim.economy.counts;
    let mut prev = MonthRecord {
        employed: c[Status::Employed as usize],
        short_time: c[Status::ShortTime as usize],
        unemployed: c[Status::Unemployed as usize],
        in_training: c[Status::Training as usize],
        out_of_labour_force: c[Status::Inactive as usize],
        retired: c[Status::Retired as usize],
        ..MonthRecord::default()
    };
    let mut total_layoffs = 0;
    while !sim.finished() {
        let r = sim.step(&mut ());
        invariants::check(&sim.economy).unwrap_or_else(|e| panic!("{rel} {}: {e}", r.month));
        let from = |s: Status| r.retirements_from[s as usize];
        let new_hires = r.hires - r.job_to_job;
        assert_eq!(
            r.unemployed,
            prev.unemployed + r.separations + r.layoffs + r.entries
                - new_hires
                - from(Status::Unemployed)
                - r.exits_inactive,
            "{rel} {}: unemployment stock-flow",
            r.month
        );
        assert_eq!(
            payroll(&r),
            payroll(&prev) + new_hires
                - r.separations
                - r.layoffs
                - from(Status::Employed)
                - from(Status::ShortTime),
            "{rel} {}: payroll stock-flow",
            r.month
        );
        assert_eq!(
            r.out_of_labour_force,
            prev.out_of_labour_force + r.exits_inactive - from(Status::Inactive)
        );
        assert_eq!(r.retired, prev.retired + r.retirements);
        assert_eq!(r.retirements, r.retirements_from.iter().sum::<u64>());
        // Firm headcounts equal the workers employed there (no trainees without policies).
        let cells: u64 = r.cells.iter().map(|c| c.employed + c.short_time).sum();
        assert_eq!(
            cells,
            payroll(&r),
            "{rel} {}: firm headcounts vs payroll",
            r.month
        );
        total_layoffs += r.layoffs;
        prev = r;
    }
    assert!(
        total_layoffs > 0 || rel.contains("baseline"),
        "{rel}: the shock should displace someone"
    );
}

#[test]
fn baseline_keeps_invariants() {
    check_scenario("scenarios/baseline.toml", &["simulation.months=36"]);
}

#[test]
fn steel_closure_keeps_invariants() {
    check_scenario("scenarios/steel_closure.toml", &["simulation.months=30"]);
}

#[test]
fn ice_phaseout_keeps_invariants_with_aggregate_matching_too() {
    check_scenario("scenarios/ice_phaseout.toml", &["simulation.months=80"]);
    check_scenario(
        "scenarios/ice_phaseout.toml",
        &["simulation.months=80", "matching.mode=aggregate"],
    );
}

#[test]
fn baseline_is_stationary() {
    // No shock: employment and unemployment stay where they started (within 1 point of the
    // labour force over ten years), and the population is constant.
    let s = crate::util::scenario("scenarios/baseline.toml", &[]);
    let out = wandel_engine::run(&s.params, 0, &mut ());
    let first = &out.months[0];
    let last = out.months.last().unwrap();
    let lf = |r: &MonthRecord| (r.employed + r.short_time + r.unemployed) as f64;
    assert!((last.unemployment_rate() - first.unemployment_rate()).abs() < 0.01);
    assert!((lf(last) / lf(first) - 1.0).abs() < 0.01);
    assert_eq!(out.displaced, 0);
}
