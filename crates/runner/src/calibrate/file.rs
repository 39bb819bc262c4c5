//! The calibration file (`docs/calibrate.md`): the scenarios run, the free parameters with
//! their bounds, the target moments with the documented values and their uncertainty, the
//! validation rows declared in advance (never targeted), and the settings of the search.
//! Read with the located reader: every problem at once, with file, line, column and key.

use std::path::{Path, PathBuf};

use wandel_format::reader::{Range, Reader, Table};
use wandel_format::source::{Origin, SourceFile, Sources};
use wandel_format::tree::Value;
use wandel_scenario::{Diagnostic, Diagnostics};

use crate::arms::Counterfactual;

/// Free parameters a calibration may estimate at the most.
pub(crate) const MAX_PARAMETERS: usize = 50;

/// Validation rows a calibration file must declare at the least.
pub(crate) const MIN_VALIDATION_ROWS: usize = 5;

/// One scenario the calibration runs.
#[derive(Clone, Debug)]
pub(crate) struct ScenarioRef {
    /// Its name in the file (moments name it).
    pub(crate) name: String,
    /// The scenario file (resolved against the calibration file's folder).
    pub(crate) file: PathBuf,
    /// The comparison arm run beside it with the same seeds, if any.
    pub(crate) comparison: Option<Counterfactual>,
}

/// A free parameter: a scenario key path with bounds and a start value.
#[derive(Clone, Debug)]
pub(crate) struct FreeParameter {
    /// The key path, as in `--set` and sweeps (e.g. `matching.efficiency`).
    pub(crate) path: String,
    pub(crate) min: f64,
    pub(crate) max: f64,
    pub(crate) start: f64,
    /// Searched (and its interval given) on a log scale.
    pub(crate) log: bool,
    /// The scenarios it is set in (indices), `None` for every scenario of the file (a key some
    /// scenarios lack, such as a policy's, is set only in those that have it).
    pub(crate) scenarios: Option<Vec<usize>>,
}

impl FreeParameter {
    /// Whether it is set in scenario `s`.
    pub(crate) fn applies_to(&self, s: usize) -> bool {
        self.scenarios.as_ref().is_none_or(|list| list.contains(&s))
    }
}

impl FreeParameter {
    /// The value at internal coordinate `u` in [0, 1] (linear or log between the bounds).
    pub(crate) fn at(&self, u: f64) -> f64 {
        let u = u.clamp(0.0, 1.0);
        if self.log {
            (self.min.ln() + u * (self.max.ln() - self.min.ln())).exp()
        } else {
            self.min + u * (self.max - self.min)
        }
    }

    /// The internal coordinate of value `x`.
    pub(crate) fn coordinate(&self, x: f64) -> f64 {
        if self.log {
            (x.ln() - self.min.ln()) / (self.max.ln() - self.min.ln())
        } else {
            (x - self.min) / (self.max - self.min)
        }
    }
}

/// Which run of a scenario a moment is measured in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MomentArm {
    /// The scenario as written.
    Scenario,
    /// Its comparison arm.
    Comparison,
    /// The scenario minus its comparison arm (replication by replication).
    Effect,
}

impl MomentArm {
    /// As written in the file and the outputs.
    pub(crate) fn name(self) -> &'static str {
        match self {
            MomentArm::Scenario => "scenario",
            MomentArm::Comparison => "comparison",
            MomentArm::Effect => "effect",
        }
    }
}

/// A target moment or a validation row.
#[derive(Clone, Debug)]
pub(crate) struct Moment {
    pub(crate) name: String,
    /// Index into the scenarios.
    pub(crate) scenario: usize,
    pub(crate) arm: MomentArm,
    /// What it measures: an indicator of `summary.json` (as sweeps keep them) or an aggregate
    /// over the run's tables (the grammar of [`super::measure`]).
    pub(crate) measure: String,
    /// The documented value.
    pub(crate) value: f64,
    /// The documented figure's uncertainty as a standard deviation.
    pub(crate) sd: f64,
    /// How `sd` was obtained (given, or from a range: half the range is two standard deviations).
    pub(crate) sd_rule: String,
    /// The calibration table's row.
    pub(crate) row: String,
}

