//! Unemployment insurance and basic income as German law has them, and net pay from gross.
//!
//! A worker who loses a job with at least [`MIN_CONTRIBUTION_MONTHS`] of contributions in the
//! frame becomes entitled to unemployment benefit (Arbeitslosengeld I): a replacement rate
//! (60 %, 67 % with children) of net pay (SGB III §§ 149–150, calibration: K2, J3), for a
//! number of months set by contribution months and age (SGB III § 147, calibration: K1), plus
//! the unused remainder of an earlier claim, up to the age's maximum. When it runs out, or
//! when there was none (entrants, short jobs), basic income (Bürgergeld, SGB II, calibration:
//! K3) follows: a flat amount per month for everyone, as the model has no households or
//! wealth to test means against (stated simplification). The entitlement runs by the calendar
//! from the start of the spell; training does not reset it.
//!
//! Contribution months in the five-year frame are approximated per worker: the frame's count
//! at the last job loss, plus the months of the job just lost, capped at 60, minus the months
//! spent unemployed since (they push old contributions out of the frame).
//!
//! Bookkeeping follows flows: the claim is computed when a worker enters unemployment, the
//! move from benefit to basic income is a scheduled check in the month the claim ends, and the
//! numbers of recipients and the sum of benefits are running counters ([`BenefitBooks`]),
//! recounted by `invariants::check`.

use crate::calendar::Month;
use crate::rng::mix64;
use crate::wagebook::cents;

/// Contribution months needed for a new claim (Anwartschaftszeit, SGB III § 142; calibration: K1:
/// 12 months insured give the shortest claim).
pub const MIN_CONTRIBUTION_MONTHS: i32 = 12;
/// Length of the contribution frame, months (calibration: K1: "within a 5-year frame").
pub const FRAME_MONTHS: i32 = 60;

/// Benefit rules of a run (validated parameters; see `docs/scenario-reference.md`, `[benefits]`).
#[derive(Clone, Debug, PartialEq)]
pub struct BenefitRules {
    /// Whether benefits are modelled at all (off in the DMP reference model).
    pub enabled: bool,
    /// Replacement rate of net pay without children, in [0, 1] (calibration: K2, 0.60).
    pub replacement_rate: f64,
    /// Replacement rate of net pay with children, in [0, 1] (calibration: K2, 0.67).
    pub replacement_rate_children: f64,
    /// Share of workers with children (the higher rate), in [0, 1].
    pub children_share: f64,
    /// Basic income per month after unemployment benefit (or without a claim), €.
    pub basic_income: f64,
    /// Employee social contributions, share of gross pay (calibration: K7, about 0.20).
    pub contribution_rate: f64,
    /// Whether income tax (German tariff 2024, tax class I) is deducted for net pay.
    pub income_tax: bool,
    /// Reasonable offers (calibration: K6): in the first three months of a spell an unemployed
    /// worker accepts a gross wage of at least this share of the wage the benefit is based on.
    pub reasonable_share_months_1_3: f64,
    /// The same in months four to six (from month seven: a net pay of at least the benefit).
    pub reasonable_share_months_4_6: f64,
    /// Workers' own reservation wage in the first six months of a spell, and under closure
    /// notice, as a share of the lowest wage the rules on reasonable offers let them refuse
    /// (1: they refuse every offer the law allows them to refuse; below 1: they also take
    /// somewhat lower offers, as the displaced do).
    pub reservation_factor: f64,
}

impl BenefitRules {
    /// No benefits: the DMP reference model and other abstract cases.
    pub fn none() -> BenefitRules {
        BenefitRules {
            enabled: false,
            replacement_rate: 0.0,
            replacement_rate_children: 0.0,
            children_share: 0.0,
            basic_income: 0.0,
            contribution_rate: 0.0,
            income_tax: false,
            reasonable_share_months_1_3: 0.0,
            reasonable_share_months_4_6: 0.0,
            reservation_factor: 1.0,
        }
    }

