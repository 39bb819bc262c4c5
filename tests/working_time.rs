//! Working-time reduction and conditional investment subsidies on their shipped scenarios,
//! under common random numbers: shorter hours raise the headcount of the reached firms at the
//! same demand and lower hours per worker; an investment subsidy raises the labour demand of
//! the firms that meet its conditions only, and one whose conditions no firm meets is
//! bit-identical to no policy.

use crate::util::{run_checked, scenario};
use wandel_engine::{Economy, Simulation};
use wandel_policy::PolicyRun;

const WTR: &str = "scenarios/policies/working_time_reduction.toml";
const CI: &str = "scenarios/policies/conditional_investment.toml";

/// Replication `rep` of `s` (with or without its policies) after `months` months: the
/// economy then.
fn economy_after(s: &wandel_scenario::Scenario, rep: u32, with: bool, months: u32) -> Economy {
    let specs = if with { &s.policies[..] } else { &[] };
    let mut policies = PolicyRun::new(specs, &s.fiscal);
    let mut sim = Simulation::new(&s.params, rep);
    for _ in 0..months {
        sim.step(&mut policies);
    }
    sim.economy().clone()
}

/// (workers, hours per worker) of the firms of sector `sector`.
fn sector_staff(eco: &Economy, sector: u16) -> (u64, f64) {
    let (mut n, mut hours) = (0u64, 0.0);
    for j in 0..eco.firms.len() {
        if eco.firms.sector[j] == sector {
            let h = u64::from(eco.firms.headcount(j));
            n += h;
            hours += h as f64 * f64::from(eco.firms.hours[j]);
        }
    }
    (n, hours / n.max(1) as f64)
}

#[test]
fn shorter_hours_keep_more_workers_at_the_same_demand() {
    // The end of 2029: three years into the shorter week, demand falling in both arms.
    let s = scenario(WTR, &[]);
    let sector = s
        .params
        .sectors
        .iter()
        .position(|x| x.name == "ice_powertrain")
        .unwrap() as u16;
    for rep in 0..2 {
        let (with, with_hours) = sector_staff(&economy_after(&s, rep, true, 60), sector);
        let (without, without_hours) = sector_staff(&economy_after(&s, rep, false, 60), sector);
        assert!(
            with > without,
            "replication {rep}: {with} workers with shorter hours, {without} without"
        );
        assert!((with_hours - 0.85).abs() < 1e-6, "hours {with_hours}");
        assert!((without_hours - 1.0).abs() < 1e-6, "hours {without_hours}");
    }
    // The compensation the firms pay is their cost, not the state's.
    let (_, policies) = run_checked(&s, 0, true);
    let employer: f64 = policies
        .reports
        .iter()
        .map(|r| r.month_report.employer_cost)
        .sum();
    assert!(employer > 0.0);
    assert!(
        policies
            .ledger
            .iter()
            .all(|e| e.item != "wage_compensation")
    );
}

#[test]
fn an_investment_subsidy_grows_only_the_firms_that_meet_its_conditions() {
    // The end of 2028, three years into the subsidy.
    let s = scenario(CI, &[]);
    let eco = economy_after(&s, 0, true, 48);
    let without = economy_after(&s, 0, false, 48);
    let group = s
        .params
        .firm_groups
        .iter()
        .position(|g| g.name == "ev_components")
        .unwrap() as u16;
    let (mut claiming, mut forgoing) = (0, 0);
    let (mut grown, mut base) = (0u64, 0u64);
    for j in 0..eco.firms.len() {
        if eco.firms.group[j] != group {
            assert_eq!(
                eco.firms.policy_factor[j], 1.0,
                "firm {j} outside the target"
            );
            continue;
        }
        if eco.firms.trains[j] {
            claiming += 1;
            assert!(eco.firms.policy_factor[j] > 1.2, "firm {j}");
            grown += u64::from(eco.firms.headcount(j));
            base += u64::from(without.firms.headcount(j));
        } else {
            forgoing += 1;
            assert_eq!(eco.firms.policy_factor[j], 1.0, "firm {j} does not train");
        }
    }
    assert!(claiming > 0 && forgoing > 0, "{claiming} {forgoing}");
    assert!(
        grown > base,
        "claiming firms: {grown} workers, {base} without the subsidy"
    );
    let (_, policies) = run_checked(&s, 0, true);
    assert!(
        policies
            .ledger
            .iter()
            .any(|e| e.item == "investment_subsidy" && e.amount > 0.0)
    );
}

#[test]
fn an_investment_subsidy_no_firm_qualifies_for_changes_nothing() {
    let none = run_checked(&scenario(CI, &[]), 1, false).0;
    let unmet = scenario(
        CI,
        &["policies.conditional_investment.0.wage_standard=9000.0"],
    );
    let (months, policies) = run_checked(&unmet, 1, true);
    assert_eq!(
        months, none,
        "output differs from the run without the subsidy"
    );
    assert!(
        policies
            .ledger
            .iter()
            .all(|e| e.item != "investment_subsidy")
    );
}
