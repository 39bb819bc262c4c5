//! Hiring subsidies (`[[policies.hiring_subsidy]]`; the German integration subsidy,
//! Eingliederungszuschuss, SGB III §§ 88–92, is the model: a share of the wage for a number of
//! months when a firm hires a worker the labour market would otherwise pass over, and a
//! retention period after it).
//!
//! Mechanism, each month from `start` to `end` (exclusive):
//!
//! 1. **Who is in the target group** (hook `before_matching`): unemployed workers who are
//!    `displaced` (their spell began with a displacement, from the firm groups in
//!    `displaced_from` or any), `long_term_unemployed` (a spell of at least
//!    `long_term_months`) or `aged_50_plus`, as listed in `group` (any of them).
//! 2. **Which firms may claim it**: producing firms of the target (sectors, regions, firms)
//!    that meet the conditions: a pay scale (the firm's wage for a worker of average skill)
//!    of at least `wage_standard` (a collective-agreement level), and, with
//!    `training_required`, a firm that trains (`firms.training_share`). A firm that does not
//!    meet them never gets the subsidy and sees no change.
//! 3. **Hiring choice**: a target worker costs a claiming firm `1 − share × min(months,
//!    horizon) / horizon` of what it would cost over the firm's planning horizon
//!    (`horizon_months`), so the firm ranks its applications higher by the log of the inverse
//!    (the engine's hiring-cost lever; applications matching). With a `capacity` (subsidised
//!    jobs at once) that is full, no new subsidy is offered until a place frees up.
//! 4. **Hiring volume**: each claiming firm's expected labour cost falls with the share `q`
//!    of its recent hires that were subsidised (counts decaying by 1/12 a month), so its
//!    target headcount rises by the factor `(1 − c q)^(−ε)`, `c` the cost cut of step 3 and
//!    `ε` the own-wage elasticity of labour demand (`elasticity`).
//! 5. **Payment and retention** (hook `on_month_end`, from the event log): a hire of a target
//!    worker from unemployment by a claiming firm is subsidised: `share` of the worker's pay
//!    is paid for `months` while the job lasts. For `retention_months` after the subsidy the
//!    firm must keep the worker: the firm dismisses such a worker last (the engine's
//!    retention lever), and if it lays the worker off during the subsidy or the retention
//!    period it repays `repayment` of the subsidy received (SGB III § 92 (2): up to half).
//!    Quits, job changes, retirements and closures end the subsidy without repayment.
//!
//! **Deadweight and substitution** are measured against the counterfactual under common
//! random numbers: the same mechanism runs there as an observer ([`HiringSubsidy::observer`]),
//! changing nothing, classifying the same hires and recording when the subsidised workers of
//! the policy arm were hired there. A subsidised hire is deadweight when the counterfactual
//! hired the same worker within `deadweight_window` months of it (any firm; the share at the
//! same firm is reported beside it); crowding out is the non-target hires of the claiming
//! firms that the counterfactual made and the policy arm did not, per subsidised hire.
//!
//! Ledger items: `hiring_subsidy` (cost), `subsidy_repayments` (revenue, negative).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use wandel_engine::events::Exit;
use wandel_engine::policy::DisplacementCursor;
use wandel_engine::policy::{MatchingCtx, Policy, StartCtx};
use wandel_engine::state::FirmStatus;
use wandel_engine::{Economy, Month, MonthRecord, Params, Status};

use crate::target::Conditions;
use crate::{Intervention, PolicyMonth};

/// Item: subsidy paid, cost.
pub const SUBSIDY: &str = "hiring_subsidy";
/// Item: subsidies repaid after a layoff within the retention period, revenue.
pub const REPAYMENTS: &str = "subsidy_repayments";

/// Age from which a worker is in the `aged_50_plus` group, years.
const OLDER: i32 = 50;

/// Whom a hiring subsidy is for (a worker is in the group when any listed part applies).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TargetGroup {
    /// Unemployed whose spell began with a displacement.
    pub displaced: bool,
    /// Of the displaced, only those displaced from these firm groups (empty: any).
    pub displaced_from: Vec<u16>,
    /// Unemployed for at least `long_term_months`.
    pub long_term_unemployed: bool,
    /// Months of unemployment that make a worker long-term unemployed.
    pub long_term_months: u32,
    /// Unemployed aged 50 or more.
    pub aged_50_plus: bool,
}

