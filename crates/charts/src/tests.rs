//! Tests against a synthetic run directory written by hand-readable formulas, following
//! `docs/outputs.md`: 2 regions, 2 sectors, 2 replications, 24 months (2025-01 to 2026-12),
//! cohort rows for three age groups, one event.
//!
//! The expected numbers are worked out by hand from the formulas below (see each test), not with
//! the crate's own aggregation code.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::charts::{self, Built, Curve};
use crate::data::{Band, Month, RunData};
use crate::{ChartError, ChartOptions, draw_all, write_report};

const REGIONS: [&str; 2] = ["north", "south"];
const SECTORS: [&str; 2] = ["cars", "services"];
const MONTHS: i32 = 24;
const START: i32 = 2025 * 12; // 2025-01

/// A fresh, unique, empty directory under the system temp dir.
fn temp_dir(tag: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "wandel-charts-test-{}-{}-{}",
        std::process::id(),
        tag,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

// Firm side, region r, sector s, month t, replication k.
fn employed(r: usize, s: usize, t: i32, k: u32) -> f64 {
    // cars (s = 0) lose 10 workers a month in each region.
    1000.0 * (r + 1) as f64 + 500.0 * s as f64 - 10.0 * f64::from(t) * (1 - s) as f64
        + 4.0 * f64::from(k)
}
fn short_time(_r: usize, s: usize, _t: i32, k: u32) -> f64 {
    20.0 * (1 - s) as f64 + f64::from(k)
}
// Worker side, region r.
fn unemployed(r: usize, t: i32, k: u32) -> f64 {
    100.0 * (r + 1) as f64 + f64::from(t) + 2.0 * f64::from(k)
}
fn long_term(_r: usize, t: i32, _k: u32) -> f64 {
    10.0 + f64::from(t / 2)
}
fn region_rate(r: usize, t: i32, k: u32) -> f64 {
    let work: f64 = (0..2)
        .map(|s| employed(r, s, t, k) + short_time(r, s, t, k))
        .sum();
    unemployed(r, t, k) / (work + unemployed(r, t, k))
}

/// Cohort row: (n, reemployed, same_sector, other_sector, other_region, ratio_reemployed, ratio_all).
fn cohort(group: &str, ms: u32, k: u32) -> (f64, f64, f64, f64, f64, Option<f64>, f64) {
    let ms_f = f64::from(ms);
    let k_f = f64::from(k);
    let (n, re) = match group {
        "all" => (15.0 + 10.0 * k_f, (0.1 * ms_f + 0.03 * k_f).min(1.0)),
        "<25" => (10.0 + 10.0 * k_f, (0.1 * ms_f + 0.05 * k_f + 0.1).min(1.0)),
        // 55-64: nobody left to observe at 6 months in replication 1.
        _ => (
            if ms == 6 && k == 1 { 0.0 } else { 5.0 },
            if ms == 6 && k == 1 { 0.0 } else { 0.05 * ms_f },
        ),
    };
    let ratio = (re > 0.0).then_some(0.8 + 0.02 * ms_f + 0.01 * k_f);
    (
        n,
        re,
        0.6 * re,
        0.4 * re,
        0.25 * re,
        ratio,
        re * ratio.unwrap_or(0.0),
    )
}

struct Fixture {
    regions: usize,
    displaced: bool,
    /// A run with policies: effects.csv, ledger.csv, a counterfactual in the manifest and
    /// effects in summary.json.
    policies: bool,
}

/// effects.csv row values of the fixture: indicator, month t → (effect, scenario mean,
/// counterfactual mean); the 95 % interval is effect ± 5.
fn effect_values(indicator: &str, t: i32) -> (f64, f64, f64) {
    let t = f64::from(t);
    match indicator {
        "employment" => (10.0 * t, 5000.0 + 10.0 * t, 5000.0),
        "unemployment" => (-8.0 * t, 300.0 - 8.0 * t, 300.0),
        "unemployment_rate" => (-0.1 * t, 5.0 - 0.1 * t, 5.0),
        _ => (-2.0 * t, t, 3.0 * t), // cumulative_layoffs
    }
}

/// ledger.csv amounts of the fixture in €, month t (0 = 2025-01), replication k, arm.
/// Scenario: benefit (1 + k) M a month, allowance 0.5 M a month in 2025 only; counterfactual:
/// benefit (2 + k) M. Reimbursed contributions are zero throughout.
fn ledger_rows(t: i32, k: u32, scenario: bool) -> Vec<(&'static str, &'static str, f64)> {
    let k = f64::from(k);
    let benefit = if scenario { 1.0 + k } else { 2.0 + k } * 1e6;
    let allowance = if scenario && t < 12 { 0.5e6 } else { 0.0 };
    let mut rows = vec![("unemployment_benefit", "economy", benefit)];
    if scenario {
        rows.push(("short_time_allowance", "stw", allowance));
        rows.push(("reimbursed_contributions", "stw", 0.0));
    }
    rows.push(("net_cost", "economy", benefit + allowance));
    rows
}

impl Fixture {
    fn standard() -> Fixture {
        Fixture {
            regions: 2,
            displaced: true,
            policies: true,
        }
    }

    fn write(&self, dir: &Path) {
        let month = |t: i32| Month(START + t).to_string();
        let regions = &REGIONS[..self.regions];

        let mut economy = String::from(
            "month,replication,employed,short_time,unemployed,in_training,out_of_labour_force,\
             retired,labour_force,vacancies,hires,separations,layoffs,retirements,entries,\
             unemployment_rate,long_term_unemployed,mean_wage\n",
        );
        let mut markets = String::from("month,replication,region,sector,measure,value\n");
        for t in 0..MONTHS {
            for k in 0..2u32 {
                let (mut e, mut st, mut u, mut ltu) = (0.0, 0.0, 0.0, 0.0);
                for (r, region) in regions.iter().enumerate() {
                    for (s, sector) in SECTORS.iter().enumerate() {
                        let values = [
                            ("employed", employed(r, s, t, k)),
                            ("short_time", short_time(r, s, t, k)),
                            ("vacancies", 30.0),
                            ("hires", 12.0),
                            ("separations", 10.0),
                            ("layoffs", 2.0 * (1 - s) as f64),
                            ("mean_wage", 3000.0 + 100.0 * s as f64),
                        ];
                        for (measure, v) in values {
                            writeln!(markets, "{},{k},{region},{sector},{measure},{v}", month(t))
                                .unwrap();
                        }
                        e += employed(r, s, t, k);
                        st += short_time(r, s, t, k);
                    }
                    let values = [
                        ("unemployed", unemployed(r, t, k)),
                        ("in_training", 5.0),
                        ("out_of_labour_force", 50.0),
                        ("long_term_unemployed", long_term(r, t, k)),
                        ("unemployment_rate", region_rate(r, t, k)),
                    ];
                    for (measure, v) in values {
                        writeln!(markets, "{},{k},{region},all,{measure},{v}", month(t)).unwrap();
                    }
                    u += unemployed(r, t, k);
                    ltu += long_term(r, t, k);
                }
                let n_regions = regions.len() as f64;
                writeln!(
                    economy,
                    "{},{k},{e},{st},{u},{},{},0,{},{},{},{},{},0,0,{},{ltu},3050",
                    month(t),
                    5.0 * n_regions,
                    50.0 * n_regions,
                    e + st + u + 5.0 * n_regions,
                    120.0 * n_regions,
                    48.0 * n_regions,
                    40.0 * n_regions,
                    4.0 * n_regions,
                    u / (e + st + u),
                )
                .unwrap();
            }
        }

        let mut cohorts = String::from(
            "replication,group,months_since,n,reemployed,same_sector,other_sector,\
             other_occupation,other_region,unemployed,in_training,out_of_labour_force,\
             earnings_ratio_reemployed,earnings_ratio_all\n",
        );
        for k in 0..2u32 {
            for group in ["all", "<25", "55-64"] {
                for ms in 0..=6u32 {
                    let (n, re, same, other, region, ratio, ratio_all) = cohort(group, ms, k);
                    let n = if self.displaced { n } else { 0.0 };
                    let ratio = ratio.map(|r| r.to_string()).unwrap_or_default();
                    writeln!(
                        cohorts,
                        "{k},{group},{ms},{n},{re},{same},{other},0.1,{region},{},0,0,{ratio},{ratio_all}",
                        1.0 - re
                    )
                    .unwrap();
                }
            }
        }

        let events = "month,kind,label\n2025-07,closure_announced,closure announced: works\n";
        let manifest = r##"{
  "wandel_version": "0.1.0",
  "scenario_name": "test_closure",
  "scenario_file": "scenarios/test_closure.toml",
  "scenario_sha256": "00ff",
  "resolved_scenario": "name = \"test_closure\"\n# workers <25 & 55-64 \"quoted\"\nseed = 7\n\n[[policies.retraining]]\nname = \"courses\"\n\n[[policies.transformation_council]]\nname = \"council\"\n",
  "seed": 7,
  "replications": 2,
  "threads": 2,
  "rng": "Xoshiro256++ (rand 0.10)",
  "wall_seconds": 1.5,
  "started_utc": "2026-01-01T00:00:00Z",
  "overrides": ["simulation.seed=7"],
  "scenario_sources": [
    { "file": "scenarios/test_closure.toml", "text": "# the closure of the works <b>\nseed = 7\n" },
    { "file": "scenarios/base.toml", "text": "# the base\n" }
  ],
  "labels": { "sectors": { "cars": "Car makers" }, "regions": { "north": "North Rhine" } }COUNTERFACTUAL
}"##;
        let summary = r#"{
  "scenario": "test_closure", "replications": 2, "months": 24,
  "start": "2025-01", "end": "2026-12",
  "indicators": [
    { "name": "peak_unemployment_rate", "unit": "fraction", "mean": 0.0452, "p05": 0.0441, "p95": 0.0463 },
    { "name": "displaced_workers", "unit": "workers", "mean": 1250.6, "p05": 1200, "p95": 1301 },
    { "name": "undefined", "unit": "months", "mean": null, "p05": null, "p95": null }
  ]EFFECTS
}"#;
        let (manifest, summary) = if self.policies {
            (
                manifest.replace("COUNTERFACTUAL", ",\n  \"counterfactual\": \"no-policies\""),
                summary.replace(
                    "EFFECTS",
                    r#",
  "counterfactual": "no-policies",
  "effects": [
    { "name": "job_years", "label": "Job-years gained", "unit": "job-years", "mean": 1234.4,
      "ci95_low": 1000, "ci95_high": 1469, "se_paired": 10, "se_unpaired": 500 },
    { "name": "layoffs", "unit": "workers", "mean": -42, "ci95_low": -50, "ci95_high": -34 },
    { "name": "cost_per_job_year", "unit": "€", "mean": 25000, "ci95_low": 20000, "ci95_high": 40000 }
  ],
  "policies": [
    { "policy": "courses", "kind": "retraining", "entries": 120, "cost": 1, "employer_cost": 0 },
    { "policy": "council", "kind": "transformation_council", "entries": 80, "cost": 1, "employer_cost": 0 }
  ]"#,
                ),
            )
        } else {
            (
                manifest.replace("COUNTERFACTUAL", ""),
                summary.replace("EFFECTS", ""),
            )
        };
        let (manifest, summary) = (manifest.as_str(), summary.as_str());
        for name in [
            "effects.csv",
            "ledger.csv",
            "followup.csv",
            "decomposition.csv",
            "regional_adjustment.csv",
        ] {
            let _ = std::fs::remove_file(dir.join(name));
        }
        if self.policies {
            let mut effects = String::from(
                "month,indicator,unit,effect,ci95_low,ci95_high,scenario,counterfactual\n",
            );
            for indicator in [
                "employment",
                "unemployment",
                "unemployment_rate",
                "cumulative_layoffs",
            ] {
                for t in 0..MONTHS {
                    let (e, a, b) = effect_values(indicator, t);
                    writeln!(
                        effects,
                        "{},{indicator},workers,{e},{},{},{a},{b}",
                        month(t),
                        e - 5.0,
                        e + 5.0
                    )
                    .unwrap();
                }
            }
            let mut ledger = String::from("arm,month,replication,item,policy,amount\n");
            for (arm, scenario) in [("scenario", true), ("no-policies", false)] {
                for t in 0..MONTHS {
                    for k in 0..2u32 {
                        for (item, policy, amount) in ledger_rows(t, k, scenario) {
                            writeln!(ledger, "{arm},{},{k},{item},{policy},{amount}", month(t))
                                .unwrap();
                        }
                    }
                }
            }
            std::fs::write(dir.join("effects.csv"), effects).unwrap();
            std::fs::write(dir.join("ledger.csv"), ledger).unwrap();
            std::fs::write(dir.join("followup.csv"), followup_csv()).unwrap();
            std::fs::write(dir.join("decomposition.csv"), DECOMPOSITION).unwrap();
            std::fs::write(dir.join("regional_adjustment.csv"), REGIONAL).unwrap();
        }
        for (name, text) in [
            ("economy.csv", economy.as_str()),
            ("markets.csv", markets.as_str()),
            ("cohorts.csv", cohorts.as_str()),
            ("events.csv", events),
            ("manifest.json", manifest),
            ("summary.json", summary),
        ] {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
}

/// regional_adjustment.csv of the fixture: a region that lost 1,000 jobs, one, three and five
/// years after the closure (the rows the chart draws) and two years after (one it does not).
const REGIONAL: &str = "months_after_closure,measure,change,ci95_low,ci95_high
12,jobs_here,-1000,-1050,-950
12,commuting_out,400,380,420
12,employed_residents,-600,-640,-560
12,unemployed,450,430,470
12,out_of_labour_force,120,100,140
12,residents,-30,-40,-20
12,unemployment_rate_pp,9.5,9,10
24,jobs_here,-1000,-1050,-950
36,jobs_here,-980,-1030,-930
36,commuting_out,600,580,620
36,employed_residents,-380,-420,-340
36,unemployed,150,130,170
36,out_of_labour_force,90,70,110
36,residents,-140,-160,-120
36,unemployment_rate_pp,3.1,2.8,3.4
60,jobs_here,-970,-1020,-920
60,commuting_out,620,600,640
60,employed_residents,-350,-390,-310
60,unemployed,40,,
60,out_of_labour_force,50,30,70
60,residents,-260,-280,-240
60,unemployment_rate_pp,0.9,0.6,1.2
";

/// decomposition.csv of the fixture: the package gains 100 job-years; `courses` contributes
/// 70 and `council` 50, so the interaction (sum of parts minus package) is +20; `council` has
/// no cost per job-year.
const DECOMPOSITION: &str = "measure,unit,part,mean,ci95_low,ci95_high,verdict
job_years,job-years,package,100,80,120,add up
job_years,job-years,courses,70,60,80,
job_years,job-years,council,50,40,60,
job_years,job-years,interaction,20,-5,45,
cost_per_job_year,€ per job-year,package,25000,20000,40000,—
cost_per_job_year,€ per job-year,courses,30000,,,
cost_per_job_year,€ per job-year,council,,,,
";

/// followup.csv of the fixture: two policies; `courses` has participants (effect −2 pp
/// during the first six months, +3 pp after, interval ±1) and passed-over applicants (effect
/// 0.5 pp), `council` participants only (effect 1 pp, no interval).
fn followup_csv() -> String {
    let mut out = String::from(
        "policy,group,months_since_entry,workers,employed_pct,training_pct,other_occupation_pct,other_region_pct,applications_other_occupation_pct,applications_other_region_pct,counterfactual_employed_pct,effect_pp,ci95_low,ci95_high\n",
    );
    for m in 0..=24u32 {
        let e = if m < 6 { -2.0 } else { 3.0 };
        writeln!(
            out,
            "courses,participants,{m},120,50,10,5,5,,,{},{e},{},{}",
            50.0 - e,
            e - 1.0,
            e + 1.0
        )
        .unwrap();
        writeln!(out, "courses,passed_over,{m},40,50,0,5,5,,,49.5,0.5,0,1").unwrap();
        writeln!(out, "council,participants,{m},80,60,0,5,5,,,59,1,,").unwrap();
        writeln!(out, "council,passed_over,{m},0,,,,,,,,,,").unwrap();
    }
    out
}

#[test]
fn participants_effect_draws_each_policy_with_its_interval_and_the_passed_over() {
    let dir = standard_run("participants-effect");
    let data = RunData::load(&dir).unwrap();
    let Built::Figure(fig) = charts::participants_effect::build(&data).unwrap() else {
        panic!("participants_effect skipped");
    };
    assert_eq!(fig.panels.len(), 2);
    assert!(
        fig.panels[0]
            .title
            .as_ref()
            .unwrap()
            .starts_with("courses: 120 participants")
    );
    let courses = &fig.panels[0].series;
    assert_eq!(courses.len(), 2, "participants and passed over");
    assert_eq!(
        (
            courses[0].points[3].x,
            courses[0].points[3].y,
            courses[0].points[3].band
        ),
        (3.0, -2.0, Some((-3.0, -1.0)))
    );
    assert_eq!(courses[0].points[12].y, 3.0);
    assert!(courses[1].dashed && courses[1].points[0].band.is_none());
    // The council passed nobody over: one series, no interval.
    let council = &fig.panels[1].series;
    assert_eq!(council.len(), 1);
    assert_eq!(
        (council[0].points[5].y, council[0].points[5].band),
        (1.0, None)
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn cost_per_job_year_has_the_package_then_each_policy() {
    let dir = standard_run("cost-per-job-year");
    let data = RunData::load(&dir).unwrap();
    let rows = charts::cost_per_job_year::rows(&data);
    assert_eq!(
        rows,
        [
            (
                "All 2 policies together".to_string(),
                Some((25000.0, Some((20000.0, 40000.0))))
            ),
            ("Retraining (courses)".to_string(), Some((30000.0, None))),
            ("Transformation council (council)".to_string(), None),
        ]
    );
    let Built::Rows(fig) = charts::cost_per_job_year::build(&data).unwrap() else {
        panic!("cost_per_job_year skipped");
    };
    let crate::rows::Entry::Bar(first) = &fig.columns[0].entries[0] else {
        panic!("the package has a bar");
    };
    // € thousand.
    assert_eq!((first.to, first.whisker), (25.0, Some((20.0, 40.0))));
    assert_eq!(
        fig.columns[0].entries[2],
        crate::rows::Entry::Note("gains no job-years".to_string())
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn decomposition_waterfall_steps_from_the_parts_to_the_package() {
    let dir = standard_run("decomposition");
    let data = RunData::load(&dir).unwrap();
    let rows = data.decomposition.as_ref().unwrap().measure("job_years");
    let steps = charts::decomposition::steps(&rows);
    let at = |i: usize| steps[i].1.unwrap();
    assert_eq!(steps.len(), 4);
    assert_eq!(at(0), (0.0, 70.0, Some((60.0, 80.0))));
    assert_eq!(at(1), (70.0, 120.0, Some((110.0, 130.0))));
    // The interaction of +20 takes the sum of the parts (120) down to the package (100).
    assert_eq!(at(2), (120.0, 100.0, Some((75.0, 125.0))));
    assert_eq!(at(3), (0.0, 100.0, Some((80.0, 120.0))));
    assert_eq!(steps[3].0, "package");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_interaction_has_one_sign_in_the_csv_and_the_chart() {
    // decomposition.csv's interaction (sum of parts − package) is written on the chart's bar
    // with the same sign, for every measure drawn.
    let dir = standard_run("interaction_sign");
    let data = RunData::load(&dir).unwrap();
    let Built::Rows(fig) = charts::decomposition::build(&data).unwrap() else {
        panic!("the decomposition is drawn");
    };
    let d = data.decomposition.as_ref().unwrap();
    let row = fig
        .rows
        .iter()
        .position(|r| r.starts_with("Interaction (sum of parts − package)"))
        .expect("an interaction row");
    for (column, measure) in fig
        .columns
        .iter()
        .zip(["job_years", "displaced.reemployed_24m"])
    {
        let csv = d
            .measure(measure)
            .iter()
            .find(|r| r.part == "interaction")
            .and_then(|r| r.mean)
            .unwrap();
        let crate::rows::Entry::Bar(cell) = &column.entries[row] else {
            panic!("{measure}: the interaction is a bar");
        };
        let shown: f64 = cell
            .text
            .replace('−', "-")
            .replace(['+', ','], "")
            .parse()
            .unwrap();
        assert!(
            (shown - csv).abs() < 0.051,
            "{measure}: chart {shown}, CSV {csv}"
        );
    }
    assert!(fig.subtitle.contains("sum of the parts minus the package"));
    std::fs::remove_dir_all(dir).unwrap();
}

fn standard_run(tag: &str) -> PathBuf {
    let dir = temp_dir(tag);
    Fixture::standard().write(&dir);
    dir
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn assert_band(actual: Band, values: [f64; 2]) {
    let (lo, hi) = (values[0].min(values[1]), values[0].max(values[1]));
    let expected = Band {
        mean: (lo + hi) / 2.0,
        p05: lo + 0.05 * (hi - lo),
        p95: lo + 0.95 * (hi - lo),
    };
    assert!(
        close(actual.mean, expected.mean)
            && close(actual.p05, expected.p05)
            && close(actual.p95, expected.p95),
        "{actual:?} != {expected:?}"
    );
}

fn value_at<X: PartialEq + Copy + std::fmt::Debug>(curve: &Curve<X>, x: X) -> f64 {
    curve
        .points
        .iter()
        .find(|(px, _)| *px == x)
        .unwrap_or_else(|| panic!("{} has no point at {x:?}", curve.name))
        .1
}

// ---------------------------------------------------------------------------------------------
// (a) the numbers behind every chart

#[test]
fn employment_index_divides_by_the_first_month() {
    let dir = standard_run("employment-index");
    let data = RunData::load(&dir).unwrap();
    let levels = charts::employment_by_sector::series(&data);
    let index = charts::employment_index::series(&data);
    assert_eq!(index.len(), levels.len());
    for (l, i) in levels.iter().zip(&index) {
        assert_eq!(l.name, i.name);
        assert!(close(i.points[0].1, 100.0));
        for (a, b) in l.points.iter().zip(&i.points) {
            assert!(close(b.1, 100.0 * a.1 / l.points[0].1));
        }
    }
    // cars: 3045 in 2025-01, 2585 in 2026-12.
    assert!(close(
        value_at(&index[0], Month(START + 23)),
        100.0 * 2585.0 / 3045.0
    ));
}

#[test]
fn employment_index_leaves_a_runaway_sector_off_the_scale() {
    use charts::employment_index::{Scale, value_scale};
    let curve = |name: &str, peak: f64| Curve {
        name: name.to_string(),
        points: vec![(Month(START), 100.0), (Month(START + 1), peak)],
    };
    // Peaks close together: everything on the scale.
    let calm = [curve("a", 115.0), curve("b", 100.0), curve("c", 40.0)];
    assert_eq!(
        value_scale(&calm),
        Scale {
            top: None,
            off: Vec::new()
        }
    );
    // One sector grows sixfold from a small base: off, and the axis ends at the next peak.
    let runaway = [curve("a", 115.0), curve("ev", 667.0), curve("c", 0.0)];
    assert_eq!(
        value_scale(&runaway),
        Scale {
            top: Some(115.0),
            off: vec![("ev".to_string(), 667.0)]
        }
    );
    // Two runaways, each more than twice the next: both off.
    let two = [curve("x", 900.0), curve("y", 300.0), curve("a", 110.0)];
    let scale = value_scale(&two);
    assert_eq!(scale.top, Some(110.0));
    assert_eq!(scale.off.len(), 2);
    // A peak of up to 200 is never off the scale, and a lone curve always stays.
    assert_eq!(
        value_scale(&[curve("a", 190.0), curve("b", 60.0)]).top,
        None
    );
    assert_eq!(value_scale(&[curve("ev", 667.0)]).top, None);
    // A curve with no values neither stays on the scale nor pushes another off it.
    let empty = Curve {
        name: "none".to_string(),
        points: Vec::new(),
    };
    assert_eq!(value_scale(&[curve("ev", 667.0), empty]).top, None);
}

#[test]
fn employment_by_sector_sums_regions_and_averages_replications() {
    let dir = standard_run("employment");
    let data = RunData::load(&dir).unwrap();
    let curves = charts::employment_by_sector::series(&data);
    let names: Vec<_> = curves.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["cars", "services"]);
    // cars, 2025-01: replication 0: north 1000 + 20, south 2000 + 20 = 3040;
    // replication 1: north 1004 + 21, south 2004 + 21 = 3050; mean 3045.
    assert!(close(value_at(&curves[0], Month(START)), 3045.0));
    // cars lose 10 a month in each region: 2026-12 (t = 23) is 3045 - 2 * 10 * 23.
    assert!(close(value_at(&curves[0], Month(START + 23)), 2585.0));
    // services: (1500 + 2500) + (1504 + 1 + 2504 + 1) → mean of 4000 and 4010.
    assert!(close(value_at(&curves[1], Month(START + 5)), 4005.0));
    assert_eq!(curves[0].points.len(), MONTHS as usize);
    // Every month against the formulas.
    for t in 0..MONTHS {
        for (s, curve) in curves.iter().enumerate() {
            let expected: f64 = (0..2u32)
                .map(|k| {
                    (0..2)
                        .map(|r| employed(r, s, t, k) + short_time(r, s, t, k))
                        .sum::<f64>()
                })
                .sum::<f64>()
                / 2.0;
            assert!(close(value_at(curve, Month(START + t)), expected));
        }
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn unemployment_rate_and_long_term_share_with_band() {
    let dir = standard_run("unemployment");
    let data = RunData::load(&dir).unwrap();
    let u = charts::unemployment::series(&data).unwrap();
    assert_eq!(u.rate.len(), MONTHS as usize);
    assert_eq!(u.rate[0].0, Month(START));
    // 2025-01: replication 0: U = 300, employed + short-time = 7000 + 40;
    // replication 1: U = 304, employed + short-time = 7016 + 44.
    assert_band(
        u.rate[0].1,
        [300.0 / 7340.0 * 100.0, 304.0 / 7364.0 * 100.0],
    );
    // Long-term unemployed: 10 per region → 20, same denominator.
    assert_band(
        u.long_term[0].1,
        [20.0 / 7340.0 * 100.0, 20.0 / 7364.0 * 100.0],
    );
    // 2025-04 (t = 3): long-term 2 * (10 + 1) = 22; U = 300 + 2 * 3 = 306 / 310;
    // employed 7000 - 60 / 7016 - 60, short-time 40 / 44.
    assert_band(
        u.long_term[3].1,
        [
            22.0 / (6940.0 + 40.0 + 306.0) * 100.0,
            22.0 / (6956.0 + 44.0 + 310.0) * 100.0,
        ],
    );
    assert_band(
        u.rate[3].1,
        [
            306.0 / (6940.0 + 40.0 + 306.0) * 100.0,
            310.0 / (6956.0 + 44.0 + 310.0) * 100.0,
        ],
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn unemployment_by_region_one_series_per_region() {
    let dir = standard_run("regions");
    let data = RunData::load(&dir).unwrap();
    let regions = charts::unemployment_by_region::series(&data);
    let names: Vec<_> = regions.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["north", "south"]);
    // north, 2025-01: 100 / (2500 + 20 + 100) and 102 / (2508 + 22 + 102).
    assert_band(
        regions[0].1[0].1,
        [100.0 / 2620.0 * 100.0, 102.0 / 2632.0 * 100.0],
    );
    // south, 2026-12 (t = 23): U 223 / 225, employed 4500 - 230 / 4508 - 230, short-time 20 / 22.
    assert_eq!(regions[1].1[23].0, Month(START + 23));
    assert_band(
        regions[1].1[23].1,
        [
            223.0 / (4270.0 + 20.0 + 223.0) * 100.0,
            225.0 / (4278.0 + 22.0 + 225.0) * 100.0,
        ],
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn reemployment_by_age_is_weighted_by_n() {
    let dir = standard_run("reemployment");
    let data = RunData::load(&dir).unwrap();
    let curves = charts::reemployment::series(&data).unwrap();
    let names: Vec<_> = curves.iter().map(|c| c.name.as_str()).collect();
    // Documented order, groups absent from the file left out; 55-64 rests on fewer than 30
    // displaced workers pooled over the replications at every month, so it is left out too
    // (`MIN_WORKERS`), as summary.json suppresses such a figure.
    assert_eq!(names, ["<25", "all"]);
    // <25 at 2 months: n 10 with 0.3, n 20 with 0.35 → (3 + 7) / 30.
    assert!(close(value_at(&curves[0], 2), 10.0 / 30.0 * 100.0));
    // all at 4 months: n 15 with 0.4, n 25 with 0.43 → (6 + 10.75) / 40.
    assert!(close(value_at(&curves[1], 4), 16.75 / 40.0 * 100.0));
    assert_eq!(curves[1].points.len(), 7);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn reemployment_destination_shares() {
    let dir = standard_run("destination");
    let data = RunData::load(&dir).unwrap();
    let curves = charts::reemployment_destination::series(&data).unwrap();
    let names: Vec<_> = curves.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["reemployed", "same_sector", "other_sector", "other_region"]
    );
    // all at 3 months: reemployed 0.3 (n 15) and 0.33 (n 25) → (4.5 + 8.25) / 40 = 0.31875.
    let re = 12.75 / 40.0;
    assert!(close(value_at(&curves[0], 3), re * 100.0));
    assert!(close(value_at(&curves[1], 3), 0.6 * re * 100.0));
    assert!(close(value_at(&curves[2], 3), 0.4 * re * 100.0));
    assert!(close(value_at(&curves[3], 3), 0.25 * re * 100.0));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn earnings_ratios_weighted_by_reemployed_and_by_n() {
    let dir = standard_run("earnings");
    let data = RunData::load(&dir).unwrap();
    let curves = charts::earnings::series(&data).unwrap();
    assert_eq!(curves[0].name, "earnings_ratio_reemployed");
    assert_eq!(curves[1].name, "earnings_ratio_all");
    // 0 months: replication 0 has nobody re-employed (empty ratio); replication 1: 0.81.
    assert!(close(value_at(&curves[0], 0), 0.81));
    // 3 months: weights 15 × 0.3 = 4.5 and 25 × 0.33 = 8.25; ratios 0.86 and 0.87.
    let expected = (4.5 * 0.86 + 8.25 * 0.87) / 12.75;
    assert!(close(value_at(&curves[0], 3), expected));
    // earnings_ratio_all at 3 months, weighted by n: 0.3 × 0.86 (n 15), 0.33 × 0.87 (n 25).
    let expected_all = (15.0 * 0.3 * 0.86 + 25.0 * 0.33 * 0.87) / 40.0;
    assert!(close(value_at(&curves[1], 3), expected_all));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn events_become_labelled_markers() {
    let dir = standard_run("events");
    let data = RunData::load(&dir).unwrap();
    let markers = charts::markers(&data);
    assert_eq!(markers.len(), 1);
    assert_eq!(markers[0].label, "closure announced: works");
    assert_eq!(markers[0].x, Month(2025 * 12 + 6).x());
    std::fs::remove_dir_all(dir).unwrap();
}

// ---------------------------------------------------------------------------------------------
// (b) files

fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is not a PNG",
        path.display()
    );
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

const TITLES: [(&str, &str); 13] = [
    ("employment_by_sector", "Employment by sector, workers"),
    (
        "employment_index",
        "Employment by sector, index (first month = 100)",
    ),
    ("unemployment", "Unemployment, % of the labour force"),
    (
        "unemployment_by_region",
        "Unemployment rate by region, % of the labour force",
    ),
    (
        "regional_adjustment",
        "How the region of the closure absorbs the jobs it lost",
    ),
    (
        "reemployment",
        "Re-employment of displaced workers by age, % re-employed",
    ),
    (
        "reemployment_destination",
        "Where displaced workers found jobs, % of displaced workers",
    ),
    (
        "earnings",
        "Earnings after displacement, ratio to earnings before",
    ),
    (
        "policy_effect",
        "With the policies against the counterfactual",
    ),
    (
        "participants_effect",
        "Effect on participants by months since entry",
    ),
    (
        "fiscal",
        "Fiscal effect by item and year, € million: scenario minus counterfactual",
    ),
    (
        "cost_per_job_year",
        "Cost per job-year gained, by policy (€ thousand)",
    ),
    ("decomposition", "What each policy of the package adds"),
];

#[test]
fn draw_all_writes_png_and_svg_for_every_chart() {
    let dir = standard_run("draw");
    let report = draw_all(&dir, &ChartOptions::new()).unwrap();
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(report.files.len(), 2 * TITLES.len());
    for (name, title) in TITLES {
        let png = dir.join("charts").join(format!("{name}.png"));
        let svg = dir.join("charts").join(format!("{name}.svg"));
        assert!(report.files.contains(&png) && report.files.contains(&svg));
        assert!(std::fs::metadata(&png).unwrap().len() > 10_000);
        assert_eq!(png_size(&png), (1600, 1000));
        let text = std::fs::read_to_string(&svg).unwrap();
        assert!(text.starts_with("<svg"), "{name}.svg");
        assert!(text.contains(title), "{name}.svg lacks its title");
        assert!(text.contains("Source: Wandel 0.1.0, scenario test_closure, 2 replications"));
    }
    // No temporary files left behind.
    for entry in std::fs::read_dir(dir.join("charts")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(!name.starts_with('.'), "left over: {name}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn options_select_formats() {
    let dir = standard_run("options");
    let report = draw_all(
        &dir,
        &ChartOptions {
            png: false,
            svg: true,
        },
    )
    .unwrap();
    assert_eq!(report.files.len(), TITLES.len());
    assert!(report.files.iter().all(|f| f.extension().unwrap() == "svg"));
    assert!(!dir.join("charts/unemployment.png").exists());
    assert_eq!(ChartOptions::default(), ChartOptions::new());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn single_region_skips_small_multiples_and_removes_stale_files() {
    let dir = standard_run("one-region");
    draw_all(&dir, &ChartOptions::new()).unwrap();
    assert!(dir.join("charts/unemployment_by_region.png").exists());
    Fixture {
        regions: 1,
        displaced: true,
        policies: true,
    }
    .write(&dir);
    let report = draw_all(&dir, &ChartOptions::new()).unwrap();
    assert_eq!(report.skipped.len(), 1);
    assert!(report.skipped[0].starts_with("unemployment_by_region: only one region"));
    assert!(!dir.join("charts/unemployment_by_region.png").exists());
    assert!(!dir.join("charts/unemployment_by_region.svg").exists());
    assert_eq!(report.files.len(), 2 * (TITLES.len() - 1));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn nobody_displaced_skips_cohort_charts() {
    let dir = temp_dir("nobody");
    Fixture {
        regions: 2,
        displaced: false,
        policies: true,
    }
    .write(&dir);
    let report = draw_all(&dir, &ChartOptions::new()).unwrap();
    let skipped: Vec<_> = report
        .skipped
        .iter()
        .map(|s| s.split(':').next().unwrap())
        .collect();
    assert_eq!(
        skipped,
        ["reemployment", "reemployment_destination", "earnings"]
    );
    assert!(report.skipped[0].contains("no displaced workers in this run"));
    let html = std::fs::read_to_string(write_report(&dir).unwrap()).unwrap();
    assert!(html.contains("no displaced workers in this run"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn draws_with_the_bundled_font_only() {
    // Plotters is built without system fonts; the title must still become pixels.
    let dir = standard_run("font");
    let data = RunData::load(&dir).unwrap();
    let Built::Figure(fig) = charts::unemployment::build(&data).unwrap() else {
        panic!("unemployment chart skipped");
    };
    crate::style::register_font().unwrap();
    let (w, h) = crate::style::CANVAS;
    let mut buffer = vec![0u8; (w * h * 3) as usize];
    {
        use plotters::prelude::*;
        let root = BitMapBackend::with_buffer(&mut buffer, (w, h)).into_drawing_area();
        crate::figure::render(&fig, &root, true).unwrap();
        root.present().unwrap();
    }
    // Dark pixels in the title band (left 800 px, rows 30 to 80).
    let dark = (30..80)
        .flat_map(|y| (40..800).map(move |x| ((y * w + x) * 3) as usize))
        .filter(|&i| buffer[i] < 100 && buffer[i + 1] < 100 && buffer[i + 2] < 100)
        .count();
    assert!(dark > 2000, "title not rendered ({dark} dark pixels)");
    std::fs::remove_dir_all(dir).unwrap();
}

// ---------------------------------------------------------------------------------------------
// (c) report

#[test]
fn report_is_self_contained() {
    let dir = standard_run("report");
    let path = write_report(&dir).unwrap();
    assert_eq!(path, dir.join("report.html"));
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(!html.contains("http://") && !html.contains("https://"));
    for banned in ["src=", "href=", "url(", "<script", "@import", "<link"] {
        assert!(!html.contains(banned), "report contains {banned}");
    }
    assert_eq!(html.matches("<svg").count(), TITLES.len());
    // Headline table from summary.json.
    assert!(html.contains("Peak unemployment rate"));
    assert!(html.contains("4.5&nbsp;%"));
    assert!(html.contains("4.4&nbsp;% to 4.6&nbsp;%"));
    assert!(html.contains("1,251"));
    // Scenario facts from manifest.json.
    assert!(html.contains("<th>Seed</th><td>7</td>"));
    assert!(html.contains("<th>Replications</th><td>2</td>"));
    assert!(html.contains("24 (2025-01 to 2026-12)"));
    // The resolved scenario, escaped.
    assert!(html.contains("# workers &lt;25 &amp; 55-64 &quot;quoted&quot;"));
    // The files as written, comments included, each named; the overrides; the start time.
    assert!(html.contains("# the closure of the works &lt;b&gt;"));
    assert!(html.contains("<code>scenarios/base.toml</code></p>\n<pre># the base"));
    assert!(html.contains("<li><code>simulation.seed=7</code></li>"));
    assert!(html.contains("Run started 2026-01-01T00:00:00Z (UTC)"));
    // The effects table, signed, with the paired and unpaired standard errors.
    assert!(html.contains("<h2>Effects against the counterfactual</h2>"));
    assert!(html.contains("the same scenario without its policies"));
    assert!(html.contains(
        "<td>Job-years gained</td><td>job-years</td><td class=\"num\">+1,234</td>\
         <td class=\"num\">+1,000 to +1,469</td><td class=\"num\">10.0 / 500</td>"
    ));
    assert!(html.contains("<td class=\"num\">−42.0</td><td class=\"num\">−50.0 to −34.0</td>"));
    // Labels replace raw ids in the charts.
    assert!(html.contains("Car makers") && html.contains("North Rhine"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn policy_effect_shows_the_paired_effect_with_its_interval_and_both_arms() {
    let dir = standard_run("policy-effect");
    let data = RunData::load(&dir).unwrap();
    let Built::Figure(fig) = charts::policy_effect::build(&data).unwrap() else {
        panic!("policy_effect skipped");
    };
    assert_eq!(fig.panels.len(), 4);
    assert!(fig.independent_y);
    // Effect on employment at 2025-04 (t = 3): 30 with the interval 25 to 35.
    let pt = fig.panels[0].series[0].points[3];
    assert_eq!(
        (pt.x, pt.y, pt.band),
        (Month(START + 3).x(), 30.0, Some((25.0, 35.0)))
    );
    // Unemployment rate of both arms at t = 10: 4.0 with the policies, 5.0 without.
    let arms = &fig.panels[2].series;
    assert_eq!(arms[0].label, "With the policies");
    assert_eq!((arms[0].points[10].y, arms[1].points[10].y), (4.0, 5.0));
    assert!(arms[1].dashed);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn fiscal_chart_sums_years_averages_replications_and_subtracts_the_counterfactual() {
    let dir = standard_run("fiscal");
    let data = RunData::load(&dir).unwrap();
    let budget = charts::fiscal::series(data.ledger.as_ref().unwrap());
    assert_eq!(budget.against.as_deref(), Some("no-policies"));
    // Benefit: (1 + k) − (2 + k) = −1 M a month, −12 M a year. Allowance: 0.5 M a month in
    // 2025 only. Reimbursed contributions are zero throughout and left out.
    let items: Vec<(&str, &str)> = budget
        .items
        .iter()
        .map(|((item, policy), _)| (item.as_str(), policy.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            ("unemployment_benefit", "economy"),
            ("short_time_allowance", "stw")
        ]
    );
    let close_all = |got: &[(i32, f64)], want: &[(i32, f64)]| {
        assert_eq!(got.len(), want.len(), "{got:?}");
        for (g, w) in got.iter().zip(want) {
            assert!(g.0 == w.0 && close(g.1, w.1), "{got:?} against {want:?}");
        }
    };
    close_all(&budget.items[0].1, &[(2025, -12.0), (2026, -12.0)]);
    close_all(&budget.items[1].1, &[(2025, 6.0), (2026, 0.0)]);
    close_all(&budget.net, &[(2025, -6.0), (2026, -12.0)]);
    assert!(budget.partial.is_empty());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn without_a_counterfactual_the_policy_charts_are_skipped() {
    let dir = temp_dir("no-policies");
    Fixture {
        regions: 2,
        displaced: true,
        policies: false,
    }
    .write(&dir);
    let report = draw_all(&dir, &ChartOptions::new()).unwrap();
    let skipped: Vec<_> = report
        .skipped
        .iter()
        .map(|s| s.split(':').next().unwrap())
        .collect();
    assert_eq!(
        skipped,
        [
            "regional_adjustment",
            "policy_effect",
            "participants_effect",
            "fiscal",
            "cost_per_job_year",
            "decomposition"
        ]
    );
    let html = std::fs::read_to_string(write_report(&dir).unwrap()).unwrap();
    assert!(!html.contains("Effects against the counterfactual"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_named_counterfactual_without_effects_csv_is_an_error() {
    let dir = standard_run("no-effects");
    std::fs::remove_file(dir.join("effects.csv")).unwrap();
    let err = draw_all(&dir, &ChartOptions::new())
        .unwrap_err()
        .to_string();
    assert!(err.contains("effects.csv"), "{err}");
    std::fs::remove_dir_all(dir).unwrap();
}

// ---------------------------------------------------------------------------------------------
// (d) malformed input

/// Rewrites `name` in `dir` with `edit` applied to its text.
fn edit(dir: &Path, name: &str, edit: impl Fn(&str) -> String) {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(&text)).unwrap();
}

fn draw_error(dir: &Path) -> ChartError {
    let err = draw_all(dir, &ChartOptions::new()).expect_err("malformed input accepted");
    // Nothing half-drawn.
    assert!(!dir.join("charts").exists());
    err
}

#[test]
fn missing_column_names_file_and_column() {
    let dir = standard_run("missing-column");
    edit(&dir, "economy.csv", |t| {
        t.replacen(",unemployed,", ",jobless,", 1)
    });
    let err = draw_error(&dir);
    assert!(matches!(&err, ChartError::MissingColumn { column, .. } if column == "unemployed"));
    let msg = err.to_string();
    assert!(
        msg.contains("economy.csv") && msg.contains("`unemployed`"),
        "{msg}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn non_numeric_value_names_file_and_line() {
    let dir = standard_run("bad-number");
    // Data row 5 (line 6) of markets.csv.
    edit(&dir, "markets.csv", |t| {
        let mut lines: Vec<String> = t.lines().map(str::to_string).collect();
        let (head, _) = lines[5].rsplit_once(',').unwrap();
        lines[5] = format!("{head},12x");
        lines.join("\n") + "\n"
    });
    let err = draw_error(&dir);
    let msg = err.to_string();
    assert!(
        matches!(&err, ChartError::BadValue { line: 6, column, .. } if column == "value"),
        "{msg}"
    );
    assert!(
        msg.contains("markets.csv, line 6") && msg.contains("`12x`"),
        "{msg}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bad_cohort_share_names_cohorts_file() {
    let dir = standard_run("bad-cohort");
    // Data row 3 (line 4): `reemployed` left empty.
    edit(&dir, "cohorts.csv", |t| {
        let mut lines: Vec<String> = t.lines().map(str::to_string).collect();
        let mut fields: Vec<&str> = lines[3].split(',').collect();
        fields[4] = "";
        lines[3] = fields.join(",");
        lines.join("\n") + "\n"
    });
    let msg = draw_error(&dir).to_string();
    assert!(
        msg.contains("cohorts.csv, line 4, column `reemployed`"),
        "{msg}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bad_month_and_short_row_and_missing_file() {
    let dir = standard_run("bad-month");
    edit(&dir, "economy.csv", |t| t.replacen("2025-03", "2025-13", 1));
    let msg = draw_error(&dir).to_string();
    assert!(
        msg.contains("economy.csv") && msg.contains("YYYY-MM"),
        "{msg}"
    );

    Fixture::standard().write(&dir);
    edit(&dir, "events.csv", |t| format!("{t}2026-01,closure\n"));
    let err = draw_error(&dir);
    assert!(
        matches!(&err, ChartError::Csv { line: Some(3), .. }),
        "{err}"
    );
    assert!(err.to_string().contains("events.csv"));

    Fixture::standard().write(&dir);
    std::fs::remove_file(dir.join("cohorts.csv")).unwrap();
    let err = draw_error(&dir);
    assert!(matches!(err, ChartError::MissingFile { .. }));
    assert!(err.to_string().contains("cohorts.csv"));

    Fixture::standard().write(&dir);
    edit(&dir, "manifest.json", |t| {
        t.replace("\"seed\": 7", "\"seed\": \"seven\"")
    });
    let msg = draw_error(&dir).to_string();
    assert!(msg.contains("manifest.json"), "{msg}");

    Fixture::standard().write(&dir);
    std::fs::write(dir.join("summary.json"), "{").unwrap();
    let msg = write_report(&dir).unwrap_err().to_string();
    assert!(msg.contains("summary.json"), "{msg}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn empty_files_do_not_panic() {
    let dir = standard_run("empty");
    for name in [
        "economy.csv",
        "markets.csv",
        "cohorts.csv",
        "events.csv",
        "effects.csv",
        "ledger.csv",
        "followup.csv",
        "decomposition.csv",
        "regional_adjustment.csv",
    ] {
        std::fs::write(dir.join(name), "").unwrap();
        let err = draw_all(&dir, &ChartOptions::new()).unwrap_err();
        assert!(err.to_string().contains(name), "{err}");
        Fixture::standard().write(&dir);
    }
    // Headers only: no data, charts skipped or drawn empty, but no panic.
    for name in [
        "economy.csv",
        "markets.csv",
        "cohorts.csv",
        "events.csv",
        "effects.csv",
        "ledger.csv",
        "followup.csv",
        "decomposition.csv",
        "regional_adjustment.csv",
    ] {
        edit(&dir, name, |t| t.lines().next().unwrap().to_string() + "\n");
    }
    let report = draw_all(&dir, &ChartOptions::new()).unwrap();
    // Only the cost per job-year is left: it is drawn from summary.json, not from a CSV file.
    assert_eq!(report.files.len(), 2, "{report:?}");
    assert!(
        report
            .files
            .iter()
            .all(|f| f.file_stem().unwrap() == "cost_per_job_year"),
        "{report:?}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
