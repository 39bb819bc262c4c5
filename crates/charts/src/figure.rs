//! A small declarative chart description ([`Figure`]) and its renderer.
//!
//! Chart modules only say *what* to draw (title, series, bands, event markers, reference lines,
//! one panel or small multiples); this module decides *how*: layout, axes, ticks, legend and
//! label placement, identically for PNG and SVG (any plotters backend).
//!
//! Layout, top to bottom: title, subtitle, legend, event labels, plot (or grid of panels),
//! x tick labels, x axis description, source line. The y axis always includes 0; there is no
//! frame, only light horizontal grid lines and a darker zero line.

use crate::lang::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::data::Band;
use crate::style::{self, size};

/// What the x axis counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum XAxis {
    /// Calendar months ([`crate::data::Month::x`]); ticks are labelled `YYYY` or `YYYY-MM`.
    Calendar,
    /// Months since displacement, from 0.
    MonthsSince,
    /// Months since entry into a policy, from 0.
    MonthsSinceEntry,
    /// Calendar years (x is the year); used by bar charts, one bar per year.
    Years,
    /// Levels of a swept parameter: x is the level's index, labelled by
    /// [`Figure::x_levels`] and described by [`Figure::x_label`].
    Levels,
}

impl XAxis {
    /// What a duration axis counts, written under it (None for calendar axes).
    pub(crate) fn description(self) -> Option<&'static str> {
        match self {
            XAxis::MonthsSince => Some(tr("Months since displacement")),
            XAxis::MonthsSinceEntry => Some(tr("Months since entry")),
            XAxis::Calendar | XAxis::Years | XAxis::Levels => None,
        }
    }
}

/// One point of a series, with an optional 5–95 % band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Point {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) band: Option<(f64, f64)>,
}

/// One line (with optional band) in a panel.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Series {
    pub(crate) label: String,
    pub(crate) colour: RGBColor,
    pub(crate) width: u32,
    /// Drawn dashed (to tell series apart once the palette repeats).
    pub(crate) dashed: bool,
    /// A dot at every point as well as the line (values per year over bars).
    pub(crate) dots: bool,
    /// Points in increasing x; the line is broken where consecutive x differ by more than 1.
    pub(crate) points: Vec<Point>,
}

impl Series {
    /// A plain line.
    pub(crate) fn line(
        label: impl Into<String>,
        colour: RGBColor,
        points: impl IntoIterator<Item = (f64, f64)>,
    ) -> Series {
        Series {
            label: label.into(),
            colour,
            width: style::LINE_WIDTH,
            dashed: false,
            dots: false,
            points: points
                .into_iter()
                .map(|(x, y)| Point { x, y, band: None })
                .collect(),
        }
    }

    /// A mean line with a 5–95 % band (the band is drawn only if `with_band`).
    pub(crate) fn banded(
        label: impl Into<String>,
        colour: RGBColor,
        points: impl IntoIterator<Item = (f64, Band)>,
        with_band: bool,
    ) -> Series {
        Series {
            label: label.into(),
            colour,
            width: style::LINE_WIDTH,
            dashed: false,
            dots: false,
            points: points
                .into_iter()
                .map(|(x, b)| Point {
                    x,
                    y: b.mean,
                    band: with_band.then_some((b.p05, b.p95)),
                })
                .collect(),
        }
    }

    /// The `i`-th of several same-kind series: colour from the palette, dashed once the
    /// palette has been used up.
    pub(crate) fn nth(mut self, i: usize) -> Series {
        self.colour = style::series_colour(i);
        self.dashed = i >= style::SERIES_COLOURS;
        self
    }

    /// The same series drawn thicker (for totals).
    pub(crate) fn thick(mut self) -> Series {
        self.width = style::TOTAL_WIDTH;
        self
    }
}

/// A panel: the whole plot, or one of the small multiples.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Panel {
    /// Shown above the panel in small multiples.
    pub(crate) title: Option<String>,
    pub(crate) series: Vec<Series>,
}

/// A vertical dashed line at a calendar month, labelled when there is a single panel.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Marker {
    pub(crate) x: f64,
    pub(crate) label: String,
}

/// One item of a stacked bar chart: its value at each x (a year). Items are stacked in order,
/// positive values upwards from zero and negative values downwards.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bars {
    pub(crate) label: String,
    pub(crate) colour: RGBColor,
    pub(crate) values: Vec<(f64, f64)>,
}

/// Width of a bar in units of x (a bar per year, with a gap between years).
const BAR_WIDTH: f64 = 0.7;

/// A labelled horizontal reference line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reference {
    pub(crate) y: f64,
    pub(crate) label: String,
}

/// Everything a chart shows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    /// Title, with units.
    pub(crate) title: String,
    /// How the numbers were computed, in one line.
    pub(crate) subtitle: String,
    pub(crate) x_axis: XAxis,
    /// One panel, or several for small multiples (all share the axes unless
    /// [`Figure::independent_y`]).
    pub(crate) panels: Vec<Panel>,
    /// Stacked bars, drawn under the series (single panel only).
    pub(crate) bars: Vec<Bars>,
    /// Small multiples each get their own value axis (panels in different units).
    pub(crate) independent_y: bool,
    /// What the bands show, for the legend; the 5–95 % range across replications when None.
    pub(crate) band_label: Option<String>,
    pub(crate) markers: Vec<Marker>,
    pub(crate) references: Vec<Reference>,
    /// Highest value the value axis must show, when curves that rise far above the others
    /// would otherwise flatten them (the axis ends at the next round tick, or higher for a
    /// reference line's label): lines are cut where they leave the plot (bands are not: no
    /// chart that sets it has bands). The chart says in its subtitle what is off the scale.
    pub(crate) y_max: Option<f64>,
    /// Bottom line, see [`style::source_line`].
    pub(crate) source: String,
    /// Tick labels of an [`XAxis::Levels`] axis, by level index.
    pub(crate) x_levels: Vec<String>,
    /// What the x axis shows, written under it (overrides the axis's own description).
    pub(crate) x_label: Option<String>,
}

