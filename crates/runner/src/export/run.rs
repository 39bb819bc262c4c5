//! The sheets of a finished run's workbook: the headline indicators and effects of
//! `summary.json` with their intervals and base counts, the effects by month, the ledger by
//! calendar year (both arms and their paired difference), the follow-up of participants, the
//! decomposition, and the per-replication files as means over replications.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::Value;
use wandel_engine::measures::{mean_ci, paired};

use super::table::{
    Cell, Column, Csv, Sheet, as_written, joined, mean_over_replications, parse_cell, parse_month,
};
use super::units;

/// Region, sector and occupation labels of a run (its `manifest.json`), for showing ids.
pub(crate) struct Labels {
    regions: BTreeMap<String, String>,
    sectors: BTreeMap<String, String>,
    occupations: BTreeMap<String, String>,
}

impl Labels {
    fn from_manifest(manifest: &Value) -> Labels {
        let map = |key: &str| -> BTreeMap<String, String> {
            manifest["labels"][key]
                .as_object()
                .map(|o| {
                    o.iter()
                        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                        .collect()
                })
                .unwrap_or_default()
        };
        Labels {
            regions: map("regions"),
            sectors: map("sectors"),
            occupations: map("occupations"),
        }
    }

    /// The field of `column` as shown: a region's, sector's or occupation's label for its id
    /// (also inside a cohort group such as `sector:steel`), anything else as written.
    pub(crate) fn show(&self, column: &str, field: &str) -> String {
        let lookup = |map: &BTreeMap<String, String>, id: &str| {
            map.get(id).cloned().unwrap_or_else(|| id.to_string())
        };
        match column {
            "region" => lookup(&self.regions, field),
            // A policy kind in words, from the registry of kinds.
            "kind" => wandel_policy::registry::kind(field)
                .map_or_else(|| field.to_string(), |k| k.label().to_string()),
            "sector" => lookup(&self.sectors, field),
            "group" => match field.split_once(':') {
                Some(("sector", id)) => format!("sector: {}", lookup(&self.sectors, id)),
                Some(("region", id)) => format!("region: {}", lookup(&self.regions, id)),
                Some(("occupation", id)) => {
                    format!("occupation: {}", lookup(&self.occupations, id))
                }
                _ => field.to_string(),
            },
            _ => field.to_string(),
        }
    }
}

fn read_json(dir: &Path, file: &str) -> Result<Value> {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not valid JSON", path.display()))
}

fn num(v: &Value) -> Cell {
    Cell::maybe(v.as_f64())
}

fn text(v: &Value) -> Cell {
    v.as_str().map_or(Cell::Empty, Cell::text)
}

/// The run's manifest and summary, and every sheet of its workbook (the About sheet first).
pub(crate) fn sheets(dir: &Path) -> Result<Vec<Sheet>> {
    let manifest = read_json(dir, "manifest.json")?;
    let summary = read_json(dir, "summary.json")?;
    let labels = Labels::from_manifest(&manifest);
    let show = |c: &str, f: &str| labels.show(c, f);
    let mut out = vec![about(&manifest, &summary), indicators(&summary)];
    if let Some(s) = effects(&summary) {
        out.push(s);
    }
    if let Some(s) = policy_totals(&summary, &labels) {
        out.push(s);
    }
    // Files written as they are, each column with its documented unit where it has one.
    for (file, name) in [
        ("decomposition.csv", "Decomposition"),
        ("effects.csv", "Effects by month"),
        ("followup.csv", "Follow-up"),
        ("regional_adjustment.csv", "Regional adjustment"),
    ] {
        if let Some(csv) = Csv::read(dir, file)? {
            out.push(as_written(
                &csv,
                name,
                |c| units::unit(file, c).map(str::to_string),
                &show,
            ));
        }
    }
    if let Some(csv) = Csv::read(dir, "ledger.csv")? {
        out.push(ledger_by_year(&csv)?);
    }
    let per_replication: [(&str, &str, &[&str]); 3] = [
        (
            "cohorts.csv",
            "Cohorts",
            &["cause", "group", "months_since"],
        ),
        ("economy.csv", "Economy", &["month"]),
        (
            "policies.csv",
            "Policies by month",
            &["month", "policy", "kind"],
        ),
    ];
    for (file, name, keys) in per_replication {
        if let Some(csv) = Csv::read(dir, file)? {
            out.push(mean_over_replications(
                &csv,
                name,
                keys,
                |c| units::unit(file, c).map(str::to_string),
                &show,
            )?);
        }
    }
    if let Some(csv) = Csv::read(dir, "markets.csv")? {
        let mut sheet = mean_over_replications(
            &csv,
            "Markets",
            &["month", "region", "sector", "measure"],
            |_| None,
            &show,
        )?;
        // The unit is the measure's: a column of its own after `measure`.
        sheet.columns.insert(4, Column::plain("unit"));
        for row in &mut sheet.rows {
            let unit = match &row[3] {
                Cell::Text(measure) => {
                    units::market_measure(measure).map_or(Cell::Empty, Cell::text)
                }
                _ => Cell::Empty,
            };
            row.insert(4, unit);
        }
        out.push(sheet);
    }
    if let Some(csv) = Csv::read(dir, "events.csv")? {
        out.push(as_written(&csv, "Events", |_| None, &show));
    }
    Ok(out)
}

