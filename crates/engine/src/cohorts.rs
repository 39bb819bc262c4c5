//! Displaced-worker cohorts: where displaced workers are 0, 1, 2, … months after displacement,
//! pooled over displacement months, separately by cause: the staff of closing firms (however
//! they left) and workers laid off by firms that go on producing (knock-on layoffs).
//!
//! The cost per month is proportional to the displaced workers still inside the follow-up
//! horizon, not to the population.

use crate::calendar::Month;
use crate::controls::NO_CONTROL;
use crate::params::Params;
use crate::rng::MonthStreams;
use crate::state::{Cause, Economy, NO_FIRM, Status};

/// Earnings of worker `w` this month, €: the current wage on a payroll for the firm's hours
/// (less the hours cut on short-time work), 0 otherwise.
fn earnings(eco: &Economy, w: u32) -> f64 {
    let r = &eco.workers.rec[w as usize];
    if r.employer == NO_FIRM {
        return 0.0;
    }
    let wage = eco.current_wage(w) / 100.0 * f64::from(eco.firms.hours[r.employer as usize]);
    if r.status == Status::ShortTime {
        wage * (1.0 - f64::from(eco.firms.hours_cut[r.employer as usize]))
    } else {
        wage
    }
}

pub use crate::ages::{AGE_GROUPS, age_group};

/// Sums for one (age group, months since displacement) cell.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CohortCell {
    /// Displaced workers observed.
    pub n: u64,
    /// Of them, on a payroll.
    pub reemployed: u64,
    /// Re-employed in the sector displaced from.
    pub same_sector: u64,
    /// Re-employed in another sector.
    pub other_sector: u64,
    /// Re-employed in another occupation.
    pub other_occupation: u64,
    /// Re-employed at a firm in another region than the firm displaced from.
    pub other_region: u64,
    /// Living in another region than at displacement (moved residence).
    pub moved: u64,
    /// Unemployed.
    pub unemployed: u64,
    /// In training (without a job).
    pub in_training: u64,
    /// Inactive or retired.
    pub out_of_labour_force: u64,
    /// Σ current wage / wage before, over the re-employed.
    pub earnings_ratio_sum: f64,
    /// Displaced workers observed who have a matched control (`controls.rs`).
    pub matched: u64,
    /// Σ earnings this month of the matched displaced (0 without a job), €.
    pub earnings: f64,
    /// Σ earnings this month of their controls (0 without a job), €.
    pub control_earnings: f64,
}

/// Cohort sums of one replication: `cells[cause][group][months_since]` (cause in the order of
/// [`Cause::ALL`]; groups named in `groups`: "all" and the age groups of [`AGE_GROUPS`] first,
/// then one per origin sector, occupation at displacement and region of residence at
/// displacement, named `sector:NAME`, `occupation:NAME`, `region:NAME`).
#[derive(Clone, Debug, PartialEq)]
pub struct Cohorts {
    /// Follow-up horizon, months.
    pub horizon: u32,
    /// The name of each group (index into the second level of `cells`).
    pub groups: Vec<String>,
    /// The sums.
    pub cells: Vec<Vec<Vec<CohortCell>>>,
    /// Index of the first sector, occupation and region group.
    first: (usize, usize, usize),
    /// First displacement still inside the horizon.
    window_start: usize,
    /// Matched control of each displacement (`controls::NO_CONTROL` for none).
    controls: Vec<u32>,
}

impl Cohorts {
    /// The sums of the displaced by `cause`: `[age_group][months_since]`.
    pub fn of(&self, cause: Cause) -> &[Vec<CohortCell>] {
        &self.cells[cause as usize]
    }

    /// The cause whose cohort a headline figure describes: the closure's staff when anyone
    /// was displaced by a closure, otherwise the laid off.
    pub fn headline_cause(&self) -> Cause {
        if self.cells[Cause::Closure as usize][0][0].n > 0 {
            Cause::Closure
        } else {
            Cause::Layoff
        }
    }