impl Figure {
    /// A single-panel figure.
    pub(crate) fn single(
        title: impl Into<String>,
        subtitle: impl Into<String>,
        x_axis: XAxis,
        series: Vec<Series>,
        source: String,
    ) -> Figure {
        Figure {
            title: title.into(),
            subtitle: subtitle.into(),
            x_axis,
            panels: vec![Panel {
                title: None,
                series,
            }],
            markers: Vec::new(),
            references: Vec::new(),
            y_max: None,
            source,
            bars: Vec::new(),
            independent_y: false,
            band_label: None,
            x_levels: Vec::new(),
            x_label: None,
        }
    }

    /// What is written under the x axis.
    fn x_description(&self) -> Option<&str> {
        self.x_label.as_deref().or(self.x_axis.description())
    }
}

// ---------------------------------------------------------------------------------------------
// Rendering

pub(crate) type Res<T = ()> = Result<T, String>;

pub(crate) fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// Height of digits and capitals as a share of the font size (DejaVu Sans, ab_glyph scale).
const CAP: f64 = 0.63;

pub(crate) fn cap(size: f64) -> i32 {
    (size * CAP).round() as i32
}

pub(crate) struct Painter<'a, DB: DrawingBackend> {
    pub(crate) area: &'a DrawingArea<DB, Shift>,
    /// Rasterise text ourselves (PNG) instead of passing it to the backend (SVG `<text>`).
    pub(crate) raster: bool,
}

impl<DB: DrawingBackend> Painter<'_, DB> {
    /// Draws `text` with its baseline at `baseline`, anchored at `x` on the left, centre or right.
    pub(crate) fn text(
        &self,
        text: &str,
        x: i32,
        baseline: i32,
        size: f64,
        colour: &RGBColor,
        h: HPos,
    ) -> Res {
        if self.raster {
            let w = crate::text::width(text, size);
            let left = match h {
                HPos::Left => f64::from(x),
                HPos::Center => f64::from(x) - w / 2.0,
                HPos::Right => f64::from(x) - w,
            };
            let mut result = Ok(());
            crate::text::rasterise(text, left, f64::from(baseline), size, |px, py, coverage| {
                if result.is_ok() {
                    result = self
                        .area
                        .draw_pixel((px, py), &colour.mix(f64::from(coverage)))
                        .map_err(err);
                }
            });
            return result;
        }
        // plotters writes font-size = size / 1.24 and dy = 0.76em for top-anchored SVG text;
        // choose the size so the SVG em equals the PNG em, and the top so baselines agree.
        let em = crate::text::em(size);
        let style = TextStyle::from((style::FONT, em * 1.24).into_font())
            .color(colour)
            .pos(Pos::new(h, VPos::Top));
        let top = baseline - (0.76 * em).round() as i32;
        self.area.draw_text(text, &style, (x, top)).map_err(err)
    }

    pub(crate) fn width(&self, text: &str, size: f64) -> Res<i32> {
        Ok(crate::text::width(text, size).ceil() as i32)
    }

    pub(crate) fn line(&self, points: Vec<(i32, i32)>, colour: &RGBColor, width: u32) -> Res {
        self.area
            .draw(&PathElement::new(
                points,
                ShapeStyle {
                    color: colour.to_rgba(),
                    filled: false,
                    stroke_width: width,
                },
            ))
            .map_err(err)
    }

    /// A polyline, solid or dashed (dashes follow the path across its corners).
    pub(crate) fn path(
        &self,
        points: &[(i32, i32)],
        colour: &RGBColor,
        width: u32,
        dashed: bool,
    ) -> Res {
        if !dashed {
            return self.line(points.to_vec(), colour, width);
        }
        for piece in dashes(points, 18.0, 10.0) {
            self.line(piece, colour, width)?;
        }
        Ok(())
    }

    fn dashed_vertical(&self, x: i32, y0: i32, y1: i32, colour: &RGBColor) -> Res {
        let (dash, gap) = (12, 9);
        let mut y = y0;
        while y < y1 {
            self.line(vec![(x, y), (x, (y + dash).min(y1))], colour, 2)?;
            y += dash + gap;
        }
        Ok(())
    }

    pub(crate) fn rect(&self, x0: i32, y0: i32, x1: i32, y1: i32, colour: RGBAColor) -> Res {
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], colour.filled()))
            .map_err(err)
    }

    /// Splits `text` into lines no wider than `max_width`.
    pub(crate) fn wrap(&self, text: &str, size: f64, max_width: i32) -> Res<Vec<String>> {
        let mut lines = Vec::new();
        let mut current = String::new();
        for word in text.split_whitespace() {
            let candidate = if current.is_empty() {
                word.to_string()
            } else {
                format!("{current} {word}")
            };
            if !current.is_empty() && self.width(&candidate, size)? > max_width {
                lines.push(std::mem::replace(&mut current, word.to_string()));
            } else {
                current = candidate;
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        Ok(lines)
    }
}

/// Cuts a polyline into dashes of length `on` separated by gaps of length `off` (pixels).
fn dashes(points: &[(i32, i32)], on: f64, off: f64) -> Vec<Vec<(i32, i32)>> {
    let mut out = Vec::new();
    let mut current: Vec<(i32, i32)> = Vec::new();
    let mut drawing = true;
    let mut left = on;
    let at = |a: (i32, i32), b: (i32, i32), t: f64| {
        (
            a.0 + (f64::from(b.0 - a.0) * t).round() as i32,
            a.1 + (f64::from(b.1 - a.1) * t).round() as i32,
        )
    };
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let length = f64::from(b.0 - a.0).hypot(f64::from(b.1 - a.1));
        let mut pos = 0.0;
        if drawing && current.is_empty() {
            current.push(a);
        }
        while length - pos > left {
            pos += left;
            let p = at(a, b, pos / length);
            if drawing {
                current.push(p);
                out.push(std::mem::take(&mut current));
                left = off;
            } else {
                current.push(p);
                left = on;
            }
            drawing = !drawing;
        }
        left -= length - pos;
        if drawing {
            current.push(b);
        }
    }
    if current.len() >= 2 {
        out.push(current);
    }
    out
}

