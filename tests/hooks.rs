//! What policies act through: the event log, composable levers, hours, training ends,
//! portable skill and policy streams keyed by name, each checked on the shipped steel closure
//! with the invariants recounted every month.

use wandel_engine::events::Exit;
use wandel_engine::invariants;
use wandel_engine::state::{Status, TrainingPlan};
use wandel_engine::{MatchingCtx, Policy, Simulation, StartCtx};

/// The steel closure shortened to the year before the announcement, the notice year and half a year after (no warm-up).
fn steel() -> wandel_scenario::Scenario {
    crate::util::scenario(
        "scenarios/steel_closure.toml",
        &["simulation.months=30", "simulation.warmup_months=0"],
    )
}

/// Runs `policy` on the shortened steel closure, checking every invariant each month, and
/// calls `after` with the state after each month.
fn run_checked(policy: &mut dyn Policy, after: &mut dyn FnMut(&Simulation<'_>)) {
    let s = steel();
    let mut sim = Simulation::new(&s.params, 0);
    while !sim.finished() {
        let r = sim.step(policy);
        invariants::check(sim.economy()).unwrap_or_else(|e| panic!("{}: {e}", r.month));
        after(&sim);
    }
}

#[test]
fn the_event_log_names_every_closure_layoff_and_the_displaced_hires() {
    let s = steel();
    let closes = s.params.closures[0].closes;
    let mut closure_exits = 0;
    let mut displaced_hires = 0;
    let mut quits = 0;
    run_checked(&mut (), &mut |sim| {
        let log = &sim.economy().events;
        let month = sim.economy().month;
        if month == closes {
            closure_exits = log.separations_by(Exit::Closure).count();
        }
        quits += log.separations_by(Exit::Quit).count();
        displaced_hires += log.hires.iter().filter(|h| h.displaced).count();
        for h in &log.hires {
            let r = sim.economy().workers.rec[h.worker as usize];
            // Hired this month: on the payroll now unless it left again the same month.
            assert!(h.spell_start <= month);
            if r.employer == h.firm {
                assert_eq!(r.since, month);
            }
        }
    });
    // The works still had most of its 3,200 workers at the closure.
    assert!(closure_exits > 1_000, "{closure_exits} closure exits");
    assert!(quits > 1_000, "{quits} quits");
    assert!(displaced_hires > 300, "{displaced_hires} displaced hires");
}

/// Two policies raising the same firm's target; a third cutting its hours.
struct Factor {
    name: &'static str,
    target: f64,
    hours: f64,
}

impl Policy for Factor {
    fn name(&self) -> &str {
        self.name
    }
    fn on_month_start(&mut self, ctx: &mut StartCtx<'_>) {
        if ctx.month() == ctx.params().start {
            ctx.set_target_factor(500, self.target);
            ctx.set_hours_factor(500, self.hours);
        }
    }
}

#[test]
fn levers_of_several_policies_multiply_and_hours_rebook_pay() {
    let mut policies: Vec<Box<dyn Policy>> = vec![
        Box::new(Factor {
            name: "subsidy",
            target: 1.1,
            hours: 1.0,
        }),
        Box::new(Factor {
            name: "investment",
            target: 1.2,
            hours: 1.0,
        }),
        Box::new(Factor {
            name: "shorter_week",
            target: 1.0,
            hours: 0.8,
        }),
    ];
    let mut seen = false;
    run_checked(&mut policies, &mut |sim| {
        let f = &sim.economy().firms;
        if sim.economy().month == sim.params.start {
            assert!(
                (f.policy_factor[500] - 1.32).abs() < 1e-5,
                "{}",
                f.policy_factor[500]
            );
            assert_eq!(f.hours[500], 0.8);
            seen = true;
        }
    });
    assert!(seen);
    // Without the policies the firm's target is its own.
    let s = steel();
    let mut plain = Simulation::new(&s.params, 0);
    let mut treated = Simulation::new(&s.params, 0);
    // Targets are set before `on_month_start`: the factors act from the second month.
    for _ in 0..2 {
        plain.step(&mut ());
        treated.step(&mut policies);
    }
    let (a, b) = (
        f64::from(plain.economy().firms.target[500]),
        f64::from(treated.economy().firms.target[500]),
    );
    // 1.32 / 0.8 = 1.65 heads per job, rounded to whole workers.
    assert!((b - a * 1.65).abs() <= 1.0, "target {a} → {b}");
}

/// Counsels (intensity ×2) the first 50 unemployed, trains 40 more and drops half of them
/// after a month.
#[derive(Default)]
struct Mixed {
    counselled: Vec<u32>,
    trainees: Vec<u32>,
    skill_at_start: Vec<f32>,
}

impl Policy for Mixed {
    fn name(&self) -> &str {
        "mixed"
    }
    fn before_matching(&mut self, ctx: &mut MatchingCtx<'_>) {
        let start = ctx.params().start;
        if ctx.month() == start {
            let unemployed: Vec<u32> = (0..ctx.economy().workers.len() as u32)
                .filter(|&w| ctx.economy().workers.rec[w as usize].status == Status::Unemployed)
                .take(90)
                .collect();
            for &w in &unemployed[..50] {
                ctx.set_search_intensity(w, 2.0);
                assert_eq!(ctx.economy().workers.rec[w as usize].intensity, 64);
            }
            self.counselled = unemployed[..50].to_vec();
            let plan = TrainingPlan {
                months: 6,
                occupation: None,
                skill_gain: 0.2,
            };
            for &w in &unemployed[50..] {
                self.skill_at_start
                    .push(ctx.economy().workers.rec[w as usize].skill);
                assert!(ctx.start_training(w, plan));
            }
            self.trainees = unemployed[50..].to_vec();
        }
        if ctx.month() == start.plus(1) {
            for &w in &self.trainees[..20] {
                assert!(ctx.end_training(w, false));
            }
            assert!(!ctx.end_training(self.trainees[0], false), "already out");
        }
    }
}

#[test]
fn intensity_resets_on_hire_and_dropped_training_gains_nothing() {
    let mut policy = Mixed::default();
    let mut hired_reset = 0;
    let mut skills_after = Vec::new();
    run_checked(&mut policy, &mut |sim| {
        let eco = sim.economy();
        for h in &eco.events.hires {
            assert_eq!(eco.workers.rec[h.worker as usize].intensity, 32);
            hired_reset += 1;
        }
        if eco.month == sim.params.start.plus(8) {
            skills_after = (0..eco.workers.len())
                .map(|w| eco.workers.rec[w].skill)
                .collect();
        }
    });
    let (trainees, skill_at_start) = (&policy.trainees, &policy.skill_at_start);
    assert!(hired_reset > 0 && policy.counselled.len() == 50);
    // Dropped trainees gained nothing from the course; those who completed gained 0.2 (less
    // any change of occupation since, which only lowers skill).
    for (k, &w) in trainees.iter().enumerate() {
        let gained = skills_after[w as usize] - skill_at_start[k];
        if k < 20 {
            assert!(gained < 0.1, "dropped trainee {w} gained {gained}");
        } else {
            assert!(gained > -0.5, "trainee {w} changed by {gained}");
        }
    }
    let completed_gain: f32 = trainees[20..]
        .iter()
        .zip(&skill_at_start[20..])
        .map(|(&w, &s0)| skills_after[w as usize] - s0)
        .fold(f32::MIN, f32::max);
    assert!(
        completed_gain >= 0.19,
        "best completed gain {completed_gain}"
    );
}

/// Draws one number from its own stream and one per worker.
struct Draws {
    name: &'static str,
    got: Vec<(u64, f64)>,
}

impl Policy for Draws {
    fn name(&self) -> &str {
        self.name
    }
    fn on_month_start(&mut self, ctx: &mut StartCtx<'_>) {
        use rand::RngExt;
        let x: u64 = ctx.rng().random();
        self.got.push((x, ctx.worker_draw(7, 1)));
    }
}

#[test]
fn policy_streams_are_keyed_by_name_not_position() {
    let s = steel();
    let run = |order: &[&'static str]| {
        let mut list: Vec<Box<dyn Policy>> = order
            .iter()
            .map(|&name| Box::new(Draws { name, got: vec![] }) as Box<dyn Policy>)
            .collect();
        let mut sim = Simulation::new(&s.params, 0);
        for _ in 0..3 {
            sim.step(&mut list);
        }
        // Read the draws back through a second pass with single policies.
        order
            .iter()
            .map(|&name| {
                let mut one = Draws { name, got: vec![] };
                let mut sim = Simulation::new(&s.params, 0);
                for _ in 0..3 {
                    sim.step(&mut one);
                }
                (name, one.got)
            })
            .collect::<Vec<_>>()
    };
    let ab = run(&["a", "b"]);
    let ba = run(&["b", "a"]);
    assert_eq!(ab[0], ba[1]);
    assert_eq!(ab[1], ba[0]);
    assert_ne!(ab[0].1, ab[1].1, "different names draw differently");
}

/// Makes the firm-specific skill of firm 0's staff (the steelworks) fully portable and
/// checks, on its own separation events, that leavers keep their tenure premium as skill.
#[derive(Default)]
struct Portable {
    /// Worker → (skill, starting wage) when the policy was set.
    before: std::collections::BTreeMap<u32, (f32, u32)>,
    checked: usize,
}

impl Policy for Portable {
    fn name(&self) -> &str {
        "accreditation"
    }
    fn on_month_start(&mut self, ctx: &mut StartCtx<'_>) {
        if ctx.month() != ctx.params().start {
            return;
        }
        let staff = ctx.economy().firms.employees[0].to_vec();
        for w in staff {
            let r = ctx.economy().workers.rec[w as usize];
            self.before.insert(w, (r.skill, r.wage));
            ctx.set_portable_skill(w, 1.0);
        }
    }
    fn on_month_end(
        &mut self,
        eco: &wandel_engine::Economy,
        _: &wandel_engine::Params,
        _: &wandel_engine::MonthRecord,
    ) {
        let into_unemployment = [Exit::Quit, Exit::Layoff, Exit::Closure];
        for e in &eco.events.separations {
            // The share belongs to the job it was set in: only the first exit carries it.
            let Some((skill, start_wage)) = self.before.remove(&e.worker) else {
                continue;
            };
            let r = &eco.workers.rec[e.worker as usize];
            if e.firm != 0 || !into_unemployment.contains(&e.exit) || r.status != Status::Unemployed
            {
                continue;
            }
            // `wage` is now the wage last earned, tenure premium included.
            let premium = (f64::from(r.wage) / f64::from(start_wage)).ln() as f32;
            assert!(premium > 0.0);
            assert!(
                (r.skill - skill - premium).abs() < 1e-4,
                "worker {}: skill {skill} → {}, premium {premium}",
                e.worker,
                r.skill
            );
            self.checked += 1;
        }
    }
}

#[test]
fn a_portable_share_keeps_the_tenure_premium_as_skill() {
    let mut policy = Portable::default();
    run_checked(&mut policy, &mut |_| {});
    assert!(policy.checked > 100, "{} leavers checked", policy.checked);
}

/// Trains twenty of the works' operators as technicians (an occupation the works use) and
/// twenty as carers (one they do not use), from the first month, for two months.
#[derive(Default)]
struct Requalify {
    technicians: Vec<u32>,
    carers: Vec<u32>,
}

impl Policy for Requalify {
    fn name(&self) -> &str {
        "requalify"
    }
    fn before_matching(&mut self, ctx: &mut MatchingCtx<'_>) {
        if ctx.month() != ctx.params().start {
            return;
        }
        let p = ctx.params();
        let occ = |name: &str| p.occupations.iter().position(|o| o == name).unwrap() as u16;
        let (metal, technical, care) = (occ("metal_production"), occ("technical"), occ("care"));
        let eco = ctx.economy();
        let operators: Vec<u32> = eco.firms.employees[0]
            .iter()
            .copied()
            .filter(|&w| {
                let r = &eco.workers.rec[w as usize];
                r.occupation == metal && r.status == Status::Employed
            })
            .take(40)
            .collect();
        for (k, &w) in operators.iter().enumerate() {
            let to = if k < 20 { technical } else { care };
            let plan = TrainingPlan {
                months: 2,
                occupation: Some(to),
                skill_gain: 0.0,
            };
            assert!(ctx.start_training(w, plan));
        }
        self.technicians = operators[..20].to_vec();
        self.carers = operators[20..].to_vec();
    }
}

#[test]
fn a_worker_trained_into_an_occupation_its_employer_does_not_use_takes_it_when_the_job_ends() {
    let s = steel();
    let occ = |name: &str| s.params.occupations.iter().position(|o| o == name).unwrap() as u16;
    let (metal, technical, care) = (occ("metal_production"), occ("technical"), occ("care"));
    assert_eq!(s.params.firm_groups[0].name, "integrated_works");
    let mut policy = Requalify::default();
    let start = s.params.start;
    let at = |sim: &Simulation<'_>| {
        sim.economy()
            .workers
            .rec
            .iter()
            .map(|r| (r.employer, r.occupation))
            .collect::<Vec<_>>()
    };
    let (mut after_course, mut after_closure) = (Vec::new(), Vec::new());
    run_checked(&mut policy, &mut |sim| {
        if sim.economy().month == start.plus(6) {
            after_course = at(sim);
        }
        if sim.economy().month == start.plus(25) {
            after_closure = at(sim);
        }
    });
    let (technicians, carers) = (&policy.technicians, &policy.carers);
    // Course over, most still at the works (on-the-job search takes a few elsewhere):
    // technicians at once; the carers go on as operators.
    let stayed = |w: &&u32| after_course[**w as usize].0 == 0;
    let all = technicians.len() + carers.len();
    let at_works = technicians.iter().chain(carers).filter(stayed).count();
    assert!(
        at_works * 10 >= all * 8,
        "{at_works} of {all} still at the works"
    );
    assert!(
        technicians
            .iter()
            .filter(stayed)
            .all(|&w| after_course[w as usize].1 == technical)
    );
    assert!(
        carers
            .iter()
            .filter(stayed)
            .all(|&w| after_course[w as usize].1 == metal)
    );
    // The works closed in 2027-01: the carers' new occupation is now their own (unless hired
    // since into another one).
    let cared = carers
        .iter()
        .filter(|&&w| after_closure[w as usize].1 == care)
        .count();
    assert!(cared >= 10, "{cared} of 20 carers");
}
