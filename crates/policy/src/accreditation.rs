//! Accreditation of informal learning (`[[policies.accreditation]]`; Stuart & Wallis 2007,
//! seeds/004: KACO's staff "gained qualifications that accredited their new competences";
//! qualifications are the proxy of skill employers use, Fuller & Unwin 1999).
//!
//! A worker's firm-specific skill is the tenure premium of its current job (the engine's
//! `wages.tenure_return`): lost when the job ends (calibration B1–B3). An assessment certifies
//! a share of it, so that share is kept as general skill when the job ends, and the next job
//! pays more; and the certificate is read by employers in other occupations, so the holder's
//! later searches are wider.
//!
//! Mechanism (hook `before_matching`):
//!
//! - **Eligibility**: payroll workers of target firms with at least `min_tenure_months` in
//!   their job: `under_notice` (the staff of firms under closure notice and workers given
//!   notice of layoff) and/or `employed` (staff of other producing target firms; a binomial
//!   number of them considered per firm and month, so cost follows take-up). Each worker once.
//! - **Take-up**: an eligible worker asks with probability `take_up` a month (under notice:
//!   its own draw, the same in every arm; employed: the binomial count of the firm's staff
//!   considered); with a `capacity` (assessments at once), places go in the order
//!   of a per-worker draw, and those left without one are the passed-over comparison group.
//! - **Assessment**: lasts `months`, alongside work (no lock-in). It completes when the worker
//!   is still in the same job at the end; a worker who left the job before is a dropout (the
//!   job it would certify is gone). On completion, the engine keeps `share` of the tenure
//!   premium of the current job as general skill when that job ends
//!   ([`PolicyCtx::set_portable_skill`]).
//! - **Wider search**: a holder searches with breadth × `breadth` in every unemployment spell
//!   that starts after completion ([`PolicyCtx::set_search_breadth`]).
//!
//! Ledger item `assessments`: `cost_per_assessment` per worker entering an assessment.

use std::collections::{BTreeMap, BTreeSet};

use rand::RngExt;
use rand_distr::{Binomial, Distribution};
use wandel_engine::policy::{MatchingCtx, Policy, PolicyCtx};
use wandel_engine::state::{FirmStatus, NO_FIRM};
use wandel_engine::{Economy, Month, MonthRecord, Params, Status};

use crate::kind::Tally;
use crate::{Intervention, PolicyMonth};

/// Item: assessments, cost.
pub const ASSESSMENTS: &str = "assessments";

// Questions of the per-worker draws.
const TAKE_UP: u64 = 21;
const QUEUE: u64 = 22;

/// `[[policies.accreditation]]`, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct AccreditationSpec {
    /// What every policy table has: name, start, end, target, capacity.
    pub common: Common,
    /// Staff of producing target firms (not under notice) are eligible.
    pub employed: bool,
    /// Staff of target firms under closure notice, and workers given notice, are eligible.
    pub under_notice: bool,
    /// Least tenure in the current job, months.
    pub min_tenure_months: u32,
    /// Probability that an eligible worker asks for an assessment, per month.
    pub take_up: f64,
    /// Length of an assessment, months.
    pub months: u32,
    /// Share of the current job's tenure premium certified (kept as general skill).
    pub share: f64,
    /// Factor on a holder's search breadth in later unemployment spells (at least 1).
    pub breadth: f64,
    /// Cost per assessment, €.
    pub cost_per_assessment: f64,
}

/// An assessment under way.
#[derive(Clone, Copy, Debug)]
struct Assessment {
    entered: Month,
    /// The job assessed (the worker's `since` at entry).
    job: Month,
    employer: u32,
}

/// The mechanism for one run.
pub struct Accreditation {
    spec: AccreditationSpec,
    /// Entries, exits and the workers to follow, counted as every kind counts them.
    tally: Tally,
    under_way: BTreeMap<u32, Assessment>,
    /// Holders: month of completion, and the unemployment spell last widened.
    holders: BTreeMap<u32, (Month, Option<Month>)>,
    served: BTreeSet<u32>,
    month: PolicyMonth,
}

