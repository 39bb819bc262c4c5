//! Reading a run directory (the files specified in `docs/outputs.md`) into plain tables.
//!
//! Charts never see engine types: everything they draw comes from here.
//! - `economy.csv` and `cohorts.csv` are wide tables: their key columns are parsed on load,
//!   other columns are parsed when a chart asks for them ([`WideTable::numbers`]), so an error
//!   names the file, line and column, and a new chart can use any column without touching this file.
//! - `markets.csv` is a long table ([`Markets`]) with interned region, sector and measure names.
//! - `events.csv`, `manifest.json` and `summary.json` are small and parsed in full.
//! - `effects.csv`, `ledger.csv` and `followup.csv` are optional (runs without a
//!   counterfactual have no effects or follow-up, older runs no ledger): [`Effects`],
//!   [`Ledger`] and [`FollowUp`], `None` when the file is absent.
//!
//! Also here: the statistics across replications (mean, 5 % and 95 % quantiles).

use std::collections::HashMap;
use std::fmt;
use std::fs::File;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::ChartError;

/// A calendar month, counted as `year * 12 + (month - 1)` so months can be subtracted and plotted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Month(pub(crate) i32);

impl Month {
    /// Parses `YYYY-MM`.
    pub(crate) fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let month: i32 = month.parse().ok()?;
        if !(1..=12).contains(&month) {
            return None;
        }
        Some(Month(year * 12 + month - 1))
    }

    /// The calendar year.
    pub(crate) fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// The month of the year, 1 to 12.
    pub(crate) fn month_of_year(self) -> i32 {
        self.0.rem_euclid(12) + 1
    }

    /// The month as a plotting coordinate.
    pub(crate) fn x(self) -> f64 {
        f64::from(self.0)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month_of_year())
    }
}

// ---------------------------------------------------------------------------------------------
// CSV helpers

fn open_csv(path: &Path) -> Result<(csv::Reader<File>, Vec<String>), ChartError> {
    let file = File::open(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            ChartError::MissingFile {
                path: path.to_path_buf(),
            }
        } else {
            ChartError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(file);
    let headers = reader
        .headers()
        .map_err(|e| csv_error(path, &e))?
        .iter()
        .map(str::to_string)
        .collect();
    Ok((reader, headers))
}

fn csv_error(path: &Path, error: &csv::Error) -> ChartError {
    if let csv::ErrorKind::Io(io) = error.kind() {
        return ChartError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(io.kind(), io.to_string()),
        };
    }
    ChartError::Csv {
        path: path.to_path_buf(),
        line: error.position().map(csv::Position::line),
        message: error.to_string(),
    }
}

fn column_index(path: &Path, headers: &[String], column: &str) -> Result<usize, ChartError> {
    headers
        .iter()
        .position(|h| h == column)
        .ok_or_else(|| ChartError::MissingColumn {
            path: path.to_path_buf(),
            column: column.to_string(),
        })
}

/// One field with where it came from, for parsing with precise errors.
struct Field<'a> {
    path: &'a Path,
    line: u64,
    column: &'a str,
    text: &'a str,
}

impl Field<'_> {
    fn bad(&self, expected: &'static str) -> ChartError {
        ChartError::BadValue {
            path: self.path.to_path_buf(),
            line: self.line,
            column: self.column.to_string(),
            value: self.text.to_string(),
            expected,
        }
    }

    /// A number; empty fields are an error.
    fn number(&self) -> Result<f64, ChartError> {
        self.text.parse().map_err(|_| self.bad("a number"))
    }

    /// A number, or NaN for an empty field (columns documented as "empty when none").
    fn optional_number(&self) -> Result<f64, ChartError> {
        if self.text.is_empty() {
            Ok(f64::NAN)
        } else {
            self.text.parse().map_err(|_| self.bad("a number or empty"))
        }
    }

    fn integer(&self) -> Result<u32, ChartError> {
        self.text
            .parse()
            .map_err(|_| self.bad("a non-negative integer"))
    }

    fn month(&self) -> Result<Month, ChartError> {
        Month::parse(self.text).ok_or_else(|| self.bad("a month written YYYY-MM"))
    }
}

