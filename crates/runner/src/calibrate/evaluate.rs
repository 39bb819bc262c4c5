//! Evaluations of the calibration's moments at points the search chooses as it goes: every
//! scenario (and its comparison arm) of a point, every replication, on the sweep's kind of
//! parallel pool, with the same seeds at every point (common random numbers across
//! evaluations). Each evaluation is appended to a journal keyed by the parameter vector, so a
//! calibration that is killed resumes without running a journaled point again.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use wandel_engine::Simulation;
use wandel_policy::PolicyRun;

use super::file::{CalibrationFile, MomentArm, number_text};
use crate::arms::{Counterfactual, counterfactual_params};

/// The journal's file name in the output directory.
pub(crate) const JOURNAL: &str = "calibration-journal.csv";

/// The moments of one point: per replication, the targets then the validation rows.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Evaluation {
    pub(crate) reps: Vec<Vec<f64>>,
}

impl Evaluation {
    /// Each moment's mean over the replications.
    pub(crate) fn mean(&self) -> Vec<f64> {
        let n = self.reps.len() as f64;
        let k = self.reps.first().map_or(0, Vec::len);
        (0..k)
            .map(|j| self.reps.iter().map(|r| r[j]).sum::<f64>() / n)
            .collect()
    }
}

/// One evaluation as requested, in order (for `evaluations.csv`).
#[derive(Clone, Debug)]
pub(crate) struct Requested {
    pub(crate) phase: &'static str,
    pub(crate) point: Vec<f64>,
}

/// Runs and remembers evaluations.
pub(crate) struct Evaluator<'a> {
    file: &'a CalibrationFile,
    pool: &'a rayon::ThreadPool,
    stop: &'a AtomicBool,
    journal_path: PathBuf,
    done: HashMap<String, Evaluation>,
    /// Every evaluation requested, in order.
    pub(crate) requested: Vec<Requested>,
    /// Points run (not read from the journal) in this process.
    pub(crate) ran: usize,
    /// Progress: a spinner on a terminal, plain lines otherwise, nothing when quiet.
    progress: Progress,
    started: std::time::Instant,
}

/// How progress is shown.
enum Progress {
    Quiet,
    Spinner(indicatif::ProgressBar),
    Lines,
}

/// The journal's first line: the calibration file's digest, so a journal is only resumed by
/// the file that wrote it.
fn header(file: &CalibrationFile) -> String {
    let mut hasher = Sha256::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(file.text.as_bytes());
    // The scenarios as loaded (their `extends` chains resolved): a changed scenario file
    // changes the model, and its journaled points cannot be reused.
    for s in &file.scenarios {
        match wandel_scenario::load(&s.file, &[]) {
            Ok(sc) => {
                hasher.update(format!("{:?}{:?}{:?}", sc.params, sc.policies, sc.fiscal).as_bytes())
            }
            Err(d) => hasher.update(d.to_string().as_bytes()),
        }
    }
    let hex: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!(
        "# wandel calibration journal; sha256 of the version, the calibration file and its scenarios {hex}"
    )
}

/// The key of a point: its values as exact text.
fn key(point: &[f64]) -> String {
    point
        .iter()
        .map(|x| number_text(*x))
        .collect::<Vec<_>>()
        .join(";")
}

