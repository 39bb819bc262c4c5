//! `wandel run`: load and validate, run the replications in parallel, write results atomically,
//! draw charts.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use sha2::{Digest, Sha256};
use wandel_engine::RunOutput;

use crate::arms::{self, ArmRun, Counterfactual};
use crate::atomic::write_atomic;
use crate::cli::RunArgs;
use crate::crowding;
use crate::decompose;
use crate::effects::{self, Effect};
use crate::followup;
use crate::kind_effects;
use crate::output;
use crate::regional;
use crate::summary::{self, Indicator};

/// `manifest.json`: everything needed to reproduce the run.
#[derive(Serialize)]
struct Manifest<'a> {
    /// `run` (a sweep's manifest says `sweep`).
    kind: &'static str,
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
    /// The same instant as `started_unix`, RFC 3339 in UTC.
    started_utc: String,
    /// What the effects compare against (`no-policies`, `no-shocks`), if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    counterfactual: Option<&'static str>,
    /// Display labels of regions, occupations and sectors, by name.
    labels: LabelsOut<'a>,
    /// Each file read, as written (comments included), the named file first.
    scenario_sources: Vec<SourceText<'a>>,
    resolved_scenario: &'a str,
    /// Every file of the run is written (the manifest is written last).
    complete: bool,
}

/// `manifest.json` `labels`.
#[derive(Serialize)]
struct LabelsOut<'a> {
    regions: &'a std::collections::BTreeMap<String, String>,
    occupations: &'a std::collections::BTreeMap<String, String>,
    sectors: &'a std::collections::BTreeMap<String, String>,
}

/// One scenario file as written.
#[derive(Serialize)]
struct SourceText<'a> {
    file: String,
    text: &'a str,
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
    /// What the effects compare against (`no-policies`, `no-shocks`), if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    counterfactual: Option<&'static str>,
    /// Headline effects against the counterfactual (empty without one).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    effects: Vec<Effect>,
    /// Each policy's totals in the scenario arm (mean per replication).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    policies: Vec<followup::PolicyTotals>,
    /// Figures of policy kinds against the counterfactual, one section per kind that has
    /// some (`hiring_subsidies`: deadweight, substitution and costs).
    #[serde(flatten)]
    kind_effects: kind_effects::Sections,
    /// Who gains at whose expense: the worker-level policies' participants against the
    /// economy (`crowding.rs`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    crowding_out: Vec<crowding::Crowding>,
    /// With `--decompose`: each policy's contribution to the package.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    decomposition: Vec<decompose::MeasureParts>,
    /// Against the run without the closure: the local multiplier 36 months after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    local_multiplier_36m: Option<Indicator>,
    /// Against the run without the closure: how its region adjusts, year by year.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    regional_adjustment: Vec<regional::Change>,
}

