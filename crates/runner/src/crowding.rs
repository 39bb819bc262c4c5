//! Who gains at whose expense (`summary.json`, `crowding_out`): for the worker-level policies
//! of a run (those that take workers in and so have participants in `followup.csv`), the
//! participants' gain against the counterfactual, the economy's gain, and the share of the
//! participants' gain taken from others.
//!
//! Per replication (replication k of both arms share their seeds):
//! - the participants' gain is their job-years on a payroll in the policy arm less the same
//!   workers' (same stable ids) in the counterfactual arm, from entry to the end of the run: the
//!   sum over months since entry of the follow-up's employed counts in both arms, over 12;
//! - the economy's gain is the run's job-years in heads against the counterfactual
//!   (`measures::job_years_heads`; heads, as the participants' gain counts heads);
//! - the share taken from others is `1 − economy / participants`, with the ratio's Fieller
//!   interval (`ratio.rs`): 0 % when every job-year the participants gain is a job-year more in
//!   the economy, 100 % when the economy gains nothing (the participants took jobs others would
//!   have had), above 100 % when the economy loses. It is defined only when the participants'
//!   gain is significantly above zero (two replications or more; Fieller's interval exists).
//!
//! With one worker-level policy the economy's gain is that policy's; with several, the economy
//! gains from all of them together, so the share is given for their participants together (the
//! row named `all`), and each policy's row carries its participants' gain only.

use serde::Serialize;
use wandel_engine::measures;
use wandel_policy::PolicySpec;

use crate::arms::ArmRun;
use crate::subsidies::Estimate;

/// One row of `crowding_out`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct Crowding {
    /// The policy's name, or `all` for the worker-level policies of a package together.
    pub(crate) policy: String,
    /// Replications the figures rest on.
    pub(crate) replications: usize,
    /// Participants followed, mean per replication.
    pub(crate) participants: f64,
    /// The participants' job-years gained against the same workers in the counterfactual.
    pub(crate) participants_job_years: Option<Estimate>,
    /// The economy's job-years gained (heads); `None` on a policy's own row in a package.
    pub(crate) economy_job_years: Option<Estimate>,
    /// Share of the participants' gain taken from others, %, with Fieller's interval; `None`
    /// where not defined (no mean gain of the participants, or a policy's own row in a package).
    pub(crate) taken_from_others_pct: Option<Estimate>,
}

/// Participants of policy `k` (all worker-level policies when `None`) in replication pair
/// `(a, b)`: their job-years gained and how many were followed.
fn participants_gain(a: &ArmRun, b: &ArmRun, k: Option<u16>) -> (f64, f64) {
    let (mut gain, mut entered) = (0.0, 0.0);
    for (&(policy, participant, since), cell) in &a.policies.followup.cells {
        if !participant || k.is_some_and(|k| k != policy) {
            continue;
        }
        let other = b
            .policies
            .followup
            .cells
            .get(&(policy, participant, since))
            .map_or(0, |c| c.employed);
        gain += (cell.employed as f64 - other as f64) / 12.0;
        if since == 0 {
            entered += cell.n as f64;
        }
    }
    (gain, entered)
}

/// The crowding-out rows of a run with policies `specs`, policy arm `with` and counterfactual
/// `without` (empty when no policy takes workers in).
pub(crate) fn crowding(specs: &[PolicySpec], with: &[ArmRun], without: &[ArmRun]) -> Vec<Crowding> {
    let mut policies: Vec<u16> = with
        .iter()
        .flat_map(|r| r.policies.followup.cells.keys())
        .filter(|key| key.1)
        .map(|key| key.0)
        .collect();
    policies.sort_unstable();
    policies.dedup();
    if policies.is_empty() {
        return Vec::new();
    }
    let economy: Vec<f64> = with
        .iter()
        .zip(without)
        .map(|(a, b)| {
            measures::job_years_heads(&a.output.months)
                - measures::job_years_heads(&b.output.months)
        })
        .collect();
    let row = |name: String, k: Option<u16>, with_economy: bool| {
        let (gain, entered): (Vec<f64>, Vec<f64>) = with
            .iter()
            .zip(without)
            .map(|(a, b)| participants_gain(a, b, k))
            .unzip();
        let taken = with_economy
            .then(|| taken_from_others(&economy, &gain))
            .flatten();
        Crowding {
            policy: name,
            replications: gain.len(),
            participants: entered.iter().sum::<f64>() / entered.len().max(1) as f64,
            participants_job_years: Estimate::of(&gain),
            economy_job_years: with_economy.then(|| Estimate::of(&economy)).flatten(),
            taken_from_others_pct: taken,
        }
    };
    let name = |k: u16| {
        specs
            .get(usize::from(k))
            .map_or_else(|| k.to_string(), |s| s.name().to_string())
    };
    if let [only] = policies[..] {
        return vec![row(name(only), Some(only), true)];
    }
    let mut rows: Vec<Crowding> = policies
        .iter()
        .map(|&k| row(name(k), Some(k), false))
        .collect();
    rows.push(row("all".to_string(), None, true));
    rows
}

/// `1 − economy / participants` in %, with the ratio's Fieller interval turned round; `None`
/// unless the participants' gain is significantly above zero (a share of a gain that may be
/// nothing is not a figure to quote; Fieller's interval exists only then).
fn taken_from_others(economy: &[f64], participants: &[f64]) -> Option<Estimate> {
    let mean = participants.iter().sum::<f64>() / participants.len().max(1) as f64;
    if mean <= 1e-9 {
        return None;
    }
    let (ratio, interval) = crate::ratio::fieller(economy, participants);
    let (ratio, interval) = (ratio?, interval?);
    let interval = Some(interval);
    Some(Estimate {
        mean: 100.0 * (1.0 - ratio),
        ci95_low: interval.map(|(_, hi)| 100.0 * (1.0 - hi)),
        ci95_high: interval.map(|(lo, _)| 100.0 * (1.0 - lo)),
    })
}

/// Console lines for the crowding-out rows.
pub(crate) fn describe(rows: &[Crowding]) -> Vec<String> {
    if rows.is_empty() {
        return Vec::new();
    }
    let est = |e: &Option<Estimate>| match e {
        Some(Estimate {
            mean,
            ci95_low: Some(l),
            ci95_high: Some(h),
        }) => format!("{mean:+.0} [{l:.0}, {h:.0}]"),
        Some(e) => format!("{:+.0}", e.mean),
        None => "—".to_string(),
    };
    let mut out = vec![
        "  who gains at whose expense (job-years in heads: the participants against the same workers without the policy, and the economy):"
            .to_string(),
    ];
    for r in rows {
        let mut line = format!(
            "   {}: participants {}",
            r.policy,
            est(&r.participants_job_years)
        );
        if r.economy_job_years.is_some() {
            line.push_str(&format!(", economy {}", est(&r.economy_job_years)));
            line.push_str(&match &r.taken_from_others_pct {
                Some(t) => format!(
                    "; taken from others {:.0} %{}{}",
                    t.mean,
                    if t.mean < 0.0 {
                        " (negative: the economy gains more than the participants)"
                    } else {
                        ""
                    },
                    match (t.ci95_low, t.ci95_high) {
                        (Some(l), Some(h)) => format!(" [{l:.0}, {h:.0}]"),
                        _ => " (no interval: the gains are not significant)".to_string(),
                    }
                ),
                None => {
                    "; taken from others: not defined (the participants gain nothing)".to_string()
                }
            });
        }
        out.push(line);
    }
    out
}
