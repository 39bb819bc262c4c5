//! Headline indicators across replications (`summary.json`).

use serde::Serialize;
use wandel_engine::RunOutput;
use wandel_engine::indicators as ind;

/// Fewer workers than this, pooled over the replications, and a figure about them is
/// suppressed (shown as `null` with the reason): a share of a handful of workers is noise, not
/// a finding (the usual rule of statistical offices for small cells).
pub(crate) const MIN_WORKERS: u64 = 30;

/// One indicator across replications: its mean with a 95 % confidence interval of the mean
/// (Student's t with n − 1 degrees of freedom; absent with one replication), the 5–95 %
/// spread of the replications (what the charts' bands show), and what it rests on: the
/// replications that observed it and, for figures about a group of workers, how many workers
/// it pools. A figure resting on too few (fewer than [`MIN_WORKERS`] workers pooled, or seen in
/// fewer than half the replications) is suppressed: `null` values and the reason.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub(crate) struct Indicator {
    /// Key, stable for scripts and sweeps (`docs/outputs.md`).
    pub(crate) name: &'static str,
    /// What it measures, for people (the report's row label).
    pub(crate) label: &'static str,
    /// Unit.
    pub(crate) unit: &'static str,
    /// Mean across replications (`None` when suppressed).
    pub(crate) mean: Option<f64>,
    /// Lower end of the 95 % confidence interval of the mean.
    pub(crate) ci95_low: Option<f64>,
    /// Upper end of the 95 % confidence interval of the mean.
    pub(crate) ci95_high: Option<f64>,
    /// 5th percentile across replications.
    pub p05: Option<f64>,
    /// 95th percentile across replications.
    pub p95: Option<f64>,
    /// Replications that observed it.
    pub(crate) replications: usize,
    /// For a figure about a group of workers: the workers it pools over the replications.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) workers: Option<u64>,
    /// Why the values are `null`, when suppressed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) suppressed: Option<String>,
}

impl Indicator {
    /// The mean, NaN when suppressed (for sweeps' runs.csv).
    pub(crate) fn value(&self) -> f64 {
        self.mean.unwrap_or(f64::NAN)
    }
}

