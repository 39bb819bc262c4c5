//! The calibration table: what the shipped scenarios reproduce of `../shared/calibration.md`,
//! computed from ten replications of each, without policies, in their own (applications)
//! matching mode (the steel rows against the same scenario without the closure where the issue
//! asks for a counterfactual). Every row marked as met is asserted; the table is printed, so
//! `cargo test --release --test integration calibration -- --nocapture` regenerates the table
//! in `docs/calibration.md`.

use wandel_engine::{MonthRecord, RunOutput};

const REPLICATIONS: u32 = 10;

fn runs(rel: &str) -> Vec<RunOutput> {
    let s = crate::util::scenario(rel, &[]);
    (0..REPLICATIONS)
        .map(|r| wandel_engine::run(&s.params, r, &mut ()))
        .collect()
}

fn mean(x: &[f64]) -> f64 {
    x.iter().sum::<f64>() / x.len() as f64
}

/// Monthly U->E, E->U and job-to-job rates (`wandel_engine::indicators::flow_rates`),
/// averaged over runs.
fn flow_rates(runs: &[RunOutput]) -> (f64, f64, f64) {
    let rates: Vec<(f64, f64, f64)> = runs
        .iter()
        .map(wandel_engine::indicators::flow_rates)
        .collect();
    (
        mean(&rates.iter().map(|r| r.0).collect::<Vec<_>>()),
        mean(&rates.iter().map(|r| r.1).collect::<Vec<_>>()),
        mean(&rates.iter().map(|r| r.2).collect::<Vec<_>>()),
    )
}

/// Mean unemployment rate of each reported year, over runs.
fn yearly_unemployment(runs: &[RunOutput]) -> Vec<f64> {
    let years = runs[0].months.len() / 12;
    (0..years)
        .map(|y| {
            let u: Vec<f64> = runs
                .iter()
                .flat_map(|r| &r.months[y * 12..(y + 1) * 12])
                .map(MonthRecord::unemployment_rate)
                .collect();
            mean(&u)
        })
        .collect()
}

/// Whether a row is a target of the shipped calibration, which estimated the parameters the
/// scenarios carry from it (`scenarios/calibration/shipped.toml`, docs/calibration.md, "The
/// shipped calibration"), or evidence no parameter was set for.
#[derive(Clone, Copy)]
enum Kind {
    Targeted,
    Validation,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Targeted => "targeted (estimated)",
            Kind::Validation => "untargeted (validation)",
        }
    }
}

struct Row {
    row: &'static str,
    kind: Kind,
    figure: &'static str,
    wandel: String,
    within: bool,
}

fn print(rows: &[Row]) {
    println!("| row of calibration.md | documented figure | Wandel | kind | within? |");
    println!("| --- | --- | --- | --- | --- |");
    for r in rows {
        let yes = if r.within { "yes" } else { "**no**" };
        println!(
            "| {} | {} | {} | {} | {yes} |",
            r.row,
            r.figure,
            r.wandel,
            r.kind.label()
        );
    }
}

