//! Throughput benchmarks: the DMP reference case at 10^4 to 10^7 workers, the same at 10^6
//! workers with different separation rates (time per month follows the flows), the same flows
//! from ten and a hundred times more workers (not the stock), and the shipped scenarios; the
//! steel scenario scaled to about 10^6 workers without policies, with short-time work for
//! every firm and with every policy kind at once (what policies cost the engine); plus the time to draw the charts of a steel run,
//! and `wandel sweep` of the steel closure (group `sweep`: its overhead against the same runs
//! bare, two threads against one, peak memory for 100 and 1,000 runs). Opt-in, only when named
//! (`cargo bench -- germany`): Germany at 1:1 (`scenarios/national/germany.toml`).
//!
//! Every configuration runs three times, each in its own child process, so the peak resident
//! memory reported (VmHWM) is that configuration's alone; the fastest run is reported, the one
//! least disturbed by other work on a shared machine. Run with `cargo bench`; set `WANDEL_BENCH_QUICK=1`
//! to skip 10^7 workers. Figures for this machine are in `docs/performance.md`.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use wandel_engine::params::{DmpCase, Params, dmp};
use wandel_engine::{MonthRecord, Simulation};
use wandel_policy::PolicyRun;

/// Peak resident memory of this process, MB (Linux; 0 elsewhere).
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Runs one configuration in this process and prints one result line.
fn child(spec: &str) {
    let parts: Vec<&str> = spec.split(':').collect();
    let mut policies: Option<Option<PolicyRun>> = None;
    let (label, params) = match parts[0] {
        "dmp" => {
            let n: u32 = parts[1].parse().expect("workers");
            let s: f64 = parts.get(2).map_or(0.02, |x| x.parse().expect("rate"));
            let case = DmpCase {
                n_workers: n,
                n_segments: 10,
                n_firms: n / 100,
                target: 95,
                separation: s,
                efficiency: 0.3,
                elasticity: 0.5,
                months: 240,
                seed: 1,
            };
            (format!("dmp n={n} s={s}"), dmp(case))
        }
        "scenario" => {
            let sc = wandel_scenario::load(Path::new(parts[1]), &[]).expect("valid scenario");
            (format!("{} (1 replication)", sc.name), sc.params)
        }
        "policy" => {
            // policy:<scenario>:<factor>:<none|empty|stw|all>
            let (label, params, run) = scaled_policy_run(parts[1], parts[2], parts[3]);
            policies = Some(run);
            (label, params)
        }
        other => panic!("unknown bench {other}"),
    };
    let t0 = Instant::now();
    let sim = Simulation::new(&params, 0);
    let init = t0.elapsed().as_secs_f64();
    let mut month_times = Vec::with_capacity(params.months as usize);
    let mut last = Instant::now();
    let t1 = Instant::now();
    let mut flows = 0u64;
    let mut worker_months = 0u64;
    let mut on_month = |_: &wandel_engine::Economy, r: &MonthRecord| {
        let now = Instant::now();
        month_times.push(now.duration_since(last).as_secs_f64());
        last = now;
        flows += r.hires + r.separations + r.layoffs + r.retirements + r.entries;
        worker_months +=
            r.employed + r.short_time + r.unemployed + r.in_training + r.out_of_labour_force;
    };
    let out = match policies {
        Some(Some(mut run)) => sim.run(&mut run, &mut on_month),
        _ => sim.run(&mut (), &mut on_month),
    };
    let run = t1.elapsed().as_secs_f64();
    let months = out.months.len() as f64;
    // Machine-readable for the parent: label, init s, run s, median month s, worker-months/s,
    // s per flow, flows per month, peak MB.
    println!(
        "{label}\t{init}\t{run}\t{}\t{}\t{}\t{}\t{}",
        median(month_times),
        worker_months as f64 / run,
        run / flows.max(1) as f64,
        flows as f64 / months,
        peak_mb()
    );
}

