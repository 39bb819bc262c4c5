//! The economy's state as struct-of-arrays, and the only functions that move a worker between
//! states.
//!
//! Workers and firms are rows addressed by `u32` indices. Every worker is in exactly one
//! [`Status`]; a worker on a payroll is listed once in its employer's employee list (at no
//! recorded position: removals either know the position, as batches do, or look it up in the
//! list), an unemployed worker sits in its local market's pool at position `slot`. All stock counters,
//! wage sums and pools are updated in [`Economy::leave_state`] and the `enter_*` functions, so
//! stocks change only through recorded flows.

use std::collections::BTreeMap;

use crate::benefits::{BenefitBooks, BenefitRules, Claim};
use crate::books::RecentSpells;
use crate::calendar::Month;
use crate::events::{DisplacedFlags, EventLog, Exit};
use crate::params::{OccupationId, Params, RegionId, SectorId};
use crate::payroll::Payrolls;
use crate::pool::Pool;
use crate::wagebook::{WageCell, current_wage};

/// Marks "no employer".
pub const NO_FIRM: u32 = u32::MAX;
/// Marks "in no list".
pub const NO_SLOT: u32 = u32::MAX;
/// Search intensity 1.0 in the `intensity` column's fixed-point scale.
pub const UNIT_INTENSITY: u8 = 32;
/// Months of unemployment after which a worker counts as long-term unemployed.
pub const LONG_TERM_MONTHS: i32 = 12;

/// Labour-market status of a worker: exactly one at any time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Status {
    /// On a payroll, full hours.
    Employed = 0,
    /// On a payroll, hours cut under short-time work.
    ShortTime = 1,
    /// Without a job and searching.
    Unemployed = 2,
    /// In a training programme (with or without an employer).
    Training = 3,
    /// Out of the labour force before pension age.
    Inactive = 4,
    /// Past pension age; left the labour force for good.
    Retired = 5,
}

impl Status {
    /// All statuses, in column order.
    pub const ALL: [Status; 6] = [
        Status::Employed,
        Status::ShortTime,
        Status::Unemployed,
        Status::Training,
        Status::Inactive,
        Status::Retired,
    ];
}

/// A watched worker's applications in one month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SearchTally {
    /// Applications sent.
    pub applications: u32,
    /// Of them, to a vacancy in another occupation than the worker's.
    pub other_occupation: u32,
    /// Of them, to a vacancy in another region than the worker's residence.
    pub other_region: u32,
}

/// Firm life-cycle state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirmStatus {
    /// Producing and hiring.
    Active,
    /// Closure announced: no hiring, workers search on the job.
    Noticed,
    /// Closed: no workers, no vacancies.
    Closed,
}

/// One worker: everything a transition touches, in one 32-byte record (half a cache line).
///
/// Workers are stored as an array of these records rather than as one array per field: every
/// transition (hire, separation, retirement) reads and writes most fields of one random worker,
/// so one record costs one cache miss where separate columns cost one miss each (measured in
/// `docs/performance.md`).
#[derive(Clone, Copy, Debug, PartialEq)]
#[repr(C, align(32))]
pub struct Worker {
    /// Employer firm, or [`NO_FIRM`].
    pub employer: u32,
    /// Position in the market pool when unemployed, otherwise [`NO_SLOT`]. Payroll positions
    /// are not recorded: keeping them would cost a write to a second, random worker record at
    /// every removal from a payroll (the co-worker that swap-removal moves).
    pub slot: u32,
    /// Month the current job started (on a payroll) or the current spell started (otherwise).
    pub since: Month,
    /// On a payroll: starting wage of the current job; otherwise: last wage earned. Cents per month.
    pub wage: u32,
    /// Month of birth (age is derived from it).
    pub birth: Month,
    /// Log general and occupational skill (log points; 0 = average).
    pub skill: f32,
    /// Region of residence (changes when hired in another region).
    pub region: RegionId,
    /// Current occupation.
    pub occupation: OccupationId,
    /// Current status.
    pub status: Status,
    /// Search intensity in units of 1/32 (32 = normal).
    pub intensity: u8,
    /// Learning propensity, 0 (reluctant) to 255 (eager).
    pub learning: u8,
    /// Mobility propensity, 0 (immobile) to 255 (very mobile).
    pub mobility: u8,
}

/// All workers; `rec[i]` is worker `i`. Read freely; change only through [`Economy`] methods.
#[derive(Clone, Debug, Default)]
pub struct Workers {
    /// The worker records.
    pub rec: Vec<Worker>,
    /// Stable id of each worker, the key of its random streams: the initial population is
    /// numbered from 0 in creation order; an entrant's id is `(month index + 1) << 32 | k` for
    /// the `k`-th entrant of that month (month index from the first simulated month). Unlike the
    /// row index, it does not depend on how many workers entered before, so arms of a
    /// comparison that differ in entry still give the same person the same draws.
    pub id: Vec<u64>,
}

impl Workers {
    /// Number of worker rows (including retired workers).
    pub fn len(&self) -> usize {
        self.rec.len()
    }

    /// True when there are no workers.
    pub fn is_empty(&self) -> bool {
        self.rec.is_empty()
    }

    /// Age in whole years at month `t`.
    pub fn age_years(&self, w: u32, t: Month) -> i32 {
        t.since(self.rec[w as usize].birth).div_euclid(12)
    }
}

