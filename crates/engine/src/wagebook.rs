//! Running wage sums that follow the flows: the mean wage of millions of workers is known each
//! month without visiting them.
//!
//! A worker hired at month `h` with starting wage `w0` earns `w0 * (1 + g * min(t - h, C))` at
//! month `t` (firm-specific capital grows with tenure up to a cap). Per cell we keep, in exact
//! integer cents, the sum of `w0` over all payroll workers, and the sums of `w0` and `w0 * h`
//! over those whose tenure is still below the cap; a scheduled event moves a worker to the
//! capped side when its tenure reaches `C`.

/// Exact wage sums of one cell (a region × sector pair).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WageCell {
    /// Σ w0 over all payroll workers, cents.
    pub total: i128,
    /// Σ w0 over workers below the tenure cap, cents.
    pub uncapped: i128,
    /// Σ w0 · hire month over workers below the tenure cap.
    pub uncapped_hired: i128,
    /// Payroll workers.
    pub n: u64,
}

impl WageCell {
    /// Adds a worker with starting wage `w0` (cents) hired at month `hired`.
    pub fn add(&mut self, w0: u32, hired: i32, capped: bool) {
        let w = i128::from(w0);
        self.total += w;
        self.n += 1;
        if !capped {
            self.uncapped += w;
            self.uncapped_hired += wage_months(w0, hired);
        }
    }

    /// Removes a worker added with the same arguments.
    pub fn remove(&mut self, w0: u32, hired: i32, capped: bool) {
        let w = i128::from(w0);
        self.total -= w;
        self.n -= 1;
        if !capped {
            self.uncapped -= w;
            self.uncapped_hired -= wage_months(w0, hired);
        }
    }

    /// Moves a worker from the uncapped to the capped side.
    pub fn cap(&mut self, w0: u32, hired: i32) {
        let w = i128::from(w0);
        self.uncapped -= w;
        self.uncapped_hired -= wage_months(w0, hired);
    }

    /// Σ current wages at month `t`, cents, for tenure return `g` per month and cap `c` months.
    pub fn wage_sum(&self, t: i32, g: f64, c: u32) -> f64 {
        let capped = (self.total - self.uncapped) as f64;
        let tenure_uncapped = (i128::from(t) * self.uncapped - self.uncapped_hired) as f64;
        self.total as f64 + g * tenure_uncapped + g * f64::from(c) * capped
    }

    /// Adds another cell.
    pub fn merge(&mut self, other: &WageCell) {
        self.total += other.total;
        self.uncapped += other.uncapped;
        self.uncapped_hired += other.uncapped_hired;
        self.n += other.n;
    }
}

/// `w0 · hired` exactly: below 2^32 · 2^31 in magnitude, so a 64-bit product (one instruction
/// rather than a 128-bit multiplication) widened to `i128`.
#[inline(always)]
fn wage_months(w0: u32, hired: i32) -> i128 {
    i128::from(i64::from(w0) * i64::from(hired))
}

/// A worker's current wage in cents at month `t`.
pub fn current_wage(w0: u32, hired: i32, t: i32, g: f64, c: u32) -> f64 {
    let tenure = (t - hired).clamp(0, c as i32);
    f64::from(w0) * (1.0 + g * f64::from(tenure))
}

/// Rounds a non-negative amount of cents to the nearest cent (half up), saturating at the
/// bounds of `u32` (Rust float-to-integer casts saturate). Written as add-and-truncate:
/// `f64::round` is a library call on baseline x86-64 and showed up in profiles of the hire path.
#[inline]
pub fn cents(x: f64) -> u32 {
    (x + 0.5) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_match_worker_by_worker() {
        let (g, c) = (0.002, 24u32);
        let workers = [(300_000u32, 0i32), (250_000, 10), (410_000, -40)];
        let mut cell = WageCell::default();
        for &(w, h) in &workers {
            cell.add(w, h, h < 0);
        }
        // The third worker was hired long ago and starts capped.
        let t = 30;
        let direct: f64 = workers
            .iter()
            .map(|&(w, h)| current_wage(w, h, t, g, c))
            .sum();
        // worker 0 has tenure 30 >= 24: move it to capped as its event would.
        cell.cap(300_000, 0);
        assert!((cell.wage_sum(t, g, c) - direct).abs() < 1e-6);
        cell.remove(250_000, 10, false);
        let direct2 = current_wage(300_000, 0, t, g, c) + current_wage(410_000, -40, t, g, c);
        assert!((cell.wage_sum(t, g, c) - direct2).abs() < 1e-6);
    }
}