impl<'a> Evaluator<'a> {
    /// A fresh journal in `dir` (`resume`: the journal there, which the same calibration file
    /// must have written; a last line cut short by a kill is dropped).
    pub(crate) fn open(
        file: &'a CalibrationFile,
        pool: &'a rayon::ThreadPool,
        stop: &'a AtomicBool,
        dir: &Path,
        resume: bool,
        quiet: bool,
    ) -> Result<Evaluator<'a>> {
        let journal_path = dir.join(JOURNAL);
        let mut done = HashMap::new();
        let head = header(file);
        if resume {
            let text = std::fs::read_to_string(&journal_path).with_context(|| {
                format!(
                    "--resume: no calibration journal to resume at {}",
                    journal_path.display()
                )
            })?;
            let mut lines = text.split_inclusive('\n');
            if lines.next().map(str::trim_end) != Some(head.as_str()) {
                bail!(
                    "--resume: {} was written by another calibration file, another version of wandel, or before a scenario it runs changed; run without --resume and with --overwrite to start again",
                    journal_path.display()
                );
            }
            let width = file.replications as usize * (file.moments.len() + file.validate.len());
            let mut kept = format!("{head}\n");
            for line in lines {
                // A line without its newline was cut short by a kill: it is dropped.
                let Some(line) = line.strip_suffix('\n') else {
                    continue;
                };
                let Some((k, values)) = line.split_once(',') else {
                    continue;
                };
                let values: Option<Vec<f64>> =
                    values.split(',').map(|v| v.parse::<f64>().ok()).collect();
                let Some(values) = values.filter(|v| v.len() == width) else {
                    continue;
                };
                let per = file.moments.len() + file.validate.len();
                let reps = values.chunks(per.max(1)).map(<[f64]>::to_vec).collect();
                done.insert(k.to_string(), Evaluation { reps });
                kept.push_str(line);
                kept.push('\n');
            }
            crate::atomic::write_bytes(&journal_path, kept.as_bytes())?;
        } else {
            crate::atomic::write_bytes(&journal_path, format!("{head}\n").as_bytes())?;
        }
        let progress = if quiet {
            Progress::Quiet
        } else if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            Progress::Spinner(bar)
        } else {
            Progress::Lines
        };
        Ok(Evaluator {
            file,
            pool,
            stop,
            journal_path,
            done,
            requested: Vec::new(),
            ran: 0,
            progress,
            started: std::time::Instant::now(),
        })
    }

    /// Runs of one point: every scenario's replications, twice for those with a comparison.
    fn runs_per_point(&self) -> usize {
        self.file
            .scenarios
            .iter()
            .map(|s| if s.comparison.is_some() { 2 } else { 1 })
            .sum::<usize>()
            * self.file.replications as usize
    }

    /// Ends the progress display.
    pub(crate) fn finish(&self) {
        if let Progress::Spinner(bar) = &self.progress {
            bar.finish_and_clear();
        }
    }

    /// The journaled evaluation of `point`, if any.
    pub(crate) fn get(&self, point: &[f64]) -> Option<&Evaluation> {
        self.done.get(&key(point))
    }

    /// Evaluates `points` (values in the parameters' order) in `phase`: those in the journal
    /// are read from it, the others run in parallel and appended. Fails when interrupted.
    pub(crate) fn evaluate(
        &mut self,
        phase: &'static str,
        points: &[Vec<f64>],
    ) -> Result<Vec<Evaluation>> {
        for p in points {
            self.requested.push(Requested {
                phase,
                point: p.clone(),
            });
        }
        let mut todo: Vec<&Vec<f64>> = Vec::new();
        for p in points {
            if !self.done.contains_key(&key(p)) && !todo.contains(&p) {
                todo.push(p);
            }
        }
        if !todo.is_empty() {
            if self.stop.load(Ordering::Relaxed) {
                bail!(Interrupted);
            }
            let message = format!(
                "{phase}: running {} point{} ({} runs each); {} run so far, {} read from the journal, {:.0} s",
                todo.len(),
                if todo.len() == 1 { "" } else { "s" },
                self.runs_per_point(),
                self.ran,
                self.done.len() - self.ran,
                self.started.elapsed().as_secs_f64()
            );
            match &self.progress {
                Progress::Spinner(bar) => bar.set_message(message),
                Progress::Lines if todo.len() > 1 || self.ran % 10 == 0 => eprintln!("{message}"),
                _ => {}
            }
            let r = self.file.replications;
            // A job is one replication of one scenario at one point: its run, then its
            // comparison arm's (which follows the workers the first run's policies took in).
            let jobs: Vec<(usize, usize, u32)> = todo
                .iter()
                .enumerate()
                .flat_map(|(i, _)| {
                    (0..self.file.scenarios.len())
                        .flat_map(move |s| (0..r).map(move |rep| (i, s, rep)))
                })
                .collect();
            let file = self.file;
            let stop = self.stop;
            let results: Vec<Result<ArmValues>> = self.pool.install(|| {
                jobs.par_iter()
                    .map(|&(i, s, rep)| run_replication(file, todo[i], s, rep, stop))
                    .collect()
            });
            // Every point whose runs all finished is journaled, even when others were stopped
            // by an interrupt (or failed): the journal keeps every finished point.
            let mut by_job: HashMap<(usize, usize, bool, u32), Vec<f64>> = HashMap::new();
            let mut first_error = None;
            let mut unfinished = vec![false; todo.len()];
            for (&(i, s, rep), result) in jobs.iter().zip(results) {
                match result {
                    Ok((values, comparison)) => {
                        by_job.insert((i, s, false, rep), values);
                        if let Some(values) = comparison {
                            by_job.insert((i, s, true, rep), values);
                        }
                    }
                    Err(e) => {
                        unfinished[i] = true;
                        first_error.get_or_insert(e);
                    }
                }
            }
            let mut journal = std::fs::OpenOptions::new()
                .append(true)
                .open(&self.journal_path)
                .with_context(|| format!("cannot append to {}", self.journal_path.display()))?;
            for (i, p) in todo.iter().enumerate() {
                if unfinished[i] {
                    continue;
                }
                let eval = self.assemble(|s, cmp, rep| &by_job[&(i, s, cmp, rep)]);
                let values: Vec<String> = eval
                    .reps
                    .iter()
                    .flatten()
                    .map(|x| number_text(*x))
                    .collect();
                let line = format!("{},{}\n", key(p), values.join(","));
                journal
                    .write_all(line.as_bytes())
                    .with_context(|| format!("cannot append to {}", self.journal_path.display()))?;
                self.done.insert(key(p), eval);
                self.ran += 1;
            }
            journal.sync_data().ok();
            if let Some(e) = first_error {
                // An interrupt is reported as such, whichever run saw it first.
                if self.stop.load(Ordering::Relaxed) {
                    bail!(Interrupted);
                }
                return Err(e);
            }
        }
        Ok(points.iter().map(|p| self.done[&key(p)].clone()).collect())
    }

    /// One point's moments from the measures of its runs (`measures(scenario, comparison,
    /// replication)`, in the order of [`measures_of`]).
    fn assemble<'m>(&self, measures: impl Fn(usize, bool, u32) -> &'m Vec<f64>) -> Evaluation {
        let f = self.file;
        let reps = (0..f.replications)
            .map(|rep| {
                f.moments
                    .iter()
                    .chain(&f.validate)
                    .map(|m| {
                        let names = measures_of(f, m.scenario);
                        let j = names.iter().position(|n| *n == m.measure).expect("listed");
                        match m.arm {
                            MomentArm::Scenario => measures(m.scenario, false, rep)[j],
                            MomentArm::Comparison => measures(m.scenario, true, rep)[j],
                            MomentArm::Effect => {
                                measures(m.scenario, false, rep)[j]
                                    - measures(m.scenario, true, rep)[j]
                            }
                        }
                    })
                    .collect()
            })
            .collect();
        Evaluation { reps }
    }
}

