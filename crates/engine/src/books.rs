//! The bookkeeping of a worker entering or leaving a pool of unemployed or a payroll, written
//! once against disjoint borrows of the state's arrays.
//!
//! [`PoolBooks`] and [`PayrollBooks`] hold exactly the arrays such a move updates. The generic
//! transitions of [`Economy`] borrow them for one move; the batch phases (`batch.rs`) borrow
//! them once for a whole batch, next to the worker records and payroll lists, so that the
//! compiler keeps the arrays' addresses in registers instead of reloading them from the
//! state after every store (`docs/performance.md`). Either way the same code runs.
//!
//! Neither moves a worker between lists' owners by itself: the caller removes the worker
//! from, or adds it to, its payroll list and sets the status count.

use crate::benefits::{BenefitBooks, BenefitRules, Claim, close_claim, open_claim};
use crate::calendar::Month;
use crate::events::{DisplacedFlags, EventLog, Exit, HireEvent, SeparationEvent};
use crate::params::{OccupationId, RegionId};
use std::collections::BTreeMap;

use crate::payroll::Payrolls;
use crate::pool::Pool;
use crate::state::{
    Due, Economy, Flows, LONG_TERM_MONTHS, NO_FIRM, RecentSpells, Status, UNIT_INTENSITY, Worker,
    booked_wage,
};
use crate::wagebook::{WageCell, current_wage};

/// What entering or leaving a pool of unemployed updates.
pub(crate) struct PoolBooks<'a> {
    pub(crate) pools: &'a mut [Pool],
    pub(crate) intensity: &'a mut [u64],
    pub(crate) nonunit: &'a mut [u32],
    pub(crate) max_intensity: &'a mut [u8],
    pub(crate) region_unemployed: &'a mut [u64],
    pub(crate) region_long_term: &'a mut [u64],
    pub(crate) last_wage: &'a mut i128,
    pub(crate) long_term_last_wage: &'a mut i128,
    pub(crate) recent: &'a mut RecentSpells,
    pub(crate) claims: &'a mut [Claim],
    pub(crate) benefits: &'a mut BenefitBooks,
    pub(crate) rules: &'a BenefitRules,
    pub(crate) ids: &'a [u64],
    pub(crate) n_occupations: usize,
    pub(crate) month: Month,
}