#[test]
fn baseline_reproduces_german_flows_and_is_stationary() {
    let runs = runs("scenarios/baseline.toml");
    let (ue, eu, ee) = flow_rates(&runs);
    // Job-to-job moves against hires from unemployment, over all reported months.
    let (moves, from_u) = runs
        .iter()
        .flat_map(|r| &r.months)
        .fold((0u64, 0u64), |(a, b), m| {
            (a + m.job_to_job, b + (m.hires - m.job_to_job))
        });
    let moves_per_hire = moves as f64 / from_u.max(1) as f64;
    let years = yearly_unemployment(&runs);
    let u = mean(&years);
    let drift = years
        .iter()
        .map(|y| (y - years[0]).abs())
        .fold(0.0, f64::max);
    let long_term: Vec<f64> = runs
        .iter()
        .flat_map(|r| &r.months)
        .map(|m| m.long_term_unemployed as f64 / m.unemployed as f64)
        .collect();
    let long_term = mean(&long_term);
    let rows = [
        Row {
            row: "A8 (baseline)",
            kind: Kind::Targeted,
            figure: "U→E 0.06–0.08 a month",
            wandel: format!("{ue:.4}"),
            within: (0.06..=0.08).contains(&ue),
        },
        Row {
            row: "A8 (baseline)",
            kind: Kind::Validation,
            figure: "E→U 0.005–0.008 a month",
            wandel: format!("{eu:.4}"),
            within: (0.005..=0.008).contains(&eu),
        },
        Row {
            row: "A7, A8 (baseline)",
            kind: Kind::Targeted,
            figure: "unemployment rate 5–9 %",
            wandel: format!("{:.2} %", 100.0 * u),
            within: (0.05..=0.09).contains(&u),
        },
        Row {
            row: "— (baseline)",
            kind: Kind::Validation,
            figure: "stationary: every year within 0.3 pp of the first",
            wandel: format!("largest gap {:.2} pp", 100.0 * drift),
            within: drift <= 0.003,
        },
        Row {
            row: "A8, A10 (baseline)",
            kind: Kind::Validation,
            figure: "long-term share of unemployment 30–50 %",
            wandel: format!("{:.1} %", 100.0 * long_term),
            within: (0.30..=0.50).contains(&long_term),
        },
        Row {
            row: "M4a (baseline)",
            kind: Kind::Targeted,
            figure: "job-to-job moves 3–9 % of the employed a year, 0.25–0.75 % a month (surveys, secondary: see \"The job ladder\")",
            wandel: format!("{:.2} % a month", 100.0 * ee),
            within: (0.0025..=0.0075).contains(&ee),
        },
        Row {
            row: "M4 (baseline)",
            kind: Kind::Validation,
            figure: "job-to-job moves the largest worker flow, above hires from unemployment (Schaffner 2011)",
            wandel: format!("{moves_per_hire:.2} × hires from unemployment"),
            // Reported, not asserted: see docs/calibration.md, "The job ladder".
            within: moves_per_hire >= 1.0,
        },
    ];
    print(&rows);
    let (asserted, reported) = rows.split_at(rows.len() - 1);
    debug_assert_eq!(reported.len(), 1);
    for r in asserted {
        assert!(r.within, "{}: {} is {}", r.row, r.figure, r.wandel);
    }
}

