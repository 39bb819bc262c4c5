//! Demography: retirement at pension age, entry of young workers, exits of unemployed workers
//! from the labour force (older workers, and younger discouraged workers) and re-entry of the
//! inactive.
//!
//! Participation responds to local conditions: each region's exit rates are multiplied, and its
//! re-entry rate divided, by `(u_r / ū_r)^φ`, its unemployment rate against its usual rate (the
//! rate smoothed over `usual_rate_months`; regional natural rates, calibration: M2), so a
//! region hit by a shock loses job seekers to inactivity and gets them back as it recovers.
//!
//! Entrants replace retirees in the region where the retirees lived, and settle in the local
//! markets (region × occupation) within that region's reach in proportion to current labour
//! demand there (the firms' targets this month, spread over occupations by each firm group's
//! current occupation mix), the region's accessibility and the share of its labour force in
//! work. Young people train for the jobs that exist and settle where they are, so a closed
//! works' occupations stop drawing entrants, growing sectors draw more, and fewer settle where
//! unemployment is high.
//!
//! Retirement visits only the birth cohort reaching pension age this month, and exits visit only
//! the drawn candidates (geometric gaps along the unemployed pools), so the cost follows the
//! flows. Randomness: the number of entrants of a home region from the region's stream, each
//! entrant's market and attributes from the entrant's own stream (keyed by its stable id, which
//! is made of the month, the home region and a count within it), exits from one stream per
//! local market. So a region's demography draws nothing that depends on regions beyond its
//! reach.
//!
//! Reads: birth months, pools. Writes: retirements, entries, exits (through `Economy` methods).

use rand::RngExt;
use rand_distr::{Distribution, Normal};

use crate::events::Exit;
use crate::init::{beta_sampler, entrant_birth, propensity};
use crate::params::Params;
use crate::rng::{Gaps, MonthStreams, Phase};
use crate::state::{Economy, FirmStatus, NO_FIRM, Status};

/// Runs the month's demography.
pub fn run(eco: &mut Economy, params: &Params, streams: &MonthStreams) {
    let Some(pension_age) = params.demography.pension_age else {
        exits(eco, params, streams);
        return;
    };
    let t = eco.month;
    // Retirement of the cohort born exactly `pension_age` years ago.
    let cohort_birth = t.plus(-(pension_age as i32) * 12);
    let off = cohort_birth.since(eco.birth_base);
    let mut retired = 0u64;
    let mut retired_in = vec![0u64; params.regions.len()];
    if off >= 0 && (off as usize) < eco.by_birth.len() {
        let cohort = std::mem::take(&mut eco.by_birth[off as usize]);
        for &w in &cohort {
            if eco.workers.rec[w as usize].status != Status::Retired {
                // The staff of a closing firm count as displaced however they leave it.
                let employer = eco.workers.rec[w as usize].employer;
                if employer != NO_FIRM && eco.firms.status[employer as usize] == FirmStatus::Noticed
                {
                    eco.record_displacement(w, false);
                }
                let from = eco.leave_state(w, Exit::Retirement);
                eco.flows.retirements_from[from as usize] += 1;
                eco.enter_retired(w);
                retired += 1;
                retired_in[eco.workers.rec[w as usize].region as usize] += 1;
            }
        }
    }
    eco.flows.retirements += retired;
    // Entrants replace retirees where they lived (young people grow up where the old lived),
    // each region's count from its own stream.
    let pop = &params.population;
    let skill = Normal::new(0.0, pop.skill_sd.max(0.0)).expect("validated skill sd");
    let learning = beta_sampler(pop.learning.0, pop.learning.1);
    let mobility = beta_sampler(pop.mobility.0, pop.mobility.1);
    let n_occ = params.occupations.len();
    let demand = market_demand(eco, n_occ);
    // Each region's share of its labour force in work, before any entrant of this month (so
    // that where one home region's entrants settle does not depend on another's).
    let working = working_shares(eco, params);
    let mut n_entrants = 0u64;
    for (home, &retired_here) in retired_in.iter().enumerate() {
        let expected = retired_here as f64 * params.demography.entry_per_retirement;
        let rng = &mut streams.of(Phase::EntryCount, home as u64);
        let n = expected.floor() as u64
            + u64::from(rng.random_bool((expected - expected.floor()).clamp(0.0, 1.0)));
        if n == 0 {
            continue;
        }
        let entry_cdf = entrant_cdf(eco, params, &demand, &working, home);
        for k in 0..n {
            let id = entrant_id(streams.month_idx, home, k);
            let rng = &mut streams.of(Phase::Entry, id);
            let u: f64 = rng.random();
            let m = entry_cdf
                .partition_point(|&c| c < u)
                .min(entry_cdf.len() - 1);
            let s = if pop.skill_sd > 0.0 {
                skill.sample(rng) as f32
            } else {
                0.0
            };
            let l = propensity(&learning, pop.learning.0, rng);
            let mo = propensity(&mobility, pop.mobility.0, rng);
            let birth = entrant_birth(t, params.demography.entry_age);
            let w = eco.push_worker(
                id,
                (m / n_occ) as u16,
                (m % n_occ) as u16,
                birth,
                s,
                (l, mo),
            );
            eco.leave_fresh(w);
            eco.enter_unemployed(w);
        }
        n_entrants += n;
    }
    eco.flows.entries += n_entrants;
    exits(eco, params, streams);
}

