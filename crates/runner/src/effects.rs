//! Effects: the scenario against its counterfactual, as paired differences across
//! replications (replication k of each arm share their seeds), each with a 95 % confidence
//! interval (Student's t over the replications' differences). `effects.csv` holds them month by
//! month; `summary.json` the headline effects over the whole run, each also with the standard
//! error an unpaired comparison of the same runs would have had, so the gain from common random
//! numbers is visible.

use std::path::Path;

use anyhow::Result;
use serde::Serialize;
use wandel_engine::MonthRecord;
use wandel_engine::indicators as ind;

use crate::arms::ArmRun;
use crate::atomic::write_atomic;
use wandel_engine::measures;

/// A monthly series of one replication.
type Series = fn(&ArmRun) -> Vec<f64>;

fn per_month(run: &ArmRun, f: fn(&MonthRecord) -> f64) -> Vec<f64> {
    run.output.months.iter().map(f).collect()
}

fn cumulative(x: Vec<f64>) -> Vec<f64> {
    x.into_iter()
        .scan(0.0, |acc, v| {
            *acc += v;
            Some(*acc)
        })
        .collect()
}

/// The monthly indicators of `effects.csv`: name, unit, series.
const MONTHLY: &[(&str, &str, Series)] = &[
    ("employment", "workers", |r| {
        per_month(r, measures::employment_heads)
    }),
    ("employment_fte", "full-time equivalents", |r| {
        per_month(r, measures::employment_fte)
    }),
    ("unemployment", "workers", |r| {
        per_month(r, |m| m.unemployed as f64)
    }),
    ("unemployment_rate", "%", |r| {
        per_month(r, |m| 100.0 * m.unemployment_rate())
    }),
    ("long_term_unemployment", "workers", |r| {
        per_month(r, |m| m.long_term_unemployed as f64)
    }),
    ("short_time", "workers", |r| {
        per_month(r, |m| m.short_time as f64)
    }),
    ("layoffs", "workers", |r| per_month(r, |m| m.layoffs as f64)),
    ("cumulative_layoffs", "workers", |r| {
        cumulative(per_month(r, |m| m.layoffs as f64))
    }),
    ("displaced_reemployed", "%", |r| {
        r.displaced.iter().map(|d| 100.0 * d.reemployed).collect()
    }),
    ("displaced_earnings", "€ per month", |r| {
        r.displaced.iter().map(|d| d.earnings).collect()
    }),
    ("net_fiscal_cost", "€", |r| r.policies.net_cost()),
    ("cumulative_net_fiscal_cost", "€", |r| {
        cumulative(r.policies.net_cost())
    }),
];

/// Mean, 95 % confidence half-width (None below two replications) and standard error
/// (`measures.rs`; NaN mean for no finite value).
fn mean_ci(values: &[f64]) -> (f64, Option<f64>, f64) {
    measures::mean_ci(values).map_or((f64::NAN, None, 0.0), |m| (m.mean, m.half_width, m.se))
}

/// Standard error of the difference of two means from independent samples (what an unpaired
/// comparison of the same runs would report).
fn unpaired_se(a: &[f64], b: &[f64]) -> f64 {
    let (_, _, sa) = mean_ci(a);
    let (_, _, sb) = mean_ci(b);
    (sa * sa + sb * sb).sqrt()
}

/// Writes `effects.csv`: per month and indicator, the mean paired difference (scenario minus
/// counterfactual) with its 95 % confidence interval, and both arms' means.
pub(crate) fn write_effects(path: &Path, with: &[ArmRun], without: &[ArmRun]) -> Result<()> {
    write_atomic(path, |w| {
        let mut c = csv::WriterBuilder::new().from_writer(w);
        c.write_record([
            "month",
            "indicator",
            "unit",
            "effect",
            "ci95_low",
            "ci95_high",
            "scenario",
            "counterfactual",
        ])?;
        let months: Vec<String> = with[0]
            .output
            .months
            .iter()
            .map(|m| m.month.to_string())
            .collect();
        for &(name, unit, series) in MONTHLY {
            let a: Vec<Vec<f64>> = with.iter().map(series).collect();
            let b: Vec<Vec<f64>> = without.iter().map(series).collect();
            for (t, month) in months.iter().enumerate() {
                let (Some(xa), Some(xb)) = (column(&a, t), column(&b, t)) else {
                    continue;
                };
                let diff: Vec<f64> = xa.iter().zip(&xb).map(|(p, q)| p - q).collect();
                let (effect, half, _) = mean_ci(&diff);
                let (ma, _, _) = mean_ci(&xa);
                let (mb, _, _) = mean_ci(&xb);
                let bound = |s: f64| half.map_or(String::new(), |h| fmt(effect + s * h));
                c.write_record([
                    month.clone(),
                    name.to_string(),
                    unit.to_string(),
                    fmt(effect),
                    bound(-1.0),
                    bound(1.0),
                    fmt(ma),
                    fmt(mb),
                ])?;
            }
        }
        c.flush()?;
        Ok(())
    })
}

/// The `t`-th value of every replication's series (None if any is shorter).
fn column(series: &[Vec<f64>], t: usize) -> Option<Vec<f64>> {
    series.iter().map(|s| s.get(t).copied()).collect()
}

fn fmt(x: f64) -> String {
    let r = (x * 1e6).round() / 1e6;
    if r == 0.0 {
        "0".to_string()
    } else {
        format!("{r}")
    }
}

/// One headline effect in `summary.json`.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub(crate) struct Effect {
    pub(crate) name: &'static str,
    pub(crate) label: &'static str,
    pub(crate) unit: &'static str,
    /// Mean paired difference, scenario minus counterfactual.
    pub(crate) mean: f64,
    pub(crate) ci95_low: Option<f64>,
    pub(crate) ci95_high: Option<f64>,
    /// Standard error of the paired difference.
    pub(crate) se_paired: Option<f64>,
    /// Standard error the same runs would give compared unpaired.
    pub(crate) se_unpaired: Option<f64>,
}

