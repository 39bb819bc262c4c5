//! Follow-up of a policy's participants: where the workers a policy took in are 0, 1, 2, …
//! months after entry, in the policy's arm and, by their stable ids, in the counterfactual arm
//! (the same people under common random numbers), beside a comparison group of the same run.
//!
//! A policy names, each month, the workers it took in (`entered`) and the eligible workers who
//! asked for a place and got none because it was full (`passed_over`: capacity rationing by a
//! per-worker draw, so they are like the participants in everything the draw does not see);
//! of those, the month's first in the queue are followed, at most as many as entered that
//! month, so the comparison group's cost follows the entries.
//! Each worker is followed from the first month it is named, in the group named then
//! (`participant` or `passed_over`), to the end of the run; a passed-over worker who enters
//! later stays in the comparison group (intention to treat: the comparison understates the
//! effect when many enter later). The counterfactual arm follows the same stable ids from the
//! same months; a worker who does not exist there (an entrant of a later month) is not counted.
//!
//! Where the followed workers apply is counted too (the engine's search watch, from the month
//! after they are first named, in both arms): the shares of their applications that go to
//! another occupation and another region show how widely they search.
//!
//! Cost per month follows the events, not the followed: each followed worker's state (on a
//! payroll, in training, in another occupation, at a firm in another region) is kept with
//! running sums per group of workers named in the same month, and read again only when the
//! engine's event log shows a hire, a separation or a change of status of that worker (the
//! only ways the state can change); the month's cells are the groups' sums.

use std::collections::{BTreeMap, HashMap};

use wandel_engine::state::NO_FIRM;
use wandel_engine::{Economy, Month, Status};

/// Row marker of a followed worker not (yet) found in this arm.
const UNRESOLVED: u32 = u32::MAX;

/// One followed worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Followed {
    /// Index of the policy in the scenario's list.
    pub policy: u16,
    /// The worker's stable id (the key of its random streams, the same in every arm).
    pub id: u64,
    /// The month it was first named.
    pub entered: Month,
    /// True for a participant, false for a passed-over applicant.
    pub participant: bool,
    /// Occupation when first named.
    pub occupation: u16,
    /// Region of residence when first named.
    pub region: u16,
}

/// Sums for one (policy, group, months since entry) cell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FollowCell {
    /// Followed workers observed.
    pub n: u64,
    /// Of them, on a payroll (employed, on short time, or training while keeping a job).
    pub employed: u64,
    /// Of them, in training.
    pub training: u64,
    /// Of the employed, in another occupation than when first named.
    pub other_occupation: u64,
    /// Of the employed, at a firm in another region than their residence when first named.
    pub other_region: u64,
    /// Applications sent this month (applications matching).
    pub applications: u64,
    /// Of them, to another occupation than the worker's current one.
    pub applications_other_occupation: u64,
    /// Of them, to another region than the worker's residence.
    pub applications_other_region: u64,
}

/// The follow-up of one run.
#[derive(Clone, Debug, Default)]
pub struct FollowUp {
    /// Every followed worker, in the order first named.
    pub followed: Vec<Followed>,
    rows: Vec<u32>,
    named: HashMap<(u16, u64), ()>,
    pending: HashMap<u64, Vec<usize>>,
    scanned: usize,
    /// Rows to register with the engine's search watch at the next hook.
    to_watch: Vec<u32>,
    /// (policy, participant, months since entry) → sums.
    pub cells: BTreeMap<(u16, bool, u32), FollowCell>,
    /// Each followed worker's state as last counted (`NOT_COUNTED` before it is).
    state: Vec<u8>,
    /// Each followed worker's group (index into `groups`).
    group_of: Vec<u32>,
    /// Groups of followed workers named by one policy, in one group, in one month, with the
    /// running sums of their states (`applications` fields unused).
    groups: Vec<((u16, bool, Month), FollowCell)>,
    /// Group index by key.
    group_index: HashMap<(u16, bool, Month), u32>,
    /// (row, followed worker), sorted: a worker followed by several policies has several.
    /// Read by merging with the month's sorted lists of touched and applying workers.
    by_row: Vec<(u32, u32)>,
    /// (row, followed worker) pairs added since the last merge into `by_row`.
    fresh: Vec<(u32, u32)>,
    /// Followed workers in the order named; those before this index are counted or waiting
    /// for their row.
    next_due: usize,
}

