//! `[wages]`: returns to tenure (and their cap), the wage loss on changing occupation, the
//! dispersion of firms' wage premiums, and the wage curve (its elasticity and persistence).

use wandel_engine::params::Wages;

use wandel_format::reader::{Range, Reader, Table};

/// Reads `[wages]`.
pub(crate) fn read_wages(rd: &mut Reader<'_>, top: &mut Table<'_>) -> Wages {
    let mut wg = rd.table(top, "wages");
    let wages = Wages {
        tenure_return: rd.number(
            &mut wg,
            "tenure_return",
            Some(0.002),
            Range::Between(0.0, 0.1),
        ),
        tenure_cap_months: rd.integer(&mut wg, "tenure_cap_months", Some(120), 0, 600) as u32,
        occupation_change_loss: rd.number(
            &mut wg,
            "occupation_change_loss",
            Some(0.15),
            Range::Between(0.0, 2.0),
        ),
        firm_premium_sd: rd.number(
            &mut wg,
            "firm_premium_sd",
            Some(0.0),
            Range::Between(0.0, 1.0),
        ),
        curve_elasticity: rd.number(
            &mut wg,
            "curve_elasticity",
            Some(0.0),
            Range::Between(-1.0, 0.0),
        ),
        curve_persistence: rd.number(
            &mut wg,
            "curve_persistence",
            Some(0.8),
            Range::Between(0.0, 0.99),
        ),
    };
    rd.finish(wg);
    wages
}
