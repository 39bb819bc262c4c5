//! The transitions of the state: the only functions that move a worker between statuses,
//! start and end jobs, notices, training spells and claims, and process the month's agenda.
//! Each goes through the shared bookkeeping (`books.rs`), so stocks change only through
//! recorded flows (`invariants::check` recounts them).

use super::*;

use crate::benefits::Claim;
use crate::calendar::Month;
use crate::events::Exit;
use crate::params::{OccupationId, RegionId};

impl Economy {
    pub(crate) fn schedule(&mut self, at: Month, due: Due) {
        schedule_in(&mut self.agenda, self.start, at, due);
    }

    /// Adds a new worker row, counted as retired until it enters its first status, and returns it.
    pub(crate) fn push_worker(
        &mut self,
        id: u64,
        region: RegionId,
        occupation: OccupationId,
        birth: Month,
        skill: f32,
        (learning, mobility): (u8, u8),
    ) -> u32 {
        let w = self.workers.len() as u32;
        self.workers.id.push(id);
        if self.benefit_rules.enabled {
            self.claims.push(Claim::default());
        }
        self.workers.rec.push(Worker {
            employer: NO_FIRM,
            slot: NO_SLOT,
            since: self.month,
            wage: 0,
            birth,
            skill,
            region,
            occupation,
            status: Status::Retired,
            intensity: UNIT_INTENSITY,
            learning,
            mobility,
        });
        if !self.by_birth.is_empty() {
            let off = birth.since(self.birth_base);
            if off >= 0 && (off as usize) < self.by_birth.len() {
                self.by_birth[off as usize].push(w);
            }
        }
        // A fresh row counts as retired until it enters a state; keep the count consistent.
        self.counts[Status::Retired as usize] += 1;
        w
    }

    /// Closes the holes of every pool in which they outnumber the members (`pool.rs`),
    /// storing the new position of each worker moved. Bookkeeping only: no stock, flow or
    /// probability changes.
    pub(crate) fn compact_pools(&mut self) {
        for m in 0..self.pools.len() {
            self.compact_pool(m);
        }
    }

    /// [`Economy::compact_pools`] for pool `m` alone.
    #[inline]
    pub(crate) fn compact_pool(&mut self, m: usize) {
        let pool = &mut self.pools[m];
        if pool.needs_compaction() {
            let recs = &mut self.workers.rec;
            pool.compact(|w, slot| recs[w as usize].slot = slot);
        }
    }

    /// Takes a fresh row `w` (just pushed, counted as retired, in no list) out of its status:
    /// the cheap case of [`Economy::leave_state`], for building the initial population.
    pub(crate) fn leave_fresh(&mut self, w: u32) {
        let r = &self.workers.rec[w as usize];
        debug_assert!(r.status == Status::Retired && r.employer == NO_FIRM && r.slot == NO_SLOT);
        self.counts[Status::Retired as usize] -= 1;
    }

    /// Takes worker `w` out of its current status, updating every container and counter;
    /// `exit` says why when the worker leaves a payroll (logged as a separation).
    /// The worker is left with no employer and no slot, and must enter a new status at once.
    pub(crate) fn leave_state(&mut self, w: u32, exit: Exit) -> Status {
        let mut r = self.workers.rec[w as usize];
        let pos = self.payroll_position(w, &r);
        let status = self.leave(w, &mut r, pos, exit);
        self.workers.rec[w as usize] = r;
        status
    }

    /// [`Economy::leave_state`] for a worker on no payroll (unemployed, inactive, a trainee
    /// without employer): no separation to log.
    pub(crate) fn leave_off_payroll(&mut self, w: u32) -> Status {
        debug_assert_eq!(self.workers.rec[w as usize].employer, NO_FIRM);
        self.leave_state(w, Exit::Quit)
    }

