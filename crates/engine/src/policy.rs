//! The policy hooks: the points of the month where interventions act, and the narrow context
//! through which they act.
//!
//! Hooks are called once per month (or with a list of firms or workers), never once per agent.
//! Every method has a no-op default, and `()` is the empty policy, so the engine runs the DMP
//! reference model with no policy crate at all. Policies change the economy only through the
//! hook's context, whose methods keep every invariant (each worker in exactly one state, stocks
//! changing only by recorded flows). Each hook has a context of its own that offers only what
//! a policy may do there ([`StartCtx`], [`ExcessCtx`], [`DisplacementCtx`], [`MatchingCtx`]);
//! all of them read the state and draw through [`PolicyCtx`]; `on_month_end` gets a read-only
//! view. A list of policies hands each member a context of its own slot (`member`).

use std::ops::{Deref, DerefMut};

use crate::calendar::Month;
use crate::params::Params;
use crate::record::MonthRecord;
use crate::rng::{MonthStreams, Phase, SimRng, mix64, name_key, worker_draw};
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

/// A policy's own place in the run's displacement records (`Economy::displaced`, which only
/// grows): each call of [`DisplacementCursor::read`] returns the records added since the last,
/// those of workers displaced during matching (moves under closure notice) included, which the
/// hook `on_displacement` does not list.
#[derive(Clone, Copy, Debug, Default)]
pub struct DisplacementCursor {
    next: usize,
}

impl DisplacementCursor {
    /// The displacement records added since the last call.
    pub fn read<'e>(&mut self, eco: &'e Economy) -> &'e [Displacement] {
        let new = &eco.displaced[self.next..];
        self.next = eco.displaced.len();
        new
    }
}

