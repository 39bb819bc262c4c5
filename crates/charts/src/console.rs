//! The headline lines `wandel run` prints when it finishes, in the current language
//! ([`crate::lang`]): in English each indicator's key and numbers with a decimal point, as
//! scripts have read them; in German each indicator's label and numbers with a decimal comma.

use crate::lang::{Lang, current, format_number, tr, tr_dyn, trf};

/// The name an indicator is printed under: its key in English, its label in German.
fn shown(name: &str, label: &str) -> String {
    match current() {
        Lang::En => name.to_string(),
        Lang::De => tr_dyn(label),
    }
}

/// Why `summary.json` suppresses a figure (its `suppressed` text, as the runner writes it),
/// in the current language.
pub(crate) fn reason(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    match words.as_slice() {
        [
            "no",
            "worker",
            "in",
            "the",
            "group",
            "in",
            "any",
            "of",
            total,
            "replications",
        ] => trf(
            "no worker in the group in any of {total} replications",
            &[("total", total)],
        ),
        [
            pooled,
            "workers",
            "pooled",
            "over",
            total,
            "replications,",
            "fewer",
            "than",
            min,
        ] => trf(
            "{pooled} workers pooled over {total} replications, fewer than {min}",
            &[("pooled", pooled), ("total", total), ("min", min)],
        ),
        [
            "seen",
            "in",
            seen,
            "of",
            total,
            "replications,",
            "fewer",
            "than",
            "half",
        ] => trf(
            "seen in {seen} of {total} replications, fewer than half",
            &[("seen", seen), ("total", total)],
        ),
        _ => tr_dyn(text),
    }
}

/// One indicator: name or label, mean, unit and the 5–95 % range.
pub fn indicator(name: &str, label: &str, unit: &str, mean: f64, p05: f64, p95: f64) -> String {
    match current() {
        Lang::En => format!("  {name:<44} {mean:>10.2} {unit:<7} (5–95 %: {p05:.2} – {p95:.2})"),
        Lang::De => format!(
            "  {:<60} {:>10} {:<7} (5–95 %: {} – {})",
            shown(name, label),
            format_number(mean, 2),
            tr_dyn(unit),
            format_number(p05, 2),
            format_number(p95, 2)
        ),
    }
}

/// An indicator without a value, and why.
pub fn suppressed(name: &str, label: &str, unit: &str, reason: Option<&str>) -> String {
    let why = reason.map_or_else(|| tr("no value").to_string(), self::reason);
    format!(
        "  {:<w$} {:>10} {:<7} ({})",
        shown(name, label),
        "—",
        tr_dyn(unit),
        trf("suppressed: {reason}", &[("reason", &why)]),
        w = if current() == Lang::En { 44 } else { 60 }
    )
}

/// The line before the effects.
pub fn effects_heading(counterfactual: &str) -> String {
    format!(
        "  {}",
        trf(
            "effects against the counterfactual ({arm}):",
            &[("arm", &counterfactual)]
        )
    )
}

/// One effect with its 95 % interval, if it has one.
pub fn effect(
    name: &str,
    label: &str,
    unit: &str,
    mean: f64,
    interval: Option<(f64, f64)>,
) -> String {
    match current() {
        Lang::En => {
            let ci = interval.map_or(String::new(), |(l, h)| format!("(95 % CI {l:.2} – {h:.2})"));
            format!("  {name:<44} {mean:>+10.2} {unit:<12} {ci}")
        }
        Lang::De => {
            let signed = |v: f64| {
                let t = format_number(v, 2);
                if v > 0.0 { format!("+{t}") } else { t }
            };
            let ci = interval.map_or(String::new(), |(l, h)| {
                trf(
                    "(95 % CI {low} – {high})",
                    &[("low", &signed(l)), ("high", &signed(h))],
                )
            });
            format!(
                "  {:<60} {:>10} {:<12} {ci}",
                shown(name, label),
                signed(mean),
                tr_dyn(unit)
            )
        }
    }
}

/// `v` with `decimals` decimals: as Rust writes it in English (no thousands separator, as
/// before), `1.234,5` in German.
pub fn num(v: f64, decimals: usize) -> String {
    match current() {
        Lang::En => format!("{v:.decimals$}"),
        Lang::De => format_number(v, decimals),
    }
}

