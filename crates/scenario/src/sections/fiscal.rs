//! `[fiscal]`, the parameters of the fiscal ledger. The `[policies]` section itself is read by
//! the policy kinds' registry (`wandel_policy::read_policies`): each kind reads its own table.

use wandel_format::reader::{Range, Reader, Table};
use wandel_policy::Fiscal;

/// Reads `[fiscal]`.
pub(crate) fn read_fiscal(rd: &mut Reader<'_>, top: &mut Table<'_>) -> Fiscal {
    let mut t = rd.table(top, "fiscal");
    let defaults = Fiscal::default();
    let fiscal = Fiscal {
        employer_contribution_rate: rd.number(
            &mut t,
            "employer_contribution_rate",
            Some(defaults.employer_contribution_rate),
            Range::Between(0.0, 0.9),
        ),
    };
    rd.finish(t);
    fiscal
}
