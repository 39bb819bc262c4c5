//! The arms of a run: the scenario as written, and, when there is something to compare, its
//! counterfactual with the same seeds (replication k against replication k: common random
//! numbers, since every random stream is keyed by entity, not by the order of draws).
//!
//! - `no-policies` (the default when the scenario has policies): the same scenario without
//!   its policies.
//! - `no-shocks`: the same scenario without its shocks (closures and technology switches;
//!   supply-chain links and demand paths stay, as they are structure, not events), with its
//!   policies: the shock's own effect.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget};
use rayon::prelude::*;
use wandel_engine::{Economy, Params, RunOutput, Simulation, Status};

use wandel_policy::{Followed, Intervention, PolicyRun, PolicySpec};
use wandel_scenario::Scenario;

/// What the counterfactual arm leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Counterfactual {
    /// The scenario without its policies.
    NoPolicies,
    /// The scenario without its shocks (closures, technology switches), policies kept.
    NoShocks,
}

impl Counterfactual {
    /// As written on the command line and in the outputs.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Counterfactual::NoPolicies => "no-policies",
            Counterfactual::NoShocks => "no-shocks",
        }
    }
}

/// The displaced (every displacement record so far) at the end of a month: the share on a
/// payroll, and their mean monthly earnings, € (0 for those without a job; short-time pay
/// after the hours cut).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct DisplacedMonth {
    pub(crate) reemployed: f64,
    pub(crate) earnings: f64,
}

/// One replication of one arm.
pub(crate) struct ArmRun {
    pub(crate) output: RunOutput,
    pub(crate) policies: PolicyRun,
    pub(crate) displaced: Vec<DisplacedMonth>,
}

fn displaced_month(eco: &Economy) -> DisplacedMonth {
    let n = eco.displaced.len();
    if n == 0 {
        return DisplacedMonth::default();
    }
    let (mut on_payroll, mut earnings) = (0u64, 0.0);
    for d in &eco.displaced {
        let w = d.worker;
        let r = &eco.workers.rec[w as usize];
        let j = r.employer as usize;
        let pay = match r.status {
            Status::Employed => eco.current_wage(w) * f64::from(eco.firms.hours[j]),
            Status::ShortTime => {
                eco.current_wage(w)
                    * f64::from(eco.firms.hours[j])
                    * (1.0 - f64::from(eco.firms.hours_cut[j]))
            }
            _ => continue,
        };
        on_payroll += 1;
        earnings += pay / 100.0;
    }
    DisplacedMonth {
        reemployed: on_payroll as f64 / n as f64,
        earnings: earnings / n as f64,
    }
}

/// What a counterfactual without policies takes from the policy arm, per replication: the
/// workers it followed, and what its policies observe there
/// ([`PolicyRun::counterfactual_observers`]: a hiring subsidy watches the workers it
/// subsidised, for deadweight and substitution). Each replication's observers are taken once.
pub(crate) struct Companion {
    pub(crate) followed: Vec<Vec<Followed>>,
    observers: Vec<Mutex<Vec<Box<dyn Intervention>>>>,
}

impl Companion {
    /// What the policy arm `with` hands its counterfactual.
    pub(crate) fn of(with: &[ArmRun]) -> Companion {
        let followed = with
            .iter()
            .map(|r| r.policies.followup.followed.clone())
            .collect();
        let observers = with
            .iter()
            .map(|r| Mutex::new(r.policies.counterfactual_observers()))
            .collect();
        Companion {
            followed,
            observers,
        }
    }

