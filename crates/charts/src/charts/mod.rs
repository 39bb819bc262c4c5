//! The chart set: one file per chart, each with a data-extraction function (tested against the
//! CSVs) and a `build` function turning that data into a [`Figure`].
//!
//! To add a chart: write `charts/<name>.rs` with `pub(crate) fn build(&RunData) -> Result<Built,
//! ChartError>`, and add one line to [`ALL`]. It is then drawn by `draw_all`, embedded in
//! `report.html`, and redrawn by `wandel plot DIR`.

use crate::lang::{format_month, msg, tr, tr_dyn, trf};
use std::collections::{BTreeMap, HashSet};

use crate::data::{Band, Month, RunData, WeightedMean, band};
use crate::error::ChartError;
use crate::figure::{Figure, Marker};
use crate::output::Drawing;
use crate::rows::RowFigure;

pub(crate) mod cost_per_job_year;
pub(crate) mod decomposition;
pub(crate) mod earnings;
pub(crate) mod employment_by_sector;
pub(crate) mod employment_index;
pub(crate) mod fiscal;
pub(crate) mod participants_effect;
pub(crate) mod policy_effect;
pub(crate) mod reemployment;
pub(crate) mod reemployment_destination;
pub(crate) mod regional_adjustment;
pub(crate) mod unemployment;
pub(crate) mod unemployment_by_region;

/// The result of building a chart: a figure, or the reason it is left out.
#[derive(Debug)]
pub(crate) enum Built {
    /// Draw this.
    Figure(Box<Figure>),
    /// Draw these rows.
    Rows(Box<RowFigure>),
    /// Not drawn, for this reason (e.g. "only one region").
    Skipped(String),
}

impl Built {
    /// What to draw, or why the chart is skipped.
    pub(crate) fn drawing(&self) -> Result<Drawing<'_>, &str> {
        match self {
            Built::Figure(f) => Ok(Drawing::Figure(f)),
            Built::Rows(f) => Ok(Drawing::Rows(f)),
            Built::Skipped(reason) => Err(reason),
        }
    }
}

/// A chart of the standard set.
pub(crate) struct Chart {
    /// File name without extension, in `DIR/charts/`.
    pub(crate) name: &'static str,
    /// Builds the figure from the run's data.
    pub(crate) build: fn(&RunData) -> Result<Built, ChartError>,
}

/// All charts, in the order of the report.
pub(crate) const ALL: &[Chart] = &[
    Chart {
        name: "employment_by_sector",
        build: employment_by_sector::build,
    },
    Chart {
        name: "employment_index",
        build: employment_index::build,
    },
    Chart {
        name: "unemployment",
        build: unemployment::build,
    },
    Chart {
        name: "unemployment_by_region",
        build: unemployment_by_region::build,
    },
    Chart {
        name: "regional_adjustment",
        build: regional_adjustment::build,
    },
    Chart {
        name: "reemployment",
        build: reemployment::build,
    },
    Chart {
        name: "reemployment_destination",
        build: reemployment_destination::build,
    },
    Chart {
        name: "earnings",
        build: earnings::build,
    },
    Chart {
        name: "policy_effect",
        build: policy_effect::build,
    },
    Chart {
        name: "participants_effect",
        build: participants_effect::build,
    },
    Chart {
        name: "fiscal",
        build: fiscal::build,
    },
    Chart {
        name: "cost_per_job_year",
        build: cost_per_job_year::build,
    },
    Chart {
        name: "decomposition",
        build: decomposition::build,
    },
];

/// "Job security council (steel_jsc)": a policy's kind in words (from the registry of
/// kinds, in the current language), with its name as written.
pub(crate) fn policy_label(kind: &str, name: &str) -> String {
    match wandel_policy::registry::kind(kind) {
        Some(k) => format!("{} ({name})", tr_dyn(k.label())),
        None => format!("{kind} ({name})"),
    }
}

/// A named line of (x, value) points, as plotted.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Curve<X> {
    pub(crate) name: String,
    pub(crate) points: Vec<(X, f64)>,
}

/// Event markers from `events.csv` (labels of events in the same month are joined).
pub(crate) fn markers(data: &RunData) -> Vec<Marker> {
    let mut by_month: BTreeMap<Month, Vec<&str>> = BTreeMap::new();
    for e in &data.events {
        let labels = by_month.entry(e.month).or_default();
        if !labels.contains(&e.label.as_str()) {
            labels.push(&e.label);
        }
    }
    by_month
        .into_iter()
        .map(|(month, labels)| Marker {
            x: month.x(),
            label: labels
                .iter()
                .map(|l| event_label(l))
                .collect::<Vec<_>>()
                .join("; "),
        })
        .collect()
}