/// Stable id of the `k`-th entrant of month `month_idx` whose home region is `home`: above
/// every initial worker's id, and independent of other regions' entrants.
fn entrant_id(month_idx: u32, home: usize, k: u64) -> u64 {
    (u64::from(month_idx) + 1) << 40 | (home as u64) << 24 | k
}

/// Current labour demand per local market (region × occupation): the firms' targets spread over
/// occupations by each firm group's current mix.
fn market_demand(eco: &Economy, n_occ: usize) -> Vec<f64> {
    let f = &eco.firms;
    let mut by_group = vec![0.0f64; eco.group_mix.len()];
    for (&g, &target) in f.group.iter().zip(&f.target) {
        by_group[g as usize] += f64::from(target);
    }
    let mut weight = vec![0.0f64; eco.pools.len()];
    let mut group_region = vec![None; eco.group_mix.len()];
    for (j, &g) in f.group.iter().enumerate() {
        group_region[g as usize].get_or_insert(f.region[j]);
    }
    for (g, mix) in eco.group_mix.iter().enumerate() {
        let Some(region) = group_region[g] else {
            continue;
        };
        for &(o, share) in mix {
            weight[region as usize * n_occ + o as usize] += by_group[g] * share;
        }
    }
    weight
}

/// Each region's share of its labour force (unemployed and payroll residents) in work; 1 for a
/// region without a labour force.
fn working_shares(eco: &Economy, params: &Params) -> Vec<f64> {
    (0..params.regions.len())
        .map(|r| {
            let unemployed = eco.region_unemployed[r] as f64;
            let force = unemployed + eco.resident_wages[r].n as f64;
            if force > 0.0 {
                1.0 - unemployed / force
            } else {
                1.0
            }
        })
        .collect()
}

/// Cumulative shares of the local markets where an entrant from region `home` settles: each
/// market within the home region's reach weighs its labour demand × the accessibility of its
/// region × the share of that region's labour force in work (fewer entrants settle where
/// unemployment is high); the home region's initial labour force when none of them wants
/// anyone. Only regions within reach count, so regions without ties do not affect each other.
fn entrant_cdf(
    eco: &Economy,
    params: &Params,
    demand: &[f64],
    working: &[f64],
    home: usize,
) -> Vec<f64> {
    let n_regions = params.regions.len();
    let n_occ = params.occupations.len();
    let mut weight = vec![0.0f64; demand.len()];
    for r in 0..n_regions {
        let reach = params.accessibility[home * n_regions + r];
        if reach <= 0.0 {
            continue;
        }
        for o in 0..n_occ {
            weight[r * n_occ + o] = reach * working[r] * demand[r * n_occ + o];
        }
    }
    let total: f64 = weight.iter().sum();
    if total <= 0.0 {
        // The home region's markets by their share of the initial labour force.
        let initial = &eco.entry_cdf;
        for o in 0..n_occ {
            let m = home * n_occ + o;
            let below = if m == 0 { 0.0 } else { initial[m - 1] };
            weight[m] = (initial[m] - below).max(0.0);
        }
    }
    let total: f64 = weight.iter().sum();
    if total <= 0.0 {
        weight[home * n_occ] = 1.0; // A home region with no labour force at all.
    }
    let total: f64 = weight.iter().sum();
    let mut acc = 0.0;
    weight
        .iter()
        .map(|w| {
            acc += w / total;
            acc
        })
        .collect()
}

/// Each region's unemployment rate against its usual rate, raised to the participation
/// elasticity (1 everywhere while participation ignores local conditions); moves the usual
/// rates one month on.
fn local_conditions(eco: &mut Economy, params: &Params) -> Vec<f64> {
    let d = &params.demography;
    let n = params.regions.len();
    let rates: Vec<f64> = (0..n)
        .map(|r| {
            let u = eco.region_unemployed[r] as f64;
            let force = u + eco.resident_wages[r].n as f64;
            // Rates below one in a thousand are read as one in a thousand.
            if force > 0.0 {
                (u / force).max(1e-3)
            } else {
                1e-3
            }
        })
        .collect();
    let weight = 1.0 / (1.0 + d.usual_rate_months.max(0.0));
    let usual = eco
        .signals
        .usual_unemployment
        .get_or_insert_with(|| rates.clone());
    let factors = rates
        .iter()
        .zip(usual.iter())
        .map(|(&u, &norm)| {
            if d.participation_elasticity == 0.0 {
                1.0
            } else {
                (u / norm).powf(d.participation_elasticity)
            }
        })
        .collect();
    for (norm, &u) in usual.iter_mut().zip(&rates) {
        *norm += weight * (u - *norm);
    }
    factors
}

