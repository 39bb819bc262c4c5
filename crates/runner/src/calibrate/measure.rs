//! What a moment of a calibration file measures in one run: a `summary.json` indicator (as
//! sweeps keep them), an aggregate over the run's tables, or the ratio of two aggregates.
//!
//! The grammar (docs/calibrate.md, "Measures"):
//! - `economy.COLUMN[@FIRST..LAST]`: the mean of an `economy.csv` column over the reported
//!   months, or over the months of the window (both ends included, `YYYY-MM`);
//! - `markets.REGION.SECTOR.MEASURE[@FIRST..LAST]`: the same for a row of `markets.csv`
//!   (`SECTOR` is `all` for a region's own measures: unemployment, participation, moves);
//! - `cohorts.CAUSE.GROUP.COLUMN@MONTHS`: a cell of `cohorts.csv`, `MONTHS` after each worker's
//!   displacement (`GROUP` an age group, `sector:NAME`, `occupation:NAME` or `region:NAME`);
//! - `followup.POLICY.GROUP.COLUMN@MONTHS`: a policy's participants (or passed-over
//!   applicants), `MONTHS` after they entered, as `followup.csv` has them: the share on a
//!   payroll, in training, or of the employed in another occupation or region, in %. In the
//!   comparison arm (a scenario compared with `no_policies`) the same workers are followed by
//!   their stable ids, so `arm = "effect"` is the effect on them (`followup.csv`'s `effect_pp`);
//! - `A / B`: the ratio of two of the above (each with its own window), e.g. the long-term
//!   share of unemployment, `economy.long_term_unemployed / economy.unemployed`.
//!
//! Names are checked twice: the grammar when the file is read, the regions, sectors and
//! groups against each scenario once it is loaded, so a misspelt name stops the calibration
//! before anything runs.

use wandel_engine::{Cause, Cohorts, Month, Params, RunOutput};
use wandel_policy::{FollowCell, PolicyRun, PolicySpec};

use crate::output::{
    CELL_MEASURES, COHORT_COLUMNS, ECONOMY_COLUMNS, REGION_MEASURES, cell_values, cohort_values,
    economy_row, region_values,
};

/// A month window, both ends included.
pub(crate) type Window = (Month, Month);

/// An aggregate over one of a run's tables.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Aggregate {
    /// The mean of an `economy.csv` column (its index) over the months of the window.
    Economy {
        column: usize,
        window: Option<Window>,
    },
    /// The mean of a `markets.csv` row over the months of the window.
    Market {
        region: String,
        sector: String,
        measure: String,
        window: Option<Window>,
    },
    /// A `cohorts.csv` cell.
    Cohort {
        cause: Cause,
        group: String,
        column: usize,
        months_since: usize,
    },
    /// A `followup.csv` cell of one arm.
    Followup {
        policy: String,
        participants: bool,
        column: usize,
        months_since: u32,
    },
}

/// The columns of a follow-up measure, each a share in %.
pub(crate) const FOLLOWUP_COLUMNS: [&str; 4] = [
    "employed_pct",
    "training_pct",
    "other_occupation_pct",
    "other_region_pct",
];

impl Measure {
    /// Whether the measure reads the follow-up of a policy's workers.
    pub(crate) fn follows(&self) -> bool {
        let f = |a: &Aggregate| matches!(a, Aggregate::Followup { .. });
        match self {
            Measure::Indicator(_) => false,
            Measure::Aggregate(a) => f(a),
            Measure::Ratio(a, b) => f(a) || f(b),
        }
    }
}

/// What a measure is computed from: one arm's run.
pub(crate) struct Run<'a> {
    pub(crate) params: &'a Params,
    pub(crate) output: &'a RunOutput,
    pub(crate) policies: &'a PolicyRun,
    /// The scenario's policies (the follow-up's policy indices point into them).
    pub(crate) specs: &'a [PolicySpec],
}

