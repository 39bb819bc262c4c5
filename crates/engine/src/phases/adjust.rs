//! Firm adjustment: firms with more workers than their target lay off a share of the excess
//! each month (the sector's layoff speed, slowed by a works council); the rest goes by
//! attrition. Short-time workers count with the hours they still work, and workers already
//! given notice as gone. A layoff gives notice by tenure (§ 622 BGB, calibration: K4) when the
//! scenario's institutions say so: the worker stays on the payroll, searches on the job, and
//! leaves when the notice runs out (`Economy::dismiss`). Whom a firm dismisses: full-hours
//! workers first, and among comparable workers by social points (KSchG § 1 (3)): first in the
//! occupations the firm has more of than its current mix needs at its target (after a
//! technology switch, those the new technology needs fewer of).
//!
//! Reads: targets, payrolls, short-time hours, notices. Writes: layoffs through
//! `Economy::dismiss`.

use rand::RngExt;

use crate::params::Params;
use crate::policy::ExcessLabour;
use crate::rng::{MonthStreams, Phase, SimRng};
use crate::state::{Economy, FirmStatus, Status};

/// Workers above target at firm `j`, in full-time equivalents rounded up.
#[inline]
fn excess(eco: &Economy, j: usize) -> u32 {
    let f = &eco.firms;
    let staying = f.employees.headcount(j).saturating_sub(f.on_notice[j]);
    if staying <= f.target[j] {
        return 0; // Short-time work only lowers the effective headcount.
    }
    let effective = f64::from(staying) - f64::from(f.short_time[j]) * f64::from(f.hours_cut[j]);
    let over = effective - f64::from(f.target[j]);
    if over > 1e-9 { over.ceil() as u32 } else { 0 }
}

/// Layoffs firm `j` makes this month for `excess` workers above target.
fn planned_layoffs(eco: &Economy, params: &Params, j: usize, excess: u32) -> u32 {
    let f = &eco.firms;
    let mut speed = params.sectors[f.sector[j] as usize].layoff_speed;
    if f.works_council[j] {
        speed *= params.works_council_layoff_factor;
    }
    (f64::from(excess) * speed - 1e-9).ceil().max(0.0) as u32
}

/// Firms above target this month, with the layoffs they plan.
pub fn excess_labour(eco: &Economy, params: &Params) -> Vec<ExcessLabour> {
    let mut out = Vec::new();
    for j in 0..eco.firms.len() {
        if eco.firms.status[j] == FirmStatus::Closed {
            continue;
        }
        let e = excess(eco, j);
        if e > 0 {
            let planned = planned_layoffs(eco, params, j, e);
            out.push(ExcessLabour {
                firm: j as u32,
                excess: e,
                planned_layoffs: planned,
            });
        }
    }
    out
}

/// Firms with more employees than this select whom to dismiss by social criteria (the
/// Protection against Dismissal Act applies to firms of more than ten employees, KSchG § 23;
/// calibration: K5).
pub const SOCIAL_SELECTION_ABOVE: usize = 10;

/// Social points of a worker (KSchG § 1 (3), calibration: K5): one per full year of service
/// and one per year of age, and four for a worker with children (maintenance obligations).
/// Reason for the weights: the point schemes that German labour courts have accepted count
/// years of service and of age about equally and give several points per dependent child.
pub fn social_points(eco: &Economy, w: u32) -> i32 {
    let r = &eco.workers.rec[w as usize];
    let t = eco.month;
    let service = t.since(r.since).div_euclid(12);
    let age = t.since(r.birth).div_euclid(12);
    let rules = &eco.benefit_rules;
    let children = rules.enabled && rules.has_children(eco.workers.id[w as usize]);
    service + age + if children { 4 } else { 0 }
}

/// Lays off workers at the firms in `candidates`, recomputing their excess after policies
/// acted (each firm draws from its own stream). Full-hours workers go first; short-time
/// workers and trainees only when no full-hours worker is left. Within that order a firm of
/// more than [`SOCIAL_SELECTION_ABOVE`] employees dismisses first in the occupations it has a
/// surplus of, then the others, each by [`social_points`], fewest first (ties at random); a
/// smaller firm chooses uniformly among its full-hours workers. Workers a retention
/// requirement protects (`Levers::retained`) go after all the others.
pub fn lay_off(
    eco: &mut Economy,
    params: &Params,
    candidates: &[ExcessLabour],
    streams: &MonthStreams,
) {
    for c in candidates {
        let j = c.firm as usize;
        let rng = &mut streams.of(Phase::Adjust, j as u64);
        let e = excess(eco, j);
        let n = planned_layoffs(eco, params, j, e);
        if n > 0 && eco.firms.employees[j].len() > SOCIAL_SELECTION_ABOVE {
            for w in social_selection(eco, j, n as usize, rng) {
                let pos = eco.payroll_position(w, &eco.workers.rec[w as usize]);
                eco.dismiss(w, pos);
            }
            continue;
        }
        for _ in 0..n {
            let Some(pos) = pick_full_hours(eco, j, rng) else {
                break;
            };
            let w = eco.firms.employees[j][pos];
            eco.dismiss(w, pos as u32);
        }
    }
}