/// Firm columns; row `j` is firm `j`.
#[derive(Clone, Debug, Default)]
pub struct Firms {
    /// Firm group.
    pub group: Vec<u16>,
    /// Sector.
    pub sector: Vec<SectorId>,
    /// Region.
    pub region: Vec<RegionId>,
    /// Cell (region × sector), fixed at creation.
    pub cell: Vec<u32>,
    /// Workers needed at demand index 1 with the initial technology.
    pub base_size: Vec<f32>,
    /// Target headcount this month.
    pub target: Vec<u32>,
    /// Workers on the payroll (employed, short-time and employed trainees), per firm.
    pub employees: Payrolls,
    /// Monthly wage for a worker of average skill at zero tenure, €.
    pub wage_level: Vec<f32>,
    /// Whether the firm has a works council.
    pub works_council: Vec<bool>,
    /// Whether the firm trains (the first `training_share` of its group's firms).
    pub trains: Vec<bool>,
    /// Life-cycle state.
    pub status: Vec<FirmStatus>,
    /// Labour needed per unit of output relative to the initial technology.
    pub tech_factor: Vec<f32>,
    /// Target multiplier set by policies (1 = none).
    pub policy_factor: Vec<f32>,
    /// Employees on short-time work.
    pub short_time: Vec<u32>,
    /// Notices of layoff given and not yet due (counted until their month, even if the worker
    /// left earlier), so that the firm does not dismiss the same excess twice.
    pub on_notice: Vec<u32>,
    /// Share of hours cut for short-time workers, in [0, 1].
    pub hours_cut: Vec<f32>,
    /// The policy holding the firm's short-time work: its slot + 1 (0: none). Set by
    /// `PolicyCtx::put_on_short_time`, cleared when that policy returns every worker.
    pub short_time_holder: Vec<u16>,
    /// Normal hours of the firm's staff as a share of full time (1 = full time; below 1 under
    /// working-time reduction). Pay and labour input follow hours: the wage books hold each
    /// worker's wage × hours ([`booked_wage`]), and a firm needs `1 / hours` heads per
    /// full-time job.
    pub hours: Vec<f32>,
    /// Whether any firm's hours were ever set below full time (until then, nothing reads
    /// `hours` on the hot paths).
    pub any_short_hours: bool,
    /// Vacancies posted this month.
    pub vacancies: Vec<u32>,
    /// Capacity the firm chose relative to its base size: a factor on its target (1 at the
    /// start; `phases/creation.rs` widens or narrows it).
    pub capacity: Vec<f32>,
    /// Entry wage level at the start, € a month for a worker of average skill (the wage curve
    /// moves `wage_level` around it; the firm's output per worker is set from it).
    pub base_wage: Vec<f32>,
    /// Months in a row the firm has had neither a target nor staff (it exits after
    /// `jobs.exit_after_months`).
    pub idle_months: Vec<u16>,
}

impl Firms {
    /// Number of firms.
    pub fn len(&self) -> usize {
        self.group.len()
    }

    /// True when there are no firms.
    pub fn is_empty(&self) -> bool {
        self.group.is_empty()
    }

    /// Payroll headcount of firm `j`.
    pub fn headcount(&self, j: usize) -> u32 {
        self.employees.headcount(j)
    }
}

/// What happens to a worker who enters a training spell, decided by the policy that enrols them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainingPlan {
    /// Length in months (at least 1).
    pub months: u32,
    /// Occupation the worker is trained for; `None` keeps the current one.
    pub occupation: Option<OccupationId>,
    /// Log-skill gained on completion.
    pub skill_gain: f32,
}

/// A training spell in progress.
#[derive(Clone, Copy, Debug)]
pub struct TrainingSpell {
    /// The trainee.
    pub worker: u32,
    /// Month the spell started.
    pub started: Month,
    /// What the spell does.
    pub plan: TrainingPlan,
}

/// A displaced worker, followed for the cohort outputs (and read by policies).
#[derive(Clone, Copy, Debug)]
pub struct Displacement {
    /// The worker.
    pub worker: u32,
    /// Month of displacement.
    pub month: Month,
    /// Wage just before displacement, cents per month.
    pub wage_before: f64,
    /// Firm displaced from.
    pub firm: u32,
    /// Month the job lost had started.
    pub job_start: Month,
    /// Sector displaced from.
    pub sector: SectorId,
    /// Occupation at displacement.
    pub occupation: OccupationId,
    /// Region of residence at displacement.
    pub region: RegionId,
    /// Age group at displacement (index into [`crate::cohorts::AGE_GROUPS`]).
    pub age_group: u8,
    /// True when the worker left for another job while under notice.
    pub job_to_job: bool,
    /// Why the worker counts as displaced.
    pub cause: Cause,
}

/// Why a worker counts as displaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Cause {
    /// On the payroll of a closing firm when the closure was announced: displaced when leaving
    /// it, for whatever reason (laid off at the closure, left job to job or quit under notice,
    /// retired).
    Closure = 0,
    /// Laid off by a firm that goes on producing (excess labour, a knock-on layoff).
    Layoff = 1,
}

impl Cause {
    /// Both causes, in the order of the cohort tables.
    pub const ALL: [Cause; 2] = [Cause::Closure, Cause::Layoff];

    /// The name used in the outputs.
    pub fn name(self) -> &'static str {
        match self {
            Cause::Closure => "closure",
            Cause::Layoff => "layoff",
        }
    }
}

/// A scheduled check, due in a given month.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Due {
    /// The worker's firm-specific capital stops growing if still in the job started at `since`.
    TenureCap { worker: u32, since: Month },
    /// Training spell number `spell` ends.
    TrainingEnd { spell: u32 },
    /// A notice of layoff given to `worker` in its job at `firm` that started at `since` runs
    /// out: the worker is laid off if still in that job.
    NoticeEnd {
        worker: u32,
        firm: u32,
        since: Month,
    },
}

/// A notice of layoff in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Month the worker leaves.
    pub ends: Month,
    /// The employer that gave notice.
    pub firm: u32,
    /// Start of the job given notice.
    pub since: Month,
}

/// The longest notice, months (§ 622 (2) BGB: after 20 years of service).
pub const MAX_NOTICE_MONTHS: i32 = 7;

/// The wage worker records carry (`Worker::wage`, full time) as the wage books hold it: paid for
/// `hours` (share of full time).
#[inline(always)]
pub fn booked_wage(wage: u32, hours: f32) -> u32 {
    if hours == 1.0 {
        wage
    } else {
        (f64::from(wage) * f64::from(hours)).round() as u32
    }
}

