//! Short-time work (Kurzarbeit, SGB III §§ 95–109): firms whose demand falls cut hours instead
//! of jobs, and the state replaces part of the net pay lost.
//!
//! Mechanism, each month from `start` to `end` (exclusive):
//!
//! 1. **Entry** (hook `on_excess_labour`, before layoffs): a producing firm in the target whose
//!    workforce exceeds its target, and that is not barred, needs `⌈excess / hours_cut⌉`
//!    full-hours workers on short time with `hours_cut` of their hours lost to match its
//!    demand. It may enter when they are at least `threshold` of its staff (SGB III § 96 (1) 4:
//!    a considerable loss of work affects at least a share of the employees, one third by the
//!    regular rule, 10 % since 2020). With `decision = "firm"` (the default) it enters only
//!    when short-time work costs it less than laying off and later rehiring (below); with
//!    `"always"` every eligible firm enters (the best case). A firm that enters lays off no one
//!    (the engine's layoffs count short-time workers with the hours they still work).
//!
//!    **The firm's choice**, per full-time job it does not need, in months of that job's wage:
//!    - short-time work for the months `D` the firm expects the shortfall to last costs it the
//!      remanent costs of the hours lost, `ρ_j · min(D, max_months)`: the social contributions
//!      on 80 % of the pay lost that are not reimbursed (both sides' rates × 0.8 ×
//!      (1 − `reimbursed_contributions`)) plus the other pay it still owes on lost hours
//!      (holiday entitlements, bonuses: `remanent_cost_share`), the latter differing across
//!      firms by `remanent_dispersion` (a lasting draw per firm, `PolicyCtx::firm_draw`); if
//!      `D` exceeds `max_months`, the layoff comes anyway after the scheme, at its cost too;
//!    - laying off costs the wages of the notice period of the workers it would dismiss (the
//!      shortest-tenured, as social selection picks them; § 622 BGB when
//!      `institutions.notice_by_tenure`) plus, when demand returns, the cost of hiring again:
//!      `c_v · d + H` months of wages, with `d` the smoothed vacancy duration of the firm's
//!      cell and `c_v`, `H` the job-creation module's waiting and hiring costs
//!      (calibration: M6, M7);
//!    - `D` is `expected_dip_months` plus the months in a row the firm has already had more
//!      staff than demand: a firm in a lasting decline expects it to go on, so it uses short
//!      time less, or only to delay layoffs (after `max_months` it is barred, and with `D` now
//!      long it lays off).
//!
//!    A firm already on short time adds workers when its demand falls further. With a
//!    `capacity`, the workers on short time at once never exceed it (firms are served in the
//!    engine's order, by index).
//! 2. **Recovery and expiry** (hook `on_month_start`, after targets): a firm whose staff no
//!    longer exceeds its target returns everyone to full hours; one that needs fewer
//!    short-time workers returns the surplus. After `max_months` (J5: 12) the firm's workers
//!    return to full hours, and a firm whose demand has not recovered then lays off as the
//!    engine's adjustment says; it may not start again for [`WAIT_MONTHS`]. A firm under
//!    closure notice leaves at once (short-time work bridges temporary losses, not closures).
//!    At `end` every firm leaves.
//! 3. **Costs** (hook `on_month_end`): each short-time worker is paid the allowance,
//!    `replacement_rate` (or `replacement_rate_children` for a worker with children, the
//!    benefit rules' per-worker flag) of the net pay lost, `net(g) − net(g × (1 − cut))` for
//!    gross pay `g` (J5, C7); with `step_ups`, the COVID rules of C7 (+10 points from the
//!    firm's fourth month, +20 from its seventh). Social contributions on 80 % of the pay lost
//!    stay due (`ledger::SHORT_TIME_CONTRIBUTION_BASE`); `reimbursed_contributions` of them
//!    are paid by the state (C7: all of them in 2020–21), the rest by the employer.
//!
//! Ledger items: `short_time_allowance` and `reimbursed_contributions` (costs); the employer's
//! share is reported as `employer_cost` in `policies.csv`. Output and earnings follow hours:
//! the engine counts a short-time worker's labour and pay by the hours worked.

use std::collections::BTreeMap;

use wandel_engine::policy::{ExcessCtx, ExcessLabour, Policy, PolicyCtx, StartCtx};
use wandel_engine::state::FirmStatus;
use wandel_engine::{Economy, Month, MonthRecord, Params, Status};

use crate::kind::Tally;
use crate::ledger::{Fiscal, SHORT_TIME_CONTRIBUTION_BASE};
use crate::{Intervention, PolicyMonth};

