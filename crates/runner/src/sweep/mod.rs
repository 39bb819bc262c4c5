//! `wandel sweep FILE`: many runs of one base scenario, at points chosen by a design
//! (`design.rs`), each point run in every arm of the sweep file (`file.rs`) and every
//! replication, in parallel; results in `runs.csv`, `aggregate.csv` (`aggregate.rs`) and
//! `manifest.json` (`docs/sweeps.md`).
//!
//! Replication `k` of a point runs with the same model seed in every arm (common random
//! numbers), so an arm's difference from the first arm is its effect, not noise. Each run is
//! one replication of the base scenario with its overrides and that seed, so
//! `wandel run BASE --set ... --set simulation.seed=SEED --set simulation.replications=1`
//! reproduces it. A run that fails is recorded with its error and the sweep goes on.

pub(crate) mod aggregate;
pub(crate) mod design;
pub(crate) mod file;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde::Serialize;
use wandel_engine::Simulation;
use wandel_policy::PolicyRun;

use crate::atomic::write_atomic;

/// Every indicator a sweep can keep: the headline indicators of `summary.json` and the two
/// policy measures.
pub(crate) const INDICATORS: &[&str] = &[
    "unemployment_rate.mean",
    "peak_unemployment_rate",
    "unemployment_rate_last_12_months",
    "employment_change",
    "flows.ue_rate",
    "flows.eu_rate",
    "flows.ee_rate",
    "displaced_workers",
    "displaced.reemployed_12m",
    "displaced.reemployed_24m",
    "displaced.reemployed_24m_age_25_54",
    "displaced.reemployed_24m_age_55_64",
    "displaced.earnings_vs_controls_12m",
    "displaced.earnings_vs_controls_60m",
    "displaced.occupation_change_24m",
    "displaced.moved_residence_24m",
    "earnings_ratio_reemployed_after_24_months",
    "long_term_unemployed_at_end",
    "job_years",
    "net_fiscal_cost",
];

/// Options of `wandel sweep`.
#[derive(clap::Args, Debug)]
pub(crate) struct SweepArgs {
    /// The sweep file.
    pub(crate) file: PathBuf,
    /// Output directory (default: out/sweeps/<sweep file name>/).
    #[arg(long, value_name = "DIR")]
    pub(crate) out: Option<PathBuf>,
    /// Worker threads (default: all cores). Results do not depend on it.
    #[arg(long, value_name = "N")]
    pub(crate) threads: Option<usize>,
    /// Replace the results of another run or sweep in the output directory.
    #[arg(long)]
    pub(crate) overwrite: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub(crate) quiet: bool,
}

/// One run of the sweep.
#[derive(Clone, Debug)]
pub(crate) struct Job {
    pub(crate) point: usize,
    pub(crate) arm: usize,
    pub(crate) replication: u32,
    pub(crate) seed: u64,
}

/// What a run gave: the kept indicators, or the error.
#[derive(Clone, Debug)]
pub(crate) struct Outcome {
    pub(crate) job: Job,
    pub(crate) values: Result<Vec<f64>, String>,
}

/// The files a sweep owns in its directory (removed by `--overwrite` before it starts).
const OWNED: &[&str] = &["runs.csv", "aggregate.csv", "manifest.json"];

fn check_directory(dir: &Path, overwrite: bool) -> Result<()> {
    let taken: Vec<String> = ["manifest.json", "runs.csv", "summary.json", "economy.csv"]
        .iter()
        .filter(|f| dir.join(f).exists())
        .map(|f| f.to_string())
        .collect();
    if taken.is_empty() {
        return Ok(());
    }
    if !overwrite {
        bail!(
            "{} already holds results ({}); choose another --out, or give --overwrite to replace them",
            dir.display(),
            taken.join(", ")
        );
    }
    for f in OWNED {
        let p = dir.join(f);
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("cannot remove {}", p.display()))?;
        }
    }
    Ok(())
}

/// The overrides of a job: the point's parameters, the arm's own, then the seed.
fn overrides(sweep: &file::SweepFile, point: &[String], job: &Job) -> Vec<String> {
    let mut set: Vec<String> = sweep
        .parameters
        .iter()
        .zip(point)
        .map(|(p, v)| format!("{}={v}", p.path))
        .collect();
    set.extend(sweep.arms[job.arm].set.iter().cloned());
    set.push(format!("simulation.seed={}", job.seed));
    set.push("simulation.replications=1".to_string());
    set
}

