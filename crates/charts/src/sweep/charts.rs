//! The charts of a sweep:
//! - `response_<parameter>`: each kept indicator (a panel each) against the swept parameter's
//!   values, one line per arm: the mean of every run at that value, other parameters and
//!   replications pooled, with its 95 % confidence interval;
//! - `effect_<parameter>`: the same for each arm's paired effect against the first arm
//!   (replication `k` against replication `k` at the same point: the same seed);
//! - `sensitivity_<indicator>` (saltelli designs): each parameter's first-order and total Sobol
//!   index, with bootstrap intervals, of the first arm's level and of each arm's effect.
//!
//! A parameter with many distinct values (a sampled design) is shown in eight groups of equal
//! size, each labelled by its median value.

use crate::lang::{count, has_german, msg, tr, tr_dyn, trf};
use crate::style::replications;
use std::collections::HashMap;

use super::data::{SweepData, mean_ci};
use crate::charts::Built;
use crate::figure::{Figure, Panel, Point, Series, XAxis};
use crate::rows::{Cell, Column, Entry, RowFigure};
use crate::style;

/// Distinct values above which a parameter is shown in groups.
const MAX_LEVELS: usize = 12;
/// Groups of a parameter with many values.
const GROUPS: usize = 8;

/// A chart of the sweep: its file name (without extension) and what to draw.
pub(crate) struct SweepChart {
    pub(crate) name: String,
    pub(crate) built: Built,
}

