//! Checks across sections, run once every section has been read without a problem: the firms
//! (`[[firms]]` with their `[[sectors]]` paths and technology switches) must offer jobs at the
//! start, no firm group may ever need more than [`MAX_JOBS`] workers, and the scenario's totals
//! (workers, firms, markets, region pairs) must stay within what memory allows
//! ([`check_totals`]), checked before anything is allocated.

use wandel_engine::Month;
use wandel_engine::params::{FirmGroup, Population, Sector, SizeDist, TechnologySwitch};

use wandel_format::reader::Reader;
use wandel_format::source::Origin;
use wandel_format::tree::{Node, Value};

/// Most jobs a firm group may ever need (a guard against typos, far above any real region).
pub const MAX_JOBS: f64 = 1e8;

/// Reports firms that offer no jobs at `start` (and then stops), or any group that could need
/// more than [`MAX_JOBS`] workers.
pub(crate) fn check_capacity(
    rd: &mut Reader<'_>,
    root: &Node,
    start: Month,
    sectors: &[Sector],
    groups: &[FirmGroup],
    switches: &[TechnologySwitch],
) {
    // The economy needs jobs at the start, or there is nobody to simulate.
    let jobs = jobs_at_start(start, sectors, groups);
    if jobs < 1.0 {
        rd.error(root.get("firms").map_or(root.origin, |n| n.origin), "firms", format!("the firms offer no jobs at the start ({start}): check sizes and the sectors' demand paths"));
        return;
    }
    // A bound on what any group can ever need, so that a typo cannot ask for billions of jobs.
    for (i, g) in groups.iter().enumerate() {
        let s = &sectors[g.sector as usize];
        let max_demand = s.demand.points().iter().map(|p| p.1).fold(0.0, f64::max);
        let min_productivity = s
            .productivity
            .points()
            .iter()
            .map(|p| p.1)
            .fold(f64::INFINITY, f64::min);
        let growth: f64 = switches
            .iter()
            .filter(|sw| sw.group as usize == i)
            .map(|sw| sw.labour_factor.max(1.0))
            .product();
        let size = match g.size {
            SizeDist::Fixed(n) => f64::from(n),
            SizeDist::LogNormal { mean, .. } => mean,
        };
        let peak = f64::from(g.count) * size * max_demand / min_productivity * growth;
        if peak > MAX_JOBS {
            let origin = match root.get("firms").map(|n| &n.value) {
                Some(Value::Array(items)) => items.get(i).map_or(Origin::Nowhere, |n| n.origin),
                _ => Origin::Nowhere,
            };
            rd.error(
                origin,
                &format!("firms.{i}"),
                format!(
                    "this group could need up to {peak:.3e} workers (count × size × highest demand / lowest productivity × technology factors); at most {MAX_JOBS:.0e} are allowed"
                ),
            );
        }
    }
}

/// Most workers a scenario may have at the start, 10^8 (reason: about 120 bytes of state per
/// worker, so 12 GB; Germany at 1:1, 4.5 × 10^7 workers, fits with room).
pub(crate) const MAX_WORKERS: f64 = 1e8;
/// Most firms, 10^7 (reason: about 200 bytes per firm besides its payroll; Germany has about
/// 3.5 million firms).
pub(crate) const MAX_FIRMS: u64 = 10_000_000;
/// Most regions, 5,000 (reason: the accessibility table holds every pair, 8 bytes each, so
/// 200 MB; Germany has about 400 counties and 11,000 municipalities).
pub(crate) const MAX_REGIONS: usize = 5_000;
/// Most occupations, 5,000 (reason: the similarity table holds every pair, 8 bytes each, so
/// 200 MB; the German classification has about 1,300 occupations at its finest level).
pub(crate) const MAX_OCCUPATIONS: usize = 5_000;
/// Most markets (regions × occupations), 10^6 (reason: each market keeps a pool, counters and
/// a search table; 400 counties × 1,300 occupations of the German classification at the
/// five-digit level fit).
pub(crate) const MAX_MARKETS: usize = 1_000_000;

/// Reports a scenario whose totals exceed what memory allows: workers at the start (from
/// `workers.count`, or from the jobs at the start and the initial unemployment rate) and
/// firms, each with its bound.
pub(crate) fn check_totals(
    rd: &mut Reader<'_>,
    root: &Node,
    (start, sectors, groups): (Month, &[Sector], &[FirmGroup]),
    population: &Population,
) {
    let at = |key: &str| root.get(key).map_or(root.origin, |n| n.origin);
    let firms: u64 = groups.iter().map(|g| u64::from(g.count)).sum();
    if firms > MAX_FIRMS {
        rd.error(
            at("firms"),
            "firms",
            format!("the firm groups have {firms} firms in all; at most {MAX_FIRMS} are allowed (about 200 bytes of memory each)"),
        );
    }
    let jobs = jobs_at_start(start, sectors, groups);
    let workers = match population.count {
        Some(n) => f64::from(n),
        None => jobs / (1.0 - population.initial_unemployment).max(1e-6),
    };
    if workers > MAX_WORKERS {
        rd.error(
            at("firms"),
            "firms",
            format!(
                "the scenario would start with about {workers:.3e} workers (the firms' jobs at the start and the initial unemployment rate); at most {MAX_WORKERS:.0e} are allowed (about 120 bytes of memory each)"
            ),
        );
    }
}

/// Reports too many regions or markets (regions × occupations), before the tables over them
/// (accessibility, similarity, markets) are allocated; false when validation must stop.
pub(crate) fn check_places(
    rd: &mut Reader<'_>,
    root: &Node,
    n_regions: usize,
    n_occupations: usize,
) -> bool {
    let at = |key: &str| root.get(key).map_or(root.origin, |n| n.origin);
    let mut ok = true;
    if n_regions > MAX_REGIONS {
        rd.error(
            at("regions"),
            "regions",
            format!("{n_regions} regions; at most {MAX_REGIONS} are allowed (the accessibility table holds every pair)"),
        );
        ok = false;
    }
    if n_occupations > MAX_OCCUPATIONS {
        rd.error(
            at("occupations"),
            "occupations",
            format!("{n_occupations} occupations; at most {MAX_OCCUPATIONS} are allowed (the similarity table holds every pair)"),
        );
        ok = false;
    }
    if n_regions.saturating_mul(n_occupations) > MAX_MARKETS {
        rd.error(
            at("occupations"),
            "occupations",
            format!(
                "{n_regions} regions × {n_occupations} occupations = {} markets; at most {MAX_MARKETS} are allowed",
                n_regions.saturating_mul(n_occupations)
            ),
        );
        ok = false;
    }
    ok
}

/// Jobs the firm groups offer at `start`: count × mean size × the sector's demand over its
/// productivity then.
fn jobs_at_start(start: Month, sectors: &[Sector], groups: &[FirmGroup]) -> f64 {
    groups
        .iter()
        .map(|g| {
            let s = &sectors[g.sector as usize];
            let size = match g.size {
                SizeDist::Fixed(n) => f64::from(n),
                SizeDist::LogNormal { mean, .. } => mean,
            };
            f64::from(g.count) * size * s.demand.at(start) / s.productivity.at(start).max(1e-12)
        })
        .sum()
}