/// Months of notice an employer must give a worker of `tenure_months` service (§ 622 (1)–(2)
/// BGB, calibration: K4): four weeks (one month here) below two years, then 1, 2, 3, 4, 5, 6, 7
/// months after 2, 5, 8, 10, 12, 15, 20 years.
pub fn notice_months(tenure_months: i32) -> i32 {
    match tenure_months.div_euclid(12) {
        i32::MIN..=4 => 1,
        5..=7 => 2,
        8..=9 => 3,
        10..=11 => 4,
        12..=14 => 5,
        15..=19 => 6,
        _ => MAX_NOTICE_MONTHS,
    }
}

/// Flow counters of the current month, reset at its start.
#[derive(Clone, Debug, Default)]
pub struct Flows {
    /// Hires (all).
    pub hires: u64,
    /// Hires of workers under closure notice (job to job).
    pub job_to_job: u64,
    /// Quits and dismissals into unemployment.
    pub separations: u64,
    /// Firm-initiated layoffs.
    pub layoffs: u64,
    /// Retirements.
    pub retirements: u64,
    /// Retirements by the status retired from (indexed by `Status as usize`).
    pub retirements_from: [u64; 6],
    /// Labour-market entries.
    pub entries: u64,
    /// Exits from unemployment out of the labour force.
    pub exits_inactive: u64,
    /// Inactive workers back in the labour force (as job seekers).
    pub reentries: u64,
    /// Firms that exited this month (no target and no staff for `jobs.exit_after_months`).
    pub firm_exits: u64,
    /// Training starts.
    pub training_starts: u64,
    /// Training completions.
    pub training_ends: u64,
    /// Training spells ended early without completion (dropped).
    pub training_dropouts: u64,
    /// Residence moves between regions.
    pub moves: u64,
    /// Of them, unemployed job seekers who moved for work (`phases/migration.rs`).
    pub job_seeker_moves: u64,
    /// Per region: workers who moved in.
    pub region_moved_in: Vec<u64>,
    /// Per region: workers who moved out.
    pub region_moved_out: Vec<u64>,
    /// Exits from the labour force per region of residence.
    pub region_exits: Vec<u64>,
    /// Re-entries into the labour force per region of residence.
    pub region_reentries: Vec<u64>,
    /// Per cell (region × sector): hires, separations, layoffs.
    pub cell_hires: Vec<u64>,
    /// Per cell: separations.
    pub cell_separations: Vec<u64>,
    /// Per cell: layoffs.
    pub cell_layoffs: Vec<u64>,
}

/// The whole state of one replication.
#[derive(Clone, Debug)]
pub struct Economy {
    /// Current month (the month being or last simulated).
    pub month: Month,
    /// First simulated month of the run (the start of the warm-up, if any).
    pub start: Month,
    /// Worker columns.
    pub workers: Workers,
    /// Firm columns.
    pub firms: Firms,
    /// Unemployed workers per market (region × occupation).
    pub pools: Vec<Pool>,
    /// Σ search intensity of each pool.
    pub pool_intensity: Vec<u64>,
    /// Largest search intensity ever seen in each pool (for rejection sampling).
    pub pool_max_intensity: Vec<u8>,
    /// Workers in each pool whose search intensity is not the normal one (0: uniform draws).
    pub pool_nonunit: Vec<u32>,
    /// Matching-efficiency multiplier per market set by policies (1 = none).
    pub market_efficiency: Vec<f64>,
    /// Stock of workers per status.
    pub counts: [u64; 6],
    /// Unemployed per region.
    pub region_unemployed: Vec<u64>,
    /// Long-term unemployed per region.
    pub region_long_term: Vec<u64>,
    /// Unemployed not yet long-term, by the month their spell started (see [`RecentSpells`]).
    pub(crate) recent: RecentSpells,
    /// Trainees per region.
    pub region_training: Vec<u64>,
    /// Inactive per region.
    pub region_inactive: Vec<u64>,
    /// Σ last wage of the unemployed, cents (for benefit accounting).
    pub unemployed_last_wage: i128,
    /// Σ last wage of the long-term unemployed, cents.
    pub long_term_last_wage: i128,
    /// Wage sums per cell (region × sector): payroll workers by where they work.
    pub wage_cells: Vec<WageCell>,
    /// Wage sums of payroll workers by region of residence (residents' earnings).
    pub resident_wages: Vec<WageCell>,
    /// Residents' spending per region, € per month: their net earnings and transfers,
    /// smoothed over `regional.spending_lag_months` (`targets::update_spending`).
    pub spending: Vec<f64>,
    /// Residents' spending per region at the first reported month (the reference of local
    /// demand).
    pub initial_spending: Vec<f64>,
    /// Payroll workers on short-time work per cell.
    pub cell_short_time: Vec<u64>,
    /// Vacancies posted this month per cell.
    pub cell_vacancies: Vec<u64>,
    /// Occupation mix per firm group (a technology switch replaces it).
    pub group_mix: Vec<Vec<(OccupationId, f64)>>,
    /// Technology label per firm group.
    pub group_technology: Vec<String>,
    /// Training spells; index = spell number.
    pub spells: Vec<TrainingSpell>,
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
    pub displaced_this_month: std::ops::Range<usize>,
    /// Flows of the current month.
    pub flows: Flows,
    /// Each policy's factors on firms, markets and workers (`levers.rs`).
    pub levers: crate::levers::Levers,
    /// Hires and separations of the current month (`events.rs`).
    pub events: EventLog,
    /// Workers whose current spell out of work began with a displacement.
    pub displaced_flags: DisplacedFlags,
    /// Share of firm-specific skill each worker keeps when leaving its job (set by policies:
    /// accreditation); absent = none.
    pub portable_skill: BTreeMap<u32, f32>,
    /// Occupations that payroll workers trained into and their employer does not use: the
    /// worker goes on doing its job, and the new occupation is its own when the job ends.
    pub requalified: BTreeMap<u32, OccupationId>,
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
    pub entry_cdf: Vec<f64>,
    /// Employment per cell at the start (for supply-chain links).
    pub initial_cell_employment: Vec<u64>,
    /// Employment per cell at the end of the previous month.
    pub last_cell_employment: Vec<u64>,
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
    pub claims: Vec<Claim>,
    /// Benefit recipients and the months their claims run out.
    pub benefits: BenefitBooks,
    /// The benefit rules (copied from the parameters).
    pub benefit_rules: BenefitRules,
    /// Least gain over the current wage for a job change on the job (copied from the parameters).
    pub(crate) job_change_premium: f64,
    /// What firms observe of their markets: vacancy durations by cell and the regional
    /// entry-wage index (`phases/creation.rs`).
    pub signals: crate::phases::creation::MarketSignals,
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
            signals: crate::phases::creation::MarketSignals::new(n_cells, n_regions),
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

