//! Piecewise-linear paths over calendar months: sector demand and productivity indices.

use crate::calendar::Month;

/// A value that moves linearly between dated points and stays flat before the first and after
/// the last point.
#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    /// Points sorted by strictly increasing month; never empty.
    points: Vec<(Month, f64)>,
}

impl Path {
    /// A path that is `value` at every month.
    pub fn constant(value: f64) -> Path {
        Path {
            points: vec![(Month(0), value)],
        }
    }

    /// A path through `points`; `None` when empty or when months do not strictly increase.
    pub fn new(points: Vec<(Month, f64)>) -> Option<Path> {
        if points.is_empty() || points.windows(2).any(|w| w[0].0 >= w[1].0) {
            return None;
        }
        Some(Path { points })
    }

    /// The value at month `t`.
    pub fn at(&self, t: Month) -> f64 {
        let pts = &self.points;
        if t <= pts[0].0 {
            return pts[0].1;
        }
        let last = pts[pts.len() - 1];
        if t >= last.0 {
            return last.1;
        }
        let i = pts.partition_point(|p| p.0 <= t);
        let (m0, v0) = pts[i - 1];
        let (m1, v1) = pts[i];
        let frac = t.since(m0) as f64 / m1.since(m0) as f64;
        v0 + (v1 - v0) * frac
    }

    /// The dated points.
    pub fn points(&self) -> &[(Month, f64)] {
        &self.points
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolates_and_extends_flat() {
        let a = Month::from_ym(2025, 1);
        let p = Path::new(vec![(a, 1.0), (a.plus(10), 0.0)]).unwrap();
        assert_eq!(p.at(a.plus(-5)), 1.0);
        assert!((p.at(a.plus(3)) - 0.7).abs() < 1e-12);
        assert_eq!(p.at(a.plus(10)), 0.0);
        assert_eq!(p.at(a.plus(50)), 0.0);
    }

    #[test]
    fn rejects_unsorted_points() {
        let a = Month::from_ym(2025, 1);
        assert!(Path::new(vec![(a, 1.0), (a, 2.0)]).is_none());
        assert!(Path::new(vec![]).is_none());
    }
}
