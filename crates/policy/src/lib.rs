//! Wandel's interventions, written on the engine's [`wandel_engine::Policy`] hooks, and the
//! fiscal ledger that prices them.
//!
//! # How a policy kind is written
//!
//! A policy kind is one file in this crate plus one line in [`registry::KINDS`]
//! (`short_time_work.rs` is the model). The file holds
//!
//! - a **spec** (`ShortTimeWorkSpec`): the validated parameters of one `[[policies.KIND]]`
//!   table, implementing [`KindSpec`];
//! - the **kind** (`pub static KIND`), implementing [`PolicyKind`]: its name as written, its
//!   label, and its table reader on the located reader (`wandel-format`), which reports
//!   every bad key with file, line and column; the keys every policy has (name, start, end,
//!   target, capacity) are read once for all kinds ([`Common`]);
//! - a **mechanism**: a struct implementing the engine's [`Policy`] hooks, acting only through
//!   [`PolicyCtx`] (which keeps every invariant), with its own random streams keyed by its name;
//! - an [`Intervention`]: each month it reports its participants, entries, exits and its
//!   ledger items ([`PolicyMonth`]), which [`PolicyRun`] writes to `policies.csv` and
//!   `ledger.csv`; a kind with figures of its own against the counterfactual (the hiring
//!   subsidy's deadweight) reports them through [`KindSpec::counterfactual_effects`].
//!
//! Then a scenario table in `docs/scenario-reference.md`, the mechanism in
//! `docs/policies.md`, a scenario in `scenarios/policies/`, and tests (`CONTRIBUTING.md`).

#![deny(missing_docs)]

pub mod accreditation;
pub mod caseload;
pub mod conditional_investment;
pub mod demand;
pub mod followup;
pub mod hiring_subsidy;
pub mod job_security_council;
pub mod kind;
pub mod ledger;
pub mod mobility_assistance;
pub mod queue;
mod read;
pub mod registry;
pub mod retraining;
pub mod run;
pub mod short_time_work;
pub mod target;
#[cfg(test)]
mod testing;
pub mod transformation_council;
pub mod working_time_reduction;

pub use accreditation::{Accreditation, AccreditationSpec};
pub use caseload::CaseloadSpec;
pub use conditional_investment::{ConditionalInvestment, ConditionalInvestmentSpec};
pub use followup::{FollowCell, FollowUp, Followed};
pub use hiring_subsidy::{HiringSubsidy, HiringSubsidySpec, HiringTally, TargetGroup};
pub use job_security_council::{JobSecurityCouncil, JobSecurityCouncilSpec};
pub use kind::{
    Common, KindEffects, KindFigure, KindSpec, PolicyKind, ReadContext, Tally, TargetNames,
};
pub use ledger::{Fiscal, LedgerEntry};
pub use registry::{KINDS, PolicySpec, policy_label, read_policies};
pub use retraining::{Eligible, Retraining, RetrainingKind, RetrainingSpec};
pub use run::PolicyRun;
pub use short_time_work::{ShortTimeWork, ShortTimeWorkSpec};
pub use target::{Conditions, FirmTarget};
pub use transformation_council::{TransformationCouncil, TransformationCouncilSpec};
pub use wandel_engine::policy::{
    DisplacementCtx, ExcessCtx, ExcessLabour, MatchingCtx, Policy, PolicyCtx, StartCtx,
};
pub use working_time_reduction::{Payer, WorkingTimeReduction, WorkingTimeReductionSpec};

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
    /// The month just ended (called after [`Policy::on_month_end`]).
    fn report(&mut self) -> PolicyMonth;
    /// The mechanism as `Any`, for its own kind's code to read it back (None: nothing to
    /// read).
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        None
    }
    /// What the run without policies should carry to observe this policy's effects there
    /// (the hiring subsidy watches the workers it subsidised), built at the end of the policy
    /// arm's replication (None: nothing).
    fn counterfactual_observer(&self) -> Option<Box<dyn Intervention>> {
        None
    }
}
