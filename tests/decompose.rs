//! `wandel run --decompose` on the shipped transition package: a row per part and measure in
//! `decomposition.csv`, the package's effect the same as the run's headline effect, and every
//! arm sharing seeds: a part that does nothing (a hiring subsidy no firm qualifies for)
//! contributes exactly zero in every replication. A scenario with one policy is refused.

use crate::util::{scratch, stderr, wandel};

const PACKAGE: &str = "scenarios/policies/transition_package.toml";

#[test]
fn decomposition_parts_come_from_arms_that_share_seeds() {
    let dir = scratch("decompose");
    let out = dir.join("run");
    let o = wandel(&[
        "run",
        PACKAGE,
        "--decompose",
        "--quiet",
        "--no-charts",
        "--threads",
        "2",
        "--out",
        out.to_str().unwrap(),
        "--set",
        "simulation.months=60",
        "--set",
        "simulation.replications=2",
        // A part that changes nothing: its contribution must be exactly zero.
        "--set",
        "policies.hiring_subsidy.0.wage_standard=100000.0",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = std::fs::read_to_string(out.join("decomposition.csv")).unwrap();
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    for measure in ["job_years", "displaced.reemployed_24m", "net_fiscal_cost"] {
        let parts: Vec<&str> = rows
            .iter()
            .filter(|r| r[0] == measure)
            .map(|r| r[2])
            .collect();
        let mut named = parts.clone();
        named.sort_unstable();
        assert_eq!(
            named,
            [
                "interaction",
                "package",
                "steel_hiring_subsidy",
                "steel_jsc",
                "steel_learning",
                "supplier_kurzarbeit"
            ],
            "{measure}: {parts:?}"
        );
        assert_eq!(parts.first(), Some(&"package"));
        assert_eq!(parts.last(), Some(&"interaction"));
        assert_eq!(parts.len(), 6, "{measure}: {parts:?}");
        let idle = rows
            .iter()
            .find(|r| r[0] == measure && r[2] == "steel_hiring_subsidy")
            .unwrap();
        for k in 3..6 {
            let v: f64 = idle[k].parse().unwrap();
            assert_eq!(v, 0.0, "{measure}: the idle part contributes {idle:?}");
        }
    }
    // The package's effect is the run's headline effect (the same pairs of runs).
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let headline = summary["effects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "job_years")
        .unwrap()["mean"]
        .as_f64()
        .unwrap();
    let package = summary["decomposition"][0]["package"]["mean"]
        .as_f64()
        .unwrap();
    assert!((headline - package).abs() < 1e-9, "{headline} {package}");
}

#[test]
fn decompose_needs_two_policies() {
    let o = wandel(&[
        "run",
        "scenarios/policies/hiring_subsidy.toml",
        "--decompose",
        "--quiet",
        "--no-charts",
        "--out",
        scratch("decompose_one").to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("--decompose needs a scenario with two or more policies"),
        "{err}"
    );
}
