//! Follow-up of a policy's participants: where the workers a policy took in are 0, 1, 2, …
//! months after entry, in the policy's arm and, by their stable ids, in the counterfactual arm
//! (the same people under common random numbers), beside a comparison group of the same run.
//!
//! A policy names, each month, the workers it took in (`entered`) and the eligible workers who
//! asked for a place and got none because it was full (`passed_over`: capacity rationing by a
//! per-worker draw, so they are like the participants in everything the draw does not see).
//! Each worker is followed from the first month it is named, in the group named then
//! (`participant` or `passed_over`), to the end of the run; a passed-over worker who enters
//! later stays in the comparison group (intention to treat: the comparison understates the
//! effect when many enter later). The counterfactual arm follows the same stable ids from the
//! same months; a worker who does not exist there (an entrant of a later month) is not counted.
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
        self.followed.push(Followed {
            policy,
            id,
            entered: t,
            participant,
        });
        self.rows.push(w);
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
                }
            }
            self.scanned = eco.workers.len();
        }
        for (k, x) in self.followed.iter().enumerate() {
            let row = self.rows[k];
            if row == UNRESOLVED || t < x.entered {
                continue;
            }
            let r = &eco.workers.rec[row as usize];
            let cell = self
                .cells
                .entry((x.policy, x.participant, t.since(x.entered) as u32))
                .or_default();
            cell.n += 1;
            cell.employed += u64::from(r.employer != NO_FIRM);
            cell.training += u64::from(r.status == Status::Training);
        }
    }
}
