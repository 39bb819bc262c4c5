//! One definition of each measure that outputs, charts, sweeps and tests report: employment
//! (full-time equivalents and heads, trainees on a payroll counted as employed), job-years,
//! and estimates over replications (a mean with its 95 % confidence interval from Student's t,
//! and the number of values it rests on). Paired effects are estimates of per-replication
//! differences (replication k of two arms share their random numbers).
//!
//! Everything here is a pure function of records or of per-replication values.

use statrs::distribution::{ContinuousCDF, StudentsT};

use crate::record::MonthRecord;

/// Employed heads at the end of month `m`: on full hours, on short time, or in training on a
/// payroll.
pub fn employment_heads(m: &MonthRecord) -> f64 {
    (m.employed + m.short_time + m.employed_in_training) as f64
}

/// Employment at the end of month `m` in full-time equivalents: each payroll worker at its
/// firm's normal hours, a short-time worker at those hours less the cut.
pub fn employment_fte(m: &MonthRecord) -> f64 {
    m.fte_employed
}

/// Job-years of a run's months in full-time equivalents: employment in full-time equivalents
/// summed over the months, over 12.
pub fn job_years(months: &[MonthRecord]) -> f64 {
    months.iter().map(employment_fte).sum::<f64>() / 12.0
}

/// Job-years of a run's months in heads (each employed worker counts as one, whatever its
/// hours).
pub fn job_years_heads(months: &[MonthRecord]) -> f64 {
    months.iter().map(employment_heads).sum::<f64>() / 12.0
}

/// A mean over replications with its 95 % confidence interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeanCi {
    /// Mean of the finite values.
    pub mean: f64,
    /// Half-width of the 95 % interval (Student's t); `None` below two values.
    pub half_width: Option<f64>,
    /// Standard error of the mean (0 below two values).
    pub se: f64,
    /// Number of finite values the mean rests on.
    pub n: usize,
}

impl MeanCi {
    /// Lower bound of the 95 % interval.
    pub fn low(&self) -> Option<f64> {
        self.half_width.map(|h| self.mean - h)
    }

    /// Upper bound of the 95 % interval.
    pub fn high(&self) -> Option<f64> {
        self.half_width.map(|h| self.mean + h)
    }
}

/// The mean of the finite values of `values` with its 95 % interval; `None` when there are
/// none.
pub fn mean_ci(values: &[f64]) -> Option<MeanCi> {
    let v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    let n = v.len();
    if n == 0 {
        return None;
    }
    let mean = v.iter().sum::<f64>() / n as f64;
    let (half_width, se) = if n >= 2 {
        let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
        let se = (var / n as f64).sqrt();
        (Some(t_975(n - 1) * se), se)
    } else {
        (None, 0.0)
    };
    Some(MeanCi {
        mean,
        half_width,
        se,
        n,
    })
}

/// Half-width of the 95 % confidence interval of the mean of the finite values of `values`
/// (`None` below two).
pub fn ci95_half_width(values: &[f64]) -> Option<f64> {
    mean_ci(values).and_then(|m| m.half_width)
}

/// The 97.5 % quantile of Student's t with `df` degrees of freedom (≥ 1).
pub fn t_975(df: usize) -> f64 {
    StudentsT::new(0.0, 1.0, df as f64)
        .expect("positive degrees of freedom")
        .inverse_cdf(0.975)
}

/// Per-replication differences `a[k] − b[k]` (the pairs where both are finite).
pub fn paired(a: &[f64], b: &[f64]) -> Vec<f64> {
    a.iter()
        .zip(b)
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .map(|(x, y)| x - y)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interval_of_a_mean_uses_students_t() {
        let m = mean_ci(&[1.0, 2.0, 3.0, f64::NAN]).unwrap();
        assert_eq!((m.n, m.mean), (3, 2.0));
        // sd 1, t(2) = 4.303: ± 2.484.
        assert!((m.half_width.unwrap() - 4.302_652_7 / 3f64.sqrt()).abs() < 1e-6);
        assert_eq!(mean_ci(&[5.0]).unwrap().half_width, None);
        assert!(mean_ci(&[f64::NAN]).is_none());
    }

    #[test]
    fn full_time_equivalents_equal_heads_without_hours_changes_and_differ_by_the_cut() {
        let full = MonthRecord {
            employed: 90,
            short_time: 0,
            employed_in_training: 10,
            fte_employed: 100.0,
            ..MonthRecord::default()
        };
        assert_eq!(employment_heads(&full), employment_fte(&full));
        let cut = MonthRecord {
            employed: 80,
            short_time: 20,
            fte_employed: 80.0 + 20.0 * 0.5,
            ..MonthRecord::default()
        };
        assert_eq!(employment_heads(&cut) - employment_fte(&cut), 10.0);
    }

    #[test]
    fn paired_differences_skip_pairs_with_a_missing_value() {
        assert_eq!(
            paired(&[3.0, f64::NAN, 5.0], &[1.0, 2.0, 1.0]),
            vec![2.0, 4.0]
        );
    }
}
