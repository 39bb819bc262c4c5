//! Policies in scenarios: short-time work on the shipped dip scenario against its
//! counterfactual under common random numbers; the neutral cases (zero capacity, a trigger no
//! firm meets, months before the start) give output bit-identical to no policy; the ledger adds
//! up; capacity holds; invariants are recounted every month.

use wandel_engine::MonthRecord;
use wandel_policy::PolicyRun;
use wandel_policy::ledger::NET_COST;

const DIP: &str = "scenarios/policies/short_time_work_dip.toml";

/// The dip scenario, three years (the dip, the recovery and a year after), with `set`.
fn dip(set: &[&str]) -> wandel_scenario::Scenario {
    let mut all = vec!["simulation.months=36"];
    all.extend_from_slice(set);
    crate::util::scenario(DIP, &all)
}

/// Replication `rep` of `s` with its policies (or none), invariants checked each month.
fn run(
    s: &wandel_scenario::Scenario,
    rep: u32,
    with_policies: bool,
) -> (Vec<MonthRecord>, PolicyRun) {
    crate::util::run_checked(s, rep, with_policies)
}

fn mean_sd(x: &[f64]) -> (f64, f64) {
    let n = x.len() as f64;
    let m = x.iter().sum::<f64>() / n;
    let v = x.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (n - 1.0);
    (m, v.sqrt())
}

#[test]
fn zero_capacity_and_an_unmet_trigger_change_nothing() {
    let none = run(&dip(&[]), 0, false).0;
    for set in [
        "policies.short_time_work.0.capacity=0",
        // Health care has no dip: no firm of it needs short-time work (with firms' job
        // creation off, which would let a health-care firm narrow its capacity now and then).
        "policies.short_time_work.0.sectors=[\"health_care\"]",
    ] {
        let fixed = ["jobs.creation=false", set];
        let sets: &[&str] = if set.contains("health_care") {
            &fixed
        } else {
            &[set]
        };
        let none = if sets.len() > 1 {
            run(&dip(&sets[..1]), 0, false).0
        } else {
            none.clone()
        };
        let (months, policies) = run(&dip(sets), 0, true);
        assert_eq!(
            months, none,
            "{set}: output differs from the run without the policy"
        );
        assert!(
            policies
                .reports
                .iter()
                .all(|r| r.month_report.participants == 0),
            "{set}: participants"
        );
    }
}

#[test]
fn nothing_changes_before_the_start_month() {
    let s = dip(&["policies.short_time_work.0.start=\"2026-02\""]);
    let start = s.policies[0].start();
    let (with, _) = run(&s, 1, true);
    let (without, _) = run(&s, 1, false);
    let before = with.iter().take_while(|m| m.month < start).count();
    assert!(before > 0);
    assert_eq!(with[..before], without[..before]);
    assert_ne!(
        with[before..],
        without[before..],
        "the policy acts from its start"
    );
}

#[test]
fn the_ledger_adds_up_and_capacity_holds() {
    let capacity = 800;
    let s = dip(&[&format!("policies.short_time_work.0.capacity={capacity}")]);
    let (months, policies) = run(&s, 2, true);
    let mut peak = 0;
    for m in &months {
        let lines: Vec<_> = policies
            .ledger
            .iter()
            .filter(|e| e.month == m.month)
            .collect();
        let net = lines
            .iter()
            .find(|e| e.item == NET_COST)
            .expect("a net line")
            .amount;
        let items: f64 = lines
            .iter()
            .filter(|e| e.item != NET_COST)
            .map(|e| e.amount)
            .sum();
        assert!(
            (net - items).abs() <= 1e-6 * items.abs().max(1.0),
            "{}: {net} vs {items}",
            m.month
        );
        let report = policies
            .reports
            .iter()
            .find(|r| r.month == m.month)
            .expect("a report every month");
        let p = report.month_report.participants;
        assert!(
            p <= capacity,
            "{}: {p} participants above capacity",
            m.month
        );
        assert_eq!(
            p, m.short_time,
            "{}: participants are the short-time workers",
            m.month
        );
        peak = peak.max(p);
    }
    assert!(peak > capacity / 2, "capacity is used (peak {peak})");
}

