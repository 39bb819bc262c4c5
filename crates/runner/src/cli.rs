//! The command line: subcommands and their options.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Wandel: an agent-based simulator of labour-market transitions.
#[derive(Parser, Debug)]
#[command(name = "wandel", version, about, long_about = None)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Run a scenario: CSV results, summary, manifest and charts.
    Run(RunArgs),
    /// Run a sweep: many runs of a scenario at points chosen by a design, in every arm of the
    /// sweep file, in parallel (runs.csv, aggregate.csv; docs/sweeps.md).
    Sweep(crate::sweep::SweepArgs),
    /// Estimate a scenario's free parameters by the simulated method of moments, with
    /// standard errors, identification diagnostics and validation rows declared in advance
    /// (estimates.json, moments.csv, evaluations.csv; docs/calibrate.md).
    Calibrate(crate::calibrate::CalibrateArgs),
    /// Combine the finished shards of a sweep (`wandel sweep --shard I/N`) into the result of
    /// the whole sweep.
    Merge(crate::sweep::merge::MergeArgs),
    /// Check scenario files without running them.
    Validate {
        /// Scenario files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Override a key before validation, e.g. `--set simulation.months=24` (repeatable).
        #[arg(long = "set", value_name = "PATH=VALUE")]
        set: Vec<String>,
    },
    /// Redraw the charts and the report of a finished run or sweep from its files.
    Plot {
        /// The run's or sweep's output directory.
        dir: PathBuf,
        /// The language of the charts and the report: `en` (default) or `de`.
        #[arg(long, value_enum, default_value = "en")]
        lang: Language,
    },
    /// Write a finished run's or sweep's results as an Excel workbook (results.xlsx in its
    /// directory): a sheet per table, numbers as numbers, units in the header row, an About
    /// sheet (docs/outputs.md).
    Export(crate::export::ExportArgs),
    /// The headline effects of finished runs side by side (one row per run, in the order
    /// given): job-years, re-employment, net fiscal cost and cost per job-year gained, each with
    /// its 95 % interval.
    Table {
        /// Output directories of runs with a counterfactual.
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// `markdown` (mean [interval] in each cell) or `csv` (a column each).
        #[arg(long, value_enum, default_value = "markdown")]
        format: crate::table::Format,
    },
}

/// A language of charts, reports and headlines (`--lang`).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Language {
    /// English.
    En,
    /// German.
    De,
}

impl Language {
    /// The charts crate's language.
    pub(crate) fn lang(self) -> wandel_charts::lang::Lang {
        match self {
            Language::En => wandel_charts::lang::Lang::En,
            Language::De => wandel_charts::lang::Lang::De,
        }
    }
}

/// Options of `wandel run`.
#[derive(Args, Debug)]
pub(crate) struct RunArgs {
    /// The scenario file.
    pub(crate) scenario: PathBuf,
    /// Output directory (default: out/<scenario name>/).
    #[arg(long, value_name = "DIR")]
    pub(crate) out: Option<PathBuf>,
    /// Override a key before validation, e.g. `--set simulation.seed=7` or
    /// `--set firms.0.count=20` (repeatable).
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub(crate) set: Vec<String>,
    /// Worker threads for replications, 1 to 1024 (default: all cores). Results do not depend
    /// on it.
    #[arg(long, value_name = "N", value_parser = crate::threads::threads)]
    pub(crate) threads: Option<usize>,
    /// What to compare the scenario with, under common random numbers (default:
    /// `no-policies` when the scenario has policies, else nothing): `no-policies` runs it
    /// without its policies, `no-shocks` without its closures and technology switches.
    #[arg(long, value_enum, value_name = "ARM")]
    pub(crate) counterfactual: Option<crate::arms::Counterfactual>,
    /// Run no counterfactual (no effects.csv, no effects in summary.json).
    #[arg(long, conflicts_with = "counterfactual")]
    pub(crate) no_counterfactual: bool,
    /// Also run the scenario without each of its policies (same seeds, arms in parallel) and
    /// report each policy's contribution to the package and whether the parts add up,
    /// reinforce each other or overlap (decomposition.csv). Needs two or more policies and
    /// the `no-policies` counterfactual.
    #[arg(long, conflicts_with_all = ["no_counterfactual", "counterfactual"])]
    pub(crate) decompose: bool,
    /// Skip the charts and the report.
    #[arg(long)]
    pub(crate) no_charts: bool,
    /// Also write the results as an Excel workbook, results.xlsx (as `wandel export --xlsx`).
    #[arg(long)]
    pub(crate) xlsx: bool,
    /// The language of the charts, the report and the headlines printed at the end: `en`
    /// (default) or `de` (German titles, labels and notes, numbers as 1.234,5). Scenario
    /// labels are shown as written.
    #[arg(long, value_enum, default_value = "en")]
    pub(crate) lang: Language,
    /// Replace the results of another run or sweep in the output directory (without it, a
    /// directory that holds results is refused).
    #[arg(long)]
    pub(crate) overwrite: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub(crate) quiet: bool,
}
