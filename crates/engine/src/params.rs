//! Validated model parameters: everything a run needs, with units, built only by the scenario
//! loader (or by named presets in tests).
//!
//! There is deliberately no `Default`: every value comes from a scenario, where each default is
//! written down with its source (see `docs/model.md`).

use crate::benefits::BenefitRules;
use crate::calendar::Month;
use crate::path::Path;

/// Index of a region in [`Params::regions`].
pub type RegionId = u16;
/// Index of an occupation in [`Params::occupations`].
pub type OccupationId = u16;
/// Index of a sector in [`Params::sectors`].
pub type SectorId = u16;
/// Index of a firm group in [`Params::firm_groups`].
pub type GroupId = u16;

/// All parameters of one run (every replication shares them).
#[derive(Clone, Debug)]
pub struct Params {
    /// First simulated month.
    pub start: Month,
    /// Number of reported months (at least 1).
    pub months: u32,
    /// Months simulated before `start` and not reported (burn-in), so that the first reported
    /// month is already near the stationary state; they run without policies.
    pub warmup_months: u32,
    /// Master seed; replication `r` uses the streams of `(seed, r)`.
    pub seed: u64,
    /// Region names.
    pub regions: Vec<String>,
    /// Accessibility between regions, row-major `R × R`, each in [0, 1]: the weight a job
    /// seeker living in the row region gives to jobs in the column region (1 on the diagonal).
    pub accessibility: Vec<f64>,
    /// Occupation names.
    pub occupations: Vec<String>,
    /// Skill similarity between occupations, row-major `O × O`, each in [0, 1], 1 on the
    /// diagonal: how much of a worker's occupational skill carries over from row to column.
    pub similarity: Vec<f64>,
    /// Sectors.
    pub sectors: Vec<Sector>,
    /// Firm groups: firms created at the start.
    pub firm_groups: Vec<FirmGroup>,
    /// The initial worker population.
    pub population: Population,
    /// Retirement, entry and exits from the labour force.
    pub demography: Demography,
    /// Wage setting and human capital.
    pub wages: Wages,
    /// Search and matching.
    pub matching: Matching,
    /// Scheduled plant closures.
    pub closures: Vec<Closure>,
    /// Scheduled technology switches.
    pub technology_switches: Vec<TechnologySwitch>,
    /// Local supply-chain links from a customer sector to supplier sectors.
    pub supply_links: Vec<SupplyLink>,
    /// Months after displacement that displaced workers are followed (cohort outputs).
    pub cohort_horizon: u32,
    /// Factor on the layoff speed of firms with a works council, in [0, 1].
    pub works_council_layoff_factor: f64,
    /// Whether ordinary layoffs give notice by tenure (§ 622 BGB, calibration: K4) instead of
    /// separating at once.
    pub notice_by_tenure: bool,
    /// Whether hires and separations are logged each month (`events.rs`): on for scenarios
    /// (policies read the log), off in the DMP reference case, whose millions of flows a month
    /// nothing reads (the log costs about a quarter of its run time; `docs/performance.md`).
    pub event_log: bool,
    /// Unemployment benefit and basic income.
    pub benefits: BenefitRules,
    /// Residence moves and residents' local spending.
    pub regional: Regional,
    /// Job creation and destruction by firms' own decisions (`phases/creation.rs`).
    pub jobs: JobCreation,
}

/// Job creation and destruction by firms' own decisions: a firm widens its capacity while a
/// filled job is worth more than the expected cost of filling it, and narrows it while it is
/// worth less (the job-creation condition of the DMP model at the firm level,
/// `phases/creation.rs`). Units: months and shares of the firm's monthly entry wage.
#[derive(Clone, Debug)]
pub struct JobCreation {
    /// Whether firms adjust their capacity; off, jobs follow the demand paths only.
    pub enabled: bool,
    /// Vacancy duration at which a firm at its base size, paying its initial wage, is
    /// indifferent between creating a job and not, months: sets each firm's output per
    /// worker (calibration: M7).
    pub vacancy_duration_months: f64,
    /// Elasticity of demand for a firm's output with respect to its price: a firm that grows
    /// relative to the economy's mean capacity sells its output at a lower price, by
    /// `(capacity / mean)^(−1 / elasticity)`.
    pub demand_elasticity: f64,
    /// Cost of a hire besides the time the vacancy is open (adaptation, training in), months of
    /// the entry wage.
    pub hiring_cost_months: f64,
    /// Cost of keeping a vacancy open (recruitment effort, output forgone), share of the
    /// monthly entry wage per month the vacancy is open.
    pub vacancy_cost: f64,
    /// Monthly discount rate of firms.
    pub discount_rate: f64,
    /// Largest change of a firm's capacity in one month, log points.
    pub adjustment_speed: f64,
    /// Mean lag of the vacancy-duration signal firms act on, months (exponential smoothing of
    /// each cell's vacancies and hires).
    pub signal_months: f64,
    /// Months in a row without a target and without staff after which a firm exits (0: never).
    pub exit_after_months: u32,
}

