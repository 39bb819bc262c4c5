//! Every month of the shipped scenarios keeps every invariant (full recount) and every stock
//! changes only by the flows recorded for that month.

use wandel_engine::invariants;
use wandel_engine::{MonthRecord, Simulation, Status};

fn payroll(r: &MonthRecord) -> u64 {
    r.employed + r.short_time
}

fn check_scenario(rel: &str, set: &[&str]) {
    let s = crate::util::scenario(rel, set);
    let mut sim = Simulation::new(&s.params, 0);
    invariants::check(sim.economy()).unwrap();
    let c = sim.economy().counts;
    let mut prev = MonthRecord {
        employed: c[Status::Employed as usize],
        short_time: c[Status::ShortTime as usize],
        unemployed: c[Status::Unemployed as usize],
        in_training: c[Status::Training as usize],
        out_of_labour_force: c[Status::Inactive as usize],
        retired: c[Status::Retired as usize],
        ..MonthRecord::default()
    };
    let mut total_layoffs = 0;
    while !sim.finished() {
        let r = sim.step(&mut ());
        invariants::check(sim.economy()).unwrap_or_else(|e| panic!("{rel} {}: {e}", r.month));
        let from = |s: Status| r.retirements_from[s as usize];
        let new_hires = r.hires - r.job_to_job;
        assert_eq!(
            r.unemployed,
            prev.unemployed + r.separations + r.layoffs + r.entries + r.reentries
                - new_hires
                - from(Status::Unemployed)
                - r.exits_inactive,
            "{rel} {}: unemployment stock-flow",
            r.month
        );
        assert_eq!(
            payroll(&r),
            payroll(&prev) + new_hires
                - r.separations
                - r.layoffs
                - from(Status::Employed)
                - from(Status::ShortTime),
            "{rel} {}: payroll stock-flow",
            r.month
        );
        assert_eq!(
            r.out_of_labour_force,
            prev.out_of_labour_force + r.exits_inactive - from(Status::Inactive) - r.reentries,
            "{rel} {}: inactive stock-flow",
            r.month
        );
        assert_eq!(
            r.regions
                .iter()
                .map(|g| (g.exits_from_labour_force, g.reentries))
                .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1)),
            (r.exits_inactive, r.reentries),
            "{rel} {}: exits and re-entries by region add up",
            r.month
        );
        let moved = r
            .regions
            .iter()
            .map(|g| (g.moved_in, g.moved_out))
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        assert_eq!(
            moved,
            (r.movers, r.movers),
            "{rel} {}: moves in and out by region add up to the movers",
            r.month
        );
        assert!(r.job_seeker_movers <= r.movers);
        assert_eq!(r.retired, prev.retired + r.retirements);
        assert_eq!(r.retirements, r.retirements_from.iter().sum::<u64>());
        // Firm headcounts equal the workers employed there (no trainees without policies).
        let cells: u64 = r.cells.iter().map(|c| c.employed + c.short_time).sum();
        assert_eq!(
            cells,
            payroll(&r),
            "{rel} {}: firm headcounts vs payroll",
            r.month
        );
        total_layoffs += r.layoffs;
        prev = r;
    }
    assert!(
        total_layoffs > 0 || rel.contains("baseline"),
        "{rel}: the shock should displace someone"
    );
}

#[test]
fn baseline_keeps_invariants() {
    check_scenario("scenarios/baseline.toml", &["simulation.months=36"]);
}

#[test]
fn steel_closure_keeps_invariants() {
    check_scenario("scenarios/steel_closure.toml", &["simulation.months=30"]);
}

#[test]
fn steel_closure_keeps_invariants_with_job_seekers_moving() {
    // A hundred times the shipped rate, so that moves of job seekers (with their spells,
    // long-term status and benefits) happen every month in both regions.
    check_scenario(
        "scenarios/steel_closure.toml",
        &[
            "simulation.months=30",
            "regional.job_seeker_move_rate=0.01",
            "regional.move_gain_elasticity=3",
        ],
    );
}

#[test]
fn ice_phaseout_keeps_invariants_with_aggregate_matching_too() {
    check_scenario("scenarios/ice_phaseout.toml", &["simulation.months=80"]);
    check_scenario(
        "scenarios/ice_phaseout.toml",
        &["simulation.months=80", "matching.mode=aggregate"],
    );
}

#[test]
fn baseline_is_stationary() {
    // No shock: employment and unemployment stay where they started (within 1 point of the
    // labour force over ten years), and the population is constant. Firms widen and narrow
    // their capacity as the vacancy durations they see move around the steady state, and
    // local services follow residents' spending, so some firms lay off a worker now and then
    // (job destruction; most of it goes by attrition): fewer than 1.5 % of the labour force
    // in ten years.
    let s = crate::util::scenario("scenarios/baseline.toml", &[]);
    let out = wandel_engine::run(&s.params, 0, &mut ());
    let first = &out.months[0];
    let last = out.months.last().unwrap();
    let lf = |r: &MonthRecord| (r.employed + r.short_time + r.unemployed) as f64;
    assert!((last.unemployment_rate() - first.unemployment_rate()).abs() < 0.01);
    assert!((lf(last) / lf(first) - 1.0).abs() < 0.01);
    assert!(
        (out.displaced as f64) < 0.015 * lf(first),
        "{} displaced",
        out.displaced
    );
}