/// How the moments are weighted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Weighting {
    /// The inverse of the documented variances.
    Diagonal,
    /// Two steps: diagonal, then the inverse of the moments' full covariance at the first
    /// estimate (data and simulation).
    Efficient,
}

/// A calibration file.
#[derive(Clone, Debug)]
pub(crate) struct CalibrationFile {
    pub(crate) path: PathBuf,
    pub(crate) text: String,
    pub(crate) seed: u64,
    pub(crate) replications: u32,
    pub(crate) weighting: Weighting,
    pub(crate) global_points: usize,
    pub(crate) local_iterations: u64,
    /// Finite-difference step, as a share of each parameter's internal range.
    pub(crate) step: f64,
    /// Points of the objective's profile along each parameter around the estimate (0: none).
    pub(crate) profile_points: usize,
    pub(crate) scenarios: Vec<ScenarioRef>,
    pub(crate) parameters: Vec<FreeParameter>,
    pub(crate) moments: Vec<Moment>,
    pub(crate) validate: Vec<Moment>,
}

/// Why a calibration may not vary scenario key `path` (None: it may).
fn fixed_key(path: &str) -> Option<&'static str> {
    match path {
        "simulation.seed" => Some(
            "a calibration sets every run's seed itself (the calibration's `seed`, the same at every point: common random numbers)",
        ),
        "simulation.replications" => {
            Some("a calibration runs each point `replications` times (the calibration's own key)")
        }
        "format" | "extends" => {
            Some("a calibration estimates a scenario's values, not which file it is or its format")
        }
        _ => None,
    }
}

/// Reads `path`; every problem at once. `indicators` are the measures a moment may name.
pub(crate) fn read(path: &Path, indicators: &[&str]) -> Result<CalibrationFile, Diagnostics> {
    let text = wandel_format::source::read_text(path).map_err(|e| {
        Diagnostics(vec![Diagnostic::of_file(
            path,
            format!("cannot read calibration file {}: {e}", path.display()),
        )])
    })?;
    parse(path, text, indicators)
}

