//! Occupations in demand, as the policies that retrain or refer workers see them: open
//! vacancies by local market (region × occupation), and the occupation a worker is best
//! retrained for.

use wandel_engine::params::OccupationId;
use wandel_engine::state::FirmStatus;
use wandel_engine::{Economy, Params};

/// Open vacancies by (region, occupation), from the firms' vacancies and occupation mixes.
pub fn vacancies(eco: &Economy, params: &Params) -> Vec<f64> {
    let n_occ = params.occupations.len();
    let mut v = vec![0.0; params.regions.len() * n_occ];
    for j in 0..eco.firms.len() {
        let open = eco.firms.vacancies[j];
        if open == 0 || eco.firms.status[j] != FirmStatus::Active {
            continue;
        }
        let g = eco.firms.group[j] as usize;
        let r = eco.firms.region[j] as usize;
        for &(o, share) in &params.firm_groups[g].occupation_mix {
            v[r * n_occ + o as usize] += f64::from(open) * share;
        }
    }
    v
}

/// Vacancies of occupation `o` within reach of `region`: each region's weighted by its
/// accessibility from `region`.
pub fn within_reach(params: &Params, vacancies: &[f64], region: usize, o: usize) -> f64 {
    let n = params.occupations.len();
    let n_r = params.regions.len();
    (0..n_r)
        .map(|r| params.accessibility[region * n_r + r] * vacancies[r * n + o])
        .sum()
}

/// The occupation a worker in `region` with occupation `from` is retrained for: the one with
/// the most vacancies within reach, weighted by `0.25 + similarity` (nearby occupations in
/// demand first), other than `from`; None when no other occupation has vacancies.
pub fn occupation_in_demand(
    params: &Params,
    vacancies: &[f64],
    region: usize,
    from: OccupationId,
) -> Option<OccupationId> {
    let n = params.occupations.len();
    (0..n)
        .filter(|&o| o != from as usize)
        .map(|o| {
            let sim = params.similarity[from as usize * n + o];
            (o, within_reach(params, vacancies, region, o) * (0.25 + sim))
        })
        .filter(|&(_, score)| score > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(o, _)| o as OccupationId)
}
