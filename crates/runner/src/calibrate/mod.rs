//! `wandel calibrate FILE`: estimates a scenario's free parameters by the simulated method of
//! moments (`docs/calibrate.md`). A global search over a scrambled Sobol design of the
//! parameters' box, then a Nelder-Mead refinement (argmin) from its best point; the moments
//! at every point are means over the same seeds (common random numbers), so the objective is
//! a fixed function of the parameters. At the estimate: a finite-difference Jacobian checked
//! at two steps, standard errors by the sandwich formula, identification diagnostics, the fit
//! of every target and the validation rows declared in advance, never targeted.
//!
//! Results: `estimates.json`, `moments.csv`, `evaluations.csv`, `profile.csv`, the charts
//! (`charts/profile`, `charts/sensitivity`) and `report.html`; the journal
//! (`calibration-journal.csv`) lets a killed calibration resume without re-running a point.

pub(crate) mod evaluate;
pub(crate) mod file;
pub(crate) mod inference;
pub(crate) mod measure;
pub(crate) mod search;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use nalgebra::DMatrix;
use serde::Serialize;

use evaluate::{Evaluation, Evaluator, Interrupted};
use file::{CalibrationFile, Weighting};

/// Options of `wandel calibrate`.
#[derive(clap::Args, Debug)]
pub(crate) struct CalibrateArgs {
    /// The calibration file.
    pub(crate) file: PathBuf,
    /// Output directory (default: out/calibrations/<calibration file name>/).
    #[arg(long, value_name = "DIR")]
    pub(crate) out: Option<PathBuf>,
    /// Worker threads, 1 to 1024 (default: all cores). Results do not depend on it.
    #[arg(long, value_name = "N", value_parser = crate::threads::threads)]
    pub(crate) threads: Option<usize>,
    /// Replace the results of another calibration, run or sweep in the output directory.
    #[arg(long, conflicts_with = "resume")]
    pub(crate) overwrite: bool,
    /// Continue an interrupted calibration in its output directory: the points in its journal
    /// are not run again (the calibration file must be unchanged).
    #[arg(long)]
    pub(crate) resume: bool,
    /// Check the calibration file (and its scenarios at every bound) without running it.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Skip the charts and the report.
    #[arg(long)]
    pub(crate) no_charts: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub(crate) quiet: bool,
    /// The language of the charts and the report: `en` (default) or `de`.
    #[arg(long, value_enum, default_value = "en")]
    pub(crate) lang: crate::cli::Language,
}

/// One parameter's estimate.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Estimate {
    pub(crate) path: String,
    pub(crate) estimate: f64,
    pub(crate) min: f64,
    pub(crate) max: f64,
    pub(crate) log: bool,
    /// Standard error on the parameter's own scale (the delta method; for a log-scale
    /// parameter, of the logarithm: see `interval`).
    pub(crate) standard_error: Option<f64>,
    /// 95 % interval (for a log-scale parameter, made on the log scale and transformed back).
    pub(crate) interval: Option<[f64; 2]>,
    /// The estimate lies at a bound: no delta-method interval.
    pub(crate) at_bound: bool,
}

/// The check of the Jacobian's step.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct StepCheck {
    pub(crate) step: f64,
    /// ‖G(h) − G(2h)‖ / ‖G(2h)‖.
    pub(crate) relative_difference: f64,
    pub(crate) tolerance: f64,
    pub(crate) stable: bool,
}

/// `estimates.json`.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Estimates {
    pub(crate) calibration_file: String,
    pub(crate) seed: u64,
    pub(crate) replications: u32,
    pub(crate) weighting: &'static str,
    pub(crate) parameters: Vec<Estimate>,
    /// The target moments' names, in the order of the sensitivity matrix's rows.
    pub(crate) targets: Vec<String>,
    pub(crate) objective: f64,
    pub(crate) evaluations: usize,
    pub(crate) distinct_points: usize,
    pub(crate) jacobian_step: StepCheck,
    pub(crate) identification: inference::Identification,
    /// Overidentification statistic (efficient weighting only, more moments than parameters).
    pub(crate) overidentification: Option<Overidentification>,
    pub(crate) warnings: Vec<String>,
}

/// Hansen's J statistic.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Overidentification {
    pub(crate) j: f64,
    pub(crate) degrees_of_freedom: usize,
    pub(crate) p_value: f64,
    pub(crate) caveat: &'static str,
}