/// The scenario at `path` with every firm group's count multiplied by `factor`, and its
/// policies: `none` (no policy hook at all), `empty` (the ledger without policies, as the
/// counterfactual arm runs), `stw` (short-time work for every firm of every sector, the
/// most a policy of this kind can reach) or `all` (every worker-level policy kind at once:
/// short-time work, two kinds of retraining, both councils, accreditation, a hiring subsidy
/// for the displaced and the long-term unemployed, working-time reduction, a conditional
/// investment subsidy and mobility grants for the displaced: every shipped kind, with the
/// shipped scenarios' capacities scaled with the firms).
fn scaled_policy_run(path: &str, factor: &str, which: &str) -> (String, Params, Option<PolicyRun>) {
    let factor: u32 = factor.parse().expect("factor");
    let base = wandel_scenario::load(Path::new(path), &[]).expect("valid scenario");
    let mut set: Vec<String> = base
        .params
        .firm_groups
        .iter()
        .enumerate()
        .map(|(i, g)| format!("firms.{i}.count={}", g.count * factor))
        .collect();
    let sectors: Vec<String> = base
        .params
        .sectors
        .iter()
        .map(|s| format!("\"{}\"", s.name))
        .collect();
    // A policy table is added by a scenario that extends the original.
    let dir = std::env::temp_dir().join(format!("wandel-bench-policy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("scaled.toml");
    let absolute = std::fs::canonicalize(path).expect("scenario path");
    let mut text = format!(
        "format = 2\nextends = {:?}\n",
        absolute.display().to_string()
    );
    if which == "stw" {
        text.push_str(&format!(
            "\n[[policies.short_time_work]]\nname = \"kurzarbeit\"\nstart = \"{}\"\nsectors = [{}]\n",
            base.params.start,
            sectors.join(", ")
        ));
    }
    // Every worker-level policy the steel scenario ships, at once, scaled with the firms; or
    // the ones named (`all` or policy names joined by `+`, e.g. `steel_hiring_subsidy`), to
    // see what each costs.
    let start = base.params.start;
    let (local, sector, caseworkers, assessments) =
        (600 * factor, 200 * factor, 25 * factor, 400 * factor);
    let tables = [
        (
            "kurzarbeit",
            format!(
                r#"
[[policies.short_time_work]]
name = "kurzarbeit"
start = "{start}"
sectors = ["suppliers"]

"#
            ),
        ),
        (
            "steel_learning",
            format!(
                r#"
[[policies.retraining]]
name = "steel_learning"
kind = "local_union"
start = "{start}"
firms = ["integrated_works"]
capacity = {local}

"#
            ),
        ),
        (
            "sector_courses",
            format!(
                r#"
[[policies.retraining]]
name = "sector_courses"
kind = "neo_corporatist"
start = "{start}"
sectors = ["manufacturing"]
capacity = {sector}

"#
            ),
        ),
        (
            "council",
            format!(
                r#"
[[policies.transformation_council]]
name = "council"
start = "{start}"
firms = ["integrated_works", "steeltown_suppliers"]
caseworkers = {caseworkers}

"#
            ),
        ),
        (
            "steel_jsc",
            format!(
                r#"
[[policies.job_security_council]]
name = "steel_jsc"
start = "{start}"
sectors = ["steel", "suppliers"]

"#
            ),
        ),
        (
            "steel_accreditation",
            format!(
                r#"
[[policies.accreditation]]
name = "steel_accreditation"
start = "{start}"
firms = ["integrated_works"]
capacity = {assessments}

"#
            ),
        ),
        (
            "steel_hiring_subsidy",
            format!(
                r#"
[[policies.hiring_subsidy]]
name = "steel_hiring_subsidy"
start = "{start}"
group = ["displaced", "long_term_unemployed"]
wage_standard = 3200.0

"#
            ),
        ),
        (
            "care_short_week",
            format!(
                r#"
[[policies.working_time_reduction]]
name = "care_short_week"
start = "{start}"
sectors = ["health_care"]
compensation = 0.5

"#
            ),
        ),
        (
            "manufacturing_investment",
            format!(
                r#"
[[policies.conditional_investment]]
name = "manufacturing_investment"
start = "{start}"
sectors = ["manufacturing"]
wage_standard = 3500.0
expansion = 1.1

"#
            ),
        ),
        (
            "mobility_grants",
            format!(
                r#"
[[policies.mobility_assistance]]
name = "mobility_grants"
start = "{start}"
sectors = ["steel", "suppliers"]
"#
            ),
        ),
    ];
    if which != "none" && which != "empty" && which != "stw" {
        let chosen: Vec<&str> = which.split('+').collect();
        for name in &chosen {
            assert!(
                *name == "all" || tables.iter().any(|(n, _)| n == name),
                "unknown policy {name}: all, or + of {:?}",
                tables.iter().map(|(n, _)| *n).collect::<Vec<_>>()
            );
        }
        for (name, table) in &tables {
            if chosen.contains(&"all") || chosen.contains(name) {
                text.push_str(table);
            }
        }
    }
    std::fs::write(&file, text).expect("write scenario");
    set.push("simulation.replications=1".to_string());
    let sc = wandel_scenario::load(&file, &set).expect("valid scaled scenario");
    let _ = std::fs::remove_dir_all(&dir);
    let run = (which != "none").then(|| PolicyRun::new(&sc.policies, &sc.fiscal));
    let firms: u64 = sc
        .params
        .firm_groups
        .iter()
        .map(|g| u64::from(g.count))
        .sum();
    let label = format!("{} ×{factor} ({firms} firms) {which}", base.name);
    (label, sc.params, run)
}

/// Runs a configuration `REPEATS` times, each in a fresh process, and prints the fastest run
/// (the least disturbed on a shared machine) with its peak memory.
fn spawn(spec: &str) {
    const REPEATS: usize = 3;
    let exe = std::env::current_exe().expect("bench binary");
    let mut best: Option<Vec<String>> = None;
    for _ in 0..REPEATS {
        let out = Command::new(&exe)
            .env("WANDEL_BENCH_CHILD", spec)
            .output()
            .expect("child runs");
        if !out.status.success() {
            eprintln!("{spec} failed: {}", String::from_utf8_lossy(&out.stderr));
            return;
        }
        let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let fields: Vec<String> = line.split('\t').map(String::from).collect();
        let run = |f: &Vec<String>| f[2].parse::<f64>().unwrap_or(f64::INFINITY);
        if best.as_ref().is_none_or(|b| run(&fields) < run(b)) {
            best = Some(fields);
        }
    }
    let f = best.expect("at least one run");
    let x = |i: usize| f[i].parse::<f64>().unwrap_or(f64::NAN);
    println!(
        "{:<38} init {:>7.3} s  months {:>7.3} s  month(median) {:>8.3} ms  {:>6.0} M worker-months/s  {:>6.1} ns/flow  flows/month {:>9.0}  peak {:>7.1} MB",
        f[0],
        x(1),
        x(2),
        x(3) * 1e3,
        x(4) / 1e6,
        x(5) * 1e9,
        x(6),
        x(7)
    );
}

fn charts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::temp_dir().join(format!("wandel-bench-charts-{}", std::process::id()));
    let exe = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/release/wandel");
    let status = Command::new(&exe)
        .current_dir(&root)
        .args([
            "run",
            "scenarios/steel_closure.toml",
            "--quiet",
            "--no-charts",
            "--out",
        ])
        .arg(&dir)
        .status();
    if !matches!(status, Ok(s) if s.success()) {
        eprintln!("chart timing skipped: build the binary first (cargo build --release)");
        return;
    }
    let mut times = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        wandel_charts::draw_all(&dir, &wandel_charts::ChartOptions::new()).expect("charts");
        wandel_charts::write_report(&dir).expect("report");
        times.push(t.elapsed().as_secs_f64());
    }
    println!(
        "{:<38} {:>7.3} s (median of 3; the chart set as PNG and SVG, and report.html)",
        "charts of steel_closure (10 reps)",
        median(times)
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// Peak resident memory of the largest child process waited for, MB (Linux).
fn children_peak_mb() -> f64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage fills the struct it is given.
    if unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) } != 0 {
        return 0.0;
    }
    usage.ru_maxrss as f64 / 1024.0
}

