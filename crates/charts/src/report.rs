//! `report.html`: a self-contained briefing report (inline CSS, charts as inline SVG, no
//! scripts, no external URL, no web fonts), readable offline and printable.

use crate::lang::{format_month_text, tr, tr_dyn, trf};
use crate::style::replications;
use std::fmt::Write as _;

use crate::data::{EffectSummary, Indicator, Manifest, Summary};
use crate::style;

/// One entry of the chart section.
pub(crate) enum Item {
    /// A chart, as SVG markup from plotters.
    Chart { title: String, svg: String },
    /// A chart left out, and why.
    Skipped { name: &'static str, reason: String },
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Makes plotters' standalone SVG suitable for inlining: drops the `xmlns` URL (implied in
/// HTML) and the fixed size (CSS scales it), labels it for screen readers.
pub(crate) fn inline_svg(svg: &str, title: &str) -> String {
    let Some(start) = svg.find("<svg") else {
        return String::new();
    };
    let Some(end) = svg[start..].find('>').map(|e| start + e) else {
        return String::new();
    };
    let open = &svg[start..end];
    let view_box = open
        .split("viewBox=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("0 0 1600 1000");
    format!(
        "<svg viewBox=\"{}\" role=\"img\" aria-label=\"{}\">{}",
        escape(view_box),
        escape(title),
        &svg[end + 1..]
    )
}

/// Formats an indicator value; fractions and shares are shown in percent.
fn value(v: Option<f64>, unit: &str) -> String {
    let Some(v) = v.filter(|v| v.is_finite()) else {
        return "–".to_string();
    };
    if is_fraction(unit) {
        return format!("{}&nbsp;%", style::format_number(v * 100.0, 1));
    }
    let decimals = match v.abs() {
        a if a >= 100.0 => 0,
        a if a >= 10.0 => 1,
        _ => 2,
    };
    style::format_number(v, decimals)
}

/// The unit as shown in a table: `%` for fractions and shares, otherwise the unit, escaped.
fn unit_label(unit: &str) -> String {
    if is_fraction(unit) {
        "%".to_string()
    } else {
        escape(&tr_dyn(unit))
    }
}

fn is_fraction(unit: &str) -> bool {
    matches!(unit.trim(), "fraction" | "share")
}

fn indicator_row(out: &mut String, i: &Indicator) {
    let unit = unit_label(&i.unit);
    let range = |lo: Option<f64>, hi: Option<f64>| match (lo, hi) {
        (None, None) => "–".to_string(),
        (lo, hi) => trf(
            "{low} to {high}",
            &[("low", &value(lo, &i.unit)), ("high", &value(hi, &i.unit))],
        ),
    };
    let label = tr_dyn(&i.label.clone().unwrap_or_else(|| humanise(&i.name)));
    let base = match (i.workers, i.replications) {
        (Some(w), Some(r)) => trf(
            "{workers} workers, {runs} runs",
            &[
                ("workers", &style::format_number(w as f64, 0)),
                ("runs", &r),
            ],
        ),
        (None, Some(r)) => trf("{runs} runs", &[("runs", &r)]),
        _ => "–".to_string(),
    };
    if let Some(reason) = &i.suppressed {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"note\" colspan=\"3\">{}</td>\
             <td class=\"num\">{}</td></tr>",
            escape(&label),
            unit,
            escape(&trf(
                "suppressed: {reason}",
                &[("reason", &crate::console::reason(reason))]
            )),
            base
        );
        return;
    }
    let _ = writeln!(
        out,
        "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
        escape(&label),
        unit,
        value(i.mean, &i.unit),
        range(i.ci95_low, i.ci95_high),
        range(i.p05, i.p95),
        base
    );
}

/// One row of the effects table.
fn effect_row(out: &mut String, e: &EffectSummary) {
    let signed = |v: Option<f64>| match v.filter(|v| v.is_finite()) {
        Some(v) if v > 0.0 => format!("+{}", value(Some(v), &e.unit)),
        other => value(other, &e.unit).replace('-', "−"),
    };
    let ci = match (e.ci95_low, e.ci95_high) {
        (Some(lo), Some(hi)) => trf(
            "{low} to {high}",
            &[("low", &signed(Some(lo))), ("high", &signed(Some(hi)))],
        ),
        _ => "–".to_string(),
    };
    let se = match (e.se_paired, e.se_unpaired) {
        (Some(p), Some(u)) => format!("{} / {}", value(Some(p), &e.unit), value(Some(u), &e.unit)),
        _ => "–".to_string(),
    };
    let label = tr_dyn(&e.label.clone().unwrap_or_else(|| humanise(&e.name)));
    let unit = unit_label(&e.unit);
    let _ = writeln!(
        out,
        "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td class=\"num\">{}</td></tr>",
        escape(&label),
        unit,
        signed(e.mean),
        ci,
        se
    );
}

/// The effects section: the headline effects against the counterfactual.
fn effects_section(out: &mut String, summary: &Summary) {
    let Some(cf) = &summary.counterfactual else {
        return;
    };
    let against = match cf.as_str() {
        "no-shocks" => tr("the same scenario without its shocks"),
        _ => tr("the same scenario without its policies"),
    };
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<p>{}</p>",
        tr("Effects against the counterfactual"),
        trf(
            "Each effect is the scenario minus {against}, run with the same seeds: replication \
             k of one against replication k of the other (common random numbers), so the \
             difference is the effect and not noise. Mean over {replications} with the \
             95&nbsp;% confidence interval of that mean; the last column compares the standard \
             error of the paired difference with the one an unpaired comparison of the same \
             runs would have.",
            &[
                ("against", &against),
                ("replications", &replications(summary.replications))
            ]
        )
    );
    if summary.effects.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>\n</section>",
            tr("summary.json lists no effects.")
        );
        return;
    }
    let _ = writeln!(
        out,
        "<table>\n<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>",
        tr("Effect"),
        tr("Unit"),
        tr("Mean"),
        tr("95&nbsp;% CI"),
        tr("SE paired / unpaired")
    );
    for e in &summary.effects {
        effect_row(out, e);
    }
    let _ = writeln!(
        out,
        "</tbody>\n</table>\n<p class=\"note\">{}</p>",
        tr("Month by month in effects.csv; by item of the budget in ledger.csv (both arms).")
    );
    policies_table(out, summary);
    crowding_table(out, &summary.crowding_out);
    decomposition_table(out, &summary.decomposition);
    if let Some(m) = summary
        .local_multiplier_36m
        .as_ref()
        .and_then(|m| m.mean.map(|mean| (m, mean)))
    {
        let (m, mean) = m;
        let ci = match (m.ci95_low, m.ci95_high) {
            (Some(lo), Some(hi)) => trf(
                " (95&nbsp;% CI {low} to {high})",
                &[
                    ("low", &style::format_number(lo, 2)),
                    ("high", &style::format_number(hi, 2)),
                ],
            ),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "<p>{}</p>",
            trf(
                "Local multiplier: {mean} non-tradable jobs lost per tradable job lost in the \
                 closure's region, 36 months after the closure{ci}; how the region absorbs the \
                 jobs it lost is in regional_adjustment.csv and the chart below.",
                &[("mean", &style::format_number(mean, 2)), ("ci", &ci)]
            )
        );
    }
    out.push_str("</section>\n");
}

