//! Mobility assistance (Mobilitätshilfen from the placement budget, SGB III § 44): grants for
//! unemployed workers who take a job in another region, towards commuting while they keep
//! their home and towards moving there.
//!
//! Mechanism, each month from `start` to `end` (exclusive):
//!
//! 1. **Entry** (hook `on_displacement`): a worker laid off or displaced by a closure from a
//!    firm of the target, unemployed now, takes the offer up with probability `take_up` (a
//!    draw of the worker's own, the same in every arm). With a `capacity`, the workers
//!    searching with the grant at once never exceed it; those turned away are passed over
//!    (the follow-up's comparison group).
//! 2. **Search** (hook `before_matching`): for up to `search_months` while unemployed, a
//!    participant's applications reach `reach` times further into other regions within reach
//!    (`PolicyCtx::set_search_reach`): the grant lowers what a distant job costs the worker,
//!    so more of its applications go there (Caliendo, Künn & Mahlstedt 2017: participants'
//!    gains come from a wider search radius; their 2023 study: wider search can also cost a
//!    seeker local chances, which the model shows when distant vacancies are scarcer). A hire
//!    ends the search phase; so do leaving the labour force and the end of `search_months`.
//! 3. **Grants** (hook `on_month_end`, from the month's hires in the engine's event log): a
//!    participant hired by a firm in another region than the one it lives in is paid
//!    `commuting_grant` € a month for up to `commuting_months` while it keeps that job and
//!    its home; one who moves to the job's region within `relocation_months` of the hire
//!    (the engine's commuters' moves) is paid `relocation_grant` once, and the commuting
//!    grant stops. A job that ends ends the grants.
//!
//! Ledger items: `mobility_commuting` and `mobility_relocation` (costs to the state).
//! Participants are the workers searching with the grant plus those paid a commuting grant.

use std::collections::{BTreeMap, BTreeSet};

use wandel_engine::policy::{DisplacementCtx, MatchingCtx, Policy};
use wandel_engine::state::Displacement;
use wandel_engine::{Economy, Month, MonthRecord, Params, Status};

use crate::kind::Tally;
use crate::{Intervention, PolicyMonth};

/// Ledger item: commuting grants paid.
pub const COMMUTING: &str = "mobility_commuting";
/// Ledger item: relocation grants paid.
pub const RELOCATION: &str = "mobility_relocation";

/// `PolicyCtx::worker_draw` question of the take-up.
const TAKE_UP: u64 = 1;

/// The validated parameters of one `[[policies.mobility_assistance]]` table.
#[derive(Clone, Debug, PartialEq)]
pub struct MobilityAssistanceSpec {
    /// What every policy table has: name, start, end, target, capacity.
    pub common: Common,
    /// Probability that an eligible worker takes the offer up.
    pub take_up: f64,
    /// Factor on the weight of other regions in a participant's applications (≥ 1).
    pub reach: f64,
    /// Months a participant searches with the grant (from entry).
    pub search_months: u32,
    /// Commuting grant, € a month.
    pub commuting_grant: f64,
    /// Months a commuting grant is paid at most.
    pub commuting_months: u32,
    /// Relocation grant, € once.
    pub relocation_grant: f64,
    /// Months after the hire within which a move earns the relocation grant.
    pub relocation_months: u32,
}

/// A participant hired in another region than its home.
#[derive(Clone, Copy, Debug)]
struct Grant {
    firm: u32,
    hired: Month,
    /// Commuting grants paid so far (months).
    paid_months: u32,
}

/// The mechanism: mobility assistance for one run.
pub struct MobilityAssistance {
    spec: MobilityAssistanceSpec,
    /// Entries, exits and the workers to follow, counted as every kind counts them.
    tally: Tally,
    /// Participants searching with the grant, with their month of entry.
    searching: BTreeMap<u32, Month>,
    /// Participants hired away from home, paid or waiting to move.
    grants: BTreeMap<u32, Grant>,
    /// Workers who took the offer up (each enters once).
    entered_ever: BTreeSet<u32>,
    month: PolicyMonth,
}

impl MobilityAssistance {
    /// A fresh mechanism.
    pub fn new(spec: MobilityAssistanceSpec) -> MobilityAssistance {
        MobilityAssistance {
            spec,
            tally: Tally::default(),
            searching: BTreeMap::new(),
            grants: BTreeMap::new(),
            entered_ever: BTreeSet::new(),
            month: PolicyMonth::default(),
        }
    }