/// Keys of [`PolicyCtx::firm_draw`] (firm indices) are set apart from workers' stable ids.
const FIRM_DRAW_BASE: u64 = 0xF1F1_0000_0000_0000;

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
    fn on_month_start(&mut self, _ctx: &mut StartCtx<'_>) {}
    /// Firms with more workers than needed, before they lay off (short-time work acts here).
    fn on_excess_labour(&mut self, _ctx: &mut ExcessCtx<'_>, _firms: &[ExcessLabour]) {}
    /// Workers laid off this month (records, also in [`Economy::displaced`]). Workers under
    /// closure notice who move job to job are displaced later, during matching; they are
    /// already re-employed and appear in `Economy::displaced` only.
    fn on_displacement(&mut self, _ctx: &mut DisplacementCtx<'_>, _displaced: &[Displacement]) {}
    /// Before vacancies are posted and matching runs (training, counselling, subsidies).
    fn before_matching(&mut self, _ctx: &mut MatchingCtx<'_>) {}
    /// After the month is recorded (fiscal accounting).
    fn on_month_end(&mut self, _eco: &Economy, _params: &Params, _record: &MonthRecord) {}
}

/// The empty policy.
impl Policy for () {}

/// A list of policies called in order; each is called with its own slot (for composable
/// levers) and its own random stream, keyed by its name.
impl Policy for Vec<Box<dyn Policy>> {
    fn name(&self) -> &str {
        "policies"
    }
    fn on_month_start(&mut self, ctx: &mut StartCtx<'_>) {
        for (k, p) in self.iter_mut().enumerate() {
            if let Some(mut member) = ctx.member(k, p.name()) {
                p.on_month_start(&mut member);
            }
        }
    }
    fn on_excess_labour(&mut self, ctx: &mut ExcessCtx<'_>, firms: &[ExcessLabour]) {
        for (k, p) in self.iter_mut().enumerate() {
            if let Some(mut member) = ctx.member(k, p.name()) {
                p.on_excess_labour(&mut member, firms);
            }
        }
    }
    fn on_displacement(&mut self, ctx: &mut DisplacementCtx<'_>, displaced: &[Displacement]) {
        for (k, p) in self.iter_mut().enumerate() {
            if let Some(mut member) = ctx.member(k, p.name()) {
                p.on_displacement(&mut member, displaced);
            }
        }
    }
    fn before_matching(&mut self, ctx: &mut MatchingCtx<'_>) {
        for (k, p) in self.iter_mut().enumerate() {
            if let Some(mut member) = ctx.member(k, p.name()) {
                p.before_matching(&mut member);
            }
        }
    }
    fn on_month_end(&mut self, eco: &Economy, params: &Params, record: &MonthRecord) {
        for p in self.iter_mut() {
            p.on_month_end(eco, params, record);
        }
    }
}

/// The hook a [`PolicyCtx`] serves (part of the key of the policy's stream).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Hook {
    MonthStart = 1,
    ExcessLabour = 2,
    Displacement = 3,
    BeforeMatching = 4,
}

/// What a policy may see and do during a hook.
pub struct PolicyCtx<'a> {
    pub(crate) eco: &'a mut Economy,
    pub(crate) params: &'a Params,
    streams: MonthStreams,
    replication: u32,
    hook: Hook,
    /// Position of the policy being called in the scenario's list (keys its lever entries).
    slot: u16,
    /// [`name_key`] of the policy being called (keys its streams and worker draws).
    key: u64,
    rng: SimRng,
    /// True for the context of one member of a list of policies ([`PolicyCtx::member`]),
    /// which cannot hand out contexts of other slots.
    member: bool,
}

impl<'a> PolicyCtx<'a> {
    /// The context of hook `hook` of the month of `streams`, for the policy `name` (slot 0;
    /// a list of policies selects each of its members in turn).
    pub(crate) fn new(
        eco: &'a mut Economy,
        params: &'a Params,
        (streams, replication): (MonthStreams, u32),
        hook: Hook,
        name: &str,
    ) -> PolicyCtx<'a> {
        let mut ctx = PolicyCtx {
            eco,
            params,
            streams,
            replication,
            hook,
            slot: 0,
            key: 0,
            rng: streams.of(Phase::Policy, 0),
            member: false,
        };
        ctx.select(0, name);
        ctx
    }

    /// The context of policy `name` at position `slot` of a list of policies, for a
    /// container of policies to call that member's hook with: its levers are keyed by
    /// `slot`, its streams by `name`. None when this context is itself a member's: a policy
    /// cannot act in another policy's slot.
    pub(crate) fn member(&mut self, slot: usize, name: &str) -> Option<PolicyCtx<'_>> {
        if self.member {
            return None;
        }
        let mut ctx = PolicyCtx {
            eco: &mut *self.eco,
            params: self.params,
            streams: self.streams,
            replication: self.replication,
            hook: self.hook,
            slot: 0,
            key: 0,
            rng: self.streams.of(Phase::Policy, 0),
            member: true,
        };
        ctx.select(slot, name);
        Some(ctx)
    }

    /// Makes the context serve policy `name` at position `slot`.
    fn select(&mut self, slot: usize, name: &str) {
        self.slot = u16::try_from(slot).expect("fewer than 65536 policies");
        self.key = name_key(name);
        // Keyed apart from `stream(entity)` (which mixes the entity into the key).
        self.rng = self
            .streams
            .of(Phase::Policy, self.key.rotate_left(32) ^ self.hook as u64);
    }

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
    /// This policy's stream for this hook of this month: keyed by the policy's name, so it does
    /// not change when other policies are added, removed or reordered.
    pub fn rng(&mut self) -> &mut SimRng {
        &mut self.rng
    }
    /// This policy's stream for `entity` this month (a firm, a market: the policy's own
    /// numbering), independent of every other stream.
    pub fn stream(&self, entity: u64) -> SimRng {
        self.streams.of(Phase::Policy, self.key ^ mix64(entity))
    }
    /// A uniform draw in [0, 1) that belongs to worker `w` and this policy's `question` this
    /// month ([`worker_draw`]): the same person gets the same number in every arm of a
    /// comparison (take-up, completion).
    pub fn worker_draw(&self, w: u32, question: u64) -> f64 {
        worker_draw(
            self.params.seed,
            self.replication,
            self.streams.month_idx,
            self.eco.workers.id[w as usize],
            self.key ^ mix64(question),
        )
    }

    /// A uniform draw in [0, 1) that belongs to firm `firm` and this policy's `question` for
    /// the whole run: the same in every month and every arm of a comparison (a firm's lasting
    /// trait, such as what short-time work costs it).
    pub fn firm_draw(&self, firm: u32, question: u64) -> f64 {
        worker_draw(
            self.params.seed,
            self.replication,
            u32::MAX,
            FIRM_DRAW_BASE ^ u64::from(firm),
            self.key ^ mix64(question),
        )
    }

    /// Whether firm `firm`'s short-time work is held by another policy than this one (a firm
    /// is on short time under one policy at a time, the first to place workers there, until
    /// that policy returns them all: one notification to the employment agency, and the
    /// allowance paid once per hour lost).
    pub fn short_time_held_elsewhere(&self, firm: u32) -> bool {
        let holder = self.eco.firms.short_time_holder[firm as usize];
        holder != 0 && holder != self.slot + 1
    }

    /// Puts up to `n` full-time employees of firm `firm` on short-time work with `hours_cut`
    /// (share of hours lost, in [0, 1]); returns how many were placed. None at a firm whose
    /// short-time work another policy holds ([`PolicyCtx::short_time_held_elsewhere`]).
    pub(crate) fn put_on_short_time(&mut self, firm: u32, n: u32, hours_cut: f64) -> u32 {
        let j = firm as usize;
        if self.eco.firms.status[j] == FirmStatus::Closed
            || n == 0
            || self.short_time_held_elsewhere(firm)
        {
            return 0;
        }
        self.eco.firms.short_time_holder[j] = self.slot + 1;
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

    /// Returns up to `n` short-time workers of firm `firm` to full hours (the last placed
    /// first); returns how many returned. With none left, the firm's hours cut is cleared and
    /// it no longer holds the firm. None when another policy holds the firm's short-time work.
    pub(crate) fn release_short_time(&mut self, firm: u32, n: u32) -> u32 {
        let j = firm as usize;
        if self.short_time_held_elsewhere(firm) {
            return 0;
        }
        let mut released = 0;
        let list = self.eco.firms.employees[j].to_vec();
        for &w in list.iter().rev() {
            if released == n {
                break;
            }
            if self.eco.workers.rec[w as usize].status == Status::ShortTime {
                self.eco.set_payroll_status(w, Status::Employed);
                released += 1;
            }
        }
        if self.eco.firms.short_time[j] == 0 {
            self.eco.firms.hours_cut[j] = 0.0;
            self.eco.firms.short_time_holder[j] = 0;
        }
        released
    }

    /// Returns every short-time worker of firm `firm` to full hours (nothing when another
    /// policy holds the firm's short-time work).
    pub(crate) fn end_short_time(&mut self, firm: u32) {
        let j = firm as usize;
        if self.short_time_held_elsewhere(firm) {
            return;
        }
        let list = self.eco.firms.employees[j].to_vec();
        for w in list {
            if self.eco.workers.rec[w as usize].status == Status::ShortTime {
                self.eco.set_payroll_status(w, Status::Employed);
            }
        }
        self.eco.firms.hours_cut[j] = 0.0;
        self.eco.firms.short_time_holder[j] = 0;
    }

    /// Sets this policy's factor (> 0; 1 = no effect) on firm `firm`'s target headcount from
    /// next month's targets on (this month's are set before the hooks): hiring subsidies,
    /// conditional investment. Factors of several policies multiply.
    pub(crate) fn set_target_factor(&mut self, firm: u32, factor: f64) {
        let product = self
            .eco
            .levers
            .target
            .set(firm, self.slot, factor.max(0.0) as f32, 0);
        self.eco.firms.policy_factor[firm as usize] = product as f32;
    }

    /// Sets this policy's factor (in (0, 1]; 1 = no effect) on firm `firm`'s normal hours:
    /// working-time reduction. Pay and labour input follow hours (`Firms::hours`); factors of
    /// several policies multiply.
    pub(crate) fn set_hours_factor(&mut self, firm: u32, factor: f64) {
        let factor = factor.clamp(0.05, 1.0) as f32;
        let product = self.eco.levers.hours.set(firm, self.slot, factor, 0);
        self.eco.set_hours(firm as usize, product as f32);
    }

    /// Enrols worker `w` in training; false when the worker cannot train now.
    pub(crate) fn start_training(&mut self, w: u32, plan: TrainingPlan) -> bool {
        self.eco.start_training(w, plan)
    }

    /// Ends worker `w`'s training spell now: `completed` (the plan's skill gain and occupation
    /// apply) or dropped (they do not). False when `w` is not in training.
    pub(crate) fn end_training(&mut self, w: u32, completed: bool) -> bool {
        match self.eco.trainee_spell.get(&w) {
            Some(&spell) => {
                self.eco.end_training(spell, completed);
                true
            }
            None => false,
        }
    }

    /// Sets this policy's factor (1 = normal; counselling raises it) on worker `w`'s search
    /// intensity for the worker's current spell: a hire ends it. Factors of several policies
    /// multiply.
    pub(crate) fn set_search_intensity(&mut self, w: u32, factor: f64) {
        let since = self.eco.workers.rec[w as usize].since;
        let product = self
            .eco
            .levers
            .intensity
            .set(w, self.slot, factor.max(0.0) as f32, since.0);
        self.eco.set_intensity(w, product);
    }

    /// Watches where worker `w` applies from now on (`Economy::search_watch`; for the
    /// follow-up of participants). Watching changes nothing in the run.
    pub(crate) fn watch_search(&mut self, w: u32) {
        self.eco.search_watch.entry(w).or_default();
    }

    /// Sets this policy's factor (1 = normal, at least 1) on worker `w`'s search breadth for
    /// the worker's current spell (a hire ends it): with breadth `b` other regions weigh `b`
    /// times more and a share `1 − 1/b` of its applications goes to any occupation within
    /// reach (applications matching). Factors of several policies multiply.
    pub(crate) fn set_search_breadth(&mut self, w: u32, factor: f64) {
        let since = self.eco.workers.rec[w as usize].since;
        self.eco
            .levers
            .breadth
            .set(w, self.slot, factor.max(1.0) as f32, since.0);
    }

    /// Sets this policy's factor (1 = normal, at least 1) on worker `w`'s search reach into
    /// other regions for the worker's current spell (a hire ends it): jobs in other regions
    /// within reach weigh `factor` times more in its applications (a mobility grant lowers
    /// what a distant job costs the worker). Factors of several policies multiply.
    pub(crate) fn set_search_reach(&mut self, w: u32, factor: f64) {
        let since = self.eco.workers.rec[w as usize].since;
        self.eco
            .levers
            .reach
            .set(w, self.slot, factor.max(1.0) as f32, since.0);
    }

    /// Sets this policy's factor (in (0, 1]; 1 = none) on what worker `w` costs a hiring firm
    /// of this policy's firms ([`PolicyCtx::set_hiring_firms`]) over its planning horizon,
    /// for the worker's current spell (a hire ends it): a hiring subsidy. Applications
    /// matching ranks the worker's applications to those firms `−ln(product)` log points
    /// higher, as if it were that much more productive per euro. Factors of several policies
    /// multiply where their firms overlap.
    pub(crate) fn set_hiring_cost(&mut self, w: u32, factor: f64) {
        let since = self.eco.workers.rec[w as usize].since;
        self.eco
            .levers
            .hiring_cost
            .set(w, self.slot, factor.clamp(1e-3, 1.0) as f32, since.0);
    }

    /// Sets the firms at which this policy's hiring-cost factors apply (replacing any earlier
    /// set; empty removes it).
    pub(crate) fn set_hiring_firms(&mut self, firms: &[u32]) {
        if firms.is_empty() {
            self.eco.levers.hiring_firms.remove(&self.slot);
            return;
        }
        let mut bits = vec![0u64; self.eco.firms.len().div_ceil(64)];
        for &j in firms {
            bits[(j / 64) as usize] |= 1 << (j % 64);
        }
        self.eco.levers.hiring_firms.insert(self.slot, bits);
    }

    /// Protects (or stops protecting) payroll worker `w` from layoffs in its current job: a
    /// retention requirement. A firm that must lay off dismisses protected workers last.
    pub(crate) fn set_retained(&mut self, w: u32, protected: bool) {
        let since = self.eco.workers.rec[w as usize].since;
        let factor = if protected { 2.0 } else { 1.0 };
        self.eco.levers.retained.set(w, self.slot, factor, since.0);
    }

    /// Sets this policy's factor on matching efficiency in market `market` (region ×
    /// occupation). Aggregate matching only: in applications mode, raise search intensity
    /// instead. Factors of several policies multiply.
    pub(crate) fn set_matching_efficiency(&mut self, market: usize, factor: f64) {
        let product =
            self.eco
                .levers
                .efficiency
                .set(market as u32, self.slot, factor.max(0.0) as f32, 0);
        self.eco.market_efficiency[market] = product;
    }

    /// Makes `share` (in [0, 1]) of the firm-specific skill worker `w` builds in its current
    /// job portable: kept as general skill when the job ends (accreditation). Shares of
    /// several policies combine as independent certifications: 1 − Π (1 − share); each
    /// policy's share is its own (setting 0 removes only this policy's).
    pub(crate) fn set_portable_skill(&mut self, w: u32, share: f64) {
        let share = share.clamp(0.0, 1.0) as f32;
        let since = self.eco.workers.rec[w as usize].since.0;
        let portable = &mut self.eco.levers.portable;
        let kept = portable.set(w, self.slot, 1.0 - share, since);
        let combined = match portable.each(w, since).count() {
            0 => 0.0,
            // One policy: its share as given (no rounding through 1 − (1 − share)).
            1 if portable.of(w, self.slot) != 1.0 => share,
            _ => (1.0 - kept) as f32,
        };
        if combined == 0.0 {
            self.eco.portable_skill.remove(&w);
        } else {
            self.eco.portable_skill.insert(w, combined);
        }
    }

    /// Adds `delta` log points to worker `w`'s skill (a policy's direct skill gain).
    pub(crate) fn add_skill(&mut self, w: u32, delta: f32) {
        self.eco.workers.rec[w as usize].skill += delta;
    }
}

