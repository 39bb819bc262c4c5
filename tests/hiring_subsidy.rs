//! Hiring subsidies (`[[policies.hiring_subsidy]]`) on their shipped scenario, under common
//! random numbers: the subsidy raises the hires of its target group at the claiming firms
//! (the 95 % interval excludes zero) with a measured deadweight inside [0, 100] % and above
//! zero; a wage standard no firm meets is bit-identical to no subsidy; a retention requirement
//! lowers early separations of subsidised hires; payments, repayments and capacity in the
//! ledger.

use std::collections::BTreeMap;

use crate::util::{run_checked, run_scenario, scenario, scratch, stderr};

const HS: &str = "scenarios/policies/hiring_subsidy.toml";

#[test]
fn a_hiring_subsidy_raises_its_target_groups_hires_with_deadweight_in_range() {
    let dir = scratch("hiring_subsidy");
    let out = dir.join("run");
    let set = ["simulation.months=60", "simulation.replications=4"];
    let o = run_scenario(HS, &out, &set, &["--no-charts"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let e = &summary["hiring_subsidies"][0];
    assert_eq!(e["policy"], "steel_hiring_subsidy", "{summary}");
    let gained = e["target_hires_gained"]["ci95_low"].as_f64().unwrap();
    assert!(gained > 0.0, "target-group hires gained: {e}");
    let dead = &e["deadweight_pct"];
    let (mean, low) = (
        dead["mean"].as_f64().unwrap(),
        dead["ci95_low"].as_f64().unwrap(),
    );
    assert!((0.0..=100.0).contains(&mean), "deadweight {dead}");
    assert!(low > 0.0, "the displaced were being hired anyway: {dead}");
    let same = e["deadweight_same_firm_pct"]["mean"].as_f64().unwrap();
    assert!(same <= mean, "same-firm deadweight {same} above all {mean}");
}

#[test]
fn a_wage_standard_no_firm_meets_changes_nothing() {
    let set = ["simulation.months=50"];
    let none = run_checked(&scenario(HS, &set), 1, false).0;
    let unmet = scenario(
        HS,
        &[
            "simulation.months=50",
            "policies.hiring_subsidy.0.wage_standard=100000.0",
        ],
    );
    let (months, policies) = run_checked(&unmet, 1, true);
    assert_eq!(
        months, none,
        "output differs from the run without the subsidy"
    );
    assert!(policies.reports.iter().all(|r| r.month_report.entries == 0));
    assert!(policies.ledger.iter().all(|e| e.item != "hiring_subsidy"));
}

/// Of the subsidised hires of replications 0–1, the share whose job ended within
/// `within` months of the hire.
fn early_separations(set: &[&str], within: i32) -> (f64, u64) {
    let s = scenario(HS, set);
    let (mut ended, mut hired) = (0u64, 0u64);
    for rep in 0..2 {
        let (_, policies) = run_checked(&s, rep, true);
        let tally = policies
            .interventions()
            .find_map(|p| p.as_any()?.downcast_ref::<wandel_policy::HiringSubsidy>())
            .expect("a hiring subsidy")
            .tally();
        hired += tally.subsidised.len() as u64;
        ended += tally
            .ended
            .iter()
            .filter(|e| e.2.since(e.1) < within && e.3 == wandel_engine::events::Exit::Layoff)
            .count() as u64;
    }
    (ended as f64 / hired.max(1) as f64, hired)
}

#[test]
fn a_retention_requirement_reduces_early_layoffs_of_subsidised_hires() {
    let base = ["simulation.months=72"];
    let with = early_separations(&base, 24);
    let without = early_separations(
        &[
            base[0],
            "policies.hiring_subsidy.0.retention_months=0",
            "policies.hiring_subsidy.0.repayment=0.0",
        ],
        24,
    );
    assert!(with.1 > 500 && without.1 > 500, "{with:?} {without:?}");
    assert!(
        with.0 < without.0,
        "laid off within 24 months: {:.2} % with retention, {:.2} % without",
        100.0 * with.0,
        100.0 * without.0
    );
}

#[test]
fn subsidies_are_paid_as_hired_and_stay_within_capacity() {
    let s = scenario(
        HS,
        &[
            "simulation.months=48",
            "policies.hiring_subsidy.0.capacity=200",
        ],
    );
    let (_, policies) = run_checked(&s, 0, true);
    let mut by_month: BTreeMap<String, f64> = BTreeMap::new();
    let mut entries = 0;
    for r in &policies.reports {
        let m = &r.month_report;
        assert!(m.participants <= 200, "{}: {m:?}", r.month);
        let paid = m
            .items
            .iter()
            .find(|i| i.0 == "hiring_subsidy")
            .map_or(0.0, |i| i.1);
        assert!(paid >= 0.0);
        // Half of a worker's pay is between € 500 and € 5,000 a month.
        assert!(
            paid <= m.participants as f64 * 5000.0 + 1e-6,
            "{}: {paid} for {}",
            r.month,
            m.participants
        );
        assert!(paid >= m.participants as f64 * 500.0 - 1e-6);
        entries += m.entries;
        by_month.insert(r.month.to_string(), paid);
    }
    assert!(entries > 200, "{entries}");
    assert!(
        policies
            .reports
            .iter()
            .any(|r| r.month_report.participants == 200),
        "the capacity never binds"
    );
    let repaid: f64 = policies
        .ledger
        .iter()
        .filter(|e| e.item == "subsidy_repayments")
        .map(|e| e.amount)
        .sum();
    assert!(repaid <= 0.0, "repayments are revenue: {repaid}");
}
