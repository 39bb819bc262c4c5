//! Matched controls for displaced workers: for each displaced worker, one comparable worker who
//! was not displaced, so that earnings losses are measured as the literature measures them
//! (displaced against comparable non-displaced workers, calibration: B1–B3), not against the
//! worker's own earlier wage.
//!
//! A control is drawn in the month of the displacement from the payrolls of firms that are
//! neither closing nor shedding labour (active, headcount at or below target), other than the
//! firm displaced from: same occupation, same five-year age band and same tenure band (under 2,
//! 2–5, 5–10, 10 or more years), from the same sector where such a worker is found, otherwise
//! from any sector. Draws are with replacement, firms weighted by headcount, at most
//! [`TRIES_SAME_SECTOR`] then [`TRIES_ANY_SECTOR`] tries; a displaced worker without a match
//! has no control and is left out of the comparison. Each displacement draws from its own
//! stream, keyed by the worker's stable id.
//!
//! The cost per month is proportional to the month's displacements (and one pass over the firms
//! in a month with any), not to the population; the draws run in parallel.

use rand::RngExt;
use rayon::prelude::*;

use crate::calendar::Month;
use crate::prefetch::prefetch;
use crate::rng::{MonthStreams, Phase};
use crate::state::{Displacement, Economy, FirmStatus, NO_FIRM, Status};

/// Marks "no control found".
pub const NO_CONTROL: u32 = u32::MAX;
/// Tries in the sector displaced from.
pub const TRIES_SAME_SECTOR: u32 = 200;
/// Further tries in any sector.
pub const TRIES_ANY_SECTOR: u32 = 400;

/// Tries drawn and prefetched at a time (the records of a batch load together).
const BATCH: u32 = 16;

/// Tenure band of a job that started `months` months ago: 0 (under 2 years), 1 (2–5), 2
/// (5–10), 3 (10 or more).
pub fn tenure_band(months: i32) -> u8 {
    match months {
        i32::MIN..=23 => 0,
        24..=59 => 1,
        60..=119 => 2,
        _ => 3,
    }
}

/// Firms weighted by headcount, for drawing a random payroll worker.
struct Candidates {
    /// Eligible firms and the cumulative headcount up to and including each.
    firms: Vec<(u32, u64)>,
}

impl Candidates {
    fn total(&self) -> u64 {
        self.firms.last().map_or(0, |&(_, c)| c)
    }

    /// The firm holding payroll slot `k` of the concatenated payrolls, and the position in it.
    fn locate(&self, k: u64) -> (usize, usize) {
        let i = self.firms.partition_point(|&(_, c)| c <= k);
        let before = if i == 0 { 0 } else { self.firms[i - 1].1 };
        (self.firms[i].0 as usize, (k - before) as usize)
    }
}

/// Draws controls for the displacements `eco.displaced[controls.len()..]` (those of this
/// month) and appends them to `controls`.
pub(crate) fn match_controls(eco: &Economy, streams: &MonthStreams, controls: &mut Vec<u32>) {
    let new = controls.len()..eco.displaced.len();
    if new.is_empty() {
        return;
    }
    let f = &eco.firms;
    let n_sectors = eco.n_sectors;
    let mut by_sector: Vec<Candidates> = (0..n_sectors)
        .map(|_| Candidates { firms: Vec::new() })
        .collect();
    let mut all = Candidates { firms: Vec::new() };
    for j in 0..f.len() {
        let h = f.headcount(j);
        if f.status[j] != FirmStatus::Active || h == 0 || h > f.target[j] {
            continue;
        }
        let s = &mut by_sector[f.sector[j] as usize];
        let c = s.total() + u64::from(h);
        s.firms.push((j as u32, c));
        let c = all.total() + u64::from(h);
        all.firms.push((j as u32, c));
    }
    // Each displacement draws from its own stream: in parallel, collected in order, so the
    // controls are the same for any number of threads.
    let drawn: Vec<u32> = eco.displaced[new]
        .par_iter()
        .with_min_len(64)
        .map(|d| draw(eco, streams, d, &by_sector[d.sector as usize], &all))
        .collect();
    controls.extend(drawn);
}

fn draw(
    eco: &Economy,
    streams: &MonthStreams,
    d: &Displacement,
    same_sector: &Candidates,
    all: &Candidates,
) -> u32 {
    let t: Month = d.month;
    let age_band = eco.workers.age_years(d.worker, t) / 5;
    let tenure = tenure_band(t.since(d.job_start));
    let rng = &mut streams.of(Phase::Controls, eco.workers.id[d.worker as usize]);
    let mut batch: Vec<u32> = Vec::with_capacity(BATCH as usize);
    let mut slots: Vec<&u32> = Vec::with_capacity(BATCH as usize);
    for (pool, tries) in [(same_sector, TRIES_SAME_SECTOR), (all, TRIES_ANY_SECTOR)] {
        let total = pool.total();
        if total == 0 {
            continue;
        }
        // Tries are drawn a batch at a time and their records prefetched, then checked in
        // order; draws past the first match are never used (the stream is this
        // displacement's own), so the control is the one the tries give one at a time.
        let mut left = tries;
        while left > 0 {
            let n = left.min(BATCH);
            left -= n;
            slots.clear();
            for _ in 0..n {
                let (j, pos) = pool.locate(rng.random_range(0..total));
                if j == d.firm as usize {
                    continue;
                }
                let slot = &eco.firms.employees[j][pos];
                prefetch(slot);
                slots.push(slot);
            }
            batch.clear();
            for &&w in &slots {
                prefetch(&eco.workers.rec[w as usize]);
                batch.push(w);
            }
            for &w in &batch {
                let r = &eco.workers.rec[w as usize];
                if r.status == Status::Employed
                    && r.employer != NO_FIRM
                    && r.occupation == d.occupation
                    && eco.workers.age_years(w, t) / 5 == age_band
                    && tenure_band(t.since(r.since)) == tenure
                {
                    return w;
                }
            }
        }
    }
    NO_CONTROL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenure_bands_have_the_documented_bounds() {
        assert_eq!(tenure_band(0), 0);
        assert_eq!(tenure_band(23), 0);
        assert_eq!(tenure_band(24), 1);
        assert_eq!(tenure_band(59), 1);
        assert_eq!(tenure_band(60), 2);
        assert_eq!(tenure_band(119), 2);
        assert_eq!(tenure_band(120), 3);
    }
}
