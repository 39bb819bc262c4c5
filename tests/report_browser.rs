//! The briefing report is self-contained and renders in a real browser: headless Chromium
//! (Debian's `chromium` package, which `.ci/run` installs) opens `report.html` from disk with
//! the network unreachable, and its screenshot is not blank.
//!
//! Without Chromium the test fails with instructions; set `WANDEL_SKIP_BROWSER=1` to leave out
//! this one check on a machine where Chromium cannot be installed.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{run_scenario, scratch};

pub(crate) fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let out = Command::new("sh")
                .arg("-c")
                .arg(format!("command -v {name}"))
                .output()
                .ok()?;
            let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
            (out.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
        })
}

/// The DOM of `page` after its scripts ran, as headless Chromium (`browser`) dumps it at a
/// window `width` pixels wide, with a fresh profile in `dir`.
pub(crate) fn dump_dom(browser: &Path, page: &Path, dir: &Path, width: u32) -> String {
    let result = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--virtual-time-budget=3000",
            "--dump-dom",
        ])
        .arg(format!("--window-size={width},1000"))
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("file://{}", page.canonicalize().unwrap().display()))
        .output()
        .expect("chromium starts");
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    String::from_utf8_lossy(&result.stdout).into_owned()
}

/// Share of pixels that differ from the top-left pixel.
fn non_background_share(png_path: &Path) -> f64 {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_path).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let bytes = &buf[..info.buffer_size()];
    let px = info.color_type.samples();
    let first = &bytes[..px];
    let n = bytes.len() / px;
    let differ = bytes.chunks(px).filter(|p| *p != first).count();
    differ as f64 / n as f64
}

#[test]
fn report_renders_in_headless_chromium() {
    if std::env::var("WANDEL_SKIP_BROWSER").is_ok_and(|v| v == "1") {
        eprintln!("report_renders_in_headless_chromium: left out (WANDEL_SKIP_BROWSER=1)");
        return;
    }
    let browser = chromium().expect(
        "this test needs Chromium: `apt-get install chromium` (as .ci/run does), \
         or set WANDEL_SKIP_BROWSER=1 to leave out this one check",
    );
    let dir = scratch("report-browser");
    let out = dir.join("run");
    run_scenario(
        "scenarios/steel_closure.toml",
        &out,
        &["simulation.months=36", "simulation.replications=3"],
        &[],
    );
    let report = out.join("report.html");
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "the report must not load anything from outside"
    );
    assert!(html.contains("<svg"), "charts are inline SVG");

    let shot = dir.join("report.png");
    let profile = dir.join("profile");
    let result = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1280,2400",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!(
            "file://{}",
            report.canonicalize().unwrap().display()
        ))
        .output()
        .expect("chromium starts");
    let log = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "chromium failed: {log}");
    assert!(shot.is_file(), "no screenshot written: {log}");
    // Errors of the page itself (not of the browser's own background services) would show as
    // console messages; the report has no scripts, so there must be none.
    assert!(!log.contains("Uncaught"), "the page raised an error: {log}");
    let share = non_background_share(&shot);
    assert!(
        share > 0.05,
        "the screenshot is nearly blank ({:.1} % of pixels drawn)",
        share * 100.0
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn sweep_report_tables_fit_an_a4_page_in_headless_chromium() {
    if std::env::var("WANDEL_SKIP_BROWSER").is_ok_and(|v| v == "1") {
        eprintln!(
            "sweep_report_tables_fit_an_a4_page_in_headless_chromium: left out (WANDEL_SKIP_BROWSER=1)"
        );
        return;
    }
    let browser = chromium().expect(
        "this test needs Chromium: `apt-get install chromium` (as .ci/run does), \
         or set WANDEL_SKIP_BROWSER=1 to leave out this one check",
    );
    // A sweep with two parameters, two arms and five indicators (the shipped sweeps' shape).
    let dir = scratch("sweep-a4");
    let base = crate::util::root().join("scenarios/steel_closure.toml");
    let text = format!(
        r#"base = {:?}
seed = 5
replications = 2
keep = ["unemployment_rate.mean", "displaced.reemployed_12m", "displaced.reemployed_24m", "job_years", "net_fiscal_cost"]

[parameters]
"shocks.closure.0.announced" = ["2025-07", "2026-01"]
"simulation.months" = [36]

[[arms]]
name = "counterfactual"

[[arms]]
name = "more_search"
set = {{ "matching.applications_per_month" = 3.0 }}
"#,
        base.display().to_string()
    );
    std::fs::write(dir.join("sweep.toml"), text).unwrap();
    let out = dir.join("out");
    let o = crate::util::wandel(&[
        "sweep",
        dir.join("sweep.toml").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", crate::util::stderr(&o));
    // The report with a script that counts tables wider than the page, at the width of an A4
    // page's printable area (about 700 CSS pixels: 210 mm less margins at 96 dpi).
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let probe = "<script>const w = document.documentElement.clientWidth; let wide = 0; \
        let tables = 0; for (const t of document.querySelectorAll('table')) { tables++; \
        if (t.getBoundingClientRect().right > w + 1) wide++; } \
        document.body.setAttribute('data-tables', String(tables)); \
        document.body.setAttribute('data-wide', String(wide));</script></body>";
    let probed = dir.join("probed.html");
    std::fs::write(&probed, html.replace("</body>", probe)).unwrap();
    let dom = dump_dom(&browser, &probed, &dir, 700);
    assert!(
        dom.contains("data-wide=\"0\""),
        "a table is wider than an A4 page: {}",
        {
            let i = dom.find("data-wide").unwrap_or(0);
            &dom[i..(i + 40).min(dom.len())]
        }
    );
    assert!(!dom.contains("data-tables=\"0\""), "no table found");
    let _ = std::fs::remove_dir_all(dir);
}
