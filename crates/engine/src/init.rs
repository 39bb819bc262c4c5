//! The initial state: firms from the firm groups, workers spread over local markets in
//! proportion to the jobs there, firms filled within their market, the rest unemployed.
//!
//! For the DMP reference model this is exactly its start: N_k = N/K workers per segment,
//! firms filled in order up to min(N_k, F_k T).

use rand::RngExt;
use rand_distr::{Beta, Distribution, Geometric, LogNormal, Normal};

use crate::calendar::Month;
use crate::params::{Params, SizeDist};
use crate::rng::{Phase, SimRng, stream};
use crate::state::{Economy, FirmStatus, Status};
use crate::targets;

/// Monthly exit rate used to draw how long the initially unemployed have already been
/// unemployed (geometric). Reason: 0.1 lies between the EU average U→E rate (about 0.09 a month,
/// calibration: A10) and the shipped baseline's simulated rate (about 0.15), so the share of
/// long-term unemployed starts near its steady state.
pub const INITIAL_EXIT_RATE: f64 = 0.1;

/// Builds replication `replication`'s initial economy.
pub fn initial_economy(params: &Params, replication: u32) -> Economy {
    let mut rng = stream(params.seed, replication, 0, Phase::Init, 0);
    let mut eco = Economy::empty(params);
    create_firms(&mut eco, params, &mut rng);
    targets::update_targets(&mut eco, params);
    if let Some(pension) = params.demography.pension_age {
        let oldest = params
            .first_month()
            .plus(-(params.population.age_max as i32 + 1) * 12);
        let youngest = params
            .end()
            .plus(-(params.demography.entry_age as i32) * 12 + 12);
        eco.birth_base = oldest;
        eco.by_birth = vec![Vec::new(); youngest.since(oldest).max(0) as usize + 1];
        debug_assert!(pension >= params.population.age_max);
    }
    let per_market = populate(&mut eco, params, &mut rng);
    eco.entry_cdf = entry_cdf(&per_market);
    let cells = eco.wage_cells.len();
    for c in 0..cells {
        eco.initial_cell_employment[c] = eco.wage_cells[c].n;
        eco.last_cell_employment[c] = eco.wage_cells[c].n;
    }
    eco
}

fn create_firms(eco: &mut Economy, params: &Params, rng: &mut SimRng) {
    for (g, group) in params.firm_groups.iter().enumerate() {
        let councils = (group.works_council_share * f64::from(group.count)).round() as u32;
        let trainers = (group.training_share * f64::from(group.count)).round() as u32;
        let lognormal = match group.size {
            SizeDist::LogNormal { mean, sd } => {
                // Parameters of the underlying normal from the mean and sd of the log-normal.
                let s2 = (1.0 + (sd / mean).powi(2)).ln();
                Some(LogNormal::new(mean.ln() - s2 / 2.0, s2.sqrt()).expect("validated size"))
            }
            SizeDist::Fixed(_) => None,
        };
        for k in 0..group.count {
            let size = match (&group.size, &lognormal) {
                (SizeDist::Fixed(n), _) => f64::from(*n),
                (_, Some(d)) => d.sample(rng).round().max(1.0),
                _ => unreachable!(),
            };
            let f = &mut eco.firms;
            f.group.push(g as u16);
            f.sector.push(group.sector);
            f.region.push(group.region);
            f.cell.push(
                (group.region as usize * params.sectors.len() + group.sector as usize) as u32,
            );
            f.base_size.push(size as f32);
            f.target.push(0);
            f.employees.add_firm();
            // A firm's wage premium: log-normal around the group's wage with mean premium 1.
            // A group of one firm (a named works) pays its documented wage.
            let sd = params.wages.firm_premium_sd;
            let premium = if sd > 0.0 && group.count > 1 {
                let z: f64 = Normal::new(0.0, sd).expect("validated sd").sample(rng);
                (z - sd * sd / 2.0).exp()
            } else {
                1.0
            };
            let f = &mut eco.firms;
            f.wage_level.push((group.wage * premium) as f32);
            f.base_wage.push((group.wage * premium) as f32);
            f.capacity.push(1.0);
            f.idle_months.push(0);
            f.works_council.push(k < councils);
            f.trains.push(k < trainers);
            f.status.push(FirmStatus::Active);
            f.tech_factor.push(1.0);
            f.policy_factor.push(1.0);
            f.short_time.push(0);
            f.on_notice.push(0);
            f.hours_cut.push(0.0);
            f.short_time_holder.push(0);
            f.hours.push(1.0);
            f.vacancies.push(0);
        }
    }
}

/// Splits `total` into parts proportional to `weights` by largest remainder (ties to the
/// lower index), so the parts sum to `total` exactly.
pub fn largest_remainder(total: u64, weights: &[f64]) -> Vec<u64> {
    let sum: f64 = weights.iter().sum();
    if sum <= 0.0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut parts: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
    let assigned: u64 = parts.iter().sum();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = exact[a] - exact[a].floor();
        let rb = exact[b] - exact[b].floor();
        rb.partial_cmp(&ra)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    for &i in order.iter().take(total.saturating_sub(assigned) as usize) {
        parts[i] += 1;
    }
    parts
}