/// Runs one job: the kept indicators in the sweep's order.
fn run_job(sweep: &file::SweepFile, point: &[String], job: &Job) -> Result<Vec<f64>, String> {
    let set = overrides(sweep, point, job);
    let scenario = wandel_scenario::load(&sweep.base, &set).map_err(|d| {
        d.0.iter()
            .map(|p| format!("{}: {}", p.key, p.message))
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let specs = if sweep.arms[job.arm].no_policies {
        Vec::new()
    } else {
        scenario.policies.clone()
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let mut policies = PolicyRun::new(&specs, &scenario.fiscal);
        let output = Simulation::new(&scenario.params, 0).run(&mut policies, &mut |_, _| {});
        (output, policies)
    }));
    let (output, policies) = outcome.map_err(|e| {
        let what = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "unknown panic".to_string());
        format!("the run stopped: {what}")
    })?;
    let headline = crate::summary::indicators(std::slice::from_ref(&output));
    Ok(sweep
        .keep
        .iter()
        .map(|k| match k.as_str() {
            "job_years" => {
                output
                    .months
                    .iter()
                    .map(|m| (m.employed + m.short_time) as f64)
                    .sum::<f64>()
                    / 12.0
            }
            "net_fiscal_cost" => policies.net_cost().iter().sum::<f64>() / 1e6,
            name => headline
                .iter()
                .find(|i| i.name == name)
                .map_or(f64::NAN, |i| i.mean),
        })
        .collect())
}

/// `manifest.json` of a sweep.
#[derive(Serialize)]
struct Manifest<'a> {
    kind: &'static str,
    wandel_version: &'static str,
    sweep_file: String,
    sweep_text: &'a str,
    base_scenario: String,
    resolved_base: String,
    seed: u64,
    sampling_seed: u64,
    seed_rule: &'static str,
    replications: u32,
    design: &'static str,
    points: usize,
    arms: Vec<&'a str>,
    runs: usize,
    failed: usize,
    threads: usize,
    started_unix: u64,
    wall_seconds: f64,
    complete: bool,
}

/// Runs the sweep; the exit code is 1 when some runs failed.
pub(crate) fn sweep(args: &SweepArgs) -> Result<ExitCode> {
    let sweep = match file::read(&args.file, INDICATORS) {
        Ok(s) => s,
        Err(d) => {
            eprintln!("{d}");
            return Err(anyhow::Error::new(crate::Reported));
        }
    };
    let dir = args.out.clone().unwrap_or_else(|| {
        let stem = args
            .file
            .file_stem()
            .map_or("sweep".to_string(), |s| s.to_string_lossy().into_owned());
        PathBuf::from("out").join("sweeps").join(stem)
    });
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    check_directory(&dir, args.overwrite)?;
    let threads = args.threads.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let points = design::points(&sweep);
    let mut jobs = Vec::new();
    for p in 0..points.len() {
        for k in 0..sweep.replications {
            let seed = design::run_seed(sweep.seed, p, k);
            for a in 0..sweep.arms.len() {
                jobs.push(Job {
                    point: p,
                    arm: a,
                    replication: k,
                    seed,
                });
            }
        }
    }
    if !args.quiet {
        eprintln!(
            "sweep {}: {} points × {} arms × {} replications = {} runs on {threads} threads",
            args.file.display(),
            points.len(),
            sweep.arms.len(),
            sweep.replications,
            jobs.len()
        );
    }
    let started = Instant::now();
    let started_unix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let pool = crate::arms::pool(threads)?;
    let mut outcomes: Vec<Outcome> = pool.install(|| {
        jobs.par_iter()
            .with_max_len(1)
            .map(|job| Outcome {
                job: job.clone(),
                values: run_job(&sweep, &points[job.point], job),
            })
            .collect()
    });
    outcomes.sort_by_key(|o| (o.job.point, o.job.arm, o.job.replication));
    let failed = outcomes.iter().filter(|o| o.values.is_err()).count();
    aggregate::write_runs(&dir.join("runs.csv"), &sweep, &points, &outcomes)?;
    aggregate::write_aggregate(&dir.join("aggregate.csv"), &sweep, &points, &outcomes)?;
    let resolved_base = wandel_scenario::load(&sweep.base, &[])
        .map(|s| s.resolved)
        .unwrap_or_default();
    let manifest = Manifest {
        kind: "sweep",
        wandel_version: env!("CARGO_PKG_VERSION"),
        sweep_file: sweep.path.display().to_string(),
        sweep_text: &sweep.text,
        base_scenario: sweep.base.display().to_string(),
        resolved_base,
        seed: sweep.seed,
        sampling_seed: sweep.sampling_seed,
        seed_rule: "mix64(mix64(mix64(seed) ^ point) ^ replication), mix64 = SplitMix64's finaliser",
        replications: sweep.replications,
        design: match sweep.design {
            file::Design::Grid => "grid",
            file::Design::LatinHypercube => "latin_hypercube",
        },
        points: points.len(),
        arms: sweep.arms.iter().map(|a| a.name.as_str()).collect(),
        runs: outcomes.len(),
        failed,
        threads,
        started_unix,
        wall_seconds: started.elapsed().as_secs_f64(),
        complete: true,
    };
    write_atomic(&dir.join("manifest.json"), |w| {
        serde_json::to_writer_pretty(&mut *w, &manifest)?;
        w.write_all(b"\n")?;
        Ok(())
    })?;
    if !args.quiet {
        eprintln!(
            "{} runs in {:.1} s ({failed} failed); results in {}",
            outcomes.len(),
            started.elapsed().as_secs_f64(),
            dir.display()
        );
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