/// `wandel sweep` of `runs` replications of the steel closure (one point, one arm) on
/// `threads` threads, in a child process: wall time and the sweep's peak memory.
fn sweep_child(runs: u32, threads: u32) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let exe = root.join("target/release/wandel");
    let dir = std::env::temp_dir().join(format!("wandel-bench-sweep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    let file = dir.join("sweep.toml");
    let base = root.join("scenarios/steel_closure.toml");
    std::fs::write(
        &file,
        format!(
            // One point (the scenario's own run length): `runs` replications of the scenario.
            "base = {:?}\nreplications = {runs}\n[parameters]\n\"simulation.months\" = [120]\n",
            base.display().to_string()
        ),
    )
    .expect("sweep file");
    let t = Instant::now();
    let status = Command::new(&exe)
        .args([
            "sweep",
            file.to_str().expect("path"),
            "--quiet",
            "--threads",
        ])
        .arg(threads.to_string())
        .arg("--out")
        .arg(dir.join("out"))
        .status();
    let wall = t.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&dir);
    if !matches!(status, Ok(s) if s.success()) {
        eprintln!("sweep bench failed (its messages are above; is target/release/wandel built?)");
        return;
    }
    println!(
        "sweep of steel_closure: {runs:>5} runs on {threads} thread{}  {wall:>8.1} s  {:>6.3} s/run  peak {:>7.1} MB",
        if threads == 1 { " " } else { "s" },
        wall / f64::from(runs),
        children_peak_mb()
    );
}