/// Unemployed workers leave the labour force: those of `older_age` or more with the older
/// exit rate, the younger with the discouraged exit rate, each times the region's local
/// factor (capped at 1); inactive workers younger than `older_age` come back to search with
/// the re-entry rate divided by that factor.
fn exits(eco: &mut Economy, params: &Params, streams: &MonthStreams) {
    let d = &params.demography;
    let factors = local_conditions(eco, params);
    let older = d.older_age as i32;
    let t = eco.month;
    let n_occ = params.occupations.len();
    let mut leaving = Vec::new();
    for (rate, is_older, phase) in [
        (d.older_exit_rate, true, Phase::Demography),
        (d.discouraged_exit_rate, false, Phase::Participation),
    ] {
        if rate <= 0.0 {
            continue;
        }
        // Along every position of every pool; holes are skipped, so each member is still
        // drawn independently with its region's probability.
        for (m, pool) in eco.pools.iter().enumerate() {
            let entries = pool.entries();
            if entries.is_empty() {
                continue;
            }
            let p = (rate * factors[m / n_occ]).min(1.0);
            let Some(geometric) = Gaps::new(p) else {
                continue;
            };
            let rng = &mut streams.of(phase, m as u64);
            let mut pos = geometric.sample(rng);
            while pos < entries.len() as u64 {
                let w = entries[pos as usize];
                if w != crate::pool::HOLE && (eco.workers.age_years(w, t) >= older) == is_older {
                    leaving.push(w);
                }
                pos += 1 + geometric.sample(rng); // No overflow: see `Gaps::LONGEST`.
            }
        }
    }
    let comes_back = d.reentry_rate > 0.0;
    for &w in &leaving {
        eco.leave_off_payroll(w);
        eco.enter_inactive(w);
        let home = eco.workers.rec[w as usize].region as usize;
        eco.flows.region_exits[home] += 1;
        // Only younger workers can come back (older workers' exits are final).
        if comes_back && eco.workers.age_years(w, t) < older {
            eco.inactive_lists[home].push(w);
        }
    }
    eco.flows.exits_inactive += leaving.len() as u64;
    reentry(eco, params, streams, &factors);
}

/// Inactive workers younger than `older_age` come back to search (as unemployed job seekers
/// with a fresh spell), each region's along its younger inactive workers (geometric gaps, the
/// region's stream); older workers' exits are a bridge to retirement and final. The list drops
/// workers who have retired or come back since, and duplicates.
fn reentry(eco: &mut Economy, params: &Params, streams: &MonthStreams, factors: &[f64]) {
    let d = &params.demography;
    if d.reentry_rate <= 0.0 {
        return;
    }
    let (t, older) = (eco.month, d.older_age as i32);
    let mut coming = Vec::new();
    for (r, &factor) in factors.iter().enumerate() {
        let mut list = std::mem::take(&mut eco.inactive_lists[r]);
        // A worker who came back and left again is listed twice: keep one entry.
        list.sort_unstable();
        list.dedup();
        list.retain(|&w| eco.workers.rec[w as usize].status == crate::state::Status::Inactive);
        // Older workers' exits are a bridge to retirement: they do not come back. Nor does a
        // worker who left this month: its spell and claim would restart in the month they
        // ended (and its benefit's end would be scheduled twice for the same spell start).
        let young: Vec<u32> = list
            .iter()
            .copied()
            .filter(|&w| {
                eco.workers.age_years(w, t) < older && eco.workers.rec[w as usize].since < t
            })
            .collect();
        let p = (d.reentry_rate / factor.max(1e-9)).min(1.0);
        if let Some(geometric) = Gaps::new(p) {
            let rng = &mut streams.of(Phase::Participation, crate::rng::REENTRY_BASE + r as u64);
            let mut pos = geometric.sample(rng);
            while pos < young.len() as u64 {
                coming.push(young[pos as usize]);
                pos += 1 + geometric.sample(rng);
            }
        }
        eco.inactive_lists[r] = list;
    }
    for &w in &coming {
        eco.leave_off_payroll(w);
        eco.enter_unemployed(w);
        eco.flows.region_reentries[eco.workers.rec[w as usize].region as usize] += 1;
    }
    eco.flows.reentries += coming.len() as u64;
}
