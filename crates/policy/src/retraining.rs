//! Retraining by learning partnership (Stuart & Wallis 2007, the seed paper): courses that take
//! workers out of work or search for a while and return them with more skill or a new
//! occupation. Three kinds set documented defaults that a scenario may override:
//!
//! | kind | who is eligible | what is learnt | months | take-up | 50+ reach | propensity | completion |
//! | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |
//! | `neo_corporatist` (sector-wide bodies) | employed, under notice, displaced | up-skilling | 6 | 0.05 | 0.4 | 1.5 | 0.80 |
//! | `micro_corporatist` (a firm and its works council) | employed of producing firms | up-skilling | 2 | 0.10 | 0.5 | 1.0 | 0.95 |
//! | `local_union` (union learning in a closure) | under notice, displaced | a new occupation in demand | 12 | 0.15 | 1.0 | 0.25 | 0.75 |
//!
//! Mechanism, each month from `start` to `end` (exclusive):
//!
//! 1. **Who may enter** (hook `before_matching`, after the month's layoffs and closures):
//!    - `employed`: the staff of producing firms in the target (not under notice);
//!    - `under_notice`: staff of target firms whose closure is announced, and workers given
//!      notice of layoff by a target firm;
//!    - `displaced`: workers displaced from a target firm (closure or layoff) within the last
//!      `displaced_window` months who are still unemployed.
//! 2. **Take-up**: each eligible worker enters this month with probability
//!    `take_up × a × (2 ℓ)^propensity_elasticity` (capped at 1), where `ℓ` in [0, 1] is the
//!    worker's learning propensity and `a` is `older_reach` for workers aged 50 or more, 1
//!    otherwise: the local-union kind reaches reluctant and older learners (elasticity near 0,
//!    `older_reach` 1), the others mostly the eager and the young. The draw is the worker's
//!    own ([`PolicyCtx::worker_draw`]), so the same person decides the same in every arm.
//!    For the employed of producing firms the number considered at a firm is binomial
//!    (cost follows take-up, not the staff), then thinned to each worker's probability.
//!    With a `capacity`, participants never exceed it: when more want to enter than there are
//!    places, places go in the order of a per-worker draw.
//! 3. **Training** (the engine's training spell): participants neither work nor search; an
//!    employed participant keeps the job and its pay, an unemployed one receives the training
//!    allowance (unemployment benefit at the worker's rate on the last wage, SGB III § 144)
//!    instead of benefit. At the start of each course month after the first, a participant
//!    drops out with the hazard that makes completion over the course
//!    `completion × (1 + completion_propensity × (ℓ − 0.5))` (capped to [0, 1]) over those
//!    `months − 1` draws (a one-month course has none); dropouts return without the gain.
//! 4. **Completion** after `months`: `skill_gain` log points of skill, and with
//!    `learns = "new_occupation"` the occupation chosen at entry: the one with the most open
//!    vacancies within reach (every region's, weighted by its accessibility from the worker's
//!    region), weighted by `0.25 + similarity` to the current one (so nearby occupations in
//!    demand come first), if any has vacancies. Each worker takes one course in a run.
//!
//! Ledger items: `course_costs` (`cost_per_month` per participant-month) and
//! `training_allowance`. `policies.csv` reports participants, entries, exits, completions and
//! dropouts.

use std::collections::{BTreeMap, BTreeSet};

use rand::RngExt;
use rand_distr::{Binomial, Distribution};
use wandel_engine::policy::{DisplacementCtx, MatchingCtx, Policy, PolicyCtx, StartCtx};
use wandel_engine::prefetch::prefetch;
use wandel_engine::state::NO_FIRM;
use wandel_engine::state::{Displacement, FirmStatus, TrainingPlan};
use wandel_engine::{Economy, Month, MonthRecord, Params, Status};

use crate::demand;
use crate::kind::Tally;
use crate::{Intervention, PolicyMonth};

/// Item: course costs, cost.
pub const COURSE_COSTS: &str = "course_costs";
/// Item: training allowance of participants without a job, cost.
pub const ALLOWANCE: &str = "training_allowance";

/// Age from which `older_reach` applies, years.
pub const OLDER_AGE: i32 = 50;

// Questions of the per-worker draws.
const TAKE_UP: u64 = 1;
const QUEUE: u64 = 2;
const DROPOUT: u64 = 3;

