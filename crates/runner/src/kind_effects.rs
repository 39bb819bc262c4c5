//! Figures a policy kind reports of its own against the run without policies
//! (`wandel_policy::KindSpec::counterfactual_effects`: the hiring subsidy's deadweight,
//! substitution and cost per hire), written to `summary.json` under each kind's section and
//! shown in the terminal. The runner knows no kind: it serialises what the kinds return.
//! Also [`Estimate`], the serialised form of a mean with its 95 % interval.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::ser::SerializeMap;
use wandel_engine::measures::MeanCi;
use wandel_policy::{KindEffects, PolicyRun, PolicySpec};

use crate::arms::ArmRun;

/// A mean over replications with its 95 % confidence interval.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct Estimate {
    pub(crate) mean: f64,
    pub(crate) ci95_low: Option<f64>,
    pub(crate) ci95_high: Option<f64>,
}

impl Estimate {
    /// The mean of the finite values of `values` with its interval (`measures.rs`).
    pub(crate) fn of(values: &[f64]) -> Option<Estimate> {
        wandel_engine::measures::mean_ci(values).map(|m| Estimate::from(&m))
    }
}

impl From<&MeanCi> for Estimate {
    fn from(m: &MeanCi) -> Estimate {
        Estimate {
            mean: m.mean,
            ci95_low: m.low(),
            ci95_high: m.high(),
        }
    }
}

/// One policy's figures as `summary.json` has them: `policy`, each figure, each setting.
struct Figures<'a>(&'a KindEffects);

impl Serialize for Figures<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("policy", &e.policy)?;
        for f in &e.figures {
            map.serialize_entry(f.key, &f.value.as_ref().map(Estimate::from))?;
        }
        for (key, value) in &e.settings {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// Every kind's figures, grouped by section (`hiring_subsidies`), in the scenario's order
/// within a section; flattened into `summary.json`.
#[derive(Default)]
pub(crate) struct Sections(pub(crate) Vec<KindEffects>);

impl Sections {
    fn grouped(&self) -> BTreeMap<&'static str, Vec<&KindEffects>> {
        let mut by: BTreeMap<&'static str, Vec<&KindEffects>> = BTreeMap::new();
        for e in &self.0 {
            by.entry(e.section).or_default().push(e);
        }
        by
    }
}

impl Serialize for Sections {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (section, list) in self.grouped() {
            let list: Vec<Figures<'_>> = list.into_iter().map(Figures).collect();
            map.serialize_entry(section, &list)?;
        }
        map.end()
    }
}

/// The figures of every policy of `specs` whose kind has some, from the policy arm `with`
/// and the counterfactual `without` (which observed them).
pub(crate) fn effects(specs: &[PolicySpec], with: &[ArmRun], without: &[ArmRun]) -> Sections {
    let with: Vec<&PolicyRun> = with.iter().map(|r| &r.policies).collect();
    let without: Vec<&PolicyRun> = without.iter().map(|r| &r.policies).collect();
    Sections(
        specs
            .iter()
            .filter_map(|s| s.spec().counterfactual_effects(&with, &without))
            .collect(),
    )
}

/// Lines for the terminal.
pub(crate) fn describe(e: &KindEffects) -> Vec<String> {
    use wandel_charts::console::{figure_label, kind_heading, num};
    use wandel_charts::lang::{tr_dyn, trf};
    let show = |label: &str, x: Option<&MeanCi>, unit: &str| {
        let label = figure_label(label);
        let unit = tr_dyn(unit);
        match x {
            Some(m) => match (m.low(), m.high()) {
                (Some(l), Some(h)) => format!(
                    "  {label:<44} {:>10} {unit:<7} {}",
                    num(m.mean, 2),
                    trf(
                        "(95 % CI {low} – {high})",
                        &[("low", &num(l, 2)), ("high", &num(h, 2))]
                    )
                ),
                _ => format!("  {label:<44} {:>10} {unit}", num(m.mean, 2)),
            },
            None => format!("  {label:<44} {:>10} {unit}", "—"),
        }
    };
    let mut lines = vec![format!("  {}:", kind_heading(&e.heading))];
    lines.extend(
        e.figures
            .iter()
            .map(|f| show(&f.label, f.value.as_ref(), f.unit)),
    );
    lines
}