    /// [`Economy::leave_state`] on `r`, a copy of the worker's record that the caller writes
    /// back. The transitions work on a local copy so that the record is read from memory once
    /// and written once, whatever else the transition updates on the way.
    /// `payroll_pos` is the worker's position in its employer's list when it is on one.
    #[inline(always)]
    fn leave(&mut self, w: u32, r: &mut Worker, payroll_pos: u32, exit: Exit) -> Status {
        let status = r.status;
        let region = r.region as usize;
        self.counts[status as usize] -= 1;
        match status {
            Status::Employed | Status::ShortTime => self.leave_payroll(w, r, payroll_pos, exit),
            Status::Training => {
                // Rare: done on the stored record, so that the common paths can keep the
                // copy in registers.
                self.workers.rec[w as usize] = *r;
                self.leave_training(w, payroll_pos, exit);
                *r = self.workers.rec[w as usize];
            }
            Status::Unemployed => self.pool_books().leave(w, r),
            Status::Inactive => self.region_inactive[region] -= 1,
            Status::Retired => {}
        }
        r.slot = NO_SLOT;
        status
    }

    #[inline(never)]
    fn leave_training(&mut self, w: u32, payroll_pos: u32, exit: Exit) {
        let mut r = self.workers.rec[w as usize];
        self.region_training[r.region as usize] -= 1;
        self.trainee_spell.remove(&w);
        if r.employer != NO_FIRM {
            self.leave_payroll(w, &mut r, payroll_pos, exit);
        }
        self.workers.rec[w as usize] = r;
    }

    /// The position of payroll worker `w` (record `r`) in its employer's list, found by
    /// search ([`NO_SLOT`] when `w` is on no payroll). Used by removals that do not know the
    /// position (retirement, moves under closure notice); costs the length of one payroll.
    pub(crate) fn payroll_position(&self, w: u32, r: &Worker) -> u32 {
        if r.employer == NO_FIRM {
            return NO_SLOT;
        }
        let list = &self.firms.employees[r.employer as usize];
        list.iter()
            .position(|&x| x == w)
            .expect("a payroll worker is on its employer's list") as u32
    }

    #[inline(always)]
    fn leave_payroll(&mut self, w: u32, r: &mut Worker, pos: u32, exit: Exit) {
        let j = r.employer as usize;
        self.firms.employees.swap_remove(j, pos as usize);
        self.payroll_books().leave(w, r, j, exit);
    }

    /// Worker `w` (just out of its old status) becomes unemployed in its market.
    pub(crate) fn enter_unemployed(&mut self, w: u32) {
        let mut r = self.workers.rec[w as usize];
        self.enter_unemployed_rec(w, &mut r);
        self.workers.rec[w as usize] = r;
    }

    #[inline(always)]
    fn enter_unemployed_rec(&mut self, w: u32, r: &mut Worker) {
        self.log_change(w);
        self.counts[Status::Unemployed as usize] += 1;
        self.pool_books().enter(w, r);
    }

    /// Worker `w` (just out of its old status, `from` since `spell_start`) joins firm `j` in
    /// occupation `occupation`.
    #[inline(always)]
    fn enter_employed_rec(
        &mut self,
        w: u32,
        r: &mut Worker,
        j: usize,
        occupation: OccupationId,
        from: (Status, Month),
    ) {
        self.firms.employees.push(j, w);
        self.counts[Status::Employed as usize] += 1;
        if self.payroll_books().hire(w, r, j, occupation, from) {
            let since = self.month;
            self.schedule(
                since.plus(self.tenure_cap as i32),
                Due::TenureCap { worker: w, since },
            );
        }
    }

    /// Puts `w` on firm `j`'s payroll with job start `since` in `status`.
    pub(crate) fn join_payroll(&mut self, w: u32, j: usize, since: Month, status: Status) {
        let mut r = self.workers.rec[w as usize];
        self.join_payroll_rec(w, &mut r, j, since, status);
        self.workers.rec[w as usize] = r;
    }

    #[inline(always)]
    fn join_payroll_rec(&mut self, w: u32, r: &mut Worker, j: usize, since: Month, status: Status) {
        self.firms.employees.push(j, w);
        self.counts[status as usize] += 1;
        if self.payroll_books().join(r, j, since, status) {
            self.schedule(
                since.plus(self.tenure_cap as i32),
                Due::TenureCap { worker: w, since },
            );
        }
    }

