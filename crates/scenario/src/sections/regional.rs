//! `[regional]`: where workers live and spend: the monthly rate at which commuters move to the
//! region they work in, the rate at which job seekers move for work and how it responds to
//! expected earnings, and the lag of residents' spending behind their incomes (which drives
//! the demand of non-tradable sectors, `[[sectors]] local_demand`).

use wandel_engine::params::Regional;

use wandel_format::reader::{Range, Reader, Table};

/// Reads `[regional]`.
pub(crate) fn read_regional(rd: &mut Reader<'_>, top: &mut Table<'_>) -> Regional {
    let mut t = rd.table(top, "regional");
    let regional = Regional {
        spending_lag_months: rd.number(
            &mut t,
            "spending_lag_months",
            Some(6.0),
            Range::Between(0.0, 120.0),
        ),
        commuter_move_rate: rd.number(&mut t, "commuter_move_rate", Some(0.004), Range::Unit),
        job_seeker_move_rate: rd.number(&mut t, "job_seeker_move_rate", Some(0.0), Range::Unit),
        move_gain_elasticity: rd.number(
            &mut t,
            "move_gain_elasticity",
            Some(0.0),
            Range::Between(0.0, 50.0),
        ),
    };
    rd.finish(t);
    regional
}