/// Months a firm whose entitlement ran out must wait before it may start again (SGB III § 104
/// (3): a new entitlement period needs three months without short-time work).
pub const WAIT_MONTHS: i32 = 3;

/// Item: the short-time allowance (Kurzarbeitergeld), cost.
pub const ALLOWANCE: &str = "short_time_allowance";
/// Item: social contributions on lost hours reimbursed to employers, cost.
pub const REIMBURSED: &str = "reimbursed_contributions";

/// `[[policies.short_time_work]]`, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct ShortTimeWorkSpec {
    /// What every policy table has: name, start, end, target, capacity.
    pub common: Common,
    /// Least share of the staff that must be needed on short time for a firm to enter.
    pub threshold: f64,
    /// Share of hours a short-time worker loses.
    pub hours_cut: f64,
    /// Most months a firm stays on short time (J5: 12).
    pub max_months: u32,
    /// Allowance as a share of the net pay lost (J5, C7: 0.60).
    pub replacement_rate: f64,
    /// The same for workers with children (0.67).
    pub replacement_rate_children: f64,
    /// Whether the COVID step-ups of C7 apply.
    pub step_ups: bool,
    /// Share of the contributions on lost hours the state reimburses to employers (C7).
    pub reimbursed_contributions: f64,
    /// The scenario's fiscal parameters (employer contribution rate).
    pub fiscal: Fiscal,
    /// Who decides: each firm by its costs, or every eligible firm (the best case).
    pub decision: Decision,
    /// Other pay a firm still owes on hours lost to short time, as a share of the pay lost
    /// (holiday entitlements, bonuses), for the average firm.
    pub remanent_cost_share: f64,
    /// Spread of that share across firms: a firm's share is the average times
    /// `1 + dispersion · (2u − 1)`, `u` uniform and lasting per firm (in [0, 1]).
    pub remanent_dispersion: f64,
    /// Months a firm expects a shortfall of demand to last when it first sees it.
    pub expected_dip_months: f64,
}

/// Who decides whether a firm goes on short time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Each eligible firm compares what short-time work and layoffs cost it.
    Firm,
    /// Every eligible firm enters (the best case of earlier versions).
    Always,
}

/// `PolicyCtx::firm_draw` question of a firm's remanent-cost draw.
const REMANENT: u64 = 1;

/// The mechanism: short-time work for one run.
pub struct ShortTimeWork {
    spec: ShortTimeWorkSpec,
    /// Entries, exits and the workers to follow, counted as every kind counts them.
    tally: Tally,
    /// Firms on short time, with their first month.
    spells: BTreeMap<u32, Month>,
    /// Firms whose entitlement ran out, with the first month they may start again.
    barred: BTreeMap<u32, Month>,
    /// Per firm with excess staff: the last month it had it and the months in a row.
    excess_months: BTreeMap<u32, (Month, u32)>,
    firms_entered: u64,
    firms_declined: u64,
    month: PolicyMonth,
}

impl ShortTimeWork {
    /// A fresh mechanism.
    pub fn new(spec: ShortTimeWorkSpec) -> ShortTimeWork {
        ShortTimeWork {
            spec,
            tally: Tally::default(),
            spells: BTreeMap::new(),
            barred: BTreeMap::new(),
            excess_months: BTreeMap::new(),
            firms_entered: 0,
            firms_declined: 0,
            month: PolicyMonth::default(),
        }
    }

    /// Whether firm `j`, with `excess` full-time jobs it does not need and `before` months in
    /// a row of excess staff before this one, finds short-time work cheaper than layoffs (see
    /// the module header).
    fn firm_prefers_short_time(
        &self,
        ctx: &PolicyCtx<'_>,
        firm: u32,
        excess: u32,
        before: u32,
    ) -> bool {
        let s = &self.spec;
        if s.decision == Decision::Always {
            return true;
        }
        let params = ctx.params();
        let eco = ctx.economy();
        let j = firm as usize;
        let both_sides = params.benefits.contribution_rate + s.fiscal.employer_contribution_rate;
        let contributions =
            both_sides * SHORT_TIME_CONTRIBUTION_BASE * (1.0 - s.reimbursed_contributions);
        let u = ctx.firm_draw(firm, REMANENT);
        let other = s.remanent_cost_share * (1.0 + s.remanent_dispersion * (2.0 * u - 1.0));
        let remanent = contributions + other.max(0.0);
        let expected = s.expected_dip_months + f64::from(before);
        let max = f64::from(s.max_months);
        let jobs = &params.jobs;
        let cell = eco.firm_cell(j);
        let signals = &eco.signals;
        let waiting = if jobs.enabled && signals.cell_hires[cell] > 0.0 {
            signals.cell_vacancies[cell] / signals.cell_hires[cell]
        } else {
            jobs.vacancy_duration_months
        };
        let rehire = jobs.vacancy_cost * waiting + jobs.hiring_cost_months;
        let notice = if params.notice_by_tenure {
            mean_notice_of_shortest_tenures(eco, j, excess)
        } else {
            0.0
        };
        let layoff = notice + rehire;
        let short_time = remanent * expected.min(max) + if expected > max { layoff } else { 0.0 };
        short_time < layoff
    }

