//! Typed reading of the document tree with every problem collected: wrong types, values out of
//! range, missing keys, and unknown keys (with the nearest valid key suggested).
//!
//! The reader is also the format's schema: a key is valid exactly where the validator asks
//! for it, so unknown keys and unknown `--set` paths are found the same way.

use wandel_engine::Month;

use crate::diagnostic::Diagnostic;
use crate::source::{Location, Origin, Sources};
use crate::tree::{Node, Value};

/// The allowed range of a number.
#[derive(Clone, Copy, Debug)]
pub enum Range {
    /// A probability or share in [0, 1].
    Unit,
    /// Strictly between 0 and 1.
    OpenUnit,
    /// At least 0.
    NonNegative,
    /// Greater than 0.
    Positive,
    /// Between the bounds, inclusive.
    Between(f64, f64),
    /// Any finite number (not NaN, not infinite).
    Finite,
}

impl Range {
    fn admits(self, x: f64) -> bool {
        match self {
            Range::Unit => (0.0..=1.0).contains(&x),
            Range::OpenUnit => x > 0.0 && x < 1.0,
            Range::NonNegative => x >= 0.0,
            Range::Positive => x > 0.0,
            Range::Between(a, b) => x >= a && x <= b,
            Range::Finite => x.is_finite(),
        }
    }

    fn describe(self) -> String {
        match self {
            Range::Unit => "a number in [0, 1]".into(),
            Range::OpenUnit => "a number strictly between 0 and 1".into(),
            Range::NonNegative => "a number ≥ 0".into(),
            Range::Positive => "a number > 0".into(),
            Range::Between(a, b) => format!("a number in [{a}, {b}]"),
            Range::Finite => "a finite number (not nan or inf)".into(),
        }
    }
}

/// Longest key path or message a problem keeps, characters (reason: a message quotes the bad
/// value, which may be a megabyte-long string; the excerpt shows where it is).
pub const MESSAGE_WIDTH: usize = 1000;

/// `text` cut to `width` characters, with `…` where it was cut.
fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut s: String = text.chars().take(width).collect();
    s.push('…');
    s
}

/// Collects diagnostics while reading.
pub struct Reader<'s> {
    sources: &'s Sources,
    /// Problems found so far.
    pub diagnostics: Vec<Diagnostic>,
}

/// A table being read: remembers which keys were asked for.
pub struct Table<'n> {
    node: Option<&'n Node>,
    /// Dotted path of the table.
    pub path: String,
    asked: Vec<&'static str>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl<'n> Table<'n> {
    /// A table reader over `node` (None when the table is absent) at `path`.
    pub fn new(node: Option<&'n Node>, path: String) -> Table<'n> {
        Table {
            node,
            path,
            asked: Vec::new(),
        }
    }

    /// The origin of the table itself.
    pub fn origin(&self) -> Origin {
        self.node.map_or(Origin::Nowhere, |n| n.origin)
    }

    fn take(&mut self, key: &'static str) -> Option<&'n Node> {
        self.asked.push(key);
        self.node.and_then(|n| n.get(key))
    }

    /// The node of `key` without marking it as asked for.
    pub fn node_get(&self, key: &str) -> Option<&'n Node> {
        self.node.and_then(|n| n.get(key))
    }

    /// True when `key` is present.
    pub fn has(&self, key: &str) -> bool {
        self.node.and_then(|n| n.get(key)).is_some()
    }
}

