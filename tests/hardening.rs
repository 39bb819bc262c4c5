//! Bounded resources for bad input: a device, a directory or a huge file is refused by size or
//! kind before it is read whole; a megabyte-long line of bad values gives short messages, and
//! thousands of problems are counted, the first shown; `--threads` is bounded; an output
//! directory is checked before the work, and stale temporary files are cleared.

use std::time::{Duration, Instant};

use crate::util::{scratch, stderr, wandel_bad, wandel_limited};

/// Runs `wandel` with `args`, expecting exit code 2; returns standard error and the time taken.
fn refused(args: &[&str]) -> (String, Duration) {
    let start = Instant::now();
    let out = wandel_bad(args);
    let took = start.elapsed();
    assert_eq!(
        out.status.code(),
        Some(2),
        "wandel {args:?}: {}",
        stderr(&out)
    );
    (stderr(&out), took)
}

#[test]
fn a_device_or_a_directory_is_refused_by_its_size_or_kind() {
    let (msg, took) = refused(&["validate", "/dev/zero"]);
    assert!(msg.contains("larger than 32 MB"), "{msg}");
    assert!(took < Duration::from_secs(5), "{took:?}");
    let dir = scratch("hardening-dir");
    let (msg, _) = refused(&["validate", dir.to_str().unwrap()]);
    assert!(msg.contains("is a directory, not a file"), "{msg}");
    // `extends` pointing at a directory says so (it used to say "does not exist").
    let file = dir.join("child.toml");
    std::fs::write(
        &file,
        format!("format = 2\nextends = {:?}\n", dir.display().to_string()),
    )
    .unwrap();
    let (msg, _) = refused(&["validate", file.to_str().unwrap()]);
    assert!(msg.contains("is a directory, not a file"), "{msg}");
    assert!(msg.contains("child.toml:2:11"), "{msg}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_megabyte_line_of_bad_values_gives_short_messages_with_the_caret_on_the_fault() {
    let dir = scratch("hardening-long-line");
    let file = dir.join("long.toml");
    // 100,000 bad sector names in one policy target, on one line of about a megabyte.
    let base = crate::util::root().join("scenarios/policies/short_time_work_dip.toml");
    let names = vec!["\"nowhere\""; 100_000].join(", ");
    std::fs::write(
        &file,
        format!(
            "format = 2\nextends = {:?}\n\n[[policies.short_time_work]]\nname = \"k\"\nstart = \"2025-01\"\nsectors = [{names}]\n",
            base.display().to_string()
        ),
    )
    .unwrap();
    let (msg, took) = refused(&["validate", file.to_str().unwrap()]);
    assert!(took < Duration::from_secs(20), "{took:?}");
    // The first problems in full, the rest counted.
    assert!(
        msg.contains("more problems (the first 50 are shown)"),
        "{}",
        &msg[..2000]
    );
    assert!(
        msg.contains("100000 problems found"),
        "{}",
        &msg[msg.len() - 500..]
    );
    assert!(msg.len() < 100_000, "{} bytes of messages", msg.len());
    // Each excerpt is cut to a readable width, and its caret still points at a bad name.
    for block in msg.split("error: ").skip(1).take(5) {
        let lines: Vec<&str> = block.lines().collect();
        let at_caret = lines
            .iter()
            .position(|l| l.trim_end().ends_with('^'))
            .unwrap();
        let (code, caret) = (lines[at_caret - 1], lines[at_caret]);
        assert!(code.chars().count() < 130, "{code}");
        let at = caret.chars().position(|c| c == '^').unwrap();
        let pointed: String = code.chars().skip(at).take(9).collect();
        assert_eq!(pointed, "\"nowhere\"", "{code}\n{caret}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn threads_are_bounded_and_zero_is_refused() {
    for n in ["0", "10000", "x"] {
        let (msg, _) = refused(&["run", "scenarios/baseline.toml", "--threads", n]);
        assert!(
            msg.contains("must be a whole number from 1 to 1024"),
            "{msg}"
        );
        let (msg, _) = refused(&[
            "sweep",
            "scenarios/sweeps/closure_sensitivity.toml",
            "--dry-run",
            "--threads",
            n,
        ]);
        assert!(
            msg.contains("must be a whole number from 1 to 1024"),
            "{msg}"
        );
    }
}

#[test]
fn an_output_that_cannot_be_written_is_refused_before_the_work() {
    let dir = scratch("hardening-out");
    let file = dir.join("a-file");
    std::fs::write(&file, "").unwrap();
    let (msg, took) = refused(&[
        "run",
        "scenarios/steel_closure.toml",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert!(msg.contains("is a file, not a directory"), "{msg}");
    assert!(took < Duration::from_secs(5), "{took:?}");
    // A directory nobody may write into (even root: the process's own /proc directory).
    let (msg, took) = refused(&["run", "scenarios/steel_closure.toml", "--out", "/proc/self"]);
    assert!(msg.contains("cannot write into /proc/self"), "{msg}");
    assert!(took < Duration::from_secs(5), "{took:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn stale_temporary_files_of_a_killed_run_are_cleared() {
    let dir = scratch("hardening-stale");
    let stale = dir.join(".summary.json.tmp-99999");
    std::fs::create_dir_all(dir.join("charts")).unwrap();
    let stale_chart = dir.join("charts/.unemployment.png.tmp-99999");
    std::fs::write(&stale, "half").unwrap();
    std::fs::write(&stale_chart, "half").unwrap();
    crate::util::run_scenario(
        "scenarios/baseline.toml",
        &dir,
        &[
            "simulation.months=2",
            "simulation.replications=1",
            "simulation.warmup_months=0",
        ],
        &["--no-charts", "--overwrite"],
    );
    assert!(!stale.exists() && !stale_chart.exists());
    assert!(dir.join("summary.json").exists());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_sweep_refuses_keys_it_cannot_vary_and_an_empty_parameter_table() {
    let dir = scratch("hardening-sweep");
    let base = crate::util::root().join("scenarios/steel_closure.toml");
    let file = dir.join("bad.toml");
    std::fs::write(
        &file,
        format!(
            "base = {:?}\nseed = 1\nreplications = 1\n\n[parameters]\n\"simulation.seed\" = [1, 2]\n\"simulation.replications\" = [2, 4]\n\"extends\" = [\"a.toml\"]\n",
            base.display().to_string()
        ),
    )
    .unwrap();
    let (msg, _) = refused(&["sweep", file.to_str().unwrap(), "--dry-run"]);
    assert!(
        msg.contains("parameters.\"simulation.seed\": a sweep sets every run's seed itself"),
        "{msg}"
    );
    assert!(msg.contains("bad.toml:6:1"), "{msg}");
    assert!(
        msg.contains("parameters.\"simulation.replications\": a sweep runs each point"),
        "{msg}"
    );
    assert!(
        msg.contains("parameters.\"extends\": a sweep varies a scenario's values"),
        "{msg}"
    );
    std::fs::write(
        &file,
        format!(
            "base = {:?}\nseed = 1\n\n[parameters]\n",
            base.display().to_string()
        ),
    )
    .unwrap();
    let (msg, _) = refused(&["sweep", file.to_str().unwrap(), "--dry-run"]);
    assert!(msg.contains("parameters: an empty table"), "{msg}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_file_given_to_the_wrong_command_gets_one_message_naming_the_right_one() {
    let (msg, _) = refused(&["run", "scenarios/sweeps/closure_sensitivity.toml"]);
    assert!(msg.contains("is a sweep file"), "{msg}");
    assert!(msg.contains("run it with `wandel sweep"), "{msg}");
    assert!(msg.contains("1 problem found"), "{msg}");
    let (msg, _) = refused(&["sweep", "scenarios/steel_closure.toml", "--dry-run"]);
    assert!(msg.contains("is a scenario"), "{msg}");
    assert!(msg.contains("run it with `wandel run"), "{msg}");
    assert!(msg.contains("1 problem found"), "{msg}");
}

#[test]
fn a_sweep_of_a_billion_runs_is_refused_at_once_and_a_million_run_plan_is_counted_not_built() {
    let dir = scratch("hardening-big-sweep");
    let base = crate::util::root().join("scenarios/steel_closure.toml");
    let sweep = |levels: u32| {
        format!(
            "base = {:?}\nseed = 1\nreplications = 1\n\n[parameters]\n\
             \"matching.applications_per_month\" = {{ min = 1.0, max = 4.0, levels = {levels} }}\n\
             \"matching.suitability\" = {{ min = 0.03, max = 0.07, levels = {levels} }}\n\
             \"benefits.replacement_rate\" = {{ min = 0.5, max = 0.7, levels = {levels} }}\n",
            base.display().to_string()
        )
    };
    let file = dir.join("billion.toml");
    std::fs::write(&file, sweep(1000)).unwrap();
    let (msg, took) = refused(&["sweep", file.to_str().unwrap(), "--dry-run"]);
    assert!(msg.contains("plans 1000000000 runs"), "{msg}");
    assert!(msg.contains("at most 10000000 runs"), "{msg}");
    assert!(took < Duration::from_secs(2), "{took:?}");
    let file = dir.join("million.toml");
    std::fs::write(&file, sweep(100)).unwrap();
    let start = Instant::now();
    // Counted, not built: a million runs planned within 16 MB of data (it needs about the
    // memory of reading the base scenario; built, the plan alone would take more).
    let out = wandel_limited(
        &[
            "sweep",
            file.to_str().unwrap(),
            "--dry-run",
            "--shard",
            "1/3",
        ],
        16 << 20,
    );
    let took = start.elapsed();
    assert!(out.status.success(), "{:?}: {}", out.status, stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "1000000 points × 1 arms × 1 replications = 1000000 runs (shard 1/3: 333333)"
        ),
        "{text}"
    );
    assert!(took < Duration::from_secs(2), "{took:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn scenario_totals_are_checked_against_memory_before_anything_is_allocated() {
    // Two groups within their own bound, together above the workers a scenario may have.
    let (msg, took) = refused(&[
        "validate",
        "scenarios/baseline.toml",
        "--set",
        "firms.4.count=1000000",
        "--set",
        "firms.6.count=3000000",
    ]);
    assert!(
        msg.contains("at most 1e8 are allowed (about 120 bytes of memory each)"),
        "{msg}"
    );
    assert!(took < Duration::from_secs(5), "{took:?}");
    // Too many regions: refused before the table of region pairs is made.
    let dir = scratch("hardening-regions");
    let file = dir.join("regions.toml");
    let regions: String = (0..5001)
        .map(|r| format!("[[regions]]\nname = \"r{r}\"\n"))
        .collect();
    std::fs::write(&file, format!("format = 2\n\n{regions}")).unwrap();
    let (msg, took) = refused(&["validate", file.to_str().unwrap()]);
    assert!(
        msg.contains("5001 regions; at most 5000 are allowed"),
        "{msg}"
    );
    assert!(took < Duration::from_secs(5), "{took:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_sweeps_base_is_validated_in_every_case_and_its_problems_point_into_it() {
    let dir = scratch("hardening-sweep-base");
    let sweep = dir.join("s.toml");
    // A base that is a directory, with no parameters, in a dry run.
    std::fs::write(
        &sweep,
        format!("base = {:?}\nseed = 1\n", dir.display().to_string()),
    )
    .unwrap();
    let (msg, _) = refused(&["sweep", sweep.to_str().unwrap(), "--dry-run"]);
    assert!(msg.contains("the base scenario"), "{msg}");
    assert!(msg.contains("is a directory, not a file"), "{msg}");
    // A base with a bad value: the problem is located in the base file, not at a parameter.
    let base = dir.join("base.toml");
    let shipped = crate::util::root().join("scenarios/baseline.toml");
    std::fs::write(
        &base,
        format!(
            "format = 2\nextends = {:?}\n\n[matching]\nsuitability = 7.0\n",
            shipped.display().to_string()
        ),
    )
    .unwrap();
    std::fs::write(
        &sweep,
        "base = \"base.toml\"\nseed = 1\n\n[parameters]\n\"benefits.replacement_rate\" = [0.5, 0.6]\n",
    )
    .unwrap();
    let (msg, _) = refused(&["sweep", sweep.to_str().unwrap(), "--dry-run"]);
    assert!(msg.contains("base.toml:5:15"), "{msg}");
    assert!(msg.contains("matching.suitability"), "{msg}");
    // NaN bounds of a range are named as such, not printed as 309-digit numbers.
    std::fs::write(
        &sweep,
        format!(
            "base = {:?}\nseed = 1\n\n[parameters]\n\"benefits.replacement_rate\" = {{ min = nan, max = 0.7 }}\n",
            shipped.display().to_string()
        ),
    )
    .unwrap();
    let (msg, _) = refused(&["sweep", sweep.to_str().unwrap(), "--dry-run"]);
    assert!(
        msg.contains("must be a finite number (not nan or inf)"),
        "{msg}"
    );
    assert!(!msg.contains("179769313486231570"), "{msg}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn one_bad_run_length_gives_one_problem_not_one_per_dated_key() {
    let (msg, _) = refused(&[
        "validate",
        "scenarios/steel_closure.toml",
        "--set",
        "simulation.months=0",
    ]);
    assert!(
        msg.contains("simulation.months: must be a whole number from 1 to 1200, got 0"),
        "{msg}"
    );
    assert!(msg.contains("1 problem found"), "{msg}");
}

#[test]
fn the_harness_memory_limit_applies() {
    // The limit every bad case runs under is real: a scenario that loads in about a megabyte
    // is stopped by a failed allocation (a signal, no exit code) under a limit of 512 KB. (At
    // 256 KB the dynamic loader itself may fail to map the binary, with exit code 127, which
    // shows the limit but not an allocation failing.)
    let file = "scenarios/policies/transition_package.toml";
    let starved = wandel_limited(&["validate", file], 512 << 10);
    assert_eq!(starved.status.code(), None, "{:?}", starved.status);
    let fed = wandel_limited(&["validate", file], 64 << 20);
    assert!(fed.status.success(), "{}", stderr(&fed));
}
