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
pub(crate) mod finish;
pub(crate) mod journal;
pub(crate) mod merge;
pub(crate) mod progress;
pub(crate) mod sensitivity;

use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
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
    "job_years_heads",
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
    /// Worker threads, 1 to 1024 (default: all cores). Results do not depend on it.
    #[arg(long, value_name = "N", value_parser = crate::threads::threads)]
    pub(crate) threads: Option<usize>,
    /// Replace the results of another run or sweep in the output directory.
    #[arg(long, conflicts_with = "resume")]
    pub(crate) overwrite: bool,
    /// Continue an interrupted sweep in its output directory: the runs already in its
    /// runs.csv are kept, the others are run (the sweep file must be unchanged).
    #[arg(long)]
    pub(crate) resume: bool,
    /// Run only shard I of N (I from 0 to N − 1; e.g. `$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT`
    /// with `--array=0-(N−1)`), a fixed partition of the runs; `wandel merge` combines the
    /// shards' directories. Default output: out/sweeps/<name>/shard-I-of-N.
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub(crate) shard: Option<Shard>,
    /// Check the sweep file and print the plan (points, arms, runs) without running or
    /// writing anything.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Print nothing but errors (no progress).
    #[arg(long, short)]
    pub(crate) quiet: bool,
    /// Also write the results as an Excel workbook, results.xlsx (as `wandel export --xlsx`;
    /// not for a shard: export the merged sweep).
    #[arg(long, conflicts_with_all = ["shard", "dry_run"])]
    pub(crate) xlsx: bool,
    /// The language of the charts and the report: `en` (default) or `de` (German, numbers
    /// as 1.234,5; `wandel plot DIR --lang de` redraws a finished sweep's).
    #[arg(long, value_enum, default_value = "en")]
    pub(crate) lang: crate::cli::Language,
}

/// One of `count` fixed partitions of a sweep's runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Shard {
    pub(crate) index: usize,
    pub(crate) count: usize,
}

impl Shard {
    /// Whether the runs of `point` and replication `k` are in this shard: (point, replication)
    /// pairs are dealt round-robin, so every arm of a pair is in the same shard.
    pub(crate) fn holds(&self, point: usize, k: u32, replications: u32) -> bool {
        (point * replications as usize + k as usize) % self.count == self.index
    }
}