/// `[[policies.hiring_subsidy]]`, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct HiringSubsidySpec {
    /// What every policy table has: name, start, end, target, capacity.
    pub common: Common,
    /// The workers whose hire is subsidised.
    pub group: TargetGroup,
    /// Share of the worker's pay paid (SGB III § 89: up to 0.5).
    pub share: f64,
    /// Months the subsidy is paid (SGB III § 89: up to 12).
    pub months: u32,
    /// What a claiming firm must meet (wage standard, training).
    pub conditions: Conditions,
    /// Months after the subsidy the firm must keep the worker (SGB III § 92 (2): as long as
    /// the subsidy, at most 12).
    pub retention_months: u32,
    /// Share of the subsidy received that a firm repays when it lays the worker off during
    /// the subsidy or the retention period.
    pub repayment: f64,
    /// A firm's planning horizon for the cost of a hire, months.
    pub horizon_months: u32,
    /// Own-wage elasticity of labour demand (positive: the target rises by `(1 − cut)^(−ε)`).
    pub elasticity: f64,
    /// Months around a subsidised hire within which a hire of the same worker in the
    /// counterfactual makes it deadweight.
    pub deadweight_window: u32,
}

impl HiringSubsidySpec {
    /// The share of the labour cost over the planning horizon a claiming firm saves on a
    /// subsidised hire.
    pub fn cost_cut(&self) -> f64 {
        let covered = f64::from(self.months.min(self.horizon_months));
        (self.share * covered / f64::from(self.horizon_months.max(1))).clamp(0.0, 0.999)
    }
}

/// A subsidised job.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Job {
    firm: u32,
    hired: Month,
    /// Subsidy paid so far, €.
    paid: f64,
}

/// What a hiring subsidy saw of the hires (in the policy arm and, as an observer, in the
/// counterfactual): the inputs of deadweight and substitution.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HiringTally {
    /// Hires from unemployment of target workers by claiming firms while the policy ran.
    pub target_hires: u64,
    /// Hires from unemployment of other workers by claiming firms while the policy ran.
    pub other_hires: u64,
    /// The subsidised hires (policy arm): worker, month, firm.
    pub subsidised: Vec<(u32, Month, u32)>,
    /// Hires of the watched workers (observer: the policy arm's subsidised workers): worker,
    /// month, firm.
    pub watched_hires: Vec<(u32, Month, u32)>,
    /// Subsidised jobs that ended, with the month they ended and why (policy arm).
    pub ended: Vec<(u32, Month, Month, Exit)>,
}

/// The mechanism (or, in the counterfactual, its observer).
pub struct HiringSubsidy {
    spec: HiringSubsidySpec,
    /// False in the counterfactual: classify and watch, change nothing.
    acting: bool,
    /// Claiming firms (set in the first active month: conditions are fixed firm attributes).
    claims: Option<Vec<bool>>,
    /// Displacement records read so far, and the workers displaced from `displaced_from`.
    displaced_read: DisplacementCursor,
    displaced: BTreeSet<u32>,
    /// Target workers now unemployed, with the start of their spell (a hash map: it is looked
    /// up for every target worker every month, and nothing depends on its order).
    marked: HashMap<u32, Month>,
    /// Whether new subsidies are offered (false while the capacity is full).
    offering: bool,
    /// Subsidised jobs running (subsidy or retention period).
    jobs: BTreeMap<u32, Job>,
    /// Retention ended: protection to lift at the next hook.
    release: Vec<u32>,
    /// Marked workers hired this month: their (now stale) hiring-cost factors to clear at the
    /// next hook, so that matching looks up only the workers still on offer.
    unmark: Vec<u32>,
    /// Per claiming firm: decayed counts of (subsidised hires, all hires), and the target
    /// factor set.
    firm_hires: BTreeMap<u32, (f64, f64, f64)>,
    /// Workers watched in the counterfactual (looked up for every hire; never iterated).
    watch: HashSet<u32>,
    /// When the group is defined by time (long-term unemployed, aged 50 or more): the months
    /// at which an unemployed worker may join it (its spell's start, the month it becomes
    /// long-term unemployed, the month it turns 50), so that marking follows these events
    /// instead of visiting every unemployed worker every month (`mark`).
    calendar: BTreeMap<Month, Vec<u32>>,
    /// Whether the pools have been scanned once (the first active month) and the calendar
    /// has been kept since.
    scanned: bool,
    /// This month's separations and status changes already read into the calendar.
    events_read: (usize, usize),
    /// Workers displaced from `displaced_from` first read this month.
    newly_displaced: Vec<u32>,
    tally: HiringTally,
    participants_before: u64,
    month: PolicyMonth,
}