/// Reads a calibration file's `text` (as if at `path`).
pub(crate) fn parse(
    path: &Path,
    text: String,
    indicators: &[&str],
) -> Result<CalibrationFile, Diagnostics> {
    let mut sources = Sources::default();
    sources
        .files
        .push(SourceFile::new(path.to_path_buf(), text.clone()));
    let root = match wandel_format::parse(&sources, 0) {
        Ok(root) => root,
        Err(d) => return Err(Diagnostics(vec![d])),
    };
    // A file for another command.
    let wrong = if root.get("format").is_some() && root.get("calibration").is_none() {
        Some(format!(
            "{} is a scenario (it has `format`), not a calibration file: run it with `wandel run {}`",
            path.display(),
            path.display()
        ))
    } else if root.get("base").is_some() && root.get("calibration").is_none() {
        Some(format!(
            "{} is a sweep file (it names a `base`), not a calibration file: run it with `wandel sweep {}`",
            path.display(),
            path.display()
        ))
    } else {
        None
    };
    if let Some(message) = wrong {
        return Err(Diagnostics(vec![Diagnostic::of_file(path, message)]));
    }
    let mut r = Reader::new(&sources);
    let mut top = Table::new(Some(&root), String::new());
    let mut settings = r.table(&mut top, "calibration");
    let seed = r.integer(&mut settings, "seed", Some(1), 0, i64::MAX) as u64;
    let replications = r.integer(&mut settings, "replications", Some(4), 2, 10_000) as u32;
    let weighting = match r
        .choice(
            &mut settings,
            "weighting",
            "diagonal",
            &["diagonal", "efficient"],
        )
        .as_str()
    {
        "efficient" => Weighting::Efficient,
        _ => Weighting::Diagonal,
    };
    let global_points = r.integer(&mut settings, "global_points", Some(16), 1, 4096) as usize;
    let local_iterations = r.integer(&mut settings, "local_iterations", Some(40), 0, 10_000) as u64;
    let step = r.number(
        &mut settings,
        "step",
        Some(0.05),
        Range::Between(1e-4, 0.25),
    );
    let profile_points = r.integer(&mut settings, "profile_points", Some(9), 0, 101) as usize;
    r.finish(settings);

    // Scenarios.
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut scenarios: Vec<ScenarioRef> = Vec::new();
    let mut scenario_origins = Vec::new();
    for mut t in r.tables(&mut top, "scenarios") {
        let name = r.name(&mut t, "name");
        let file_origin = t.node_get("file").map(|n| n.origin);
        let file = r.string(&mut t, "file", None);
        let comparison = t.node_get("comparison").map(|_| {
            match r
                .choice(
                    &mut t,
                    "comparison",
                    "no_policies",
                    &["no_policies", "no_shocks"],
                )
                .as_str()
            {
                "no_shocks" => Counterfactual::NoShocks,
                _ => Counterfactual::NoPolicies,
            }
        });
        if scenarios.iter().any(|s| s.name == name) {
            r.error(
                t.origin(),
                &format!("{}.name", t.path),
                format!("two scenarios are named `{name}`"),
            );
        }
        r.finish(t);
        scenario_origins.push(file_origin.unwrap_or(Origin::Nowhere));
        scenarios.push(ScenarioRef {
            name,
            file: folder.join(file),
            comparison,
        });
    }
    if scenarios.is_empty() {
        r.error(
            top.origin(),
            "scenarios",
            "missing required key: name one scenario or more ([[scenarios]] with `name` and `file`)",
        );
    }

    // Free parameters.
    let mut parameters: Vec<FreeParameter> = Vec::new();
    let mut parameter_origins = Vec::new();
    for mut t in r.tables(&mut top, "parameters") {
        let path_origin = t.node_get("path").map_or(t.origin(), |n| n.origin);
        let key = r.string(&mut t, "path", None);
        let has = (t.has("min"), t.has("max"), t.has("start"));
        let min = r.number(&mut t, "min", None, Range::Finite);
        let max = r.number(&mut t, "max", None, Range::Finite);
        let log = r.boolean(&mut t, "log", false);
        let start_node = t.node_get("start").map(|n| n.origin);
        let start = r.number(&mut t, "start", Some(f64::NAN), Range::Finite);
        let only = read_parameter_scenarios(&mut r, &mut t, &scenarios);
        let here = format!("{}.path", t.path);
        if let Some(why) = fixed_key(&key) {
            r.error(
                path_origin,
                &here,
                format!("`{key}` cannot be estimated: {why}"),
            );
        }
        if parameters.iter().any(|p| p.path == key) {
            r.error(path_origin, &here, format!("`{key}` is listed twice"));
        }
        let bounds_ok = has.0 && has.1 && min < max;
        if has.0 && has.1 && min >= max {
            r.error(
                t.origin(),
                &format!("{}.min", t.path),
                format!("`min` ({min}) must be below `max` ({max})"),
            );
        }
        if log && has.0 && min <= 0.0 {
            r.error(
                t.origin(),
                &format!("{}.log", t.path),
                "a log scale needs `min` > 0",
            );
        }
        let start = if has.2 {
            if bounds_ok && !(min..=max).contains(&start) {
                r.error(
                    start_node.unwrap_or(Origin::Nowhere),
                    &format!("{}.start", t.path),
                    format!("must be within the bounds [{min}, {max}], got {start}"),
                );
            }
            start
        } else if log && min > 0.0 {
            (min * max).sqrt()
        } else {
            (min + max) / 2.0
        };
        r.finish(t);
        parameter_origins.push(path_origin);
        parameters.push(FreeParameter {
            path: key,
            min,
            max,
            start,
            log,
            scenarios: only,
        });
    }
    if parameters.len() > MAX_PARAMETERS {
        r.error(
            top.origin(),
            "parameters",
            format!(
                "{} free parameters; a calibration estimates at most {MAX_PARAMETERS} (each needs moments that move with it, and the search's cost grows with their number)",
                parameters.len()
            ),
        );
    }
    if parameters.is_empty() {
        r.error(
            top.origin(),
            "parameters",
            "missing required key: name one free parameter or more ([[parameters]] with `path`, `min` and `max`)",
        );
    }

    // Moments and validation rows.
    // Where each moment's and validation row's measure is written, in that order.
    let mut measure_origins = Vec::new();
    let moments = read_moments(
        &mut r,
        &mut top,
        "moments",
        &scenarios,
        indicators,
        &mut measure_origins,
    );
    let validate = read_moments(
        &mut r,
        &mut top,
        "validate",
        &scenarios,
        indicators,
        &mut measure_origins,
    );
    if moments.is_empty() {
        r.error(
            top.origin(),
            "moments",
            "missing required key: name the target moments ([[moments]])",
        );
    } else if moments.len() < parameters.len() {
        r.error(
            top.origin(),
            "moments",
            format!(
                "{} target moments for {} free parameters: a parameter needs a moment or more to be estimated",
                moments.len(),
                parameters.len()
            ),
        );
    }
    if validate.len() < MIN_VALIDATION_ROWS {
        r.error(
            top.origin(),
            "validate",
            format!(
                "{} validation rows: declare at least {MIN_VALIDATION_ROWS} in advance ([[validate]]), measures never targeted that the estimate is checked against",
                validate.len()
            ),
        );
    }
    for v in validate.iter().filter(|_| !scenarios.is_empty()) {
        if moments
            .iter()
            .any(|m| (m.scenario, m.arm, &m.measure) == (v.scenario, v.arm, &v.measure))
        {
            r.error(
                top.origin(),
                &format!("validate.{}", v.name),
                format!(
                    "`{}` ({} of scenario `{}`) is also a target moment: a validation row must never be targeted",
                    v.measure,
                    v.arm.name(),
                    scenarios[v.scenario].name
                ),
            );
        }
    }
    let mut names: Vec<&str> = moments
        .iter()
        .chain(&validate)
        .map(|m| m.name.as_str())
        .collect();
    names.sort_unstable();
    for w in names.windows(2) {
        if w[0] == w[1] {
            r.error(
                top.origin(),
                "moments",
                format!("two moments or validation rows are named `{}`", w[0]),
            );
        }
    }
    r.finish(top);
    let mut diagnostics = std::mem::take(&mut r.diagnostics);

    // Every scenario must be valid, with every parameter at its bounds and start.
    if diagnostics.is_empty() {
        for (si, (s, origin)) in scenarios.iter().zip(&scenario_origins).enumerate() {
            if !s.file.is_file() {
                diagnostics.push(Diagnostic {
                    location: sources.locate(*origin, 0),
                    key: format!("scenarios.{}.file", s.name),
                    message: format!("no scenario file at {}", s.file.display()),
                });
                continue;
            }
            let scenario = match wandel_scenario::load(&s.file, &[]) {
                Ok(scenario) => scenario,
                Err(d) => {
                    diagnostics.push(Diagnostic {
                        location: sources.locate(*origin, 0),
                        key: format!("scenarios.{}.file", s.name),
                        message: format!(
                            "the scenario {} is not valid ({} problem{}, below)",
                            s.file.display(),
                            d.0.len(),
                            if d.0.len() == 1 { "" } else { "s" }
                        ),
                    });
                    diagnostics.extend(d.0);
                    continue;
                }
            };
            // The regions, sectors and cohort groups its moments name.
            for (m, (origin, key)) in moments.iter().chain(&validate).zip(&measure_origins) {
                if m.scenario != si {
                    continue;
                }
                let checked = super::measure::parse(&m.measure, indicators).and_then(|parsed| {
                    super::measure::check(&parsed, &scenario.params, &scenario.policies)?;
                    // The same workers are followed in the comparison arm only when it is the
                    // scenario without its policies.
                    if parsed.follows()
                        && m.arm != MomentArm::Scenario
                        && s.comparison != Some(Counterfactual::NoPolicies)
                    {
                        return Err(format!(
                            "arm `{}` of a follow-up measure needs `comparison = \"no_policies\"` on scenario `{}` (the same workers, followed in the scenario without its policies)",
                            m.arm.name(),
                            s.name
                        ));
                    }
                    Ok(())
                });
                if let Err(problem) = checked {
                    diagnostics.push(Diagnostic {
                        location: sources.locate(*origin, 0),
                        key: key.clone(),
                        message: format!("in scenario `{}`: {problem}", s.name),
                    });
                }
            }
            for (p, origin) in parameters.iter().zip(&parameter_origins) {
                if !p.applies_to(si) {
                    continue;
                }
                for x in [p.min, p.max, p.start] {
                    let set = format!("{}={}", p.path, number_text(x));
                    if let Err(d) = wandel_scenario::load(&s.file, std::slice::from_ref(&set)) {
                        for problem in d.0 {
                            diagnostics.push(Diagnostic {
                                location: sources.locate(*origin, 0),
                                key: format!("parameters.{}", p.path),
                                message: format!(
                                    "in scenario `{}`, {set}: {}",
                                    s.name, problem.message
                                ),
                            });
                        }
                        break;
                    }
                }
            }
        }
    }
    if !diagnostics.is_empty() {
        return Err(Diagnostics(diagnostics));
    }
    Ok(CalibrationFile {
        path: path.to_path_buf(),
        text,
        seed,
        replications,
        weighting,
        global_points,
        local_iterations,
        step,
        profile_points,
        scenarios,
        parameters,
        moments,
        validate,
    })
}

