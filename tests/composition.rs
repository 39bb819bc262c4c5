//! Policies compose by construction: two short-time-work policies on the same firms pay the
//! allowance once per worker-hour (a firm is on short time under one policy at a time); a
//! policy cannot release another policy's short-time workers, nor act in another policy's
//! slot; short-time work and a working-time reduction on one firm combine by the stated rule
//! (a short-time worker works `hours × (1 − cut)` of full time). Invariants are recounted
//! every month.

use wandel_engine::policy::{ExcessCtx, ExcessLabour, Policy, StartCtx};
use wandel_engine::{Economy, Simulation, Status};

const DIP: &str = "scenarios/policies/short_time_work_dip.toml";

/// The dip scenario with its short-time work twice: the shipped table and a copy under
/// another name, both reaching the manufacturing firms.
fn two_short_time_policies() -> wandel_scenario::Scenario {
    let dir = crate::util::scratch("two-short-time");
    let base = crate::util::root().join(DIP);
    let text = format!(
        "format = 2\nextends = {base:?}\n\n\
         [[policies.short_time_work]]\nname = \"first\"\nstart = \"2025-01\"\nsectors = [\"manufacturing\"]\n\
         decision = \"always\"\n\n\
         [[policies.short_time_work]]\nname = \"second\"\nstart = \"2025-01\"\nsectors = [\"manufacturing\"]\n\
         decision = \"always\"\n",
        base = base.display().to_string()
    );
    let path = dir.join("two.toml");
    std::fs::write(&path, text).unwrap();
    let s = wandel_scenario::load(&path, &["simulation.months=30".to_string()])
        .unwrap_or_else(|d| panic!("{d}"));
    std::fs::remove_dir_all(dir).unwrap();
    s
}

#[test]
fn two_short_time_policies_on_the_same_firms_pay_once_per_worker_hour() {
    let s = two_short_time_policies();
    assert_eq!(s.policies.len(), 2);
    let (months, run) = crate::util::run_checked(&s, 0, true);
    let mut on_short_time = 0;
    for m in &months {
        let participants: u64 = run
            .reports
            .iter()
            .filter(|r| r.month == m.month)
            .map(|r| r.month_report.participants)
            .sum();
        // Each short-time worker is one policy's participant, so one allowance is paid.
        assert_eq!(participants, m.short_time, "{}", m.month);
        on_short_time += m.short_time;
    }
    assert!(on_short_time > 0, "the dip puts workers on short time");
    // The allowance over the run is no more than the workers on short time could be paid by
    // one policy: a positive rate of at most 0.87 of the net pay lost (0.67 + 0.20 step-ups).
    let allowance: f64 = run
        .reports
        .iter()
        .flat_map(|r| r.month_report.items.iter())
        .filter(|i| i.0 == "short_time_allowance")
        .map(|i| i.1)
        .sum();
    assert!(allowance > 0.0);
}

/// A test policy that puts `n` workers of `firm` on short time with `cut` in its first month.
struct Place {
    firm: u32,
    n: u32,
    cut: f64,
    placed: u32,
}

impl Policy for Place {
    fn name(&self) -> &str {
        "place"
    }
    fn on_excess_labour(&mut self, ctx: &mut ExcessCtx<'_>, _: &[ExcessLabour]) {
        if self.placed == 0 {
            self.placed = ctx.put_on_short_time(self.firm, self.n, self.cut);
        }
    }
}

/// A test policy that tries to release every short-time worker of `firm`, to place its own
/// there, and to act in another policy's slot.
struct Intruder {
    firm: u32,
    released: u32,
    placed: u32,
    got_other_slot: bool,
}

impl Policy for Intruder {
    fn name(&self) -> &str {
        "intruder"
    }
    fn on_month_start(&mut self, ctx: &mut StartCtx<'_>) {
        self.released += ctx.release_short_time(self.firm, u32::MAX);
        ctx.end_short_time(self.firm);
        self.got_other_slot |= ctx.member(0, "place").is_some();
    }
    fn on_excess_labour(&mut self, ctx: &mut ExcessCtx<'_>, _: &[ExcessLabour]) {
        self.placed += ctx.put_on_short_time(self.firm, 5, 0.9);
    }
}

/// A test policy that sets `factor` on `firm`'s normal hours every month.
struct ShorterHours {
    firm: u32,
    factor: f64,
}

impl Policy for ShorterHours {
    fn name(&self) -> &str {
        "shorter_hours"
    }
    fn on_month_start(&mut self, ctx: &mut StartCtx<'_>) {
        ctx.set_hours_factor(self.firm, self.factor);
    }
}