/// The kind of learning partnership (Stuart & Wallis 2007).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetrainingKind {
    /// Sector-wide, run by employers' associations and unions together.
    NeoCorporatist,
    /// One firm and its works council, for its own staff.
    MicroCorporatist,
    /// A union's learning programme for the workers of a closure.
    LocalUnion,
}

impl RetrainingKind {
    /// The kinds as written in a scenario.
    pub const NAMES: [&'static str; 3] = ["neo_corporatist", "micro_corporatist", "local_union"];

    /// From its name in a scenario.
    pub fn from_name(name: &str) -> Option<RetrainingKind> {
        match name {
            "neo_corporatist" => Some(RetrainingKind::NeoCorporatist),
            "micro_corporatist" => Some(RetrainingKind::MicroCorporatist),
            "local_union" => Some(RetrainingKind::LocalUnion),
            _ => None,
        }
    }

    /// The kind's documented defaults (see the module header and `docs/policies.md`).
    pub fn defaults(self) -> RetrainingDefaults {
        match self {
            RetrainingKind::NeoCorporatist => RetrainingDefaults {
                eligible: Eligible {
                    employed: true,
                    under_notice: true,
                    displaced: true,
                },
                new_occupation: false,
                months: 6,
                skill_gain: 0.05,
                take_up: 0.05,
                older_reach: 0.4,
                propensity_elasticity: 1.5,
                completion: 0.80,
            },
            RetrainingKind::MicroCorporatist => RetrainingDefaults {
                eligible: Eligible {
                    employed: true,
                    under_notice: false,
                    displaced: false,
                },
                new_occupation: false,
                months: 2,
                skill_gain: 0.03,
                take_up: 0.10,
                older_reach: 0.5,
                propensity_elasticity: 1.0,
                completion: 0.95,
            },
            RetrainingKind::LocalUnion => RetrainingDefaults {
                eligible: Eligible {
                    employed: false,
                    under_notice: true,
                    displaced: true,
                },
                new_occupation: true,
                months: 12,
                skill_gain: 0.15,
                take_up: 0.15,
                older_reach: 1.0,
                propensity_elasticity: 0.25,
                completion: 0.75,
            },
        }
    }
}

pub use crate::target::Eligible;

/// A kind's defaults (every one can be overridden in the scenario).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetrainingDefaults {
    /// Who may enter.
    pub eligible: Eligible,
    /// Whether completion brings a new occupation (otherwise up-skilling in the current one).
    pub new_occupation: bool,
    /// Course length, months.
    pub months: u32,
    /// Log skill gained on completion.
    pub skill_gain: f64,
    /// Monthly take-up probability of an eligible worker of average learning propensity, under 50.
    pub take_up: f64,
    /// Take-up factor for workers aged 50 or more.
    pub older_reach: f64,
    /// How strongly take-up follows learning propensity (0: not at all).
    pub propensity_elasticity: f64,
    /// Share completing, at average learning propensity.
    pub completion: f64,
}

/// `[[policies.retraining]]`, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct RetrainingSpec {
    /// What every policy table has: name, start, end, target, capacity.
    pub common: Common,
    /// The kind of partnership.
    pub kind: RetrainingKind,
    /// Who may enter.
    pub eligible: Eligible,
    /// Occupations whose workers are eligible (empty: all).
    pub occupations: Vec<u16>,
    /// With `new_occupation`: the occupation taught (None: the one most in demand).
    pub occupation: Option<u16>,
    /// Completion brings a new occupation (the named one, or the one in demand).
    pub new_occupation: bool,
    /// Course length, months.
    pub months: u32,
    /// Log skill gained on completion.
    pub skill_gain: f64,
    /// Monthly take-up probability (average learning propensity, under 50).
    pub take_up: f64,
    /// Take-up factor for workers aged 50 or more.
    pub older_reach: f64,
    /// Elasticity of take-up in learning propensity.
    pub propensity_elasticity: f64,
    /// Share completing at average learning propensity.
    pub completion: f64,
    /// How much completion rises per unit of learning propensity above 0.5 (relative).
    pub completion_propensity: f64,
    /// Months after displacement a displaced worker stays eligible.
    pub displaced_window: u32,
    /// Course cost per participant-month, €.
    pub cost_per_month: f64,
}

