//! The language of charts, reports and console headlines (`--lang en|de`): every text a
//! reader sees is written in English in the code, as the key of the German table in `de.rs`
//! (gettext's way: the English text is the message id), and looked up in the language of the
//! current thread, which [`with`] sets for the duration of a drawing. Numbers and months are
//! formatted in the language's way: `12,500.5` and `2027-01` in English, `12.500,5` and
//! `Jan. 2027` in German. A unit test reads the crate's sources and checks that every text
//! passed to [`tr`] or [`trf`] has its German entry, and that every entry is used.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;

/// A language of the outputs people read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// German.
    De,
}

impl Lang {
    /// `en` or `de`, as `--lang` takes it and `<html lang>` writes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The language of a code (`en`, `de`), if it is one.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            _ => None,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Runs `f` with `lang` as the current thread's language, and restores the previous one.
pub fn with<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    struct Restore(Lang);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(lang)));
    f()
}

/// The current thread's language.
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

fn german() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        crate::de::STATIC
            .iter()
            .chain(crate::de::RUN_TIME)
            .copied()
            .collect()
    })
}

/// The English text `msg` in the current language.
pub fn tr(msg: &'static str) -> &'static str {
    match current() {
        Lang::En => msg,
        Lang::De => german().get(msg).copied().unwrap_or(msg),
    }
}

/// Marks `text` as a message for a table of constants, to be shown through [`tr`] where it
/// is used (a `const` cannot call [`tr`]); returns it as it is.
pub const fn msg(text: &'static str) -> &'static str {
    text
}

/// `n` and a noun in the current language, singular or plural: `count(2,
/// msg("{n} replication"), msg("{n} replications"))` is "2 replications" ("2 Replikationen").
pub fn count(n: impl Into<u64>, one: &'static str, many: &'static str) -> String {
    let n: u64 = n.into();
    trf(if n == 1 { one } else { many }, &[("n", &n)])
}

/// [`tr`] of `msg`, with each `{name}` replaced by the value given for `name`.
pub fn trf(msg: &'static str, args: &[(&str, &dyn Display)]) -> String {
    let mut text = tr(msg).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    text
}

/// A text made at run time (a label from `summary.json`, a policy kind's name, an event) in
/// the current language: its German entry when the table has one, else as given.
pub fn tr_dyn(text: &str) -> String {
    match current() {
        Lang::En => text.to_string(),
        Lang::De => german()
            .get(text)
            .map_or_else(|| text.to_string(), |t| t.to_string()),
    }
}

/// Every entry of the German table, English first (for tests that look for English left in
/// a German output).
pub fn german_table() -> impl Iterator<Item = (&'static str, &'static str)> {
    crate::de::STATIC.iter().chain(crate::de::RUN_TIME).copied()
}

/// Whether the German table translates `text` (for tests of run-time texts).
pub fn has_german(text: &str) -> bool {
    german().contains_key(text)
}

/// `value` with `decimals` decimals and thousands separators, a minus sign (U+2212) when
/// negative: `−12,500.5` in English, `−12.500,5` in German.
pub fn format_number(value: f64, decimals: usize) -> String {
    let (group, point) = match current() {
        Lang::En => (',', '.'),
        Lang::De => ('.', ','),
    };
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    let nonzero = grouped
        .chars()
        .chain(frac.as_deref().unwrap_or("").chars())
        .any(|c| c.is_ascii_digit() && c != '0');
    let mut out = if value < 0.0 && nonzero {
        "\u{2212}".to_string()
    } else {
        String::new()
    };
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push(point);
        out.push_str(&f);
    }
    out
}

/// A calendar month: `2027-01` in English, `Jan. 2027` in German.
pub fn format_month(year: i32, month: i32) -> String {
    const DE: [&str; 12] = [
        "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.",
        "Dez.",
    ];
    match current() {
        Lang::En => format!("{year:04}-{month:02}"),
        Lang::De => format!("{} {year}", DE[(month.clamp(1, 12) - 1) as usize]),
    }
}

/// A `YYYY-MM` text as [`format_month`] writes it; other text as given.
pub fn format_month_text(text: &str) -> String {
    match text.split_once('-') {
        Some((y, m)) => match (y.parse(), m.parse()) {
            (Ok(y), Ok(m)) if (1..=12).contains(&m) => format_month(y, m),
            _ => text.to_string(),
        },
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_months_follow_the_language() {
        assert_eq!(format_number(-12500.5, 1), "\u{2212}12,500.5");
        assert_eq!(format_month(2027, 1), "2027-01");
        with(Lang::De, || {
            assert_eq!(format_number(-12500.5, 1), "\u{2212}12.500,5");
            assert_eq!(format_number(1234.5, 1), "1.234,5");
            assert_eq!(format_month(2027, 3), "März 2027");
            assert_eq!(format_month_text("2026-12"), "Dez. 2026");
            assert_eq!(tr("Unemployment rate"), "Arbeitslosenquote");
        });
        assert_eq!(current(), Lang::En);
        assert_eq!(tr("Unemployment rate"), "Unemployment rate");
    }

    /// The first argument of every `tr(`, `trf(` call in the crate's sources: Rust string
    /// literals, with escapes and line continuations resolved.
    fn messages() -> Vec<(String, String)> {
        // This crate's sources, and the runner's, whose console lines use the same table.
        let mut files = Vec::new();
        let mut stack = vec![
            std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
            std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../runner/src")),
        ];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "rs")
                    && !p.ends_with("de.rs")
                    && !p.ends_with("lang.rs")
                {
                    files.push(p);
                }
            }
        }
        let mut out = Vec::new();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            for call in ["tr(", "trf(", "msg("] {
                let mut rest = text.as_str();
                while let Some(at) = rest.find(call) {
                    let before = rest[..at].chars().last();
                    rest = &rest[at + call.len()..];
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    // The message is a literal, maybe on the next line; anything else (a
                    // variable holding a marked message) is not a message here.
                    if let Some(lit) = rest.trim_start().strip_prefix('"') {
                        out.push((f.display().to_string(), literal(lit)));
                    }
                }
            }
        }
        out
    }

    /// The Rust string literal at the start of `s` (after its opening quote).
    fn literal(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('"') => out.push('"'),
                    Some('\\') => out.push('\\'),
                    Some('u') => {
                        let code: String =
                            chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                        out.push(char::from_u32(u32::from_str_radix(&code, 16).unwrap()).unwrap());
                    }
                    Some('\n') => {
                        while chars.peek().is_some_and(|c| c.is_whitespace()) {
                            chars.next();
                        }
                    }
                    other => panic!("escape {other:?}"),
                },
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn every_policy_kind_has_its_german_name_and_no_text_is_twice() {
        for k in wandel_policy::KINDS {
            assert!(has_german(k.label()), "no German name for {:?}", k.label());
        }
        let mut seen = std::collections::HashSet::new();
        for (en, _) in crate::de::STATIC.iter().chain(crate::de::RUN_TIME) {
            assert!(seen.insert(*en), "{en:?} is in the German table twice");
        }
    }

    #[test]
    fn every_text_has_its_german_entry_and_every_entry_is_used() {
        let used = messages();
        assert!(used.len() > 100, "{} texts found", used.len());
        let missing: Vec<_> = used.iter().filter(|(_, m)| !has_german(m)).collect();
        assert!(missing.is_empty(), "no German entry for: {missing:#?}");
        for (en, de) in crate::de::STATIC.iter().chain(crate::de::RUN_TIME) {
            assert!(!de.trim().is_empty(), "empty German text for {en:?}");
            let placeholders = |t: &str| {
                let mut p: Vec<String> = t
                    .split('{')
                    .skip(1)
                    .filter_map(|s| s.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                p.sort();
                p
            };
            assert_eq!(placeholders(en), placeholders(de), "placeholders of {en:?}");
        }
        for (en, _) in crate::de::STATIC {
            assert!(
                used.iter().any(|(_, m)| m == en),
                "the German table has an unused entry: {en:?}"
            );
        }
    }
}
