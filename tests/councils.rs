//! Councils (`[[policies.transformation_council]]`, `[[policies.job_security_council]]`) on
//! their shipped scenarios, under common random numbers: a job security council raises
//! job-to-job moves during the notice period (the 95 % interval of the paired difference
//! excludes zero); a transformation council's clients send more of their applications to other
//! occupations and regions than comparable applicants it passed over; clients never exceed
//! capacity; zero capacity is bit-identical to no policy; the levy and every cost reach the
//! ledger.

use crate::util::{run_checked, run_scenario, scenario, scratch, stderr};

const JSC: &str = "scenarios/policies/job_security_council.toml";
const TC: &str = "scenarios/policies/transformation_council.toml";

/// 95 % two-sided Student t quantiles for 1 to 9 degrees of freedom.
const T95: [f64; 9] = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262,
];

/// Mean and 95 % half-width of `x`.
fn mean_ci(x: &[f64]) -> (f64, f64) {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    let var = x.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, T95[x.len() - 2] * (var / n).sqrt())
}

#[test]
fn a_job_security_council_raises_job_to_job_moves_during_the_notice_period() {
    // The closure is announced in 2026-01 and takes effect in 2027-01: months 12 to 23.
    let s = scenario(JSC, &["simulation.months=25"]);
    let diffs: Vec<f64> = (0..4)
        .map(|rep| {
            let moves = |with: bool| -> f64 {
                let months = run_checked(&s, rep, with).0;
                months[12..24].iter().map(|m| m.job_to_job as f64).sum()
            };
            moves(true) - moves(false)
        })
        .collect();
    let (mean, half) = mean_ci(&diffs);
    assert!(
        mean - half > 0.0,
        "job-to-job moves in the notice year: {mean:.1} ± {half:.1} ({diffs:?})"
    );
}

#[test]
fn the_levy_and_every_cost_reach_the_ledger_and_clients_stay_within_capacity() {
    let s = scenario(
        JSC,
        &[
            "simulation.months=30",
            "policies.job_security_council.0.capacity=500",
        ],
    );
    let (_, policies) = run_checked(&s, 0, true);
    let mut levy = 0.0;
    let mut costs = 0.0;
    for r in &policies.reports {
        let m = &r.month_report;
        assert!(m.participants <= 500, "{}: {m:?}", r.month);
        let item = |name: &str| m.items.iter().find(|i| i.0 == name).unwrap().1;
        assert_eq!(item("council_costs"), m.participants as f64 * 800.0);
        // The levy is a revenue, and the employers' cost.
        assert!(item("employer_levy") <= 0.0);
        assert_eq!(-item("employer_levy"), m.employer_cost);
        levy += m.employer_cost;
        costs += item("council_costs");
        assert!(m.in_work_or_education <= m.supports_ended);
    }
    assert!(levy > 0.0 && costs > 0.0, "levy {levy}, costs {costs}");
    let in_ledger = |item: &str| {
        policies
            .ledger
            .iter()
            .filter(|e| e.item == item)
            .map(|e| e.amount)
            .sum::<f64>()
    };
    assert!((in_ledger("employer_levy") + levy).abs() < 1e-6 * levy);
    assert!((in_ledger("council_costs") - costs).abs() < 1e-6 * costs);
    // The peak binds: more workers ask than there are places.
    assert!(
        policies
            .reports
            .iter()
            .any(|r| r.month_report.participants == 500)
    );
}

#[test]
fn a_council_without_places_changes_nothing() {
    let s = scenario(JSC, &["simulation.months=30"]);
    let none = run_checked(&s, 1, false).0;
    let zero = scenario(
        JSC,
        &[
            "simulation.months=30",
            "policies.job_security_council.0.capacity=0",
        ],
    );
    let (months, policies) = run_checked(&zero, 1, true);
    assert_eq!(
        months, none,
        "output differs from the run without the council"
    );
    assert!(policies.reports.iter().all(|r| r.month_report.entries == 0));
}

#[test]
fn transformation_council_clients_search_wider_than_those_it_passed_over() {
    let dir = scratch("transformation-council");
    let out = dir.join("run");
    let set = ["simulation.months=48", "simulation.replications=4"];
    let o = run_scenario(TC, &out, &set, &["--no-charts"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let followup = std::fs::read_to_string(out.join("followup.csv")).unwrap();
    let header: Vec<&str> = followup.lines().next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (occ, reg) = (
        col("applications_other_occupation_pct"),
        col("applications_other_region_pct"),
    );
    // Months 1 to 6 after entry: where the two groups send their applications.
    let share = |group: &str, k: usize| -> f64 {
        let v: Vec<f64> = followup
            .lines()
            .filter_map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                let m: u32 = f[2].parse().ok()?;
                (f[1] == group && (1..=6).contains(&m)).then(|| f[k].parse().unwrap())
            })
            .collect();
        assert_eq!(v.len(), 6, "{group}");
        v.iter().sum::<f64>() / 6.0
    };
    let (p_occ, q_occ) = (share("participants", occ), share("passed_over", occ));
    let (p_reg, q_reg) = (share("participants", reg), share("passed_over", reg));
    assert!(
        p_occ > q_occ + 3.0,
        "other occupations: {p_occ:.1} % vs {q_occ:.1} %"
    );
    assert!(
        p_reg > q_reg + 1.0,
        "other regions: {p_reg:.1} % vs {q_reg:.1} %"
    );
    // Every month is priced: caseworkers while the council runs.
    let ledger = std::fs::read_to_string(out.join("ledger.csv")).unwrap();
    assert!(ledger.lines().any(|l| {
        l.contains(",caseworkers,")
            && l.split(',')
                .any(|f| f.parse::<f64>().is_ok_and(|x| x > 0.0))
    }));
}
