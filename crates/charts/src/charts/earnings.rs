//! Chart `earnings`: earnings of displaced workers relative to before displacement, by months
//! since displacement (cohorts.csv, all ages), with a reference line at 1.0.

use super::{Built, Curve, NOBODY_DISPLACED, anyone_displaced, cohort_curve};
use crate::data::RunData;
use crate::error::ChartError;
use crate::figure::{Figure, Reference, Series, XAxis};
use crate::lang::tr;
use crate::style;

/// Two curves for age group `all`, by months since displacement, pooled over replications:
/// - `earnings_ratio_reemployed`, weighted by the number re-employed (`n × reemployed`),
///   rows where it is empty are left out;
/// - `earnings_ratio_all`, weighted by `n`.
pub(crate) fn series(data: &RunData) -> Result<Vec<Curve<u32>>, ChartError> {
    let c = &data.cohorts;
    let reemployed = c.table.numbers("reemployed")?;
    let weights: Vec<f64> = c.n.iter().zip(&reemployed).map(|(n, r)| n * r).collect();
    Ok(vec![
        Curve {
            name: "earnings_ratio_reemployed".to_string(),
            points: cohort_curve(
                data,
                "all",
                "earnings_ratio_reemployed",
                true,
                &weights,
                false,
            )?,
        },
        Curve {
            name: "earnings_ratio_all".to_string(),
            points: cohort_curve(data, "all", "earnings_ratio_all", true, &c.n, false)?,
        },
    ])
}

/// Builds the figure.
pub(crate) fn build(data: &RunData) -> Result<Built, ChartError> {
    if !anyone_displaced(data) {
        return Ok(Built::Skipped(tr(NOBODY_DISPLACED).to_string()));
    }
    let curves = series(data)?;
    if curves.iter().all(|c| c.points.is_empty()) {
        return Ok(Built::Skipped(
            tr("cohorts.csv has no earnings ratios for age group `all`").to_string(),
        ));
    }
    let labels = [tr("Re-employed workers"), tr("All displaced (no job = 0)")];
    let series = curves
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (c, label))| {
            Series::line(
                label,
                style::series_colour(i),
                c.points.iter().map(|&(m, v)| (f64::from(m), v)),
            )
        })
        .collect();
    let mut fig = Figure::single(
        tr("Earnings after displacement, ratio to earnings before"),
        tr(
            "Mean current / pre-displacement earnings; all ages, pooled over replications. The \
         re-employed line averages over whoever is in work at each month, so its movement \
         reflects mainly who has found work by then (later hires take lower-paid jobs), not \
         pay changes of those already re-employed.",
        ),
        XAxis::MonthsSince,
        series,
        style::source_line(&data.manifest),
    );
    fig.references = vec![Reference {
        y: 1.0,
        label: tr("pre-displacement earnings").to_string(),
    }];
    Ok(Built::Figure(Box::new(fig)))
}
