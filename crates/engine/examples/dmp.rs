//! Runs the DMP reference case A at a given size (optionally months and separation rate) and
//! prints the time of initialisation and of the months, and the mean unemployment rate of the
//! second half: `dmp [workers [months [separation rate]]]`.
use wandel_engine::{Params, Simulation};
fn main() {
    let n: u32 = std::env::args()
        .nth(1)
        .map_or(100_000, |a| a.parse().expect("a number of workers"));
    let months: u32 = std::env::args()
        .nth(2)
        .map_or(240, |a| a.parse().expect("a number of months"));
    let mut params = Params::dmp_case(n, months, 1);
    if let Some(s) = std::env::args().nth(3) {
        params.sectors[0].separation_rate = s.parse().expect("a separation rate");
    }
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