/// The dip scenario's largest active firm at the start.
fn largest_firm(eco: &Economy) -> u32 {
    (0..eco.firms.len())
        .max_by_key(|&j| eco.firms.employees.headcount(j))
        .unwrap() as u32
}

fn short_time_at(eco: &Economy, firm: u32) -> u32 {
    eco.firms.employees[firm as usize]
        .iter()
        .filter(|&&w| eco.workers.rec[w as usize].status == Status::ShortTime)
        .count() as u32
}

#[test]
fn a_policy_cannot_release_another_policys_short_time_workers_nor_use_its_slot() {
    let s = crate::util::scenario(DIP, &["simulation.months=3"]);
    let mut sim = Simulation::new(&s.params, 0);
    let firm = largest_firm(sim.economy());
    let mut place = Place {
        firm,
        n: 10,
        cut: 0.5,
        placed: 0,
    };
    let mut intruder = Intruder {
        firm,
        released: 0,
        placed: 0,
        got_other_slot: false,
    };
    while !sim.finished() {
        let mut both = Pair(&mut place, &mut intruder);
        let r = sim.step(&mut both);
        wandel_engine::invariants::check(sim.economy())
            .unwrap_or_else(|e| panic!("{}: {e}", r.month));
    }
    assert_eq!(place.placed, 10);
    assert_eq!(intruder.released, 0, "released another policy's workers");
    assert_eq!(
        intruder.placed, 0,
        "placed workers at a firm another policy holds"
    );
    assert!(
        !intruder.got_other_slot,
        "a member's context handed out another slot"
    );
    assert_eq!(sim.economy().firms.hours_cut[firm as usize], 0.5);
    assert!(short_time_at(sim.economy(), firm) > 0);
}

/// Two policies called as a list, as `PolicyRun` calls its members.
struct Pair<'a>(&'a mut Place, &'a mut Intruder);

impl Policy for Pair<'_> {
    fn on_month_start(&mut self, ctx: &mut StartCtx<'_>) {
        if let Some(mut c) = ctx.member(0, "place") {
            self.0.on_month_start(&mut c);
        }
        if let Some(mut c) = ctx.member(1, "intruder") {
            self.1.on_month_start(&mut c);
        }
    }
    fn on_excess_labour(&mut self, ctx: &mut ExcessCtx<'_>, firms: &[ExcessLabour]) {
        if let Some(mut c) = ctx.member(0, "place") {
            self.0.on_excess_labour(&mut c, firms);
        }
        if let Some(mut c) = ctx.member(1, "intruder") {
            self.1.on_excess_labour(&mut c, firms);
        }
    }
}

#[test]
fn short_time_and_shorter_hours_on_one_firm_combine_as_hours_times_one_minus_cut() {
    let s = crate::util::scenario(DIP, &["simulation.months=3"]);
    let mut sim = Simulation::new(&s.params, 0);
    let firm = largest_firm(sim.economy());
    let mut policies: Vec<Box<dyn Policy>> = vec![
        Box::new(ShorterHours { firm, factor: 0.9 }),
        Box::new(Place {
            firm,
            n: 10,
            cut: 0.5,
            placed: 0,
        }),
    ];
    while !sim.finished() {
        let r = sim.step(&mut policies);
        wandel_engine::invariants::check(sim.economy())
            .unwrap_or_else(|e| panic!("{}: {e}", r.month));
        let eco = sim.economy();
        let j = firm as usize;
        // Neither lever overwrites the other.
        assert_eq!(eco.firms.hours[j], 0.9, "{}", r.month);
        assert_eq!(eco.firms.hours_cut[j], 0.5, "{}", r.month);
        // Full-time equivalents of the firm: each worker's hours, by the stated rule.
        let hours = f64::from(eco.firms.hours[j]);
        let by_rule: f64 = eco.firms.employees[j]
            .iter()
            .map(|&w| match eco.workers.rec[w as usize].status {
                Status::ShortTime => hours * (1.0 - 0.5),
                _ => hours,
            })
            .sum();
        let heads = f64::from(eco.firms.employees.headcount(j));
        let short = f64::from(eco.firms.short_time[j]);
        let engine =
            f64::from(eco.firms.hours[j]) * (heads - short * f64::from(eco.firms.hours_cut[j]));
        assert!(
            (by_rule - engine).abs() < 1e-6 * engine,
            "{by_rule} vs {engine}"
        );
        assert!(short > 0.0);
    }
}
