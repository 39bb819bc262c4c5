//! `[institutions]`: labour-market institutions; so far how much a works council slows layoffs.

use crate::reader::{Range, Reader, Table};

/// What `[institutions]` holds (its fields are flat in [`wandel_engine::Params`]).
pub(crate) struct Institutions {
    /// Factor on the layoff speed of firms with a works council.
    pub(crate) works_council_layoff_factor: f64,
}

/// Reads `[institutions]`.
pub(crate) fn read_institutions(rd: &mut Reader<'_>, top: &mut Table<'_>) -> Institutions {
    let mut inst = rd.table(top, "institutions");
    let works_council_layoff_factor = rd.number(
        &mut inst,
        "works_council_layoff_factor",
        Some(0.5),
        Range::Unit,
    );
    rd.finish(inst);
    Institutions {
        works_council_layoff_factor,
    }
}