    pub(crate) fn schedule(&mut self, at: Month, due: Due) {
        schedule_in(&mut self.agenda, self.start, at, due);
    }

    /// Adds a new worker row, counted as retired until it enters its first status, and returns it.
    pub(crate) fn push_worker(
        &mut self,
        id: u64,
        region: RegionId,
        occupation: OccupationId,
        birth: Month,
        skill: f32,
        (learning, mobility): (u8, u8),
    ) -> u32 {
        let w = self.workers.len() as u32;
        self.workers.id.push(id);
        if self.benefit_rules.enabled {
            self.claims.push(Claim::default());
        }
        self.workers.rec.push(Worker {
            employer: NO_FIRM,
            slot: NO_SLOT,
            since: self.month,
            wage: 0,
            birth,
            skill,
            region,
            occupation,
            status: Status::Retired,
            intensity: UNIT_INTENSITY,
            learning,
            mobility,
        });
        if !self.by_birth.is_empty() {
            let off = birth.since(self.birth_base);
            if off >= 0 && (off as usize) < self.by_birth.len() {
                self.by_birth[off as usize].push(w);
            }
        }
        // A fresh row counts as retired until it enters a state; keep the count consistent.
        self.counts[Status::Retired as usize] += 1;
        w
    }

    /// Closes the holes of every pool in which they outnumber the members (`pool.rs`),
    /// storing the new position of each worker moved. Bookkeeping only: no stock, flow or
    /// probability changes.
    pub(crate) fn compact_pools(&mut self) {
        for m in 0..self.pools.len() {
            self.compact_pool(m);
        }
    }

    /// [`Economy::compact_pools`] for pool `m` alone.
    #[inline]
    pub(crate) fn compact_pool(&mut self, m: usize) {
        let pool = &mut self.pools[m];
        if pool.needs_compaction() {
            let recs = &mut self.workers.rec;
            pool.compact(|w, slot| recs[w as usize].slot = slot);
        }
    }

    /// Takes a fresh row `w` (just pushed, counted as retired, in no list) out of its status:
    /// the cheap case of [`Economy::leave_state`], for building the initial population.
    pub(crate) fn leave_fresh(&mut self, w: u32) {
        let r = &self.workers.rec[w as usize];
        debug_assert!(r.status == Status::Retired && r.employer == NO_FIRM && r.slot == NO_SLOT);
        self.counts[Status::Retired as usize] -= 1;
    }

    /// Takes worker `w` out of its current status, updating every container and counter;
    /// `exit` says why when the worker leaves a payroll (logged as a separation).
    /// The worker is left with no employer and no slot, and must enter a new status at once.
    pub(crate) fn leave_state(&mut self, w: u32, exit: Exit) -> Status {
        let mut r = self.workers.rec[w as usize];
        let pos = self.payroll_position(w, &r);
        let status = self.leave(w, &mut r, pos, exit);
        self.workers.rec[w as usize] = r;
        status
    }

    /// [`Economy::leave_state`] for a worker on no payroll (unemployed, inactive, a trainee
    /// without employer): no separation to log.
    pub(crate) fn leave_off_payroll(&mut self, w: u32) -> Status {
        debug_assert_eq!(self.workers.rec[w as usize].employer, NO_FIRM);
        self.leave_state(w, Exit::Quit)
    }

    /// [`Economy::leave_state`] on `r`, a copy of the worker's record that the caller writes
    /// back. The transitions work on a local copy so that the record is read from memory once
    /// and written once, whatever else the transition updates on the way.
    /// `payroll_pos` is the worker's position in its employer's list when it is on one.
    #[inline(always)]
    fn leave(&mut self, w: u32, r: &mut Worker, payroll_pos: u32, exit: Exit) -> Status {
        let status = r.status;
        let region = r.region as usize;
        self.counts[status as usize] -= 1;
        match status {
            Status::Employed | Status::ShortTime => self.leave_payroll(w, r, payroll_pos, exit),
            Status::Training => {
                // Rare: done on the stored record, so that the common paths can keep the
                // copy in registers.
                self.workers.rec[w as usize] = *r;
                self.leave_training(w, payroll_pos, exit);
                *r = self.workers.rec[w as usize];
            }
            Status::Unemployed => self.pool_books().leave(w, r),
            Status::Inactive => self.region_inactive[region] -= 1,
            Status::Retired => {}
        }
        r.slot = NO_SLOT;
        status
    }

    #[inline(never)]
    fn leave_training(&mut self, w: u32, payroll_pos: u32, exit: Exit) {
        let mut r = self.workers.rec[w as usize];
        self.region_training[r.region as usize] -= 1;
        self.trainee_spell.remove(&w);
        if r.employer != NO_FIRM {
            self.leave_payroll(w, &mut r, payroll_pos, exit);
        }
        self.workers.rec[w as usize] = r;
    }

