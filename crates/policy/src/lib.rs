//! Wandel's interventions, written on the engine's [`wandel_engine::Policy`] hooks, and the
//! fiscal ledger that prices them.
//!
//! # How a policy is written
//!
//! A policy kind is one file in this crate (`short_time_work.rs` is the model):
//!
//! - a **spec** (`ShortTimeWorkSpec`): the validated parameters of one `[[policies.KIND]]`
//!   table, read by the scenario crate (`crates/scenario/src/sections/policies.rs`), which
//!   reports every bad key with file, line and column;
//! - a **mechanism**: a struct implementing the engine's [`Policy`] hooks, acting only through
//!   [`PolicyCtx`] (which keeps every invariant), with its own random streams keyed by its name;
//! - an [`Intervention`]: each month it reports its participants, entries, exits and its
//!   ledger items ([`PolicyMonth`]), which [`PolicyRun`] writes to `policies.csv` and
//!   `ledger.csv`.
//!
//! Add the spec to [`PolicySpec`], its reader to the scenario crate, a scenario table to
//! `docs/scenario-reference.md`, the mechanism to `docs/policies.md`, and tests.

#![deny(missing_docs)]

pub mod accreditation;
pub mod caseload;
pub mod conditional_investment;
pub mod demand;
pub mod followup;
pub mod hiring_subsidy;
pub mod job_security_council;
pub mod ledger;
pub mod queue;
pub mod retraining;
pub mod run;
pub mod short_time_work;
pub mod target;
pub mod transformation_council;
pub mod working_time_reduction;

pub use accreditation::{Accreditation, AccreditationSpec};
pub use caseload::CaseloadSpec;
pub use conditional_investment::{ConditionalInvestment, ConditionalInvestmentSpec};
pub use followup::{FollowCell, FollowUp, Followed};
pub use hiring_subsidy::{HiringSubsidy, HiringSubsidySpec, HiringTally, TargetGroup};
pub use job_security_council::{JobSecurityCouncil, JobSecurityCouncilSpec};
pub use ledger::{Fiscal, LedgerEntry};
pub use retraining::{Eligible, Retraining, RetrainingKind, RetrainingSpec};
pub use run::PolicyRun;
pub use short_time_work::{ShortTimeWork, ShortTimeWorkSpec};
pub use target::{Conditions, FirmTarget};
pub use transformation_council::{TransformationCouncil, TransformationCouncilSpec};
pub use wandel_engine::policy::{ExcessLabour, Policy, PolicyCtx};
pub use working_time_reduction::{Payer, WorkingTimeReduction, WorkingTimeReductionSpec};

use wandel_engine::Month;

/// The policies of a scenario, called in the order listed (engine-level list, without ledger).
pub type PolicySet = Vec<Box<dyn Policy>>;

/// An empty policy set (the no-policy baseline).
pub fn none() -> PolicySet {
    Vec::new()
}

/// One policy's month: its stock of participants at the end of the month, entries and exits
/// during it, and its ledger items (€; costs to the state positive, revenues negative).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PolicyMonth {
    /// Participants at the end of the month (workers).
    pub participants: u64,
    /// Workers who entered during the month.
    pub entries: u64,
    /// Workers who left during the month (participants before + entries − participants now).
    pub exits: u64,
    /// Of the exits, those who completed the programme (training policies; 0 otherwise).
    pub completions: u64,
    /// Of the exits, those who dropped out (training policies; 0 otherwise).
    pub dropouts: u64,
    /// Of the exits, clients placed in a job (councils; 0 otherwise).
    pub placements: u64,
    /// Clients referred to a course this month (transformation council; 0 otherwise).
    pub referrals: u64,
    /// Clients whose support ended this month (job security council; 0 otherwise).
    pub supports_ended: u64,
    /// Of them, in work or education when it ended (as the councils report it).
    pub in_work_or_education: u64,
    /// Of the entries, workers aged 50 or more (whom a worker-level policy reaches; 0 for
    /// firm-level policies).
    pub entries_50_plus: u64,
    /// Firms that took the policy up this month (firm-level policies that firms decide on,
    /// short-time work; 0 otherwise).
    pub firms_entered: u64,
    /// Firms that could have taken it up and chose not to this month (short-time work: layoffs
    /// were cheaper for them; 0 otherwise).
    pub firms_declined: u64,
    /// Ledger items: (item, € for the month).
    pub items: Vec<(&'static str, f64)>,
    /// Costs borne by employers for the month, € (not a state item; reported beside it).
    pub employer_cost: f64,
    /// Worker rows taken in this month (followed after entry; worker-level policies).
    pub entered: Vec<u32>,
    /// Worker rows that asked for a place this month and got none because the policy was
    /// full, in queue order (the follow-up's comparison group takes the first, at most as
    /// many as entered).
    pub passed_over: Vec<u32>,
}

