//! `[workers]`: the initial population: its size (or unemployment rate), age range, skill
//! spread, and learning and mobility propensities ([`read_propensity`]).

use wandel_engine::params::Population;

use wandel_format::reader::{Range, Reader, Table};
use wandel_format::source::Origin;
use wandel_format::tree::{Node, Value};

use wandel_format::describe;

/// Reads `[workers]`; `age_max` must be greater than `age_min`.
pub(crate) fn read_workers(rd: &mut Reader<'_>, top: &mut Table<'_>, root: &Node) -> Population {
    let mut w = rd.table(top, "workers");
    let count_present = w.has("count");
    let count = rd.integer(&mut w, "count", Some(1), 1, 200_000_000);
    let initial_unemployment = rd.number(
        &mut w,
        "initial_unemployment",
        Some(0.05),
        Range::Between(0.0, 0.95),
    );
    let age_min = rd.integer(&mut w, "age_min", Some(20), 14, 80) as u32;
    let age_max = rd.integer(&mut w, "age_max", Some(67), 15, 90) as u32;
    let weights_node = rd.raw(&mut w, "age_band_weights");
    let skill_sd = rd.number(&mut w, "skill_sd", Some(0.35), Range::Between(0.0, 3.0));
    let learning = read_propensity(rd, &mut w, "learning_propensity");
    let mobility = read_propensity(rd, &mut w, "mobility_propensity");
    rd.finish(w);
    if age_max <= age_min {
        rd.error(
            age_max_origin(root),
            "workers.age_max",
            format!("must be greater than workers.age_min ({age_min}), got {age_max}"),
        );
    }
    let age_band_weights = match weights_node {
        Some(node) if age_max > age_min => read_band_weights(rd, node, age_min, age_max),
        _ => Vec::new(),
    };
    Population {
        count: count_present.then_some(count as u32),
        initial_unemployment,
        age_min,
        age_max,
        age_band_weights,
        skill_sd,
        learning,
        mobility,
    }
}

/// `age_band_weights`: one non-negative number per five-year band from `age_min` to `age_max`
/// (the last band may be shorter), not all zero.
fn read_band_weights(rd: &mut Reader<'_>, node: &Node, age_min: u32, age_max: u32) -> Vec<f64> {
    let key = "workers.age_band_weights";
    let band = wandel_engine::init::AGE_BAND_YEARS;
    let bands = (age_max - age_min).div_ceil(band) as usize;
    let what = format!(
        "a list of {bands} non-negative numbers, one per five-year age band from workers.age_min \
         ({age_min}) to workers.age_max ({age_max})"
    );
    let Value::Array(items) = &node.value else {
        rd.error(
            node.origin,
            key,
            format!("expected {what}, found {}", node.value.type_name()),
        );
        return Vec::new();
    };
    if items.len() != bands {
        rd.error(
            node.origin,
            key,
            format!("expected {what}, found {} numbers", items.len()),
        );
        return Vec::new();
    }
    let mut out = Vec::with_capacity(bands);
    for (i, item) in items.iter().enumerate() {
        let x = match item.value {
            Value::Int(v) => v as f64,
            Value::Float(v) => v,
            _ => f64::NAN,
        };
        if !(x.is_finite() && x >= 0.0) {
            rd.error(
                item.origin,
                &format!("{key}.{i}"),
                format!(
                    "an age band's weight must be a non-negative number, got {}",
                    describe(&item.value)
                ),
            );
            return Vec::new();
        }
        out.push(x);
    }
    if out.iter().sum::<f64>() <= 0.0 {
        rd.error(node.origin, key, "the weights must not all be zero");
        return Vec::new();
    }
    out
}

/// Where `workers.age_max` is written (nowhere when it is not).
pub(crate) fn age_max_origin(root: &Node) -> Origin {
    root.get("workers")
        .and_then(|n| n.get("age_max"))
        .map_or(Origin::Nowhere, |n| n.origin)
}

/// `{ mean = …, sd = … }` of a propensity on [0, 1] (Beta distributed).
fn read_propensity(rd: &mut Reader<'_>, t: &mut Table<'_>, key: &'static str) -> (f64, f64) {
    let mut p = rd.table(t, key);
    let origin = p.origin();
    let path = p.path.clone();
    let mean = rd.number(&mut p, "mean", Some(0.5), Range::OpenUnit);
    let sd = rd.number(&mut p, "sd", Some(0.2), Range::NonNegative);
    rd.finish(p);
    if sd * sd >= mean * (1.0 - mean) {
        rd.error(
            origin,
            &format!("{path}.sd"),
            format!(
                "a Beta distribution with mean {mean} needs sd < {:.4}, got {sd}",
                (mean * (1.0 - mean)).sqrt()
            ),
        );
    }
    (mean, sd)
}
