//! The `wandel` command as a library: `run` a scenario, `validate` scenario files, `plot` a
//! finished run, `sweep` many runs at once, `calibrate`, `merge` the shards of a sweep, `table`
//! the effects of finished runs side by side. The binary (`main.rs`) calls [`main`]; the Python
//! package calls [`embed`], which runs the same code in-process.
//!
//! Exit codes: 0 success, 1 some runs of a sweep failed, 2 bad input (scenario problems,
//! unreadable files) or any other error, 130 a sweep interrupted (it can be resumed).

mod arms;
mod atomic;
mod calibrate;
mod cli;
mod crowding;
mod decompose;
mod effects;
mod export;
mod followup;
mod interrupt;
mod kind_effects;
mod outdir;
mod output;
mod ratio;
mod regional;
mod run;
mod summary;
mod sweep;
mod table;
mod threads;

pub mod embed;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use cli::{Cli, Command};

/// The `wandel` command: parses the command line, runs the command and returns its exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", error_text(&e));
            ExitCode::from(2)
        }
    }
}

/// Scenario diagnostics, every problem of a file with its location, as the error of a command
/// (printed as they are, without the `error:` prefix of other errors).
#[derive(Debug)]
struct Reported(String);

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Reported {}

/// Loads a scenario, or fails with all its problems.
fn load_or_report(path: &Path, set: &[String]) -> Result<wandel_scenario::Scenario> {
    wandel_scenario::load(path, set)
        .map_err(|diags| anyhow::Error::new(Reported(diags.to_string())))
}

/// The text an error is printed with: diagnostics as they are, anything else after `error:`.
fn error_text(e: &anyhow::Error) -> String {
    match e.downcast_ref::<Reported>() {
        Some(r) => r.0.clone(),
        None => format!("error: {e:#}"),
    }
}

/// The charts and the report of a finished run, in `lang`.
fn draw_charts(dir: &Path, lang: wandel_charts::lang::Lang) -> Result<Vec<PathBuf>> {
    wandel_charts::lang::with(lang, || {
        let opts = wandel_charts::ChartOptions {
            png: true,
            svg: true,
        };
        let report = wandel_charts::draw_all(dir, &opts)?;
        let html = wandel_charts::write_report(dir)?;
        let mut files = report.files;
        files.push(html);
        Ok(files)
    })
}

/// The charts and the report of a finished calibration, in `lang`.
fn draw_calibration_charts(dir: &Path, lang: wandel_charts::lang::Lang) -> Result<Vec<PathBuf>> {
    wandel_charts::lang::with(lang, || {
        let opts = wandel_charts::ChartOptions {
            png: true,
            svg: true,
        };
        let mut files = wandel_charts::draw_calibration(dir, &opts)?.files;
        files.push(wandel_charts::write_calibration_report(dir)?);
        Ok(files)
    })
}

/// The charts and the report of a finished sweep, in `lang`.
fn draw_sweep_charts(dir: &Path, lang: wandel_charts::lang::Lang) -> Result<Vec<PathBuf>> {
    wandel_charts::lang::with(lang, || {
        let opts = wandel_charts::ChartOptions {
            png: true,
            svg: true,
        };
        let report = wandel_charts::draw_sweep(dir, &opts)?;
        let mut files = report.files;
        files.push(wandel_charts::write_sweep_report(dir)?);
        Ok(files)
    })
}

fn dispatch(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Run(args) => {
            let dir = run::run(&args)?;
            let workbook = if args.xlsx {
                Some(export::export(&dir)?)
            } else {
                None
            };
            if !args.quiet {
                use wandel_charts::lang::trf;
                wandel_charts::lang::with(args.lang.lang(), || {
                    println!("{}", trf("results in {dir}", &[("dir", &dir.display())]));
                    if !args.no_charts {
                        println!(
                            "{}",
                            trf(
                                "charts in {charts}, report: {report}",
                                &[
                                    ("charts", &dir.join("charts").display()),
                                    ("report", &dir.join("report.html").display()),
                                ]
                            )
                        );
                    }
                    if let Some(w) = &workbook {
                        println!("{}", trf("workbook: {path}", &[("path", &w.display())]));
                    }
                });
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { files, set } => {
            let mut failed = false;
            for f in &files {
                match wandel_scenario::load(f, &set) {
                    Ok(s) => println!(
                        "ok: {} (\"{}\", {} months from {}, {} replication{})",
                        f.display(),
                        s.name,
                        s.params.months,
                        s.params.start,
                        s.replications,
                        if s.replications == 1 { "" } else { "s" }
                    ),
                    Err(d) => {
                        eprintln!("{d}");
                        failed = true;
                    }
                }
            }
            Ok(if failed {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Plot { dir, lang } => {
            outdir::refuse_incomplete(&dir)?;
            let files = if wandel_charts::is_sweep(&dir) {
                draw_sweep_charts(&dir, lang.lang())?
            } else if wandel_charts::is_calibration(&dir) {
                draw_calibration_charts(&dir, lang.lang())?
            } else {
                draw_charts(&dir, lang.lang())?
            };
            println!("{} files written in {}", files.len(), dir.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => {
            let path = export::export(&args.dir)?;
            println!("workbook: {}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Sweep(args) => sweep::sweep(&args),
        Command::Calibrate(args) => calibrate::calibrate(&args),
        Command::Merge(args) => sweep::merge::merge(&args),
        Command::Table { dirs, format } => {
            print!("{}", table::table(&dirs, format)?);
            Ok(ExitCode::SUCCESS)
        }
    }
}
