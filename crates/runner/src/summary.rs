//! Headline indicators across replications (`summary.json`).

use serde::Serialize;
use statrs::distribution::{ContinuousCDF, StudentsT};
use wandel_engine::RunOutput;
use wandel_engine::indicators as ind;

/// One indicator across replications: its mean with a 95 % confidence interval of the mean
/// (Student's t with n − 1 degrees of freedom; absent with one replication), and the 5–95 %
/// spread of the replications (what the charts' bands show).
#[derive(Serialize, Debug, Clone, PartialEq)]
pub(crate) struct Indicator {
    /// Key, stable for scripts and sweeps (`docs/outputs.md`).
    pub(crate) name: &'static str,
    /// What it measures, for people (the report's row label).
    pub(crate) label: &'static str,
    /// Unit.
    pub(crate) unit: &'static str,
    /// Mean across replications.
    pub(crate) mean: f64,
    /// Lower end of the 95 % confidence interval of the mean.
    pub(crate) ci95_low: Option<f64>,
    /// Upper end of the 95 % confidence interval of the mean.
    pub(crate) ci95_high: Option<f64>,
    /// 5th percentile across replications.
    pub p05: f64,
    /// 95th percentile across replications.
    pub p95: f64,
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

/// Half-width of the 95 % confidence interval of the mean of `values` (None for fewer than two).
pub(crate) fn ci95_half_width(values: &[f64]) -> Option<f64> {
    let n = values.len();
    if n < 2 {
        return None;
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    let t = StudentsT::new(0.0, 1.0, (n - 1) as f64)
        .expect("positive degrees of freedom")
        .inverse_cdf(0.975);
    Some(t * (var / n as f64).sqrt())
}

pub(crate) fn indicator(
    (name, label, unit): (&'static str, &'static str, &'static str),
    mut values: Vec<f64>,
) -> Option<Indicator> {
    values.retain(|v| v.is_finite());
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let half = ci95_half_width(&values);
    Some(Indicator {
        name,
        label,
        unit,
        mean,
        ci95_low: half.map(|h| mean - h),
        ci95_high: half.map(|h| mean + h),
        p05: percentile(&values, 0.05),
        p95: percentile(&values, 0.95),
    })
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
pub(crate) fn indicators(runs: &[RunOutput]) -> Vec<Indicator> {
    let per = |f: &dyn Fn(&RunOutput) -> f64| runs.iter().map(f).collect::<Vec<f64>>();
    let pct = |f: &dyn Fn(&RunOutput) -> f64| runs.iter().map(|r| 100.0 * f(r)).collect();
    let payroll = |m: Option<&wandel_engine::MonthRecord>| {
        m.map_or(0.0, |m| (m.employed + m.short_time) as f64)
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
        indicator(
            (
                "displaced.reemployed_12m",
                "Displaced re-employed after 12 months",
                "%",
            ),
            pct(&|r| ind::reemployed(r, "all", 12)),
        ),
        indicator(
            (
                "displaced.reemployed_24m",
                "Displaced re-employed after 24 months",
                "%",
            ),
            pct(&|r| ind::reemployed(r, "all", 24)),
        ),
        indicator(
            (
                "displaced.reemployed_24m_age_25_54",
                "Displaced aged 25–54 re-employed after 24 months",
                "%",
            ),
            pct(&|r| ind::reemployed(r, "25-54", 24)),
        ),
        indicator(
            (
                "displaced.reemployed_24m_age_55_64",
                "Displaced aged 55–64 re-employed after 24 months",
                "%",
            ),
            pct(&|r| ind::reemployed(r, "55-64", 24)),
        ),
        indicator(
            (
                "displaced.earnings_vs_controls_12m",
                "Displaced's earnings against matched controls, months 1–12",
                "%",
            ),
            pct(&|r| ind::earnings_vs_controls(r, 1, 12)),
        ),
        indicator(
            (
                "displaced.earnings_vs_controls_60m",
                "Displaced's earnings against matched controls, months 49–60",
                "%",
            ),
            pct(&|r| ind::earnings_vs_controls(r, 49, 60)),
        ),
        indicator(
            (
                "displaced.occupation_change_24m",
                "Re-employed displaced in another occupation after 24 months",
                "%",
            ),
            pct(&|r| ind::occupation_change(r, 24)),
        ),
        indicator(
            (
                "displaced.moved_residence_24m",
                "Displaced who moved residence within 24 months",
                "%",
            ),
            pct(&|r| ind::moved_residence(r, 24)),
        ),
        indicator(
            (
                "earnings_ratio_reemployed_after_24_months",
                "Wage of the re-employed displaced after 24 months, to the wage before",
                "ratio",
            ),
            per(&|r| earnings_at(r, 24)),
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

    #[test]
    fn confidence_interval_uses_students_t() {
        // n = 4, sd = 1.2909944: t(0.975, 3) = 3.182446 → half-width 3.182446 × 1.2909944 / 2.
        let h = ci95_half_width(&[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert!((h - 3.182_446 * 1.290_994_4 / 2.0).abs() < 1e-5, "{h}");
        assert_eq!(ci95_half_width(&[5.0]), None);
    }
}
