//! `[policies]`: interventions, as arrays of tables keyed by kind
//! (`[[policies.short_time_work]]`), and `[fiscal]`, the parameters of the fiscal ledger.
//!
//! Every policy has a `name` (unique among the scenario's policies: it keys the policy's
//! random streams and its rows in `ledger.csv` and `policies.csv`), a `start` and an optional
//! `end` (months inside the run, `end` after `start`), a target (lists of sector, region and
//! firm-group names; empty or absent means all) that must reach at least one firm group, an
//! optional `capacity`, and its kind's parameters. The spec types live in `wandel-policy`.

use wandel_engine::Month;
use wandel_engine::params::FirmGroup;
use wandel_policy::{FirmTarget, Fiscal, PolicySpec, ShortTimeWorkSpec};

use super::names::Names;
use super::origin_of;
use super::shocks::check_in_run;
use crate::reader::{Range, Reader, Table};
use crate::source::Origin;
use crate::tree::Value;

/// The names a policy target may use.
pub(crate) struct TargetNames<'a> {
    pub(crate) sectors: &'a Names,
    pub(crate) regions: &'a Names,
    pub(crate) groups: &'a Names,
    pub(crate) firm_groups: &'a [FirmGroup],
}

/// Reads `[fiscal]`.
pub(crate) fn read_fiscal(rd: &mut Reader<'_>, top: &mut Table<'_>) -> Fiscal {
    let mut t = rd.table(top, "fiscal");
    let defaults = Fiscal::default();
    let fiscal = Fiscal {
        employer_contribution_rate: rd.number(
            &mut t,
            "employer_contribution_rate",
            Some(defaults.employer_contribution_rate),
            Range::Between(0.0, 0.9),
        ),
    };
    rd.finish(t);
    fiscal
}

/// Reads `[policies]` for a run from `start` to `end` (exclusive).
pub(crate) fn read_policies(
    rd: &mut Reader<'_>,
    top: &mut Table<'_>,
    names: &TargetNames<'_>,
    fiscal: &Fiscal,
    (start, end): (Month, Month),
) -> Vec<PolicySpec> {
    let mut policies = rd.table(top, "policies");
    let mut specs = Vec::new();
    let mut seen: Vec<(String, Origin)> = Vec::new();
    for mut t in rd.tables(&mut policies, "short_time_work") {
        let common = read_common(rd, &mut t, names, &mut seen, (start, end));
        let spec = ShortTimeWorkSpec {
            name: common.name.clone(),
            start: common.start.unwrap_or(start),
            end: common.end,
            target: common.target.clone(),
            capacity: common.capacity,
            threshold: rd.number(&mut t, "threshold", Some(0.10), Range::Between(1e-6, 1.0)),
            hours_cut: rd.number(&mut t, "hours_cut", Some(0.5), Range::Between(0.05, 1.0)),
            max_months: rd.integer(&mut t, "max_months", Some(12), 1, 36) as u32,
            replacement_rate: rd.number(&mut t, "replacement_rate", Some(0.60), Range::Unit),
            replacement_rate_children: rd.number(
                &mut t,
                "replacement_rate_children",
                Some(0.67),
                Range::Unit,
            ),
            step_ups: rd.boolean(&mut t, "step_ups", false),
            reimbursed_contributions: rd.number(
                &mut t,
                "reimbursed_contributions",
                Some(0.0),
                Range::Unit,
            ),
            fiscal: fiscal.clone(),
        };
        if common.ok {
            specs.push(PolicySpec::ShortTimeWork(spec));
        }
        rd.finish(t);
    }
    rd.finish(policies);
    specs
}

/// What every policy table has.
struct Common {
    name: String,
    start: Option<Month>,
    end: Option<Month>,
    target: FirmTarget,
    capacity: Option<u64>,
    /// False when a problem was reported (the spec is then left out).
    ok: bool,
}

fn read_common(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    names: &TargetNames<'_>,
    seen: &mut Vec<(String, Origin)>,
    (run_start, run_end): (Month, Month),
) -> Common {
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
        check_in_run(
            rd,
            e.plus(-1),
            origin,
            &format!("{path}.end"),
            run_start,
            run_end,
        );
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
    Common {
        name,
        start: start.map(|s| s.0),
        end: end.map(|e| e.0),
        target,
        capacity,
        ok: rd.diagnostics.len() == before,
    }
}

/// Reads the target lists `sectors`, `regions` and `firms` and checks that together they reach
/// at least one firm group.
fn read_target(rd: &mut Reader<'_>, t: &mut Table<'_>, names: &TargetNames<'_>) -> FirmTarget {
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
fn read_list(rd: &mut Reader<'_>, t: &mut Table<'_>, key: &'static str, names: &Names) -> Vec<u16> {
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
