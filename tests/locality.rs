//! Random streams are keyed by entity, so a change in one place perturbs only what it touches:
//! one extra trainee in one region leaves every worker of a region it is not connected to
//! bit-identical, month after month.
//!
//! The first economy is the DMP reference model's: ten segments (regions) with no search
//! between them and no demography, run in applications mode with the benefit rules of the
//! shipped scenarios, so that every phase whose draws are keyed by firm, market or worker runs.
//! The second is the steel closure with every mechanism on and a third region without ties.

use wandel_engine::params::MatchingMode;
use wandel_engine::state::{Status, TrainingPlan};
use wandel_engine::{MatchingCtx, Params, Policy, Simulation};

/// Enrols the first unemployed worker of segment 0 in a six-month course in month 3.
struct OneTrainee {
    done: bool,
}

impl Policy for OneTrainee {
    fn name(&self) -> &str {
        "one_trainee"
    }
    fn before_matching(&mut self, ctx: &mut MatchingCtx<'_>) {
        if self.done || ctx.month() != ctx.params().start.plus(3) {
            return;
        }
        let eco = ctx.economy();
        let w = (0..eco.workers.len() as u32).find(|&w| {
            let r = &eco.workers.rec[w as usize];
            r.status == Status::Unemployed && r.region == 0
        });
        let w = w.expect("segment 0 has unemployed workers");
        let plan = TrainingPlan {
            months: 6,
            occupation: None,
            skill_gain: 0.1,
        };
        assert!(ctx.start_training(w, plan));
        self.done = true;
    }
}

/// Status, employer and wage of every worker of `region` (by row; no worker enters here).
fn snapshot(sim: &Simulation<'_>, region: u16) -> Vec<(Status, u32, u32)> {
    sim.economy()
        .workers
        .rec
        .iter()
        .filter(|r| r.region == region)
        .map(|r| (r.status, r.employer, r.wage))
        .collect()
}

#[test]
fn one_trainee_leaves_an_unconnected_region_bit_identical() {
    let mut params = Params::dmp_case(20_000, 30, 11);
    params.matching.mode = MatchingMode::Applications;
    params.matching.applications_per_month = 2.0;
    params.matching.screening_per_vacancy = 4.0;
    params.matching.suitability = 0.05;
    params.population.skill_sd = 0.35;
    let scenario = crate::util::scenario("scenarios/baseline.toml", &[]);
    params.benefits = scenario.params.benefits.clone();
    let mut plain = Simulation::new(&params, 0);
    let mut treated = Simulation::new(&params, 0);
    let mut policy = OneTrainee { done: false };
    let mut differs_in_segment_0 = false;
    while !plain.finished() {
        plain.step(&mut ());
        treated.step(&mut policy);
        for region in 1..10 {
            assert_eq!(
                snapshot(&plain, region),
                snapshot(&treated, region),
                "region {region} differs in {}",
                plain.economy().month
            );
        }
        differs_in_segment_0 |= snapshot(&plain, 0) != snapshot(&treated, 0);
    }
    assert!(policy.done, "the trainee was enrolled");
    assert!(differs_in_segment_0, "the trainee changed its own region");
}

/// Every worker living in `region`, by stable id: status, employer and wage (entrants append
/// rows in an order that other regions' entrants change, so rows are not compared).
fn snapshot_by_id(sim: &Simulation<'_>, region: u16) -> Vec<(u64, Status, u32, u32)> {
    let ws = &sim.economy().workers;
    let mut out: Vec<(u64, Status, u32, u32)> = ws
        .rec
        .iter()
        .zip(&ws.id)
        .filter(|(r, _)| r.region == region)
        .map(|(r, &id)| (id, r.status, r.employer, r.wage))
        .collect();
    out.sort_unstable_by_key(|x| x.0);
    out
}

#[test]
fn the_full_model_leaves_a_region_without_ties_bit_identical() {
    // The steel closure with every mechanism on (job creation, the wage curve, demography with
    // entrants, commuting and residence moves, job seekers' moves, local spending, supply links, notice, benefits),
    // plus a third region outside every reach: no accessibility to or from it, so no commuting,
    // moves or search across, and no steel works, so no supply link reaches it. Its firms copy
    // the city's groups at a quarter of their number. One trainee in Steeltown changes
    // Steeltown; the third region must stay bit-identical in every month of every replication.
    let s = crate::util::scenario("scenarios/steel_closure.toml", &["simulation.months=48"]);
    let mut params = s.params.clone();
    assert!(params.jobs.enabled && params.wages.curve_elasticity < 0.0);
    // Job seekers move between the two connected regions a hundred times as often as shipped.
    params.regional.job_seeker_move_rate = 0.01;
    params.regional.move_gain_elasticity = 2.0;
    let n = params.regions.len();
    params.regions.push("island".into());
    let mut access = vec![0.0; (n + 1) * (n + 1)];
    for r in 0..n {
        for c in 0..n {
            access[r * (n + 1) + c] = params.accessibility[r * n + c];
        }
    }
    access[n * (n + 1) + n] = 1.0;
    params.accessibility = access;
    let city = params
        .regions
        .iter()
        .position(|r| r == "rivercity")
        .unwrap() as u16;
    let copies: Vec<_> = params
        .firm_groups
        .iter()
        .filter(|g| g.region == city)
        .map(|g| {
            let mut g = g.clone();
            g.name = format!("island_{}", g.name);
            g.region = n as u16;
            g.count = (g.count / 4).max(1);
            g
        })
        .collect();
    params.firm_groups.extend(copies);
    let island = n as u16;
    for rep in 0..3 {
        let mut plain = Simulation::new(&params, rep);
        let mut treated = Simulation::new(&params, rep);
        let mut policy = OneTrainee { done: false };
        let mut differs_at_home = false;
        while !plain.finished() {
            plain.step(&mut ());
            treated.step(&mut policy);
            let (a, b) = (
                snapshot_by_id(&plain, island),
                snapshot_by_id(&treated, island),
            );
            if a != b {
                let first = a.iter().zip(&b).find(|(x, y)| x != y);
                panic!(
                    "replication {rep}: the island differs in {} ({} against {} islanders; \
                     first difference {first:?})",
                    plain.economy().month,
                    a.len(),
                    b.len()
                );
            }
            differs_at_home |= snapshot_by_id(&plain, 0) != snapshot_by_id(&treated, 0);
        }
        assert!(policy.done, "the trainee was enrolled");
        assert!(
            differs_at_home,
            "replication {rep}: the trainee changed Steeltown"
        );
        let islanders = snapshot_by_id(&plain, island);
        assert!(islanders.len() > 10_000, "{} islanders", islanders.len());
    }
}
