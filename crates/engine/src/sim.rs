//! The monthly step and the run loop: the one place where the order of the month is written.
//!
//! One month, in this order:
//! 1. checks due this month (long-term unemployment, tenure caps, training completions);
//! 2. shocks (closure announcements, closures, technology switches) and firms' targets from
//!    demand, productivity and supply-chain links; hook `on_month_start`;
//! 3. firm adjustment: hook `on_excess_labour` (short-time work), then layoffs;
//! 4. quits and dismissals; retirement, entry and exits from the labour force;
//!    hook `on_displacement`; hook `before_matching`;
//! 5. vacancies, then search and matching (aggregate or applications);
//! 6. residence moves of commuters;
//! 7. recording (stocks after matching, vacancies before), residents' spending, cohorts; hook
//!    `on_month_end`.

use crate::cohorts::Cohorts;
use crate::init::initial_economy;
use crate::params::{MatchingMode, Params};
use crate::phases::network::SearchNetwork;
use crate::phases::{
    adjust, creation, demography, matching_aggregate, matching_applications, migration, moves,
    separations, shocks, vacancies,
};
use crate::policy::{DisplacementCtx, ExcessCtx, Hook, MatchingCtx, Policy, PolicyCtx, StartCtx};
use crate::record::{MonthRecord, record};
use crate::rng::MonthStreams;
use crate::state::{Economy, Flows};
use crate::targets;

/// Everything one replication produces.
#[derive(Clone, Debug)]
pub struct RunOutput {
    /// Replication number.
    pub replication: u32,
    /// One record per month.
    pub months: Vec<MonthRecord>,
    /// Displaced-worker cohorts.
    pub cohorts: Cohorts,
    /// Workers displaced during the run.
    pub displaced: u64,
    /// Of the closing firms' staff, those who left job to job under the closure notice.
    pub closure_job_to_job: u64,
}

/// A simulation in progress: the state plus what stays fixed during the run.
pub struct Simulation<'p> {
    /// The parameters.
    pub params: &'p Params,
    /// The state.
    pub(crate) economy: Economy,
    /// Replication number.
    pub replication: u32,
    network: SearchNetwork,
    cohorts: Cohorts,
    month_idx: u32,
    scratch: Scratch,
}

/// Working memory of the phases, reused from month to month (no state: never read across
/// months).
#[derive(Default)]
struct Scratch {
    vacancies: Vec<vacancies::MarketVacancies>,
    separating: Vec<(u32, u32)>,
    aggregate: matching_aggregate::Scratch,
}

impl<'p> Simulation<'p> {
    /// The state, read-only: it changes only by [`Simulation::step`], through the
    /// transitions that keep every invariant.
    pub fn economy(&self) -> &Economy {
        &self.economy
    }

    /// The state of replication `replication` at the start of the reported run: the initial
    /// population, stepped through the warm-up months (without policies) if there are any.
    pub fn new(params: &'p Params, replication: u32) -> Simulation<'p> {
        Simulation::new_unless(params, replication, &|| false)
            .expect("a warm-up that is never stopped finishes")
    }

    /// [`Simulation::new`], but `stop` is asked between the warm-up months and a `true` ends
    /// it without a simulation (an interrupted run: the warm-up can be a third of its time).
    pub fn new_unless(
        params: &'p Params,
        replication: u32,
        stop: &dyn Fn() -> bool,
    ) -> Option<Simulation<'p>> {
        let mut sim = Simulation {
            params,
            economy: initial_economy(params, replication),
            replication,
            network: SearchNetwork::new(params),
            cohorts: Cohorts::new(params),
            month_idx: 0,
            scratch: Scratch::default(),
        };
        targets::reset_spending(&mut sim.economy, params);
        if params.warmup_months > 0 {
            while sim.month_idx < params.warmup_months {
                if stop() {
                    return None;
                }
                sim.step(&mut ());
            }
            sim.end_warmup();
        }
        Some(sim)
    }

