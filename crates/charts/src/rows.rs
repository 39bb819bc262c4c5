//! A chart of labelled rows against one or more value columns ([`RowFigure`]): horizontal bars
//! with 95 % interval whiskers, for comparisons by policy (cost per job-year gained) and
//! waterfalls (a package's effect built up from its parts).
//!
//! Layout, top to bottom: title and subtitle (as [`crate::figure`]), legend, column headings,
//! the rows (labels on the left, one band per row across every column), value ticks under each
//! column, notes, source line. Each column has its own value axis, which always includes 0.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use crate::figure::{Painter, Res, YTicks, cap, draw_heading, err};
use crate::style::{self, size};

/// A bar from `from` to `to` (a dot where they are equal), with the value's own 95 % interval
/// drawn as a whisker around `to`, and its value written beside it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    pub(crate) from: f64,
    pub(crate) to: f64,
    /// Where the whisker runs (absolute positions on the column's axis).
    pub(crate) whisker: Option<(f64, f64)>,
    pub(crate) colour: RGBColor,
    /// The value as written beside the bar.
    pub(crate) text: String,
}

/// One row of one column: a bar, or a note where there is no value (written in muted text).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Entry {
    Bar(Cell),
    Note(String),
}

/// A column: a heading (with its unit) and one entry per row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    pub(crate) heading: String,
    pub(crate) entries: Vec<Entry>,
    /// Dashed lines from the end of each bar to the start of the next (a waterfall).
    pub(crate) connectors: bool,
}

/// Everything a row chart shows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RowFigure {
    /// Title, with units.
    pub(crate) title: String,
    /// How the numbers were computed.
    pub(crate) subtitle: String,
    /// Row labels, top to bottom.
    pub(crate) rows: Vec<String>,
    /// A rule is drawn above this row (e.g. the total of a waterfall).
    pub(crate) rule_before: Option<usize>,
    pub(crate) columns: Vec<Column>,
    /// Legend: colour swatches with their meaning.
    pub(crate) legend: Vec<(String, RGBColor)>,
    /// Bottom line, see [`style::source_line`].
    pub(crate) source: String,
}

/// Share of a row's height the bar fills.
const BAR_SHARE: f64 = 0.56;
/// Share of a column's width kept free on each side for the values written beside the bars.
const TEXT_ROOM: f64 = 0.25;

/// The extent of the column's values (bars and whiskers), with 0.
fn extent(column: &Column) -> (f64, f64) {
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for e in &column.entries {
        if let Entry::Bar(c) = e {
            for v in [c.from, c.to] {
                lo = lo.min(v);
                hi = hi.max(v);
            }
            if let Some((a, b)) = c.whisker {
                for v in [a, b].into_iter().filter(|v| v.is_finite()) {
                    lo = lo.min(v);
                    hi = hi.max(v);
                }
            }
        }
    }
    (lo, hi)
}

/// The value axis of a column `width` pixels wide showing `lo..hi` (which include 0): its
/// range, with room for the values written beside the bars, and ticks at round values as
/// dense as their labels allow (at most 5 intervals).
fn value_axis<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    lo: f64,
    hi: f64,
    width: i32,
    tick: f64,
) -> Res<((f64, f64), YTicks, Vec<f64>)> {
    let span = (hi - lo).max(f64::EPSILON);
    let pad = span * TEXT_ROOM / (1.0 - 2.0 * TEXT_ROOM);
    let range = (if lo < 0.0 { lo - pad } else { lo }, hi + pad);
    let mut intervals = 5.0;
    loop {
        let ticks = YTicks::new(lo, hi.max(lo + f64::EPSILON), intervals);
        let values: Vec<f64> = ticks
            .values()
            .into_iter()
            .filter(|v| *v >= range.0 - 1e-9 && *v <= range.1 + 1e-9)
            .collect();
        let spacing = ticks.step / (range.1 - range.0) * f64::from(width);
        let mut widest = 0;
        for v in &values {
            widest = widest.max(p.width(&ticks.label(*v), tick)?);
        }
        if f64::from(widest + 8) <= spacing || intervals <= 1.0 {
            return Ok((range, ticks, values));
        }
        intervals -= 1.0;
    }
}

