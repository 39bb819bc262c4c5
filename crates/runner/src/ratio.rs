//! A ratio of two paired mean effects with its 95 % confidence interval by Fieller's theorem
//! (Fieller 1954; the standard interval for cost-effectiveness ratios, e.g. Willan & O'Brien
//! 1996): the cost per job-year gained is (mean extra cost) / (mean job-years gained), both
//! from the same replications, so their covariance enters the interval.
//!
//! The interval is the set of ratios `R` for which `mean_cost − R · mean_gain` is not
//! significantly different from zero at 5 %. It is bounded only when the gain itself is
//! significantly different from zero; otherwise no finite interval exists, and none is reported
//! (the chart and the table say why).

use wandel_engine::measures::t_975;

/// The ratio of the means of `num` and `den` (paired: `num[i]` and `den[i]` come from the same
/// replication) and its Fieller interval at 95 %. `None` for the ratio when the mean of `den`
/// is zero; `None` for the interval with fewer than two replications or when the mean of `den`
/// is not significantly different from zero.
pub(crate) fn fieller(num: &[f64], den: &[f64]) -> (Option<f64>, Option<(f64, f64)>) {
    let n = num.len().min(den.len());
    if n == 0 {
        return (None, None);
    }
    let nf = n as f64;
    let mc = num[..n].iter().sum::<f64>() / nf;
    let mj = den[..n].iter().sum::<f64>() / nf;
    if mj == 0.0 || !mj.is_finite() || !mc.is_finite() {
        return (None, None);
    }
    let ratio = mc / mj;
    if n < 2 {
        return (Some(ratio), None);
    }
    // Variances and covariance of the means.
    let (mut scc, mut sjj, mut scj) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (c, j) = (num[i] - mc, den[i] - mj);
        scc += c * c;
        sjj += j * j;
        scj += c * j;
    }
    let k = 1.0 / ((nf - 1.0) * nf);
    let (scc, sjj, scj) = (scc * k, sjj * k, scj * k);
    let t = t_975(n - 1);
    let t2 = t * t;
    // (mc − R mj)² = t² (scc − 2 R scj + R² sjj), a quadratic a R² − 2 b R + c = 0.
    let a = mj * mj - t2 * sjj;
    if a <= 0.0 {
        return (Some(ratio), None);
    }
    let b = mc * mj - t2 * scj;
    let c = mc * mc - t2 * scc;
    let disc = b * b - a * c;
    if disc < 0.0 {
        return (Some(ratio), None);
    }
    let root = disc.sqrt();
    (Some(ratio), Some(((b - root) / a, (b + root) / a)))
}

#[cfg(test)]
mod tests {
    use super::fieller;

    #[test]
    fn exact_proportion_gives_a_point_interval() {
        // Cost exactly 2 per unit gained in every replication: no uncertainty in the ratio.
        let den = [10.0, 12.0, 9.0, 11.0];
        let num: Vec<f64> = den.iter().map(|d| 2.0 * d).collect();
        let (r, ci) = fieller(&num, &den);
        assert!((r.unwrap() - 2.0).abs() < 1e-12);
        let (lo, hi) = ci.unwrap();
        assert!(
            (lo - 2.0).abs() < 1e-9 && (hi - 2.0).abs() < 1e-9,
            "{lo} {hi}"
        );
    }

    #[test]
    fn interval_contains_the_ratio_and_widens_with_noise() {
        let den = [10.0, 12.0, 9.0, 11.0, 10.5];
        let num = [21.0, 23.0, 19.0, 22.5, 20.0];
        let (r, ci) = fieller(&num, &den);
        let (lo, hi) = ci.unwrap();
        assert!(lo < r.unwrap() && r.unwrap() < hi);
        let noisy = [25.0, 18.0, 22.0, 27.0, 14.0];
        let (_, ci2) = fieller(&noisy, &den);
        let (lo2, hi2) = ci2.unwrap();
        assert!(hi2 - lo2 > hi - lo);
    }

    #[test]
    fn no_interval_when_the_gain_is_not_significant() {
        let den = [5.0, -4.0, 6.0, -5.0];
        let num = [1.0, 2.0, 1.5, 2.5];
        let (r, ci) = fieller(&num, &den);
        assert!(r.is_some());
        assert!(ci.is_none());
    }
}
