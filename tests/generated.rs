//! Readers tested by generated input (proptest): mutated shipped scenarios and bad cases,
//! `--set` overrides, `extends` chains, generated and mutated sweep files, and mutated
//! calibration files (`calibrate --dry-run`). Every case runs
//! the `wandel` binary under a 1 GB limit on its data and must end with exit code 0 or 2
//! (never a panic or a signal, which is also how an input that needed more memory ends), and,
//! when refused, locate every problem (an `error:` line is followed by its `-->` location) in a
//! bounded amount of text.
//!
//! Each property prints its seed; a failure names it, and `WANDEL_PROPTEST_SEED=N` reproduces
//! the run (`WANDEL_PROPTEST_CASES=N` changes the number of cases, 256 by default).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

use crate::util::{root, scratch, stderr, wandel_bad};

/// Most standard error a refused input may produce: 50 located problems of at most a readable
/// width each, and the count.
const MAX_STDERR: usize = 256 * 1024;

/// A runner with a logged seed: from `WANDEL_PROPTEST_SEED`, or from the clock.
fn runner(property: &str) -> (TestRunner, u64) {
    let seed = std::env::var("WANDEL_PROPTEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
        });
    let cases = std::env::var("WANDEL_PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256);
    eprintln!("generated::{property}: seed {seed} (WANDEL_PROPTEST_SEED={seed} reproduces)");
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 256,
        ..Config::default()
    };
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &key);
    (TestRunner::new_with_rng(config, rng), seed)
}

/// Runs `property` over `strategy`; panics with the seed and the smallest failing input.
fn check<S: Strategy>(
    name: &str,
    strategy: S,
    property: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let (mut runner, seed) = runner(name);
    OUTCOMES.with(|o| o.set([0, 0]));
    if let Err(e) = runner.run(&strategy, property) {
        panic!("generated::{name} failed with WANDEL_PROPTEST_SEED={seed}: {e}");
    }
    let [loaded, refused] = OUTCOMES.with(|o| o.get());
    eprintln!("generated::{name}: {loaded} inputs accepted, {refused} refused with located errors");
    assert!(
        refused > 0,
        "the generator should make some inputs that are refused"
    );
}

thread_local! {
    /// Inputs accepted and refused by the property running on this thread.
    static OUTCOMES: std::cell::Cell<[u32; 2]> = const { std::cell::Cell::new([0, 0]) };
}

/// Runs `wandel args` and checks the outcome: exit 0 or 2, no panic, within the memory bound,
/// and when refused, every problem located and the text bounded.
fn wandel_holds(args: &[&str]) -> Result<(), TestCaseError> {
    wandel_outcome(args).map(|_| ())
}

/// As [`wandel_holds`], returning the process's output.
fn wandel_outcome(args: &[&str]) -> Result<std::process::Output, TestCaseError> {
    // Within 1 GB of data: an input that needs more aborts on a signal, caught below.
    let out = wandel_bad(args);
    let err = stderr(&out);
    let shown = || format!("wandel {}\n{}", args.join(" "), cut(&err));
    prop_assert!(!err.contains("panicked"), "a panic: {}", shown());
    let tally = |i: usize| {
        OUTCOMES.with(|o| {
            let mut v = o.get();
            v[i] += 1;
            o.set(v)
        })
    };
    match out.status.code() {
        Some(0) => tally(0),
        Some(2) => {
            tally(1);
            prop_assert!(err.len() <= MAX_STDERR, "{} bytes: {}", err.len(), shown());
            let lines: Vec<&str> = err.lines().collect();
            prop_assert!(
                lines.iter().any(|l| l.starts_with("error:")),
                "refused without an error line: {}",
                shown()
            );
            for (i, l) in lines.iter().enumerate() {
                if l.starts_with("error:") {
                    let next = lines.get(i + 1).copied().unwrap_or("");
                    prop_assert!(
                        next.starts_with("  --> "),
                        "problem without a location: {l}\n{}",
                        shown()
                    );
                }
            }
        }
        other => prop_assert!(false, "exit {other:?}: {}", shown()),
    }
    Ok(out)
}

