//! Same scenario and seed give bit-identical output files whatever the thread count; another
//! seed gives other numbers; one run whose phases run in parallel gives the same months on any
//! number of threads.

use std::path::Path;

use crate::util::{run_scenario, scratch};

const FILES: [&str; 4] = ["economy.csv", "markets.csv", "cohorts.csv", "summary.json"];

fn run(out: &Path, threads: &str, seed: &str) {
    let seed = format!("simulation.seed={seed}");
    run_scenario(
        "scenarios/steel_closure.toml",
        out,
        &["simulation.months=30", "simulation.replications=4", &seed],
        &["--threads", threads, "--no-charts"],
    );
}

#[test]
fn output_does_not_depend_on_thread_count() {
    let dir = scratch("determinism");
    let (one, two, again) = (dir.join("t1"), dir.join("t2"), dir.join("t2-again"));
    run(&one, "1", "7");
    run(&two, "2", "7");
    run(&again, "2", "7");
    for f in FILES {
        let a = std::fs::read(one.join(f)).unwrap();
        let b = std::fs::read(two.join(f)).unwrap();
        let c = std::fs::read(again.join(f)).unwrap();
        assert!(a == b, "{f} differs between --threads 1 and --threads 2");
        assert!(b == c, "{f} differs between two runs with --threads 2");
    }
    let other = dir.join("seed8");
    run(&other, "2", "8");
    let a = std::fs::read(one.join("economy.csv")).unwrap();
    let b = std::fs::read(other.join("economy.csv")).unwrap();
    assert!(a != b, "another seed must give other numbers");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn replications_are_independent_of_how_many_run() {
    // Replication 1 of a 2-replication run equals replication 1 of a 4-replication run.
    let s2 = crate::util::scenario("scenarios/steel_closure.toml", &["simulation.months=30"]);
    let a = wandel_engine::run(&s2.params, 1, &mut ());
    let b = wandel_engine::run(&s2.params, 1, &mut ());
    assert_eq!(a.months, b.months);
    let c = wandel_engine::run(&s2.params, 2, &mut ());
    assert_ne!(a.months, c.months);
}

/// One run, its phases in parallel: the month records of the transition package (the steel
/// closure with four policies; tens of thousands of seekers a month, several parallel chunks)
/// are the same on one, two and five threads.
#[test]
fn one_run_gives_the_same_months_on_any_number_of_threads() {
    let s = crate::util::scenario(
        "scenarios/policies/transition_package.toml",
        &["simulation.months=60", "simulation.warmup_months=12"],
    );
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        pool.install(|| {
            let mut policies = wandel_policy::PolicyRun::new(&s.policies, &s.fiscal);
            let out =
                wandel_engine::Simulation::new(&s.params, 0).run(&mut policies, &mut |_, _| {});
            format!("{:?}", out.months)
        })
    };
    let one = run(1);
    assert_eq!(one, run(2), "two threads");
    assert_eq!(one, run(5), "five threads");
}