impl HiringSubsidy {
    /// A fresh mechanism.
    pub fn new(spec: HiringSubsidySpec) -> HiringSubsidy {
        HiringSubsidy {
            spec,
            acting: true,
            claims: None,
            displaced_read: DisplacementCursor::default(),
            displaced: BTreeSet::new(),
            marked: HashMap::new(),
            offering: true,
            jobs: BTreeMap::new(),
            release: Vec::new(),
            unmark: Vec::new(),
            firm_hires: BTreeMap::new(),
            watch: HashSet::new(),
            calendar: BTreeMap::new(),
            scanned: false,
            events_read: (0, 0),
            newly_displaced: Vec::new(),
            tally: HiringTally::default(),
            participants_before: 0,
            month: PolicyMonth::default(),
        }
    }

    /// The observer for the counterfactual: the same classification of hires, no action,
    /// watching when the workers `watch` (the policy arm's subsidised hires) are hired.
    pub fn observer(spec: HiringSubsidySpec, watch: impl IntoIterator<Item = u32>) -> Self {
        let mut o = HiringSubsidy::new(spec);
        o.acting = false;
        o.watch = watch.into_iter().collect();
        o
    }

    /// The policy's name.
    pub fn policy_name(&self) -> &str {
        &self.spec.common.name
    }

    /// What it saw of the hires.
    pub fn tally(&self) -> &HiringTally {
        &self.tally
    }

    fn active(&self, t: Month) -> bool {
        self.spec.common.active(t)
    }

    fn claims(&mut self, eco: &Economy) -> &[bool] {
        let spec = &self.spec;
        self.claims.get_or_insert_with(|| {
            (0..eco.firms.len())
                .map(|j| spec.common.target.reaches(eco, j) && spec.conditions.met(eco, j))
                .collect()
        })
    }

    /// Whether unemployed worker `w` is in the target group now.
    fn in_group(&self, eco: &Economy, w: u32) -> bool {
        let g = &self.spec.group;
        let r = &eco.workers.rec[w as usize];
        let t = eco.month;
        (g.displaced && eco.displaced_flags.get(w) && self.displaced.contains(&w))
            || (g.long_term_unemployed && t.since(r.since) >= g.long_term_months as i32)
            || (g.aged_50_plus && eco.workers.age_years(w, t) >= OLDER)
    }

    /// Reads the new displacement records.
    fn read_displaced(&mut self, eco: &Economy) {
        for d in self.displaced_read.read(eco) {
            let from = &self.spec.group.displaced_from;
            if (from.is_empty() || from.contains(&eco.firms.group[d.firm as usize]))
                && self.displaced.insert(d.worker)
            {
                self.newly_displaced.push(d.worker);
            }
        }
    }

    /// Whether the target group is defined by time out of work or age (so that the calendar
    /// is kept).
    fn timed_group(&self) -> bool {
        self.spec.group.long_term_unemployed || self.spec.group.aged_50_plus
    }

    /// Puts unemployed worker `w` on the calendar at the months it may join the group in its
    /// current spell: the spell's start, when it becomes long-term unemployed, when it turns
    /// 50 (a month already past is checked at the next marking).
    fn schedule(&mut self, eco: &Economy, w: u32) {
        let g = &self.spec.group;
        let r = &eco.workers.rec[w as usize];
        let mut months = vec![r.since];
        if g.long_term_unemployed {
            months.push(r.since.plus(g.long_term_months as i32));
        }
        if g.aged_50_plus {
            months.push(r.birth.plus(12 * OLDER).max(r.since));
        }
        months.sort_unstable();
        months.dedup();
        for m in months {
            self.calendar.entry(m).or_default().push(w);
        }
    }

    /// Reads the month's separations and status changes not read yet: those now unemployed go
    /// on the calendar. Called before matching and at the month's end (the log is emptied at
    /// the start of the next month).
    fn read_entries(&mut self, eco: &Economy) {
        if !self.scanned {
            return;
        }
        let ev = &eco.events;
        let (s0, c0) = self.events_read;
        let entered: Vec<u32> = ev.separations[s0..]
            .iter()
            .map(|e| e.worker)
            .chain(ev.changed[c0..].iter().copied())
            .filter(|&w| eco.workers.rec[w as usize].status == Status::Unemployed)
            .collect();
        self.events_read = (ev.separations.len(), ev.changed.len());
        for w in entered {
            self.schedule(eco, w);
        }
    }

