//! The sheets of a finished sweep's workbook: what was swept (About), the aggregate by point,
//! arm and indicator with its intervals and paired effects, the sensitivity indices, and every
//! run.

use std::path::Path;

use anyhow::{Context, Result};
use serde_json::Value;

use super::table::{Cell, Column, Csv, Sheet, as_written, joined};

/// Every sheet of a sweep's workbook (the About sheet first).
pub(crate) fn sheets(dir: &Path) -> Result<Vec<Sheet>> {
    let path = dir.join("manifest.json");
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?,
    )
    .with_context(|| format!("{} is not valid JSON", path.display()))?;
    let label = |key: &str| -> Cell {
        manifest["labels"][key]
            .as_str()
            .map_or(Cell::Empty, Cell::text)
    };
    let as_is = |_: &str, f: &str| f.to_string();
    let mut out = vec![about(&manifest)];
    if let Some(csv) = Csv::read(dir, "aggregate.csv")? {
        let mut sheet = as_written(&csv, "Aggregate", |_| None, &as_is);
        with_labels(&mut sheet, "indicator", &label);
        out.push(sheet);
    }
    if let Some(csv) = Csv::read(dir, "sensitivity.csv")? {
        let mut sheet = as_written(&csv, "Sensitivity", |_| None, &as_is);
        with_labels(&mut sheet, "indicator", &label);
        out.push(sheet);
    }
    if let Some(csv) = Csv::read(dir, "runs.csv")? {
        out.push(as_written(&csv, "Runs", |_| None, &as_is));
    }
    Ok(out)
}

/// Inserts, after column `key`, a column `label` with each value's label.
fn with_labels(sheet: &mut Sheet, key: &str, label: &dyn Fn(&str) -> Cell) {
    let Some(at) = sheet.columns.iter().position(|c| c.name == key) else {
        return;
    };
    sheet.columns.insert(at + 1, Column::plain("label"));
    for row in &mut sheet.rows {
        let l = match &row[at] {
            Cell::Text(k) => label(k),
            _ => Cell::Empty,
        };
        row.insert(at + 1, l);
    }
}

fn about(m: &Value) -> Sheet {
    let text = |v: &Value| v.as_str().map_or(Cell::Empty, Cell::text);
    let num = |v: &Value| Cell::maybe(v.as_f64());
    let rows: Vec<(&str, Cell)> = vec![
        ("Sweep file", text(&m["sweep_file"])),
        ("Base scenario", text(&m["base_scenario"])),
        ("Design", text(&m["design"])),
        ("Points", num(&m["points"])),
        ("Arms", Cell::text(joined(&m["arms"]))),
        ("Replications per point and arm", num(&m["replications"])),
        ("Parameters", Cell::text(joined(&m["parameters"]))),
        ("Kept indicators", Cell::text(joined(&m["keep"]))),
        (
            "Seed",
            Cell::text(m["seed"].as_u64().map_or(String::new(), |s| s.to_string())),
        ),
        ("Seed rule", text(&m["seed_rule"])),
        ("Runs", num(&m["runs"])),
        ("Failed runs", num(&m["failed"])),
        ("Wandel version", text(&m["wandel_version"])),
        (
            "Sources",
            Cell::text(
                "The base scenario's parameters, units and sources are in its comments (the \
                 resolved text is in manifest.json) and in Wandel's docs/calibration.md; the \
                 columns are described in docs/sweeps.md",
            ),
        ),
        (
            "How to read",
            Cell::text(
                "Aggregate: one row per point, arm and indicator, the mean over replications \
                 with its 95 % confidence interval (Student's t) and, for arms after the first, \
                 the paired effect against the first arm; Runs: every run",
            ),
        ),
    ];
    Sheet {
        name: "About".to_string(),
        columns: vec![Column::plain("field"), Column::plain("value")],
        rows: rows
            .into_iter()
            .filter(|(_, c)| *c != Cell::Empty)
            .map(|(k, v)| vec![Cell::text(k), v])
            .collect(),
    }
}
