//! `[jobs]`: job creation and destruction by firms' own decisions: whether firms adjust their
//! capacity, the vacancy duration at which a firm at its base size is indifferent, the elasticity of demand for its output, the costs of a vacancy and of a hire, the discount
//! rate, how fast capacity moves, how long firms average the vacancy durations they see, and after how many idle months a firm exits
//! (`wandel_engine::phases::creation`).

use wandel_engine::params::JobCreation;

use wandel_format::reader::{Range, Reader, Table};

/// Reads `[jobs]`.
pub(crate) fn read_jobs(rd: &mut Reader<'_>, top: &mut Table<'_>) -> JobCreation {
    let mut t = rd.table(top, "jobs");
    let jobs = JobCreation {
        enabled: rd.boolean(&mut t, "creation", false),
        vacancy_duration_months: rd.number(
            &mut t,
            "vacancy_duration_months",
            Some(2.5),
            Range::Between(1.0, 36.0),
        ),
        demand_elasticity: rd.number(
            &mut t,
            "demand_elasticity",
            Some(5.0),
            Range::Between(0.5, 100.0),
        ),
        hiring_cost_months: rd.number(
            &mut t,
            "hiring_cost_months",
            Some(1.1),
            Range::Between(0.0, 24.0),
        ),
        vacancy_cost: rd.number(&mut t, "vacancy_cost", Some(0.3), Range::Between(0.0, 10.0)),
        discount_rate: rd.number(
            &mut t,
            "discount_rate",
            Some(0.004),
            Range::Between(0.0, 0.1),
        ),
        adjustment_speed: rd.number(
            &mut t,
            "adjustment_speed",
            Some(0.01),
            Range::Between(0.0, 0.5),
        ),
        signal_months: rd.number(
            &mut t,
            "signal_months",
            Some(3.0),
            Range::Between(0.0, 60.0),
        ),
        exit_after_months: rd.integer(&mut t, "exit_after_months", Some(12), 0, 600) as u32,
    };
    rd.finish(t);
    jobs
}
