//! Chart `reemployment_destination`: where displaced workers found jobs (same sector, other
//! sector, other region) by months since displacement, all ages (cohorts.csv, weighted by n).

use super::{Built, Curve, NOBODY_DISPLACED, anyone_displaced, cohort_curve};
use crate::data::RunData;
use crate::error::ChartError;
use crate::figure::{Figure, Series, XAxis};
use crate::lang::{msg, tr};
use crate::style;

/// The cohorts.csv columns shown, with their legend text (the first is the total).
pub(crate) const COLUMNS: [(&str, &str); 4] = [
    ("reemployed", msg("All re-employed")),
    ("same_sector", msg("Same sector")),
    ("other_sector", msg("Other sector")),
    ("other_region", msg("Other region")),
];

/// Percent of displaced workers (age group `all`) in each of [`COLUMNS`], by months since
/// displacement, weighted by `n` over replications. Curves are named by column.
pub(crate) fn series(data: &RunData) -> Result<Vec<Curve<u32>>, ChartError> {
    COLUMNS
        .iter()
        .map(|&(column, _)| {
            Ok(Curve {
                name: column.to_string(),
                points: cohort_curve(data, "all", column, false, &data.cohorts.n, true)?,
            })
        })
        .collect()
}

/// Builds the figure.
pub(crate) fn build(data: &RunData) -> Result<Built, ChartError> {
    if !anyone_displaced(data) {
        return Ok(Built::Skipped(tr(NOBODY_DISPLACED).to_string()));
    }
    let curves = series(data)?;
    if curves.iter().all(|c| c.points.is_empty()) {
        return Ok(Built::Skipped(
            tr("cohorts.csv has no rows for age group `all` with n > 0").to_string(),
        ));
    }
    let series = curves
        .iter()
        .zip(COLUMNS)
        .enumerate()
        .map(|(i, (c, (_, label)))| {
            let label = tr(label);
            let points = c.points.iter().map(|&(m, v)| (f64::from(m), v));
            if i == 0 {
                Series::line(label, style::TOTAL, points).thick()
            } else {
                Series::line(label, style::series_colour(i - 1), points)
            }
        })
        .collect();
    Ok(Built::Figure(Box::new(Figure::single(
        tr("Where displaced workers found jobs, % of displaced workers"),
        tr(
            "Same + other sector = all re-employed; other region overlaps both. All ages, weighted by the number displaced.",
        ),
        XAxis::MonthsSince,
        series,
        style::source_line(&data.manifest),
    ))))
}
