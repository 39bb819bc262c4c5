//! Test fixtures of the policy crate: a small economy of two regions within reach of each
//! other, whose first region loses three of its ten firms to a closure, and policies built
//! from a few lines of their scenario table (read by the kind's own reader), so that each
//! kind's rules are checked on a run of a few seconds.

use wandel_engine::params::{Closure, DmpCase, MatchingMode, Params, dmp};
use wandel_engine::path::Path;
use wandel_engine::{MonthRecord, Simulation};
use wandel_format::names::Names;
use wandel_format::reader::{Reader, Table};
use wandel_format::source::{SourceFile, Sources};

use crate::kind::{ReadContext, TargetNames};
use crate::ledger::Fiscal;
use crate::registry::{PolicySpec, read_policies};
use crate::run::PolicyRun;

/// Two regions of ten firms of 95 jobs and 1,000 workers each, accessible from each other at
/// 0.5, applications matching, 18 months; three firms of the first region announce their
/// closure in month 2 and close in month 4. Monthly separations 2 %.
pub(crate) fn params() -> Params {
    let mut p = dmp(DmpCase {
        n_workers: 2000,
        n_segments: 2,
        n_firms: 20,
        target: 95,
        separation: 0.02,
        efficiency: 0.3,
        elasticity: 0.5,
        months: 18,
        seed: 11,
    });
    p.accessibility = vec![1.0, 0.5, 0.5, 1.0];
    p.matching.mode = MatchingMode::Applications;
    p.matching.applications_per_month = 2.0;
    p.matching.screening_per_vacancy = 4.0;
    p.matching.suitability = 0.5;
    p.event_log = true;
    p.closures.push(Closure {
        group: 0,
        share: 0.3,
        announced: p.start.plus(2),
        closes: p.start.plus(4),
    });
    p
}

/// [`params`] with a demand dip instead of the closure: demand falls to 0.7 in month 3 and is
/// back at 1 in month 9, so firms have more staff than they need for a while.
pub(crate) fn dip() -> Params {
    let mut p = params();
    p.closures.clear();
    let t = p.start;
    p.sectors[0].demand = Path::new(vec![
        (t, 1.0),
        (t.plus(2), 1.0),
        (t.plus(3), 0.7),
        (t.plus(8), 0.7),
        (t.plus(9), 1.0),
    ])
    .expect("a valid path");
    p
}

/// The policy of kind `kind` with table lines `lines` (besides `name = "p"`), read by the
/// kind's reader; panics with the diagnostics when the table is invalid.
pub(crate) fn spec(p: &Params, kind: &str, lines: &str) -> PolicySpec {
    let text = format!(
        "[[policies.{kind}]]\nname = \"p\"\nstart = \"{}\"\n{lines}\n",
        p.start
    );
    let mut sources = Sources::default();
    sources
        .files
        .push(SourceFile::new("test.toml".into(), text));
    let root = wandel_format::parse(&sources, 0).expect("valid TOML");
    let sectors: Vec<String> = p.sectors.iter().map(|s| s.name.clone()).collect();
    let groups: Vec<String> = p.firm_groups.iter().map(|g| g.name.clone()).collect();
    let (sectors, regions) = (
        Names::new("sector", "sectors", &sectors),
        Names::new("region", "regions", &p.regions),
    );
    let (groups, occupations) = (
        Names::new("firm group", "firms", &groups),
        Names::new("occupation", "occupations", &p.occupations),
    );
    let names = TargetNames {
        sectors: &sectors,
        regions: &regions,
        groups: &groups,
        occupations: &occupations,
        firm_groups: &p.firm_groups,
    };
    let fiscal = Fiscal::default();
    let cx = ReadContext {
        names: &names,
        fiscal: &fiscal,
        run: (p.start, p.start.plus(p.months as i32)),
    };
    let mut rd = Reader::new(&sources);
    let mut top = Table::new(Some(&root), String::new());
    let mut specs = read_policies(&mut rd, &mut top, &cx);
    rd.finish(top);
    assert!(rd.diagnostics.is_empty(), "{:?}", rd.diagnostics);
    specs.remove(0)
}

/// A run of `p` with `specs` (replication 0), every invariant recounted each month.
pub(crate) fn simulate<'p>(
    p: &'p Params,
    specs: &[PolicySpec],
) -> (Vec<MonthRecord>, PolicyRun, Simulation<'p>) {
    let mut policies = PolicyRun::new(specs, &Fiscal::default());
    let mut sim = Simulation::new(p, 0);
    let mut months = Vec::new();
    while !sim.finished() {
        let r = sim.step(&mut policies);
        wandel_engine::invariants::check(sim.economy())
            .unwrap_or_else(|e| panic!("{}: {e}", r.month));
        months.push(r);
    }
    (months, policies, sim)
}

/// The sum over the run of ledger item `item` of the run's policies, €.
pub(crate) fn item(run: &PolicyRun, item: &str) -> f64 {
    run.reports
        .iter()
        .flat_map(|r| r.month_report.items.iter())
        .filter(|i| i.0 == item)
        .map(|i| i.1)
        .sum()
}

/// Participants at the end of each month.
pub(crate) fn participants(run: &PolicyRun) -> Vec<u64> {
    run.reports
        .iter()
        .map(|r| r.month_report.participants)
        .collect()
}

/// Entries over the run.
pub(crate) fn entries(run: &PolicyRun) -> u64 {
    run.reports.iter().map(|r| r.month_report.entries).sum()
}
