//! Transformation council (`[[policies.transformation_council]]`): a regional body led by the
//! union and employers (IG Metall's regional transformation councils, the first seed paper)
//! that takes the workers of a closure into a caseload, assesses their skills, widens their
//! search and refers those whose occupation has no future nearby to retraining for an
//! occupation in demand.
//!
//! Mechanism (the shared [`Caseload`] for intake, support and exits):
//!
//! - **Caseload**: `caseworkers × cases_per_caseworker` clients at once; intake from workers
//!   under notice and displaced workers of the target firms (`take_up` a month, per-worker draw).
//! - **Support**: clients search with intensity × `intensity` (counselling) and breadth ×
//!   `breadth` (farther occupations and other accessible regions); they leave at a hire or
//!   after `max_months`.
//! - **Assessment and referral**: at entry, a client whose own occupation has fewer vacancies
//!   within reach than `referral_ratio` × those of the occupation it would best be retrained
//!   for ([`demand::occupation_in_demand`]) is referred to a course of `course_months` for that
//!   occupation with `skill_gain`, which it takes up with probability `referral_take_up` (its
//!   own draw); it then leaves the caseload for the course (the engine's training spell,
//!   dropout-free: councils refer to certified courses) once it is unemployed, as courses for
//!   the unemployed are paid by the employment agency.
//!
//! Ledger items: `caseworkers` (`cost_per_caseworker_month` per caseworker while the council
//! runs), `council_participants` (`cost_per_participant_month` per client-month: assessment,
//! materials), `course_costs` (`course_cost_per_month` per participant-month of referred
//! courses) and `training_allowance` (benefit at the worker's rate for referred trainees
//! without a job).

use std::collections::BTreeMap;

use wandel_engine::policy::{DisplacementCtx, MatchingCtx, Policy, PolicyCtx};
use wandel_engine::state::{Displacement, TrainingPlan};
use wandel_engine::{Economy, Month, MonthRecord, Params, Status};

use crate::caseload::{Caseload, CaseloadSpec, Exit};
use crate::demand;
use crate::kind::Tally;
use crate::{Intervention, PolicyMonth};

/// Item: caseworkers' pay, cost.
pub const CASEWORKERS: &str = "caseworkers";
/// Item: per-client costs, cost.
pub const PARTICIPANT_COSTS: &str = "council_participants";
/// Item: referred courses, cost.
pub const COURSE_COSTS: &str = "course_costs";
/// Item: training allowance of referred trainees without a job, cost.
pub const ALLOWANCE: &str = "training_allowance";

const REFERRAL: u64 = 21;

/// `[[policies.transformation_council]]`, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct TransformationCouncilSpec {
    /// What every policy table has: name, start, end, target, capacity.
    pub common: Common,
    /// Intake and support (capacity = caseworkers × cases per caseworker).
    pub caseload: CaseloadSpec,
    /// Caseworkers.
    pub caseworkers: u32,
    /// Clients per caseworker.
    pub cases_per_caseworker: f64,
    /// A client is referred when its occupation's vacancies within reach are below this share
    /// of those of the occupation in demand.
    pub referral_ratio: f64,
    /// Probability that a referred client takes the course.
    pub referral_take_up: f64,
    /// Course length, months.
    pub course_months: u32,
    /// Log skill gained on completing the course.
    pub skill_gain: f64,
    /// Caseworker cost per month, €.
    pub cost_per_caseworker_month: f64,
    /// Cost per client-month, €.
    pub cost_per_participant_month: f64,
    /// Course cost per participant-month, €.
    pub course_cost_per_month: f64,
}

/// The mechanism for one run.
pub struct TransformationCouncil {
    spec: TransformationCouncilSpec,
    /// Entries, exits and the workers to follow, counted as every kind counts them.
    tally: Tally,
    caseload: Caseload,
    /// Clients referred to a course for an occupation, waiting to be unemployed to start it.
    referred: BTreeMap<u32, wandel_engine::params::OccupationId>,
    /// Referred clients in their course.
    trainees: BTreeMap<u32, Month>,
    placements: u64,
    referrals: u64,
    month: PolicyMonth,
}

impl TransformationCouncil {
    /// A fresh mechanism.
    pub fn new(spec: TransformationCouncilSpec) -> TransformationCouncil {
        TransformationCouncil {
            caseload: Caseload::new(spec.caseload.clone()),
            spec,
            tally: Tally::default(),
            referred: BTreeMap::new(),
            trainees: BTreeMap::new(),
            placements: 0,
            referrals: 0,
            month: PolicyMonth::default(),
        }
    }

