//! What a policy kind is: the trait each kind implements in its own file ([`PolicyKind`] for
//! the kind, [`KindSpec`] for one validated table of it), the fields every policy table has
//! ([`Common`]), what a kind's reader may look up ([`ReadContext`]), and the figures a kind
//! may report against its counterfactual ([`KindEffects`]).
//!
//! The registry (`registry.rs`) lists the kinds, one line each; everything else (the scenario
//! reader, the runner, the charts, the docs' list) is served from it.

use std::fmt::Debug;

use wandel_engine::Month;
use wandel_engine::measures::MeanCi;
use wandel_engine::params::FirmGroup;
use wandel_format::names::Names;
use wandel_format::reader::{Reader, Table};

use crate::ledger::Fiscal;
use crate::run::PolicyRun;
use crate::target::FirmTarget;
use crate::{Intervention, PolicyMonth};

/// What every `[[policies.KIND]]` table has, read in one place (`read.rs`).
#[derive(Clone, Debug, PartialEq)]
pub struct Common {
    /// The policy's name, unique in a scenario (keys its random streams and output rows).
    pub name: String,
    /// The first month of the policy (the run's first month when the table has none).
    pub start: Month,
    /// The first month without it (None: to the end of the run).
    pub end: Option<Month>,
    /// The firms it reaches.
    pub target: FirmTarget,
    /// The most participants at once (None: no limit).
    pub capacity: Option<u64>,
}

impl Common {
    /// Whether the policy is in force in month `t`.
    pub fn active(&self, t: Month) -> bool {
        t >= self.start && self.end.is_none_or(|e| t < e)
    }
}

/// The names a policy table may use.
pub struct TargetNames<'a> {
    /// Sector names.
    pub sectors: &'a Names,
    /// Region names.
    pub regions: &'a Names,
    /// Firm-group names.
    pub groups: &'a Names,
    /// Occupation names.
    pub occupations: &'a Names,
    /// The firm groups (to check that a target reaches one).
    pub firm_groups: &'a [FirmGroup],
}

/// What a kind's reader may look up besides its table.
pub struct ReadContext<'a> {
    /// The scenario's names.
    pub names: &'a TargetNames<'a>,
    /// The fiscal ledger's parameters (`[fiscal]`).
    pub fiscal: &'a Fiscal,
    /// The run's first month and the first month after it.
    pub run: (Month, Month),
}

/// A policy kind: written as `[[policies.NAME]]`, read, built and labelled by the kind itself.
pub trait PolicyKind: Sync {
    /// The kind as written in scenarios (`short_time_work`).
    fn name(&self) -> &'static str;
    /// The kind in words, for charts and reports ("Short-time work").
    fn label(&self) -> &'static str;
    /// Why the kind takes no `capacity` key (None: it does).
    fn no_capacity(&self) -> Option<&'static str> {
        None
    }
    /// Reads the kind's own keys of table `t`, after the common ones (`common`); every problem
    /// is reported on `rd`. None when a problem leaves no spec to build.
    fn read(
        &self,
        rd: &mut Reader<'_>,
        t: &mut Table<'_>,
        common: &Common,
        cx: &ReadContext<'_>,
    ) -> Option<Box<dyn KindSpec>>;
}

/// One validated `[[policies.KIND]]` table: the kind's parameters.
pub trait KindSpec: Debug + Send + Sync + SpecCopy {
    /// What every policy table has (name, start, end, target, capacity).
    fn common(&self) -> &Common;
    /// A fresh mechanism for one run.
    fn build(&self) -> Box<dyn Intervention>;
    /// The kind's own figures against the run without policies (`summary.json`), from the
    /// policy arm `with` and the counterfactual `without`, replication by replication (None:
    /// the kind has none).
    fn counterfactual_effects(
        &self,
        _with: &[&PolicyRun],
        _without: &[&PolicyRun],
    ) -> Option<KindEffects> {
        None
    }
}

/// Copying a spec and reading its concrete type back, for every [`KindSpec`] that is `Clone`
/// (implemented once, below, so that no kind writes it).
pub trait SpecCopy {
    /// A copy of the spec.
    fn clone_box(&self) -> Box<dyn KindSpec>;
    /// The spec as `Any` (tests and the kind's own code read the concrete type back).
    fn as_any(&self) -> &dyn std::any::Any;
}

impl<T: KindSpec + Clone + 'static> SpecCopy for T {
    fn clone_box(&self) -> Box<dyn KindSpec> {
        Box::new(self.clone())
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// One figure of [`KindEffects`].
#[derive(Clone, Debug, PartialEq)]
pub struct KindFigure {
    /// Key in `summary.json`.
    pub key: &'static str,
    /// Words for the terminal.
    pub label: String,
    /// Unit for the terminal ("%", "€", "workers", "").
    pub unit: &'static str,
    /// Mean over replications with its 95 % interval (None: no value).
    pub value: Option<MeanCi>,
}

/// A kind's own figures against its counterfactual (the hiring subsidy's deadweight and
/// substitution), written to `summary.json` under [`KindEffects::section`].
#[derive(Clone, Debug, PartialEq)]
pub struct KindEffects {
    /// Key of the list in `summary.json` (`hiring_subsidies`).
    pub section: &'static str,
    /// Heading for the terminal ("hiring subsidy NAME").
    pub heading: String,
    /// The policy's name.
    pub policy: String,
    /// The figures, in order.
    pub figures: Vec<KindFigure>,
    /// Parameters shown with them (key, value), after the figures.
    pub settings: Vec<(&'static str, u64)>,
}

/// A policy's count of the workers it reaches, kept the same way by every kind: entries (and
/// of them those aged 50 or more), completions and dropouts, the workers entered and passed
/// over for the follow-up, and the participants of the month before, from which exits follow.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// Workers who entered this month.
    pub entries: u64,
    /// Of them, aged 50 or more.
    pub entries_50_plus: u64,
    /// Exits this month that completed the programme.
    pub completions: u64,
    /// Exits this month that dropped out.
    pub dropouts: u64,
    /// Participants at the end of the month before.
    pub participants_before: u64,
    /// Workers entered this month (followed after entry).
    pub entered: Vec<u32>,
    /// Workers who asked and were turned away this month, in queue order.
    pub passed_over: Vec<u32>,
}

impl Tally {
    /// Counts worker `w` in (`aged_50_plus`: at entry).
    pub fn enter(&mut self, w: u32, aged_50_plus: bool) {
        self.entries += 1;
        self.entries_50_plus += u64::from(aged_50_plus);
        self.entered.push(w);
    }

    /// Closes the month with `participants` at its end: the month's counts (exits are the
    /// participants before plus the entries less the participants now) with everything else
    /// of the [`PolicyMonth`] empty, and a fresh count for the next month.
    pub fn close(&mut self, participants: u64) -> PolicyMonth {
        let month = PolicyMonth {
            participants,
            entries: self.entries,
            exits: (self.participants_before + self.entries).saturating_sub(participants),
            completions: self.completions,
            dropouts: self.dropouts,
            entries_50_plus: self.entries_50_plus,
            entered: std::mem::take(&mut self.entered),
            passed_over: std::mem::take(&mut self.passed_over),
            ..PolicyMonth::default()
        };
        *self = Tally {
            participants_before: participants,
            ..Tally::default()
        };
        month
    }
}