    fn active(&self, t: Month) -> bool {
        self.spec.common.active(t)
    }

    /// Workers on short time at the firms of the policy's spells.
    fn participants(&self, eco: &Economy) -> u64 {
        self.spells
            .keys()
            .map(|&j| u64::from(eco.firms.short_time[j as usize]))
            .sum()
    }
}

/// Mean months of notice (§ 622 BGB) of the `n` shortest-tenured workers of firm `j` (the
/// ones social selection dismisses first): what their notice periods cost the firm in wages.
fn mean_notice_of_shortest_tenures(eco: &Economy, j: usize, n: u32) -> f64 {
    let t = eco.month;
    let mut tenures: Vec<i32> = eco.firms.employees[j]
        .iter()
        .map(|&w| t.since(eco.workers.rec[w as usize].since))
        .collect();
    let n = (n as usize).clamp(1, tenures.len().max(1));
    if tenures.is_empty() {
        return 0.0;
    }
    tenures.select_nth_unstable(n - 1);
    tenures[..n]
        .iter()
        .map(|&m| f64::from(wandel_engine::state::notice_months(m)))
        .sum::<f64>()
        / n as f64
}

/// Staff who stay (payroll less those under notice of layoff) of firm `j`.
fn staying(eco: &Economy, j: usize) -> u32 {
    eco.firms
        .headcount(j)
        .saturating_sub(eco.firms.on_notice[j])
}

impl Policy for ShortTimeWork {
    fn name(&self) -> &str {
        &self.spec.common.name
    }

    fn on_month_start(&mut self, ctx: &mut StartCtx<'_>) {
        let t = ctx.month();
        let active = self.active(t);
        let spells: Vec<(u32, Month)> = self.spells.iter().map(|(&j, &m)| (j, m)).collect();
        for (firm, started) in spells {
            let j = firm as usize;
            let eco = ctx.economy();
            let exhausted = t.since(started) >= self.spec.max_months as i32;
            if !active || exhausted || eco.firms.status[j] != FirmStatus::Active {
                ctx.end_short_time(firm);
                self.spells.remove(&firm);
                if exhausted {
                    self.barred.insert(firm, t.plus(WAIT_MONTHS));
                }
                continue;
            }
            let (stay, target) = (staying(eco, j), eco.firms.target[j]);
            if stay <= target {
                ctx.end_short_time(firm);
                self.spells.remove(&firm);
                continue;
            }
            // Still more staff than demand: a month more of the shortfall, although short time
            // covers it (the engine then reports no excess for this firm).
            let run = match self.excess_months.get(&firm) {
                Some(&(last, n)) if t.since(last) == 1 => n,
                _ => 0,
            };
            self.excess_months.insert(firm, (t, run + 1));
            let cut = f64::from(eco.firms.hours_cut[j]).max(1e-6);
            let needed = (f64::from(stay - target) / cut - 1e-9).ceil() as u32;
            let current = eco.firms.short_time[j];
            if current > needed {
                ctx.release_short_time(firm, current - needed);
            }
        }
        self.barred.retain(|_, until| *until > t);
    }