    /// Marks the target workers among the unemployed (and, acting, lowers their cost to the
    /// claiming firms). A worker joins the group at the start of its spell, when a
    /// displacement record names it, when it becomes long-term unemployed or turns 50: in the
    /// first active month every unemployed worker is looked at, afterwards only those the
    /// calendar and the month's displacement records name (the same workers are marked).
    fn mark(&mut self, ctx: &mut MatchingCtx<'_>) {
        let eco = ctx.economy();
        let t = eco.month;
        let mut candidates: Vec<u32> = Vec::new();
        if self.timed_group() {
            if self.scanned && !tests::scan_every_month() {
                self.read_entries(eco);
                let later = self.calendar.split_off(&t.plus(1));
                for (_, ws) in std::mem::replace(&mut self.calendar, later) {
                    candidates.extend(ws);
                }
                candidates.extend(self.newly_displaced.iter().copied());
            } else {
                for pool in &eco.pools {
                    candidates.extend(pool.iter());
                }
                self.scanned = true;
                self.events_read = (eco.events.separations.len(), eco.events.changed.len());
                for &w in &candidates {
                    self.schedule(eco, w);
                }
                let later = self.calendar.split_off(&t.plus(1));
                self.calendar = later;
            }
        } else {
            candidates.extend(self.displaced.iter().copied());
        }
        self.newly_displaced.clear();
        let cut = self.spec.cost_cut();
        let mut new = Vec::new();
        for w in candidates {
            let r = &eco.workers.rec[w as usize];
            if r.status == Status::Unemployed
                && self.in_group(eco, w)
                && self.marked.get(&w) != Some(&r.since)
            {
                new.push((w, r.since));
            }
        }
        for (w, since) in new {
            self.marked.insert(w, since);
            if self.acting && self.offering {
                ctx.set_hiring_cost(w, 1.0 - cut);
            }
        }
    }

    /// Offers or withdraws the subsidy for every marked worker.
    fn offer(&mut self, ctx: &mut MatchingCtx<'_>, on: bool) {
        if self.offering == on || !self.acting {
            return;
        }
        self.offering = on;
        let factor = if on { 1.0 - self.spec.cost_cut() } else { 1.0 };
        for (&w, &since) in &self.marked {
            if ctx.economy().workers.rec[w as usize].since == since {
                ctx.set_hiring_cost(w, factor);
            }
        }
    }

    /// Subsidised jobs in their subsidy period at month `t`.
    fn subsidised_now(&self, t: Month) -> u64 {
        let months = self.spec.months as i32;
        self.jobs
            .values()
            .filter(|j| t.since(j.hired) < months)
            .count() as u64
    }
}

impl Policy for HiringSubsidy {
    fn name(&self) -> &str {
        &self.spec.common.name
    }

    fn on_month_start(&mut self, ctx: &mut StartCtx<'_>) {
        if !self.acting {
            return;
        }
        for w in std::mem::take(&mut self.release) {
            ctx.set_retained(w, false);
        }
        let t = ctx.month();
        let protect: Vec<u32> = self
            .jobs
            .iter()
            .filter(|(_, j)| j.hired == t.plus(-1))
            .map(|(&w, _)| w)
            .collect();
        // A layoff would cost the firm the repayment: it keeps the worker as long as it would.
        if self.spec.repayment > 0.0 {
            for w in protect {
                ctx.set_retained(w, true);
            }
        }
        // Hiring volume: each claiming firm's target follows its expected labour cost.
        let cut = self.spec.cost_cut();
        let eps = self.spec.elasticity;
        let active = self.active(t);
        let mut changes = Vec::new();
        for (&j, entry) in self.firm_hires.iter_mut() {
            let q = if entry.1 > 0.0 {
                entry.0 / entry.1
            } else {
                0.0
            };
            let factor = if active && eps > 0.0 {
                (1.0 - cut * q).powf(-eps)
            } else {
                1.0
            };
            if (factor - entry.2).abs() > 1e-4 {
                entry.2 = factor;
                changes.push((j, factor));
            }
            // Experience fades: counts decay by a twelfth a month.
            entry.0 *= 11.0 / 12.0;
            entry.1 *= 11.0 / 12.0;
        }
        for (j, factor) in changes {
            ctx.set_target_factor(j, factor);
        }
    }