/// The measures scenario `s`'s runs report (every measure a moment of `s` names, in first
/// mention order).
fn measures_of(file: &CalibrationFile, s: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in file.moments.iter().chain(&file.validate) {
        if m.scenario == s && !out.contains(&m.measure) {
            out.push(m.measure.clone());
        }
    }
    out
}

/// A calibration stopped by an interrupt (its journal keeps every finished point).
#[derive(Debug)]
pub(crate) struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("interrupted: the finished evaluations are in the journal; run again with --resume to continue")
    }
}

impl std::error::Error for Interrupted {}

/// The measures of a replication's run, and of its comparison arm's when the scenario has one.
type ArmValues = (Vec<f64>, Option<Vec<f64>>);

/// Runs replication `rep` of scenario `s` at `point`, then its comparison arm if any; returns
/// their measures. Fails with [`Interrupted`] when `stop` is raised before a run starts.
fn run_replication(
    file: &CalibrationFile,
    point: &[f64],
    s: usize,
    rep: u32,
    stop: &AtomicBool,
) -> Result<ArmValues> {
    let sc = &file.scenarios[s];
    let mut set: Vec<String> = file
        .parameters
        .iter()
        .zip(point)
        .filter(|(p, _)| p.applies_to(s))
        .map(|(p, x)| format!("{}={}", p.path, number_text(*x)))
        .collect();
    set.push(format!("simulation.seed={}", file.seed));
    set.push(format!("simulation.replications={}", file.replications));
    let scenario = wandel_scenario::load(&sc.file, &set).map_err(|d| {
        anyhow::anyhow!(
            "scenario `{}` at {}: {}",
            sc.name,
            key(point),
            d.0.iter()
                .map(|p| format!("{}: {}", p.key, p.message))
                .collect::<Vec<_>>()
                .join("; ")
        )
    })?;
    let names = measures_of(file, s);
    if stop.load(Ordering::Relaxed) {
        bail!(Interrupted);
    }
    let mut policies = PolicyRun::new(&scenario.policies, &scenario.fiscal);
    let output = Simulation::new(&scenario.params, rep).run(&mut policies, &mut |_, _| {});
    let values = measures(&scenario, &scenario.params, &output, &policies, &names);
    let Some(kind) = sc.comparison else {
        return Ok((values, None));
    };
    if stop.load(Ordering::Relaxed) {
        bail!(Interrupted);
    }
    // The comparison arm: without the policies it follows the same workers by their stable
    // ids (as `wandel run`'s counterfactual does); without the shocks it keeps the policies.
    let (params, mut other) = match kind {
        Counterfactual::NoPolicies => (
            scenario.params.clone(),
            PolicyRun::counterfactual_following(&scenario.fiscal, &policies.followup.followed),
        ),
        kind => (
            counterfactual_params(&scenario, kind),
            PolicyRun::new(&scenario.policies, &scenario.fiscal),
        ),
    };
    let output = Simulation::new(&params, rep).run(&mut other, &mut |_, _| {});
    let comparison = measures(&scenario, &params, &output, &other, &names);
    Ok((values, Some(comparison)))
}

/// The measures `names` of one arm's run.
fn measures(
    scenario: &wandel_scenario::Scenario,
    params: &wandel_engine::Params,
    output: &wandel_engine::RunOutput,
    policies: &PolicyRun,
    names: &[String],
) -> Vec<f64> {
    let headline = crate::summary::indicators(std::slice::from_ref(output), false);
    let mut values = crate::sweep::indicator_values(output, policies, &headline, names);
    let run = super::measure::Run {
        params,
        output,
        policies,
        specs: &scenario.policies,
    };
    for (name, value) in names.iter().zip(values.iter_mut()) {
        // Names were checked when the file was read; an indicator keeps its value.
        if let Some(x) = super::measure::parse(name, crate::sweep::INDICATORS)
            .ok()
            .and_then(|m| super::measure::value(&m, &run))
        {
            *value = x;
        }
    }
    values
}
