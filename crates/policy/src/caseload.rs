//! A caseload of clients, shared by the councils (transformation council, job security
//! council): intake of workers under notice and displaced workers of target firms, search
//! support while they are clients, and exits at a hire or when support ends.
//!
//! Each month (hook `before_matching`, after the month's notices, layoffs and closures):
//!
//! 1. **Clients move on.** A client whose spell changed since last month was hired (now on a
//!    payroll without notice: a *placement*), was displaced (now unemployed: support goes on
//!    with the new spell), or left the labour force. A client whose support has run
//!    (`max_months` since entry, or `months_after_displacement` since displacement when set)
//!    leaves, and so does one who went into training (a referral: see the council).
//! 2. **Intake.** Eligible are, for target firms: the staff of firms under closure notice and
//!    workers given notice of layoff (`under_notice`), and workers displaced in the last
//!    `displaced_window` months who are still unemployed (`displaced`), each once. Each enters
//!    with probability `take_up` (the worker's own draw, the same in every arm); with a
//!    capacity, places go in the order of a per-worker draw, and those left without one are the
//!    passed-over comparison group of `followup.csv`.
//! 3. **Support.** Every client searches with intensity × `intensity` and breadth × `breadth`
//!    (the engine's levers, which a hire ends); they are set again when a client's spell
//!    changes, and reset to 1 when it leaves.

use std::collections::{BTreeMap, BTreeSet};

use wandel_engine::policy::{MatchingCtx, PolicyCtx};
use wandel_engine::state::{Displacement, FirmStatus, NO_FIRM};
use wandel_engine::{Month, Status};

use crate::target::FirmTarget;

// Questions of the per-worker draws.
const TAKE_UP: u64 = 11;
const QUEUE: u64 = 12;

/// Who may become a client, and what support a client gets.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseloadSpec {
    /// Firms whose workers are eligible.
    pub target: FirmTarget,
    /// Most clients at once (None: no cap).
    pub capacity: Option<u64>,
    /// Workers under notice (closure or layoff) of target firms are eligible.
    pub under_notice: bool,
    /// Workers displaced from target firms, still unemployed, are eligible.
    pub displaced: bool,
    /// Months after displacement a displaced worker stays eligible.
    pub displaced_window: u32,
    /// Probability that an eligible worker becomes a client (asked once a month).
    pub take_up: f64,
    /// Factor on a client's search intensity.
    pub intensity: f64,
    /// Factor on a client's search breadth (at least 1).
    pub breadth: f64,
    /// Most months a worker stays a client.
    pub max_months: u32,
    /// Most months support goes on after displacement (None: up to `max_months`).
    pub months_after_displacement: Option<u32>,
}

/// One client.
#[derive(Clone, Copy, Debug)]
pub struct Client {
    /// Month of entry.
    pub entered: Month,
    /// The spell the levers were last set for (the worker's `since`).
    pub spell: Month,
    /// Entered while still on a payroll (under notice).
    pub under_notice: bool,
    /// Month displaced, if since entry.
    pub displaced: Option<Month>,
}

/// How a client left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Hired (a new job, or kept on by the firm).
    Placed,
    /// Went into training.
    Training,
    /// Support ran out while still searching.
    Expired,
    /// Left the labour force (retired, or inactive before pension age).
    Retired,
}

/// The month's intake and exits.
#[derive(Clone, Debug, Default)]
pub struct CaseloadMonth {
    /// Workers who became clients.
    pub entered: Vec<u32>,
    /// Eligible workers who asked and found the caseload full.
    pub passed_over: Vec<u32>,
    /// Clients who left, and how.
    pub exits: Vec<(u32, Exit)>,
    /// Of the entries, aged 50 or more.
    pub entries_50_plus: u64,
}

/// The caseload of one council in one run.
#[derive(Clone, Debug)]
pub struct Caseload {
    spec: CaseloadSpec,
    /// Current clients.
    pub clients: BTreeMap<u32, Client>,
    displaced: BTreeMap<u32, Month>,
    served: BTreeSet<u32>,
}

