//! The section readers of the validator: one module per scenario section (or per closely
//! related group of sections), each reading its keys with their types, units and ranges,
//! resolving its name references, checking its own rules, and returning its typed piece of the
//! engine parameters. [`crate::validate::validate`] calls them in a fixed order and assembles
//! [`wandel_engine::Params`].
//!
//! Each reader takes the top-level table and asks for its own section, so the reader is also
//! the schema: a key is valid exactly where a reader asks for it. Problems are collected into
//! the [`Reader`](crate::reader::Reader), in the order the readers run; that order is part of
//! the output users see, so new readers go after the existing ones unless they must run
//! earlier.
//!
//! Shared helpers: `wandel_format::names` (named lists, references to them, pair matrices
//! over them), [`occupations::read_mix`] (occupation mixes, used by firms and technology
//! switches), [`sectors::read_path`] (piecewise-linear paths over months), and
//! `wandel_format::{origin_of, describe, check_in_run}`.

pub(crate) mod benefits;
pub(crate) mod capacity;
pub(crate) mod demography;
pub(crate) mod firms;
pub(crate) mod fiscal;
pub(crate) mod format;
pub(crate) mod institutions;
pub(crate) mod jobs;
pub(crate) mod matching;
pub(crate) mod occupations;
pub(crate) mod regional;
pub(crate) mod regions;
pub(crate) mod sectors;
pub(crate) mod shocks;
pub(crate) mod simulation;
pub(crate) mod wages;
pub(crate) mod workers;
