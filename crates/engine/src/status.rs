//! The labour-market status of a worker, the life-cycle state of a firm, and why a worker
//! counts as displaced: small enums every part of the engine names.

/// Labour-market status of a worker: exactly one at any time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Status {
    /// On a payroll, full hours.
    Employed = 0,
    /// On a payroll, hours cut under short-time work.
    ShortTime = 1,
    /// Without a job and searching.
    Unemployed = 2,
    /// In a training programme (with or without an employer).
    Training = 3,
    /// Out of the labour force before pension age.
    Inactive = 4,
    /// Past pension age; left the labour force for good.
    Retired = 5,
}

impl Status {
    /// All statuses, in column order.
    pub const ALL: [Status; 6] = [
        Status::Employed,
        Status::ShortTime,
        Status::Unemployed,
        Status::Training,
        Status::Inactive,
        Status::Retired,
    ];
}

/// Firm life-cycle state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirmStatus {
    /// Producing and hiring.
    Active,
    /// Closure announced: no hiring, workers search on the job.
    Noticed,
    /// Closed: no workers, no vacancies.
    Closed,
}

/// Why a worker counts as displaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Cause {
    /// On the payroll of a closing firm when the closure was announced: displaced when leaving
    /// it, for whatever reason (laid off at the closure, left job to job or quit under notice,
    /// retired).
    Closure = 0,
    /// Laid off by a firm that goes on producing (excess labour, a knock-on layoff).
    Layoff = 1,
}

impl Cause {
    /// Both causes, in the order of the cohort tables.
    pub const ALL: [Cause; 2] = [Cause::Closure, Cause::Layoff];

    /// The name used in the outputs.
    pub fn name(self) -> &'static str {
        match self {
            Cause::Closure => "closure",
            Cause::Layoff => "layoff",
        }
    }
}