impl Caseload {
    /// An empty caseload.
    pub fn new(spec: CaseloadSpec) -> Caseload {
        Caseload {
            spec,
            clients: BTreeMap::new(),
            displaced: BTreeMap::new(),
            served: BTreeSet::new(),
        }
    }

    /// Records this month's displacements from target firms (hook `on_displacement`).
    pub fn on_displacement(&mut self, ctx: &PolicyCtx<'_>, displaced: &[Displacement]) {
        let eco = ctx.economy();
        for d in displaced {
            if d.firm == NO_FIRM || !self.spec.target.reaches(eco, d.firm as usize) {
                continue;
            }
            if let Some(c) = self.clients.get_mut(&d.worker) {
                c.displaced.get_or_insert(d.month);
            } else if self.spec.displaced {
                self.displaced.insert(d.worker, d.month);
            }
        }
    }

    fn set_levers(&self, ctx: &mut MatchingCtx<'_>, w: u32, on: bool) {
        let (i, b) = if on {
            (self.spec.intensity, self.spec.breadth)
        } else {
            (1.0, 1.0)
        };
        ctx.set_search_intensity(w, i);
        ctx.set_search_breadth(w, b);
    }

    /// Moves clients on: placements, displacement, expiry, training, retirement.
    fn move_on(&mut self, ctx: &mut MatchingCtx<'_>, out: &mut CaseloadMonth) {
        let t = ctx.month();
        let mut left: Vec<(u32, Exit)> = Vec::new();
        let mut renewed: Vec<u32> = Vec::new();
        for (&w, c) in self.clients.iter_mut() {
            let eco = ctx.economy();
            let r = eco.workers.rec[w as usize];
            let noticed = r.employer != NO_FIRM
                && (eco.firms.status[r.employer as usize] == FirmStatus::Noticed
                    || eco.notice_of(w).is_some());
            let exit = match r.status {
                Status::Retired | Status::Inactive => Some(Exit::Retired),
                Status::Training => Some(Exit::Training),
                Status::Employed | Status::ShortTime if !noticed => Some(Exit::Placed),
                _ => None,
            };
            if r.status == Status::Unemployed {
                c.displaced.get_or_insert(r.since);
            }
            let expired = t.since(c.entered) >= self.spec.max_months as i32
                || matches!(
                    (c.displaced, self.spec.months_after_displacement),
                    (Some(d), Some(m)) if t.since(d) >= m as i32
                );
            match exit {
                Some(e) => left.push((w, e)),
                None if expired => left.push((w, Exit::Expired)),
                None => {
                    if r.since != c.spell {
                        c.spell = r.since;
                        renewed.push(w);
                    }
                }
            }
        }
        for &(w, _) in &left {
            self.clients.remove(&w);
            self.set_levers(ctx, w, false);
        }
        for w in renewed {
            self.set_levers(ctx, w, true);
        }
        out.exits = left;
    }

    fn wants(&self, ctx: &PolicyCtx<'_>, w: u32) -> bool {
        !self.served.contains(&w) && ctx.worker_draw(w, TAKE_UP) < self.spec.take_up
    }