/// The value axis: from `lo` (≤ 0) to `hi`, ticks every `step`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct YTicks {
    pub(crate) lo: f64,
    pub(crate) hi: f64,
    pub(crate) step: f64,
}

impl YTicks {
    /// An axis from min(0, `min`) covering `max`, with about `intervals` ticks.
    pub(crate) fn new(min: f64, max: f64, intervals: f64) -> YTicks {
        let min = if min.is_finite() { min.min(0.0) } else { 0.0 };
        let max = if max.is_finite() && max > min {
            max
        } else {
            min + 1.0
        };
        let step = nice_step(min, max, intervals);
        YTicks {
            lo: (min / step + 1e-9).floor() * step,
            hi: (max / step - 1e-9).ceil() * step,
            step,
        }
    }

    pub(crate) fn values(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round() as i64;
        (0..=n).map(|i| self.lo + i as f64 * self.step).collect()
    }

    pub(crate) fn label(&self, v: f64) -> String {
        style::format_number(v, style::decimals_for(self.step))
    }
}

/// A step of 1, 2 or 5 × 10^k (also 2.5 × 10^k for k ≥ 1: 25, 250, 2,500) giving a number of
/// intervals closest to `target` (ties: fewer intervals).
fn nice_step(min: f64, max: f64, target: f64) -> f64 {
    let raw = (max - min) / target;
    let magnitude = 10f64.powf(raw.log10().floor());
    let mut candidates = vec![
        magnitude,
        2.0 * magnitude,
        5.0 * magnitude,
        10.0 * magnitude,
    ];
    if magnitude >= 10.0 {
        candidates.push(2.5 * magnitude);
    }
    let intervals = |step: f64| ((max / step - 1e-9).ceil() - (min / step + 1e-9).floor()).max(1.0);
    candidates
        .into_iter()
        .min_by(|&a, &b| {
            let da = (intervals(a) - target).abs();
            let db = (intervals(b) - target).abs();
            da.total_cmp(&db).then(b.total_cmp(&a))
        })
        .unwrap_or(1.0)
}

/// The x axis: range and labelled ticks.
struct XTicks {
    lo: f64,
    hi: f64,
    ticks: Vec<(f64, String)>,
}

fn x_ticks<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    fig: &Figure,
    lo: f64,
    hi: f64,
    plot_width: i32,
    tick_size: f64,
) -> Res<XTicks> {
    let axis = fig.x_axis;
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else {
        (lo - 1.0, lo + 1.0)
    };
    if axis == XAxis::Levels {
        // Every level if the labels fit, else every second, third, ...
        let widest = fig
            .x_levels
            .iter()
            .map(|l| p.width(l, tick_size))
            .collect::<Res<Vec<_>>>()?
            .into_iter()
            .max()
            .unwrap_or(0);
        let n = fig.x_levels.len().max(1) as i32;
        let each = (widest + tick_size as i32).max(1);
        let width = plot_width.max(1);
        let every = ((n * each + width - 1) / width).max(1) as usize;
        return Ok(XTicks {
            lo,
            hi,
            ticks: fig
                .x_levels
                .iter()
                .enumerate()
                .filter(|(i, _)| i % every == 0)
                .map(|(i, l)| (i as f64, l.clone()))
                .collect(),
        });
    }
    // Months, quarters, half-years, years, then multi-year steps (or years for a year axis).
    let steps: &[i32] = match axis {
        XAxis::Years => &[1, 2, 5, 10, 20],
        XAxis::Calendar | XAxis::MonthsSince | XAxis::MonthsSinceEntry | XAxis::Levels => {
            &[1, 3, 6, 12, 24, 60, 120, 240]
        }
    };
    let label = |step: i32, m: i32| -> String {
        match axis {
            XAxis::Calendar => {
                let month = crate::data::Month(m);
                if step >= 12 {
                    month.year().to_string()
                } else {
                    crate::lang::format_month(month.year(), month.month_of_year())
                }
            }
            XAxis::MonthsSince | XAxis::MonthsSinceEntry | XAxis::Years | XAxis::Levels => {
                m.to_string()
            }
        }
    };
    let first = lo.ceil() as i32;
    let last = hi.floor() as i32;
    let mut chosen = Vec::new();
    for &step in steps {
        let months: Vec<i32> = (first..=last).filter(|m| m.rem_euclid(step) == 0).collect();
        let widest = months
            .iter()
            .map(|&m| p.width(&label(step, m), tick_size))
            .collect::<Res<Vec<_>>>()?
            .into_iter()
            .max()
            .unwrap_or(0);
        let fits = months.len() as i32 * (widest + tick_size as i32 * 2) <= plot_width;
        chosen = months
            .iter()
            .map(|&m| (f64::from(m), label(step, m)))
            .collect();
        if fits && months.len() <= 12 {
            break;
        }
    }
    Ok(XTicks {
        lo,
        hi,
        ticks: chosen,
    })
}

/// A plot rectangle with its scales.
struct Frame {
    left: i32,
    top: i32,
    right: i32,
    bottom: i32,
    x: (f64, f64),
    y: YTicks,
    /// Lines are cut at the top of the value axis (the figure sets [`Figure::y_max`]).
    cut_top: bool,
}

impl Frame {
    /// The pieces of series `s` as they are drawn, in data coordinates: its runs without
    /// non-finite points, cut where they leave the plot at the top when `cut_top` is set.
    fn pieces(&self, s: &Series) -> Vec<Vec<(f64, f64)>> {
        runs(&s.points)
            .into_iter()
            .flat_map(|run| {
                let pts: Vec<(f64, f64)> = run
                    .iter()
                    .filter(|pt| pt.y.is_finite())
                    .map(|pt| (pt.x, pt.y))
                    .collect();
                if self.cut_top {
                    below_top(&pts, self.y.hi)
                } else {
                    vec![pts]
                }
            })
            .collect()
    }

    fn px(&self, x: f64) -> i32 {
        let t = (x - self.x.0) / (self.x.1 - self.x.0);
        self.left + (t * f64::from(self.right - self.left)).round() as i32
    }

