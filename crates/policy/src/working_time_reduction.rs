//! Working-time reduction (`[[policies.working_time_reduction]]`; seeds/000: sharing the gains
//! of the transition through shorter hours, "which have not seen a reduction in three decades
//! in Germany"; the collective agreements that cut the week from 40 to 35 hours in the metal
//! industry, 1984–1995, are the historical case).
//!
//! Mechanism, from `start` to `end` (exclusive), for the producing firms of the target:
//!
//! - **Hours** (hook `on_month_start`): normal hours become `hours` of full time (the
//!   engine's hours lever). A firm needs `1 / hours` as many workers for the same work, so
//!   at a given demand its target headcount rises; earnings and the wage bill follow hours
//!   (the engine books each worker's pay at its firm's hours), so workers earn less per
//!   month unless compensated.
//! - **Wage compensation**: a share `compensation` of the pay lost to the shorter hours is
//!   paid on top, by the firms (`paid_by = "firms"`: reported as the employer's cost) or by
//!   the state (`paid_by = "state"`: ledger item `wage_compensation`). Compensation paid by
//!   firms raises the cost of an hour of work by the factor `k = (hours + (1 − hours) ×
//!   compensation) / hours`, and the firms' labour demand falls by `k^(−ε)`, `ε` the own-wage
//!   elasticity of labour demand (`elasticity`; the engine's target lever): full compensation
//!   by the firms gives back part of the jobs the shorter hours create.
//! - **End**: at `end` hours return to full time and the firms' targets with them, so firms
//!   with more workers than they now need lay off as the engine's adjustment says.
//!
//! The compensation is a transfer beside the engine's earnings (which follow hours): it is
//! not in the wage books that local demand reads, so with compensation the fall of resident
//! incomes is overstated by its amount (reported, not modelled).

use std::collections::BTreeSet;

use wandel_engine::policy::{Policy, StartCtx};
use wandel_engine::state::FirmStatus;
use wandel_engine::{Economy, Month, MonthRecord, Params, Status};

use crate::{Intervention, PolicyMonth};

/// Item: wage compensation paid by the state, cost.
pub const COMPENSATION: &str = "wage_compensation";

/// Who pays the wage compensation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payer {
    /// The firms (an employer cost; raises the cost of an hour of work).
    Firms,
    /// The state (a ledger item).
    State,
}

/// `[[policies.working_time_reduction]]`, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkingTimeReductionSpec {
    /// What every policy table has: name, start, end, target, capacity.
    pub common: Common,
    /// Normal hours as a share of full time, in (0, 1).
    pub hours: f64,
    /// Share of the pay lost to shorter hours that is compensated.
    pub compensation: f64,
    /// Who pays the compensation.
    pub paid_by: Payer,
    /// Own-wage elasticity of labour demand (firms' response to compensation they pay).
    pub elasticity: f64,
}

impl WorkingTimeReductionSpec {
    /// The factor on a reached firm's target headcount for the cost of the compensation it
    /// pays (1 when the state pays).
    pub fn cost_factor(&self) -> f64 {
        match self.paid_by {
            Payer::State => 1.0,
            Payer::Firms => {
                let k = (self.hours + (1.0 - self.hours) * self.compensation) / self.hours;
                k.powf(-self.elasticity)
            }
        }
    }
}

/// The mechanism for one run.
pub struct WorkingTimeReduction {
    spec: WorkingTimeReductionSpec,
    /// Firms on shorter hours.
    firms: BTreeSet<u32>,
    participants_before: u64,
    month: PolicyMonth,
}

impl WorkingTimeReduction {
    /// A fresh mechanism.
    pub fn new(spec: WorkingTimeReductionSpec) -> WorkingTimeReduction {
        WorkingTimeReduction {
            spec,
            firms: BTreeSet::new(),
            participants_before: 0,
            month: PolicyMonth::default(),
        }
    }

    fn active(&self, t: Month) -> bool {
        self.spec.common.active(t)
    }
}

impl Policy for WorkingTimeReduction {
    fn name(&self) -> &str {
        &self.spec.common.name
    }

    fn on_month_start(&mut self, ctx: &mut StartCtx<'_>) {
        let t = ctx.month();
        if self.active(t) {
            if !self.firms.is_empty() {
                return;
            }
            // The first month: every reached firm that produces.
            let eco = ctx.economy();
            let reached: Vec<u32> = (0..eco.firms.len())
                .filter(|&j| {
                    self.spec.common.target.reaches(eco, j)
                        && eco.firms.status[j] == FirmStatus::Active
                })
                .map(|j| j as u32)
                .collect();
            let factor = self.spec.cost_factor();
            for &j in &reached {
                ctx.set_hours_factor(j, self.spec.hours);
                if factor != 1.0 {
                    ctx.set_target_factor(j, factor);
                }
            }
            self.firms = reached.into_iter().collect();
        } else if !self.firms.is_empty() && t >= self.spec.common.start {
            for j in std::mem::take(&mut self.firms) {
                ctx.set_hours_factor(j, 1.0);
                ctx.set_target_factor(j, 1.0);
            }
        }
    }