    fn before_matching(&mut self, ctx: &mut MatchingCtx<'_>) {
        let t = ctx.month();
        // A hired worker's factor no longer applies (it is tagged with the spell that ended).
        for w in std::mem::take(&mut self.unmark) {
            ctx.set_hiring_cost(w, 1.0);
        }
        if self.spec.group.displaced {
            self.read_displaced(ctx.economy());
        }
        if !self.active(t) {
            if self.acting && t >= self.spec.common.start && !self.marked.is_empty() {
                // The policy ended: no new subsidies.
                self.offer(ctx, false);
                self.marked.clear();
            }
            // Nobody is marked while the policy is not active (a window of one span: after
            // its end, for good).
            self.newly_displaced.clear();
            if t >= self.spec.common.start {
                self.calendar.clear();
                self.scanned = false;
            }
            return;
        }
        self.claims(ctx.economy());
        if self.acting {
            let firms: Vec<u32> = self
                .claims
                .as_ref()
                .expect("set above")
                .iter()
                .enumerate()
                .filter(|&(j, &c)| c && ctx.economy().firms.status[j] == FirmStatus::Active)
                .map(|(j, _)| j as u32)
                .collect();
            ctx.set_hiring_firms(&firms);
            let full = self
                .spec
                .common
                .capacity
                .is_some_and(|c| self.subsidised_now(t) >= c);
            self.offer(ctx, !full);
        }
        self.mark(ctx);
    }

    fn on_month_end(&mut self, eco: &Economy, _params: &Params, _record: &MonthRecord) {
        if self.timed_group() {
            self.read_entries(eco);
            self.events_read = (0, 0);
        }
        let t = eco.month;
        let active = self.active(t);
        let mut m = PolicyMonth::default();
        let months = self.spec.months as i32;
        let keep = months + self.spec.retention_months as i32;
        // Separations: subsidised jobs that end.
        let mut repaid = 0.0;
        for s in &eco.events.separations {
            let Some(job) = self.jobs.get(&s.worker) else {
                continue;
            };
            if job.firm != s.firm {
                continue;
            }
            let job = self.jobs.remove(&s.worker).expect("present");
            self.tally.ended.push((s.worker, job.hired, t, s.exit));
            if s.exit == Exit::Layoff && t.since(job.hired) < keep {
                repaid += self.spec.repayment * job.paid;
            }
        }
        // Hires.
        let capacity = self.spec.common.capacity.unwrap_or(u64::MAX);
        let mut running = self.subsidised_now(t);
        // Taken for the loop (it mutates the rest of the state) and put back after it.
        let claims = self.claims.take();
        for h in &eco.events.hires {
            let marked = self.marked.remove(&h.worker);
            if marked.is_some() && self.acting {
                self.unmark.push(h.worker);
            }
            if self.watch.contains(&h.worker) {
                self.tally.watched_hires.push((h.worker, t, h.firm));
            }
            let Some(claims) = &claims else { continue };
            if !active || h.from != Status::Unemployed || !claims[h.firm as usize] {
                continue;
            }
            let target = marked == Some(h.spell_start);
            if target {
                self.tally.target_hires += 1;
            } else {
                self.tally.other_hires += 1;
            }
            let entry = self.firm_hires.entry(h.firm).or_insert((0.0, 0.0, 1.0));
            entry.1 += 1.0;
            if target && self.acting && running < capacity {
                entry.0 += 1.0;
                running += 1;
                self.jobs.insert(
                    h.worker,
                    Job {
                        firm: h.firm,
                        hired: t,
                        paid: 0.0,
                    },
                );
                self.tally.subsidised.push((h.worker, t, h.firm));
                m.entries += 1;
                m.entries_50_plus += u64::from(eco.workers.age_years(h.worker, t) >= OLDER);
                m.entered.push(h.worker);
            }
        }
        self.claims = claims;
        // Payments, and the end of the retention period.
        let mut paid = 0.0;
        let mut subsidised = 0;
        let mut done = Vec::new();
        for (&w, job) in self.jobs.iter_mut() {
            let age = t.since(job.hired);
            if age < months {
                subsidised += 1;
                let r = &eco.workers.rec[w as usize];
                if matches!(r.status, Status::Employed | Status::ShortTime) {
                    let pay =
                        eco.current_wage(w) * f64::from(eco.firms.hours[job.firm as usize]) / 100.0;
                    let x = self.spec.share * pay;
                    job.paid += x;
                    paid += x;
                }
            }
            if age + 1 >= keep {
                done.push(w);
            }
        }
        for w in done {
            self.jobs.remove(&w);
            self.release.push(w);
        }
        if !self.acting {
            return;
        }
        m.participants = subsidised;
        m.exits = (self.participants_before + m.entries).saturating_sub(m.participants);
        self.participants_before = m.participants;
        if paid != 0.0 {
            m.items.push((SUBSIDY, paid));
        }
        if repaid != 0.0 {
            m.items.push((REPAYMENTS, -repaid));
        }
        self.month = m;
    }
}

