//! Statutory notice periods for dismissals by the employer (§ 622 BGB): one month for less than
//! two years of service, then two to seven months by years of service (calibration: K4).

/// The longest notice, months (§ 622 (2) BGB: after 20 years of service).
pub const MAX_NOTICE_MONTHS: i32 = 7;

/// Months of notice an employer must give a worker of `tenure_months` service (§ 622 (1)–(2)
/// BGB, calibration: K4): four weeks (one month here) below two years, then 1, 2, 3, 4, 5, 6, 7
/// months after 2, 5, 8, 10, 12, 15, 20 years.
pub fn notice_months(tenure_months: i32) -> i32 {
    match tenure_months.div_euclid(12) {
        i32::MIN..=4 => 1,
        5..=7 => 2,
        8..=9 => 3,
        10..=11 => 4,
        12..=14 => 5,
        15..=19 => 6,
        _ => MAX_NOTICE_MONTHS,
    }
}