/// One participant.
#[derive(Clone, Copy, Debug)]
struct Participant {
    started: Month,
    /// Completion probability over the course.
    completion: f64,
}

/// The mechanism: retraining for one run.
pub struct Retraining {
    spec: RetrainingSpec,
    /// Entries, exits and the workers to follow, counted as every kind counts them.
    tally: Tally,
    /// Participants in training, by worker.
    participants: BTreeMap<u32, Participant>,
    /// Displaced workers of target firms, with their month of displacement.
    displaced: BTreeMap<u32, Month>,
    /// Every worker who ever entered (one course per worker).
    served: BTreeSet<u32>,
    month: PolicyMonth,
}

impl Retraining {
    /// A fresh mechanism.
    pub fn new(spec: RetrainingSpec) -> Retraining {
        Retraining {
            spec,
            tally: Tally::default(),
            participants: BTreeMap::new(),
            displaced: BTreeMap::new(),
            served: BTreeSet::new(),
            month: PolicyMonth::default(),
        }
    }

    fn active(&self, t: Month) -> bool {
        self.spec.common.active(t)
    }

    /// Learning propensity of worker `w` in [0, 1].
    fn learning(eco: &Economy, w: u32) -> f64 {
        f64::from(eco.workers.rec[w as usize].learning) / 255.0
    }

    /// Monthly take-up probability of worker `w`.
    fn take_up(&self, eco: &Economy, w: u32, t: Month) -> f64 {
        let s = &self.spec;
        let age = if eco.workers.age_years(w, t) >= OLDER_AGE {
            s.older_reach
        } else {
            1.0
        };
        let l = (2.0 * Self::learning(eco, w)).max(1e-9);
        (s.take_up * age * l.powf(s.propensity_elasticity)).clamp(0.0, 1.0)
    }

    /// The most a worker's take-up probability can be (for thinning).
    fn take_up_bound(&self) -> f64 {
        let s = &self.spec;
        (s.take_up * s.older_reach.max(1.0) * 2f64.powf(s.propensity_elasticity)).clamp(0.0, 1.0)
    }