    /// Worker `w` (just out of its old status) leaves the labour force before pension age.
    pub(crate) fn enter_inactive(&mut self, w: u32) {
        let i = w as usize;
        self.workers.rec[i].status = Status::Inactive;
        self.workers.rec[i].since = self.month;
        self.log_change(w);
        self.counts[Status::Inactive as usize] += 1;
        self.region_inactive[self.workers.rec[i].region as usize] += 1;
    }

    /// Logs a change of worker `w`'s status that is neither a hire nor a separation
    /// ([`crate::events::EventLog::changed`]).
    fn log_change(&mut self, w: u32) {
        if self.events.enabled {
            self.events.changed.push(w);
        }
    }

    /// Worker `w` (just out of its old status) retires.
    pub(crate) fn enter_retired(&mut self, w: u32) {
        let i = w as usize;
        self.workers.rec[i].status = Status::Retired;
        self.workers.rec[i].since = self.month;
        self.log_change(w);
        self.counts[Status::Retired as usize] += 1;
    }

    /// Lays off payroll worker `w` of firm `j` (at position `pos` of its list): with notice by
    /// tenure when the rules give notice, otherwise at once.
    pub(crate) fn dismiss(&mut self, w: u32, pos: u32) {
        let r = self.workers.rec[w as usize];
        if !self.notice_by_tenure {
            self.separate_at(w, pos, true);
            return;
        }
        debug_assert!(self.notice_of(w).is_none());
        let ends = self.month.plus(notice_months(self.month.since(r.since)));
        let firm = r.employer;
        self.notices.insert(
            w,
            Notice {
                ends,
                firm,
                since: r.since,
            },
        );
        self.firms.on_notice[firm as usize] += 1;
        self.schedule(
            ends,
            Due::NoticeEnd {
                worker: w,
                firm,
                since: r.since,
            },
        );
    }

    /// A notice runs out: the worker leaves if still in the job given notice.
    fn end_notice(&mut self, w: u32, firm: u32, since: Month) {
        self.firms.on_notice[firm as usize] -= 1;
        if self
            .notices
            .get(&w)
            .is_some_and(|n| n.firm == firm && n.since == since)
        {
            self.notices.remove(&w);
        }
        let r = self.workers.rec[w as usize];
        if r.employer == firm && r.since == since {
            let pos = self.payroll_position(w, &r);
            self.separate_at(w, pos, true);
        }
    }

    /// Payroll worker `w` (employed or on short-time work) moves its residence to `region`;
    /// its earnings now count for the new region's residents.
    pub(crate) fn move_residence(&mut self, w: u32, region: RegionId) {
        let i = w as usize;
        let r = self.workers.rec[i];
        debug_assert!(matches!(r.status, Status::Employed | Status::ShortTime));
        if r.region == region {
            return;
        }
        let capped = self.month.since(r.since) >= self.tenure_cap as i32;
        let wage = booked_wage(r.wage, self.firms.hours[r.employer as usize]);
        self.resident_wages[r.region as usize].remove(wage, r.since.0, capped);
        self.resident_wages[region as usize].add(wage, r.since.0, capped);
        self.flows.moves += 1;
        self.flows.region_moved_out[r.region as usize] += 1;
        self.flows.region_moved_in[region as usize] += 1;
        self.workers.rec[i].region = region;
    }

    /// Unemployed worker `w` moves its residence to `region`, taking its spell, claim and
    /// place in the queue of job seekers with it (a move for work, `phases/migration.rs`).
    pub(crate) fn move_job_seeker(&mut self, w: u32, region: RegionId) {
        let mut r = self.workers.rec[w as usize];
        debug_assert_eq!(r.status, Status::Unemployed);
        if r.region == region {
            return;
        }
        let from = r.region as usize;
        self.pool_books().relocate(w, &mut r, region);
        self.workers.rec[w as usize] = r;
        self.flows.moves += 1;
        self.flows.job_seeker_moves += 1;
        self.flows.region_moved_out[from] += 1;
        self.flows.region_moved_in[region as usize] += 1;
    }