    /// Eligible workers who want support this month, in index order.
    fn candidates(&self, ctx: &PolicyCtx<'_>) -> Vec<u32> {
        let eco = ctx.economy();
        let s = &self.spec;
        let mut out = Vec::new();
        if s.under_notice {
            for j in 0..eco.firms.len() {
                if eco.firms.status[j] == FirmStatus::Noticed && s.target.reaches(eco, j) {
                    for &w in &eco.firms.employees[j] {
                        if matches!(
                            eco.workers.rec[w as usize].status,
                            Status::Employed | Status::ShortTime
                        ) && self.wants(ctx, w)
                        {
                            out.push(w);
                        }
                    }
                }
            }
            for (&w, notice) in &eco.notices {
                let j = notice.firm as usize;
                if eco.firms.status[j] == FirmStatus::Active
                    && s.target.reaches(eco, j)
                    && self.wants(ctx, w)
                {
                    out.push(w);
                }
            }
        }
        for &w in self.displaced.keys() {
            if eco.workers.rec[w as usize].status == Status::Unemployed && self.wants(ctx, w) {
                out.push(w);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The month's work (hook `before_matching`): moves clients on and, while `open`, takes
    /// in new ones.
    pub fn month(&mut self, ctx: &mut MatchingCtx<'_>, open: bool) -> CaseloadMonth {
        let t = ctx.month();
        let mut out = CaseloadMonth::default();
        self.move_on(ctx, &mut out);
        let window = self.spec.displaced_window as i32;
        self.displaced.retain(|_, m| t.since(*m) < window);
        if !open {
            return out;
        }
        let mut want = self.candidates(ctx);
        let mut room = self
            .spec
            .capacity
            .map_or(u64::MAX, |c| c.saturating_sub(self.clients.len() as u64));
        if (want.len() as u64) > room {
            crate::queue::order(ctx, &mut want, QUEUE);
        }
        for w in want {
            if room == 0 {
                out.passed_over.push(w);
                continue;
            }
            room -= 1;
            let eco = ctx.economy();
            let r = eco.workers.rec[w as usize];
            let under_notice = r.employer != NO_FIRM;
            if eco.workers.age_years(w, t) >= crate::retraining::OLDER_AGE {
                out.entries_50_plus += 1;
            }
            self.clients.insert(
                w,
                Client {
                    entered: t,
                    spell: r.since,
                    under_notice,
                    displaced: self.displaced.get(&w).copied(),
                },
            );
            self.displaced.remove(&w);
            self.served.insert(w);
            self.set_levers(ctx, w, true);
            out.entered.push(w);
        }
        out
    }
}

// --- Reading a council's caseload keys (shared by both councils' readers) -----------------

use wandel_format::reader::{Range, Reader, Table};

use crate::kind::Common;
use crate::read::read_eligible;
use crate::retraining::{CASELOAD_ELIGIBLE, Eligible};

/// The defaults of a council's caseload keys.
pub(crate) struct CaseloadDefaults {
    pub(crate) take_up: f64,
    pub(crate) intensity: f64,
    pub(crate) breadth: f64,
    pub(crate) max_months: u32,
    pub(crate) months_after_displacement: Option<u32>,
    pub(crate) displaced_window: u32,
}

/// Reads a council's caseload keys: `eligible` (some of "under_notice", "displaced"),
/// `take_up`, `intensity`, `breadth`, `max_months`, `months_after_displacement`,
/// `displaced_window`.
pub(crate) fn read_caseload(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    common: &Common,
    capacity: Option<u64>,
    d: &CaseloadDefaults,
) -> CaseloadSpec {
    let eligible = read_eligible(
        rd,
        t,
        Eligible {
            employed: false,
            under_notice: true,
            displaced: true,
        },
        &CASELOAD_ELIGIBLE,
    );
    let months_after_displacement = if t.has("months_after_displacement") {
        Some(rd.integer(t, "months_after_displacement", None, 0, 60) as u32)
    } else {
        d.months_after_displacement
    };
    CaseloadSpec {
        target: common.target.clone(),
        capacity,
        under_notice: eligible.under_notice,
        displaced: eligible.displaced,
        displaced_window: rd.integer(
            t,
            "displaced_window",
            Some(i64::from(d.displaced_window)),
            1,
            120,
        ) as u32,
        take_up: rd.number(t, "take_up", Some(d.take_up), Range::Unit),
        intensity: rd.number(t, "intensity", Some(d.intensity), Range::Between(0.1, 7.0)),
        breadth: rd.number(t, "breadth", Some(d.breadth), Range::Between(1.0, 10.0)),
        max_months: rd.integer(t, "max_months", Some(i64::from(d.max_months)), 1, 60) as u32,
        months_after_displacement,
    }
}