/// State bits of a followed worker.
const EMPLOYED: u8 = 1;
const TRAINING: u8 = 2;
const OTHER_OCCUPATION: u8 = 4;
const OTHER_REGION: u8 = 8;
/// A followed worker not counted yet (its month has not come, or its row is unknown).
const NOT_COUNTED: u8 = 0x80;

impl FollowUp {
    /// The counterfactual arm's follow-up of the workers `followed` in the policy arm.
    pub fn of(followed: &[Followed]) -> FollowUp {
        let mut f = FollowUp::default();
        for (k, x) in followed.iter().enumerate() {
            f.add(*x, UNRESOLVED);
            f.pending.entry(x.id).or_default().push(k);
        }
        f
    }

    /// Names worker row `w` for policy `policy` in month `t` (ignored when already named).
    pub fn name(&mut self, eco: &Economy, policy: u16, w: u32, t: Month, participant: bool) {
        let id = eco.workers.id[w as usize];
        if self.named.insert((policy, id), ()).is_some() {
            return;
        }
        let r = &eco.workers.rec[w as usize];
        self.add(
            Followed {
                policy,
                id,
                entered: t,
                participant,
                occupation: r.occupation,
                region: r.region,
            },
            w,
        );
        self.to_watch.push(w);
    }

    /// Adds followed worker `x` at row `row` (or `UNRESOLVED`), not counted yet.
    fn add(&mut self, x: Followed, row: u32) {
        let k = self.followed.len() as u32;
        let key = (x.policy, x.participant, x.entered);
        let next = self.groups.len() as u32;
        let g = *self.group_index.entry(key).or_insert(next);
        if g == next {
            self.groups.push((key, FollowCell::default()));
        }
        self.followed.push(x);
        self.rows.push(row);
        self.state.push(NOT_COUNTED);
        self.group_of.push(g);
        if row != UNRESOLVED {
            self.fresh.push((row, k));
        }
    }

    /// The state of followed worker `k` in `eco` now.
    fn state_now(&self, eco: &Economy, k: usize) -> u8 {
        let x = &self.followed[k];
        let r = &eco.workers.rec[self.rows[k] as usize];
        let mut s = 0;
        if r.status == Status::Training {
            s |= TRAINING;
        }
        if r.employer != NO_FIRM {
            s |= EMPLOYED;
            if r.occupation != x.occupation {
                s |= OTHER_OCCUPATION;
            }
            if eco.firms.region[r.employer as usize] != x.region {
                s |= OTHER_REGION;
            }
        }
        s
    }

    /// Counts followed worker `k` in its group with its state now, in place of the state it
    /// was counted with.
    fn recount(&mut self, eco: &Economy, k: usize) {
        let old = self.state[k];
        let new = self.state_now(eco, k);
        if old == new {
            return;
        }
        let cell = &mut self.groups[self.group_of[k] as usize].1;
        if old == NOT_COUNTED {
            cell.n += 1;
        } else {
            shift(cell, old, false);
        }
        shift(cell, new, true);
        self.state[k] = new;
    }

    /// Marks worker `w` as seen by policy `policy` without following it: a passed-over worker
    /// beyond the comparison group's size, who must not join the participants if it enters
    /// later.
    pub fn set_aside(&mut self, eco: &Economy, policy: u16, w: u32) {
        self.named.insert((policy, eco.workers.id[w as usize]), ());
    }

    /// Registers the workers followed since the last call with the engine's search watch
    /// (hook `before_matching`), so that where they apply is counted.
    pub fn watch(&mut self, ctx: &mut wandel_engine::policy::MatchingCtx<'_>) {
        for w in self.to_watch.drain(..) {
            ctx.watch_search(w);
        }
    }

