//! `wandel table DIR...`: the headline effects of finished runs side by side, one row per run
//! (markdown for documents, or CSV), read from each run's `summary.json` and `manifest.json`.
//! `scripts/policy-effects` uses it to write the effects table of every shipped policy scenario
//! into `docs/policies.md`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

/// The columns: effect key in `summary.json`, heading, decimals.
const COLUMNS: &[(&str, &str, usize)] = &[
    ("job_years", "FTE job-years", 0),
    ("job_years_heads", "Job-years (heads)", 0),
    ("displaced.reemployed_12m", "Re-employed 12 m (pp)", 1),
    ("displaced.reemployed_24m", "Re-employed 24 m (pp)", 1),
    ("net_fiscal_cost", "Net fiscal cost (€ m)", 1),
    ("cost_per_job_year", "€ per FTE job-year gained", 0),
    (TAKEN, "Taken from others (%)", 0),
];

/// The column read from `crowding_out` (its only row: a run with one worker-level policy;
/// several give a dash), not from `effects`.
const TAKEN: &str = "crowding_out.taken_from_others_pct";

/// The output format.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// A markdown table: mean and 95 % interval in each cell.
    Markdown,
    /// CSV: mean, ci95_low and ci95_high columns for each effect.
    Csv,
}

#[derive(Deserialize)]
struct Effect {
    #[serde(default)]
    name: String,
    mean: Option<f64>,
    ci95_low: Option<f64>,
    ci95_high: Option<f64>,
}

#[derive(Deserialize)]
struct Summary {
    replications: u64,
    months: u64,
    #[serde(default)]
    counterfactual: Option<String>,
    #[serde(default)]
    effects: Vec<Effect>,
    #[serde(default)]
    crowding_out: Vec<Crowding>,
    /// The scenario's policies (their kinds name the row's policies).
    #[serde(default)]
    policies: Vec<PolicyKind>,
}

#[derive(Deserialize)]
struct PolicyKind {
    kind: String,
}

#[derive(Deserialize)]
struct Crowding {
    taken_from_others_pct: Option<Effect>,
}

#[derive(Deserialize)]
struct Manifest {
    scenario_name: String,
}

/// A mean with its 95 % interval, if any.
type Value = Option<(f64, Option<(f64, f64)>)>;

/// One run's row.
struct Row {
    scenario: String,
    policies: Vec<String>,
    replications: u64,
    months: u64,
    counterfactual: String,
    /// Per column: mean and interval.
    values: Vec<Value>,
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not a run's file", path.display()))
}

fn read_row(dir: &Path) -> Result<Row> {
    crate::outdir::refuse_incomplete(dir)?;
    let summary: Summary = read_json(&dir.join("summary.json"))?;
    let manifest: Manifest = read_json(&dir.join("manifest.json"))?;
    let values = COLUMNS
        .iter()
        .map(|(key, _, _)| {
            let effect = if *key == TAKEN {
                match summary.crowding_out.as_slice() {
                    [only] => only.taken_from_others_pct.as_ref(),
                    _ => None,
                }
            } else {
                summary.effects.iter().find(|e| e.name == *key)
            };
            effect.and_then(|e| e.mean.map(|m| (m, e.ci95_low.zip(e.ci95_high))))
        })
        .collect();
    Ok(Row {
        scenario: manifest.scenario_name,
        policies: summary
            .policies
            .iter()
            .map(|p| p.kind.replace('_', " "))
            .collect(),
        replications: summary.replications,
        months: summary.months,
        counterfactual: summary.counterfactual.unwrap_or_default(),
        values,
    })
}

/// Thousands separators and a sign, as the charts write numbers: `+1,234`, `−0.6`.
fn number(v: f64, decimals: usize, sign: bool) -> String {
    let text = wandel_charts::format_number(v, decimals);
    let zero = !text.chars().any(|c| c.is_ascii_digit() && c != '0');
    if sign && v > 0.0 && !zero {
        format!("+{text}")
    } else {
        text
    }
}

fn markdown(rows: &[Row]) -> String {
    let mut out = String::from("| Scenario | Policies | Runs |");
    for (_, heading, _) in COLUMNS {
        out.push_str(&format!(" {heading} |"));
    }
    out.push_str("\n| --- | --- | --- |");
    for _ in COLUMNS {
        out.push_str(" ---: |");
    }
    out.push('\n');
    for r in rows {
        let policies = if r.policies.is_empty() {
            "—".to_string()
        } else {
            r.policies.join(", ")
        };
        out.push_str(&format!(
            "| {} | {} | {} × {} months |",
            r.scenario, policies, r.replications, r.months
        ));
        for (v, (key, _, d)) in r.values.iter().zip(COLUMNS) {
            let sign = *key != "cost_per_job_year";
            let cell = match v {
                Some((m, Some((lo, hi)))) => format!(
                    "{} [{}, {}]",
                    number(*m, *d, sign),
                    number(*lo, *d, false),
                    number(*hi, *d, false)
                ),
                Some((m, None)) => number(*m, *d, sign),
                None => "—".to_string(),
            };
            out.push_str(&format!(" {cell} |"));
        }
        out.push('\n');
    }
    out
}