/// An amount in euros as millions: `€4.8&nbsp;m` (`4,8&nbsp;Mio.&nbsp;€` in German).
fn millions(euros: f64) -> String {
    trf(
        "€{value}&nbsp;m",
        &[("value", &style::format_number(euros / 1e6, 1))],
    )
}

/// A policy kind in words (`job_security_council` → "Job security council"), in the
/// current language.
fn kind_words(kind: &str) -> String {
    match wandel_policy::registry::kind(kind) {
        Some(k) => tr_dyn(k.label()),
        None => kind.replace('_', " "),
    }
}

/// An estimate as "mean (low to high)", signed, with `decimals`.
fn estimate_text(e: &Option<crate::data::EstimateSummary>, decimals: usize, unit: &str) -> String {
    let v = |x: f64| {
        let t = style::format_number(x, decimals).replace('-', "−");
        if x > 0.0 && t.chars().any(|c| c.is_ascii_digit() && c != '0') {
            format!("+{t}")
        } else {
            t
        }
    };
    match e {
        Some(e) => match (e.ci95_low, e.ci95_high) {
            (Some(l), Some(h)) => format!(
                "{}{unit}<br><span class=\"ci\">{}</span>",
                v(e.mean),
                trf("{low} to {high}", &[("low", &v(l)), ("high", &v(h))])
            ),
            _ => format!("{}{unit}", v(e.mean)),
        },
        None => "–".to_string(),
    }
}