    /// Sets firm `j`'s normal hours to `hours` (share of full time, in (0, 1]): its staff's
    /// wages are re-booked at the new hours (a cost of one visit per employee, when hours
    /// change).
    pub(crate) fn set_hours(&mut self, j: usize, hours: f32) {
        let old = self.firms.hours[j];
        if old == hours {
            return;
        }
        let cell = self.firm_cell(j);
        for &w in self.firms.employees[j].iter() {
            let r = &self.workers.rec[w as usize];
            let capped = self.month.since(r.since) >= self.tenure_cap as i32;
            let (before, after) = (booked_wage(r.wage, old), booked_wage(r.wage, hours));
            for book in [
                &mut self.wage_cells[cell],
                &mut self.resident_wages[r.region as usize],
            ] {
                book.remove(before, r.since.0, capped);
                book.add(after, r.since.0, capped);
            }
        }
        self.firms.hours[j] = hours;
        self.firms.any_short_hours |= hours != 1.0;
    }

    /// Changes the status of payroll worker `w` between `Employed` and `ShortTime`.
    pub(crate) fn set_payroll_status(&mut self, w: u32, status: Status) {
        let i = w as usize;
        let old = self.workers.rec[i].status;
        debug_assert!(matches!(old, Status::Employed | Status::ShortTime));
        debug_assert!(matches!(status, Status::Employed | Status::ShortTime));
        if old == status {
            return;
        }
        let j = self.workers.rec[i].employer as usize;
        self.counts[old as usize] -= 1;
        self.counts[status as usize] += 1;
        let cell = self.firm_cell(j);
        if status == Status::ShortTime {
            self.firms.short_time[j] += 1;
            self.cell_short_time[cell] += 1;
        } else {
            self.firms.short_time[j] -= 1;
            self.cell_short_time[cell] -= 1;
        }
        self.workers.rec[i].status = status;
    }

    /// Lays off or separates payroll worker `w`, at position `pos` of its employer's list,
    /// into unemployment; records a displacement when `displaced` (logged as a closure when
    /// the firm is closing, else as a layoff; otherwise as a quit).
    #[inline(always)]
    pub(crate) fn separate_at(&mut self, w: u32, pos: u32, displaced: bool) {
        let mut r = self.workers.rec[w as usize];
        debug_assert_eq!(self.firms.employees[r.employer as usize][pos as usize], w);
        let j = r.employer as usize;
        let cell = self.firm_cell(j);
        let exit = if displaced {
            self.record_displacement(w, false);
            self.flows.layoffs += 1;
            self.flows.cell_layoffs[cell] += 1;
            if self.firms.status[j] == FirmStatus::Active {
                Exit::Layoff
            } else {
                Exit::Closure
            }
        } else {
            self.flows.separations += 1;
            self.flows.cell_separations[cell] += 1;
            Exit::Quit
        };
        self.leave(w, &mut r, pos, exit);
        self.enter_unemployed_rec(w, &mut r);
        self.workers.rec[w as usize] = r;
    }

    /// Records payroll worker `w` as displaced now (call before it leaves the payroll): by a
    /// closure when its firm is under closure notice, else by a layoff.
    #[inline(never)]
    pub(crate) fn record_displacement(&mut self, w: u32, job_to_job: bool) {
        let i = w as usize;
        let j = self.workers.rec[i].employer as usize;
        let cause = if self.firms.status[j] == FirmStatus::Noticed {
            Cause::Closure
        } else {
            Cause::Layoff
        };
        let age = self.workers.age_years(w, self.month);
        self.displaced_flags.set(w);
        self.displaced.push(Displacement {
            worker: w,
            month: self.month,
            wage_before: self.current_wage(w),
            firm: j as u32,
            job_start: self.workers.rec[i].since,
            sector: self.firms.sector[j],
            occupation: self.workers.rec[i].occupation,
            region: self.workers.rec[i].region,
            age_group: crate::ages::age_group(age),
            job_to_job,
            cause,
        });
    }

