//! The DMP reference model's exact steady state (`dmp-reference.md`), the anchor against which
//! the engine's stepping and matching are tested.

use crate::params::DmpCase;

/// End-of-month employment `E` per segment at the fixed point of the discrete-time process:
/// `s E = μ U_mid^α V_mid^(1-α)` with `U_mid = N_k - (1 - s) E` and `V_mid = T_k - (1 - s) E`,
/// solved by bisection on (0, min(N_k, T_k)). Valid while the min() cap on hires does not bind.
pub fn dmp_steady_employment(n_k: f64, t_k: f64, s: f64, mu: f64, alpha: f64) -> f64 {
    let gap = |e: f64| {
        let u = (n_k - (1.0 - s) * e).max(0.0);
        let v = (t_k - (1.0 - s) * e).max(0.0);
        mu * u.powf(alpha) * v.powf(1.0 - alpha) - s * e
    };
    let (mut lo, mut hi) = (0.0, n_k.min(t_k));
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if gap(mid) > 0.0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// Steady-state end-of-month unemployment rate of a DMP case (segments of equal size).
pub fn dmp_steady_unemployment(case: &DmpCase) -> f64 {
    let k = f64::from(case.n_segments);
    let n_k = f64::from(case.n_workers) / k;
    let t_k = f64::from(case.n_firms) / k * f64::from(case.target);
    let e = dmp_steady_employment(n_k, t_k, case.separation, case.efficiency, case.elasticity);
    (n_k - e) / n_k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_a_matches_the_reference_figures() {
        // dmp-reference.md: E = 9268.8 per segment, u = 7.3120 %.
        let e = dmp_steady_employment(10_000.0, 9_500.0, 0.02, 0.3, 0.5);
        assert!((e - 9268.8).abs() < 0.05, "{e}");
        let u = (10_000.0 - e) / 10_000.0;
        assert!((u - 0.073120).abs() < 5e-6, "{u}");
        let u_mid = 10_000.0 - 0.98 * e;
        let finding = 0.02 * e / u_mid;
        assert!((finding - 0.202).abs() < 5e-4, "{finding}");
    }
}