fn csv_text(rows: &[Row]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "scenario".to_string(),
        "policies".to_string(),
        "replications".to_string(),
        "months".to_string(),
        "counterfactual".to_string(),
    ];
    for (key, _, _) in COLUMNS {
        for suffix in ["mean", "ci95_low", "ci95_high"] {
            header.push(format!("{key}.{suffix}"));
        }
    }
    w.write_record(&header)?;
    for r in rows {
        let mut record = vec![
            r.scenario.clone(),
            r.policies.join("; "),
            r.replications.to_string(),
            r.months.to_string(),
            r.counterfactual.clone(),
        ];
        for v in &r.values {
            let (m, ci) = match v {
                Some((m, ci)) => (Some(*m), *ci),
                None => (None, None),
            };
            for x in [m, ci.map(|c| c.0), ci.map(|c| c.1)] {
                record.push(x.map_or(String::new(), |x| format!("{x}")));
            }
        }
        w.write_record(&record)?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

/// The table of the runs in `dirs`, in the order given.
pub(crate) fn table(dirs: &[PathBuf], format: Format) -> Result<String> {
    let mut rows = Vec::new();
    for d in dirs {
        let row = read_row(d).with_context(|| format!("{} is not a finished run", d.display()))?;
        if row.counterfactual.is_empty() {
            bail!(
                "{} has no effects: it ran without a counterfactual (run it with policies, or \
                 with --counterfactual)",
                d.display()
            );
        }
        rows.push(row);
    }
    match format {
        Format::Markdown => Ok(markdown(&rows)),
        Format::Csv => csv_text(&rows),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_dir(tag: &str, counterfactual: bool) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("wandel-table-{}-{tag}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let effects = if counterfactual {
            r#", "counterfactual": "no-policies", "effects": [
              {"name": "job_years", "mean": 373.0, "ci95_low": 135.8, "ci95_high": 610.2},
              {"name": "net_fiscal_cost", "mean": -3.46, "ci95_low": null, "ci95_high": null},
              {"name": "cost_per_job_year", "mean": 100533.5, "ci95_low": 45319.9, "ci95_high": 334815.7}
            ], "crowding_out": [
              {"policy": "jsc", "taken_from_others_pct": {"mean": 68.4, "ci95_low": 41.2, "ci95_high": 95.0}}
            ]"#
        } else {
            ""
        };
        std::fs::write(
            dir.join("summary.json"),
            format!(
                r#"{{"replications": 4, "months": 120, "policies": [{{"policy": "jsc", "kind": "job_security_council"}}]{effects}}}"#
            ),
        )
        .unwrap();
        std::fs::write(dir.join("manifest.json"), r#"{"scenario_name": "pkg"}"#).unwrap();
        dir
    }

    #[test]
    fn a_row_per_run_with_intervals_and_dashes() {
        let dir = run_dir("ok", true);
        let text = table(std::slice::from_ref(&dir), Format::Markdown).unwrap();
        let row = text.lines().nth(2).unwrap();
        assert_eq!(
            row,
            "| pkg | job security council | 4 × 120 months | +373 [136, 610] | — | — | — | −3.5 | 100,534 [45,320, 334,816] | +68 [41, 95] |"
        );
        let csv = table(std::slice::from_ref(&dir), Format::Csv).unwrap();
        assert!(
            csv.lines()
                .nth(1)
                .unwrap()
                .starts_with("pkg,job security council,4,120,no-policies,373,135.8,610.2,,,")
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_run_without_counterfactual_is_refused() {
        let dir = run_dir("none", false);
        let err = table(std::slice::from_ref(&dir), Format::Markdown).unwrap_err();
        assert!(err.to_string().contains("has no effects"), "{err}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn numbers_have_separators_and_signs() {
        assert_eq!(number(1234.4, 0, true), "+1,234");
        assert_eq!(number(-0.61, 1, true), "−0.6");
        assert_eq!(number(-0.04, 1, true), "0.0");
        assert_eq!(number(100533.5, 0, false), "100,534");
    }
}
