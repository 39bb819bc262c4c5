//! Wandel's scenario file format: TOML files that users read, copy and edit.
//!
//! # Brief overview
//!
//! [`load`] reads a scenario file, follows its `extends` chain, applies `--set` overrides and
//! validates everything into a [`Scenario`] holding the engine's [`wandel_engine::Params`].
//! Every problem is collected into [`Diagnostics`], each with file, line, column, key path and
//! what is allowed; nothing panics on bad input.
//!
//! ```
//! let text = r#"
//! format = 2
//! [simulation]
//! name = "tiny"
//! start = "2025-01"
//! months = 12
//! [[regions]]
//! name = "town"
//! [[occupations]]
//! name = "worker"
//! [[sectors]]
//! name = "industry"
//! [[firms]]
//! name = "plants"
//! count = 10
//! sector = "industry"
//! region = "town"
//! size = 50
//! occupations = { worker = 1.0 }
//! "#;
//! let scenario = wandel_scenario::load_str("tiny.toml", text, &[]).unwrap();
//! assert_eq!(scenario.params.months, 12);
//! assert_eq!(scenario.name, "tiny");
//! ```
//!
//! # Design decisions
//!
//! - The file format is the API boundary: it is versioned (`format = 2`) and is the only place
//!   that knows TOML; engine types are never deserialized directly.
//! - Validation is a hand-written walk over a tree that remembers each value's origin, not
//!   `serde(deny_unknown_fields)`: serde stops at the first error, users want all of them.

#![deny(missing_docs)]

mod sections;
pub mod validate;

// The located reader lives in `wandel-format`; re-exported for the scenario's users.
pub use wandel_format::{diagnostic, overrides, reader, source, tree};

use std::path::{Path, PathBuf};

use wandel_engine::Params;

pub use diagnostic::{Diagnostic, Diagnostics};
use source::{Origin, SourceFile, Sources};
use tree::{Node, Value};

/// A validated scenario, ready to run.
#[derive(Clone, Debug)]
pub struct Scenario {
    /// Scenario name (`simulation.name`).
    pub name: String,
    /// Free-text description.
    pub description: String,
    /// Engine parameters.
    pub params: Params,
    /// Replications to run.
    pub replications: u32,
    /// The policies (`[[policies.KIND]]`), in the scenario's order: also the order they act
    /// in within each hook of a month.
    pub policies: Vec<wandel_policy::PolicySpec>,
    /// Fiscal parameters of the ledger (`[fiscal]`).
    pub fiscal: wandel_policy::Fiscal,
    /// The fully resolved scenario (after `extends` and `--set`) as TOML text.
    pub resolved: String,
    /// The files read, the named file first.
    pub files: Vec<PathBuf>,
    /// The text of each file of [`Scenario::files`] as written, comments included.
    pub texts: Vec<String>,
    /// Display labels (`label = "..."`) of regions, occupations and sectors.
    pub labels: Labels,
}

/// Display labels of named entities, by name (`label = "..."` in `[[regions]]`,
/// `[[occupations]]` and `[[sectors]]`); names without a label are not listed. Charts and the
/// report show the label where there is one, the name otherwise.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    /// Region labels.
    pub regions: std::collections::BTreeMap<String, String>,
    /// Occupation labels.
    pub occupations: std::collections::BTreeMap<String, String>,
    /// Sector labels.
    pub sectors: std::collections::BTreeMap<String, String>,
}

/// Most `extends` levels followed before giving up (a guard on top of cycle detection).
const MAX_EXTENDS_DEPTH: usize = 16;

/// Loads, merges, overrides and validates the scenario at `path`.
pub fn load(path: &Path, overrides: &[String]) -> Result<Scenario, Diagnostics> {
    let mut sources = Sources {
        files: Vec::new(),
        overrides: overrides.to_vec(),
    };
    let root = read_chain(path, &mut sources, &mut Vec::new())?;
    finish(root, sources)
}

/// Like [`load`] for a scenario given as text (no `extends` relative to a directory is followed
/// beyond the current directory).
pub fn load_str(name: &str, text: &str, overrides: &[String]) -> Result<Scenario, Diagnostics> {
    let mut sources = Sources {
        files: Vec::new(),
        overrides: overrides.to_vec(),
    };
    let root = parse_file(PathBuf::from(name), text.to_string(), &mut sources)?;
    let root = follow_extends(
        root,
        Path::new(name),
        &mut sources,
        &mut vec![PathBuf::from(name)],
    )?;
    finish(root, sources)
}