// ---------------------------------------------------------------------------------------------
// Wide tables: economy.csv, cohorts.csv

/// A CSV file kept as text; columns are parsed on request.
pub(crate) struct WideTable {
    /// The file it was read from (for error messages).
    pub(crate) path: PathBuf,
    headers: Vec<String>,
    rows: Vec<csv::StringRecord>,
    lines: Vec<u64>,
}

impl WideTable {
    fn read(path: &Path) -> Result<WideTable, ChartError> {
        let (mut reader, headers) = open_csv(path)?;
        let mut rows = Vec::new();
        let mut lines = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(path, &e))?;
            lines.push(record.position().map_or(0, csv::Position::line));
            rows.push(record);
        }
        Ok(WideTable {
            path: path.to_path_buf(),
            headers,
            rows,
            lines,
        })
    }

    /// Number of data rows.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    fn parse<T>(
        &self,
        column: &str,
        parse: impl Fn(&Field<'_>) -> Result<T, ChartError>,
    ) -> Result<Vec<T>, ChartError> {
        let index = column_index(&self.path, &self.headers, column)?;
        self.rows
            .iter()
            .zip(&self.lines)
            .map(|(row, &line)| {
                parse(&Field {
                    path: &self.path,
                    line,
                    column,
                    text: row.get(index).unwrap_or(""),
                })
            })
            .collect()
    }

    /// A numeric column, one value per row; every field must be a number.
    pub(crate) fn numbers(&self, column: &str) -> Result<Vec<f64>, ChartError> {
        self.parse(column, |f| f.number())
    }

    /// A numeric column where empty fields mean "no value" (NaN).
    pub(crate) fn optional_numbers(&self, column: &str) -> Result<Vec<f64>, ChartError> {
        self.parse(column, |f| f.optional_number())
    }

    /// A column of non-negative integers.
    pub(crate) fn integers(&self, column: &str) -> Result<Vec<u32>, ChartError> {
        self.parse(column, |f| f.integer())
    }

    /// A column of months written `YYYY-MM`.
    pub(crate) fn months(&self, column: &str) -> Result<Vec<Month>, ChartError> {
        self.parse(column, |f| f.month())
    }

    /// A text column.
    pub(crate) fn texts(&self, column: &str) -> Result<Vec<String>, ChartError> {
        self.parse(column, |f| Ok(f.text.to_string()))
    }
}

/// `economy.csv`: one row per month and replication.
pub(crate) struct Economy {
    /// The `month` column.
    pub(crate) month: Vec<Month>,
    /// The `replication` column.
    pub(crate) replication: Vec<u32>,
    /// All columns, for [`WideTable::numbers`].
    pub(crate) table: WideTable,
}

/// `cohorts.csv`: one row per replication, age group and months since displacement.
pub(crate) struct Cohorts {
    /// The `group` column: "all", an age group, or a breakdown (`sector:…`, `occupation:…`,
    /// `region:…`).
    pub(crate) group: Vec<String>,
    /// The `months_since` column.
    pub(crate) months_since: Vec<u32>,
    /// The `n` column (displaced workers observed).
    pub(crate) n: Vec<f64>,
    /// All columns, for [`WideTable::numbers`].
    pub(crate) table: WideTable,
}

// ---------------------------------------------------------------------------------------------
// markets.csv: long table

/// One row of `markets.csv`, names interned in [`Markets`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct MarketRow {
    pub(crate) month: Month,
    pub(crate) replication: u32,
    pub(crate) region: u32,
    pub(crate) sector: u32,
    pub(crate) measure: u32,
    /// NaN when the field was empty.
    pub(crate) value: f64,
}

/// `markets.csv`: region × sector × measure, long format.
pub(crate) struct Markets {
    /// Rows in file order.
    pub(crate) rows: Vec<MarketRow>,
    /// Region names in order of first appearance.
    pub(crate) regions: Vec<String>,
    /// Sector names (including `all`) in order of first appearance.
    pub(crate) sectors: Vec<String>,
    /// Measure names in order of first appearance.
    pub(crate) measures: Vec<String>,
}