    /// Hires worker `w` (unemployed, or employed and searching on the job or under closure
    /// notice) into firm `j`, occupation `occ`.
    pub(crate) fn hire(&mut self, w: u32, j: usize, occupation: OccupationId) {
        if self.workers.rec[w as usize].status == Status::Unemployed {
            self.hire_unemployed(w, j, occupation);
            return;
        }
        // A job-to-job move: on the job, or under closure notice (then displaced, and
        // re-employed at once). The months of the old job count as contributions.
        let old = self.workers.rec[w as usize].employer as usize;
        if self.firms.status[old] == FirmStatus::Noticed || self.notice_of(w).is_some() {
            self.record_displacement(w, true);
        }
        self.flows.job_to_job += 1;
        let mut r = self.workers.rec[w as usize];
        if self.benefit_rules.enabled {
            let tenure = self.month.since(r.since).max(0);
            let c = &mut self.claims[w as usize];
            c.contribution =
                (i32::from(c.contribution) + tenure).min(crate::benefits::FRAME_MONTHS) as u8;
        }
        let from = (r.status, r.since);
        let pos = self.payroll_position(w, &r);
        self.leave(w, &mut r, pos, Exit::JobChange);
        self.enter_employed_rec(w, &mut r, j, occupation, from);
        self.workers.rec[w as usize] = r;
        self.count_hire(j);
    }

    /// [`Economy::hire`] for a worker known to be unemployed: the common case.
    #[inline(always)]
    pub(crate) fn hire_unemployed(&mut self, w: u32, j: usize, occupation: OccupationId) {
        let mut r = self.workers.rec[w as usize];
        debug_assert_eq!(r.status, Status::Unemployed);
        self.counts[Status::Unemployed as usize] -= 1;
        self.pool_books().leave(w, &r);
        r.slot = NO_SLOT;
        let from = (Status::Unemployed, r.since);
        self.enter_employed_rec(w, &mut r, j, occupation, from);
        self.workers.rec[w as usize] = r;
        self.count_hire(j);
    }

    #[inline(always)]
    fn count_hire(&mut self, j: usize) {
        self.flows.hires += 1;
        let cell = self.firm_cell(j);
        self.flows.cell_hires[cell] += 1;
    }

    /// Starts a training spell for worker `w` (unemployed or on a payroll); returns false and
    /// does nothing when the worker cannot train (retired, inactive, already training).
    pub(crate) fn start_training(&mut self, w: u32, plan: TrainingPlan) -> bool {
        let i = w as usize;
        let status = self.workers.rec[i].status;
        let t = self.month;
        match status {
            Status::Unemployed => {
                self.leave_off_payroll(w);
                self.workers.rec[i].since = t;
            }
            Status::Employed | Status::ShortTime => {
                // Stays on the payroll (same job, same tenure); only the status changes.
                let j = self.workers.rec[i].employer as usize;
                self.counts[status as usize] -= 1;
                if status == Status::ShortTime {
                    self.firms.short_time[j] -= 1;
                    let cell = self.firm_cell(j);
                    self.cell_short_time[cell] -= 1;
                }
            }
            _ => return false,
        }
        self.workers.rec[i].status = Status::Training;
        self.log_change(w);
        self.counts[Status::Training as usize] += 1;
        self.region_training[self.workers.rec[i].region as usize] += 1;
        let spell = self.spells.len() as u32;
        self.spells.push(TrainingSpell {
            worker: w,
            started: t,
            plan,
        });
        self.trainee_spell.insert(w, spell);
        self.schedule(
            t.plus(plan.months.max(1) as i32),
            Due::TrainingEnd { spell },
        );
        self.flows.training_starts += 1;
        true
    }