// --- One context per hook: each exposes only what a policy may do at that point -----------

/// Declares the context of one hook: a [`PolicyCtx`] (whose reading methods and draws it
/// offers through `Deref`) with the levers of that hook only.
macro_rules! hook_context {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        pub struct $name<'a>(PolicyCtx<'a>);

        impl<'a> $name<'a> {
            pub(crate) fn new(ctx: PolicyCtx<'a>) -> $name<'a> {
                $name(ctx)
            }
            /// The context of policy `name` at position `slot` of a list of policies, for a
            /// container of policies to call that member's hook with: its levers are keyed by
            /// `slot`, its streams by `name`. None when this context is itself a member's: a
            /// policy cannot act in another policy's slot.
            pub fn member(&mut self, slot: usize, name: &str) -> Option<$name<'_>> {
                self.0.member(slot, name).map($name)
            }
        }

        impl<'a> Deref for $name<'a> {
            type Target = PolicyCtx<'a>;
            fn deref(&self) -> &PolicyCtx<'a> {
                &self.0
            }
        }

        impl<'a> DerefMut for $name<'a> {
            fn deref_mut(&mut self) -> &mut PolicyCtx<'a> {
                &mut self.0
            }
        }
    };
}

/// Offers levers of [`PolicyCtx`] on a hook's context, each documented where it is defined.
macro_rules! levers {
    ($ctx:ident: $($(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) $(-> $ret:ty)?;)*) => {
        impl $ctx<'_> {
            $(
                $(#[$doc])*
                pub fn $name(&mut self, $($arg: $ty),*) $(-> $ret)? {
                    self.0.$name($($arg),*)
                }
            )*
        }
    };
}

