//! Aggregate matching: a Cobb-Douglas matching function per local market, the textbook DMP
//! case (`dmp-reference.md`).
//!
//! In market `m` with effective job seekers `U` and open vacancies `V`, the month's hires are
//! `H = min(U, V, floor(x) + Bernoulli(x - floor(x)))` with `x = μ U^α V^(1-α)`. Each hire takes a
//! distinct job seeker (unemployed, weighted by search intensity, or under closure notice)
//! and a distinct vacancy ticket (a firm with `v` open vacancies holds `v` tickets), both
//! uniformly among those left. Seekers of other markets
//! count with their search share (see `network`); with identity matrices this is exactly the
//! reference model. Markets are visited in a random order each month; each market draws from
//! its own stream.
//!
//! Reads: pools, notice lists, vacancies. Writes: hires through `Economy::hire`.

use rand::RngExt;
use rand::seq::SliceRandom;

use crate::batch::Hire;
use crate::params::{OccupationId, Params};
use crate::phases::network::{SearchNetwork, notice_searchers};
use crate::phases::vacancies::MarketVacancies;
use crate::pool::HOLE;
use crate::prefetch::prefetch;
use crate::rng::{MONTH_WIDE, MonthStreams, Phase, SimRng};
use crate::state::{Economy, UNIT_INTENSITY};

/// Working memory of the aggregate matching, reused from month to month.
#[derive(Default)]
pub struct Scratch {
    /// One entry per open vacancy of the market being matched: the firm that posted it.
    tickets: Vec<u32>,
    /// Pool positions drawn for the market's hires, holes included, in draw order.
    draws: Vec<u32>,
    /// The market's hires, in draw order.
    hires: Vec<Hire>,
}

/// Stochastic rounding: `floor(x) + Bernoulli(x - floor(x))`, so the mean is `x`.
pub fn stochastic_round(x: f64, rng: &mut SimRng) -> u64 {
    let base = x.floor();
    let frac = x - base;
    base as u64 + u64::from(frac > 0.0 && rng.random_bool(frac.clamp(0.0, 1.0)))
}

/// Runs aggregate matching for the month.
pub fn run(
    eco: &mut Economy,
    params: &Params,
    net: &SearchNetwork,
    vacancies: &[MarketVacancies],
    streams: &MonthStreams,
    scratch: &mut Scratch,
) {
    let nu = params.matching.notice_search_intensity;
    let mut notice = if nu > 0.0 {
        notice_searchers(eco)
    } else {
        vec![Vec::new(); eco.pools.len()]
    };
    let (mu, alpha) = (params.matching.efficiency, params.matching.elasticity);
    let unit = f64::from(UNIT_INTENSITY);
    let n = net.n_markets;
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut streams.of(Phase::Matching, MONTH_WIDE));
    for &m in &order {
        let rng = &mut streams.of(Phase::Matching, m as u64);
        let vac = &vacancies[m];
        let v_total: u64 = vac.iter().map(|&(_, _, c)| u64::from(c)).sum();
        if v_total == 0 {
            continue;
        }
        let sources = &net.sources[m];
        let weight = |eco: &Economy, notice: &[Vec<u32>], s: usize| {
            net.share[s * n + m]
                * (eco.pool_intensity[s] as f64 / unit + nu * notice[s].len() as f64)
        };
        let u_eff: f64 = sources.iter().map(|&s| weight(eco, &notice, s)).sum();
        if u_eff <= 0.0 {
            continue;
        }
        let expected =
            mu * eco.market_efficiency[m] * u_eff.powf(alpha) * (v_total as f64).powf(1.0 - alpha);
        let available: u64 = sources
            .iter()
            .map(|&s| eco.pools[s].len() as u64 + if nu > 0.0 { notice[s].len() as u64 } else { 0 })
            .sum();
        let hires = stochastic_round(expected, rng).min(v_total).min(available);
        // One ticket per open vacancy (its firm); a hire takes a ticket uniformly among those
        // left (partial Fisher-Yates: swap the drawn ticket to the end, shrink). Every
        // vacancy of a market is for the market's occupation.
        let occupation = vac[0].1;
        debug_assert!(vac.iter().all(|&(_, o, _)| o == occupation));
        fill_tickets(&mut scratch.tickets, vac, v_total as usize);
        let single = sources.len() == 1 && eco.pool_nonunit[sources[0]] == 0;
        if single && (nu == 0.0 || notice[sources[0]].is_empty()) {
            hire_from_one_pool(eco, sources[0], hires, occupation, scratch, rng);
            continue;
        }
        for _ in 0..hires {
            // The source market, in proportion to its remaining weighted seekers.
            let s = if sources.len() == 1 {
                sources[0]
            } else {
                let total: f64 = sources.iter().map(|&s| weight(eco, &notice, s)).sum();
                if total <= 0.0 {
                    break;
                }
                let mut u = rng.random::<f64>() * total;
                let mut pick = sources[sources.len() - 1];
                for &s in sources {
                    let w = weight(eco, &notice, s);
                    if u < w {
                        pick = s;
                        break;
                    }
                    u -= w;
                }
                pick
            };
            let w_unemployed = eco.pool_intensity[s] as f64 / unit;
            let w_notice = nu * notice[s].len() as f64;
            if w_unemployed + w_notice <= 0.0 {
                break;
            }
            let worker = if w_notice > 0.0
                && rng.random::<f64>() * (w_unemployed + w_notice) >= w_unemployed
            {
                let idx = below(rng, notice[s].len());
                notice[s].swap_remove(idx)
            } else {
                eco.compact_pool(s);
                pick_unemployed(eco, s, rng)
            };
            prefetch(&eco.workers.rec[worker as usize]);
            hire_into_a_vacancy(eco, worker, occupation, &mut scratch.tickets, rng);
        }
    }
}