#[derive(Default)]
struct Interner {
    names: Vec<String>,
    index: HashMap<String, u32>,
}

impl Interner {
    fn get(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }
}

impl Markets {
    fn read(path: &Path) -> Result<Markets, ChartError> {
        let (mut reader, headers) = open_csv(path)?;
        let columns = [
            "month",
            "replication",
            "region",
            "sector",
            "measure",
            "value",
        ];
        let mut idx = [0usize; 6];
        for (slot, column) in idx.iter_mut().zip(columns) {
            *slot = column_index(path, &headers, column)?;
        }
        let (mut regions, mut sectors, mut measures) = (
            Interner::default(),
            Interner::default(),
            Interner::default(),
        );
        let mut rows = Vec::new();
        let mut record = csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => return Err(csv_error(path, &e)),
            }
            let line = record.position().map_or(0, csv::Position::line);
            let field = |i: usize| Field {
                path,
                line,
                column: columns[i],
                text: record.get(idx[i]).unwrap_or(""),
            };
            rows.push(MarketRow {
                month: field(0).month()?,
                replication: field(1).integer()?,
                region: regions.get(field(2).text),
                sector: sectors.get(field(3).text),
                measure: measures.get(field(4).text),
                value: field(5).optional_number()?,
            });
        }
        Ok(Markets {
            rows,
            regions: regions.names,
            sectors: sectors.names,
            measures: measures.names,
        })
    }

    /// The interned index of a measure, if it occurs.
    pub(crate) fn measure(&self, name: &str) -> Option<u32> {
        position(&self.measures, name)
    }

    /// The interned index of a sector, if it occurs.
    pub(crate) fn sector(&self, name: &str) -> Option<u32> {
        position(&self.sectors, name)
    }
}

fn position(names: &[String], name: &str) -> Option<u32> {
    names
        .iter()
        .position(|n| n == name)
        .and_then(|i| u32::try_from(i).ok())
}

// ---------------------------------------------------------------------------------------------
// events.csv

/// One scheduled shock from `events.csv`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Event {
    pub(crate) month: Month,
    pub(crate) kind: String,
    pub(crate) label: String,
}

fn read_events(path: &Path) -> Result<Vec<Event>, ChartError> {
    let table = WideTable::read(path)?;
    let months = table.months("month")?;
    let kinds = table.texts("kind")?;
    let labels = table.texts("label")?;
    Ok(months
        .into_iter()
        .zip(kinds)
        .zip(labels)
        .map(|((month, kind), label)| Event { month, kind, label })
        .collect())
}

// ---------------------------------------------------------------------------------------------
// effects.csv, ledger.csv

/// One row of `effects.csv`: an indicator's paired effect in one month.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EffectRow {
    pub(crate) month: Month,
    pub(crate) indicator: String,
    pub(crate) unit: String,
    pub(crate) effect: f64,
    /// NaN when there are fewer than two replications.
    pub(crate) ci95_low: f64,
    pub(crate) ci95_high: f64,
    /// Mean of the scenario's replications.
    pub(crate) scenario: f64,
    /// Mean of the counterfactual's replications.
    pub(crate) counterfactual: f64,
}

/// `effects.csv`.
pub(crate) struct Effects {
    pub(crate) rows: Vec<EffectRow>,
}

impl Effects {
    fn read(path: &Path) -> Result<Effects, ChartError> {
        let t = WideTable::read(path)?;
        let months = t.months("month")?;
        let indicators = t.texts("indicator")?;
        let units = t.texts("unit")?;
        let effect = t.numbers("effect")?;
        let lo = t.optional_numbers("ci95_low")?;
        let hi = t.optional_numbers("ci95_high")?;
        let scenario = t.numbers("scenario")?;
        let counterfactual = t.numbers("counterfactual")?;
        let rows = (0..t.len())
            .map(|i| EffectRow {
                month: months[i],
                indicator: indicators[i].clone(),
                unit: units[i].clone(),
                effect: effect[i],
                ci95_low: lo[i],
                ci95_high: hi[i],
                scenario: scenario[i],
                counterfactual: counterfactual[i],
            })
            .collect();
        Ok(Effects { rows })
    }