/// A table per run of its policies: participants taken in, entries aged 50+, gross cost to the
/// state and to employers, the share of the participants' gain taken from others and, for a
/// hiring subsidy, its deadweight; the net cost of all of them together below.
fn policies_table(out: &mut String, summary: &Summary) {
    if summary.policies.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<table>\n<thead><tr><th>{}</th>\
         <th class=\"num\">{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>",
        tr("The policies"),
        tr("Policy"),
        tr("Entries"),
        tr("Aged 50+"),
        tr("Gross cost, state"),
        tr("Cost to employers"),
        tr("Taken from others"),
        tr("Deadweight")
    );
    for p in &summary.policies {
        let taken = summary
            .crowding_out
            .iter()
            .find(|c| c.policy == p.policy)
            .and_then(|c| c.taken_from_others_pct.clone());
        let dead = summary
            .hiring_subsidies
            .iter()
            .find(|h| h.policy == p.policy)
            .and_then(|h| h.deadweight_pct.clone());
        let _ = writeln!(
            out,
            "<tr><td>{}<br><span class=\"ci\">{}</span></td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&p.policy),
            escape(&kind_words(&p.kind)),
            style::format_number(p.entries, 0),
            p.entries_50_plus_pct.map_or("–".to_string(), |v| format!(
                "{}&nbsp;%",
                style::format_number(v, 0)
            )),
            millions(p.cost),
            millions(p.employer_cost),
            if taken.is_some() {
                estimate_text(&taken, 0, "&nbsp;%")
            } else {
                "–".to_string()
            },
            if dead.is_some() {
                estimate_text(&dead, 0, "&nbsp;%")
            } else {
                "–".to_string()
            },
        );
    }
    out.push_str("</tbody>\n</table>\n");
    let net = summary.effects.iter().find(|e| e.name == "net_fiscal_cost");
    let _ = writeln!(
        out,
        "<p class=\"note\">{} {}{}</p>",
        tr(
            "Entries and costs are means per replication over the run (the scenario's arm). \
            Gross cost: the policy's own ledger items."
        ),
        match net.and_then(|e| e.mean) {
            Some(m) => format!(
                "{} ",
                trf(
                    "Net cost of all of them together, taxes and benefits included, against \
                     the run without them: {cost}.",
                    &[("cost", &millions(m * 1e6))]
                )
            ),
            None => String::new(),
        },
        tr(
            "Taken from others: the share of its participants' gain the economy does not gain \
            (below, \"Who gains at whose expense\"); deadweight: of a hiring subsidy's \
            subsidised hires, those the run without it made too."
        )
    );
}