/// A policy that reports its month to the ledger.
pub trait Intervention: Policy {
    /// The policy's kind, as written in the scenario (`short_time_work`).
    fn kind(&self) -> &'static str;
    /// The month just ended (called after [`Policy::on_month_end`]).
    fn report(&mut self) -> PolicyMonth;
    /// What a hiring subsidy saw of the hires (None for other policies).
    fn hiring(&self) -> Option<&HiringTally> {
        None
    }
}

/// A validated policy of a scenario, one per `[[policies.KIND]]` table.
#[derive(Clone, Debug, PartialEq)]
pub enum PolicySpec {
    /// `[[policies.short_time_work]]`.
    ShortTimeWork(ShortTimeWorkSpec),
    /// `[[policies.retraining]]`.
    Retraining(RetrainingSpec),
    /// `[[policies.transformation_council]]`.
    TransformationCouncil(TransformationCouncilSpec),
    /// `[[policies.job_security_council]]`.
    JobSecurityCouncil(JobSecurityCouncilSpec),
    /// `[[policies.accreditation]]`.
    Accreditation(AccreditationSpec),
    /// `[[policies.hiring_subsidy]]`.
    HiringSubsidy(HiringSubsidySpec),
    /// `[[policies.conditional_investment]]`.
    ConditionalInvestment(ConditionalInvestmentSpec),
    /// `[[policies.working_time_reduction]]`.
    WorkingTimeReduction(WorkingTimeReductionSpec),
}

/// The policy kinds a scenario may name, as written (`[[policies.KIND]]`).
pub const KINDS: &[&str] = &[
    "short_time_work",
    "retraining",
    "transformation_council",
    "job_security_council",
    "accreditation",
    "hiring_subsidy",
    "conditional_investment",
    "working_time_reduction",
];

impl PolicySpec {
    /// The policy's name (unique in a scenario).
    pub fn name(&self) -> &str {
        match self {
            PolicySpec::ShortTimeWork(s) => &s.name,
            PolicySpec::Retraining(s) => &s.name,
            PolicySpec::TransformationCouncil(s) => &s.name,
            PolicySpec::JobSecurityCouncil(s) => &s.name,
            PolicySpec::Accreditation(s) => &s.name,
            PolicySpec::HiringSubsidy(s) => &s.name,
            PolicySpec::ConditionalInvestment(s) => &s.name,
            PolicySpec::WorkingTimeReduction(s) => &s.name,
        }
    }
    /// The policy's first month.
    pub fn start(&self) -> Month {
        match self {
            PolicySpec::ShortTimeWork(s) => s.start,
            PolicySpec::Retraining(s) => s.start,
            PolicySpec::TransformationCouncil(s) => s.start,
            PolicySpec::JobSecurityCouncil(s) => s.start,
            PolicySpec::Accreditation(s) => s.start,
            PolicySpec::HiringSubsidy(s) => s.start,
            PolicySpec::ConditionalInvestment(s) => s.start,
            PolicySpec::WorkingTimeReduction(s) => s.start,
        }
    }
    /// The policy's first month without it (None: to the end of the run).
    pub fn end(&self) -> Option<Month> {
        match self {
            PolicySpec::ShortTimeWork(s) => s.end,
            PolicySpec::Retraining(s) => s.end,
            PolicySpec::TransformationCouncil(s) => s.end,
            PolicySpec::JobSecurityCouncil(s) => s.end,
            PolicySpec::Accreditation(s) => s.end,
            PolicySpec::HiringSubsidy(s) => s.end,
            PolicySpec::ConditionalInvestment(s) => s.end,
            PolicySpec::WorkingTimeReduction(s) => s.end,
        }
    }
    /// A fresh mechanism for one run.
    pub fn build(&self) -> Box<dyn Intervention> {
        match self {
            PolicySpec::ShortTimeWork(s) => Box::new(ShortTimeWork::new(s.clone())),
            PolicySpec::Retraining(s) => Box::new(Retraining::new(s.clone())),
            PolicySpec::TransformationCouncil(s) => Box::new(TransformationCouncil::new(s.clone())),
            PolicySpec::JobSecurityCouncil(s) => Box::new(JobSecurityCouncil::new(s.clone())),
            PolicySpec::Accreditation(s) => Box::new(Accreditation::new(s.clone())),
            PolicySpec::HiringSubsidy(s) => Box::new(HiringSubsidy::new(s.clone())),
            PolicySpec::ConditionalInvestment(s) => Box::new(ConditionalInvestment::new(s.clone())),
            PolicySpec::WorkingTimeReduction(s) => Box::new(WorkingTimeReduction::new(s.clone())),
        }
    }
}
