//! `[demography]`: retirement at the pension age, labour-market entry, exits from the labour
//! force (older and discouraged workers) and re-entry, and how they respond to local
//! conditions; the initial workers must be younger than the pension age.

use wandel_engine::params::{Demography, Population};

use super::workers::age_max_origin;
use wandel_format::reader::{Range, Reader, Table};
use wandel_format::source::Origin;
use wandel_format::tree::Node;

/// Reads `[demography]`; with retirement on, `workers.age_max` (from `population`) must not
/// exceed `pension_age`.
pub(crate) fn read_demography(
    rd: &mut Reader<'_>,
    top: &mut Table<'_>,
    root: &Node,
    population: &Population,
) -> Demography {
    let mut d = rd.table(top, "demography");
    let retirement = rd.boolean(&mut d, "retirement", true);
    let pension_age = rd.integer(&mut d, "pension_age", Some(67), 40, 90) as u32;
    let pension_origin = root
        .get("demography")
        .and_then(|n| n.get("pension_age"))
        .map_or(Origin::Nowhere, |n| n.origin);
    let demography = Demography {
        pension_age: retirement.then_some(pension_age),
        entry_age: rd.integer(&mut d, "entry_age", Some(20), 14, 40) as u32,
        entry_per_retirement: rd.number(
            &mut d,
            "entry_per_retirement",
            Some(1.0),
            Range::Between(0.0, 10.0),
        ),
        older_age: rd.integer(&mut d, "older_age", Some(55), 30, 90) as u32,
        older_exit_rate: rd.number(&mut d, "older_exit_rate", Some(0.005), Range::Unit),
        discouraged_exit_rate: rd.number(&mut d, "discouraged_exit_rate", Some(0.0), Range::Unit),
        reentry_rate: rd.number(&mut d, "reentry_rate", Some(0.0), Range::Unit),
        participation_elasticity: rd.number(
            &mut d,
            "participation_elasticity",
            Some(0.0),
            Range::Between(0.0, 10.0),
        ),
        usual_rate_months: rd.number(
            &mut d,
            "usual_rate_months",
            Some(60.0),
            Range::Between(1.0, 600.0),
        ),
    };
    rd.finish(d);
    let age_max = population.age_max;
    let age_max_origin = age_max_origin(root);
    if retirement && age_max > pension_age {
        rd.error(
            if matches!(age_max_origin, Origin::Nowhere) { pension_origin } else { age_max_origin },
            "workers.age_max",
            format!("initial workers must be younger than demography.pension_age ({pension_age}): age_max is {age_max}"),
        );
    }
    demography
}
