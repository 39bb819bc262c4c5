//! Every firm's payroll (its list of workers) in one array: each firm owns a stretch of it with
//! room to grow.
//!
//! One `Vec` per firm puts a hundred thousand small allocations wherever the allocator finds
//! room, on ordinary 4 KB pages; a hire or a separation at a random firm then also walks the
//! page tables. In one array, the payrolls can be backed by huge pages (`hugepages.rs`), which
//! took about a tenth off the run at 10^7 workers (`docs/performance.md`). A firm that
//! outgrows its stretch moves to a stretch of (at least) twice the room at the end of the array.
//! The stretches a firm has left add up to less than its present room, so abandoned stretches
//! are always less than half the array: the same bound as a `Vec` per firm that doubles its
//! capacity, and no rebuilding is needed.

use std::ops::Index;

use crate::prefetch::prefetch;

/// Where one firm's list lives in the shared array.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub(crate) struct Stretch {
    start: usize,
    len: u32,
    room: u32,
}

/// The payrolls of all firms; `payrolls[j]` is firm `j`'s list, in no particular order.
#[derive(Clone, Debug, Default)]
pub struct Payrolls {
    /// All lists, each in its firm's stretch; slots beyond a list's length are unused.
    data: Vec<u32>,
    /// Each firm's stretch.
    stretch: Vec<Stretch>,
    /// Slots in stretches that firms have left (less than half of `data`, see the header).
    abandoned: usize,
}

impl Payrolls {
    /// Number of firms.
    pub fn len(&self) -> usize {
        self.stretch.len()
    }

    /// True when there are no firms.
    pub fn is_empty(&self) -> bool {
        self.stretch.is_empty()
    }

    /// The firms' lists, in firm order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[u32]> + '_ {
        (0..self.stretch.len()).map(|j| &self[j])
    }

    /// Firm `j`'s headcount (its list's length).
    #[inline(always)]
    pub fn headcount(&self, j: usize) -> u32 {
        self.stretch[j].len
    }

    /// The firms' headcounts (list lengths), in firm order.
    #[inline]
    pub fn headcounts(&self) -> impl ExactSizeIterator<Item = u32> + '_ {
        self.stretch.iter().map(|s| s.len)
    }

    /// Adds a firm with an empty list and no room.
    pub(crate) fn add_firm(&mut self) {
        self.stretch.push(Stretch {
            start: self.data.len(),
            len: 0,
            room: 0,
        });
    }

    /// Gives every firm `room(j)` slots in one new allocation, advised onto huge pages. For
    /// set-up: every list must be empty.
    pub(crate) fn allocate(&mut self, room: impl Fn(usize) -> u32) {
        assert!(
            self.stretch.iter().all(|s| s.len == 0),
            "payroll stretches allocated with workers on them"
        );
        let total: usize = (0..self.stretch.len()).map(|j| room(j) as usize).sum();
        self.data = Vec::with_capacity(total);
        crate::hugepages::advise(&self.data);
        let mut next = 0;
        for (j, s) in self.stretch.iter_mut().enumerate() {
            *s = Stretch {
                start: next,
                len: 0,
                room: room(j),
            };
            next += s.room as usize;
        }
        self.data.resize(total, 0);
        self.abandoned = 0;
    }

    /// The slot the next worker added to firm `j`'s list will take, if it has room (for a
    /// prefetch hint).
    #[inline(always)]
    pub(crate) fn next_slot(&self, j: usize) -> Option<&u32> {
        let s = self.stretch[j];
        if s.len < s.room {
            self.data.get(s.start + s.len as usize)
        } else {
            None
        }
    }

    /// Adds worker `w` to the end of firm `j`'s list.
    #[inline(always)]
    pub(crate) fn push(&mut self, j: usize, w: u32) {
        if !self.view().try_push(j, w) {
            self.grow(j);
            let pushed = self.view().try_push(j, w);
            // Unreachable: a list can hold every `u32` worker index.
            assert!(pushed, "a payroll outgrew 2^32 workers");
        }
    }

    /// Removes the worker at position `pos` of firm `j`'s list, moving the list's last worker
    /// into its place, and returns it.
    #[inline(always)]
    pub(crate) fn swap_remove(&mut self, j: usize, pos: usize) -> u32 {
        self.view().swap_remove(j, pos)
    }

    /// Moves firm `j`'s list to a stretch with twice the room (at least 4) at the end of the
    /// array.
    #[inline(never)]
    fn grow(&mut self, j: usize) {
        let s = self.stretch[j];
        let room = s.room.saturating_mul(2).max(4);
        let start = self.data.len();
        let capacity = self.data.capacity();
        self.data
            .extend_from_within(s.start..s.start + s.len as usize);
        self.data.resize(start + room as usize, 0);
        if self.data.capacity() != capacity {
            crate::hugepages::advise(&self.data);
        }
        self.abandoned += s.room as usize;
        self.stretch[j] = Stretch {
            start,
            len: s.len,
            room,
        };
    }
}