    fn active(&self, t: Month) -> bool {
        self.spec.common.active(t)
    }

    /// The assessment at entry: the occupation client `w` is referred to retrain for, if any.
    fn assess(&self, ctx: &PolicyCtx<'_>, w: u32, vacancies: &[f64]) -> Option<u16> {
        let params = ctx.params();
        let r = ctx.economy().workers.rec[w as usize];
        let region = r.region as usize;
        let target = demand::occupation_in_demand(params, vacancies, region, r.occupation)?;
        let own = demand::within_reach(params, vacancies, region, r.occupation as usize);
        let there = demand::within_reach(params, vacancies, region, target as usize);
        (own < self.spec.referral_ratio * there
            && ctx.worker_draw(w, REFERRAL) < self.spec.referral_take_up)
            .then_some(target)
    }
}

impl Policy for TransformationCouncil {
    fn name(&self) -> &str {
        &self.spec.common.name
    }

    fn on_displacement(&mut self, ctx: &mut DisplacementCtx<'_>, displaced: &[Displacement]) {
        self.caseload.on_displacement(ctx, displaced);
    }

    fn before_matching(&mut self, ctx: &mut MatchingCtx<'_>) {
        let t = ctx.month();
        // Courses that ended (the engine ends the spell at its planned end).
        let done: Vec<u32> = self
            .trainees
            .keys()
            .copied()
            .filter(|w| !ctx.economy().trainee_spell.contains_key(w))
            .collect();
        for w in done {
            self.trainees.remove(&w);
            self.tally.completions += 1;
        }
        let open = self.active(t);
        let month = self.caseload.month(ctx, open);
        for &(w, exit) in &month.exits {
            if exit == Exit::Placed {
                self.placements += 1;
            }
            if exit != Exit::Training {
                self.referred.remove(&w);
            }
        }
        if !month.entered.is_empty() {
            let vacancies = demand::vacancies(ctx.economy(), ctx.params());
            for &w in &month.entered {
                if let Some(o) = self.assess(ctx, w, &vacancies) {
                    self.referred.insert(w, o);
                    self.referrals += 1;
                }
            }
        }
        // Referred clients start their course once unemployed (the agency pays courses for
        // the unemployed): they leave the caseload for it next month.
        let ready: Vec<(u32, u16)> = self
            .referred
            .iter()
            .map(|(&w, &o)| (w, o))
            .filter(|&(w, _)| ctx.economy().workers.rec[w as usize].status == Status::Unemployed)
            .collect();
        for (w, occupation) in ready {
            let plan = TrainingPlan {
                months: self.spec.course_months,
                occupation: Some(occupation),
                skill_gain: self.spec.skill_gain as f32,
            };
            self.referred.remove(&w);
            if ctx.start_training(w, plan) {
                self.trainees.insert(w, t);
            }
        }
        self.tally.entries += month.entered.len() as u64;
        self.tally.entries_50_plus += month.entries_50_plus;
        self.tally.entered.extend(month.entered);
        self.tally.passed_over.extend(month.passed_over);
    }

    fn on_month_end(&mut self, eco: &Economy, params: &Params, _record: &MonthRecord) {
        let s = &self.spec;
        let allowance =
            crate::retraining::training_allowance(eco, params, self.trainees.keys().copied());
        let clients = self.caseload.clients.len() as u64;
        let trainees = self.trainees.len() as u64;
        let running = self.active(eco.month) || clients > 0;
        let participants = clients + trainees;
        self.month = PolicyMonth {
            placements: self.placements,
            referrals: self.referrals,
            items: vec![
                (
                    CASEWORKERS,
                    if running {
                        f64::from(s.caseworkers) * s.cost_per_caseworker_month
                    } else {
                        0.0
                    },
                ),
                (
                    PARTICIPANT_COSTS,
                    clients as f64 * s.cost_per_participant_month,
                ),
                (COURSE_COSTS, trainees as f64 * s.course_cost_per_month),
                (ALLOWANCE, allowance),
            ],
            ..self.tally.close(participants)
        };
        self.placements = 0;
        self.referrals = 0;
    }
}

impl Intervention for TransformationCouncil {
    fn report(&mut self) -> PolicyMonth {
        std::mem::take(&mut self.month)
    }
}

