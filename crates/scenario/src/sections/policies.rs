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
use wandel_policy::{
    AccreditationSpec, CaseloadSpec, ConditionalInvestmentSpec, Conditions, Eligible, FirmTarget,
    Fiscal, HiringSubsidySpec, JobSecurityCouncilSpec, Payer, PolicySpec, RetrainingKind,
    RetrainingSpec, ShortTimeWorkSpec, TargetGroup, TransformationCouncilSpec,
    WorkingTimeReductionSpec, short_time_work::Decision,
};

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
    pub(crate) occupations: &'a Names,
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
            decision: match rd
                .choice(&mut t, "decision", "firm", &["firm", "always"])
                .as_str()
            {
                "always" => Decision::Always,
                _ => Decision::Firm,
            },
            remanent_cost_share: rd.number(
                &mut t,
                "remanent_cost_share",
                Some(0.15),
                Range::Between(0.0, 2.0),
            ),
            remanent_dispersion: rd.number(&mut t, "remanent_dispersion", Some(0.5), Range::Unit),
            expected_dip_months: rd.number(
                &mut t,
                "expected_dip_months",
                Some(6.0),
                Range::Between(0.0, 120.0),
            ),
        };
        if common.ok {
            specs.push(PolicySpec::ShortTimeWork(spec));
        }
        rd.finish(t);
    }
    for mut t in rd.tables(&mut policies, "retraining") {
        let common = read_common(rd, &mut t, names, &mut seen, (start, end));
        if let Some(spec) = read_retraining(rd, &mut t, &common, names, start) {
            if common.ok {
                specs.push(PolicySpec::Retraining(spec));
            }
        }
        rd.finish(t);
    }
    for mut t in rd.tables(&mut policies, "transformation_council") {
        let common = read_common(rd, &mut t, names, &mut seen, (start, end));
        let spec = read_transformation_council(rd, &mut t, &common, start);
        if common.ok {
            if let Some(spec) = spec {
                specs.push(PolicySpec::TransformationCouncil(spec));
            }
        }
        rd.finish(t);
    }
    for mut t in rd.tables(&mut policies, "job_security_council") {
        let common = read_common(rd, &mut t, names, &mut seen, (start, end));
        let spec = read_job_security_council(rd, &mut t, &common, start);
        if common.ok {
            specs.push(PolicySpec::JobSecurityCouncil(spec));
        }
        rd.finish(t);
    }
    for mut t in rd.tables(&mut policies, "accreditation") {
        let common = read_common(rd, &mut t, names, &mut seen, (start, end));
        let spec = read_accreditation(rd, &mut t, &common, start);
        if common.ok {
            specs.push(PolicySpec::Accreditation(spec));
        }
        rd.finish(t);
    }
    for mut t in rd.tables(&mut policies, "hiring_subsidy") {
        let common = read_common(rd, &mut t, names, &mut seen, (start, end));
        let spec = read_hiring_subsidy(rd, &mut t, &common, names, start);
        if common.ok {
            specs.push(PolicySpec::HiringSubsidy(spec));
        }
        rd.finish(t);
    }
    for mut t in rd.tables(&mut policies, "conditional_investment") {
        let common = read_common(rd, &mut t, names, &mut seen, (start, end));
        no_capacity(
            rd,
            &t,
            &common,
            "a conditional investment subsidy reaches every claiming firm of its target",
        );
        let spec = ConditionalInvestmentSpec {
            name: common.name.clone(),
            start: common.start.unwrap_or(start),
            end: common.end,
            target: common.target.clone(),
            conditions: read_conditions(rd, &mut t),
            expansion: rd.number(&mut t, "expansion", Some(1.0), Range::Between(1.0, 10.0)),
            share: rd.number(&mut t, "share", Some(0.1), Range::Between(0.0, 0.9)),
            elasticity: rd.number(&mut t, "elasticity", Some(0.25), Range::Between(0.0, 5.0)),
        };
        if common.ok {
            specs.push(PolicySpec::ConditionalInvestment(spec));
        }
        rd.finish(t);
    }
    for mut t in rd.tables(&mut policies, "working_time_reduction") {
        let common = read_common(rd, &mut t, names, &mut seen, (start, end));
        no_capacity(
            rd,
            &t,
            &common,
            "a working-time reduction reaches every producing firm of its target",
        );
        let paid_by = rd.choice(&mut t, "paid_by", "firms", &["firms", "state"]);
        let spec = WorkingTimeReductionSpec {
            name: common.name.clone(),
            start: common.start.unwrap_or(start),
            end: common.end,
            target: common.target.clone(),
            hours: rd.number(&mut t, "hours", Some(0.9), Range::Between(0.5, 0.99)),
            compensation: rd.number(&mut t, "compensation", Some(0.0), Range::Unit),
            paid_by: if paid_by == "state" {
                Payer::State
            } else {
                Payer::Firms
            },
            elasticity: rd.number(&mut t, "elasticity", Some(0.25), Range::Between(0.0, 5.0)),
        };
        if common.ok {
            specs.push(PolicySpec::WorkingTimeReduction(spec));
        }
        rd.finish(t);
    }
    rd.finish(policies);
    specs
}

