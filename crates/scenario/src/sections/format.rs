//! The document's top-level keys outside any section: `format` (the scenario format version
//! this build reads) and `extends` (already followed by the loader, accepted here).

use crate::reader::{Reader, Table};
use crate::source::Origin;
use crate::tree::Node;
use crate::validate::FORMAT;

/// Reads `format` (required, must equal [`FORMAT`]) and accepts `extends`.
pub(crate) fn read_format(rd: &mut Reader<'_>, top: &mut Table<'_>, root: &Node) {
    let format_node = root.get("format").cloned();
    let format = rd.integer(top, "format", None, 1, i64::MAX);
    if format != FORMAT && format_node.is_some() {
        rd.error(
            format_node.map_or(Origin::Nowhere, |n| n.origin),
            "format",
            format!("this version of wandel reads scenario format {FORMAT}, got {format}"),
        );
    }
    // `extends` was resolved by the loader; accept the key here.
    let _ = rd.raw(top, "extends");
}
