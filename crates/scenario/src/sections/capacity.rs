//! Checks across sections, run once every section has been read without a problem: the firms
//! (`[[firms]]` with their `[[sectors]]` paths and technology switches) must offer jobs at the
//! start, and no firm group may ever need more than [`MAX_JOBS`] workers.

use wandel_engine::Month;
use wandel_engine::params::{FirmGroup, Sector, SizeDist, TechnologySwitch};

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
    let jobs: f64 = groups
        .iter()
        .map(|g| {
            let s = &sectors[g.sector as usize];
            let size = match g.size {
                SizeDist::Fixed(n) => f64::from(n),
                SizeDist::LogNormal { mean, .. } => mean,
            };
            f64::from(g.count) * size * s.demand.at(start) / s.productivity.at(start).max(1e-12)
        })
        .sum();
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
