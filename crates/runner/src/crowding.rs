//! Who gains at whose expense (`summary.json`, `crowding_out`): for each worker-level policy of
//! a run (one that takes workers in and so has participants in `followup.csv`), the
//! participants' gain against the counterfactual, the economy's gain from the policy, and the
//! share of the participants' gain taken from others.
//!
//! Per replication (replication k of every arm shares its seeds):
//! - the participants' gain is their job-years on a payroll in the policy arm less the same
//!   workers' (same stable ids) in the counterfactual arm, from entry to the end of the run: the
//!   sum over months since entry of the follow-up's employed in the policy arm less the
//!   participants observed times the counterfactual's share on a payroll, over 12;
//! - the economy's gain from the policy is the run's job-years in heads
//!   (`measures::job_years_heads`; heads, as the participants' gain counts heads) against the
//!   run without it: the counterfactual when it is the scenario's only policy, the arm without
//!   it from `--decompose` in a package (the package's gain would credit one policy with the
//!   others' jobs, and a worker taking part in several policies would count in each);
//! - the share taken from others is `1 − economy / participants`, with the ratio's Fieller
//!   interval (`ratio.rs`): 0 % when every job-year the participants gain is a job-year more in
//!   the economy, 100 % when the economy gains nothing (the participants took jobs others would
//!   have had), above 100 % when the economy loses, negative when it gains more than the
//!   participants. It is given only when the participants' gain is significantly above zero
//!   (two replications or more); `note` says why otherwise.

use serde::Serialize;
use wandel_engine::measures;
use wandel_policy::PolicySpec;

use crate::arms::ArmRun;
use crate::kind_effects::Estimate;

/// One row of `crowding_out`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct Crowding {
    /// The policy's name.
    pub(crate) policy: String,
    /// Replications the figures rest on.
    pub(crate) replications: usize,
    /// Participants followed, mean per replication.
    pub(crate) participants: f64,
    /// The participants' job-years gained against the same workers in the counterfactual.
    pub(crate) participants_job_years: Option<Estimate>,
    /// The economy's job-years gained from the policy (heads); `None` in a package run
    /// without `--decompose`.
    pub(crate) economy_job_years: Option<Estimate>,
    /// Share of the participants' gain taken from others, %, with Fieller's interval.
    pub(crate) taken_from_others_pct: Option<Estimate>,
    /// Why the share is not given, when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) note: Option<&'static str>,
}

/// Participants of policy `k` in replication pair `(a, b)`: their job-years gained and how
/// many were followed.
fn participants_gain(a: &ArmRun, b: &ArmRun, k: u16) -> (f64, f64) {
    let (mut gain, mut entered) = (0.0, 0.0);
    for (&(policy, participant, since), cell) in &a.policies.followup.cells {
        if !participant || policy != k {
            continue;
        }
        // The same workers' share on a payroll in the counterfactual arm, applied to the
        // participants observed here: a worker the counterfactual does not have (an entrant of
        // a later month there) does not count as jobless in it, and a month the counterfactual
        // did not observe gives no comparison.
        let Some(other) = b
            .policies
            .followup
            .cells
            .get(&(policy, participant, since))
            .filter(|c| c.n > 0)
        else {
            continue;
        };
        let share = other.employed as f64 / other.n as f64;
        gain += (cell.employed as f64 - share * cell.n as f64) / 12.0;
        if since == 0 {
            entered += cell.n as f64;
        }
    }
    (gain, entered)
}