    fn py(&self, y: f64) -> i32 {
        let t = ((y - self.y.lo) / (self.y.hi - self.y.lo)).clamp(0.0, 1.0);
        self.bottom - (t * f64::from(self.bottom - self.top)).round() as i32
    }
}

fn y_label_width<DB: DrawingBackend>(p: &Painter<'_, DB>, y: &YTicks, size: f64) -> Res<i32> {
    y.values()
        .iter()
        .map(|&v| p.width(&y.label(v), size))
        .try_fold(0, |acc, w| w.map(|w| acc.max(w)))
}

/// Grid lines, zero line, tick labels.
fn draw_axes<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    f: &Frame,
    xt: &XTicks,
    tick_size: f64,
) -> Res {
    for v in f.y.values() {
        let y = f.py(v);
        if v.abs() > f.y.step * 1e-9 {
            p.line(vec![(f.left, y), (f.right, y)], &style::GRID, 2)?;
        }
        let baseline = y + cap(tick_size) / 2;
        p.text(
            &f.y.label(v),
            f.left - 14,
            baseline,
            tick_size,
            &style::INK,
            HPos::Right,
        )?;
    }
    let zero = f.py(0.0);
    p.line(vec![(f.left, zero), (f.right, zero)], &style::AXIS_LINE, 2)?;
    for (x, label) in &xt.ticks {
        let px = f.px(*x);
        p.line(
            vec![(px, f.bottom), (px, f.bottom + 9)],
            &style::AXIS_LINE,
            2,
        )?;
        p.text(
            label,
            px,
            f.bottom + 16 + cap(tick_size),
            tick_size,
            &style::INK,
            HPos::Center,
        )?;
    }
    Ok(())
}

/// Splits a series into runs of consecutive points (gap when x jumps by more than 1).
fn runs(points: &[Point]) -> Vec<&[Point]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=points.len() {
        let broken = i == points.len()
            || points[i].x - points[i - 1].x > 1.5
            || !points[i].y.is_finite()
            || !points[i - 1].y.is_finite();
        if broken {
            let run: Vec<_> = points[start..i]
                .iter()
                .filter(|p| p.y.is_finite())
                .collect();
            if !run.is_empty() {
                out.push(&points[start..i]);
            }
            start = i;
        }
    }
    out
}

fn draw_bands<DB: DrawingBackend>(p: &Painter<'_, DB>, f: &Frame, s: &Series) -> Res {
    for run in runs(&s.points) {
        let banded: Vec<(f64, (f64, f64))> = run
            .iter()
            .filter_map(|pt| pt.band.map(|b| (pt.x, b)))
            .filter(|(_, (lo, hi))| lo.is_finite() && hi.is_finite())
            .collect();
        if banded.len() < 2 {
            continue;
        }
        let mut poly: Vec<(i32, i32)> = banded
            .iter()
            .map(|(x, (_, hi))| (f.px(*x), f.py(*hi)))
            .collect();
        poly.extend(
            banded
                .iter()
                .rev()
                .map(|(x, (lo, _))| (f.px(*x), f.py(*lo))),
        );
        p.area
            .draw(&Polygon::new(
                poly,
                s.colour.mix(style::BAND_OPACITY).filled(),
            ))
            .map_err(err)?;
    }
    Ok(())
}

fn draw_series<DB: DrawingBackend>(p: &Painter<'_, DB>, f: &Frame, s: &Series) -> Res {
    for piece in f.pieces(s) {
        let pts: Vec<(i32, i32)> = piece.iter().map(|&(x, y)| (f.px(x), f.py(y))).collect();
        if pts.len() == 1 {
            p.area
                .draw(&Circle::new(pts[0], s.width as i32 + 2, s.colour.filled()))
                .map_err(err)?;
        } else {
            p.path(&pts, &s.colour, s.width, s.dashed)?;
            if s.dots {
                for &pt in &pts {
                    p.area
                        .draw(&Circle::new(pt, s.width as i32 + 5, s.colour.filled()))
                        .map_err(err)?;
                }
            }
        }
    }
    Ok(())
}

/// What a legend entry shows beside its label.
enum Swatch<'a> {
    /// A line as the series is drawn.
    Line(&'a Series),
    /// The band colour (what the bands show).
    Band,
    /// A filled block (a bar item).
    Fill(RGBColor),
}

/// For each x of a stacked bar chart, the bottom of the negative stack and the top of the
/// positive stack (both 0 when empty).
fn bar_extents(bars: &[Bars]) -> Vec<(f64, (f64, f64))> {
    let mut out: Vec<(f64, (f64, f64))> = Vec::new();
    for b in bars {
        for &(x, v) in &b.values {
            if !v.is_finite() {
                continue;
            }
            let i = match out.iter().position(|(ox, _)| *ox == x) {
                Some(i) => i,
                None => {
                    out.push((x, (0.0, 0.0)));
                    out.len() - 1
                }
            };
            if v < 0.0 {
                out[i].1.0 += v;
            } else {
                out[i].1.1 += v;
            }
        }
    }
    out
}

/// The range of values (and bands) of some series, including 0.
fn value_range(series: &[Series]) -> (f64, f64) {
    let (mut lo, mut hi) = (0.0f64, f64::NEG_INFINITY);
    for pt in series.iter().flat_map(|s| &s.points) {
        if pt.y.is_finite() {
            lo = lo.min(pt.y);
            hi = hi.max(pt.y);
        }
        if let Some((a, b)) = pt.band.filter(|(a, b)| a.is_finite() && b.is_finite()) {
            lo = lo.min(a);
            hi = hi.max(b);
        }
    }
    (lo, hi)
}