/// The first 4,000 characters of a message, for failure reports.
fn cut(s: &str) -> String {
    s.chars().take(4000).collect()
}

/// A scratch copy of `scenarios/` and `tests/data/bad/` (relative paths between them kept),
/// shared by the properties; mutated files are written beside the originals in it.
fn tree() -> &'static Path {
    static TREE: OnceLock<PathBuf> = OnceLock::new();
    TREE.get_or_init(|| {
        let dir = scratch("generated");
        copy_dir(&root().join("scenarios"), &dir.join("scenarios"));
        copy_dir(&root().join("tests/data/bad"), &dir.join("tests/data/bad"));
        dir
    })
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let t = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &t);
        } else {
            std::fs::copy(&p, &t).unwrap();
        }
    }
}

/// Every `.toml` file under `dir` in the scratch tree, sorted.
fn files(dir: &str) -> Vec<PathBuf> {
    fn walk(d: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "toml") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&tree().join(dir), &mut out);
    out.sort();
    out
}

/// Values that probe bounds and types.
const VALUES: &[&str] = &[
    "0",
    "-1",
    "1",
    "0.5",
    "nan",
    "inf",
    "-inf",
    "1e308",
    "-1e308",
    "4.5e7",
    "1e9",
    "99999999999999999999",
    "\"2099-01\"",
    "\"2026-13\"",
    "\"\"",
    "\"x\"",
    "[]",
    "[1, 2]",
    "{}",
    "true",
];

/// Fragments that break or bend the syntax.
const TOKENS: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "=",
    "\"",
    "'''",
    "\n",
    "#",
    ",",
    ".",
    "[[policies]]\nkind = \"short_time_work\"\n",
    "[[policies]]\nkind = \"retraining\"\nname = \"x\"\n",
    "[[firms]]\n",
    "[simulation]\n",
    "extends = \"steel_closure.toml\"\n",
    "extends = \".\"\n",
    "\u{feff}",
    "\0",
    "\u{e9}",
    "\u{202e}",
];

/// One edit of a file's bytes; positions are fractions of the current length or line count.
#[derive(Debug, Clone)]
enum Edit {
    Delete { at: f64, len: usize },
    Insert { at: f64, token: usize },
    InsertValue { at: f64, value: usize },
    NotUtf8 { at: f64 },
    Number { nth: f64, value: usize },
    DuplicateLine { nth: f64 },
    DropLine { nth: f64 },
    SwapLines { a: f64, b: f64 },
    Truncate { at: f64 },
}

