//! From the merged document to validated engine parameters: every key read with its type,
//! unit and range, every name reference resolved, every cross-field rule checked, and every
//! problem collected.
//!
//! Each scenario section is read by its own reader, one module per section (or closely related
//! group of sections) under `crates/scenario/src/sections/`; [`validate`] runs them in order and
//! assembles the engine parameters. The defaults written in the section readers are
//! documented, with sources, in `docs/scenario-reference.md` and `docs/model.md`.

use wandel_engine::params::Params;

use crate::sections::{
    benefits, capacity, demography, firms, fiscal, format, institutions, jobs, matching,
    occupations, regional, regions, sectors, shocks, simulation, wages, workers,
};
use wandel_format::reader::{Reader, Table};
use wandel_format::tree::Node;

pub use crate::sections::capacity::MAX_JOBS;
pub use crate::sections::format::FORMAT;

/// What validation produces besides the engine parameters.
pub struct Validated {
    /// Engine parameters.
    pub params: Params,
    /// Scenario name.
    pub name: String,
    /// Free-text description.
    pub description: String,
    /// Number of replications.
    pub replications: u32,
    /// The policies, in the scenario's order.
    pub policies: Vec<wandel_policy::PolicySpec>,
    /// Fiscal parameters of the ledger.
    pub fiscal: wandel_policy::Fiscal,
    /// Display labels of regions, occupations and sectors.
    pub labels: crate::Labels,
}

/// Validates the whole document.
///
/// Runs the section readers of `crates/scenario/src/sections/` in a fixed order (`format` and
/// `extends`, `[simulation]`, `[matching]`, `[[regions]]`, `[[occupations]]`,
/// `[[accessibility]]`, `[[similarity]]`, `[[sectors]]`, `[[firms]]`, `[workers]`,
/// `[demography]`, `[wages]`, `[institutions]`, `[benefits]`, `[regional]`, `[shocks]`,
/// `[fiscal]`, `[policies]`), reports unknown
/// top-level keys, then, if nothing was wrong, runs the checks across sections
/// (`sections/capacity.rs`) and assembles [`Params`]. Problems are reported in the order the
/// readers run, so the order of the calls below is part of the output.
///
/// Where new keys and sections go:
///
/// - A new key of an existing section goes into that section's reader only (a new
///   `[matching]` key into `sections/matching.rs`), next to the keys it belongs with, and into
///   the typed piece that reader returns.
/// - A new section (e.g. `[benefits]`) gets its own file, `sections/benefits.rs`, with a `//!`
///   header saying what it reads and a `read_benefits(rd, &mut top, …)` that asks for its
///   table with `rd.table`, reads and checks its keys, calls `rd.finish` on the table and
///   returns its typed piece. Declare it in `sections/mod.rs`, call it below after the readers
///   whose names it resolves and before `rd.finish(top)`, and put its piece into [`Params`].
/// - A rule between two sections goes into the reader that runs second (as `[demography]`
///   checks `workers.age_max`); a rule over the whole economy that needs every section valid
///   goes into `sections/capacity.rs`.
///
/// A key is valid exactly where a reader asks for it, so nothing else needs registering.
pub fn validate(rd: &mut Reader<'_>, root: &Node) -> Option<Validated> {
    let mut top = Table::new(Some(root), String::new());
    format::read_format(rd, &mut top, root);
    let sim = simulation::read_simulation(rd, &mut top);
    let run = (sim.start, sim.end);
    let matching = matching::read_matching(rd, &mut top);
    let (regions, region_names, region_labels) = regions::read_regions(rd, &mut top);
    let (occupations, occupation_names, occupation_labels) =
        occupations::read_occupations(rd, &mut top);
    if !capacity::check_places(rd, root, regions.len(), occupations.len()) {
        return None;
    }
    let accessibility = regions::read_accessibility(rd, &mut top, &region_names, regions.len());
    let similarity =
        occupations::read_similarity(rd, &mut top, &occupation_names, occupations.len());
    let (sectors, sector_names, sector_labels) = sectors::read_sectors(rd, &mut top, root, run);
    let (groups, group_names) = firms::read_firms(
        rd,
        &mut top,
        root,
        &sector_names,
        &region_names,
        &occupation_names,
    );
    let population = workers::read_workers(rd, &mut top, root);
    let demography = demography::read_demography(rd, &mut top, root, &population);
    let wages = wages::read_wages(rd, &mut top);
    let institutions = institutions::read_institutions(rd, &mut top);
    let benefits = benefits::read_benefits(rd, &mut top);
    let regional = regional::read_regional(rd, &mut top);
    let jobs = jobs::read_jobs(rd, &mut top);
    let shocks = shocks::read_shocks(
        rd,
        &mut top,
        &group_names,
        &occupation_names,
        &sector_names,
        run,
    );
    let fiscal = fiscal::read_fiscal(rd, &mut top);
    let target_names = wandel_policy::TargetNames {
        sectors: &sector_names,
        regions: &region_names,
        groups: &group_names,
        occupations: &occupation_names,
        firm_groups: &groups,
    };
    let policy_specs = wandel_policy::read_policies(
        rd,
        &mut top,
        &wandel_policy::ReadContext {
            names: &target_names,
            fiscal: &fiscal,
            run,
        },
    );
    rd.finish(top);

    if !rd.diagnostics.is_empty() {
        return None;
    }
    capacity::check_capacity(rd, root, sim.start, &sectors, &groups, &shocks.switches);
    capacity::check_totals(rd, root, (sim.start, &sectors, &groups), &population);
    if !rd.diagnostics.is_empty() {
        return None;
    }
    let params = Params {
        start: sim.start,
        months: sim.months,
        warmup_months: sim.warmup_months,
        seed: sim.seed,
        regions,
        accessibility,
        occupations,
        similarity,
        sectors,
        firm_groups: groups,
        population,
        demography,
        wages,
        matching,
        closures: shocks.closures,
        technology_switches: shocks.switches,
        supply_links: shocks.links,
        cohort_horizon: sim.cohort_horizon,
        works_council_layoff_factor: institutions.works_council_layoff_factor,
        notice_by_tenure: institutions.notice_by_tenure,
        event_log: true,
        benefits,
        regional,
        jobs,
    };
    rd.diagnostics.is_empty().then_some(Validated {
        params,
        name: sim.name,
        description: sim.description,
        replications: sim.replications,
        policies: policy_specs,
        fiscal,
        labels: crate::Labels {
            regions: region_labels,
            occupations: occupation_labels,
            sectors: sector_labels,
        },
    })
}
