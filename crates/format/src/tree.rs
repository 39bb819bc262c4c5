//! A scenario document as a tree of values that remember where they came from, so files can be
//! merged (`extends`) and overridden (`--set`) while every value still points at its origin.

use toml::de::{DeTable, DeValue};

use crate::source::Origin;

/// A value with its origin.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where the value was written.
    pub origin: Origin,
}

/// A TOML value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A string.
    Str(String),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// A date or time (kept as text; scenarios use `YYYY-MM` strings instead).
    Datetime(String),
    /// An array.
    Array(Vec<Node>),
    /// A table: entries in key order, each key with its own origin.
    Table(Vec<Entry>),
}

/// A table entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The key.
    pub key: String,
    /// Where the key was written.
    pub key_origin: Origin,
    /// The value.
    pub node: Node,
}

impl Value {
    /// A short name of the value's type for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a float",
            Value::Bool(_) => "a boolean",
            Value::Datetime(_) => "a date-time",
            Value::Array(_) => "an array",
            Value::Table(_) => "a table",
        }
    }
}

fn origin(file: usize, span: std::ops::Range<usize>) -> Origin {
    Origin::File {
        file,
        start: span.start,
        end: span.end,
    }
}

/// Converts a parsed table of file `file` into a node tree.
pub fn from_table(table: &DeTable<'_>, file: usize, table_origin: Origin) -> Node {
    let entries = table
        .iter()
        .map(|(k, v)| Entry {
            key: k.get_ref().to_string(),
            key_origin: origin(file, k.span()),
            node: from_value(v.get_ref(), file, origin(file, v.span())),
        })
        .collect();
    Node {
        value: Value::Table(entries),
        origin: table_origin,
    }
}

/// Converts a parsed value.
pub fn from_value(value: &DeValue<'_>, file: usize, at: Origin) -> Node {
    let value = match value {
        DeValue::String(s) => Value::Str(s.to_string()),
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Value::Int(n),
            Err(_) => Value::Float(f64::NAN),
        },
        DeValue::Float(f) => Value::Float(f.as_str().replace('_', "").parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::Datetime(d.to_string()),
        DeValue::Array(a) => Value::Array(
            a.iter()
                .map(|v| from_value(v.get_ref(), file, origin(file, v.span())))
                .collect(),
        ),
        DeValue::Table(t) => return from_table(t, file, at),
    };
    Node { value, origin: at }
}

/// Merges `child` over `base`: tables merge key by key, anything else is replaced.
pub fn merge(base: &mut Node, child: Node) {
    match (&mut base.value, child.value) {
        (Value::Table(base_entries), Value::Table(child_entries)) => {
            for entry in child_entries {
                match base_entries.iter_mut().find(|e| e.key == entry.key) {
                    Some(existing) => {
                        existing.key_origin = entry.key_origin;
                        merge(&mut existing.node, entry.node);
                    }
                    None => base_entries.push(entry),
                }
            }
        }
        (_, value) => {
            base.value = value;
            base.origin = child.origin;
        }
    }
}

impl Node {
    /// The entry `key` of a table node.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Table(entries) => entries.iter().find(|e| e.key == key).map(|e| &e.node),
            _ => None,
        }
    }

    /// The tree written as a TOML document (for the resolved scenario in the manifest).
    pub fn to_toml_text(&self) -> String {
        toml::to_string(&self.to_toml()).unwrap_or_default()
    }

    /// Converts into a `toml::Value` (for the resolved scenario written to the manifest).
    pub fn to_toml(&self) -> toml::Value {
        match &self.value {
            Value::Str(s) => toml::Value::String(s.clone()),
            Value::Int(i) => toml::Value::Integer(*i),
            Value::Float(f) => toml::Value::Float(*f),
            Value::Bool(b) => toml::Value::Boolean(*b),
            Value::Datetime(d) => toml::Value::String(d.clone()),
            Value::Array(a) => toml::Value::Array(a.iter().map(Node::to_toml).collect()),
            Value::Table(entries) => {
                let mut t = toml::Table::new();
                for e in entries {
                    t.insert(e.key.clone(), e.node.to_toml());
                }
                toml::Value::Table(t)
            }
        }
    }
}