/// A parameter's optional `scenarios = ["name", …]`: the scenarios it is set in, by index.
fn read_parameter_scenarios(
    r: &mut Reader<'_>,
    t: &mut Table<'_>,
    scenarios: &[ScenarioRef],
) -> Option<Vec<usize>> {
    let path = format!("{}.scenarios", t.path);
    let node = r.raw(t, "scenarios")?;
    let known: Vec<&str> = scenarios.iter().map(|s| s.name.as_str()).collect();
    let Value::Array(items) = &node.value else {
        r.error(
            node.origin,
            &path,
            "must be an array of scenario names, e.g. [\"steel\"]",
        );
        return None;
    };
    let mut out = Vec::new();
    for item in items {
        match &item.value {
            Value::Str(name) => match known.iter().position(|k| k == name) {
                Some(i) if !out.contains(&i) => out.push(i),
                Some(_) => r.error(item.origin, &path, format!("`{name}` is listed twice")),
                None => r.error(
                    item.origin,
                    &path,
                    format!(
                        "unknown scenario `{name}` (the file names: {})",
                        known.join(", ")
                    ),
                ),
            },
            _ => r.error(
                item.origin,
                &path,
                "must be an array of scenario names, e.g. [\"steel\"]",
            ),
        }
    }
    if items.is_empty() {
        r.error(
            node.origin,
            &path,
            "names no scenario: leave it out to set the parameter in every scenario",
        );
    }
    Some(out)
}

