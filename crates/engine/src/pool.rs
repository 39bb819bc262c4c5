//! The pool of unemployed job seekers of one local market: a list with holes, so that a worker
//! leaving it moves nobody else.
//!
//! Each unemployed worker records its position in its pool (`Worker::slot`). In a list kept
//! dense by swap-removal, every removal moves another worker and so writes that worker's
//! record too: a second random memory access per hire, the most frequent transition
//! (`docs/performance.md`). Here a removal leaves a hole, and a worker entering takes the
//! lowest hole. Within a phase the holes are so filled in increasing position order, so the
//! writes sweep through the list instead of jumping about it. Uniform draws reject holes;
//! [`Pool::compact`] closes the holes when they outnumber the members (matching checks before
//! every round of draws), so a draw takes fewer than two tries on average when a round
//! starts, and compaction costs at most one move per removal since the last one.

use crate::rng::SimRng;
use rand::RngExt;

/// Marks an empty position of a pool.
pub const HOLE: u32 = u32::MAX;

/// The unemployed job seekers of one market, at fixed positions.
#[derive(Clone, Debug, Default)]
pub struct Pool {
    /// Worker at each position, or [`HOLE`].
    entries: Vec<u32>,
    /// Bit `i % 64` of word `i / 64` is set when position `i` is a hole; one word per 64
    /// positions.
    hole_bits: Vec<u64>,
    /// Number of holes.
    holes: usize,
    /// No word below this one has a hole bit set.
    first_hole_word: usize,
}

impl Pool {
    /// Number of members.
    #[inline]
    pub fn len(&self) -> usize {
        self.entries.len() - self.holes
    }

    /// True when the pool has no members.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of positions, members and holes together.
    #[inline]
    pub fn span(&self) -> usize {
        self.entries.len()
    }

    /// The worker at each position, [`HOLE`] where there is none.
    #[inline]
    pub fn entries(&self) -> &[u32] {
        &self.entries
    }

    /// The member at `slot`, if there is one.
    #[inline]
    pub fn get(&self, slot: usize) -> Option<u32> {
        self.entries.get(slot).copied().filter(|&w| w != HOLE)
    }