    fn active(&self, t: Month) -> bool {
        self.spec.common.active(t)
    }

    fn participants(&self) -> u64 {
        (self.searching.len() + self.grants.len()) as u64
    }
}

impl Policy for MobilityAssistance {
    fn name(&self) -> &str {
        &self.spec.common.name
    }

    fn on_displacement(&mut self, ctx: &mut DisplacementCtx<'_>, displaced: &[Displacement]) {
        let t = ctx.month();
        if !self.active(t) {
            return;
        }
        for d in displaced {
            let w = d.worker;
            let eco = ctx.economy();
            if eco.workers.rec[w as usize].status != Status::Unemployed
                || self.entered_ever.contains(&w)
                || !self.spec.common.target.reaches(eco, d.firm as usize)
                || ctx.worker_draw(w, TAKE_UP) >= self.spec.take_up
            {
                continue;
            }
            if self
                .spec
                .common
                .capacity
                .is_some_and(|cap| self.searching.len() as u64 >= cap)
            {
                self.tally.passed_over.push(w);
                continue;
            }
            self.entered_ever.insert(w);
            self.searching.insert(w, t);
            let older = ctx.economy().workers.age_years(w, t) >= crate::retraining::OLDER_AGE;
            self.tally.enter(w, older);
        }
    }

    fn before_matching(&mut self, ctx: &mut MatchingCtx<'_>) {
        let t = ctx.month();
        let (search_months, reach) = (self.spec.search_months as i32, self.spec.reach);
        let active = self.active(t);
        let searching: Vec<(u32, Month)> = self.searching.iter().map(|(&w, &m)| (w, m)).collect();
        for (w, since) in searching {
            let unemployed = ctx.economy().workers.rec[w as usize].status == Status::Unemployed;
            if !active || !unemployed || t.since(since) >= search_months {
                // Hired workers leave here too: their grant, if any, starts at the month's
                // end, from the hire recorded in the event log.
                if !unemployed {
                    continue;
                }
                ctx.set_search_reach(w, 1.0);
                self.searching.remove(&w);
                continue;
            }
            ctx.set_search_reach(w, reach);
        }
    }

    fn on_month_end(&mut self, eco: &Economy, _params: &Params, record: &MonthRecord) {
        let t = record.month;
        let s = &self.spec;
        // This month's hires of searching participants (the engine's event log).
        for h in &eco.events.hires {
            if self.searching.remove(&h.worker).is_none() {
                continue;
            }
            let home = eco.workers.rec[h.worker as usize].region;
            if eco.firms.region[h.firm as usize] != home {
                self.grants.insert(
                    h.worker,
                    Grant {
                        firm: h.firm,
                        hired: t,
                        paid_months: 0,
                    },
                );
            }
        }
        // Searching participants who left the labour force, retired or left otherwise.
        self.searching
            .retain(|&w, _| eco.workers.rec[w as usize].status == Status::Unemployed);
        let (mut commuting, mut relocation) = (0.0, 0.0);
        let mut done = Vec::new();
        for (&w, g) in &mut self.grants {
            let r = &eco.workers.rec[w as usize];
            let on_payroll = matches!(r.status, Status::Employed | Status::ShortTime);
            if !on_payroll || r.employer != g.firm {
                done.push(w);
                continue;
            }
            if r.region == eco.firms.region[g.firm as usize] {
                // Moved to the job's region.
                if t.since(g.hired) <= s.relocation_months as i32 {
                    relocation += s.relocation_grant;
                }
                done.push(w);
                continue;
            }
            if g.paid_months < s.commuting_months {
                commuting += s.commuting_grant;
                g.paid_months += 1;
            } else if t.since(g.hired) > s.relocation_months as i32 {
                done.push(w);
            }
        }
        for w in done {
            self.grants.remove(&w);
        }
        let participants = self.participants();
        self.month = PolicyMonth {
            items: vec![(COMMUTING, commuting), (RELOCATION, relocation)],
            ..self.tally.close(participants)
        };
    }
}

impl Intervention for MobilityAssistance {
    fn report(&mut self) -> PolicyMonth {
        std::mem::take(&mut self.month)
    }
}

