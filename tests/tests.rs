//! Wandel's integration tests: one binary, one module per concern.
//!
//! - `accreditation`: certified workers' earnings and employment against the counterfactual,
//!   capacity, pricing, zero capacity.
//! - `calibrate`: `wandel calibrate`: recovery of known parameters with intervals that cover
//!   them, identification warnings, kill and resume, efficient weighting, thread counts,
//!   economy.csv measures, the worked example, bad calibration files.
//! - `calibration`: the calibration table of the shipped scenarios (`docs/calibration.md`).
//! - `dmp_reference`: the DMP special case against its exact steady state.
//! - `hiring_subsidy`: a hiring subsidy's target-group hires and deadweight against the
//!   counterfactual, an unmet wage standard, retention, payments and capacity.
//! - `hooks`: what policies act through: event log, composable levers, hours, training ends,
//!   portable skill, policy streams keyed by name.
//! - `invariants`: every month of the shipped scenarios keeps every invariant and every stock
//!   changes only by recorded flows.
//! - `locality`: a change to one worker leaves unconnected regions bit-identical, in the DMP
//!   case and in the steel closure with every mechanism on.
//! - `policies`: short-time work against its counterfactual (common random numbers), the
//!   neutral cases, the ledger and capacity.
//! - `retraining`: retraining's capacity, costs, reach by age and lock-in against its
//!   counterfactual.
//! - `market`: unemployment responds to search and matching in both matching modes; it settles
//!   at one rate from any initial rate, moves with matching, benefits and separations, and a
//!   closed works' town absorbs the shock.
//! - `crowding`: who gains at whose expense: participants against the economy, for one policy
//!   and a package.
//! - `measures`: full-time equivalents and heads against a recount of the state every month;
//!   trainees on a payroll counted as employed.
//! - `decompose`: `--decompose` of the transition package: parts from arms that share seeds.
//! - `german`: `--lang de`: the report as Chromium renders it has no English text of the
//!   table left and German numbers; every label of a run has its German entry.
//! - `generated`: readers tested by generated input (proptest): mutated scenarios, `--set`,
//!   `extends` chains and sweep files never panic, stay within 1 GB, and locate every problem.
//! - `hardening`: bounded resources for bad input: file sizes, message widths, scenario totals,
//!   threads, sweep plans, output checked before the work.
//! - `export`: `wandel export --xlsx` and `--xlsx` on `run`: the same workbook, bad
//!   directories refused.
//! - `determinism`: same scenario and seed give identical files with 1 and 2 threads.
//! - `scenario_errors`: the catalogue of bad scenarios in `tests/data/bad` and their messages.
//! - `cli`: what `wandel run` writes, and that the shipped scenarios validate.
//! - `report_browser`: the briefing report renders in headless Chromium.
//! - `working_time`: working-time reduction keeps more workers at the same demand; an
//!   investment subsidy grows only the firms that meet its conditions.
//! - `sweep`: `wandel sweep`: thread count, common random numbers across arms, a failing
//!   point, located errors for bad sweep files, output directories that cannot mix.
//! - `tidy`: every Rust file opens with a `//!` header.

mod util;

mod accreditation;
mod calibrate;
mod calibration;
mod cli;
mod composition;
mod councils;
mod crowding;
mod decompose;
mod determinism;
mod dmp_reference;
mod export;
mod generated;
mod german;
mod hardening;
mod hiring_subsidy;
mod hooks;
mod invariants;
mod locality;
mod market;
mod measures;
mod mobility_assistance;
mod policies;
mod report_browser;
mod retraining;
mod scenario_errors;
mod sweep;
mod tidy;
mod working_time;