    /// The members, in position order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.entries.iter().copied().filter(|&w| w != HOLE)
    }

    /// True when position `slot` (below the span) is a hole.
    #[inline(always)]
    fn is_hole(&self, slot: usize) -> bool {
        self.hole_bits[slot / 64] >> (slot % 64) & 1 == 1
    }

    /// Adds worker `w` in the lowest hole (or at the end); returns the position.
    #[inline(always)]
    pub(crate) fn insert(&mut self, w: u32) -> u32 {
        debug_assert_ne!(w, HOLE);
        if self.holes == 0 {
            let slot = self.entries.len();
            self.entries.push(w);
            if slot % 64 == 0 {
                self.hole_bits.push(0);
            }
            return slot as u32;
        }
        let mut k = self.first_hole_word;
        while self.hole_bits[k] == 0 {
            k += 1;
        }
        self.first_hole_word = k;
        let bits = self.hole_bits[k];
        self.hole_bits[k] = bits & (bits - 1);
        self.holes -= 1;
        let slot = k * 64 + bits.trailing_zeros() as usize;
        debug_assert_eq!(self.entries[slot], HOLE);
        self.entries[slot] = w;
        slot as u32
    }

    /// Removes the member at `slot` (which must hold one) and returns it; nobody else moves.
    #[inline(always)]
    pub(crate) fn remove(&mut self, slot: u32) -> u32 {
        let slot = slot as usize;
        let w = std::mem::replace(&mut self.entries[slot], HOLE);
        debug_assert_ne!(w, HOLE, "removal from an empty position");
        self.hole_bits[slot / 64] |= 1 << (slot % 64);
        self.holes += 1;
        self.first_hole_word = self.first_hole_word.min(slot / 64);
        w
    }

    /// A position drawn uniformly among the members' (the pool must not be empty, or this
    /// never returns): uniform positions, holes rejected.
    #[inline]
    pub(crate) fn draw(&self, rng: &mut SimRng) -> u32 {
        debug_assert!(!self.is_empty());
        let span = self.entries.len() as u32;
        loop {
            let q = rng.random_range(0..span);
            if !self.is_hole(q as usize) {
                return q;
            }
        }
    }

    /// True when holes outnumber members, so that [`Pool::compact`] is due.
    #[inline]
    pub(crate) fn needs_compaction(&self) -> bool {
        self.holes > self.len()
    }

    /// Closes every hole: the last members move into the holes below the new end, and
    /// `moved(worker, slot)` is told each member's new position.
    pub(crate) fn compact(&mut self, mut moved: impl FnMut(u32, u32)) {
        let end = self.len();
        let mut from = self.entries.len();
        for slot in 0..end {
            if self.entries[slot] != HOLE {
                continue;
            }
            // The last member at or beyond `end` fills the hole: there are exactly as many
            // such members as holes below `end`.
            from -= 1;
            while self.entries[from] == HOLE {
                from -= 1;
            }
            let w = self.entries[from];
            self.entries[slot] = w;
            moved(w, slot as u32);
        }
        self.entries.truncate(end);
        self.hole_bits.clear();
        self.hole_bits.resize(end.div_ceil(64), 0);
        self.holes = 0;
        self.first_hole_word = 0;
    }

    /// Checks that the hole bits and count name exactly the empty positions.
    pub fn check(&self) -> Result<(), String> {
        if self.hole_bits.len() != self.entries.len().div_ceil(64) {
            return Err(format!(
                "{} hole words for {} positions",
                self.hole_bits.len(),
                self.entries.len()
            ));
        }
        let mut empty = 0;
        for (slot, &w) in self.entries.iter().enumerate() {
            if (w == HOLE) != self.is_hole(slot) {
                return Err(format!("position {slot}: hole bit and entry disagree"));
            }
            if w == HOLE {
                empty += 1;
                if slot / 64 < self.first_hole_word {
                    return Err(format!("hole {slot} below the first hole word"));
                }
            }
        }
        let beyond = self.entries.len() % 64;
        if beyond != 0 && self.hole_bits.last().is_some_and(|&b| b >> beyond != 0) {
            return Err("hole bits set beyond the last position".to_string());
        }
        if empty != self.holes {
            return Err(format!(
                "{empty} empty positions but {} counted holes",
                self.holes
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{Phase, stream};

    fn members(p: &Pool) -> Vec<u32> {
        let mut v: Vec<u32> = p.iter().collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn removal_moves_nobody_and_insertion_fills_the_lowest_hole() {
        let mut p = Pool::default();
        for w in 0..200 {
            p.insert(w);
        }
        assert_eq!(p.remove(150), 150);
        assert_eq!(p.remove(1), 1);
        assert_eq!(p.remove(70), 70);
        p.check().unwrap();
        assert_eq!(p.len(), 197);
        assert_eq!(p.span(), 200);
        assert_eq!(p.get(1), None);
        assert_eq!(p.get(199), Some(199));
        assert_eq!(p.insert(1000), 1);
        assert_eq!(p.insert(1001), 70);
        assert_eq!(p.insert(1002), 150);
        assert_eq!(p.insert(1003), 200);
        assert_eq!(p.get(70), Some(1001));
        p.check().unwrap();
    }

    #[test]
    fn compaction_closes_holes_and_reports_every_move() {
        let mut p = Pool::default();
        for w in 0..10 {
            p.insert(w);
        }
        for slot in [0, 2, 3, 5, 7, 9] {
            p.remove(slot);
        }
        p.check().unwrap();
        assert!(p.needs_compaction());
        let before = members(&p);
        let mut moves = Vec::new();
        p.compact(|w, slot| moves.push((w, slot)));
        p.check().unwrap();
        assert_eq!(members(&p), before);
        assert_eq!(p.span(), 4);
        for (w, slot) in moves {
            assert_eq!(p.get(slot as usize), Some(w));
        }
        for slot in 0..4 {
            assert!(p.get(slot).is_some());
        }
    }

    #[test]
    fn draws_are_uniform_over_members() {
        let mut p = Pool::default();
        for w in 0..8 {
            p.insert(w);
        }
        for slot in [1, 2, 6] {
            p.remove(slot);
        }
        let mut rng = stream(1, 0, 0, Phase::Matching, 0);
        let mut hits = [0u32; 8];
        let n = 50_000;
        for _ in 0..n {
            let q = p.draw(&mut rng);
            hits[p.get(q as usize).unwrap() as usize] += 1;
        }
        for (w, &h) in hits.iter().enumerate() {
            if [1, 2, 6].contains(&w) {
                assert_eq!(h, 0);
            } else {
                // Expected n/5 = 10,000 each; the standard deviation is about 89.
                assert!((h as i32 - 10_000).abs() < 500, "worker {w}: {h}");
            }
        }
    }
}
