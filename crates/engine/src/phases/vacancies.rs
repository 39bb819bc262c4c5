//! Vacancy posting: every producing firm posts `max(0, target - headcount)` vacancies, each
//! for an occupation drawn from the firm group's current occupation mix.
//!
//! Reads: targets, payrolls, group mixes. Writes: `firms.vacancies` and the month's list of
//! open positions per market.

use rand::RngExt;

use crate::params::Params;
use crate::rng::SimRng;
use crate::state::{Economy, FirmStatus};

/// Open positions of one market: `(firm, occupation, count)` entries.
pub type MarketVacancies = Vec<(u32, u16, u32)>;

/// Posts this month's vacancies into `markets` (one list per market; the lists are reused from
/// month to month so their memory is allocated once).
pub fn post(
    eco: &mut Economy,
    params: &Params,
    rng: &mut SimRng,
    markets: &mut Vec<MarketVacancies>,
) {
    markets.resize_with(params.n_markets(), Vec::new);
    markets.iter_mut().for_each(Vec::clear);
    eco.cell_vacancies.iter_mut().for_each(|v| *v = 0);
    let mut per_occ: Vec<u32> = Vec::new();
    let f = &mut eco.firms;
    for (j, ((open_out, headcount), (&status, &target))) in f
        .vacancies
        .iter_mut()
        .zip(f.employees.headcounts())
        .zip(f.status.iter().zip(&f.target))
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
        eco.cell_vacancies[f.cell[j] as usize] += u64::from(open);
        let region = f.region[j];
        let mix = &eco.group_mix[f.group[j] as usize];
        if mix.len() == 1 {
            markets[params.market(region, mix[0].0)].push((j as u32, mix[0].0, open));
            continue;
        }
        per_occ.clear();
        per_occ.resize(mix.len(), 0);
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
        for (k, &(occ, _)) in mix.iter().enumerate() {
            if per_occ[k] > 0 {
                markets[params.market(region, occ)].push((j as u32, occ, per_occ[k]));
            }
        }
    }
}