#[test]
fn steel_closure_reproduces_displaced_workers_rows() {
    use wandel_engine::indicators as ind;
    let scenario = crate::util::scenario("scenarios/steel_closure.toml", &[]);
    let runs = runs("scenarios/steel_closure.toml");
    // The same scenario and replications without the closure (common random numbers).
    let mut without = scenario.params.clone();
    without.closures.clear();
    let counterfactual: Vec<RunOutput> = (0..REPLICATIONS)
        .map(|r| wandel_engine::run(&without, r, &mut ()))
        .collect();
    let per = |f: &dyn Fn(&RunOutput) -> f64| mean(&runs.iter().map(f).collect::<Vec<_>>());
    let (r12, r24) = (
        per(&|r| ind::reemployed(r, "all", 12)),
        per(&|r| ind::reemployed(r, "all", 24)),
    );
    let (old, prime) = (
        per(&|r| ind::reemployed(r, "55-64", 24)),
        per(&|r| ind::reemployed(r, "25-54", 24)),
    );
    let gap = old - prime;
    let years: Vec<f64> = (0..5)
        .map(|y| per(&|r| ind::earnings_vs_controls(r, 12 * y + 1, 12 * y + 12)))
        .collect();
    let shrinking = years.windows(2).all(|w| w[1] > w[0]);
    let occupation = per(&|r| ind::occupation_change(r, 24));
    let moved = per(&|r| ind::moved_residence(r, 24));
    let multiplier = mean(
        &runs
            .iter()
            .zip(&counterfactual)
            .map(|(a, b)| ind::local_multiplier(&scenario.params, a, b, 36))
            .collect::<Vec<_>>(),
    );
    let staff = per(&|r| r.cohorts.of(wandel_engine::Cause::Closure)[0][0].n as f64);
    // The staff's own moves job to job before the closure (on-the-job search or the search
    // under notice), not every job-to-job move of the economy.
    let moved_on_notice = per(&|r| r.closure_job_to_job as f64) / staff;
    let rows = [
        Row {
            row: "G1, G2, B4, E7 (steel_closure)",
            kind: Kind::Targeted,
            figure: "the works' staff re-employed after 24 months 50–75 %",
            wandel: format!("{:.1} % (12 months: {:.1} %)", 100.0 * r24, 100.0 * r12),
            within: (0.50..=0.75).contains(&r24),
        },
        Row {
            row: "G1 (steel_closure)",
            kind: Kind::Validation,
            figure: "55–64-year-olds 10–15 pp below 25–54 after 24 months",
            wandel: format!(
                "{:.1} pp ({:.1} % against {:.1} %)",
                100.0 * gap,
                100.0 * old,
                100.0 * prime
            ),
            within: (-0.15..=-0.10).contains(&gap),
        },
        Row {
            row: "B1–B3 (steel_closure)",
            kind: Kind::Targeted,
            figure: "earnings against matched controls, months 1–12: −30 % to −75 %",
            wandel: format!("{:.1} %", 100.0 * years[0]),
            within: (-0.75..=-0.30).contains(&years[0]),
        },
        Row {
            row: "B1–B3 (steel_closure)",
            kind: Kind::Validation,
            figure: "earnings against matched controls, months 49–60: −10 % to −30 %, the loss shrinking in between",
            wandel: format!(
                "{:.1} % (years 1–5: {})",
                100.0 * years[4],
                years
                    .iter()
                    .map(|y| format!("{:.0} %", 100.0 * y))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            within: (-0.30..=-0.10).contains(&years[4]) && shrinking,
        },
        Row {
            row: "A12 (steel_closure)",
            kind: Kind::Validation,
            figure: "occupation change among the re-employed 30–50 %",
            wandel: format!("{:.1} %", 100.0 * occupation),
            within: (0.30..=0.50).contains(&occupation),
        },
        Row {
            row: "J1 (steel_closure)",
            kind: Kind::Validation,
            figure: "non-tradable jobs lost per tradable job lost, 36 months after the closure, 0.3–1.2",
            wandel: format!("{multiplier:.2}"),
            within: (0.3..=1.2).contains(&multiplier),
        },
        Row {
            row: "H4 (steel_closure)",
            kind: Kind::Validation,
            figure: "the displaced who moved residence within 24 months below 10 %",
            wandel: format!("{:.1} %", 100.0 * moved),
            within: moved < 0.10,
        },
    ];
    print(&rows);
    // No documented figure exists for it, so it is no row (a row that cannot fail is not a
    // row): printed for comparison when one is found.
    println!(
        "\nNot a row: the works' staff leaving job to job in the notice year: {:.1} %.",
        100.0 * moved_on_notice
    );
    // Every row is asserted except occupation change, which docs/calibration.md lists as not
    // reproduced (just above the range; its row prints "no" when outside), and J1: the
    // multiplier is reported, not targeted (no parameter is set to hit it; docs/calibration.md
    // gives what emerges with firms' job creation).
    for r in rows
        .iter()
        .filter(|r| !r.row.starts_with("A12") && !r.row.starts_with("J1"))
    {
        assert!(r.within, "{}: {} is {}", r.row, r.figure, r.wandel);
    }
}

/// Retirements from the combustion-powertrain sector's payrolls (from the event log) and the
/// sector's job decline, over the first `months` reported months of one replication.
fn powertrain_retirements(params: &wandel_engine::Params, rep: u32, months: u32) -> (f64, f64) {
    use wandel_engine::events::Exit;
    let sector = params
        .sectors
        .iter()
        .position(|s| s.name == "ice_powertrain")
        .expect("ice_phaseout has a combustion-powertrain sector") as u16;
    let mut sim = wandel_engine::Simulation::new(params, rep);
    let jobs = |sim: &wandel_engine::Simulation<'_>| {
        let f = &sim.economy().firms;
        (0..f.len())
            .filter(|&j| f.sector[j] == sector)
            .map(|j| f64::from(f.employees.headcount(j)))
            .sum::<f64>()
    };
    let before = jobs(&sim);
    let mut retired = 0.0;
    for _ in 0..months {
        sim.step(&mut ());
        let eco = sim.economy();
        retired += eco
            .events
            .separations_by(Exit::Retirement)
            .filter(|e| eco.firms.sector[e.firm as usize] == sector)
            .count() as f64;
    }
    (retired / before, (before - jobs(&sim)) / before)
}

