//! The sheets of a workbook before they are written: typed cells (numbers, text, calendar
//! months, empty), columns with their units, and the readers that turn a result CSV file into
//! rows, as written or as means over replications.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// One cell of a sheet.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell {
    /// A number, written as a number (never as text).
    Number(f64),
    /// Text.
    Text(String),
    /// A calendar month (`YYYY-MM` in the files), written as an Excel date shown `yyyy-mm`.
    Month { year: u16, month: u8 },
    /// Nothing: an empty field, or a value that is not a finite number (NaN).
    Empty,
}

impl Cell {
    /// A number, or an empty cell for a value that is not finite.
    pub(crate) fn finite(v: f64) -> Cell {
        if v.is_finite() {
            Cell::Number(v)
        } else {
            Cell::Empty
        }
    }

    /// An optional number.
    pub(crate) fn maybe(v: Option<f64>) -> Cell {
        v.map_or(Cell::Empty, Cell::finite)
    }

    /// Text.
    pub(crate) fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

/// A column: its header and, when it has one, its unit (shown in the header row).
#[derive(Clone, Debug)]
pub(crate) struct Column {
    pub(crate) name: String,
    pub(crate) unit: Option<String>,
}

impl Column {
    /// A column with a unit.
    pub(crate) fn with_unit(name: &str, unit: &str) -> Column {
        Column {
            name: name.to_string(),
            unit: Some(unit.to_string()),
        }
    }

    /// A column without a unit (text, keys).
    pub(crate) fn plain(name: &str) -> Column {
        Column {
            name: name.to_string(),
            unit: None,
        }
    }