// --- The kind: its scenario table (`[[policies.transformation_council]]`) and its registration ------------

use wandel_format::reader::{Range, Reader, Table};

use crate::kind::{Common, KindSpec, PolicyKind, ReadContext};
use wandel_format::origin_of;

use crate::caseload::{CaseloadDefaults, read_caseload};

/// `[[policies.transformation_council]]`.
pub struct Kind;

/// The kind, as registered (`registry.rs`).
pub static KIND: Kind = Kind;

impl PolicyKind for Kind {
    fn name(&self) -> &'static str {
        "transformation_council"
    }
    fn label(&self) -> &'static str {
        "Transformation council"
    }
    fn read(
        &self,
        rd: &mut Reader<'_>,
        t: &mut Table<'_>,
        common: &Common,
        _cx: &ReadContext<'_>,
    ) -> Option<Box<dyn KindSpec>> {
        read_transformation_council(rd, t, common).map(|s| Box::new(s) as Box<dyn KindSpec>)
    }
}

impl KindSpec for TransformationCouncilSpec {
    fn common(&self) -> &Common {
        &self.common
    }
    fn build(&self) -> Box<dyn crate::Intervention> {
        Box::new(TransformationCouncil::new(self.clone()))
    }
}

/// Reads the keys of `[[policies.transformation_council]]` after the common ones.
fn read_transformation_council(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    common: &Common,
) -> Option<TransformationCouncilSpec> {
    let path = t.path.clone();
    if common.capacity.is_some() {
        let origin = origin_of(t, t.node_get("capacity"));
        rd.error(
            origin,
            &format!("{path}.capacity"),
            "a transformation council's capacity is caseworkers × cases_per_caseworker: set those instead",
        );
    }
    let caseworkers = rd.integer(t, "caseworkers", Some(10), 1, 100_000) as u32;
    let cases = rd.number(
        t,
        "cases_per_caseworker",
        Some(40.0),
        Range::Between(1.0, 1000.0),
    );
    let capacity = (f64::from(caseworkers) * cases).floor() as u64;
    let caseload = read_caseload(
        rd,
        t,
        common,
        Some(capacity),
        &CaseloadDefaults {
            take_up: 0.5,
            intensity: 1.3,
            breadth: 2.0,
            max_months: 12,
            months_after_displacement: None,
            displaced_window: 12,
        },
    );
    let spec = TransformationCouncilSpec {
        common: common.clone(),
        caseload,
        caseworkers,
        cases_per_caseworker: cases,
        referral_ratio: rd.number(t, "referral_ratio", Some(0.5), Range::Between(0.0, 1.0)),
        referral_take_up: rd.number(t, "referral_take_up", Some(0.5), Range::Unit),
        course_months: rd.integer(t, "course_months", Some(6), 1, 36) as u32,
        skill_gain: rd.number(t, "skill_gain", Some(0.10), Range::Between(0.0, 1.0)),
        cost_per_caseworker_month: rd.number(
            t,
            "cost_per_caseworker_month",
            Some(6000.0),
            Range::Between(0.0, 100_000.0),
        ),
        cost_per_participant_month: rd.number(
            t,
            "cost_per_participant_month",
            Some(100.0),
            Range::Between(0.0, 100_000.0),
        ),
        course_cost_per_month: rd.number(
            t,
            "course_cost_per_month",
            Some(1500.0),
            Range::Between(0.0, 100_000.0),
        ),
    };
    common.capacity.is_none().then_some(spec)
}

#[cfg(test)]
mod tests {
    use crate::testing::{entries, item, params, participants, simulate, spec};

    use super::CASEWORKERS;

    #[test]
    fn the_caseload_never_exceeds_caseworkers_times_cases_and_caseworkers_are_paid_monthly() {
        let p = params();
        let s = spec(
            &p,
            "transformation_council",
            "caseworkers = 2\ncases_per_caseworker = 10\ntake_up = 1.0\ncost_per_caseworker_month = 5000.0",
        );
        let (_, run, _) = simulate(&p, &[s]);
        assert!(entries(&run) > 0);
        assert!(participants(&run).iter().all(|&n| n <= 20));
        // Two caseworkers paid in every month the council runs.
        let months = run.reports.len() as f64;
        assert!((item(&run, CASEWORKERS) - 2.0 * 5000.0 * months).abs() < 1e-6);
    }
}
