//! The sweep file (`docs/sweeps.md`): read with the scenario crate's located reader, so every
//! problem is reported at once with file, line, column, the key and what is allowed, and
//! nothing runs until the file is clean. Parameter paths and arm overrides are checked by
//! loading the base scenario with each value (the scenario's own message, e.g. "did you mean",
//! is reported at the sweep file's key).

use std::path::{Path, PathBuf};

use wandel_format::reader::{Range, Reader, Table};
use wandel_format::source::{Origin, SourceFile, Sources};
use wandel_format::tree::{Node, Value};
use wandel_scenario::{Diagnostic, Diagnostics};

/// How the points of a sweep are chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Design {
    /// Every combination of every parameter's levels.
    Grid,
    /// `points` points, each parameter's range cut into `points` equal strata with one point in
    /// each, the strata paired at random (McKay, Beckman & Conover 1979).
    LatinHypercube,
    /// The first `points` points of an Owen-scrambled Sobol sequence (Burley 2020).
    Sobol,
    /// Saltelli's scheme for Sobol sensitivity indices (Saltelli et al. 2010): `points` base
    /// rows, each giving `parameters + 2` points (matrices A, B and A with column i from B).
    Saltelli,
}

impl Design {
    /// The name in a sweep file.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Design::Grid => "grid",
            Design::LatinHypercube => "latin_hypercube",
            Design::Sobol => "sobol",
            Design::Saltelli => "saltelli",
        }
    }
}

/// The longest Sobol sequence the sampler gives (`sobol_burley`: 2^16 points).
pub(crate) const MAX_SOBOL_POINTS: usize = 1 << 16;
/// The most parameters of a Saltelli design (two Sobol dimensions each, 256 in all).
pub(crate) const MAX_SALTELLI_PARAMETERS: usize = 128;

/// What a parameter takes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Levels {
    /// These values (TOML text, as `--set` takes it).
    List(Vec<String>),
    /// A range: evenly spaced `levels` values for a grid, sampled for other designs; on a log
    /// scale with `log`; rounded to integers when both ends are integers.
    Range {
        min: f64,
        max: f64,
        log: bool,
        integer: bool,
        levels: Option<usize>,
    },
}

/// A swept parameter.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Parameter {
    /// The dotted path, as `--set` takes it.
    pub(crate) path: String,
    pub(crate) levels: Levels,
    /// What to call it on axes, titles and tables (`label` in the sweep file).
    pub(crate) label: Option<String>,
}

/// An arm: what is run at every point.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Arm {
    pub(crate) name: String,
    /// Runs without the base scenario's policies.
    pub(crate) no_policies: bool,
    /// Overrides (`path=value`), applied after the point's parameters.
    pub(crate) set: Vec<String>,
}

/// A sweep file, read and checked.
#[derive(Clone, Debug)]
pub(crate) struct SweepFile {
    /// The file as written.
    pub(crate) path: PathBuf,
    pub(crate) text: String,
    /// The base scenario (relative to the sweep file's directory).
    pub(crate) base: PathBuf,
    /// Run seeds derive from it.
    pub(crate) seed: u64,
    pub(crate) replications: u32,
    pub(crate) design: Design,
    /// Points of a sampled design.
    pub(crate) points: Option<usize>,
    /// Seed of the parameter sampling (independent of the run seeds).
    pub(crate) sampling_seed: u64,
    pub(crate) parameters: Vec<Parameter>,
    pub(crate) arms: Vec<Arm>,
    /// Indicators kept in `runs.csv` and aggregated.
    pub(crate) keep: Vec<String>,
    /// Write every run's monthly series to `series.csv`.
    pub(crate) series: bool,
    /// Every point's replication `k` runs with the same seed (`seeds = "shared"`: common
    /// random numbers across the grid) instead of seeds of its own (`"per_point"`).
    pub(crate) shared_seeds: bool,
}

