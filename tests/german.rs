//! `--lang de`: a German report, charts and headlines. The transition package's decomposition
//! run in German: every text of its `summary.json` that the report shows has a German entry,
//! the report as headless Chromium renders it holds no English text of the table (scenario
//! labels, file names and the scenario's own text aside) and writes numbers as `1.234,5`, and
//! the headlines printed at the end are German. Without Chromium the test fails with
//! instructions (as `report_browser`); `WANDEL_SKIP_BROWSER=1` checks the file instead.

use wandel_charts::lang::{german_table, has_german};

use crate::report_browser::{chromium, dump_dom};
use crate::util::{scratch, stderr, wandel};

/// The text a reader sees: the rendered page's text without the scenario as written
/// (`<pre>`), code and file names (`<code>`), read from Chromium's DOM after a script copied it.
fn rendered_text(report: &std::path::Path, dir: &std::path::Path) -> String {
    let html = std::fs::read_to_string(report).unwrap();
    let probe = "<script>const c = document.body.cloneNode(true); \
        for (const e of c.querySelectorAll('pre, code, script')) e.remove(); \
        const t = document.createElement('textarea'); t.id = 'rendered'; \
        t.textContent = c.innerText; document.body.appendChild(t);</script></body>";
    let probed = dir.join("probed.html");
    std::fs::write(&probed, html.replace("</body>", probe)).unwrap();
    if std::env::var("WANDEL_SKIP_BROWSER").is_ok_and(|v| v == "1") {
        // The file's text without tags, pre and code blocks.
        let mut text = html;
        for tag in ["pre", "code", "style"] {
            while let (Some(a), Some(b)) = (
                text.find(&format!("<{tag}")),
                text.find(&format!("</{tag}>")),
            ) {
                if b < a {
                    break;
                }
                text.replace_range(a..b + tag.len() + 3, " ");
            }
        }
        let mut out = String::new();
        let mut inside = false;
        for c in text.chars() {
            match c {
                '<' => inside = true,
                '>' => {
                    inside = false;
                    out.push(' ');
                }
                c if !inside => out.push(c),
                _ => {}
            }
        }
        return out.replace("&nbsp;", "\u{a0}");
    }
    let browser = chromium().expect(
        "this test needs Chromium: `apt-get install chromium` (as .ci/run does), or set \
         WANDEL_SKIP_BROWSER=1 to check the file without a browser",
    );
    let dom = dump_dom(&browser, &probed, dir, 1200);
    let start = dom
        .find("<textarea id=\"rendered\">")
        .expect("the probe ran")
        + 24;
    let end = start + dom[start..].find("</textarea>").unwrap();
    dom[start..end]
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
}

