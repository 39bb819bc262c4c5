//! Job security council (`[[policies.job_security_council]]`, the Swedish model: TRR, TSL;
//! calibration E1–E5): covered firms pay a levy on their payroll; when a covered firm gives
//! notice of closure or layoff, the council counsels the workers under notice so that more of
//! them move job to job before they are displaced, and goes on supporting them for a while
//! after displacement.
//!
//! Mechanism (the shared [`Caseload`] for intake, support and exits):
//!
//! - **Trigger and intake**: workers under notice (closure or layoff) at covered firms become
//!   clients with probability `take_up` a month (E1: 10,500 of 11,960 who asked were actively
//!   supported); with `displaced = true`, also workers displaced from a covered firm who are
//!   still unemployed.
//! - **Support**: counselling raises a client's search intensity (× `intensity`: during the
//!   notice period this multiplies the on-the-job search of workers under notice) and widens
//!   it (× `breadth`); support lasts until a hire, `months_after_displacement` after
//!   displacement, or `max_months` in all.
//! - **Outcome as the councils report it**: a client's support ends *in work or education*
//!   when it leaves placed or into training, or is on a payroll or in training when support
//!   runs out; `summary.json` reports that share over all clients whose support ended
//!   (`policies.csv`: `in_work_or_education` over `supports_ended`), which is what E1–E7
//!   measure. Its effect against
//!   the counterfactual (`followup.csv`) is another figure: many clients would have found work
//!   anyway.
//!
//! Ledger items: `council_costs` (`cost_per_client_month` per client-month) and `employer_levy`
//! (a revenue: `levy_rate` × the covered firms' monthly payroll, also reported as the employers'
//! cost). The levy rate sets how the costs are split between firms and the state: the state
//! pays what the levy does not cover (or keeps the surplus).

use wandel_engine::policy::{DisplacementCtx, MatchingCtx, Policy};
use wandel_engine::state::Displacement;
use wandel_engine::{Economy, Month, MonthRecord, Params, Status};

use crate::caseload::{Caseload, CaseloadSpec, Exit};
use crate::kind::Tally;
use crate::{Intervention, PolicyMonth};

/// Item: counselling and support, cost.
pub const COSTS: &str = "council_costs";
/// Item: levy on the covered payroll, revenue.
pub const LEVY: &str = "employer_levy";

/// `[[policies.job_security_council]]`, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct JobSecurityCouncilSpec {
    /// What every policy table has: name, start, end, target, capacity.
    pub common: Common,
    /// Intake and support; the target is the covered firms.
    pub caseload: CaseloadSpec,
    /// Levy on the covered firms' payroll, share of gross wages.
    pub levy_rate: f64,
    /// Cost per client-month, €.
    pub cost_per_client_month: f64,
}

/// The mechanism for one run.
pub struct JobSecurityCouncil {
    spec: JobSecurityCouncilSpec,
    /// Entries, exits and the workers to follow, counted as every kind counts them.
    tally: Tally,
    caseload: Caseload,
    placements: u64,
    in_work_or_education: u64,
    ended: u64,
    month: PolicyMonth,
}

impl JobSecurityCouncil {
    /// A fresh mechanism.
    pub fn new(spec: JobSecurityCouncilSpec) -> JobSecurityCouncil {
        JobSecurityCouncil {
            caseload: Caseload::new(spec.caseload.clone()),
            spec,
            tally: Tally::default(),
            placements: 0,
            in_work_or_education: 0,
            ended: 0,
            month: PolicyMonth::default(),
        }
    }

    fn active(&self, t: Month) -> bool {
        self.spec.common.active(t)
    }

    /// The covered firms' gross payroll this month, €.
    fn covered_payroll(&self, eco: &Economy) -> f64 {
        let mut cents = 0.0;
        for j in 0..eco.firms.len() {
            if !self.spec.caseload.target.reaches(eco, j) {
                continue;
            }
            let hours = f64::from(eco.firms.hours[j]);
            for &w in &eco.firms.employees[j] {
                let cut = if eco.workers.rec[w as usize].status == Status::ShortTime {
                    f64::from(eco.firms.hours_cut[j])
                } else {
                    0.0
                };
                cents += eco.current_wage(w) * hours * (1.0 - cut);
            }
        }
        cents / 100.0
    }
}

impl Policy for JobSecurityCouncil {
    fn name(&self) -> &str {
        &self.spec.common.name
    }

    fn on_displacement(&mut self, ctx: &mut DisplacementCtx<'_>, displaced: &[Displacement]) {
        self.caseload.on_displacement(ctx, displaced);
    }

