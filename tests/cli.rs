//! What `wandel run` writes, and the command line around it.

use crate::util::{root, run_scenario, scratch, stderr, wandel};

#[test]
fn run_writes_every_output_file_and_charts() {
    let dir = scratch("cli-run");
    let out = dir.join("steel");
    run_scenario(
        "scenarios/steel_closure.toml",
        &out,
        &["simulation.months=30", "simulation.replications=2"],
        &[],
    );
    for f in [
        "economy.csv",
        "markets.csv",
        "cohorts.csv",
        "events.csv",
        "summary.json",
        "manifest.json",
        "report.html",
    ] {
        let meta = std::fs::metadata(out.join(f)).unwrap_or_else(|_| panic!("{f} missing"));
        assert!(meta.len() > 0, "{f} is empty");
    }
    for chart in [
        "employment_by_sector",
        "employment_index",
        "unemployment",
        "unemployment_by_region",
        "reemployment",
        "earnings",
    ] {
        assert!(
            out.join("charts").join(format!("{chart}.png")).is_file(),
            "{chart}.png"
        );
        assert!(
            out.join("charts").join(format!("{chart}.svg")).is_file(),
            "{chart}.svg"
        );
    }
    // economy.csv: the documented columns, one row per month and replication.
    let text = std::fs::read_to_string(out.join("economy.csv")).unwrap();
    let header = text.lines().next().unwrap();
    for col in [
        "month",
        "replication",
        "employed",
        "short_time",
        "unemployed",
        "in_training",
        "out_of_labour_force",
        "vacancies",
        "hires",
        "separations",
        "layoffs",
        "unemployment_rate",
        "long_term_unemployed",
        "mean_wage",
    ] {
        assert!(
            header.split(',').any(|c| c == col),
            "economy.csv lacks {col}"
        );
    }
    assert_eq!(text.lines().count(), 1 + 30 * 2);
    assert!(text.lines().nth(1).unwrap().starts_with("2025-01,0,"));
    // No temporary files are left behind.
    for entry in std::fs::read_dir(&out).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(!name.contains(".tmp"), "left over: {name}");
    }
    // The manifest reproduces the run: resolved scenario, its hash, seed, overrides.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["scenario_name"], "steel_closure");
    assert_eq!(manifest["scenario_sha256"].as_str().unwrap().len(), 64);
    assert!(
        manifest["resolved_scenario"]
            .as_str()
            .unwrap()
            .contains("months = 30")
    );
    assert_eq!(manifest["replications"], 2);
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    assert!(
        summary["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["name"] == "displaced_workers")
    );
    let events = std::fs::read_to_string(out.join("events.csv")).unwrap();
    assert!(events.contains("2026-01,closure_announced,"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn shipped_scenarios_validate() {
    let o = wandel(&[
        "validate",
        "scenarios/baseline.toml",
        "scenarios/steel_closure.toml",
        "scenarios/ice_phaseout.toml",
        "scenarios/validation/dmp.toml",
        "scenarios/policies/short_time_work_dip.toml",
        "scenarios/policies/short_time_work_phaseout.toml",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert_eq!(text.lines().filter(|l| l.starts_with("ok: ")).count(), 6);
}

#[test]
fn plot_redraws_from_the_csv_files() {
    let dir = scratch("cli-plot");
    let out = dir.join("run");
    run_scenario(
        "scenarios/steel_closure.toml",
        &out,
        &["simulation.months=30"],
        &["--no-charts"],
    );
    assert!(!out.join("charts").exists());
    let o = wandel(&["plot", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("charts/unemployment.png").is_file());
    assert!(out.join("report.html").is_file());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn readme_commands_are_in_ci() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let ci = std::fs::read_to_string(root().join(".ci/run")).unwrap();
    let test_cmd = readme
        .lines()
        .find(|l| l.trim_start().starts_with("cargo test"))
        .expect("README has a test command");
    assert!(
        ci.contains(test_cmd.trim()),
        "CI must run the README's test command: {test_cmd}"
    );
}

#[test]
fn a_policy_run_writes_its_ledger_reports_and_effects_against_the_counterfactual() {
    let dir = scratch("cli-policy");
    let out = dir.join("run");
    let set = ["simulation.months=24", "simulation.replications=2"];
    let o = run_scenario(
        "scenarios/policies/short_time_work_dip.toml",
        &out,
        &set,
        &["--no-charts"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let ledger = std::fs::read_to_string(out.join("ledger.csv")).unwrap();
    assert!(ledger.starts_with("arm,month,replication,item,policy,amount\n"));
    assert!(ledger.contains(",short_time_allowance,kurzarbeit,"));
    assert!(ledger.lines().any(|l| l.starts_with("no-policies,")));
    let policies = std::fs::read_to_string(out.join("policies.csv")).unwrap();
    assert!(
        policies
            .lines()
            .nth(1)
            .unwrap()
            .contains(",kurzarbeit,short_time_work,")
    );
    let effects = std::fs::read_to_string(out.join("effects.csv")).unwrap();
    assert!(effects.contains(",cumulative_layoffs,workers,"));
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["counterfactual"], "no-policies");
    let names: Vec<&str> = summary["effects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    for k in [
        "job_years",
        "layoffs",
        "displaced.reemployed_12m",
        "net_fiscal_cost",
    ] {
        assert!(names.contains(&k), "summary effects lack {k}: {names:?}");
    }
    // The manifest says what was compared, when the run started, the files as written and
    // the labels; the charts then include the effect and the budget.
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["counterfactual"], "no-policies");
    assert!(manifest["started_utc"].as_str().unwrap().ends_with('Z'));
    assert_eq!(manifest["overrides"][1], "simulation.replications=2");
    let sources = manifest["scenario_sources"].as_array().unwrap();
    assert_eq!(sources.len(), 2, "the scenario and the baseline it extends");
    assert!(
        sources[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("# Short-time work")
    );
    assert_eq!(manifest["labels"]["sectors"]["steel"], "Steel works");
    let o = wandel(&["plot", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    for chart in ["policy_effect", "fiscal"] {
        assert!(out.join(format!("charts/{chart}.png")).exists(), "{chart}");
    }
    let report = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(report.contains("Effects against the counterfactual"));
    assert!(report.contains("Steel works"));
    // A second run into the same directory is refused: results never mix.
    let mut again = vec![
        "run",
        "scenarios/policies/short_time_work_dip.toml",
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ];
    for s in &set {
        again.extend(["--set", s]);
    }
    let o = wandel(&again);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("already holds the results of a run of")
            && stderr(&o).contains("--overwrite"),
        "{}",
        stderr(&o)
    );
    // With --overwrite and without the counterfactual: no effects, and nothing stale from the
    // run before (effects.csv, charts, report).
    let o = run_scenario(
        "scenarios/policies/short_time_work_dip.toml",
        &out,
        &set,
        &["--no-charts", "--no-counterfactual", "--overwrite"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!out.join("effects.csv").exists());
    assert!(!out.join("charts").exists() && !out.join("report.html").exists());
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"kind\": \"run\"") && manifest.contains("\"complete\": true"));
}

#[test]
fn a_closure_against_the_run_without_it_writes_the_regional_adjustment_and_its_chart() {
    let dir = scratch("regional");
    let out = dir.join("run");
    run_scenario(
        "scenarios/steel_closure.toml",
        &out,
        &["simulation.months=66", "simulation.replications=2"],
        &["--counterfactual", "no-shocks"],
    );
    let text = std::fs::read_to_string(out.join("regional_adjustment.csv")).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    // The closure is in January 2027 (month 24 of 66): 12, 24 and 36 months after are inside.
    for months in ["12", "24", "36"] {
        let jobs = rows
            .iter()
            .find(|r| r[0] == months && r[1] == "jobs_here")
            .unwrap_or_else(|| panic!("no jobs_here row {months} months after"));
        let change: f64 = jobs[2].parse().unwrap();
        assert!(change < -3000.0, "{months} months after: jobs {change}");
    }
    assert!(
        !rows.iter().any(|r| r[0] == "48"),
        "48 months after is past the run"
    );
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let m = &summary["local_multiplier_36m"];
    assert!(m["mean"].as_f64().unwrap().is_finite(), "{m}");
    assert_eq!(
        summary["regional_adjustment"].as_array().unwrap().len(),
        rows.len()
    );
    assert!(out.join("charts/regional_adjustment.png").exists());
    let report = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(report.contains("absorbs the jobs it lost"));
}

#[test]
fn an_interrupted_run_says_what_it_kept_and_plot_and_table_refuse_it() {
    // A run long enough to interrupt: plain progress lines on a standard error that is not a
    // terminal, then Ctrl-C (SIGINT): it stops between months, writes no results and marks
    // the directory incomplete; `wandel plot` and `wandel table` refuse it.
    let dir = crate::util::scratch("interrupted");
    let out = dir.join("run");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_wandel"))
        .args([
            "run",
            "scenarios/steel_closure.toml",
            "--set",
            "simulation.replications=40",
            "--out",
            out.to_str().unwrap(),
        ])
        .current_dir(crate::util::root())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_secs(7));
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{err}");
    assert!(err.contains("progress: "), "no plain progress line: {err}");
    assert!(err.contains("estimated: about"), "no estimate: {err}");
    assert!(err.contains("interrupted after"), "{err}");
    let files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        files,
        vec!["manifest.json".to_string()],
        "nothing half-written"
    );
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m["complete"], false);
    for args in [
        vec!["plot", out.to_str().unwrap()],
        vec!["table", out.to_str().unwrap()],
    ] {
        let o = crate::util::wandel(&args);
        assert!(!o.status.success());
        assert!(
            crate::util::stderr(&o).contains("holds an interrupted run"),
            "{args:?}: {}",
            crate::util::stderr(&o)
        );
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_readme_tour_writes_each_run_into_its_own_directory_and_its_files_exist() {
    // The README's ```sh blocks, top to bottom (scripts/readme-tour runs them all): each run or
    // sweep writes into a directory no earlier command wrote, every scenario or sweep file it
    // names is valid, and `plot` and `table` read directories an earlier command wrote.
    let readme = std::fs::read_to_string(crate::util::root().join("README.md")).unwrap();
    let mut inside = false;
    let mut commands = Vec::new();
    for line in readme.lines() {
        let t = line.trim();
        if t.starts_with("```sh") {
            inside = true;
        } else if t.starts_with("```") {
            inside = false;
        } else if inside && !t.is_empty() {
            commands.push(t.to_string());
        }
    }
    let mut written: Vec<String> = Vec::new();
    let mut runs = 0;
    for cmd in &commands {
        let words: Vec<&str> = cmd.split_whitespace().collect();
        let args: &[&str] = match words.as_slice() {
            ["wandel", rest @ ..] => rest,
            ["cargo", "run", "--release", "--", rest @ ..] => rest,
            _ => continue,
        };
        let out = args
            .iter()
            .position(|a| *a == "--out")
            .map(|i| args[i + 1].to_string());
        match args {
            ["run", file, ..] => {
                let s = crate::util::scenario(file, &[]);
                let dir = out.unwrap_or(format!("out/{}", s.name));
                assert!(!written.contains(&dir), "{cmd}: {dir} is taken");
                written.push(dir);
                runs += 1;
            }
            ["sweep", file, ..] => {
                assert!(crate::util::root().join(file).is_file(), "{cmd}");
                let stem = std::path::Path::new(file)
                    .file_stem()
                    .unwrap()
                    .to_string_lossy();
                let dir = out.unwrap_or(format!("out/sweeps/{stem}"));
                assert!(!written.contains(&dir), "{cmd}: {dir} is taken");
                written.push(dir);
            }
            ["calibrate", file, ..] => {
                assert!(crate::util::root().join(file).is_file(), "{cmd}");
                let stem = std::path::Path::new(file)
                    .file_stem()
                    .unwrap()
                    .to_string_lossy();
                let dir = out.unwrap_or(format!("out/calibrations/{stem}"));
                assert!(!written.contains(&dir), "{cmd}: {dir} is taken");
                written.push(dir);
            }
            ["plot" | "table", dirs @ ..] => {
                for d in dirs {
                    assert!(written.iter().any(|w| w == d), "{cmd}: nothing wrote {d}");
                }
            }
            ["validate", files @ ..] => {
                for f in files {
                    crate::util::scenario(f, &[]);
                }
            }
            _ => {}
        }
    }
    assert!(runs >= 4, "{commands:?}");
}
