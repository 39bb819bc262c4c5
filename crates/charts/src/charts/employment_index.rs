//! Chart `employment_index`: employment by sector as an index, first month = 100, so that the
//! path of a small sector (a phase-out, a growing niche) is as readable as a large one's.

use super::{Built, Curve, employment_by_sector};
use crate::data::{Month, RunData};
use crate::error::ChartError;
use crate::figure::Reference;

/// The curves of `employment_by_sector`, each divided by its first month and times 100;
/// sectors without employment in their first month are left out (no base to index on).
pub(crate) fn series(data: &RunData) -> Vec<Curve<Month>> {
    employment_by_sector::series(data)
        .into_iter()
        .filter_map(|c| {
            let base = c.points.first().map(|p| p.1).filter(|&b| b > 0.0)?;
            let points = c
                .points
                .iter()
                .map(|&(m, v)| (m, 100.0 * v / base))
                .collect();
            Some(Curve {
                name: c.name,
                points,
            })
        })
        .collect()
}

/// Builds the figure.
pub(crate) fn build(data: &RunData) -> Result<Built, ChartError> {
    let curves = series(data);
    if curves.is_empty() {
        return Ok(Built::Skipped(
            "no sector has employment in the first month".to_string(),
        ));
    }
    let left_out = employment_by_sector::series(data).len() - curves.len();
    let note = if left_out > 0 {
        format!(" {left_out} sector(s) without employment in the first month left out.")
    } else {
        String::new()
    };
    let title = "Employment by sector, index (first month = 100)";
    let mut fig = employment_by_sector::sector_figure(data, &curves, title, &note);
    fig.references = vec![Reference {
        y: 100.0,
        label: "first month".to_string(),
    }];
    Ok(Built::Figure(Box::new(fig)))
}