    /// Forgets what the warm-up leaves that belongs to the reported run only: displaced
    /// workers and their cohorts, and, while firms do not choose their capacity, the reference
    /// employment of supply-chain links and the reference of residents' spending (the economy
    /// at the first reported month).
    fn end_warmup(&mut self) {
        let eco = &mut self.economy;
        eco.displaced.clear();
        eco.displaced_this_month = 0..0;
        self.cohorts = Cohorts::new(self.params);
        if self.params.jobs.enabled {
            // Firms sized themselves during the warm-up against the references of its first
            // month; resetting them would move every target at once.
            return;
        }
        eco.initial_cell_employment
            .clone_from(&eco.last_cell_employment);
        targets::reset_spending(eco, self.params);
    }

    /// True when every month has been simulated.
    pub fn finished(&self) -> bool {
        self.month_idx >= self.params.simulated_months()
    }

    /// Simulates the next month and returns its record.
    pub fn step(&mut self, policy: &mut dyn Policy) -> MonthRecord {
        let params = self.params;
        let (seed, rep, idx) = (params.seed, self.replication, self.month_idx);
        let eco = &mut self.economy;
        eco.month = params.first_month().plus(idx as i32);
        reset_flows(&mut eco.flows);
        eco.events.clear();
        let displaced_before = eco.displaced.len();
        let streams = MonthStreams::new(seed, rep, idx);
        let name = policy.name().to_string();
        let run = (streams, rep);

        // 1. Checks due this month.
        eco.process_agenda();
        // 2. Shocks and targets.
        shocks::apply(eco, params);
        creation::update_wages(eco, params);
        creation::update_capacity(eco, params);
        targets::update_targets(eco, params);
        creation::close_idle_firms(eco, params);
        policy.on_month_start(&mut StartCtx::new(PolicyCtx::new(
            eco,
            params,
            run,
            Hook::MonthStart,
            &name,
        )));
        // 3. Firm adjustment.
        let excess = adjust::excess_labour(eco, params);
        if !excess.is_empty() {
            policy.on_excess_labour(
                &mut ExcessCtx::new(PolicyCtx::new(eco, params, run, Hook::ExcessLabour, &name)),
                &excess,
            );
            adjust::lay_off(eco, params, &excess, &streams);
        }
        // 4. Separations and demography.
        let scratch = &mut self.scratch;
        separations::separate(eco, params, &streams, &mut scratch.separating);
        demography::run(eco, params, &streams);
        eco.displaced_this_month = displaced_before..eco.displaced.len();
        if !eco.displaced_this_month.is_empty() {
            let list = eco.displaced[eco.displaced_this_month.clone()].to_vec();
            policy.on_displacement(
                &mut DisplacementCtx::new(PolicyCtx::new(
                    eco,
                    params,
                    run,
                    Hook::Displacement,
                    &name,
                )),
                &list,
            );
        }
        policy.before_matching(&mut MatchingCtx::new(PolicyCtx::new(
            eco,
            params,
            run,
            Hook::BeforeMatching,
            &name,
        )));
        // 5. Vacancies and matching.
        vacancies::post(eco, params, &streams, &mut scratch.vacancies);
        let open = &scratch.vacancies;
        eco.compact_pools();
        match params.matching.mode {
            MatchingMode::Aggregate => {
                let aggregate = &mut scratch.aggregate;
                matching_aggregate::run(eco, params, &self.network, open, &streams, aggregate)
            }
            MatchingMode::Applications => {
                matching_applications::run(eco, params, &self.network, open, &streams)
            }
        }
        creation::observe(eco, params);
        // 6. Residence moves: commuters to where they work, job seekers to where work is.
        moves::run(eco, params, &streams);
        migration::run(eco, params, &streams);
        // 7. Record; residents' spending for next month's local demand.
        let rec = record(eco, params);
        targets::update_spending(eco, params);
        self.cohorts.observe(eco, eco.month, &streams);
        policy.on_month_end(eco, params, &rec);
        self.month_idx += 1;
        rec
    }

    /// Runs the remaining months, calling `observe` after each, and returns the output.
    pub fn run(
        mut self,
        policy: &mut dyn Policy,
        observe: &mut dyn FnMut(&Economy, &MonthRecord),
    ) -> RunOutput {
        let mut months = Vec::with_capacity(self.params.months as usize);
        while !self.finished() {
            let rec = self.step(policy);
            observe(&self.economy, &rec);
            months.push(rec);
        }
        self.finish(months)
    }

