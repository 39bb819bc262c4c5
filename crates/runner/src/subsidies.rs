//! Hiring subsidies against their counterfactual (`summary.json`, `hiring_subsidies`): how
//! many subsidised hires the counterfactual made anyway (deadweight), how many other hires of
//! the claiming firms they crowded out (substitution), the target group's hires gained, and
//! what a subsidised and an additional hire cost. Each figure is computed per replication
//! (replication k of both arms share their seeds) and reported as a mean with a 95 %
//! confidence interval over the replications.

use std::collections::BTreeMap;

use serde::Serialize;
use wandel_policy::{HiringTally, PolicySpec};

use crate::arms::ArmRun;

/// A mean over replications with its 95 % confidence interval.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct Estimate {
    pub(crate) mean: f64,
    pub(crate) ci95_low: Option<f64>,
    pub(crate) ci95_high: Option<f64>,
}

impl Estimate {
    /// The mean of the finite values of `values` with its interval (`measures.rs`).
    pub(crate) fn of(values: &[f64]) -> Option<Estimate> {
        wandel_engine::measures::mean_ci(values).map(|m| Estimate {
            mean: m.mean,
            ci95_low: m.low(),
            ci95_high: m.high(),
        })
    }
}

/// One hiring subsidy's effects.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct HiringEffects {
    pub(crate) policy: String,
    /// Subsidised hires per replication.
    pub(crate) subsidised_hires: Option<Estimate>,
    /// Share of subsidised hires whose worker the counterfactual hired within the window, %.
    pub(crate) deadweight_pct: Option<Estimate>,
    /// The same, hired by the same firm, %.
    pub(crate) deadweight_same_firm_pct: Option<Estimate>,
    /// Hires of the target group by the claiming firms, policy arm minus counterfactual.
    pub(crate) target_hires_gained: Option<Estimate>,
    /// Other hires of the claiming firms the counterfactual made and the policy arm did not.
    pub(crate) other_hires_crowded_out: Option<Estimate>,
    /// Of that, per subsidised hire.
    pub(crate) crowded_out_per_subsidised_hire: Option<Estimate>,
    /// All hires of the claiming firms gained, per subsidised hire.
    pub(crate) net_hires_per_subsidised_hire: Option<Estimate>,
    /// Net subsidy paid per subsidised hire, €.
    pub(crate) cost_per_subsidised_hire: Option<Estimate>,
    /// Net subsidy paid per hire gained at the claiming firms, € (only where hires were
    /// gained in every replication).
    pub(crate) cost_per_hire_gained: Option<Estimate>,
    /// Months around a subsidised hire within which a counterfactual hire is deadweight.
    pub(crate) deadweight_window_months: u32,
}

fn tally<'a>(run: &'a ArmRun, name: &str) -> Option<&'a HiringTally> {
    run.policies
        .hiring_tallies()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| t)
}

/// The policy's own ledger items over the run, € (repayments net).
fn cost(run: &ArmRun, name: &str) -> f64 {
    run.policies
        .reports
        .iter()
        .filter(|r| r.policy == name)
        .flat_map(|r| r.month_report.items.iter().map(|i| i.1))
        .sum()
}

