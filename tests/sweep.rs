//! `wandel sweep`: results independent of the thread count, common random numbers across arms
//! (the paired effect's standard error far below the unpaired one), a failing point recorded
//! while the rest complete, located errors for bad sweep files, and output directories that
//! cannot mix.

use std::path::Path;

use crate::util::{root, scratch, stderr, wandel, wandel_bad};

/// Writes a sweep file on the steel closure (36 months) into `dir`.
pub(crate) fn sweep_file(dir: &Path, body: &str) -> String {
    let base = root().join("scenarios/steel_closure.toml");
    let text = format!("base = {:?}\nseed = 11\n{body}", base.display().to_string());
    let path = dir.join("sweep.toml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

pub(crate) const TWO_ARMS: &str = r#"replications = 3
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
    let o = wandel_bad(&["sweep", &file, "--out", &out.display().to_string()]);
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
    let err = stderr(&wandel_bad(&[
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

/// Runs `wandel sweep FILE --out OUT --quiet ARGS...` and returns its output.
fn sweep_into(file: &str, out: &Path, extra: &[&str]) -> std::process::Output {
    let out = out.display().to_string();
    let mut args = vec!["sweep", file, "--out", &out, "--quiet"];
    args.extend(extra);
    wandel(&args)
}

/// The result files that must be byte for byte the same, and the manifest without the fields
/// that record timing, threads or where shards came from.
fn results_of(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> =
        ["runs.csv", "aggregate.csv", "series.csv", "sensitivity.csv"]
            .iter()
            .filter(|f| dir.join(f).exists())
            .map(|f| (f.to_string(), std::fs::read_to_string(dir.join(f)).unwrap()))
            .collect();
    let mut m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    for timing in ["started_unix", "wall_seconds", "threads", "merged_from"] {
        m.as_object_mut().unwrap().remove(timing);
    }
    files.push(("manifest.json".to_string(), m.to_string()));
    files
}

const WITH_SERIES: &str = r#"replications = 4
series = true
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

#[test]
fn shards_merged_equal_the_whole_sweep() {
    let dir = scratch("sweep-shards");
    let file = sweep_file(&dir, WITH_SERIES);
    let whole = dir.join("whole");
    let o = sweep_into(&file, &whole, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut shards = Vec::new();
    for i in 0..3 {
        let out = dir.join(format!("shard{i}"));
        let o = sweep_into(&file, &out, &["--shard", &format!("{i}/3")]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            !out.join("aggregate.csv").exists(),
            "a shard has no summary"
        );
        shards.push(out.display().to_string());
    }
    // A missing shard is refused, naming it.
    let merged = dir.join("merged");
    let m = merged.display().to_string();
    let o = wandel(&["merge", &shards[0], &shards[2], "--out", &m]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("shard 1 of 3 is missing"),
        "{}",
        stderr(&o)
    );
    let mut args = vec!["merge", "--quiet", "--out", &m];
    args.extend(shards.iter().map(String::as_str));
    let o = wandel(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let (a, b) = (results_of(&whole), results_of(&merged));
    assert_eq!(a.len(), 4, "runs, aggregate, series and manifest");
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.0, y.0);
        assert!(
            x.1 == y.1,
            "{} differs between the sweep and the merge",
            x.0
        );
    }
    let series = &a[2].1;
    assert_eq!(series.lines().count(), 1 + 16 * 36, "16 runs of 36 months");
    // Charts and the report of the sweep; `wandel plot` redraws them.
    let chart = merged.join("charts/effect_matching_applications_per_month.png");
    std::fs::remove_file(&chart).unwrap();
    let o = wandel(&["plot", &m]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(chart.exists());
    assert!(
        merged
            .join("charts/response_matching_applications_per_month.svg")
            .exists()
    );
    assert!(
        !merged
            .join("charts/response_simulation_months.svg")
            .exists(),
        "one value: no chart"
    );
    let report = std::fs::read_to_string(merged.join("report.html")).unwrap();
    for expected in [
        "Wandel sweep report",
        "Paired effect against year_notice",
        "merged from 3 shards",
        "Response to Matching: applications per month",
    ] {
        assert!(report.contains(expected), "{expected}");
    }
    // A shard index beyond the count is a clear error.
    let o = sweep_into(&file, &dir.join("bad"), &["--shard", "3/3"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("0 ≤ I < N"), "{}", stderr(&o));
    std::fs::remove_dir_all(dir).unwrap();
}

/// Starts a sweep and stops it with `signal` once `runs.csv` holds `rows` runs.
fn start_and_stop(file: &str, out: &Path, signal: &str, rows: usize) -> std::process::ExitStatus {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_wandel"))
        .args([
            "sweep",
            file,
            "--out",
            &out.display().to_string(),
            "--quiet",
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let runs = out.join("runs.csv");
    loop {
        let done = std::fs::read_to_string(&runs)
            .map(|t| t.lines().count().saturating_sub(1))
            .unwrap_or(0);
        if done >= rows {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the sweep ended before it was stopped"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let killed = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    child.wait().unwrap()
}

#[test]
fn an_interrupted_sweep_resumes_with_every_run_once() {
    let dir = scratch("sweep-resume");
    let body = WITH_SERIES.replace("replications = 4", "replications = 10");
    let file = sweep_file(&dir, &body);
    let whole = dir.join("whole");
    assert!(sweep_into(&file, &whole, &[]).status.success());
    for (signal, name) in [("-KILL", "killed"), ("-INT", "interrupted")] {
        let out = dir.join(name);
        let status = start_and_stop(&file, &out, signal, 3);
        let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
        assert!(manifest.contains("\"complete\": false"), "{manifest}");
        if signal == "-INT" {
            // Ctrl-C: the runs under way finish, the files are saved, the exit code says so.
            assert_eq!(status.code(), Some(130));
            let text = std::fs::read_to_string(out.join("runs.csv")).unwrap();
            let rows = text.lines().count() - 1;
            assert!(rows < 40 && text.ends_with('\n'), "{rows} rows");
            assert!(
                manifest.contains(&format!("\"runs_done\": {rows}")),
                "{manifest}"
            );
        }
        // Without --resume the directory is refused, with a hint.
        let o = sweep_into(&file, &out, &[]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("--resume"), "{}", stderr(&o));
        let o = sweep_into(&file, &out, &["--resume"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let (a, b) = (results_of(&whole), results_of(&out));
        for (x, y) in a.iter().zip(&b) {
            assert!(x.1 == y.1, "{} differs after {name} and resumed", x.0);
        }
        // Every run exactly once.
        let runs = &b[0].1;
        let mut keys: Vec<String> = runs
            .lines()
            .skip(1)
            .map(|l| l.split(',').take(3).collect::<Vec<_>>().join(","))
            .collect();
        assert_eq!(keys.len(), 40);
        keys.dedup();
        assert_eq!(keys.len(), 40);
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_saltelli_design_writes_sensitivity_indices() {
    let dir = scratch("sweep-saltelli");
    let file = sweep_file(
        &dir,
        r#"design = "saltelli"
points = 8
keep = ["unemployment_rate.mean"]
[parameters]
"matching.applications_per_month" = { min = 1.0, max = 6.0 }
"matching.suitability" = { min = 0.03, max = 0.07 }
"simulation.months" = [36]
[[arms]]
name = "counterfactual"
policies = "none"
"#,
    );
    let out = dir.join("out");
    let o = sweep_into(&file, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let runs = std::fs::read_to_string(out.join("runs.csv")).unwrap();
    assert_eq!(
        runs.lines().count(),
        1 + 8 * 5,
        "8 base rows × (3 + 2) points"
    );
    let s = std::fs::read_to_string(out.join("sensitivity.csv")).unwrap();
    let h = s.lines().next().unwrap();
    let (param, first, total) = (
        column(h, "parameter"),
        column(h, "first_order"),
        column(h, "total"),
    );
    let rows: Vec<Vec<&str>> = s.lines().skip(1).map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 3, "{s}");
    assert!(
        out.join("charts/sensitivity_unemployment_rate_mean.png")
            .exists()
    );
    // simulation.months takes one value: it explains nothing.
    let months = rows
        .iter()
        .find(|r| r[param] == "simulation.months")
        .unwrap();
    assert_eq!(months[first].parse::<f64>().unwrap(), 0.0);
    assert_eq!(months[total].parse::<f64>().unwrap(), 0.0);
    // Each other index is a number with an interval around it.
    for r in &rows {
        let v: f64 = r[total].parse().unwrap();
        let lo: f64 = r[total + 1].parse().unwrap();
        let hi: f64 = r[total + 2].parse().unwrap();
        assert!(lo <= v && v <= hi, "{r:?}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn shipped_sweep_files_are_valid() {
    let dir = root().join("scenarios/sweeps");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let o = wandel(&["sweep", path.to_str().unwrap(), "--dry-run"]);
            assert!(o.status.success(), "{}: {}", path.display(), stderr(&o));
            assert!(String::from_utf8_lossy(&o.stdout).contains("nothing run"));
            seen += 1;
        }
    }
    assert!(seen >= 2);
}

#[test]
fn sampled_designs_and_merges_get_clear_errors() {
    let dir = scratch("sweep-bad-designs");
    let out = dir.join("out");
    let range = "[parameters]\n\"matching.applications_per_month\" = { min = 1.0, max = 4.0 }\n";
    for (head, expected) in [
        (
            "design = \"sobol\"",
            "points: missing required key: a sobol design needs `points`",
        ),
        (
            "design = \"saltelli\"\npoints = 8",
            "a saltelli design needs two parameters or more",
        ),
        ("design = \"sobol\"\npoints = 70000", "65536"),
    ] {
        let file = sweep_file(&dir, &format!("{head}\n{range}"));
        let err = stderr(&sweep_into(&file, &out, &[]));
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
        assert!(
            err.contains("sweep.toml:") && (err.contains("points") || err.contains("parameters")),
            "{err}"
        );
    }
    assert!(!out.exists(), "nothing is written");
    // A whole sweep is not a shard.
    let file = sweep_file(
        &dir,
        "keep = [\"job_years\"]\n[parameters]\n\"simulation.months\" = [36]\n",
    );
    assert!(sweep_into(&file, &out, &[]).status.success());
    let merged = dir.join("merged").display().to_string();
    let o = wandel(&["merge", out.to_str().unwrap(), "--out", &merged]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is a whole sweep, not a shard"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn labels_name_parameters_effects_on_rates_are_in_points_and_shared_seeds_draw_flat() {
    // A parameter with a `label`, an effect on a rate, and `seeds = "shared"`: a parameter
    // that changes nothing then gives every point the same values (common random numbers
    // across the grid), so its response is flat.
    let dir = scratch("sweep-labels");
    let body = r#"replications = 2
seeds = "shared"
keep = ["unemployment_rate.mean", "job_years"]

[parameters]
"simulation.description" = { values = ["a", "b"], label = "A description" }
"simulation.months" = [36]

[[arms]]
name = "year_notice"

[[arms]]
name = "half_year_notice"
set = { "shocks.closure.0.announced" = "2025-07" }
"#;
    let file = sweep_file(&dir, body);
    let out = dir.join("out");
    let o = wandel(&[
        "sweep",
        &file,
        "--out",
        &out.display().to_string(),
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let runs = std::fs::read_to_string(out.join("runs.csv")).unwrap();
    let mut lines = runs.lines();
    let header = lines.next().unwrap();
    let (point, arm, rep, u) = (
        column(header, "point"),
        column(header, "arm"),
        column(header, "replication"),
        column(header, "unemployment_rate.mean"),
    );
    let mut by: std::collections::BTreeMap<(String, String), Vec<(String, String)>> =
        Default::default();
    for l in lines {
        let c: Vec<&str> = l.split(',').collect();
        by.entry((c[arm].to_string(), c[rep].to_string()))
            .or_default()
            .push((c[point].to_string(), c[u].to_string()));
    }
    for (key, values) in &by {
        assert_eq!(values.len(), 2, "{key:?}");
        assert_eq!(
            values[0].1, values[1].1,
            "{key:?}: shared seeds, same value"
        );
    }
    let report = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        report.contains("A description"),
        "the label names the parameter"
    );
    assert!(!report.contains("<th>simulation.description</th>"));
    assert!(
        report.contains(", pp</h3>"),
        "an effect on a rate is in points"
    );
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert!(m["seed_rule"].as_str().unwrap().contains("shared"));
}