// --- The kind: its scenario table (`[[policies.mobility_assistance]]`) and its registration

use wandel_format::reader::{Range, Reader, Table};

use crate::kind::{Common, KindSpec, PolicyKind, ReadContext};

/// `[[policies.mobility_assistance]]`.
pub struct Kind;

/// The kind, as registered (`registry.rs`).
pub static KIND: Kind = Kind;

impl PolicyKind for Kind {
    fn name(&self) -> &'static str {
        "mobility_assistance"
    }
    fn label(&self) -> &'static str {
        "Mobility assistance"
    }
    fn read(
        &self,
        rd: &mut Reader<'_>,
        t: &mut Table<'_>,
        common: &Common,
        _cx: &ReadContext<'_>,
    ) -> Option<Box<dyn KindSpec>> {
        let money = Range::Between(0.0, 100_000.0);
        Some(Box::new(MobilityAssistanceSpec {
            common: common.clone(),
            take_up: rd.number(t, "take_up", Some(0.3), Range::Unit),
            reach: rd.number(t, "reach", Some(2.0), Range::Between(1.0, 10.0)),
            search_months: rd.integer(t, "search_months", Some(12), 1, 60) as u32,
            commuting_grant: rd.number(t, "commuting_grant", Some(260.0), money),
            commuting_months: rd.integer(t, "commuting_months", Some(6), 0, 60) as u32,
            relocation_grant: rd.number(t, "relocation_grant", Some(4500.0), money),
            relocation_months: rd.integer(t, "relocation_months", Some(12), 0, 60) as u32,
        }))
    }
}

impl KindSpec for MobilityAssistanceSpec {
    fn common(&self) -> &Common {
        &self.common
    }
    fn build(&self) -> Box<dyn Intervention> {
        Box::new(MobilityAssistance::new(self.clone()))
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{entries, item, params, simulate, spec};

    use super::{COMMUTING, RELOCATION};

    #[test]
    fn the_displaced_of_the_target_enter_and_commuters_are_paid_within_the_limits() {
        let p = params();
        let s = spec(&p, "mobility_assistance", "take_up = 1.0\nreach = 3.0");
        let (_, run, sim) = simulate(&p, &[s]);
        // Everyone displaced by the closure who was unemployed then takes the offer up.
        let entered = entries(&run);
        assert!(entered > 50, "{entered}");
        assert!(entered <= sim.economy().displaced.len() as u64);
        let commuting = item(&run, COMMUTING);
        assert!(
            commuting > 0.0,
            "some participants take a job in the other region"
        );
        assert_eq!((commuting / 260.0).fract(), 0.0);
        assert!(commuting / 260.0 <= 6.0 * entered as f64);
        // Nobody moves (the fixture has no commuters' moves): no relocation grant.
        assert_eq!(item(&run, RELOCATION), 0.0);
    }

    #[test]
    fn no_take_up_no_capacity_or_another_target_means_no_participant() {
        let p = params();
        for lines in [
            "take_up = 0.0",
            "take_up = 1.0\ncapacity = 0",
            "take_up = 1.0\nregions = [\"segment_1\"]",
        ] {
            let s = spec(&p, "mobility_assistance", lines);
            let (_, run, _) = simulate(&p, &[s]);
            assert_eq!(entries(&run), 0, "{lines}");
            assert_eq!(item(&run, COMMUTING), 0.0, "{lines}");
        }
        // A full programme passes the eligible over (the follow-up's comparison group).
        let s = spec(&p, "mobility_assistance", "take_up = 1.0\ncapacity = 5");
        let (_, run, _) = simulate(&p, &[s]);
        assert!(entries(&run) >= 5);
        assert!(run.followup.followed.iter().any(|f| !f.participant));
    }

    #[test]
    fn a_reach_of_one_changes_no_one_s_job() {
        let p = params();
        let s = spec(&p, "mobility_assistance", "take_up = 1.0\nreach = 1.0");
        let (with, _, _) = simulate(&p, &[s]);
        let (without, _, _) = simulate(&p, &[]);
        for (a, b) in with.iter().zip(&without) {
            assert_eq!(
                (a.employed, a.unemployed, a.hires),
                (b.employed, b.unemployed, b.hires)
            );
        }
    }
}
