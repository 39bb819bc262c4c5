//! The tidy CSV files of a run (`docs/outputs.md`): economy, markets, cohorts and events.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use wandel_engine::{Cause, MonthRecord, Params, RunOutput};

use crate::atomic::write_atomic;

pub(crate) fn csv_writer(w: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new().from_writer(w)
}

/// Formats a float compactly (shortest round-trip representation, no `-0`).
pub(crate) fn num(x: f64) -> String {
    if x == 0.0 {
        "0".to_string()
    } else {
        format!("{x}")
    }
}

/// The columns of `economy.csv` (and of a sweep's `series.csv`, after its point and arm).
pub(crate) const ECONOMY_COLUMNS: &[&str] = &[
    "month",
    "replication",
    "employed",
    "short_time",
    "unemployed",
    "in_training",
    "out_of_labour_force",
    "retired",
    "labour_force",
    "vacancies",
    "hires",
    "separations",
    "layoffs",
    "retirements",
    "entries",
    "unemployment_rate",
    "long_term_unemployed",
    "mean_wage",
    "hires_from_unemployment",
    "job_to_job_moves",
    "separations_to_unemployment",
    "vacancies_open",
    "benefit_recipients",
    "basic_income_recipients",
    "benefit_paid",
    "basic_income_paid",
    "movers",
    "exits_from_labour_force",
    "reentries",
    "participation_rate",
    "firm_exits",
    "job_seeker_movers",
    "employed_in_training",
    "employment_fte",
];

/// One month of one replication, in the order of [`ECONOMY_COLUMNS`].
pub(crate) fn economy_row(r: &MonthRecord, replication: u32) -> Vec<String> {
    let lf = r.employed + r.short_time + r.unemployed + r.in_training;
    vec![
        r.month.to_string(),
        replication.to_string(),
        r.employed.to_string(),
        r.short_time.to_string(),
        r.unemployed.to_string(),
        r.in_training.to_string(),
        r.out_of_labour_force.to_string(),
        r.retired.to_string(),
        lf.to_string(),
        r.vacancies.to_string(),
        r.hires.to_string(),
        r.separations.to_string(),
        r.layoffs.to_string(),
        r.retirements.to_string(),
        r.entries.to_string(),
        num(r.unemployment_rate()),
        r.long_term_unemployed.to_string(),
        num((r.mean_wage * 100.0).round() / 100.0),
        (r.hires - r.job_to_job).to_string(),
        r.job_to_job.to_string(),
        (r.separations + r.layoffs).to_string(),
        (r.vacancies - r.hires).to_string(),
        r.benefit_recipients.to_string(),
        r.basic_income_recipients.to_string(),
        num((r.benefit_paid * 100.0).round() / 100.0),
        num((r.basic_income_paid * 100.0).round() / 100.0),
        r.movers.to_string(),
        r.exits_inactive.to_string(),
        r.reentries.to_string(),
        num(lf as f64 / (lf + r.out_of_labour_force).max(1) as f64),
        r.firm_exits.to_string(),
        r.job_seeker_movers.to_string(),
        r.employed_in_training.to_string(),
        num((r.fte_employed * 100.0).round() / 100.0),
    ]
}

/// Writes `economy.csv`.
pub(crate) fn write_economy(path: &Path, runs: &[RunOutput]) -> Result<()> {
    write_atomic(path, |w| {
        let mut c = csv_writer(w);
        c.write_record(ECONOMY_COLUMNS)?;
        for run in runs {
            for r in &run.months {
                c.write_record(economy_row(r, run.replication))?;
            }
        }
        c.flush()?;
        Ok(())
    })
}

/// Writes `markets.csv` (tidy: month, replication, region, sector, measure, value).
pub(crate) fn write_markets(path: &Path, params: &Params, runs: &[RunOutput]) -> Result<()> {
    write_atomic(path, |w| {
        let mut c = csv_writer(w);
        c.write_record([
            "month",
            "replication",
            "region",
            "sector",
            "measure",
            "value",
        ])?;
        for run in runs {
            let rep = run.replication.to_string();
            for r in &run.months {
                let month = r.month.to_string();
                for cell in &r.cells {
                    let region = &params.regions[cell.region as usize];
                    let sector = &params.sectors[cell.sector as usize].name;
                    for (measure, value) in CELL_MEASURES.iter().zip(cell_values(cell)) {
                        c.write_record([
                            month.as_str(),
                            &rep,
                            region,
                            sector,
                            measure,
                            &market_text(measure, value),
                        ])?;
                    }
                }
                for (i, reg) in r.regions.iter().enumerate() {
                    let region = &params.regions[i];
                    for (measure, value) in REGION_MEASURES.iter().zip(region_values(reg)) {
                        c.write_record([
                            month.as_str(),
                            &rep,
                            region,
                            "all",
                            measure,
                            &market_text(measure, value),
                        ])?;
                    }
                }
            }
        }
        c.flush()?;
        Ok(())
    })
}

