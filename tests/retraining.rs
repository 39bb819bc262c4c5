//! Retraining (`[[policies.retraining]]`) on the shipped `retraining_local_union` scenario:
//! zero capacity gives output bit-identical to no policy; participants never exceed the
//! capacity and every participant-month is priced; the local-union kind reaches more learners
//! aged 50 or more than the neo-corporatist kind at the same capacity and eligibility; and
//! training locks the displaced in (their re-employment falls below the counterfactual while
//! courses run) and raises the participants' employment 12 months after completion above that
//! of the same workers without it, under common random numbers. On the shipped
//! `retraining_micro_corporatist` scenario: the technology switch cuts the occupation the new
//! technology needs fewer of, and operators retrained as technicians beforehand are employed
//! more often than the same workers without the programme.

use wandel_engine::MonthRecord;
use wandel_policy::PolicyRun;

use crate::util::{run_scenario, scratch, stderr};

const LOCAL_UNION: &str = "scenarios/policies/retraining_local_union.toml";

/// The local-union scenario, four years (announcement, closure, courses and after), with `set`.
fn local_union(set: &[&str]) -> wandel_scenario::Scenario {
    let mut all = vec!["simulation.months=48"];
    all.extend_from_slice(set);
    crate::util::scenario(LOCAL_UNION, &all)
}

/// Replication `rep` of `s` with its policies (or none), invariants checked each month.
fn run(
    s: &wandel_scenario::Scenario,
    rep: u32,
    with_policies: bool,
) -> (Vec<MonthRecord>, PolicyRun) {
    crate::util::run_checked(s, rep, with_policies)
}

#[test]
fn zero_capacity_retraining_changes_nothing() {
    let none = run(&local_union(&[]), 0, false).0;
    let (months, policies) = run(&local_union(&["policies.retraining.0.capacity=0"]), 0, true);
    assert_eq!(
        months, none,
        "output differs from the run without the policy"
    );
    assert!(policies.reports.iter().all(|r| r.month_report.entries == 0));
}

#[test]
fn participants_stay_within_capacity_and_every_month_is_priced() {
    let s = local_union(&["policies.retraining.0.capacity=300"]);
    let (months, policies) = run(&s, 0, true);
    let (mut entries, mut completions, mut dropouts) = (0, 0, 0);
    for r in &policies.reports {
        let m = &r.month_report;
        assert!(
            m.participants <= 300,
            "{}: {} participants",
            r.month,
            m.participants
        );
        assert!(m.completions + m.dropouts <= m.exits, "{}: {m:?}", r.month);
        let course = m.items.iter().find(|i| i.0 == "course_costs").unwrap().1;
        assert_eq!(course, m.participants as f64 * 1500.0, "{}", r.month);
        entries += m.entries;
        completions += m.completions;
        dropouts += m.dropouts;
    }
    // The engine counts the same trainees.
    let peak = months.iter().map(|m| m.in_training).max().unwrap();
    assert_eq!(peak, 300, "the capacity binds at the closure");
    assert!(entries > 300 && completions > 0 && dropouts > 0);
    assert!(
        dropouts < completions,
        "{dropouts} dropouts, {completions} completions"
    );
    assert!(
        policies
            .ledger
            .iter()
            .any(|e| e.item == "training_allowance" && e.amount > 0.0)
    );
}

/// Share of entries aged 50 or more over two replications, and the entries.
fn older_share(set: &[&str]) -> (f64, u64) {
    let s = local_union(set);
    let (mut older, mut all) = (0, 0);
    for rep in 0..2 {
        for r in &run(&s, rep, true).1.reports {
            older += r.month_report.entries_50_plus;
            all += r.month_report.entries;
        }
    }
    (older as f64 / all as f64, all)
}