    fn on_month_end(&mut self, eco: &Economy, _params: &Params, _record: &MonthRecord) {
        let mut m = PolicyMonth::default();
        let (mut workers, mut lost) = (0u64, 0.0f64);
        for &j in &self.firms {
            let j = j as usize;
            for (w, r) in eco.staff(j) {
                if matches!(r.status, Status::Employed | Status::ShortTime) {
                    workers += 1;
                    // Pay lost to the shorter hours, €: the full-time wage × (1 − hours).
                    lost += eco.current_wage(w) / 100.0 * (1.0 - f64::from(eco.firms.hours[j]));
                }
            }
        }
        let compensation = self.spec.compensation * lost;
        match self.spec.paid_by {
            Payer::State if compensation > 0.0 => m.items.push((COMPENSATION, compensation)),
            Payer::Firms => m.employer_cost = compensation,
            Payer::State => {}
        }
        m.participants = workers;
        // Entries and exits of the policy's workforce: the staff of the reached firms.
        m.entries = workers.saturating_sub(self.participants_before);
        m.exits = self.participants_before.saturating_sub(workers);
        self.participants_before = workers;
        self.month = m;
    }
}

impl Intervention for WorkingTimeReduction {
    fn report(&mut self) -> PolicyMonth {
        std::mem::take(&mut self.month)
    }
}

// --- The kind: its scenario table (`[[policies.working_time_reduction]]`) and its registration ------------

use wandel_format::reader::{Range, Reader, Table};

use crate::kind::{Common, KindSpec, PolicyKind, ReadContext};

/// `[[policies.working_time_reduction]]`.
pub struct Kind;

/// The kind, as registered (`registry.rs`).
pub static KIND: Kind = Kind;

impl PolicyKind for Kind {
    fn name(&self) -> &'static str {
        "working_time_reduction"
    }
    fn label(&self) -> &'static str {
        "Working-time reduction"
    }
    fn no_capacity(&self) -> Option<&'static str> {
        Some("a working-time reduction reaches every producing firm of its target")
    }
    fn read(
        &self,
        rd: &mut Reader<'_>,
        t: &mut Table<'_>,
        common: &Common,
        _cx: &ReadContext<'_>,
    ) -> Option<Box<dyn KindSpec>> {
        let paid_by = rd.choice(t, "paid_by", "firms", &["firms", "state"]);
        let spec = WorkingTimeReductionSpec {
            common: common.clone(),
            hours: rd.number(t, "hours", Some(0.9), Range::Between(0.5, 0.99)),
            compensation: rd.number(t, "compensation", Some(0.0), Range::Unit),
            paid_by: if paid_by == "state" {
                Payer::State
            } else {
                Payer::Firms
            },
            elasticity: rd.number(t, "elasticity", Some(0.25), Range::Between(0.0, 5.0)),
        };
        Some(Box::new(spec))
    }
}

impl KindSpec for WorkingTimeReductionSpec {
    fn common(&self) -> &Common {
        &self.common
    }
    fn build(&self) -> Box<dyn crate::Intervention> {
        Box::new(WorkingTimeReduction::new(self.clone()))
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{item, params, simulate, spec};

    use super::COMPENSATION;

    #[test]
    fn the_target_firms_work_shorter_hours_and_the_state_pays_only_when_it_is_the_payer() {
        let p = params();
        let s = spec(
            &p,
            "working_time_reduction",
            "hours = 0.8\ncompensation = 0.5\nregions = [\"segment_1\"]",
        );
        let (_, run_firms, sim) = simulate(&p, &[s]);
        let eco = sim.economy();
        for j in 0..eco.firms.len() {
            let expected = if eco.firms.region[j] == 1 { 0.8 } else { 1.0 };
            assert_eq!(eco.firms.hours[j], expected, "firm {j}");
        }
        // Paid by the firms: an employer cost, no ledger item.
        assert_eq!(item(&run_firms, COMPENSATION), 0.0);
        let employer: f64 = run_firms
            .reports
            .iter()
            .map(|r| r.month_report.employer_cost)
            .sum();
        assert!(employer > 0.0);
        let s = spec(
            &p,
            "working_time_reduction",
            "hours = 0.8\ncompensation = 0.5\npaid_by = \"state\"",
        );
        let (_, run_state, _) = simulate(&p, &[s]);
        assert!(item(&run_state, COMPENSATION) > 0.0);
    }
}