hook_context!(
    /// What a policy may do at the month's start (after shocks and targets, before firms
    /// adjust): the firms' levers (target, hours, retention), markets' matching efficiency,
    /// portable skill, ending short-time work and training.
    StartCtx
);
hook_context!(
    /// What a policy may do before layoffs, with the firms that have more staff than they
    /// need: short-time work.
    ExcessCtx
);
hook_context!(
    /// What a policy may do after layoffs, separations and demography: read the month's
    /// displacements and events, and draw; it pulls no lever.
    DisplacementCtx
);
hook_context!(
    /// What a policy may do before vacancies are posted and matching runs: the workers'
    /// search levers (intensity, breadth, reach, hiring cost at chosen firms), the search
    /// watch, training starts and ends, portable skill and skill credits.
    MatchingCtx
);

levers!(StartCtx:
    /// Sets this policy's factor on firm `firm`'s target headcount (factors multiply).
    fn set_target_factor(firm: u32, factor: f64);
    /// Sets this policy's factor on firm `firm`'s normal hours (factors multiply).
    fn set_hours_factor(firm: u32, factor: f64);
    /// Protects (or stops protecting) payroll worker `w` from layoffs in its current job.
    fn set_retained(w: u32, protected: bool);
    /// Sets this policy's factor on matching efficiency in market `market` (aggregate mode).
    fn set_matching_efficiency(market: usize, factor: f64);
    /// Makes `share` of worker `w`'s firm-specific skill in its current job portable.
    fn set_portable_skill(w: u32, share: f64);
    /// Returns up to `n` of this policy's short-time workers of firm `firm` to full hours.
    fn release_short_time(firm: u32, n: u32) -> u32;
    /// Returns all of this policy's short-time workers of firm `firm` to full hours.
    fn end_short_time(firm: u32);
    /// Ends worker `w`'s training spell now, completed or dropped.
    fn end_training(w: u32, completed: bool) -> bool;
);

