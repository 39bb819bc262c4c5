//! Demo: writes synthetic run directories (following `docs/outputs.md`) and draws their charts
//! and report, for looking at the charts without running the simulation.
//!
//! ```text
//! cargo run -p wandel-charts --example demo [OUT_DIR]   # default: wandel-charts-demo in the temp directory
//! ```
//!
//! Variants (subdirectories): `closure` (4 regions, 5 sectors, 20 replications, 6 years, a
//! plant closure and a technology switch), `small` (2 regions, 2 sectors, 2 replications,
//! 24 months), `crowded` (9 regions, 9 sectors, 10 years, events close together: a layout
//! stress test), `quiet` (1 region, 1 replication, nobody displaced).
//! The numbers are invented shapes, not model output.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use wandel_charts::{ChartOptions, draw_all, write_report};

/// A tiny deterministic generator (64-bit LCG), so the demo needs no dependency.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    }
}

struct Variant {
    name: &'static str,
    regions: &'static [&'static str],
    sectors: &'static [&'static str],
    replications: u32,
    months: i32,
    displaced: bool,
    events: &'static [(i32, &'static str, &'static str)],
}

const START: i32 = 2025 * 12;

fn month(t: i32) -> String {
    let m = START + t;
    format!("{:04}-{:02}", m / 12, m % 12 + 1)
}

fn smooth_step(t: f64, at: f64, width: f64) -> f64 {
    1.0 / (1.0 + (-(t - at) / width).exp())
}

