//! The calibration table: what the shipped scenarios reproduce of `../shared/calibration.md`,
//! computed from ten replications of each, without policies, in their own (applications)
//! matching mode. Every row marked as met is asserted; the table is printed, so
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

/// Monthly U->E and E->U rates: hires from unemployment over last month's unemployed, and
/// separations into unemployment over last month's payroll, averaged over months and runs.
fn flow_rates(runs: &[RunOutput]) -> (f64, f64) {
    let (mut ue, mut eu) = (Vec::new(), Vec::new());
    for run in runs {
        for w in run.months.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            ue.push((b.hires - b.job_to_job) as f64 / a.unemployed as f64);
            eu.push((b.separations + b.layoffs) as f64 / (a.employed + a.short_time) as f64);
        }
    }
    (mean(&ue), mean(&eu))
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

struct Row {
    row: &'static str,
    figure: &'static str,
    wandel: String,
    within: bool,
}

fn print(rows: &[Row]) {
    println!("| row of calibration.md | documented figure | Wandel | within? |");
    println!("| --- | --- | --- | --- |");
    for r in rows {
        let yes = if r.within { "yes" } else { "**no**" };
        println!("| {} | {} | {} | {yes} |", r.row, r.figure, r.wandel);
    }
}

#[test]
fn baseline_reproduces_german_flows_and_is_stationary() {
    let runs = runs("scenarios/baseline.toml");
    let (ue, eu) = flow_rates(&runs);
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
            figure: "U→E 0.06–0.08 a month",
            wandel: format!("{ue:.4}"),
            within: (0.06..=0.08).contains(&ue),
        },
        Row {
            row: "A8 (baseline)",
            figure: "E→U 0.005–0.008 a month",
            wandel: format!("{eu:.4}"),
            within: (0.005..=0.008).contains(&eu),
        },
        Row {
            row: "A7, A8 (baseline)",
            figure: "unemployment rate 5–9 %",
            wandel: format!("{:.2} %", 100.0 * u),
            within: (0.05..=0.09).contains(&u),
        },
        Row {
            row: "— (baseline)",
            figure: "stationary: every year within 0.3 pp of the first",
            wandel: format!("largest gap {:.2} pp", 100.0 * drift),
            within: drift <= 0.003,
        },
        Row {
            row: "A8, A10 (baseline)",
            figure: "long-term share of unemployment 30–50 %",
            wandel: format!("{:.1} %", 100.0 * long_term),
            within: (0.30..=0.50).contains(&long_term),
        },
    ];
    print(&rows);
    for r in &rows {
        assert!(r.within, "{}: {} is {}", r.row, r.figure, r.wandel);
    }
}

#[test]
fn steel_closure_rows_are_reported() {
    // The displaced-worker rows of the issue are not all met yet (docs/calibration.md says
    // which); this test prints them and checks only what holds today.
    let runs = runs("scenarios/steel_closure.toml");
    let share = |months: usize| {
        let x: Vec<f64> = runs
            .iter()
            .map(|r| {
                let c = &r.cohorts.of(wandel_engine::Cause::Closure)[0][months];
                c.reemployed as f64 / c.n as f64
            })
            .collect();
        mean(&x)
    };
    let (r12, r24) = (share(12), share(24));
    let moved_on_notice: f64 = mean(
        &runs
            .iter()
            .map(|r| {
                let j2j: u64 = r.months.iter().map(|m| m.job_to_job).sum();
                j2j as f64 / 3200.0
            })
            .collect::<Vec<_>>(),
    );
    let rows = [
        Row {
            row: "G1, G2, B4, E7 (steel_closure)",
            figure: "displaced re-employed after 24 months 50–75 %",
            wandel: format!("{:.1} % (12 months: {:.1} %)", 100.0 * r24, 100.0 * r12),
            within: (0.50..=0.75).contains(&r24),
        },
        Row {
            row: "— (steel_closure)",
            figure: "share of the works' staff moving job to job in the notice year (to document)",
            wandel: format!("{:.1} %", 100.0 * moved_on_notice),
            within: true,
        },
    ];
    print(&rows);
    // Re-employment rises with time and is far from zero: search works for the displaced.
    assert!(
        r24 > r12 && r24 > 0.3,
        "re-employed {r12} at 12 and {r24} at 24 months"
    );
}