    /// The rows of one indicator, in month order.
    pub(crate) fn indicator(&self, name: &str) -> Vec<&EffectRow> {
        let mut rows: Vec<&EffectRow> = self.rows.iter().filter(|r| r.indicator == name).collect();
        rows.sort_by_key(|r| r.month);
        rows
    }
}

/// One row of `followup.csv`: a policy's participants (or the applicants it passed over)
/// some months after entry, against the same workers in the counterfactual.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FollowRow {
    pub(crate) policy: String,
    /// `participants` or `passed_over`.
    pub(crate) group: String,
    pub(crate) months_since_entry: u32,
    /// Workers followed (mean over replications).
    pub(crate) workers: f64,
    /// Percentage points; the interval is missing with one replication.
    pub(crate) effect: f64,
    pub(crate) ci95_low: f64,
    pub(crate) ci95_high: f64,
}

/// `followup.csv`.
pub(crate) struct FollowUp {
    pub(crate) rows: Vec<FollowRow>,
}

impl FollowUp {
    fn read(path: &Path) -> Result<FollowUp, ChartError> {
        let t = WideTable::read(path)?;
        let policies = t.texts("policy")?;
        let groups = t.texts("group")?;
        let months = t.integers("months_since_entry")?;
        let workers = t.numbers("workers")?;
        let effect = t.optional_numbers("effect_pp")?;
        let lo = t.optional_numbers("ci95_low")?;
        let hi = t.optional_numbers("ci95_high")?;
        let rows = (0..t.len())
            .map(|i| FollowRow {
                policy: policies[i].clone(),
                group: groups[i].clone(),
                months_since_entry: months[i],
                workers: workers[i],
                effect: effect[i],
                ci95_low: lo[i],
                ci95_high: hi[i],
            })
            .collect();
        Ok(FollowUp { rows })
    }

    /// The policies followed, in the order of their first row.
    pub(crate) fn policies(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for r in &self.rows {
            if !out.contains(&r.policy.as_str()) {
                out.push(&r.policy);
            }
        }
        out
    }

    /// The rows of one policy's group, by months since entry.
    pub(crate) fn group(&self, policy: &str, group: &str) -> Vec<&FollowRow> {
        let mut rows: Vec<&FollowRow> = self
            .rows
            .iter()
            .filter(|r| r.policy == policy && r.group == group)
            .collect();
        rows.sort_by_key(|r| r.months_since_entry);
        rows
    }
}

/// One row of `ledger.csv`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LedgerRow {
    pub(crate) arm: String,
    pub(crate) month: Month,
    pub(crate) replication: u32,
    pub(crate) item: String,
    pub(crate) policy: String,
    /// Euros; spending positive, revenue negative.
    pub(crate) amount: f64,
}

/// `ledger.csv`.
pub(crate) struct Ledger {
    pub(crate) rows: Vec<LedgerRow>,
}

impl Ledger {
    fn read(path: &Path) -> Result<Ledger, ChartError> {
        let t = WideTable::read(path)?;
        let arms = t.texts("arm")?;
        let months = t.months("month")?;
        let reps = t.integers("replication")?;
        let items = t.texts("item")?;
        let policies = t.texts("policy")?;
        let amounts = t.numbers("amount")?;
        let rows = (0..t.len())
            .map(|i| LedgerRow {
                arm: arms[i].clone(),
                month: months[i],
                replication: reps[i],
                item: items[i].clone(),
                policy: policies[i].clone(),
                amount: amounts[i],
            })
            .collect();
        Ok(Ledger { rows })
    }
}