/// The `n` workers of firm `j` to dismiss, in order: full-hours workers before short-time
/// workers before trainees. Within each of these, the firm dismisses first in the occupations
/// it has more workers of than its current mix needs at its target (social selection compares
/// only comparable workers, KSchG § 1 (3): after a technology switch the occupations the new
/// technology needs fewer of are cut), each up to its surplus, then the others; in each pass
/// by social points, fewest first, ties in random order.
fn social_selection(eco: &Economy, j: usize, n: usize, rng: &mut SimRng) -> Vec<u32> {
    let mut ranked: Vec<(u8, i32, u64, u32)> = eco.firms.employees[j]
        .iter()
        .filter(|&&w| eco.notice_of(w).is_none())
        .map(|&w| {
            let mut group = match eco.workers.rec[w as usize].status {
                Status::Employed => 0,
                Status::ShortTime => 1,
                _ => 2,
            };
            if retained(eco, w) {
                group += 3; // A retention requirement: dismissed last.
            }
            (group, social_points(eco, w), rng.random::<u64>(), w)
        })
        .collect();
    ranked.sort_unstable();
    let mut budget = occupation_surplus(eco, j);
    let occupation = |w: u32| eco.workers.rec[w as usize].occupation as usize;
    let mut chosen = vec![false; ranked.len()];
    let mut out = Vec::with_capacity(n);
    let mut lo = 0;
    while lo < ranked.len() && out.len() < n {
        let hi = lo + ranked[lo..].partition_point(|r| r.0 == ranked[lo].0);
        for (k, r) in ranked[lo..hi].iter().enumerate() {
            if out.len() == n {
                break;
            }
            let b = &mut budget[occupation(r.3)];
            if *b > 0 {
                *b -= 1;
                chosen[lo + k] = true;
                out.push(r.3);
            }
        }
        for (k, r) in ranked[lo..hi].iter().enumerate() {
            if out.len() == n {
                break;
            }
            if !chosen[lo + k] {
                out.push(r.3);
            }
        }
        lo = hi;
    }
    out
}

/// Whether a policy's retention requirement protects worker `w` in its current job.
fn retained(eco: &Economy, w: u32) -> bool {
    !eco.levers.retained.is_empty()
        && eco
            .levers
            .retained
            .product(w, eco.workers.rec[w as usize].since.0)
            != 1.0
}

/// Workers of firm `j` above what its group's current occupation mix needs at its target, by
/// occupation (rounded up); workers already given notice count as gone, as in the excess.
fn occupation_surplus(eco: &Economy, j: usize) -> Vec<u32> {
    let n_occupations = eco.n_occupations;
    let mut count = vec![0u32; n_occupations];
    for &w in &eco.firms.employees[j] {
        if eco.notice_of(w).is_none() {
            count[eco.workers.rec[w as usize].occupation as usize] += 1;
        }
    }
    let target = f64::from(eco.firms.target[j]);
    let mut need = vec![0.0f64; n_occupations];
    for &(o, share) in &eco.group_mix[eco.firms.group[j] as usize] {
        need[o as usize] += share * target;
    }
    count
        .iter()
        .zip(&need)
        .map(|(&c, &need)| (f64::from(c) - need).ceil().max(0.0) as u32)
        .collect()
}

/// The payroll position of a worker of firm `j` to lay off (firms without social selection).
fn pick_full_hours(eco: &Economy, j: usize, rng: &mut SimRng) -> Option<usize> {
    let list = &eco.firms.employees[j];
    if list.is_empty() {
        return None;
    }
    let full_hours = |pos: usize| {
        eco.workers.rec[list[pos] as usize].status == Status::Employed
            && eco.notice_of(list[pos]).is_none()
            && !retained(eco, list[pos])
    };
    for _ in 0..32 {
        let pos = rng.random_range(0..list.len());
        if full_hours(pos) {
            return Some(pos);
        }
    }
    let full: Vec<usize> = (0..list.len()).filter(|&pos| full_hours(pos)).collect();
    if full.is_empty() {
        let free: Vec<usize> = (0..list.len())
            .filter(|&pos| eco.notice_of(list[pos]).is_none())
            .collect();
        (!free.is_empty()).then(|| free[rng.random_range(0..free.len())])
    } else {
        Some(full[rng.random_range(0..full.len())])
    }
}

