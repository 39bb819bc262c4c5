//! Runs the DMP reference case A and prints the mean unemployment rate of the second half.
use wandel_engine::Params;
fn main() {
    let n: u32 = std::env::args()
        .nth(1)
        .map_or(100_000, |a| a.parse().unwrap());
    let params = Params::dmp_case(n, 240, 1);
    let t = std::time::Instant::now();
    let out = wandel_engine::run(&params, 0, &mut ());
    let el = t.elapsed();
    let half = &out.months[120..];
    let u: f64 = half
        .iter()
        .map(|r| r.unemployed as f64 / n as f64)
        .sum::<f64>()
        / half.len() as f64;
    println!("n={n} u={u:.5} time={el:?}");
}