/// One row of `decomposition.csv` (written by `wandel run --decompose`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PartRow {
    pub(crate) measure: String,
    pub(crate) unit: String,
    /// `package`, a policy's name, or `interaction`.
    pub(crate) part: String,
    pub(crate) mean: Option<f64>,
    pub(crate) ci95: Option<(f64, f64)>,
    /// On the package's rows: "add up", "reinforce each other", "overlap" or "—".
    pub(crate) verdict: String,
}

/// `decomposition.csv`.
pub(crate) struct Decomposition {
    pub(crate) rows: Vec<PartRow>,
}

impl Decomposition {
    fn read(path: &Path) -> Result<Decomposition, ChartError> {
        let t = WideTable::read(path)?;
        let measures = t.texts("measure")?;
        let units = t.texts("unit")?;
        let parts = t.texts("part")?;
        let means = t.optional_numbers("mean")?;
        let lows = t.optional_numbers("ci95_low")?;
        let highs = t.optional_numbers("ci95_high")?;
        let verdicts = t.texts("verdict")?;
        let finite = |v: f64| v.is_finite().then_some(v);
        let rows = (0..t.len())
            .map(|i| PartRow {
                measure: measures[i].clone(),
                unit: units[i].clone(),
                part: parts[i].clone(),
                mean: finite(means[i]),
                ci95: finite(lows[i]).zip(finite(highs[i])),
                verdict: verdicts[i].clone(),
            })
            .collect();
        Ok(Decomposition { rows })
    }

    /// The rows of one measure, in file order.
    pub(crate) fn measure(&self, name: &str) -> Vec<&PartRow> {
        self.rows.iter().filter(|r| r.measure == name).collect()
    }
}

/// One row of `regional_adjustment.csv` (written by `wandel run --counterfactual no-shocks`
/// for a scenario with a closure): a measure's paired change in the closure's region.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ChangeRow {
    pub(crate) months_after: u32,
    pub(crate) measure: String,
    pub(crate) change: f64,
    pub(crate) ci95: Option<(f64, f64)>,
}

/// `regional_adjustment.csv`.
pub(crate) struct RegionalAdjustment {
    pub(crate) rows: Vec<ChangeRow>,
}

impl RegionalAdjustment {
    fn read(path: &Path) -> Result<RegionalAdjustment, ChartError> {
        let t = WideTable::read(path)?;
        let months = t.integers("months_after_closure")?;
        let measures = t.texts("measure")?;
        let changes = t.numbers("change")?;
        let lows = t.optional_numbers("ci95_low")?;
        let highs = t.optional_numbers("ci95_high")?;
        let finite = |v: f64| v.is_finite().then_some(v);
        let rows = (0..t.len())
            .map(|i| ChangeRow {
                months_after: months[i],
                measure: measures[i].clone(),
                change: changes[i],
                ci95: finite(lows[i]).zip(finite(highs[i])),
            })
            .collect();
        Ok(RegionalAdjustment { rows })
    }

    /// The row of `measure` at `months` after the closure.
    pub(crate) fn at(&self, months: u32, measure: &str) -> Option<&ChangeRow> {
        self.rows
            .iter()
            .find(|r| r.months_after == months && r.measure == measure)
    }
}

/// Reads an optional file: `None` when it does not exist.
fn optional<T>(
    path: &Path,
    read: fn(&Path) -> Result<T, ChartError>,
) -> Result<Option<T>, ChartError> {
    if path.exists() {
        read(path).map(Some)
    } else {
        Ok(None)
    }
}

// ---------------------------------------------------------------------------------------------
// JSON files

