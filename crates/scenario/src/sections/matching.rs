//! `[matching]`: the matching mode (`aggregate` or `applications`), the matching function's
//! efficiency and elasticity, applications per month, screening and suitability of applicants,
//! on-notice and on-the-job search, and how fast unemployed workers' asking wages follow the
//! offers they turn down. (Reservation wages follow the benefit rules, `[benefits]`.)

use wandel_engine::params::{Matching, MatchingMode};

use wandel_format::reader::{Range, Reader, Table};

/// Reads `[matching]`.
pub(crate) fn read_matching(rd: &mut Reader<'_>, top: &mut Table<'_>) -> Matching {
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
        on_the_job_search: rd.number(&mut m, "on_the_job_search", Some(0.0), Range::Unit),
        on_the_job_intensity: rd.number(
            &mut m,
            "on_the_job_intensity",
            Some(0.5),
            Range::Between(0.0, 7.9),
        ),
        job_change_premium: rd.number(
            &mut m,
            "job_change_premium",
            Some(0.05),
            Range::Between(0.0, 10.0),
        ),
        amenity_dispersion: rd.number(
            &mut m,
            "amenity_dispersion",
            Some(0.0),
            Range::Between(0.0, 2.0),
        ),
        asking_adjustment: rd.number(&mut m, "asking_adjustment", Some(0.0), Range::Unit),
        expected_offers: rd.boolean(&mut m, "expected_offers", false),
        screening_employed: rd.number(
            &mut m,
            "screening_employed",
            Some(0.0),
            Range::Between(0.0, 1000.0),
        ),
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
        suitability: rd.number(&mut m, "suitability", Some(0.05), Range::Unit),
        notice_search_intensity: rd.number(
            &mut m,
            "notice_search_intensity",
            Some(0.5),
            Range::Between(0.0, 7.9),
        ),
    };
    rd.finish(m);
    matching
}
