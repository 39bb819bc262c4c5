//! `report.html` of a sweep: what was run (design, points, arms, replications, time), the
//! mean of each kept indicator by point and arm with its 95 % interval, each arm's paired
//! effect against the first arm, the charts, and the sweep file as written. Self-contained
//! like the run report (inline CSS and SVG, no scripts, nothing loaded).

use crate::lang::{count, msg, tr, trf};
use crate::style::replications;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::data::{MeanCi, SweepData, mean_ci};
use crate::report::{CSS, escape, inline_svg};
use crate::style;

/// Points listed in the tables; beyond that the report points to `aggregate.csv`.
const MAX_POINTS: usize = 40;

fn number(v: f64) -> String {
    let decimals = match v.abs() {
        a if a >= 100.0 => 0,
        a if a >= 10.0 => 1,
        _ => 2,
    };
    style::format_number(v, decimals)
}

fn cell(m: Option<MeanCi>, signed: bool) -> String {
    let Some(m) = m else {
        return "–".to_string();
    };
    let show = |v: f64| {
        let t = number(v);
        if signed && v > 0.0 {
            format!("+{t}")
        } else {
            t
        }
    };
    match m.ci {
        Some((lo, hi)) => format!(
            "{}<br><span class=\"ci\">{}</span>",
            show(m.mean),
            trf(
                "{low} to {high}",
                &[("low", &show(lo)), ("high", &show(hi))]
            )
        ),
        None => show(m.mean),
    }
}

