//! The DMP special case (`docs/dmp-reference.md`) against the exact steady state of the
//! discrete-time process.
//!
//! Tolerance: the statistic is the mean end-of-month unemployment rate over the second half of
//! the run, averaged over replications. Its sampling noise is estimated from the spread across
//! replications (standard error of the mean); the test allows four standard errors plus 0.02
//! percentage points for the remaining approach to the fixed point. A wrong step order (for
//! example matching before separations) or the continuous-time formula (9.06 % for case A)
//! misses by far more.

use wandel_engine::params::{DmpCase, dmp};
use wandel_engine::reference::dmp_steady_unemployment;
use wandel_engine::{MatchingMode, Simulation};

struct Outcome {
    mean: f64,
    standard_error: f64,
    max_hire_share: f64,
}

fn simulate(case: DmpCase, replications: u32) -> Outcome {
    let params = dmp(case);
    let n = f64::from(case.n_workers);
    let mut means = Vec::new();
    let mut max_hire_share: f64 = 0.0;
    for rep in 0..replications {
        let out = Simulation::new(&params, rep).run(&mut (), &mut |_, _| {});
        let half = &out.months[out.months.len() / 2..];
        means.push(half.iter().map(|m| m.unemployed as f64 / n).sum::<f64>() / half.len() as f64);
        for (prev, m) in out.months.iter().zip(&out.months[1..]) {
            // Hires against the job seekers available after separations: far from the min() cap.
            let seekers = (prev.unemployed + m.separations) as f64;
            max_hire_share = max_hire_share.max(m.hires as f64 / seekers.min(m.vacancies as f64));
        }
    }
    let r = means.len() as f64;
    let mean = means.iter().sum::<f64>() / r;
    let var = means.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (r - 1.0);
    Outcome {
        mean,
        standard_error: (var / r).sqrt(),
        max_hire_share,
    }
}

fn check(case: DmpCase, replications: u32) {
    assert_eq!(dmp(case).matching.mode, MatchingMode::Aggregate);
    let exact = dmp_steady_unemployment(&case);
    let got = simulate(case, replications);
    let tolerance = 4.0 * got.standard_error + 0.0002;
    eprintln!(
        "DMP s={} mu={} alpha={} N={} T={}: simulated u = {:.5} (se {:.5}), exact {:.5}",
        case.separation,
        case.efficiency,
        case.elasticity,
        case.n_workers,
        case.target,
        got.mean,
        got.standard_error,
        exact
    );
    assert!(
        (got.mean - exact).abs() <= tolerance,
        "{case:?}: simulated u = {:.5}, exact {:.5}, tolerance {:.5}",
        got.mean,
        exact,
        tolerance
    );
    // The closed form holds only while the min() cap does not bind.
    assert!(
        got.max_hire_share < 0.9,
        "the hiring cap came close to binding: {}",
        got.max_hire_share
    );
}

#[test]
fn case_a_matches_the_exact_steady_state() {
    let case = DmpCase {
        n_workers: 100_000,
        n_segments: 10,
        n_firms: 1_000,
        target: 95,
        separation: 0.02,
        efficiency: 0.3,
        elasticity: 0.5,
        months: 240,
        seed: 11,
    };
    assert!((dmp_steady_unemployment(&case) - 0.073120).abs() < 5e-6);
    check(case, 4);
}

#[test]
fn high_turnover_case_matches() {
    check(
        DmpCase {
            n_workers: 50_000,
            n_segments: 5,
            n_firms: 500,
            target: 100,
            separation: 0.04,
            efficiency: 0.25,
            elasticity: 0.6,
            months: 240,
            seed: 12,
        },
        4,
    );
}

#[test]
fn more_jobs_than_workers_case_matches() {
    check(
        DmpCase {
            n_workers: 40_000,
            n_segments: 4,
            n_firms: 400,
            target: 110,
            separation: 0.01,
            efficiency: 0.2,
            elasticity: 0.4,
            months: 240,
            seed: 13,
        },
        4,
    );
}

#[test]
fn shipped_dmp_scenario_is_case_a() {
    let s = crate::util::scenario("scenarios/validation/dmp.toml", &[]);
    let p = &s.params;
    assert_eq!(p.population.count, Some(100_000));
    assert_eq!(p.regions.len(), 10);
    assert_eq!(p.firm_groups.iter().map(|g| g.count).sum::<u32>(), 1_000);
    assert!(
        p.firm_groups
            .iter()
            .all(|g| g.size == wandel_engine::params::SizeDist::Fixed(95))
    );
    assert_eq!(p.sectors[0].separation_rate, 0.02);
    assert_eq!((p.matching.efficiency, p.matching.elasticity), (0.3, 0.5));
    assert_eq!(p.matching.mode, MatchingMode::Aggregate);
    assert_eq!(p.months, 240);
    assert!(p.demography.pension_age.is_none());
    // Identity accessibility: no cross-segment search.
    for r in 0..10 {
        for c in 0..10 {
            assert_eq!(p.accessibility[r * 10 + c], if r == c { 1.0 } else { 0.0 });
        }
    }
}
