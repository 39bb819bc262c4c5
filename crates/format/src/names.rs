//! Named lists and references to them, shared by the sections that declare names (`[[regions]]`,
//! `[[occupations]]`, `[[sectors]]`, `[[firms]]`) and those that refer to them: the name index
//! [`Names`], lists of bare names ([`read_names`]), the uniqueness check of named tables
//! ([`check_unique`]), and pair matrices over a named list ([`read_pairs`], for
//! `[[accessibility]]` and `[[similarity]]`).

use std::collections::BTreeMap;

use crate::origin_of;
use crate::reader::{Range, Reader, Table};
use crate::source::Origin;
use crate::tree::{Node, Value};

/// Names declared in a section, for resolving references.
pub struct Names {
    what: &'static str,
    section: &'static str,
    index: BTreeMap<String, u16>,
}

impl Names {
    /// The index of `names`, declared under `[[section]]`, each a `what` (e.g. "region").
    pub fn new(what: &'static str, section: &'static str, names: &[String]) -> Names {
        let index = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u16))
            .collect();
        Names {
            what,
            section,
            index,
        }
    }

    /// The index of `name`, or an error at `origin` for key path `key` listing the names.
    pub fn resolve(
        &self,
        rd: &mut Reader<'_>,
        name: &str,
        origin: Origin,
        key: &str,
    ) -> Option<u16> {
        if let Some(&i) = self.index.get(name) {
            return Some(i);
        }
        let mut list: Vec<&str> = self.index.keys().map(String::as_str).collect();
        list.sort_unstable();
        rd.error(
            origin,
            key,
            format!(
                "unknown {} \"{name}\": define it under [[{}]] first (defined: {})",
                self.what,
                self.section,
                if list.is_empty() {
                    "none".to_string()
                } else {
                    list.join(", ")
                }
            ),
        );
        None
    }
}

/// `[[key]]` tables holding a `name` and an optional display `label`: at least one, names
/// unique. Returns the names and, for each, its label if it has one.
pub fn read_names(
    rd: &mut Reader<'_>,
    top: &mut Table<'_>,
    key: &'static str,
    what: &str,
) -> (Vec<String>, Vec<Option<String>>) {
    let mut names = Vec::new();
    let mut labels = Vec::new();
    let mut origins = Vec::new();
    for mut t in rd.tables(top, key) {
        origins.push(t.node_get("name").map_or(t.origin(), |n| n.origin));
        names.push(rd.name(&mut t, "name"));
        labels.push(rd.label(&mut t));
        rd.finish(t);
    }
    if names.is_empty() {
        rd.error(
            Origin::Nowhere,
            key,
            format!("at least one [[{key}]] table with a {what} name is required"),
        );
    }
    for i in 0..names.len() {
        if names[..i].contains(&names[i]) {
            rd.error(
                origins[i],
                &format!("{key}.{i}.name"),
                format!(
                    "duplicate {what} name \"{}\": names must be unique",
                    names[i]
                ),
            );
        }
    }
    (names, labels)
}

/// The display labels of named entities (`label = "..."`), by name; names without a label
/// are left out.
pub fn label_map(
    names: &[String],
    labels: Vec<Option<String>>,
) -> std::collections::BTreeMap<String, String> {
    names
        .iter()
        .zip(labels)
        .filter_map(|(n, l)| l.map(|l| (n.clone(), l)))
        .collect()
}

/// Reports names of the `[[key]]` tables that repeat an earlier one.
pub fn check_unique(rd: &mut Reader<'_>, root: &Node, key: &str, names: Vec<String>) {
    for i in 0..names.len() {
        if names[..i].contains(&names[i]) {
            let origin = match root.get(key).map(|n| &n.value) {
                Some(Value::Array(items)) => items
                    .get(i)
                    .and_then(|t| t.get("name"))
                    .map_or(Origin::Nowhere, |n| n.origin),
                _ => Origin::Nowhere,
            };
            rd.error(
                origin,
                &format!("{key}.{i}.name"),
                format!("duplicate name \"{}\": names must be unique", names[i]),
            );
        }
    }
}

/// `[[accessibility]]` / `[[similarity]]`: pairs `from`, `to`, `value`, `both_ways` (default
/// true); the diagonal is 1 and unlisted pairs are 0.
pub fn read_pairs(
    rd: &mut Reader<'_>,
    top: &mut Table<'_>,
    key: &'static str,
    names: &Names,
    n: usize,
) -> Vec<f64> {
    let mut matrix = vec![0.0; n * n];
    for i in 0..n {
        matrix[i * n + i] = 1.0;
    }
    for mut t in rd.tables(top, key) {
        let path = t.path.clone();
        let from_node = t.node_get("from");
        let to_node = t.node_get("to");
        let from = rd.string(&mut t, "from", None);
        let to = rd.string(&mut t, "to", None);
        let from = names.resolve(rd, &from, origin_of(&t, from_node), &format!("{path}.from"));
        let to = names.resolve(rd, &to, origin_of(&t, to_node), &format!("{path}.to"));
        let value = rd.number(&mut t, "value", None, Range::Unit);
        let both = rd.boolean(&mut t, "both_ways", true);
        if let (Some(a), Some(b)) = (from, to) {
            let (a, b) = (a as usize, b as usize);
            if a == b {
                rd.error(
                    origin_of(&t, to_node),
                    &format!("{path}.to"),
                    "the diagonal is always 1: `from` and `to` must differ",
                );
            }
            matrix[a * n + b] = value;
            if both {
                matrix[b * n + a] = value;
            }
        }
        rd.finish(t);
    }
    matrix
}
