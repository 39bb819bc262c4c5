//! Chart `unemployment`: unemployment rate and long-term unemployment rate (% of the labour
//! force) from economy.csv, mean and 5–95 % band across replications, shock events marked.

use super::{Built, bands_by_month, count_distinct, markers};
use crate::data::{Band, Month, RunData};
use crate::error::ChartError;
use crate::figure::{Figure, Series, XAxis};
use crate::lang::tr;
use crate::style;

/// The numbers behind the chart, in percent.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unemployment {
    /// `unemployment_rate` × 100, by month across replications.
    pub(crate) rate: Vec<(Month, Band)>,
    /// `long_term_unemployed / (employed + short_time + unemployed)` × 100 (the denominator of
    /// `unemployment_rate`), by month across replications.
    pub(crate) long_term: Vec<(Month, Band)>,
}

/// Extracts the series from economy.csv.
pub(crate) fn series(data: &RunData) -> Result<Unemployment, ChartError> {
    let t = &data.economy.table;
    let rate = t.numbers("unemployment_rate")?;
    let employed = t.numbers("employed")?;
    let short_time = t.numbers("short_time")?;
    let unemployed = t.numbers("unemployed")?;
    let long_term = t.numbers("long_term_unemployed")?;
    let months = &data.economy.month;
    let rate = bands_by_month(months.iter().zip(&rate).map(|(&m, &r)| (m, r * 100.0)));
    let long_term = bands_by_month((0..t.len()).map(|i| {
        let labour_force = employed[i] + short_time[i] + unemployed[i];
        let share = if labour_force > 0.0 {
            long_term[i] / labour_force * 100.0
        } else {
            f64::NAN
        };
        (months[i], share)
    }));
    Ok(Unemployment { rate, long_term })
}

/// Builds the figure.
pub(crate) fn build(data: &RunData) -> Result<Built, ChartError> {
    let u = series(data)?;
    if u.rate.is_empty() {
        return Ok(Built::Skipped(
            tr("economy.csv has no data rows").to_string(),
        ));
    }
    let reps = count_distinct(&data.economy.replication);
    let with_band = reps >= 2;
    let subtitle = format!(
        "{}{}. {}",
        capitalise(&style::mean_of(reps)),
        if with_band {
            tr("; shaded: 5–95 % range")
        } else {
            ""
        },
        tr("Long-term: unemployed for 12 months or more.")
    );
    let points = |v: &[(Month, Band)]| v.iter().map(|(m, b)| (m.x(), *b)).collect::<Vec<_>>();
    let series = vec![
        Series::banded(
            tr("Unemployment rate"),
            style::series_colour(0),
            points(&u.rate),
            with_band,
        ),
        Series::banded(
            tr("Long-term unemployment rate"),
            style::series_colour(1),
            points(&u.long_term),
            with_band,
        ),
    ];
    let mut fig = Figure::single(
        tr("Unemployment, % of the labour force"),
        subtitle,
        XAxis::Calendar,
        series,
        style::source_line(&data.manifest),
    );
    fig.markers = markers(data);
    Ok(Built::Figure(Box::new(fig)))
}

/// Upper-cases the first letter.
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
