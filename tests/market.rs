//! Unemployment is an outcome of the labour market, not an input: in each matching mode, a
//! market with less search or matching capacity settles at a higher unemployment rate.
//!
//! Each case runs the shipped baseline (its warm-up included) for three reported years with
//! the same seed and compares the mean unemployment rate with the baseline's own.

use wandel_engine::MonthRecord;

/// Mean unemployment rate over the reported months of the baseline with overrides `set`.
fn mean_unemployment(set: &[&str]) -> f64 {
    let mut all = vec!["simulation.months=36"];
    all.extend_from_slice(set);
    let s = crate::util::scenario("scenarios/baseline.toml", &all);
    let out = wandel_engine::run(&s.params, 0, &mut ());
    out.months
        .iter()
        .map(MonthRecord::unemployment_rate)
        .sum::<f64>()
        / out.months.len() as f64
}

/// Asserts that `worse` raises unemployment by at least one percentage point over `base`.
fn raises_unemployment(base: &[&str], worse: &[&str]) {
    let (u0, u1) = (mean_unemployment(base), mean_unemployment(worse));
    assert!(
        u1 >= u0 + 0.01,
        "{worse:?}: unemployment {:.2} % against {:.2} % with {base:?}",
        100.0 * u1,
        100.0 * u0
    );
}

#[test]
fn fewer_applications_raise_unemployment() {
    raises_unemployment(&[], &["matching.applications_per_month=1.0"]);
}

#[test]
fn less_screening_capacity_raises_unemployment() {
    raises_unemployment(&[], &["matching.screening_per_vacancy=2.0"]);
}

#[test]
fn lower_matching_efficiency_raises_unemployment_in_aggregate_mode() {
    raises_unemployment(
        &["matching.mode=aggregate"],
        &["matching.mode=aggregate", "matching.efficiency=0.15"],
    );
}

#[test]
fn vacancies_stay_open_across_months() {
    // With frictions a vacancy is not filled within the month it opens: the baseline carries
    // a stock of open vacancies several times the month's hires.
    let s = crate::util::scenario("scenarios/baseline.toml", &["simulation.months=12"]);
    let out = wandel_engine::run(&s.params, 0, &mut ());
    let vacancies: u64 = out.months.iter().map(|r| r.vacancies).sum();
    let hires: u64 = out.months.iter().map(|r| r.hires).sum();
    assert!(
        vacancies > 3 * hires,
        "{vacancies} vacancies, {hires} hires"
    );
}
