//! The document's top-level keys outside any section: `format` (the scenario format version
//! this build reads) and `extends` (already followed by the loader, accepted here).

use wandel_format::reader::{Reader, Table};
use wandel_format::source::Origin;
use wandel_format::tree::Node;

/// What changed from format 1 to 2, for files that still say `format = 1`.
/// The scenario format version this build reads.
pub const FORMAT: i64 = 2;

const FORMAT_1_CHANGES: &str = "; format 2 changed: matching.reservation_start, \
    matching.reservation_decline and matching.reservation_floor are gone (reservation wages \
    now follow the benefit rules of the new [benefits] section: reasonable offers, benefit \
    and basic income); vacancies stay open until filled (matching.screening_per_vacancy, \
    matching.suitability) and separation rates mean the same but give higher unemployment \
    than before; set `format = 2`, delete the three keys, and see docs/scenario-reference.md";

/// Reads `format` (required, must equal [`FORMAT`]) and accepts `extends`.
pub(crate) fn read_format(rd: &mut Reader<'_>, top: &mut Table<'_>, root: &Node) {
    let format_node = root.get("format").cloned();
    let format = rd.integer(top, "format", None, 1, i64::MAX);
    if format != FORMAT && format_node.is_some() {
        let changed = if format == 1 { FORMAT_1_CHANGES } else { "" };
        rd.error(
            format_node.map_or(Origin::Nowhere, |n| n.origin),
            "format",
            format!("this version of wandel reads scenario format {FORMAT}, got {format}{changed}"),
        );
    }
    // `extends` was resolved by the loader; accept the key here.
    let _ = rd.raw(top, "extends");
}