impl Intervention for HiringSubsidy {
    fn report(&mut self) -> PolicyMonth {
        std::mem::take(&mut self.month)
    }
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        Some(self)
    }
    fn counterfactual_observer(&self) -> Option<Box<dyn Intervention>> {
        let workers = self.tally.subsidised.iter().map(|h| h.0);
        Some(Box::new(HiringSubsidy::observer(
            self.spec.clone(),
            workers,
        )))
    }
}

// --- The kind: its scenario table (`[[policies.hiring_subsidy]]`) and its registration ------------

use wandel_format::reader::{Range, Reader, Table};

use wandel_format::origin_of;

use crate::kind::{Common, KindEffects, KindFigure, KindSpec, PolicyKind, ReadContext};

use crate::kind::TargetNames;
use crate::read::{read_choices, read_conditions, read_list};

/// `[[policies.hiring_subsidy]]`.
pub struct Kind;

/// The kind, as registered (`registry.rs`).
pub static KIND: Kind = Kind;

impl PolicyKind for Kind {
    fn name(&self) -> &'static str {
        "hiring_subsidy"
    }
    fn label(&self) -> &'static str {
        "Hiring subsidy"
    }
    fn read(
        &self,
        rd: &mut Reader<'_>,
        t: &mut Table<'_>,
        common: &Common,
        cx: &ReadContext<'_>,
    ) -> Option<Box<dyn KindSpec>> {
        Some(Box::new(read_hiring_subsidy(rd, t, common, cx.names)))
    }
}

impl KindSpec for HiringSubsidySpec {
    fn common(&self) -> &Common {
        &self.common
    }
    fn build(&self) -> Box<dyn crate::Intervention> {
        Box::new(HiringSubsidy::new(self.clone()))
    }
    fn counterfactual_effects(
        &self,
        with: &[&PolicyRun],
        without: &[&PolicyRun],
    ) -> Option<KindEffects> {
        Some(effects(self, with, without))
    }
}

/// The target groups a hiring subsidy may list.
const HIRING_GROUPS: [&str; 3] = ["displaced", "long_term_unemployed", "aged_50_plus"];

/// Reads the keys of `[[policies.hiring_subsidy]]` after the common ones.
fn read_hiring_subsidy(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    common: &Common,
    names: &TargetNames<'_>,
) -> HiringSubsidySpec {
    let groups = read_choices(rd, t, "group", &HIRING_GROUPS).unwrap_or(vec!["displaced"]);
    let displaced_from = read_list(rd, t, "displaced_from", names.groups);
    if !displaced_from.is_empty() && !groups.contains(&"displaced") {
        let origin = origin_of(t, t.node_get("displaced_from"));
        rd.error(
            origin,
            &format!("{}.displaced_from", t.path),
            "narrows the \"displaced\" group, which `group` does not list",
        );
    }
    let months = rd.integer(t, "months", Some(12), 1, 36) as u32;
    let conditions = read_conditions(rd, t);
    HiringSubsidySpec {
        common: common.clone(),
        group: TargetGroup {
            displaced: groups.contains(&"displaced"),
            displaced_from,
            long_term_unemployed: groups.contains(&"long_term_unemployed"),
            long_term_months: rd.integer(t, "long_term_months", Some(12), 1, 120) as u32,
            aged_50_plus: groups.contains(&"aged_50_plus"),
        },
        share: rd.number(t, "share", Some(0.5), Range::Unit),
        months,
        conditions,
        retention_months: rd.integer(
            t,
            "retention_months",
            Some(i64::from(months.min(12))),
            0,
            60,
        ) as u32,
        repayment: rd.number(t, "repayment", Some(0.5), Range::Unit),
        horizon_months: rd.integer(t, "horizon_months", Some(24), 1, 240) as u32,
        elasticity: rd.number(t, "elasticity", Some(0.25), Range::Between(0.0, 5.0)),
        deadweight_window: rd.integer(t, "deadweight_window", Some(6), 0, 60) as u32,
    }
}