fn edit() -> impl Strategy<Value = Edit> {
    let f = 0.0..1.0f64;
    prop_oneof![
        1 => (f.clone(), 0..40usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        1 => (f.clone(), 0..TOKENS.len()).prop_map(|(at, token)| Edit::Insert { at, token }),
        1 => (f.clone(), 0..VALUES.len()).prop_map(|(at, value)| Edit::InsertValue { at, value }),
        1 => f.clone().prop_map(|at| Edit::NotUtf8 { at }),
        3 => (f.clone(), 0..VALUES.len()).prop_map(|(nth, value)| Edit::Number { nth, value }),
        1 => f.clone().prop_map(|nth| Edit::DuplicateLine { nth }),
        1 => f.clone().prop_map(|nth| Edit::DropLine { nth }),
        1 => (f.clone(), f.clone()).prop_map(|(a, b)| Edit::SwapLines { a, b }),
        1 => f.prop_map(|at| Edit::Truncate { at }),
    ]
}

fn index(frac: f64, len: usize) -> usize {
    ((frac * len as f64) as usize).min(len)
}

/// Applies `e` to `bytes`.
fn apply(bytes: &mut Vec<u8>, e: &Edit) {
    match *e {
        Edit::Delete { at, len } => {
            let i = index(at, bytes.len());
            let j = (i + len).min(bytes.len());
            bytes.drain(i..j);
        }
        Edit::Insert { at, token } => {
            let i = index(at, bytes.len());
            bytes.splice(i..i, TOKENS[token].bytes());
        }
        Edit::InsertValue { at, value } => {
            let i = index(at, bytes.len());
            bytes.splice(i..i, VALUES[value].bytes());
        }
        Edit::NotUtf8 { at } => {
            let i = index(at, bytes.len());
            bytes.splice(i..i, [0xff, 0xfe]);
        }
        Edit::Number { nth, value } => {
            // Replace the nth number (a run of digits, dots and exponent signs) by a value.
            let starts: Vec<usize> = (0..bytes.len())
                .filter(|&i| {
                    bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
                })
                .collect();
            if starts.is_empty() {
                return;
            }
            let i = starts[index(nth, starts.len() - 1)];
            let mut j = i;
            while j < bytes.len() && (bytes[j].is_ascii_digit() || b".eE_".contains(&bytes[j])) {
                j += 1;
            }
            let v = if value == 0 { "-1" } else { VALUES[value] };
            bytes.splice(i..j, v.bytes());
        }
        Edit::DuplicateLine { .. } | Edit::DropLine { .. } | Edit::SwapLines { .. }
            if bytes.is_empty() => {}
        Edit::DuplicateLine { nth } => {
            let mut lines = split_lines(bytes);
            let i = index(nth, lines.len() - 1);
            let l = lines[i].clone();
            lines.insert(i, l);
            *bytes = lines.concat();
        }
        Edit::DropLine { nth } => {
            let mut lines = split_lines(bytes);
            let i = index(nth, lines.len() - 1);
            lines.remove(i);
            *bytes = lines.concat();
        }
        Edit::SwapLines { a, b } => {
            let mut lines = split_lines(bytes);
            let (i, j) = (index(a, lines.len() - 1), index(b, lines.len() - 1));
            lines.swap(i, j);
            *bytes = lines.concat();
        }
        Edit::Truncate { at } => {
            let i = index(at, bytes.len());
            bytes.truncate(i);
        }
    }
}

/// Lines with their line ends.
fn split_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

/// A file name unique to this case, beside `original` (so relative `extends` still resolve).
fn beside(original: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    original.with_file_name(format!(
        "generated-{n}-{}",
        original.file_name().unwrap().to_string_lossy()
    ))
}

/// Checks `command` (`validate`, or `sweep … --dry-run`) on `originals` under random edits,
/// each mutated file written beside its original.
fn mutated(name: &str, originals: Vec<PathBuf>, command: &[&str]) {
    let originals: Vec<PathBuf> = originals
        .into_iter()
        .filter(|p| {
            !p.file_name()
                .is_some_and(|f| f.to_string_lossy().starts_with("generated-"))
        })
        .collect();
    assert!(!originals.is_empty(), "{name}: no files to mutate");
    check(
        name,
        (0..originals.len(), prop::collection::vec(edit(), 1..6)),
        |(which, edits)| {
            let original = &originals[which];
            let mut bytes = std::fs::read(original).unwrap();
            for e in &edits {
                apply(&mut bytes, e);
            }
            let file = beside(original);
            std::fs::write(&file, &bytes).unwrap();
            let path = file.to_str().unwrap();
            let mut args = vec![command[0], path];
            args.extend(&command[1..]);
            let result = wandel_holds(&args);
            let _ = std::fs::remove_file(&file);
            result
        },
    );
}

#[test]
fn mutated_scenarios_load_or_give_located_errors() {
    let originals = files("scenarios")
        .into_iter()
        .filter(|p| !p.to_string_lossy().contains("/sweeps/"))
        .chain(files("tests/data/bad"))
        .collect();
    mutated("mutated_scenarios", originals, &["validate"]);
}

/// Dotted key paths of a scenario file as `--set` takes them, read off its text: `[a.b]` and
/// `[[a]]` headers (the first element of an array of tables) and `key =` lines.
fn key_paths(text: &str) -> Vec<String> {
    let mut prefix = String::new();
    let mut counts = std::collections::HashMap::<String, usize>::new();
    let mut out = Vec::new();
    for line in text.lines() {
        let l = line.trim();
        if let Some(h) = l.strip_prefix("[[").and_then(|s| s.split("]]").next()) {
            let n = counts.entry(h.to_string()).or_insert(0);
            prefix = format!("{h}.{n}.");
            *n += 1;
        } else if let Some(h) = l.strip_prefix('[').and_then(|s| s.split(']').next()) {
            prefix = format!("{h}.");
        } else if let Some((k, _)) = l.split_once('=') {
            let k = k.trim();
            if !k.is_empty() && !k.starts_with('#') && !k.contains(' ') {
                out.push(format!("{prefix}{k}"));
            }
        }
    }
    out
}

#[test]
fn generated_overrides_apply_or_give_located_errors() {
    let base = "scenarios/policies/transition_package.toml";
    let mut keys = key_paths(&std::fs::read_to_string(root().join(base)).unwrap());
    keys.extend(key_paths(
        &std::fs::read_to_string(root().join("scenarios/steel_closure.toml")).unwrap(),
    ));
    keys.extend(
        [
            "simulation.months",
            "simulation.replications",
            "firms.99.count",
            "firms.-1.count",
            "policies.retraining.7.capacity",
            "a..b",
            "",
            "extends",
            "format",
            "regions",
        ]
        .map(String::from),
    );
    let key = prop_oneof![
        4 => (0..keys.len()).prop_map({
            let keys = keys.clone();
            move |i| keys[i].clone()
        }),
        1 => (0..keys.len(), "[a-z.0-9]{0,6}").prop_map({
            let keys = keys.clone();
            move |(i, tail)| format!("{}{tail}", keys[i])
        }),
    ];
    let value = prop_oneof![
        4 => (0..VALUES.len()).prop_map(|i| VALUES[i].to_string()),
        1 => "[ -~]{0,12}",
    ];
    let set = prop_oneof![
        6 => (key, value).prop_map(|(k, v)| format!("{k}={v}")),
        1 => "[ -~]{0,16}",
    ];
    check("overrides", prop::collection::vec(set, 1..5), |sets| {
        let mut args = vec!["validate".to_string(), base.to_string()];
        // `--set=VALUE`, so that a value starting with `-` is a value, not an option.
        args.extend(sets.into_iter().map(|s| format!("--set={s}")));
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        wandel_holds(&argv)
    });
}

/// One file of an `extends` chain: where it points, and override lines.
#[derive(Debug, Clone)]
struct Link {
    extends: Option<usize>,
    lines: Vec<(usize, usize)>,
}

#[test]
fn extends_chains_load_or_name_their_cycle() {
    let dir = tree().join("chains");
    std::fs::create_dir_all(&dir).unwrap();
    let steel = tree().join("scenarios/steel_closure.toml");
    let keys = key_paths(&std::fs::read_to_string(&steel).unwrap())
        .into_iter()
        .filter(|k| !k.contains(".0.") && k != "extends")
        .collect::<Vec<_>>();
    // Targets: another link (0..n), then the shipped scenario, a missing file, a directory,
    // a device, nothing.
    let specials = [
        steel.display().to_string(),
        "missing.toml".to_string(),
        ".".to_string(),
        "/dev/zero".to_string(),
        String::new(),
    ];
    let link = |n: usize| {
        (
            prop::option::weighted(0.9, 0..n + specials.len()),
            prop::collection::vec((0..keys.len(), 0..VALUES.len()), 0..4),
        )
            .prop_map(|(extends, lines)| Link { extends, lines })
    };
    let chain = (1..6usize).prop_flat_map(move |n| prop::collection::vec(link(n), n));
    static CHAIN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    check("extends_chains", chain, |links| {
        let case = dir.join(format!(
            "c{}",
            CHAIN.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&case).unwrap();
        let n = links.len();
        for (i, l) in links.iter().enumerate() {
            let mut text = String::new();
            if let Some(t) = l.extends {
                let target = if t < n {
                    format!("f{t}.toml")
                } else {
                    specials[t - n].clone()
                };
                text.push_str(&format!("extends = {target:?}\n"));
            }
            for &(k, v) in &l.lines {
                text.push_str(&format!("{} = {}\n", keys[k], VALUES[v]));
            }
            std::fs::write(case.join(format!("f{i}.toml")), text).unwrap();
        }
        let first = case.join("f0.toml");
        let out = wandel_outcome(&["validate", first.to_str().unwrap()]);
        let _ = std::fs::remove_dir_all(&case);
        let out = out?;
        // A chain that comes back to a file it has passed is refused; when its files hold
        // nothing but their `extends`, the message names the cycle.
        let mut seen = vec![false; n];
        let mut at = 0;
        let mut only_links = true;
        let cycle = loop {
            if seen[at] {
                break true;
            }
            seen[at] = true;
            only_links &= links[at].lines.is_empty();
            match links[at].extends {
                Some(t) if t < n => at = t,
                _ => break false,
            }
        };
        if cycle {
            prop_assert_eq!(out.status.code(), Some(2));
            if only_links {
                prop_assert!(stderr(&out).contains("forms a cycle"), "{}", stderr(&out));
            }
        }
        Ok(())
    });
}

/// Lines of a sweep file's head: those a sweep accepts, and those it refuses.
const SWEEP_HEAD: [&[&str]; 2] = [
    &[
        "seed = 3",
        "replications = 2",
        "design = \"grid\"",
        "keep = [\"job_years\", \"unemployment_rate.mean\"]",
        "series = true",
        "seeds = \"shared\"",
        "design = \"latin_hypercube\"\npoints = 5",
        "design = \"sobol\"\npoints = 4\nsampling_seed = 9",
    ],
    &[
        "replications = 0",
        "replications = -3",
        "seed = 1e9",
        "seed = 4294967296999",
        "design = \"sobol\"",
        "design = \"saltelli\"\npoints = 2",
        "design = \"latin\"",
        "points = 10000000000",
        "keep = [\"job_year\"]",
        "keep = []",
        "seeds = \"mine\"",
        "series = nan",
        "unknown = 1",
        "base = 3",
    ],
];

/// Parameters of a sweep file: accepted, and refused.
const SWEEP_PARAMETERS: [&[&str]; 2] = [
    &[
        "\"matching.applications_per_month\" = [1.0, 2.0]",
        "\"matching.suitability\" = { min = 0.03, max = 0.07, levels = 3 }",
        "\"benefits.replacement_rate\" = { values = [0.5, 0.6], label = \"Replacement\" }",
        "\"shocks.closure.0.announced\" = [\"2025-07\", \"2026-01\"]",
        "\"simulation.months\" = [36, 48]",
        "\"matching.applications_per_month\" = { min = 1.0, max = 4.0, levels = 2, log = true }",
    ],
    &[
        "\"simulation.seed\" = [1, 2]",
        "\"simulation.replications\" = [1, 2]",
        "\"extends\" = [\"x.toml\"]",
        "\"format\" = [1]",
        "\"matching.applications_per_mont\" = [2.0]",
        "\"matching.suitability\" = []",
        "\"matching.suitability\" = { min = 4.0, max = 1.0, levels = 3 }",
        "\"matching.suitability\" = { min = nan, max = 1.0, levels = 2 }",
        "\"matching.suitability\" = { min = 0.0, max = inf, levels = 2 }",
        "\"matching.suitability\" = { min = 0.0, max = 1.0, levels = 0 }",
        "\"matching.suitability\" = { min = 0.0, max = 1.0, levels = 100000 }",
        "\"matching.suitability\" = { min = 0.0, max = 1.0, log = true, levels = 2 }",
        "\"matching.suitability\" = { values = [] }",
        "\"matching.suitability\" = \"x\"",
        "\"firms.99.count\" = [1, 2]",
        "\"simulation.months\" = [-1, 1e9]",
    ],
];

/// Arms of a sweep file: accepted, and refused.
const SWEEP_ARMS: [&[&str]; 2] = [
    &[
        "name = \"counterfactual\"\npolicies = \"none\"",
        "name = \"as_is\"",
        "name = \"more\"\nset = { \"matching.suitability\" = 0.05 }",
    ],
    &[
        "name = \"\"",
        "policies = \"nothing\"",
        "name = \"x\"\nset = { \"simulation.seed\" = 3 }",
        "name = \"y\"\nset = { \"matching.suitability\" = \"high\" }",
    ],
];

/// One line from `table`: mostly from those accepted (`[0]`), sometimes one that is refused.
fn sweep_line(table: [&'static [&'static str]; 2]) -> impl Strategy<Value = &'static str> {
    prop_oneof![
        6 => (0..table[0].len()).prop_map(move |i| table[0][i]),
        1 => (0..table[1].len()).prop_map(move |i| table[1][i]),
    ]
}