/// A test policy that uses every lever of `PolicyCtx`: short-time work for firms with excess
/// labour, retraining of displaced workers into another occupation, counselling (search
/// intensity), target and matching-efficiency factors, training of employees.
struct EveryLever {
    trained: u64,
    on_short_time: u64,
    /// The month's displaced (worker, occupation), acted on before matching.
    displaced: Vec<(u32, u16)>,
}

impl wandel_engine::Policy for EveryLever {
    fn name(&self) -> &str {
        "every_lever"
    }
    fn on_month_start(&mut self, ctx: &mut wandel_engine::StartCtx<'_>) {
        let n_firms = ctx.economy().firms.len() as u32;
        if n_firms > 3 {
            ctx.set_target_factor(3, 1.05);
        }
        ctx.set_matching_efficiency(0, 1.2);
    }
    fn on_excess_labour(
        &mut self,
        ctx: &mut wandel_engine::ExcessCtx<'_>,
        firms: &[wandel_engine::ExcessLabour],
    ) {
        for f in firms {
            self.on_short_time += u64::from(ctx.put_on_short_time(f.firm, f.excess, 0.5));
        }
    }
    fn on_displacement(
        &mut self,
        _ctx: &mut wandel_engine::DisplacementCtx<'_>,
        displaced: &[wandel_engine::state::Displacement],
    ) {
        // The displacement hook reads; the levers are pulled before matching.
        self.displaced = displaced.iter().map(|d| (d.worker, d.occupation)).collect();
    }
    fn before_matching(&mut self, ctx: &mut wandel_engine::MatchingCtx<'_>) {
        let n_occ = ctx.params().occupations.len() as u16;
        for (k, (w, occupation)) in std::mem::take(&mut self.displaced).into_iter().enumerate() {
            if k % 2 == 0 {
                let plan = wandel_engine::TrainingPlan {
                    months: 6,
                    occupation: Some((occupation + 1) % n_occ),
                    skill_gain: 0.05,
                };
                if ctx.start_training(w, plan) {
                    self.trained += 1;
                }
            } else {
                ctx.set_search_intensity(w, 2.0);
            }
        }
        // Train one employee of the first firm with staff, on the job, for three months.
        let eco = ctx.economy();
        let pick = (0..eco.firms.len()).find_map(|j| {
            eco.firms.employees[j]
                .iter()
                .copied()
                .find(|&w| eco.workers.rec[w as usize].status == Status::Employed)
        });
        if let Some(w) = pick {
            let plan = wandel_engine::TrainingPlan {
                months: 3,
                occupation: None,
                skill_gain: 0.02,
            };
            if ctx.start_training(w, plan) {
                self.trained += 1;
            }
        }
    }
}

#[test]
fn every_policy_lever_keeps_invariants() {
    for mode in ["applications", "aggregate"] {
        let s = crate::util::scenario(
            "scenarios/steel_closure.toml",
            &["simulation.months=40", &format!("matching.mode={mode}")],
        );
        let mut sim = Simulation::new(&s.params, 0);
        let mut policy = EveryLever {
            trained: 0,
            on_short_time: 0,
            displaced: Vec::new(),
        };
        let mut ends = 0;
        let mut short_time_seen = 0;
        while !sim.finished() {
            let r = sim.step(&mut policy);
            invariants::check(sim.economy()).unwrap_or_else(|e| panic!("{mode} {}: {e}", r.month));
            ends += r.training_ends;
            short_time_seen = short_time_seen.max(r.short_time);
            let payroll_cells: u64 = r.cells.iter().map(|c| c.employed + c.short_time).sum();
            assert!(payroll_cells >= r.employed + r.short_time);
        }
        assert!(
            policy.trained > 100,
            "{mode}: training was used ({})",
            policy.trained
        );
        assert!(ends > 50, "{mode}: trainees completed ({ends})");
        assert!(
            policy.on_short_time > 0 && short_time_seen > 0,
            "{mode}: short-time work was used"
        );
    }
}

/// The cohort breakdowns by origin sector, occupation and residence region each partition the
/// displaced: their counts add up to the "all" group's in every cell.
#[test]
fn cohort_breakdowns_partition_the_displaced() {
    let s = crate::util::scenario(
        "scenarios/steel_closure.toml",
        &["simulation.months=36", "simulation.warmup_months=0"],
    );
    let out = wandel_engine::run(&s.params, 0, &mut ());
    let c = &out.cohorts;
    let mut checked = 0;
    for cause in wandel_engine::Cause::ALL {
        let cells = c.of(cause);
        for prefix in ["sector:", "occupation:", "region:"] {
            let members: Vec<usize> = (0..c.groups.len())
                .filter(|&g| c.groups[g].starts_with(prefix))
                .collect();
            assert!(!members.is_empty(), "no {prefix} groups");
            for (since, &all) in cells[0].iter().enumerate() {
                let sum = |f: &dyn Fn(&wandel_engine::CohortCell) -> u64| {
                    members.iter().map(|&g| f(&cells[g][since])).sum::<u64>()
                };
                assert_eq!(sum(&|x| x.n), all.n, "{cause:?} {prefix} n at {since}");
                assert_eq!(sum(&|x| x.reemployed), all.reemployed);
                checked += all.n;
            }
        }
    }
    assert!(checked > 0, "somebody was displaced");
    // The closure's staff all come from the steel sector.
    let steel = c.groups.iter().position(|g| g == "sector:steel").unwrap();
    let closure = c.of(wandel_engine::Cause::Closure);
    assert_eq!(closure[steel][0].n, closure[0][0].n);
}