/// A value as `--set` takes it, exactly (the shortest text that reads back as `x`).
pub(crate) fn number_text(x: f64) -> String {
    let text = format!("{x:?}");
    // TOML wants a digit after the point and accepts Rust's exponent form.
    if text.contains(['.', 'e', 'E']) || !x.is_finite() {
        text
    } else {
        format!("{text}.0")
    }
}

/// The `[[key]]` tables of moments or validation rows.
fn read_moments(
    r: &mut Reader<'_>,
    top: &mut Table<'_>,
    key: &'static str,
    scenarios: &[ScenarioRef],
    indicators: &[&str],
    origins: &mut Vec<(Origin, String)>,
) -> Vec<Moment> {
    let mut out = Vec::new();
    for mut t in r.tables(top, key) {
        let name = r.name(&mut t, "name");
        let scenario_origin = t.node_get("scenario").map_or(t.origin(), |n| n.origin);
        let scenario_name = r.string(&mut t, "scenario", None);
        let measure_origin = t.node_get("measure").map_or(t.origin(), |n| n.origin);
        let measure = r.string(&mut t, "measure", None);
        let arm_origin = t.node_get("arm").map_or(t.origin(), |n| n.origin);
        let arm = match r
            .choice(
                &mut t,
                "arm",
                "scenario",
                &["scenario", "comparison", "effect"],
            )
            .as_str()
        {
            "comparison" => MomentArm::Comparison,
            "effect" => MomentArm::Effect,
            _ => MomentArm::Scenario,
        };
        let row = r.string(&mut t, "row", None);
        let mut midpoint = None;
        let (sd, sd_rule) = match (t.node_get("sd"), t.node_get("range")) {
            (Some(_), Some(n)) => {
                r.error(
                    n.origin,
                    &format!("{}.range", t.path),
                    "give `sd` or `range`, not both",
                );
                (1.0, String::new())
            }
            (Some(_), None) => (
                r.number(&mut t, "sd", None, Range::Positive),
                "given".to_string(),
            ),
            (None, Some(n)) => {
                let range = r.raw(&mut t, "range");
                match range.map(|n| &n.value) {
                    Some(Value::Array(items)) if items.len() == 2 => {
                        let ends: Vec<Option<f64>> = items
                            .iter()
                            .map(|i| match i.value {
                                Value::Int(k) => Some(k as f64),
                                Value::Float(x) if x.is_finite() => Some(x),
                                _ => None,
                            })
                            .collect();
                        match (ends[0], ends[1]) {
                            (Some(a), Some(b)) if a < b => {
                                midpoint = Some((a + b) / 2.0);
                                (
                                    (b - a) / 4.0,
                                    format!(
                                        "range [{a}, {b}]: half the range is two standard deviations"
                                    ),
                                )
                            }
                            _ => {
                                r.error(
                                    n.origin,
                                    &format!("{}.range", t.path),
                                    "must be [low, high] with finite numbers, low below high",
                                );
                                (1.0, String::new())
                            }
                        }
                    }
                    _ => {
                        r.error(
                            n.origin,
                            &format!("{}.range", t.path),
                            "must be [low, high] with finite numbers, low below high",
                        );
                        (1.0, String::new())
                    }
                }
            }
            (None, None) => {
                r.error(
                    t.origin(),
                    &format!("{}.sd", t.path),
                    "missing required key: the documented figure's uncertainty, as `sd` (a standard deviation > 0) or `range = [low, high]`",
                );
                (1.0, String::new())
            }
        };
        // A range's midpoint is the documented value unless `value` is given.
        let value = r.number(&mut t, "value", midpoint, Range::Finite);
        let scenario = scenarios.iter().position(|s| s.name == scenario_name);
        if scenario.is_none() && !scenarios.is_empty() {
            let known: Vec<&str> = scenarios.iter().map(|s| s.name.as_str()).collect();
            r.error(
                scenario_origin,
                &format!("{}.scenario", t.path),
                format!(
                    "unknown scenario `{scenario_name}` (the file names: {})",
                    known.join(", ")
                ),
            );
        }
        if let Some(s) = scenario
            && arm != MomentArm::Scenario
            && scenarios[s].comparison.is_none()
        {
            r.error(
                arm_origin,
                &format!("{}.arm", t.path),
                format!(
                    "arm `{}` needs a comparison arm: give scenario `{}` a `comparison` (\"no_policies\" or \"no_shocks\")",
                    arm.name(),
                    scenarios[s].name
                ),
            );
        }
        if let Err(problem) = super::measure::parse(&measure, indicators) {
            r.error(measure_origin, &format!("{}.measure", t.path), problem);
        }
        origins.push((measure_origin, format!("{}.measure", t.path)));
        r.finish(t);
        out.push(Moment {
            name,
            scenario: scenario.unwrap_or(0),
            arm,
            measure,
            value,
            sd,
            sd_rule,
            row,
        });
    }
    out
}