levers!(ExcessCtx:
    /// Puts up to `n` full-time employees of firm `firm` on short time with `hours_cut`.
    fn put_on_short_time(firm: u32, n: u32, hours_cut: f64) -> u32;
    /// Returns up to `n` of this policy's short-time workers of firm `firm` to full hours.
    fn release_short_time(firm: u32, n: u32) -> u32;
    /// Returns all of this policy's short-time workers of firm `firm` to full hours.
    fn end_short_time(firm: u32);
);

levers!(MatchingCtx:
    /// Sets this policy's factor on worker `w`'s search intensity for its current spell.
    fn set_search_intensity(w: u32, factor: f64);
    /// Sets this policy's factor on worker `w`'s search breadth for its current spell.
    fn set_search_breadth(w: u32, factor: f64);
    /// Sets this policy's factor on worker `w`'s search reach into other regions.
    fn set_search_reach(w: u32, factor: f64);
    /// Sets this policy's factor on what worker `w` costs the firms this policy names.
    fn set_hiring_cost(w: u32, factor: f64);
    /// Sets the firms at which this policy's hiring-cost factors apply.
    fn set_hiring_firms(firms: &[u32]);
    /// Watches where worker `w` applies from now on (changes nothing in the run).
    fn watch_search(w: u32);
    /// Enrols worker `w` in training; false when the worker cannot train now.
    fn start_training(w: u32, plan: TrainingPlan) -> bool;
    /// Ends worker `w`'s training spell now, completed or dropped.
    fn end_training(w: u32, completed: bool) -> bool;
    /// Makes `share` of worker `w`'s firm-specific skill in its current job portable.
    fn set_portable_skill(w: u32, share: f64);
    /// Adds `delta` log points to worker `w`'s skill.
    fn add_skill(w: u32, delta: f32);
);
