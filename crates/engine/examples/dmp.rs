//! Runs the DMP reference case A at a given size (and optionally months) and prints the time of initialisation and of
//! the 240 months, and the mean unemployment rate of the second half.
use wandel_engine::{Params, Simulation};
fn main() {
    let n: u32 = std::env::args()
        .nth(1)
        .map_or(100_000, |a| a.parse().expect("a number of workers"));
    let months: u32 = std::env::args()
        .nth(2)
        .map_or(240, |a| a.parse().expect("a number of months"));
    let params = Params::dmp_case(n, months, 1);
    let t = std::time::Instant::now();
    let sim = Simulation::new(&params, 0);
    let init = t.elapsed();
    let t = std::time::Instant::now();
    let out = sim.run(&mut (), &mut |_, _| {});
    let steps = t.elapsed();
    let half = &out.months[out.months.len() / 2..];
    let u: f64 = half
        .iter()
        .map(|r| r.unemployed as f64 / f64::from(n))
        .sum::<f64>()
        / half.len() as f64;
    println!("n={n} u={u:.5} init={init:?} months={steps:?}");
}