#[cfg(test)]
mod tests {
    use crate::params::Params;
    use crate::sim::Simulation;
    use crate::state::Status;

    /// The DMP case with ages 20-60, immediate layoffs, and firm 0 at half of its target.
    fn half_target(params: &mut Params) -> Simulation<'_> {
        params.population.age_min = 20;
        params.population.age_max = 60;
        params.sectors[0].layoff_speed = 1.0;
        let mut sim = Simulation::new(params, 0);
        sim.economy.firms.policy_factor[0] = 0.5;
        sim
    }

    #[test]
    fn layoffs_follow_social_selection() {
        // DMP case with ages 20-60; firm 0 loses half of its target: its layoffs must be the
        // workers with the fewest points (service + age in years), every one of them at most
        // the points of any full-hours worker it keeps.
        let mut params = Params::dmp_case(20_000, 1, 5);
        let mut sim = half_target(&mut params);
        let t = sim.economy.month;
        let points = |since: crate::Month, birth: crate::Month| {
            t.since(since).div_euclid(12) + t.since(birth).div_euclid(12)
        };
        let before: Vec<(u32, i32)> = sim.economy.firms.employees[0]
            .iter()
            .map(|&w| {
                let r = &sim.economy.workers.rec[w as usize];
                (w, points(r.since, r.birth))
            })
            .collect();
        sim.step(&mut ());
        let eco = &sim.economy;
        let laid_off: Vec<u32> = eco.displaced.iter().map(|d| d.worker).collect();
        assert!(laid_off.len() >= 40, "{} laid off", laid_off.len());
        let kept_min = before
            .iter()
            .filter(|(w, _)| {
                let r = &eco.workers.rec[*w as usize];
                r.employer == 0 && r.status == Status::Employed
            })
            .map(|&(_, p)| p)
            .min()
            .unwrap();
        let dismissed_max = before
            .iter()
            .filter(|(w, _)| laid_off.contains(w))
            .map(|&(_, p)| p)
            .max()
            .unwrap();
        assert!(
            dismissed_max <= kept_min,
            "dismissed up to {dismissed_max} points, kept from {kept_min}"
        );
    }

    #[test]
    fn layoffs_give_notice_by_tenure() {
        // Firm 0 loses half of its target with notice by tenure: nobody leaves in the month of
        // the notice, the noticed stay on the payroll and are not dismissed twice, and each
        // leaves (displaced) in the month its notice runs out (§ 622 BGB).
        let mut params = Params::dmp_case(20_000, 9, 5);
        params.sectors[0].separation_rate = 0.0;
        params.notice_by_tenure = true;
        let mut sim = half_target(&mut params);
        sim.step(&mut ());
        let eco = &sim.economy;
        assert!(eco.displaced.is_empty());
        let noticed: Vec<(u32, crate::state::Notice)> =
            eco.notices.iter().map(|(&w, &n)| (w, n)).collect();
        assert!(noticed.len() >= 40, "{} noticed", noticed.len());
        assert_eq!(eco.firms.on_notice[0] as usize, noticed.len());
        for (w, n) in &noticed {
            let r = &eco.workers.rec[*w as usize];
            assert_eq!(r.employer, 0);
            let tenure = eco.month.since(r.since);
            assert_eq!(n.ends, eco.month.plus(crate::state::notice_months(tenure)));
        }
        while !sim.finished() {
            sim.step(&mut ());
            crate::invariants::check(&sim.economy).unwrap();
            let eco = &sim.economy;
            for (w, n) in &noticed {
                let on_payroll = eco.workers.rec[*w as usize].employer == 0;
                assert_eq!(
                    on_payroll,
                    eco.month < n.ends,
                    "worker {w} in {}",
                    eco.month
                );
            }
        }
        let eco = &sim.economy;
        assert_eq!(eco.displaced.len(), noticed.len());
        assert_eq!(eco.firms.on_notice[0], 0);
    }

    #[test]
    fn notice_follows_the_statute() {
        use crate::state::notice_months;
        // § 622 BGB (calibration: K4): years of service → months of notice.
        for (years, months) in [
            (0, 1),
            (1, 1),
            (2, 1),
            (5, 2),
            (8, 3),
            (10, 4),
            (12, 5),
            (15, 6),
        ] {
            assert_eq!(notice_months(12 * years), months, "{years} years");
        }
        assert_eq!(notice_months(12 * 20), 7);
        assert_eq!(notice_months(12 * 5 - 1), 1);
        assert_eq!(notice_months(12 * 40), 7);
    }
}
