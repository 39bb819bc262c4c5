//! `wandel run --decompose`: what each policy of a package adds. Besides the package and its
//! counterfactual without policies, the package is run once without each of its policies, all
//! with the same seeds (replication k of every arm shares its random numbers), the arms in
//! parallel. A policy's contribution is the package minus the package without it (a paired
//! difference per replication). With an interaction `I` between the parts, the contributions
//! sum to the package's effect plus `I` (for two parts A and B: (a + I) + (b + I) against
//! a + b + I), so the sum of the contributions minus the package's effect measures whether the
//! parts add up (its 95 % interval contains zero), reinforce each other (above zero) or overlap
//! (below zero: they reach the same workers or jobs). Written to `decomposition.csv` and
//! `summary.json`.

use std::path::Path;

use anyhow::Result;
use serde::Serialize;
use wandel_engine::indicators as ind;

use crate::arms::ArmRun;
use crate::atomic::write_atomic;
use crate::kind_effects::Estimate;

/// A measure of one replication.
type Measure = fn(&ArmRun) -> f64;

/// The measures decomposed: name, unit, value of one replication.
const MEASURES: &[(&str, &str, Measure)] = &[
    ("job_years", "FTE job-years", |r| {
        wandel_engine::measures::job_years(&r.output.months)
    }),
    ("job_years_heads", "job-years", |r| {
        wandel_engine::measures::job_years_heads(&r.output.months)
    }),
    ("displaced.reemployed_24m", "pp", |r| {
        100.0 * ind::reemployed(&r.output, "all", 24)
    }),
    ("net_fiscal_cost", "€ million", |r| {
        r.policies.net_cost().iter().sum::<f64>() / 1e6
    }),
];

/// One measure's decomposition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct MeasureParts {
    pub(crate) measure: &'static str,
    pub(crate) unit: &'static str,
    /// The package against the counterfactual without policies.
    pub(crate) package: Option<Estimate>,
    /// Each policy's contribution: the package minus the package without it.
    pub(crate) parts: Vec<(String, Option<Estimate>)>,
    /// Sum of the contributions minus the package's effect.
    pub(crate) interaction: Option<Estimate>,
    /// "add up", "reinforce each other" or "overlap" (from the interaction's interval; "—"
    /// without one).
    pub(crate) verdict: &'static str,
}

fn paired(a: &[ArmRun], b: &[ArmRun], f: Measure) -> Vec<f64> {
    a.iter().zip(b).map(|(x, y)| f(x) - f(y)).collect()
}

fn estimate(v: &[f64]) -> Option<Estimate> {
    Estimate::of(v)
}

/// The decomposition of the package `with` against `none` (no policies) and `without` (for
/// each policy by name, the package without it).
pub(crate) fn decompose(
    with: &[ArmRun],
    none: &[ArmRun],
    without: &[(String, Vec<ArmRun>)],
) -> Vec<MeasureParts> {
    let mut out: Vec<MeasureParts> = MEASURES
        .iter()
        .map(|&(measure, unit, f)| {
            let total = paired(with, none, f);
            let parts: Vec<Vec<f64>> = without
                .iter()
                .map(|(_, runs)| paired(with, runs, f))
                .collect();
            let interaction: Vec<f64> = (0..total.len())
                .map(|k| parts.iter().map(|p| p[k]).sum::<f64>() - total[k])
                .collect();
            let interaction = estimate(&interaction);
            let verdict = match &interaction {
                Some(Estimate {
                    ci95_low: Some(l),
                    ci95_high: Some(h),
                    ..
                }) => {
                    if *l > 0.0 {
                        "reinforce each other"
                    } else if *h < 0.0 {
                        "overlap"
                    } else {
                        "add up"
                    }
                }
                _ => "—",
            };
            MeasureParts {
                measure,
                unit,
                package: estimate(&total),
                parts: without
                    .iter()
                    .zip(&parts)
                    .map(|((name, _), p)| (name.clone(), estimate(p)))
                    .collect(),
                interaction,
                verdict,
            }
        })
        .collect();
    out.push(cost_per_job_year(with, none, without));
    out
}

