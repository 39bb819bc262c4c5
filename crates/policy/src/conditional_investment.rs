//! Investment subsidies conditional on wage and training standards
//! (`[[policies.conditional_investment]]`; seeds/000: the US Inflation Reduction Act's tax
//! credits "conditional on the recipients meeting certain wage requirements and training
//! expectations").
//!
//! Mechanism, from `start` to `end` (exclusive), for the producing firms of the target (a
//! sector such as hydrogen steel or battery cells):
//!
//! - **Conditions**: only firms whose pay scale reaches `wage_standard` and, with
//!   `training_required`, that train (`firms.training_share`) claim the subsidy; the others
//!   forgo it and see no change (a fixed firm attribute here, so a firm that claims keeps
//!   meeting the conditions while it produces).
//! - **Labour demand** (hook `on_month_start`, the engine's target lever): a claiming firm
//!   invests and expands its capacity by `expansion` (a factor on its target headcount), and
//!   the wage subsidy lowers the cost of its labour by `share` of the wage bill, raising its
//!   target by `(1 − share)^(−ε)` more (`elasticity`, the own-wage elasticity of labour
//!   demand). The new jobs are at the claiming firms' wages: the conditions decide which firms
//!   grow, and so who is hired and at what pay.
//! - **Payment** (hook `on_month_end`): `share` of each claiming firm's wage bill (pay at its
//!   hours), ledger item `investment_subsidy`.
//! - **End**: the target factors return to 1 and the firms shrink back as the engine's
//!   adjustment says.

use wandel_engine::policy::{Policy, StartCtx};
use wandel_engine::state::FirmStatus;
use wandel_engine::{Economy, Month, MonthRecord, Params, Status};

use crate::target::Conditions;
use crate::{Intervention, PolicyMonth};

/// Item: the wage subsidy paid to claiming firms, cost.
pub const INVESTMENT_SUBSIDY: &str = "investment_subsidy";

/// `[[policies.conditional_investment]]`, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct ConditionalInvestmentSpec {
    /// What every policy table has: name, start, end, target, capacity.
    pub common: Common,
    /// What a claiming firm must meet.
    pub conditions: Conditions,
    /// Factor on a claiming firm's target headcount from the investment (≥ 1).
    pub expansion: f64,
    /// Share of a claiming firm's wage bill paid.
    pub share: f64,
    /// Own-wage elasticity of labour demand.
    pub elasticity: f64,
}

impl ConditionalInvestmentSpec {
    /// The factor on a claiming firm's target headcount.
    pub fn target_factor(&self) -> f64 {
        self.expansion * (1.0 - self.share.min(0.99)).powf(-self.elasticity)
    }
}

/// The mechanism for one run.
pub struct ConditionalInvestment {
    spec: ConditionalInvestmentSpec,
    /// Claiming firms (set in the first month).
    claiming: Vec<u32>,
    started: bool,
    participants_before: u64,
    month: PolicyMonth,
}

impl ConditionalInvestment {
    /// A fresh mechanism.
    pub fn new(spec: ConditionalInvestmentSpec) -> ConditionalInvestment {
        ConditionalInvestment {
            spec,
            claiming: Vec::new(),
            started: false,
            participants_before: 0,
            month: PolicyMonth::default(),
        }
    }

    fn active(&self, t: Month) -> bool {
        self.spec.common.active(t)
    }
}

impl Policy for ConditionalInvestment {
    fn name(&self) -> &str {
        &self.spec.common.name
    }

    fn on_month_start(&mut self, ctx: &mut StartCtx<'_>) {
        let t = ctx.month();
        if self.active(t) && !self.started {
            self.started = true;
            let eco = ctx.economy();
            self.claiming = (0..eco.firms.len())
                .filter(|&j| {
                    self.spec.common.target.reaches(eco, j)
                        && self.spec.conditions.met(eco, j)
                        && eco.firms.status[j] == FirmStatus::Active
                })
                .map(|j| j as u32)
                .collect();
            let factor = self.spec.target_factor();
            for &j in &self.claiming {
                ctx.set_target_factor(j, factor);
            }
        } else if !self.active(t) && self.started && !self.claiming.is_empty() {
            for j in std::mem::take(&mut self.claiming) {
                ctx.set_target_factor(j, 1.0);
            }
        }
    }

