//! The catalogue of bad scenarios: every `tests/data/bad/NAME.toml` with a `NAME.expect` must be
//! rejected by `wandel validate` and `wandel run` with exit code 2, with every expected message
//! fragment, without a panic, without writing anything, and within 1 GB of data
//! (`util::wandel_bad` runs each case under that limit).
//!
//! `NAME.expect`: `#` comment lines, an optional `args: …` line (extra arguments such as
//! `--set` overrides), then one expected fragment of standard error per line.

use crate::util::{root, scratch, stderr, wandel, wandel_bad};

struct Case {
    name: String,
    file: String,
    args: Vec<String>,
    fragments: Vec<String>,
}

fn catalogue() -> Vec<Case> {
    let dir = root().join("tests/data/bad");
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("expect") {
            continue;
        }
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut args = Vec::new();
        let mut fragments = Vec::new();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            match line.strip_prefix("args: ") {
                Some(a) => args = a.split_whitespace().map(String::from).collect(),
                None => fragments.push(line.to_string()),
            }
        }
        cases.push(Case {
            file: format!("tests/data/bad/{name}.toml"),
            name,
            args,
            fragments,
        });
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    cases
}

#[test]
fn the_catalogue_is_large_enough() {
    assert!(catalogue().len() >= 15, "at least 15 bad scenarios");
}

#[test]
fn every_bad_scenario_is_rejected_with_its_message() {
    let mut failures = Vec::new();
    for case in catalogue() {
        let mut args = vec!["validate".to_string(), case.file.clone()];
        args.extend(case.args.iter().cloned());
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = wandel_bad(&argv);
        let err = stderr(&out);
        if out.status.code() != Some(2) {
            failures.push(format!(
                "{}: exit code {:?}, expected 2\n{err}",
                case.name,
                out.status.code()
            ));
        }
        if err.contains("panicked") {
            failures.push(format!("{}: panicked\n{err}", case.name));
        }
        for f in &case.fragments {
            if !err.contains(f.as_str()) {
                failures.push(format!("{}: missing «{f}» in:\n{err}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_bad_scenario_writes_nothing() {
    let dir = scratch("bad-run");
    for case in catalogue() {
        let out_dir = dir.join(&case.name);
        let mut args = vec![
            "run".to_string(),
            case.file.clone(),
            "--out".into(),
            out_dir.display().to_string(),
        ];
        args.extend(case.args.iter().cloned());
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = wandel_bad(&argv);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{}: {}",
            case.name,
            stderr(&out)
        );
        assert!(
            !out_dir.exists(),
            "{}: output directory was created",
            case.name
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn locations_point_at_the_offending_value() {
    let out = wandel(&["validate", "tests/data/bad/wrong_type.toml"]);
    let err = stderr(&out);
    // The snippet shows the line and a caret under the value.
    assert!(err.contains("months = \"two years\""), "{err}");
    assert!(err.contains("|          ^"), "{err}");
}