fn parse_shard(text: &str) -> Result<Shard, String> {
    let bad =
        || format!("expected I/N with 0 ≤ I < N (shards are numbered from 0), found `{text}`");
    let (i, n) = text.split_once('/').ok_or_else(bad)?;
    let (index, count): (usize, usize) = (
        i.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    );
    if count == 0 || index >= count {
        return Err(bad());
    }
    Ok(Shard { index, count })
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

/// Each indicator's label and unit, from the first run that finishes.
static LABELS: std::sync::OnceLock<std::collections::BTreeMap<String, String>> =
    std::sync::OnceLock::new();

/// A finished run: its outcome and, when the sweep keeps them, its monthly rows of
/// `series.csv`.
struct Finished {
    outcome: Outcome,
    series: Option<Vec<u8>>,
}

/// Runs one job: the kept indicators in the sweep's order (and the monthly series).
fn run_job(sweep: &file::SweepFile, point: &[String], job: &Job) -> Finished {
    let mut series = None;
    let values = run_inner(sweep, point, job, &mut series);
    Finished {
        outcome: Outcome {
            job: job.clone(),
            values,
        },
        series: series.filter(|_| sweep.series),
    }
}

fn run_inner(
    sweep: &file::SweepFile,
    point: &[String],
    job: &Job,
    series: &mut Option<Vec<u8>>,
) -> Result<Vec<f64>, String> {
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
    if sweep.series {
        let arm = &sweep.arms[job.arm].name;
        let rows = output.months.iter().map(|m| {
            let mut row = vec![job.point.to_string(), arm.clone()];
            row.extend(crate::output::economy_row(m, job.replication));
            row
        });
        *series = Some(journal::csv_lines(rows).map_err(|e| e.to_string())?);
    }
    let headline = crate::summary::indicators(std::slice::from_ref(&output), false);
    LABELS.get_or_init(|| {
        let mut labels: std::collections::BTreeMap<String, String> = headline
            .iter()
            .map(|i| (i.name.to_string(), format!("{}, {}", i.label, i.unit)))
            .collect();
        labels.insert(
            "job_years".to_string(),
            "Job-years, full-time equivalents".to_string(),
        );
        labels.insert(
            "job_years_heads".to_string(),
            "Job-years, heads (trainees on a payroll included)".to_string(),
        );
        labels.insert(
            "net_fiscal_cost".to_string(),
            "Net fiscal cost, € million".to_string(),
        );
        labels
    });
    Ok(indicator_values(&output, &policies, &headline, &sweep.keep))
}

/// The values of indicators `keep` (names of [`INDICATORS`]) of one run: `headline` are the
/// run's headline indicators (`summary::indicators`); NaN where one is not defined.
pub(crate) fn indicator_values(
    output: &wandel_engine::RunOutput,
    policies: &PolicyRun,
    headline: &[crate::summary::Indicator],
    keep: &[String],
) -> Vec<f64> {
    keep.iter()
        .map(|k| match k.as_str() {
            "job_years" => wandel_engine::measures::job_years(&output.months),
            "job_years_heads" => wandel_engine::measures::job_years_heads(&output.months),
            "net_fiscal_cost" => policies.net_cost().iter().sum::<f64>() / 1e6,
            name => headline
                .iter()
                .find(|i| i.name == name)
                .map_or(f64::NAN, |i| i.value()),
        })
        .collect()
}

/// The swept parameters' labels (`label` in the sweep file), by path.
fn parameter_labels(sweep: &file::SweepFile) -> std::collections::BTreeMap<String, String> {
    sweep
        .parameters
        .iter()
        .filter_map(|p| Some((p.path.clone(), p.label.clone()?)))
        .collect()
}

/// `manifest.json` of a sweep, a shard or a merge; written when the sweep starts (`complete`
/// false) and again when it stops.
#[derive(Serialize, Deserialize, Clone, Debug)]
pub(crate) struct Manifest {
    pub(crate) kind: String,
    pub(crate) wandel_version: String,
    pub(crate) sweep_file: String,
    pub(crate) sweep_text: String,
    pub(crate) base_scenario: String,
    pub(crate) resolved_base: String,
    pub(crate) seed: u64,
    pub(crate) sampling_seed: u64,
    pub(crate) seed_rule: String,
    pub(crate) replications: u32,
    pub(crate) design: String,
    pub(crate) points: usize,
    pub(crate) arms: Vec<String>,
    /// The swept parameters' paths and the kept indicators: the columns of runs.csv.
    pub(crate) parameters: Vec<String>,
    pub(crate) keep: Vec<String>,
    /// Each kept indicator's label and unit, for charts and the report.
    #[serde(default)]
    pub(crate) labels: std::collections::BTreeMap<String, String>,
    /// This directory's share of the runs, when it is one shard.
    pub(crate) shard: Option<Shard>,
    /// Runs in this directory when complete (a shard's share, or all).
    pub(crate) runs: usize,
    pub(crate) runs_done: usize,
    pub(crate) failed: usize,
    pub(crate) threads: usize,
    pub(crate) started_unix: u64,
    pub(crate) wall_seconds: f64,
    /// The shard directories a merge combined.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) merged_from: Vec<String>,
    pub(crate) complete: bool,
}

impl Manifest {
    /// Reads `dir/manifest.json`.
    pub(crate) fn read(dir: &Path) -> Result<Manifest> {
        let path = dir.join("manifest.json");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let m: Manifest = serde_json::from_str(&text)
            .with_context(|| format!("{} is not the manifest of a sweep", path.display()))?;
        if m.kind != "sweep" {
            bail!("{} is not the manifest of a sweep", path.display());
        }
        Ok(m)
    }

    /// Writes `dir/manifest.json` atomically.
    pub(crate) fn write(&self, dir: &Path) -> Result<()> {
        write_atomic(&dir.join("manifest.json"), |w| {
            serde_json::to_writer_pretty(&mut *w, self)?;
            w.write_all(b"\n")?;
            Ok(())
        })
    }
}

/// Every run of the sweep in order: by point, replication, then arm.
pub(crate) fn all_jobs(sweep: &file::SweepFile, points: usize) -> Vec<Job> {
    let mut jobs = Vec::new();
    for p in 0..points {
        for k in 0..sweep.replications {
            let seed = design::seed_of(sweep, p, k);
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
    jobs
}

/// The resolved text of the base scenario (empty when it does not load as is).
fn resolved_base(sweep: &file::SweepFile) -> String {
    wandel_scenario::load(&sweep.base, &[])
        .map(|s| s.resolved)
        .unwrap_or_default()
}

/// Runs the sweep; the exit code is 1 when some runs failed, 130 when interrupted.
pub(crate) fn sweep(args: &SweepArgs) -> Result<ExitCode> {
    let sweep = match file::read(&args.file, INDICATORS) {
        Ok(s) => s,
        Err(d) => return Err(anyhow::Error::new(crate::Reported(d.to_string()))),
    };
    let dir = args.out.clone().unwrap_or_else(|| {
        let stem = args
            .file
            .file_stem()
            .map_or("sweep".to_string(), |s| s.to_string_lossy().into_owned());
        let dir = PathBuf::from("out").join("sweeps").join(stem);
        match args.shard {
            Some(s) => dir.join(format!("shard-{}-of-{}", s.index, s.count)),
            None => dir,
        }
    });
    let threads = args
        .threads
        .unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        })
        .clamp(1, crate::threads::MAX_THREADS);
    // Count the plan before making it: a sweep of too many runs is refused at once.
    let n_points = design::count(&sweep);
    let runs = n_points
        .saturating_mul(sweep.arms.len() as u128)
        .saturating_mul(u128::from(sweep.replications));
    if runs > design::MAX_RUNS {
        anyhow::bail!(
            "{} plans {runs} runs ({n_points} points × {} arms × {} replications); a sweep may have at most {} runs: split it into several sweep files (fewer levels per parameter, or one file per value of a parameter), each below the bound",
            args.file.display(),
            sweep.arms.len(),
            sweep.replications,
            design::MAX_RUNS
        );
    }
    if args.dry_run {
        let in_shard = |s: Shard| {
            // (point, replication) pairs are dealt round-robin to the shards.
            let pairs = n_points * u128::from(sweep.replications);
            let mine = (pairs + (s.count - 1 - s.index) as u128) / s.count as u128;
            mine * sweep.arms.len() as u128
        };
        println!(
            "ok: {} ({} design): {} points × {} arms × {} replications = {} runs{}; nothing run",
            args.file.display(),
            sweep.design.name(),
            n_points,
            sweep.arms.len(),
            sweep.replications,
            runs,
            args.shard
                .map(|s| format!(" (shard {}/{}: {})", s.index, s.count, in_shard(s)))
                .unwrap_or_default()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let points = design::points(&sweep);
    let mine: Vec<Job> = all_jobs(&sweep, points.len())
        .into_iter()
        .filter(|j| {
            args.shard
                .is_none_or(|s| s.holds(j.point, j.replication, sweep.replications))
        })
        .collect();
    let resolved = resolved_base(&sweep);
    let started_unix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut manifest = Manifest {
        kind: "sweep".to_string(),
        wandel_version: env!("CARGO_PKG_VERSION").to_string(),
        sweep_file: sweep.path.display().to_string(),
        sweep_text: sweep.text.clone(),
        base_scenario: sweep.base.display().to_string(),
        resolved_base: resolved,
        seed: sweep.seed,
        sampling_seed: sweep.sampling_seed,
        seed_rule: format!(
            "mix64(mix64(mix64(seed) ^ group) ^ replication) >> 1, mix64 = SplitMix64's finaliser; group = {}",
            if sweep.shared_seeds {
                "0 for every point (seeds = \"shared\": common random numbers across the grid)"
            } else if sweep.design == file::Design::Saltelli {
                "point / (parameters + 2), the base row: its points share seeds"
            } else {
                "point"
            }
        ),
        replications: sweep.replications,
        design: sweep.design.name().to_string(),
        points: points.len(),
        arms: sweep.arms.iter().map(|a| a.name.clone()).collect(),
        parameters: sweep.parameters.iter().map(|p| p.path.clone()).collect(),
        keep: sweep.keep.clone(),
        labels: parameter_labels(&sweep),
        shard: args.shard,
        runs: mine.len(),
        runs_done: 0,
        failed: 0,
        threads,
        started_unix,
        wall_seconds: 0.0,
        merged_from: Vec::new(),
        complete: false,
    };

    // The directory: a fresh one, or the sweep to resume.
    let (journal, done) = if args.resume {
        let before = Manifest::read(&dir).with_context(|| {
            format!(
                "--resume needs the output directory of an interrupted sweep; {} has none",
                dir.display()
            )
        })?;
        if before.sweep_text != manifest.sweep_text
            || before.resolved_base != manifest.resolved_base
            || before.shard != manifest.shard
        {
            bail!(
                "{} holds a sweep of a different sweep file, base scenario or shard; \
                 resume with the same ones, or start afresh with --overwrite",
                dir.display()
            );
        }
        manifest.started_unix = before.started_unix;
        manifest.wall_seconds = before.wall_seconds;
        journal::Journal::resume(&dir, &sweep, points.len())?
    } else {
        crate::outdir::prepare(&dir, args.overwrite)?;
        (journal::Journal::create(&dir, &sweep)?, Vec::new())
    };
    let done_keys: HashSet<journal::Key> = done
        .iter()
        .map(|o| (o.job.point, o.job.arm, o.job.replication))
        .collect();
    let todo: Vec<&Job> = mine
        .iter()
        .filter(|j| !done_keys.contains(&(j.point, j.arm, j.replication)))
        .collect();
    if done.len() + todo.len() != mine.len() {
        bail!(
            "{} holds runs that are not this sweep's (or this shard's)",
            dir.join("runs.csv").display()
        );
    }
    manifest.runs_done = done.len();
    manifest.failed = done.iter().filter(|o| o.values.is_err()).count();
    manifest.write(&dir)?;
    if !args.quiet {
        eprintln!(
            "sweep {}: {} points × {} arms × {} replications = {} runs{}{} on {threads} threads",
            args.file.display(),
            points.len(),
            sweep.arms.len(),
            sweep.replications,
            points.len() * sweep.arms.len() * sweep.replications as usize,
            args.shard
                .map(|s| format!(", shard {}/{} has {}", s.index, s.count, mine.len()))
                .unwrap_or_default(),
            if done.is_empty() {
                String::new()
            } else {
                format!(", {} done before, {} to run", done.len(), todo.len())
            }
        );
    }

    let started = Instant::now();
    let stop = crate::interrupt::watch();
    let progress = progress::Progress::new(mine.len() as u64, done.len() as u64, args.quiet);
    let finished = AtomicUsize::new(0);
    let failed = AtomicUsize::new(0);
    let pool = crate::arms::pool(threads)?;
    let ran: Result<()> = pool.install(|| {
        todo.par_iter().with_max_len(1).try_for_each(|job| {
            if stop.load(Ordering::SeqCst) {
                return Ok(());
            }
            let f = run_job(&sweep, &points[job.point], job);
            if f.outcome.values.is_err() {
                failed.fetch_add(1, Ordering::Relaxed);
            }
            journal.append(&sweep, &points, &f.outcome, f.series)?;
            finished.fetch_add(1, Ordering::Relaxed);
            progress.tick();
            Ok(())
        })
    });
    progress.finish();
    journal.sync()?;
    ran?;
    manifest.runs_done = done.len() + finished.load(Ordering::SeqCst);
    manifest.failed += failed.load(Ordering::SeqCst);
    manifest.wall_seconds += started.elapsed().as_secs_f64();
    if manifest.runs_done < manifest.runs {
        manifest.write(&dir)?;
        eprintln!(
            "stopped: {} of {} runs done and saved in {}; continue with: wandel sweep {} --resume --out {}",
            manifest.runs_done,
            manifest.runs,
            dir.display(),
            args.file.display(),
            dir.display()
        );
        return Ok(ExitCode::from(130));
    }
    drop(journal);
    // Complete: the result files, from what is on disk, sorted.
    let mut outcomes = journal::read_runs(&dir.join("runs.csv"), &sweep, points.len())?;
    finish::finish(
        &dir,
        &sweep,
        &points,
        &mut outcomes,
        &[dir.join("series.csv")],
        args.shard.is_none(),
    )?;
    manifest.complete = true;
    if let Some(labels) = LABELS.get() {
        manifest.labels = sweep
            .keep
            .iter()
            .filter_map(|k| Some((k.clone(), labels.get(k)?.clone())))
            .collect();
        manifest.labels.extend(parameter_labels(&sweep));
    }
    manifest.write(&dir)?;
    if args.shard.is_none() {
        crate::draw_sweep_charts(&dir, args.lang.lang())?;
        if args.xlsx {
            crate::export::export(&dir)?;
        }
    }
    let failed = manifest.failed;
    if !args.quiet {
        eprintln!(
            "{} runs in {:.1} s ({failed} failed); results in {}",
            manifest.runs,
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