/// The About sheet: what was run, how, and where the numbers come from.
fn about(manifest: &Value, summary: &Value) -> Sheet {
    let mut rows: Vec<(&str, Cell)> = vec![
        ("Scenario", text(&summary["scenario"])),
        ("Description", text(&summary["description"])),
        ("Scenario file", text(&manifest["scenario_file"])),
        (
            "Scenario files (as extended)",
            Cell::text(joined(&manifest["scenario_files"])),
        ),
        (
            "Overrides (--set)",
            Cell::text(joined(&manifest["overrides"])),
        ),
        ("Scenario SHA-256", text(&manifest["scenario_sha256"])),
        (
            "Seed",
            Cell::text(
                manifest["seed"]
                    .as_u64()
                    .map_or(String::new(), |s| s.to_string()),
            ),
        ),
        ("Replications", num(&summary["replications"])),
        ("Months", num(&summary["months"])),
        ("First month", parse_month_value(&summary["start"])),
        ("Last month", parse_month_value(&summary["end"])),
        (
            "Counterfactual",
            Cell::text(summary["counterfactual"].as_str().unwrap_or("none")),
        ),
        ("Wandel version", text(&manifest["wandel_version"])),
        ("Random numbers", text(&manifest["rng"])),
        ("Started (UTC)", text(&manifest["started_utc"])),
        (
            "Sources",
            Cell::text(
                "Each parameter's value, unit and source (a row of the calibration table, or a \
                 stated reason) is in the scenario files' comments (their text is in \
                 manifest.json) and in Wandel's docs/calibration.md and docs/model.md; every \
                 column is described in docs/outputs.md",
            ),
        ),
        (
            "How to read",
            Cell::text(
                "Means over the replications; 95 % confidence intervals of the mean from \
                 Student's t; effects are paired differences between the scenario and its \
                 counterfactual under common random numbers; the sheets Cohorts, Economy, \
                 Markets and Policies by month are means over replications of the \
                 per-replication files, with the number of replications that have each row",
            ),
        ),
    ];
    rows.retain(|(_, c)| *c != Cell::Empty && *c != Cell::text(""));
    Sheet {
        name: "About".to_string(),
        columns: vec![Column::plain("field"), Column::plain("value")],
        rows: rows
            .into_iter()
            .map(|(k, v)| vec![Cell::text(k), v])
            .collect(),
    }
}

fn parse_month_value(v: &Value) -> Cell {
    v.as_str().and_then(parse_month).unwrap_or(Cell::Empty)
}

/// A sheet of a `summary.json` list of records: one row per record, one column per
/// `(header, key)` of `fields` (text for the text keys, numbers for the others), and
/// `extra` appended to every row under the header `extra_header`.
fn records(
    name: String,
    list: &[Value],
    fields: &[(&str, &str)],
    extra: Option<(&str, Cell)>,
) -> Sheet {
    let is_text = |key: &str| matches!(key, "label" | "name" | "unit");
    let mut columns: Vec<Column> = fields.iter().map(|(h, _)| Column::plain(h)).collect();
    if let Some((h, _)) = &extra {
        columns.push(Column::plain(h));
    }
    let rows = list
        .iter()
        .map(|r| {
            let mut row: Vec<Cell> = fields
                .iter()
                .map(|(_, k)| if is_text(k) { text(&r[k]) } else { num(&r[k]) })
                .collect();
            if let Some((_, c)) = &extra {
                row.push(c.clone());
            }
            row
        })
        .collect();
    Sheet {
        name,
        columns,
        rows,
    }
}