    /// Ends training spell `spell` at its planned end if it is still the worker's current one.
    pub(crate) fn finish_training(&mut self, spell: u32) {
        let w = self.spells[spell as usize].worker;
        if self.trainee_spell.get(&w) != Some(&spell) {
            return; // The worker left training (laid off, retired, dropped) before the end.
        }
        self.end_training(spell, true);
    }

    /// Ends training spell `spell` (the worker's current one) now: `completed`, the plan's
    /// skill gain and occupation apply; dropped, they do not. The worker returns to its job,
    /// or to unemployment as a fresh spell.
    pub(crate) fn end_training(&mut self, spell: u32, completed: bool) {
        let s = self.spells[spell as usize];
        let w = s.worker;
        debug_assert_eq!(self.trainee_spell.get(&w), Some(&spell));
        let i = w as usize;
        self.trainee_spell.remove(&w);
        self.log_change(w);
        let on_payroll = self.workers.rec[i].employer != NO_FIRM;
        self.counts[Status::Training as usize] -= 1;
        self.region_training[self.workers.rec[i].region as usize] -= 1;
        if completed {
            self.workers.rec[i].skill += s.plan.skill_gain;
            if let Some(occ) = s.plan.occupation {
                // Trained into the occupation: no skill loss for the change. A worker on a
                // payroll whose employer does not use the occupation keeps doing its job (and
                // is compared with its colleagues in layoffs); the occupation becomes its own
                // when the job ends.
                let employer = self.workers.rec[i].employer;
                let used = employer == NO_FIRM
                    || self.group_mix[self.firms.group[employer as usize] as usize]
                        .iter()
                        .any(|&(o, share)| o == occ && share > 0.0);
                if used {
                    self.workers.rec[i].occupation = occ;
                    self.requalified.remove(&w);
                } else {
                    self.requalified.insert(w, occ);
                }
            }
            self.flows.training_ends += 1;
        } else {
            self.flows.training_dropouts += 1;
        }
        if on_payroll {
            self.workers.rec[i].status = Status::Employed;
            self.counts[Status::Employed as usize] += 1;
        } else {
            // A trainee without a job re-enters unemployment as a fresh spell. The months of
            // unemployment benefit left are reduced by one for every two months of training
            // allowance received (SGB III § 148 (1) 7).
            if self.benefit_rules.enabled {
                let trained = self.month.since(s.started).clamp(0, 510) / 2;
                let c = &mut self.claims[i];
                c.left = c.left.saturating_sub(trained as u8);
            }
            self.enter_unemployed(w);
        }
    }

    /// Sets the search intensity of worker `w` (1.0 = normal, up to about 7.9).
    pub(crate) fn set_intensity(&mut self, w: u32, intensity: f64) {
        let i = w as usize;
        let value = (intensity * f64::from(UNIT_INTENSITY))
            .round()
            .clamp(1.0, 255.0) as u8;
        if self.workers.rec[i].status == Status::Unemployed {
            let m = self.market(self.workers.rec[i].region, self.workers.rec[i].occupation);
            let before = self.workers.rec[i].intensity;
            self.pool_intensity[m] -= u64::from(before);
            self.pool_intensity[m] += u64::from(value);
            self.pool_nonunit[m] -= u32::from(before != UNIT_INTENSITY);
            self.pool_nonunit[m] += u32::from(value != UNIT_INTENSITY);
            if value > self.pool_max_intensity[m] {
                self.pool_max_intensity[m] = value;
            }
        }
        self.workers.rec[i].intensity = value;
    }