/// Percentile `q` (0–1) of sorted values by linear interpolation.
pub(crate) fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// An indicator from one value per replication (NaN where a replication did not observe it).
pub(crate) fn indicator(
    (name, label, unit): (&'static str, &'static str, &'static str),
    mut values: Vec<f64>,
) -> Option<Indicator> {
    values.retain(|v| v.is_finite());
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let m = wandel_engine::measures::mean_ci(&values)?;
    Some(Indicator {
        name,
        label,
        unit,
        mean: Some(m.mean),
        ci95_low: m.low(),
        ci95_high: m.high(),
        p05: Some(percentile(&values, 0.05)),
        p95: Some(percentile(&values, 0.95)),
        replications: m.n,
        workers: None,
        suppressed: None,
    })
}

/// An indicator about a group of workers: one value per replication with the workers it rests
/// on there (0 where the replication has none); suppressed when it pools fewer than
/// [`MIN_WORKERS`] workers or is seen in fewer than half the replications (`suppress`).
fn group_indicator(
    key: (&'static str, &'static str, &'static str),
    values: Vec<f64>,
    workers: Vec<u64>,
    suppress: bool,
) -> Option<Indicator> {
    let total = values.len();
    let seen = values.iter().filter(|v| v.is_finite()).count();
    let pooled: u64 = workers.iter().sum();
    let mut ind = match indicator(key, values) {
        Some(i) => i,
        None if suppress && total > 0 => Indicator {
            name: key.0,
            label: key.1,
            unit: key.2,
            mean: None,
            ci95_low: None,
            ci95_high: None,
            p05: None,
            p95: None,
            replications: 0,
            workers: Some(pooled),
            suppressed: Some(format!(
                "no worker in the group in any of {total} replications"
            )),
        },
        None => return None,
    };
    ind.workers = Some(pooled);
    let reason = if pooled < MIN_WORKERS {
        Some(format!(
            "{pooled} workers pooled over {total} replications, fewer than {MIN_WORKERS}"
        ))
    } else if seen * 2 < total {
        Some(format!(
            "seen in {seen} of {total} replications, fewer than half"
        ))
    } else {
        None
    };
    if suppress && ind.suppressed.is_none() {
        if let Some(reason) = reason {
            ind.mean = None;
            ind.ci95_low = None;
            ind.ci95_high = None;
            ind.p05 = None;
            ind.p95 = None;
            ind.suppressed = Some(reason);
        }
    }
    Some(ind)
}

fn earnings_at(run: &RunOutput, months: usize) -> f64 {
    let c = &run.cohorts;
    c.of(c.headline_cause())[0]
        .get(months)
        .filter(|c| c.reemployed > 0)
        .map_or(f64::NAN, |c| c.earnings_ratio_sum / c.reemployed as f64)
}

/// The headline indicators of a set of replications. Displaced-worker indicators describe the
/// closing firms' staff when a closure displaced anyone, otherwise the laid off.
///
/// With `suppress`, a figure about a group of workers that rests on too few of them is
/// `null` with the reason ([`MIN_WORKERS`]); sweeps, which pool a point's replications
/// themselves, ask for the raw values.
pub(crate) fn indicators(runs: &[RunOutput], suppress: bool) -> Vec<Indicator> {
    let per = |f: &dyn Fn(&RunOutput) -> f64| runs.iter().map(f).collect::<Vec<f64>>();
    let bases = |f: &dyn Fn(&RunOutput) -> u64| runs.iter().map(f).collect::<Vec<u64>>();
    let pct = |f: &dyn Fn(&RunOutput) -> f64| runs.iter().map(|r| 100.0 * f(r)).collect();
    let payroll = |m: Option<&wandel_engine::MonthRecord>| {
        m.map_or(0.0, wandel_engine::measures::employment_heads)
    };
    let tail_u = |r: &RunOutput| {
        let n = r.months.len().min(12);
        r.months[r.months.len() - n..]
            .iter()
            .map(|m| m.unemployment_rate())
            .sum::<f64>()
            / n.max(1) as f64
    };
    [
        indicator(
            (
                "unemployment_rate.mean",
                "Unemployment rate, mean over the run",
                "%",
            ),
            pct(&ind::unemployment_rate_mean),
        ),
        indicator(
            ("peak_unemployment_rate", "Peak unemployment rate", "%"),
            pct(&|r| {
                r.months
                    .iter()
                    .map(|m| m.unemployment_rate())
                    .fold(0.0, f64::max)
            }),
        ),
        indicator(
            (
                "unemployment_rate_last_12_months",
                "Unemployment rate, last 12 months",
                "%",
            ),
            pct(&tail_u),
        ),
        indicator(
            (
                "employment_change",
                "Employment change, first to last month",
                "%",
            ),
            pct(&|r| payroll(r.months.last()) / payroll(r.months.first()).max(1.0) - 1.0),
        ),
        indicator(
            ("flows.ue_rate", "Unemployment to employment, a month", "%"),
            pct(&|r| ind::flow_rates(r).0),
        ),
        indicator(
            ("flows.eu_rate", "Employment to unemployment, a month", "%"),
            pct(&|r| ind::flow_rates(r).1),
        ),
        indicator(
            ("flows.ee_rate", "Job to job, a month", "%"),
            pct(&|r| ind::flow_rates(r).2),
        ),
        indicator(
            ("displaced_workers", "Displaced workers", "workers"),
            per(&|r| r.displaced as f64),
        ),
        group_indicator(
            (
                "displaced.reemployed_12m",
                "Displaced re-employed after 12 months",
                "%",
            ),
            pct(&|r| ind::reemployed(r, "all", 12)),
            bases(&|r| ind::base(r, "all", 12)),
            suppress,
        ),
        group_indicator(
            (
                "displaced.reemployed_24m",
                "Displaced re-employed after 24 months",
                "%",
            ),
            pct(&|r| ind::reemployed(r, "all", 24)),
            bases(&|r| ind::base(r, "all", 24)),
            suppress,
        ),
        group_indicator(
            (
                "displaced.reemployed_24m_age_25_54",
                "Displaced aged 25–54 re-employed after 24 months",
                "%",
            ),
            pct(&|r| ind::reemployed(r, "25-54", 24)),
            bases(&|r| ind::base(r, "25-54", 24)),
            suppress,
        ),
        group_indicator(
            (
                "displaced.reemployed_24m_age_55_64",
                "Displaced aged 55–64 re-employed after 24 months",
                "%",
            ),
            pct(&|r| ind::reemployed(r, "55-64", 24)),
            bases(&|r| ind::base(r, "55-64", 24)),
            suppress,
        ),
        group_indicator(
            (
                "displaced.earnings_vs_controls_12m",
                "Displaced's earnings against matched controls, months 1–12",
                "%",
            ),
            pct(&|r| ind::earnings_vs_controls(r, 1, 12)),
            bases(&|r| ind::matched_base(r, 1)),
            suppress,
        ),
        group_indicator(
            (
                "displaced.earnings_vs_controls_60m",
                "Displaced's earnings against matched controls, months 49–60",
                "%",
            ),
            pct(&|r| ind::earnings_vs_controls(r, 49, 60)),
            bases(&|r| ind::matched_base(r, 49)),
            suppress,
        ),
        group_indicator(
            (
                "displaced.occupation_change_24m",
                "Re-employed displaced in another occupation after 24 months",
                "%",
            ),
            pct(&|r| ind::occupation_change(r, 24)),
            bases(&|r| ind::reemployed_base(r, 24)),
            suppress,
        ),
        group_indicator(
            (
                "displaced.moved_residence_24m",
                "Displaced who moved residence within 24 months",
                "%",
            ),
            pct(&|r| ind::moved_residence(r, 24)),
            bases(&|r| ind::base(r, "all", 24)),
            suppress,
        ),
        group_indicator(
            (
                "earnings_ratio_reemployed_after_24_months",
                "Wage of the re-employed displaced after 24 months, to the wage before",
                "ratio",
            ),
            per(&|r| earnings_at(r, 24)),
            bases(&|r| ind::reemployed_base(r, 24)),
            suppress,
        ),
        indicator(
            (
                "long_term_unemployed_at_end",
                "Long-term unemployed in the last month",
                "workers",
            ),
            per(&|r| {
                r.months
                    .last()
                    .map_or(0.0, |m| m.long_term_unemployed as f64)
            }),
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.0), 1.0);
        assert_eq!(percentile(&v, 0.5), 3.0);
        assert!((percentile(&v, 0.05) - 1.2).abs() < 1e-12);
        assert_eq!(percentile(&[7.0], 0.95), 7.0);
    }
}