impl JobCreation {
    /// No job creation beyond the demand paths (the DMP reference case).
    pub fn off() -> JobCreation {
        JobCreation {
            enabled: false,
            vacancy_duration_months: 0.0,
            demand_elasticity: 1.0,
            hiring_cost_months: 0.0,
            vacancy_cost: 0.0,
            discount_rate: 0.0,
            adjustment_speed: 0.0,
            signal_months: 0.0,
            exit_after_months: 0,
        }
    }
}

/// Where workers live and spend: residence moves and the lag of local spending.
#[derive(Clone, Debug)]
pub struct Regional {
    /// Mean lag of residents' spending behind their incomes, months (exponential smoothing
    /// with weight `1 / (1 + lag)` on the newest month; 0: spending follows last month's income).
    pub spending_lag_months: f64,
    /// Monthly probability that a worker whose employer is in another region than their
    /// residence moves to the employer's region, in [0, 1].
    pub commuter_move_rate: f64,
    /// Monthly probability that an unemployed job seeker moves to a fully accessible region
    /// whose expected earnings equal its own region's, in [0, 1] (`phases/migration.rs`).
    pub job_seeker_move_rate: f64,
    /// Elasticity of a job seeker's moving probability to the ratio of expected earnings,
    /// destination over home (≥ 0).
    pub move_gain_elasticity: f64,
}

/// A sector of the economy.
#[derive(Clone, Debug)]
pub struct Sector {
    /// Name.
    pub name: String,
    /// Product demand index over time (1 = the level at which firms have their base size).
    pub demand: Path,
    /// Labour productivity index over time (1 = base); labour demand is demand / productivity.
    pub productivity: Path,
    /// Monthly probability that a job ends in a quit or dismissal into unemployment, in [0, 1].
    pub separation_rate: f64,
    /// Share of a firm's excess workforce it lays off per month, in [0, 1]: 1 lays off at once,
    /// 0 shrinks by attrition only.
    pub layoff_speed: f64,
    /// Share of the sector's demand in a region that the region's residents spend out of their
    /// incomes (wages and transfers), in [0, 1]: the non-tradable part, which follows local
    /// incomes with a lag. 0 for a tradable sector.
    pub local_demand: f64,
}

/// How many workers a firm of a group is sized for at demand index 1.
#[derive(Clone, Debug, PartialEq)]
pub enum SizeDist {
    /// Every firm has the same base size.
    Fixed(u32),
    /// Base size drawn from a log-normal with this mean and standard deviation (workers),
    /// rounded, at least 1.
    LogNormal {
        /// Mean size, workers.
        mean: f64,
        /// Standard deviation, workers.
        sd: f64,
    },
}

/// A group of alike firms.
#[derive(Clone, Debug)]
pub struct FirmGroup {
    /// Name, used by shocks to refer to the group.
    pub name: String,
    /// Number of firms.
    pub count: u32,
    /// Sector of every firm in the group.
    pub sector: SectorId,
    /// Region of every firm in the group.
    pub region: RegionId,
    /// Base size distribution.
    pub size: SizeDist,
    /// Occupations the firms hire and their shares (positive, summing to 1).
    pub occupation_mix: Vec<(OccupationId, f64)>,
    /// Monthly gross wage paid to a worker of average skill at zero tenure, €.
    pub wage: f64,
    /// Technology label (for outputs; a technology switch changes it).
    pub technology: String,
    /// Share of the group's firms with a works council, in [0, 1].
    pub works_council_share: f64,
    /// Share of the group's firms that train (apprentices or structured on-the-job training),
    /// in [0, 1]: a hiring subsidy's training condition reads it.
    pub training_share: f64,
}

