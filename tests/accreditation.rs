//! Accreditation of informal learning (`[[policies.accreditation]]`) on its shipped scenario,
//! under common random numbers: certified workers displaced by the closure earn more and are
//! more often in work than the same workers without it (the 95 % intervals of the paired
//! differences exclude zero); assessments never exceed capacity and each is priced; zero
//! capacity is bit-identical to no policy.

use crate::util::{run_checked, run_scenario, scenario, scratch, stderr};

const ACC: &str = "scenarios/policies/accreditation.toml";

#[test]
fn certified_workers_earn_more_and_find_work_more_often_after_the_closure() {
    let dir = scratch("accreditation");
    let out = dir.join("run");
    let set = ["simulation.months=48", "simulation.replications=4"];
    let o = run_scenario(ACC, &out, &set, &["--no-charts"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let effect = |name: &str| {
        summary["effects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("no effect {name}"))
            .clone()
    };
    let earnings = effect("displaced.earnings");
    assert!(
        earnings["ci95_low"].as_f64().unwrap() > 0.0,
        "earnings of the displaced: {earnings}"
    );
    // Participants against the same workers in the counterfactual, 24 months after entry
    // (after the closure for every cohort).
    let followup = std::fs::read_to_string(out.join("followup.csv")).unwrap();
    let header: Vec<&str> = followup.lines().next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let row: Vec<&str> = followup
        .lines()
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|f| f[1] == "participants" && f[2] == "24")
        .expect("participants 24 months after entry");
    let low: f64 = row[col("ci95_low")].parse().unwrap();
    assert!(low > 0.0, "employment 24 months after entry: {row:?}");
}

#[test]
fn assessments_stay_within_capacity_and_each_is_priced() {
    let s = scenario(
        ACC,
        &[
            "simulation.months=30",
            "policies.accreditation.0.capacity=150",
        ],
    );
    let (_, policies) = run_checked(&s, 0, true);
    let (mut entries, mut completions, mut dropouts) = (0, 0, 0);
    for r in &policies.reports {
        let m = &r.month_report;
        assert!(m.participants <= 150, "{}: {m:?}", r.month);
        let cost = m.items.iter().find(|i| i.0 == "assessments").unwrap().1;
        assert_eq!(cost, m.entries as f64 * 1500.0, "{}", r.month);
        assert_eq!(m.exits, m.completions + m.dropouts, "{}", r.month);
        entries += m.entries;
        completions += m.completions;
        dropouts += m.dropouts;
    }
    assert!(
        completions > 500 && dropouts > 0,
        "{completions} {dropouts}"
    );
    assert!(entries >= completions + dropouts);
    assert!(
        policies
            .reports
            .iter()
            .any(|r| r.month_report.participants == 150),
        "the capacity never binds"
    );
    let in_ledger: f64 = policies
        .ledger
        .iter()
        .filter(|e| e.item == "assessments")
        .map(|e| e.amount)
        .sum();
    assert_eq!(in_ledger, entries as f64 * 1500.0);
}

#[test]
fn accreditation_without_places_changes_nothing() {
    let none = run_checked(&scenario(ACC, &["simulation.months=30"]), 1, false).0;
    let zero = scenario(
        ACC,
        &[
            "simulation.months=30",
            "policies.accreditation.0.capacity=0",
        ],
    );
    let (months, policies) = run_checked(&zero, 1, true);
    assert_eq!(
        months, none,
        "output differs from the run without the policy"
    );
    assert!(policies.reports.iter().all(|r| r.month_report.entries == 0));
}
