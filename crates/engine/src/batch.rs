//! The two transitions made in large batches every month, separations into unemployment and
//! hires of unemployed workers in single-pool aggregate matching, as loops over borrowed
//! arrays.
//!
//! A batch borrows the worker records, the payroll lists and the books (`books.rs`) once, so
//! the arrays' addresses stay in registers for the whole loop, and asks for the memory each
//! transition will touch several transitions ahead (`prefetch.rs`), so that the accesses to
//! random workers and firms overlap (`docs/performance.md`). The bookkeeping is the same code
//! as the one-at-a-time transitions of `state.rs`; the invariant checks recount all of it.

use crate::books::Split;
use crate::events::Exit;
use crate::params::OccupationId;
use crate::prefetch::prefetch;
use crate::state::{Due, Economy, Status, schedule_in};

/// How far ahead a batch asks for a record (transitions); payroll entries are asked for three
/// times as far ahead, since the record's address is read from them.
const AHEAD: usize = 16;

/// One hire of a batch: an unemployed worker, already taken out of its pool's list, and the
/// vacancy.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hire {
    /// The worker, unemployed.
    pub(crate) worker: u32,
    /// The hiring firm.
    pub(crate) firm: u32,
    /// The vacancy's occupation.
    pub(crate) occupation: OccupationId,
}

impl Economy {
    /// Separates the payroll workers at `selected` (firm, position) into unemployment: quits
    /// and dismissals, not displacements. `selected` is in increasing (firm, position) order;
    /// removals run from the highest position down within each firm, so swap-removal never
    /// moves a selected worker and every selected position holds the same worker until it is
    /// removed.
    pub(crate) fn separate_batch(&mut self, selected: &[(u32, u32)]) {
        let Split {
            recs,
            employees,
            counts,
            flows,
            region_training,
            trainee_spell,
            mut pool,
            mut payroll,
            ..
        } = self.split();
        let cell_of = payroll.cell_of;
        let mut employees = employees.view();
        for k in (0..selected.len()).rev() {
            // The payroll entry (and the payroll's end, which swap-removal reads) furthest
            // ahead, then the record the entry names.
            if let Some(&(j, p)) = k.checked_sub(3 * AHEAD).map(|a| &selected[a]) {
                employees.prefetch_removal(j as usize, p as usize);
            }
            if let Some(&(j, p)) = k.checked_sub(AHEAD).map(|a| &selected[a]) {
                prefetch(&recs[*employees.slot(j as usize, p as usize) as usize]);
            }
            let (j, pos) = selected[k];
            let j = j as usize;
            let w = employees.swap_remove(j, pos as usize);
            let r = &mut recs[w as usize];
            debug_assert_eq!(r.employer as usize, j);
            let c = cell_of[j] as usize;
            flows.cell_separations[c] += 1;
            counts[r.status as usize] -= 1;
            if r.status == Status::Training {
                // An employed trainee: the spell ends with the job (as in `Economy::leave`).
                region_training[r.region as usize] -= 1;
                trainee_spell.remove(&w);
            }
            payroll.leave(w, r, j, Exit::Quit);
            pool.enter(w, r);
        }
        // Counted once for the batch rather than once per separation.
        flows.separations += selected.len() as u64;
        counts[Status::Unemployed as usize] += selected.len() as u64;
    }

    /// Makes `hires`, in order. Each worker must already be out of its pool's list (matching
    /// removes it when it draws it); the rest of the pool's books are updated here.
    pub(crate) fn hire_batch(&mut self, hires: &[Hire]) {
        let Split {
            recs,
            employees,
            counts,
            flows,
            agenda,
            start,
            mut pool,
            mut payroll,
            ..
        } = self.split();
        let (cell_of, month) = (payroll.cell_of, payroll.month);
        let tenure_cap = payroll.tenure_cap;
        let mut view = employees.view();
        for (k, h) in hires.iter().enumerate() {
            // The firm's payroll stretch furthest ahead; then the record and the slot where the
            // hire goes.
            if let Some(ahead) = hires.get(k + 3 * AHEAD) {
                prefetch(view.stretch_of(ahead.firm as usize));
            }
            if let Some(ahead) = hires.get(k + AHEAD) {
                let j = ahead.firm as usize;
                prefetch(&recs[ahead.worker as usize]);
                if let Some(slot) = view.next_slot(j) {
                    prefetch(slot);
                }
            }
            let (w, j) = (h.worker, h.firm as usize);
            let r = &mut recs[w as usize];
            debug_assert_eq!(r.status, Status::Unemployed);
            pool.leave_books(w, r);
            let cap = payroll.hire(w, r, j, h.occupation, (Status::Unemployed, r.since));
            if !view.try_push(j, w) {
                // A full stretch (rare): the list moves to a larger one.
                employees.push(j, w);
                view = employees.view();
            }
            if cap {
                let due = Due::TenureCap {
                    worker: w,
                    since: month,
                };
                schedule_in(agenda, start, month.plus(tenure_cap as i32), due);
            }
            flows.cell_hires[cell_of[j] as usize] += 1;
        }
        // Counted once for the batch rather than once per hire.
        let n = hires.len() as u64;
        flows.hires += n;
        counts[Status::Unemployed as usize] -= n;
        counts[Status::Employed as usize] += n;
    }
}
