//! The employment measures every output reports (`wandel_engine::measures`): full-time
//! equivalents equal heads when no hours change and fall short of them by exactly the hours
//! cut otherwise; trainees on a payroll count as employed; checked every month against a
//! recount of the state.

use wandel_engine::measures::{employment_fte, employment_heads, job_years, job_years_heads};
use wandel_engine::state::NO_FIRM;
use wandel_engine::{Simulation, Status};

/// Runs `s` with its policies, checking each month that heads are the payroll (trainees on a
/// payroll included) and full-time equivalents the payroll at its hours less the short-time
/// cut, both recounted from the state; returns the months.
fn checked(s: &wandel_scenario::Scenario) -> Vec<wandel_engine::MonthRecord> {
    let mut policies = wandel_policy::PolicyRun::new(&s.policies, &s.fiscal);
    let mut sim = Simulation::new(&s.params, 0);
    let mut months = Vec::new();
    while !sim.finished() {
        let r = sim.step(&mut policies);
        let eco = sim.economy();
        let on_payroll = eco
            .workers
            .rec
            .iter()
            .filter(|w| w.employer != NO_FIRM)
            .count() as f64;
        let trainees = eco
            .workers
            .rec
            .iter()
            .filter(|w| w.employer != NO_FIRM && w.status == Status::Training)
            .count() as u64;
        assert_eq!(employment_heads(&r), on_payroll, "{}: heads", r.month);
        assert_eq!(r.employed_in_training, trainees, "{}: trainees", r.month);
        let f = &eco.firms;
        let hours_lost: f64 = (0..f.len())
            .map(|j| {
                let full = 1.0 - f64::from(f.hours[j]);
                let heads = f64::from(f.employees.headcount(j));
                let short = f64::from(f.short_time[j]) * f64::from(f.hours[j]);
                full * heads + short * f64::from(f.hours_cut[j])
            })
            .sum();
        assert!(
            (employment_heads(&r) - employment_fte(&r) - hours_lost).abs() < 1e-6,
            "{}: heads {} against full-time equivalents {} with {hours_lost} hours lost",
            r.month,
            employment_heads(&r),
            employment_fte(&r)
        );
        months.push(r);
    }
    months
}

#[test]
fn full_time_equivalents_equal_heads_without_hours_changes() {
    let s = crate::util::scenario("scenarios/baseline.toml", &["simulation.months=24"]);
    let months = checked(&s);
    for m in &months {
        assert_eq!(employment_fte(m), employment_heads(m), "{}", m.month);
    }
}

#[test]
fn short_time_work_counts_its_cut_hours_out_of_full_time_equivalents() {
    let s = crate::util::scenario(
        "scenarios/policies/short_time_work_dip.toml",
        &["simulation.months=24"],
    );
    let months = checked(&s);
    assert!(
        months.iter().any(|m| m.short_time > 0),
        "nobody on short time"
    );
    for m in months.iter().filter(|m| m.short_time > 0) {
        assert!(employment_fte(m) < employment_heads(m), "{}", m.month);
    }
}

#[test]
fn working_time_reduction_counts_heads_at_their_hours() {
    let s = crate::util::scenario("scenarios/policies/working_time_reduction.toml", &[]);
    let months = checked(&s);
    let shorter = months
        .iter()
        .filter(|m| employment_fte(m) < employment_heads(m))
        .count();
    assert!(shorter > 12, "{shorter} months with hours below full time");
}

#[test]
fn trainees_on_a_payroll_count_as_employed() {
    let s = crate::util::scenario("scenarios/policies/retraining_neo_corporatist.toml", &[]);
    let months = checked(&s);
    let trained = months.iter().map(|m| m.employed_in_training).max().unwrap();
    assert!(trained > 0, "no trainee on a payroll");
    let without: f64 = months
        .iter()
        .map(|m| (m.employed + m.short_time) as f64)
        .sum::<f64>()
        / 12.0;
    assert!(job_years_heads(&months) > without);
    assert!(job_years(&months) <= job_years_heads(&months));
}

#[test]
fn a_figure_resting_on_too_few_workers_is_suppressed_never_printed_as_a_number() {
    // The baseline displaces few workers aged 55-64 in three years (job destruction only):
    // their re-employment rests on fewer than 30 workers and must be null with the reason, in
    // summary.json, on the console and in the report.
    let out = crate::util::scratch("suppressed");
    let o = crate::util::run_scenario(
        "scenarios/baseline.toml",
        &out,
        &["simulation.months=36", "simulation.replications=2"],
        &[],
    );
    drop(o);
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let indicators = s["indicators"].as_array().unwrap();
    let mut suppressed = 0;
    for i in indicators {
        assert!(i["replications"].as_u64().is_some(), "{i}");
        if let Some(reason) = i["suppressed"].as_str() {
            suppressed += 1;
            for key in ["mean", "ci95_low", "ci95_high", "p05", "p95"] {
                assert!(i[key].is_null(), "{key} of a suppressed figure: {i}");
            }
            assert!(!reason.is_empty());
        } else if let Some(w) = i["workers"].as_u64() {
            assert!(w >= 30, "{i}");
            assert!(i["mean"].is_number(), "{i}");
        }
    }
    let old = indicators
        .iter()
        .find(|i| i["name"] == "displaced.reemployed_24m_age_55_64")
        .unwrap();
    assert!(old["suppressed"].is_string(), "{old}");
    assert!(suppressed >= 1);
    let report = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        report.contains("suppressed: "),
        "the report names the reason"
    );
    // The console says so too (run again without --quiet).
    let o = crate::util::wandel(&[
        "run",
        "scenarios/baseline.toml",
        "--set",
        "simulation.months=36",
        "--set",
        "simulation.replications=2",
        "--no-charts",
        "--overwrite",
        "--out",
        out.to_str().unwrap(),
    ]);
    let console = crate::util::stderr(&o);
    let line = console
        .lines()
        .find(|l| l.contains("displaced.reemployed_24m_age_55_64"))
        .unwrap();
    assert!(line.contains("suppressed"), "{line}");
    std::fs::remove_dir_all(out).unwrap();
}
