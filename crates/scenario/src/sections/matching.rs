//! `[matching]`: the matching mode (`aggregate` or `applications`), the matching function's
//! efficiency and elasticity, applications per month, screening and suitability of applicants,
//! reservation wages and on-notice search.

use wandel_engine::params::{Matching, MatchingMode};

use crate::reader::{Range, Reader, Table};
use crate::source::Origin;
use crate::tree::Node;

/// Reads `[matching]`; the reservation wage floor must not exceed its start.
pub(crate) fn read_matching(rd: &mut Reader<'_>, top: &mut Table<'_>, root: &Node) -> Matching {
    let mut m = rd.table(top, "matching");
    let mode = match rd
        .choice(
            &mut m,
            "mode",
            "applications",
            &["aggregate", "applications"],
        )
        .as_str()
    {
        "aggregate" => MatchingMode::Aggregate,
        _ => MatchingMode::Applications,
    };
    let matching = Matching {
        mode,
        efficiency: rd.number(&mut m, "efficiency", Some(0.3), Range::Positive),
        elasticity: rd.number(&mut m, "elasticity", Some(0.5), Range::OpenUnit),
        applications_per_month: rd.number(
            &mut m,
            "applications_per_month",
            Some(2.0),
            Range::Between(0.0, 100.0),
        ),
        screening_per_vacancy: rd.number(
            &mut m,
            "screening_per_vacancy",
            Some(4.0),
            Range::Between(0.0, 1000.0),
        ),
        suitability: rd.number(&mut m, "suitability", Some(0.057), Range::Unit),
        reservation_start: rd.number(
            &mut m,
            "reservation_start",
            Some(0.85),
            Range::Between(0.0, 2.0),
        ),
        reservation_decline: rd.number(&mut m, "reservation_decline", Some(0.02), Range::Unit),
        reservation_floor: rd.number(
            &mut m,
            "reservation_floor",
            Some(0.6),
            Range::Between(0.0, 2.0),
        ),
        notice_search_intensity: rd.number(
            &mut m,
            "notice_search_intensity",
            Some(0.5),
            Range::Between(0.0, 7.9),
        ),
    };
    rd.finish(m);
    if matching.reservation_floor > matching.reservation_start {
        rd.error(
            root.get("matching")
                .and_then(|n| n.get("reservation_floor"))
                .map_or(Origin::Nowhere, |n| n.origin),
            "matching.reservation_floor",
            format!(
                "must not exceed matching.reservation_start ({}), got {}",
                matching.reservation_start, matching.reservation_floor
            ),
        );
    }
    matching
}