/// TOML text of a value, as `--set` takes it.
fn toml_text(node: &Node) -> String {
    node.to_toml().to_string()
}

fn number_of(node: &Node) -> Option<(f64, bool)> {
    match node.value {
        Value::Int(i) => Some((i as f64, true)),
        Value::Float(x) => Some((x, false)),
        _ => None,
    }
}

/// Why a sweep may not vary scenario key `path` (None: it may).
fn fixed_key(path: &str) -> Option<&'static str> {
    match path {
        "simulation.seed" => Some(
            "a sweep sets every run's seed itself (from the sweep's `seed`, the same for every point: common random numbers); vary the sweep's `seed` and `replications` instead",
        ),
        "simulation.replications" => Some(
            "a sweep runs each point `replications` times (the sweep file's own key); a scenario's replications play no part in a sweep",
        ),
        "format" | "extends" => Some(
            "a sweep varies a scenario's values, not which file it is or its format: write a second base scenario and sweep each",
        ),
        _ => None,
    }
}

/// Reads `path`; every problem at once.
pub(crate) fn read(path: &Path, indicators: &[&str]) -> Result<SweepFile, Diagnostics> {
    let text = wandel_format::source::read_text(path).map_err(|e| {
        Diagnostics(vec![Diagnostic::of_file(
            path,
            format!("cannot read sweep file {}: {e}", path.display()),
        )])
    })?;
    parse(path, text, indicators, true)
}

