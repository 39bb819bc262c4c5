//! `[[sectors]]`: each sector's name, its demand and productivity paths over the run, its
//! separation rate, layoff speed and non-tradable share of demand (`local_demand`); and
//! piecewise-linear month paths ([`read_path`]).

use std::collections::BTreeMap;

use wandel_engine::Month;
use wandel_engine::params::Sector;
use wandel_engine::path::Path;

use wandel_format::describe;
use wandel_format::names::{Names, check_unique};
use wandel_format::reader::{Range, Reader, Table};
use wandel_format::tree::{Node, Value};

/// Reads `[[sectors]]` (at least one, names unique) for a run from `start` to `end`
/// (exclusive): the sectors, their name index and their display labels.
pub(crate) fn read_sectors(
    rd: &mut Reader<'_>,
    top: &mut Table<'_>,
    root: &Node,
    (start, end): (Month, Month),
) -> (Vec<Sector>, Names, BTreeMap<String, String>) {
    let mut sectors = Vec::new();
    let mut labels = BTreeMap::new();
    for mut s in rd.tables(top, "sectors") {
        let sector_name = rd.name(&mut s, "name");
        if let Some(label) = rd.label(&mut s) {
            labels.insert(sector_name.clone(), label);
        }
        // Indices relative to the base: demand may fall to 0; productivity must stay positive
        // (labour demand is demand / productivity). The upper bound catches typos (100 for 1.00).
        let demand = read_path(rd, &mut s, "demand", (start, end), (0.0, 100.0));
        let productivity = read_path(rd, &mut s, "productivity", (start, end), (0.01, 100.0));
        sectors.push(Sector {
            name: sector_name,
            demand,
            productivity,
            separation_rate: rd.number(&mut s, "separation_rate", Some(0.006), Range::Unit),
            layoff_speed: rd.number(&mut s, "layoff_speed", Some(0.5), Range::Unit),
            local_demand: rd.number(&mut s, "local_demand", Some(0.0), Range::Unit),
        });
        rd.finish(s);
    }
    if sectors.is_empty() && root.get("sectors").is_none() {
        rd.error(
            root.origin,
            "sectors",
            "at least one [[sectors]] table is required",
        );
    }
    check_unique(
        rd,
        root,
        "sectors",
        sectors.iter().map(|s| s.name.clone()).collect(),
    );
    let sector_names = Names::new(
        "sector",
        "sectors",
        &sectors.iter().map(|s| s.name.clone()).collect::<Vec<_>>(),
    );
    (sectors, sector_names, labels)
}

/// A piecewise-linear path: `[["YYYY-MM", value], ...]`, or a single number for a constant.
pub(crate) fn read_path(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    key: &'static str,
    (start, end): (Month, Month),
    (lo, hi): (f64, f64),
) -> Path {
    let path = format!("{}.{key}", t.path);
    let in_range = |x: f64| x.is_finite() && x >= lo && x <= hi;
    let Some(node) = rd.raw(t, key) else {
        return Path::constant(1.0);
    };
    let what = format!(
        "a number in [{lo}, {hi}], or a list of [\"YYYY-MM\", value] points in increasing month order"
    );
    match &node.value {
        Value::Int(i) if in_range(*i as f64) => Path::constant(*i as f64),
        Value::Float(f) if in_range(*f) => Path::constant(*f),
        Value::Array(points) if !points.is_empty() => {
            let mut out = Vec::new();
            for (i, p) in points.iter().enumerate() {
                let pp = format!("{path}.{i}");
                let Value::Array(pair) = &p.value else {
                    rd.error(
                        p.origin,
                        &pp,
                        format!(
                            "expected a [\"YYYY-MM\", value] pair, found {}",
                            p.value.type_name()
                        ),
                    );
                    continue;
                };
                if pair.len() != 2 {
                    rd.error(
                        p.origin,
                        &pp,
                        format!(
                            "expected a [\"YYYY-MM\", value] pair, found {} elements",
                            pair.len()
                        ),
                    );
                    continue;
                }
                let month = rd.month_value(&pair[0], &pp);
                let value = match pair[1].value {
                    Value::Int(i) => i as f64,
                    Value::Float(f) => f,
                    _ => f64::NAN,
                };
                if !in_range(value) {
                    rd.error(
                        pair[1].origin,
                        &pp,
                        format!(
                            "the value of a path point must be a number in [{lo}, {hi}], got {}",
                            describe(&pair[1].value)
                        ),
                    );
                    continue;
                }
                if let Some(m) = month {
                    if m < start.plus(-1200) || m > end.plus(1200) {
                        rd.error(
                            pair[0].origin,
                            &pp,
                            format!("month {m} is implausibly far from the run ({start} to {end})"),
                        );
                    }
                    if let Some(&(prev, _)) = out.last() {
                        if m <= prev {
                            rd.error(
                                pair[0].origin,
                                &pp,
                                format!("months must increase: {m} does not come after {prev}"),
                            );
                            continue;
                        }
                    }
                    out.push((m, value));
                }
            }
            Path::new(out).unwrap_or_else(|| Path::constant(1.0))
        }
        _ => {
            rd.error(
                node.origin,
                &path,
                format!("expected {what}, found {}", describe(&node.value)),
            );
            Path::constant(1.0)
        }
    }
}
