//! Random streams are keyed by entity, so a change in one place perturbs only what it touches:
//! one extra trainee in one region leaves every worker of a region it is not connected to
//! bit-identical, month after month.
//!
//! The economy is the DMP reference model's: ten segments (regions) with no search between
//! them and no demography, run in applications mode with the benefit rules of the shipped
//! scenarios, so that every phase whose draws are keyed by firm, market or worker runs.

use wandel_engine::params::MatchingMode;
use wandel_engine::state::{Status, TrainingPlan};
use wandel_engine::{Params, Policy, PolicyCtx, Simulation};

/// Enrols the first unemployed worker of segment 0 in a six-month course in month 3.
struct OneTrainee {
    done: bool,
}

impl Policy for OneTrainee {
    fn name(&self) -> &str {
        "one_trainee"
    }
    fn before_matching(&mut self, ctx: &mut PolicyCtx<'_>) {
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
    sim.economy
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
                plain.economy.month
            );
        }
        differs_in_segment_0 |= snapshot(&plain, 0) != snapshot(&treated, 0);
    }
    assert!(policy.done, "the trainee was enrolled");
    assert!(differs_in_segment_0, "the trainee changed its own region");
}