/// The payrolls borrowed as two slices, for the batches (`batch.rs`): the compiler keeps the
/// slices' addresses in registers, where through `&mut Payrolls` it reloads them after every
/// store. A view cannot give a list more room: [`PayrollView::try_push`] reports a full
/// stretch, and the caller then pushes through [`Payrolls::push`] and takes a new view.
pub(crate) struct PayrollView<'a> {
    data: &'a mut [u32],
    stretch: &'a mut [Stretch],
}

impl Payrolls {
    /// The payrolls as a [`PayrollView`].
    #[inline(always)]
    pub(crate) fn view(&mut self) -> PayrollView<'_> {
        PayrollView {
            data: &mut self.data,
            stretch: &mut self.stretch,
        }
    }
}

impl PayrollView<'_> {
    /// Asks the CPU for the slots that removing position `pos` from firm `j`'s list touches:
    /// that position and the list's last.
    #[inline(always)]
    pub(crate) fn prefetch_removal(&self, j: usize, pos: usize) {
        let s = &self.stretch[j];
        if let Some(slot) = self.data.get(s.start + pos) {
            prefetch(slot);
        }
        if let Some(slot) = self.data.get((s.start + s.len as usize).wrapping_sub(1)) {
            prefetch(slot);
        }
    }

    /// The stretch of firm `j`, for a prefetch hint.
    #[inline(always)]
    pub(crate) fn stretch_of(&self, j: usize) -> &Stretch {
        &self.stretch[j]
    }

    /// The slot of position `pos` of firm `j`'s list (`pos` below the list's length).
    #[inline(always)]
    pub(crate) fn slot(&self, j: usize, pos: usize) -> &u32 {
        let s = &self.stretch[j];
        debug_assert!(pos < s.len as usize);
        &self.data[s.start + pos]
    }

    /// As [`Payrolls::next_slot`].
    #[inline(always)]
    pub(crate) fn next_slot(&self, j: usize) -> Option<&u32> {
        let s = &self.stretch[j];
        if s.len < s.room {
            self.data.get(s.start + s.len as usize)
        } else {
            None
        }
    }

    /// Removes the worker at position `pos` of firm `j`'s list, moving the list's last worker
    /// into its place, and returns it.
    #[inline(always)]
    pub(crate) fn swap_remove(&mut self, j: usize, pos: usize) -> u32 {
        let s = &mut self.stretch[j];
        let list = &mut self.data[s.start..s.start + s.len as usize];
        let w = list[pos];
        list[pos] = list[list.len() - 1];
        s.len -= 1;
        w
    }

    /// Adds `w` to the end of firm `j`'s list if its stretch has room; returns false, and
    /// changes nothing, if it has none.
    #[inline(always)]
    pub(crate) fn try_push(&mut self, j: usize, w: u32) -> bool {
        let s = &mut self.stretch[j];
        if s.len == s.room {
            return false;
        }
        self.data[s.start + s.len as usize] = w;
        s.len += 1;
        true
    }
}

impl Index<usize> for Payrolls {
    type Output = [u32];

    /// Firm `j`'s list.
    #[inline(always)]
    fn index(&self, j: usize) -> &[u32] {
        let s = self.stretch[j];
        &self.data[s.start..s.start + s.len as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_grow_and_move_without_losing_workers() {
        let mut p = Payrolls::default();
        for _ in 0..3 {
            p.add_firm();
        }
        p.allocate(|j| j as u32);
        let mut expected: Vec<Vec<u32>> = vec![Vec::new(); 3];
        // Enough pushes to outgrow every stretch many times.
        for k in 0..20_000u32 {
            let j = (k % 3) as usize;
            p.push(j, k);
            expected[j].push(k);
            if k % 7 == 0 {
                let pos = (k as usize / 7) % expected[j].len();
                assert_eq!(p.swap_remove(j, pos), expected[j].swap_remove(pos));
            }
        }
        for j in 0..3 {
            assert_eq!(&p[j], expected[j].as_slice());
        }
        // Abandoned stretches stay below half the array, and every slot is accounted for.
        assert!(2 * p.abandoned < p.data.len());
        let rooms: usize = p.stretch.iter().map(|s| s.room as usize).sum();
        assert_eq!(rooms + p.abandoned, p.data.len());
        assert_eq!(p.iter().map(<[u32]>::len).sum::<usize>(), 17_142);
    }

    #[test]
    fn next_slot_is_where_the_next_push_goes() {
        let mut p = Payrolls::default();
        p.add_firm();
        p.add_firm();
        p.allocate(|_| 2);
        p.push(1, 7);
        assert!(std::ptr::eq(p.next_slot(1).unwrap(), &p.data[3]));
        p.push(1, 8);
        assert!(p.next_slot(1).is_none());
        assert_eq!(&p[1], &[7, 8]);
        assert!(p[0].is_empty());
    }
}