#[test]
fn a_german_report_has_no_english_left() {
    let dir = scratch("german");
    let out = dir.join("package");
    let o = wandel(&[
        "run",
        "scenarios/policies/transition_package.toml",
        "--decompose",
        "--set",
        "simulation.months=48",
        "--set",
        "simulation.replications=2",
        "--threads",
        "2",
        "--lang",
        "de",
        "--out",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));

    // The headlines printed at the end.
    let console = stderr(&o);
    assert!(
        console.contains("Arbeitslosenquote, Mittel über den Lauf"),
        "{console}"
    );
    assert!(
        console.contains("Replikationen mit je 48 Monaten"),
        "{console}"
    );
    for line in [
        "Zerlegung (das Paket minus das Paket ohne jeden Teil):",
        "wer gewinnt auf wessen Kosten",
        "Eingliederungszuschuss steel_hiring_subsidy:",
        "geförderte Einstellungen",
    ] {
        assert!(console.contains(line), "no {line:?} in {console}");
    }
    let english = english_left(&console);
    assert!(
        english.is_empty(),
        "English left in the German console: {english:?}"
    );

    // Every text of summary.json the report shows has a German entry.
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let mut texts = Vec::new();
    for key in ["indicators", "effects"] {
        for i in summary[key].as_array().unwrap() {
            texts.push(i["label"].as_str().unwrap().to_string());
            let unit = i["unit"].as_str().unwrap();
            if unit != "%" && unit != "€" {
                texts.push(unit.to_string());
            }
        }
    }
    for d in summary["decomposition"].as_array().unwrap() {
        let v = d["verdict"].as_str().unwrap();
        if v != "—" {
            texts.push(v.to_string());
        }
    }
    for c in summary["crowding_out"].as_array().unwrap() {
        if let Some(n) = c["note"].as_str() {
            texts.push(n.to_string());
        }
    }
    let missing: Vec<_> = texts.iter().filter(|t| !has_german(t)).collect();
    assert!(missing.is_empty(), "no German for: {missing:?}");

    // The report as a reader sees it: German, with German numbers.
    let report = out.join("report.html");
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("<html lang=\"de\">"));
    let text = rendered_text(&report, &dir);
    assert!(text.contains("Kernindikatoren"), "{text}");
    let mut english = Vec::new();
    for (en, de) in german_table() {
        for fragment in en.split(['{', '}']).filter(|f| f.len() >= 14) {
            let fragment = fragment.replace("&nbsp;", "\u{a0}");
            if !de.contains(fragment.as_str()) && text.contains(fragment.as_str()) {
                english.push(fragment);
            }
        }
    }
    assert!(
        english.is_empty(),
        "English left in the German report: {english:?}"
    );
    // The headline rate as the report writes it: a decimal comma (8,53), no decimal point.
    let rate = summary["indicators"][0]["mean"].as_f64().unwrap();
    let german = format!("{rate:.2}").replace('.', ",");
    assert!(text.contains(&german), "no {german} in the report");
    assert!(
        !text.contains(&format!("{rate:.2}")),
        "an English number in the report"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// The English texts of the German table found in `text` (fragments between placeholders,
/// 14 characters or longer, that the German text does not share).
fn english_left(text: &str) -> Vec<String> {
    let mut english = Vec::new();
    for (en, de) in german_table() {
        for fragment in en.split(['{', '}']).filter(|f| f.len() >= 14) {
            let fragment = fragment.replace("&nbsp;", "\u{a0}");
            if !de.contains(fragment.as_str()) && text.contains(fragment.as_str()) {
                english.push(fragment);
            }
        }
    }
    english
}

#[test]
fn a_sweep_and_a_calibration_in_german() {
    let dir = scratch("german-sweep");
    let file = crate::sweep::sweep_file(&dir, crate::sweep::TWO_ARMS);
    let out = dir.join("out");
    let o = wandel(&[
        "sweep",
        &file,
        "--out",
        out.to_str().unwrap(),
        "--quiet",
        "--lang",
        "de",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = out.join("report.html");
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("<html lang=\"de\">"));
    let text = rendered_text(&report, &dir);
    assert!(
        text.contains("Mittelwert nach Punkt und Variante"),
        "{text}"
    );
    assert!(
        text.contains("Arbeitslosenquote, Mittel über den Lauf, %"),
        "{text}"
    );
    let english = english_left(&text);
    assert!(
        english.is_empty(),
        "English left in the German sweep report: {english:?}"
    );

    // The shipped calibration's stored result, redrawn in German.
    let cal = dir.join("calibration");
    std::fs::create_dir_all(&cal).unwrap();
    let stored = crate::util::root().join("docs/shipped-calibration");
    for f in [
        "estimates.json",
        "moments.csv",
        "profile.csv",
        "evaluations.csv",
    ] {
        std::fs::copy(stored.join(f), cal.join(f)).unwrap();
    }
    let o = wandel(&["plot", &cal.display().to_string(), "--lang", "de"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = cal.join("report.html");
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .contains("<html lang=\"de\">")
    );
    let text = rendered_text(&report, &dir);
    assert!(text.contains("Validierungszeilen"), "{text}");
    let english = english_left(&text);
    assert!(
        english.is_empty(),
        "English left in the German calibration report: {english:?}"
    );
    let o = crate::util::wandel_bad(&["plot", &cal.display().to_string(), "--lang", "fr"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("possible values: en, de"),
        "{}",
        stderr(&o)
    );
    let _ = std::fs::remove_dir_all(dir);
}
