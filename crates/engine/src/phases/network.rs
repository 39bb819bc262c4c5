//! The search network: how job seekers of one local market (region × occupation) spread their
//! search over markets, from regional accessibility and occupational similarity.
//!
//! The weight of market `m` for a seeker of market `s` is accessibility(region s → region m)
//! × similarity(occupation s → occupation m). With identity matrices every seeker searches only
//! its own market: the DMP reference case.

use rayon::prelude::*;

use crate::params::Params;

/// Firms a parallel task of on-the-job search takes (reason: a few milliseconds of work each).
const FIRMS_PER_TASK: usize = 2048;

/// Search weights between markets, fixed for a run.
#[derive(Clone, Debug)]
pub struct SearchNetwork {
    /// Number of markets.
    pub n_markets: usize,
    /// Row-normalised share of a seeker's search effort from source (row) to target (column).
    pub share: Vec<f64>,
    /// Raw weight (accessibility × similarity) from source (row) to target (column).
    pub weight: Vec<f64>,
    /// For each target market, the source markets with a positive share.
    pub sources: Vec<Vec<usize>>,
    /// Region of each market.
    pub region: Vec<u16>,
    /// Occupation of each market.
    pub occupation: Vec<u16>,
}

impl SearchNetwork {
    /// Builds the network from the parameters.
    pub fn new(params: &Params) -> SearchNetwork {
        let n_r = params.regions.len();
        let n_o = params.occupations.len();
        let n = n_r * n_o;
        let mut weight = vec![0.0; n * n];
        let mut region = vec![0u16; n];
        let mut occupation = vec![0u16; n];
        for s in 0..n {
            let (rs, os) = (s / n_o, s % n_o);
            region[s] = rs as u16;
            occupation[s] = os as u16;
            for m in 0..n {
                let (rm, om) = (m / n_o, m % n_o);
                weight[s * n + m] =
                    params.accessibility[rs * n_r + rm] * params.similarity[os * n_o + om];
            }
        }
        let mut share = weight.clone();
        for s in 0..n {
            let row = &mut share[s * n..(s + 1) * n];
            let total: f64 = row.iter().sum();
            if total > 0.0 {
                row.iter_mut().for_each(|x| *x /= total);
            }
        }
        let sources = (0..n)
            .map(|m| (0..n).filter(|&s| share[s * n + m] > 0.0).collect())
            .collect();
        SearchNetwork {
            n_markets: n,
            share,
            weight,
            sources,
            region,
            occupation,
        }
    }
}

/// Workers under notice who search on the job, per market of their residence and occupation:
/// full-hours and short-time workers of firms under closure notice, and workers given notice
/// of layoff (trainees do not search).
pub fn notice_searchers(eco: &crate::state::Economy) -> Vec<Vec<u32>> {
    use crate::state::{FirmStatus, Status};
    let mut lists = vec![Vec::new(); eco.pools.len()];
    for (&w, _) in eco.notices.iter() {
        let r = &eco.workers.rec[w as usize];
        if eco.notice_of(w).is_some()
            && eco.firms.status[r.employer as usize] == FirmStatus::Active
            && matches!(r.status, Status::Employed | Status::ShortTime)
        {
            lists[eco.market(r.region, r.occupation)].push(w);
        }
    }
    for j in 0..eco.firms.len() {
        if eco.firms.status[j] != FirmStatus::Noticed {
            continue;
        }
        for &w in &eco.firms.employees[j] {
            let i = w as usize;
            if matches!(
                eco.workers.rec[i].status,
                Status::Employed | Status::ShortTime
            ) {
                lists[eco.market(eco.workers.rec[i].region, eco.workers.rec[i].occupation)].push(w);
            }
        }
    }
    lists
}

/// Employed workers who search on the job this month, per market of their residence and
/// occupation: at each producing firm, each full-hours worker independently with probability
/// `p`. Cost follows the searchers, not the workforce: the number of searchers of a firm is one
/// binomial draw from the firm's stream, and only that many payroll positions are visited.
pub fn on_the_job_searchers(
    eco: &crate::state::Economy,
    p: f64,
    streams: &crate::rng::MonthStreams,
) -> Vec<Vec<u32>> {
    use crate::rng::Phase;
    use crate::state::{FirmStatus, Status};
    use rand_distr::{Binomial, Distribution};
    let mut lists = vec![Vec::new(); eco.pools.len()];
    if p <= 0.0 {
        return lists;
    }
    // Firms draw in parallel chunks, each firm from its own stream; the chunks' searchers are
    // put into the lists in firm order, so the lists are the same for any number of threads.
    let firms: Vec<usize> = (0..eco.firms.len()).collect();
    let found: Vec<Vec<(u32, u32)>> = firms
        .par_chunks(FIRMS_PER_TASK)
        .map(|chunk| {
            let mut found = Vec::new();
            let mut picked: Vec<u32> = Vec::new();
            for &j in chunk {
                let h = eco.firms.headcount(j) as usize;
                if h == 0 || eco.firms.status[j] != FirmStatus::Active {
                    continue;
                }
                let rng = &mut streams.of(Phase::OnTheJob, j as u64);
                let n = Binomial::new(h as u64, p)
                    .expect("validated probability")
                    .sample(rng) as usize;
                if n == 0 {
                    continue;
                }
                let payroll = &eco.firms.employees[j];
                // The sampled workers' records are scattered: start loading them all, then
                // read them (a hint only; the misses overlap instead of queueing).
                picked.clear();
                picked.extend(
                    rand::seq::index::sample(rng, h, n)
                        .iter()
                        .map(|pos| payroll[pos]),
                );
                for &w in &picked {
                    crate::prefetch::prefetch(&eco.workers.rec[w as usize]);
                }
                for &w in &picked {
                    let r = &eco.workers.rec[w as usize];
                    // Workers under notice search as such (`notice_searchers`), not here.
                    if r.status == Status::Employed && eco.notice_of(w).is_none() {
                        found.push((eco.market(r.region, r.occupation) as u32, w));
                    }
                }
            }
            found
        })
        .collect();
    for (m, w) in found.into_iter().flatten() {
        lists[m as usize].push(w);
    }
    lists
}
