//! The policy hooks: the points of the month where interventions act, and the narrow context
//! through which they act.
//!
//! Hooks are called once per month (or with a list of firms or workers), never once per agent.
//! Every method has a no-op default, and `()` is the empty policy, so the engine runs the DMP
//! reference model with no policy crate at all. Policies change the economy only through
//! [`PolicyCtx`], whose methods keep every invariant (each worker in exactly one state, stocks
//! changing only by recorded flows).

use crate::calendar::Month;
use crate::params::Params;
use crate::record::MonthRecord;
use crate::rng::SimRng;
use crate::state::{Displacement, Economy, FirmStatus, Status, TrainingPlan};

/// A firm whose workforce exceeds its target this month, before layoffs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExcessLabour {
    /// The firm.
    pub firm: u32,
    /// Workers above target (full-time equivalents, rounded up).
    pub excess: u32,
    /// Layoffs the firm will make this month unless a policy changes its situation.
    pub planned_layoffs: u32,
}

/// An intervention, called at fixed points of every month.
///
/// The call order within a month is: `on_month_start` (after shocks and targets) →
/// `on_excess_labour` (before layoffs) → `on_displacement` (after layoffs, separations and
/// demography) → `before_matching` → `on_month_end` (after matching and recording: the place
/// for the fiscal ledger). Policies of a scenario are called in the order the scenario lists them.
pub trait Policy: Send {
    /// Short name for outputs.
    fn name(&self) -> &str {
        "none"
    }
    /// After shocks and targets are set, before firms adjust.
    fn on_month_start(&mut self, _ctx: &mut PolicyCtx<'_>) {}
    /// Firms with more workers than needed, before they lay off (short-time work acts here).
    fn on_excess_labour(&mut self, _ctx: &mut PolicyCtx<'_>, _firms: &[ExcessLabour]) {}
    /// Workers laid off this month (records, also in [`Economy::displaced`]). Workers under
    /// closure notice who move job to job are displaced later, during matching; they are
    /// already re-employed and appear in `Economy::displaced` only.
    fn on_displacement(&mut self, _ctx: &mut PolicyCtx<'_>, _displaced: &[Displacement]) {}
    /// Before vacancies are posted and matching runs (training, counselling, subsidies).
    fn before_matching(&mut self, _ctx: &mut PolicyCtx<'_>) {}
    /// After the month is recorded (fiscal accounting).
    fn on_month_end(&mut self, _eco: &Economy, _params: &Params, _record: &MonthRecord) {}
}

/// The empty policy.
impl Policy for () {}

/// A list of policies called in order.
impl Policy for Vec<Box<dyn Policy>> {
    fn name(&self) -> &str {
        "policies"
    }
    fn on_month_start(&mut self, ctx: &mut PolicyCtx<'_>) {
        for p in self.iter_mut() {
            p.on_month_start(ctx);
        }
    }
    fn on_excess_labour(&mut self, ctx: &mut PolicyCtx<'_>, firms: &[ExcessLabour]) {
        for p in self.iter_mut() {
            p.on_excess_labour(ctx, firms);
        }
    }
    fn on_displacement(&mut self, ctx: &mut PolicyCtx<'_>, displaced: &[Displacement]) {
        for p in self.iter_mut() {
            p.on_displacement(ctx, displaced);
        }
    }
    fn before_matching(&mut self, ctx: &mut PolicyCtx<'_>) {
        for p in self.iter_mut() {
            p.before_matching(ctx);
        }
    }
    fn on_month_end(&mut self, eco: &Economy, params: &Params, record: &MonthRecord) {
        for p in self.iter_mut() {
            p.on_month_end(eco, params, record);
        }
    }
}

/// What a policy may see and do during a hook.
pub struct PolicyCtx<'a> {
    pub(crate) eco: &'a mut Economy,
    pub(crate) params: &'a Params,
    pub(crate) rng: &'a mut SimRng,
}

impl<'a> PolicyCtx<'a> {
    /// The current month.
    pub fn month(&self) -> Month {
        self.eco.month
    }
    /// The run's parameters.
    pub fn params(&self) -> &Params {
        self.params
    }
    /// Read-only view of the whole state.
    pub fn economy(&self) -> &Economy {
        self.eco
    }
    /// The policy stream of this month (deterministic, separate from the engine's streams).
    pub fn rng(&mut self) -> &mut SimRng {
        self.rng
    }

    /// Puts up to `n` full-time employees of firm `firm` on short-time work with `hours_cut`
    /// (share of hours lost, in [0, 1]); returns how many were placed.
    pub fn put_on_short_time(&mut self, firm: u32, n: u32, hours_cut: f64) -> u32 {
        let j = firm as usize;
        if self.eco.firms.status[j] == FirmStatus::Closed || n == 0 {
            return 0;
        }
        self.eco.firms.hours_cut[j] = hours_cut.clamp(0.0, 1.0) as f32;
        let mut placed = 0;
        let list = self.eco.firms.employees[j].to_vec();
        for w in list {
            if placed == n {
                break;
            }
            if self.eco.workers.rec[w as usize].status == Status::Employed {
                self.eco.set_payroll_status(w, Status::ShortTime);
                placed += 1;
            }
        }
        placed
    }

    /// Returns every short-time worker of firm `firm` to full hours.
    pub fn end_short_time(&mut self, firm: u32) {
        let j = firm as usize;
        let list = self.eco.firms.employees[j].to_vec();
        for w in list {
            if self.eco.workers.rec[w as usize].status == Status::ShortTime {
                self.eco.set_payroll_status(w, Status::Employed);
            }
        }
        self.eco.firms.hours_cut[j] = 0.0;
    }

    /// Multiplies firm `firm`'s target headcount by `factor` (> 0) from now on (1 = no effect):
    /// hiring subsidies, working-time reduction.
    pub fn set_target_factor(&mut self, firm: u32, factor: f64) {
        self.eco.firms.policy_factor[firm as usize] = factor.max(0.0) as f32;
    }

    /// Enrols worker `w` in training; false when the worker cannot train now.
    pub fn start_training(&mut self, w: u32, plan: TrainingPlan) -> bool {
        self.eco.start_training(w, plan)
    }

    /// Sets worker `w`'s search intensity (1 = normal; counselling raises it).
    pub fn set_search_intensity(&mut self, w: u32, intensity: f64) {
        self.eco.set_intensity(w, intensity);
    }

    /// Multiplies matching efficiency in market `market` (region × occupation) by `factor`.
    /// Aggregate matching only: in applications mode, raise search intensity instead.
    pub fn set_matching_efficiency(&mut self, market: usize, factor: f64) {
        self.eco.market_efficiency[market] = factor.max(0.0);
    }

    /// Adds `delta` log points to worker `w`'s skill (accreditation of informal learning).
    pub fn add_skill(&mut self, w: u32, delta: f32) {
        self.eco.workers.rec[w as usize].skill += delta;
    }
}