/// The fields of `manifest.json` the charts and the report use.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Manifest {
    pub(crate) wandel_version: String,
    pub(crate) scenario_name: String,
    #[serde(default)]
    pub(crate) scenario_file: Option<String>,
    #[serde(default)]
    pub(crate) scenario_sha256: Option<String>,
    #[serde(default)]
    pub(crate) resolved_scenario: Option<String>,
    pub(crate) seed: u64,
    pub(crate) replications: u64,
    #[serde(default)]
    pub(crate) rng: Option<String>,
    #[serde(default)]
    pub(crate) started_utc: Option<String>,
    /// `--set` overrides of the run, as given.
    #[serde(default)]
    pub(crate) overrides: Vec<String>,
    /// The scenario files as written, comments included (the named file first).
    #[serde(default)]
    pub(crate) scenario_sources: Vec<SourceText>,
    /// Display labels of regions and sectors, by name.
    #[serde(default)]
    pub(crate) labels: Labels,
    /// What the effects compare against (`no-policies`, `no-shocks`), if anything.
    #[serde(default)]
    pub(crate) counterfactual: Option<String>,
}

/// One scenario file of `manifest.json` `scenario_sources`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct SourceText {
    pub(crate) file: String,
    pub(crate) text: String,
}

/// `manifest.json` `labels`: display labels by name.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct Labels {
    #[serde(default)]
    pub(crate) regions: HashMap<String, String>,
    #[serde(default)]
    pub(crate) sectors: HashMap<String, String>,
}

impl Labels {
    /// The region's label, or its name.
    pub(crate) fn region<'a>(&'a self, name: &'a str) -> &'a str {
        self.regions.get(name).map_or(name, String::as_str)
    }

    /// The sector's label, or its name.
    pub(crate) fn sector<'a>(&'a self, name: &'a str) -> &'a str {
        self.sectors.get(name).map_or(name, String::as_str)
    }
}

/// One headline indicator of `summary.json`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Indicator {
    pub(crate) name: String,
    /// What it measures, for people; older files have none (the name is shown instead).
    #[serde(default)]
    pub(crate) label: Option<String>,
    pub(crate) unit: String,
    /// `null` in the file (e.g. an undefined mean) is kept as `None`.
    pub(crate) mean: Option<f64>,
    pub(crate) p05: Option<f64>,
    pub(crate) p95: Option<f64>,
    /// The 95 % confidence interval of the mean; older files have none.
    #[serde(default)]
    pub(crate) ci95_low: Option<f64>,
    #[serde(default)]
    pub(crate) ci95_high: Option<f64>,
    /// Replications that observed it; older files have none.
    #[serde(default)]
    pub(crate) replications: Option<u64>,
    /// Workers a figure about a group pools over the replications.
    #[serde(default)]
    pub(crate) workers: Option<u64>,
    /// Why the values are `null`, when the figure rests on too few.
    #[serde(default)]
    pub(crate) suppressed: Option<String>,
}

/// `summary.json`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Summary {
    pub(crate) replications: u64,
    pub(crate) months: u64,
    pub(crate) start: String,
    pub(crate) end: String,
    pub(crate) indicators: Vec<Indicator>,
    /// What the effects compare against, if anything.
    #[serde(default)]
    pub(crate) counterfactual: Option<String>,
    /// Headline effects against the counterfactual.
    #[serde(default)]
    pub(crate) effects: Vec<EffectSummary>,
    /// Against the run without the closure: the local multiplier 36 months after it.
    #[serde(default)]
    pub(crate) local_multiplier_36m: Option<Indicator>,
    /// Who gains at whose expense: worker-level policies' participants against the economy.
    #[serde(default)]
    pub(crate) crowding_out: Vec<CrowdingSummary>,
    /// Each policy's totals in the scenario arm.
    #[serde(default)]
    pub(crate) policies: Vec<PolicySummary>,
    /// Each hiring subsidy's deadweight and costs.
    #[serde(default)]
    pub(crate) hiring_subsidies: Vec<HiringSummary>,
    /// With `--decompose`: each measure's package, parts and interaction.
    #[serde(default)]
    pub(crate) decomposition: Vec<MeasurePartsSummary>,
}

/// One policy's totals (`policies` of `summary.json`).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct PolicySummary {
    pub(crate) policy: String,
    pub(crate) kind: String,
    pub(crate) entries: f64,
    #[serde(default)]
    pub(crate) entries_50_plus_pct: Option<f64>,
    pub(crate) cost: f64,
    pub(crate) employer_cost: f64,
}