    /// The position of payroll worker `w` (record `r`) in its employer's list, found by
    /// search ([`NO_SLOT`] when `w` is on no payroll). Used by removals that do not know the
    /// position (retirement, moves under closure notice); costs the length of one payroll.
    pub(crate) fn payroll_position(&self, w: u32, r: &Worker) -> u32 {
        if r.employer == NO_FIRM {
            return NO_SLOT;
        }
        let list = &self.firms.employees[r.employer as usize];
        list.iter()
            .position(|&x| x == w)
            .expect("a payroll worker is on its employer's list") as u32
    }

    #[inline(always)]
    fn leave_payroll(&mut self, w: u32, r: &mut Worker, pos: u32, exit: Exit) {
        let j = r.employer as usize;
        self.firms.employees.swap_remove(j, pos as usize);
        self.payroll_books().leave(w, r, j, exit);
    }

    /// Worker `w` (just out of its old status) becomes unemployed in its market.
    pub(crate) fn enter_unemployed(&mut self, w: u32) {
        let mut r = self.workers.rec[w as usize];
        self.enter_unemployed_rec(w, &mut r);
        self.workers.rec[w as usize] = r;
    }

    #[inline(always)]
    fn enter_unemployed_rec(&mut self, w: u32, r: &mut Worker) {
        self.counts[Status::Unemployed as usize] += 1;
        self.pool_books().enter(w, r);
    }

    /// Worker `w` (just out of its old status, `from` since `spell_start`) joins firm `j` in
    /// occupation `occupation`.
    #[inline(always)]
    fn enter_employed_rec(
        &mut self,
        w: u32,
        r: &mut Worker,
        j: usize,
        occupation: OccupationId,
        from: (Status, Month),
    ) {
        self.firms.employees.push(j, w);
        self.counts[Status::Employed as usize] += 1;
        if self.payroll_books().hire(w, r, j, occupation, from) {
            let since = self.month;
            self.schedule(
                since.plus(self.tenure_cap as i32),
                Due::TenureCap { worker: w, since },
            );
        }
    }

    /// Puts `w` on firm `j`'s payroll with job start `since` in `status`.
    pub(crate) fn join_payroll(&mut self, w: u32, j: usize, since: Month, status: Status) {
        let mut r = self.workers.rec[w as usize];
        self.join_payroll_rec(w, &mut r, j, since, status);
        self.workers.rec[w as usize] = r;
    }

    #[inline(always)]
    fn join_payroll_rec(&mut self, w: u32, r: &mut Worker, j: usize, since: Month, status: Status) {
        self.firms.employees.push(j, w);
        self.counts[status as usize] += 1;
        if self.payroll_books().join(r, j, since, status) {
            self.schedule(
                since.plus(self.tenure_cap as i32),
                Due::TenureCap { worker: w, since },
            );
        }
    }

    /// Worker `w` (just out of its old status) leaves the labour force before pension age.
    pub(crate) fn enter_inactive(&mut self, w: u32) {
        let i = w as usize;
        self.workers.rec[i].status = Status::Inactive;
        self.workers.rec[i].since = self.month;
        self.counts[Status::Inactive as usize] += 1;
        self.region_inactive[self.workers.rec[i].region as usize] += 1;
    }

    /// Worker `w` (just out of its old status) retires.
    pub(crate) fn enter_retired(&mut self, w: u32) {
        let i = w as usize;
        self.workers.rec[i].status = Status::Retired;
        self.workers.rec[i].since = self.month;
        self.counts[Status::Retired as usize] += 1;
    }

    /// The notice of worker `w` under notice in firm `j`'s payroll, if one is in force.
    pub fn notice_of(&self, w: u32) -> Option<Notice> {
        let n = *self.notices.get(&w)?;
        let r = &self.workers.rec[w as usize];
        (r.employer == n.firm && r.since == n.since).then_some(n)
    }

    /// Lays off payroll worker `w` of firm `j` (at position `pos` of its list): with notice by
    /// tenure when the rules give notice, otherwise at once.
    pub(crate) fn dismiss(&mut self, w: u32, pos: u32) {
        let r = self.workers.rec[w as usize];
        if !self.notice_by_tenure {
            self.separate_at(w, pos, true);
            return;
        }
        debug_assert!(self.notice_of(w).is_none());
        let ends = self.month.plus(notice_months(self.month.since(r.since)));
        let firm = r.employer;
        self.notices.insert(
            w,
            Notice {
                ends,
                firm,
                since: r.since,
            },
        );
        self.firms.on_notice[firm as usize] += 1;
        self.schedule(
            ends,
            Due::NoticeEnd {
                worker: w,
                firm,
                since: r.since,
            },
        );
    }

    /// A notice runs out: the worker leaves if still in the job given notice.
    fn end_notice(&mut self, w: u32, firm: u32, since: Month) {
        self.firms.on_notice[firm as usize] -= 1;
        if self
            .notices
            .get(&w)
            .is_some_and(|n| n.firm == firm && n.since == since)
        {
            self.notices.remove(&w);
        }
        let r = self.workers.rec[w as usize];
        if r.employer == firm && r.since == since {
            let pos = self.payroll_position(w, &r);
            self.separate_at(w, pos, true);
        }
    }

    /// Payroll worker `w` (employed or on short-time work) moves its residence to `region`;
    /// its earnings now count for the new region's residents.
    pub(crate) fn move_residence(&mut self, w: u32, region: RegionId) {
        let i = w as usize;
        let r = self.workers.rec[i];
        debug_assert!(matches!(r.status, Status::Employed | Status::ShortTime));
        if r.region == region {
            return;
        }
        let capped = self.month.since(r.since) >= self.tenure_cap as i32;
        let wage = booked_wage(r.wage, self.firms.hours[r.employer as usize]);
        self.resident_wages[r.region as usize].remove(wage, r.since.0, capped);
        self.resident_wages[region as usize].add(wage, r.since.0, capped);
        self.flows.moves += 1;
        self.flows.region_moved_out[r.region as usize] += 1;
        self.flows.region_moved_in[region as usize] += 1;
        self.workers.rec[i].region = region;
    }