/// `hires` hires from pool `s` alone, everyone with the normal intensity: the common case (the
/// DMP reference model among others), with the same distribution as the general loop: each
/// hire takes a worker uniformly among those left and a ticket uniformly among those left.
///
/// The draws are made first: each drawn worker leaves its pool's list at once (nobody else
/// moves, see `pool.rs`), then each hire's ticket is swapped to the end of the ticket list
/// (partial Fisher–Yates). The hires are then made as one batch, which asks for the records
/// and payrolls the next hires will touch several hires ahead.
fn hire_from_one_pool(
    eco: &mut Economy,
    s: usize,
    hires: u64,
    occupation: OccupationId,
    scratch: &mut Scratch,
    rng: &mut SimRng,
) {
    let Scratch {
        tickets,
        draws,
        hires: chosen,
    } = scratch;
    let n_tickets = tickets.len();
    let hires = (hires as usize).min(eco.pools[s].len()).min(n_tickets);
    // 1. Who is hired: uniform positions, holes (and workers already drawn) rejected, as in
    //    `Pool::draw`. The positions are drawn a round at a time so that the entries they
    //    name can be fetched ahead; each rejected position is replaced by a draw in the next
    //    round. Between rounds the pool is compacted once holes outnumber members (the drawn
    //    workers are out of it already), so that a market that hires most of its pool does
    //    not draw mostly holes. Each accepted draw is uniform among the members left.
    const AHEAD: usize = 16;
    chosen.clear();
    while chosen.len() < hires {
        eco.compact_pool(s);
        let pool = &mut eco.pools[s];
        let span = pool.span() as u32;
        draws.clear();
        draws.extend((chosen.len()..hires).map(|_| rng.random_range(0..span)));
        for (k, &q) in draws.iter().enumerate() {
            if let Some(&ahead) = draws.get(k + AHEAD) {
                prefetch(&pool.entries()[ahead as usize]);
            }
            if pool.entries()[q as usize] != HOLE {
                chosen.push(Hire {
                    worker: pool.remove(q),
                    firm: 0,
                    occupation,
                });
            }
        }
    }
    // 2. Into which vacancies: partial Fisher–Yates on the tickets. The k-th hire pairs the
    //    k-th worker drawn with the k-th ticket drawn.
    let open = &mut tickets[..];
    for (h, last) in chosen.iter_mut().zip((n_tickets - hires..n_tickets).rev()) {
        let q = below(rng, last + 1);
        open.swap(q, last);
        h.firm = open[last];
    }
    tickets.truncate(n_tickets - hires);
    eco.hire_batch(chosen);
}