/// Stacked bars: at each x, the items in order, positive values upwards from zero and
/// negative values downwards, each block outlined in white so neighbours stay apart.
fn draw_bars<DB: DrawingBackend>(p: &Painter<'_, DB>, f: &Frame, bars: &[Bars]) -> Res {
    let mut up: Vec<(f64, f64)> = Vec::new();
    let mut down: Vec<(f64, f64)> = Vec::new();
    let half = BAR_WIDTH / 2.0;
    for b in bars {
        for &(x, v) in &b.values {
            if !v.is_finite() || v == 0.0 {
                continue;
            }
            let stack = if v < 0.0 { &mut down } else { &mut up };
            let base = match stack.iter_mut().find(|(sx, _)| *sx == x) {
                Some(entry) => entry,
                None => {
                    stack.push((x, 0.0));
                    stack.last_mut().expect("just pushed")
                }
            };
            let (y0, y1) = (base.1, base.1 + v);
            base.1 = y1;
            let (left, right) = (f.px(x - half), f.px(x + half));
            let (top, bottom) = (f.py(y0.max(y1)), f.py(y0.min(y1)));
            p.rect(left, top, right, bottom, b.colour.to_rgba())?;
            p.line(vec![(left, top), (right, top)], &WHITE, 2)?;
        }
    }
    Ok(())
}