/// A Beta distribution with mean `mean` and standard deviation `sd` (method of moments);
/// `None` when `sd` is 0 (everyone gets the mean).
pub(crate) fn beta_sampler(mean: f64, sd: f64) -> Option<Beta<f64>> {
    if sd <= 0.0 {
        return None;
    }
    // Method of moments: mean m, variance v gives a + b = m(1-m)/v - 1.
    let k = mean * (1.0 - mean) / (sd * sd) - 1.0;
    Beta::new(mean * k, (1.0 - mean) * k).ok()
}

/// A propensity on [0, 1] drawn from `d` (or the mean), stored as 0–255.
pub(crate) fn propensity(d: &Option<Beta<f64>>, mean: f64, rng: &mut SimRng) -> u8 {
    let x = match d {
        Some(d) => d.sample(rng),
        None => mean,
    };
    // Rounded half up by add-and-truncate (`f64::round` is a library call on baseline x86-64);
    // the cast saturates, so values outside [0, 1] clamp to 0 and 255.
    (x * 255.0 + 0.5) as u8
}

/// Creates the initial workers, employed and unemployed; returns the number of workers
/// created in each market.
fn populate(eco: &mut Economy, params: &Params, rng: &mut SimRng) -> Vec<u64> {
    let n_markets = params.n_markets();
    // Jobs per firm and occupation (largest remainder of the target over the mix).
    let mut firm_jobs: Vec<Vec<(u16, u64)>> = Vec::with_capacity(eco.firms.len());
    let mut market_jobs = vec![0u64; n_markets];
    let mut market_wage = vec![(0.0f64, 0u64); n_markets];
    for j in 0..eco.firms.len() {
        let mix = &eco.group_mix[eco.firms.group[j] as usize];
        let shares: Vec<f64> = mix.iter().map(|&(_, s)| s).collect();
        let parts = largest_remainder(u64::from(eco.firms.target[j]), &shares);
        let jobs: Vec<(u16, u64)> = mix.iter().zip(parts).map(|(&(o, _), n)| (o, n)).collect();
        for &(o, n) in &jobs {
            let m = params.market(eco.firms.region[j], o);
            market_jobs[m] += n;
            market_wage[m].0 += f64::from(eco.firms.wage_level[j]) * n as f64;
            market_wage[m].1 += n;
        }
        firm_jobs.push(jobs);
    }
    let total_jobs: u64 = market_jobs.iter().sum();
    let n_workers = match params.population.count {
        Some(n) => u64::from(n),
        None => (total_jobs as f64 / (1.0 - params.population.initial_unemployment)).round() as u64,
    };
    let weights: Vec<f64> = market_jobs.iter().map(|&n| n as f64).collect();
    let per_market = largest_remainder(n_workers, &weights);
    // Allocated once at their initial size (payrolls with room for an eighth more), not grown
    // by doubling from nothing. Worker records grow again only with entrants, and then lose
    // the huge-page hint.
    eco.workers.rec.reserve_exact(n_workers as usize);
    eco.workers.id.reserve_exact(n_workers as usize);
    if params.benefits.enabled {
        eco.claims.reserve_exact(n_workers as usize);
    }
    crate::hugepages::advise(&eco.workers.rec);
    let targets = &eco.firms.target;
    eco.firms
        .employees
        .allocate(|j| targets[j].saturating_add(targets[j] / 8).saturating_add(1));

    let pop = &params.population;
    let skill = Normal::new(0.0, pop.skill_sd.max(0.0)).expect("validated skill sd");
    let learning = beta_sampler(pop.learning.0, pop.learning.1);
    let mobility = beta_sampler(pop.mobility.0, pop.mobility.1);
    let entry_age = params.demography.entry_age as i32;
    let start = params.first_month();
    let age_cdf = cumulative(&pop.age_band_weights);
    let mut market_workers: Vec<Vec<u32>> = per_market
        .iter()
        .map(|&n| Vec::with_capacity(n as usize))
        .collect();
    for (m, &n) in per_market.iter().enumerate() {
        let region = (m / params.occupations.len()) as u16;
        let occupation = (m % params.occupations.len()) as u16;
        for _ in 0..n {
            let age_months = initial_age_months(pop, &age_cdf, rng);
            let birth = start.plus(-age_months);
            let s = if pop.skill_sd > 0.0 {
                skill.sample(rng) as f32
            } else {
                0.0
            };
            let l = propensity(&learning, pop.learning.0, rng);
            let mo = propensity(&mobility, pop.mobility.0, rng);
            let id = eco.workers.len() as u64;
            let w = eco.push_worker(id, region, occupation, birth, s, (l, mo));
            market_workers[m].push(w);
        }
    }
    // Fill firms within their market, in firm order.
    let mut next = vec![0usize; n_markets];
    for (j, jobs) in firm_jobs.iter().enumerate() {
        for &(o, n) in jobs {
            let m = params.market(eco.firms.region[j], o);
            for _ in 0..n {
                let Some(&w) = market_workers[m].get(next[m]) else {
                    break;
                };
                next[m] += 1;
                let i = w as usize;
                let experience = (start.since(eco.workers.rec[i].birth) - entry_age * 12).max(0);
                // At least one month: an initial job that started in the first simulated
                // month could end (a quit) and be followed by a job starting in the same
                // month, and both would schedule a tenure cap for the same start.
                let tenure = rng.random_range(1..=experience.clamp(1, 30 * 12));
                eco.workers.rec[i].wage =
                    crate::state::offered_wage(eco.firms.wage_level[j], eco.workers.rec[i].skill);
                eco.leave_fresh(w);
                eco.join_payroll(w, j, start.plus(-tenure), Status::Employed);
            }
        }
    }
    // The rest are unemployed, with spells that began before the start.
    let geometric = Geometric::new(INITIAL_EXIT_RATE).expect("valid rate");
    for m in 0..n_markets {
        let (wsum, wn) = market_wage[m];
        let level = if wn > 0 {
            (wsum / wn as f64) as f32
        } else {
            0.0
        };
        for &w in &market_workers[m][next[m]..] {
            let i = w as usize;
            eco.workers.rec[i].wage = crate::state::offered_wage(level, eco.workers.rec[i].skill);
            eco.leave_fresh(w);
            eco.enter_unemployed(w);
            let elapsed = geometric.sample(rng).min(240) as i32;
            eco.backdate_unemployment(w, start.plus(-elapsed));
            let experience = start.since(eco.workers.rec[i].birth) - entry_age * 12;
            eco.set_initial_claim(w, experience - elapsed);
        }
    }
    per_market
}