/// [`num`] with a sign: `+3.5`, `−1.234,5`.
pub fn signed(v: f64, decimals: usize) -> String {
    match current() {
        Lang::En => format!("{v:+.decimals$}"),
        Lang::De => {
            let t = format_number(v, decimals);
            if v >= 0.0 && !t.starts_with('\u{2212}') {
                format!("+{t}")
            } else {
                t
            }
        }
    }
}

/// A policy kind's figure label (the runner's `kind_effects`), in the current language: the
/// hiring subsidy's deadweight window carries its months.
pub fn figure_label(label: &str) -> String {
    let window = label
        .strip_prefix("deadweight (hired anyway, ±")
        .and_then(|rest| rest.strip_suffix(" months)"));
    match window {
        Some(n) => trf("deadweight (hired anyway, ±{n} months)", &[("n", &n)]),
        None => tr_dyn(label),
    }
}

/// A kind's heading, `"hiring subsidy NAME"`: the kind's words translated, the name as written.
pub fn kind_heading(heading: &str) -> String {
    match heading.rsplit_once(' ') {
        Some((words, name)) => format!("{} {name}", tr_dyn(words)),
        None => tr_dyn(heading),
    }
}

/// A number written with a decimal point, with the current language's decimal mark.
fn decimal(text: String) -> String {
    match current() {
        Lang::En => text,
        Lang::De => text.replace('.', ","),
    }
}

/// The local multiplier after the closure (`local_multiplier_36m`): its key in English, its
/// meaning in German, the value and its 95 % interval.
pub fn local_multiplier(
    name: &str,
    value: f64,
    unit: &str,
    interval: Option<(f64, f64)>,
) -> String {
    let ci = interval.map_or(String::new(), |(l, h)| {
        trf(
            "(95 % CI {low} – {high})",
            &[("low", &num(l, 2)), ("high", &num(h, 2))],
        )
    });
    match current() {
        Lang::En => format!("  {name:<44} {value:>10.2} {unit:<12} {ci}"),
        Lang::De => format!(
            "  {:<60} {:>10} {:<12} {ci}",
            tr("local multiplier, 36 months after the closure"),
            num(value, 2),
            tr_dyn(unit)
        ),
    }
}

/// The last line: replications, months, wall time and threads.
pub fn finished(replications: u32, months: u32, seconds: f64, threads: usize) -> String {
    let text = match (replications == 1, threads == 1) {
        (true, true) => crate::lang::msg(
            "{reps} replication of {months} months in {seconds} s on {threads} thread",
        ),
        (true, false) => crate::lang::msg(
            "{reps} replication of {months} months in {seconds} s on {threads} threads",
        ),
        (false, true) => crate::lang::msg(
            "{reps} replications of {months} months in {seconds} s on {threads} thread",
        ),
        (false, false) => crate::lang::msg(
            "{reps} replications of {months} months in {seconds} s on {threads} threads",
        ),
    };
    trf(
        text,
        &[
            ("reps", &replications),
            ("months", &months),
            ("seconds", &decimal(format!("{seconds:.2}"))),
            ("threads", &threads),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::with;

    #[test]
    fn suppression_reasons_read_back() {
        for text in [
            "no worker in the group in any of 4 replications",
            "12 workers pooled over 4 replications, fewer than 30",
            "seen in 1 of 4 replications, fewer than half",
        ] {
            assert_eq!(reason(text), text);
            with(Lang::De, || assert_ne!(reason(text), text, "{text}"));
        }
    }

    #[test]
    fn english_lines_are_as_before_and_german_lines_are_german() {
        assert_eq!(
            indicator(
                "peak_unemployment_rate",
                "Peak unemployment rate",
                "%",
                10.5,
                9.0,
                12.25
            ),
            format!(
                "  {:<44} {:>10.2} {:<7} (5–95 %: 9.00 – 12.25)",
                "peak_unemployment_rate", 10.5, "%"
            )
        );
        assert_eq!(
            finished(2, 120, 1234.5, 1),
            "2 replications of 120 months in 1234.50 s on 1 thread"
        );
        with(Lang::De, || {
            let line = indicator(
                "peak_unemployment_rate",
                "Peak unemployment rate",
                "%",
                10.5,
                9.0,
                12.25,
            );
            assert!(line.contains("Höchste Arbeitslosenquote"), "{line}");
            assert!(line.contains("10,50") && line.contains("12,25"), "{line}");
            assert_eq!(
                finished(2, 120, 1234.5, 1),
                "2 Replikationen mit je 120 Monaten in 1234,50 s auf 1 Thread"
            );
        });
    }
}
