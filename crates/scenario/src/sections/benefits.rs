//! `[benefits]`: unemployment benefit (Arbeitslosengeld I) and basic income (Bürgergeld), net
//! pay from gross, and the rules on reasonable offers that set reservation wages
//! (`wandel_engine::benefits`). Defaults are the German rules with their calibration rows.

use wandel_engine::benefits::BenefitRules;

use wandel_format::reader::{Range, Reader, Table};

/// Reads `[benefits]`.
pub(crate) fn read_benefits(rd: &mut Reader<'_>, top: &mut Table<'_>) -> BenefitRules {
    let mut b = rd.table(top, "benefits");
    let rules = BenefitRules {
        enabled: rd.boolean(&mut b, "enabled", true),
        replacement_rate: rd.number(&mut b, "replacement_rate", Some(0.60), Range::Unit),
        replacement_rate_children: rd.number(
            &mut b,
            "replacement_rate_children",
            Some(0.67),
            Range::Unit,
        ),
        children_share: rd.number(&mut b, "children_share", Some(0.3), Range::Unit),
        basic_income: rd.number(
            &mut b,
            "basic_income",
            Some(1000.0),
            Range::Between(0.0, 100_000.0),
        ),
        contribution_rate: rd.number(&mut b, "contribution_rate", Some(0.20), Range::Unit),
        income_tax: rd.boolean(&mut b, "income_tax", true),
        reasonable_share_months_1_3: rd.number(
            &mut b,
            "reasonable_share_months_1_3",
            Some(0.8),
            Range::Between(0.0, 2.0),
        ),
        reasonable_share_months_4_6: rd.number(
            &mut b,
            "reasonable_share_months_4_6",
            Some(0.7),
            Range::Between(0.0, 2.0),
        ),
        reservation_factor: rd.number(
            &mut b,
            "reservation_factor",
            Some(1.0),
            Range::Between(0.0, 2.0),
        ),
    };
    rd.finish(b);
    rules
}