/// Writes `cohorts.csv`.
pub(crate) fn write_cohorts(path: &Path, runs: &[RunOutput]) -> Result<()> {
    write_atomic(path, |w| {
        let mut c = csv_writer(w);
        c.write_record(
            ["replication", "cause", "group", "months_since"]
                .into_iter()
                .chain(COHORT_COLUMNS),
        )?;
        for run in runs {
            for cause in Cause::ALL {
                for (g, cells) in run.cohorts.of(cause).iter().enumerate() {
                    for (since, cell) in cells.iter().enumerate() {
                        if cell.n == 0 {
                            continue; // Nobody observed: no row (shares would be undefined).
                        }
                        let mut row = vec![
                            run.replication.to_string(),
                            cause.name().to_string(),
                            run.cohorts.groups[g].clone(),
                            since.to_string(),
                        ];
                        row.extend(
                            COHORT_COLUMNS
                                .iter()
                                .zip(cohort_values(cell))
                                .map(|(column, value)| cohort_text(column, value)),
                        );
                        c.write_record(row)?;
                    }
                }
            }
        }
        c.flush()?;
        Ok(())
    })
}

/// The measures of a region's sector in `markets.csv`, in the order written.
pub(crate) const CELL_MEASURES: [&str; 7] = [
    "employed",
    "short_time",
    "vacancies",
    "hires",
    "separations",
    "layoffs",
    "mean_wage",
];

/// The values of [`CELL_MEASURES`] for one cell of a month.
pub(crate) fn cell_values(cell: &wandel_engine::CellRecord) -> [f64; 7] {
    [
        cell.employed as f64,
        cell.short_time as f64,
        cell.vacancies as f64,
        cell.hires as f64,
        cell.separations as f64,
        cell.layoffs as f64,
        cell.mean_wage,
    ]
}

/// The measures of a whole region (sector `all`) in `markets.csv`, in the order written.
pub(crate) const REGION_MEASURES: [&str; 12] = [
    "unemployed",
    "in_training",
    "out_of_labour_force",
    "long_term_unemployed",
    "unemployment_rate",
    "employed_here",
    "employed_residents",
    "moved_in",
    "moved_out",
    "exits_from_labour_force",
    "reentries",
    "spending",
];

/// The values of [`REGION_MEASURES`] for one region of a month.
pub(crate) fn region_values(reg: &wandel_engine::RegionRecord) -> [f64; 12] {
    [
        reg.unemployed as f64,
        reg.in_training as f64,
        reg.out_of_labour_force as f64,
        reg.long_term_unemployed as f64,
        reg.unemployment_rate(),
        reg.employed_here as f64,
        reg.employed_residents as f64,
        reg.moved_in as f64,
        reg.moved_out as f64,
        reg.exits_from_labour_force as f64,
        reg.reentries as f64,
        reg.spending,
    ]
}

/// A `markets.csv` value as written: euros to the cent, the rest exactly.
fn market_text(measure: &str, value: f64) -> String {
    match measure {
        "mean_wage" | "spending" => num((value * 100.0).round() / 100.0),
        _ => num(value),
    }
}

/// The columns of `cohorts.csv` after replication, cause, group and months since.
pub(crate) const COHORT_COLUMNS: [&str; 15] = [
    "n",
    "reemployed",
    "same_sector",
    "other_sector",
    "other_occupation",
    "other_region",
    "moved",
    "unemployed",
    "in_training",
    "out_of_labour_force",
    "earnings_ratio_reemployed",
    "earnings_ratio_all",
    "matched",
    "earnings_displaced",
    "earnings_controls",
];