#[test]
fn the_local_union_kind_reaches_more_older_learners_than_the_neo_corporatist_kind() {
    // Same places, same eligibility (under notice and displaced), same course: only the reach
    // by age and learning propensity differs.
    let (local, n_local) = older_share(&[]);
    let (neo, n_neo) = older_share(&[
        "policies.retraining.0.kind=\"neo_corporatist\"",
        "policies.retraining.0.eligible=[\"under_notice\", \"displaced\"]",
        "policies.retraining.0.learns=\"new_occupation\"",
    ]);
    eprintln!(
        "entries aged 50+: local union {:.1} % of {n_local}, neo-corporatist {:.1} % of {n_neo}",
        100.0 * local,
        100.0 * neo
    );
    assert!(
        local > neo + 0.05,
        "local union {local:.3} against neo-corporatist {neo:.3}"
    );
}

/// The row of `followup.csv` for `group` at `months` since entry, as fields.
fn followup_row(text: &str, group: &str, months: u32) -> Vec<String> {
    followup_row_of(text, "steel_learning", group, months)
}

/// The row of `followup.csv` for `policy`'s `group` at `months` since entry, as fields.
fn followup_row_of(text: &str, policy: &str, group: &str, months: u32) -> Vec<String> {
    let prefix = format!("{policy},{group},{months},");
    let row = text
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("followup.csv has no row {prefix}"));
    row.split(',').map(str::to_string).collect()
}

