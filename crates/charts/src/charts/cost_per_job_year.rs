//! Chart `cost_per_job_year`: the net cost to the state per job-year gained, by policy, in
//! € thousand, with Fieller's 95 % interval. The first row is all of the scenario's policies
//! together (summary.json `effects`, `cost_per_job_year`); with `--decompose`, one row per
//! policy follows: its contribution to the net cost over its contribution to job-years
//! (decomposition.csv). A policy that gains no job-years has no cost per job-year (a cost per
//! job-year lost is not a price of anything) and is written as such.

use super::{Built, policy_label};
use crate::data::RunData;
use crate::error::ChartError;
use crate::lang::{tr, trf};
use crate::rows::{Cell, Column, Entry, RowFigure};
use crate::style;

/// A row: label, and the cost per job-year (€) with its interval, if there is one.
pub(crate) type CostRow = (String, Option<(f64, Option<(f64, f64)>)>);

/// The rows of the chart, in € per job-year.
pub(crate) fn rows(data: &RunData) -> Vec<CostRow> {
    let mut out = Vec::new();
    let kinds = &data.policy_kinds;
    let together = if kinds.len() == 1 {
        let (name, kind) = kinds.iter().next().expect("one policy");
        policy_label(kind, name)
    } else {
        trf("All {n} policies together", &[("n", &kinds.len())])
    };
    let headline = data
        .headline
        .iter()
        .find(|e| e.name == "cost_per_job_year")
        .and_then(|e| e.mean.map(|m| (m, e.ci95_low.zip(e.ci95_high))));
    if let Some(d) = &data.decomposition {
        for r in d.measure("cost_per_job_year") {
            let label = if r.part == "package" {
                together.clone()
            } else {
                kinds
                    .get(&r.part)
                    .map_or(r.part.clone(), |k| policy_label(k, &r.part))
            };
            out.push((label, r.mean.map(|m| (m, r.ci95))));
        }
    }
    if out.is_empty() && headline.is_some() {
        out.push((together, headline));
    }
    out
}

/// Builds the figure.
pub(crate) fn build(data: &RunData) -> Result<Built, ChartError> {
    let rows = rows(data);
    if rows.iter().all(|(_, v)| v.is_none()) {
        return Ok(Built::Skipped(
            tr(
                "no cost per job-year: the run has no policy that gained job-years against the \
             counterfactual without policies",
            )
            .to_string(),
        ));
    }
    let k = 1e-3;
    let entries = rows
        .iter()
        .enumerate()
        .map(|(i, (_, v))| match v {
            Some((mean, ci)) => Entry::Bar(Cell {
                from: 0.0,
                to: mean * k,
                whisker: ci.map(|(l, h)| (l * k, h * k)),
                colour: if i == 0 && rows.len() > 1 {
                    style::TOTAL_BAR
                } else {
                    style::series_colour(0)
                },
                text: if *mean < 0.0 {
                    trf(
                        "−€{value}k",
                        &[("value", &style::format_number(-mean * k, 0))],
                    )
                } else {
                    trf(
                        "€{value}k",
                        &[("value", &style::format_number(mean * k, 0))],
                    )
                },
            }),
            None => Entry::Note(tr("gains no job-years").to_string()),
        })
        .collect();
    let decomposed = rows.len() > 1;
    let against = if decomposed {
        tr("the policy (each row) or without policies (first row)")
    } else {
        tr("policies")
    };
    let subtitle = trf(
        "Net cost to the state (spending minus taxes and contributions) per job-year gained \
         against the same runs without {against}, {mean}. Whiskers: Fieller's 95 % interval \
         (none where the job-years gained are not significantly different from zero). \
         Negative: the policy pays for itself.",
        &[
            ("against", &against),
            ("mean", &style::mean_of(data.manifest.replications)),
        ],
    );
    Ok(Built::Rows(Box::new(RowFigure {
        title: tr("Cost per job-year gained, by policy (€ thousand)").to_string(),
        subtitle,
        rows: rows.iter().map(|(l, _)| l.clone()).collect(),
        rule_before: decomposed.then_some(1),
        columns: vec![Column {
            heading: tr("€ thousand per job-year gained").to_string(),
            entries,
            connectors: false,
        }],
        legend: Vec::new(),
        source: style::source_line(&data.manifest),
    })))
}