fn effect(
    (name, label, unit): (&'static str, &'static str, &'static str),
    with: &[f64],
    without: &[f64],
) -> Option<Effect> {
    let pairs: Vec<(f64, f64)> = with
        .iter()
        .zip(without)
        .map(|(&a, &b)| (a, b))
        .filter(|(a, b)| a.is_finite() && b.is_finite())
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let diff: Vec<f64> = pairs.iter().map(|(a, b)| a - b).collect();
    let a: Vec<f64> = pairs.iter().map(|p| p.0).collect();
    let b: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    let (mean, half, se) = mean_ci(&diff);
    Some(Effect {
        name,
        label,
        unit,
        mean,
        ci95_low: half.map(|h| mean - h),
        ci95_high: half.map(|h| mean + h),
        se_paired: Some(se),
        se_unpaired: Some(unpaired_se(&a, &b)),
    })
}

/// The headline effects over the whole run. With `policy_effects` false (the counterfactual
/// leaves out the shocks), the displaced of the two arms are different people (the closure's
/// staff against the workers laid off in an economy without it), so the effects on the
/// displaced and the cost per job-year, which only mean something for a policy, are left out.
pub(crate) fn summary_effects(
    with: &[ArmRun],
    without: &[ArmRun],
    policy_effects: bool,
) -> Vec<Effect> {
    let each = |f: &dyn Fn(&ArmRun) -> f64| -> (Vec<f64>, Vec<f64>) {
        (
            with.iter().map(f).collect(),
            without.iter().map(f).collect(),
        )
    };
    let job_years = |r: &ArmRun| measures::job_years(&r.output.months);
    let job_years_heads = |r: &ArmRun| measures::job_years_heads(&r.output.months);
    let cost = |r: &ArmRun| r.policies.net_cost().iter().sum::<f64>() / 1e6;
    let layoffs = |r: &ArmRun| {
        r.output
            .months
            .iter()
            .map(|m| m.layoffs as f64)
            .sum::<f64>()
    };
    let earnings = |r: &ArmRun| {
        r.displaced.iter().map(|d| d.earnings).sum::<f64>() / r.displaced.len().max(1) as f64
    };
    let mut out = Vec::new();
    let mut push = |e: Option<Effect>| out.extend(e);
    let (a, b) = each(&job_years);
    push(effect(
        (
            "job_years",
            "Job-years in full-time equivalents (employment summed over the run, at its hours)",
            "FTE job-years",
        ),
        &a,
        &b,
    ));
    let (ja, jb) = (a, b);
    let (a, b) = each(&job_years_heads);
    push(effect(
        (
            "job_years_heads",
            "Job-years in heads (each employed worker one, whatever its hours; trainees on a payroll included)",
            "job-years",
        ),
        &a,
        &b,
    ));
    let (a, b) = each(&layoffs);
    push(effect(
        ("layoffs", "Layoffs over the run", "workers"),
        &a,
        &b,
    ));
    if policy_effects {
        for (months, name, label) in [
            (
                6,
                "displaced.reemployed_6m",
                "Displaced re-employed after 6 months",
            ),
            (
                12,
                "displaced.reemployed_12m",
                "Displaced re-employed after 12 months",
            ),
            (
                24,
                "displaced.reemployed_24m",
                "Displaced re-employed after 24 months",
            ),
        ] {
            let (a, b) = each(&|r| 100.0 * ind::reemployed(&r.output, "all", months));
            push(effect((name, label, "pp"), &a, &b));
        }
        let (a, b) = each(&earnings);
        push(effect(
            (
                "displaced.earnings",
                "Mean monthly earnings of the displaced over the run (0 without a job)",
                "€ per month",
            ),
            &a,
            &b,
        ));
    }
    let (ca, cb) = each(&cost);
    push(effect(
        (
            "net_fiscal_cost",
            "Net cost to the state over the run",
            "€ million",
        ),
        &ca,
        &cb,
    ));
    // Cost per job-year gained: the ratio of the mean effects, with Fieller's interval (it
    // accounts for the covariance of cost and gain across replications; absent when the gain is
    // not significantly different from zero). Only when job-years are gained: a cost per
    // job-year lost is not a price of anything.
    let gain: Vec<f64> = ja.iter().zip(&jb).map(|(a, b)| a - b).collect();
    let spent: Vec<f64> = ca.iter().zip(&cb).map(|(a, b)| (a - b) * 1e6).collect();
    if policy_effects {
        if let Some(e) = cost_per_job_year(&spent, &gain) {
            out.push(e);
        }
    }
    out
}

/// The cost per job-year gained (€) from paired per-replication costs (€) and gains
/// (job-years), with Fieller's 95 % interval; `None` unless job-years are gained on average.
pub(crate) fn cost_per_job_year(spent: &[f64], gain: &[f64]) -> Option<Effect> {
    let mean_gain = gain.iter().sum::<f64>() / gain.len().max(1) as f64;
    if mean_gain <= 1e-9 {
        return None;
    }
    let (ratio, interval) = crate::ratio::fieller(spent, gain);
    Some(Effect {
        name: "cost_per_job_year",
        label: "Net cost to the state per full-time-equivalent job-year gained (ratio of the mean effects, Fieller's 95 % interval; negative: the policy pays for itself)",
        unit: "€",
        mean: ratio?,
        ci95_low: interval.map(|i| i.0),
        ci95_high: interval.map(|i| i.1),
        se_paired: None,
        se_unpaired: None,
    })
}
