//! Mobility assistance (SGB III § 44) end to end on its shipped scenario: participants enter
//! at displacement, a grant that widens no one's search changes no one's job (only the
//! ledger), a wider reach sends more of participants' applications and more participants to
//! the other region (paired seeds), grants are paid only within their limits, and every
//! invariant is recounted each month.

use wandel_policy::PolicyRun;
use wandel_policy::mobility_assistance::{COMMUTING, RELOCATION};

const SCENARIO: &str = "scenarios/policies/mobility_assistance.toml";

/// The shipped scenario for three years (the closure and two years after it), with `set`.
fn scenario(set: &[&str]) -> wandel_scenario::Scenario {
    let mut all = vec!["simulation.months=36"];
    all.extend_from_slice(set);
    crate::util::scenario(SCENARIO, &all)
}

fn item(run: &PolicyRun, name: &str) -> f64 {
    run.reports
        .iter()
        .flat_map(|r| r.month_report.items.iter())
        .filter(|i| i.0 == name)
        .map(|i| i.1)
        .sum()
}

#[test]
fn participants_enter_at_displacement_and_grants_stay_within_their_limits() {
    let s = scenario(&[]);
    let (_, run) = crate::util::run_checked(&s, 0, true);
    let entries: u64 = run.reports.iter().map(|r| r.month_report.entries).sum();
    // Take-up 0.3 of the about 3,500 displaced from the works and its suppliers.
    assert!((300..2000).contains(&entries), "{entries} participants");
    // Nobody before the start month.
    let start = s.policies[0].start();
    assert!(
        run.reports
            .iter()
            .filter(|r| r.month < start)
            .all(|r| r.month_report.entries == 0)
    );
    // Commuting grants: whole months of 260 EUR, at most six per participant.
    let commuting = item(&run, COMMUTING);
    let grant_months = commuting / 260.0;
    assert!(commuting > 0.0);
    assert_eq!(grant_months.fract(), 0.0);
    assert!(grant_months <= 6.0 * entries as f64);
    let relocation = item(&run, RELOCATION);
    assert_eq!((relocation / 4500.0).fract(), 0.0);
}

#[test]
fn a_grant_that_widens_no_search_changes_no_ones_job() {
    let s = scenario(&["policies.mobility_assistance.0.reach=1.0"]);
    let (with, run) = crate::util::run_checked(&s, 1, true);
    let (without, _) = crate::util::run_checked(&s, 1, false);
    for (a, b) in with.iter().zip(&without) {
        assert_eq!(
            (a.employed, a.unemployed, a.hires, a.wage_bill),
            (b.employed, b.unemployed, b.hires, b.wage_bill),
            "{}",
            a.month
        );
    }
    // It still pays those who commute to jobs they would have found anyway (deadweight).
    assert!(item(&run, COMMUTING) > 0.0);
}

/// Participants' and passed-over workers' applications over the run (the search watch of
/// the follow-up): (all, to another region than their residence).
fn applications(s: &wandel_scenario::Scenario, rep: u32) -> (u64, u64, f64) {
    let mut policies = PolicyRun::new(&s.policies, &s.fiscal);
    let mut sim = wandel_engine::Simulation::new(&s.params, rep);
    let (mut all, mut away) = (0u64, 0u64);
    while !sim.finished() {
        let r = sim.step(&mut policies);
        wandel_engine::invariants::check(sim.economy())
            .unwrap_or_else(|e| panic!("{}: {e}", r.month));
        for t in sim.economy().search_watch.values() {
            all += u64::from(t.applications);
            away += u64::from(t.other_region);
        }
    }
    (all, away, item(&policies, COMMUTING))
}

#[test]
fn a_wider_reach_sends_more_applications_and_more_participants_to_the_other_region() {
    let narrow = scenario(&["policies.mobility_assistance.0.reach=1.0"]);
    let wide = scenario(&["policies.mobility_assistance.0.reach=4.0"]);
    let (n_all, n_away, n_paid) = applications(&narrow, 0);
    let (w_all, w_away, w_paid) = applications(&wide, 0);
    let (n_share, w_share) = (n_away as f64 / n_all as f64, w_away as f64 / w_all as f64);
    assert!(
        w_share > n_share + 0.05,
        "applications to the other region: reach 4 {w_share:.3} vs reach 1 {n_share:.3}"
    );
    // More of them take jobs there (commuting grants), though far less than the applications
    // rise: the city's firms screen a few applicants per vacancy and hire the best.
    assert!(
        w_paid > n_paid,
        "commuting grants: reach 4 {w_paid} vs reach 1 {n_paid}"
    );
}
