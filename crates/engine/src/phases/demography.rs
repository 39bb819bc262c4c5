//! Demography: retirement at pension age, entry of young workers, and exits of older
//! unemployed workers from the labour force.
//!
//! Entrants appear in the local markets (region × occupation) in proportion to current labour
//! demand there: the firms' targets this month, spread over occupations by each firm group's
//! current occupation mix. Young people train for the jobs that exist and settle where they
//! are, so a closed works' occupations stop drawing entrants and growing sectors draw more.
//!
//! Retirement visits only the birth cohort reaching pension age this month, and exits visit only
//! the drawn candidates (geometric gaps along the unemployed pools), so the cost follows the
//! flows. Randomness: the number of entrants from a month-wide stream, each entrant's market and
//! attributes from the entrant's own stream (keyed by its stable id), exits from one stream per
//! local market.
//!
//! Reads: birth months, pools. Writes: retirements, entries, exits (through `Economy` methods).

use rand::RngExt;
use rand_distr::{Distribution, Normal};

use crate::events::Exit;
use crate::init::{beta_sampler, entrant_birth, propensity};
use crate::params::Params;
use crate::rng::{Gaps, MONTH_WIDE, MonthStreams, Phase};
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
            }
        }
    }
    eco.flows.retirements += retired;
    // Entrants replace retirees.
    let expected = retired as f64 * params.demography.entry_per_retirement;
    let rng = &mut streams.of(Phase::Demography, MONTH_WIDE);
    let n_entrants = expected.floor() as u64
        + u64::from(rng.random_bool((expected - expected.floor()).clamp(0.0, 1.0)));
    let pop = &params.population;
    let skill = Normal::new(0.0, pop.skill_sd.max(0.0)).expect("validated skill sd");
    let learning = beta_sampler(pop.learning.0, pop.learning.1);
    let mobility = beta_sampler(pop.mobility.0, pop.mobility.1);
    let n_occ = params.occupations.len();
    let entry_cdf = if n_entrants > 0 {
        demand_cdf(eco, n_occ)
    } else {
        Vec::new()
    };
    for k in 0..n_entrants {
        let id = (u64::from(streams.month_idx) + 1) << 32 | k;
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
    eco.flows.entries += n_entrants;
    exits(eco, params, streams);
}

/// Cumulative shares of the local markets in current labour demand (firms' targets by region
/// and occupation); the initial labour force's shares when no firm wants anyone.
fn demand_cdf(eco: &Economy, n_occ: usize) -> Vec<f64> {
    let f = &eco.firms;
    let mut by_group = vec![0.0f64; eco.group_mix.len()];
    for (&g, &target) in f.group.iter().zip(&f.target) {
        by_group[g as usize] += f64::from(target);
    }
    let n_markets = eco.pools.len();
    let mut weight = vec![0.0f64; n_markets];
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
    let total: f64 = weight.iter().sum();
    if total <= 0.0 {
        return eco.entry_cdf.clone();
    }
    let mut acc = 0.0;
    weight
        .iter()
        .map(|w| {
            acc += w / total;
            acc
        })
        .collect()
}

/// Older unemployed workers leave the labour force with the monthly exit probability.
fn exits(eco: &mut Economy, params: &Params, streams: &MonthStreams) {
    let p = params.demography.older_exit_rate;
    if p <= 0.0 {
        return;
    }
    let Some(geometric) = Gaps::new(p) else {
        return;
    };
    let older = params.demography.older_age as i32;
    let t = eco.month;
    let mut leaving = Vec::new();
    // Along every position of every pool; holes are skipped, so each member is still drawn
    // independently with probability `p`.
    for (m, pool) in eco.pools.iter().enumerate() {
        let entries = pool.entries();
        if entries.is_empty() {
            continue;
        }
        let rng = &mut streams.of(Phase::Demography, m as u64);
        let mut pos = geometric.sample(rng);
        while pos < entries.len() as u64 {
            let w = entries[pos as usize];
            if w != crate::pool::HOLE && eco.workers.age_years(w, t) >= older {
                leaving.push(w);
            }
            pos += 1 + geometric.sample(rng); // No overflow: see `Gaps::LONGEST`.
        }
    }
    for &w in &leaving {
        eco.leave_off_payroll(w);
        eco.enter_inactive(w);
    }
    eco.flows.exits_inactive += leaving.len() as u64;
}
