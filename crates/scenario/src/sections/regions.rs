//! `[[regions]]` (the regions' names) and `[[accessibility]]` (how reachable one region's jobs
//! are from another: a pair matrix over the regions).

use super::names::{Names, read_names, read_pairs};
use crate::reader::{Reader, Table};

/// Reads `[[regions]]`: the region names (at least one, unique) and their index.
pub(crate) fn read_regions(rd: &mut Reader<'_>, top: &mut Table<'_>) -> (Vec<String>, Names) {
    let regions = read_names(rd, top, "regions", "region");
    let names = Names::new("region", "regions", &regions);
    (regions, names)
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