/// Properties of the workers created at the start.
#[derive(Clone, Debug)]
pub struct Population {
    /// Number of workers; `None` derives it from the jobs and `initial_unemployment`.
    pub count: Option<u32>,
    /// Share of the labour force unemployed at the start, in [0, 1) (used when `count` is None).
    pub initial_unemployment: f64,
    /// Youngest initial age, years.
    pub age_min: u32,
    /// Oldest initial age, years (exclusive upper bound of the age draw).
    pub age_max: u32,
    /// Relative size of the initial labour force in consecutive five-year age bands from
    /// `age_min` (the last band ends at `age_max`); ages are uniform within a band. Empty:
    /// uniform over [`age_min`, `age_max`).
    pub age_band_weights: Vec<f64>,
    /// Standard deviation of log general skill (log points).
    pub skill_sd: f64,
    /// Mean and standard deviation of learning propensity (Beta distributed on [0, 1]).
    pub learning: (f64, f64),
    /// Mean and standard deviation of mobility propensity (Beta distributed on [0, 1]).
    pub mobility: (f64, f64),
}

/// Retirement, entry and labour-force exit.
#[derive(Clone, Debug)]
pub struct Demography {
    /// Statutory pension age in years; `None` switches retirement and entry off.
    pub pension_age: Option<u32>,
    /// Age of labour-market entrants, years.
    pub entry_age: u32,
    /// Entrants per retiree (1 keeps the population stationary).
    pub entry_per_retirement: f64,
    /// Age from which unemployed workers may leave the labour force, years.
    pub older_age: u32,
    /// Monthly probability that an unemployed worker of `older_age` or more leaves the labour force
    /// (under the region's usual conditions when participation responds to them).
    pub older_exit_rate: f64,
    /// Monthly probability that an unemployed worker younger than `older_age` leaves the labour
    /// force (discouraged), under the region's usual conditions.
    pub discouraged_exit_rate: f64,
    /// Monthly probability that an inactive worker below the pension age comes back to search,
    /// under the region's usual conditions.
    pub reentry_rate: f64,
    /// Elasticity of exits (and, with the opposite sign, of re-entry) with respect to the
    /// region's unemployment rate against its usual rate; 0: participation ignores local
    /// conditions.
    pub participation_elasticity: f64,
    /// Mean lag of a region's usual unemployment rate behind its current rate, months
    /// (exponential smoothing).
    pub usual_rate_months: f64,
}

/// Wages and human capital.
#[derive(Clone, Debug)]
pub struct Wages {
    /// Wage growth per month of tenure with the current employer (firm-specific capital), as a
    /// share of the starting wage.
    pub tenure_return: f64,
    /// Months of tenure after which firm-specific capital stops growing.
    pub tenure_cap_months: u32,
    /// Log-skill lost when moving to an occupation of similarity 0 (scaled by 1 - similarity).
    pub occupation_change_loss: f64,
    /// Standard deviation of firms' log wage premiums around their group's wage (log points):
    /// firms of a group pay different wages for the same worker, so there is a ladder to climb.
    pub firm_premium_sd: f64,
    /// Long-run elasticity of entry wages with respect to the region's unemployment rate
    /// relative to the economy's (the wage curve; ≤ 0, 0 switches it off).
    pub curve_elasticity: f64,
    /// Share of last year's regional entry-wage index that persists a year later (the wage
    /// equation's autoregressive coefficient), in [0, 1).
    pub curve_persistence: f64,
}