/// The same runs without the sweep machinery: load the scenario once, then run each
/// replication (engine and ledger, as a sweep's arm runs) and compute its summary.
fn bare_runs(runs: u32) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let sc = wandel_scenario::load(&root.join("scenarios/steel_closure.toml"), &[])
        .expect("valid scenario");
    let t = Instant::now();
    for k in 0..runs {
        let mut policies = PolicyRun::new(&sc.policies, &sc.fiscal);
        let out = Simulation::new(&sc.params, k).run(&mut policies, &mut |_, _| {});
        std::hint::black_box(out.months.len());
    }
    let wall = t.elapsed().as_secs_f64();
    println!(
        "bare runs of steel_closure: {runs:>5} runs on 1 thread   {wall:>8.1} s  {:>6.3} s/run",
        wall / f64::from(runs)
    );
}

fn main() {
    if let Ok(spec) = std::env::var("WANDEL_BENCH_CHILD") {
        if let Some(rest) = spec.strip_prefix("sweep:") {
            // sweep:<runs>:<threads>
            let (runs, threads) = rest.split_once(':').expect("sweep:<runs>:<threads>");
            sweep_child(
                runs.parse().expect("runs"),
                threads.parse().expect("threads"),
            );
            return;
        }
        if let Some(runs) = spec.strip_prefix("bare:") {
            bare_runs(runs.parse().expect("runs"));
            return;
        }
        child(&spec);
        return;
    }
    // `cargo bench` passes --bench; a filter argument selects groups by name.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let wanted = |g: &str| filter.is_empty() || filter.iter().any(|f| g.contains(f.as_str()));
    let quick = std::env::var("WANDEL_BENCH_QUICK").is_ok();
    println!(
        "wandel throughput, one replication on one thread, 240 months unless stated; fastest of 3 runs"
    );
    if wanted("size") {
        let mut sizes = vec![10_000u32, 100_000, 1_000_000];
        if !quick {
            sizes.push(10_000_000);
        }
        for n in sizes {
            spawn(&format!("dmp:{n}"));
        }
    }
    if wanted("flows") {
        for s in [0.005, 0.01, 0.02, 0.04] {
            spawn(&format!("dmp:1000000:{s}"));
        }
    }
    if wanted("stock") {
        // The same flows (about 3,700 a month) from ten and a hundred times more workers.
        spawn("dmp:100000:0.02");
        spawn("dmp:1000000:0.002");
        if !quick {
            spawn("dmp:10000000:0.0002");
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    if wanted("scenario") {
        for f in [
            "scenarios/steel_closure.toml",
            "scenarios/ice_phaseout.toml",
        ] {
            spawn(&format!("scenario:{}", root.join(f).display()));
        }
    }
    if wanted("policy") {
        // The steel scenario at about 10^6 workers: engine time without any policy hook, with
        // the ledger only (the counterfactual arm), with short-time work for every firm, and
        // with every policy kind at once.
        let steel = root.join("scenarios/steel_closure.toml");
        for which in ["none", "empty", "stw", "all"] {
            spawn(&format!("policy:{}:9:{which}", steel.display()));
        }
    }
    if filter.iter().any(|f| f == "germany") {
        // Opt-in (named explicitly, never in the default run): Germany at 1:1, about 4.5 × 10^7
        // workers in 400 regions, 60 warm-up and 240 months with every mechanism on
        // (scenarios/national/germany.toml); about half an hour and several GB.
        let germany = root.join("scenarios/national/germany.toml");
        spawn(&format!("policy:{}:1:none", germany.display()));
    }
    if wanted("charts") {
        charts();
    }
    if wanted("sweep") {
        // The sweep machinery's overhead (against the same runs bare, on one thread), the
        // speed-up of two threads, and peak memory for 100 against 1,000 runs.
        let run = |spec: &str| {
            let exe = std::env::current_exe().expect("bench binary");
            let out = Command::new(&exe)
                .env("WANDEL_BENCH_CHILD", spec)
                .output()
                .expect("child runs");
            print!("{}", String::from_utf8_lossy(&out.stdout));
            eprint!("{}", String::from_utf8_lossy(&out.stderr));
        };
        run("bare:100");
        run("sweep:100:1");
        run("sweep:100:2");
        if !quick {
            run("sweep:1000:2");
        }
    }
}