/// A moment's measure.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Measure {
    /// A `summary.json` indicator, read as sweeps read it.
    Indicator(String),
    Aggregate(Aggregate),
    /// The first aggregate over the second.
    Ratio(Aggregate, Aggregate),
}

/// Reads a measure; `indicators` are the names a plain indicator may have. The error says what
/// is allowed.
pub(crate) fn parse(text: &str, indicators: &[&str]) -> Result<Measure, String> {
    if let Some((a, b)) = text.split_once('/') {
        let a = aggregate(a.trim())?.ok_or_else(|| {
            format!(
                "`{}`: a ratio's terms must be economy., markets. or cohorts. measures",
                a.trim()
            )
        })?;
        let b = aggregate(b.trim())?.ok_or_else(|| {
            format!(
                "`{}`: a ratio's terms must be economy., markets. or cohorts. measures",
                b.trim()
            )
        })?;
        return Ok(Measure::Ratio(a, b));
    }
    if let Some(a) = aggregate(text)? {
        return Ok(Measure::Aggregate(a));
    }
    if indicators.contains(&text) {
        return Ok(Measure::Indicator(text.to_string()));
    }
    Err(format!(
        "unknown measure `{text}`; did you mean `{}`? (allowed: {}; or economy.COLUMN[@FIRST..LAST], markets.REGION.SECTOR.MEASURE[@FIRST..LAST], cohorts.CAUSE.GROUP.COLUMN@MONTHS, followup.POLICY.GROUP.COLUMN@MONTHS, or A / B of these)",
        crate::sweep::file::nearest(text, indicators),
        indicators.join(", ")
    ))
}

/// Reads an aggregate: `Ok(None)` when `text` names no table.
fn aggregate(text: &str) -> Result<Option<Aggregate>, String> {
    if let Some(rest) = text.strip_prefix("economy.") {
        let (name, window) = split_window(rest)?;
        let allowed: Vec<&str> = ECONOMY_COLUMNS
            .iter()
            .copied()
            .filter(|c| !matches!(*c, "month" | "replication"))
            .collect();
        let column = ECONOMY_COLUMNS
            .iter()
            .position(|c| *c == name && allowed.contains(c))
            .ok_or_else(|| unknown("column of economy.csv", name, &allowed))?;
        return Ok(Some(Aggregate::Economy { column, window }));
    }
    if let Some(rest) = text.strip_prefix("markets.") {
        let (path, window) = split_window(rest)?;
        let parts: Vec<&str> = path.splitn(3, '.').collect();
        let [region, sector, measure] = parts[..] else {
            return Err(format!(
                "`{text}`: a markets measure is markets.REGION.SECTOR.MEASURE (SECTOR `all` for a region's own measures), e.g. markets.steeltown.all.unemployment_rate"
            ));
        };
        let allowed: &[&str] = if sector == "all" {
            &REGION_MEASURES
        } else {
            &CELL_MEASURES
        };
        if !allowed.contains(&measure) {
            let what = if sector == "all" {
                "measure of a region (sector `all`) in markets.csv"
            } else {
                "measure of a region's sector in markets.csv"
            };
            return Err(unknown(what, measure, allowed));
        }
        return Ok(Some(Aggregate::Market {
            region: region.to_string(),
            sector: sector.to_string(),
            measure: measure.to_string(),
            window,
        }));
    }
    if let Some(rest) = text.strip_prefix("cohorts.") {
        let shape = || {
            format!(
                "`{text}`: a cohorts measure is cohorts.CAUSE.GROUP.COLUMN@MONTHS, MONTHS after displacement, e.g. cohorts.closure.all.reemployed@24"
            )
        };
        let (path, months) = rest.split_once('@').ok_or_else(shape)?;
        let months_since: usize = months.trim().parse().map_err(|_| shape())?;
        let (cause, rest) = path.split_once('.').ok_or_else(shape)?;
        let (group, column) = rest.rsplit_once('.').ok_or_else(shape)?;
        let causes: Vec<&str> = Cause::ALL.iter().map(|c| c.name()).collect();
        let cause = *Cause::ALL
            .iter()
            .find(|c| c.name() == cause)
            .ok_or_else(|| unknown("cause", cause, &causes))?;
        let column = COHORT_COLUMNS
            .iter()
            .position(|c| *c == column)
            .ok_or_else(|| unknown("column of cohorts.csv", column, &COHORT_COLUMNS))?;
        return Ok(Some(Aggregate::Cohort {
            cause,
            group: group.to_string(),
            column,
            months_since,
        }));
    }
    if let Some(rest) = text.strip_prefix("followup.") {
        let shape = || {
            format!(
                "`{text}`: a follow-up measure is followup.POLICY.GROUP.COLUMN@MONTHS, MONTHS after entry, GROUP `participants` or `passed_over`, e.g. followup.steel_learning.participants.employed_pct@24"
            )
        };
        let (path, months) = rest.split_once('@').ok_or_else(shape)?;
        let months_since: u32 = months.trim().parse().map_err(|_| shape())?;
        let (rest, column) = path.rsplit_once('.').ok_or_else(shape)?;
        let (policy, group) = rest.rsplit_once('.').ok_or_else(shape)?;
        let participants = match group {
            "participants" => true,
            "passed_over" => false,
            other => {
                return Err(unknown(
                    "follow-up group",
                    other,
                    &["participants", "passed_over"],
                ));
            }
        };
        let column = FOLLOWUP_COLUMNS
            .iter()
            .position(|c| *c == column)
            .ok_or_else(|| unknown("column of a follow-up measure", column, &FOLLOWUP_COLUMNS))?;
        return Ok(Some(Aggregate::Followup {
            policy: policy.to_string(),
            participants,
            column,
            months_since,
        }));
    }
    Ok(None)
}