/// The effects of every hiring subsidy of `specs`, from the policy arm `with` and the
/// counterfactual `without` (which observed them).
pub(crate) fn effects(
    specs: &[PolicySpec],
    with: &[ArmRun],
    without: &[ArmRun],
) -> Vec<HiringEffects> {
    specs
        .iter()
        .filter_map(|spec| match spec {
            PolicySpec::HiringSubsidy(s) => Some(s),
            _ => None,
        })
        .map(|spec| {
            let window = spec.deadweight_window as i32;
            let mut cols: [Vec<f64>; 9] = Default::default();
            for (a, b) in with.iter().zip(without) {
                let (Some(p), Some(c)) = (tally(a, &spec.name), tally(b, &spec.name)) else {
                    continue;
                };
                let mut hired: BTreeMap<u32, Vec<(wandel_engine::Month, u32)>> = BTreeMap::new();
                for &(w, m, f) in &c.watched_hires {
                    hired.entry(w).or_default().push((m, f));
                }
                let n = p.subsidised.len() as f64;
                let (mut dead, mut same) = (0.0, 0.0);
                for &(w, m, f) in &p.subsidised {
                    let near: Vec<&(wandel_engine::Month, u32)> = hired
                        .get(&w)
                        .map(|v| {
                            v.iter()
                                .filter(|h| (h.0.since(m)).abs() <= window)
                                .collect()
                        })
                        .unwrap_or_default();
                    dead += f64::from(u8::from(!near.is_empty()));
                    same += f64::from(u8::from(near.iter().any(|h| h.1 == f)));
                }
                let target = p.target_hires as f64 - c.target_hires as f64;
                let crowded = c.other_hires as f64 - p.other_hires as f64;
                let net = target - crowded;
                let paid = cost(a, &spec.name);
                let per = |x: f64| if n > 0.0 { x / n } else { f64::NAN };
                cols[0].push(n);
                cols[1].push(per(100.0 * dead));
                cols[2].push(per(100.0 * same));
                cols[3].push(target);
                cols[4].push(crowded);
                cols[5].push(per(crowded));
                cols[6].push(per(net));
                cols[7].push(per(paid));
                cols[8].push(if net > 0.0 { paid / net } else { f64::NAN });
            }
            let every_gain = cols[8].iter().all(|x| x.is_finite());
            HiringEffects {
                policy: spec.name.clone(),
                subsidised_hires: Estimate::of(&cols[0]),
                deadweight_pct: Estimate::of(&cols[1]),
                deadweight_same_firm_pct: Estimate::of(&cols[2]),
                target_hires_gained: Estimate::of(&cols[3]),
                other_hires_crowded_out: Estimate::of(&cols[4]),
                crowded_out_per_subsidised_hire: Estimate::of(&cols[5]),
                net_hires_per_subsidised_hire: Estimate::of(&cols[6]),
                cost_per_subsidised_hire: Estimate::of(&cols[7]),
                cost_per_hire_gained: if every_gain {
                    Estimate::of(&cols[8])
                } else {
                    None
                },
                deadweight_window_months: spec.deadweight_window,
            }
        })
        .collect()
}

/// Lines for the terminal.
pub(crate) fn describe(e: &HiringEffects) -> Vec<String> {
    let show = |label: &str, x: &Option<Estimate>, unit: &str| match x {
        Some(Estimate {
            mean,
            ci95_low: Some(l),
            ci95_high: Some(h),
        }) => format!("  {label:<44} {mean:>10.2} {unit:<7} (95 % CI {l:.2} – {h:.2})"),
        Some(Estimate { mean, .. }) => format!("  {label:<44} {mean:>10.2} {unit}"),
        None => format!("  {label:<44} {:>10} {unit}", "—"),
    };
    vec![
        format!("  hiring subsidy {}:", e.policy),
        show("subsidised hires", &e.subsidised_hires, "workers"),
        show(
            &format!(
                "deadweight (hired anyway, ±{} months)",
                e.deadweight_window_months
            ),
            &e.deadweight_pct,
            "%",
        ),
        show("deadweight, same firm", &e.deadweight_same_firm_pct, "%"),
        show(
            "target-group hires gained",
            &e.target_hires_gained,
            "workers",
        ),
        show(
            "other hires crowded out",
            &e.other_hires_crowded_out,
            "workers",
        ),
        show(
            "net hires per subsidised hire",
            &e.net_hires_per_subsidised_hire,
            "",
        ),
        show("cost per subsidised hire", &e.cost_per_subsidised_hire, "€"),
        show("cost per hire gained", &e.cost_per_hire_gained, "€"),
    ]
}