/// `wandel run`.
pub(crate) fn run(args: &RunArgs) -> Result<PathBuf> {
    let scenario = crate::load_or_report(&args.scenario, &args.set)?;
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, crate::threads::MAX_THREADS);
    let out_dir = args
        .out
        .clone()
        .unwrap_or_else(|| Path::new("out").join(&scenario.name));
    crate::outdir::prepare(&out_dir, args.overwrite)?;

    // The counterfactual: asked for, or by default when the scenario has policies.
    let counterfactual = if args.no_counterfactual {
        None
    } else {
        args.counterfactual
            .or_else(|| (!scenario.policies.is_empty()).then_some(Counterfactual::NoPolicies))
    };
    if args.decompose && scenario.policies.len() < 2 {
        anyhow::bail!(
            "--decompose needs a scenario with two or more policies; {} has {}",
            args.scenario.display(),
            scenario.policies.len()
        );
    }
    let parts = if args.decompose {
        scenario.policies.len() as u64
    } else {
        0
    };
    let arms_run = 1 + u64::from(counterfactual.is_some()) + parts;
    let total = u64::from(scenario.params.months) * u64::from(scenario.replications) * arms_run;
    let progress = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
    if !args.quiet {
        progress.set_style(
            ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} months ({eta} left)")
                .expect("valid template")
                .progress_chars("=> "),
        );
        let against = counterfactual.map_or(String::new(), |c| format!(" and {}", c.label()));
        progress.set_message(format!(
            "{} ×{}{against}",
            scenario.name, scenario.replications
        ));
    }
    let started = Instant::now();
    let now = std::time::SystemTime::now();
    let started_unix = now
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let started_utc = humantime::format_rfc3339_seconds(now).to_string();
    let quiet_bar = ProgressBar::hidden();
    let bar = if args.quiet { &quiet_bar } else { &progress };
    let pool = arms::pool(threads)?;
    let track = counterfactual.is_some();
    if !args.quiet {
        if let Some(line) = estimate(&scenario, total, threads) {
            eprintln!("{line}");
        }
    }
    // Ctrl-C stops between months and writes no results, only a manifest marked incomplete.
    let stop = crate::interrupt::watch_run();
    let plain = arms::PlainProgress::new(Duration::from_secs(5));
    let lines = (!args.quiet && !std::io::stderr().is_terminal()).then_some(&plain);
    let run_arm = |params: &wandel_engine::Params,
                   specs: &[wandel_policy::PolicySpec],
                   track: bool,
                   follow: Option<&arms::Companion>| {
        let watch = arms::Watch {
            progress: bar,
            stop: Some(stop),
            lines,
        };
        arms::run_arm(&pool, &scenario, params, specs, track, follow, &watch)
    };
    let interrupted = |done: u64| -> Result<PathBuf> {
        progress.finish_and_clear();
        write_incomplete(&out_dir, &args.scenario, &scenario.name, done, total)?;
        eprintln!(
            "interrupted after {done} of {total} months: no results written (a run writes them \
             only when every replication has finished); {} is marked incomplete, and `wandel \
             plot` and `wandel table` refuse it",
            out_dir.display()
        );
        anyhow::bail!("interrupted")
    };
    let Some(with) = run_arm(&scenario.params, &scenario.policies, track, None) else {
        return interrupted(bar.position());
    };
    let without: Option<Vec<ArmRun>> = match counterfactual {
        Some(kind) => {
            let params = arms::counterfactual_params(&scenario, kind);
            let specs = match kind {
                Counterfactual::NoPolicies => &[][..],
                Counterfactual::NoShocks => &scenario.policies[..],
            };
            let companion = arms::Companion::of(&with);
            let follow = (kind == Counterfactual::NoPolicies).then_some(&companion);
            match run_arm(&params, specs, true, follow) {
                Some(runs) => Some(runs),
                None => return interrupted(bar.position()),
            }
        }
        None => None,
    };
    // The package without each of its policies, the arms in parallel on the same pool.
    let leave_one_out: Vec<(String, Vec<ArmRun>)> = if args.decompose {
        use rayon::prelude::*;
        let arms: Vec<(String, Vec<wandel_policy::PolicySpec>)> = scenario
            .policies
            .iter()
            .map(|p| {
                let rest = scenario
                    .policies
                    .iter()
                    .filter(|q| q.name() != p.name())
                    .cloned()
                    .collect();
                (p.name().to_string(), rest)
            })
            .collect();
        let parts: Option<Vec<(String, Vec<ArmRun>)>> = pool.install(|| {
            arms.par_iter()
                .map(|(name, specs)| {
                    run_arm(&scenario.params, specs, true, None).map(|runs| (name.clone(), runs))
                })
                .collect()
        });
        match parts {
            Some(parts) => parts,
            None => return interrupted(bar.position()),
        }
    } else {
        Vec::new()
    };
    progress.finish_and_clear();
    let wall = started.elapsed().as_secs_f64();
    let runs: Vec<RunOutput> = with.iter().map(|r| r.output.clone()).collect();

    let params = &scenario.params;
    output::write_economy(&out_dir.join("economy.csv"), &runs)?;
    output::write_markets(&out_dir.join("markets.csv"), params, &runs)?;
    output::write_cohorts(&out_dir.join("cohorts.csv"), &runs)?;
    output::write_events(&out_dir.join("events.csv"), params)?;
    let mut ledger_arms: Vec<(&str, &[ArmRun])> = vec![("scenario", &with)];
    if let (Some(kind), Some(w)) = (counterfactual, &without) {
        ledger_arms.push((kind.label(), w));
    }
    output::write_ledger(&out_dir.join("ledger.csv"), &ledger_arms)?;
    output::write_policies(&out_dir.join("policies.csv"), &with)?;
    let followup_path = out_dir.join("followup.csv");
    let follow_rows = match &without {
        Some(w) if counterfactual == Some(Counterfactual::NoPolicies) => {
            followup::rows(&scenario.policies, &with, w)
        }
        _ => Vec::new(),
    };
    if follow_rows.is_empty() {
        remove_stale(&followup_path)?;
    } else {
        followup::write_followup(&followup_path, &follow_rows)?;
    }
    let effects_path = out_dir.join("effects.csv");
    let effects = match &without {
        Some(w) => {
            effects::write_effects(&effects_path, &with, w)?;
            effects::summary_effects(&with, w, counterfactual == Some(Counterfactual::NoPolicies))
        }
        None => {
            remove_stale(&effects_path)?;
            Vec::new()
        }
    };
    let decomposition_path = out_dir.join("decomposition.csv");
    let decomposition = match &without {
        Some(w) if !leave_one_out.is_empty() => {
            let d = decompose::decompose(&with, w, &leave_one_out);
            decompose::write(&decomposition_path, &d)?;
            d
        }
        _ => {
            remove_stale(&decomposition_path)?;
            Vec::new()
        }
    };
    let regional_path = out_dir.join("regional_adjustment.csv");
    let adjustment = match &without {
        Some(w) if counterfactual == Some(Counterfactual::NoShocks) => {
            let a: Vec<&RunOutput> = with.iter().map(|r| &r.output).collect();
            let b: Vec<&RunOutput> = w.iter().map(|r| &r.output).collect();
            regional::adjustment(params, &a, &b)
        }
        _ => None,
    };
    match &adjustment {
        Some(a) if !a.changes.is_empty() => regional::write(&regional_path, &a.changes)?,
        _ => remove_stale(&regional_path)?,
    }
    let (local_multiplier_36m, regional_adjustment) =
        adjustment.map_or((None, Vec::new()), |a| (a.multiplier, a.changes));
    let summary = Summary {
        scenario: &scenario.name,
        description: &scenario.description,
        replications: scenario.replications,
        months: params.months,
        start: params.start.to_string(),
        end: params.start.plus(params.months as i32 - 1).to_string(),
        indicators: summary::indicators(&runs, true),
        counterfactual: counterfactual.map(Counterfactual::label),
        effects,
        policies: followup::totals(&scenario.policies, &with),
        kind_effects: match &without {
            Some(w) if counterfactual == Some(Counterfactual::NoPolicies) => {
                kind_effects::effects(&scenario.policies, &with, w)
            }
            _ => kind_effects::Sections::default(),
        },
        crowding_out: match &without {
            Some(w) if counterfactual == Some(Counterfactual::NoPolicies) => {
                crowding::crowding(&scenario.policies, &with, w, &leave_one_out)
            }
            _ => Vec::new(),
        },
        decomposition,
        local_multiplier_36m,
        regional_adjustment,
    };
    write_json(&out_dir.join("summary.json"), &summary)?;
    let manifest = Manifest {
        kind: "run",
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
        started_utc,
        counterfactual: counterfactual.map(Counterfactual::label),
        labels: LabelsOut {
            regions: &scenario.labels.regions,
            occupations: &scenario.labels.occupations,
            sectors: &scenario.labels.sectors,
        },
        scenario_sources: scenario
            .files
            .iter()
            .zip(&scenario.texts)
            .map(|(p, text)| SourceText {
                file: p.display().to_string(),
                text,
            })
            .collect(),
        resolved_scenario: &scenario.resolved,
        complete: true,
    };
    write_json(&out_dir.join("manifest.json"), &manifest)?;
    if !args.no_charts {
        crate::draw_charts(&out_dir, args.lang.lang())?;
    }
    if !args.quiet {
        let lang = args.lang.lang();
        wandel_charts::lang::with(lang, || {
            use wandel_charts::console;
            for ind in &summary.indicators {
                match (ind.mean, ind.p05, ind.p95) {
                    (Some(mean), Some(p05), Some(p95)) => eprintln!(
                        "{}",
                        console::indicator(ind.name, ind.label, ind.unit, mean, p05, p95)
                    ),
                    _ => eprintln!(
                        "{}",
                        console::suppressed(
                            ind.name,
                            ind.label,
                            ind.unit,
                            ind.suppressed.as_deref()
                        )
                    ),
                }
            }
            if let Some(kind) = counterfactual {
                eprintln!("{}", console::effects_heading(kind.label()));
                for e in &summary.effects {
                    eprintln!(
                        "{}",
                        console::effect(
                            e.name,
                            e.label,
                            e.unit,
                            e.mean,
                            e.ci95_low.zip(e.ci95_high)
                        )
                    );
                }
            }
        });
        wandel_charts::lang::with(lang, || {
            if let Some(m) = &summary.local_multiplier_36m {
                eprintln!(
                    "{}",
                    wandel_charts::console::local_multiplier(
                        m.name,
                        m.value(),
                        m.unit,
                        m.ci95_low.zip(m.ci95_high)
                    )
                );
            }
            for line in regional::describe(&summary.regional_adjustment) {
                eprintln!("{line}");
            }
            for line in crowding::describe(&summary.crowding_out) {
                eprintln!("{line}");
            }
            for line in decompose::describe(&summary.decomposition) {
                eprintln!("{line}");
            }
            for e in &summary.kind_effects.0 {
                for line in kind_effects::describe(e) {
                    eprintln!("{line}");
                }
            }
        });
        eprintln!(
            "{}",
            wandel_charts::lang::with(lang, || wandel_charts::console::finished(
                scenario.replications,
                params.months,
                wall,
                threads
            ))
        );
    }
    Ok(out_dir)
}

