//! Headline measures of one replication's output, the same for `summary.json`, the calibration
//! table and scripts: monthly flow rates, the mean unemployment rate, the displaced workers'
//! re-employment, occupation changes, residence moves and earnings against matched controls,
//! and the local multiplier of a closure against a run without it.
//!
//! Displaced-worker measures describe the headline cohort ([`Cohorts::headline_cause`]: the
//! closing firms' staff when a closure displaced anyone, otherwise the laid off). A measure
//! that cannot be computed (nobody observed) is NaN.

use crate::cohorts::{AGE_GROUPS, CohortCell};
use crate::params::Params;
use crate::record::MonthRecord;
use crate::sim::RunOutput;

fn mean(x: impl Iterator<Item = f64>) -> f64 {
    let (mut sum, mut n) = (0.0, 0u64);
    for v in x {
        sum += v;
        n += 1;
    }
    if n == 0 { f64::NAN } else { sum / n as f64 }
}

/// Monthly flow rates averaged over the months: U→E (hires from unemployment over last month's
/// unemployed), E→U (separations and layoffs over last month's payroll) and E→E (job-to-job
/// moves over last month's payroll).
pub fn flow_rates(run: &RunOutput) -> (f64, f64, f64) {
    let payroll = |m: &MonthRecord| (m.employed + m.short_time) as f64;
    let pairs = || run.months.windows(2).map(|w| (&w[0], &w[1]));
    (
        mean(pairs().map(|(a, b)| (b.hires - b.job_to_job) as f64 / a.unemployed.max(1) as f64)),
        mean(pairs().map(|(a, b)| (b.separations + b.layoffs) as f64 / payroll(a).max(1.0))),
        mean(pairs().map(|(a, b)| b.job_to_job as f64 / payroll(a).max(1.0))),
    )
}

/// Mean unemployment rate over the reported months.
pub fn unemployment_rate_mean(run: &RunOutput) -> f64 {
    mean(run.months.iter().map(MonthRecord::unemployment_rate))
}

/// The headline cohort's cell of age group `group` (an entry of [`AGE_GROUPS`]) at `months`
/// after displacement.
fn cell<'a>(run: &'a RunOutput, group: &str, months: usize) -> Option<&'a CohortCell> {
    let g = AGE_GROUPS.iter().position(|&a| a == group)?;
    let c = &run.cohorts;
    c.of(c.headline_cause())[g].get(months).filter(|c| c.n > 0)
}

/// The displaced of age group `group` a figure `months` after displacement rests on (0 when
/// there are none).
pub fn base(run: &RunOutput, group: &str, months: usize) -> u64 {
    cell(run, group, months).map_or(0, |c| c.n)
}

/// The displaced with a matched control `months` after displacement (the base of the
/// earnings against controls).
pub fn matched_base(run: &RunOutput, months: usize) -> u64 {
    cell(run, "all", months).map_or(0, |c| c.matched)
}

/// The re-employed displaced `months` after displacement (the base of figures about them).
pub fn reemployed_base(run: &RunOutput, months: usize) -> u64 {
    cell(run, "all", months).map_or(0, |c| c.reemployed)
}

/// Share of the displaced of age group `group` on a payroll `months` after displacement.
pub fn reemployed(run: &RunOutput, group: &str, months: usize) -> f64 {
    cell(run, group, months).map_or(f64::NAN, |c| c.reemployed as f64 / c.n as f64)
}

/// Share of the re-employed displaced working in another occupation `months` after displacement.
pub fn occupation_change(run: &RunOutput, months: usize) -> f64 {
    cell(run, "all", months)
        .filter(|c| c.reemployed > 0)
        .map_or(f64::NAN, |c| {
            c.other_occupation as f64 / c.reemployed as f64
        })
}

/// Share of the displaced living in another region `months` after displacement.
pub fn moved_residence(run: &RunOutput, months: usize) -> f64 {
    cell(run, "all", months).map_or(f64::NAN, |c| c.moved as f64 / c.n as f64)
}

/// Earnings of the displaced against their matched controls over months `first..=last` after
/// displacement, as a relative difference (−0.3: 30 % less): Σ earnings of the matched
/// displaced (0 without a job) over Σ earnings of their controls, minus 1.
pub fn earnings_vs_controls(run: &RunOutput, first: usize, last: usize) -> f64 {
    let (mut displaced, mut controls) = (0.0, 0.0);
    for m in first..=last {
        if let Some(c) = cell(run, "all", m) {
            displaced += c.earnings;
            controls += c.control_earnings;
        }
    }
    if controls > 0.0 {
        displaced / controls - 1.0
    } else {
        f64::NAN
    }
}

/// The local multiplier of the first closure, `months` after it closes: non-tradable jobs
/// lost per tradable job lost in the closing firm's region, both against `counterfactual`
/// (the same scenario and replication without the closure). Non-tradable sectors are those with
/// a positive `local_demand`; jobs are payroll headcounts. NaN without a closure, or when the
/// month is outside the run or no tradable job was lost.
pub fn local_multiplier(
    params: &Params,
    run: &RunOutput,
    counterfactual: &RunOutput,
    months: i32,
) -> f64 {
    let Some(closure) = params.closures.first() else {
        return f64::NAN;
    };
    let region = params.firm_groups[closure.group as usize].region;
    let at = closure.closes.plus(months);
    let find = |r: &RunOutput| r.months.iter().find(|m| m.month == at).cloned();
    let (Some(a), Some(b)) = (find(run), find(counterfactual)) else {
        return f64::NAN;
    };
    let (mut tradable, mut local) = (0.0, 0.0);
    for (x, y) in a.cells.iter().zip(&b.cells) {
        if x.region != region {
            continue;
        }
        let jobs = |c: &crate::record::CellRecord| (c.employed + c.short_time) as f64;
        let change = jobs(x) - jobs(y);
        if params.sectors[x.sector as usize].local_demand > 0.0 {
            local += change;
        } else {
            tradable += change;
        }
    }
    if tradable < 0.0 {
        local / tradable
    } else {
        f64::NAN
    }
}
