//! [`PolicyRun`]: a scenario's policies for one run, called in the order the scenario lists
//! them, with the fiscal ledger and each policy's monthly report.
//!
//! The counterfactual arm is a `PolicyRun` without policies: it keeps the same ledger, so the
//! net fiscal cost of the policies is a paired difference of two ledgers.

use wandel_engine::policy::{
    DisplacementCtx, ExcessCtx, ExcessLabour, MatchingCtx, Policy, StartCtx,
};
use wandel_engine::state::Displacement;
use wandel_engine::{Economy, Month, MonthRecord, Params};

use crate::followup::{FollowUp, Followed};
use crate::ledger::{self, Fiscal, LedgerEntry, NET_COST};
use crate::{Intervention, PolicyMonth, PolicySpec};

/// One policy's report for one month.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyReport {
    /// The month.
    pub month: Month,
    /// The policy's name.
    pub policy: String,
    /// The policy's kind.
    pub kind: &'static str,
    /// Participation and costs.
    pub month_report: PolicyMonth,
}

/// A scenario's policies for one run, with the ledger they fill.
pub struct PolicyRun {
    /// Each policy's kind (as written) and mechanism, in the scenario's order.
    policies: Vec<(&'static str, Box<dyn Intervention>)>,
    fiscal: Fiscal,
    /// Every ledger line, month by month.
    pub ledger: Vec<LedgerEntry>,
    /// Every policy's report, month by month (the worker lists of each month are moved to
    /// the follow-up).
    pub reports: Vec<PolicyReport>,
    /// The follow-up of the policies' participants and passed-over applicants.
    pub followup: FollowUp,
    /// Policies of the other arm, observing here without acting (the hiring subsidy's
    /// deadweight and substitution).
    observers: Vec<Box<dyn Intervention>>,
}

impl PolicyRun {
    /// Fresh mechanisms for `specs` (in the scenario's order).
    pub fn new(specs: &[PolicySpec], fiscal: &Fiscal) -> PolicyRun {
        PolicyRun {
            policies: specs.iter().map(|s| (s.kind().name(), s.build())).collect(),
            fiscal: fiscal.clone(),
            ledger: Vec::new(),
            reports: Vec::new(),
            followup: FollowUp::default(),
            observers: Vec::new(),
        }
    }

    /// No policies, following the workers `followed` of the policy arm (the counterfactual arm
    /// of the same replication).
    pub fn counterfactual_following(fiscal: &Fiscal, followed: &[Followed]) -> PolicyRun {
        let mut run = PolicyRun::new(&[], fiscal);
        run.followup = FollowUp::of(followed);
        run
    }

    /// Adds observers: policies of the other arm that watch this arm, changing nothing
    /// (from [`PolicyRun::counterfactual_observers`] of the policy arm).
    pub fn observing(mut self, observers: Vec<Box<dyn Intervention>>) -> PolicyRun {
        self.observers = observers;
        self
    }

    /// What the run without policies should carry to observe this run's policies there
    /// ([`Intervention::counterfactual_observer`]), in the scenario's order.
    pub fn counterfactual_observers(&self) -> Vec<Box<dyn Intervention>> {
        self.policies
            .iter()
            .filter_map(|(_, p)| p.counterfactual_observer())
            .collect()
    }

    /// Every mechanism of the run: the acting policies, then the observers.
    pub fn interventions(&self) -> impl Iterator<Item = &dyn Intervention> {
        let acting = self.policies.iter().map(|(_, p)| p.as_ref());
        acting.chain(self.observers.iter().map(|o| o.as_ref()))
    }

    /// No policies: the counterfactual arm (the ledger is kept all the same).
    pub fn counterfactual(fiscal: &Fiscal) -> PolicyRun {
        PolicyRun::new(&[], fiscal)
    }

    /// The net cost to the state of each month, in order (€).
    pub fn net_cost(&self) -> Vec<f64> {
        self.ledger
            .iter()
            .filter(|e| e.item == NET_COST)
            .map(|e| e.amount)
            .collect()
    }
}

impl Policy for PolicyRun {
    fn name(&self) -> &str {
        "policies"
    }
    fn on_month_start(&mut self, ctx: &mut StartCtx<'_>) {
        for (k, (_, p)) in self.policies.iter_mut().enumerate() {
            if let Some(mut member) = ctx.member(k, p.name()) {
                p.on_month_start(&mut member);
            }
        }
    }
    fn on_excess_labour(&mut self, ctx: &mut ExcessCtx<'_>, firms: &[ExcessLabour]) {
        for (k, (_, p)) in self.policies.iter_mut().enumerate() {
            if let Some(mut member) = ctx.member(k, p.name()) {
                p.on_excess_labour(&mut member, firms);
            }
        }
    }
    fn on_displacement(&mut self, ctx: &mut DisplacementCtx<'_>, displaced: &[Displacement]) {
        for (k, (_, p)) in self.policies.iter_mut().enumerate() {
            if let Some(mut member) = ctx.member(k, p.name()) {
                p.on_displacement(&mut member, displaced);
            }
        }
    }
    fn before_matching(&mut self, ctx: &mut MatchingCtx<'_>) {
        for (k, (_, p)) in self.policies.iter_mut().enumerate() {
            if let Some(mut member) = ctx.member(k, p.name()) {
                p.before_matching(&mut member);
            }
        }
        for o in &mut self.observers {
            o.before_matching(ctx);
        }
        self.followup.watch(ctx);
    }
    fn on_month_end(&mut self, eco: &Economy, params: &Params, record: &MonthRecord) {
        let mut entries = ledger::economy_items(params, &self.fiscal, record);
        let t = record.month;
        for (k, (kind, p)) in self.policies.iter_mut().enumerate() {
            p.on_month_end(eco, params, record);
            let mut report = p.report();
            let entered = report.entered.len();
            for w in std::mem::take(&mut report.entered) {
                self.followup.name(eco, k as u16, w, t, true);
            }
            // The comparison group: the next in the queue, at most as many as entered (the
            // policies list the passed-over in queue order), so its cost follows the entries.
            // The rest are not followed, but stay out of the participants if they enter later
            // (the groups keep the meaning they have when every passed-over worker is followed).
            for (i, w) in std::mem::take(&mut report.passed_over)
                .into_iter()
                .enumerate()
            {
                if i < entered {
                    self.followup.name(eco, k as u16, w, t, false);
                } else {
                    self.followup.set_aside(eco, k as u16, w);
                }
            }
            for &(item, amount) in &report.items {
                entries.push(LedgerEntry {
                    month: record.month,
                    item,
                    policy: p.name().to_string(),
                    amount,
                });
            }
            self.reports.push(PolicyReport {
                month: record.month,
                policy: p.name().to_string(),
                kind,
                month_report: report,
            });
        }
        let net: f64 = entries.iter().map(|e| e.amount).sum();
        entries.push(LedgerEntry {
            month: record.month,
            item: NET_COST,
            policy: ledger::ECONOMY.to_string(),
            amount: net,
        });
        self.ledger.extend(entries);
        for o in &mut self.observers {
            o.on_month_end(eco, params, record);
        }
        self.followup.observe(eco, t);
    }
}