impl Accreditation {
    /// A fresh mechanism.
    pub fn new(spec: AccreditationSpec) -> Accreditation {
        Accreditation {
            spec,
            tally: Tally::default(),
            under_way: BTreeMap::new(),
            holders: BTreeMap::new(),
            served: BTreeSet::new(),
            month: PolicyMonth::default(),
        }
    }

    fn active(&self, t: Month) -> bool {
        self.spec.common.active(t)
    }

    /// Whether `w` is on a payroll with enough tenure and not yet served.
    fn free(&self, eco: &Economy, w: u32, t: Month) -> bool {
        let r = &eco.workers.rec[w as usize];
        matches!(r.status, Status::Employed | Status::ShortTime)
            && t.since(r.since) >= self.spec.min_tenure_months as i32
            && !self.served.contains(&w)
    }

    /// Eligible workers who ask this month, in index order.
    fn candidates(&self, ctx: &PolicyCtx<'_>) -> Vec<u32> {
        let eco = ctx.economy();
        let t = ctx.month();
        let s = &self.spec;
        let wants = |w: u32| ctx.worker_draw(w, TAKE_UP) < s.take_up;
        let mut out = Vec::new();
        for j in 0..eco.firms.len() {
            if !s.common.target.reaches(eco, j) {
                continue;
            }
            match eco.firms.status[j] {
                FirmStatus::Noticed if s.under_notice => {
                    for &w in &eco.firms.employees[j] {
                        if self.free(eco, w, t) && wants(w) {
                            out.push(w);
                        }
                    }
                }
                FirmStatus::Active if s.employed => {
                    // A binomial number of staff considered: cost follows take-up.
                    let staff = &eco.firms.employees[j];
                    if staff.is_empty() || s.take_up <= 0.0 {
                        continue;
                    }
                    let mut rng = ctx.stream(j as u64);
                    let n = Binomial::new(staff.len() as u64, s.take_up)
                        .map_or(0, |b| b.sample(&mut rng));
                    for _ in 0..n {
                        let w = staff[rng.random_range(0..staff.len())];
                        if self.free(eco, w, t) && eco.notice_of(w).is_none() {
                            out.push(w);
                        }
                    }
                }
                _ => {}
            }
        }
        if s.under_notice {
            for (&w, notice) in &eco.notices {
                let j = notice.firm as usize;
                if eco.firms.status[j] == FirmStatus::Active
                    && s.common.target.reaches(eco, j)
                    && eco.notice_of(w).is_some()
                    && self.free(eco, w, t)
                    && wants(w)
                {
                    out.push(w);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Assessments that end this month: completed (the share certified) or dropped.
    fn conclude(&mut self, ctx: &mut MatchingCtx<'_>) {
        let t = ctx.month();
        let months = self.spec.months as i32;
        let mut done = Vec::new();
        for (&w, a) in &self.under_way {
            let r = ctx.economy().workers.rec[w as usize];
            let same_job = r.employer == a.employer && r.since == a.job && r.employer != NO_FIRM;
            if !same_job {
                done.push((w, false));
            } else if t.since(a.entered) >= months {
                done.push((w, true));
            }
        }
        for (w, completed) in done {
            self.under_way.remove(&w);
            if completed {
                ctx.set_portable_skill(w, self.spec.share);
                self.holders.insert(w, (t, None));
                self.tally.completions += 1;
            } else {
                self.tally.dropouts += 1;
            }
        }
    }

    /// Widens the search of holders who are unemployed in a spell begun after completion.
    fn widen(&mut self, ctx: &mut MatchingCtx<'_>) {
        if self.spec.breadth <= 1.0 {
            return;
        }
        let mut set = Vec::new();
        self.holders.retain(|&w, (done, widened)| {
            let r = ctx.economy().workers.rec[w as usize];
            match r.status {
                Status::Retired | Status::Inactive => false,
                Status::Unemployed if r.since >= *done && *widened != Some(r.since) => {
                    *widened = Some(r.since);
                    set.push(w);
                    true
                }
                _ => true,
            }
        });
        for w in set {
            ctx.set_search_breadth(w, self.spec.breadth);
        }
    }
}

impl Policy for Accreditation {
    fn name(&self) -> &str {
        &self.spec.common.name
    }

    fn before_matching(&mut self, ctx: &mut MatchingCtx<'_>) {
        let t = ctx.month();
        self.conclude(ctx);
        self.widen(ctx);
        if !self.active(t) {
            return;
        }
        let mut want = self.candidates(ctx);
        let mut room = self
            .spec
            .common
            .capacity
            .map_or(u64::MAX, |c| c.saturating_sub(self.under_way.len() as u64));
        if (want.len() as u64) > room {
            crate::queue::order(ctx, &mut want, QUEUE);
        }
        for w in want {
            if room == 0 {
                self.tally.passed_over.push(w);
                continue;
            }
            room -= 1;
            let eco = ctx.economy();
            let r = eco.workers.rec[w as usize];
            if eco.workers.age_years(w, t) >= crate::retraining::OLDER_AGE {
                self.tally.entries_50_plus += 1;
            }
            self.under_way.insert(
                w,
                Assessment {
                    entered: t,
                    job: r.since,
                    employer: r.employer,
                },
            );
            self.served.insert(w);
            self.tally.entries += 1;
            self.tally.entered.push(w);
        }
    }

    fn on_month_end(&mut self, _eco: &Economy, _params: &Params, _record: &MonthRecord) {
        let now = self.under_way.len() as u64;
        self.month = PolicyMonth {
            items: vec![(
                ASSESSMENTS,
                self.tally.entries as f64 * self.spec.cost_per_assessment,
            )],
            ..self.tally.close(now)
        };
    }
}

impl Intervention for Accreditation {
    fn report(&mut self) -> PolicyMonth {
        std::mem::take(&mut self.month)
    }
}

// --- The kind: its scenario table (`[[policies.accreditation]]`) and its registration ------------

use wandel_format::reader::{Range, Reader, Table};

use crate::kind::{Common, KindSpec, PolicyKind, ReadContext};

use crate::read::read_eligible;
use crate::retraining::Eligible;

/// `[[policies.accreditation]]`.
pub struct Kind;

/// The kind, as registered (`registry.rs`).
pub static KIND: Kind = Kind;

impl PolicyKind for Kind {
    fn name(&self) -> &'static str {
        "accreditation"
    }
    fn label(&self) -> &'static str {
        "Accreditation"
    }
    fn read(
        &self,
        rd: &mut Reader<'_>,
        t: &mut Table<'_>,
        common: &Common,
        _cx: &ReadContext<'_>,
    ) -> Option<Box<dyn KindSpec>> {
        Some(Box::new(read_accreditation(rd, t, common)))
    }
}

impl KindSpec for AccreditationSpec {
    fn common(&self) -> &Common {
        &self.common
    }
    fn build(&self) -> Box<dyn crate::Intervention> {
        Box::new(Accreditation::new(self.clone()))
    }
}

/// The eligibility groups an accreditation table may list.
const ACCREDITATION_ELIGIBLE: [&str; 2] = ["employed", "under_notice"];

/// Reads the keys of `[[policies.accreditation]]` after the common ones.
fn read_accreditation(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    common: &Common,
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
        common: common.clone(),
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

#[cfg(test)]
mod tests {
    use crate::testing::{entries, item, params, simulate, spec};

    use super::ASSESSMENTS;

    #[test]
    fn long_tenured_staff_under_notice_are_assessed_and_each_assessment_is_paid_once() {
        let p = params();
        let s = spec(
            &p,
            "accreditation",
            "take_up = 1.0\nmin_tenure_months = 0\ncost_per_assessment = 1500.0",
        );
        let (_, run, _) = simulate(&p, &[s]);
        let entered = entries(&run);
        assert!(entered > 0, "the closing firms' staff are under notice");
        let paid = item(&run, ASSESSMENTS);
        assert!(paid > 0.0);
        assert!(paid <= 1500.0 * entered as f64 + 1e-6);
        assert_eq!((paid / 1500.0).fract(), 0.0);
    }

    #[test]
    fn a_tenure_nobody_has_brings_nobody_in() {
        let p = params();
        let s = spec(
            &p,
            "accreditation",
            "take_up = 1.0\nmin_tenure_months = 600",
        );
        let (_, run, _) = simulate(&p, &[s]);
        assert_eq!(entries(&run), 0);
    }
}