/// `wandel calibrate`.
pub(crate) fn calibrate(args: &CalibrateArgs) -> Result<ExitCode> {
    let file = match file::read(&args.file, crate::sweep::INDICATORS) {
        Ok(f) => f,
        Err(d) => return Err(anyhow::Error::new(crate::Reported(d.to_string()))),
    };
    if args.dry_run {
        println!(
            "ok: {}: {} scenario{}, {} parameter{}, {} target moments, {} validation rows, {} replications per point; nothing run",
            args.file.display(),
            file.scenarios.len(),
            plural(file.scenarios.len()),
            file.parameters.len(),
            plural(file.parameters.len()),
            file.moments.len(),
            file.validate.len(),
            file.replications
        );
        return Ok(ExitCode::SUCCESS);
    }
    let dir = args.out.clone().unwrap_or_else(|| {
        let stem = args
            .file
            .file_stem()
            .map_or("calibration".to_string(), |s| {
                s.to_string_lossy().into_owned()
            });
        PathBuf::from("out").join("calibrations").join(stem)
    });
    if args.resume {
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    } else {
        crate::outdir::prepare(&dir, args.overwrite)?;
    }
    let threads = args
        .threads
        .unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        })
        .clamp(1, crate::threads::MAX_THREADS);
    let pool = crate::arms::pool(threads)?;
    let stop = crate::interrupt::watch();
    let mut eval = Evaluator::open(&file, &pool, stop, &dir, args.resume, args.quiet)?;
    let result = estimate(&file, &mut eval, args.quiet);
    eval.finish();
    match result {
        Ok(result) => {
            write_outputs(&dir, &file, &eval, &result)?;
            if !args.no_charts {
                crate::draw_calibration_charts(&dir, args.lang.lang())?;
            }
            if !args.quiet {
                print_summary(&file, &result, &dir);
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if e.downcast_ref::<Interrupted>().is_some() => {
            eprintln!("{e}");
            Ok(ExitCode::from(130))
        }
        Err(e) => Err(e),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Everything computed at the estimate.
pub(crate) struct Fit {
    pub(crate) estimates: Estimates,
    pub(crate) at_estimate: Evaluation,
    /// The objective along each parameter around the estimate: (offset as a share of the
    /// range, value, objective).
    pub(crate) profiles: Vec<Vec<(f64, f64, f64)>>,
    /// Jacobian of every moment (targets, then validation rows), internal coordinates.
    pub(crate) jacobian: DMatrix<f64>,
    /// Covariance of the estimate, internal coordinates (None when not computable).
    pub(crate) covariance: Option<DMatrix<f64>>,
    /// (G′WG)⁻¹G′W: how the estimate moves with the targets (None when not computable).
    pub(crate) influence: Option<DMatrix<f64>>,
    pub(crate) weights: DMatrix<f64>,
}

/// The documented values of the targets.
fn targets(file: &CalibrationFile) -> (Vec<f64>, Vec<f64>) {
    (
        file.moments.iter().map(|m| m.value).collect(),
        file.moments.iter().map(|m| m.sd).collect(),
    )
}

/// Runs the search and the inference.
fn estimate(file: &CalibrationFile, eval: &mut Evaluator<'_>, quiet: bool) -> Result<Fit> {
    let (target, sd) = targets(file);
    let m = file.moments.len();
    let p = file.parameters.len();
    let diagonal = DMatrix::from_diagonal(&nalgebra::DVector::from_iterator(
        m,
        sd.iter().map(|s| 1.0 / (s * s)),
    ));
    let say = |text: String| {
        if !quiet {
            eprintln!("{text}");
        }
    };
    // Global search, then the local refinement.
    let mut best = search::global(file, eval, &target, &diagonal)?;
    if !best.1.is_finite() {
        // Every point of the global search has a target that is not a number.
        let start = eval
            .evaluate("global", &[search::natural(file, &best.0)])?
            .remove(0)
            .mean();
        let missing: Vec<String> = file
            .moments
            .iter()
            .zip(&start)
            .filter(|(_, v)| !v.is_finite())
            .map(|(mo, _)| {
                format!(
                    "`{}` ({} of scenario `{}`)",
                    mo.name, mo.measure, file.scenarios[mo.scenario].name
                )
            })
            .collect();
        anyhow::bail!(
            "{}: no point of the global search gives every target a value; not defined in its runs: {} (a window outside the run's months, or a measure of displaced workers in a run without displacements)",
            file.path.display(),
            missing.join(", ")
        );
    }
    say(format!(
        "global search: {} points, best objective {:.4}",
        file.global_points + 1,
        best.1
    ));
    best = search::local(file, eval, &target, &diagonal, &best.0, "local")?;
    if file.local_iterations > 0 {
        best = search::polish(file, eval, &target, &diagonal, best, "local")?;
    }
    say(format!("local refinement: objective {:.4}", best.1));
    let mut weights = diagonal.clone();
    if file.weighting == Weighting::Efficient {
        let at = eval
            .evaluate("efficient", &[search::natural(file, &best.0)])?
            .remove(0);
        let sim = inference::covariance(&at.reps, 0..m);
        let sigma = inference::moment_covariance(&sd, &sim, file.replications);
        weights = sigma
            .try_inverse()
            .context("the moments' covariance is singular: efficient weighting cannot be used")?;
        best = search::local(file, eval, &target, &weights, &best.0, "efficient")?;
        if file.local_iterations > 0 {
            best = search::polish(file, eval, &target, &weights, best, "efficient")?;
        }
        say(format!("efficient weighting: objective {:.4}", best.1));
    }
    let u = best.0.clone();
    let at_estimate = eval
        .evaluate("estimate", &[search::natural(file, &u)])?
        .remove(0);
    // Jacobian at steps h and 2h.
    let (g_h, g_2h) = search::jacobians(file, eval, &u)?;
    let targets_rows = |g: &DMatrix<f64>| g.rows(0, m).into_owned();
    let (gt, gt2) = (targets_rows(&g_h), targets_rows(&g_2h));
    let diff = (&gt - &gt2).norm();
    let scale = gt2.norm();
    let relative = if scale > 0.0 {
        diff / scale
    } else {
        f64::INFINITY
    };
    let step = StepCheck {
        step: file.step,
        relative_difference: relative,
        tolerance: inference::STEP_TOLERANCE,
        stable: relative <= inference::STEP_TOLERANCE,
    };
    let mut warnings = Vec::new();
    if !step.stable {
        warnings.push(format!(
            "the Jacobian at step {} and at twice the step differ by {:.0} % (more than {:.0} %): the moments move in steps at this scale; raise `step` or `replications`",
            file.step,
            100.0 * relative,
            100.0 * inference::STEP_TOLERANCE
        ));
    }
    let profiles = search::profiles(file, eval, &u, &target, &weights)?;
    let k = m + file.validate.len();
    let sim = inference::covariance(&at_estimate.reps, 0..k);
    let sim_targets = sim.view((0, 0), (m, m)).into_owned();
    let sigma = inference::moment_covariance(&sd, &sim_targets, file.replications);
    let covariance = inference::sandwich(&gt, &weights, &sigma);
    let influence = (gt.transpose() * &weights * &gt)
        .try_inverse()
        .map(|b| b * gt.transpose() * &weights);
    if covariance.is_none() {
        warnings.push(
            "G′WG is singular: the parameters are not identified by the targets (no standard errors)"
                .to_string(),
        );
    }
    if gt.iter().any(|x| !x.is_finite()) {
        anyhow::bail!(
            "{}: a target is not defined at some point of the Jacobian (a step of {} of a parameter's range leaves it without a value); nothing written",
            file.path.display(),
            file.step
        );
    }
    let identification = inference::identification(&gt, &sd);
    for &j in &identification.moves_nothing {
        warnings.push(format!(
            "`{}` is not identified: over its whole range it moves the target moments by less than a tenth of a standard deviation together (the norm of its column of the scaled Jacobian)",
            file.parameters[j].path
        ));
    }
    for &(a, b, cos) in &identification.alike {
        warnings.push(format!(
            "`{}` and `{}` are not identified apart: they move the target moments alike (cosine {cos:.3})",
            file.parameters[a].path, file.parameters[b].path
        ));
    }
    if identification.rank < p {
        warnings.push(format!(
            "the scaled Jacobian has rank {} for {p} parameters (tolerance {}): not every parameter is identified",
            identification.rank,
            inference::RANK_TOLERANCE
        ));
    }
    let parameters = file
        .parameters
        .iter()
        .enumerate()
        .map(|(j, fp)| {
            let at_bound = !(1e-3..=1.0 - 1e-3).contains(&u[j]);
            let se_u = covariance
                .as_ref()
                .map(|v| v[(j, j)].max(0.0).sqrt())
                .filter(|s| s.is_finite());
            let (standard_error, interval) = match se_u {
                Some(se) if !at_bound => {
                    let x = fp.at(u[j]);
                    if fp.log {
                        let width = fp.max.ln() - fp.min.ln();
                        let se_log = se * width;
                        (
                            Some(se_log),
                            Some([x * (-1.96 * se_log).exp(), x * (1.96 * se_log).exp()]),
                        )
                    } else {
                        let se_x = se * (fp.max - fp.min);
                        (Some(se_x), Some([x - 1.96 * se_x, x + 1.96 * se_x]))
                    }
                }
                _ => (None, None),
            };
            if at_bound {
                warnings.push(format!(
                    "`{}` is estimated at a bound ({}): no delta-method interval; widen the bounds if the documented figures allow",
                    fp.path,
                    fp.at(u[j])
                ));
            }
            Estimate {
                path: fp.path.clone(),
                estimate: fp.at(u[j]),
                min: fp.min,
                max: fp.max,
                log: fp.log,
                standard_error,
                interval,
                at_bound,
            }
        })
        .collect();
    let mean = at_estimate.mean();
    let objective = inference::objective(&mean[..m], &target, &weights);
    // A profile point below the estimate: the search stopped before a minimum.
    for (fp, profile) in file.parameters.iter().zip(&profiles) {
        if let Some(&(_, x, q)) = profile
            .iter()
            .filter(|p| p.2 < objective * (1.0 - 1e-9))
            .min_by(|a, b| a.2.total_cmp(&b.2))
        {
            warnings.push(format!(
                "the search did not reach a minimum: along `{}` the objective is {q:.4} at {x} against {objective:.4} at the estimate; raise `local_iterations` (or `global_points`) and run again",
                fp.path
            ));
        }
    }
    let overidentification = (file.weighting == Weighting::Efficient && m > p).then(|| {
        let j = inference::objective(&mean[..m], &target, &sigma.clone().try_inverse().unwrap_or(weights.clone()));
        Overidentification {
            j,
            degrees_of_freedom: m - p,
            p_value: inference::chi_squared_p(j, m - p),
            caveat: "documented figures from other countries, periods or definitions are tested too: a rejection may be theirs, not the model's",
        }
    });
    Ok(Fit {
        estimates: Estimates {
            calibration_file: file.path.display().to_string(),
            seed: file.seed,
            replications: file.replications,
            weighting: match file.weighting {
                Weighting::Diagonal => "diagonal",
                Weighting::Efficient => "efficient",
            },
            parameters,
            targets: file.moments.iter().map(|m| m.name.clone()).collect(),
            objective,
            evaluations: eval.requested.len(),
            distinct_points: {
                let mut keys: Vec<String> = eval
                    .requested
                    .iter()
                    .map(|r| format!("{:?}", r.point))
                    .collect();
                keys.sort();
                keys.dedup();
                keys.len()
            },
            jacobian_step: step,
            identification,
            overidentification,
            warnings,
        },
        at_estimate,
        profiles,
        jacobian: g_h,
        covariance,
        influence,
        weights,
    })
}

/// Writes `estimates.json`, `moments.csv` and `evaluations.csv`.
fn write_outputs(
    dir: &std::path::Path,
    file: &CalibrationFile,
    eval: &Evaluator<'_>,
    result: &Fit,
) -> Result<()> {
    let json = serde_json::to_string_pretty(&result.estimates)? + "\n";
    crate::atomic::write_bytes(&dir.join("estimates.json"), json.as_bytes())?;
    // moments.csv: targets and validation rows at the estimate.
    let m = file.moments.len();
    let mean = result.at_estimate.mean();
    let k = mean.len();
    let sim = inference::covariance(&result.at_estimate.reps, 0..k);
    let r = f64::from(file.replications);
    let (target, _) = targets(file);
    let contributions = inference::contributions(&mean[..m], &target, &result.weights);
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "kind",
        "name",
        "scenario",
        "arm",
        "measure",
        "row",
        "documented",
        "documented_sd",
        "sd_rule",
        "simulated",
        "simulated_se",
        "lower_95",
        "upper_95",
        "contribution",
        "consistent",
    ])?;
    for (i, mo) in file.moments.iter().chain(&file.validate).enumerate() {
        let target_row = i < m;
        let sim_var = sim[(i, i)] / r;
        // Validation rows carry the parameters' uncertainty through the Jacobian, less twice
        // the covariance of their own simulation noise with the estimate's (the targets and
        // the validation rows come from the same runs): Var = Σ_vv/R + G_v V G_vᵀ − 2 G_v A Σ_tv/R.
        let param_var = match (&result.covariance, &result.influence, target_row) {
            (Some(v), Some(a), false) => {
                let gi = result.jacobian.row(i);
                let sigma_tv = sim.view((0, i), (m, 1)) / r;
                (gi * v * gi.transpose())[(0, 0)] - 2.0 * (gi * a * sigma_tv)[(0, 0)]
            }
            _ => 0.0,
        };
        let se = (sim_var + param_var).max(0.0).sqrt();
        let consistent = (mean[i] - mo.value).abs() <= 1.96 * (se * se + mo.sd * mo.sd).sqrt();
        w.write_record([
            if target_row { "target" } else { "validation" }.to_string(),
            mo.name.clone(),
            file.scenarios[mo.scenario].name.clone(),
            mo.arm.name().to_string(),
            mo.measure.clone(),
            mo.row.clone(),
            file::number_text(mo.value),
            file::number_text(mo.sd),
            mo.sd_rule.clone(),
            file::number_text(mean[i]),
            file::number_text(se),
            file::number_text(mean[i] - 1.96 * se),
            file::number_text(mean[i] + 1.96 * se),
            if target_row {
                file::number_text(contributions[i])
            } else {
                String::new()
            },
            if target_row {
                String::new()
            } else {
                consistent.to_string()
            },
        ])?;
    }
    crate::atomic::write_bytes(&dir.join("moments.csv"), &w.into_inner()?)?;
    // evaluations.csv: every evaluation requested, in order.
    let (target, sd) = targets(file);
    let diagonal = DMatrix::from_diagonal(&nalgebra::DVector::from_iterator(
        m,
        sd.iter().map(|s| 1.0 / (s * s)),
    ));
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["evaluation".to_string(), "phase".to_string()];
    header.extend(file.parameters.iter().map(|p| p.path.clone()));
    header.push("objective_diagonal".to_string());
    header.extend(
        file.moments
            .iter()
            .chain(&file.validate)
            .map(|m| m.name.clone()),
    );
    w.write_record(&header)?;
    for (n, req) in eval.requested.iter().enumerate() {
        let e = eval
            .get(&req.point)
            .expect("every requested point was evaluated");
        let mean = e.mean();
        let mut row = vec![n.to_string(), req.phase.to_string()];
        row.extend(req.point.iter().map(|x| file::number_text(*x)));
        row.push(file::number_text(inference::objective(
            &mean[..m],
            &target,
            &diagonal,
        )));
        row.extend(mean.iter().map(|x| file::number_text(*x)));
        w.write_record(&row)?;
    }
    crate::atomic::write_bytes(&dir.join("evaluations.csv"), &w.into_inner()?)?;
    // profile.csv: the objective along each parameter around the estimate.
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["parameter", "offset", "value", "objective", "estimate"])?;
    for (p, profile) in file.parameters.iter().zip(&result.profiles) {
        let at = result
            .estimates
            .parameters
            .iter()
            .find(|e| e.path == p.path)
            .map_or(f64::NAN, |e| e.estimate);
        for &(off, x, q) in profile {
            w.write_record([
                p.path.clone(),
                file::number_text(off),
                file::number_text(x),
                file::number_text(q),
                file::number_text(at),
            ])?;
        }
    }
    crate::atomic::write_bytes(&dir.join("profile.csv"), &w.into_inner()?)?;
    Ok(())
}

/// The estimates and warnings on standard output.
fn print_summary(file: &CalibrationFile, result: &Fit, dir: &std::path::Path) {
    let e = &result.estimates;
    println!(
        "calibrated {} ({} evaluations, {} points; objective {:.4}, {} weighting)",
        file.path.display(),
        e.evaluations,
        e.distinct_points,
        e.objective,
        e.weighting
    );
    for p in &e.parameters {
        match (p.standard_error, p.interval) {
            (Some(se), Some([lo, hi])) => println!(
                "  {} = {:.6} (se {:.6}{}; 95 % [{lo:.6}, {hi:.6}])",
                p.path,
                p.estimate,
                se,
                if p.log { " on the log scale" } else { "" }
            ),
            _ => println!("  {} = {:.6} (no interval)", p.path, p.estimate),
        }
    }
    for w in &e.warnings {
        println!("warning: {w}");
    }
    println!("results in {}", dir.display());
}