    /// Monthly net pay of a monthly gross wage, both in cents: gross minus employee social
    /// contributions minus income tax (2024 tariff, tax class I, on twelve months of gross less
    /// contributions and the employee allowance of 1,230 € a year).
    pub fn net_pay(&self, gross_cents: f64) -> f64 {
        let contributions = self.contribution_rate * gross_cents;
        let tax = if self.income_tax {
            let taxable = 12.0 * (gross_cents - contributions) / 100.0 - 1230.0;
            income_tax_2024(taxable) / 12.0 * 100.0
        } else {
            0.0
        };
        (gross_cents - contributions - tax).max(0.0)
    }

    /// Whether the worker with stable id `id` has children (a fixed trait of the worker, drawn
    /// from its id, so it is the same in every arm and needs no storage).
    pub fn has_children(&self, id: u64) -> bool {
        let u = (mix64(id ^ 0x6368_696C_6472_656E) >> 11) as f64 / (1u64 << 53) as f64;
        u < self.children_share
    }

    /// Monthly unemployment benefit for a last gross wage of `gross_cents`, cents.
    pub fn benefit(&self, gross_cents: u32, children: bool) -> u32 {
        let rate = if children {
            self.replacement_rate_children
        } else {
            self.replacement_rate
        };
        cents(rate * self.net_pay(f64::from(gross_cents)))
    }

    /// Basic income per month, cents.
    pub fn basic_income_cents(&self) -> u32 {
        cents(self.basic_income * 100.0)
    }
}

/// German income tax of a year's taxable income in € (§ 32a EStG, tariff of 2024 as first
/// enacted: basic allowance 11,604 €, two progressive zones, 42 % from 66,761 €, 45 % from
/// 277,826 €). Recalled figures, to be checked before use in a briefing (calibration: K7 notes
/// only that income tax is progressive on top of contributions).
pub fn income_tax_2024(taxable: f64) -> f64 {
    let x = taxable.floor();
    if x <= 11_604.0 {
        0.0
    } else if x <= 17_005.0 {
        let y = (x - 11_604.0) / 10_000.0;
        (922.98 * y + 1_400.0) * y
    } else if x <= 66_760.0 {
        let z = (x - 17_005.0) / 10_000.0;
        (181.19 * z + 2_397.0) * z + 1_025.38
    } else if x <= 277_825.0 {
        0.42 * x - 10_602.13
    } else {
        0.45 * x - 18_936.88
    }
}

/// Months of unemployment benefit for `contribution` months in the frame at `age` years
/// (SGB III § 147 (2), calibration: K1); 0 below [`MIN_CONTRIBUTION_MONTHS`].
pub fn entitlement_months(contribution: i32, age: i32) -> i32 {
    const TABLE: [(i32, i32, i32); 8] = [
        // (contribution months at least, age at least, months of benefit)
        (48, 58, 24),
        (36, 55, 18),
        (30, 50, 15),
        (24, 0, 12),
        (20, 0, 10),
        (16, 0, 8),
        (12, 0, 6),
        (0, 0, 0),
    ];
    TABLE
        .iter()
        .find(|&&(c, a, _)| contribution >= c && age >= a)
        .map_or(0, |&(_, _, m)| m)
}

/// The longest benefit duration at `age`, months (the table's maximum for the age).
pub fn max_entitlement_months(age: i32) -> i32 {
    entitlement_months(FRAME_MONTHS, age)
}

/// A worker's unemployment-insurance record (a side table beside the worker records).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Claim {
    /// First month without unemployment benefit in the current (or last) spell.
    pub ends: Month,
    /// Monthly unemployment benefit of the claim, cents.
    pub amount: u32,
    /// Contribution months in the frame (approximate, see the module header), at most 60.
    pub contribution: u8,
    /// Months of benefit left unused when the last spell ended.
    pub left: u8,
}

/// Running totals of benefit recipients, and the months in which claims run out.
#[derive(Clone, Debug, Default)]
pub struct BenefitBooks {
    /// Unemployed receiving unemployment benefit.
    pub recipients: u64,
    /// Σ monthly unemployment benefit of the recipients, cents.
    pub amount: i128,
    /// Unemployed receiving basic income.
    pub basic: u64,
    /// Σ monthly unemployment benefit of the recipients living in each region, cents.
    pub region_amount: Vec<i128>,
    /// Unemployed receiving basic income, per region of residence.
    pub region_basic: Vec<u64>,
    /// Claims that run out, by month offset from the first simulated month: (worker, start of
    /// its spell).
    pub(crate) ends: Vec<Vec<(u32, Month)>>,
    /// First simulated month (offset 0 of `ends`).
    pub(crate) start: Month,
}

