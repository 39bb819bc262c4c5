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

#[test]
fn on_the_job_moves_climb_the_wage_ladder() {
    // With firm wage premiums and on-the-job search, employed workers move to other firms, and
    // each move pays at least the job-change premium over the wage the worker had. Without
    // separations into unemployment, a change of employer within a month is such a move.
    let mut set = vec![
        "simulation.months=24",
        "simulation.warmup_months=0",
        "matching.on_the_job_search=0.3",
        "wages.firm_premium_sd=0.2",
    ];
    let no_quits: Vec<String> = (0..6)
        .map(|k| format!("sectors.{k}.separation_rate=0"))
        .collect();
    set.extend(no_quits.iter().map(String::as_str));
    let s = crate::util::scenario("scenarios/baseline.toml", &set);
    let premium = s.params.matching.job_change_premium;
    let mut sim = wandel_engine::Simulation::new(&s.params, 0);
    let (mut moves, mut recorded) = (0u64, 0u64);
    while !sim.finished() {
        let before: Vec<(u32, f64)> = (0..sim.economy.workers.len() as u32)
            .map(|w| {
                let r = &sim.economy.workers.rec[w as usize];
                (r.employer, f64::from(r.wage))
            })
            .collect();
        let t = sim.economy.month.plus(1);
        let rec = sim.step(&mut ());
        wandel_engine::invariants::check(&sim.economy).unwrap();
        recorded += rec.job_to_job;
        // Entrants of this month (rows beyond `before`) cannot have moved.
        for (w, r) in sim
            .economy
            .workers
            .rec
            .iter()
            .enumerate()
            .take(before.len())
        {
            let (old, _) = before[w];
            let moved = r.status == wandel_engine::Status::Employed
                && old != wandel_engine::state::NO_FIRM
                && r.employer != old
                && r.since == t;
            if moved {
                moves += 1;
                // At least the premium over the old contractual wage (the reservation asks for
                // it over the current wage, tenure premium included, which is higher).
                assert!(
                    f64::from(r.wage) >= before[w].1 * (1.0 + premium) - 1.0,
                    "worker {w} moved for {} from {}",
                    r.wage,
                    before[w].1
                );
            }
        }
    }
    assert!(moves > 0, "no job-to-job moves");
    assert_eq!(moves, recorded, "every move is recorded as job to job");
}
