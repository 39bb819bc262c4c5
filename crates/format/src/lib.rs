//! Wandel's located TOML reader, the only code in the workspace that parses TOML input:
//! scenario files, sweep files and every policy kind's table are read through it.
//!
//! - [`source`]: the files read and the `--set` overrides, and how a byte span becomes
//!   `file:line:column` with its source line;
//! - [`tree`]: a document as a tree of values that remember their origin ([`parse`] builds
//!   one from a file's text);
//! - [`reader`]: typed reads with ranges, every problem collected, unknown keys found;
//! - [`diagnostic`]: the problems, as users see them;
//! - [`names`]: named lists (regions, sectors, …) and references to them;
//! - [`overrides`]: `--set path=value` applied to a tree;
//! - [`value_text`], [`float_text`], [`Node::to_toml_text`](tree::Node::to_toml_text): values
//!   and trees written back as TOML.
//!
//! The reader is the schema: a key is valid exactly where some reader asks for it.

#![deny(missing_docs)]

pub mod diagnostic;
pub mod names;
pub mod overrides;
pub mod reader;
pub mod source;
pub mod tree;

pub use diagnostic::{Diagnostic, Diagnostics};

use toml::de::DeTable;
use wandel_engine::Month;

use reader::{Reader, Table};
use source::{Origin, Sources};
use tree::{Node, Value};

/// The origin of `node` when present, else of the table `t` it was looked up in.
pub fn origin_of(t: &Table<'_>, node: Option<&Node>) -> Origin {
    node.map_or(t.origin(), |n| n.origin)
}

/// A value as quoted in messages: numbers as written, anything else by its type name.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        other => other.type_name().to_string(),
    }
}

/// Reports month `m` (key path `key`) when it falls outside the run from `start` to `end`
/// (exclusive).
pub fn check_in_run(
    rd: &mut Reader<'_>,
    m: Month,
    origin: Origin,
    key: &str,
    start: Month,
    end: Month,
) {
    if m < start || m >= end {
        rd.error(
            origin,
            key,
            format!("month {m} is outside the run ({start} to {})", end.plus(-1)),
        );
    }
}

/// Parses file number `file` of `sources` into a tree, or the located TOML syntax error.
pub fn parse(sources: &Sources, file: usize) -> Result<Node, Diagnostic> {
    let text = &sources.files[file].text;
    let whole = Origin::File {
        file,
        start: 0,
        end: 0,
    };
    match DeTable::parse(text) {
        Ok(table) => Ok(tree::from_table(table.get_ref(), file, whole)),
        Err(e) => {
            let origin = e.span().map_or(whole, |s| Origin::File {
                file,
                start: s.start,
                end: s.end,
            });
            Err(Diagnostic {
                location: sources.locate(origin, file),
                key: String::new(),
                message: format!("TOML syntax: {}", e.message().trim()),
            })
        }
    }
}

/// A value as written in output files: a TOML string without its quotes, anything else as
/// given (`"\"steel\""` → `steel`, `0.5` → `0.5`).
pub fn value_text(text: &str) -> String {
    match format!("v = {text}").parse::<toml::Table>() {
        Ok(t) => match t.get("v") {
            Some(toml::Value::String(s)) => s.clone(),
            _ => text.to_string(),
        },
        Err(_) => text.to_string(),
    }
}

/// A number as TOML writes a float (`0.5`, `1.0`, `1e-7`).
pub fn float_text(x: f64) -> String {
    toml::Value::Float(x).to_string()
}