    /// Workers who want to enter this month, by kind of eligibility.
    fn candidates(&self, ctx: &PolicyCtx<'_>) -> Vec<u32> {
        let eco = ctx.economy();
        let t = ctx.month();
        let s = &self.spec;
        let mut out: Vec<u32> = Vec::new();
        let bound = self.take_up_bound();
        // The take-up (a power of the worker's learning) is computed only for draws below its
        // bound: the same answer for a fraction of the work.
        let wants = |w: u32| {
            let draw = ctx.worker_draw(w, TAKE_UP);
            draw < bound && draw < self.take_up(eco, w, t)
        };
        let free = |w: u32| {
            let r = &eco.workers.rec[w as usize];
            matches!(
                r.status,
                Status::Employed | Status::ShortTime | Status::Unemployed
            ) && !self.served.contains(&w)
                && (s.occupations.is_empty() || s.occupations.contains(&r.occupation))
        };
        for j in 0..eco.firms.len() {
            if !s.common.target.reaches(eco, j) {
                continue;
            }
            match eco.firms.status[j] {
                FirmStatus::Noticed if s.eligible.under_notice => {
                    // Every worker under notice is asked: the record and the stable id (the
                    // key of the draw) are prefetched a few workers ahead.
                    let staff = &eco.firms.employees[j];
                    for (k, &w) in staff.iter().enumerate() {
                        if let Some(&ahead) = staff.get(k + 8) {
                            prefetch(&eco.workers.rec[ahead as usize]);
                            prefetch(&eco.workers.id[ahead as usize]);
                        }
                        if free(w) && wants(w) {
                            out.push(w);
                        }
                    }
                }
                FirmStatus::Active if s.eligible.employed => {
                    // Binomial number of workers considered, then thinned: cost follows take-up.
                    let staff = &eco.firms.employees[j];
                    if staff.is_empty() || bound <= 0.0 {
                        continue;
                    }
                    let mut rng = ctx.stream(j as u64);
                    let n =
                        Binomial::new(staff.len() as u64, bound).map_or(0, |b| b.sample(&mut rng));
                    for _ in 0..n {
                        let w = staff[rng.random_range(0..staff.len())];
                        if !free(w) || eco.notices.contains_key(&w) {
                            continue;
                        }
                        // Thinning: considered with `bound`, accepted with p / bound.
                        if ctx.worker_draw(w, TAKE_UP) < self.take_up(eco, w, t) / bound {
                            out.push(w);
                        }
                    }
                }
                _ => {}
            }
        }
        if s.eligible.under_notice {
            for (&w, notice) in &eco.notices {
                let j = notice.firm as usize;
                if eco.firms.status[j] == FirmStatus::Active
                    && s.common.target.reaches(eco, j)
                    && free(w)
                    && wants(w)
                {
                    out.push(w);
                }
            }
        }
        if s.eligible.displaced {
            for &w in self.displaced.keys() {
                if eco.workers.rec[w as usize].status == Status::Unemployed && free(w) && wants(w) {
                    out.push(w);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

impl Policy for Retraining {
    fn name(&self) -> &str {
        &self.spec.common.name
    }

    fn on_month_start(&mut self, ctx: &mut StartCtx<'_>) {
        let t = ctx.month();
        let months = self.spec.months as i32;
        let mut done: Vec<u32> = Vec::new();
        for (&w, p) in &self.participants {
            let in_training = ctx.economy().trainee_spell.contains_key(&w);
            let elapsed = t.since(p.started);
            if !in_training {
                // Finished by the engine at the planned end, or left (laid off, retired).
                if elapsed >= months {
                    self.tally.completions += 1;
                }
                done.push(w);
                continue;
            }
            // Dropout is drawn at the start of each course month after the first (the spell
            // ends at the start of the month after its last): `months − 1` draws, with the
            // hazard that makes the participant's completion over the course. A one-month
            // course has no draw, hence no dropouts.
            let draws = (months - 1).max(1);
            let hazard = 1.0 - p.completion.powf(1.0 / f64::from(draws));
            if elapsed < months && ctx.worker_draw(w, DROPOUT) < hazard {
                ctx.end_training(w, false);
                self.tally.dropouts += 1;
                done.push(w);
            }
        }
        for w in done {
            self.participants.remove(&w);
        }
        let window = self.spec.displaced_window as i32;
        self.displaced.retain(|_, m| t.since(*m) < window);
    }

    fn on_displacement(&mut self, ctx: &mut DisplacementCtx<'_>, displaced: &[Displacement]) {
        if !self.spec.eligible.displaced {
            return;
        }
        let eco = ctx.economy();
        for d in displaced {
            if d.firm != NO_FIRM && self.spec.common.target.reaches(eco, d.firm as usize) {
                self.displaced.insert(d.worker, d.month);
            }
        }
    }

    fn before_matching(&mut self, ctx: &mut MatchingCtx<'_>) {
        let t = ctx.month();
        if !self.active(t) {
            return;
        }
        let mut room = self.spec.common.capacity.map_or(u64::MAX, |c| {
            c.saturating_sub(self.participants.len() as u64)
        });
        let mut want = self.candidates(ctx);
        if want.is_empty() {
            return;
        }
        if (want.len() as u64) > room {
            // Places go in the order of a per-worker draw (the same in every arm).
            crate::queue::order(ctx, &mut want, QUEUE);
        }
        let vacancies = (self.spec.new_occupation && self.spec.occupation.is_none())
            .then(|| demand::vacancies(ctx.economy(), ctx.params()));
        for w in want {
            if room == 0 {
                self.tally.passed_over.push(w);
                continue;
            }
            let eco = ctx.economy();
            let rec = eco.workers.rec[w as usize];
            let occupation = match (self.spec.new_occupation, self.spec.occupation) {
                (true, Some(o)) => (o != rec.occupation).then_some(o),
                _ => vacancies.as_ref().and_then(|v| {
                    demand::occupation_in_demand(
                        ctx.params(),
                        v,
                        rec.region as usize,
                        rec.occupation,
                    )
                }),
            };
            let learning = Self::learning(eco, w);
            let s = &self.spec;
            let completion =
                (s.completion * (1.0 + s.completion_propensity * (learning - 0.5))).clamp(0.0, 1.0);
            let plan = TrainingPlan {
                months: s.months,
                occupation,
                skill_gain: s.skill_gain as f32,
            };
            if ctx.start_training(w, plan) {
                self.participants.insert(
                    w,
                    Participant {
                        started: t,
                        completion,
                    },
                );
                self.displaced.remove(&w);
                self.served.insert(w);
                self.tally.entered.push(w);
                self.tally.entries += 1;
                if ctx.economy().workers.age_years(w, t) >= OLDER_AGE {
                    self.tally.entries_50_plus += 1;
                }
                room -= 1;
            }
        }
    }

    fn on_month_end(&mut self, eco: &Economy, params: &Params, _record: &MonthRecord) {
        // Participants who left training during the month (a trainee on a payroll laid off or
        // closed down, a retirement) are no longer participants: they are neither counted nor
        // charged for a course they do not attend (`in_training` of economy.csv agrees).
        let t = eco.month;
        let months = self.spec.months as i32;
        let gone: Vec<(u32, bool)> = self
            .participants
            .iter()
            .filter(|(w, _)| !eco.trainee_spell.contains_key(w))
            .map(|(&w, p)| (w, t.since(p.started) >= months))
            .collect();
        for (w, completed) in gone {
            self.participants.remove(&w);
            self.tally.completions += u64::from(completed);
        }
        let allowance = training_allowance(eco, params, self.participants.keys().copied());
        let participants = self.participants.len() as u64;
        self.month = PolicyMonth {
            items: vec![
                (COURSE_COSTS, participants as f64 * self.spec.cost_per_month),
                (ALLOWANCE, allowance),
            ],
            employer_cost: 0.0,
            ..self.tally.close(participants)
        };
    }
}

/// The month's training allowance, €, for the trainees among `workers` without a job:
/// unemployment benefit at the worker's rate on its last wage (SGB III § 144).
pub fn training_allowance(
    eco: &Economy,
    params: &Params,
    workers: impl Iterator<Item = u32>,
) -> f64 {
    let rules = &params.benefits;
    if !rules.enabled {
        return 0.0;
    }
    workers
        .map(|w| (w, &eco.workers.rec[w as usize]))
        .filter(|(_, rec)| rec.status == Status::Training && rec.employer == NO_FIRM)
        .map(|(w, rec)| {
            let children = rules.has_children(eco.workers.id[w as usize]);
            f64::from(rules.benefit(rec.wage, children)) / 100.0
        })
        .sum()
}

impl Intervention for Retraining {
    fn report(&mut self) -> PolicyMonth {
        std::mem::take(&mut self.month)
    }
}

// --- The kind: its scenario table (`[[policies.retraining]]`) and its registration ------------

use wandel_format::reader::{Range, Reader, Table};

use crate::kind::{Common, KindSpec, PolicyKind, ReadContext};
use wandel_format::origin_of;

use crate::kind::TargetNames;
use crate::read::{read_eligible, read_list};

/// `[[policies.retraining]]`.
pub struct Kind;

/// The kind, as registered (`registry.rs`).
pub static KIND: Kind = Kind;

impl PolicyKind for Kind {
    fn name(&self) -> &'static str {
        "retraining"
    }
    fn label(&self) -> &'static str {
        "Retraining"
    }
    fn read(
        &self,
        rd: &mut Reader<'_>,
        t: &mut Table<'_>,
        common: &Common,
        cx: &ReadContext<'_>,
    ) -> Option<Box<dyn KindSpec>> {
        read_retraining(rd, t, common, cx.names).map(|s| Box::new(s) as Box<dyn KindSpec>)
    }
}

impl KindSpec for RetrainingSpec {
    fn common(&self) -> &Common {
        &self.common
    }
    fn build(&self) -> Box<dyn crate::Intervention> {
        Box::new(Retraining::new(self.clone()))
    }
}

/// The eligibility groups a retraining table may list.
pub(crate) const ELIGIBLE: [&str; 3] = ["employed", "under_notice", "displaced"];

/// The eligibility groups a council's caseload may list.
pub(crate) const CASELOAD_ELIGIBLE: [&str; 2] = ["under_notice", "displaced"];

/// Reads the keys of `[[policies.retraining]]` after the common ones; `kind` sets the defaults.
pub(crate) fn read_retraining(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    common: &Common,
    names: &TargetNames<'_>,
) -> Option<RetrainingSpec> {
    let path = t.path.clone();
    let kind_origin = origin_of(t, t.node_get("kind"));
    let kind_name = rd.string(t, "kind", None);
    let kind = RetrainingKind::from_name(&kind_name);
    if kind.is_none() && t.node_get("kind").is_some() {
        let list: Vec<String> = RetrainingKind::NAMES
            .iter()
            .map(|o| format!("\"{o}\""))
            .collect();
        rd.error(
            kind_origin,
            &format!("{path}.kind"),
            format!("must be one of {}, got \"{kind_name}\"", list.join(", ")),
        );
    }
    let d = kind.unwrap_or(RetrainingKind::LocalUnion).defaults();
    let eligible = read_eligible(rd, t, d.eligible, &ELIGIBLE);
    let learns_default = if d.new_occupation {
        "new_occupation"
    } else {
        "upskilling"
    };
    let learns = rd.choice(
        t,
        "learns",
        learns_default,
        &["upskilling", "new_occupation"],
    );
    let from_occupations = read_list(rd, t, "occupations", names.occupations);
    let occupation = if t.has("occupation") {
        let node = t.node_get("occupation");
        let origin = origin_of(t, node);
        let name = rd.string(t, "occupation", None);
        let resolved = names
            .occupations
            .resolve(rd, &name, origin, &format!("{path}.occupation"));
        if resolved.is_some() && learns != "new_occupation" {
            rd.error(
                origin,
                &format!("{path}.occupation"),
                "a course towards a named occupation needs learns = \"new_occupation\"",
            );
        }
        resolved
    } else {
        None
    };
    let spec = RetrainingSpec {
        common: common.clone(),
        kind: kind.unwrap_or(RetrainingKind::LocalUnion),
        occupations: from_occupations,
        occupation,
        eligible,
        new_occupation: learns == "new_occupation",
        months: rd.integer(t, "months", Some(i64::from(d.months)), 1, 36) as u32,
        skill_gain: rd.number(
            t,
            "skill_gain",
            Some(d.skill_gain),
            Range::Between(0.0, 1.0),
        ),
        take_up: rd.number(t, "take_up", Some(d.take_up), Range::Unit),
        older_reach: rd.number(
            t,
            "older_reach",
            Some(d.older_reach),
            Range::Between(0.0, 10.0),
        ),
        propensity_elasticity: rd.number(
            t,
            "propensity_elasticity",
            Some(d.propensity_elasticity),
            Range::Between(0.0, 5.0),
        ),
        completion: rd.number(t, "completion", Some(d.completion), Range::Unit),
        completion_propensity: rd.number(
            t,
            "completion_propensity",
            Some(0.6),
            Range::Between(0.0, 2.0),
        ),
        displaced_window: rd.integer(t, "displaced_window", Some(24), 1, 120) as u32,
        cost_per_month: rd.number(
            t,
            "cost_per_month",
            Some(1500.0),
            Range::Between(0.0, 100_000.0),
        ),
    };
    // Every key is read (and checked) before a missing or unknown kind drops the spec.
    kind.map(|_| spec)
}

#[cfg(test)]
mod tests {
    use crate::testing::{entries, item, params, participants, simulate, spec};

    use super::{ALLOWANCE, COURSE_COSTS};

    #[test]
    fn the_displaced_enter_within_the_capacity_and_courses_are_paid_per_month() {
        let p = params();
        let s = spec(
            &p,
            "retraining",
            "kind = \"local_union\"\neligible = [\"displaced\"]\ntake_up = 1.0\ncapacity = 30\ncost_per_month = 1000.0",
        );
        let (_, run, _) = simulate(&p, &[s]);
        assert!(entries(&run) > 0);
        let months = participants(&run);
        assert!(months.iter().all(|&n| n <= 30), "{months:?}");
        // Course costs: cost_per_month for each participant-month (of those in training at
        // the month's end or who left during it): at least the end-of-month stock.
        let stock: u64 = months.iter().sum();
        let costs = item(&run, COURSE_COSTS);
        assert!(costs >= 1000.0 * stock as f64 - 1e-6, "{costs} vs {stock}");
        assert!(item(&run, ALLOWANCE) >= 0.0);
    }

    #[test]
    fn without_take_up_nobody_enters() {
        let p = params();
        let s = spec(
            &p,
            "retraining",
            "kind = \"local_union\"\neligible = [\"displaced\"]\ntake_up = 0.0",
        );
        let (_, run, _) = simulate(&p, &[s]);
        assert_eq!(entries(&run), 0);
        assert_eq!(item(&run, COURSE_COSTS), 0.0);
    }
}