/// One hiring subsidy's effects (`hiring_subsidies` of `summary.json`), the part the report
/// shows.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct HiringSummary {
    pub(crate) policy: String,
    #[serde(default)]
    pub(crate) deadweight_pct: Option<EstimateSummary>,
}

/// One measure of `decomposition` in `summary.json`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct MeasurePartsSummary {
    pub(crate) measure: String,
    pub(crate) unit: String,
    #[serde(default)]
    pub(crate) package: Option<EstimateSummary>,
    #[serde(default)]
    pub(crate) parts: Vec<(String, Option<EstimateSummary>)>,
    #[serde(default)]
    pub(crate) interaction: Option<EstimateSummary>,
    #[serde(default)]
    pub(crate) verdict: String,
}

/// A mean with its 95 % interval (`summary.json`).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct EstimateSummary {
    pub(crate) mean: f64,
    #[serde(default)]
    pub(crate) ci95_low: Option<f64>,
    #[serde(default)]
    pub(crate) ci95_high: Option<f64>,
}

/// One row of `crowding_out` in `summary.json`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct CrowdingSummary {
    pub(crate) policy: String,
    pub(crate) replications: u64,
    pub(crate) participants: f64,
    #[serde(default)]
    pub(crate) participants_job_years: Option<EstimateSummary>,
    #[serde(default)]
    pub(crate) economy_job_years: Option<EstimateSummary>,
    #[serde(default)]
    pub(crate) taken_from_others_pct: Option<EstimateSummary>,
    /// Why the share is not given.
    #[serde(default)]
    pub(crate) note: Option<String>,
}