    /// Observes every followed worker at the end of month `t`: counts those whose month has
    /// come, recounts those the month's events touched, and adds each group's sums to its cell.
    pub fn observe(&mut self, eco: &Economy, t: Month) {
        let mut resolved = Vec::new();
        if !self.pending.is_empty() {
            // Resolve stable ids among the rows added since the last look.
            for row in self.scanned..eco.workers.len() {
                if let Some(ks) = self.pending.remove(&eco.workers.id[row]) {
                    for k in ks {
                        self.rows[k] = row as u32;
                        self.fresh.push((row as u32, k as u32));
                        resolved.push(k);
                    }
                    self.to_watch.push(row as u32);
                }
            }
            self.scanned = eco.workers.len();
        }
        // Followed workers whose month has come (named in order, so a prefix), and those of
        // earlier months whose row was found only now.
        while self.next_due < self.followed.len() && self.followed[self.next_due].entered <= t {
            if self.rows[self.next_due] != UNRESOLVED {
                self.recount(eco, self.next_due);
            }
            self.next_due += 1;
        }
        for k in resolved {
            if k < self.next_due && self.state[k] == NOT_COUNTED {
                self.recount(eco, k);
            }
        }
        if !self.fresh.is_empty() {
            self.fresh.sort_unstable();
            let old = std::mem::take(&mut self.by_row);
            self.by_row = merge(&old, &self.fresh);
            self.fresh.clear();
        }
        // Workers the month's events touched, merged with the followed by row.
        let ev = &eco.events;
        let touched = ev.hires.iter().map(|h| h.worker);
        let touched = touched.chain(ev.separations.iter().map(|s| s.worker));
        let mut touched: Vec<u32> = touched.chain(ev.changed.iter().copied()).collect();
        touched.sort_unstable();
        touched.dedup();
        let mut ks = Vec::new();
        let mut at = 0;
        for row in touched {
            at += self.by_row[at..].partition_point(|&(r, _)| r < row);
            ks.extend(
                self.by_row[at..]
                    .iter()
                    .take_while(|&&(r, _)| r == row)
                    .map(|p| p.1),
            );
        }
        for k in ks {
            if self.state[k as usize] != NOT_COUNTED {
                self.recount(eco, k as usize);
            }
        }
        // Each group's sums, with this month's applications of its workers who sent any (the
        // watch and the followed, both in row order, merged).
        let mut month: Vec<FollowCell> = self.groups.iter().map(|g| g.1).collect();
        let mut at = 0;
        for (&w, tally) in &eco.search_watch {
            if tally.applications == 0 {
                continue;
            }
            at += self.by_row[at..].partition_point(|&(r, _)| r < w);
            for &(_, k) in self.by_row[at..].iter().take_while(|&&(r, _)| r == w) {
                if self.state[k as usize] == NOT_COUNTED {
                    continue;
                }
                let cell = &mut month[self.group_of[k as usize] as usize];
                cell.applications += u64::from(tally.applications);
                cell.applications_other_occupation += u64::from(tally.other_occupation);
                cell.applications_other_region += u64::from(tally.other_region);
            }
        }
        for (g, cell) in month.iter().enumerate() {
            let (policy, participant, entered) = self.groups[g].0;
            if cell.n > 0 && entered <= t {
                let since = t.since(entered) as u32;
                add(
                    self.cells.entry((policy, participant, since)).or_default(),
                    cell,
                );
            }
        }
    }
}