/// Worker-months a thread simulates a second, about (the steel scenario with the job ladder
/// on, `docs/performance.md`): enough for an estimate of a run's length before it starts.
const WORKER_MONTHS_PER_THREAD_SECOND: f64 = 4.0e6;

/// A line saying how long the run will take, when that is more than a minute (from the
/// workers, months with the warm-up, replications and arms).
fn estimate(scenario: &wandel_scenario::Scenario, months: u64, threads: usize) -> Option<String> {
    let p = &scenario.params;
    let jobs: f64 = p
        .firm_groups
        .iter()
        .map(|g| {
            f64::from(g.count)
                * match g.size {
                    wandel_engine::params::SizeDist::Fixed(n) => f64::from(n),
                    wandel_engine::params::SizeDist::LogNormal { mean, .. } => mean,
                }
        })
        .sum();
    let workers = p.population.count.map_or_else(
        || jobs / (1.0 - p.population.initial_unemployment).max(0.01),
        f64::from,
    );
    let reported = f64::from(p.months.max(1));
    let with_warmup = months as f64 * (reported + f64::from(p.warmup_months)) / reported;
    let seconds = workers * with_warmup / (WORKER_MONTHS_PER_THREAD_SECOND * threads.max(1) as f64);
    (seconds > 60.0).then(|| {
        format!(
            "estimated: about {:.0} minutes on {threads} thread{} ({:.0} million worker-months); \
             Ctrl-C stops it and writes nothing",
            (seconds / 60.0).ceil(),
            if threads == 1 { "" } else { "s" },
            workers * with_warmup / 1e6
        )
    })
}

/// After an interrupt: a manifest that says the directory holds no finished run.
fn write_incomplete(
    dir: &Path,
    scenario_file: &Path,
    name: &str,
    done: u64,
    total: u64,
) -> Result<()> {
    let manifest = serde_json::json!({
        "kind": "run",
        "wandel_version": env!("CARGO_PKG_VERSION"),
        "scenario_name": name,
        "scenario_file": scenario_file.display().to_string(),
        "complete": false,
        "interrupted": true,
        "months_done": done,
        "months_total": total,
    });
    write_json(&dir.join("manifest.json"), &manifest)
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

/// Removes `path` if it exists: a stale file of an earlier run must not sit beside this run's
/// results.
fn remove_stale(path: &Path) -> Result<()> {
    if path.exists() {
        std::fs::remove_file(path).with_context(|| format!("cannot remove {}", path.display()))?;
    }
    Ok(())
}
