//! Chart `fiscal`: the public budget by item and calendar year (ledger.csv), as stacked bars
//! in € million (spending up, revenue down) with the net cost as a line. With a
//! counterfactual, each bar is the scenario minus the counterfactual (the policy's or shock's
//! fiscal effect); without, the scenario's own amounts. Means over replications.

use crate::lang::{tr, tr_dyn, trf};
use std::collections::{BTreeMap, BTreeSet};

use super::Built;
use crate::data::{Ledger, Month, RunData};
use crate::error::ChartError;
use crate::figure::{Bars, Figure, Series, XAxis};
use crate::style;

/// The item holding each policy's (and the economy's) net cost; drawn as the line.
const NET: &str = "net_cost";

/// One bar item: ledger item and the policy it belongs to (`economy` for economy-wide items).
type Key = (String, String);

/// Mean over replications of the yearly sums of each item of one arm, in euros.
fn yearly(ledger: &Ledger, arm: &str) -> BTreeMap<(i32, Key), f64> {
    let mut sums: BTreeMap<(i32, Key), f64> = BTreeMap::new();
    let mut reps = BTreeSet::new();
    for r in ledger.rows.iter().filter(|r| r.arm == arm) {
        reps.insert(r.replication);
        *sums
            .entry((r.month.year(), (r.item.clone(), r.policy.clone())))
            .or_default() += r.amount;
    }
    let n = reps.len().max(1) as f64;
    sums.values_mut().for_each(|v| *v /= n);
    sums
}

/// The numbers behind the chart: per item, (year, € million); and the net by year.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Budget {
    /// The counterfactual arm subtracted, if any.
    pub(crate) against: Option<String>,
    pub(crate) items: Vec<(Key, Vec<(i32, f64)>)>,
    pub(crate) net: Vec<(i32, f64)>,
    /// Years the run covers only in part, with the months covered.
    pub(crate) partial: Vec<(i32, usize)>,
}

/// Extracts the yearly budget from ledger.csv.
pub(crate) fn series(ledger: &Ledger) -> Budget {
    let against = ledger
        .rows
        .iter()
        .map(|r| r.arm.as_str())
        .find(|a| *a != "scenario")
        .map(str::to_string);
    let mut values = yearly(ledger, "scenario");
    if let Some(cf) = &against {
        for (k, v) in yearly(ledger, cf) {
            *values.entry(k).or_default() -= v;
        }
    }
    let mut items: BTreeMap<Key, Vec<(i32, f64)>> = BTreeMap::new();
    let mut net: BTreeMap<i32, f64> = BTreeMap::new();
    for ((year, key), v) in values {
        let v = v / 1e6;
        if key.0 == NET {
            *net.entry(year).or_default() += v;
        } else {
            items.entry(key).or_default().push((year, v));
        }
    }
    // Items that are zero throughout (e.g. contributions nobody reimburses) are left out.
    items.retain(|_, values| values.iter().any(|(_, v)| v.abs() > 1e-9));
    // Economy-wide items first, then each policy's (by policy name), each group by item name.
    let mut items: Vec<(Key, Vec<(i32, f64)>)> = items.into_iter().collect();
    items.sort_by_key(|((item, policy), _)| (policy != "economy", policy.clone(), item.clone()));
    let months: BTreeSet<Month> = ledger.rows.iter().map(|r| r.month).collect();
    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    for m in months {
        *per_year.entry(m.year()).or_default() += 1;
    }
    Budget {
        against,
        items,
        net: net.into_iter().collect(),
        partial: per_year.into_iter().filter(|&(_, n)| n < 12).collect(),
    }
}

/// `short_time_allowance` → `Short-time allowance`; names of policies in brackets.
fn item_label((item, policy): &Key) -> String {
    let text = match item.as_str() {
        "unemployment_benefit" => tr("Unemployment benefit").to_string(),
        "basic_income" => tr("Basic income").to_string(),
        "taxes_and_contributions_on_wages" => tr("Taxes and contributions on wages").to_string(),
        "short_time_allowance" => tr("Short-time allowance").to_string(),
        "reimbursed_contributions" => tr("Reimbursed contributions").to_string(),
        other => {
            // A policy's own item: its name in words, translated where the table has it.
            let spaced = other.replace('_', " ");
            let mut c = spaced.chars();
            let words: String = c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default();
            tr_dyn(&words)
        }
    };
    if policy == "economy" {
        text
    } else {
        format!("{text} ({policy})")
    }
}

/// Builds the figure.
pub(crate) fn build(data: &RunData) -> Result<Built, ChartError> {
    let Some(ledger) = data.ledger.as_ref().filter(|l| !l.rows.is_empty()) else {
        return Ok(Built::Skipped(tr("no ledger.csv in this run").to_string()));
    };
    let budget = series(ledger);
    let bars = budget
        .items
        .iter()
        .enumerate()
        .map(|(i, (key, values))| Bars {
            label: item_label(key),
            colour: style::series_colour(i),
            values: values.iter().map(|&(y, v)| (f64::from(y), v)).collect(),
        })
        .collect();
    let mut net = Series::line(
        tr("Net cost to the state"),
        style::INK,
        budget.net.iter().map(|&(y, v)| (f64::from(y), v)),
    );
    net.width = style::TOTAL_WIDTH;
    net.dots = true;
    let title = match &budget.against {
        Some(_) => tr("Fiscal effect by item and year, € million: scenario minus counterfactual"),
        None => tr("Public budget by item and year, € million"),
    };
    let direction = if budget.against.is_some() {
        tr(
            "Above zero: the state pays more or receives less; below zero: it pays less or \
         receives more",
        )
    } else {
        tr("Spending up, revenue (taxes and contributions) down")
    };
    let mut subtitle = format!(
        "{direction}; {}.",
        style::mean_of(data.manifest.replications)
    );
    if let Some(cf) = &budget.against {
        let each = match cf.as_str() {
            "no-shocks" => tr("Each bar: the scenario minus the same run without the shocks."),
            _ => tr("Each bar: the scenario minus the same run without the policies."),
        };
        subtitle = format!("{subtitle} {each}");
    }
    if !budget.partial.is_empty() {
        let parts: Vec<String> = budget
            .partial
            .iter()
            .map(|(y, n)| {
                if *n == 1 {
                    trf("{year}: 1 month", &[("year", y)])
                } else {
                    trf("{year}: {n} months", &[("year", y), ("n", n)])
                }
            })
            .collect();
        subtitle = format!(
            "{subtitle} {}",
            trf("Part years: {list}.", &[("list", &parts.join(", "))])
        );
    }
    let mut fig = Figure::single(
        title,
        subtitle,
        XAxis::Years,
        vec![net],
        style::source_line(&data.manifest),
    );
    fig.bars = bars;
    Ok(Built::Figure(Box::new(fig)))
}
