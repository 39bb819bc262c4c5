//! The records of the state: a worker, the workers and firms as struct-of-arrays, training
//! spells, displacements, notices, the month's flow counters, the unemployment spells not yet
//! long-term, and what firms observe of their markets; with the small functions of wages that
//! the state and the phases share.

use crate::calendar::Month;
use crate::params::{OccupationId, RegionId, SectorId};
use crate::payroll::Payrolls;
use crate::status::{Cause, FirmStatus, Status};
use crate::wagebook::cents;

/// Marks "no employer".
pub const NO_FIRM: u32 = u32::MAX;

/// Marks "in no list".
pub const NO_SLOT: u32 = u32::MAX;

/// Search intensity 1.0 in the `intensity` column's fixed-point scale.
pub const UNIT_INTENSITY: u8 = 32;

/// Months of unemployment after which a worker counts as long-term unemployed.
pub const LONG_TERM_MONTHS: i32 = 12;

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
    /// Age group at displacement (index into [`crate::ages::AGE_GROUPS`]).
    pub age_group: u8,
    /// True when the worker left for another job while under notice.
    pub job_to_job: bool,
    /// Why the worker counts as displaced.
    pub cause: Cause,
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

/// Unemployment spells younger than [`LONG_TERM_MONTHS`], by start month: bucket `b` holds the
/// spells that started in month `since[b]` (`b` = that month modulo [`LONG_TERM_MONTHS`]), per
/// region, and the sum of their last wages. A bucket becomes long-term as a whole when its
/// spells reach [`LONG_TERM_MONTHS`], so no worker is visited for it.
#[derive(Clone, Debug)]
pub(crate) struct RecentSpells {
    /// Start month each bucket holds.
    pub(crate) since: [Month; LONG_TERM_MONTHS as usize],
    /// Workers per bucket and region (`bucket * n_regions + region`).
    pub(crate) count: Vec<u64>,
    /// Σ last wage per bucket, cents.
    pub(crate) wage: [i128; LONG_TERM_MONTHS as usize],
    pub(crate) n_regions: usize,
}

impl RecentSpells {
    pub(crate) fn new(n_regions: usize) -> RecentSpells {
        RecentSpells {
            since: [Month(i32::MIN); LONG_TERM_MONTHS as usize],
            count: vec![0; LONG_TERM_MONTHS as usize * n_regions],
            wage: [0; LONG_TERM_MONTHS as usize],
            n_regions,
        }
    }

    #[inline]
    pub(crate) fn bucket(since: Month) -> usize {
        since.0.rem_euclid(LONG_TERM_MONTHS) as usize
    }

    /// Counts a spell that started at `since` (less than [`LONG_TERM_MONTHS`] ago).
    #[inline]
    pub(crate) fn add(&mut self, since: Month, region: usize, wage: u32) {
        let b = Self::bucket(since);
        if self.since[b] != since {
            // The bucket's previous month became long-term and was emptied when it did.
            debug_assert!(self.wage[b] == 0 && self.bucket_counts(b).iter().all(|&n| n == 0));
            self.since[b] = since;
        }
        self.count[b * self.n_regions + region] += 1;
        self.wage[b] += i128::from(wage);
    }

    /// The per-region counts of bucket `b`.
    pub(crate) fn bucket_counts(&self, b: usize) -> &[u64] {
        &self.count[b * self.n_regions..(b + 1) * self.n_regions]
    }

    /// Removes a spell added with the same arguments.
    #[inline]
    pub(crate) fn remove(&mut self, since: Month, region: usize, wage: u32) {
        let b = Self::bucket(since);
        debug_assert_eq!(self.since[b], since);
        self.count[b * self.n_regions + region] -= 1;
        self.wage[b] -= i128::from(wage);
    }
}

/// What firms observe of their markets.
#[derive(Clone, Debug, Default)]
pub struct MarketSignals {
    /// Vacancies posted per cell and month, smoothed.
    pub cell_vacancies: Vec<f64>,
    /// Hires per cell and month, smoothed.
    pub cell_hires: Vec<f64>,
    /// Months observed so far (the first observation sets the smoothed values).
    pub months_observed: u32,
    /// Log entry-wage index per region (0 at the start).
    pub log_wage_index: Vec<f64>,
    /// Each region's usual unemployment rate: its rate smoothed over
    /// `demography.usual_rate_months` (`None` before the first month).
    pub usual_unemployment: Option<Vec<f64>>,
}
