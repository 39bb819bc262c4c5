//! The phases of one month, one file each, in the order `Simulation::step` calls them.

pub mod adjust;
pub mod creation;
pub mod demography;
pub mod matching_aggregate;
pub mod matching_applications;
pub mod migration;
pub mod moves;
pub mod network;
pub mod separations;
pub mod shocks;
pub mod vacancies;
