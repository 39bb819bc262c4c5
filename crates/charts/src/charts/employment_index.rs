//! Chart `employment_index`: employment by sector as an index, first month = 100, so that the
//! path of a small sector (a phase-out, a growing niche) is as readable as a large one's.

use super::{Built, Curve, employment_by_sector};
use crate::data::{Month, RunData};
use crate::error::ChartError;
use crate::figure::Reference;
use crate::lang::{count, msg, tr, trf};
use crate::style;

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
            tr("no sector has employment in the first month").to_string(),
        ));
    }
    let left_out = employment_by_sector::series(data).len() - curves.len();
    let mut note = if left_out > 0 {
        format!(
            " {}",
            trf(
                "{sectors} without employment in the first month left out.",
                &[(
                    "sectors",
                    &count(left_out as u64, msg("{n} sector"), msg("{n} sectors"))
                )]
            )
        )
    } else {
        String::new()
    };
    let scale = value_scale(&curves);
    if !scale.off.is_empty() {
        let off: Vec<String> = scale
            .off
            .iter()
            .map(|(name, peak)| {
                let label = data.manifest.labels.sector(name);
                trf(
                    "{label} (up to {peak})",
                    &[("label", &label), ("peak", &style::format_number(*peak, 0))],
                )
            })
            .collect();
        note = format!(
            "{note} {}",
            trf("Off the scale: {list}.", &[("list", &off.join(", "))])
        );
    }
    let title = tr("Employment by sector, index (first month = 100)");
    let mut fig = employment_by_sector::sector_figure(data, &curves, title, &note);
    fig.references = vec![Reference {
        y: 100.0,
        label: tr("first month").to_string(),
    }];
    fig.y_max = scale.top;
    Ok(Built::Figure(Box::new(fig)))
}

/// The value axis of the index chart: its top, when some curves are left off the scale, and
/// those curves with their peaks.
#[derive(Debug, PartialEq)]
pub(crate) struct Scale {
    pub(crate) top: Option<f64>,
    pub(crate) off: Vec<(String, f64)>,
}

/// A sector growing from a small base (a new technology's sector, say) can reach an index of
/// several hundred, which would press every other curve into a thin band around 100. Going
/// down from the highest peak, curves are left off the scale as long as each one's peak is
/// more than twice the next one's (and than 200); the axis then shows up to the highest peak
/// kept (at least 100), ending at the next round tick. At least one curve is always kept.
pub(crate) fn value_scale(curves: &[Curve<Month>]) -> Scale {
    // Curves without a finite value draw nothing and take no part.
    let mut peaks: Vec<(String, f64)> = curves
        .iter()
        .map(|c| {
            let peak = c
                .points
                .iter()
                .map(|p| p.1)
                .fold(f64::NEG_INFINITY, f64::max);
            (c.name.clone(), peak)
        })
        .filter(|(_, peak)| peak.is_finite())
        .collect();
    peaks.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut cut = 0;
    while cut + 1 < peaks.len() && peaks[cut].1 > 2.0 * peaks[cut + 1].1.max(100.0) {
        cut += 1;
    }
    if cut == 0 {
        return Scale {
            top: None,
            off: Vec::new(),
        };
    }
    Scale {
        top: Some(peaks[cut].1.max(100.0)),
        off: peaks[..cut].to_vec(),
    }
}
