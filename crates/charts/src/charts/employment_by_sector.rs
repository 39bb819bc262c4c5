//! Chart `employment_by_sector`: employment (employed + short-time) by sector over time,
//! summed over regions from markets.csv, mean across replications, with shock events marked.

use crate::lang::{tr, trf};
use std::collections::{BTreeMap, HashMap};

use super::{Built, Curve, count_distinct, markers};
use crate::data::{Month, RunData};
use crate::error::ChartError;
use crate::figure::{Figure, Series, XAxis};
use crate::style;

/// Employment by sector: for each sector (order of first appearance in markets.csv), the mean
/// across replications of `employed + short_time` summed over regions, by month.
pub(crate) fn series(data: &RunData) -> Vec<Curve<Month>> {
    let m = &data.markets;
    let wanted: Vec<u32> = ["employed", "short_time"]
        .iter()
        .filter_map(|name| m.measure(name))
        .collect();
    let all = m.sector("all");
    // (sector, month, replication) -> sum over regions and measures.
    let mut totals: HashMap<(u32, Month, u32), f64> = HashMap::new();
    for row in &m.rows {
        if wanted.contains(&row.measure) && Some(row.sector) != all && row.value.is_finite() {
            *totals
                .entry((row.sector, row.month, row.replication))
                .or_default() += row.value;
        }
    }
    // (sector, month) -> (sum over replications, replications).
    let mut means: BTreeMap<(u32, Month), (f64, u32)> = BTreeMap::new();
    for ((sector, month, _), total) in totals {
        let e = means.entry((sector, month)).or_default();
        e.0 += total;
        e.1 += 1;
    }
    let mut curves: Vec<Curve<Month>> = Vec::new();
    for (sector, name) in m.sectors.iter().enumerate() {
        let points: Vec<(Month, f64)> = means
            .range((sector as u32, Month(i32::MIN))..=(sector as u32, Month(i32::MAX)))
            .map(|(&(_, month), &(sum, n))| (month, sum / f64::from(n)))
            .collect();
        if !points.is_empty() {
            curves.push(Curve {
                name: name.clone(),
                points,
            });
        }
    }
    curves
}

/// Builds the figure.
pub(crate) fn build(data: &RunData) -> Result<Built, ChartError> {
    let curves = series(data);
    if curves.is_empty() {
        return Ok(Built::Skipped(
            tr("markets.csv has no `employed` or `short_time` rows").to_string(),
        ));
    }
    let fig = sector_figure(data, &curves, tr("Employment by sector, workers"), "");
    Ok(Built::Figure(Box::new(fig)))
}

/// A figure of one line per sector over calendar time, with the run's event markers; shared
/// by the level and index charts. `note` is appended to the subtitle.
pub(crate) fn sector_figure(
    data: &RunData,
    curves: &[Curve<Month>],
    title: &str,
    note: &str,
) -> Figure {
    let reps: Vec<u32> = data.markets.rows.iter().map(|r| r.replication).collect();
    let series = curves
        .iter()
        .enumerate()
        .map(|(i, c)| {
            Series::line(
                data.manifest.labels.sector(&c.name),
                style::TOTAL,
                c.points.iter().map(|(m, v)| (m.x(), *v)),
            )
            .nth(i)
        })
        .collect();
    let mut fig = Figure::single(
        title,
        format!(
            "{}{note}",
            trf(
                "Employed including short-time work, all regions; {mean}.",
                &[("mean", &style::mean_of(count_distinct(&reps)))]
            )
        ),
        XAxis::Calendar,
        series,
        style::source_line(&data.manifest),
    );
    fig.markers = markers(data);
    fig
}