/// The pieces of the line through `pts` that lie at or below `top`, cut where the line crosses
/// it (so a curve that leaves the plot at the top ends on its edge instead of running along it).
fn below_top(pts: &[(f64, f64)], top: f64) -> Vec<Vec<(f64, f64)>> {
    let mut pieces = Vec::new();
    let mut piece: Vec<(f64, f64)> = Vec::new();
    for (i, &(x, y)) in pts.iter().enumerate() {
        if let Some(&(px, py)) = i.checked_sub(1).map(|k| &pts[k])
            && (py > top) != (y > top)
        {
            // The crossing, unless the point inside lies on the edge already.
            let inside = if y > top { py } else { y };
            if inside < top {
                piece.push((px + (top - py) / (y - py) * (x - px), top));
            }
            if y > top {
                pieces.push(std::mem::take(&mut piece));
            }
        }
        if y <= top {
            piece.push((x, y));
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

fn draw_references<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    f: &Frame,
    refs: &[Reference],
    series: &[&Series],
    label: bool,
) -> Res {
    for r in refs {
        let y = f.py(r.y);
        p.line(vec![(f.left, y), (f.right, y)], &style::MARKER, 3)?;
        if label {
            let w = p.width(&r.label, size::ANNOTATION)?;
            let spot = reference_label_spot(f, y, w, cap(size::ANNOTATION), series);
            p.text(
                &r.label,
                spot.x,
                spot.baseline,
                size::ANNOTATION,
                &style::MUTED,
                if spot.right_aligned {
                    HPos::Right
                } else {
                    HPos::Left
                },
            )?;
        }
    }
    Ok(())
}

/// Where a reference line's label goes.
#[derive(Debug, Clone, Copy, PartialEq)]
struct LabelSpot {
    /// The label's right end when `right_aligned`, otherwise its left end.
    x: i32,
    baseline: i32,
    right_aligned: bool,
}

/// Picks the spot for the label (`w` pixels wide, `cap` high) of the reference line at pixel
/// row `y`: above or below the line, at its right or left end, whichever is crossed by the
/// fewest segments of the series drawn (in that order of preference when tied), so that a
/// curve running along the line does not write over the label.
fn reference_label_spot(f: &Frame, y: i32, w: i32, cap: i32, series: &[&Series]) -> LabelSpot {
    let above = y - 12;
    let below = y + 12 + cap;
    let candidates = [
        (f.right, above, true),
        (f.right, below, true),
        (f.left + 12, above, false),
        (f.left + 12, below, false),
    ];
    // The segments as drawn (a line cut at the top is not there above it).
    let segments: Vec<((i32, i32), (i32, i32))> = series
        .iter()
        .flat_map(|s| f.pieces(s))
        .flat_map(|piece| {
            let pts: Vec<(i32, i32)> = piece.iter().map(|&(x, y)| (f.px(x), f.py(y))).collect();
            let pairs: Vec<_> = pts.windows(2).map(|ab| (ab[0], ab[1])).collect();
            if pts.len() == 1 {
                vec![(pts[0], pts[0])]
            } else {
                pairs
            }
        })
        .collect();
    let crossings = |&(x, baseline, right_aligned): &(i32, i32, bool)| {
        let left = if right_aligned { x - w } else { x };
        // The label's box with a margin of the lines' width.
        let (x0, x1, y0, y1) = (left - 4, left + w + 4, baseline - cap - 4, baseline + 4);
        segments
            .iter()
            .filter(|&&(a, b)| segment_meets_box(a, b, (x0, x1, y0, y1)))
            .count()
    };
    let best = candidates
        .iter()
        .min_by_key(|c| crossings(c))
        .expect("four candidates");
    LabelSpot {
        x: best.0,
        baseline: best.1,
        right_aligned: best.2,
    }
}

/// True when the segment from `a` to `b` touches the box `(x0, x1, y0, y1)` (pixels,
/// `x0 <= x1`, `y0 <= y1`): clipping the segment's parameter range to the box's slabs.
fn segment_meets_box(a: (i32, i32), b: (i32, i32), (x0, x1, y0, y1): (i32, i32, i32, i32)) -> bool {
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, d, lo, hi) in [(a.0, b.0 - a.0, x0, x1), (a.1, b.1 - a.1, y0, y1)] {
        let (p, d, lo, hi) = (f64::from(p), f64::from(d), f64::from(lo), f64::from(hi));
        if d == 0.0 {
            if p < lo || p > hi {
                return false;
            }
        } else {
            let (mut ta, mut tb) = ((lo - p) / d, (hi - p) / d);
            if ta > tb {
                std::mem::swap(&mut ta, &mut tb);
            }
            t0 = t0.max(ta);
            t1 = t1.min(tb);
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

/// A placed event label.
struct Flag {
    row: usize,
    a: i32,
    b: i32,
    px: i32,
    text_x: i32,
    h: HPos,
}

/// Puts event labels into rows above the plot so that no label overlaps another label or
/// crosses another event's line.
fn place_flags(widths: &[(i32, i32)], right_limit: i32) -> Vec<Flag> {
    let mut flags: Vec<Flag> = Vec::new();
    for &(px, w) in widths {
        let (a, b, text_x, h) = if px + 10 + w <= right_limit {
            (px + 10, px + 10 + w, px + 10, HPos::Left)
        } else {
            (px - 10 - w, px - 10, px - 10, HPos::Right)
        };
        let ok = |row: usize| {
            flags.iter().all(|f| {
                if f.row == row {
                    b + 24 < f.a || a > f.b + 24
                } else if f.row > row {
                    // f is below: our line crosses f's row.
                    px < f.a - 8 || px > f.b + 8
                } else {
                    // f is above: its line crosses our row.
                    f.px < a - 8 || f.px > b + 8
                }
            })
        };
        let row = (0..).find(|&r| ok(r)).unwrap_or(0);
        flags.push(Flag {
            row,
            a,
            b,
            px,
            text_x,
            h,
        });
    }
    flags
}

/// Draws the title and the subtitle (wrapped to `right − left`) at the top of the canvas and
/// returns the baseline of the last line.
pub(crate) fn draw_heading<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    title: &str,
    subtitle: &str,
    left: i32,
    right: i32,
) -> Res<i32> {
    let mut baseline = 38 + cap(size::TITLE);
    for line in p.wrap(title, size::TITLE, right - left)? {
        p.text(&line, left, baseline, size::TITLE, &style::INK, HPos::Left)?;
        baseline += (size::TITLE * 1.2) as i32;
    }
    baseline -= (size::TITLE * 1.2) as i32;
    baseline += 18;
    for line in p.wrap(subtitle, size::SUBTITLE, right - left)? {
        baseline += (size::SUBTITLE * 1.35) as i32;
        p.text(
            &line,
            left,
            baseline,
            size::SUBTITLE,
            &style::MUTED,
            HPos::Left,
        )?;
    }
    Ok(baseline)
}

/// Draws `fig` on `area` (which should be [`style::CANVAS`] sized, but any size works).
///
/// With `raster`, text is rasterised by [`crate::text`] (use for bitmaps); otherwise it is
/// handed to the backend (use for SVG, where it becomes `<text>`).
pub(crate) fn render<DB: DrawingBackend>(
    fig: &Figure,
    area: &DrawingArea<DB, Shift>,
    raster: bool,
) -> Res {
    let p = Painter { area, raster };
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    area.fill(&WHITE).map_err(err)?;

    let left = 44;
    let right = w - 60;
    let single = fig.panels.len() <= 1;

    let mut baseline = draw_heading(&p, &fig.title, &fig.subtitle, left, right)?;

    // Legend.
    let with_band = fig
        .panels
        .iter()
        .flat_map(|panel| &panel.series)
        .any(|s| s.points.iter().filter(|pt| pt.band.is_some()).count() >= 2);
    let mut entries: Vec<(String, Swatch<'_>)> = Vec::new();
    for b in &fig.bars {
        entries.push((b.label.clone(), Swatch::Fill(b.colour)));
    }
    for s in fig.panels.iter().flat_map(|panel| &panel.series) {
        if !entries.iter().any(|(l, _)| *l == s.label) {
            entries.push((s.label.clone(), Swatch::Line(s)));
        }
    }
    if with_band {
        let label = fig
            .band_label
            .clone()
            .unwrap_or_else(|| tr("5–95 % range across replications").to_string());
        entries.push((label, Swatch::Band));
    }
    if !entries.is_empty() {
        baseline += (size::LEGEND * 1.9) as i32;
        let mut x = left;
        let swatch = 46;
        for (label, series) in &entries {
            let tw = p.width(label, size::LEGEND)?;
            let entry_w = swatch + 14 + tw;
            if x > left && x + entry_w > right {
                x = left;
                baseline += (size::LEGEND * 1.5) as i32;
            }
            let mid = baseline - cap(size::LEGEND) / 2;
            match series {
                Swatch::Line(s) => {
                    p.path(&[(x, mid), (x + swatch, mid)], &s.colour, s.width, s.dashed)?;
                }
                Swatch::Band => p.rect(
                    x,
                    mid - 13,
                    x + swatch,
                    mid + 13,
                    style::AXIS_LINE.mix(style::BAND_OPACITY),
                )?,
                Swatch::Fill(colour) => {
                    p.rect(x + 8, mid - 13, x + swatch - 8, mid + 13, colour.to_rgba())?;
                }
            }
            p.text(
                label,
                x + swatch + 14,
                baseline,
                size::LEGEND,
                &style::INK,
                HPos::Left,
            )?;
            x += entry_w + 44;
        }
    }
    let header_bottom = baseline + 14;

    // Scales shared by all panels.
    let all_points = || {
        fig.panels
            .iter()
            .flat_map(|panel| &panel.series)
            .flat_map(|s| &s.points)
    };
    let (mut x_lo, mut x_hi) = (f64::INFINITY, f64::NEG_INFINITY);
    let (mut y_lo, mut y_hi) = (0.0f64, f64::NEG_INFINITY);
    for pt in all_points() {
        if !pt.y.is_finite() {
            continue;
        }
        x_lo = x_lo.min(pt.x);
        x_hi = x_hi.max(pt.x);
        y_lo = y_lo.min(pt.y);
        y_hi = y_hi.max(pt.y);
        if let Some((lo, hi)) = pt.band {
            if lo.is_finite() && hi.is_finite() {
                y_lo = y_lo.min(lo);
                y_hi = y_hi.max(hi);
            }
        }
    }
    for (x, (lo, hi)) in bar_extents(&fig.bars) {
        x_lo = x_lo.min(x - 0.5);
        x_hi = x_hi.max(x + 0.5);
        y_lo = y_lo.min(lo);
        y_hi = y_hi.max(hi);
    }
    if let Some(top) = fig.y_max {
        y_hi = y_hi.min(top);
    }
    for r in &fig.references {
        // Room above a reference line for its label.
        y_hi = y_hi.max(r.y * 1.08);
    }
    if !x_lo.is_finite() {
        (x_lo, x_hi) = (0.0, 1.0);
    }
    if fig.x_axis.description().is_some() {
        x_lo = x_lo.min(0.0);
    }
    if fig.x_axis == XAxis::Levels {
        // Every level, with room either side.
        (x_lo, x_hi) = (-0.4, fig.x_levels.len().max(1) as f64 - 0.6);
    }
    let markers: Vec<&Marker> = fig
        .markers
        .iter()
        .filter(|m| m.x >= x_lo && m.x <= x_hi)
        .collect();

    // Bottom: source line, x axis description.
    let source_baseline = h - 30;
    p.text(
        &fig.source,
        left,
        source_baseline,
        size::SOURCE,
        &style::MUTED,
        HPos::Left,
    )?;
    let mut bottom_limit = source_baseline - cap(size::SOURCE) - 26;
    if let Some(description) = fig.x_description() {
        let desc_baseline = bottom_limit;
        p.text(
            description,
            (left + right) / 2,
            desc_baseline,
            size::AXIS,
            &style::INK,
            HPos::Center,
        )?;
        bottom_limit = desc_baseline - cap(size::AXIS) - 18;
    }

    if single {
        let tick = size::TICK;
        let y = YTicks::new(y_lo, y_hi, 5.0);
        let plot_left = left + y_label_width(&p, &y, tick)? + 14;
        let plot_bottom = bottom_limit - 16 - cap(tick);
        let xt = x_ticks(&p, fig, x_lo, x_hi, right - plot_left, tick)?;

        // Event labels in rows above the plot.
        let proto = Frame {
            left: plot_left,
            top: 0,
            right,
            bottom: plot_bottom,
            x: (xt.lo, xt.hi),
            y,
            cut_top: fig.y_max.is_some(),
        };
        let widths: Vec<(i32, i32)> = markers
            .iter()
            .map(|m| Ok((proto.px(m.x), p.width(&m.label, size::ANNOTATION)?)))
            .collect::<Res<_>>()?;
        let flags = place_flags(&widths, w - 12);
        let rows = flags.iter().map(|f| f.row + 1).max().unwrap_or(0) as i32;
        let row_h = (size::ANNOTATION * 1.45) as i32;
        let band_top = header_bottom + 10;
        let plot_top = band_top + rows * row_h + if rows > 0 { 16 } else { 18 };
        let frame = Frame {
            top: plot_top,
            ..proto
        };

        draw_axes(&p, &frame, &xt, tick)?;
        draw_bars(&p, &frame, &fig.bars)?;
        for s in fig.panels.iter().flat_map(|panel| &panel.series) {
            draw_bands(&p, &frame, s)?;
        }
        for (m, f) in markers.iter().zip(&flags) {
            let row_top = band_top + f.row as i32 * row_h;
            p.dashed_vertical(f.px, row_top + 4, frame.bottom, &style::MARKER)?;
            p.text(
                &m.label,
                f.text_x,
                row_top + 6 + cap(size::ANNOTATION),
                size::ANNOTATION,
                &style::MUTED,
                f.h,
            )?;
        }
        let all: Vec<&Series> = fig.panels.iter().flat_map(|panel| &panel.series).collect();
        draw_references(&p, &frame, &fig.references, &all, true)?;
        for s in fig.panels.iter().flat_map(|panel| &panel.series) {
            draw_series(&p, &frame, s)?;
        }
        return Ok(());
    }

    // Small multiples.
    let n = fig.panels.len();
    let cols = match n {
        0..=3 => n.max(1),
        4 => 2,
        5 | 6 | 9 => 3,
        7 | 8 | 10..=12 | 16 => 4,
        _ => ((n as f64 * 1.5).sqrt().ceil() as usize).clamp(1, n),
    };
    let rows = n.div_ceil(cols);
    let (gap_x, gap_y) = (60, 34);
    let top = header_bottom + 16;
    let cell_w = (right - left - gap_x * (cols as i32 - 1)) / cols as i32;
    let cell_h = (bottom_limit - top - gap_y * (rows as i32 - 1)) / rows as i32;
    let tick = size::PANEL_TICK;
    let shared = YTicks::new(y_lo, y_hi, 4.0);
    let mut label_w = y_label_width(&p, &shared, tick)?;
    let own_scales: Vec<YTicks> = if fig.independent_y {
        fig.panels
            .iter()
            .map(|panel| {
                let (lo, hi) = value_range(&panel.series);
                YTicks::new(lo, hi, 4.0)
            })
            .collect()
    } else {
        Vec::new()
    };
    for y in &own_scales {
        label_w = label_w.max(y_label_width(&p, y, tick)?);
    }
    for (i, panel) in fig.panels.iter().enumerate() {
        let y = own_scales.get(i).copied().unwrap_or(shared);
        let cx = left + (i % cols) as i32 * (cell_w + gap_x);
        let cy = top + (i / cols) as i32 * (cell_h + gap_y);
        if let Some(title) = &panel.title {
            // A long title is set smaller (down to 75 %), then shortened with an ellipsis.
            let mut font = size::PANEL_TITLE;
            while p.width(title, font)? > cell_w && font > size::PANEL_TITLE * 0.75 {
                font *= 0.95;
            }
            let mut text = title.clone();
            let mut keep = title.chars().count();
            while p.width(&text, font)? > cell_w && keep > 1 {
                keep -= 1;
                let head: String = title.chars().take(keep).collect();
                text = format!("{}…", head.trim_end());
            }
            p.text(
                &text,
                cx,
                cy + cap(size::PANEL_TITLE),
                font,
                &style::INK,
                HPos::Left,
            )?;
        }
        let plot_left = cx + label_w + 12;
        let plot_right = cx + cell_w;
        let xt = x_ticks(&p, fig, x_lo, x_hi, plot_right - plot_left, tick)?;
        let frame = Frame {
            left: plot_left,
            top: cy + cap(size::PANEL_TITLE) + 26,
            right: plot_right,
            bottom: cy + cell_h - 16 - cap(tick),
            x: (xt.lo, xt.hi),
            y,
            cut_top: fig.y_max.is_some(),
        };
        draw_axes(&p, &frame, &xt, tick)?;
        for s in &panel.series {
            draw_bands(&p, &frame, s)?;
        }
        for m in &markers {
            p.dashed_vertical(frame.px(m.x), frame.top, frame.bottom, &style::MARKER_LIGHT)?;
        }
        let own: Vec<&Series> = panel.series.iter().collect();
        draw_references(&p, &frame, &fig.references, &own, i == 0)?;
        for s in &panel.series {
            draw_series(&p, &frame, s)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(0.0, 8.3, 5.0), 2.0);
        assert_eq!(nice_step(0.0, 7.7, 4.0), 2.0);
        assert_eq!(nice_step(0.0, 1.08, 5.0), 0.2);
        assert_eq!(nice_step(0.0, 100.0, 5.0), 20.0);
        assert_eq!(nice_step(0.0, 31_000.0, 5.0), 10_000.0);
        assert_eq!(nice_step(0.0, 27_000.0, 5.0), 5_000.0);
        assert_eq!(nice_step(0.0, 12_000.0, 5.0), 2_500.0);
    }

    #[test]
    fn y_axis_starts_at_zero() {
        let y = YTicks::new(3.2, 11.7, 5.0);
        assert_eq!(y.lo, 0.0);
        assert!(y.hi >= 11.7);
        assert_eq!(y.values().first(), Some(&0.0));
    }

    #[test]
    fn dashes_cover_the_path() {
        let pieces = dashes(&[(0, 0), (100, 0)], 20.0, 10.0);
        // 0–20, 30–50, 60–80, 90–100.
        assert_eq!(pieces.len(), 4);
        assert_eq!(pieces[0], vec![(0, 0), (20, 0)]);
        assert_eq!(pieces[1], vec![(30, 0), (50, 0)]);
        assert_eq!(pieces[3], vec![(90, 0), (100, 0)]);
        // Across a corner the dash bends with the path.
        let pieces = dashes(&[(0, 0), (10, 0), (10, 30)], 20.0, 10.0);
        assert_eq!(pieces[0], vec![(0, 0), (10, 0), (10, 10)]);
    }

    #[test]
    fn segments_meet_boxes_only_where_they_cross() {
        let b = (10, 20, 10, 20);
        assert!(segment_meets_box((0, 15), (30, 15), b)); // straight through
        assert!(segment_meets_box((12, 12), (12, 12), b)); // a point inside
        assert!(segment_meets_box((0, 0), (30, 30), b)); // diagonal through the corner region
        assert!(!segment_meets_box((0, 0), (30, 0), b)); // passes above
        assert!(!segment_meets_box((0, 30), (9, 0), b)); // ends left of it
        assert!(!segment_meets_box((0, 12), (8, 30), b));
    }

    #[test]
    fn reference_labels_avoid_the_curves() {
        let frame = Frame {
            left: 100,
            top: 100,
            right: 1100,
            bottom: 600,
            x: (0.0, 100.0),
            y: YTicks::new(0.0, 120.0, 5.0),
            cut_top: false,
        };
        let y = frame.py(100.0);
        let flat =
            |level: f64| Series::line("s", style::INK, (0..=100).map(|x| (f64::from(x), level)));
        // Nothing near the line: the label goes above it, at the right.
        let far = flat(20.0);
        let spot = reference_label_spot(&frame, y, 120, 15, &[&far]);
        assert_eq!((spot.x, spot.right_aligned), (1100, true));
        assert!(spot.baseline < y);
        // A curve just above the line on the right half: below it, at the right.
        let rising = Series::line(
            "r",
            style::INK,
            (0..=100).map(|x| (f64::from(x), if x < 50 { 50.0 } else { 104.0 })),
        );
        let spot = reference_label_spot(&frame, y, 120, 15, &[&rising]);
        assert_eq!((spot.x, spot.right_aligned), (1100, true));
        assert!(spot.baseline > y);
        // Curves just above and just below on the right half: at the left.
        let falling = Series::line(
            "f",
            style::INK,
            (0..=100).map(|x| (f64::from(x), if x < 50 { 50.0 } else { 96.0 })),
        );
        let spot = reference_label_spot(&frame, y, 120, 15, &[&rising, &falling]);
        assert_eq!((spot.x, spot.right_aligned), (112, false));
    }

    #[test]
    fn lines_are_cut_at_the_top() {
        // Entirely below: one piece, unchanged.
        let low = [(0.0, 1.0), (1.0, 2.0), (2.0, 3.0)];
        assert_eq!(below_top(&low, 10.0), vec![low.to_vec()]);
        // Leaves at the top between x = 1 and 2 (crossing at 1.5) and never comes back.
        let rising = [(0.0, 0.0), (1.0, 5.0), (2.0, 15.0), (3.0, 30.0)];
        assert_eq!(
            below_top(&rising, 10.0),
            vec![vec![(0.0, 0.0), (1.0, 5.0), (1.5, 10.0)]]
        );
        // Goes out and comes back: two pieces, each ending or starting on the edge.
        let hump = [(0.0, 0.0), (1.0, 20.0), (2.0, 0.0)];
        assert_eq!(
            below_top(&hump, 10.0),
            vec![vec![(0.0, 0.0), (0.5, 10.0)], vec![(1.5, 10.0), (2.0, 0.0)]]
        );
        // Entirely above: nothing.
        assert!(below_top(&[(0.0, 11.0), (1.0, 12.0)], 10.0).is_empty());
        // A point on the edge between two above it stays one point, not three.
        assert_eq!(
            below_top(&[(0.0, 20.0), (1.0, 10.0), (2.0, 20.0)], 10.0),
            vec![vec![(1.0, 10.0)]]
        );
    }

    #[test]
    fn flags_do_not_overlap() {
        // Two events close together: the second label must go to another row.
        let flags = place_flags(&[(300, 400), (420, 200)], 1600);
        assert_eq!(flags[0].row, 0);
        assert_ne!(flags[1].row, flags[0].row);
        // Far apart: same row.
        let flags = place_flags(&[(300, 200), (900, 200)], 1600);
        assert_eq!(flags[1].row, 0);
    }
}