#[test]
fn training_locks_participants_in_and_raises_their_employment_after_completion() {
    let dir = scratch("retraining-lock-in");
    let out = dir.join("run");
    let set = ["simulation.months=72", "simulation.replications=10"];
    let o = run_scenario(LOCAL_UNION, &out, &set, &["--no-charts"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let effects = std::fs::read_to_string(out.join("effects.csv")).unwrap();
    // A year after the closure most participants are in their courses: the works' staff are
    // re-employed less often than without the programme, and the interval excludes zero.
    let row = effects
        .lines()
        .find(|l| l.starts_with("2028-01,displaced_reemployed,"))
        .expect("effects.csv has the displaced's re-employment");
    let f: Vec<&str> = row.split(',').collect();
    let (effect, high): (f64, f64) = (f[3].parse().unwrap(), f[5].parse().unwrap());
    assert!(effect < 0.0 && high < 0.0, "{row}");
    let policies = std::fs::read_to_string(out.join("policies.csv")).unwrap();
    assert!(policies.starts_with(
        "month,replication,policy,kind,participants,entries,entries_50_plus,exits,completions,dropouts,"
    ));
    // The participants themselves, against the same workers without the programme: below
    // during the 12-month course (lock-in), above 12 months after completion (the later gain,
    // calibration D2-D3), each with a 95 % interval that excludes zero.
    let followup = std::fs::read_to_string(out.join("followup.csv")).unwrap();
    assert!(followup.starts_with(
        "policy,group,months_since_entry,workers,employed_pct,training_pct,other_occupation_pct,other_region_pct,applications_other_occupation_pct,applications_other_region_pct,counterfactual_employed_pct,effect_pp,ci95_low,ci95_high,replications,suppressed\n"
    ));
    let num = |f: &[String], k: usize| -> f64 { f[k].parse().unwrap() };
    let during = followup_row(&followup, "participants", 6);
    assert!(num(&during, 5) > 50.0, "most are in training: {during:?}");
    assert!(
        num(&during, 11) < 0.0 && num(&during, 13) < 0.0,
        "{during:?}"
    );
    let after = followup_row(&followup, "participants", 24);
    assert_eq!(num(&after, 5), 0.0, "courses are over: {after:?}");
    assert!(num(&after, 11) > 0.0 && num(&after, 12) > 0.0, "{after:?}");
    // Applicants the full programme passed over are followed as the comparison group.
    let passed = followup_row(&followup, "passed_over", 0);
    assert!(num(&passed, 3) > 0.0, "{passed:?}");
}

const MICRO: &str = "scenarios/policies/retraining_micro_corporatist.toml";

#[test]
fn a_technology_switch_cuts_the_occupation_the_new_technology_needs_fewer_of() {
    // The works switch in 2028-01 (month 36) to 85 % of their workforce, with the operators'
    // share down from 55 to 40 % and the technicians' up from 25 to 40 %: their layoffs in the
    // following year (no policy) fall on operators, and on logistics and office staff (whose
    // shares stay while the works shrink), never on technicians, whom the works now lack.
    // The occupation of each displaced worker is the one it had at the works (a worker under
    // notice who moves job to job is displaced and may take another occupation at once).
    let s = crate::util::scenario(MICRO, &["simulation.months=48"]);
    let occ = |name: &str| s.params.occupations.iter().position(|o| o == name).unwrap() as u16;
    let (metal, technical) = (occ("metal_production"), occ("technical"));
    let mut sim = wandel_engine::Simulation::new(&s.params, 0);
    let switch = s.params.start.plus(36);
    let (mut operators, mut technicians, mut others) = (0, 0, 0);
    while !sim.finished() {
        sim.step(&mut ());
        let eco = sim.economy();
        if eco.month < switch {
            continue;
        }
        for d in eco
            .displaced
            .iter()
            .filter(|d| d.firm == 0 && d.month == eco.month)
        {
            match d.occupation {
                o if o == metal => operators += 1,
                o if o == technical => technicians += 1,
                _ => others += 1,
            }
        }
    }
    let all = operators + technicians + others;
    assert!(
        operators > 2 * others && technicians * 50 <= all && all > 200,
        "operators {operators}, technicians {technicians}, others {others}"
    );
}

#[test]
fn operators_retrained_for_the_new_technology_keep_their_jobs_more_often() {
    let dir = scratch("retraining-micro");
    let out = dir.join("run");
    let set = ["simulation.months=66", "simulation.replications=8"];
    let o = run_scenario(MICRO, &out, &set, &["--no-charts"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let followup = std::fs::read_to_string(out.join("followup.csv")).unwrap();
    let row = followup_row_of(&followup, "hydrogen_qualification", "participants", 24);
    let low: f64 = row[12].parse().unwrap();
    assert!(low > 0.0, "24 months after entry: {row:?}");
}

#[test]
fn participants_in_training_and_course_costs_agree_every_month() {
    // In each shipped retraining scenario (retraining its only policy that trains), every
    // month: the policy's participants are the workers in training, and its course costs are
    // its participants times the monthly cost; a participant who leaves training during a
    // month (laid off while training on a payroll, retired) is neither counted nor charged.
    for rel in [
        "scenarios/policies/retraining_local_union.toml",
        "scenarios/policies/retraining_micro_corporatist.toml",
        "scenarios/policies/retraining_neo_corporatist.toml",
    ] {
        let s = crate::util::scenario(rel, &[]);
        let cost = match s.policies[0].downcast::<wandel_policy::RetrainingSpec>() {
            Some(r) => r.cost_per_month,
            None => panic!("{rel}: {:?}", s.policies[0]),
        };
        let (months, run) = crate::util::run_checked(&s, 0, true);
        let mut trained = 0;
        for (m, r) in months
            .iter()
            .zip(run.reports.iter().filter(|r| r.kind == "retraining"))
        {
            assert_eq!(m.month, r.month);
            assert_eq!(
                r.month_report.participants, m.in_training,
                "{rel} {}: participants against in_training",
                m.month
            );
            let courses: f64 = r
                .month_report
                .items
                .iter()
                .filter(|i| i.0 == wandel_policy::retraining::COURSE_COSTS)
                .map(|i| i.1)
                .sum();
            assert!(
                (courses - cost * m.in_training as f64).abs() < 1e-6,
                "{rel} {}: course costs {courses} for {} in training",
                m.month,
                m.in_training
            );
            trained += m.in_training;
        }
        assert!(trained > 0, "{rel}: nobody trained");
    }
}