fn unknown(what: &str, name: &str, allowed: &[&str]) -> String {
    format!(
        "`{name}` is not a {what}; did you mean `{}`? (allowed: {})",
        crate::sweep::file::nearest(name, allowed),
        allowed.join(", ")
    )
}

/// Splits `NAME@FIRST..LAST` into the name and its window.
fn split_window(text: &str) -> Result<(&str, Option<Window>), String> {
    let Some((name, w)) = text.split_once('@') else {
        return Ok((text, None));
    };
    let ends = w
        .split_once("..")
        .map(|(a, b)| (Month::parse(a.trim()), Month::parse(b.trim())));
    match ends {
        Some((Some(a), Some(b))) if a <= b => Ok((name, Some((a, b)))),
        _ => Err(format!(
            "the window `{w}` must be FIRST..LAST, two months as YYYY-MM, the first not after the last (e.g. economy.unemployment_rate@2026-01..2027-12)"
        )),
    }
}

/// Checks the names an aggregate takes from a scenario (regions, sectors, cohort groups,
/// policies) and that its cohort month is inside the follow-up.
pub(crate) fn check(
    measure: &Measure,
    params: &Params,
    specs: &[PolicySpec],
) -> Result<(), String> {
    match measure {
        Measure::Indicator(_) => Ok(()),
        Measure::Aggregate(a) => check_aggregate(a, params, specs),
        Measure::Ratio(a, b) => {
            check_aggregate(a, params, specs).and(check_aggregate(b, params, specs))
        }
    }
}