    /// Empty sums for a follow-up of `params.cohort_horizon` months, with a group per age
    /// group, sector, occupation and region of `params`.
    pub fn new(params: &Params) -> Cohorts {
        let horizon = params.cohort_horizon;
        let mut groups: Vec<String> = AGE_GROUPS.iter().map(|g| g.to_string()).collect();
        let sectors = groups.len();
        groups.extend(params.sectors.iter().map(|s| format!("sector:{}", s.name)));
        let occupations = groups.len();
        groups.extend(params.occupations.iter().map(|o| format!("occupation:{o}")));
        let regions = groups.len();
        groups.extend(params.regions.iter().map(|r| format!("region:{r}")));
        Cohorts {
            horizon,
            cells: vec![
                vec![vec![CohortCell::default(); horizon as usize + 1]; groups.len()];
                Cause::ALL.len()
            ],
            groups,
            first: (sectors, occupations, regions),
            window_start: 0,
            controls: Vec::new(),
        }
    }

    /// Draws controls for the month's displacements, then observes every displaced worker
    /// inside the horizon at the end of month `t`.
    pub(crate) fn observe(&mut self, eco: &Economy, t: Month, streams: &MonthStreams) {
        crate::controls::match_controls(eco, streams, &mut self.controls);
        let horizon = self.horizon as i32;
        while self.window_start < eco.displaced.len()
            && t.since(eco.displaced[self.window_start].month) > horizon
        {
            self.window_start += 1;
        }
        for (k, d) in eco.displaced.iter().enumerate().skip(self.window_start) {
            let since = t.since(d.month);
            let w = d.worker as usize;
            let status = eco.workers.rec[w].status;
            let mut obs = CohortCell {
                n: 1,
                ..CohortCell::default()
            };
            obs.moved = u64::from(eco.workers.rec[w].region != d.region);
            let control = self.controls[k];
            if control != NO_CONTROL {
                obs.matched = 1;
                obs.earnings = earnings(eco, d.worker);
                obs.control_earnings = earnings(eco, control);
            }
            match status {
                Status::Employed | Status::ShortTime => obs.reemployed = 1,
                Status::Training if eco.workers.rec[w].employer != NO_FIRM => obs.reemployed = 1,
                Status::Training => obs.in_training = 1,
                Status::Unemployed => obs.unemployed = 1,
                Status::Inactive | Status::Retired => obs.out_of_labour_force = 1,
            }
            if obs.reemployed == 1 {
                let j = eco.workers.rec[w].employer as usize;
                if eco.firms.sector[j] == d.sector {
                    obs.same_sector = 1;
                } else {
                    obs.other_sector = 1;
                }
                obs.other_occupation = u64::from(eco.workers.rec[w].occupation != d.occupation);
                obs.other_region =
                    u64::from(eco.firms.region[j] != eco.firms.region[d.firm as usize]);
                if d.wage_before > 0.0 {
                    obs.earnings_ratio_sum = eco.current_wage(d.worker) / d.wage_before;
                }
            }
            let (sectors, occupations, regions) = self.first;
            let groups = [
                0,
                d.age_group as usize,
                sectors + d.sector as usize,
                occupations + d.occupation as usize,
                regions + d.region as usize,
            ];
            for group in groups {
                let cell = &mut self.cells[d.cause as usize][group][since as usize];
                cell.n += obs.n;
                cell.reemployed += obs.reemployed;
                cell.same_sector += obs.same_sector;
                cell.other_sector += obs.other_sector;
                cell.other_occupation += obs.other_occupation;
                cell.other_region += obs.other_region;
                cell.moved += obs.moved;
                cell.unemployed += obs.unemployed;
                cell.in_training += obs.in_training;
                cell.out_of_labour_force += obs.out_of_labour_force;
                cell.earnings_ratio_sum += obs.earnings_ratio_sum;
                cell.matched += obs.matched;
                cell.earnings += obs.earnings;
                cell.control_earnings += obs.control_earnings;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_groups_have_the_documented_bounds() {
        assert_eq!(AGE_GROUPS[age_group(24) as usize], "<25");
        assert_eq!(AGE_GROUPS[age_group(25) as usize], "25-54");
        assert_eq!(AGE_GROUPS[age_group(54) as usize], "25-54");
        assert_eq!(AGE_GROUPS[age_group(55) as usize], "55-64");
        assert_eq!(AGE_GROUPS[age_group(64) as usize], "55-64");
        assert_eq!(AGE_GROUPS[age_group(65) as usize], "65+");
    }
}