#[test]
fn ice_phaseout_retirements_absorb_a_share_of_the_decline() {
    let s = crate::util::scenario("scenarios/ice_phaseout.toml", &[]);
    let months = 72; // 2025-01 to 2030-12, F8's horizon.
    let (mut retired, mut decline) = (Vec::new(), Vec::new());
    for rep in 0..REPLICATIONS {
        let (r, d) = powertrain_retirements(&s.params, rep, months);
        retired.push(r);
        decline.push(d);
    }
    let (retired, decline) = (mean(&retired), mean(&decline));
    let per_year = retired / (f64::from(months) / 12.0);
    let rows = [
        Row {
            row: "F8, L1 (ice_phaseout)",
            kind: Kind::Validation,
            figure: "retirements 2.2 % of the combustion workforce a year (147,000 of 613,000, 2019–2030)",
            wandel: format!("{:.2} % a year, 2025–2030", 100.0 * per_year),
            within: (0.015..=0.03).contains(&per_year),
        },
        Row {
            row: "F8 (ice_phaseout)",
            kind: Kind::Validation,
            figure: "retirements against jobs affected: 42 % by 2025, 68 % by 2030 (147,000 of 215,000)",
            wandel: format!(
                "{:.0} % of a {:.0} % decline of powertrain jobs by 2030 (a steeper phase-out)",
                100.0 * retired / decline,
                100.0 * decline
            ),
            // Reported, not asserted: the scenario's decline (45 % by 2030) is steeper than the
            // 35 % F8 counts as affected, so retirements absorb a smaller share of it.
            within: (0.42..=0.68).contains(&(retired / decline)),
        },
    ];
    print(&rows);
    assert!(rows[0].within, "{}", rows[0].wandel);
}

/// Runs a shipped policy scenario with `wandel run` (ten replications, against the same
/// scenario without its policies) and returns its summary.json and followup.csv.
fn policy_run(rel: &str, name: &str) -> (serde_json::Value, String) {
    let dir = crate::util::scratch(&format!("calibration-{name}"));
    let out = dir.join("run");
    crate::util::run_scenario(rel, &out, &[], &["--no-charts"]);
    let summary = std::fs::read_to_string(out.join("summary.json")).unwrap();
    let followup = std::fs::read_to_string(out.join("followup.csv")).unwrap();
    (serde_json::from_str(&summary).unwrap(), followup)
}

/// Participants' (employed %, effect pp, CI low, CI high) at `months` since entry.
fn participants_at(followup: &str, months: u32) -> (f64, f64, f64, f64) {
    let header: Vec<&str> = followup.lines().next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let f: Vec<f64> = followup
        .lines()
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|f| f[1] == "participants" && f[2] == months.to_string())
        .map(|f| {
            ["employed_pct", "effect_pp", "ci95_low", "ci95_high"]
                .iter()
                .map(|c| f[col(c)].parse().unwrap())
                .collect()
        })
        .unwrap();
    (f[0], f[1], f[2], f[3])
}

#[test]
fn policy_scenarios_reproduce_their_rows() {
    let (jsc, _) = policy_run("scenarios/policies/job_security_council.toml", "jsc");
    let outcome = jsc["policies"][0]["in_work_or_education_pct"]
        .as_f64()
        .unwrap();
    let (_, retraining) = policy_run(
        "scenarios/policies/retraining_local_union.toml",
        "retraining",
    );
    // The course lasts 12 months: 24 and 36 months after entry are one and two years after
    // completion.
    let (_, gain1, low1, high1) = participants_at(&retraining, 24);
    let (returned, gain2, _, _) = participants_at(&retraining, 36);
    let rows = [
        Row {
            row: "E7 (job_security_council)",
            kind: Kind::Validation,
            figure: "clients in work or education at the end of support 55–90 % (German transfer schemes)",
            wandel: format!("{outcome:.1} %"),
            within: (55.0..=90.0).contains(&outcome),
        },
        Row {
            row: "E1–E5 (job_security_council)",
            kind: Kind::Validation,
            figure: "70–91 % (Swedish councils, mostly white-collar clients)",
            wandel: format!("{outcome:.1} %"),
            within: (70.0..=91.0).contains(&outcome),
        },
        Row {
            row: "E10 (retraining_local_union)",
            kind: Kind::Validation,
            figure: "participants back in work 55–79 %",
            wandel: format!("{returned:.1} % two years after completion"),
            within: (55.0..=79.0).contains(&returned),
        },
        Row {
            row: "D3 (retraining_local_union)",
            kind: Kind::Targeted,
            figure: "training effect about +5 pp one to two years after completion",
            wandel: format!("{gain1:+.1} pp [{low1:+.1}, {high1:+.1}] one year after"),
            within: (2.0..=8.0).contains(&gain1) && low1 > 0.0,
        },
        Row {
            row: "D3 (retraining_local_union)",
            kind: Kind::Validation,
            figure: "+8–9 pp two years and more after completion",
            wandel: format!("{gain2:+.1} pp two years after"),
            within: (8.0..=9.0).contains(&gain2),
        },
    ];
    print(&rows);
    // The rows the scenarios claim (stated in their headers) are met; the others are shown.
    assert!(rows[0].within && rows[2].within && rows[3].within);
}
