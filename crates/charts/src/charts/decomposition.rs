//! Chart `decomposition`: what each policy of a package adds, as waterfalls
//! (decomposition.csv, written by `wandel run --decompose`). One column per measure (job-years,
//! displaced re-employed after 24 months, net fiscal cost): starting from zero, each policy's
//! contribution (the package minus the package without it) is a step, then the interaction
//! (the package minus the sum of the contributions: negative where the parts overlap, positive
//! where they reinforce each other), ending at the package's effect against no policies. The
//! whiskers are each step's own 95 % interval.

use super::{Built, policy_label};
use crate::data::{PartRow, RunData};
use crate::error::ChartError;
use crate::lang::{msg, tr, tr_dyn, trf};
use crate::rows::{Cell, Column, Entry, RowFigure};
use crate::style;

/// The measures drawn: name in decomposition.csv, heading, decimals.
const MEASURES: &[(&str, &str, usize)] = &[
    ("job_years", msg("Job-years (full-time equivalents)"), 0),
    (
        "displaced.reemployed_24m",
        msg("Re-employed after 24 months (pp)"),
        1,
    ),
    ("net_fiscal_cost", msg("Net fiscal cost (€ million)"), 1),
];

/// Colour of a step that adds.
const ADDS: usize = 2;
/// Colour of a step that subtracts.
const SUBTRACTS: usize = 3;

/// A step of a waterfall: from, to, and the whisker of the step's own interval.
pub(crate) type Step = (f64, f64, Option<(f64, f64)>);

/// One waterfall: a step for each part, the interaction and the package (`None` without a value).
pub(crate) fn steps(rows: &[&PartRow]) -> Vec<(String, Option<Step>)> {
    let mut out = Vec::new();
    let mut level = 0.0;
    let shifted =
        |r: &PartRow, end: f64, mean: f64| r.ci95.map(|(l, h)| (end + l - mean, end + h - mean));
    for r in rows
        .iter()
        .filter(|r| r.part != "package" && r.part != "interaction")
    {
        let step = r.mean.map(|m| {
            let end = level + m;
            let s = (level, end, shifted(r, end, m));
            level = end;
            s
        });
        out.push((r.part.clone(), step));
    }
    if let Some(i) = rows.iter().find(|r| r.part == "interaction") {
        // The package is the sum of the parts minus the interaction.
        let step = i.mean.map(|m| {
            let end = level - m;
            (level, end, i.ci95.map(|(l, h)| (level - h, level - l)))
        });
        out.push(("interaction".to_string(), step));
    }
    if let Some(p) = rows.iter().find(|r| r.part == "package") {
        out.push(("package".to_string(), p.mean.map(|m| (0.0, m, p.ci95))));
    }
    out
}

/// Builds the figure.
pub(crate) fn build(data: &RunData) -> Result<Built, ChartError> {
    let Some(d) = &data.decomposition else {
        return Ok(Built::Skipped(
            tr("no decomposition in this run (run a package of policies with --decompose)")
                .to_string(),
        ));
    };
    let kinds = &data.policy_kinds;
    let mut labels: Vec<String> = Vec::new();
    let mut columns = Vec::new();
    let mut verdicts = Vec::new();
    for &(measure, heading, decimals) in MEASURES {
        let rows = d.measure(measure);
        if rows.is_empty() {
            continue;
        }
        if let Some(p) = rows.iter().find(|r| r.part == "package") {
            if !p.verdict.is_empty() && p.verdict != "—" {
                verdicts.push(format!(
                    "{} {}",
                    tr(heading_short(measure)),
                    tr_dyn(&p.verdict)
                ));
            }
        }
        let steps = steps(&rows);
        if labels.is_empty() {
            labels = steps
                .iter()
                .map(|(part, _)| match part.as_str() {
                    "interaction" => tr("Interaction (sum of parts − package)").to_string(),
                    "package" => tr("Package against no policies").to_string(),
                    name => kinds
                        .get(name)
                        .map_or(name.to_string(), |k| policy_label(k, name)),
                })
                .collect();
        }
        let entries = steps
            .iter()
            .map(|(part, step)| match step {
                Some((from, to, whisker)) => Entry::Bar(Cell {
                    from: *from,
                    to: *to,
                    whisker: *whisker,
                    colour: if part == "package" {
                        style::TOTAL_BAR
                    } else if to >= from {
                        style::series_colour(ADDS)
                    } else {
                        style::series_colour(SUBTRACTS)
                    },
                    // The interaction is written as in decomposition.csv and the console
                    // (sum of parts − package); its bar is the step from the sum to the
                    // package, the other way.
                    text: signed(
                        if part == "interaction" {
                            from - to
                        } else {
                            to - from
                        },
                        decimals,
                    ),
                }),
                None => Entry::Note(tr("no value").to_string()),
            })
            .collect();
        columns.push(Column {
            heading: tr(heading).to_string(),
            entries,
            connectors: true,
        });
    }
    if columns.is_empty() {
        return Ok(Built::Skipped(
            tr("decomposition.csv has none of the measures drawn").to_string(),
        ));
    }
    let n = labels.len();
    let verdict = if verdicts.is_empty() {
        String::new()
    } else {
        format!(
            " {}",
            trf("The parts: {list}.", &[("list", &verdicts.join("; "))])
        )
    };
    Ok(Built::Rows(Box::new(RowFigure {
        title: tr("What each policy of the package adds").to_string(),
        subtitle: format!(
            "{}{verdict}",
            trf(
                "Each step: the package minus the package without that policy, {mean}, all \
                 under common random numbers; whiskers: 95 % interval of each step. The \
                 interaction, the sum of the parts minus the package as in decomposition.csv, \
                 closes the gap to the package (positive: the parts reinforce each other, so \
                 their sum counts the joint gain twice and the bar goes down by it; negative: \
                 they overlap).",
                &[("mean", &style::mean_of(data.manifest.replications))]
            )
        ),
        rows: labels,
        rule_before: Some(n - 1),
        columns,
        legend: vec![
            (tr("Adds").to_string(), style::series_colour(ADDS)),
            (tr("Subtracts").to_string(), style::series_colour(SUBTRACTS)),
            (tr("Package").to_string(), style::TOTAL_BAR),
        ],
        source: style::source_line(&data.manifest),
    })))
}

/// The measure's name in the verdict line.
fn heading_short(measure: &str) -> &'static str {
    match measure {
        "job_years" => msg("full-time-equivalent job-years"),
        "displaced.reemployed_24m" => msg("re-employment"),
        _ => msg("net fiscal cost"),
    }
}

/// `+454`, `−1,033`, `+3.6`.
pub(crate) fn signed(v: f64, decimals: usize) -> String {
    let text = style::format_number(v, decimals);
    if v > 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{text}")
    } else {
        text
    }
}