    fn on_excess_labour(&mut self, ctx: &mut ExcessCtx<'_>, firms: &[ExcessLabour]) {
        let t = ctx.month();
        // Months in a row with excess staff, before this one: counted whether or not the
        // policy is open (a firm does not forget a decline), and a firm whose spell was
        // counted at the month's start is not counted twice.
        let mut before = BTreeMap::new();
        for ex in firms {
            let run = match self.excess_months.get(&ex.firm) {
                Some(&(last, n)) if t.since(last) == 1 => n,
                Some(&(last, n)) if last == t => n.saturating_sub(1),
                _ => 0,
            };
            before.insert(ex.firm, run);
            self.excess_months.insert(ex.firm, (t, run + 1));
        }
        self.excess_months
            .retain(|_, (last, _)| t.since(*last) <= 1);
        if !self.active(t) {
            return;
        }
        let mut total = self.participants(ctx.economy());
        for ex in firms {
            let (firm, j) = (ex.firm, ex.firm as usize);
            let eco = ctx.economy();
            if eco.firms.status[j] != FirmStatus::Active
                || !self.spec.common.target.reaches(eco, j)
                || self.barred.contains_key(&firm)
                || ctx.short_time_held_elsewhere(firm)
            {
                continue;
            }
            let in_spell = self.spells.contains_key(&firm);
            let cut = if in_spell && eco.firms.short_time[j] > 0 {
                f64::from(eco.firms.hours_cut[j])
            } else {
                self.spec.hours_cut
            };
            let mut n = (f64::from(ex.excess) / cut - 1e-9).ceil() as u64;
            // Entry: the loss of work must affect at least `threshold` of the staff.
            if !in_spell && (n as f64) < self.spec.threshold * f64::from(staying(eco, j)) {
                continue;
            }
            if !in_spell && !self.firm_prefers_short_time(ctx, firm, ex.excess, before[&firm]) {
                self.firms_declined += 1;
                continue;
            }
            if let Some(cap) = self.spec.common.capacity {
                n = n.min(cap.saturating_sub(total));
            }
            if n == 0 {
                continue;
            }
            let placed = ctx.put_on_short_time(firm, n as u32, cut);
            if placed > 0 {
                if !in_spell {
                    self.firms_entered += 1;
                }
                self.spells.entry(firm).or_insert(t);
                total += u64::from(placed);
                self.tally.entries += u64::from(placed);
            }
        }
    }

    fn on_month_end(&mut self, eco: &Economy, params: &Params, record: &MonthRecord) {
        let rules = &params.benefits;
        let s = &self.spec;
        let both_sides = rules.contribution_rate + s.fiscal.employer_contribution_rate;
        let (mut allowance, mut contributions) = (0.0, 0.0);
        for (&firm, &started) in &self.spells {
            let j = firm as usize;
            let cut = f64::from(eco.firms.hours_cut[j]);
            let hours = f64::from(eco.firms.hours[j]);
            let step = if s.step_ups {
                match record.month.since(started) {
                    0..=2 => 0.0,
                    3..=5 => 0.10,
                    _ => 0.20,
                }
            } else {
                0.0
            };
            for &w in &eco.firms.employees[j] {
                if eco.workers.rec[w as usize].status != Status::ShortTime {
                    continue;
                }
                let gross = eco.current_wage(w) * hours; // cents
                let lost = gross * cut;
                let net_lost = if rules.enabled {
                    rules.net_pay(gross) - rules.net_pay(gross - lost)
                } else {
                    lost * (1.0 - rules.contribution_rate)
                };
                let children = rules.enabled && rules.has_children(eco.workers.id[w as usize]);
                let rate = if children {
                    s.replacement_rate_children
                } else {
                    s.replacement_rate
                } + step;
                allowance += rate * net_lost / 100.0;
                contributions += both_sides * SHORT_TIME_CONTRIBUTION_BASE * lost / 100.0;
            }
        }
        let participants = self.participants(eco);
        let reimbursed = s.reimbursed_contributions * contributions;
        self.month = PolicyMonth {
            items: vec![(ALLOWANCE, allowance), (REIMBURSED, reimbursed)],
            employer_cost: contributions - reimbursed,
            firms_entered: self.firms_entered,
            firms_declined: self.firms_declined,
            ..self.tally.close(participants)
        };
        self.firms_entered = 0;
        self.firms_declined = 0;
    }
}

impl Intervention for ShortTimeWork {
    fn report(&mut self) -> PolicyMonth {
        std::mem::take(&mut self.month)
    }
}

// --- The kind: its scenario table (`[[policies.short_time_work]]`) and its registration ------------

use wandel_format::reader::{Range, Reader, Table};

use crate::kind::{Common, KindSpec, PolicyKind, ReadContext};

/// `[[policies.short_time_work]]`.
pub struct Kind;

/// The kind, as registered (`registry.rs`).
pub static KIND: Kind = Kind;