/// The cost per job-year gained of the package and of each part (the part's contribution to
/// the net cost over its contribution to job-years, Fieller's interval), empty for a part that
/// gains no job-years; no interaction (ratios do not add).
fn cost_per_job_year(
    with: &[ArmRun],
    none: &[ArmRun],
    without: &[(String, Vec<ArmRun>)],
) -> MeasureParts {
    let measure = |name: &str| {
        MEASURES
            .iter()
            .find(|m| m.0 == name)
            .expect("a decomposed measure")
            .2
    };
    let (jobs, cost) = (measure("job_years"), measure("net_fiscal_cost"));
    let ratio = |other: &[ArmRun]| {
        let gain = paired(with, other, jobs);
        let spent: Vec<f64> = paired(with, other, cost).iter().map(|c| c * 1e6).collect();
        crate::effects::cost_per_job_year(&spent, &gain).map(|e| Estimate {
            mean: e.mean,
            ci95_low: e.ci95_low,
            ci95_high: e.ci95_high,
        })
    };
    MeasureParts {
        measure: "cost_per_job_year",
        unit: "€ per job-year",
        package: ratio(none),
        parts: without
            .iter()
            .map(|(name, runs)| (name.clone(), ratio(runs)))
            .collect(),
        interaction: None,
        verdict: "—",
    }
}

fn cell(x: Option<f64>) -> String {
    x.map_or(String::new(), |v| format!("{v:.6}"))
}

/// `decomposition.csv`: measure, unit, part (`package`, each policy, `interaction`), mean and
/// 95 % interval, and the verdict on the package's rows.
pub(crate) fn write(path: &Path, parts: &[MeasureParts]) -> Result<()> {
    write_atomic(path, |w| {
        let mut c = csv::Writer::from_writer(w);
        c.write_record([
            "measure",
            "unit",
            "part",
            "mean",
            "ci95_low",
            "ci95_high",
            "verdict",
        ])?;
        for m in parts {
            let mut row = |part: &str, e: &Option<Estimate>, verdict: &str| {
                let (mean, low, high) = match e {
                    Some(e) => (Some(e.mean), e.ci95_low, e.ci95_high),
                    None => (None, None, None),
                };
                c.write_record([
                    m.measure,
                    m.unit,
                    part,
                    &cell(mean),
                    &cell(low),
                    &cell(high),
                    verdict,
                ])
            };
            row("package", &m.package, m.verdict)?;
            for (name, e) in &m.parts {
                row(name, e, "")?;
            }
            if m.interaction.is_some() {
                row("interaction", &m.interaction, "")?;
            }
        }
        c.flush()?;
        Ok(())
    })
}

/// Lines for the terminal.
pub(crate) fn describe(parts: &[MeasureParts]) -> Vec<String> {
    use wandel_charts::console::{num, signed};
    use wandel_charts::lang::{tr, tr_dyn, trf};
    let show = |e: &Option<Estimate>| match e {
        Some(Estimate {
            mean,
            ci95_low: Some(l),
            ci95_high: Some(h),
        }) => format!(
            "{:>12} {}",
            signed(*mean, 2),
            trf(
                "(95 % CI {low} – {high})",
                &[("low", &num(*l, 2)), ("high", &num(*h, 2))]
            )
        ),
        Some(Estimate { mean, .. }) => format!("{:>12}", signed(*mean, 2)),
        None => format!("{:>12}", "—"),
    };
    if parts.is_empty() {
        return Vec::new();
    }
    let mut out = vec![format!(
        "  {}",
        tr("decomposition (the package minus the package without each part):")
    )];
    for m in parts {
        out.push(if m.interaction.is_some() {
            format!(
                "  {} ({}): {}",
                m.measure,
                tr_dyn(m.unit),
                trf("the parts {verdict}", &[("verdict", &tr_dyn(m.verdict))])
            )
        } else {
            format!(
                "  {} ({}; {})",
                m.measure,
                tr_dyn(m.unit),
                tr("a part that gains no job-years has none")
            )
        });
        out.push(format!("    {:<40} {}", tr("package"), show(&m.package)));
        for (name, e) in &m.parts {
            out.push(format!("    {:<40} {}", name, show(e)));
        }
        if m.interaction.is_some() {
            out.push(format!(
                "    {:<40} {}",
                tr("sum of parts minus package"),
                show(&m.interaction)
            ));
        }
    }
    out
}