impl<'s> Reader<'s> {
    /// A reader for the given sources.
    pub fn new(sources: &'s Sources) -> Reader<'s> {
        Reader {
            sources,
            diagnostics: Vec::new(),
        }
    }

    /// Records a problem at `origin` for key path `key`.
    pub fn error(&mut self, origin: Origin, key: &str, message: impl Into<String>) {
        // Past the problems a report shows, a problem is counted without its excerpt (finding
        // a line and column costs the length of the line: a file of many bad values on one
        // long line would take quadratic time and memory).
        let location = if self.diagnostics.len() < crate::diagnostic::SHOWN {
            self.sources.locate(origin, 0)
        } else {
            Location::file_only(String::new())
        };
        self.diagnostics.push(Diagnostic {
            location,
            key: cut(key, MESSAGE_WIDTH),
            message: cut(&message.into(), MESSAGE_WIDTH),
        });
    }

    /// Where `origin` is, as `file:line` (for messages that point at a second place).
    pub fn describe_origin(&self, origin: Origin) -> String {
        let l = self.sources.locate(origin, 0);
        if l.line > 0 {
            format!("{}:{}", l.file, l.line)
        } else {
            l.file
        }
    }

    /// Reports keys of `table` that were never asked for.
    pub fn finish(&mut self, table: Table<'_>) {
        let Some(Node {
            value: Value::Table(entries),
            ..
        }) = table.node
        else {
            return;
        };
        for e in entries {
            if table.asked.contains(&e.key.as_str()) {
                continue;
            }
            let mut best: Option<(&str, f64)> = None;
            for &k in &table.asked {
                let score = strsim::jaro_winkler(&e.key, k);
                if score > best.map_or(0.0, |b| b.1) {
                    best = Some((k, score));
                }
            }
            let mut allowed: Vec<&str> = table.asked.clone();
            allowed.sort_unstable();
            allowed.dedup();
            let hint = match best {
                Some((k, s)) if s >= 0.8 => format!("; did you mean `{}`?", join(&table.path, k)),
                _ => String::new(),
            };
            let where_ = if table.path.is_empty() {
                "at the top level".to_string()
            } else {
                format!("in `{}`", table.path)
            };
            self.error(
                e.key_origin,
                &join(&table.path, &e.key),
                format!(
                    "unknown key {where_}{hint} (allowed: {})",
                    allowed.join(", ")
                ),
            );
        }
    }

    fn missing(&mut self, table: &Table<'_>, key: &str, what: &str) {
        let origin = table.origin();
        let where_ = if table.path.is_empty() {
            String::new()
        } else {
            format!(" in `{}`", table.path)
        };
        self.error(
            origin,
            &join(&table.path, key),
            format!("missing required key{where_}: expected {what}"),
        );
    }

    fn wrong_type(&mut self, node: &Node, path: &str, what: &str) {
        self.error(
            node.origin,
            path,
            format!("expected {what}, found {}", node.value.type_name()),
        );
    }

    /// A number (integer or float) in `range`; `default` when absent (required when None).
    pub fn number(
        &mut self,
        t: &mut Table<'_>,
        key: &'static str,
        default: Option<f64>,
        range: Range,
    ) -> f64 {
        let path = join(&t.path, key);
        let fallback = default.unwrap_or(0.0);
        let Some(node) = t.take(key) else {
            if default.is_none() {
                self.missing(t, key, &range.describe());
            }
            return fallback;
        };
        let x = match node.value {
            Value::Int(i) => i as f64,
            Value::Float(f) => f,
            _ => {
                self.wrong_type(node, &path, &range.describe());
                return fallback;
            }
        };
        if !x.is_finite() || !range.admits(x) {
            self.error(
                node.origin,
                &path,
                format!("must be {}, got {x}", range.describe()),
            );
            return fallback;
        }
        x
    }

    /// A whole number in `[min, max]`; `default` when absent (required when None).
    pub fn integer(
        &mut self,
        t: &mut Table<'_>,
        key: &'static str,
        default: Option<i64>,
        min: i64,
        max: i64,
    ) -> i64 {
        let path = join(&t.path, key);
        let what = format!("a whole number from {min} to {max}");
        let fallback = default.unwrap_or(min.max(0));
        let Some(node) = t.take(key) else {
            if default.is_none() {
                self.missing(t, key, &what);
            }
            return fallback;
        };
        let Value::Int(i) = node.value else {
            self.wrong_type(node, &path, &what);
            return fallback;
        };
        if i < min || i > max {
            self.error(node.origin, &path, format!("must be {what}, got {i}"));
            return fallback;
        }
        i
    }

    /// A string; `default` when absent (required when None).
    pub fn string(
        &mut self,
        t: &mut Table<'_>,
        key: &'static str,
        default: Option<&str>,
    ) -> String {
        let path = join(&t.path, key);
        let Some(node) = t.take(key) else {
            if default.is_none() {
                self.missing(t, key, "a string");
            }
            return default.unwrap_or("").to_string();
        };
        match &node.value {
            Value::Str(s) => s.clone(),
            _ => {
                self.wrong_type(node, &path, "a string");
                default.unwrap_or("").to_string()
            }
        }
    }

    /// An optional display label (`label = "..."`): None when absent; a label must not be
    /// empty and at most 80 characters, so it fits a chart legend.
    pub fn label(&mut self, t: &mut Table<'_>) -> Option<String> {
        let node = t.node_get("label")?;
        let label = self.string(t, "label", Some(""));
        let n = label.chars().count();
        if matches!(node.value, Value::Str(_)) && (label.trim().is_empty() || n > 80) {
            self.error(
                node.origin,
                &join(&t.path, "label"),
                format!("must be a text of 1 to 80 characters, not blank; got {n} characters: \"{label}\""),
            );
            return None;
        }
        (!label.is_empty()).then_some(label)
    }

    /// A name: non-empty, letters, digits, `_` and `-` only.
    pub fn name(&mut self, t: &mut Table<'_>, key: &'static str) -> String {
        let origin = t.node.and_then(|n| n.get(key)).map(|n| n.origin);
        let s = self.string(t, key, None);
        if let Some(origin) = origin {
            if s.is_empty()
                || !s
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                self.error(
                    origin,
                    &join(&t.path, key),
                    format!("must be a name of letters, digits, `_` or `-`, got \"{s}\""),
                );
            }
        }
        s
    }

