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
                    for (measure, value) in [
                        ("employed", cell.employed.to_string()),
                        ("short_time", cell.short_time.to_string()),
                        ("vacancies", cell.vacancies.to_string()),
                        ("hires", cell.hires.to_string()),
                        ("separations", cell.separations.to_string()),
                        ("layoffs", cell.layoffs.to_string()),
                        ("mean_wage", num((cell.mean_wage * 100.0).round() / 100.0)),
                    ] {
                        c.write_record([month.as_str(), &rep, region, sector, measure, &value])?;
                    }
                }
                for (i, reg) in r.regions.iter().enumerate() {
                    let region = &params.regions[i];
                    for (measure, value) in [
                        ("unemployed", reg.unemployed.to_string()),
                        ("in_training", reg.in_training.to_string()),
                        ("out_of_labour_force", reg.out_of_labour_force.to_string()),
                        ("long_term_unemployed", reg.long_term_unemployed.to_string()),
                        ("unemployment_rate", num(reg.unemployment_rate())),
                        ("employed_here", reg.employed_here.to_string()),
                        ("employed_residents", reg.employed_residents.to_string()),
                        ("moved_in", reg.moved_in.to_string()),
                        ("moved_out", reg.moved_out.to_string()),
                        (
                            "exits_from_labour_force",
                            reg.exits_from_labour_force.to_string(),
                        ),
                        ("reentries", reg.reentries.to_string()),
                        ("spending", num((reg.spending * 100.0).round() / 100.0)),
                    ] {
                        c.write_record([month.as_str(), &rep, region, "all", measure, &value])?;
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
        c.write_record([
            "replication",
            "cause",
            "group",
            "months_since",
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
        ])?;
        for run in runs {
            for cause in Cause::ALL {
                for (g, cells) in run.cohorts.of(cause).iter().enumerate() {
                    for (since, cell) in cells.iter().enumerate() {
                        if cell.n == 0 {
                            continue; // Nobody observed: no row (shares would be undefined).
                        }
                        let n = cell.n as f64;
                        let share = |x: u64| {
                            if cell.n == 0 {
                                String::new()
                            } else {
                                num(x as f64 / n)
                            }
                        };
                        let per_matched = |x: f64| {
                            if cell.matched == 0 {
                                String::new()
                            } else {
                                num((x / cell.matched as f64 * 100.0).round() / 100.0)
                            }
                        };
                        let ratio_re = if cell.reemployed == 0 {
                            String::new()
                        } else {
                            num(cell.earnings_ratio_sum / cell.reemployed as f64)
                        };
                        let ratio_all = if cell.n == 0 {
                            String::new()
                        } else {
                            num(cell.earnings_ratio_sum / n)
                        };
                        c.write_record([
                            run.replication.to_string(),
                            cause.name().to_string(),
                            run.cohorts.groups[g].clone(),
                            since.to_string(),
                            cell.n.to_string(),
                            share(cell.reemployed),
                            share(cell.same_sector),
                            share(cell.other_sector),
                            share(cell.other_occupation),
                            share(cell.other_region),
                            share(cell.moved),
                            share(cell.unemployed),
                            share(cell.in_training),
                            share(cell.out_of_labour_force),
                            ratio_re,
                            ratio_all,
                            share(cell.matched),
                            per_matched(cell.earnings),
                            per_matched(cell.control_earnings),
                        ])?;
                    }
                }
            }
        }
        c.flush()?;
        Ok(())
    })
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