impl PolicyKind for Kind {
    fn name(&self) -> &'static str {
        "short_time_work"
    }
    fn label(&self) -> &'static str {
        "Short-time work"
    }
    fn read(
        &self,
        rd: &mut Reader<'_>,
        t: &mut Table<'_>,
        common: &Common,
        cx: &ReadContext<'_>,
    ) -> Option<Box<dyn KindSpec>> {
        let spec = ShortTimeWorkSpec {
            common: common.clone(),
            threshold: rd.number(t, "threshold", Some(0.10), Range::Between(1e-6, 1.0)),
            hours_cut: rd.number(t, "hours_cut", Some(0.5), Range::Between(0.05, 1.0)),
            max_months: rd.integer(t, "max_months", Some(12), 1, 36) as u32,
            replacement_rate: rd.number(t, "replacement_rate", Some(0.60), Range::Unit),
            replacement_rate_children: rd.number(
                t,
                "replacement_rate_children",
                Some(0.67),
                Range::Unit,
            ),
            step_ups: rd.boolean(t, "step_ups", false),
            reimbursed_contributions: rd.number(
                t,
                "reimbursed_contributions",
                Some(0.0),
                Range::Unit,
            ),
            fiscal: cx.fiscal.clone(),
            decision: match rd
                .choice(t, "decision", "firm", &["firm", "always"])
                .as_str()
            {
                "always" => Decision::Always,
                _ => Decision::Firm,
            },
            remanent_cost_share: rd.number(
                t,
                "remanent_cost_share",
                Some(0.15),
                Range::Between(0.0, 2.0),
            ),
            remanent_dispersion: rd.number(t, "remanent_dispersion", Some(0.5), Range::Unit),
            expected_dip_months: rd.number(
                t,
                "expected_dip_months",
                Some(6.0),
                Range::Between(0.0, 120.0),
            ),
        };
        Some(Box::new(spec))
    }
}

impl KindSpec for ShortTimeWorkSpec {
    fn common(&self) -> &Common {
        &self.common
    }
    fn build(&self) -> Box<dyn crate::Intervention> {
        Box::new(ShortTimeWork::new(self.clone()))
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{dip, entries, item, params, participants, simulate, spec};

    use super::{ALLOWANCE, REIMBURSED};

    #[test]
    fn firms_with_excess_staff_enter_and_the_state_pays_the_allowance() {
        let p = dip();
        let s = spec(&p, "short_time_work", "decision = \"always\"");
        let (months, run, _) = simulate(&p, &[s]);
        assert!(entries(&run) > 0);
        assert!(item(&run, ALLOWANCE) > 0.0);
        // No contributions reimbursed by default: the employer pays them.
        assert_eq!(item(&run, REIMBURSED), 0.0);
        let employer: f64 = run
            .reports
            .iter()
            .map(|r| r.month_report.employer_cost)
            .sum();
        assert!(employer > 0.0);
        // Participants are the workers on short time.
        for (m, n) in months.iter().zip(participants(&run)) {
            assert_eq!(m.short_time, n, "{}", m.month);
        }
    }

    #[test]
    fn a_trigger_nobody_meets_a_full_capacity_or_costly_short_time_bring_nobody_in() {
        let p = dip();
        for lines in [
            "decision = \"always\"\nthreshold = 1.0",
            "decision = \"always\"\ncapacity = 0",
            "remanent_cost_share = 2.0\nexpected_dip_months = 120",
        ] {
            let s = spec(&p, "short_time_work", lines);
            let (_, run, _) = simulate(&p, &[s]);
            assert_eq!(entries(&run), 0, "{lines}");
            assert_eq!(item(&run, ALLOWANCE), 0.0, "{lines}");
        }
        // Costly short time: firms decline it.
        let s = spec(
            &p,
            "short_time_work",
            "remanent_cost_share = 2.0\nexpected_dip_months = 120",
        );
        let (_, run, _) = simulate(&p, &[s]);
        assert!(
            run.reports
                .iter()
                .any(|r| r.month_report.firms_declined > 0)
        );
        // Without a dip nobody needs it.
        let p = params();
        let s = spec(
            &p,
            "short_time_work",
            "decision = \"always\"\nsectors = [\"all\"]\nregions = [\"segment_1\"]",
        );
        let (_, run, _) = simulate(&p, &[s]);
        assert_eq!(entries(&run), 0);
    }

    #[test]
    fn participants_never_exceed_the_capacity() {
        let p = dip();
        let s = spec(
            &p,
            "short_time_work",
            "decision = \"always\"\ncapacity = 40",
        );
        let (_, run, _) = simulate(&p, &[s]);
        assert!(entries(&run) > 0);
        assert!(participants(&run).iter().all(|&n| n <= 40));
    }
}