#[test]
fn short_time_work_lowers_layoffs_in_the_dip_and_pairing_narrows_the_error() {
    let s = dip(&[]);
    let reps = 10;
    let layoffs = |m: &[MonthRecord]| m.iter().map(|r| r.layoffs as f64).sum::<f64>();
    let job_years = wandel_engine::measures::job_years_heads;
    let mut pairs: [(Vec<f64>, Vec<f64>); 2] = Default::default();
    for rep in 0..reps {
        let a = run(&s, rep, true).0;
        let b = run(&s, rep, false).0;
        pairs[0].0.push(layoffs(&a));
        pairs[0].1.push(layoffs(&b));
        pairs[1].0.push(job_years(&a));
        pairs[1].1.push(job_years(&b));
    }
    let n = f64::from(reps);
    let t975 = 2.262; // Student's t, 9 degrees of freedom.
    let mut se = Vec::new();
    for (name, (with, without)) in ["layoffs", "job-years"].iter().zip(&pairs) {
        let diff: Vec<f64> = with.iter().zip(without).map(|(a, b)| a - b).collect();
        let (d, sd) = mean_sd(&diff);
        let paired = sd / n.sqrt();
        let (_, sa) = mean_sd(with);
        let (_, sb) = mean_sd(without);
        let unpaired = (sa * sa / n + sb * sb / n).sqrt();
        println!(
            "{name} over 36 months: effect {d:.1} ± {:.1} (paired SE {paired:.2}, unpaired SE {unpaired:.2}); with {:.1}, without {:.1}",
            t975 * paired,
            mean_sd(with).0,
            mean_sd(without).0
        );
        se.push((d, paired, unpaired));
    }
    let (d, paired, _) = se[0];
    assert!(
        d + t975 * paired < 0.0,
        "layoffs effect {d} ± {} not below zero",
        t975 * paired
    );
    let (d, paired, unpaired) = se[1];
    assert!(
        d - t975 * paired > 0.0,
        "job-years effect {d} ± {} not above zero",
        t975 * paired
    );
    // Common random numbers: the economy-wide noise both arms share cancels in the pair.
    assert!(
        paired <= unpaired / 5.0,
        "job-years: paired SE {paired:.2} is not at most a fifth of the unpaired {unpaired:.2}"
    );
}

#[test]
fn in_a_permanent_decline_short_time_work_delays_layoffs_that_catch_up_after_it_ends() {
    // The best case, every eligible firm on short time (`decision = "always"`): layoffs are
    // delayed, not prevented. The firms' own decision is checked below.
    let s = crate::util::scenario(
        "scenarios/policies/short_time_work_phaseout.toml",
        &["policies.short_time_work.0.decision=\"always\""],
    );
    let end = s.policies[0].end().expect("the scenario ends it");
    let reps = 6;
    let cumulative = |m: &[MonthRecord], until: wandel_engine::Month| {
        m.iter()
            .filter(|r| r.month < until)
            .map(|r| r.layoffs as f64)
            .sum::<f64>()
    };
    let (mut running, mut at_end, mut total_without) = (Vec::new(), Vec::new(), Vec::new());
    for rep in 0..reps {
        let a = run(&s, rep, true).0;
        let b = run(&s, rep, false).0;
        let last = a.last().expect("months").month.plus(1);
        running.push(cumulative(&a, end) - cumulative(&b, end));
        at_end.push(cumulative(&a, last) - cumulative(&b, last));
        total_without.push(cumulative(&b, last));
    }
    let n = f64::from(reps);
    let t975 = 2.571; // Student's t, 5 degrees of freedom.
    let (d, sd) = mean_sd(&running);
    println!(
        "cumulative layoffs while it runs: {d:.1} ± {:.1}",
        t975 * sd / n.sqrt()
    );
    assert!(
        d + t975 * sd / n.sqrt() < 0.0,
        "fewer layoffs while it runs"
    );
    let (d, _) = mean_sd(&at_end);
    let (total, _) = mean_sd(&total_without);
    println!(
        "by the end: {d:.1} of {total:.1} ({:.2} %)",
        100.0 * d / total
    );
    // Documented in docs/policies.md: by the end of the run the difference is below 2 % of
    // the counterfactual's layoffs (what remains: workers who retired while on short time).
    assert!(
        d.abs() < 0.02 * total,
        "layoffs catch up: {d:.1} of {total:.1}"
    );
}

