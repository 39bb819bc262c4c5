//! The registry of policy kinds, one line per kind, and what is served from it: reading a
//! scenario's `[policies]` section ([`read_policies`]), the validated [`PolicySpec`]s, and the
//! kinds' names and labels for the runner, the charts and the docs.
//!
//! The order of [`KINDS`] is the order in which a scenario's policies are read and called
//! (all tables of the first kind, then of the second, …): a new kind goes at the end, so
//! results of existing scenarios do not change.

use std::fmt;

use wandel_engine::Month;
use wandel_format::reader::{Reader, Table};
use wandel_format::source::Origin;

use crate::Intervention;
use crate::kind::{Common, KindSpec, PolicyKind, ReadContext};
use crate::read::{no_capacity, read_common};

/// Every policy kind, in the order scenarios' policies are read and called.
pub static KINDS: &[&dyn PolicyKind] = &[
    &crate::short_time_work::KIND,
    &crate::retraining::KIND,
    &crate::transformation_council::KIND,
    &crate::job_security_council::KIND,
    &crate::accreditation::KIND,
    &crate::hiring_subsidy::KIND,
    &crate::conditional_investment::KIND,
    &crate::working_time_reduction::KIND,
    &crate::mobility_assistance::KIND,
];

/// The kind written `name` (`short_time_work`), if there is one.
pub fn kind(name: &str) -> Option<&'static dyn PolicyKind> {
    KINDS.iter().copied().find(|k| k.name() == name)
}

/// "Job security council (steel_jsc)": a policy's kind in words, with its name (an unknown
/// kind is shown as written).
pub fn policy_label(kind_name: &str, name: &str) -> String {
    match kind(kind_name) {
        Some(k) => format!("{} ({name})", k.label()),
        None => format!("{kind_name} ({name})"),
    }
}

/// A validated policy of a scenario, one per `[[policies.KIND]]` table.
pub struct PolicySpec {
    kind: &'static dyn PolicyKind,
    spec: Box<dyn KindSpec>,
}

impl Clone for PolicySpec {
    fn clone(&self) -> PolicySpec {
        PolicySpec {
            kind: self.kind,
            spec: self.spec.clone_box(),
        }
    }
}

impl fmt::Debug for PolicySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PolicySpec")
            .field("kind", &self.kind.name())
            .field("spec", &self.spec)
            .finish()
    }
}

impl PolicySpec {
    /// A policy of kind `kind` (for tests and tools that build scenarios in code).
    pub fn new(kind: &'static dyn PolicyKind, spec: Box<dyn KindSpec>) -> Self {
        PolicySpec { kind, spec }
    }
    /// The policy's name (unique in a scenario).
    pub fn name(&self) -> &str {
        &self.spec.common().name
    }
    /// The policy's first month.
    pub fn start(&self) -> Month {
        self.spec.common().start
    }
    /// The policy's first month without it (None: to the end of the run).
    pub fn end(&self) -> Option<Month> {
        self.spec.common().end
    }
    /// What every policy table has.
    pub fn common(&self) -> &Common {
        self.spec.common()
    }
    /// The policy's kind.
    pub fn kind(&self) -> &'static dyn PolicyKind {
        self.kind
    }
    /// The kind's parameters.
    pub fn spec(&self) -> &dyn KindSpec {
        self.spec.as_ref()
    }
    /// The kind's parameters as their concrete type, when they are a `T`.
    pub fn downcast<T: 'static>(&self) -> Option<&T> {
        self.spec.as_any().downcast_ref()
    }
    /// A fresh mechanism for one run.
    pub fn build(&self) -> Box<dyn Intervention> {
        self.spec.build()
    }
}

/// Reads `[policies]`: every `[[policies.KIND]]` table of every registered kind, with every
/// problem reported on `rd`.
pub fn read_policies(
    rd: &mut Reader<'_>,
    top: &mut Table<'_>,
    cx: &ReadContext<'_>,
) -> Vec<PolicySpec> {
    let mut policies = rd.table(top, "policies");
    let mut specs = Vec::new();
    let mut seen: Vec<(String, Origin)> = Vec::new();
    for &kind in KINDS {
        for mut t in rd.tables(&mut policies, kind.name()) {
            let (common, ok) = read_common(rd, &mut t, cx, &mut seen);
            if let Some(why) = kind.no_capacity() {
                no_capacity(rd, &t, &common, why);
            }
            let spec = kind.read(rd, &mut t, &common, cx);
            if let (true, Some(spec)) = (ok, spec) {
                specs.push(PolicySpec { kind, spec });
            }
            rd.finish(t);
        }
    }
    rd.finish(policies);
    specs
}