fn write_variant(dir: &Path, v: &Variant) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut noise = Noise(42);
    let closure = v
        .events
        .iter()
        .find(|e| e.1 == "closure")
        .map_or(f64::INFINITY, |e| f64::from(e.0));
    let switch = v
        .events
        .iter()
        .find(|e| e.1 == "technology_switch")
        .map_or(f64::INFINITY, |e| f64::from(e.0));

    let mut economy = String::from(
        "month,replication,employed,short_time,unemployed,in_training,out_of_labour_force,retired,\
         labour_force,vacancies,hires,separations,layoffs,retirements,entries,unemployment_rate,\
         long_term_unemployed,mean_wage\n",
    );
    let mut markets = String::from("month,replication,region,sector,measure,value\n");
    for k in 0..v.replications {
        let rep_shift = noise.next() * 0.15;
        let mut ltu_state = vec![0.0; v.regions.len()];
        for t in 0..v.months {
            let tf = f64::from(t);
            let (mut e_all, mut st_all, mut u_all, mut ltu_all) = (0.0, 0.0, 0.0, 0.0);
            for (r, region) in v.regions.iter().enumerate() {
                let size = 60_000.0 / (r as f64 + 1.0);
                let hit = if r == 0 { 1.0 } else { 0.15 };
                let mut region_work = 0.0;
                for (s, sector) in v.sectors.iter().enumerate() {
                    let share = [0.22, 0.18, 0.35, 0.1, 0.15][s % 5];
                    let mut employed = size * share * (1.0 + 0.0006 * tf);
                    if s == 0 {
                        employed -= 9_000.0 * hit * smooth_step(tf, closure, 1.2);
                        employed *= 1.0 - 0.12 * smooth_step(tf, switch, 6.0);
                    } else {
                        employed += 1_200.0 * hit * smooth_step(tf, closure + 14.0, 8.0) * share;
                    }
                    employed *= 1.0 + 0.004 * noise.next();
                    let short_time = if s == 0 {
                        2_500.0
                            * hit
                            * (smooth_step(tf, closure - 8.0, 1.0) - smooth_step(tf, closure, 0.5))
                                .max(0.0)
                    } else {
                        40.0 * share
                    };
                    region_work += employed + short_time;
                    for (measure, value) in [
                        ("employed", employed.round()),
                        ("short_time", short_time.round()),
                        ("vacancies", (size * share * 0.02).round()),
                        ("hires", (size * share * 0.015).round()),
                        ("separations", (size * share * 0.012).round()),
                        ("layoffs", 0.0),
                        ("mean_wage", 3_100.0 + 300.0 * s as f64),
                    ] {
                        writeln!(
                            markets,
                            "{},{k},{region},{sector},{measure},{value}",
                            month(t)
                        )
                        .unwrap();
                    }
                    e_all += employed.round();
                    st_all += short_time.round();
                }
                let base = 0.045 + 0.01 * r as f64 + rep_shift * 0.01;
                let shock = 0.045
                    * hit
                    * smooth_step(tf, closure, 1.0)
                    * (-(tf - closure).max(0.0) / 30.0).exp();
                let rate = (base + shock) * (1.0 + 0.02 * noise.next());
                let unemployed = (rate * region_work / (1.0 - rate)).round();
                ltu_state[r] += (0.35 * unemployed - ltu_state[r]) / 12.0;
                let ltu = ltu_state[r].round();
                for (measure, value) in [
                    ("unemployed", unemployed),
                    ("in_training", (unemployed * 0.08).round()),
                    ("out_of_labour_force", (size * 0.05).round()),
                    ("long_term_unemployed", ltu),
                    ("unemployment_rate", unemployed / (region_work + unemployed)),
                ] {
                    writeln!(markets, "{},{k},{region},all,{measure},{value}", month(t)).unwrap();
                }
                u_all += unemployed;
                ltu_all += ltu;
            }
            let lf = e_all + st_all + u_all;
            writeln!(
                economy,
                "{},{k},{e_all},{st_all},{u_all},0,0,0,{lf},0,0,0,0,0,0,{},{ltu_all},3400",
                month(t),
                u_all / lf
            )
            .unwrap();
        }
    }

    let mut cohorts = String::from(
        "replication,age_group,months_since,n,reemployed,same_sector,other_sector,other_occupation,\
         other_region,unemployed,in_training,out_of_labour_force,earnings_ratio_reemployed,\
         earnings_ratio_all\n",
    );
    let horizon = 48.min(v.months - 1);
    for k in 0..v.replications {
        for (group, tau, ceiling, n0) in [
            ("all", 0.0, 0.0, 0.0),
            ("<30", 4.0, 0.93, 800.0),
            ("30-44", 6.0, 0.9, 1500.0),
            ("45-54", 9.0, 0.82, 1300.0),
            ("55+", 14.0, 0.55, 900.0),
        ] {
            for ms in 0..=horizon {
                let m = f64::from(ms);
                let (n, re) = if group == "all" {
                    let n = 4500.0 * (1.0 - m / 70.0);
                    (n, 0.82 * (1.0 - (-m / 7.0).exp()))
                } else {
                    (n0 * (1.0 - m / 70.0), ceiling * (1.0 - (-m / tau).exp()))
                };
                let re = (re * (1.0 + 0.03 * noise.next())).clamp(0.0, 1.0);
                let n = if v.displaced {
                    (n * (1.0 + 0.05 * noise.next())).round()
                } else {
                    0.0
                };
                let same = re * (0.35 + 0.1 * (-m / 12.0).exp());
                let ratio = 0.84 + 0.09 * (1.0 - (-m / 18.0).exp()) + 0.01 * noise.next();
                let ratio_field = if re > 0.0 {
                    ratio.to_string()
                } else {
                    String::new()
                };
                let training = 0.08 * (-m / 20.0).exp();
                writeln!(
                    cohorts,
                    "{k},{group},{ms},{n},{re},{same},{},{},{},{},{training},{},{ratio_field},{}",
                    re - same,
                    re * 0.3,
                    re * 0.18,
                    (1.0 - re - training - 0.05).max(0.0),
                    0.05,
                    re * ratio
                )
                .unwrap();
            }
        }
    }

    let mut events = String::from("month,kind,label\n");
    for (t, kind, label) in v.events {
        writeln!(events, "{},{kind},{label}", month(*t)).unwrap();
    }
    let manifest = format!(
        r#"{{
  "wandel_version": "0.1.0",
  "scenario_name": "{name}",
  "scenario_file": "scenarios/{name}.toml",
  "scenario_sha256": "3f1c9a0d5b7e2f4a6c8e0b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a",
  "resolved_scenario": "name = \"{name}\"\nstart = \"2025-01\"\nmonths = {months}\n\n[[regions]]\nname = \"Emscher-Lippe\"\n# Source: invented for the demo; a real run cites its sources here.\n\n[closure]\nfirm = \"integrated_works\"\nannounce = \"2026-03\"\nclose = \"2026-09\"\nworkers = 9000  # < 10 000\n",
  "seed": 20250101,
  "replications": {reps},
  "threads": 2,
  "rng": "Xoshiro256++ (rand 0.10)",
  "wall_seconds": 12.5,
  "started_utc": "2026-11-22T16:00:00Z"
}}"#,
        name = v.name,
        months = v.months,
        reps = v.replications
    );
    let summary = format!(
        r#"{{
  "scenario": "{name}", "replications": {reps}, "months": {months},
  "start": "{start}", "end": "{end}",
  "indicators": [
    {{ "name": "peak_unemployment_rate", "unit": "fraction", "mean": 0.0712, "p05": 0.0688, "p95": 0.0741 }},
    {{ "name": "displaced_workers", "unit": "workers", "mean": 9312.4, "p05": 9101, "p95": 9530 }},
    {{ "name": "reemployed_after_12_months", "unit": "fraction", "mean": 0.61, "p05": 0.58, "p95": 0.64 }},
    {{ "name": "reemployed_after_24_months", "unit": "fraction", "mean": 0.74, "p05": 0.71, "p95": 0.77 }},
    {{ "name": "earnings_loss_after_24_months", "unit": "€ per month", "mean": 412.3, "p05": 380.1, "p95": 447.9 }}
  ]
}}"#,
        name = v.name,
        reps = v.replications,
        months = v.months,
        start = month(0),
        end = month(v.months - 1)
    );
    for (file, text) in [
        ("economy.csv", economy),
        ("markets.csv", markets),
        ("cohorts.csv", cohorts),
        ("events.csv", events),
        ("manifest.json", manifest),
        ("summary.json", summary),
    ] {
        std::fs::write(dir.join(file), text)?;
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).map_or_else(
        || std::env::temp_dir().join("wandel-charts-demo"),
        PathBuf::from,
    );
    let variants = [
        Variant {
            name: "closure",
            regions: &["Emscher-Lippe", "Münsterland", "Sauerland", "Ostwestfalen"],
            sectors: &[
                "automotive",
                "metal products",
                "services",
                "construction",
                "public sector",
            ],
            replications: 20,
            months: 72,
            displaced: true,
            events: &[
                (
                    14,
                    "closure_announced",
                    "closure announced: integrated_works",
                ),
                (20, "closure", "works closes"),
                (60, "technology_switch", "combustion engines phased out"),
            ],
        },
        Variant {
            name: "small",
            regions: &["north", "south"],
            sectors: &["cars", "services"],
            replications: 2,
            months: 24,
            displaced: true,
            events: &[(6, "closure_announced", "closure announced: works")],
        },
        Variant {
            name: "crowded",
            regions: &[
                "Emscher-Lippe",
                "Münsterland",
                "Sauerland",
                "Ostwestfalen",
                "Bergisches Land",
                "Niederrhein",
                "Siegerland",
                "Köln/Bonn",
                "Aachen",
            ],
            sectors: &[
                "automotive",
                "metal products",
                "services",
                "construction",
                "public sector",
                "chemicals",
                "logistics",
                "retail",
                "health and social care",
            ],
            replications: 5,
            months: 120,
            displaced: true,
            events: &[
                (
                    14,
                    "closure_announced",
                    "closure announced: integrated_works",
                ),
                (17, "closure_announced", "closure announced: supplier_gmbh"),
                (20, "closure", "works closes"),
                (22, "closure", "supplier closes"),
                (112, "technology_switch", "combustion engines phased out"),
            ],
        },
        Variant {
            name: "quiet",
            regions: &["only_region"],
            sectors: &["cars", "services"],
            replications: 1,
            months: 36,
            displaced: false,
            events: &[],
        },
    ];
    for v in &variants {
        let dir = out.join(v.name);
        write_variant(&dir, v)?;
        let report = draw_all(&dir, &ChartOptions::new())?;
        for f in &report.files {
            println!("{}", f.display());
        }
        for s in &report.skipped {
            println!("skipped {s}");
        }
        println!("{}", write_report(&dir)?.display());
    }
    Ok(())
}