/// Search and matching.
#[derive(Clone, Debug)]
pub struct Matching {
    /// Which matching process runs.
    pub mode: MatchingMode,
    /// Matching efficiency μ of the aggregate matching function.
    pub efficiency: f64,
    /// Elasticity α of matches with respect to job seekers.
    pub elasticity: f64,
    /// Applications a job seeker sends per month (applications mode).
    pub applications_per_month: f64,
    /// Applicants a firm screens per open vacancy and month, at most (applications mode).
    pub screening_per_vacancy: f64,
    /// Probability that a screened applicant is found suitable, in (0, 1] (applications mode).
    pub suitability: f64,
    /// Search intensity of workers under closure notice, relative to an unemployed worker.
    pub notice_search_intensity: f64,
    /// Monthly probability that an employed worker of a producing firm searches on the job
    /// (applications mode).
    pub on_the_job_search: f64,
    /// Search intensity of an on-the-job searcher, relative to an unemployed worker.
    pub on_the_job_intensity: f64,
    /// Least gain over the current wage, as a share, for which an employed worker changes
    /// jobs (applications mode).
    pub job_change_premium: f64,
    /// Dispersion (standard deviation of the log) of the non-wage value of a job that an
    /// on-the-job searcher sees in an offer, against its current job's (0: only pay counts).
    pub amenity_dispersion: f64,
    /// Share of the gap between an unemployed worker's asking wage and the best offer it
    /// turned down that the worker closes each month (applications mode; 0: workers ask for
    /// what the rules on reasonable offers let them refuse, scaled by the reservation factor).
    pub asking_adjustment: f64,
    /// Employed applicants (on-the-job searchers) a vacancy screens per month, apart from its
    /// unemployed applicants and those under notice (applications mode; 0: one pool for all).
    pub screening_employed: f64,
    /// Whether the asking wage of a worker out of work or under notice is at most the offer it
    /// can expect within its search (the mean wage level of the open vacancies of the markets
    /// its market's seekers search, weighted by search weight × vacancies, at its skill),
    /// besides what it learns from offers it turns down (applications mode).
    pub expected_offers: bool,
}

/// The matching process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchingMode {
    /// Cobb-Douglas matching function per local market (the textbook DMP case).
    Aggregate,
    /// Job seekers apply to vacancies; firms choose among applicants.
    Applications,
}

/// A plant closure: a share of a firm group's firms announce and then close.
#[derive(Clone, Debug)]
pub struct Closure {
    /// The firm group.
    pub group: GroupId,
    /// Share of the group's firms that close, in (0, 1]; the first firms of the group close.
    pub share: f64,
    /// Month the closure is announced (from then the firm stops hiring and its workers search).
    pub announced: Month,
    /// Month the firm closes and lays off everyone left (not before `announced`).
    pub closes: Month,
}

/// A technology switch: a firm group changes how much and which labour it needs.
#[derive(Clone, Debug)]
pub struct TechnologySwitch {
    /// The firm group.
    pub group: GroupId,
    /// Month of the switch.
    pub month: Month,
    /// New technology label.
    pub technology: String,
    /// Labour needed per unit of output after the switch, relative to before (> 0).
    pub labour_factor: f64,
    /// New occupation mix for hiring; `None` keeps the old one.
    pub occupation_mix: Option<Vec<(OccupationId, f64)>>,
}

/// A local supply-chain link: suppliers' demand follows the customer sector's local employment.
#[derive(Clone, Debug)]
pub struct SupplyLink {
    /// The sector whose local employment drives demand.
    pub customer: SectorId,
    /// The sector whose local demand depends on it.
    pub supplier: SectorId,
    /// Share of the supplier's local demand that depends on the customer, in [0, 1].
    pub dependence: f64,
}

impl Params {
    /// Number of local labour markets (region × occupation).
    pub fn n_markets(&self) -> usize {
        self.regions.len() * self.occupations.len()
    }

    /// The local market of `(region, occupation)`.
    pub fn market(&self, region: RegionId, occupation: OccupationId) -> usize {
        region as usize * self.occupations.len() + occupation as usize
    }

    /// The month after the last simulated month.
    pub fn end(&self) -> Month {
        self.start.plus(self.months as i32)
    }

    /// The first simulated month: the start of the warm-up, `warmup_months` before `start`.
    pub fn first_month(&self) -> Month {
        self.start.plus(-(self.warmup_months as i32))
    }

    /// Months simulated in all: warm-up and reported months.
    pub fn simulated_months(&self) -> u32 {
        self.warmup_months + self.months
    }

    /// The DMP reference model's case A (`dmp-reference.md`), scaled to `n_workers` workers
    /// and `n_workers / 100` firms over `months` months.
    pub fn dmp_case(n_workers: u32, months: u32, seed: u64) -> Params {
        dmp(DmpCase {
            n_workers,
            n_segments: 10,
            n_firms: n_workers / 100,
            target: 95,
            separation: 0.02,
            efficiency: 0.3,
            elasticity: 0.5,
            months,
            seed,
        })
    }
}

