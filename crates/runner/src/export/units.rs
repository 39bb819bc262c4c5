//! The unit of each column of a run's result files, as `docs/outputs.md` documents it (a test
//! reads the document's tables and checks every entry here against them), for the header row
//! of a workbook's sheets.

/// The unit of `column` in `file` (`None`: text, keys, or a unit given per row).
pub(crate) fn unit(file: &str, column: &str) -> Option<&'static str> {
    let u = match file {
        "economy.csv" => economy(column)?,
        "cohorts.csv" => cohorts(column)?,
        "policies.csv" => policies(column)?,
        "followup.csv" => followup(column)?,
        "ledger.csv" => match column {
            "amount" => "€",
            _ => return None,
        },
        "regional_adjustment.csv" => match column {
            "months_after_closure" => "months",
            "change" | "ci95_low" | "ci95_high" => "workers (pp for the rate)",
            _ => return None,
        },
        _ => return None,
    };
    Some(u)
}

fn economy(column: &str) -> Option<&'static str> {
    Some(match column {
        "vacancies" => "jobs",
        "vacancies_open" => "vacancies",
        "unemployment_rate" => "fraction",
        "participation_rate" => "share",
        "mean_wage" => "€ per month",
        "benefit_paid" | "basic_income_paid" => "€",
        "firm_exits" => "firms",
        "employment_fte" => "full-time equivalents",
        "month" | "replication" => return None,
        _ => "workers",
    })
}

fn cohorts(column: &str) -> Option<&'static str> {
    Some(match column {
        "months_since" => "months",
        "n" => "workers",
        "reemployed"
        | "same_sector"
        | "other_sector"
        | "other_occupation"
        | "other_region"
        | "moved"
        | "unemployed"
        | "in_training"
        | "out_of_labour_force"
        | "matched" => "share of n",
        "earnings_ratio_reemployed" | "earnings_ratio_all" => "ratio",
        "earnings_displaced" | "earnings_controls" => "€ per month",
        _ => return None,
    })
}

fn policies(column: &str) -> Option<&'static str> {
    Some(match column {
        "month" | "replication" | "policy" | "kind" => return None,
        "firms_entered" | "firms_declined" => "firms",
        "cost" | "employer_cost" => "€",
        _ => "workers",
    })
}

fn followup(column: &str) -> Option<&'static str> {
    Some(match column {
        "policy" | "group" | "suppressed" | "replications" => return None,
        "months_since_entry" => "months",
        "workers" => "workers",
        "effect_pp" | "ci95_low" | "ci95_high" => "pp",
        _ => "%",
    })
}

/// The unit of a region × sector or region measure of `markets.csv`.
pub(crate) fn market_measure(measure: &str) -> Option<&'static str> {
    Some(match measure {
        "vacancies" => "jobs",
        "mean_wage" | "spending" => "€ per month",
        "unemployment_rate" => "fraction",
        "employed"
        | "short_time"
        | "hires"
        | "separations"
        | "layoffs"
        | "unemployed"
        | "in_training"
        | "out_of_labour_force"
        | "long_term_unemployed"
        | "employed_here"
        | "employed_residents"
        | "moved_in"
        | "moved_out"
        | "exits_from_labour_force"
        | "reentries" => "workers",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(file, column, unit)` of every `| column | unit | meaning |` table of
    /// `docs/outputs.md`, and `("markets.csv", measure, unit)` of its region measures.
    fn documented() -> Vec<(String, String, String)> {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../docs/outputs.md"
        ))
        .unwrap();
        let mut out = Vec::new();
        let mut file: Option<String> = None;
        let mut in_table = false;
        for line in text.lines() {
            let t = line.trim();
            if let Some(rest) = line.strip_prefix("## `") {
                file = rest.split('`').next().map(str::to_string);
                in_table = false;
                continue;
            }
            if line.starts_with("## ") {
                file = None;
                continue;
            }
            if t.starts_with("| column | unit")
                || (t.starts_with("| measure | unit") && file.as_deref() == Some("markets.csv"))
            {
                in_table = true;
                continue;
            }
            if !t.starts_with('|') {
                in_table = false;
                continue;
            }
            let (Some(f), true) = (&file, in_table) else {
                continue;
            };
            let cells: Vec<&str> = t.trim_matches('|').split('|').map(str::trim).collect();
            if cells[0].starts_with("---") {
                continue;
            }
            for name in cells[0].split('`').skip(1).step_by(2) {
                out.push((f.clone(), name.to_string(), cells[1].replace('`', "")));
            }
        }
        out
    }

    #[test]
    fn every_unit_is_the_documented_one() {
        let rows = documented();
        assert!(rows.len() > 100, "read {} documented columns", rows.len());
        let mut checked = 0;
        for (file, column, doc) in &rows {
            let ours = if file == "markets.csv" {
                market_measure(column)
            } else {
                unit(file, column)
            };
            let doc_is_unit = !matches!(
                doc.as_str(),
                "text" | "integer" | "integer from 0" | "YYYY-MM" | "—"
            ) && !doc.contains("'s unit")
                && !doc.starts_with("as ");
            if doc_is_unit {
                assert_eq!(ours, Some(doc.as_str()), "{file}: {column}");
                checked += 1;
            } else if !doc.starts_with("as ") {
                assert_eq!(ours, None, "{file}: {column} is documented as {doc}");
            }
        }
        assert!(checked > 80, "checked {checked}");
    }
}