/// The decomposition of a package as a table (beside its chart): each measure's package
/// effect, each policy's contribution and the interaction (sum of parts − package).
fn decomposition_table(out: &mut String, parts: &[crate::data::MeasurePartsSummary]) {
    if parts.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<h3>{}</h3>\n<table>\n<thead><tr><th>{}</th>",
        tr("What each policy adds"),
        tr("Part")
    );
    for m in parts {
        let heading = match m.measure.as_str() {
            "job_years" => tr("FTE job-years").to_string(),
            "job_years_heads" => tr("Job-years (heads)").to_string(),
            "displaced.reemployed_24m" => tr("Re-employed after 24 months (pp)").to_string(),
            "net_fiscal_cost" => tr("Net cost (€ million)").to_string(),
            "cost_per_job_year" => tr("€ per FTE job-year").to_string(),
            other => format!("{} ({})", humanise(other), tr_dyn(&m.unit)),
        };
        let _ = write!(out, "<th class=\"num\">{}</th>", escape(&heading));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let decimals = |m: &crate::data::MeasurePartsSummary| {
        usize::from(m.unit == "pp" || m.unit.contains("million"))
    };
    let _ = write!(out, "<tr><td>{}</td>", tr("Package against no policies"));
    for m in parts {
        let _ = write!(
            out,
            "<td class=\"num\">{}</td>",
            estimate_text(&m.package, decimals(m), "")
        );
    }
    out.push_str("</tr>\n");
    for (k, (name, _)) in parts[0].parts.iter().enumerate() {
        let _ = write!(out, "<tr><td>{}</td>", escape(name));
        for m in parts {
            let e = m.parts.get(k).and_then(|p| p.1.clone());
            let _ = write!(
                out,
                "<td class=\"num\">{}</td>",
                estimate_text(&e, decimals(m), "")
            );
        }
        out.push_str("</tr>\n");
    }
    let _ = write!(
        out,
        "<tr><td>{}</td>",
        tr("Interaction (sum of parts − package)")
    );
    for m in parts {
        let text = if m.interaction.is_some() {
            format!(
                "{}<br><span class=\"ci\">{}</span>",
                estimate_text(&m.interaction, decimals(m), ""),
                escape(&tr_dyn(&m.verdict))
            )
        } else {
            "–".to_string()
        };
        let _ = write!(out, "<td class=\"num\">{text}</td>");
    }
    let _ = writeln!(
        out,
        "</tr>\n</tbody>\n</table>\n<p class=\"note\">{}</p>",
        tr(
            "Each part: the package minus the package without that policy \
            (decomposition.csv), with its 95&nbsp;% interval."
        )
    );
}

/// Who gains at whose expense: one row per worker-level policy (and one for all of them in a
/// package).
fn crowding_table(out: &mut String, rows: &[crate::data::CrowdingSummary]) {
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<p>{}</p>\n<table>\n<thead><tr><th>{}</th>\
         <th class=\"num\">{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th></tr></thead>\n<tbody>",
        tr("Who gains at whose expense"),
        tr(
            "Job-years in heads over the run: the participants against the same workers \
            without the policy (same seeds), the economy against the run without it, and the \
            share of the participants' gain taken from others (1 − economy / participants; \
            negative when the economy gains more than the participants). In a package the \
            economy's gain from a policy is the package against the package without it (run \
            with --decompose)."
        ),
        tr("Policy"),
        tr("Participants"),
        tr("Participants' gain"),
        tr("Economy's gain"),
        tr("Taken from others"),
        tr("Replications")
    );
    for r in rows {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&r.policy),
            crate::style::format_number(r.participants, 0),
            estimate_text(&r.participants_job_years, 0, ""),
            estimate_text(&r.economy_job_years, 0, ""),
            match (&r.taken_from_others_pct, &r.note) {
                (None, Some(note)) => format!(
                    "–<br><span class=\"ci wrap\">{}</span>",
                    escape(&tr_dyn(note))
                ),
                (taken, _) => estimate_text(taken, 0, "&nbsp;%"),
            },
            r.replications
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The scenario as the user wrote it: every file (comments included), then the `--set`
/// overrides, then the resolved scenario that actually ran.
fn assumptions_section(out: &mut String, manifest: &Manifest) {
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", tr("Assumptions and sources"));
    if let Some(started) = &manifest.started_utc {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            trf(
                "Run started {time} (UTC). Re-running the scenario below with the same seed and \
                 overrides reproduces these results bit for bit.",
                &[("time", &escape(started))]
            )
        );
    }
    if manifest.overrides.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", tr("No <code>--set</code> overrides."));
    } else {
        let _ = writeln!(
            out,
            "<p>{}</p>\n<ul>",
            tr("Overrides given with <code>--set</code>, applied after the files:")
        );
        for o in &manifest.overrides {
            let _ = writeln!(out, "<li><code>{}</code></li>", escape(o));
        }
        out.push_str("</ul>\n");
    }
    if manifest.scenario_sources.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            tr(
                "manifest.json holds no scenario files as written (an older run); the resolved \
                scenario follows."
            )
        );
    }
    for (i, src) in manifest.scenario_sources.iter().enumerate() {
        let role = if i == 0 {
            tr(
                "The scenario file as written, comments included (units, sources and calibration \
             rows are stated in its comments and in docs/calibration.md):",
            )
        } else {
            tr("Extended by (its values apply where the file above does not set them):")
        };
        let _ = writeln!(
            out,
            "<p>{role} <code>{}</code></p>\n<pre>{}</pre>",
            escape(&src.file),
            escape(&src.text)
        );
    }
    match &manifest.resolved_scenario {
        Some(toml) if !toml.trim().is_empty() => {
            let _ = writeln!(
                out,
                "<details><summary>{}</summary>\n<pre>{}</pre>\n</details>",
                tr(
                    "The resolved scenario that ran (files merged, overrides applied; defaults \
                    not written in the files are documented in docs/scenario-reference.md)"
                ),
                escape(toml)
            );
        }
        _ => {
            let _ = writeln!(
                out,
                "<p class=\"note\">{}</p>",
                tr("manifest.json contains no resolved scenario text.")
            );
        }
    }
    out.push_str("</section>\n");
}