impl PoolBooks<'_> {
    /// Worker `w` (record `r`) becomes unemployed now in its market: status, spell start and
    /// pool slot are set on `r`, and its benefit claim is opened (`benefits.rs`): from the job
    /// just lost when `r` is still a payroll worker's record, otherwise from what is left of an
    /// earlier claim.
    #[inline(always)]
    pub(crate) fn enter(&mut self, w: u32, r: &mut Worker) {
        let t = self.month;
        if self.rules.enabled {
            self.open_claim(w, r);
        }
        r.status = Status::Unemployed;
        r.since = t;
        let m = r.region as usize * self.n_occupations + r.occupation as usize;
        r.slot = self.pools[m].insert(w);
        let intensity = r.intensity;
        self.intensity[m] += u64::from(intensity);
        if intensity != UNIT_INTENSITY {
            self.nonunit[m] += 1;
            if intensity > self.max_intensity[m] {
                self.max_intensity[m] = intensity;
            }
        }
        let region = r.region as usize;
        self.region_unemployed[region] += 1;
        *self.last_wage += i128::from(r.wage);
        self.recent.add(t, region, r.wage);
    }

    #[inline(never)]
    fn open_claim(&mut self, w: u32, r: &Worker) {
        let t = self.month;
        let from_job = matches!(r.status, Status::Employed | Status::ShortTime).then(|| {
            let age = t.since(r.birth).div_euclid(12);
            let children = self.rules.has_children(self.ids[w as usize]);
            (r.since, r.wage, age, children)
        });
        let c = &mut self.claims[w as usize];
        open_claim(self.rules, c, t, from_job);
        self.benefits.add(w, r.region as usize, c, t, t);
    }

    /// Unemployed worker `w` (record `r`) leaves its pool (nobody else moves) and the
    /// unemployment stocks.
    #[inline(always)]
    pub(crate) fn leave(&mut self, w: u32, r: &Worker) {
        let m = r.region as usize * self.n_occupations + r.occupation as usize;
        self.pools[m].remove(r.slot);
        self.leave_books(w, r);
    }

    /// Unemployed worker `w` (record `r`) moves its residence to `region`: it leaves its pool
    /// for the pool of its occupation there, and its regional counts (unemployed, long-term or
    /// recent spell, benefit) move with it. Its spell, claim and asking wage are unchanged.
    pub(crate) fn relocate(&mut self, w: u32, r: &mut Worker, region: RegionId) {
        let (from, to) = (r.region as usize, region as usize);
        let old = from * self.n_occupations + r.occupation as usize;
        let new = to * self.n_occupations + r.occupation as usize;
        self.pools[old].remove(r.slot);
        self.intensity[old] -= u64::from(r.intensity);
        self.nonunit[old] -= u32::from(r.intensity != UNIT_INTENSITY);
        r.region = region;
        r.slot = self.pools[new].insert(w);
        self.intensity[new] += u64::from(r.intensity);
        if r.intensity != UNIT_INTENSITY {
            self.nonunit[new] += 1;
            if r.intensity > self.max_intensity[new] {
                self.max_intensity[new] = r.intensity;
            }
        }
        self.region_unemployed[from] -= 1;
        self.region_unemployed[to] += 1;
        if self.month.since(r.since) >= LONG_TERM_MONTHS {
            self.region_long_term[from] -= 1;
            self.region_long_term[to] += 1;
        } else {
            self.recent.remove(r.since, from, r.wage);
            self.recent.add(r.since, to, r.wage);
        }
        if self.rules.enabled {
            self.benefits
                .relocate(from, to, &self.claims[w as usize], self.month);
        }
    }

    /// Unemployed worker `w` (record `r`), already taken out of its pool's list, leaves the
    /// unemployment stocks and its benefit.
    #[inline(always)]
    pub(crate) fn leave_books(&mut self, w: u32, r: &Worker) {
        if self.rules.enabled {
            let c = &mut self.claims[w as usize];
            self.benefits.remove(r.region as usize, c, self.month);
            close_claim(c, self.month, r.since);
        }
        let region = r.region as usize;
        let m = r.region as usize * self.n_occupations + r.occupation as usize;
        self.intensity[m] -= u64::from(r.intensity);
        self.nonunit[m] -= u32::from(r.intensity != UNIT_INTENSITY);
        self.region_unemployed[region] -= 1;
        let last = r.wage;
        *self.last_wage -= i128::from(last);
        if self.month.since(r.since) >= LONG_TERM_MONTHS {
            self.region_long_term[region] -= 1;
            *self.long_term_last_wage -= i128::from(last);
        } else {
            self.recent.remove(r.since, region, last);
        }
    }
}

/// What joining or leaving a payroll updates, apart from the payroll list itself and the
/// status counts. [`PayrollBooks::hire`] and [`PayrollBooks::leave`] are the one place where
/// a job starts and ends: every path (one at a time in `state.rs`, in batches in `batch.rs`)
/// calls them, so each hire and separation is logged (`events.rs`) and booked the same way.
pub(crate) struct PayrollBooks<'a> {
    pub(crate) events: &'a mut EventLog,
    pub(crate) displaced: &'a mut DisplacedFlags,
    pub(crate) portable: &'a mut BTreeMap<u32, f32>,
    pub(crate) requalified: &'a mut BTreeMap<u32, OccupationId>,
    pub(crate) wage_level: &'a [f32],
    /// Firms' hours; `None` while every firm works full time (the common case: no read).
    pub(crate) hours: Option<&'a [f32]>,
    pub(crate) similarity: &'a [f64],
    pub(crate) change_loss: f64,
    pub(crate) n_occupations: usize,
    pub(crate) wage_cells: &'a mut [WageCell],
    pub(crate) resident_wages: &'a mut [WageCell],
    pub(crate) cell_short_time: &'a mut [u64],
    pub(crate) firm_short_time: &'a mut [u32],
    pub(crate) cell_of: &'a [u32],
    pub(crate) month: Month,
    pub(crate) tenure_return: f64,
    pub(crate) tenure_cap: u32,
}

