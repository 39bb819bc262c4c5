//! Where a value came from: a scenario file (with byte span) or a `--set` override, and how to
//! turn that into `file:line:column` plus the source line for messages.

use std::path::PathBuf;

/// The origin of a key or value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Byte range in file number `file` of the [`Sources`].
    File {
        /// File number.
        file: usize,
        /// Start byte.
        start: usize,
        /// End byte.
        end: usize,
    },
    /// The `--set` override number `index`.
    Set {
        /// Override number, in command-line order.
        index: usize,
    },
    /// Not written anywhere (a default, or a table the parser created implicitly).
    Nowhere,
}

/// One scenario file's text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as given (or as resolved from `extends`).
    pub path: PathBuf,
    /// The text.
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// A file with its text.
    pub fn new(path: PathBuf, text: String) -> SourceFile {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path,
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// The text of 1-based line `line`, without its newline.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self
            .line_starts
            .get(line - 1)
            .copied()
            .unwrap_or(self.text.len());
        let end = self.line_starts.get(line).map_or(self.text.len(), |&e| e);
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }
}

/// All files and overrides that make up one scenario.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    /// Files, the scenario named on the command line first, then what it extends.
    pub files: Vec<SourceFile>,
    /// `--set` overrides as given (`path=value`).
    pub overrides: Vec<String>,
}

/// A resolved location for a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// File path, or `--set` for an override.
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// The source line, for the snippet.
    pub snippet: Option<String>,
}

impl Sources {
    /// Resolves an origin into a location.
    pub fn locate(&self, origin: Origin, fallback_file: usize) -> Location {
        match origin {
            Origin::File { file, start, .. } => {
                let f = &self.files[file];
                let (line, column) = f.line_col(start);
                Location {
                    file: f.path.display().to_string(),
                    line,
                    column,
                    snippet: Some(f.line_text(line).to_string()),
                }
            }
            Origin::Set { index } => Location {
                file: "--set".to_string(),
                line: 0,
                column: 0,
                snippet: self.overrides.get(index).cloned(),
            },
            Origin::Nowhere => Location {
                file: self
                    .files
                    .get(fallback_file)
                    .map_or_else(String::new, |f| f.path.display().to_string()),
                line: 1,
                column: 1,
                snippet: None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based() {
        let f = SourceFile::new("a.toml".into(), "a = 1\nbé = 2\n".into());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(6), (2, 1));
        assert_eq!(f.line_col(11), (2, 5)); // "bé =" is 4 characters, 5 bytes
        assert_eq!(f.line_text(2), "bé = 2");
    }
}
