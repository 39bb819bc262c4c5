//! `wandel calibrate`: recovery of known parameters with honest intervals, identification
//! warnings, kill and resume, and the catalogue of bad calibration files.
//!
//! Every test runs on a small DMP economy (the reference scenario `scenarios/validation/dmp.toml`
//! with 10^4 workers instead of 10^5), whose moments respond to the matching efficiency and the
//! separation rate. The seeds of the recovery test are fixed here, before its first run.

use std::path::{Path, PathBuf};

use crate::util::{root, scratch, stderr, wandel, wandel_bad};

/// Writes the small DMP economy (`workers` workers, `months` months) into `dir`.
fn small_dmp(dir: &Path, workers: u32, months: u32) -> PathBuf {
    let text = std::fs::read_to_string(root().join("scenarios/validation/dmp.toml")).unwrap();
    let firms = workers / 1000;
    let text: String = text
        .lines()
        .map(|l| {
            if l.starts_with("count = 100000") {
                format!("count = {workers}")
            } else if l == "count = 100" {
                format!("count = {firms}")
            } else if l.starts_with("months = 240") {
                format!("months = {months}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let path = dir.join("dmp_small.toml");
    std::fs::write(&path, text + "\n").unwrap();
    path
}

/// Five validation rows on measures no test targets (documented values are placeholders: the
/// tests read the estimates, not the validation verdicts).
const VALIDATION: &str = r#"
[[validate]]
name = "peak"
scenario = "dmp"
measure = "peak_unemployment_rate"
value = 8.0
sd = 1.0
row = "none"

[[validate]]
name = "ltu"
scenario = "dmp"
measure = "long_term_unemployed_at_end"
value = 0.0
sd = 1.0
row = "none"

[[validate]]
name = "employment"
scenario = "dmp"
measure = "employment_change"
value = 0.0
sd = 1.0
row = "none"

[[validate]]
name = "ee"
scenario = "dmp"
measure = "flows.ee_rate"
value = 0.0
sd = 1.0
row = "none"

[[validate]]
name = "reemployed"
scenario = "dmp"
measure = "displaced.reemployed_12m"
value = 0.0
sd = 1.0
row = "none"
"#;

/// The two free parameters of the recovery test, both on a linear scale.
const PARAMETERS: &str = r#"
[[parameters]]
path = "matching.efficiency"
min = 0.1
max = 0.6
start = 0.2

[[parameters]]
path = "sectors.0.separation_rate"
min = 0.005
max = 0.05
start = 0.01
"#;

/// The target measures of the recovery test.
const TARGETS: [&str; 3] = ["unemployment_rate.mean", "flows.ue_rate", "flows.eu_rate"];

/// A calibration file: settings, the scenario, `parameters`, targets `(measure, value, sd)` and
/// the validation rows.
fn calibration(
    dir: &Path,
    name: &str,
    settings: &str,
    parameters: &str,
    targets: &[(&str, f64, f64)],
) -> PathBuf {
    let mut text = format!(
        "[calibration]\n{settings}\n\n[[scenarios]]\nname = \"dmp\"\nfile = \"dmp_small.toml\"\n{parameters}\n"
    );
    for (k, (measure, value, sd)) in targets.iter().enumerate() {
        text.push_str(&format!(
            "\n[[moments]]\nname = \"m{k}\"\nscenario = \"dmp\"\nmeasure = \"{measure}\"\nvalue = {value:?}\nsd = {sd:?}\nrow = \"test\"\n"
        ));
    }
    text.push_str(VALIDATION);
    let path = dir.join(format!("{name}.toml"));
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `wandel calibrate` on `file` into `out` without charts; panics with standard error on
/// failure.
fn calibrate(file: &Path, out: &Path, extra: &[&str]) -> serde_json::Value {
    let mut with = vec!["--no-charts"];
    with.extend_from_slice(extra);
    calibrate_drawing(file, out, &with)
}

/// Runs `wandel calibrate` on `file` into `out` (charts unless `extra` says otherwise).
fn calibrate_drawing(file: &Path, out: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec![
        "calibrate".to_string(),
        file.display().to_string(),
        "--out".to_string(),
        out.display().to_string(),
        "--quiet".to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = wandel(&refs);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&std::fs::read_to_string(out.join("estimates.json")).unwrap()).unwrap()
}

/// The target moments' means at the start point of a finished calibration (row 0 of
/// `evaluations.csv`).
fn moments_at_start(out: &Path) -> Vec<f64> {
    first_point(out, TARGETS.len())
}

fn sd(xs: &[f64]) -> f64 {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt()
}

/// Known parameters are recovered: targets simulated at the truth with "data" seeds, their
/// standard deviations the sampling spread at the truth, estimated with other seeds; at least 7
/// of 10 intervals cover the truth for each parameter, and the mean reported standard error is
/// within a factor of 2 of the spread of the estimates.
#[test]
fn known_parameters_are_recovered_with_intervals_that_cover_them() {
    let dir = scratch("calibrate-recovery");
    small_dmp(&dir, 10_000, 120);
    let truth = [0.3, 0.02];
    let repetitions = 10;
    // Seeds fixed before the first run: data seeds and estimation seeds never meet. Each target
    // of a repetition comes from a data seed of its own, so that the documented figures are
    // independent of each other, as figures from different sources are (and as the diagonal
    // data covariance of the estimator assumes).
    let data_seed = |i: u64, k: usize| 1_001 + 100 * k as u64 + i;
    let estimation_seeds: Vec<u64> = (0..repetitions).map(|i| 2_001 + i).collect();
    // The "data": each target's mean over 4 replications at the truth, per data seed.
    let at_truth = format!(
        "[[parameters]]\npath = \"matching.efficiency\"\nmin = 0.1\nmax = 0.6\nstart = {:?}\n\n[[parameters]]\npath = \"sectors.0.separation_rate\"\nmin = 0.005\nmax = 0.05\nstart = {:?}\n",
        truth[0], truth[1]
    );
    let placeholder: Vec<(&str, f64, f64)> = TARGETS.iter().map(|m| (*m, 0.0, 1.0)).collect();
    let data: Vec<Vec<f64>> = (0..repetitions)
        .map(|i| {
            (0..TARGETS.len())
                .map(|k| {
                    let seed = data_seed(i, k);
                    let file = calibration(
                        &dir,
                        &format!("data-{seed}"),
                        &format!(
                            "seed = {seed}\nreplications = 4\nglobal_points = 1\nlocal_iterations = 0"
                        ),
                        &at_truth,
                        &placeholder,
                    );
                    let out = dir.join(format!("data-{seed}"));
                    calibrate(&file, &out, &[]);
                    moments_at_start(&out)[k]
                })
                .collect()
        })
        .collect();
    let spread: Vec<f64> = (0..TARGETS.len())
        .map(|k| sd(&data.iter().map(|d| d[k]).collect::<Vec<_>>()))
        .collect();
    assert!(spread.iter().all(|s| *s > 0.0), "{spread:?}");
    let mut estimates = vec![Vec::new(); 2];
    let mut errors = vec![Vec::new(); 2];
    let mut covered = [0; 2];
    for (i, seed) in estimation_seeds.iter().enumerate() {
        let targets: Vec<(&str, f64, f64)> = TARGETS
            .iter()
            .enumerate()
            .map(|(k, m)| (*m, data[i][k], spread[k]))
            .collect();
        let file = calibration(
            &dir,
            &format!("estimate-{seed}"),
            &format!("seed = {seed}\nreplications = 4\nglobal_points = 16\nlocal_iterations = 40"),
            PARAMETERS,
            &targets,
        );
        let e = calibrate(&file, &dir.join(format!("estimate-{seed}")), &[]);
        for j in 0..2 {
            let p = &e["parameters"][j];
            let x = p["estimate"].as_f64().unwrap();
            estimates[j].push(x);
            if let (Some(se), Some(interval)) =
                (p["standard_error"].as_f64(), p["interval"].as_array())
            {
                errors[j].push(se);
                let (lo, hi) = (interval[0].as_f64().unwrap(), interval[1].as_f64().unwrap());
                if lo <= truth[j] && truth[j] <= hi {
                    covered[j] += 1;
                }
            }
        }
    }
    for j in 0..2 {
        let spread = sd(&estimates[j]);
        let mean_se = errors[j].iter().sum::<f64>() / errors[j].len().max(1) as f64;
        eprintln!(
            "parameter {j}: truth {}, estimates {:?}, spread {spread:.5}, mean se {mean_se:.5}, {} of {repetitions} intervals cover",
            truth[j], estimates[j], covered[j]
        );
        assert!(
            covered[j] >= 7,
            "parameter {j}: {} of {repetitions} intervals cover the truth",
            covered[j]
        );
        assert!(
            mean_se <= 2.0 * spread && mean_se >= spread / 2.0,
            "parameter {j}: mean standard error {mean_se} against a spread of {spread}"
        );
    }
}

/// A parameter that moves no moment, and a pair that moves the moments alike, are reported as
/// not identified.
#[test]
fn parameters_that_move_nothing_or_move_alike_are_not_identified() {
    let dir = scratch("calibrate-identification");
    small_dmp(&dir, 10_000, 120);
    let settings = "seed = 3\nreplications = 4\nglobal_points = 4\nlocal_iterations = 5";
    // Wages play no part in the DMP economy: the tenure return moves nothing.
    let nothing = "\n[[parameters]]\npath = \"matching.efficiency\"\nmin = 0.1\nmax = 0.6\n\n[[parameters]]\npath = \"wages.tenure_return\"\nmin = 0.0\nmax = 0.01\n";
    let file = calibration(
        &dir,
        "nothing",
        settings,
        nothing,
        &[
            ("unemployment_rate.mean", 7.3, 0.2),
            ("flows.ue_rate", 20.0, 1.0),
        ],
    );
    let e = calibrate(&file, &dir.join("nothing"), &[]);
    assert_eq!(
        e["identification"]["moves_nothing"],
        serde_json::json!([1]),
        "{e}"
    );
    let warnings = e["warnings"].to_string();
    assert!(
        warnings.contains("`wages.tenure_return` is not identified"),
        "{warnings}"
    );
    // Unemployment over the run and over its last year respond alike to both parameters.
    let file = calibration(
        &dir,
        "alike",
        settings,
        PARAMETERS,
        &[
            ("unemployment_rate.mean", 7.3, 0.2),
            ("unemployment_rate_last_12_months", 7.3, 0.2),
        ],
    );
    let e = calibrate(&file, &dir.join("alike"), &[]);
    let alike = e["identification"]["alike"].as_array().unwrap();
    assert_eq!(alike.len(), 1, "{e}");
    let warnings = e["warnings"].to_string();
    assert!(warnings.contains("are not identified apart"), "{warnings}");
}

/// Lines of the journal in `out`.
fn journal_lines(out: &Path) -> usize {
    std::fs::read_to_string(out.join("calibration-journal.csv"))
        .map(|t| t.lines().count())
        .unwrap_or(0)
}

/// Starts `wandel calibrate` and sends `signal` once the journal holds more than `lines` lines;
/// returns after the process ends, asserting that the signal came first.
fn interrupt_at(file: &Path, out: &Path, resume: bool, lines: usize, signal: i32) {
    let mut args = vec![
        "calibrate".to_string(),
        file.display().to_string(),
        "--out".to_string(),
        out.display().to_string(),
        "--quiet".to_string(),
    ];
    if resume {
        args.push("--resume".to_string());
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_wandel"))
        .args(&args)
        .current_dir(root())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the calibration ended ({status}) before the journal had {lines} lines");
        }
        if journal_lines(out) > lines {
            // SAFETY: sends a signal to the child we started and still own.
            unsafe {
                libc::kill(child.id() as i32, signal);
            }
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "the calibration was not stopped: {status}"
    );
}

/// A calibration killed by Ctrl-C and by kill -9, once in the global search and once in the
/// local refinement, then resumed, ends with the files of a run straight through.
#[test]
fn a_killed_calibration_resumes_to_the_same_results() {
    let dir = scratch("calibrate-resume");
    small_dmp(&dir, 20_000, 240);
    let targets = [
        ("unemployment_rate.mean", 7.0, 0.2),
        ("flows.ue_rate", 20.0, 1.0),
        ("flows.eu_rate", 2.0, 0.1),
    ];
    let file = calibration(
        &dir,
        "resume",
        "seed = 5\nreplications = 6\nglobal_points = 8\nlocal_iterations = 12",
        PARAMETERS,
        &targets,
    );
    let straight = dir.join("straight");
    calibrate(&file, &straight, &[]);
    let read = |out: &Path| {
        (
            std::fs::read_to_string(out.join("estimates.json")).unwrap(),
            std::fs::read_to_string(out.join("evaluations.csv")).unwrap(),
        )
    };
    let expected = read(&straight);
    // The global search is one batch of 9 points: the journal holds only its header until it
    // ends. The local refinement adds a line per point.
    for (n, (first, second)) in [(libc::SIGINT, libc::SIGKILL), (libc::SIGKILL, libc::SIGINT)]
        .into_iter()
        .enumerate()
    {
        let out = dir.join(format!("killed-{n}"));
        interrupt_at(&file, &out, false, 0, first);
        assert!(!out.join("estimates.json").exists());
        interrupt_at(&file, &out, true, 12, second);
        assert!(!out.join("estimates.json").exists());
        calibrate(&file, &out, &["--resume"]);
        let got = read(&out);
        let label = format!("killed-{n}");
        let estimates_json = format!("{label}: estimates.json differs");
        let evaluations_csv = format!("{label}: evaluations.csv differs");
        assert_eq!(
            got.0.replace(&out.display().to_string(), ""),
            expected.0.replace(&straight.display().to_string(), ""),
            "{estimates_json}"
        );
        assert_eq!(got.1, expected.1, "{evaluations_csv}");
    }
}

/// Bad calibration files: each gets exit code 2, a located message naming the key, and
/// nothing written.
#[test]
fn bad_calibration_files_are_refused_with_located_messages() {
    let dir = scratch("calibrate-bad");
    small_dmp(&dir, 10_000, 12);
    let good_targets = "\n[[moments]]\nname = \"u\"\nscenario = \"dmp\"\nmeasure = \"unemployment_rate.mean\"\nvalue = 7.3\nsd = 0.2\nrow = \"A1\"\n\n[[moments]]\nname = \"ue\"\nscenario = \"dmp\"\nmeasure = \"flows.ue_rate\"\nvalue = 20.0\nsd = 1.0\nrow = \"A1\"\n";
    let head = "[calibration]\nreplications = 2\n\n[[scenarios]]\nname = \"dmp\"\nfile = \"dmp_small.toml\"\n";
    let cases: &[(&str, String, &str)] = &[
        (
            "unknown_parameter",
            format!("{head}\n[[parameters]]\npath = \"matching.efficency\"\nmin = 0.1\nmax = 0.6\n{good_targets}{VALIDATION}"),
            "matching.efficency",
        ),
        (
            "bounds_reversed",
            format!("{head}\n[[parameters]]\npath = \"matching.efficiency\"\nmin = 0.6\nmax = 0.1\n{good_targets}{VALIDATION}"),
            "must be below `max`",
        ),
        (
            "unknown_measure",
            format!("{head}{PARAMETERS}\n[[moments]]\nname = \"u\"\nscenario = \"dmp\"\nmeasure = \"unemployment\"\nvalue = 7.3\nsd = 0.2\nrow = \"A1\"\n{good_targets}{VALIDATION}").replace("name = \"u\"\nscenario = \"dmp\"\nmeasure = \"unemployment_rate.mean\"", "name = \"u2\"\nscenario = \"dmp\"\nmeasure = \"unemployment_rate.mean\""),
            "unknown measure `unemployment`",
        ),
        (
            "unknown_scenario",
            format!("{head}{PARAMETERS}{}{VALIDATION}", good_targets.replacen("scenario = \"dmp\"", "scenario = \"steel\"", 1)),
            "unknown scenario `steel`",
        ),
        (
            "arm_without_comparison",
            format!("{head}{PARAMETERS}{}{VALIDATION}", good_targets.replacen("row = \"A1\"", "row = \"A1\"\narm = \"effect\"", 1)),
            "needs a comparison arm",
        ),
        (
            "unknown_arm",
            format!("{head}{PARAMETERS}{}{VALIDATION}", good_targets.replacen("row = \"A1\"", "row = \"A1\"\narm = \"treated\"", 1)),
            "treated",
        ),
        (
            "fewer_moments_than_parameters",
            format!("{head}{PARAMETERS}\n[[moments]]\nname = \"u\"\nscenario = \"dmp\"\nmeasure = \"unemployment_rate.mean\"\nvalue = 7.3\nsd = 0.2\nrow = \"A1\"\n{VALIDATION}"),
            "1 target moments for 2 free parameters",
        ),
        (
            "non_positive_sd",
            format!("{head}{PARAMETERS}{}{VALIDATION}", good_targets.replacen("sd = 0.2", "sd = 0.0", 1)),
            "must be a number > 0",
        ),
        (
            "validation_row_targeted",
            format!("{head}{PARAMETERS}{good_targets}{VALIDATION}").replacen("measure = \"peak_unemployment_rate\"", "measure = \"flows.ue_rate\"", 1),
            "must never be targeted",
        ),
        (
            "fewer_than_five_validation_rows",
            format!("{head}{PARAMETERS}{good_targets}{}", VALIDATION.split("\n[[validate]]").take(3).collect::<Vec<_>>().join("\n[[validate]]")),
            "declare at least 5",
        ),
        (
            "fixed_key",
            format!("{head}\n[[parameters]]\npath = \"simulation.seed\"\nmin = 1\nmax = 9\n{good_targets}{VALIDATION}"),
            "cannot be estimated",
        ),
        (
            "start_outside_bounds",
            format!("{head}{}{good_targets}{VALIDATION}", PARAMETERS.replacen("start = 0.2", "start = 0.9", 1)),
            "must be within the bounds",
        ),
        (
            "unknown_economy_column",
            format!("{head}{PARAMETERS}{}{VALIDATION}", good_targets.replacen("measure = \"unemployment_rate.mean\"", "measure = \"economy.unemployment\"", 1)),
            "`unemployment` is not a column of economy.csv",
        ),
        (
            "economy_window_reversed",
            format!("{head}{PARAMETERS}{}{VALIDATION}", good_targets.replacen("measure = \"unemployment_rate.mean\"", "measure = \"economy.unemployment_rate@2001-01..2000-01\"", 1)),
            "the window `2001-01..2000-01` must be FIRST..LAST",
        ),
        (
            "unknown_markets_measure",
            format!("{head}{PARAMETERS}{}{VALIDATION}", good_targets.replacen("measure = \"unemployment_rate.mean\"", "measure = \"markets.region.all.employed\"", 1)),
            "`employed` is not a measure of a region (sector `all`) in markets.csv",
        ),
        (
            "unknown_region",
            format!("{head}{PARAMETERS}{}{VALIDATION}", good_targets.replacen("measure = \"unemployment_rate.mean\"", "measure = \"markets.steeltown.all.unemployed\"", 1)),
            "in scenario `dmp`: `steeltown` is not a region",
        ),
        (
            "unknown_cohort_group",
            format!("{head}{PARAMETERS}{}{VALIDATION}", good_targets.replacen("measure = \"unemployment_rate.mean\"", "measure = \"cohorts.layoff.50-64.reemployed@12\"", 1)),
            "`50-64` is not a cohort group",
        ),
        (
            "cohort_month_beyond_follow_up",
            format!("{head}{PARAMETERS}{}{VALIDATION}", good_targets.replacen("measure = \"unemployment_rate.mean\"", "measure = \"cohorts.layoff.all.reemployed@999\"", 1)),
            "beyond the scenario's follow-up",
        ),
        (
            "ratio_of_an_indicator",
            format!("{head}{PARAMETERS}{}{VALIDATION}", good_targets.replacen("measure = \"unemployment_rate.mean\"", "measure = \"flows.ue_rate / economy.unemployed\"", 1)),
            "a ratio's terms must be",
        ),
        (
            "unknown_policy",
            format!("{head}{PARAMETERS}{}{VALIDATION}", good_targets.replacen("measure = \"unemployment_rate.mean\"", "measure = \"followup.council.participants.employed_pct@12\"", 1)),
            "the scenario has no policies to follow",
        ),
        (
            "missing_scenario_file",
            format!("{head}{PARAMETERS}{good_targets}{VALIDATION}").replace("dmp_small.toml", "nowhere.toml"),
            "no scenario file",
        ),
    ];
    for (name, text, expected) in cases {
        let file = dir.join(format!("{name}.toml"));
        std::fs::write(&file, text).unwrap();
        let out = dir.join(format!("out-{name}"));
        let o = wandel_bad(&[
            "calibrate",
            &file.display().to_string(),
            "--out",
            &out.display().to_string(),
        ]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.contains(expected),
            "{name}: expected `{expected}` in:\n{err}"
        );
        assert!(err.contains("-->"), "{name}: not located:\n{err}");
        assert!(!out.exists(), "{name}: something was written");
    }
    // A file given to the wrong command gets one message naming the right one.
    let cal = dir.join("bounds_reversed.toml");
    let o = wandel_bad(&[
        "calibrate",
        &root().join("scenarios/baseline.toml").display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("wandel run"), "{}", stderr(&o));
    let o = wandel_bad(&["run", &cal.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("wandel calibrate"), "{}", stderr(&o));
    let o = wandel_bad(&["sweep", &cal.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("wandel calibrate"), "{}", stderr(&o));
}

/// The worked example of `docs/calibrate.md` recovers the DMP reference parameters (case A:
/// matching efficiency 0.3, separation rate 0.02) within its intervals, from a start away from
/// them, and its validation rows are consistent.
#[test]
fn the_worked_example_recovers_the_reference_parameters() {
    let dir = scratch("calibrate-example");
    let file = root().join("scenarios/calibration/dmp_case_a.toml");
    let e = calibrate_drawing(&file, &dir.join("out"), &[]);
    for (j, truth) in [0.3, 0.02].into_iter().enumerate() {
        let p = &e["parameters"][j];
        let interval = p["interval"].as_array().expect("an interval");
        let (lo, hi) = (interval[0].as_f64().unwrap(), interval[1].as_f64().unwrap());
        assert!(
            lo <= truth && truth <= hi,
            "{}: [{lo}, {hi}] misses {truth}",
            p["path"]
        );
    }
    assert_eq!(e["warnings"], serde_json::json!([]), "{e}");
    let moments = std::fs::read_to_string(dir.join("out/moments.csv")).unwrap();
    let validation: Vec<&str> = moments
        .lines()
        .filter(|l| l.starts_with("validation,"))
        .collect();
    assert_eq!(validation.len(), 5);
    assert!(validation.iter().all(|l| l.ends_with(",true")), "{moments}");
    // The charts and the report: the profile has a point at the estimate and rises on both
    // sides of it for both parameters (the targets pin them down).
    for f in [
        "charts/profile.png",
        "charts/sensitivity.png",
        "report.html",
    ] {
        assert!(dir.join("out").join(f).is_file(), "{f}");
    }
    let profile = std::fs::read_to_string(dir.join("out/profile.csv")).unwrap();
    for path in ["matching.efficiency", "sectors.0.separation_rate"] {
        let rows: Vec<(f64, f64)> = profile
            .lines()
            .filter(|l| l.starts_with(&format!("{path},")))
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                (f[1].parse().unwrap(), f[3].parse().unwrap())
            })
            .collect();
        let at = rows
            .iter()
            .find(|r| r.0 == 0.0)
            .expect("a point at the estimate")
            .1;
        let (first, last) = (rows[0].1, rows[rows.len() - 1].1);
        assert!(first > at && last > at, "{path}: {rows:?}");
    }
    let report = std::fs::read_to_string(dir.join("out/report.html")).unwrap();
    assert!(report.contains("Validation rows (declared in advance, never targeted)"));
    assert!(report.contains("matching.efficiency"));
    // `wandel plot` redraws them from the files.
    std::fs::remove_dir_all(dir.join("out/charts")).unwrap();
    let o = wandel(&["plot", &dir.join("out").display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.join("out/charts/profile.png").is_file());
}

/// Efficient weighting adds a second refinement and the overidentification test (J with its χ²
/// p-value on moments − parameters degrees of freedom); diagonal weighting reports no J.
#[test]
fn efficient_weighting_reports_the_overidentification_test() {
    let dir = scratch("calibrate-efficient");
    small_dmp(&dir, 10_000, 120);
    let targets = [
        ("unemployment_rate.mean", 7.3, 0.2),
        ("flows.ue_rate", 25.0, 1.0),
        ("flows.eu_rate", 2.0, 0.1),
    ];
    let settings = "seed = 9\nreplications = 6\nglobal_points = 4\nlocal_iterations = 10";
    let diagonal = calibration(&dir, "diagonal", settings, PARAMETERS, &targets);
    let e = calibrate(&diagonal, &dir.join("diagonal"), &[]);
    assert!(e["overidentification"].is_null(), "{e}");
    let efficient = calibration(
        &dir,
        "efficient",
        &format!("{settings}\nweighting = \"efficient\""),
        PARAMETERS,
        &targets,
    );
    let e = calibrate(&efficient, &dir.join("efficient"), &[]);
    let j = &e["overidentification"];
    assert_eq!(j["degrees_of_freedom"], 1, "{e}");
    let (stat, p) = (j["j"].as_f64().unwrap(), j["p_value"].as_f64().unwrap());
    assert!(stat >= 0.0 && (0.0..=1.0).contains(&p), "{j}");
    let evaluations = std::fs::read_to_string(dir.join("efficient/evaluations.csv")).unwrap();
    assert!(
        evaluations.lines().any(|l| l.contains(",efficient,")),
        "no second refinement"
    );
}

/// A column of `economy.csv` is a measure: its mean over the reported months, or over a window
/// of months; the unemployment rate's mean is the headline indicator's (a share, not %).
#[test]
fn an_economy_column_over_a_window_of_months_is_a_measure() {
    let dir = scratch("calibrate-economy");
    small_dmp(&dir, 10_000, 24);
    let targets = [
        ("unemployment_rate.mean", 7.3, 0.2),
        ("economy.unemployment_rate", 0.073, 0.002),
        ("economy.unemployment_rate@2000-01..2000-06", 0.073, 0.002),
    ];
    let file = calibration(
        &dir,
        "economy",
        "seed = 2\nreplications = 2\nglobal_points = 1\nlocal_iterations = 0\nprofile_points = 0",
        PARAMETERS,
        &targets,
    );
    calibrate(&file, &dir.join("out"), &[]);
    let m = {
        let text = std::fs::read_to_string(dir.join("out/evaluations.csv")).unwrap();
        let row: Vec<f64> = text
            .lines()
            .nth(1)
            .unwrap()
            .split(',')
            .skip(5)
            .take(3)
            .map(|x| x.parse().unwrap())
            .collect();
        row
    };
    assert!((m[0] - 100.0 * m[1]).abs() < 1e-9 * m[0], "{m:?}");
    assert!(m[2].is_finite() && m[2] != m[1], "{m:?}");
}

/// A search stopped before a minimum (here: no local refinement, from a start far from the
/// figures) is flagged when the profile finds a lower objective than the estimate's.
#[test]
fn a_search_stopped_short_of_a_minimum_is_flagged() {
    let dir = scratch("calibrate-short");
    small_dmp(&dir, 10_000, 60);
    let file = calibration(
        &dir,
        "short",
        "seed = 4\nreplications = 2\nglobal_points = 1\nlocal_iterations = 0",
        PARAMETERS,
        &[
            ("unemployment_rate.mean", 7.3, 0.2),
            ("flows.eu_rate", 2.0, 0.1),
        ],
    );
    let e = calibrate(&file, &dir.join("out"), &[]);
    let warnings = e["warnings"].to_string();
    assert!(
        warnings.contains("the search did not reach a minimum"),
        "{warnings}"
    );
}

/// The thread count changes nothing: the same estimates and evaluations with 1 and 2 threads.
#[test]
fn threads_do_not_change_a_calibration() {
    let dir = scratch("calibrate-threads");
    small_dmp(&dir, 10_000, 60);
    let file = calibration(
        &dir,
        "threads",
        "seed = 6\nreplications = 3\nglobal_points = 4\nlocal_iterations = 8\nprofile_points = 3",
        PARAMETERS,
        &[
            ("unemployment_rate.mean", 7.3, 0.2),
            ("flows.ue_rate", 25.0, 1.0),
            ("flows.eu_rate", 2.0, 0.1),
        ],
    );
    let read = |threads: &str| {
        let out = dir.join(format!("t{threads}"));
        calibrate(&file, &out, &["--threads", threads]);
        [
            "estimates.json",
            "moments.csv",
            "evaluations.csv",
            "profile.csv",
        ]
        .map(|f| {
            std::fs::read_to_string(out.join(f))
                .unwrap()
                .replace(&out.display().to_string(), "")
        })
    };
    assert_eq!(read("1"), read("2"));
}

/// A target that no run defines (a window of months outside the run) stops the calibration
/// after the global search with a message naming it, and writes no estimates.
#[test]
fn a_target_no_run_defines_is_named() {
    let dir = scratch("calibrate-undefined");
    small_dmp(&dir, 10_000, 12);
    let file = calibration(
        &dir,
        "undefined",
        "seed = 1\nreplications = 2\nglobal_points = 2\nlocal_iterations = 2",
        PARAMETERS,
        &[
            ("unemployment_rate.mean", 7.3, 0.2),
            ("economy.unemployment_rate@2099-01..2099-12", 0.07, 0.01),
        ],
    );
    let out = dir.join("out");
    let o = wandel(&[
        "calibrate",
        &file.display().to_string(),
        "--out",
        &out.display().to_string(),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("no point of the global search gives every target a value"),
        "{err}"
    );
    assert!(
        err.contains("economy.unemployment_rate@2099-01..2099-12"),
        "{err}"
    );
    assert!(!out.join("estimates.json").exists());
}

/// Five validation rows on headline indicators of scenario `name` (placeholders: these tests
/// read the moments, not the verdicts).
fn indicator_validation(name: &str) -> String {
    [
        "flows.ue_rate",
        "flows.eu_rate",
        "flows.ee_rate",
        "displaced.reemployed_24m",
        "unemployment_rate.mean",
    ]
    .iter()
    .enumerate()
    .map(|(k, m)| {
        format!(
            "\n[[validate]]\nname = \"v{k}\"\nscenario = \"{name}\"\nmeasure = \"{m}\"\nvalue = 1.0\nsd = 1.0\nrow = \"test\"\n"
        )
    })
    .collect()
}

/// Targets `m0`, `m1`, … at the first point of a finished calibration in `out`.
fn first_point(out: &Path, n: usize) -> Vec<f64> {
    let evaluations = std::fs::read_to_string(out.join("evaluations.csv")).unwrap();
    let header: Vec<&str> = evaluations.lines().next().unwrap().split(',').collect();
    let start: Vec<&str> = evaluations.lines().nth(1).unwrap().split(',').collect();
    (0..n)
        .map(|k| {
            let j = header.iter().position(|h| *h == format!("m{k}")).unwrap();
            start[j].parse().unwrap()
        })
        .collect()
}

/// Aggregates over `markets.csv` (a region's measure over a window), `cohorts.csv` (an age
/// group's cell months after displacement) and a ratio of two `economy.csv` means are measures,
/// and their values at a point are the same figures computed from the CSV files that
/// `wandel run` writes for the same scenario, values and seeds.
#[test]
fn markets_cohorts_and_ratio_measures_equal_the_run_files() {
    let dir = scratch("calibrate-aggregates");
    let steel = root().join("scenarios/steel_closure.toml");
    let measures = [
        "markets.steeltown.all.out_of_labour_force@2026-01..2026-12",
        "cohorts.closure.55-64.reemployed@24",
        "economy.long_term_unemployed / economy.unemployed",
    ];
    let mut text = format!(
        "[calibration]\nseed = 3\nreplications = 2\nglobal_points = 1\nlocal_iterations = 0\nprofile_points = 0\n\n[[scenarios]]\nname = \"steel\"\nfile = {:?}\n\n[[parameters]]\npath = \"matching.suitability\"\nmin = 0.05\nmax = 0.08\nstart = 0.063\n",
        steel.display().to_string()
    );
    for (k, m) in measures.iter().enumerate() {
        text.push_str(&format!(
            "\n[[moments]]\nname = \"m{k}\"\nscenario = \"steel\"\nmeasure = \"{m}\"\nvalue = 1.0\nsd = 1.0\nrow = \"test\"\n"
        ));
    }
    text.push_str(&indicator_validation("steel"));
    let file = dir.join("aggregates.toml");
    std::fs::write(&file, text).unwrap();
    calibrate(&file, &dir.join("cal"), &[]);
    let calibrated = first_point(&dir.join("cal"), measures.len());

    let run = dir.join("run");
    let o = wandel(&[
        "run",
        &steel.display().to_string(),
        "--set",
        "matching.suitability=0.063",
        "--set",
        "simulation.seed=3",
        "--set",
        "simulation.replications=2",
        "--no-counterfactual",
        "--no-charts",
        "--quiet",
        "--out",
        &run.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = |name: &str| -> Vec<Vec<String>> {
        std::fs::read_to_string(run.join(name))
            .unwrap()
            .lines()
            .skip(1)
            .map(|l| l.split(',').map(str::to_string).collect())
            .collect()
    };
    let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
    let (markets, cohorts, economy) = (
        rows("markets.csv"),
        rows("cohorts.csv"),
        rows("economy.csv"),
    );
    let economy_header: Vec<String> = std::fs::read_to_string(run.join("economy.csv"))
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .split(',')
        .map(str::to_string)
        .collect();
    let column = |c: &str| economy_header.iter().position(|h| h == c).unwrap();
    let mut expected = [Vec::new(), Vec::new(), Vec::new()];
    for rep in ["0", "1"] {
        let out_of_lf: Vec<f64> = markets
            .iter()
            .filter(|r| {
                r[1] == rep
                    && r[2] == "steeltown"
                    && r[3] == "all"
                    && r[4] == "out_of_labour_force"
                    && r[0].as_str() >= "2026-01"
                    && r[0].as_str() <= "2026-12"
            })
            .map(|r| r[5].parse().unwrap())
            .collect();
        assert_eq!(out_of_lf.len(), 12);
        expected[0].push(mean(&out_of_lf));
        let cell = cohorts
            .iter()
            .find(|r| r[0] == rep && r[1] == "closure" && r[2] == "55-64" && r[3] == "24")
            .expect("the closure's 55-64-year-olds 24 months after");
        expected[1].push(cell[5].parse::<f64>().unwrap());
        let of_rep: Vec<&Vec<String>> = economy.iter().filter(|r| r[1] == rep).collect();
        let col_mean = |c: usize| {
            mean(
                &of_rep
                    .iter()
                    .map(|r| r[c].parse::<f64>().unwrap())
                    .collect::<Vec<_>>(),
            )
        };
        expected[2].push(col_mean(column("long_term_unemployed")) / col_mean(column("unemployed")));
    }
    for k in 0..measures.len() {
        let want = mean(&expected[k]);
        assert!(
            (calibrated[k] - want).abs() <= 1e-12 * want.abs().max(1.0),
            "{}: calibrate {} against the run's files {}",
            measures[k],
            calibrated[k],
            want
        );
    }
    assert!(
        expected[2][0] > 0.05 && expected[2][0] < 0.95,
        "{:?}",
        expected[2]
    );
}

/// A policy's participants are a measure (`followup.POLICY.GROUP.COLUMN@MONTHS`): in the
/// scenario's run, in its comparison arm without the policies (the same workers by their
/// stable ids) and as the effect on them, equal to `followup.csv` of `wandel run` for the same
/// scenario, values and seeds.
#[test]
fn a_policys_participants_and_the_effect_on_them_are_measures() {
    let dir = scratch("calibrate-followup");
    let scenario = root().join("scenarios/policies/retraining_local_union.toml");
    let measure = "followup.steel_learning.participants.employed_pct@24";
    let mut text = format!(
        "[calibration]\nseed = 5\nreplications = 2\nglobal_points = 1\nlocal_iterations = 0\nprofile_points = 0\n\n[[scenarios]]\nname = \"retraining\"\nfile = {:?}\ncomparison = \"no_policies\"\n\n[[parameters]]\npath = \"matching.suitability\"\nmin = 0.05\nmax = 0.08\nstart = 0.063\n",
        scenario.display().to_string()
    );
    for (k, arm) in ["scenario", "comparison", "effect"].iter().enumerate() {
        text.push_str(&format!(
            "\n[[moments]]\nname = \"m{k}\"\nscenario = \"retraining\"\nmeasure = \"{measure}\"\narm = \"{arm}\"\nvalue = 1.0\nsd = 1.0\nrow = \"test\"\n"
        ));
    }
    text.push_str(&indicator_validation("retraining"));
    let file = dir.join("followup.toml");
    std::fs::write(&file, &text).unwrap();
    calibrate(&file, &dir.join("cal"), &[]);
    let calibrated = first_point(&dir.join("cal"), 3);

    let run = dir.join("run");
    let o = wandel(&[
        "run",
        &scenario.display().to_string(),
        "--set",
        "matching.suitability=0.063",
        "--set",
        "simulation.seed=5",
        "--set",
        "simulation.replications=2",
        "--no-charts",
        "--quiet",
        "--out",
        &run.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let followup = std::fs::read_to_string(run.join("followup.csv")).unwrap();
    let columns: Vec<&str> = followup.lines().next().unwrap().split(',').collect();
    let row: Vec<&str> = followup
        .lines()
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|r| r[0] == "steel_learning" && r[1] == "participants" && r[2] == "24")
        .expect("participants 24 months after entry");
    assert_eq!(
        row[columns.iter().position(|c| *c == "replications").unwrap()],
        "2"
    );
    let value = |c: &str| -> f64 {
        row[columns.iter().position(|h| *h == c).unwrap()]
            .parse()
            .unwrap()
    };
    // followup.csv rounds to 1e-4.
    for (k, column) in ["employed_pct", "counterfactual_employed_pct", "effect_pp"]
        .iter()
        .enumerate()
    {
        assert!(
            (calibrated[k] - value(column)).abs() <= 0.5e-4 + 1e-9,
            "{column}: calibrate {} against followup.csv {}",
            calibrated[k],
            value(column)
        );
    }
    assert!(calibrated[2] != 0.0, "no effect to compare: {calibrated:?}");

    // The effect on them needs the scenario without its policies as the comparison.
    let bad = dir.join("no_shocks.toml");
    std::fs::write(
        &bad,
        text.replace("comparison = \"no_policies\"", "comparison = \"no_shocks\""),
    )
    .unwrap();
    let out = dir.join("bad");
    let o = wandel_bad(&[
        "calibrate",
        &bad.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("needs `comparison = \"no_policies\"`"),
        "{err}"
    );
    assert!(err.contains("-->"), "not located: {err}");
    assert!(!out.exists());
}

/// A parameter may be set in some of the file's scenarios only (`scenarios = [...]`): a
/// policy's key in the scenario with the policy, beside one without it. Without the list the
/// key is set in every scenario, and the one without the policy refuses it, located; a name
/// the file does not define is refused too.
#[test]
fn a_parameter_may_be_set_in_some_scenarios_only() {
    let dir = scratch("calibrate-some-scenarios");
    let file = |only: &str| {
        format!(
            "[calibration]\nreplications = 2\n\n[[scenarios]]\nname = \"baseline\"\nfile = {:?}\n\n[[scenarios]]\nname = \"retraining\"\nfile = {:?}\ncomparison = \"no_policies\"\n\n[[parameters]]\npath = \"matching.suitability\"\nmin = 0.05\nmax = 0.08\n\n[[parameters]]\npath = \"policies.retraining.0.skill_gain\"\nmin = 0.0\nmax = 0.4\n{only}\n\n[[moments]]\nname = \"m0\"\nscenario = \"baseline\"\nmeasure = \"flows.ue_rate\"\nrange = [6.0, 8.0]\nrow = \"A8\"\n\n[[moments]]\nname = \"m1\"\nscenario = \"retraining\"\narm = \"effect\"\nmeasure = \"followup.steel_learning.participants.employed_pct@24\"\nrange = [2.0, 8.0]\nrow = \"D3\"\n{}",
            root().join("scenarios/baseline.toml").display().to_string(),
            root()
                .join("scenarios/policies/retraining_local_union.toml")
                .display()
                .to_string(),
            indicator_validation("retraining")
        )
    };
    let check = |name: &str, text: String| {
        let path = dir.join(format!("{name}.toml"));
        std::fs::write(&path, text).unwrap();
        wandel_bad(&["calibrate", &path.display().to_string(), "--dry-run"])
    };
    let o = check("some", file("scenarios = [\"retraining\"]"));
    assert!(o.status.success(), "{}", stderr(&o));
    let o = check("every", file(""));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("in scenario `baseline`, policies.retraining.0.skill_gain="),
        "{err}"
    );
    assert!(err.contains("-->"), "not located: {err}");
    let o = check("unknown", file("scenarios = [\"steel\"]"));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("unknown scenario `steel`"), "{err}");
    assert!(err.contains("-->"), "not located: {err}");
}

/// The shipped scenarios carry the shipped calibration's estimates, exactly: `baseline.toml`
/// (and `steel_closure.toml`, which extends it) and `ice_phaseout.toml` load to the same
/// parameters with every economy-wide estimate of the stored result
/// (`docs/shipped-calibration/`) set over them as without, and the local-union retraining
/// scenarios (`retraining_local_union.toml`, `transition_package.toml`) to the same parameters
/// and policies with every estimate, its skill gain included; the stored result estimates the
/// parameters `shipped.toml` names; and each scenario names the calibration file beside its
/// values.
#[test]
fn the_shipped_scenarios_carry_the_shipped_estimates() {
    let stored = root().join("docs/shipped-calibration/estimates.json");
    let e: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&stored).unwrap()).unwrap();
    let file = std::fs::read_to_string(root().join("scenarios/calibration/shipped.toml")).unwrap();
    let named: Vec<&str> = file
        .lines()
        .filter_map(|l| l.strip_prefix("path = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    let parameters = e["parameters"].as_array().unwrap();
    let estimated: Vec<&str> = parameters
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    assert_eq!(named, estimated, "the stored result is not of shipped.toml");
    let all: Vec<String> = parameters
        .iter()
        .map(|p| {
            format!(
                "{}={:?}",
                p["path"].as_str().unwrap(),
                p["estimate"].as_f64().unwrap()
            )
        })
        .collect();
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    let economy: Vec<&str> = all
        .iter()
        .copied()
        .filter(|s| !s.starts_with("policies."))
        .collect();
    assert!(economy.len() < all.len(), "the skill gain is estimated too");
    let loaded = |rel: &str, set: &[&str]| {
        let s = crate::util::scenario(rel, set);
        format!("{:?} {:?}", s.params, s.policies)
    };
    for (rel, set) in [
        ("scenarios/baseline.toml", &economy),
        ("scenarios/steel_closure.toml", &economy),
        ("scenarios/ice_phaseout.toml", &economy),
        ("scenarios/policies/retraining_local_union.toml", &all),
        ("scenarios/policies/transition_package.toml", &all),
    ] {
        assert!(
            loaded(rel, &[]) == loaded(rel, set),
            "{rel} does not carry the estimates {set:?}"
        );
    }
    for rel in [
        "scenarios/policies/retraining_local_union.toml",
        "scenarios/policies/transition_package.toml",
    ] {
        let text = std::fs::read_to_string(root().join(rel)).unwrap();
        assert!(
            text.contains("scenarios/calibration/shipped.toml"),
            "{rel} does not name the calibration file beside its skill gain"
        );
    }
    for rel in ["scenarios/baseline.toml", "scenarios/ice_phaseout.toml"] {
        let text = std::fs::read_to_string(root().join(rel)).unwrap();
        assert!(
            text.matches("estimated: scenarios/calibration/shipped.toml")
                .count()
                >= economy.len(),
            "{rel} does not name the calibration file beside each estimate"
        );
    }
}