impl PayrollBooks<'_> {
    /// Payroll worker `w` (record `r`) of firm `j` leaves the payroll's books (already off its
    /// list) for reason `exit`: the separation is logged, wage sums and short-time counts
    /// updated; `r` keeps the wage it last earned (and, when a policy made a share of its
    /// firm-specific skill portable, that share as general skill), takes the occupation it
    /// trained into while in the job (when its employer did not use it) and loses its employer.
    #[inline(always)]
    pub(crate) fn leave(&mut self, w: u32, r: &mut Worker, j: usize, exit: Exit) {
        if self.events.enabled {
            self.events.separations.push(SeparationEvent {
                worker: w,
                firm: j as u32,
                job_start: r.since,
                exit,
            });
        }
        let cell = self.cell_of[j] as usize;
        if r.status == Status::ShortTime {
            self.firm_short_time[j] -= 1;
            self.cell_short_time[cell] -= 1;
        }
        let since = r.since;
        let capped = self.month.since(since) >= self.tenure_cap as i32;
        let booked = self.booked(r.wage, j);
        self.wage_cells[cell].remove(booked, since.0, capped);
        self.resident_wages[r.region as usize].remove(booked, since.0, capped);
        // Remember the wage last earned (for reservation wages, benefits and cohorts).
        if self.tenure_return != 0.0 {
            let start = r.wage;
            r.wage = crate::state::cents(current_wage(
                r.wage,
                since.0,
                self.month.0,
                self.tenure_return,
                self.tenure_cap,
            ));
            if !self.portable.is_empty() {
                self.carry_portable(w, r, start);
            }
        }
        if !self.requalified.is_empty()
            && let Some(occupation) = self.requalified.remove(&w)
        {
            r.occupation = occupation;
        }
        r.employer = NO_FIRM;
    }

    /// `wage` as firm `j`'s books hold it (for its hours).
    #[inline(always)]
    fn booked(&self, wage: u32, j: usize) -> u32 {
        match self.hours {
            None => wage,
            Some(hours) => booked_wage(wage, hours[j]),
        }
    }

    /// Keeps the portable share of the firm-specific skill worker `w` built in the job it
    /// leaves (accreditation): that share of the log tenure premium becomes general skill. The
    /// share belongs to the job: it ends with it.
    #[inline(never)]
    fn carry_portable(&mut self, w: u32, r: &mut Worker, start_wage: u32) {
        if let Some(share) = self.portable.remove(&w)
            && start_wage > 0
            && r.wage > start_wage
        {
            let premium = (f64::from(r.wage) / f64::from(start_wage)).ln();
            r.skill += (f64::from(share) * premium) as f32;
        }
    }

    /// Worker `w` (record `r`, just out of its old status, which was `from` since `spell_start`)
    /// starts a job in `occupation` at firm `j` now: the hire is logged, the job started
    /// (`start_job`), search intensity reset to normal and the payroll's books joined (the
    /// caller adds `w` to the list and sets the status counts). Returns true when the tenure
    /// cap must be scheduled.
    #[inline(always)]
    pub(crate) fn hire(
        &mut self,
        w: u32,
        r: &mut Worker,
        j: usize,
        occupation: OccupationId,
        (from, spell_start): (Status, Month),
    ) -> bool {
        let displaced = self.displaced.take(w);
        if self.events.enabled {
            self.events.hires.push(HireEvent {
                worker: w,
                firm: j as u32,
                from,
                spell_start,
                displaced,
            });
        }
        let row = r.occupation as usize * self.n_occupations;
        start_job(
            r,
            occupation,
            self.change_loss,
            &self.similarity[row..row + self.n_occupations],
            self.wage_level[j],
        );
        r.intensity = UNIT_INTENSITY;
        self.join(r, j, self.month, Status::Employed)
    }

    /// Worker `r` (wage already set) joins firm `j`'s books with job start `since` in `status`
    /// (the caller adds it to the list). Returns true when its tenure is still below the cap
    /// and tenure returns are positive, so that the cap must be scheduled.
    #[inline(always)]
    pub(crate) fn join(&mut self, r: &mut Worker, j: usize, since: Month, status: Status) -> bool {
        r.status = status;
        r.since = since;
        r.employer = j as u32;
        r.slot = crate::state::NO_SLOT;
        let cell = self.cell_of[j] as usize;
        if status == Status::ShortTime {
            self.firm_short_time[j] += 1;
            self.cell_short_time[cell] += 1;
        }
        let capped = self.month.since(since) >= self.tenure_cap as i32;
        let booked = self.booked(r.wage, j);
        self.wage_cells[cell].add(booked, since.0, capped);
        self.resident_wages[r.region as usize].add(booked, since.0, capped);
        !capped && self.tenure_return > 0.0
    }
}

