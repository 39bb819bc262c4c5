//! Headline indicators across replications (`summary.json`).

use serde::Serialize;
use wandel_engine::RunOutput;

/// One indicator: mean and 5–95 % range across replications.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub(crate) struct Indicator {
    /// Name.
    pub(crate) name: &'static str,
    /// Unit.
    pub(crate) unit: &'static str,
    /// Mean across replications.
    pub(crate) mean: f64,
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

fn indicator(name: &'static str, unit: &'static str, mut values: Vec<f64>) -> Option<Indicator> {
    values.retain(|v| v.is_finite());
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    Some(Indicator {
        name,
        unit,
        mean,
        p05: percentile(&values, 0.05),
        p95: percentile(&values, 0.95),
    })
}

fn reemployed_at(run: &RunOutput, months: usize) -> f64 {
    run.cohorts.of(run.cohorts.headline_cause())[0]
        .get(months)
        .filter(|c| c.n > 0)
        .map_or(f64::NAN, |c| c.reemployed as f64 / c.n as f64)
}

fn earnings_at(run: &RunOutput, months: usize) -> f64 {
    run.cohorts.of(run.cohorts.headline_cause())[0]
        .get(months)
        .filter(|c| c.reemployed > 0)
        .map_or(f64::NAN, |c| c.earnings_ratio_sum / c.reemployed as f64)
}

/// The headline indicators of a set of replications.
pub(crate) fn indicators(runs: &[RunOutput]) -> Vec<Indicator> {
    let per = |f: &dyn Fn(&RunOutput) -> f64| runs.iter().map(f).collect::<Vec<f64>>();
    let first = |r: &RunOutput| {
        r.months
            .first()
            .map_or(0.0, |m| (m.employed + m.short_time) as f64)
    };
    let last = |r: &RunOutput| {
        r.months
            .last()
            .map_or(0.0, |m| (m.employed + m.short_time) as f64)
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
            "peak_unemployment_rate",
            "%",
            per(&|r| {
                100.0
                    * r.months
                        .iter()
                        .map(|m| m.unemployment_rate())
                        .fold(0.0, f64::max)
            }),
        ),
        indicator(
            "unemployment_rate_last_12_months",
            "%",
            per(&|r| 100.0 * tail_u(r)),
        ),
        indicator(
            "employment_change",
            "%",
            per(&|r| 100.0 * (last(r) / first(r).max(1.0) - 1.0)),
        ),
        indicator("displaced_workers", "workers", per(&|r| r.displaced as f64)),
        indicator(
            "displaced_reemployed_after_12_months",
            "%",
            per(&|r| 100.0 * reemployed_at(r, 12)),
        ),
        indicator(
            "displaced_reemployed_after_24_months",
            "%",
            per(&|r| 100.0 * reemployed_at(r, 24)),
        ),
        indicator(
            "earnings_ratio_reemployed_after_24_months",
            "ratio",
            per(&|r| earnings_at(r, 24)),
        ),
        indicator(
            "long_term_unemployed_at_end",
            "workers",
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