/// Fills `tickets` with one entry per open vacancy of `vac` (`total` of them): each firm's
/// entries in a row, in the order of `vac`.
///
/// Most firms post a few vacancies; a copy per firm of varying length mispredicts its loop
/// exit about once a firm. Instead each firm writes a fixed block of `BLOCK` (8) entries (one
/// or two vector stores) and the next firm starts where its own entries end, overwriting the
/// rest; only firms with more than `BLOCK` vacancies loop.
fn fill_tickets(tickets: &mut Vec<u32>, vac: &[(u32, OccupationId, u32)], total: usize) {
    const BLOCK: usize = 8;
    // Every entry below `total` is written below; the old contents need no clearing.
    if tickets.len() < total + BLOCK {
        tickets.resize(total + BLOCK, 0);
    }
    let mut at = 0;
    for &(firm, _, c) in vac {
        let c = c as usize;
        if c <= BLOCK {
            tickets[at..at + BLOCK].fill(firm);
        } else {
            tickets[at..at + c].fill(firm);
        }
        at += c;
    }
    debug_assert_eq!(at, total);
    tickets.truncate(total);
}

/// A uniform draw from `0..n` (`n` at least 1).
#[inline]
fn below(rng: &mut SimRng, n: usize) -> usize {
    debug_assert!(n >= 1 && n <= u32::MAX as usize);
    rng.random_range(0..n as u32) as usize
}

/// Hires `worker` (of pool `s`, or under notice) into a vacancy for `occupation`, its ticket
/// drawn uniformly among those left. Starts loading the firm's payroll tail, where the hire
/// goes.
fn hire_into_a_vacancy(
    eco: &mut Economy,
    worker: u32,
    occupation: OccupationId,
    tickets: &mut Vec<u32>,
    rng: &mut SimRng,
) {
    let firm = tickets.swap_remove(below(rng, tickets.len())) as usize;
    if let Some(slot) = eco.firms.employees.next_slot(firm) {
        prefetch(slot);
    }
    eco.hire(worker, firm, occupation);
}

/// A job seeker of pool `s`, drawn in proportion to search intensity (rejection sampling; with
/// equal intensities every draw is accepted, so the draw is uniform).
fn pick_unemployed(eco: &Economy, s: usize, rng: &mut SimRng) -> u32 {
    let pool = &eco.pools[s];
    if eco.pool_nonunit[s] == 0 {
        // Everyone searches with the normal intensity: a uniform draw, no record to read.
        return pool.entries()[pool.draw(rng) as usize];
    }
    let max = f64::from(eco.pool_max_intensity[s]);
    loop {
        let w = pool.entries()[pool.draw(rng) as usize];
        let intensity = f64::from(eco.workers.rec[w as usize].intensity);
        if intensity >= max || rng.random::<f64>() * max < intensity {
            return w;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickets_hold_each_firm_once_per_vacancy_in_order() {
        // Firms with no, few, exactly a block of, just over a block of and many vacancies.
        let vac: Vec<(u32, OccupationId, u32)> =
            [(7, 0), (3, 3), (9, 8), (4, 9), (1, 1), (5, 20), (2, 0)]
                .iter()
                .map(|&(firm, c)| (firm, 0, c))
                .collect();
        let total: u32 = vac.iter().map(|v| v.2).sum();
        let mut expected = Vec::new();
        for &(firm, _, c) in &vac {
            expected.extend(std::iter::repeat_n(firm, c as usize));
        }
        // Reused scratch space with stale contents must not leak into the tickets.
        let mut tickets = vec![99; 100];
        fill_tickets(&mut tickets, &vac, total as usize);
        assert_eq!(tickets, expected);
        fill_tickets(&mut tickets, &vac[..2], 3);
        assert_eq!(tickets, vec![3, 3, 3]);
        fill_tickets(&mut tickets, &[], 0);
        assert!(tickets.is_empty());
    }
}
