//! Wandel's engine: worker and firm agents stepped month by month through labour-market
//! transitions: plant closures, demand shifts, technology switches and their supply-chain
//! knock-on, with search and matching across occupations and regions.
//!
//! # Brief overview
//!
//! [`Params`] holds a validated scenario (built by the `wandel-scenario` crate, or by presets such
//! as [`Params::dmp_case`]). [`Simulation`] owns one replication's [`Economy`] (workers and firms as
//! struct-of-arrays) and steps it with [`Simulation::step`], which returns a [`MonthRecord`].
//! Interventions implement [`Policy`]; `()` is the empty policy.
//!
//! ```
//! use wandel_engine::{Params, Simulation};
//! let params = Params::dmp_case(10_000, 24, 7);
//! let out = Simulation::new(&params, 0).run(&mut (), &mut |_, _| {});
//! assert_eq!(out.months.len(), 24);
//! let last = &out.months[23];
//! assert_eq!(last.employed + last.unemployed, 10_000);
//! ```
//!
//! # Design decisions
//!
//! - **Cost follows flows.** Separations are drawn as geometric gaps along payrolls, retirement
//!   visits one birth cohort, long-term unemployment and tenure caps are scheduled checks, and
//!   wage sums are exact running sums; so a month costs in proportion to hires, separations and
//!   events, not to the number of workers.
//! - **Determinism.** Every draw comes from a Xoshiro256++ stream keyed by (seed, replication,
//!   month, phase, entity) (`rng.rs`); a replication runs on one thread; results do not depend
//!   on thread count.
//! - **The engine cannot fail.** Inputs are validated before they become [`Params`]; the step
//!   returns no `Result`. [`invariants::check`] recounts everything for tests.

#![deny(missing_docs)]

pub mod ages;
pub(crate) mod batch;
pub mod benefits;
pub(crate) mod books;
pub mod calendar;
pub mod cohorts;
pub mod controls;
pub mod events;
pub mod hugepages;
pub mod indicators;
pub mod init;
pub mod invariants;
pub mod levers;
pub mod measures;
pub mod notice;
pub mod params;
pub mod path;
pub mod payroll;
pub mod phases;
pub mod policy;
pub mod pool;
pub mod prefetch;
pub mod record;
pub mod reference;
pub mod rng;
pub mod sim;
pub mod state;
pub mod status;
pub mod targets;
pub mod wagebook;

pub use calendar::Month;
pub use cohorts::{AGE_GROUPS, CohortCell, Cohorts};
pub use params::{MatchingMode, Params};
pub use path::Path;
pub use policy::{
    DisplacementCtx, ExcessCtx, ExcessLabour, MatchingCtx, Policy, PolicyCtx, StartCtx,
};
pub use record::{CellRecord, MonthRecord, RegionRecord};
pub use sim::{RunOutput, Simulation, run};
pub use state::{Cause, Economy, Status, TrainingPlan};
