//! Recovery benchmark of `wandel calibrate` (issue "`wandel calibrate`"): four parameters of a
//! small DMP economy, twenty repetitions. Each repetition simulates the "documented" targets at
//! known values with data seeds of its own, takes their standard deviations from the sampling
//! spread at the truth, and estimates the four parameters with estimation seeds that never meet
//! the data seeds. It reports, per parameter, how many of the twenty 95 % intervals cover the
//! truth (the issue asks for at least 17) and the mean reported standard error against the
//! spread of the estimates (within a factor of 2), and the wall time.
//!
//! The economy is the DMP reference case (`scenarios/validation/dmp.toml`, ten segments of a
//! Cobb-Douglas matching function, 10^5 workers) for 60 months instead of 240, with segment 9's
//! firms a second sector that separates from its workers three times as often. Workers are
//! spread over the segments in proportion to their jobs, so a segment's tightness θ follows
//! from its separation rate: the two sectors' different rates give two tightnesses, and the
//! job-finding rate μ θ^(1−α) at both tells the matching function's elasticity α from its
//! efficiency μ. Targets: the unemployment rate of segments 0 and 9, the job-finding rate
//! (hires over the unemployed) of both, and each sector's separations over its employed, over
//! the last three years. All seeds are fixed here, before the first run.
//!
//! Run with `cargo bench --bench calibration_recovery` (about 5 minutes on 2 cores);
//! `WANDEL_RECOVERY_REPETITIONS=N` runs fewer repetitions. Figures in `docs/performance.md`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The free parameters: key path, lower and upper bound, true value.
const PARAMETERS: [(&str, f64, f64, f64); 4] = [
    ("matching.efficiency", 0.1, 0.6, 0.3),
    ("matching.elasticity", 0.2, 0.8, 0.5),
    ("sectors.0.separation_rate", 0.005, 0.05, 0.02),
    ("sectors.1.separation_rate", 0.02, 0.1, 0.06),
];

/// The target measures, over the last three years of the run.
const TARGETS: [&str; 6] = [
    "markets.segment_0.all.unemployment_rate@2002-01..2004-12",
    "markets.segment_9.all.unemployment_rate@2002-01..2004-12",
    "markets.segment_0.jobs.hires@2002-01..2004-12 / markets.segment_0.all.unemployed@2002-01..2004-12",
    "markets.segment_9.jobs_b.hires@2002-01..2004-12 / markets.segment_9.all.unemployed@2002-01..2004-12",
    "markets.segment_0.jobs.separations@2002-01..2004-12 / markets.segment_0.jobs.employed@2002-01..2004-12",
    "markets.segment_9.jobs_b.separations@2002-01..2004-12 / markets.segment_9.jobs_b.employed@2002-01..2004-12",
];

/// Validation rows (placeholders: the benchmark reads the estimates, not the verdicts).
const VALIDATION: [&str; 5] = [
    "peak_unemployment_rate",
    "unemployment_rate.mean",
    "employment_change",
    "flows.ee_rate",
    "long_term_unemployed_at_end",
];

fn wandel() -> &'static str {
    env!("CARGO_BIN_EXE_wandel")
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

/// Writes the small DMP economy, with its two changed segments, into `dir`.
fn small_dmp(dir: &Path) {
    let text = std::fs::read_to_string(root().join("scenarios/validation/dmp.toml")).unwrap();
    let mut segment = String::new();
    let mut lines = Vec::new();
    for l in text.lines() {
        if let Some(name) = l.strip_prefix("name = \"firms_") {
            segment = name.split('"').next().unwrap_or_default().to_string();
        }
        let l = if l.starts_with("months = 240") {
            "months = 60".to_string()
        } else if l == "name = \"all\"" {
            // The sector; "all" names a region's own rows in markets.csv.
            "name = \"jobs\"".to_string()
        } else if l == "sector = \"all\"" && segment == "9" {
            "sector = \"jobs_b\"".to_string()
        } else if l == "sector = \"all\"" {
            "sector = \"jobs\"".to_string()
        } else {
            l.to_string()
        };
        lines.push(l);
        if lines
            .last()
            .is_some_and(|l| l.starts_with("separation_rate = 0.02"))
        {
            lines.push(String::new());
            lines.push("[[sectors]]".to_string());
            lines.push("name = \"jobs_b\"".to_string());
            lines.push("separation_rate = 0.06".to_string());
        }
    }
    std::fs::write(dir.join("dmp_small.toml"), lines.join("\n") + "\n").unwrap();
}

