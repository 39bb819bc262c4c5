//! Scenario problems: each with file, line, column, key path and what is allowed; all of a
//! scenario's problems are collected and reported together.

use std::fmt;

use crate::source::Location;

/// One problem in a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where it is.
    pub location: Location,
    /// The dotted key path (e.g. `firms.0.count`), empty for syntax errors.
    pub key: String,
    /// What is wrong, and what is allowed.
    pub message: String,
}

impl Diagnostic {
    /// A problem with the whole file at `path` (it cannot be read, or is the wrong kind of file).
    pub fn of_file(path: &std::path::Path, message: String) -> Diagnostic {
        Diagnostic {
            location: Location::file_only(path.display().to_string()),
            key: String::new(),
            message,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let loc = &self.location;
        if self.key.is_empty() {
            write!(f, "error: {}", self.message)?;
        } else {
            write!(f, "error: {}: {}", self.key, self.message)?;
        }
        if loc.line > 0 {
            write!(f, "\n  --> {}:{}:{}", loc.file, loc.line, loc.column)?;
            if let Some(snippet) = &loc.snippet {
                let n = loc.line.to_string();
                let pad = " ".repeat(n.len());
                let caret = " ".repeat(loc.caret.saturating_sub(1));
                write!(f, "\n {pad} |\n {n} | {snippet}\n {pad} | {caret}^")?;
            }
        } else if let Some(snippet) = &loc.snippet {
            write!(f, "\n  --> {} {}", loc.file, snippet)?;
        } else if !loc.file.is_empty() {
            write!(f, "\n  --> {}", loc.file)?;
        }
        Ok(())
    }
}

/// Every problem found in a scenario (never empty when returned as an error).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

/// Most problems a report prints in full (reason: the first ones show what is wrong; a file
/// with thousands of bad values should not print thousands of excerpts).
pub const SHOWN: usize = 50;

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().take(SHOWN).enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            writeln!(f, "{d}")?;
        }
        let n = self.0.len();
        if n > SHOWN {
            writeln!(
                f,
                "\n… and {} more problem{} (the first {SHOWN} are shown)",
                n - SHOWN,
                if n - SHOWN == 1 { "" } else { "s" }
            )?;
        }
        write!(
            f,
            "{n} problem{} found; nothing was run or written",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for Diagnostics {}
