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
use wandel_engine::measures::ci95_half_width;

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
    /// Of the employed in the policy arm, % in another occupation than at entry.
    pub(crate) other_occupation_pct: f64,
    /// Of the employed in the policy arm, % working in another region than at entry.
    pub(crate) other_region_pct: f64,
    /// Of the applications sent in the policy arm, % to another occupation.
    pub(crate) applications_other_occupation_pct: Option<f64>,
    /// Of the applications sent in the policy arm, % to another region.
    pub(crate) applications_other_region_pct: Option<f64>,
    /// Share of the same workers on a payroll in the counterfactual arm, %.
    pub(crate) counterfactual_employed_pct: f64,
    /// Paired effect, percentage points (`None` when suppressed).
    pub(crate) effect_pp: Option<f64>,
    pub(crate) ci95_low: Option<f64>,
    pub(crate) ci95_high: Option<f64>,
    /// Replications that observed the cell.
    pub(crate) replications: usize,
    /// Why the effect is left out: fewer than `summary::MIN_WORKERS` workers pooled over the
    /// replications, or the cell seen in fewer than half of them.
    pub(crate) suppressed: Option<String>,
}

/// A share of the policy arm's applications, pooled over replications (None without any).
fn pooled(cells: &[(FollowCell, FollowCell)], part: fn(&FollowCell) -> u64) -> Option<f64> {
    let all: u64 = cells.iter().map(|(s, _)| s.applications).sum();
    (all > 0).then(|| pct(cells.iter().map(|(s, _)| part(s)).sum(), all))
}

fn pct(part: u64, n: u64) -> f64 {
    100.0 * part as f64 / n.max(1) as f64
}

/// The rows of the follow-up: per policy, group and month since entry.
pub(crate) fn rows(specs: &[PolicySpec], with: &[ArmRun], without: &[ArmRun]) -> Vec<FollowRow> {
    let total = with.len();
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
        let pooled_workers: u64 = cells.iter().map(|(s, _)| s.n).sum();
        let min = crate::summary::MIN_WORKERS;
        let suppressed = if pooled_workers < min {
            Some(format!(
                "{pooled_workers} workers pooled over {} replications, fewer than {min}",
                cells.len()
            ))
        } else if cells.len() * 2 < total {
            Some(format!(
                "seen in {} of {total} replications, fewer than half",
                cells.len()
            ))
        } else {
            None
        };
        let shown = suppressed.is_none();
        out.push(FollowRow {
            policy: specs
                .get(policy as usize)
                .map_or_else(|| policy.to_string(), |s| s.name().to_string()),
            group: group_label(participant),
            months_since_entry: since,
            workers: mean(&|(s, _)| s.n as f64),
            employed_pct: mean(&|(s, _)| pct(s.employed, s.n)),
            training_pct: mean(&|(s, _)| pct(s.training, s.n)),
            other_occupation_pct: mean(&|(s, _)| pct(s.other_occupation, s.employed)),
            other_region_pct: mean(&|(s, _)| pct(s.other_region, s.employed)),
            applications_other_occupation_pct: pooled(&cells, |c| c.applications_other_occupation),
            applications_other_region_pct: pooled(&cells, |c| c.applications_other_region),
            counterfactual_employed_pct: mean(&|(_, c)| pct(c.employed, c.n)),
            effect_pp: shown.then_some(effect),
            ci95_low: half.filter(|_| shown).map(|h| effect - h),
            ci95_high: half.filter(|_| shown).map(|h| effect + h),
            replications: cells.len(),
            suppressed,
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
            "other_occupation_pct",
            "other_region_pct",
            "applications_other_occupation_pct",
            "applications_other_region_pct",
            "counterfactual_employed_pct",
            "effect_pp",
            "ci95_low",
            "ci95_high",
            "replications",
            "suppressed",
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
                fmt(r.other_occupation_pct),
                fmt(r.other_region_pct),
                opt(r.applications_other_occupation_pct),
                opt(r.applications_other_region_pct),
                fmt(r.counterfactual_employed_pct),
                opt(r.effect_pp),
                opt(r.ci95_low),
                opt(r.ci95_high),
                r.replications.to_string(),
                r.suppressed.clone().unwrap_or_default(),
            ])?;
        }
        c.flush()?;
        Ok(())
    })
}

/// One policy's totals over the run, mean per replication (`summary.json`, `policies`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct PolicyTotals {
    pub(crate) policy: String,
    pub(crate) kind: &'static str,
    pub(crate) entries: f64,
    /// Share of entries aged 50 or more, %.
    pub(crate) entries_50_plus_pct: Option<f64>,
    pub(crate) completions: f64,
    pub(crate) dropouts: f64,
    pub(crate) placements: f64,
    pub(crate) referrals: f64,
    /// Clients whose support ended in work or education, % of those whose support ended, as
    /// the councils report it (E1-E7), not an effect.
    pub(crate) in_work_or_education_pct: Option<f64>,
    /// Cost to the state, € (the policy's own items; levies count as revenue).
    pub(crate) cost: f64,
    /// Cost to employers, €.
    pub(crate) employer_cost: f64,
}

/// Each policy's totals in the policy arm.
pub(crate) fn totals(specs: &[PolicySpec], with: &[ArmRun]) -> Vec<PolicyTotals> {
    let n = with.len().max(1) as f64;
    specs
        .iter()
        .map(|spec| {
            let name = spec.name();
            let mut sum = [0.0f64; 10];
            let kind = spec.kind().name();
            for run in with {
                for r in run.policies.reports.iter().filter(|r| r.policy == name) {
                    let m = &r.month_report;
                    let cost: f64 = m.items.iter().map(|i| i.1).sum();
                    let add = [
                        m.entries as f64,
                        m.entries_50_plus as f64,
                        m.completions as f64,
                        m.dropouts as f64,
                        m.placements as f64,
                        m.referrals as f64,
                        m.supports_ended as f64,
                        m.in_work_or_education as f64,
                        cost,
                        m.employer_cost,
                    ];
                    for (a, b) in sum.iter_mut().zip(add) {
                        *a += b;
                    }
                }
            }
            let share = |part: f64, all: f64| (all > 0.0).then(|| 100.0 * part / all);
            PolicyTotals {
                policy: name.to_string(),
                kind,
                entries: sum[0] / n,
                entries_50_plus_pct: share(sum[1], sum[0]),
                completions: sum[2] / n,
                dropouts: sum[3] / n,
                placements: sum[4] / n,
                referrals: sum[5] / n,
                in_work_or_education_pct: share(sum[7], sum[6]),
                cost: sum[8] / n,
                employer_cost: sum[9] / n,
            }
        })
        .collect()
}