/// Parameters of the DMP reference model (`dmp-reference.md`).
#[derive(Clone, Copy, Debug)]
pub struct DmpCase {
    /// Workers N.
    pub n_workers: u32,
    /// Segments K (regions, one occupation, no cross-region search).
    pub n_segments: u32,
    /// Firms F.
    pub n_firms: u32,
    /// Target headcount T of every firm.
    pub target: u32,
    /// Monthly separation probability s.
    pub separation: f64,
    /// Matching efficiency μ.
    pub efficiency: f64,
    /// Matching elasticity α.
    pub elasticity: f64,
    /// Months to simulate.
    pub months: u32,
    /// Seed.
    pub seed: u64,
}

/// Builds the DMP reference model as ordinary parameters: one sector, one occupation, K regions
/// with no cross-region search, no demography, aggregate matching.
pub fn dmp(case: DmpCase) -> Params {
    let k = case.n_segments as usize;
    let mut accessibility = vec![0.0; k * k];
    for r in 0..k {
        accessibility[r * k + r] = 1.0;
    }
    let firm_groups = (0..k)
        .map(|r| FirmGroup {
            name: format!("firms_{r}"),
            count: case.n_firms / case.n_segments
                + u32::from((r as u32) < case.n_firms % case.n_segments),
            sector: 0,
            region: r as RegionId,
            size: SizeDist::Fixed(case.target),
            occupation_mix: vec![(0, 1.0)],
            wage: 3000.0,
            technology: "any".into(),
            works_council_share: 0.0,
            training_share: 0.0,
        })
        .collect();
    Params {
        start: Month::from_ym(2000, 1),
        months: case.months,
        warmup_months: 0,
        seed: case.seed,
        regions: (0..k).map(|r| format!("segment_{r}")).collect(),
        accessibility,
        occupations: vec!["any".into()],
        similarity: vec![1.0],
        sectors: vec![Sector {
            name: "all".into(),
            demand: Path::constant(1.0),
            productivity: Path::constant(1.0),
            separation_rate: case.separation,
            layoff_speed: 1.0,
            local_demand: 0.0,
        }],
        firm_groups,
        population: Population {
            count: Some(case.n_workers),
            initial_unemployment: 0.0,
            age_min: 30,
            age_max: 31,
            age_band_weights: vec![],
            skill_sd: 0.0,
            learning: (0.5, 0.0),
            mobility: (0.5, 0.0),
        },
        demography: Demography {
            pension_age: None,
            entry_age: 20,
            entry_per_retirement: 1.0,
            older_age: 55,
            older_exit_rate: 0.0,
            discouraged_exit_rate: 0.0,
            reentry_rate: 0.0,
            participation_elasticity: 0.0,
            usual_rate_months: 60.0,
        },
        wages: Wages {
            tenure_return: 0.0,
            tenure_cap_months: 0,
            occupation_change_loss: 0.0,
            firm_premium_sd: 0.0,
            curve_elasticity: 0.0,
            curve_persistence: 0.0,
        },
        matching: Matching {
            mode: MatchingMode::Aggregate,
            efficiency: case.efficiency,
            elasticity: case.elasticity,
            applications_per_month: 1.0,
            screening_per_vacancy: 1.0,
            suitability: 1.0,
            notice_search_intensity: 0.0,
            on_the_job_search: 0.0,
            on_the_job_intensity: 0.0,
            job_change_premium: 0.0,
            amenity_dispersion: 0.0,
            asking_adjustment: 0.0,
            screening_employed: 0.0,
            expected_offers: false,
        },
        closures: vec![],
        technology_switches: vec![],
        supply_links: vec![],
        cohort_horizon: 24,
        works_council_layoff_factor: 1.0,
        notice_by_tenure: false,
        event_log: false,
        benefits: BenefitRules::none(),
        regional: Regional {
            spending_lag_months: 0.0,
            commuter_move_rate: 0.0,
            job_seeker_move_rate: 0.0,
            move_gain_elasticity: 0.0,
        },
        jobs: JobCreation::off(),
    }
}