    fn before_matching(&mut self, ctx: &mut MatchingCtx<'_>) {
        let open = self.active(ctx.month());
        let month = self.caseload.month(ctx, open);
        let eco = ctx.economy();
        for &(w, exit) in &month.exits {
            if exit == Exit::Retired {
                continue;
            }
            self.ended += 1;
            let r = &eco.workers.rec[w as usize];
            let working = matches!(
                r.status,
                Status::Employed | Status::ShortTime | Status::Training
            );
            if exit == Exit::Placed {
                self.placements += 1;
            }
            if matches!(exit, Exit::Placed | Exit::Training) || working {
                self.in_work_or_education += 1;
            }
        }
        self.tally.entries += month.entered.len() as u64;
        self.tally.entries_50_plus += month.entries_50_plus;
        self.tally.entered.extend(month.entered);
        self.tally.passed_over.extend(month.passed_over);
    }

    fn on_month_end(&mut self, eco: &Economy, _params: &Params, _record: &MonthRecord) {
        let clients = self.caseload.clients.len() as u64;
        let levy = if self.active(eco.month) {
            self.spec.levy_rate * self.covered_payroll(eco)
        } else {
            0.0
        };
        self.month = PolicyMonth {
            placements: self.placements,
            supports_ended: self.ended,
            in_work_or_education: self.in_work_or_education,
            items: vec![
                (COSTS, clients as f64 * self.spec.cost_per_client_month),
                (LEVY, -levy),
            ],
            employer_cost: levy,
            ..self.tally.close(clients)
        };
        self.placements = 0;
        self.in_work_or_education = 0;
        self.ended = 0;
    }
}

impl Intervention for JobSecurityCouncil {
    fn report(&mut self) -> PolicyMonth {
        std::mem::take(&mut self.month)
    }
}

// --- The kind: its scenario table (`[[policies.job_security_council]]`) and its registration ------------

use wandel_format::reader::{Range, Reader, Table};

use crate::kind::{Common, KindSpec, PolicyKind, ReadContext};

use crate::caseload::{CaseloadDefaults, read_caseload};

/// `[[policies.job_security_council]]`.
pub struct Kind;

/// The kind, as registered (`registry.rs`).
pub static KIND: Kind = Kind;

impl PolicyKind for Kind {
    fn name(&self) -> &'static str {
        "job_security_council"
    }
    fn label(&self) -> &'static str {
        "Job security council"
    }
    fn read(
        &self,
        rd: &mut Reader<'_>,
        t: &mut Table<'_>,
        common: &Common,
        _cx: &ReadContext<'_>,
    ) -> Option<Box<dyn KindSpec>> {
        Some(Box::new(read_job_security_council(rd, t, common)))
    }
}

impl KindSpec for JobSecurityCouncilSpec {
    fn common(&self) -> &Common {
        &self.common
    }
    fn build(&self) -> Box<dyn crate::Intervention> {
        Box::new(JobSecurityCouncil::new(self.clone()))
    }
}

/// Reads the keys of `[[policies.job_security_council]]` after the common ones.
fn read_job_security_council(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    common: &Common,
) -> JobSecurityCouncilSpec {
    let caseload = read_caseload(
        rd,
        t,
        common,
        common.capacity,
        &CaseloadDefaults {
            take_up: 0.88,
            intensity: 2.0,
            breadth: 1.5,
            max_months: 24,
            months_after_displacement: Some(12),
            displaced_window: 3,
        },
    );
    JobSecurityCouncilSpec {
        common: common.clone(),
        caseload,
        levy_rate: rd.number(t, "levy_rate", Some(0.003), Range::Between(0.0, 0.1)),
        cost_per_client_month: rd.number(
            t,
            "cost_per_client_month",
            Some(800.0),
            Range::Between(0.0, 100_000.0),
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{entries, item, params, participants, simulate, spec};

    use super::{COSTS, LEVY};

    #[test]
    fn workers_under_notice_and_displaced_are_counselled_and_employers_pay_the_levy() {
        let p = params();
        let s = spec(
            &p,
            "job_security_council",
            "take_up = 1.0\ncapacity = 50\nlevy_rate = 0.003",
        );
        let (_, run, _) = simulate(&p, &[s]);
        assert!(entries(&run) > 0);
        assert!(participants(&run).iter().all(|&n| n <= 50));
        assert!(item(&run, COSTS) > 0.0);
        // The levy is a revenue of the state (negative in the ledger).
        assert!(item(&run, LEVY) < 0.0);
    }
}