    /// The replication's output from the records of its months, once it is finished (for a
    /// caller that steps the simulation itself, with [`Simulation::step`]).
    pub fn finish(self, months: Vec<MonthRecord>) -> RunOutput {
        RunOutput {
            replication: self.replication,
            months,
            displaced: self.economy.displaced.len() as u64,
            closure_job_to_job: self
                .economy
                .displaced
                .iter()
                .filter(|d| d.cause == crate::state::Cause::Closure && d.job_to_job)
                .count() as u64,
            cohorts: self.cohorts,
        }
    }
}

fn reset_flows(f: &mut Flows) {
    *f = Flows {
        cell_hires: std::mem::take(&mut f.cell_hires),
        cell_separations: std::mem::take(&mut f.cell_separations),
        cell_layoffs: std::mem::take(&mut f.cell_layoffs),
        region_moved_in: std::mem::take(&mut f.region_moved_in),
        region_exits: std::mem::take(&mut f.region_exits),
        region_reentries: std::mem::take(&mut f.region_reentries),
        region_moved_out: std::mem::take(&mut f.region_moved_out),
        ..Flows::default()
    };
    for v in [
        &mut f.cell_hires,
        &mut f.cell_separations,
        &mut f.cell_layoffs,
        &mut f.region_moved_in,
        &mut f.region_exits,
        &mut f.region_reentries,
        &mut f.region_moved_out,
    ] {
        v.fill(0);
    }
}

/// Runs replication `replication` of `params` with `policy` to the end.
pub fn run(params: &Params, replication: u32, policy: &mut dyn Policy) -> RunOutput {
    Simulation::new(params, replication).run(policy, &mut |_, _| {})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::invariants;

    #[test]
    fn dmp_months_keep_invariants_and_stock_flow_identity() {
        let params = Params::dmp_case(20_000, 36, 3);
        let mut sim = Simulation::new(&params, 0);
        invariants::check(&sim.economy).unwrap();
        let mut unemployed = sim.economy.counts[crate::state::Status::Unemployed as usize];
        while !sim.finished() {
            let rec = sim.step(&mut ());
            invariants::check(&sim.economy).unwrap();
            assert_eq!(
                rec.unemployed,
                unemployed + rec.separations + rec.layoffs - rec.hires
            );
            assert_eq!(rec.employed + rec.unemployed, 20_000);
            unemployed = rec.unemployed;
        }
    }

    #[test]
    fn shrinking_pools_are_compacted_and_keep_invariants() {
        // Firms want 4 % more workers than at the start and few quit: unemployment falls
        // from 5 % to about 1 %, so hires leave more holes than new entrants fill and the
        // pools must be compacted.
        let mut params = Params::dmp_case(20_000, 24, 5);
        params.sectors[0].separation_rate = 0.002;
        let mut sim = Simulation::new(&params, 0);
        sim.economy.firms.policy_factor.fill(1.04);
        let spans = |sim: &Simulation| -> Vec<usize> {
            sim.economy.pools.iter().map(|p| p.span()).collect()
        };
        let mut widest = spans(&sim);
        let mut compacted = false;
        while !sim.finished() {
            sim.step(&mut ());
            invariants::check(&sim.economy).unwrap();
            for (m, span) in spans(&sim).into_iter().enumerate() {
                // Only compaction shortens a pool's list.
                compacted |= span < widest[m];
                widest[m] = widest[m].max(span);
            }
        }
        assert!(compacted, "no pool was compacted");
        let u = sim.economy.counts[crate::state::Status::Unemployed as usize];
        assert!(u < 400, "{u} unemployed");
    }

    #[test]
    fn a_market_can_hire_its_whole_pool() {
        // Far more vacancies than job seekers and a very efficient matching function: every
        // market hires all of its pool each month, so the pool is drained through rounds of
        // draws with compaction in between.
        let mut params = Params::dmp_case(20_000, 6, 8);
        params.matching.efficiency = 50.0;
        let mut sim = Simulation::new(&params, 0);
        sim.economy.firms.policy_factor.fill(1.5);
        while !sim.finished() {
            let rec = sim.step(&mut ());
            invariants::check(&sim.economy).unwrap();
            assert_eq!(rec.unemployed, 0, "month {}", rec.month);
            assert!(sim.economy.pools.iter().all(|p| p.is_empty()));
        }
    }
}
