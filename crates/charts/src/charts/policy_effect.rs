//! Chart `policy_effect`: the scenario against its counterfactual (effects.csv). Four panels,
//! each on its own value axis: the paired effect on employment (in full-time equivalents with
//! its 95 % confidence interval, and in heads, dashed) and on unemployment with its interval,
//! then both arms' unemployment rate and cumulative layoffs.
//! Drawn only when the run had a counterfactual.

use super::{Built, markers, markers_note};
use crate::data::{EffectRow, RunData};
use crate::error::ChartError;
use crate::figure::{Figure, Panel, Point, Series, XAxis};
use crate::lang::{tr, trf};
use crate::style;
use crate::style::replications;

/// How the two arms are named, from the counterfactual kind in the manifest.
pub(crate) fn arm_labels(counterfactual: Option<&str>) -> (&'static str, &'static str) {
    match counterfactual {
        Some("no-shocks") => (
            tr("With the shocks"),
            tr("Counterfactual: without the shocks"),
        ),
        _ => (
            tr("With the policies"),
            tr("Counterfactual: without the policies"),
        ),
    }
}

/// The effect of one indicator with its confidence band (none below two replications).
fn effect_series(rows: &[&EffectRow]) -> Series {
    let mut s = Series::line(tr("Effect: scenario minus counterfactual"), style::INK, []);
    s.points = rows
        .iter()
        .map(|r| Point {
            x: r.month.x(),
            y: r.effect,
            band: (r.ci95_low.is_finite() && r.ci95_high.is_finite())
                .then_some((r.ci95_low, r.ci95_high)),
        })
        .collect();
    s
}

/// Both arms' means of one indicator.
fn arms_series(rows: &[&EffectRow], labels: (&str, &str)) -> Vec<Series> {
    let scenario = Series::line(
        labels.0,
        style::series_colour(0),
        rows.iter().map(|r| (r.month.x(), r.scenario)),
    );
    let mut counterfactual = Series::line(
        labels.1,
        style::series_colour(1),
        rows.iter().map(|r| (r.month.x(), r.counterfactual)),
    );
    counterfactual.dashed = true;
    vec![scenario, counterfactual]
}

/// Builds the figure.
pub(crate) fn build(data: &RunData) -> Result<Built, ChartError> {
    let Some(effects) = &data.effects else {
        return Ok(Built::Skipped(
            tr(
                "no counterfactual in this run (a scenario with policies has one; or run with \
             --counterfactual no-shocks)",
            )
            .to_string(),
        ));
    };
    let employment = effects.indicator("employment");
    let fte = effects.indicator("employment_fte");
    let unemployment = effects.indicator("unemployment");
    let rate = effects.indicator("unemployment_rate");
    let layoffs = effects.indicator("cumulative_layoffs");
    if employment.is_empty() || unemployment.is_empty() {
        return Ok(Built::Skipped(
            tr("effects.csv has no employment or unemployment rows").to_string(),
        ));
    }
    let labels = arm_labels(data.manifest.counterfactual.as_deref());
    let panel = |title: &str, series: Vec<Series>| Panel {
        title: Some(title.to_string()),
        series,
    };
    // Full-time equivalents are the headline where the file has them; heads beside them.
    let employment_panel = if fte.is_empty() {
        panel(
            tr("Effect on employment, workers"),
            vec![effect_series(&employment)],
        )
    } else {
        let mut fte_series = effect_series(&fte);
        fte_series.label = tr("Effect in full-time equivalents").to_string();
        let mut heads = Series::line(
            tr("Effect in heads"),
            style::series_colour(2),
            employment.iter().map(|r| (r.month.x(), r.effect)),
        );
        heads.dashed = true;
        panel(
            tr("Effect on employment, full-time equivalents and heads"),
            vec![fte_series, heads],
        )
    };
    let panels = vec![
        employment_panel,
        panel(
            tr("Effect on unemployment, workers"),
            vec![effect_series(&unemployment)],
        ),
        panel(tr("Unemployment rate, %"), arms_series(&rate, labels)),
        panel(
            tr("Cumulative layoffs, workers"),
            arms_series(&layoffs, labels),
        ),
    ];
    let reps = data.manifest.replications;
    let subtitle = trf(
        "Top: mean paired difference over {replications} (replication k of each arm \
         shares its random numbers); employment in full-time equivalents counts a short-time \
         worker at the hours it works, in heads (dashed) as one; trainees on a payroll are \
         employed. Bottom: both arms' means.",
        &[("replications", &replications(reps))],
    );
    let subtitle = match markers_note(data) {
        Some(note) => format!("{subtitle} {note}"),
        None => subtitle,
    };
    let mut fig = Figure::single(
        trf("{arm} against the counterfactual", &[("arm", &labels.0)]),
        subtitle,
        XAxis::Calendar,
        Vec::new(),
        style::source_line(&data.manifest),
    );
    fig.panels = panels;
    fig.markers = markers(data);
    fig.independent_y = true;
    fig.band_label = Some(tr("95 % confidence interval of the effect").to_string());
    Ok(Built::Figure(Box::new(fig)))
}