/// Cumulative shares of the initial labour force by market (`per_market` workers each):
/// where entrants appear.
fn entry_cdf(per_market: &[u64]) -> Vec<f64> {
    let weights: Vec<f64> = per_market.iter().map(|&n| n as f64).collect();
    cumulative(&weights)
}

/// Month of birth of an entrant aged `entry_age` years at month `t`.
pub(crate) fn entrant_birth(t: Month, entry_age: u32) -> Month {
    t.plus(-(entry_age as i32) * 12)
}

/// Width of the age bands of `Population::age_band_weights`, years.
pub const AGE_BAND_YEARS: u32 = 5;

/// Cumulative shares of `weights` (empty for none; all zero when the weights sum to zero).
fn cumulative(weights: &[f64]) -> Vec<f64> {
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        return vec![0.0; weights.len()];
    }
    let mut acc = 0.0;
    weights
        .iter()
        .map(|w| {
            acc += w / total;
            acc
        })
        .collect()
}

/// An initial age in months: uniform over [age_min, age_max), or, with age bands
/// (`age_cdf`, cumulative), a band by its weight and a uniform age within it.
fn initial_age_months(pop: &crate::params::Population, age_cdf: &[f64], rng: &mut SimRng) -> i32 {
    let (lo, hi) = (pop.age_min as i32 * 12, pop.age_max as i32 * 12);
    if age_cdf.is_empty() {
        return rng.random_range(lo..hi);
    }
    let u: f64 = rng.random();
    let band = age_cdf.partition_point(|&c| c <= u).min(age_cdf.len() - 1) as i32;
    let from = lo + band * AGE_BAND_YEARS as i32 * 12;
    let to = (from + AGE_BAND_YEARS as i32 * 12).min(hi);
    rng.random_range(from..to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_remainder_sums_exactly() {
        assert_eq!(largest_remainder(10, &[1.0, 1.0, 1.0]), vec![4, 3, 3]);
        assert_eq!(largest_remainder(7, &[0.5, 0.25, 0.25]), vec![3, 2, 2]);
        assert_eq!(largest_remainder(5, &[0.0, 0.0]), vec![0, 0]);
        let parts = largest_remainder(100_003, &[0.3, 0.3, 0.4]);
        assert_eq!(parts.iter().sum::<u64>(), 100_003);
    }

    #[test]
    fn dmp_start_matches_the_reference() {
        let params = Params::dmp_case(20_000, 12, 1);
        let eco = initial_economy(&params, 0);
        // N_k = 2000 per segment, F_k T = 20 × 95 = 1900 jobs: 1900 employed, 100 unemployed.
        assert_eq!(eco.counts[Status::Employed as usize], 19_000);
        assert_eq!(eco.counts[Status::Unemployed as usize], 1_000);
        for pool in &eco.pools {
            assert_eq!(pool.len(), 100);
        }
    }
}