/// The report.
pub(crate) fn html(data: &SweepData, figures: &[(String, String)]) -> String {
    let m = &data.manifest;
    let mut out = String::new();
    let name = escape(&m.sweep_file);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}\n.ci {{ color: #666; font-size: 0.85em; }}  table.sweep {{ width: auto; max-width: 100%; font-size: 0.85em; }} table.sweep td, table.sweep th {{ white-space: normal; }}</style>\n</head>\n<body>\n<main>\n",
        crate::lang::current().code(),
        trf("Wandel sweep: {name}", &[("name", &name)])
    );
    let merged = if m.merged_from.is_empty() {
        String::new()
    } else {
        trf(", merged from {n} shards", &[("n", &m.merged_from.len())])
    };
    let _ = writeln!(
        out,
        "<header>\n<p class=\"kicker\">{}</p>\n<h1>{name}</h1>\n<p class=\"lede\">{}</p>\n</header>",
        tr("Wandel sweep report"),
        trf(
            "{points} × {arms} × {reps} = {runs} ({failed} failed) of {base}; design {design}, \
             seed {seed}; {seconds} s on {threads}{merged}.",
            &[
                (
                    "points",
                    &count(m.points as u64, msg("{n} point"), msg("{n} points"))
                ),
                (
                    "arms",
                    &count(m.arms.len() as u64, msg("{n} arm"), msg("{n} arms"))
                ),
                ("reps", &replications(m.replications)),
                (
                    "runs",
                    &count(m.runs as u64, msg("{n} run"), msg("{n} runs"))
                ),
                ("failed", &m.failed),
                (
                    "base",
                    &format!("<code>{}</code>", escape(&m.base_scenario))
                ),
                ("design", &escape(&m.design)),
                ("seed", &m.seed),
                ("seconds", &style::format_number(m.wall_seconds, 1)),
                (
                    "threads",
                    &count(m.threads as u64, msg("{n} thread"), msg("{n} threads"))
                ),
                ("merged", &merged),
            ]
        )
    );
    if !m.complete {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            tr("This sweep is not complete: the tables and charts show the runs done so far.")
        );
    }

    // Values by point and arm.
    let mut groups: BTreeMap<(usize, usize), Vec<&super::data::Run>> = BTreeMap::new();
    for r in &data.runs {
        groups.entry((r.point, r.arm)).or_default().push(r);
    }
    let points: Vec<usize> = {
        let mut p: Vec<usize> = data.runs.iter().map(|r| r.point).collect();
        p.sort_unstable();
        p.dedup();
        p
    };
    let shown = points.len().min(MAX_POINTS);
    // One narrow table per indicator (points down, arms across), so that a sweep with many
    // indicators still fits an A4 page on screen and in print.
    let head = |out: &mut String, title: &str, arms: &[&String]| {
        let _ = write!(
            out,
            "<h3>{}</h3>\n<table class=\"sweep\">\n<thead><tr><th>{}</th>",
            escape(title),
            tr("Point")
        );
        for p in &m.parameters {
            let _ = write!(
                out,
                "<th>{}</th>",
                escape(&super::charts::parameter_name(data, p))
            );
        }
        for a in arms {
            let _ = write!(out, "<th class=\"num\">{}</th>", escape(a));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
    };
    let row_start = |out: &mut String, p: usize, runs: &[&super::data::Run]| {
        let _ = write!(out, "<tr><td>{p}</td>");
        for v in &runs[0].params {
            let _ = write!(out, "<td>{}</td>", escape(v));
        }
    };
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", tr("Mean by point and arm"));
    let all_arms: Vec<&String> = m.arms.iter().collect();
    for (i, k) in m.keep.iter().enumerate() {
        head(&mut out, &super::charts::title_of(data, k), &all_arms);
        for &p in &points[..shown] {
            let Some(first) = (0..m.arms.len()).find_map(|a| groups.get(&(p, a))) else {
                continue;
            };
            row_start(&mut out, p, first);
            for a in 0..m.arms.len() {
                let values: Vec<f64> = groups
                    .get(&(p, a))
                    .map(|runs| runs.iter().map(|r| r.values[i]).collect())
                    .unwrap_or_default();
                let _ = write!(
                    out,
                    "<td class=\"num\">{}</td>",
                    cell(mean_ci(&values), false)
                );
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
    let _ = writeln!(
        out,
        "<p class=\"note\">{}{}</p>\n</section>",
        tr(
            "Mean over the replications that succeeded, and under it the 95&nbsp;% confidence \
            interval of that mean (Student's t)."
        ),
        if shown < points.len() {
            format!(
                " {}",
                trf(
                    "The first {shown} of {n} points are listed; aggregate.csv has them all.",
                    &[("shown", &shown), ("n", &points.len())]
                )
            )
        } else {
            String::new()
        }
    );

    if m.arms.len() > 1 {
        let _ = writeln!(
            out,
            "<section>\n<h2>{}</h2>",
            trf(
                "Paired effect against {arm}",
                &[("arm", &escape(&m.arms[0]))]
            )
        );
        let others: Vec<&String> = m.arms.iter().skip(1).collect();
        for (i, k) in m.keep.iter().enumerate() {
            head(&mut out, &super::charts::effect_title_of(data, k), &others);
            for &p in &points[..shown] {
                let Some(base) = groups.get(&(p, 0)) else {
                    continue;
                };
                row_start(&mut out, p, base);
                for a in 1..m.arms.len() {
                    let diffs: Vec<f64> = groups
                        .get(&(p, a))
                        .map(|runs| {
                            runs.iter()
                                .filter_map(|r| {
                                    let b = base.iter().find(|b| b.replication == r.replication)?;
                                    Some(r.values[i] - b.values[i])
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    let _ = write!(
                        out,
                        "<td class=\"num\">{}</td>",
                        cell(mean_ci(&diffs), true)
                    );
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>\n</section>",
            trf(
                "Mean of the differences between replication k of each arm and replication k of \
                 {arm} at the same point (the same seed: common random numbers), and its \
                 95&nbsp;% confidence interval; effects on rates in percentage points. \
                 aggregate.csv also gives each effect's standard error paired and unpaired.",
                &[("arm", &escape(&m.arms[0]))]
            )
        );
    }

    let _ = writeln!(out, "<section>\n<h2>{}</h2>", tr("Charts"));
    if figures.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            tr("No parameter takes more than one value: nothing to chart.")
        );
    }
    for (title, svg) in figures {
        let _ = writeln!(out, "<figure>\n{}\n</figure>", inline_svg(svg, title));
    }
    out.push_str("</section>\n");
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<pre>{}</pre>\n</section>\n</main>\n</body>\n</html>",
        tr("Sweep file"),
        escape(&m.sweep_text)
    );
    out
}
