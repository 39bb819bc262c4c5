//! Chart `participants_effect`: each worker-level policy's effect on its participants by months
//! since entry (followup.csv): the share employed against the same workers in the
//! counterfactual, with its 95 % confidence interval, and the same for the applicants the
//! policy passed over because it was full. One panel per policy. Drawn only when the run
//! followed participants (a policy run against the counterfactual without policies).

use super::Built;
use crate::data::{FollowRow, RunData};
use crate::error::ChartError;
use crate::figure::{Figure, Panel, Point, Series, XAxis};
use crate::lang::{tr, trf};
use crate::style;
use crate::style::replications;

/// A group's effect by months since entry; with `band`, its 95 % interval where it has one.
fn effect_series(
    label: String,
    colour: plotters::style::RGBColor,
    rows: &[&FollowRow],
    band: bool,
) -> Series {
    let mut s = Series::line(label, colour, []);
    s.points = rows
        .iter()
        .filter(|r| r.effect.is_finite())
        .map(|r| Point {
            x: f64::from(r.months_since_entry),
            y: r.effect,
            band: (band && r.ci95_low.is_finite() && r.ci95_high.is_finite())
                .then_some((r.ci95_low, r.ci95_high)),
        })
        .collect();
    s
}

/// Builds the figure.
pub(crate) fn build(data: &RunData) -> Result<Built, ChartError> {
    let Some(followup) = &data.followup else {
        return Ok(Built::Skipped(
            tr("no follow-up of participants in this run (followup.csv is written for worker-level \
             policies run against the counterfactual without policies)")
            .to_string(),
        ));
    };
    let mut panels = Vec::new();
    for policy in followup.policies() {
        let participants = followup.group(policy, "participants");
        if participants.is_empty() {
            continue;
        }
        let n = participants[0].workers;
        let mut series = vec![effect_series(
            tr("Participants").to_string(),
            style::INK,
            &participants,
            true,
        )];
        let passed = followup.group(policy, "passed_over");
        if passed.first().is_some_and(|r| r.workers > 0.0) {
            let mut s = effect_series(
                tr("Applicants passed over (no place)").to_string(),
                style::series_colour(1),
                &passed,
                false,
            );
            s.dashed = true;
            series.push(s);
        }
        panels.push(Panel {
            title: Some(format!(
                "{policy}: {}",
                trf(
                    "{n} participants per replication; effect on % employed, pp.",
                    &[("n", &style::format_number(n, 0))]
                )
            )),
            series,
        });
    }
    if panels.is_empty() {
        return Ok(Built::Skipped(
            tr("followup.csv has no participants").to_string(),
        ));
    }
    let reps = data.manifest.replications;
    let mut subtitle = trf(
        "Share employed (on a payroll, working or in training there) minus that of the same \
         workers in the run without the policies, same random numbers; mean over \
         {replications}. Courses that take the unemployed out of search show a dip first \
         (lock-in); passed-over applicants may enter later.",
        &[("replications", &replications(reps))],
    );
    let title = if panels.len() == 1 {
        // One panel shows no panel title: say whose effect it is in the title and subtitle.
        let only = panels.pop().unwrap();
        let policy = followup.policies()[0];
        subtitle = format!(
            "{} {subtitle}",
            only.title
                .as_deref()
                .unwrap_or_default()
                .replace(&format!("{policy}: "), "")
        );
        panels.push(only);
        trf(
            "Effect of {policy} on its participants, by months since entry",
            &[("policy", &policy)],
        )
    } else {
        tr("Effect on participants by months since entry").to_string()
    };
    let mut fig = Figure::single(
        title,
        subtitle,
        XAxis::MonthsSinceEntry,
        Vec::new(),
        style::source_line(&data.manifest),
    );
    fig.panels = panels;
    fig.independent_y = true;
    fig.band_label = Some(tr("95 % confidence interval of the participants' effect").to_string());
    Ok(Built::Figure(Box::new(fig)))
}
