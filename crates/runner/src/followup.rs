//! `followup.csv`: each worker-level policy's participants and passed-over applicants, month by
//! month since entry: the share on a payroll in the policy arm, the share of the same workers
//! on a payroll in the counterfactual arm (same stable ids, common random numbers), and the
//! effect on them (the paired difference across replications, with its 95 % confidence
//! interval). For participants this is the effect on the treated; for the passed-over, the
//! effect of the policy on those it did not take in (crowding, or later entry).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Result;
use serde::Serialize;
use wandel_policy::{FollowCell, PolicySpec};

use crate::arms::ArmRun;
use crate::atomic::write_atomic;
use crate::summary::ci95_half_width;

/// The two groups followed, as written in `followup.csv`.
pub(crate) fn group_label(participant: bool) -> &'static str {
    if participant {
        "participants"
    } else {
        "passed_over"
    }
}

/// One row of `followup.csv` (means over the replications that observed the cell).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct FollowRow {
    pub(crate) policy: String,
    pub(crate) group: &'static str,
    pub(crate) months_since_entry: u32,
    /// Workers observed, mean per replication.
    pub(crate) workers: f64,
    /// Share on a payroll in the policy arm, %.
    pub(crate) employed_pct: f64,
    /// Share in training in the policy arm, %.
    pub(crate) training_pct: f64,
    /// Share of the same workers on a payroll in the counterfactual arm, %.
    pub(crate) counterfactual_employed_pct: f64,
    /// Paired effect, percentage points.
    pub(crate) effect_pp: f64,
    pub(crate) ci95_low: Option<f64>,
    pub(crate) ci95_high: Option<f64>,
}

fn pct(part: u64, n: u64) -> f64 {
    100.0 * part as f64 / n.max(1) as f64
}

/// The rows of the follow-up: per policy, group and month since entry.
pub(crate) fn rows(specs: &[PolicySpec], with: &[ArmRun], without: &[ArmRun]) -> Vec<FollowRow> {
    type Key = (u16, bool, u32);
    // Per cell: one (policy arm, counterfactual arm) pair per replication that observed it.
    let mut pairs: BTreeMap<Key, Vec<(FollowCell, FollowCell)>> = BTreeMap::new();
    for (a, b) in with.iter().zip(without) {
        for (key, cell) in &a.policies.followup.cells {
            let other = b.policies.followup.cells.get(key).copied();
            if let Some(other) = other.filter(|o| o.n > 0) {
                pairs.entry(*key).or_default().push((*cell, other));
            }
        }
    }
    let mut out = Vec::new();
    for ((policy, participant, since), cells) in pairs {
        let n = cells.len() as f64;
        let mean =
            |f: &dyn Fn(&(FollowCell, FollowCell)) -> f64| cells.iter().map(f).sum::<f64>() / n;
        let effects: Vec<f64> = cells
            .iter()
            .map(|(s, c)| pct(s.employed, s.n) - pct(c.employed, c.n))
            .collect();
        let effect = effects.iter().sum::<f64>() / n;
        let half = ci95_half_width(&effects);
        out.push(FollowRow {
            policy: specs
                .get(policy as usize)
                .map_or_else(|| policy.to_string(), |s| s.name().to_string()),
            group: group_label(participant),
            months_since_entry: since,
            workers: mean(&|(s, _)| s.n as f64),
            employed_pct: mean(&|(s, _)| pct(s.employed, s.n)),
            training_pct: mean(&|(s, _)| pct(s.training, s.n)),
            counterfactual_employed_pct: mean(&|(_, c)| pct(c.employed, c.n)),
            effect_pp: effect,
            ci95_low: half.map(|h| effect - h),
            ci95_high: half.map(|h| effect + h),
        });
    }
    out
}

fn fmt(x: f64) -> String {
    let r = (x * 1e4).round() / 1e4;
    if r == 0.0 {
        "0".to_string()
    } else {
        format!("{r}")
    }
}

/// Writes `followup.csv` from `rows`.
pub(crate) fn write_followup(path: &Path, rows: &[FollowRow]) -> Result<()> {
    write_atomic(path, |w| {
        let mut c = csv::Writer::from_writer(w);
        c.write_record([
            "policy",
            "group",
            "months_since_entry",
            "workers",
            "employed_pct",
            "training_pct",
            "counterfactual_employed_pct",
            "effect_pp",
            "ci95_low",
            "ci95_high",
        ])?;
        for r in rows {
            let opt = |x: Option<f64>| x.map_or(String::new(), fmt);
            c.write_record([
                r.policy.clone(),
                r.group.to_string(),
                r.months_since_entry.to_string(),
                fmt(r.workers),
                fmt(r.employed_pct),
                fmt(r.training_pct),
                fmt(r.counterfactual_employed_pct),
                fmt(r.effect_pp),
                opt(r.ci95_low),
                opt(r.ci95_high),
            ])?;
        }
        c.flush()?;
        Ok(())
    })
}