/// Worker `r` takes a job in `occupation` at a firm paying `wage_level` (€ for average
/// skill): a change of occupation costs `change_loss × (1 − similarity)` log-skill
/// (`similarity_from` is the row of the similarity matrix for the old occupation), and the
/// starting wage follows the skill. Sets occupation, skill and wage on `r`; the residence
/// stays: a job in another region is commuted to (moves are `phases/moves.rs`).
#[inline(always)]
pub(crate) fn start_job(
    r: &mut Worker,
    occupation: OccupationId,
    change_loss: f64,
    similarity_from: &[f64],
    wage_level: f32,
) {
    if r.occupation != occupation {
        let loss = change_loss * (1.0 - similarity_from[occupation as usize]);
        r.skill -= loss as f32;
        r.occupation = occupation;
    }
    r.wage = crate::state::offered_wage(wage_level, r.skill);
}

/// The state split into disjoint borrows: the worker records, the payroll lists, the books,
/// and what else a batch of separations or hires touches.
pub(crate) struct Split<'a> {
    pub(crate) recs: &'a mut [Worker],
    pub(crate) employees: &'a mut Payrolls,
    pub(crate) counts: &'a mut [u64; 6],
    pub(crate) flows: &'a mut Flows,
    pub(crate) region_training: &'a mut [u64],
    pub(crate) trainee_spell: &'a mut BTreeMap<u32, u32>,
    pub(crate) agenda: &'a mut [Vec<Due>],
    pub(crate) start: Month,
    pub(crate) pool: PoolBooks<'a>,
    pub(crate) payroll: PayrollBooks<'a>,
}

impl Economy {
    /// Splits the state into disjoint borrows (the one place that lists them).
    #[inline(always)]
    pub(crate) fn split(&mut self) -> Split<'_> {
        let month = self.month;
        let Economy {
            workers,
            firms,
            pools,
            pool_intensity,
            pool_nonunit,
            pool_max_intensity,
            counts,
            region_unemployed,
            region_long_term,
            region_training,
            unemployed_last_wage,
            long_term_last_wage,
            recent,
            wage_cells,
            resident_wages,
            cell_short_time,
            trainee_spell,
            flows,
            agenda,
            similarity,
            claims,
            benefits,
            benefit_rules,
            events,
            displaced_flags,
            portable_skill,
            requalified,
            ..
        } = self;
        Split {
            recs: &mut workers.rec,
            employees: &mut firms.employees,
            counts,
            flows,
            region_training,
            trainee_spell,
            agenda,
            start: self.start,
            pool: PoolBooks {
                pools,
                intensity: pool_intensity,
                nonunit: pool_nonunit,
                max_intensity: pool_max_intensity,
                region_unemployed,
                region_long_term,
                last_wage: unemployed_last_wage,
                long_term_last_wage,
                recent,
                claims,
                benefits,
                rules: benefit_rules,
                ids: &workers.id,
                n_occupations: self.n_occupations,
                month,
            },
            payroll: PayrollBooks {
                events,
                displaced: displaced_flags,
                portable: portable_skill,
                requalified,
                wage_level: &firms.wage_level,
                hours: firms.any_short_hours.then_some(&firms.hours[..]),
                similarity,
                change_loss: self.occupation_change_loss,
                n_occupations: self.n_occupations,
                wage_cells,
                resident_wages,
                cell_short_time,
                firm_short_time: &mut firms.short_time,
                cell_of: &firms.cell,
                month,
                tenure_return: self.tenure_return,
                tenure_cap: self.tenure_cap,
            },
        }
    }

    /// The pool books, borrowed for one move.
    #[inline(always)]
    pub(crate) fn pool_books(&mut self) -> PoolBooks<'_> {
        self.split().pool
    }

    /// The payroll books, borrowed for one move.
    #[inline(always)]
    pub(crate) fn payroll_books(&mut self) -> PayrollBooks<'_> {
        self.split().payroll
    }
}