fn finish(mut root: Node, sources: Sources) -> Result<Scenario, Diagnostics> {
    let mut rd = reader::Reader::new(&sources);
    for (i, o) in sources.overrides.iter().enumerate() {
        if let Err(e) = overrides::apply(&mut root, i, o) {
            rd.error(Origin::Set { index: e.index }, &e.key, e.message);
        }
    }
    if !rd.diagnostics.is_empty() {
        return Err(Diagnostics(rd.diagnostics));
    }
    let validated = validate::validate(&mut rd, &root);
    match validated {
        Some(v) if rd.diagnostics.is_empty() => {
            // The resolved scenario, without `extends` (already applied).
            if let Value::Table(entries) = &mut root.value {
                entries.retain(|e| e.key != "extends");
            }
            let resolved = root.to_toml_text();
            Ok(Scenario {
                name: v.name,
                description: v.description,
                params: v.params,
                replications: v.replications,
                policies: v.policies,
                fiscal: v.fiscal,
                labels: v.labels,
                resolved,
                files: sources.files.iter().map(|f| f.path.clone()).collect(),
                texts: sources.files.iter().map(|f| f.text.clone()).collect(),
            })
        }
        _ => Err(Diagnostics(rd.diagnostics)),
    }
}

fn io_error(path: &Path, message: String) -> Diagnostics {
    Diagnostics(vec![Diagnostic::of_file(path, message)])
}

fn read_chain(
    path: &Path,
    sources: &mut Sources,
    seen: &mut Vec<PathBuf>,
) -> Result<Node, Diagnostics> {
    let text = source::read_text(path).map_err(|e| {
        io_error(
            path,
            format!("cannot read scenario file {}: {e}", path.display()),
        )
    })?;
    seen.push(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()));
    let node = parse_file(path.to_path_buf(), text, sources)?;
    // A sweep file (a `base` scenario and no `format`) given where a scenario is expected.
    if node.get("base").is_some() && node.get("format").is_none() {
        return Err(io_error(
            path,
            format!(
                "{} is a sweep file (it names a `base` scenario), not a scenario: run it with `wandel sweep {}`",
                path.display(),
                path.display()
            ),
        ));
    }
    // A calibration file (a `[calibration]` table and no `format`).
    if node.get("calibration").is_some() && node.get("format").is_none() {
        return Err(io_error(
            path,
            format!(
                "{} is a calibration file (it has a `[calibration]` table), not a scenario: run it with `wandel calibrate {}`",
                path.display(),
                path.display()
            ),
        ));
    }
    follow_extends(node, path, sources, seen)
}

fn parse_file(path: PathBuf, text: String, sources: &mut Sources) -> Result<Node, Diagnostics> {
    let file = sources.files.len();
    sources.files.push(SourceFile::new(path, text));
    wandel_format::parse(sources, file).map_err(|d| Diagnostics(vec![d]))
}

fn follow_extends(
    node: Node,
    path: &Path,
    sources: &mut Sources,
    seen: &mut Vec<PathBuf>,
) -> Result<Node, Diagnostics> {
    let Some(ext) = node.get("extends").cloned() else {
        return Ok(node);
    };
    let Value::Str(parent) = &ext.value else {
        let loc = sources.locate(ext.origin, 0);
        return Err(Diagnostics(vec![Diagnostic {
            location: loc,
            key: "extends".into(),
            message: format!(
                "expected the path of another scenario file (a string), found {}",
                ext.value.type_name()
            ),
        }]));
    };
    let parent_path = path.parent().unwrap_or(Path::new(".")).join(parent);
    let canonical = std::fs::canonicalize(&parent_path).unwrap_or_else(|_| parent_path.clone());
    let located = |sources: &Sources, message: String| {
        Diagnostics(vec![Diagnostic {
            location: sources.locate(ext.origin, 0),
            key: "extends".into(),
            message,
        }])
    };
    if parent_path.is_dir() {
        return Err(located(
            sources,
            format!(
                "the extended scenario {} is a directory, not a file",
                parent_path.display()
            ),
        ));
    }
    if !parent_path.exists() {
        return Err(located(
            sources,
            format!(
                "the extended scenario {} does not exist",
                parent_path.display()
            ),
        ));
    }
    if seen.contains(&canonical) {
        let chain: Vec<String> = seen.iter().map(|p| p.display().to_string()).collect();
        return Err(located(
            sources,
            format!(
                "`extends` forms a cycle: {} → {}",
                chain.join(" → "),
                canonical.display()
            ),
        ));
    }
    if seen.len() >= MAX_EXTENDS_DEPTH {
        return Err(located(
            sources,
            format!("`extends` is nested more than {MAX_EXTENDS_DEPTH} levels deep"),
        ));
    }
    let mut base = read_chain(&parent_path, sources, seen)?;
    tree::merge(&mut base, node);
    Ok(base)
}

/// The event markers of a scenario (closures and technology switches), for charts.
pub fn events(params: &Params) -> Vec<(wandel_engine::Month, &'static str, String)> {
    let mut out = Vec::new();
    for c in &params.closures {
        let g = &params.firm_groups[c.group as usize].name;
        out.push((
            c.announced,
            "closure_announced",
            format!("closure announced: {g}"),
        ));
        out.push((c.closes, "closure", format!("closes: {g}")));
    }
    for s in &params.technology_switches {
        let g = &params.firm_groups[s.group as usize].name;
        out.push((
            s.month,
            "technology_switch",
            format!("{g} → {}", s.technology),
        ));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)));
    out
}
