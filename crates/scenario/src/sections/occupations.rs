//! `[[occupations]]` (the occupations' names), `[[similarity]]` (how close one occupation's
//! skills are to another's: a pair matrix over the occupations), and occupation mixes
//! `{ occupation = share, … }` ([`read_mix`], used by `[[firms]]` and technology switches).

use wandel_engine::params::OccupationId;

use std::collections::BTreeMap;
use wandel_format::describe;

use wandel_format::names::{Names, label_map, read_names, read_pairs};
use wandel_format::reader::{Reader, Table};
use wandel_format::tree::Value;

/// Reads `[[occupations]]`: the occupation names (at least one, unique), their index and
/// their display labels.
pub(crate) fn read_occupations(
    rd: &mut Reader<'_>,
    top: &mut Table<'_>,
) -> (Vec<String>, Names, BTreeMap<String, String>) {
    let (occupations, labels) = read_names(rd, top, "occupations", "occupation");
    let names = Names::new("occupation", "occupations", &occupations);
    let labels = label_map(&occupations, labels);
    (occupations, names, labels)
}

/// Reads `[[similarity]]` into a row-major matrix over the occupations.
pub(crate) fn read_similarity(
    rd: &mut Reader<'_>,
    top: &mut Table<'_>,
    occupations: &Names,
    n: usize,
) -> Vec<f64> {
    read_pairs(rd, top, "similarity", occupations, n)
}

/// An occupation mix `{ name = share, … }`: known occupations, positive shares summing to 1.
pub(crate) fn read_mix(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    key: &'static str,
    names: &Names,
    required: bool,
) -> Option<Vec<(OccupationId, f64)>> {
    let path = format!("{}.{key}", t.path);
    let origin = t.origin();
    let Some(node) = rd.raw(t, key) else {
        if required {
            rd.error(origin, &path, format!("missing required key in `{}`: expected an occupation mix {{ occupation = share, … }}", t.path));
        }
        return None;
    };
    let Value::Table(entries) = &node.value else {
        rd.error(
            node.origin,
            &path,
            format!(
                "expected an occupation mix {{ occupation = share, … }}, found {}",
                node.value.type_name()
            ),
        );
        return None;
    };
    let mut mix = Vec::new();
    let mut ok = true;
    for e in entries {
        let ep = format!("{path}.{}", e.key);
        let share = match e.node.value {
            Value::Int(i) => i as f64,
            Value::Float(f) => f,
            _ => f64::NAN,
        };
        if !(share > 0.0 && share <= 1.0) {
            rd.error(
                e.node.origin,
                &ep,
                format!(
                    "an occupation share must be a number in (0, 1], got {}",
                    describe(&e.node.value)
                ),
            );
            ok = false;
        }
        match names.resolve(rd, &e.key, e.key_origin, &ep) {
            Some(o) => mix.push((o, share)),
            None => ok = false,
        }
    }
    let total: f64 = mix.iter().map(|m| m.1).sum();
    if ok && (mix.is_empty() || (total - 1.0).abs() > 1e-6) {
        rd.error(
            node.origin,
            &path,
            format!("occupation shares must sum to 1, they sum to {total:.6}"),
        );
        ok = false;
    }
    ok.then_some(mix)
}
