//! Vacancy posting: every producing firm posts `max(0, target - headcount)` vacancies, each
//! for an occupation drawn from the firm group's current occupation mix (from the firm's own
//! stream).
//!
//! Reads: targets, payrolls, group mixes. Writes: `firms.vacancies` and the month's list of
//! open positions per market.

use rand::RngExt;

use crate::params::{OccupationId, Params};
use crate::rng::{MonthStreams, Phase};
use crate::state::{Economy, FirmStatus};

/// Open positions of one market: `(firm, occupation, count)` entries. The occupation is always
/// the market's own (aggregate matching relies on it).
pub type MarketVacancies = Vec<(u32, u16, u32)>;

/// Posts this month's vacancies into `markets` (one list per market; the lists are reused from
/// month to month so their memory is allocated once).
pub fn post(
    eco: &mut Economy,
    params: &Params,
    streams: &MonthStreams,
    markets: &mut Vec<MarketVacancies>,
) {
    markets.resize_with(params.n_markets(), Vec::new);
    markets.iter_mut().for_each(Vec::clear);
    let Economy {
        firms: f,
        cell_vacancies,
        group_mix,
        ..
    } = eco;
    cell_vacancies.iter_mut().for_each(|v| *v = 0);
    // Per group: the one occupation it hires for, when its mix has a single entry (the common
    // case, which needs no draw).
    let single: Vec<Option<OccupationId>> = group_mix
        .iter()
        .map(|mix| (mix.len() == 1).then(|| mix[0].0))
        .collect();
    let n_occupations = params.occupations.len();
    let mut per_occ: Vec<u32> = Vec::new();
    // One pass over the firm columns, zipped so that no firm column is indexed per firm.
    let open_state = f.status.iter().zip(&f.target).zip(f.employees.headcounts());
    let place = f.cell.iter().zip(&f.region).zip(&f.group);
    for (j, (open_out, (((&status, &target), headcount), ((&cell, &region), &group)))) in f
        .vacancies
        .iter_mut()
        .zip(open_state.zip(place))
        .enumerate()
    {
        let open = if status == FirmStatus::Active {
            target.saturating_sub(headcount)
        } else {
            0
        };
        *open_out = open;
        if open == 0 {
            continue;
        }
        cell_vacancies[cell as usize] += u64::from(open);
        let region = region as usize;
        if let Some(occupation) = single[group as usize] {
            let m = region * n_occupations + occupation as usize;
            markets[m].push((j as u32, occupation, open));
            continue;
        }
        let mix = &group_mix[group as usize];
        per_occ.clear();
        per_occ.resize(mix.len(), 0);
        let rng = &mut streams.of(Phase::Vacancies, j as u64);
        for _ in 0..open {
            let mut u: f64 = rng.random();
            let mut k = mix.len() - 1;
            for (idx, &(_, share)) in mix.iter().enumerate() {
                if u < share {
                    k = idx;
                    break;
                }
                u -= share;
            }
            per_occ[k] += 1;
        }
        for (k, &(occupation, _)) in mix.iter().enumerate() {
            if per_occ[k] > 0 {
                let m = region * n_occupations + occupation as usize;
                markets[m].push((j as u32, occupation, per_occ[k]));
            }
        }
    }
}
