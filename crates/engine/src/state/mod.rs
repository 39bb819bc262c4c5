//! The economy's state as struct-of-arrays, and the only functions that move a worker between
//! states.
//!
//! Workers and firms are rows addressed by `u32` indices. Every worker is in exactly one
//! [`Status`]; a worker on a payroll is listed once in its employer's employee list (at no
//! recorded position: removals either know the position, as batches do, or look it up in the
//! list), an unemployed worker sits in its local market's pool at position `slot`. All stock counters,
//! wage sums and pools are updated in [`Economy::leave_state`] and the `enter_*` functions, so
//! stocks change only through recorded flows.

//!
//! The state is split in three: [`records`] (the rows and counters), this module (the
//! [`Economy`], what it is made of and the questions it answers), and `transitions.rs` (the
//! only functions that change a worker's status or a firm's payroll, each keeping every
//! counter consistent). Statute tables live apart: notice periods in `notice.rs` (§ 622 BGB),
//! benefit rules in `benefits.rs`.

mod records;
mod transitions;

pub use crate::notice::{MAX_NOTICE_MONTHS, notice_months};
pub use crate::status::{Cause, FirmStatus, Status};
pub use crate::wagebook::cents;
pub use records::*;

use std::collections::BTreeMap;

use crate::benefits::{BenefitBooks, BenefitRules, Claim};
use crate::calendar::Month;
use crate::events::{DisplacedFlags, EventLog};
use crate::params::{OccupationId, Params, RegionId};
use crate::pool::Pool;
use crate::wagebook::{WageCell, current_wage};

/// The whole state of one replication.
#[derive(Clone, Debug)]
pub struct Economy {
    /// Current month (the month being or last simulated).
    pub month: Month,
    /// First simulated month of the run (the start of the warm-up, if any).
    pub(crate) start: Month,
    /// Worker columns.
    pub workers: Workers,
    /// Firm columns.
    pub firms: Firms,
    /// Unemployed workers per market (region × occupation).
    pub pools: Vec<Pool>,
    /// Σ search intensity of each pool.
    pub(crate) pool_intensity: Vec<u64>,
    /// Largest search intensity ever seen in each pool (for rejection sampling).
    pub(crate) pool_max_intensity: Vec<u8>,
    /// Workers in each pool whose search intensity is not the normal one (0: uniform draws).
    pub(crate) pool_nonunit: Vec<u32>,
    /// Matching-efficiency multiplier per market set by policies (1 = none).
    pub(crate) market_efficiency: Vec<f64>,
    /// Stock of workers per status.
    pub counts: [u64; 6],
    /// Unemployed per region.
    pub(crate) region_unemployed: Vec<u64>,
    /// Long-term unemployed per region.
    pub(crate) region_long_term: Vec<u64>,
    /// Unemployed not yet long-term, by the month their spell started (see [`RecentSpells`]).
    pub(crate) recent: RecentSpells,
    /// Trainees per region.
    pub(crate) region_training: Vec<u64>,
    /// Inactive per region.
    pub(crate) region_inactive: Vec<u64>,
    /// Σ last wage of the unemployed, cents (for benefit accounting).
    pub(crate) unemployed_last_wage: i128,
    /// Σ last wage of the long-term unemployed, cents.
    pub(crate) long_term_last_wage: i128,
    /// Wage sums per cell (region × sector): payroll workers by where they work.
    pub(crate) wage_cells: Vec<WageCell>,
    /// Wage sums of payroll workers by region of residence (residents' earnings).
    pub(crate) resident_wages: Vec<WageCell>,
    /// Residents' spending per region, € per month: their net earnings and transfers,
    /// smoothed over `regional.spending_lag_months` (`targets::update_spending`).
    pub(crate) spending: Vec<f64>,
    /// Residents' spending per region at the first reported month (the reference of local
    /// demand).
    pub(crate) initial_spending: Vec<f64>,
    /// Payroll workers on short-time work per cell.
    pub(crate) cell_short_time: Vec<u64>,
    /// Vacancies posted this month per cell.
    pub(crate) cell_vacancies: Vec<u64>,
    /// Occupation mix per firm group (a technology switch replaces it).
    pub(crate) group_mix: Vec<Vec<(OccupationId, f64)>>,
    /// Technology label per firm group.
    pub(crate) group_technology: Vec<String>,
    /// Training spells; index = spell number.
    pub(crate) spells: Vec<TrainingSpell>,
    /// Current spell of each trainee.
    pub trainee_spell: BTreeMap<u32, u32>,
    /// Displaced workers (in order of displacement).
    pub displaced: Vec<Displacement>,
    /// Notices of layoff in force, by worker (an entry whose job has ended is void and is
    /// dropped when due).
    pub notices: BTreeMap<u32, Notice>,
    /// Whether layoffs give notice by tenure (copied from the parameters).
    pub(crate) notice_by_tenure: bool,
    /// Workers displaced this month (indices into `displaced`).
    pub(crate) displaced_this_month: std::ops::Range<usize>,
    /// Flows of the current month.
    pub(crate) flows: Flows,
    /// Each policy's factors on firms, markets and workers (`levers.rs`).
    pub(crate) levers: crate::levers::Levers,
    /// Hires and separations of the current month (`events.rs`).
    pub events: EventLog,
    /// Workers whose current spell out of work began with a displacement.
    pub displaced_flags: DisplacedFlags,
    /// Share of firm-specific skill each worker keeps when leaving its job (set by policies:
    /// accreditation); absent = none.
    pub(crate) portable_skill: BTreeMap<u32, f32>,
    /// Occupations that payroll workers trained into and their employer does not use: the
    /// worker goes on doing its job, and the new occupation is its own when the job ends.
    pub(crate) requalified: BTreeMap<u32, OccupationId>,
    /// Where watched workers applied this month (applications matching): the follow-up of a
    /// policy's participants registers them; counts are reset when matching starts.
    pub search_watch: BTreeMap<u32, SearchTally>,
    /// Workers by birth month (offset from `birth_base`), for retirement; empty without demography.
    pub(crate) by_birth: Vec<Vec<u32>>,
    /// Unemployed workers' asking wages below their last wage, as a share of it, tagged with
    /// the start of the spell they were set in (a tag that is not the worker's current spell
    /// means 1): `phases/matching_applications.rs`.
    pub asking: BTreeMap<u32, (Month, f32)>,
    /// Inactive workers who may come back, by region of residence, for re-entry (filled by the
    /// demography phase; entries of workers who have retired or come back since are dropped when
    /// the list is next walked).
    pub(crate) inactive_lists: Vec<Vec<u32>>,
    /// Birth month of `by_birth[0]`.
    pub(crate) birth_base: Month,
    /// Scheduled checks by month offset from `start`.
    pub(crate) agenda: Vec<Vec<Due>>,
    /// Cumulative shares of markets in the initial labour force (where entrants appear).
    pub(crate) entry_cdf: Vec<f64>,
    /// Employment per cell at the start (for supply-chain links).
    pub(crate) initial_cell_employment: Vec<u64>,
    /// Employment per cell at the end of the previous month.
    pub(crate) last_cell_employment: Vec<u64>,
    /// Tenure return per month (copied from the parameters for the hot paths).
    pub(crate) tenure_return: f64,
    /// Tenure cap, months.
    pub(crate) tenure_cap: u32,
    /// Occupation-change skill loss.
    pub(crate) occupation_change_loss: f64,
    /// Number of occupations.
    pub(crate) n_occupations: usize,
    /// Number of sectors.
    pub(crate) n_sectors: usize,
    /// Similarity matrix.
    pub(crate) similarity: Vec<f64>,
    /// Each worker's unemployment-insurance record (a side table indexed like the workers;
    /// empty when the run has no benefit rules).
    pub(crate) claims: Vec<Claim>,
    /// Benefit recipients and the months their claims run out.
    pub(crate) benefits: BenefitBooks,
    /// The benefit rules (copied from the parameters).
    pub(crate) benefit_rules: BenefitRules,
    /// Least gain over the current wage for a job change on the job (copied from the parameters).
    pub(crate) job_change_premium: f64,
    /// What firms observe of their markets: vacancy durations by cell and the regional
    /// entry-wage index (`phases/creation.rs`).
    pub signals: MarketSignals,
}