/// An event's label from events.csv in the current language: the event's words translated,
/// the firm group's name as written.
fn event_label(label: &str) -> String {
    for prefix in [msg("closure announced: "), msg("closes: ")] {
        if let Some(group) = label.strip_prefix(prefix) {
            return format!("{}{group}", tr(prefix));
        }
    }
    label.to_string()
}

/// "Dashed lines: closure announced: x (2026-03), …" for charts that cannot label markers.
pub(crate) fn markers_note(data: &RunData) -> Option<String> {
    let marks = markers(data);
    if marks.is_empty() {
        return None;
    }
    let items: Vec<String> = marks
        .iter()
        .map(|m| {
            let month = Month(m.x as i32);
            format!(
                "{} ({})",
                m.label,
                format_month(month.year(), month.month_of_year())
            )
        })
        .collect();
    Some(trf("Dashed lines: {list}.", &[("list", &items.join(", "))]))
}

/// Number of distinct replications in a column.
pub(crate) fn count_distinct(replications: &[u32]) -> u64 {
    replications.iter().collect::<HashSet<_>>().len() as u64
}

/// Mean and 5–95 % band by month of per-replication values (non-finite values are left out).
pub(crate) fn bands_by_month(values: impl IntoIterator<Item = (Month, f64)>) -> Vec<(Month, Band)> {
    let mut by_month: BTreeMap<Month, Vec<f64>> = BTreeMap::new();
    for (m, v) in values {
        by_month.entry(m).or_default().push(v);
    }
    by_month
        .into_iter()
        .filter_map(|(m, v)| band(&v).map(|b| (m, b)))
        .collect()
}

/// True when some cohort row has displaced workers (`n > 0`).
pub(crate) fn anyone_displaced(data: &RunData) -> bool {
    data.cohorts.n.iter().any(|&n| n > 0.0)
}

/// Reason for skipping cohort charts.
pub(crate) const NOBODY_DISPLACED: &str =
    msg("no displaced workers in this run (cohorts.csv has no row with n > 0)");

/// For one age group, the weighted mean of `column` by months since displacement, pooled over
/// replications; `weights` holds one weight per row of cohorts.csv (rows with weight 0 or a
/// missing value are left out). With `optional`, empty fields are allowed (missing values).
/// Shares are returned as percent when `percent` is set.
pub(crate) fn cohort_curve(
    data: &RunData,
    age_group: &str,
    column: &str,
    optional: bool,
    weights: &[f64],
    percent: bool,
) -> Result<Vec<(u32, f64)>, ChartError> {
    let c = &data.cohorts;
    let values = if optional {
        c.table.optional_numbers(column)?
    } else {
        c.table.numbers(column)?
    };
    let mut acc: BTreeMap<u32, WeightedMean> = BTreeMap::new();
    let mut base: BTreeMap<u32, f64> = BTreeMap::new();
    for i in 0..c.table.len() {
        if c.group[i] == age_group {
            acc.entry(c.months_since[i])
                .or_default()
                .add(values[i], weights[i]);
            *base.entry(c.months_since[i]).or_default() += c.n[i];
        }
    }
    let scale = if percent { 100.0 } else { 1.0 };
    Ok(acc
        .into_iter()
        // A point resting on fewer than MIN_WORKERS displaced workers, pooled over the
        // replications, is left out: a share of a handful of workers is noise.
        .filter(|(m, _)| base.get(m).is_some_and(|&n| n >= MIN_WORKERS))
        .filter_map(|(m, w)| w.get().map(|v| (m, v * scale)))
        .collect())
}

/// Fewer displaced workers than this, pooled over the replications, and a chart leaves the
/// point out (as `summary.json` suppresses a figure on fewer than 30 workers).
pub(crate) const MIN_WORKERS: f64 = 30.0;

/// Age groups present in cohorts.csv, in the documented order, then any others (not the
/// breakdowns by sector, occupation or region, whose names hold a colon).
pub(crate) fn age_groups(data: &RunData) -> Vec<String> {
    let mut groups: Vec<String> = ["<25", "25-54", "55-64", "65+", "all"]
        .iter()
        .map(|s| s.to_string())
        .filter(|g| data.cohorts.group.contains(g))
        .collect();
    for g in &data.cohorts.group {
        if !g.contains(':') && !groups.contains(g) {
            groups.push(g.clone());
        }
    }
    groups
}
