//! `[institutions]`: labour-market institutions: how much a works council slows layoffs, and
//! whether layoffs give notice by tenure (§ 622 BGB).

use wandel_format::reader::{Range, Reader, Table};

/// What `[institutions]` holds (its fields are flat in [`wandel_engine::Params`]).
pub(crate) struct Institutions {
    /// Factor on the layoff speed of firms with a works council.
    pub(crate) works_council_layoff_factor: f64,
    /// Whether ordinary layoffs give notice by tenure.
    pub(crate) notice_by_tenure: bool,
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
    let notice_by_tenure = rd.boolean(&mut inst, "notice_by_tenure", true);
    rd.finish(inst);
    Institutions {
        works_council_layoff_factor,
        notice_by_tenure,
    }
}