impl Economy {
    /// An empty economy shaped by `params` (no workers or firms yet).
    pub(crate) fn empty(params: &Params) -> Economy {
        let n_markets = params.n_markets();
        let n_regions = params.regions.len();
        let n_cells = n_regions * params.sectors.len();
        Economy {
            month: params.first_month(),
            start: params.first_month(),
            workers: Workers::default(),
            firms: Firms::default(),
            pools: vec![Pool::default(); n_markets],
            pool_intensity: vec![0; n_markets],
            pool_max_intensity: vec![UNIT_INTENSITY; n_markets],
            pool_nonunit: vec![0; n_markets],
            market_efficiency: vec![1.0; n_markets],
            counts: [0; 6],
            region_unemployed: vec![0; n_regions],
            region_long_term: vec![0; n_regions],
            recent: RecentSpells::new(n_regions),
            region_training: vec![0; n_regions],
            region_inactive: vec![0; n_regions],
            unemployed_last_wage: 0,
            long_term_last_wage: 0,
            wage_cells: vec![WageCell::default(); n_cells],
            resident_wages: vec![WageCell::default(); n_regions],
            spending: vec![0.0; n_regions],
            initial_spending: vec![0.0; n_regions],
            cell_short_time: vec![0; n_cells],
            cell_vacancies: vec![0; n_cells],
            group_mix: params
                .firm_groups
                .iter()
                .map(|g| g.occupation_mix.clone())
                .collect(),
            group_technology: params
                .firm_groups
                .iter()
                .map(|g| g.technology.clone())
                .collect(),
            spells: Vec::new(),
            trainee_spell: BTreeMap::new(),
            displaced: Vec::new(),
            displaced_this_month: 0..0,
            notices: BTreeMap::new(),
            notice_by_tenure: params.notice_by_tenure,
            flows: Flows {
                cell_hires: vec![0; n_cells],
                cell_separations: vec![0; n_cells],
                cell_layoffs: vec![0; n_cells],
                region_moved_in: vec![0; n_regions],
                region_exits: vec![0; n_regions],
                region_reentries: vec![0; n_regions],
                region_moved_out: vec![0; n_regions],
                ..Flows::default()
            },
            levers: Default::default(),
            events: EventLog {
                enabled: params.event_log,
                ..EventLog::default()
            },
            displaced_flags: DisplacedFlags::default(),
            portable_skill: BTreeMap::new(),
            requalified: BTreeMap::new(),
            search_watch: BTreeMap::new(),
            by_birth: Vec::new(),
            asking: BTreeMap::new(),
            inactive_lists: vec![Vec::new(); n_regions],
            birth_base: params.first_month(),
            // Months past the end hold the notices that run out after it, so that every
            // notice counted at its firm is on the agenda.
            agenda: vec![
                Vec::new();
                params.simulated_months() as usize + 1 + MAX_NOTICE_MONTHS as usize
            ],
            entry_cdf: Vec::new(),
            initial_cell_employment: vec![0; n_cells],
            last_cell_employment: vec![0; n_cells],
            tenure_return: params.wages.tenure_return,
            tenure_cap: params.wages.tenure_cap_months,
            occupation_change_loss: params.wages.occupation_change_loss,
            n_occupations: params.occupations.len(),
            n_sectors: params.sectors.len(),
            similarity: params.similarity.clone(),
            claims: Vec::new(),
            benefits: BenefitBooks::new(params.first_month(), params.simulated_months(), n_regions),
            benefit_rules: params.benefits.clone(),
            job_change_premium: params.matching.job_change_premium,
            signals: MarketSignals::new(n_cells, n_regions),
        }
    }

