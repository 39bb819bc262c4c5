//! Age groups of workers, as the cohort outputs and the displacement records use them.

/// Age groups at displacement, the standard ones of labour-force statistics (so that figures
/// compare with calibration: G1, G2); index 0 is reserved for "all".
pub const AGE_GROUPS: [&str; 5] = ["all", "<25", "25-54", "55-64", "65+"];

/// Age group index (1 to 4) of a worker aged `age` years.
pub fn age_group(age: i32) -> u8 {
    match age {
        i32::MIN..=24 => 1,
        25..=54 => 2,
        55..=64 => 3,
        _ => 4,
    }
}