// --- Against the counterfactual: deadweight, substitution and cost per hire ---------------

use crate::run::PolicyRun;
use wandel_engine::measures::mean_ci;

/// What the hiring subsidy `name` (acting, or observing in the counterfactual) saw in `run`.
fn tally<'a>(run: &'a PolicyRun, name: &str) -> Option<&'a HiringTally> {
    run.interventions()
        .filter_map(|p| p.as_any()?.downcast_ref::<HiringSubsidy>())
        .find(|h| h.policy_name() == name)
        .map(HiringSubsidy::tally)
}

/// The policy's own ledger items over the run, € (repayments net).
fn cost(run: &PolicyRun, name: &str) -> f64 {
    run.reports
        .iter()
        .filter(|r| r.policy == name)
        .flat_map(|r| r.month_report.items.iter().map(|i| i.1))
        .sum()
}

/// The subsidy's effects against its counterfactual (`summary.json`, `hiring_subsidies`):
/// how many subsidised hires the counterfactual made anyway (deadweight), how many other
/// hires of the claiming firms they crowded out (substitution), the target group's hires
/// gained, and what a subsidised and an additional hire cost. Each figure is computed per
/// replication (replication k of both arms share their seeds) and reported as a mean with
/// its 95 % interval over the replications (`measures.rs`).
fn effects(spec: &HiringSubsidySpec, with: &[&PolicyRun], without: &[&PolicyRun]) -> KindEffects {
    let window = spec.deadweight_window as i32;
    let mut cols: [Vec<f64>; 9] = Default::default();
    for (a, b) in with.iter().zip(without) {
        let (Some(p), Some(c)) = (tally(a, &spec.common.name), tally(b, &spec.common.name)) else {
            continue;
        };
        let mut hired: BTreeMap<u32, Vec<(Month, u32)>> = BTreeMap::new();
        for &(w, m, f) in &c.watched_hires {
            hired.entry(w).or_default().push((m, f));
        }
        let n = p.subsidised.len() as f64;
        let (mut dead, mut same) = (0.0, 0.0);
        for &(w, m, f) in &p.subsidised {
            let near: Vec<&(Month, u32)> = hired
                .get(&w)
                .map(|v| {
                    v.iter()
                        .filter(|h| (h.0.since(m)).abs() <= window)
                        .collect()
                })
                .unwrap_or_default();
            dead += f64::from(u8::from(!near.is_empty()));
            same += f64::from(u8::from(near.iter().any(|h| h.1 == f)));
        }
        let target = p.target_hires as f64 - c.target_hires as f64;
        let crowded = c.other_hires as f64 - p.other_hires as f64;
        let net = target - crowded;
        let paid = cost(a, &spec.common.name);
        let per = |x: f64| if n > 0.0 { x / n } else { f64::NAN };
        cols[0].push(n);
        cols[1].push(per(100.0 * dead));
        cols[2].push(per(100.0 * same));
        cols[3].push(target);
        cols[4].push(crowded);
        cols[5].push(per(crowded));
        cols[6].push(per(net));
        cols[7].push(per(paid));
        cols[8].push(if net > 0.0 { paid / net } else { f64::NAN });
    }
    let every_gain = cols[8].iter().all(|x| x.is_finite());
    let figure = |key, label: &str, unit, col: &[f64]| KindFigure {
        key,
        label: label.to_string(),
        unit,
        value: mean_ci(col),
    };
    let window_label = format!(
        "deadweight (hired anyway, ±{} months)",
        spec.deadweight_window
    );
    let mut gained = figure(
        "cost_per_hire_gained",
        "cost per hire gained",
        "€",
        &cols[8],
    );
    if !every_gain {
        // Only where hires were gained in every replication.
        gained.value = None;
    }
    KindEffects {
        section: "hiring_subsidies",
        heading: format!("hiring subsidy {}", spec.common.name),
        policy: spec.common.name.clone(),
        figures: vec![
            figure("subsidised_hires", "subsidised hires", "workers", &cols[0]),
            figure("deadweight_pct", &window_label, "%", &cols[1]),
            figure(
                "deadweight_same_firm_pct",
                "deadweight, same firm",
                "%",
                &cols[2],
            ),
            figure(
                "target_hires_gained",
                "target-group hires gained",
                "workers",
                &cols[3],
            ),
            figure(
                "other_hires_crowded_out",
                "other hires crowded out",
                "workers",
                &cols[4],
            ),
            figure(
                "crowded_out_per_subsidised_hire",
                "other hires crowded out per subsidised hire",
                "",
                &cols[5],
            ),
            figure(
                "net_hires_per_subsidised_hire",
                "net hires per subsidised hire",
                "",
                &cols[6],
            ),
            figure(
                "cost_per_subsidised_hire",
                "cost per subsidised hire",
                "€",
                &cols[7],
            ),
            gained,
        ],
        settings: vec![(
            "deadweight_window_months",
            u64::from(spec.deadweight_window),
        )],
    }
}