/// Reads a sweep file's `text` (as if at `path`); with `check_base`, every parameter value
/// and arm override is also checked against the base scenario. `wandel merge` re-reads the
/// text kept in a shard's manifest without it: the runs are done.
pub(crate) fn parse(
    path: &Path,
    text: String,
    indicators: &[&str],
    check_base: bool,
) -> Result<SweepFile, Diagnostics> {
    let mut sources = Sources::default();
    sources
        .files
        .push(SourceFile::new(path.to_path_buf(), text.clone()));
    let root = match wandel_format::parse(&sources, 0) {
        Ok(root) => root,
        Err(d) => return Err(Diagnostics(vec![d])),
    };
    // A scenario (with `format`, no `base`) given where a sweep file is expected.
    if root.get("base").is_none() && root.get("format").is_some() {
        return Err(Diagnostics(vec![Diagnostic::of_file(
            path,
            format!(
                "{} is a scenario (it has `format` and names no `base`), not a sweep file: run it with `wandel run {}`",
                path.display(),
                path.display()
            ),
        )]));
    }
    // A calibration file given where a sweep file is expected.
    if root.get("calibration").is_some() && root.get("base").is_none() {
        return Err(Diagnostics(vec![Diagnostic::of_file(
            path,
            format!(
                "{} is a calibration file (it has a `[calibration]` table), not a sweep file: run it with `wandel calibrate {}`",
                path.display(),
                path.display()
            ),
        )]));
    }
    let mut r = Reader::new(&sources);
    let mut top = Table::new(Some(&root), String::new());
    let base_node = top.node_get("base").cloned();
    let base = r.string(&mut top, "base", None);
    let seed = r.integer(&mut top, "seed", Some(1), 0, i64::MAX) as u64;
    let replications = r.integer(&mut top, "replications", Some(1), 1, 100_000) as u32;
    let design = match r
        .choice(
            &mut top,
            "design",
            "grid",
            &["grid", "latin_hypercube", "sobol", "saltelli"],
        )
        .as_str()
    {
        "latin_hypercube" => Design::LatinHypercube,
        "sobol" => Design::Sobol,
        "saltelli" => Design::Saltelli,
        _ => Design::Grid,
    };
    let points_node = top.node_get("points").cloned();
    let most = match design {
        Design::Sobol | Design::Saltelli => MAX_SOBOL_POINTS as i64,
        _ => 1_000_000,
    };
    let points = points_node
        .as_ref()
        .map(|_| r.integer(&mut top, "points", None, 1, most) as usize);
    let sampling_seed = r.integer(&mut top, "sampling_seed", Some(1), 0, i64::MAX) as u64;
    let series = r.boolean(&mut top, "series", false);
    let shared_seeds =
        r.choice(&mut top, "seeds", "per_point", &["per_point", "shared"]) == "shared";
    match (design, &points_node) {
        (Design::LatinHypercube | Design::Sobol | Design::Saltelli, None) => r.error(
            top.origin(),
            "points",
            format!(
                "missing required key: a {} design needs `points`, the number of {}",
                design.name(),
                if design == Design::Saltelli {
                    "base rows (each gives parameters + 2 points)"
                } else {
                    "points"
                }
            ),
        ),
        (Design::Grid, Some(n)) => r.error(
            n.origin,
            "points",
            "a grid has every combination of the levels; `points` is for sampled designs \
             (design = \"latin_hypercube\", \"sobol\" or \"saltelli\")",
        ),
        _ => {}
    }

    // Parameters.
    let mut parameters = Vec::new();
    let mut param_origins = Vec::new();
    if let Some(node) = r.raw(&mut top, "parameters") {
        match &node.value {
            Value::Table(entries) => {
                if entries.is_empty() {
                    r.error(
                        node.origin,
                        "parameters",
                        "an empty table: name one parameter or more (or leave [parameters] out to run the base scenario alone)",
                    );
                }
                for e in entries {
                    let key = format!("parameters.\"{}\"", e.key);
                    if let Some(why) = fixed_key(&e.key) {
                        r.error(e.key_origin, &key, why);
                        continue;
                    }
                    let mut label = None;
                    let levels = match &e.node.value {
                        Value::Array(items) if items.is_empty() => {
                            r.error(
                                e.node.origin,
                                &key,
                                "an empty list of values: give one value or more",
                            );
                            continue;
                        }
                        Value::Array(items) => Levels::List(items.iter().map(toml_text).collect()),
                        Value::Table(_) if e.node.get("values").is_some() => {
                            let mut t = Table::new(Some(&e.node), key.clone());
                            label = label_of(&mut r, &mut t);
                            let values = r.raw(&mut t, "values");
                            r.finish(t);
                            match values.map(|v| &v.value) {
                                Some(Value::Array(items)) if !items.is_empty() => {
                                    Levels::List(items.iter().map(toml_text).collect())
                                }
                                _ => {
                                    r.error(
                                        e.node.origin,
                                        &key,
                                        "`values` must be a list of one value or more",
                                    );
                                    continue;
                                }
                            }
                        }
                        Value::Table(_) => {
                            let mut t = Table::new(Some(&e.node), key.clone());
                            label = label_of(&mut r, &mut t);
                            let min = t.node_get("min").and_then(number_of);
                            let max = t.node_get("max").and_then(number_of);
                            let lo = r.number(&mut t, "min", None, Range::Finite);
                            let hi = r.number(&mut t, "max", None, Range::Finite);
                            let log = r.boolean(&mut t, "log", false);
                            let levels = t
                                .node_get("levels")
                                .map(|_| r.integer(&mut t, "levels", None, 2, 10_000) as usize);
                            if lo >= hi && min.is_some() && max.is_some() {
                                r.error(
                                    e.node.origin,
                                    &key,
                                    format!("`min` ({lo}) must be below `max` ({hi})"),
                                );
                            }
                            if log && lo <= 0.0 && min.is_some() {
                                r.error(e.node.origin, &key, "a log scale needs `min` > 0");
                            }
                            if design == Design::Grid && levels.is_none() {
                                r.error(
                                    e.node.origin,
                                    &key,
                                    "a range in a grid needs `levels`, the number of evenly spaced values (or give a list of values)",
                                );
                            }
                            r.finish(t);
                            Levels::Range {
                                min: lo,
                                max: hi,
                                log,
                                integer: min.is_some_and(|m| m.1) && max.is_some_and(|m| m.1),
                                levels,
                            }
                        }
                        other => {
                            r.error(
                                e.node.origin,
                                &key,
                                format!(
                                    "expected a list of values ([...]) or a range ({{ min = ..., max = ... }}), found {}",
                                    other.type_name()
                                ),
                            );
                            continue;
                        }
                    };
                    param_origins.push(e.key_origin);
                    parameters.push(Parameter {
                        path: e.key.clone(),
                        levels,
                        label,
                    });
                }
            }
            other => r.error(
                node.origin,
                "parameters",
                format!(
                    "expected a table of parameter paths, found {}",
                    other.type_name()
                ),
            ),
        }
    }

    // Arms.
    let mut arms = Vec::new();
    let mut arm_origins = Vec::new();
    for mut t in r.tables(&mut top, "arms") {
        let name = r.name(&mut t, "name");
        let no_policies = r.choice(&mut t, "policies", "as_base", &["as_base", "none"]) == "none";
        let mut set = Vec::new();
        let mut origins = Vec::new();
        if let Some(node) = r.raw(&mut t, "set") {
            match &node.value {
                Value::Table(entries) => {
                    for e in entries {
                        set.push(format!("{}={}", e.key, toml_text(&e.node)));
                        origins.push(e.key_origin);
                    }
                }
                other => r.error(
                    node.origin,
                    &format!("{}.set", t.path),
                    format!(
                        "expected a table of `path = value` overrides, found {}",
                        other.type_name()
                    ),
                ),
            }
        }
        if arms.iter().any(|a: &Arm| a.name == name) {
            r.error(
                t.origin(),
                &format!("{}.name", t.path),
                format!("two arms are named `{name}`"),
            );
        }
        r.finish(t);
        arms.push(Arm {
            name,
            no_policies,
            set,
        });
        arm_origins.push(origins);
    }
    if arms.is_empty() {
        arms.push(Arm {
            name: "base".to_string(),
            no_policies: false,
            set: Vec::new(),
        });
        arm_origins.push(Vec::new());
    }

    // Indicators kept.
    let mut keep = Vec::new();
    match r.raw(&mut top, "keep") {
        None => keep.extend(DEFAULT_KEEP.iter().map(|s| s.to_string())),
        Some(node) => match &node.value {
            Value::Array(items) if !items.is_empty() => {
                for item in items {
                    match &item.value {
                        Value::Str(s) if indicators.contains(&s.as_str()) => keep.push(s.clone()),
                        Value::Str(s) => {
                            let nearest = nearest(s, indicators);
                            r.error(
                                item.origin,
                                "keep",
                                format!(
                                    "unknown indicator `{s}`; did you mean `{nearest}`? (allowed: {})",
                                    indicators.join(", ")
                                ),
                            );
                        }
                        other => r.error(
                            item.origin,
                            "keep",
                            format!("expected an indicator name, found {}", other.type_name()),
                        ),
                    }
                }
            }
            _ => r.error(
                node.origin,
                "keep",
                format!(
                    "expected a non-empty list of indicator names (allowed: {})",
                    indicators.join(", ")
                ),
            ),
        },
    }
    if design == Design::Saltelli {
        if parameters.len() < 2 {
            r.error(
                top.origin(),
                "parameters",
                "a saltelli design needs two parameters or more (sensitivity indices share out the variance among them)",
            );
        }
        if parameters.len() > MAX_SALTELLI_PARAMETERS {
            r.error(
                top.origin(),
                "parameters",
                format!(
                    "a saltelli design takes at most {MAX_SALTELLI_PARAMETERS} parameters, found {}",
                    parameters.len()
                ),
            );
        }
    }
    r.finish(top);

    let base_path = path.parent().unwrap_or(Path::new(".")).join(&base);
    let mut diagnostics = std::mem::take(&mut r.diagnostics);
    // Every value of every parameter, and every arm's overrides, must be valid on the base.
    if diagnostics.is_empty() && check_base {
        if !base_path.exists() {
            diagnostics.push(Diagnostic {
                location: sources.locate(base_node.map_or(Origin::Nowhere, |n| n.origin), 0),
                key: "base".to_string(),
                message: format!("no scenario file at {}", base_path.display()),
            });
        } else if let Err(d) = wandel_scenario::load(&base_path, &[]) {
            // The base itself is not valid: its own problems, located in its own files.
            diagnostics.push(Diagnostic {
                location: sources.locate(base_node.map_or(Origin::Nowhere, |n| n.origin), 0),
                key: "base".to_string(),
                message: format!(
                    "the base scenario {} is not valid ({} problem{}, below)",
                    base_path.display(),
                    d.0.len(),
                    if d.0.len() == 1 { "" } else { "s" }
                ),
            });
            diagnostics.extend(d.0);
        } else {
            for (p, origin) in parameters.iter().zip(&param_origins) {
                let values: Vec<String> = match &p.levels {
                    Levels::List(v) => v.clone(),
                    Levels::Range {
                        min, max, integer, ..
                    } => [min, max]
                        .iter()
                        .map(|x| level_text(**x, *integer))
                        .collect(),
                };
                for v in values {
                    let set = format!("{}={v}", p.path);
                    if let Err(d) = wandel_scenario::load(&base_path, std::slice::from_ref(&set)) {
                        for problem in d.0 {
                            diagnostics.push(Diagnostic {
                                location: sources.locate(*origin, 0),
                                key: format!("parameters.\"{}\"", p.path),
                                message: format!("{set}: {}", problem.message),
                            });
                        }
                        break;
                    }
                }
            }
            for (a, origins) in arms.iter().zip(&arm_origins) {
                for (s, origin) in a.set.iter().zip(origins) {
                    if let Err(d) = wandel_scenario::load(&base_path, std::slice::from_ref(s)) {
                        for problem in d.0 {
                            diagnostics.push(Diagnostic {
                                location: sources.locate(*origin, 0),
                                key: format!("arms.{}.set", a.name),
                                message: format!("{s}: {}", problem.message),
                            });
                        }
                    }
                }
            }
        }
    }
    if !diagnostics.is_empty() {
        return Err(Diagnostics(diagnostics));
    }
    Ok(SweepFile {
        path: path.to_path_buf(),
        text,
        base: base_path,
        seed,
        replications,
        design,
        points,
        sampling_seed,
        parameters,
        arms,
        keep,
        series,
        shared_seeds,
    })
}

/// The name among `names` nearest to `name` (for "did you mean" in messages).
pub(crate) fn nearest<'a>(name: &str, names: &[&'a str]) -> &'a str {
    names
        .iter()
        .max_by(|a, b| strsim::jaro_winkler(name, a).total_cmp(&strsim::jaro_winkler(name, b)))
        .copied()
        .unwrap_or_default()
}

/// A parameter's optional `label`: non-empty text.
fn label_of(r: &mut Reader<'_>, t: &mut Table<'_>) -> Option<String> {
    t.node_get("label")?;
    let text = r.string(t, "label", Some(""));
    (!text.trim().is_empty()).then_some(text)
}

/// Indicators kept when the sweep file does not say.
pub(crate) const DEFAULT_KEEP: &[&str] = &[
    "unemployment_rate.mean",
    "peak_unemployment_rate",
    "displaced.reemployed_24m",
    "job_years",
    "net_fiscal_cost",
];

/// A value as `--set` takes it: an integer when the parameter's range has integer ends.
pub(crate) fn level_text(x: f64, integer: bool) -> String {
    if integer {
        format!("{}", x.round() as i64)
    } else {
        wandel_format::float_text(x)
    }
}
