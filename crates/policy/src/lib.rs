//! Wandel's interventions, written on the engine's [`wandel_engine::Policy`] hooks.
//!
//! This crate starts thin: the empty policy is the engine's `()`, and a list of policies is
//! `Vec<Box<dyn Policy>>`, both defined by the engine. The policy issue adds transformation and
//! job security councils, short-time work, subsidies, retraining and the fiscal ledger here.

#![deny(missing_docs)]

pub use wandel_engine::policy::{ExcessLabour, Policy, PolicyCtx};

/// The policies of a scenario, called in the order listed.
pub type PolicySet = Vec<Box<dyn Policy>>;

/// An empty policy set (the no-policy baseline).
pub fn none() -> PolicySet {
    Vec::new()
}