    /// Local market of `(region, occupation)`.
    #[inline]
    pub fn market(&self, region: RegionId, occupation: OccupationId) -> usize {
        region as usize * self.n_occupations + occupation as usize
    }

    /// Cell (region × sector) of firm `j`.
    #[inline]
    pub fn firm_cell(&self, j: usize) -> usize {
        self.firms.cell[j] as usize
    }

    /// Similarity of occupation `from` to occupation `to`.
    #[inline]
    pub fn similarity(&self, from: OccupationId, to: OccupationId) -> f64 {
        self.similarity[from as usize * self.n_occupations + to as usize]
    }

    /// Workers in the labour force (employed, short-time, unemployed, in training).
    pub fn labour_force(&self) -> u64 {
        self.counts[0] + self.counts[1] + self.counts[2] + self.counts[3]
    }

    /// Firm `j`'s payroll workers with their records, in payroll order; each record is
    /// prefetched a few workers ahead, so that a walk over a large payroll (a policy's
    /// participants) overlaps its random reads.
    pub fn staff(&self, j: usize) -> impl Iterator<Item = (u32, &Worker)> + '_ {
        const AHEAD: usize = 8;
        let list = &self.firms.employees[j];
        let recs = &self.workers.rec;
        list.iter().enumerate().map(move |(k, &w)| {
            if let Some(&ahead) = list.get(k + AHEAD) {
                crate::prefetch::prefetch(&recs[ahead as usize]);
            }
            (w, &recs[w as usize])
        })
    }

    /// The current wage of payroll worker `w`, cents per month.
    pub fn current_wage(&self, w: u32) -> f64 {
        let i = w as usize;
        current_wage(
            self.workers.rec[i].wage,
            self.workers.rec[i].since.0,
            self.month.0,
            self.tenure_return,
            self.tenure_cap,
        )
    }

    /// The notice of worker `w` under notice in firm `j`'s payroll, if one is in force.
    pub fn notice_of(&self, w: u32) -> Option<Notice> {
        let n = *self.notices.get(&w)?;
        let r = &self.workers.rec[w as usize];
        (r.employer == n.firm && r.since == n.since).then_some(n)
    }

    /// Search breadth of worker `w` this month (1 = normal): the product of the policies'
    /// factors set in its current spell.
    pub fn search_breadth(&self, w: u32) -> f64 {
        if self.levers.breadth.is_empty() {
            return 1.0;
        }
        let since = self.workers.rec[w as usize].since;
        self.levers.breadth.product(w, since.0).max(1.0)
    }

    /// Search reach of worker `w` into other regions this month (1 = normal): the product of
    /// the policies' factors set in its current spell.
    pub fn search_reach(&self, w: u32) -> f64 {
        if self.levers.reach.is_empty() {
            return 1.0;
        }
        let since = self.workers.rec[w as usize].since;
        self.levers.reach.product(w, since.0).max(1.0)
    }

    /// Long-term unemployed in all regions.
    pub fn long_term_unemployed(&self) -> u64 {
        self.region_long_term.iter().sum()
    }
}
