//! Aggregate matching: a Cobb-Douglas matching function per local market, the textbook DMP
//! case (`dmp-reference.md`).
//!
//! In market `m` with effective job seekers `U` and open vacancies `V`, the month's hires are
//! `H = min(U, V, floor(x) + Bernoulli(x - floor(x)))` with `x = μ U^α V^(1-α)`. Each hire takes a
//! distinct job seeker (unemployed, weighted by search intensity, or under closure notice)
//! and a distinct vacancy ticket (a firm with `v` open vacancies holds `v` tickets), both
//! uniformly among those left. Seekers of other markets
//! count with their search share (see `network`); with identity matrices this is exactly the
//! reference model. Markets are visited in a random order each month.
//!
//! Reads: pools, notice lists, vacancies. Writes: hires through `Economy::hire`.

use rand::RngExt;
use rand::seq::SliceRandom;

use crate::batch::Hire;
use crate::params::Params;
use crate::phases::network::{SearchNetwork, notice_searchers};
use crate::phases::vacancies::MarketVacancies;
use crate::prefetch::prefetch;
use crate::rng::SimRng;
use crate::state::{Economy, Moved, UNIT_INTENSITY};

/// Working memory of the aggregate matching, reused from month to month.
#[derive(Default)]
pub struct Scratch {
    /// One entry per open vacancy of the market being matched (index of its vacancy entry).
    tickets: Vec<u32>,
    /// The pool positions drawn for the market's hires, in draw order.
    draws: Vec<u32>,
    /// Pool workers moved by the draws, and their new positions.
    moved: Vec<Moved>,
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
    rng: &mut SimRng,
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
    order.shuffle(rng);
    for &m in &order {
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
        // One ticket per open vacancy (index of its entry); a hire takes a ticket uniformly
        // among those left (partial Fisher-Yates: swap the drawn ticket to the end, shrink).
        let tickets = &mut scratch.tickets;
        tickets.clear();
        for (e, &(_, _, c)) in vac.iter().enumerate() {
            tickets.extend(std::iter::repeat_n(e as u32, c as usize));
        }
        let single = sources.len() == 1 && eco.pool_nonunit[sources[0]] == 0;
        if single && (nu == 0.0 || notice[sources[0]].is_empty()) {
            hire_from_one_pool(eco, sources[0], hires, vac, scratch, rng);
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
                pick_unemployed(eco, s, rng)
            };
            prefetch(&eco.workers.rec[worker as usize]);
            hire_into_a_vacancy(eco, worker, s, vac, &mut scratch.tickets, rng);
        }
    }
}

/// `hires` hires from pool `s` alone, everyone with the normal intensity: the common case (the
/// DMP reference model among others), with the same distribution as the general loop: each
/// hire takes a worker uniformly among those left and a ticket uniformly among those left.
///
/// The draws are made first, as partial Fisher–Yates shuffles that move the chosen workers to
/// the end of the pool and the chosen tickets to the end of the ticket list, in draw order.
/// The hires are then made from the ends inwards, so each hired worker is the pool's last
/// entry when it leaves (nothing moves), and the records and payrolls the next hires will
/// touch are asked for from memory several hires ahead.
fn hire_from_one_pool(
    eco: &mut Economy,
    s: usize,
    hires: u64,
    vac: &MarketVacancies,
    scratch: &mut Scratch,
    rng: &mut SimRng,
) {
    let Scratch {
        tickets,
        draws,
        moved,
        hires: chosen,
    } = scratch;
    let n = eco.pools[s].len();
    let n_tickets = tickets.len();
    let hires = (hires as usize).min(n).min(n_tickets);
    if hires == 0 {
        return;
    }
    // 1. Who is hired: the k-th draw ends at position n - 1 - k. The positions are drawn
    //    first, so that the pool entries they name can be fetched ahead. A worker swapped
    //    into the place of a drawn one gets its new slot; the slots are stored after the
    //    draws, with the records fetched ahead.
    const AHEAD: usize = 16;
    draws.clear();
    draws.extend((n - hires..n).rev().map(|last| below(rng, last + 1) as u32));
    let pool = &mut eco.pools[s];
    moved.clear();
    for (k, last) in (n - hires..n).rev().enumerate() {
        if let Some(&ahead) = draws.get(k + AHEAD) {
            prefetch(&pool[ahead as usize]);
        }
        let q = draws[k] as usize;
        if q != last {
            pool.swap(q, last);
            moved.push(Moved {
                worker: pool[q],
                slot: q as u32,
            });
        }
    }
    for k in 0..moved.len() {
        if let Some(ahead) = moved.get(k + AHEAD) {
            prefetch(&eco.workers.rec[ahead.worker as usize]);
        }
        eco.set_slot(Some(moved[k]));
    }
    // 2. Into which vacancies: the same on the tickets. The k-th hire pairs the k-th worker
    //    drawn with the k-th ticket drawn.
    chosen.clear();
    let pool = &eco.pools[s];
    for (k, last) in (n_tickets - hires..n_tickets).rev().enumerate() {
        let q = below(rng, last + 1);
        tickets.swap(q, last);
        let (firm, occupation, _) = vac[tickets[last] as usize];
        chosen.push(Hire {
            worker: pool[n - 1 - k],
            slot: (n - 1 - k) as u32,
            firm,
            occupation,
        });
    }
    tickets.truncate(n_tickets - hires);
    // 3. The hires, in draw order: each hired worker is then the last of its pool.
    eco.hire_batch(chosen);
}

/// A uniform draw from `0..n` (`n` at least 1).
#[inline]
fn below(rng: &mut SimRng, n: usize) -> usize {
    debug_assert!(n >= 1 && n <= u32::MAX as usize);
    rng.random_range(0..n as u32) as usize
}

/// Hires `worker` (of pool `s`, or under notice) into a vacancy ticket drawn uniformly among
/// those left. Starts loading what the hire will touch (the pool entry that swap-removal moves,
/// the firm's payroll tail) while the ticket is drawn.
fn hire_into_a_vacancy(
    eco: &mut Economy,
    worker: u32,
    s: usize,
    vac: &MarketVacancies,
    tickets: &mut Vec<u32>,
    rng: &mut SimRng,
) {
    if let Some(&last) = eco.pools[s].last() {
        prefetch(&eco.workers.rec[last as usize]);
    }
    let e = tickets.swap_remove(below(rng, tickets.len())) as usize;
    let (firm, occ, _) = vac[e];
    if let Some(tail) = eco.firms.employees[firm as usize].last() {
        prefetch(tail);
    }
    eco.hire(worker, firm as usize, occ);
}

/// A job seeker of pool `s`, drawn in proportion to search intensity (rejection sampling; with
/// equal intensities every draw is accepted, so the draw is uniform).
fn pick_unemployed(eco: &Economy, s: usize, rng: &mut SimRng) -> u32 {
    let pool = &eco.pools[s];
    if eco.pool_nonunit[s] == 0 {
        // Everyone searches with the normal intensity: a uniform draw, no record to read.
        return pool[below(rng, pool.len())];
    }
    let max = f64::from(eco.pool_max_intensity[s]);
    loop {
        let w = pool[below(rng, pool.len())];
        let intensity = f64::from(eco.workers.rec[w as usize].intensity);
        if intensity >= max || rng.random::<f64>() * max < intensity {
            return w;
        }
    }
}