fn check_aggregate(a: &Aggregate, params: &Params, specs: &[PolicySpec]) -> Result<(), String> {
    match a {
        Aggregate::Followup { policy, .. } => {
            let names: Vec<&str> = specs.iter().map(PolicySpec::name).collect();
            if names.contains(&policy.as_str()) {
                Ok(())
            } else if names.is_empty() {
                Err(format!(
                    "`{policy}`: the scenario has no policies to follow"
                ))
            } else {
                Err(unknown("policy of the scenario", policy, &names))
            }
        }
        Aggregate::Economy { .. } => Ok(()),
        Aggregate::Market { region, sector, .. } => {
            let regions: Vec<&str> = params.regions.iter().map(String::as_str).collect();
            if !regions.contains(&region.as_str()) {
                return Err(unknown("region", region, &regions));
            }
            let mut sectors: Vec<&str> = vec!["all"];
            sectors.extend(params.sectors.iter().map(|s| s.name.as_str()));
            if !sectors.contains(&sector.as_str()) {
                return Err(unknown("sector", sector, &sectors));
            }
            Ok(())
        }
        Aggregate::Cohort {
            group,
            months_since,
            ..
        } => {
            let groups = Cohorts::new(params).groups;
            let names: Vec<&str> = groups.iter().map(String::as_str).collect();
            if !names.contains(&group.as_str()) {
                return Err(unknown("cohort group", group, &names));
            }
            if *months_since > params.cohort_horizon as usize {
                return Err(format!(
                    "month {months_since} after displacement is beyond the scenario's follow-up (simulation.cohort_horizon = {})",
                    params.cohort_horizon
                ));
            }
            Ok(())
        }
    }
}

/// The value of an aggregate or ratio in one run (NaN when undefined: no month in the window,
/// nobody in the cohort cell, a ratio over zero). `None` for an indicator, which the caller
/// reads from the run's headline figures.
pub(crate) fn value(measure: &Measure, run: &Run<'_>) -> Option<f64> {
    match measure {
        Measure::Indicator(_) => None,
        Measure::Aggregate(a) => Some(aggregate_value(a, run)),
        Measure::Ratio(a, b) => {
            let (a, b) = (aggregate_value(a, run), aggregate_value(b, run));
            Some(if b == 0.0 { f64::NAN } else { a / b })
        }
    }
}

fn aggregate_value(a: &Aggregate, run: &Run<'_>) -> f64 {
    let (params, output) = (run.params, run.output);
    let in_window = |window: &Option<Window>, m: Month| {
        window.is_none_or(|(first, last)| first <= m && m <= last)
    };
    match a {
        Aggregate::Economy { column, window } => mean(
            output
                .months
                .iter()
                .filter(|r| in_window(window, r.month))
                .map(|r| {
                    economy_row(r, 0)[*column]
                        .parse::<f64>()
                        .unwrap_or(f64::NAN)
                }),
        ),
        Aggregate::Market {
            region,
            sector,
            measure,
            window,
        } => {
            let Some(region) = params.regions.iter().position(|r| r == region) else {
                return f64::NAN;
            };
            let months = output.months.iter().filter(|r| in_window(window, r.month));
            if sector == "all" {
                let k = REGION_MEASURES.iter().position(|m| m == measure);
                mean(months.map(|r| k.map_or(f64::NAN, |k| region_values(&r.regions[region])[k])))
            } else {
                let Some(sector) = params.sectors.iter().position(|s| &s.name == sector) else {
                    return f64::NAN;
                };
                let k = CELL_MEASURES.iter().position(|m| m == measure);
                // A month without the cell (nobody employed there and nothing posted) counts
                // as zero, as a tally of that month would.
                mean(months.map(|r| {
                    let cell = r
                        .cells
                        .iter()
                        .find(|c| c.region as usize == region && c.sector as usize == sector);
                    match (cell, k) {
                        (Some(c), Some(k)) => cell_values(c)[k],
                        (None, Some(_)) if measure != "mean_wage" => 0.0,
                        _ => f64::NAN,
                    }
                }))
            }
        }
        Aggregate::Cohort {
            cause,
            group,
            column,
            months_since,
        } => {
            let cohorts = &output.cohorts;
            let cell = cohorts
                .groups
                .iter()
                .position(|g| g == group)
                .and_then(|g| cohorts.of(*cause)[g].get(*months_since));
            match cell {
                Some(c) if c.n > 0 => cohort_values(c)[*column].unwrap_or(f64::NAN),
                _ => f64::NAN,
            }
        }
        Aggregate::Followup {
            policy,
            participants,
            column,
            months_since,
        } => {
            let Some(k) = run.specs.iter().position(|s| s.name() == policy) else {
                return f64::NAN;
            };
            let cell = run
                .policies
                .followup
                .cells
                .get(&(k as u16, *participants, *months_since));
            cell.map_or(f64::NAN, |c| followup_value(c, *column))
        }
    }
}