#[test]
fn generated_sweep_files_plan_or_give_located_errors() {
    let dir = tree().join("sweeps");
    std::fs::create_dir_all(&dir).unwrap();
    let bases = [
        "../scenarios/steel_closure.toml",
        "../scenarios/policies/transition_package.toml",
        "../scenarios/missing.toml",
        "../scenarios",
        "/dev/zero",
        "../tests/data/bad/extends_cycle_a.toml",
        "../tests/data/bad/wrong_type.toml",
        "../scenarios/sweeps/closure_sensitivity.toml",
    ];
    let base = prop_oneof![6 => 0..2usize, 1 => 2..bases.len()];
    let spec = (
        base,
        prop::collection::vec(sweep_line(SWEEP_HEAD), 0..4),
        prop::option::weighted(
            0.95,
            prop::collection::vec(sweep_line(SWEEP_PARAMETERS), 0..4),
        ),
        prop::collection::vec(sweep_line(SWEEP_ARMS), 0..3),
    );
    let sweep = (spec, prop::collection::vec(edit(), 0..2));
    check(
        "sweeps",
        sweep,
        |((base, head, parameters, arms), edits)| {
            let mut text = format!("base = {:?}\n", bases[base]);
            for l in head {
                text.push_str(&format!("{l}\n"));
            }
            if let Some(p) = parameters {
                text.push_str("[parameters]\n");
                for l in p {
                    text.push_str(&format!("{l}\n"));
                }
            }
            for a in arms {
                text.push_str(&format!("[[arms]]\n{a}\n"));
            }
            let mut bytes = text.into_bytes();
            for e in &edits {
                apply(&mut bytes, e);
            }
            let file = beside(&dir.join("sweep.toml"));
            std::fs::write(&file, &bytes).unwrap();
            let result = wandel_holds(&["sweep", file.to_str().unwrap(), "--dry-run"]);
            let _ = std::fs::remove_file(&file);
            result
        },
    );
}

#[test]
fn mutated_shipped_sweep_files_plan_or_give_located_errors() {
    mutated(
        "mutated_sweeps",
        files("scenarios/sweeps"),
        &["sweep", "--dry-run"],
    );
}

#[test]
fn mutated_calibration_files_check_or_give_located_errors() {
    mutated(
        "mutated_calibrations",
        files("scenarios/calibration"),
        &["calibrate", "--dry-run"],
    );
}