/// The values of [`COHORT_COLUMNS`] for one cell (`None` where undefined: no one re-employed,
/// or no one matched; a cell of nobody has no row).
pub(crate) fn cohort_values(cell: &wandel_engine::CohortCell) -> [Option<f64>; 15] {
    let n = cell.n as f64;
    let share = |x: u64| (cell.n > 0).then(|| x as f64 / n);
    let per_matched = |x: f64| (cell.matched > 0).then(|| x / cell.matched as f64);
    [
        Some(n),
        share(cell.reemployed),
        share(cell.same_sector),
        share(cell.other_sector),
        share(cell.other_occupation),
        share(cell.other_region),
        share(cell.moved),
        share(cell.unemployed),
        share(cell.in_training),
        share(cell.out_of_labour_force),
        (cell.reemployed > 0).then(|| cell.earnings_ratio_sum / cell.reemployed as f64),
        (cell.n > 0).then(|| cell.earnings_ratio_sum / n),
        share(cell.matched),
        per_matched(cell.earnings),
        per_matched(cell.control_earnings),
    ]
}

/// A `cohorts.csv` value as written: euros to the cent, shares exactly, empty where undefined.
fn cohort_text(column: &str, value: Option<f64>) -> String {
    match (column, value) {
        (_, None) => String::new(),
        ("earnings_displaced" | "earnings_controls", Some(x)) => num((x * 100.0).round() / 100.0),
        (_, Some(x)) => num(x),
    }
}

/// Writes `events.csv` (scheduled shocks, for chart markers).
pub(crate) fn write_events(path: &Path, params: &Params) -> Result<()> {
    write_atomic(path, |w| {
        let mut c = csv_writer(w);
        c.write_record(["month", "kind", "label"])?;
        for (month, kind, label) in wandel_scenario::events(params) {
            c.write_record([month.to_string(), kind.to_string(), label])?;
        }
        c.flush()?;
        Ok(())
    })
}

/// Writes `ledger.csv`: every ledger line of every replication of each arm (`arm` is
/// `scenario` or the counterfactual's label).
pub(crate) fn write_ledger(path: &Path, arms: &[(&str, &[crate::arms::ArmRun])]) -> Result<()> {
    write_atomic(path, |w| {
        let mut c = csv_writer(w);
        c.write_record(["arm", "month", "replication", "item", "policy", "amount"])?;
        for (arm, runs) in arms {
            for run in *runs {
                let rep = run.output.replication.to_string();
                for e in &run.policies.ledger {
                    c.write_record([
                        arm.to_string(),
                        e.month.to_string(),
                        rep.clone(),
                        e.item.to_string(),
                        e.policy.clone(),
                        num((e.amount * 100.0).round() / 100.0),
                    ])?;
                }
            }
        }
        c.flush()?;
        Ok(())
    })
}

/// Writes `policies.csv`: each policy's participants, entries, exits, cost to the state and
/// cost to employers, per month and replication (the scenario's arm).
pub(crate) fn write_policies(path: &Path, runs: &[crate::arms::ArmRun]) -> Result<()> {
    write_atomic(path, |w| {
        let mut c = csv_writer(w);
        c.write_record([
            "month",
            "replication",
            "policy",
            "kind",
            "participants",
            "entries",
            "entries_50_plus",
            "exits",
            "completions",
            "dropouts",
            "placements",
            "referrals",
            "supports_ended",
            "in_work_or_education",
            "firms_entered",
            "firms_declined",
            "cost",
            "employer_cost",
        ])?;
        for run in runs {
            let rep = run.output.replication.to_string();
            for r in &run.policies.reports {
                let m = &r.month_report;
                let cost: f64 = m.items.iter().map(|i| i.1).sum();
                c.write_record([
                    r.month.to_string(),
                    rep.clone(),
                    r.policy.clone(),
                    r.kind.to_string(),
                    m.participants.to_string(),
                    m.entries.to_string(),
                    m.entries_50_plus.to_string(),
                    m.exits.to_string(),
                    m.completions.to_string(),
                    m.dropouts.to_string(),
                    m.placements.to_string(),
                    m.referrals.to_string(),
                    m.supports_ended.to_string(),
                    m.in_work_or_education.to_string(),
                    m.firms_entered.to_string(),
                    m.firms_declined.to_string(),
                    num((cost * 100.0).round() / 100.0),
                    num((m.employer_cost * 100.0).round() / 100.0),
                ])?;
            }
        }
        c.flush()?;
        Ok(())
    })
}