/// `peak_unemployment_rate` → `Peak unemployment rate`; other names are kept.
pub(crate) fn humanise(name: &str) -> String {
    if name.contains(' ') || !name.contains('_') {
        return name.to_string();
    }
    let spaced = name.replace('_', " ");
    let mut c = spaced.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => spaced,
    }
}

pub(crate) const CSS: &str = r#"
:root { color-scheme: light; }
body { margin: 0; background: #f4f4f2; color: #222; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; background: #fff; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.2rem 0 0.6rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid #222; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: #0072B2; margin: 0; font-weight: 600; }
.lede { font-size: 1.1rem; color: #444; margin: 0; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
th { font-size: 0.85rem; color: #555; border-bottom: 1px solid #999; }
td.num, th.num { text-align: right; }
td.num { white-space: nowrap; }
table.facts th { width: 12rem; color: #555; font-weight: normal; border-bottom: 1px solid #ddd; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; }
.hash { font-size: 0.85rem; word-break: break-all; }
figure { margin: 1.5rem 0 2rem; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
.note { color: #555; font-size: 0.9rem; }
pre { background: #f6f6f4; border: 1px solid #e2e2df; padding: 1rem; overflow-x: auto; font-size: 0.85rem; line-height: 1.45; white-space: pre-wrap; }
footer { margin-top: 3rem; color: #666; font-size: 0.85rem; }
@media print { body { background: #fff; } main { max-width: none; padding: 0; } h2 { break-after: avoid; } pre { white-space: pre-wrap; } }
.ci { color: #666; font-size: 0.85em; }
.wrap { display: inline-block; max-width: 14rem; white-space: normal; }
"#;

/// The whole report.
pub(crate) fn html(manifest: &Manifest, summary: &Summary, items: &[Item]) -> String {
    let mut out = String::new();
    let name = escape(&manifest.scenario_name);
    let reps = manifest.replications;
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        crate::lang::current().code(),
        trf("Wandel briefing: {name}", &[("name", &name)])
    );
    let _ = writeln!(
        out,
        "<header>\n<p class=\"kicker\">{}</p>\n<h1>{name}</h1>\n\
         <p class=\"lede\">{}</p>\n</header>",
        tr("Wandel briefing report"),
        trf(
            "{months} months, {start} to {end}; {replications}, seed {seed}.",
            &[
                ("months", &summary.months),
                ("start", &format_month_text(&summary.start)),
                ("end", &format_month_text(&summary.end)),
                ("replications", &replications(reps)),
                ("seed", &manifest.seed),
            ]
        )
    );

    // Headline indicators.
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", tr("Headline indicators"));
    if summary.indicators.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            tr("summary.json lists no indicators.")
        );
    } else {
        let _ = writeln!(
            out,
            "<table>\n<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th>\
             <th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>\
             </tr></thead>\n<tbody>",
            tr("Indicator"),
            tr("Unit"),
            tr("Mean"),
            tr("95&nbsp;% CI of the mean"),
            tr("5–95&nbsp;% range"),
            tr("Rests on")
        );
        for i in &summary.indicators {
            indicator_row(&mut out, i);
        }
        out.push_str("</tbody>\n</table>\n");
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            trf(
                "Mean across {replications}, the 95&nbsp;% confidence interval of that mean \
                 (Student's t), and the 5th to 95th percentile of the replications \
                 (summary.json). Fractions are shown in percent. Displaced workers are the \
                 closing firms' staff when a closure displaced anyone, otherwise the laid off. \
                 \"Rests on\": the replications that observed a figure and, for a figure about \
                 a group of workers, how many it pools; one resting on fewer than 30 workers, or \
                 seen in fewer than half the replications, is suppressed.",
                &[("replications", &replications(summary.replications))]
            )
        );
    }
    out.push_str("</section>\n");

    effects_section(&mut out, summary);

    // Scenario facts.
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<table class=\"facts\">\n<tbody>",
        tr("Scenario")
    );
    let mut fact = |label: &str, value: String| {
        let _ = writeln!(out, "<tr><th>{label}</th><td>{value}</td></tr>");
    };
    fact(tr("Scenario"), name.clone());
    if let Some(file) = &manifest.scenario_file {
        fact(
            tr("Scenario file"),
            format!("<code>{}</code>", escape(file)),
        );
    }
    fact(tr("Seed"), manifest.seed.to_string());
    fact(tr("Replications"), reps.to_string());
    fact(
        tr("Months"),
        trf(
            "{months} ({start} to {end})",
            &[
                ("months", &summary.months),
                ("start", &format_month_text(&summary.start)),
                ("end", &format_month_text(&summary.end)),
            ],
        ),
    );
    fact(tr("Wandel version"), escape(&manifest.wandel_version));
    if let Some(rng) = &manifest.rng {
        fact(tr("Random number generator"), escape(rng));
    }
    if let Some(hash) = &manifest.scenario_sha256 {
        fact(
            tr("Scenario SHA-256"),
            format!("<code class=\"hash\">{}</code>", escape(hash)),
        );
    }
    if let Some(started) = &manifest.started_utc {
        fact(tr("Run started (UTC)"), escape(started));
    }
    if let Some(cf) = &manifest.counterfactual {
        fact(tr("Counterfactual"), escape(cf));
    }
    if !manifest.overrides.is_empty() {
        fact(
            tr("Overrides (--set)"),
            manifest
                .overrides
                .iter()
                .map(|o| format!("<code>{}</code>", escape(o)))
                .collect::<Vec<_>>()
                .join("<br>"),
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");

    // Charts.
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", tr("Charts"));
    for item in items {
        if let Item::Chart { title, svg } = item {
            let _ = writeln!(out, "<figure>\n{}\n</figure>", inline_svg(svg, title));
        }
    }
    let skipped: Vec<_> = items
        .iter()
        .filter_map(|i| match i {
            Item::Skipped { name, reason } => Some((name, reason)),
            Item::Chart { .. } => None,
        })
        .collect();
    if !skipped.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>\n<ul class=\"note\">",
            tr("Not drawn for this run:")
        );
        for (name, reason) in skipped {
            let _ = writeln!(
                out,
                "<li><code>{}</code>: {}</li>",
                escape(name),
                escape(reason)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");

    assumptions_section(&mut out, manifest);

    let _ = writeln!(
        out,
        "<footer>{} {}.</footer>\n</main>\n</body>\n</html>",
        trf(
            "Generated by wandel-charts {version} from the output files in this directory.",
            &[("version", &env!("CARGO_PKG_VERSION"))]
        ),
        escape(&style::source_line(manifest))
    );
    out
}