    /// The header cell's text: the name, and the unit in parentheses.
    pub(crate) fn header(&self) -> String {
        match &self.unit {
            Some(u) => format!("{} ({u})", self.name),
            None => self.name.clone(),
        }
    }
}

/// One sheet: a name, a header row and the rows under it.
#[derive(Clone, Debug)]
pub(crate) struct Sheet {
    pub(crate) name: String,
    pub(crate) columns: Vec<Column>,
    pub(crate) rows: Vec<Vec<Cell>>,
}

/// A JSON array of strings as one text, `", "` between them (empty when it is not one).
pub(crate) fn joined(v: &serde_json::Value) -> String {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(serde_json::Value::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

/// A result CSV file as read: its header and its fields.
pub(crate) struct Csv {
    pub(crate) file: String,
    pub(crate) header: Vec<String>,
    pub(crate) records: Vec<Vec<String>>,
}

impl Csv {
    /// Reads `dir/file`; `None` when the file does not exist.
    pub(crate) fn read(dir: &Path, file: &str) -> Result<Option<Csv>> {
        let path = dir.join(file);
        if !path.is_file() {
            return Ok(None);
        }
        let mut reader = csv::Reader::from_path(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let header: Vec<String> = reader
            .headers()
            .with_context(|| format!("cannot read the header of {}", path.display()))?
            .iter()
            .map(str::to_string)
            .collect();
        let mut records = Vec::new();
        for (i, r) in reader.records().enumerate() {
            let r = r.with_context(|| format!("{}: line {}", path.display(), i + 2))?;
            records.push(r.iter().map(str::to_string).collect());
        }
        Ok(Some(Csv {
            file: file.to_string(),
            header,
            records,
        }))
    }

    /// The position of column `name`, or an error naming the file.
    pub(crate) fn position(&self, name: &str) -> Result<usize> {
        match self.header.iter().position(|h| h == name) {
            Some(i) => Ok(i),
            None => bail!("{} has no column `{name}`", self.file),
        }
    }
}

/// Columns that hold text even when a value looks like a number: names and ids, and seeds
/// (up to 2^64, more digits than a spreadsheet's numbers keep).
const TEXT_COLUMNS: &[&str] = &[
    "arm",
    "cause",
    "group",
    "indicator",
    "unit",
    "item",
    "policy",
    "kind",
    "region",
    "sector",
    "measure",
    "part",
    "verdict",
    "suppressed",
    "label",
    "seed",
    "status",
    "error",
];

/// A field of column `column` as a cell: a month in a `month` column, text in a text column,
/// otherwise a number when it reads as one (not finite: empty), else text.
pub(crate) fn parse_cell(column: &str, field: &str) -> Cell {
    if field.is_empty() {
        return Cell::Empty;
    }
    if column == "month"
        && let Some(m) = parse_month(field)
    {
        return m;
    }
    if TEXT_COLUMNS.contains(&column) {
        return Cell::text(field);
    }
    match field.parse::<f64>() {
        Ok(v) => Cell::finite(v),
        Err(_) => Cell::text(field),
    }
}

/// `YYYY-MM` as a month cell.
pub(crate) fn parse_month(field: &str) -> Option<Cell> {
    let (y, m) = field.split_once('-')?;
    let year: u16 = y.parse().ok()?;
    let month: u8 = m.parse().ok()?;
    ((1900..=9999).contains(&year) && (1..=12).contains(&month))
        .then_some(Cell::Month { year, month })
}

/// A result file as written, every column kept, ids shown with their labels.
pub(crate) fn as_written(
    csv: &Csv,
    name: &str,
    unit: impl Fn(&str) -> Option<String>,
    label: &dyn Fn(&str, &str) -> String,
) -> Sheet {
    let columns = csv
        .header
        .iter()
        .map(|h| Column {
            name: h.clone(),
            unit: unit(h),
        })
        .collect();
    let rows = csv
        .records
        .iter()
        .map(|r| {
            r.iter()
                .zip(&csv.header)
                .map(|(f, h)| parse_cell(h, &label(h, f)))
                .collect()
        })
        .collect();
    Sheet {
        name: name.to_string(),
        columns,
        rows,
    }
}

/// A per-replication result file as means over replications: one row per combination of the
/// `keys` columns, in the order first seen, each other column (but `replication`) the mean of
/// its finite values over the replications that have the row, and a last column
/// `replications`, how many do.
pub(crate) fn mean_over_replications(
    csv: &Csv,
    name: &str,
    keys: &[&str],
    unit: impl Fn(&str) -> Option<String>,
    label: &dyn Fn(&str, &str) -> String,
) -> Result<Sheet> {
    let key_at: Vec<usize> = keys
        .iter()
        .map(|k| csv.position(k))
        .collect::<Result<_>>()?;
    let value_at: Vec<usize> = (0..csv.header.len())
        .filter(|i| !key_at.contains(i) && csv.header[*i] != "replication")
        .collect();
    let mut order: Vec<Vec<String>> = Vec::new();
    let mut sums: HashMap<Vec<String>, (Vec<f64>, Vec<usize>, usize)> = HashMap::new();
    for r in &csv.records {
        let key: Vec<String> = key_at.iter().map(|&i| r[i].clone()).collect();
        let entry = sums.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            (vec![0.0; value_at.len()], vec![0; value_at.len()], 0)
        });
        entry.2 += 1;
        for (j, &i) in value_at.iter().enumerate() {
            if let Ok(v) = r[i].parse::<f64>()
                && v.is_finite()
            {
                entry.0[j] += v;
                entry.1[j] += 1;
            }
        }
    }
    let mut columns: Vec<Column> = key_at
        .iter()
        .chain(&value_at)
        .map(|&i| Column {
            name: csv.header[i].clone(),
            unit: unit(&csv.header[i]),
        })
        .collect();
    columns.push(Column::plain("replications"));
    let rows = order
        .iter()
        .map(|key| {
            let (sum, count, reps) = &sums[key];
            let mut row: Vec<Cell> = key
                .iter()
                .zip(keys)
                .map(|(f, k)| parse_cell(k, &label(k, f)))
                .collect();
            row.extend(sum.iter().zip(count).map(|(s, &c)| {
                if c == 0 {
                    Cell::Empty
                } else {
                    Cell::finite(s / c as f64)
                }
            }));
            row.push(Cell::Number(*reps as f64));
            row
        })
        .collect();
    Ok(Sheet {
        name: name.to_string(),
        columns,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_become_typed_cells() {
        assert_eq!(
            parse_cell("month", "2027-01"),
            Cell::Month {
                year: 2027,
                month: 1
            }
        );
        assert_eq!(parse_cell("employed", "1234.5"), Cell::Number(1234.5));
        assert_eq!(parse_cell("employed", "NaN"), Cell::Empty);
        assert_eq!(parse_cell("employed", ""), Cell::Empty);
        assert_eq!(parse_cell("seed", "20251"), Cell::text("20251"));
        assert_eq!(parse_cell("group", "25-54"), Cell::text("25-54"));
    }

    #[test]
    fn means_over_replications_keep_the_order_and_skip_empty_values() {
        let csv = Csv {
            file: "x.csv".into(),
            header: vec!["month".into(), "replication".into(), "a".into(), "b".into()],
            records: vec![
                vec!["2025-01".into(), "0".into(), "1".into(), "".into()],
                vec!["2025-02".into(), "0".into(), "5".into(), "2".into()],
                vec!["2025-01".into(), "1".into(), "3".into(), "4".into()],
            ],
        };
        let s =
            mean_over_replications(&csv, "x", &["month"], |_| None, &|_, f| f.to_string()).unwrap();
        assert_eq!(s.columns.len(), 4);
        assert_eq!(s.rows[0][1], Cell::Number(2.0));
        assert_eq!(s.rows[0][2], Cell::Number(4.0));
        assert_eq!(s.rows[0][3], Cell::Number(2.0));
        assert_eq!(s.rows[1][3], Cell::Number(1.0));
    }
}
