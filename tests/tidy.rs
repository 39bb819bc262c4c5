//! Repository hygiene checked as a test: every Rust file opens with a `//!` header saying what
//! it is for, the docs' lists of policy kinds are the registry's, and only the format crate knows TOML.

use crate::util::root;

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            if name != "target" && !name.starts_with('.') {
                rust_files(&path, out);
            }
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_rust_file_has_a_module_header() {
    let mut files = Vec::new();
    for dir in ["crates", "tests", "benches"] {
        rust_files(&root().join(dir), &mut files);
    }
    assert!(files.len() > 30, "found the sources");
    let missing: Vec<String> = files
        .iter()
        .filter(|f| !std::fs::read_to_string(f).unwrap().starts_with("//!"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "files without a `//!` header: {missing:?}"
    );
}

/// The kinds of the registry, as written in scenarios, in order.
fn registry() -> Vec<&'static str> {
    wandel_policy::KINDS.iter().map(|k| k.name()).collect()
}

#[test]
fn the_docs_list_of_policy_kinds_is_the_registry() {
    let kinds = registry();
    let read = |rel: &str| std::fs::read_to_string(root().join(rel)).unwrap();
    // docs/policies.md: the table between the markers, in the registry's order.
    let policies = read("docs/policies.md");
    let table = policies
        .split("<!-- kinds:begin -->")
        .nth(1)
        .and_then(|t| t.split("<!-- kinds:end -->").next())
        .expect("the kinds table in docs/policies.md");
    let listed: Vec<&str> = table
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(" |").next())
        .filter(|k| *k != "kind" && !k.starts_with("---"))
        .collect();
    assert_eq!(
        listed, kinds,
        "docs/policies.md lists other kinds than the registry"
    );
    for k in &kinds {
        let label = wandel_policy::registry::kind(k).unwrap().label();
        assert!(
            policies.contains(&format!("## {label} (`[[policies.{k}]]`)")),
            "docs/policies.md has no section for {k}"
        );
    }
    // docs/scenario-reference.md: one section per kind, and no other.
    let reference = read("docs/scenario-reference.md");
    let sections: Vec<&str> = reference
        .lines()
        .filter_map(|l| l.strip_prefix("### `[[policies."))
        .filter_map(|l| l.strip_suffix("]]`"))
        .collect();
    let mut sorted = kinds.clone();
    sorted.sort_unstable();
    let mut found = sections.clone();
    found.sort_unstable();
    assert_eq!(
        found, sorted,
        "docs/scenario-reference.md sections of policy kinds"
    );
    // The other lists name every kind.
    for rel in [
        "docs/outputs.md",
        "docs/model.md",
        "docs/scenario-reference.md",
    ] {
        let text = read(rel);
        for k in &kinds {
            assert!(text.contains(k), "{rel} does not name the policy kind {k}");
        }
    }
}

#[test]
fn only_the_format_crate_depends_on_toml() {
    for entry in std::fs::read_dir(root().join("crates")).unwrap() {
        let dir = entry.unwrap().path();
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
        let uses_toml = manifest.lines().any(|l| l.trim_start().starts_with("toml"));
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        assert_eq!(
            uses_toml,
            name == "format",
            "crates/{name}/Cargo.toml: only wandel-format may parse TOML"
        );
    }
}

/// The generator of the national benchmark scenario, compiled into the tests.
#[allow(dead_code)]
#[path = "../crates/scenario/examples/germany.rs"]
mod germany_generator;

#[test]
fn the_national_scenario_is_its_generators_output_and_valid() {
    let shipped = std::fs::read_to_string(root().join("scenarios/national/germany.toml")).unwrap();
    assert!(
        shipped == germany_generator::scenario(),
        "scenarios/national/germany.toml differs from its generator: run\n  \
         cargo run -p wandel-scenario --example germany > scenarios/national/germany.toml"
    );
    let s = crate::util::scenario("scenarios/national/germany.toml", &[]);
    assert_eq!(s.params.regions.len(), 400);
}