    /// One of `options`; `default` when absent.
    pub fn choice(
        &mut self,
        t: &mut Table<'_>,
        key: &'static str,
        default: &str,
        options: &[&str],
    ) -> String {
        let origin = t.node.and_then(|n| n.get(key)).map(|n| n.origin);
        let s = self.string(t, key, Some(default));
        if !options.contains(&s.as_str()) {
            let list: Vec<String> = options.iter().map(|o| format!("\"{o}\"")).collect();
            self.error(
                origin.unwrap_or(Origin::Nowhere),
                &join(&t.path, key),
                format!("must be one of {}, got \"{s}\"", list.join(", ")),
            );
            return default.to_string();
        }
        s
    }

    /// A boolean; `default` when absent.
    pub fn boolean(&mut self, t: &mut Table<'_>, key: &'static str, default: bool) -> bool {
        let path = join(&t.path, key);
        match t.take(key) {
            None => default,
            Some(Node {
                value: Value::Bool(b),
                ..
            }) => *b,
            Some(node) => {
                self.wrong_type(node, &path, "true or false");
                default
            }
        }
    }

    /// A calendar month written `"YYYY-MM"`; required.
    pub fn month(&mut self, t: &mut Table<'_>, key: &'static str) -> Option<(Month, Origin)> {
        let path = join(&t.path, key);
        let Some(node) = t.take(key) else {
            self.missing(t, key, "a month \"YYYY-MM\"");
            return None;
        };
        self.month_value(node, &path).map(|m| (m, node.origin))
    }

    /// Reads a month from a node.
    pub fn month_value(&mut self, node: &Node, path: &str) -> Option<Month> {
        match &node.value {
            Value::Str(s) => match Month::parse(s) {
                Some(m) => Some(m),
                None => {
                    self.error(
                        node.origin,
                        path,
                        format!("must be a month \"YYYY-MM\" (month 01 to 12), got \"{s}\""),
                    );
                    None
                }
            },
            _ => {
                self.wrong_type(node, path, "a month \"YYYY-MM\"");
                None
            }
        }
    }

    /// A sub-table (absent tables read as empty).
    pub fn table<'n>(&mut self, t: &mut Table<'n>, key: &'static str) -> Table<'n> {
        let path = join(&t.path, key);
        match t.take(key) {
            Some(
                node @ Node {
                    value: Value::Table(_),
                    ..
                },
            ) => Table::new(Some(node), path),
            Some(node) => {
                self.wrong_type(node, &path, "a table");
                Table::new(None, path)
            }
            None => Table::new(None, path),
        }
    }

    /// An array of tables (`[[key]]`); empty when absent.
    pub fn tables<'n>(&mut self, t: &mut Table<'n>, key: &'static str) -> Vec<Table<'n>> {
        let path = join(&t.path, key);
        match t.take(key) {
            Some(Node {
                value: Value::Array(items),
                ..
            }) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let p = format!("{path}.{i}");
                    match item.value {
                        Value::Table(_) => Some(Table::new(Some(item), p)),
                        _ => {
                            self.wrong_type(item, &p, "a table");
                            None
                        }
                    }
                })
                .collect(),
            Some(node) => {
                self.wrong_type(node, &path, "an array of tables ([[...]])");
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// The raw node of `key` (for values with several accepted shapes).
    pub fn raw<'n>(&mut self, t: &mut Table<'n>, key: &'static str) -> Option<&'n Node> {
        t.take(key)
    }
}
