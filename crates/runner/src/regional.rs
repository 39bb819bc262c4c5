//! How the closure's region adjusts, against the same run without the closure
//! (`--counterfactual no-shocks`): year by year after the closure, the change in the jobs there,
//! in net commuting out, in residents employed, unemployed and out of the labour force, in
//! residents of working age (moves and entrants), and in the unemployment rate, each a paired
//! mean over replications with its 95 % confidence interval (`regional_adjustment.csv`,
//! `summary.json`); and the local multiplier 36 months after the closure (calibration: J1, M2).

use std::path::Path;

use anyhow::Result;
use serde::Serialize;
use wandel_engine::indicators as ind;
use wandel_engine::{Params, RegionRecord, RunOutput};

use crate::output::{csv_writer, num};
use crate::summary::{Indicator, indicator};
use wandel_engine::measures::ci95_half_width;

/// Months after the closure at which the region is compared.
pub(crate) const HORIZONS: [i32; 6] = [12, 24, 36, 48, 60, 96];

/// The measures, in the order of the file: key and what it counts.
pub(crate) const MEASURES: [(&str, &str); 7] = [
    ("jobs_here", "jobs at the region's firms"),
    (
        "commuting_out",
        "residents employed minus jobs here (net commuting out)",
    ),
    (
        "employed_residents",
        "residents on a payroll, wherever they work",
    ),
    ("unemployed", "unemployed residents"),
    ("out_of_labour_force", "residents out of the labour force"),
    (
        "residents",
        "residents of working age (employed, unemployed, in training, inactive)",
    ),
    (
        "unemployment_rate_pp",
        "the region's unemployment rate, percentage points",
    ),
];

/// One measure at one horizon: the paired mean change with its 95 % interval.
#[derive(Serialize, Debug, Clone)]
pub(crate) struct Change {
    /// Months after the closure.
    pub(crate) months_after_closure: i32,
    /// Measure key ([`MEASURES`]).
    pub(crate) measure: &'static str,
    /// Mean over replications of scenario minus counterfactual.
    pub(crate) mean: f64,
    /// Lower end of the 95 % confidence interval.
    pub(crate) ci95_low: Option<f64>,
    /// Upper end of the 95 % confidence interval.
    pub(crate) ci95_high: Option<f64>,
}

/// The region's adjustment and the local multiplier, when the scenario has a closure and the
/// counterfactual leaves the shocks out.
pub(crate) struct Adjustment {
    /// Changes by horizon and measure.
    pub(crate) changes: Vec<Change>,
    /// Local multiplier 36 months after the closure.
    pub(crate) multiplier: Option<Indicator>,
}

fn values(r: &RegionRecord) -> [f64; 7] {
    let here = r.employed_here as f64;
    let residents_employed = r.employed_residents as f64;
    [
        here,
        residents_employed - here,
        residents_employed,
        r.unemployed as f64,
        r.out_of_labour_force as f64,
        residents_employed
            + r.unemployed as f64
            + r.in_training as f64
            + r.out_of_labour_force as f64,
        100.0 * r.unemployment_rate(),
    ]
}

/// The adjustment of the first closure's region in `with` against `without` (paired by
/// replication); `None` without a closure.
pub(crate) fn adjustment(
    params: &Params,
    with: &[&RunOutput],
    without: &[&RunOutput],
) -> Option<Adjustment> {
    let closure = params.closures.first()?;
    let region = params.firm_groups[closure.group as usize].region as usize;
    let mut changes = Vec::new();
    for months in HORIZONS {
        let at = closure.closes.plus(months);
        let mut diffs: Vec<[f64; 7]> = Vec::new();
        for (a, b) in with.iter().zip(without) {
            let find = |r: &RunOutput| r.months.iter().find(|m| m.month == at).cloned();
            if let (Some(x), Some(y)) = (find(a), find(b)) {
                let (x, y) = (values(&x.regions[region]), values(&y.regions[region]));
                diffs.push(std::array::from_fn(|k| x[k] - y[k]));
            }
        }
        if diffs.is_empty() {
            continue;
        }
        for (k, &(measure, _)) in MEASURES.iter().enumerate() {
            let v: Vec<f64> = diffs.iter().map(|d| d[k]).collect();
            let mean = v.iter().sum::<f64>() / v.len() as f64;
            let half = ci95_half_width(&v);
            changes.push(Change {
                months_after_closure: months,
                measure,
                mean,
                ci95_low: half.map(|h| mean - h),
                ci95_high: half.map(|h| mean + h),
            });
        }
    }
    let multiplier = indicator(
        (
            "local_multiplier_36m",
            "Non-tradable jobs lost per tradable job lost in the closure's region, 36 months after",
            "ratio",
        ),
        with.iter()
            .zip(without)
            .map(|(a, b)| ind::local_multiplier(params, a, b, 36))
            .collect(),
    );
    Some(Adjustment {
        changes,
        multiplier,
    })
}

/// Writes `regional_adjustment.csv`.
pub(crate) fn write(path: &Path, changes: &[Change]) -> Result<()> {
    crate::atomic::write_atomic(path, |w| {
        let mut c = csv_writer(w);
        c.write_record([
            "months_after_closure",
            "measure",
            "change",
            "ci95_low",
            "ci95_high",
        ])?;
        for ch in changes {
            c.write_record([
                ch.months_after_closure.to_string(),
                ch.measure.to_string(),
                num(ch.mean),
                ch.ci95_low.map_or(String::new(), num),
                ch.ci95_high.map_or(String::new(), num),
            ])?;
        }
        c.flush()?;
        Ok(())
    })
}

/// The lines `wandel run` prints: the region's changes at each horizon, one line each.
pub(crate) fn describe(changes: &[Change]) -> Vec<String> {
    if changes.is_empty() {
        return Vec::new();
    }
    use wandel_charts::console::signed;
    use wandel_charts::lang::{tr, trf};
    let mut lines = vec![format!(
        "  {}",
        tr(
            "the closure's region against the run without it (jobs here, commuting out, \
            residents employed, unemployed, out of the labour force, residents; unemployment \
            rate):"
        )
    )];
    for months in HORIZONS {
        let at: Vec<&Change> = changes
            .iter()
            .filter(|c| c.months_after_closure == months)
            .collect();
        if at.len() != MEASURES.len() {
            continue;
        }
        let counts: Vec<String> = at[..6].iter().map(|c| signed(c.mean, 0)).collect();
        lines.push(format!(
            "  {months:>3} {}",
            trf(
                "months after: {counts} ; {rate} pp",
                &[
                    ("counts", &counts.join(" ")),
                    ("rate", &signed(at[6].mean, 1))
                ]
            )
        ));
    }
    lines
}