    /// The observers of replication `k` (taken: a second call gets none).
    fn take_observers(&self, k: usize) -> Vec<Box<dyn Intervention>> {
        std::mem::take(&mut *self.observers[k].lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// The parameters of the counterfactual arm of `scenario`.
pub(crate) fn counterfactual_params(scenario: &Scenario, kind: Counterfactual) -> Params {
    let mut params = scenario.params.clone();
    if kind == Counterfactual::NoShocks {
        params.closures.clear();
        params.technology_switches.clear();
    }
    params
}

/// Runs every replication of one arm on `pool`; the output does not depend on the number of
/// threads. `None` when `stop` was raised (Ctrl-C) before every replication finished. `track_displaced` follows the displaced month by month (for effects); `follow`
/// (for a counterfactual without policies: what the policy arm hands it) follows the same
/// workers here and carries what the policy arm's policies observe here.
pub(crate) fn run_arm(
    pool: &rayon::ThreadPool,
    scenario: &Scenario,
    params: &Params,
    specs: &[PolicySpec],
    track_displaced: bool,
    follow: Option<&Companion>,
    watch: &Watch<'_>,
) -> Option<Vec<ArmRun>> {
    let Watch {
        progress,
        stop,
        lines,
    } = *watch;
    let started = Instant::now();
    let shown = AtomicBool::new(false);
    let mut runs: Vec<ArmRun> = pool.install(|| {
        (0..scenario.replications)
            .into_par_iter()
            .map(|rep| {
                let mut policies = match follow {
                    Some(c) => {
                        let k = rep as usize;
                        let observers = c.take_observers(k);
                        PolicyRun::counterfactual_following(&scenario.fiscal, &c.followed[k])
                            .observing(observers)
                    }
                    None => PolicyRun::new(specs, &scenario.fiscal),
                };
                let mut displaced = Vec::new();
                let stopped = || stop.is_some_and(|s| s.load(Ordering::Relaxed));
                let mut sim = Simulation::new_unless(params, rep, &stopped)?;
                let mut months = Vec::with_capacity(params.months as usize);
                while !sim.finished() {
                    // Ctrl-C: stop between months; the run writes nothing (`run.rs`).
                    if stop.is_some_and(|s| s.load(Ordering::Relaxed)) {
                        return None;
                    }
                    let rec = sim.step(&mut policies);
                    if track_displaced {
                        displaced.push(displaced_month(sim.economy()));
                    }
                    months.push(rec);
                    progress.inc(1);
                    if !shown.load(Ordering::Relaxed) && started.elapsed() > Duration::from_secs(1)
                    {
                        shown.store(true, Ordering::Relaxed);
                        progress.set_draw_target(ProgressDrawTarget::stderr());
                    }
                    if let Some(lines) = lines {
                        lines.tick(progress);
                    }
                }
                Some(ArmRun {
                    output: sim.finish(months),
                    policies,
                    displaced,
                })
            })
            .collect::<Option<Vec<ArmRun>>>()
    })?;
    runs.sort_by_key(|r| r.output.replication);
    Some(runs)
}

/// What watches a run's arms: the progress bar, the interrupt flag (stop between months) and
/// plain progress lines for a standard error that is not a terminal.
#[derive(Clone, Copy)]
pub(crate) struct Watch<'a> {
    pub(crate) progress: &'a ProgressBar,
    pub(crate) stop: Option<&'a AtomicBool>,
    pub(crate) lines: Option<&'a PlainProgress>,
}

/// Progress as plain lines, for a standard error that is not a terminal (a log file, a
/// scheduler's output): a line at most every `every`, with months done, the share, the rate
/// and the time left.
pub(crate) struct PlainProgress {
    started: Instant,
    every: Duration,
    last: std::sync::Mutex<Instant>,
}

impl PlainProgress {
    /// Plain lines every `every`.
    pub(crate) fn new(every: Duration) -> PlainProgress {
        let now = Instant::now();
        PlainProgress {
            started: now,
            every,
            last: std::sync::Mutex::new(now),
        }
    }

    fn tick(&self, progress: &ProgressBar) {
        let Ok(mut last) = self.last.try_lock() else {
            return;
        };
        if last.elapsed() < self.every {
            return;
        }
        *last = Instant::now();
        let (done, total) = (progress.position(), progress.length().unwrap_or(0).max(1));
        let elapsed = self.started.elapsed().as_secs_f64();
        let left = elapsed / done.max(1) as f64 * total.saturating_sub(done) as f64;
        eprintln!(
            "progress: {done} of {total} months ({:.0} %), {:.0} months a second, about {left:.0} s left",
            100.0 * done as f64 / total as f64,
            done as f64 / elapsed.max(1e-9)
        );
    }
}

/// A thread pool of `threads` threads.
pub(crate) fn pool(threads: usize) -> Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")
}