    /// Processes the checks due this month (long-term unemployment, tenure caps, training ends).
    pub(crate) fn process_agenda(&mut self) {
        self.promote_long_term();
        if self.benefit_rules.enabled {
            self.expire_claims();
        }
        let offset = self.month.since(self.start);
        if offset < 0 || offset as usize >= self.agenda.len() {
            return;
        }
        let due = std::mem::take(&mut self.agenda[offset as usize]);
        for d in due {
            match d {
                Due::TenureCap { worker, since } => {
                    let i = worker as usize;
                    let on_payroll = self.workers.rec[i].employer != NO_FIRM;
                    if on_payroll && self.workers.rec[i].since == since {
                        let cell = self.firm_cell(self.workers.rec[i].employer as usize);
                        let (wage, home) = (self.workers.rec[i].wage, self.workers.rec[i].region);
                        let j = self.workers.rec[i].employer as usize;
                        let wage = booked_wage(wage, self.firms.hours[j]);
                        self.wage_cells[cell].cap(wage, since.0);
                        self.resident_wages[home as usize].cap(wage, since.0);
                    }
                }
                Due::TrainingEnd { spell } => self.finish_training(spell),
                Due::NoticeEnd {
                    worker,
                    firm,
                    since,
                } => self.end_notice(worker, firm, since),
            }
        }
    }

    /// Unemployed workers whose unemployment benefit runs out this month move to basic income.
    /// A scheduled end is void when the worker has left that spell since.
    fn expire_claims(&mut self) {
        let t = self.month;
        let offset = t.since(self.benefits.start);
        if offset < 0 || offset as usize >= self.benefits.ends.len() {
            return;
        }
        let due = std::mem::take(&mut self.benefits.ends[offset as usize]);
        for (w, since) in due {
            let r = &self.workers.rec[w as usize];
            let c = &self.claims[w as usize];
            if r.status == Status::Unemployed && r.since == since && c.ends == t {
                self.benefits.expire(r.region as usize, c);
            }
        }
    }

    /// Gives initially unemployed worker `w` (spell already backdated) the claim it would have
    /// had from a job lost at the start of its spell, with `contribution` months in the frame.
    pub(crate) fn set_initial_claim(&mut self, w: u32, contribution: i32) {
        if !self.benefit_rules.enabled {
            return;
        }
        let i = w as usize;
        let t = self.month;
        let r = self.workers.rec[i];
        debug_assert_eq!(r.status, Status::Unemployed);
        self.benefits.remove(r.region as usize, &self.claims[i], t);
        let age = r.since.since(r.birth).div_euclid(12);
        let children = self.benefit_rules.has_children(self.workers.id[i]);
        let contribution = contribution.clamp(0, crate::benefits::FRAME_MONTHS);
        let months = crate::benefits::entitlement_months(contribution, age);
        let c = &mut self.claims[i];
        c.contribution = contribution as u8;
        c.amount = self.benefit_rules.benefit(r.wage, children);
        c.ends = r.since.plus(months);
        c.left = 0;
        self.benefits.add(w, r.region as usize, c, t, r.since);
    }

    /// Spells that started [`LONG_TERM_MONTHS`] ago and are still running become long-term
    /// this month, all of them at once.
    fn promote_long_term(&mut self) {
        let since = self.month.plus(-LONG_TERM_MONTHS);
        let b = RecentSpells::bucket(since);
        if self.recent.since[b] != since {
            return;
        }
        let n = self.recent.n_regions;
        for (long, recent) in self
            .region_long_term
            .iter_mut()
            .zip(&mut self.recent.count[b * n..(b + 1) * n])
        {
            *long += std::mem::take(recent);
        }
        self.long_term_last_wage += std::mem::take(&mut self.recent.wage[b]);
    }
}

impl Economy {
    /// Moves the start of unemployed worker `w`'s spell back to `since` (initial population):
    /// the worker counts as long-term unemployed at once if the spell is already long enough.
    pub(crate) fn backdate_unemployment(&mut self, w: u32, since: Month) {
        let i = w as usize;
        debug_assert_eq!(self.workers.rec[i].status, Status::Unemployed);
        let r = self.workers.rec[i];
        if since == r.since {
            return;
        }
        debug_assert!(self.month.since(r.since) < LONG_TERM_MONTHS && since < r.since);
        let region = r.region as usize;
        self.recent.remove(r.since, region, r.wage);
        self.workers.rec[i].since = since;
        if self.month.since(since) >= LONG_TERM_MONTHS {
            self.region_long_term[region] += 1;
            self.long_term_last_wage += i128::from(r.wage);
        } else {
            self.recent.add(since, region, r.wage);
        }
    }
}