#[cfg(not(test))]
mod tests {
    /// Outside tests the calendar is always used.
    pub(super) fn scan_every_month() -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use crate::testing::{item, params, simulate, spec};

    use super::{HiringSubsidy, SUBSIDY};

    thread_local! {
        /// Set by a test to mark from a scan of every unemployed worker every month (the
        /// definition the calendar must reproduce).
        static SCAN: Cell<bool> = const { Cell::new(false) };
    }

    pub(super) fn scan_every_month() -> bool {
        SCAN.with(Cell::get)
    }

    #[test]
    fn the_calendar_marks_the_workers_a_scan_of_every_unemployed_worker_marks() {
        let mut p = params();
        // Ages around 50 and months enough for unemployed workers to turn 50 in their spell.
        p.months = 36;
        (p.population.age_min, p.population.age_max) = (46, 54);
        for group in [
            "[\"displaced\", \"long_term_unemployed\"]\nlong_term_months = 3",
            "[\"aged_50_plus\"]",
        ] {
            let s = spec(
                &p,
                "hiring_subsidy",
                &format!("share = 0.5\nmonths = 6\ngroup = {group}"),
            );
            let tally = |scan: bool| {
                SCAN.with(|c| c.set(scan));
                let (_, run, _) = simulate(&p, std::slice::from_ref(&s));
                SCAN.with(|c| c.set(false));
                let h = run
                    .interventions()
                    .find_map(|i| i.as_any()?.downcast_ref::<HiringSubsidy>())
                    .unwrap();
                let marked: std::collections::BTreeMap<u32, _> =
                    h.marked.iter().map(|(&w, &m)| (w, m)).collect();
                (h.tally().clone(), run.ledger, marked)
            };
            let (calendar, ledger, marked) = tally(false);
            let (scan, scan_ledger, scan_marked) = tally(true);
            eprintln!(
                "{group}: {} marked, {} target hires",
                marked.len(),
                calendar.target_hires
            );
            assert!(!marked.is_empty(), "{group}");
            assert_eq!(marked, scan_marked, "{group}");
            assert_eq!(calendar.subsidised, scan.subsidised, "{group}");
            assert_eq!(
                (calendar.target_hires, calendar.other_hires),
                (scan.target_hires, scan.other_hires),
                "{group}"
            );
            assert_eq!(ledger, scan_ledger, "{group}");
        }
    }

    #[test]
    fn only_hires_of_the_target_group_are_subsidised() {
        let p = params();
        let s = spec(&p, "hiring_subsidy", "share = 0.5\nmonths = 6");
        let (_, run, sim) = simulate(&p, &[s]);
        let tally = run
            .interventions()
            .find_map(|i| i.as_any()?.downcast_ref::<HiringSubsidy>())
            .unwrap()
            .tally()
            .clone();
        assert!(
            !tally.subsidised.is_empty(),
            "displaced workers are hired with the subsidy"
        );
        // Every subsidised worker was displaced (the default group).
        let displaced: std::collections::BTreeSet<u32> =
            sim.economy().displaced.iter().map(|d| d.worker).collect();
        assert!(tally.subsidised.iter().all(|h| displaced.contains(&h.0)));
        // At most six months of half the wage per subsidised hire.
        let paid = item(&run, SUBSIDY);
        assert!(paid > 0.0);
        assert!(paid <= tally.subsidised.len() as f64 * 6.0 * 0.5 * 3000.0 * 2.0);
    }

    #[test]
    fn a_wage_standard_no_firm_meets_subsidises_nobody() {
        let p = params();
        let s = spec(&p, "hiring_subsidy", "wage_standard = 3500.0");
        let (_, run, _) = simulate(&p, &[s]);
        assert_eq!(item(&run, SUBSIDY), 0.0);
    }
}