/// The union of two sorted lists, sorted.
fn merge(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Adds (`on`) or removes a worker in state `state` to or from `cell`'s state counts.
fn shift(cell: &mut FollowCell, state: u8, on: bool) {
    let f = |c: &mut u64, bit: u8| {
        if state & bit != 0 {
            if on {
                *c += 1;
            } else {
                *c -= 1;
            }
        }
    };
    f(&mut cell.employed, EMPLOYED);
    f(&mut cell.training, TRAINING);
    f(&mut cell.other_occupation, OTHER_OCCUPATION);
    f(&mut cell.other_region, OTHER_REGION);
}

/// Adds the counts of `more` to `cell`.
fn add(cell: &mut FollowCell, more: &FollowCell) {
    cell.n += more.n;
    cell.employed += more.employed;
    cell.training += more.training;
    cell.other_occupation += more.other_occupation;
    cell.other_region += more.other_region;
    cell.applications += more.applications;
    cell.applications_other_occupation += more.applications_other_occupation;
    cell.applications_other_region += more.applications_other_region;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Fiscal;
    use crate::run::PolicyRun;
    use crate::testing::{params, spec};
    use wandel_engine::Simulation;

    /// This month's cells by visiting every followed worker (the follow-up's definition; what
    /// the running sums must equal).
    fn scanned(f: &FollowUp, eco: &Economy, t: Month) -> BTreeMap<(u16, bool, u32), FollowCell> {
        let mut cells: BTreeMap<(u16, bool, u32), FollowCell> = BTreeMap::new();
        for (k, x) in f.followed.iter().enumerate() {
            let row = f.rows[k];
            if row == UNRESOLVED || t < x.entered {
                continue;
            }
            let cell = cells
                .entry((x.policy, x.participant, t.since(x.entered) as u32))
                .or_default();
            let r = &eco.workers.rec[row as usize];
            cell.n += 1;
            cell.training += u64::from(r.status == Status::Training);
            if let Some(tally) = eco.search_watch.get(&row) {
                cell.applications += u64::from(tally.applications);
                cell.applications_other_occupation += u64::from(tally.other_occupation);
                cell.applications_other_region += u64::from(tally.other_region);
            }
            if r.employer != NO_FIRM {
                cell.employed += 1;
                cell.other_occupation += u64::from(r.occupation != x.occupation);
                cell.other_region += u64::from(eco.firms.region[r.employer as usize] != x.region);
            }
        }
        cells
    }

    /// Runs `run` on `p` and checks after every month that the follow-up's cells are the sums
    /// of the scanned months so far.
    fn check_each_month(p: &wandel_engine::Params, mut run: PolicyRun) -> PolicyRun {
        let mut sim = Simulation::new(p, 0);
        let mut expected: BTreeMap<(u16, bool, u32), FollowCell> = BTreeMap::new();
        while !sim.finished() {
            let r = sim.step(&mut run);
            for (key, cell) in scanned(&run.followup, sim.economy(), r.month) {
                add(expected.entry(key).or_default(), &cell);
            }
            assert_eq!(run.followup.cells, expected, "{}", r.month);
        }
        run
    }

    #[test]
    fn running_sums_equal_a_scan_of_every_followed_worker_in_both_arms() {
        let p = params();
        // Retraining moves its participants into and out of training (and into another
        // occupation); the closure displaces them; a capacity leaves some passed over.
        let s = spec(
            &p,
            "retraining",
            "kind = \"local_union\"\neligible = [\"displaced\"]\ntake_up = 1.0\ncapacity = 20\nmonths = 3\nlearns = \"new_occupation\"",
        );
        let run = check_each_month(&p, PolicyRun::new(&[s], &Fiscal::default()));
        let followed = run.followup.followed.clone();
        assert!(followed.iter().any(|f| f.participant));
        assert!(followed.iter().any(|f| !f.participant));
        let training: u64 = run.followup.cells.values().map(|c| c.training).sum();
        let other: u64 = run.followup.cells.values().map(|c| c.employed).sum();
        assert!(training > 0 && other > 0, "{training} {other}");
        // The counterfactual arm finds the same people by their stable ids.
        let cf = check_each_month(
            &p,
            PolicyRun::counterfactual_following(&Fiscal::default(), &followed),
        );
        assert!(cf.followup.cells.values().map(|c| c.n).sum::<u64>() > 0);
    }
}