/// The headline indicators of `summary.json`, with their base counts.
fn indicators(summary: &Value) -> Sheet {
    let fields = [
        ("indicator", "label"),
        ("key", "name"),
        ("unit", "unit"),
        ("mean", "mean"),
        ("ci95_low", "ci95_low"),
        ("ci95_high", "ci95_high"),
        ("p05", "p05"),
        ("p95", "p95"),
        ("replications", "replications"),
        ("workers", "workers"),
    ];
    let list = summary["indicators"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    records("Summary".to_string(), &list, &fields, None)
}

/// The headline effects of `summary.json` (scenario minus counterfactual).
fn effects(summary: &Value) -> Option<Sheet> {
    let list = summary["effects"].as_array()?;
    let fields = [
        ("effect", "label"),
        ("key", "name"),
        ("unit", "unit"),
        ("mean", "mean"),
        ("ci95_low", "ci95_low"),
        ("ci95_high", "ci95_high"),
        ("se_paired", "se_paired"),
        ("se_unpaired", "se_unpaired"),
    ];
    let name = format!(
        "Effects vs {}",
        summary["counterfactual"]
            .as_str()
            .unwrap_or("counterfactual")
    );
    Some(records(
        name,
        list,
        &fields,
        Some(("replications", num(&summary["replications"]))),
    ))
}

/// Each policy's totals over the run (`policies` of `summary.json`).
fn policy_totals(summary: &Value, labels: &Labels) -> Option<Sheet> {
    let show = |c: &str, f: &str| labels.show(c, f);
    let list = summary["policies"].as_array()?;
    let fields = [
        ("policy", None),
        ("kind", None),
        ("entries", Some("workers")),
        ("entries_50_plus_pct", Some("%")),
        ("completions", Some("workers")),
        ("dropouts", Some("workers")),
        ("placements", Some("workers")),
        ("referrals", Some("workers")),
        ("in_work_or_education_pct", Some("%")),
        ("cost", Some("€")),
        ("employer_cost", Some("€")),
    ];
    let columns = fields
        .iter()
        .map(|(f, u)| match u {
            Some(u) => Column::with_unit(f, u),
            None => Column::plain(f),
        })
        .collect();
    let rows = list
        .iter()
        .map(|p| {
            fields
                .iter()
                .map(|(f, u)| match (f, u) {
                    (_, Some(_)) => num(&p[f]),
                    (&"kind", None) => Cell::text(show("kind", p[f].as_str().unwrap_or(""))),
                    _ => text(&p[f]),
                })
                .collect()
        })
        .collect();
    Some(Sheet {
        name: "Policies".to_string(),
        columns,
        rows,
    })
}

/// `ledger.csv` by calendar year: each arm's amounts summed over the year's months in each
/// replication, their mean over replications with its 95 % interval; and, for every arm after
/// the first, the paired difference first arm minus that arm, replication by replication.
fn ledger_by_year(csv: &Csv) -> Result<Sheet> {
    let at = |c: &str| csv.position(c);
    let (arm_at, month_at, rep_at, item_at, policy_at, amount_at) = (
        at("arm")?,
        at("month")?,
        at("replication")?,
        at("item")?,
        at("policy")?,
        at("amount")?,
    );
    // (arm, year, item, policy) in the order first seen → replication → sum.
    let mut order: Vec<(String, String, String, String)> = Vec::new();
    let mut sums: BTreeMap<(String, String, String, String), BTreeMap<u64, f64>> = BTreeMap::new();
    let mut arms: Vec<String> = Vec::new();
    for r in &csv.records {
        let year = r[month_at].split('-').next().unwrap_or("").to_string();
        let key = (
            r[arm_at].clone(),
            year,
            r[item_at].clone(),
            r[policy_at].clone(),
        );
        if !arms.contains(&r[arm_at]) {
            arms.push(r[arm_at].clone());
        }
        let rep: u64 = r[rep_at].parse().unwrap_or(0);
        let amount: f64 = r[amount_at].parse().unwrap_or(f64::NAN);
        let by_rep = sums.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            BTreeMap::new()
        });
        *by_rep.entry(rep).or_insert(0.0) += amount;
    }
    let row = |arm: String, key: &(String, String, String, String), values: &[f64]| {
        let m = mean_ci(values);
        vec![
            Cell::text(arm),
            parse_cell("year", &key.1),
            Cell::text(key.2.clone()),
            Cell::text(key.3.clone()),
            Cell::maybe(m.map(|m| m.mean)),
            Cell::maybe(m.and_then(|m| m.low())),
            Cell::maybe(m.and_then(|m| m.high())),
            Cell::Number(m.map_or(0, |m| m.n) as f64),
        ]
    };
    let mut rows = Vec::new();
    for key in &order {
        let values: Vec<f64> = sums[key].values().copied().collect();
        rows.push(row(key.0.clone(), key, &values));
    }
    if let Some(first) = arms.first() {
        for other in arms.iter().skip(1) {
            for key in order.iter().filter(|k| &k.0 == first) {
                let other_key = (other.clone(), key.1.clone(), key.2.clone(), key.3.clone());
                let Some(b) = sums.get(&other_key) else {
                    continue;
                };
                let a = &sums[key];
                let reps: Vec<u64> = a.keys().filter(|r| b.contains_key(r)).copied().collect();
                let av: Vec<f64> = reps.iter().map(|r| a[r]).collect();
                let bv: Vec<f64> = reps.iter().map(|r| b[r]).collect();
                rows.push(row(format!("{first} − {other}"), key, &paired(&av, &bv)));
            }
        }
    }
    Ok(Sheet {
        name: "Ledger by year".to_string(),
        columns: vec![
            Column::plain("arm"),
            Column::plain("year"),
            Column::plain("item"),
            Column::plain("policy"),
            Column::with_unit("amount", "€"),
            Column::with_unit("ci95_low", "€"),
            Column::with_unit("ci95_high", "€"),
            Column::plain("replications"),
        ],
        rows,
    })
}
