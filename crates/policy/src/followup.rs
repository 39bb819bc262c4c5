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
//! Cost per month: one record read per followed worker.

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
}

impl FollowUp {
    /// The counterfactual arm's follow-up of the workers `followed` in the policy arm.
    pub fn of(followed: &[Followed]) -> FollowUp {
        let mut f = FollowUp {
            followed: followed.to_vec(),
            rows: vec![UNRESOLVED; followed.len()],
            ..FollowUp::default()
        };
        for (k, x) in followed.iter().enumerate() {
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
        self.followed.push(Followed {
            policy,
            id,
            entered: t,
            participant,
            occupation: r.occupation,
            region: r.region,
        });
        self.rows.push(w);
        self.to_watch.push(w);
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

    /// Observes every followed worker at the end of month `t`.
    pub fn observe(&mut self, eco: &Economy, t: Month) {
        if !self.pending.is_empty() {
            // Resolve stable ids among the rows added since the last look.
            for row in self.scanned..eco.workers.len() {
                if let Some(ks) = self.pending.remove(&eco.workers.id[row]) {
                    for k in ks {
                        self.rows[k] = row as u32;
                    }
                    self.to_watch.push(row as u32);
                }
            }
            self.scanned = eco.workers.len();
        }
        // This month's applications of the watched workers who sent any (few: a small map
        // instead of a lookup in the whole watch per followed worker).
        let applied: HashMap<u32, wandel_engine::state::SearchTally> = eco
            .search_watch
            .iter()
            .filter(|(_, tally)| tally.applications > 0)
            .map(|(&w, &tally)| (w, tally))
            .collect();
        // Workers are followed in the order they were named, so neighbours share a cell:
        // tally into the current cell and write it back when the key changes.
        let mut key = None;
        let mut cell = FollowCell::default();
        for (k, x) in self.followed.iter().enumerate() {
            let row = self.rows[k];
            if row == UNRESOLVED || t < x.entered {
                continue;
            }
            let here = (x.policy, x.participant, t.since(x.entered) as u32);
            if key != Some(here) {
                if let Some(done) = key {
                    add(self.cells.entry(done).or_default(), &cell);
                }
                key = Some(here);
                cell = FollowCell::default();
            }
            let r = &eco.workers.rec[row as usize];
            cell.n += 1;
            cell.training += u64::from(r.status == Status::Training);
            if let Some(tally) = applied.get(&row) {
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
        if let Some(done) = key {
            add(self.cells.entry(done).or_default(), &cell);
        }
    }
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
