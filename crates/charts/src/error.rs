//! `ChartError`: everything that can go wrong while reading a run directory or drawing from it.
//!
//! Every variant names the file involved, so a user who edited or truncated an output file by hand
//! can find the problem without a debugger.

use std::fmt;
use std::path::PathBuf;

/// An error while reading the output files of `wandel run` or while drawing charts from them.
#[derive(Debug)]
pub enum ChartError {
    /// A file the charts need does not exist.
    MissingFile {
        /// The missing file.
        path: PathBuf,
    },
    /// A file could not be read or written.
    Io {
        /// The file being read or written.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A CSV file is malformed (for example a row with the wrong number of fields).
    Csv {
        /// The CSV file.
        path: PathBuf,
        /// Line of the problem (1 = header), when known.
        line: Option<u64>,
        /// What the CSV reader reported.
        message: String,
    },
    /// A CSV file lacks a column the charts need.
    MissingColumn {
        /// The CSV file.
        path: PathBuf,
        /// The column that is missing from its header.
        column: String,
    },
    /// A field does not hold the kind of value its column needs.
    BadValue {
        /// The CSV file.
        path: PathBuf,
        /// Line of the field (1 = header, so data starts at line 2).
        line: u64,
        /// The column of the field.
        column: String,
        /// The field as found in the file.
        value: String,
        /// What was expected, e.g. "a number".
        expected: &'static str,
    },
    /// A JSON file is malformed or lacks a field.
    Json {
        /// The JSON file.
        path: PathBuf,
        /// What was wrong.
        message: String,
    },
    /// The drawing backend failed (also covers font problems).
    Draw {
        /// The chart being drawn.
        chart: String,
        /// What the backend reported.
        message: String,
    },
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::MissingFile { path } => write!(
                f,
                "{}: file not found (is this an output directory of `wandel run`?)",
                path.display()
            ),
            ChartError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            ChartError::Csv {
                path,
                line: Some(line),
                message,
            } => write!(
                f,
                "{}, line {line}: malformed CSV: {message}",
                path.display()
            ),
            ChartError::Csv {
                path,
                line: None,
                message,
            } => write!(f, "{}: malformed CSV: {message}", path.display()),
            ChartError::MissingColumn { path, column } => {
                write!(f, "{}: no column `{column}` in the header", path.display())
            }
            ChartError::BadValue {
                path,
                line,
                column,
                value,
                expected,
            } => write!(
                f,
                "{}, line {line}, column `{column}`: `{value}` is not {expected}",
                path.display()
            ),
            ChartError::Json { path, message } => write!(f, "{}: {message}", path.display()),
            ChartError::Draw { chart, message } => {
                write!(f, "drawing chart `{chart}` failed: {message}")
            }
        }
    }
}

impl std::error::Error for ChartError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ChartError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