    /// Unemployed worker `w` moves its residence to `region`, taking its spell, claim and
    /// place in the queue of job seekers with it (a move for work, `phases/migration.rs`).
    pub(crate) fn move_job_seeker(&mut self, w: u32, region: RegionId) {
        let mut r = self.workers.rec[w as usize];
        debug_assert_eq!(r.status, Status::Unemployed);
        if r.region == region {
            return;
        }
        let from = r.region as usize;
        self.pool_books().relocate(w, &mut r, region);
        self.workers.rec[w as usize] = r;
        self.flows.moves += 1;
        self.flows.job_seeker_moves += 1;
        self.flows.region_moved_out[from] += 1;
        self.flows.region_moved_in[region as usize] += 1;
    }

    /// Sets firm `j`'s normal hours to `hours` (share of full time, in (0, 1]): its staff's
    /// wages are re-booked at the new hours (a cost of one visit per employee, when hours
    /// change).
    pub(crate) fn set_hours(&mut self, j: usize, hours: f32) {
        let old = self.firms.hours[j];
        if old == hours {
            return;
        }
        let cell = self.firm_cell(j);
        for &w in self.firms.employees[j].iter() {
            let r = &self.workers.rec[w as usize];
            let capped = self.month.since(r.since) >= self.tenure_cap as i32;
            let (before, after) = (booked_wage(r.wage, old), booked_wage(r.wage, hours));
            for book in [
                &mut self.wage_cells[cell],
                &mut self.resident_wages[r.region as usize],
            ] {
                book.remove(before, r.since.0, capped);
                book.add(after, r.since.0, capped);
            }
        }
        self.firms.hours[j] = hours;
        self.firms.any_short_hours |= hours != 1.0;
    }

    /// Changes the status of payroll worker `w` between `Employed` and `ShortTime`.
    pub(crate) fn set_payroll_status(&mut self, w: u32, status: Status) {
        let i = w as usize;
        let old = self.workers.rec[i].status;
        debug_assert!(matches!(old, Status::Employed | Status::ShortTime));
        debug_assert!(matches!(status, Status::Employed | Status::ShortTime));
        if old == status {
            return;
        }
        let j = self.workers.rec[i].employer as usize;
        self.counts[old as usize] -= 1;
        self.counts[status as usize] += 1;
        let cell = self.firm_cell(j);
        if status == Status::ShortTime {
            self.firms.short_time[j] += 1;
            self.cell_short_time[cell] += 1;
        } else {
            self.firms.short_time[j] -= 1;
            self.cell_short_time[cell] -= 1;
        }
        self.workers.rec[i].status = status;
    }

    /// Lays off or separates payroll worker `w`, at position `pos` of its employer's list,
    /// into unemployment; records a displacement when `displaced` (logged as a closure when
    /// the firm is closing, else as a layoff; otherwise as a quit).
    #[inline(always)]
    pub(crate) fn separate_at(&mut self, w: u32, pos: u32, displaced: bool) {
        let mut r = self.workers.rec[w as usize];
        debug_assert_eq!(self.firms.employees[r.employer as usize][pos as usize], w);
        let j = r.employer as usize;
        let cell = self.firm_cell(j);
        let exit = if displaced {
            self.record_displacement(w, false);
            self.flows.layoffs += 1;
            self.flows.cell_layoffs[cell] += 1;
            if self.firms.status[j] == FirmStatus::Active {
                Exit::Layoff
            } else {
                Exit::Closure
            }
        } else {
            self.flows.separations += 1;
            self.flows.cell_separations[cell] += 1;
            Exit::Quit
        };
        self.leave(w, &mut r, pos, exit);
        self.enter_unemployed_rec(w, &mut r);
        self.workers.rec[w as usize] = r;
    }

    /// Records payroll worker `w` as displaced now (call before it leaves the payroll): by a
    /// closure when its firm is under closure notice, else by a layoff.
    #[inline(never)]
    pub(crate) fn record_displacement(&mut self, w: u32, job_to_job: bool) {
        let i = w as usize;
        let j = self.workers.rec[i].employer as usize;
        let cause = if self.firms.status[j] == FirmStatus::Noticed {
            Cause::Closure
        } else {
            Cause::Layoff
        };
        let age = self.workers.age_years(w, self.month);
        self.displaced_flags.set(w);
        self.displaced.push(Displacement {
            worker: w,
            month: self.month,
            wage_before: self.current_wage(w),
            firm: j as u32,
            job_start: self.workers.rec[i].since,
            sector: self.firms.sector[j],
            occupation: self.workers.rec[i].occupation,
            region: self.workers.rec[i].region,
            age_group: crate::cohorts::age_group(age),
            job_to_job,
            cause,
        });
    }

    /// Hires worker `w` (unemployed, or employed and searching on the job or under closure
    /// notice) into firm `j`, occupation `occ`.
    pub(crate) fn hire(&mut self, w: u32, j: usize, occupation: OccupationId) {
        if self.workers.rec[w as usize].status == Status::Unemployed {
            self.hire_unemployed(w, j, occupation);
            return;
        }
        // A job-to-job move: on the job, or under closure notice (then displaced, and
        // re-employed at once). The months of the old job count as contributions.
        let old = self.workers.rec[w as usize].employer as usize;
        if self.firms.status[old] == FirmStatus::Noticed || self.notice_of(w).is_some() {
            self.record_displacement(w, true);
        }
        self.flows.job_to_job += 1;
        let mut r = self.workers.rec[w as usize];
        if self.benefit_rules.enabled {
            let tenure = self.month.since(r.since).max(0);
            let c = &mut self.claims[w as usize];
            c.contribution =
                (i32::from(c.contribution) + tenure).min(crate::benefits::FRAME_MONTHS) as u8;
        }
        let from = (r.status, r.since);
        let pos = self.payroll_position(w, &r);
        self.leave(w, &mut r, pos, Exit::JobChange);
        self.enter_employed_rec(w, &mut r, j, occupation, from);
        self.workers.rec[w as usize] = r;
        self.count_hire(j);
    }