#[test]
fn firms_decide_short_time_work_by_its_cost_take_up_is_partial_and_saves_at_most_a_job_per_fte() {
    // The dip with short-time work as firms decide it (regular rules: contributions on lost
    // hours not reimbursed), against the same runs without it and without the dip.
    let s = crate::util::scenario(DIP, &[]);
    let flat = crate::util::scenario(DIP, &["sectors.3.demand=[[\"2025-12\", 1.0]]"]);
    let reps = 4;
    let layoffs = |m: &[MonthRecord]| m.iter().map(|r| r.layoffs as f64).sum::<f64>();
    let (mut prevented, mut excess) = (0.0, 0.0);
    let (mut saved, mut fte_on_short_time) = (0.0, 0.0);
    let (mut entered, mut declined) = (0, 0);
    for rep in 0..reps {
        let (with, policies) = run(&s, rep, true);
        let without = run(&s, rep, false).0;
        let no_dip = run(&flat, rep, false).0;
        prevented += layoffs(&without) - layoffs(&with);
        excess += layoffs(&without) - layoffs(&no_dip);
        for (a, b) in with.iter().zip(&without) {
            if a.short_time > 0 {
                saved += wandel_engine::measures::employment_heads(a)
                    - wandel_engine::measures::employment_heads(b);
                fte_on_short_time += a.short_time as f64 * 0.5; // hours_cut of the scenario
            }
        }
        for r in &policies.reports {
            entered += r.month_report.firms_entered;
            declined += r.month_report.firms_declined;
        }
    }
    let share = prevented / excess;
    let per_fte = saved / fte_on_short_time;
    println!(
        "layoffs prevented: {:.1} % of the dip's excess layoffs; jobs saved per FTE on short \
         time: {per_fte:.2}; firms entered {entered}, declined {declined} (firm-months)",
        100.0 * share
    );
    // Partial take-up, each firm by its own costs.
    assert!(
        entered > 0 && declined > 0,
        "entered {entered}, declined {declined}"
    );
    // C4: jobs saved are fewer than the full-time equivalents on short time.
    assert!(per_fte > 0.0 && per_fte <= 1.0, "{per_fte}");
    // C2 (unemployment would have risen twice as much: half the job losses prevented) is
    // the upper bound. C6's about 20 % (the rule-based scheme in a recession) is reported, not
    // asserted: the regular rules give 15-17 % here (docs/policies.md).
    assert!(share > 0.0 && share < 0.5, "{share}");
    // With contributions on lost hours reimbursed (the 2020 rules, C7), firms' remanent costs
    // fall and more of them choose short time.
    let reimbursed = crate::util::scenario(
        DIP,
        &["policies.short_time_work.0.reimbursed_contributions=1.0"],
    );
    let (mut more, mut base) = (0.0, 0.0);
    for rep in 0..2 {
        let without = layoffs(&run(&s, rep, false).0);
        more += without - layoffs(&run(&reimbursed, rep, true).0);
        base += without - layoffs(&run(&s, rep, true).0);
    }
    assert!(more > base, "reimbursed {more} against regular {base}");
}

#[test]
fn firms_in_a_permanent_decline_use_short_time_work_less_than_firms_in_a_dip() {
    // Deciding by their own costs, firms whose demand keeps falling expect the shortfall to
    // last and use short time less than when every eligible firm takes it (the best case);
    // firms in a dip take it more readily than firms in the decline.
    let months_on = |rel: &str, set: &[&str]| {
        let s = crate::util::scenario(rel, set);
        let (_, policies) = run(&s, 0, true);
        let (mut worker_months, mut entered, mut declined) = (0u64, 0u64, 0u64);
        for r in &policies.reports {
            worker_months += r.month_report.participants;
            entered += r.month_report.firms_entered;
            declined += r.month_report.firms_declined;
        }
        (
            worker_months,
            entered as f64 / (entered + declined).max(1) as f64,
        )
    };
    let phaseout = "scenarios/policies/short_time_work_phaseout.toml";
    let (decided, decline_rate) = months_on(phaseout, &[]);
    let (always, _) = months_on(
        phaseout,
        &["policies.short_time_work.0.decision=\"always\""],
    );
    println!(
        "phase-out: {decided} worker-months on short time as firms decide, {always} when all take it"
    );
    assert!(
        (decided as f64) < 0.5 * always as f64,
        "{decided} against {always}"
    );
    let (_, dip_rate) = months_on(DIP, &[]);
    println!("share of firms' decisions that enter: dip {dip_rate:.2}, decline {decline_rate:.2}");
    assert!(
        dip_rate > decline_rate,
        "dip {dip_rate}, decline {decline_rate}"
    );
}