/// The crowding-out rows of a run with policies `specs`, policy arm `with`, counterfactual
/// `without` (no policies) and, with `--decompose`, the arms without each policy by name
/// (empty when no policy takes workers in).
pub(crate) fn crowding(
    specs: &[PolicySpec],
    with: &[ArmRun],
    without: &[ArmRun],
    leave_one_out: &[(String, Vec<ArmRun>)],
) -> Vec<Crowding> {
    let mut policies: Vec<u16> = with
        .iter()
        .flat_map(|r| r.policies.followup.cells.keys())
        .filter(|key| key.1)
        .map(|key| key.0)
        .collect();
    policies.sort_unstable();
    policies.dedup();
    let heads = |r: &ArmRun| measures::job_years_heads(&r.output.months);
    policies
        .iter()
        .map(|&k| {
            let name = specs
                .get(usize::from(k))
                .map_or_else(|| k.to_string(), |s| s.name().to_string());
            let (gain, entered): (Vec<f64>, Vec<f64>) = with
                .iter()
                .zip(without)
                .map(|(a, b)| participants_gain(a, b, k))
                .unzip();
            // The run without this policy: the counterfactual when it is the only one.
            let alone = specs.len() == 1;
            let without_it: Option<&[ArmRun]> = if alone {
                Some(without)
            } else {
                leave_one_out
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, runs)| &runs[..])
            };
            let economy: Option<Vec<f64>> = without_it.map(|b| {
                with.iter()
                    .zip(b)
                    .map(|(a, b)| heads(a) - heads(b))
                    .collect()
            });
            let (taken, note) = match &economy {
                None => (
                    None,
                    Some("one of several policies: run with --decompose for the economy's gain from it"),
                ),
                Some(e) => match taken_from_others(e, &gain) {
                    Some(t) => (Some(t), None),
                    None => (
                        None,
                        Some("the participants' gain is not significantly above zero"),
                    ),
                },
            };
            Crowding {
                policy: name,
                replications: gain.len(),
                participants: entered.iter().sum::<f64>() / entered.len().max(1) as f64,
                participants_job_years: Estimate::of(&gain),
                economy_job_years: economy.as_deref().and_then(Estimate::of),
                taken_from_others_pct: taken,
                note,
            }
        })
        .collect()
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
    let (ratio, (lo, hi)) = (ratio?, interval?);
    Some(Estimate {
        mean: 100.0 * (1.0 - ratio),
        ci95_low: Some(100.0 * (1.0 - hi)),
        ci95_high: Some(100.0 * (1.0 - lo)),
    })
}

/// Console lines for the crowding-out rows.
pub(crate) fn describe(rows: &[Crowding]) -> Vec<String> {
    if rows.is_empty() {
        return Vec::new();
    }
    use wandel_charts::console::{num, signed};
    use wandel_charts::lang::{tr, tr_dyn, trf};
    let est = |e: &Option<Estimate>| match e {
        Some(Estimate {
            mean,
            ci95_low: Some(l),
            ci95_high: Some(h),
        }) => format!("{} [{}, {}]", signed(*mean, 0), num(*l, 0), num(*h, 0)),
        Some(e) => signed(e.mean, 0),
        None => "—".to_string(),
    };
    let mut out = vec![format!(
        "  {}",
        tr(
            "who gains at whose expense (job-years in heads: the participants against the same \
            workers without the policy, and the economy against the run without it):"
        )
    )];
    for r in rows {
        let mut line = format!(
            "   {}",
            trf(
                "{policy}: participants {participants}, economy {economy}",
                &[
                    ("policy", &r.policy),
                    ("participants", &est(&r.participants_job_years)),
                    ("economy", &est(&r.economy_job_years)),
                ]
            )
        );
        match (&r.taken_from_others_pct, r.note) {
            (Some(t), _) => {
                let share = est(&Some(t.clone())).replace(['+'], "");
                line.push_str(&if t.mean < 0.0 {
                    trf(
                        "; taken from others {share} % (negative: the economy gains more than \
                         the participants)",
                        &[("share", &share)],
                    )
                } else {
                    trf("; taken from others {share} %", &[("share", &share)])
                })
            }
            (None, Some(note)) => line.push_str(&trf(
                "; taken from others: not given ({note})",
                &[("note", &tr_dyn(note))],
            )),
            (None, None) => {}
        }
        out.push(line);
    }
    out
}
