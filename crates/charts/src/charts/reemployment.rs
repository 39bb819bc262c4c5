//! Chart `reemployment`: share of displaced workers re-employed by months since displacement,
//! one line per age group at displacement (cohorts.csv, pooled over replications, weighted by n).

use super::{Built, Curve, NOBODY_DISPLACED, age_groups, anyone_displaced, cohort_curve};
use crate::data::RunData;
use crate::error::ChartError;
use crate::figure::{Figure, Series, XAxis};
use crate::lang::tr;
use crate::style;

/// Percent re-employed (`reemployed` × 100) by months since displacement, for each age group
/// (`<25`, `25-54`, `55-64`, `65+`, then `all`): the mean over replications weighted by `n`.
pub(crate) fn series(data: &RunData) -> Result<Vec<Curve<u32>>, ChartError> {
    let weights = &data.cohorts.n;
    age_groups(data)
        .into_iter()
        .map(|group| {
            let points = cohort_curve(data, &group, "reemployed", false, weights, true)?;
            Ok(Curve {
                name: group,
                points,
            })
        })
        .filter(|c| c.as_ref().map_or(true, |c| !c.points.is_empty()))
        .collect()
}

/// Legend text for an age group of cohorts.csv.
pub(crate) fn age_label(group: &str) -> String {
    match group {
        "all" => tr("All ages").to_string(),
        "<25" => tr("Under 25").to_string(),
        "65+" => tr("65 and over").to_string(),
        other => other.replace('-', "–"),
    }
}

/// Builds the figure.
pub(crate) fn build(data: &RunData) -> Result<Built, ChartError> {
    if !anyone_displaced(data) {
        return Ok(Built::Skipped(tr(NOBODY_DISPLACED).to_string()));
    }
    let curves = series(data)?;
    let mut colour = 0;
    let series = curves
        .iter()
        .map(|c| {
            let points = c.points.iter().map(|&(m, v)| (f64::from(m), v));
            if c.name == "all" {
                Series::line(age_label(&c.name), style::TOTAL, points).thick()
            } else {
                colour += 1;
                Series::line(age_label(&c.name), style::TOTAL, points).nth(colour - 1)
            }
        })
        .collect();
    Ok(Built::Figure(Box::new(Figure::single(
        tr("Re-employment of displaced workers by age, % re-employed"),
        tr(
            "Age at displacement; all displacement months pooled; mean over replications weighted by the number displaced.",
        ),
        XAxis::MonthsSince,
        series,
        style::source_line(&data.manifest),
    ))))
}
