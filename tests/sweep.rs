//! `wandel sweep`: results independent of the thread count, common random numbers across arms
//! (the paired effect's standard error far below the unpaired one), a failing point recorded
//! while the rest complete, located errors for bad sweep files, and output directories that
//! cannot mix.

use std::path::Path;

use crate::util::{root, scratch, stderr, wandel};

/// Writes a sweep file on the steel closure (36 months) into `dir`.
fn sweep_file(dir: &Path, body: &str) -> String {
    let base = root().join("scenarios/steel_closure.toml");
    let text = format!("base = {:?}\nseed = 11\n{body}", base.display().to_string());
    let path = dir.join("sweep.toml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

const TWO_ARMS: &str = r#"replications = 3
keep = ["unemployment_rate.mean", "job_years"]

[parameters]
"matching.applications_per_month" = [2.0, 3.0]
"simulation.months" = [36]

[[arms]]
name = "year_notice"

[[arms]]
name = "half_year_notice"
set = { "shocks.closure.0.announced" = "2026-07" }
"#;

fn column(header: &str, name: &str) -> usize {
    header.split(',').position(|c| c == name).unwrap()
}

#[test]
fn threads_do_not_change_results_and_pairs_cut_the_noise() {
    let dir = scratch("sweep-threads");
    let file = sweep_file(&dir, TWO_ARMS);
    let mut texts = Vec::new();
    for threads in ["1", "2"] {
        let out = dir.join(format!("t{threads}"));
        let o = wandel(&[
            "sweep",
            &file,
            "--out",
            &out.display().to_string(),
            "--threads",
            threads,
            "--quiet",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        texts.push((
            std::fs::read_to_string(out.join("runs.csv")).unwrap(),
            std::fs::read_to_string(out.join("aggregate.csv")).unwrap(),
        ));
    }
    assert_eq!(texts[0], texts[1], "--threads 1 and 2 differ");
    let runs = &texts[0].0;
    assert_eq!(
        runs.lines().count(),
        1 + 2 * 2 * 3,
        "2 points × 2 arms × 3 replications"
    );
    // Replication k has the same seed in both arms.
    let h = runs.lines().next().unwrap();
    let (arm, rep, seed) = (
        column(h, "arm"),
        column(h, "replication"),
        column(h, "seed"),
    );
    let rows: Vec<Vec<&str>> = runs
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    for r in &rows {
        let twin = rows
            .iter()
            .find(|o| o[0] == r[0] && o[rep] == r[rep] && o[arm] != r[arm])
            .unwrap();
        assert_eq!(twin[seed], r[seed]);
    }
    // The paired effect on job-years is far more precise than an unpaired comparison.
    let agg = &texts[0].1;
    let h = agg.lines().next().unwrap();
    let (ind, paired, unpaired) = (
        column(h, "indicator"),
        column(h, "effect_se_paired"),
        column(h, "effect_se_unpaired"),
    );
    let mut seen = 0;
    for l in agg.lines().skip(1) {
        let c: Vec<&str> = l.split(',').collect();
        if c[ind] == "job_years" && !c[paired].is_empty() {
            let (p, u): (f64, f64) = (c[paired].parse().unwrap(), c[unpaired].parse().unwrap());
            println!(
                "job-years effect, point {}: SE paired {p:.1}, unpaired {u:.1}",
                c[0]
            );
            assert!(p < u / 3.0, "paired {p} against unpaired {u}");
            seen += 1;
        }
    }
    assert_eq!(seen, 2);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_failing_point_is_recorded_and_the_rest_complete() {
    let dir = scratch("sweep-fail");
    // Each value is valid with the base; announced 2026-12 with closes 2026-06 is not.
    let file = sweep_file(
        &dir,
        r#"keep = ["job_years"]
[parameters]
"shocks.closure.0.announced" = ["2026-01", "2026-12"]
"shocks.closure.0.closes" = ["2027-01", "2026-06"]
"simulation.months" = [36]
"#,
    );
    let out = dir.join("out");
    let o = wandel(&[
        "sweep",
        &file,
        "--out",
        &out.display().to_string(),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let runs = std::fs::read_to_string(out.join("runs.csv")).unwrap();
    let failed: Vec<&str> = runs.lines().filter(|l| l.contains(",failed,")).collect();
    assert_eq!(failed.len(), 1, "{runs}");
    assert!(failed[0].contains("2026-12,2026-06"), "{}", failed[0]);
    assert!(
        failed[0].contains("must not come before its announcement"),
        "{}",
        failed[0]
    );
    assert_eq!(runs.lines().filter(|l| l.contains(",ok,")).count(), 3);
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"failed\": 1") && manifest.contains("\"complete\": true"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bad_sweep_files_get_located_errors() {
    let dir = scratch("sweep-bad");
    let file = sweep_file(
        &dir,
        r#"keep = ["job_year"]
points = 4
[parameters]
"matching.applications_per_mont" = [2.0]
"simulation.months" = []
"#,
    );
    let out = dir.join("out");
    let o = wandel(&["sweep", &file, "--out", &out.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    for expected in [
        "keep: unknown indicator `job_year`; did you mean `job_years`?",
        "points: a grid has every combination of the levels",
        "parameters.\"simulation.months\": an empty list of values",
        "sweep.toml:3:",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(!out.join("runs.csv").exists(), "nothing is written");
    // Once the file is otherwise clean, a parameter path is checked against the scenario.
    let file = sweep_file(
        &dir,
        "[parameters]\n\"matching.applications_per_mont\" = [2.0]\n",
    );
    let err = stderr(&wandel(&[
        "sweep",
        &file,
        "--out",
        &out.display().to_string(),
    ]));
    assert!(
        err.contains("did you mean `matching.applications_per_month`?")
            && err.contains("sweep.toml:4:"),
        "{err}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_directory_with_results_is_not_overwritten_unless_asked() {
    let dir = scratch("sweep-dir");
    let file = sweep_file(
        &dir,
        "keep = [\"job_years\"]\n[parameters]\n\"simulation.months\" = [36]\n",
    );
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("summary.json"), "{}").unwrap();
    let o = wandel(&[
        "sweep",
        &file,
        "--out",
        &out.display().to_string(),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--overwrite"), "{}", stderr(&o));
    let o = wandel(&[
        "sweep",
        &file,
        "--out",
        &out.display().to_string(),
        "--quiet",
        "--overwrite",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("runs.csv").exists());
    std::fs::remove_dir_all(dir).unwrap();
}