/// A calibration file over the small economy: `settings`, the parameters started at `start`,
/// the targets `(value, sd)`.
fn calibration(
    dir: &Path,
    name: &str,
    settings: &str,
    start: &[f64],
    targets: &[(f64, f64)],
) -> PathBuf {
    let mut text = format!(
        "[calibration]\n{settings}\n\n[[scenarios]]\nname = \"dmp\"\nfile = \"dmp_small.toml\"\n"
    );
    for ((path, min, max, _), s) in PARAMETERS.iter().zip(start) {
        text.push_str(&format!(
            "\n[[parameters]]\npath = \"{path}\"\nmin = {min:?}\nmax = {max:?}\nstart = {s:?}\n"
        ));
    }
    for (k, (measure, (value, sd))) in TARGETS.iter().zip(targets).enumerate() {
        text.push_str(&format!(
            "\n[[moments]]\nname = \"m{k}\"\nscenario = \"dmp\"\nmeasure = \"{measure}\"\nvalue = {value:?}\nsd = {sd:?}\nrow = \"bench\"\n"
        ));
    }
    for (k, measure) in VALIDATION.iter().enumerate() {
        text.push_str(&format!(
            "\n[[validate]]\nname = \"v{k}\"\nscenario = \"dmp\"\nmeasure = \"{measure}\"\nvalue = 0.0\nsd = 1.0\nrow = \"none\"\n"
        ));
    }
    let path = dir.join(format!("{name}.toml"));
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `wandel calibrate` and returns its `estimates.json`.
fn calibrate(file: &Path, out: &Path) -> serde_json::Value {
    let o = Command::new(wandel())
        .args([
            "calibrate",
            &file.display().to_string(),
            "--out",
            &out.display().to_string(),
        ])
        .args(["--quiet", "--no-charts", "--overwrite"])
        .current_dir(root())
        .output()
        .expect("wandel runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_str(&std::fs::read_to_string(out.join("estimates.json")).unwrap()).unwrap()
}

/// Target `k`'s mean at the first point of a finished calibration.
fn moment_at_start(out: &Path, k: usize) -> f64 {
    let text = std::fs::read_to_string(out.join("evaluations.csv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    let j = header.iter().position(|h| *h == format!("m{k}")).unwrap();
    row[j].parse().unwrap()
}

fn sd(xs: &[f64]) -> f64 {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt()
}

fn main() {
    // `cargo bench` passes `--bench`; a filter that does not name this benchmark skips it.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if !filter.is_empty()
        && !filter
            .iter()
            .any(|f| "calibration_recovery".contains(f.as_str()))
    {
        return;
    }
    let repetitions: u64 = std::env::var("WANDEL_RECOVERY_REPETITIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let dir = std::env::temp_dir().join(format!("wandel-bench-recovery-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    small_dmp(&dir);
    let began = Instant::now();
    let truth: Vec<f64> = PARAMETERS.iter().map(|p| p.3).collect();
    let placeholder = vec![(0.0, 1.0); TARGETS.len()];
    // Seeds fixed before the first run: data seed of target k in repetition i, and the
    // estimation seed of repetition i, never equal.
    let data_seed = |i: u64, k: usize| 10_001 + 1_000 * k as u64 + i;
    let estimation_seed = |i: u64| 20_001 + i;
    let data: Vec<Vec<f64>> = (0..repetitions)
        .map(|i| {
            (0..TARGETS.len())
                .map(|k| {
                    let seed = data_seed(i, k);
                    let settings = format!(
                        "seed = {seed}\nreplications = 4\nglobal_points = 1\nlocal_iterations = 0\nprofile_points = 0"
                    );
                    let file = calibration(&dir, &format!("data-{seed}"), &settings, &truth, &placeholder);
                    let out = dir.join(format!("data-{seed}"));
                    calibrate(&file, &out);
                    moment_at_start(&out, k)
                })
                .collect()
        })
        .collect();
    let spread: Vec<f64> = (0..TARGETS.len())
        .map(|k| sd(&data.iter().map(|d| d[k]).collect::<Vec<_>>()))
        .collect();
    println!("data: {repetitions} draws per target at the truth; sampling sd {spread:?}");
    // Estimation starts from the middle of each box, away from the truth.
    let start: Vec<f64> = PARAMETERS.iter().map(|p| (p.1 + p.2) / 2.0).collect();
    let mut estimates = vec![Vec::new(); PARAMETERS.len()];
    let mut errors = vec![Vec::new(); PARAMETERS.len()];
    let mut covered = vec![0; PARAMETERS.len()];
    let mut evaluations = 0;
    for i in 0..repetitions {
        let seed = estimation_seed(i);
        let targets: Vec<(f64, f64)> = (0..TARGETS.len())
            .map(|k| (data[i as usize][k], spread[k]))
            .collect();
        let settings = format!(
            "seed = {seed}\nreplications = 8\nglobal_points = 16\nlocal_iterations = 150\nprofile_points = 0"
        );
        let file = calibration(
            &dir,
            &format!("estimate-{seed}"),
            &settings,
            &start,
            &targets,
        );
        let out = dir.join(format!("estimate-{seed}"));
        let e = calibrate(&file, &out);
        evaluations += e["evaluations"].as_u64().unwrap_or(0);
        let warnings = e["warnings"].as_array().map_or(0, Vec::len);
        println!(
            "repetition {i}: objective {:.3}, estimates {:?}, {warnings} warnings{}",
            e["objective"].as_f64().unwrap_or(f64::NAN),
            (0..PARAMETERS.len())
                .map(|j| e["parameters"][j]["estimate"].as_f64().unwrap_or(f64::NAN))
                .collect::<Vec<_>>(),
            if warnings > 0 {
                format!(": {}", e["warnings"])
            } else {
                String::new()
            }
        );
        for (j, (path, ..)) in PARAMETERS.iter().enumerate() {
            let p = &e["parameters"][j];
            estimates[j].push(p["estimate"].as_f64().unwrap());
            if let (Some(se), Some(interval)) =
                (p["standard_error"].as_f64(), p["interval"].as_array())
            {
                errors[j].push(se);
                let (lo, hi) = (interval[0].as_f64().unwrap(), interval[1].as_f64().unwrap());
                if lo <= truth[j] && truth[j] <= hi {
                    covered[j] += 1;
                }
            } else {
                println!(
                    "repetition {i}: `{path}` has no interval (at a bound or not identified): {}",
                    e["warnings"]
                );
            }
        }
    }
    println!(
        "{repetitions} repetitions, {evaluations} evaluations in all, {:.0} s",
        began.elapsed().as_secs_f64()
    );
    println!(
        "| parameter | truth | mean estimate | spread of estimates | mean standard error | ratio | intervals covering |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (j, (path, .., t)) in PARAMETERS.iter().enumerate() {
        let mean = estimates[j].iter().sum::<f64>() / estimates[j].len() as f64;
        let spread = sd(&estimates[j]);
        let mean_se = errors[j].iter().sum::<f64>() / errors[j].len().max(1) as f64;
        println!(
            "| `{path}` | {t} | {mean:.4} | {spread:.4} | {mean_se:.4} | {:.2} | {} of {repetitions} |",
            mean_se / spread,
            covered[j]
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
