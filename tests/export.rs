//! `wandel export DIR --xlsx` and `--xlsx` on `run`: the workbook a run writes is the one
//! `export` writes later from the same directory, byte for byte; directories without finished
//! results are refused with a message that says why. (The workbook's contents are checked
//! with an independent reader, openpyxl, in `crates/python/tests/test_workbook.py`.)

use crate::util::{run_scenario, scratch, stderr, wandel, wandel_bad};

#[test]
fn the_workbook_of_a_run_is_the_one_export_writes() {
    let dir = scratch("export-run");
    let out = dir.join("steel");
    run_scenario(
        "scenarios/steel_closure.toml",
        &out,
        &["simulation.replications=2", "simulation.months=36"],
        &[
            "--no-charts",
            "--xlsx",
            "--counterfactual",
            "no-shocks",
            "--threads",
            "2",
        ],
    );
    let written = std::fs::read(out.join("results.xlsx")).unwrap();
    assert!(written.starts_with(b"PK"), "an xlsx file is a zip archive");
    let o = wandel(&["export", &out.display().to_string(), "--xlsx"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(out.join("results.xlsx")).unwrap(),
        written,
        "export of the same results gives the same bytes"
    );
    // A later run into the directory removes the workbook with the other results.
    run_scenario(
        "scenarios/steel_closure.toml",
        &out,
        &["simulation.replications=1", "simulation.months=36"],
        &["--no-charts", "--overwrite", "--no-counterfactual"],
    );
    assert!(!out.join("results.xlsx").exists());
}

#[test]
fn directories_without_finished_results_are_refused() {
    let dir = scratch("export-bad");
    let missing = dir.join("missing");
    let o = wandel_bad(&["export", &missing.display().to_string(), "--xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no results of a run or sweep"),
        "{}",
        stderr(&o)
    );

    let interrupted = dir.join("interrupted");
    std::fs::create_dir_all(&interrupted).unwrap();
    std::fs::write(
        interrupted.join("manifest.json"),
        r#"{"kind": "run", "scenario_file": "s.toml", "complete": false, "interrupted": true}"#,
    )
    .unwrap();
    let o = wandel_bad(&["export", &interrupted.display().to_string(), "--xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("interrupted"), "{}", stderr(&o));
    assert!(!interrupted.join("results.xlsx").exists());

    let o = wandel_bad(&["export", &dir.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--xlsx"), "{}", stderr(&o));
}
