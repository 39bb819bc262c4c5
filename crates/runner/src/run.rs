//! `wandel run`: load and validate, run the replications in parallel, write results atomically,
//! draw charts.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};
use wandel_engine::{RunOutput, Simulation};
use wandel_scenario::Scenario;

use crate::atomic::write_atomic;
use crate::cli::RunArgs;
use crate::output;
use crate::summary::{self, Indicator};

/// `manifest.json`: everything needed to reproduce the run.
#[derive(Serialize)]
struct Manifest<'a> {
    wandel_version: &'a str,
    scenario_name: &'a str,
    scenario_file: String,
    scenario_files: Vec<String>,
    overrides: &'a [String],
    scenario_sha256: String,
    seed: u64,
    replications: u32,
    threads: usize,
    rng: &'a str,
    wall_seconds: f64,
    started_unix: u64,
    resolved_scenario: &'a str,
}

/// `summary.json`: headline indicators.
#[derive(Serialize)]
struct Summary<'a> {
    scenario: &'a str,
    description: &'a str,
    replications: u32,
    months: u32,
    start: String,
    end: String,
    indicators: Vec<Indicator>,
}

/// Runs every replication of `scenario` on `threads` threads; the output does not depend on it.
pub(crate) fn run_replications(
    scenario: &Scenario,
    threads: usize,
    progress: &ProgressBar,
) -> Result<Vec<RunOutput>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;
    let params = &scenario.params;
    let started = Instant::now();
    let shown = AtomicBool::new(false);
    let mut runs: Vec<RunOutput> = pool.install(|| {
        (0..scenario.replications)
            .into_par_iter()
            .map(|rep| {
                let mut policy = wandel_policy::none();
                Simulation::new(params, rep).run(&mut policy, &mut |_, _| {
                    progress.inc(1);
                    if !shown.load(Ordering::Relaxed) && started.elapsed() > Duration::from_secs(1)
                    {
                        shown.store(true, Ordering::Relaxed);
                        progress.set_draw_target(ProgressDrawTarget::stderr());
                    }
                })
            })
            .collect()
    });
    runs.sort_by_key(|r| r.replication);
    Ok(runs)
}

/// `wandel run`.
pub(crate) fn run(args: &RunArgs) -> Result<PathBuf> {
    let scenario = crate::load_or_report(&args.scenario, &args.set)?;
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let out_dir = args
        .out
        .clone()
        .unwrap_or_else(|| Path::new("out").join(&scenario.name));
    std::fs::create_dir_all(&out_dir)
        .with_context(|| format!("cannot create output directory {}", out_dir.display()))?;

    let total = u64::from(scenario.params.months) * u64::from(scenario.replications);
    let progress = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
    if !args.quiet {
        progress.set_style(
            ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} months ({eta} left)")
                .expect("valid template")
                .progress_chars("=> "),
        );
        progress.set_message(format!("{} ×{}", scenario.name, scenario.replications));
    }
    let started = Instant::now();
    let started_unix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let quiet_bar = ProgressBar::hidden();
    let runs = run_replications(
        &scenario,
        threads,
        if args.quiet { &quiet_bar } else { &progress },
    )?;
    progress.finish_and_clear();
    let wall = started.elapsed().as_secs_f64();

    let params = &scenario.params;
    output::write_economy(&out_dir.join("economy.csv"), &runs)?;
    output::write_markets(&out_dir.join("markets.csv"), params, &runs)?;
    output::write_cohorts(&out_dir.join("cohorts.csv"), &runs)?;
    output::write_events(&out_dir.join("events.csv"), params)?;
    let summary = Summary {
        scenario: &scenario.name,
        description: &scenario.description,
        replications: scenario.replications,
        months: params.months,
        start: params.start.to_string(),
        end: params.start.plus(params.months as i32 - 1).to_string(),
        indicators: summary::indicators(&runs),
    };
    write_json(&out_dir.join("summary.json"), &summary)?;
    let manifest = Manifest {
        wandel_version: env!("CARGO_PKG_VERSION"),
        scenario_name: &scenario.name,
        scenario_file: args.scenario.display().to_string(),
        scenario_files: scenario
            .files
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        overrides: &args.set,
        scenario_sha256: hex(&Sha256::digest(scenario.resolved.as_bytes())),
        seed: params.seed,
        replications: scenario.replications,
        threads,
        rng: "Xoshiro256++ (rand 0.10), one stream per (seed, replication, month, phase, entity)",
        wall_seconds: wall,
        started_unix,
        resolved_scenario: &scenario.resolved,
    };
    write_json(&out_dir.join("manifest.json"), &manifest)?;
    if !args.no_charts {
        crate::draw_charts(&out_dir)?;
    }
    if !args.quiet {
        for ind in &summary.indicators {
            eprintln!(
                "  {:<44} {:>10.2} {:<7} (5–95 %: {:.2} – {:.2})",
                ind.name, ind.mean, ind.unit, ind.p05, ind.p95
            );
        }
        eprintln!(
            "{} replication{} of {} months in {wall:.2} s on {threads} thread{}",
            scenario.replications,
            if scenario.replications == 1 { "" } else { "s" },
            params.months,
            if threads == 1 { "" } else { "s" }
        );
    }
    Ok(out_dir)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<()> {
    write_atomic(path, |w| {
        serde_json::to_writer_pretty(&mut *w, value)?;
        w.write_all(b"\n")?;
        Ok(())
    })
}