/// Draws `fig` on `area` (see [`crate::figure::render`] for `raster`).
pub(crate) fn render<DB: DrawingBackend>(
    fig: &RowFigure,
    area: &DrawingArea<DB, Shift>,
    raster: bool,
) -> Res {
    let p = Painter { area, raster };
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    area.fill(&WHITE).map_err(err)?;
    let left = 44;
    let right = w - 60;
    let mut baseline = draw_heading(&p, &fig.title, &fig.subtitle, left, right)?;

    // Legend.
    if !fig.legend.is_empty() {
        baseline += (size::LEGEND * 1.9) as i32;
        let mut x = left;
        for (label, colour) in &fig.legend {
            let tw = p.width(label, size::LEGEND)?;
            if x > left && x + 50 + tw > right {
                x = left;
                baseline += (size::LEGEND * 1.5) as i32;
            }
            let mid = baseline - cap(size::LEGEND) / 2;
            p.rect(x, mid - 13, x + 30, mid + 13, colour.to_rgba())?;
            p.text(
                label,
                x + 42,
                baseline,
                size::LEGEND,
                &style::INK,
                HPos::Left,
            )?;
            x += 42 + tw + 44;
        }
    }

    // Source line at the bottom; value ticks above it.
    let source_baseline = h - 30;
    p.text(
        &fig.source,
        left,
        source_baseline,
        size::SOURCE,
        &style::MUTED,
        HPos::Left,
    )?;
    let tick = if fig.columns.len() > 1 {
        size::PANEL_TICK
    } else {
        size::TICK
    };
    let tick_baseline = source_baseline - cap(size::SOURCE) - 30;
    let rows_bottom = tick_baseline - cap(tick) - 16;

    // Column widths, from the widest row label.
    let mut label_w = 0;
    for r in &fig.rows {
        label_w = label_w.max(p.width(r, size::TICK)?);
    }
    label_w = label_w.min((right - left) * 2 / 5);
    let gap = 56;
    let n_cols = fig.columns.len().max(1) as i32;
    let cols_left = left + label_w + 50;
    let col_w = (right - cols_left - gap * (n_cols - 1)) / n_cols;

    // Column headings (wrapped to the column); the rows between them and the ticks.
    let headings: Vec<Vec<String>> = fig
        .columns
        .iter()
        .map(|c| p.wrap(&c.heading, size::PANEL_TITLE, col_w))
        .collect::<Res<_>>()?;
    let heading_lines = headings.iter().map(Vec::len).max().unwrap_or(1) as i32;
    let heading_step = (size::PANEL_TITLE * 1.25) as i32;
    let heading_baseline = baseline + 30 + cap(size::PANEL_TITLE);
    let rows_top = heading_baseline + heading_step * (heading_lines - 1) + 22;
    let n_rows = fig.rows.len().max(1) as i32;
    let row_h = (rows_bottom - rows_top) / n_rows;
    for (i, r) in fig.rows.iter().enumerate() {
        let mid = rows_top + row_h * i as i32 + row_h / 2;
        p.text(
            r,
            left + label_w,
            mid + cap(size::TICK) / 2,
            size::TICK,
            &style::INK,
            HPos::Right,
        )?;
    }
    if let Some(k) = fig.rule_before {
        let y = rows_top + row_h * k as i32;
        p.line(vec![(left, y), (right, y)], &style::AXIS_LINE, 1)?;
    }

    for (c, column) in fig.columns.iter().enumerate() {
        let x0 = cols_left + c as i32 * (col_w + gap);
        for (k, line) in headings[c].iter().enumerate() {
            p.text(
                line,
                x0,
                heading_baseline + heading_step * k as i32,
                size::PANEL_TITLE,
                &style::INK,
                HPos::Left,
            )?;
        }
        let (lo, hi) = extent(column);
        let ((a_lo, a_hi), ticks, values) = value_axis(&p, lo, hi, col_w, tick)?;
        let px = |v: f64| x0 + ((v - a_lo) / (a_hi - a_lo) * f64::from(col_w)).round() as i32;
        for v in values {
            let x = px(v);
            let colour = if v == 0.0 {
                style::AXIS_LINE
            } else {
                style::GRID
            };
            p.line(vec![(x, rows_top), (x, rows_bottom)], &colour, 2)?;
            p.text(
                &ticks.label(v),
                x,
                tick_baseline,
                tick,
                &style::INK,
                HPos::Center,
            )?;
        }
        let mut previous_end: Option<(i32, i32)> = None;
        for (i, entry) in column.entries.iter().enumerate() {
            let top = rows_top + row_h * i as i32;
            let mid = top + row_h / 2;
            let half = ((f64::from(row_h) * BAR_SHARE) / 2.0).round() as i32;
            match entry {
                Entry::Bar(cell) => {
                    let (a, b) = (px(cell.from.min(cell.to)), px(cell.from.max(cell.to)));
                    p.rect(
                        a,
                        mid - half,
                        b.max(a + 3),
                        mid + half,
                        cell.colour.to_rgba(),
                    )?;
                    if column.connectors {
                        if let Some((x, y)) = previous_end {
                            p.path(&[(x, y), (x, mid - half)], &style::MARKER_LIGHT, 2, true)?;
                        }
                        previous_end = Some((px(cell.to), mid + half));
                    }
                    let (mut text_lo, mut text_hi) = (a, b);
                    if let Some((wl, wh)) = cell.whisker {
                        if wl.is_finite() && wh.is_finite() {
                            let (l, r) = (px(wl.min(wh)), px(wl.max(wh)));
                            p.line(vec![(l, mid), (r, mid)], &style::INK, 3)?;
                            for x in [l, r] {
                                p.line(vec![(x, mid - 10), (x, mid + 10)], &style::INK, 3)?;
                            }
                            text_lo = text_lo.min(l);
                            text_hi = text_hi.max(r);
                        }
                    }
                    let base = mid + cap(size::ANNOTATION) / 2;
                    if cell.to >= cell.from {
                        p.text(
                            &cell.text,
                            text_hi + 10,
                            base,
                            size::ANNOTATION,
                            &style::INK,
                            HPos::Left,
                        )?;
                    } else {
                        p.text(
                            &cell.text,
                            text_lo - 10,
                            base,
                            size::ANNOTATION,
                            &style::INK,
                            HPos::Right,
                        )?;
                    }
                }
                Entry::Note(note) => {
                    p.text(
                        note,
                        px(0.0) + 10,
                        mid + cap(size::ANNOTATION) / 2,
                        size::ANNOTATION,
                        &style::MUTED,
                        HPos::Left,
                    )?;
                    previous_end = None;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extent_covers_bars_whiskers_and_zero() {
        let column = Column {
            heading: "x".into(),
            entries: vec![
                Entry::Bar(Cell {
                    from: 2.0,
                    to: 5.0,
                    whisker: Some((4.0, 7.5)),
                    colour: style::TOTAL,
                    text: String::new(),
                }),
                Entry::Note("none".into()),
            ],
            connectors: false,
        };
        assert_eq!(extent(&column), (0.0, 7.5));
    }
}