    /// [`Economy::hire`] for a worker known to be unemployed: the common case.
    #[inline(always)]
    pub(crate) fn hire_unemployed(&mut self, w: u32, j: usize, occupation: OccupationId) {
        let mut r = self.workers.rec[w as usize];
        debug_assert_eq!(r.status, Status::Unemployed);
        self.counts[Status::Unemployed as usize] -= 1;
        self.pool_books().leave(w, &r);
        r.slot = NO_SLOT;
        let from = (Status::Unemployed, r.since);
        self.enter_employed_rec(w, &mut r, j, occupation, from);
        self.workers.rec[w as usize] = r;
        self.count_hire(j);
    }

    #[inline(always)]
    fn count_hire(&mut self, j: usize) {
        self.flows.hires += 1;
        let cell = self.firm_cell(j);
        self.flows.cell_hires[cell] += 1;
    }

    /// Starts a training spell for worker `w` (unemployed or on a payroll); returns false and
    /// does nothing when the worker cannot train (retired, inactive, already training).
    pub(crate) fn start_training(&mut self, w: u32, plan: TrainingPlan) -> bool {
        let i = w as usize;
        let status = self.workers.rec[i].status;
        let t = self.month;
        match status {
            Status::Unemployed => {
                self.leave_off_payroll(w);
                self.workers.rec[i].since = t;
            }
            Status::Employed | Status::ShortTime => {
                // Stays on the payroll (same job, same tenure); only the status changes.
                let j = self.workers.rec[i].employer as usize;
                self.counts[status as usize] -= 1;
                if status == Status::ShortTime {
                    self.firms.short_time[j] -= 1;
                    let cell = self.firm_cell(j);
                    self.cell_short_time[cell] -= 1;
                }
            }
            _ => return false,
        }
        self.workers.rec[i].status = Status::Training;
        self.counts[Status::Training as usize] += 1;
        self.region_training[self.workers.rec[i].region as usize] += 1;
        let spell = self.spells.len() as u32;
        self.spells.push(TrainingSpell {
            worker: w,
            started: t,
            plan,
        });
        self.trainee_spell.insert(w, spell);
        self.schedule(
            t.plus(plan.months.max(1) as i32),
            Due::TrainingEnd { spell },
        );
        self.flows.training_starts += 1;
        true
    }

    /// Ends training spell `spell` at its planned end if it is still the worker's current one.
    pub(crate) fn finish_training(&mut self, spell: u32) {
        let w = self.spells[spell as usize].worker;
        if self.trainee_spell.get(&w) != Some(&spell) {
            return; // The worker left training (laid off, retired, dropped) before the end.
        }
        self.end_training(spell, true);
    }