/// A name as a file name: letters, digits and `_`.
fn slug(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// The x levels of parameter `p`: each run's level index, and the tick labels; `None` when the
/// parameter takes one value only.
fn levels(data: &SweepData, p: usize) -> Option<(Vec<usize>, Vec<String>, Option<String>)> {
    let mut distinct: Vec<&str> = data.runs.iter().map(|r| r.params[p].as_str()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 2 {
        return None;
    }
    let numbers: Option<Vec<f64>> = distinct.iter().map(|t| t.parse::<f64>().ok()).collect();
    let path = &parameter_name(data, &data.manifest.parameters[p]);
    match numbers {
        Some(mut values) if distinct.len() > MAX_LEVELS => {
            // Groups of equal size over the distinct values, labelled by their medians.
            values.sort_by(f64::total_cmp);
            let n = values.len();
            let group = |x: f64| {
                let rank = values.partition_point(|v| *v < x);
                (rank * GROUPS / n).min(GROUPS - 1)
            };
            let labels: Vec<String> = (0..GROUPS)
                .map(|g| {
                    let members: Vec<f64> =
                        values.iter().copied().filter(|&v| group(v) == g).collect();
                    let median = members[members.len() / 2];
                    let decimals = if median.abs() >= 100.0 {
                        0
                    } else if median.abs() >= 1.0 {
                        2
                    } else {
                        3
                    };
                    style::format_number(median, decimals)
                })
                .collect();
            let of_run = data
                .runs
                .iter()
                .map(|r| group(r.params[p].parse().unwrap_or(f64::NAN)))
                .collect();
            Some((
                of_run,
                labels,
                Some(trf(
                    "{path}: {groups} groups of equal size, each labelled by its median",
                    &[("path", &path), ("groups", &GROUPS)],
                )),
            ))
        }
        numbers => {
            let mut order: Vec<usize> = (0..distinct.len()).collect();
            if let Some(v) = &numbers {
                order.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
            }
            let sorted: Vec<&str> = order.iter().map(|&i| distinct[i]).collect();
            let index: HashMap<&str, usize> =
                sorted.iter().enumerate().map(|(i, t)| (*t, i)).collect();
            let of_run = data
                .runs
                .iter()
                .map(|r| index[r.params[p].as_str()])
                .collect();
            Some((
                of_run,
                sorted.iter().map(|s| s.to_string()).collect(),
                Some(path.clone()),
            ))
        }
    }
}

/// An indicator's label with its unit (from the manifest), as a panel title.
pub(crate) fn title_of(data: &SweepData, indicator: &str) -> String {
    match data.manifest.labels.get(indicator) {
        Some(label) if has_german(label) => tr_dyn(label),
        // "label, unit": each part in the current language.
        Some(label) => match label.rsplit_once(", ") {
            Some((text, unit)) => format!("{}, {}", tr_dyn(text), tr_dyn(unit)),
            None => tr_dyn(label),
        },
        None => crate::report::humanise(indicator),
    }
}

/// The title of an effect on an indicator: a difference of rates is in percentage points, so
/// a title ending in ", %" ends in ", pp".
pub(crate) fn effect_title_of(data: &SweepData, indicator: &str) -> String {
    let title = title_of(data, indicator);
    match title.strip_suffix(", %") {
        Some(head) => format!("{head}, {}", tr("pp")),
        None => title,
    }
}

/// A swept parameter's name for people: its `label` in the sweep file, else its path with the
/// last part made readable (`shocks.closure.0.announced` → "Closure 0: announced").
pub(crate) fn parameter_name(data: &SweepData, path: &str) -> String {
    if let Some(label) = data.manifest.labels.get(path) {
        return label.clone();
    }
    let parts: Vec<&str> = path.split('.').collect();
    let readable = |t: &str| {
        let spaced = t.replace('_', " ");
        let mut c = spaced.chars();
        c.next()
            .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
    };
    match parts.as_slice() {
        [.., table, index, key] if index.chars().all(|c| c.is_ascii_digit()) => {
            format!("{} {index}: {}", readable(table), key.replace('_', " "))
        }
        [.., table, key] => format!("{}: {}", readable(table), key.replace('_', " ")),
        _ => readable(path),
    }
}

fn source(data: &SweepData) -> String {
    let m = &data.manifest;
    trf(
        "Source: Wandel {version}, sweep {file}, {runs} ({points} × {arms} × {reps})",
        &[
            ("version", &m.wandel_version),
            ("file", &m.sweep_file),
            (
                "runs",
                &count(m.runs as u64, msg("{n} run"), msg("{n} runs")),
            ),
            (
                "points",
                &count(m.points as u64, msg("{n} point"), msg("{n} points")),
            ),
            (
                "arms",
                &count(m.arms.len() as u64, msg("{n} arm"), msg("{n} arms")),
            ),
            ("reps", &replications(m.replications)),
        ],
    )
}

fn figure(
    data: &SweepData,
    title: String,
    subtitle: String,
    panels: Vec<Panel>,
    labels: Vec<String>,
    x_label: Option<String>,
) -> Figure {
    let mut fig = Figure::single(title, subtitle, XAxis::Levels, Vec::new(), source(data));
    fig.panels = panels;
    fig.independent_y = true;
    fig.band_label = Some(tr("95 % confidence interval of the mean").to_string());
    fig.x_levels = labels;
    fig.x_label = x_label;
    fig
}

/// A line over the levels from the values of each level.
fn line(label: String, i: usize, by_level: &[Vec<f64>]) -> Series {
    let mut s = Series::line(label, style::series_colour(i), Vec::new()).nth(i);
    s.dots = true;
    s.points = by_level
        .iter()
        .enumerate()
        .filter_map(|(x, v)| {
            let m = mean_ci(v)?;
            Some(Point {
                x: x as f64,
                y: m.mean,
                band: m.ci,
            })
        })
        .collect();
    s
}

/// `response_<parameter>` and `effect_<parameter>` of every swept parameter.
fn responses(data: &SweepData) -> Vec<SweepChart> {
    let m = &data.manifest;
    let mut out = Vec::new();
    // Each run's value by (point, arm, replication), for the pairs.
    let mut at: HashMap<(usize, usize, u32), &[f64]> = HashMap::new();
    for r in &data.runs {
        at.insert((r.point, r.arm, r.replication), &r.values);
    }
    for (p, key) in m.parameters.iter().enumerate() {
        let Some((level, labels, x_label)) = levels(data, p) else {
            continue;
        };
        let path = &parameter_name(data, key);
        let n = labels.len();
        let panels: Vec<Panel> = m
            .keep
            .iter()
            .enumerate()
            .map(|(i, name)| Panel {
                title: Some(title_of(data, name)),
                series: (0..m.arms.len())
                    .map(|a| {
                        let mut by_level = vec![Vec::new(); n];
                        for (r, &l) in data.runs.iter().zip(&level) {
                            if r.arm == a {
                                by_level[l].push(r.values[i]);
                            }
                        }
                        line(m.arms[a].clone(), a, &by_level)
                    })
                    .collect(),
            })
            .collect();
        out.push(SweepChart {
            name: format!("response_{}", slug(key)),
            built: Built::Figure(Box::new(figure(
                data,
                trf("Response to {path}, by arm", &[("path", &path)]),
                if m.replications > 1 {
                    trf(
                        "Mean of every run at each value of {path} (other parameters and the \
                         {reps} replications pooled); shaded: its 95 % confidence interval.",
                        &[("path", &path), ("reps", &m.replications)],
                    )
                } else {
                    trf(
                        "Mean of every run at each value of {path} (other parameters pooled); \
                         shaded: its 95 % confidence interval.",
                        &[("path", &path)],
                    )
                },
                panels,
                labels.clone(),
                x_label.clone(),
            ))),
        });
        if m.arms.len() < 2 {
            continue;
        }
        let panels: Vec<Panel> = m
            .keep
            .iter()
            .enumerate()
            .map(|(i, name)| Panel {
                title: Some(effect_title_of(data, name)),
                series: (1..m.arms.len())
                    .map(|a| {
                        let mut by_level = vec![Vec::new(); n];
                        for (r, &l) in data.runs.iter().zip(&level) {
                            if r.arm == a {
                                if let Some(base) = at.get(&(r.point, 0, r.replication)) {
                                    by_level[l].push(r.values[i] - base[i]);
                                }
                            }
                        }
                        line(format!("{} − {}", m.arms[a], m.arms[0]), a - 1, &by_level)
                    })
                    .collect(),
            })
            .collect();
        out.push(SweepChart {
            name: format!("effect_{}", slug(key)),
            built: Built::Figure(Box::new(figure(
                data,
                trf(
                    "Effect against {arm}, by {path}",
                    &[("arm", &m.arms[0]), ("path", &path)],
                ),
                trf(
                    "Mean paired difference from {arm} (same point, same seed) at each value of \
                     {path}, other parameters and replications pooled; shaded: its 95 % \
                     confidence interval.",
                    &[("arm", &m.arms[0]), ("path", &path)],
                ),
                panels,
                labels,
                x_label,
            ))),
        });
    }
    out
}

/// `sensitivity_<indicator>` of a saltelli design.
fn sensitivities(data: &SweepData) -> Vec<SweepChart> {
    let m = &data.manifest;
    if data.sensitivity.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for indicator in &m.keep {
        // The first arm's level, then each other arm's effect.
        let quantities: Vec<(String, String, String)> = std::iter::once((
            m.arms[0].clone(),
            "level".to_string(),
            trf("{arm}: level", &[("arm", &m.arms[0])]),
        ))
        .chain(m.arms.iter().skip(1).map(|a| {
            (
                a.clone(),
                format!("effect against {}", m.arms[0]),
                trf("{arm}: effect", &[("arm", a)]),
            )
        }))
        .collect();
        let mut columns = Vec::new();
        for (arm, quantity, heading) in &quantities {
            let rows: Vec<_> = m
                .parameters
                .iter()
                .map(|p| {
                    data.sensitivity.iter().find(|s| {
                        &s.arm == arm
                            && &s.quantity == quantity
                            && &s.indicator == indicator
                            && &s.parameter == p
                    })
                })
                .collect();
            for (kind, colour) in [("first-order", 0), ("total", 1)] {
                columns.push(Column {
                    heading: format!(
                        "{heading}, {}",
                        if kind == "total" {
                            tr("total")
                        } else {
                            tr("first-order")
                        }
                    ),
                    connectors: false,
                    entries: rows
                        .iter()
                        .map(|s| {
                            let (value, ci) = match (s, kind) {
                                (Some(s), "first-order") => (s.first, s.first_ci),
                                (Some(s), _) => (s.total, s.total_ci),
                                (None, _) => (None, None),
                            };
                            match value {
                                Some(v) => Entry::Bar(Cell {
                                    from: 0.0,
                                    to: v,
                                    whisker: ci,
                                    colour: style::series_colour(colour),
                                    text: style::format_number(v, 2),
                                }),
                                None => Entry::Note(tr("no variance").to_string()),
                            }
                        })
                        .collect(),
                });
            }
        }
        out.push(SweepChart {
            name: format!("sensitivity_{}", slug(indicator)),
            built: Built::Rows(Box::new(RowFigure {
                title: trf(
                    "Sensitivity of {indicator}: Sobol indices",
                    &[("indicator", &title_of(data, indicator))],
                ),
                subtitle: trf(
                    "Share of the variance across the design explained by each parameter alone \
                     (first-order) and with its interactions (total); Saltelli's scheme, {rows} \
                     base rows; whiskers: 95 % bootstrap intervals.",
                    &[("rows", &(m.points / (m.parameters.len() + 2)))],
                ),
                rows: m
                    .parameters
                    .iter()
                    .map(|p| parameter_name(data, p))
                    .collect(),
                rule_before: None,
                columns,
                legend: Vec::new(),
                source: source(data),
            })),
        });
    }
    out
}

/// Every chart of the sweep, in the order of the report.
pub(crate) fn all(data: &SweepData) -> Vec<SweepChart> {
    let mut out = responses(data);
    out.extend(sensitivities(data));
    out
}
