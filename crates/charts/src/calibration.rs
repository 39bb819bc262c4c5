//! Charts and the report of a calibration directory (`wandel calibrate`):
//! - `profile`: the objective along each parameter around the estimate, the other parameters
//!   held at theirs (a panel each, from `profile.csv`): a flat profile is a parameter the
//!   targets do not pin down;
//! - `sensitivity`: how many documented standard deviations each target moves over each
//!   parameter's whole range (the scaled Jacobian of `estimates.json`), drawn as a grid of bars
//!   (rows: targets, columns: parameters), whose lengths and signs read in grey-scale print too;
//! - `report.html`: the estimates with their intervals, the fit of every target, the validation
//!   rows, the warnings and the charts, self-contained like the run report.

use crate::lang::{msg, tr, tr_dyn, trf};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::charts::Built;
use crate::error::ChartError;
use crate::figure::{Figure, Panel, Point, Series, XAxis};
use crate::report::{CSS, escape, inline_svg};
use crate::rows::{Cell, Column, Entry, RowFigure};
use crate::{ChartOptions, ChartReport, output, style};

/// What a calibration directory holds, for its charts and report.
struct CalibrationData {
    estimates: Value,
    /// (parameter, offset, value, objective) rows of `profile.csv`.
    profile: Vec<(String, f64, f64, f64)>,
    /// `moments.csv` as records (header first).
    moments: Vec<Vec<String>>,
}