impl BenefitBooks {
    /// Empty books for `n_regions` regions and a run of `months` simulated months from `start`.
    pub(crate) fn new(start: Month, months: u32, n_regions: usize) -> BenefitBooks {
        BenefitBooks {
            ends: vec![Vec::new(); months as usize + 1],
            start,
            region_amount: vec![0; n_regions],
            region_basic: vec![0; n_regions],
            ..BenefitBooks::default()
        }
    }

    /// Counts, in month `t`, an unemployed worker living in `region` whose claim `c` was just
    /// set for a spell that started in `since`.
    #[inline]
    pub(crate) fn add(&mut self, w: u32, region: usize, c: &Claim, t: Month, since: Month) {
        if t < c.ends {
            self.recipients += 1;
            self.amount += i128::from(c.amount);
            self.region_amount[region] += i128::from(c.amount);
            let offset = c.ends.since(self.start);
            if offset >= 0 && (offset as usize) < self.ends.len() {
                self.ends[offset as usize].push((w, since));
            }
        } else {
            self.basic += 1;
            self.region_basic[region] += 1;
        }
    }

    /// Uncounts an unemployed worker living in `region` with claim `c` in month `t`.
    #[inline]
    pub(crate) fn remove(&mut self, region: usize, c: &Claim, t: Month) {
        if t < c.ends {
            self.recipients -= 1;
            self.amount -= i128::from(c.amount);
            self.region_amount[region] -= i128::from(c.amount);
        } else {
            self.basic -= 1;
            self.region_basic[region] -= 1;
        }
    }

    /// An unemployed worker with claim `c` moves its residence from region `from` to `to` in
    /// month `t`: its benefit is counted in the new region from now on (the claim's end stays
    /// scheduled where it was).
    #[inline]
    pub(crate) fn relocate(&mut self, from: usize, to: usize, c: &Claim, t: Month) {
        if t < c.ends {
            self.region_amount[from] -= i128::from(c.amount);
            self.region_amount[to] += i128::from(c.amount);
        } else {
            self.region_basic[from] -= 1;
            self.region_basic[to] += 1;
        }
    }

    /// A recipient living in `region` whose claim `c` runs out this month moves to basic income.
    #[inline]
    pub(crate) fn expire(&mut self, region: usize, c: &Claim) {
        self.recipients -= 1;
        self.amount -= i128::from(c.amount);
        self.region_amount[region] -= i128::from(c.amount);
        self.basic += 1;
        self.region_basic[region] += 1;
    }
}

/// Sets claim `c` of a worker entering unemployment in month `t`: `from_job` when the worker
/// comes from a payroll job that started in `job_start` and last paid `gross` cents, at age
/// `age` years; otherwise (entrants, ends of training without a job) an earlier claim's unused
/// remainder resumes, if any.
#[inline]
pub(crate) fn open_claim(
    rules: &BenefitRules,
    c: &mut Claim,
    t: Month,
    from_job: Option<(Month, u32, i32, bool)>,
) {
    let mut months = i32::from(c.left);
    if let Some((job_start, gross, age, children)) = from_job {
        let tenure = t.since(job_start).max(0);
        let contribution = (i32::from(c.contribution) + tenure).min(FRAME_MONTHS);
        c.contribution = contribution as u8;
        if contribution >= MIN_CONTRIBUTION_MONTHS {
            months =
                (entitlement_months(contribution, age) + months).min(max_entitlement_months(age));
            c.amount = rules.benefit(gross, children);
        }
    }
    c.ends = t.plus(months);
    c.left = 0;
}