/// Reports a `capacity` on a policy that has none.
fn no_capacity(rd: &mut Reader<'_>, t: &Table<'_>, common: &Common, why: &str) {
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
fn read_conditions(rd: &mut Reader<'_>, t: &mut Table<'_>) -> Conditions {
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

/// The target groups a hiring subsidy may list.
const HIRING_GROUPS: [&str; 3] = ["displaced", "long_term_unemployed", "aged_50_plus"];

/// Reads the keys of `[[policies.hiring_subsidy]]` after the common ones.
fn read_hiring_subsidy(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    common: &Common,
    names: &TargetNames<'_>,
    run_start: Month,
) -> HiringSubsidySpec {
    let groups = read_choices(rd, t, "group", &HIRING_GROUPS).unwrap_or(vec!["displaced"]);
    let displaced_from = read_list(rd, t, "displaced_from", names.groups);
    if !displaced_from.is_empty() && !groups.contains(&"displaced") {
        let origin = origin_of(t, t.node_get("displaced_from"));
        rd.error(
            origin,
            &format!("{}.displaced_from", t.path),
            "narrows the \"displaced\" group, which `group` does not list",
        );
    }
    let months = rd.integer(t, "months", Some(12), 1, 36) as u32;
    let conditions = read_conditions(rd, t);
    HiringSubsidySpec {
        name: common.name.clone(),
        start: common.start.unwrap_or(run_start),
        end: common.end,
        target: common.target.clone(),
        capacity: common.capacity,
        group: TargetGroup {
            displaced: groups.contains(&"displaced"),
            displaced_from,
            long_term_unemployed: groups.contains(&"long_term_unemployed"),
            long_term_months: rd.integer(t, "long_term_months", Some(12), 1, 120) as u32,
            aged_50_plus: groups.contains(&"aged_50_plus"),
        },
        share: rd.number(t, "share", Some(0.5), Range::Unit),
        months,
        conditions,
        retention_months: rd.integer(
            t,
            "retention_months",
            Some(i64::from(months.min(12))),
            0,
            60,
        ) as u32,
        repayment: rd.number(t, "repayment", Some(0.5), Range::Unit),
        horizon_months: rd.integer(t, "horizon_months", Some(24), 1, 240) as u32,
        elasticity: rd.number(t, "elasticity", Some(0.25), Range::Between(0.0, 5.0)),
        deadweight_window: rd.integer(t, "deadweight_window", Some(6), 0, 60) as u32,
    }
}

/// The defaults of a council's caseload keys.
struct CaseloadDefaults {
    take_up: f64,
    intensity: f64,
    breadth: f64,
    max_months: u32,
    months_after_displacement: Option<u32>,
    displaced_window: u32,
}

/// Reads a council's caseload keys: `eligible` (some of "under_notice", "displaced"),
/// `take_up`, `intensity`, `breadth`, `max_months`, `months_after_displacement`,
/// `displaced_window`.
fn read_caseload(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    common: &Common,
    capacity: Option<u64>,
    d: &CaseloadDefaults,
) -> CaseloadSpec {
    let eligible = read_eligible(
        rd,
        t,
        Eligible {
            employed: false,
            under_notice: true,
            displaced: true,
        },
        &CASELOAD_ELIGIBLE,
    );
    let months_after_displacement = if t.has("months_after_displacement") {
        Some(rd.integer(t, "months_after_displacement", None, 0, 60) as u32)
    } else {
        d.months_after_displacement
    };
    CaseloadSpec {
        target: common.target.clone(),
        capacity,
        under_notice: eligible.under_notice,
        displaced: eligible.displaced,
        displaced_window: rd.integer(
            t,
            "displaced_window",
            Some(i64::from(d.displaced_window)),
            1,
            120,
        ) as u32,
        take_up: rd.number(t, "take_up", Some(d.take_up), Range::Unit),
        intensity: rd.number(t, "intensity", Some(d.intensity), Range::Between(0.1, 7.0)),
        breadth: rd.number(t, "breadth", Some(d.breadth), Range::Between(1.0, 10.0)),
        max_months: rd.integer(t, "max_months", Some(i64::from(d.max_months)), 1, 60) as u32,
        months_after_displacement,
    }
}

/// Reads the keys of `[[policies.transformation_council]]` after the common ones.
fn read_transformation_council(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    common: &Common,
    run_start: Month,
) -> Option<TransformationCouncilSpec> {
    let path = t.path.clone();
    if common.capacity.is_some() {
        let origin = origin_of(t, t.node_get("capacity"));
        rd.error(
            origin,
            &format!("{path}.capacity"),
            "a transformation council's capacity is caseworkers × cases_per_caseworker: set those instead",
        );
    }
    let caseworkers = rd.integer(t, "caseworkers", Some(10), 1, 100_000) as u32;
    let cases = rd.number(
        t,
        "cases_per_caseworker",
        Some(40.0),
        Range::Between(1.0, 1000.0),
    );
    let capacity = (f64::from(caseworkers) * cases).floor() as u64;
    let caseload = read_caseload(
        rd,
        t,
        common,
        Some(capacity),
        &CaseloadDefaults {
            take_up: 0.5,
            intensity: 1.3,
            breadth: 2.0,
            max_months: 12,
            months_after_displacement: None,
            displaced_window: 12,
        },
    );
    let spec = TransformationCouncilSpec {
        name: common.name.clone(),
        start: common.start.unwrap_or(run_start),
        end: common.end,
        caseload,
        caseworkers,
        cases_per_caseworker: cases,
        referral_ratio: rd.number(t, "referral_ratio", Some(0.5), Range::Between(0.0, 1.0)),
        referral_take_up: rd.number(t, "referral_take_up", Some(0.5), Range::Unit),
        course_months: rd.integer(t, "course_months", Some(6), 1, 36) as u32,
        skill_gain: rd.number(t, "skill_gain", Some(0.10), Range::Between(0.0, 1.0)),
        cost_per_caseworker_month: rd.number(
            t,
            "cost_per_caseworker_month",
            Some(6000.0),
            Range::Between(0.0, 100_000.0),
        ),
        cost_per_participant_month: rd.number(
            t,
            "cost_per_participant_month",
            Some(100.0),
            Range::Between(0.0, 100_000.0),
        ),
        course_cost_per_month: rd.number(
            t,
            "course_cost_per_month",
            Some(1500.0),
            Range::Between(0.0, 100_000.0),
        ),
    };
    common.capacity.is_none().then_some(spec)
}

/// Reads the keys of `[[policies.job_security_council]]` after the common ones.
fn read_job_security_council(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    common: &Common,
    run_start: Month,
) -> JobSecurityCouncilSpec {
    let caseload = read_caseload(
        rd,
        t,
        common,
        common.capacity,
        &CaseloadDefaults {
            take_up: 0.88,
            intensity: 2.0,
            breadth: 1.5,
            max_months: 24,
            months_after_displacement: Some(12),
            displaced_window: 3,
        },
    );
    JobSecurityCouncilSpec {
        name: common.name.clone(),
        start: common.start.unwrap_or(run_start),
        end: common.end,
        caseload,
        levy_rate: rd.number(t, "levy_rate", Some(0.003), Range::Between(0.0, 0.1)),
        cost_per_client_month: rd.number(
            t,
            "cost_per_client_month",
            Some(800.0),
            Range::Between(0.0, 100_000.0),
        ),
    }
}

/// The eligibility groups an accreditation table may list.
const ACCREDITATION_ELIGIBLE: [&str; 2] = ["employed", "under_notice"];

/// Reads the keys of `[[policies.accreditation]]` after the common ones.
fn read_accreditation(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    common: &Common,
    run_start: Month,
) -> AccreditationSpec {
    let eligible = read_eligible(
        rd,
        t,
        Eligible {
            employed: false,
            under_notice: true,
            displaced: false,
        },
        &ACCREDITATION_ELIGIBLE,
    );
    AccreditationSpec {
        name: common.name.clone(),
        start: common.start.unwrap_or(run_start),
        end: common.end,
        target: common.target.clone(),
        capacity: common.capacity,
        employed: eligible.employed,
        under_notice: eligible.under_notice,
        min_tenure_months: rd.integer(t, "min_tenure_months", Some(36), 0, 600) as u32,
        take_up: rd.number(t, "take_up", Some(0.1), Range::Unit),
        months: rd.integer(t, "months", Some(2), 1, 24) as u32,
        share: rd.number(t, "share", Some(0.5), Range::Unit),
        breadth: rd.number(t, "breadth", Some(1.25), Range::Between(1.0, 10.0)),
        cost_per_assessment: rd.number(
            t,
            "cost_per_assessment",
            Some(1500.0),
            Range::Between(0.0, 100_000.0),
        ),
    }
}

/// The eligibility groups a retraining table may list.
const ELIGIBLE: [&str; 3] = ["employed", "under_notice", "displaced"];

/// The eligibility groups a council's caseload may list.
const CASELOAD_ELIGIBLE: [&str; 2] = ["under_notice", "displaced"];

/// Reads the keys of `[[policies.retraining]]` after the common ones; `kind` sets the defaults.
fn read_retraining(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    common: &Common,
    names: &TargetNames<'_>,
    run_start: Month,
) -> Option<RetrainingSpec> {
    let path = t.path.clone();
    let kind_origin = origin_of(t, t.node_get("kind"));
    let kind_name = rd.string(t, "kind", None);
    let kind = RetrainingKind::from_name(&kind_name);
    if kind.is_none() && t.node_get("kind").is_some() {
        let list: Vec<String> = RetrainingKind::NAMES
            .iter()
            .map(|o| format!("\"{o}\""))
            .collect();
        rd.error(
            kind_origin,
            &format!("{path}.kind"),
            format!("must be one of {}, got \"{kind_name}\"", list.join(", ")),
        );
    }
    let d = kind.unwrap_or(RetrainingKind::LocalUnion).defaults();
    let eligible = read_eligible(rd, t, d.eligible, &ELIGIBLE);
    let learns_default = if d.new_occupation {
        "new_occupation"
    } else {
        "upskilling"
    };
    let learns = rd.choice(
        t,
        "learns",
        learns_default,
        &["upskilling", "new_occupation"],
    );
    let from_occupations = read_list(rd, t, "occupations", names.occupations);
    let occupation = if t.has("occupation") {
        let node = t.node_get("occupation");
        let origin = origin_of(t, node);
        let name = rd.string(t, "occupation", None);
        let resolved = names
            .occupations
            .resolve(rd, &name, origin, &format!("{path}.occupation"));
        if resolved.is_some() && learns != "new_occupation" {
            rd.error(
                origin,
                &format!("{path}.occupation"),
                "a course towards a named occupation needs learns = \"new_occupation\"",
            );
        }
        resolved
    } else {
        None
    };
    let spec = RetrainingSpec {
        name: common.name.clone(),
        kind: kind.unwrap_or(RetrainingKind::LocalUnion),
        occupations: from_occupations,
        occupation,
        start: common.start.unwrap_or(run_start),
        end: common.end,
        target: common.target.clone(),
        capacity: common.capacity,
        eligible,
        new_occupation: learns == "new_occupation",
        months: rd.integer(t, "months", Some(i64::from(d.months)), 1, 36) as u32,
        skill_gain: rd.number(
            t,
            "skill_gain",
            Some(d.skill_gain),
            Range::Between(0.0, 1.0),
        ),
        take_up: rd.number(t, "take_up", Some(d.take_up), Range::Unit),
        older_reach: rd.number(
            t,
            "older_reach",
            Some(d.older_reach),
            Range::Between(0.0, 10.0),
        ),
        propensity_elasticity: rd.number(
            t,
            "propensity_elasticity",
            Some(d.propensity_elasticity),
            Range::Between(0.0, 5.0),
        ),
        completion: rd.number(t, "completion", Some(d.completion), Range::Unit),
        completion_propensity: rd.number(
            t,
            "completion_propensity",
            Some(0.6),
            Range::Between(0.0, 2.0),
        ),
        displaced_window: rd.integer(t, "displaced_window", Some(24), 1, 120) as u32,
        cost_per_month: rd.number(
            t,
            "cost_per_month",
            Some(1500.0),
            Range::Between(0.0, 100_000.0),
        ),
    };
    // Every key is read (and checked) before a missing or unknown kind drops the spec.
    kind.map(|_| spec)
}

/// `eligible = ["employed", "under_notice", "displaced"]`: a non-empty list of the `allowed`.
fn read_eligible(
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
fn read_choices(
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
