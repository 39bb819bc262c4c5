//! `[[regions]]` (the regions' names) and `[[accessibility]]` (how reachable one region's jobs
//! are from another: a pair matrix over the regions).

use std::collections::BTreeMap;

use wandel_format::names::{Names, label_map, read_names, read_pairs};
use wandel_format::reader::{Reader, Table};

/// Reads `[[regions]]`: the region names (at least one, unique), their index and their
/// display labels.
pub(crate) fn read_regions(
    rd: &mut Reader<'_>,
    top: &mut Table<'_>,
) -> (Vec<String>, Names, BTreeMap<String, String>) {
    let (regions, labels) = read_names(rd, top, "regions", "region");
    let names = Names::new("region", "regions", &regions);
    let labels = label_map(&regions, labels);
    (regions, names, labels)
}

/// Reads `[[accessibility]]` into a row-major matrix over the regions.
pub(crate) fn read_accessibility(
    rd: &mut Reader<'_>,
    top: &mut Table<'_>,
    regions: &Names,
    n: usize,
) -> Vec<f64> {
    read_pairs(rd, top, "accessibility", regions, n)
}
