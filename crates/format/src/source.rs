//! Where a value came from: a scenario file (with byte span) or a `--set` override, and how to
//! turn that into `file:line:column` plus the source line for messages.

use std::io::Read;
use std::path::{Path, PathBuf};

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
    /// The source line, for the snippet: at most [`SNIPPET_WIDTH`] characters, cut around the
    /// fault (with `…` where it was cut).
    pub snippet: Option<String>,
    /// 1-based position of the fault in `snippet` (0 when unknown).
    pub caret: usize,
}

impl Location {
    /// A location that names only a file (or nothing, with an empty name): for problems with
    /// the whole file, such as one that cannot be read.
    pub fn file_only(file: impl Into<String>) -> Location {
        Location {
            file: file.into(),
            line: 0,
            column: 0,
            snippet: None,
            caret: 0,
        }
    }
}

/// Largest input file read, bytes: 32 MiB (reason: the largest scenario users run, Germany
/// with about 400 counties and a full accessibility table between them, is about 10 MB of
/// TOML; parsing takes about 40 bytes of memory per byte of text, so this bounds a file's
/// tree at about 1.3 GB; a device or a huge file is refused by its size, not by running out
/// of memory).
pub const MAX_FILE_BYTES: u64 = 32 << 20;

/// Reads `path` as UTF-8 text of at most [`MAX_FILE_BYTES`]; the error says why not (a
/// directory, too large, not text, or what the system says).
pub fn read_text(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.is_dir() {
        return Err("it is a directory, not a file".to_string());
    }
    let too_large = || {
        format!(
            "it is larger than {} MB, the most an input file may have (a scenario of 400 regions \
             with every accessibility pair is about 10 MB)",
            MAX_FILE_BYTES >> 20
        )
    };
    if meta.is_file() && meta.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    // Read at most one byte past the bound: a device or a pipe has no size to check first.
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "it is not UTF-8 text (byte {} is not valid UTF-8)",
            e.utf8_error().valid_up_to() + 1
        )
    })
}

/// Widest source excerpt a message shows, characters (reason: a line of a terminal or a log;
/// a longer line is cut around the fault, so that a megabyte-long line of bad values does not
/// fill the terminal once per problem).
pub const SNIPPET_WIDTH: usize = 100;

/// `line` cut to [`SNIPPET_WIDTH`] characters around 1-based character `column`, with `…` at
/// each cut end, and the column's position in the cut.
pub fn window(line: &str, column: usize) -> (String, usize) {
    let n = line.chars().count();
    if n <= SNIPPET_WIDTH {
        return (line.to_string(), column);
    }
    let at = column.saturating_sub(1).min(n);
    let start = at.saturating_sub(SNIPPET_WIDTH / 3).min(n - SNIPPET_WIDTH);
    let end = start + SNIPPET_WIDTH;
    let mut cut: String = line.chars().skip(start).take(SNIPPET_WIDTH).collect();
    let mut caret = at - start + 1;
    if start > 0 {
        cut.insert(0, '…');
        caret += 1;
    }
    if end < n {
        cut.push('…');
    }
    (cut, caret)
}

impl Sources {
    /// Resolves an origin into a location.
    pub fn locate(&self, origin: Origin, fallback_file: usize) -> Location {
        match origin {
            Origin::File { file, start, .. } => {
                let f = &self.files[file];
                let (line, column) = f.line_col(start);
                let (snippet, caret) = window(f.line_text(line), column);
                Location {
                    file: f.path.display().to_string(),
                    line,
                    column,
                    snippet: Some(snippet),
                    caret,
                }
            }
            Origin::Set { index } => Location {
                file: "--set".to_string(),
                line: 0,
                column: 0,
                snippet: self.overrides.get(index).map(|o| window(o, 1).0),
                caret: 0,
            },
            Origin::Nowhere => Location {
                file: self
                    .files
                    .get(fallback_file)
                    .map_or_else(String::new, |f| f.path.display().to_string()),
                line: 1,
                column: 1,
                snippet: None,
                caret: 0,
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

    #[test]
    fn a_long_line_is_cut_around_the_fault_and_the_caret_follows() {
        let line = format!("x = [{}\"bad\", 1]", "1, ".repeat(10_000));
        let column = line.find("\"bad\"").unwrap() + 1;
        let (cut, caret) = window(&line, column);
        assert!(cut.chars().count() <= SNIPPET_WIDTH + 2);
        assert!(cut.starts_with('…'));
        let at: String = cut.chars().skip(caret - 1).take(5).collect();
        assert_eq!(at, "\"bad\"");
        // A short line stays whole.
        assert_eq!(window("a = 1", 5), ("a = 1".to_string(), 5));
    }
}