fn read(path: &Path) -> Result<String, ChartError> {
    std::fs::read_to_string(path).map_err(|source| ChartError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn records(path: &Path) -> Result<Vec<Vec<String>>, ChartError> {
    let text = read(path)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for r in reader.records() {
        let r = r.map_err(|e| ChartError::Csv {
            path: path.to_path_buf(),
            line: e.position().map(|p| p.line()),
            message: e.to_string(),
        })?;
        out.push(r.iter().map(str::to_string).collect());
    }
    Ok(out)
}

impl CalibrationData {
    fn load(dir: &Path) -> Result<CalibrationData, ChartError> {
        let path = dir.join("estimates.json");
        let estimates: Value =
            serde_json::from_str(&read(&path)?).map_err(|e| ChartError::Json {
                path: path.clone(),
                message: e.to_string(),
            })?;
        let number = |s: &str| s.parse::<f64>().unwrap_or(f64::NAN);
        let profile = records(&dir.join("profile.csv"))?
            .into_iter()
            .skip(1)
            .filter(|r| r.len() >= 4)
            .map(|r| (r[0].clone(), number(&r[1]), number(&r[2]), number(&r[3])))
            .collect();
        let moments = records(&dir.join("moments.csv"))?;
        Ok(CalibrationData {
            estimates,
            profile,
            moments,
        })
    }

    fn parameters(&self) -> Vec<String> {
        self.estimates["parameters"]
            .as_array()
            .map(|ps| {
                ps.iter()
                    .filter_map(|p| p["path"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Is `dir` the output of a calibration (it has `estimates.json`)?
pub(crate) fn is_calibration(dir: &Path) -> bool {
    dir.join("estimates.json").is_file()
}

fn number(v: f64) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    if v == 0.0 {
        return "0".to_string();
    }
    let a = v.abs();
    let decimals = if a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else if a >= 1.0 {
        2
    } else if a >= 0.01 {
        4
    } else {
        6
    };
    style::format_number(v, decimals)
}

/// A JSON value as estimates.json writes it, with the current language's decimal mark.
fn number_value(v: &Value) -> String {
    match crate::lang::current() {
        crate::lang::Lang::En => v.to_string(),
        crate::lang::Lang::De => v.to_string().replace('.', ","),
    }
}

fn source(data: &CalibrationData) -> String {
    trf(
        "Wandel calibration {file}, seed {seed}, {reps} replications a point",
        &[
            (
                "file",
                &data.estimates["calibration_file"].as_str().unwrap_or("?"),
            ),
            ("seed", &data.estimates["seed"]),
            ("reps", &data.estimates["replications"]),
        ],
    )
}

/// The objective's profile along each parameter.
fn profile_chart(data: &CalibrationData) -> Built {
    let parameters = data.parameters();
    let mut offsets: Vec<f64> = data.profile.iter().map(|r| r.1).collect();
    offsets.sort_by(f64::total_cmp);
    offsets.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
    if offsets.len() < 2 {
        return Built::Skipped(tr("no profile (profile_points below 2)").to_string());
    }
    let level = |off: f64| {
        offsets
            .iter()
            .position(|o| (o - off).abs() < 1e-9)
            .unwrap_or(0) as f64
    };
    let panels: Vec<Panel> = parameters
        .iter()
        .enumerate()
        .map(|(j, path)| {
            let estimate = data.estimates["parameters"][j]["estimate"]
                .as_f64()
                .unwrap_or(f64::NAN);
            let points: Vec<Point> = data
                .profile
                .iter()
                .filter(|r| &r.0 == path)
                .map(|r| Point {
                    x: level(r.1),
                    y: r.3,
                    band: None,
                })
                .collect();
            Panel {
                title: Some(trf(
                    "{path} (estimate {value})",
                    &[("path", path), ("value", &number(estimate))],
                )),
                series: vec![Series::line(
                    tr("Objective"),
                    style::series_colour(0),
                    points.iter().map(|p| (p.x, p.y)),
                )],
            }
        })
        .collect();
    let mut fig = Figure::single(
        tr("Objective around the estimate, along each parameter"),
        tr(
            "Weighted distance of the simulated targets from the documented figures; the other \
            parameters at their estimates. A flat line: the targets do not pin the parameter down",
        ),
        XAxis::Levels,
        Vec::new(),
        source(data),
    );
    fig.panels = panels;
    fig.independent_y = true;
    fig.x_levels = offsets
        .iter()
        .map(|o| {
            let pct = 100.0 * o;
            if pct.abs() < 1e-9 {
                "0".to_string()
            } else {
                let decimals = if (pct - pct.round()).abs() < 1e-9 {
                    0
                } else {
                    1
                };
                format!(
                    "{}{} %",
                    if pct > 0.0 { "+" } else { "" },
                    style::format_number(pct, decimals)
                )
            }
        })
        .collect();
    fig.x_label =
        Some(tr("Distance from the estimate, share of the parameter's range").to_string());
    Built::Figure(Box::new(fig))
}

/// The sensitivity of each target to each parameter, as a grid of bars.
fn sensitivity_chart(data: &CalibrationData) -> Built {
    let parameters = data.parameters();
    let targets: Vec<String> = data.estimates["targets"]
        .as_array()
        .map(|t| {
            t.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let matrix = &data.estimates["identification"]["sensitivity"];
    if parameters.is_empty() || targets.is_empty() {
        return Built::Skipped(tr("no parameters or targets").to_string());
    }
    let columns = parameters
        .iter()
        .enumerate()
        .map(|(j, path)| Column {
            heading: path.clone(),
            entries: (0..targets.len())
                .map(|i| match matrix[i][j].as_f64() {
                    Some(v) => Entry::Bar(Cell {
                        from: 0.0,
                        to: v,
                        whisker: None,
                        colour: if v >= 0.0 {
                            style::series_colour(0)
                        } else {
                            style::series_colour(1)
                        },
                        text: style::format_number(
                            v,
                            if v.abs() >= 100.0 {
                                0
                            } else if v.abs() >= 10.0 {
                                1
                            } else {
                                2
                            },
                        ),
                    }),
                    None => Entry::Note("–".to_string()),
                })
                .collect(),
            connectors: false,
        })
        .collect();
    Built::Rows(Box::new(RowFigure {
        title: tr("How far each target moves over each parameter's range, in standard deviations")
            .to_string(),
        subtitle: tr(
            "The Jacobian at the estimate, scaled by the documented figures' standard \
                      deviations and the parameters' ranges: rows are targets, columns parameters",
        )
        .to_string(),
        rows: targets,
        rule_before: None,
        columns,
        legend: vec![
            (
                tr("rises with the parameter").to_string(),
                style::series_colour(0),
            ),
            (
                tr("falls with the parameter").to_string(),
                style::series_colour(1),
            ),
        ],
        source: source(data),
    }))
}

/// The charts of a calibration, by file name.
fn charts(data: &CalibrationData) -> Vec<(&'static str, Built)> {
    vec![
        ("profile", profile_chart(data)),
        ("sensitivity", sensitivity_chart(data)),
    ]
}

/// Draws the charts of the calibration in `dir` into `dir/charts/`.
pub(crate) fn draw(dir: &Path, opts: &ChartOptions) -> Result<ChartReport, ChartError> {
    let data = CalibrationData::load(dir)?;
    let out = dir.join("charts");
    std::fs::create_dir_all(&out).map_err(|source| ChartError::Io {
        path: out.clone(),
        source,
    })?;
    let mut report = ChartReport::default();
    for (name, built) in charts(&data) {
        match built.drawing() {
            Ok(fig) => {
                if opts.png {
                    let png = out.join(format!("{name}.png"));
                    output::write_png(name, fig, &png)?;
                    report.files.push(png);
                }
                if opts.svg {
                    let svg = out.join(format!("{name}.svg"));
                    let markup = output::svg_string(name, fig)?;
                    output::write_atomic(&svg, markup.as_bytes())?;
                    report.files.push(svg);
                }
            }
            Err(reason) => report.skipped.push(format!("{name}: {reason}")),
        }
    }
    Ok(report)
}

/// Writes `dir/report.html` for the calibration in `dir`.
pub(crate) fn write_report(dir: &Path) -> Result<PathBuf, ChartError> {
    let data = CalibrationData::load(dir)?;
    let e = &data.estimates;
    let mut out = String::new();
    let name = escape(e["calibration_file"].as_str().unwrap_or("?"));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n\
         <h1>{}</h1>\n",
        crate::lang::current().code(),
        trf("Wandel calibration: {name}", &[("name", &name)]),
        trf("Calibration: {name}", &[("name", &name)])
    );
    let _ = writeln!(
        out,
        "<p>{}</p>",
        trf(
            "Simulated method of moments, {weighting} weighting; {evaluations} evaluations at \
             {points} points, {reps} replications each with seed {seed} (the same seeds at every \
             point). Objective at the estimate: {objective}.",
            &[
                ("weighting", &escape(e["weighting"].as_str().unwrap_or("?"))),
                ("evaluations", &e["evaluations"]),
                ("points", &e["distinct_points"]),
                ("reps", &e["replications"]),
                ("seed", &e["seed"]),
                (
                    "objective",
                    &number(e["objective"].as_f64().unwrap_or(f64::NAN))
                ),
            ]
        )
    );
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        tr("Estimates"),
        tr("Parameter"),
        tr("Estimate"),
        tr("Standard error"),
        tr("95 % interval"),
        tr("Range searched")
    );
    for p in e["parameters"].as_array().into_iter().flatten() {
        let get = |k: &str| p[k].as_f64().unwrap_or(f64::NAN);
        let se = match p["standard_error"].as_f64() {
            Some(s) if p["log"] == true => trf("{se} (log scale)", &[("se", &number(s))]),
            Some(s) => number(s),
            None => "–".to_string(),
        };
        let interval = match p["interval"].as_array() {
            Some(iv) if iv.len() == 2 => trf(
                "{low} to {high}",
                &[
                    ("low", &number(iv[0].as_f64().unwrap_or(f64::NAN))),
                    ("high", &number(iv[1].as_f64().unwrap_or(f64::NAN))),
                ],
            ),
            _ if p["at_bound"] == true => tr("none: at a bound").to_string(),
            _ => "–".to_string(),
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{se}</td><td>{interval}</td><td>{}</td></tr>",
            escape(p["path"].as_str().unwrap_or("?")),
            number(get("estimate")),
            trf(
                "{low} to {high}",
                &[("low", &number(get("min"))), ("high", &number(get("max")))]
            )
        );
    }
    out.push_str("</table>\n");
    let header = data.moments.first().cloned().unwrap_or_default();
    let col = |name: &str| header.iter().position(|h| h == name);
    let field = |row: &Vec<String>, name: &str| {
        col(name)
            .and_then(|j| row.get(j))
            .cloned()
            .unwrap_or_default()
    };
    let value =
        |row: &Vec<String>, name: &str| number(field(row, name).parse().unwrap_or(f64::NAN));
    for (kind, heading, last) in [
        (
            "target",
            msg("Targets (estimated from)"),
            msg("Contribution to the objective"),
        ),
        (
            "validation",
            msg("Validation rows (declared in advance, never targeted)"),
            msg("Consistent"),
        ),
    ] {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            tr(heading),
            tr("Moment"),
            tr("Row"),
            tr("Measure"),
            tr("Documented"),
            tr("Simulated"),
            tr("95 % interval"),
            tr(last)
        );
        for row in data
            .moments
            .iter()
            .skip(1)
            .filter(|r| field(r, "kind") == kind)
        {
            let end = if kind == "target" {
                value(row, "contribution")
            } else if field(row, "consistent") == "true" {
                tr("yes").to_string()
            } else {
                format!("<strong>{}</strong>", tr("no"))
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{} ({})</td><td>{} ± {}</td><td>{}</td><td>{}</td><td>{end}</td></tr>",
                escape(&field(row, "name")),
                escape(&field(row, "row")),
                escape(&field(row, "measure")),
                escape(&field(row, "arm")),
                value(row, "documented"),
                value(row, "documented_sd"),
                value(row, "simulated"),
                trf(
                    "{low} to {high}",
                    &[
                        ("low", &value(row, "lower_95")),
                        ("high", &value(row, "upper_95"))
                    ]
                )
            );
        }
        out.push_str("</table>\n");
    }
    if let Some(j) = e["overidentification"].as_object() {
        let _ = writeln!(
            out,
            "<p>{} {}</p>",
            trf(
                "Overidentification: J = {j} on {df} degrees of freedom, p = {p}.",
                &[
                    ("j", &number(j["j"].as_f64().unwrap_or(f64::NAN))),
                    ("df", &j["degrees_of_freedom"]),
                    ("p", &number(j["p_value"].as_f64().unwrap_or(f64::NAN))),
                ]
            ),
            escape(&tr_dyn(j["caveat"].as_str().unwrap_or("")))
        );
    }
    let id = &e["identification"];
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<p>{}</p>",
        tr("Identification"),
        trf(
            "Scaled Jacobian: rank {rank} of {n} (singular values above {tolerance} of the \
             largest), condition number {condition}; the Jacobian at step {step} and at twice it \
             differ by {difference} % (at most {stable} % is stable).",
            &[
                ("rank", &id["rank"]),
                ("n", &e["parameters"].as_array().map_or(0, Vec::len)),
                ("tolerance", &number_value(&id["rank_tolerance"])),
                (
                    "condition",
                    &number(id["condition_number"].as_f64().unwrap_or(f64::INFINITY))
                ),
                ("step", &number_value(&e["jacobian_step"]["step"])),
                (
                    "difference",
                    &number(
                        100.0
                            * e["jacobian_step"]["relative_difference"]
                                .as_f64()
                                .unwrap_or(f64::NAN)
                    )
                ),
                (
                    "stable",
                    &number(100.0 * e["jacobian_step"]["tolerance"].as_f64().unwrap_or(f64::NAN))
                ),
            ]
        )
    );
    let warnings: Vec<&str> = e["warnings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    if warnings.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", tr("No warnings."));
    } else {
        if crate::lang::current() != crate::lang::Lang::En {
            // The warnings are the run's own messages (estimates.json), quoted as written.
            let _ = writeln!(
                out,
                "<p>{}</p>",
                tr("Warnings, as estimates.json writes them (in English):")
            );
        }
        out.push_str("<ul>\n");
        for w in warnings {
            let _ = writeln!(out, "<li>{}</li>", escape(w));
        }
        out.push_str("</ul>\n");
    }
    for (name, built) in charts(&data) {
        if let Ok(fig) = built.drawing() {
            let title = escape(fig.title());
            let svg = output::svg_string(name, fig)?;
            let _ = writeln!(out, "<h2>{title}</h2>\n{}", inline_svg(&svg, &title));
        }
    }
    out.push_str("</main>\n</body>\n</html>\n");
    let path = dir.join("report.html");
    output::write_atomic(&path, out.as_bytes())?;
    Ok(path)
}
