//! Chart `regional_adjustment`: how the closure's region absorbs the loss of its jobs, against
//! the same run without the closure (regional_adjustment.csv, written by `wandel run
//! --counterfactual no-shocks`). One column per horizon (one, three and five years after the
//! closure), one row per channel: the jobs lost in the region, and on the residents' side the
//! net commuting out, the residents employed, unemployed and out of the labour force, and the
//! residents of working age (moves and entrants); whiskers are each change's 95 % interval.
//! Residents employed = jobs here + commuting out; residents = employed + unemployed + in
//! training + out of the labour force (calibration: M2 splits the loss between participation,
//! migration and unemployment).

use super::Built;
use super::decomposition::signed;
use crate::data::RunData;
use crate::error::ChartError;
use crate::lang::{msg, tr, trf};
use crate::rows::{Cell, Column, Entry, RowFigure};
use crate::style;

/// The rows: measure in regional_adjustment.csv and label.
const ROWS: &[(&str, &str)] = &[
    ("jobs_here", msg("Jobs in the region")),
    ("commuting_out", msg("Net commuting out")),
    ("employed_residents", msg("Residents employed")),
    ("unemployed", msg("Residents unemployed")),
    (
        "out_of_labour_force",
        msg("Residents out of the labour force"),
    ),
    (
        "residents",
        msg("Residents of working age (moves, entrants)"),
    ),
];

/// The columns: months after the closure and heading.
const HORIZONS: &[(u32, &str)] = &[
    (12, msg("1 year after (workers)")),
    (36, msg("3 years after (workers)")),
    (60, msg("5 years after (workers)")),
];

/// Builds the figure.
pub(crate) fn build(data: &RunData) -> Result<Built, ChartError> {
    let Some(r) = &data.regional else {
        return Ok(Built::Skipped(
            tr("no regional adjustment in this run (run a closure with --counterfactual no-shocks)")
                .to_string(),
        ));
    };
    let mut columns = Vec::new();
    for &(months, heading) in HORIZONS {
        if r.at(months, "jobs_here").is_none() {
            continue;
        }
        let entries = ROWS
            .iter()
            .enumerate()
            .map(|(k, &(measure, _))| match r.at(months, measure) {
                Some(row) => Entry::Bar(Cell {
                    from: 0.0,
                    to: row.change,
                    whisker: row.ci95,
                    colour: style::series_colour(if k == 0 { 0 } else { 1 + k % 5 }),
                    text: signed(row.change, 0),
                }),
                None => Entry::Note(tr("no value").to_string()),
            })
            .collect();
        columns.push(Column {
            heading: tr(heading).to_string(),
            entries,
            connectors: false,
        });
    }
    if columns.is_empty() {
        return Ok(Built::Skipped(
            tr("the run ends before a year after the closure").to_string(),
        ));
    }
    let rate = |m: u32| {
        r.at(m, "unemployment_rate_pp")
            .map(|x| trf("{change} pp", &[("change", &signed(x.change, 1))]))
    };
    let rates: Vec<String> = HORIZONS
        .iter()
        .filter_map(|&(m, _)| {
            let years = m / 12;
            let text = if years == 1 {
                msg("{change} after 1 year")
            } else {
                msg("{change} after {years} years")
            };
            rate(m).map(|t| trf(text, &[("change", &t), ("years", &years)]))
        })
        .collect();
    Ok(Built::Rows(Box::new(RowFigure {
        title: tr("How the region of the closure absorbs the jobs it lost").to_string(),
        subtitle: trf(
            "Change against the same run without the closure, {mean}, under common random \
             numbers; whiskers: 95 % interval. Residents employed = jobs in the region + net \
             commuting out; residents = employed + unemployed + in training + out of the \
             labour force. The region's unemployment rate: {rates}.",
            &[
                ("mean", &style::mean_of(data.manifest.replications)),
                ("rates", &rates.join(", ")),
            ],
        ),
        rows: ROWS.iter().map(|r| tr(r.1).to_string()).collect(),
        rule_before: Some(1),
        columns,
        legend: Vec::new(),
        source: style::source_line(&data.manifest),
    })))
}