/// Closes claim `c` of a worker leaving unemployment in month `t` after a spell that started in
/// `since`: the unused months are kept, and the months unemployed push old contributions out
/// of the frame.
#[inline]
pub(crate) fn close_claim(c: &mut Claim, t: Month, since: Month) {
    c.left = c.ends.since(t).clamp(0, 255) as u8;
    let unemployed = t.since(since).clamp(0, 255) as u8;
    c.contribution = c.contribution.saturating_sub(unemployed);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> BenefitRules {
        BenefitRules {
            enabled: true,
            replacement_rate: 0.6,
            replacement_rate_children: 0.67,
            children_share: 0.3,
            basic_income: 1000.0,
            contribution_rate: 0.2,
            income_tax: true,
            reasonable_share_months_1_3: 0.8,
            reasonable_share_months_4_6: 0.7,
            reservation_factor: 1.0,
        }
    }

    #[test]
    fn entitlement_follows_sgb3_147() {
        assert_eq!(entitlement_months(11, 40), 0);
        assert_eq!(entitlement_months(12, 40), 6);
        assert_eq!(entitlement_months(16, 40), 8);
        assert_eq!(entitlement_months(20, 40), 10);
        assert_eq!(entitlement_months(60, 40), 12);
        assert_eq!(entitlement_months(30, 50), 15);
        assert_eq!(entitlement_months(36, 55), 18);
        assert_eq!(entitlement_months(48, 58), 24);
        assert_eq!(entitlement_months(47, 60), 18);
        assert_eq!(max_entitlement_months(30), 12);
        assert_eq!(max_entitlement_months(59), 24);
    }

    #[test]
    fn tariff_is_continuous_and_progressive() {
        let mut last_rate = 0.0;
        for k in 1..300 {
            let x = f64::from(k) * 1_000.0;
            let (a, b) = (income_tax_2024(x - 1.0), income_tax_2024(x + 1.0));
            assert!(b - a < 2.0 * 0.46, "jump at {x}");
            let rate = income_tax_2024(x) / x;
            assert!(rate >= last_rate - 1e-12, "average rate falls at {x}");
            last_rate = rate;
        }
        assert_eq!(income_tax_2024(11_604.0), 0.0);
        // Zone boundaries of the tariff (values of § 32a EStG 2024).
        assert!((income_tax_2024(17_005.0) - 1_025.0).abs() < 2.0);
        assert!((income_tax_2024(66_760.0) - 17_437.0).abs() < 2.0);
    }

    #[test]
    fn net_pay_and_benefit_of_a_typical_wage() {
        let r = rules();
        // 4,300 € gross: about 2,800 € net (tax class I), benefit 60 % of it.
        let net = r.net_pay(430_000.0) / 100.0;
        assert!((2_700.0..2_900.0).contains(&net), "{net}");
        let b = f64::from(r.benefit(430_000, false)) / 100.0;
        assert!((b - 0.6 * net).abs() < 0.01);
        assert!(r.benefit(430_000, true) > r.benefit(430_000, false));
        // About the share of workers with children.
        let n = 20_000;
        let with = (0..n).filter(|&id| r.has_children(id)).count() as f64 / n as f64;
        assert!((with - 0.3).abs() < 0.02, "{with}");
    }

    #[test]
    fn claims_follow_contributions_and_carry_their_remainder() {
        let r = rules();
        let t = Month::from_ym(2030, 1);
        // Ten years in the job at 45: the full 12 months.
        let mut c = Claim::default();
        open_claim(&r, &mut c, t, Some((t.plus(-120), 400_000, 45, false)));
        assert_eq!(c.ends, t.plus(12));
        assert_eq!(c.contribution, 60);
        // Hired after 4 months: 8 months left, 4 months out of the frame.
        close_claim(&mut c, t.plus(4), t);
        assert_eq!((c.left, c.contribution), (8, 56));
        // A job of 6 months at 56 contributions: a new claim of 12, plus the 8 left, capped
        // at 12 for a 45-year-old.
        let t2 = t.plus(10);
        open_claim(&r, &mut c, t2, Some((t.plus(4), 300_000, 45, false)));
        assert_eq!(c.ends, t2.plus(12));
        // An entrant: no claim.
        let mut e = Claim::default();
        open_claim(&r, &mut e, t, None);
        assert_eq!(e.ends, t);
        // A 59-year-old with a long record: 24 months.
        let mut o = Claim::default();
        open_claim(&r, &mut o, t, Some((t.plus(-300), 400_000, 59, false)));
        assert_eq!(o.ends, t.plus(24));
    }
}
