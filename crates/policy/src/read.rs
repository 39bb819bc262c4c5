//! Reading what policy tables share, on the located reader: the common keys (`name`,
//! `start`, `end`, `capacity`, the target lists) with their checks, and helpers the kinds'
//! readers use (lists of names or choices, eligibility groups, a subsidy's conditions).

use wandel_format::check_in_run;
use wandel_format::names::Names;
use wandel_format::origin_of;
use wandel_format::reader::{Range, Reader, Table};
use wandel_format::source::Origin;
use wandel_format::tree::Value;

use crate::kind::{Common, ReadContext, TargetNames};
use crate::target::{Conditions, Eligible, FirmTarget};

/// Reports a `capacity` on a policy that has none.
pub(crate) fn no_capacity(rd: &mut Reader<'_>, t: &Table<'_>, common: &Common, why: &str) {
    if common.capacity.is_some() {
        let origin = origin_of(t, t.node_get("capacity"));
        rd.error(
            origin,
            &format!("{}.capacity", t.path),
            format!("has no capacity: {why}"),
        );
    }
}

/// Reads a subsidy's conditions: `wage_standard` (optional) and `training_required`.
pub(crate) fn read_conditions(rd: &mut Reader<'_>, t: &mut Table<'_>) -> Conditions {
    let wage_standard = if t.has("wage_standard") {
        Some(rd.number(t, "wage_standard", None, Range::Between(1.0, 1e6)))
    } else {
        None
    };
    Conditions {
        wage_standard,
        training_required: rd.boolean(t, "training_required", false),
    }
}

/// `eligible = ["employed", "under_notice", "displaced"]`: a non-empty list of the `allowed`.
pub(crate) fn read_eligible(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    default: Eligible,
    allowed_names: &[&'static str],
) -> Eligible {
    match read_choices(rd, t, "eligible", allowed_names) {
        Some(list) => Eligible {
            employed: list.contains(&"employed"),
            under_notice: list.contains(&"under_notice"),
            displaced: list.contains(&"displaced"),
        },
        None => default,
    }
}

/// A non-empty list of some of `allowed_names` under `key` (None when absent or not a list);
/// every bad item is reported.
pub(crate) fn read_choices(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    key: &'static str,
    allowed_names: &[&'static str],
) -> Option<Vec<&'static str>> {
    let path = format!("{}.{key}", t.path);
    let node = rd.raw(t, key)?;
    let allowed = || {
        allowed_names
            .iter()
            .map(|o| format!("\"{o}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Value::Array(items) = &node.value else {
        rd.error(
            node.origin,
            &path,
            format!("expected a list of some of {}", allowed()),
        );
        return None;
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match &item.value {
            Value::Str(s) => match allowed_names.iter().find(|a| **a == s.as_str()) {
                Some(&a) => out.push(a),
                None => rd.error(
                    item.origin,
                    &format!("{path}.{i}"),
                    format!("must be one of {}, got \"{s}\"", allowed()),
                ),
            },
            other => rd.error(
                item.origin,
                &format!("{path}.{i}"),
                format!(
                    "must be one of {}, got {}",
                    allowed(),
                    describe_value(other)
                ),
            ),
        }
    }
    if items.is_empty() {
        rd.error(
            node.origin,
            &path,
            format!("must list at least one of {}", allowed()),
        );
    }
    Some(out)
}

fn describe_value(v: &Value) -> String {
    match v {
        Value::Str(s) => format!("\"{s}\""),
        other => other.type_name().to_string(),
    }
}

/// Reads the common keys of table `t`; `seen` holds the names read so far (each must be
/// unique). The flag is false when a problem was reported (the policy is then left out).
pub(crate) fn read_common(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    cx: &ReadContext<'_>,
    seen: &mut Vec<(String, Origin)>,
) -> (Common, bool) {
    let (run_start, run_end) = cx.run;
    let names = cx.names;
    let before = rd.diagnostics.len();
    let path = t.path.clone();
    let name_origin = origin_of(t, t.node_get("name"));
    let name = rd.name(t, "name");
    if !name.is_empty() {
        if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name) {
            let first = rd.describe_origin(*first);
            rd.error(
                name_origin,
                &format!("{path}.name"),
                format!("policy name \"{name}\" is used twice (first at {first}): names must be unique, they key the policy's random streams and output rows"),
            );
        } else {
            seen.push((name.clone(), name_origin));
        }
    }
    let start = rd.month(t, "start");
    if let Some((m, origin)) = start {
        check_in_run(rd, m, origin, &format!("{path}.start"), run_start, run_end);
    }
    let end = if t.has("end") {
        rd.month(t, "end")
    } else {
        None
    };
    if let Some((e, origin)) = end {
        // `end` is the first month without the policy: at most one month past the run.
        if e <= run_start || e > run_end {
            rd.error(
                origin,
                &format!("{path}.end"),
                format!(
                    "month {e} is outside the run: end is the first month without the policy, from {} to {run_end} (the month after the run's last, {})",
                    run_start.plus(1),
                    run_end.plus(-1)
                ),
            );
        }
        if let Some((s, _)) = start {
            if e <= s {
                rd.error(
                    origin,
                    &format!("{path}.end"),
                    format!("end ({e}) must come after start ({s}): end is the first month without the policy"),
                );
            }
        }
    }
    let capacity = if t.has("capacity") {
        Some(rd.integer(t, "capacity", None, 0, i64::from(u32::MAX)) as u64)
    } else {
        None
    };
    let target = read_target(rd, t, names);
    let common = Common {
        name,
        start: start.map_or(run_start, |s| s.0),
        end: end.map(|e| e.0),
        target,
        capacity,
    };
    (common, rd.diagnostics.len() == before)
}

/// Reads the target lists `sectors`, `regions` and `firms` and checks that together they reach
/// at least one firm group.
pub(crate) fn read_target(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    names: &TargetNames<'_>,
) -> FirmTarget {
    let path = t.path.clone();
    let origin = t.origin();
    let before = rd.diagnostics.len();
    let target = FirmTarget {
        sectors: read_list(rd, t, "sectors", names.sectors),
        regions: read_list(rd, t, "regions", names.regions),
        groups: read_list(rd, t, "firms", names.groups),
    };
    if rd.diagnostics.len() == before {
        let reached = names.firm_groups.iter().enumerate().any(|(g, fg)| {
            let inside = |list: &[u16], v: u16| list.is_empty() || list.contains(&v);
            inside(&target.sectors, fg.sector)
                && inside(&target.regions, fg.region)
                && inside(&target.groups, g as u16)
        });
        if !reached {
            rd.error(
                origin,
                &path,
                "the target reaches no firm: no firm group is in every one of the listed sectors, regions and firms (each list narrows the others)",
            );
        }
    }
    target
}

/// A list of names under `key` (absent: empty), each resolved in `names`.
pub(crate) fn read_list(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    key: &'static str,
    names: &Names,
) -> Vec<u16> {
    let path = format!("{}.{key}", t.path);
    let Some(node) = rd.raw(t, key) else {
        return Vec::new();
    };
    let Value::Array(items) = &node.value else {
        rd.error(
            node.origin,
            &path,
            format!("expected a list of names, e.g. {key} = [\"a\", \"b\"]"),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match &item.value {
            Value::Str(s) => {
                if let Some(k) = names.resolve(rd, s, item.origin, &format!("{path}.{i}")) {
                    out.push(k);
                }
            }
            _ => rd.error(
                item.origin,
                &format!("{path}.{i}"),
                format!(
                    "expected a name (a string), found {}",
                    item.value.type_name()
                ),
            ),
        }
    }
    out
}