/// One headline effect of `summary.json`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct EffectSummary {
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) label: Option<String>,
    pub(crate) unit: String,
    pub(crate) mean: Option<f64>,
    #[serde(default)]
    pub(crate) ci95_low: Option<f64>,
    #[serde(default)]
    pub(crate) ci95_high: Option<f64>,
    #[serde(default)]
    pub(crate) se_paired: Option<f64>,
    #[serde(default)]
    pub(crate) se_unpaired: Option<f64>,
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, ChartError> {
    let text = std::fs::read_to_string(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            ChartError::MissingFile {
                path: path.to_path_buf(),
            }
        } else {
            ChartError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    })?;
    serde_json::from_str(&text).map_err(|e| ChartError::Json {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

impl Summary {
    /// Reads `DIR/summary.json`.
    pub(crate) fn load(dir: &Path) -> Result<Summary, ChartError> {
        read_json(&dir.join("summary.json"))
    }
}

// ---------------------------------------------------------------------------------------------
// The whole run

/// Everything the charts are drawn from.
pub(crate) struct RunData {
    pub(crate) economy: Economy,
    pub(crate) markets: Markets,
    pub(crate) cohorts: Cohorts,
    pub(crate) events: Vec<Event>,
    pub(crate) manifest: Manifest,
    /// `effects.csv`, when the run had a counterfactual.
    pub(crate) effects: Option<Effects>,
    /// `ledger.csv`, when the run wrote one.
    pub(crate) ledger: Option<Ledger>,
    /// `followup.csv`, when the run followed a policy's participants.
    pub(crate) followup: Option<FollowUp>,
    /// `decomposition.csv`, when the run was decomposed (`--decompose`).
    pub(crate) decomposition: Option<Decomposition>,
    /// `regional_adjustment.csv`, when a closure was compared with the run without it.
    pub(crate) regional: Option<RegionalAdjustment>,
    /// The headline effects of `summary.json` (empty without a counterfactual or a summary).
    pub(crate) headline: Vec<EffectSummary>,
    /// The kind of each policy, by policy name (`steel_jsc` → `job_security_council`), from
    /// `summary.json` (empty without policies or a summary).
    pub(crate) policy_kinds: HashMap<String, String>,
}

impl RunData {
    /// Reads the CSV files and `manifest.json` of a run directory.
    pub(crate) fn load(dir: &Path) -> Result<RunData, ChartError> {
        let manifest = read_json(&dir.join("manifest.json"))?;
        let table = WideTable::read(&dir.join("economy.csv"))?;
        let economy = Economy {
            month: table.months("month")?,
            replication: table.integers("replication")?,
            table,
        };
        let markets = Markets::read(&dir.join("markets.csv"))?;
        let table = WideTable::read(&dir.join("cohorts.csv"))?;
        table.integers("replication")?; // validated; charts pool replications
        let mut n = table.numbers("n")?;
        // Charts describe one cohort: the closure's staff when a closure displaced anyone,
        // otherwise the laid off (files without a `cause` column hold one cohort).
        if let Ok(cause) = table.texts("cause") {
            let closure = (0..n.len()).any(|i| cause[i] == "closure" && n[i] > 0.0);
            let keep = if closure { "closure" } else { "layoff" };
            for (w, c) in n.iter_mut().zip(&cause) {
                if c != keep {
                    *w = 0.0;
                }
            }
        }
        let cohorts = Cohorts {
            group: table.texts("group")?,
            months_since: table.integers("months_since")?,
            n,
            table,
        };
        let events = read_events(&dir.join("events.csv"))?;
        // A counterfactual is named in the manifest: its effects must then be there.
        let effects_path = dir.join("effects.csv");
        let effects = if manifest_counterfactual(&manifest) {
            Some(Effects::read(&effects_path)?)
        } else {
            optional(&effects_path, Effects::read)?
        };
        let ledger = optional(&dir.join("ledger.csv"), Ledger::read)?;
        let followup = optional(&dir.join("followup.csv"), FollowUp::read)?;
        let decomposition = optional(&dir.join("decomposition.csv"), Decomposition::read)?;
        let regional = optional(
            &dir.join("regional_adjustment.csv"),
            RegionalAdjustment::read,
        )?;
        let summary = optional(&dir.join("summary.json"), read_json::<Summary>)?;
        let policy_kinds = summary
            .as_ref()
            .map(|s| {
                s.policies
                    .iter()
                    .map(|p| (p.policy.clone(), p.kind.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let headline = summary.map(|s| s.effects).unwrap_or_default();
        Ok(RunData {
            economy,
            markets,
            cohorts,
            events,
            manifest,
            effects,
            ledger,
            followup,
            decomposition,
            regional,
            headline,
            policy_kinds,
        })
    }
}

fn manifest_counterfactual(m: &Manifest) -> bool {
    m.counterfactual.is_some()
}

// ---------------------------------------------------------------------------------------------
// Statistics across replications

/// Mean and 5–95 % range of one quantity across replications.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Band {
    pub(crate) mean: f64,
    pub(crate) p05: f64,
    pub(crate) p95: f64,
}

/// Quantile `q` of sorted values, linear interpolation between order statistics
/// (type 7 in Hyndman & Fan, the default of R and NumPy).
pub(crate) fn quantile(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        1 => sorted[0],
        n => {
            let h = q * (n - 1) as f64;
            let lo = h.floor() as usize;
            let hi = (lo + 1).min(n - 1);
            sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
        }
    }
}

/// Mean and 5–95 % range of the finite values; `None` when there are none.
pub(crate) fn band(values: &[f64]) -> Option<Band> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    Some(Band {
        mean: v.iter().sum::<f64>() / v.len() as f64,
        p05: quantile(&v, 0.05),
        p95: quantile(&v, 0.95),
    })
}

/// Accumulates a weighted mean.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WeightedMean {
    sum: f64,
    weight: f64,
}

impl WeightedMean {
    /// Adds `value` with `weight`; non-finite values and non-positive weights are ignored.
    pub(crate) fn add(&mut self, value: f64, weight: f64) {
        if value.is_finite() && weight.is_finite() && weight > 0.0 {
            self.sum += value * weight;
            self.weight += weight;
        }
    }

    /// The mean, or `None` when nothing with positive weight was added.
    pub(crate) fn get(&self) -> Option<f64> {
        (self.weight > 0.0).then(|| self.sum / self.weight)
    }
}