    fn on_month_end(&mut self, eco: &Economy, _params: &Params, _record: &MonthRecord) {
        let mut m = PolicyMonth::default();
        let (mut workers, mut bill) = (0u64, 0.0f64);
        for &j in &self.claiming {
            let j = j as usize;
            if eco.firms.status[j] == FirmStatus::Closed {
                continue;
            }
            for (w, r) in eco.staff(j) {
                let cut = match r.status {
                    Status::Employed => 0.0,
                    Status::ShortTime => f64::from(eco.firms.hours_cut[j]),
                    _ => continue,
                };
                workers += 1;
                bill += eco.current_wage(w) / 100.0 * f64::from(eco.firms.hours[j]) * (1.0 - cut);
            }
        }
        let paid = self.spec.share * bill;
        if paid > 0.0 {
            m.items.push((INVESTMENT_SUBSIDY, paid));
        }
        m.participants = workers;
        m.entries = workers.saturating_sub(self.participants_before);
        m.exits = self.participants_before.saturating_sub(workers);
        self.participants_before = workers;
        self.month = m;
    }
}

impl Intervention for ConditionalInvestment {
    fn report(&mut self) -> PolicyMonth {
        std::mem::take(&mut self.month)
    }
}

// --- The kind: its scenario table (`[[policies.conditional_investment]]`) and its registration ------------

use wandel_format::reader::{Range, Reader, Table};

use crate::kind::{Common, KindSpec, PolicyKind, ReadContext};

use crate::read::read_conditions;

/// `[[policies.conditional_investment]]`.
pub struct Kind;

/// The kind, as registered (`registry.rs`).
pub static KIND: Kind = Kind;

impl PolicyKind for Kind {
    fn name(&self) -> &'static str {
        "conditional_investment"
    }
    fn label(&self) -> &'static str {
        "Conditional investment"
    }
    fn no_capacity(&self) -> Option<&'static str> {
        Some("a conditional investment subsidy reaches every claiming firm of its target")
    }
    fn read(
        &self,
        rd: &mut Reader<'_>,
        t: &mut Table<'_>,
        common: &Common,
        _cx: &ReadContext<'_>,
    ) -> Option<Box<dyn KindSpec>> {
        let spec = ConditionalInvestmentSpec {
            common: common.clone(),
            conditions: read_conditions(rd, t),
            expansion: rd.number(t, "expansion", Some(1.0), Range::Between(1.0, 10.0)),
            share: rd.number(t, "share", Some(0.1), Range::Between(0.0, 0.9)),
            elasticity: rd.number(t, "elasticity", Some(0.25), Range::Between(0.0, 5.0)),
        };
        Some(Box::new(spec))
    }
}

impl KindSpec for ConditionalInvestmentSpec {
    fn common(&self) -> &Common {
        &self.common
    }
    fn build(&self) -> Box<dyn crate::Intervention> {
        Box::new(ConditionalInvestment::new(self.clone()))
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{item, params, simulate, spec};

    use super::INVESTMENT_SUBSIDY;

    #[test]
    fn only_firms_that_meet_the_conditions_are_paid() {
        let p = params();
        // The fixture's firms pay 3,000 EUR: a standard of 3,000 is met, one of 3,500 is not.
        let s = spec(
            &p,
            "conditional_investment",
            "wage_standard = 3000.0\nshare = 0.1",
        );
        let (_, met, _) = simulate(&p, &[s]);
        assert!(item(&met, INVESTMENT_SUBSIDY) > 0.0);
        let s = spec(
            &p,
            "conditional_investment",
            "wage_standard = 3500.0\nshare = 0.1",
        );
        let (with, unmet, _) = simulate(&p, &[s]);
        assert_eq!(item(&unmet, INVESTMENT_SUBSIDY), 0.0);
        // No firm claims: the run is the run without the policy.
        let (without, _, _) = simulate(&p, &[]);
        for (a, b) in with.iter().zip(&without) {
            assert_eq!((a.employed, a.hires), (b.employed, b.hires));
        }
        // Nobody trains in the fixture: a training condition is never met.
        let s = spec(&p, "conditional_investment", "training_required = true");
        let (_, untrained, _) = simulate(&p, &[s]);
        assert_eq!(item(&untrained, INVESTMENT_SUBSIDY), 0.0);
    }
}