/// A follow-up cell's share, in % (as `followup.csv` has it; NaN for a share of nobody).
fn followup_value(c: &FollowCell, column: usize) -> f64 {
    let pct = |part: u64, n: u64| {
        if n == 0 {
            f64::NAN
        } else {
            100.0 * part as f64 / n as f64
        }
    };
    match FOLLOWUP_COLUMNS[column] {
        "employed_pct" => pct(c.employed, c.n),
        "training_pct" => pct(c.training, c.n),
        "other_occupation_pct" => pct(c.other_occupation, c.employed),
        _ => pct(c.other_region, c.employed),
    }
}

/// The mean of the values, NaN for none.
fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 { f64::NAN } else { sum / n as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDICATORS: &[&str] = &["flows.ue_rate", "unemployment_rate.mean"];

    #[test]
    fn the_grammar_reads_each_table_and_a_ratio() {
        assert_eq!(
            parse("flows.ue_rate", INDICATORS),
            Ok(Measure::Indicator("flows.ue_rate".into()))
        );
        let Ok(Measure::Aggregate(Aggregate::Economy { window, .. })) =
            parse("economy.unemployment_rate@2026-01..2027-12", INDICATORS)
        else {
            panic!("economy measure not read");
        };
        assert_eq!(
            window,
            Some((Month::from_ym(2026, 1), Month::from_ym(2027, 12)))
        );
        assert!(matches!(
            parse(
                "markets.steeltown.all.out_of_labour_force@2027-01..2027-12",
                INDICATORS
            ),
            Ok(Measure::Aggregate(Aggregate::Market { .. }))
        ));
        assert!(matches!(
            parse("cohorts.closure.55-64.reemployed@24", INDICATORS),
            Ok(Measure::Aggregate(Aggregate::Cohort {
                months_since: 24,
                ..
            }))
        ));
        assert!(matches!(
            parse(
                "economy.long_term_unemployed / economy.unemployed",
                INDICATORS
            ),
            Ok(Measure::Ratio(..))
        ));
    }

    #[test]
    fn a_misspelt_measure_is_refused_with_what_is_allowed() {
        let e = parse("economy.unemploymnet_rate", INDICATORS).unwrap_err();
        assert!(e.contains("did you mean `unemployment_rate`"), "{e}");
        let e = parse("markets.steeltown.all.employed", INDICATORS).unwrap_err();
        assert!(
            e.contains("is not a measure of a region (sector `all`)"),
            "{e}"
        );
        let e = parse("markets.steeltown.unemployment_rate", INDICATORS).unwrap_err();
        assert!(e.contains("markets.REGION.SECTOR.MEASURE"), "{e}");
        let e = parse("cohorts.closure.all.reemployed", INDICATORS).unwrap_err();
        assert!(e.contains("cohorts.CAUSE.GROUP.COLUMN@MONTHS"), "{e}");
        let e = parse("cohorts.closing.all.reemployed@24", INDICATORS).unwrap_err();
        assert!(e.contains("`closing` is not a cause"), "{e}");
        let e = parse("flows.ue_rate / economy.unemployed", INDICATORS).unwrap_err();
        assert!(e.contains("a ratio's terms"), "{e}");
        let e = parse("followup.x.treated.employed_pct@24", INDICATORS).unwrap_err();
        assert!(e.contains("`treated` is not a follow-up group"), "{e}");
        let e = parse("followup.x.participants.employed_pct", INDICATORS).unwrap_err();
        assert!(e.contains("followup.POLICY.GROUP.COLUMN@MONTHS"), "{e}");
        let e = parse("flows.uerate", INDICATORS).unwrap_err();
        assert!(e.contains("did you mean `flows.ue_rate`"), "{e}");
    }
}
