//! Chart `unemployment_by_region`: small multiples of the unemployment rate, one panel per
//! region (markets.csv, `sector` = `all`, measure `unemployment_rate`); only with ≥ 2 regions.

use crate::lang::tr;
use std::collections::BTreeMap;

use super::unemployment::capitalise;
use super::{Built, bands_by_month, count_distinct, markers, markers_note};
use crate::data::{Band, Month, RunData};
use crate::error::ChartError;
use crate::figure::{Figure, Panel, Series, XAxis};
use crate::style;

/// Unemployment rate in percent by region (order of first appearance), mean and 5–95 % band
/// across replications by month.
pub(crate) fn series(data: &RunData) -> Vec<(String, Vec<(Month, Band)>)> {
    let m = &data.markets;
    let (Some(all), Some(rate)) = (m.sector("all"), m.measure("unemployment_rate")) else {
        return Vec::new();
    };
    let mut by_region: BTreeMap<u32, Vec<(Month, f64)>> = BTreeMap::new();
    for row in &m.rows {
        if row.sector == all && row.measure == rate {
            by_region
                .entry(row.region)
                .or_default()
                .push((row.month, row.value * 100.0));
        }
    }
    by_region
        .into_iter()
        .map(|(region, values)| (m.regions[region as usize].clone(), bands_by_month(values)))
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

/// Builds the figure.
pub(crate) fn build(data: &RunData) -> Result<Built, ChartError> {
    let regions = series(data);
    if regions.len() < 2 {
        let reason = if regions.is_empty() {
            tr(
                "no region with an unemployment rate in markets.csv (small multiples need two or more)",
            )
        } else {
            tr(
                "only one region with an unemployment rate in markets.csv (small multiples need two or more)",
            )
        };
        return Ok(Built::Skipped(reason.to_string()));
    }
    let reps: Vec<u32> = data.markets.rows.iter().map(|r| r.replication).collect();
    let reps = count_distinct(&reps);
    let with_band = reps >= 2;
    let panels = regions
        .into_iter()
        .map(|(region, points)| Panel {
            title: Some(data.manifest.labels.region(&region).to_string()),
            series: vec![Series::banded(
                tr("Unemployment rate"),
                style::series_colour(0),
                points.iter().map(|(m, b)| (m.x(), *b)),
                with_band,
            )],
        })
        .collect();
    let mut subtitle = format!(
        "{}{}.",
        capitalise(&style::mean_of(reps)),
        if with_band {
            tr("; shaded: 5–95 % range")
        } else {
            ""
        }
    );
    if let Some(note) = markers_note(data) {
        subtitle = format!("{subtitle} {note}");
    }
    Ok(Built::Figure(Box::new(Figure {
        title: tr("Unemployment rate by region, % of the labour force").to_string(),
        subtitle,
        x_axis: XAxis::Calendar,
        panels,
        markers: markers(data),
        references: Vec::new(),
        y_max: None,
        source: style::source_line(&data.manifest),
        bars: Vec::new(),
        independent_y: false,
        band_label: None,
        x_levels: Vec::new(),
        x_label: None,
    })))
}