    /// Ends training spell `spell` (the worker's current one) now: `completed`, the plan's
    /// skill gain and occupation apply; dropped, they do not. The worker returns to its job,
    /// or to unemployment as a fresh spell.
    pub(crate) fn end_training(&mut self, spell: u32, completed: bool) {
        let s = self.spells[spell as usize];
        let w = s.worker;
        debug_assert_eq!(self.trainee_spell.get(&w), Some(&spell));
        let i = w as usize;
        self.trainee_spell.remove(&w);
        let on_payroll = self.workers.rec[i].employer != NO_FIRM;
        self.counts[Status::Training as usize] -= 1;
        self.region_training[self.workers.rec[i].region as usize] -= 1;
        if completed {
            self.workers.rec[i].skill += s.plan.skill_gain;
            if let Some(occ) = s.plan.occupation {
                // Trained into the occupation: no skill loss for the change. A worker on a
                // payroll whose employer does not use the occupation keeps doing its job (and
                // is compared with its colleagues in layoffs); the occupation becomes its own
                // when the job ends.
                let employer = self.workers.rec[i].employer;
                let used = employer == NO_FIRM
                    || self.group_mix[self.firms.group[employer as usize] as usize]
                        .iter()
                        .any(|&(o, share)| o == occ && share > 0.0);
                if used {
                    self.workers.rec[i].occupation = occ;
                    self.requalified.remove(&w);
                } else {
                    self.requalified.insert(w, occ);
                }
            }
            self.flows.training_ends += 1;
        } else {
            self.flows.training_dropouts += 1;
        }
        if on_payroll {
            self.workers.rec[i].status = Status::Employed;
            self.counts[Status::Employed as usize] += 1;
        } else {
            // A trainee without a job re-enters unemployment as a fresh spell. The months of
            // unemployment benefit left are reduced by one for every two months of training
            // allowance received (SGB III § 148 (1) 7).
            if self.benefit_rules.enabled {
                let trained = self.month.since(s.started).clamp(0, 510) / 2;
                let c = &mut self.claims[i];
                c.left = c.left.saturating_sub(trained as u8);
            }
            self.enter_unemployed(w);
        }
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

    /// Sets the search intensity of worker `w` (1.0 = normal, up to about 7.9).
    pub(crate) fn set_intensity(&mut self, w: u32, intensity: f64) {
        let i = w as usize;
        let value = (intensity * f64::from(UNIT_INTENSITY))
            .round()
            .clamp(1.0, 255.0) as u8;
        if self.workers.rec[i].status == Status::Unemployed {
            let m = self.market(self.workers.rec[i].region, self.workers.rec[i].occupation);
            let before = self.workers.rec[i].intensity;
            self.pool_intensity[m] -= u64::from(before);
            self.pool_intensity[m] += u64::from(value);
            self.pool_nonunit[m] -= u32::from(before != UNIT_INTENSITY);
            self.pool_nonunit[m] += u32::from(value != UNIT_INTENSITY);
            if value > self.pool_max_intensity[m] {
                self.pool_max_intensity[m] = value;
            }
        }
        self.workers.rec[i].intensity = value;
    }

    /// Processes the checks due this month (long-term unemployment, tenure caps, training ends).
    pub(crate) fn process_agenda(&mut self) {
        self.promote_long_term();
        if self.benefit_rules.enabled {
            self.expire_claims();
        }
        let offset = self.month.since(self.start);
        if offset < 0 || offset as usize >= self.agenda.len() {
            return;
        }
        let due = std::mem::take(&mut self.agenda[offset as usize]);
        for d in due {
            match d {
                Due::TenureCap { worker, since } => {
                    let i = worker as usize;
                    let on_payroll = self.workers.rec[i].employer != NO_FIRM;
                    if on_payroll && self.workers.rec[i].since == since {
                        let cell = self.firm_cell(self.workers.rec[i].employer as usize);
                        let (wage, home) = (self.workers.rec[i].wage, self.workers.rec[i].region);
                        let j = self.workers.rec[i].employer as usize;
                        let wage = booked_wage(wage, self.firms.hours[j]);
                        self.wage_cells[cell].cap(wage, since.0);
                        self.resident_wages[home as usize].cap(wage, since.0);
                    }
                }
                Due::TrainingEnd { spell } => self.finish_training(spell),
                Due::NoticeEnd {
                    worker,
                    firm,
                    since,
                } => self.end_notice(worker, firm, since),
            }
        }
    }

    /// Unemployed workers whose unemployment benefit runs out this month move to basic income.
    /// A scheduled end is void when the worker has left that spell since.
    fn expire_claims(&mut self) {
        let t = self.month;
        let offset = t.since(self.benefits.start);
        if offset < 0 || offset as usize >= self.benefits.ends.len() {
            return;
        }
        let due = std::mem::take(&mut self.benefits.ends[offset as usize]);
        for (w, since) in due {
            let r = &self.workers.rec[w as usize];
            let c = &self.claims[w as usize];
            if r.status == Status::Unemployed && r.since == since && c.ends == t {
                self.benefits.expire(r.region as usize, c);
            }
        }
    }

    /// Gives initially unemployed worker `w` (spell already backdated) the claim it would have
    /// had from a job lost at the start of its spell, with `contribution` months in the frame.
    pub(crate) fn set_initial_claim(&mut self, w: u32, contribution: i32) {
        if !self.benefit_rules.enabled {
            return;
        }
        let i = w as usize;
        let t = self.month;
        let r = self.workers.rec[i];
        debug_assert_eq!(r.status, Status::Unemployed);
        self.benefits.remove(r.region as usize, &self.claims[i], t);
        let age = r.since.since(r.birth).div_euclid(12);
        let children = self.benefit_rules.has_children(self.workers.id[i]);
        let contribution = contribution.clamp(0, crate::benefits::FRAME_MONTHS);
        let months = crate::benefits::entitlement_months(contribution, age);
        let c = &mut self.claims[i];
        c.contribution = contribution as u8;
        c.amount = self.benefit_rules.benefit(r.wage, children);
        c.ends = r.since.plus(months);
        c.left = 0;
        self.benefits.add(w, r.region as usize, c, t, r.since);
    }

    /// Spells that started [`LONG_TERM_MONTHS`] ago and are still running become long-term
    /// this month, all of them at once.
    fn promote_long_term(&mut self) {
        let since = self.month.plus(-LONG_TERM_MONTHS);
        let b = RecentSpells::bucket(since);
        if self.recent.since[b] != since {
            return;
        }
        let n = self.recent.n_regions;
        for (long, recent) in self
            .region_long_term
            .iter_mut()
            .zip(&mut self.recent.count[b * n..(b + 1) * n])
        {
            *long += std::mem::take(recent);
        }
        self.long_term_last_wage += std::mem::take(&mut self.recent.wage[b]);
    }

    /// Long-term unemployed in all regions.
    pub fn long_term_unemployed(&self) -> u64 {
        self.region_long_term.iter().sum()
    }
}

/// Files check `due` for month `at` in `agenda` (months counted from `start`); checks after the
/// run are dropped.
pub(crate) fn schedule_in(agenda: &mut [Vec<Due>], start: Month, at: Month, due: Due) {
    let offset = at.since(start);
    if offset >= 0 && (offset as usize) < agenda.len() {
        agenda[offset as usize].push(due);
    }
}

/// The starting wage a firm with wage level `level` (€) pays a worker of log skill `skill`, cents.
pub fn offered_wage(level: f32, skill: f32) -> u32 {
    let base = f64::from(level) * 100.0;
    // exp(0) = 1 exactly: skip the library call for workers of average skill.
    cents(if skill == 0.0 {
        base
    } else {
        base * f64::from(skill).exp()
    })
}

/// Rounds a non-negative amount of cents to the nearest cent (half up), saturating at the
/// bounds of `u32` (Rust float-to-integer casts saturate). Written as add-and-truncate:
/// `f64::round` is a library call on baseline x86-64 and showed up in profiles of the hire path.
#[inline]
pub fn cents(x: f64) -> u32 {
    (x + 0.5) as u32
}

impl Economy {
    /// Moves the start of unemployed worker `w`'s spell back to `since` (initial population):
    /// the worker counts as long-term unemployed at once if the spell is already long enough.
    pub(crate) fn backdate_unemployment(&mut self, w: u32, since: Month) {
        let i = w as usize;
        debug_assert_eq!(self.workers.rec[i].status, Status::Unemployed);
        let r = self.workers.rec[i];
        if since == r.since {
            return;
        }
        debug_assert!(self.month.since(r.since) < LONG_TERM_MONTHS && since < r.since);
        let region = r.region as usize;
        self.recent.remove(r.since, region, r.wage);
        self.workers.rec[i].since = since;
        if self.month.since(since) >= LONG_TERM_MONTHS {
            self.region_long_term[region] += 1;
            self.long_term_last_wage += i128::from(r.wage);
        } else {
            self.recent.add(since, region, r.wage);
        }
    }
}
