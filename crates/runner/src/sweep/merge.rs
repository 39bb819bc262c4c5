//! `wandel merge DIR... --out DIR`: the finished shards of one sweep (`wandel sweep --shard
//! I/N`) combined into exactly the result of the unsharded sweep. Every shard must be complete,
//! of the same sweep file and base scenario, and each of the N shards given once; the runs
//! must then be every run of the sweep, each once.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::{INDICATORS, Manifest, all_jobs, design, file, finish, journal};

/// Options of `wandel merge`.
#[derive(clap::Args, Debug)]
pub(crate) struct MergeArgs {
    /// The shards' output directories.
    #[arg(required = true)]
    pub(crate) shards: Vec<PathBuf>,
    /// Output directory of the merged sweep.
    #[arg(long, value_name = "DIR", required = true)]
    pub(crate) out: PathBuf,
    /// Replace the results of another run or sweep in the output directory.
    #[arg(long)]
    pub(crate) overwrite: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub(crate) quiet: bool,
}

/// Merges; the exit code is 1 when some runs failed.
pub(crate) fn merge(args: &MergeArgs) -> Result<ExitCode> {
    let manifests: Vec<Manifest> = args
        .shards
        .iter()
        .map(|d| Manifest::read(d))
        .collect::<Result<_>>()?;
    let first = &manifests[0];
    let mut count = None;
    let mut seen = HashSet::new();
    for (dir, m) in args.shards.iter().zip(&manifests) {
        let Some(shard) = m.shard else {
            bail!("{} is a whole sweep, not a shard", dir.display());
        };
        if !m.complete {
            bail!(
                "{} is an unfinished shard ({} of {} runs); finish it with wandel sweep {} --shard {}/{} --resume --out {}",
                dir.display(),
                m.runs_done,
                m.runs,
                m.sweep_file,
                shard.index,
                shard.count,
                dir.display()
            );
        }
        if m.sweep_text != first.sweep_text || m.resolved_base != first.resolved_base {
            bail!(
                "{} is a shard of a different sweep file or base scenario than {}",
                dir.display(),
                args.shards[0].display()
            );
        }
        if *count.get_or_insert(shard.count) != shard.count {
            bail!(
                "{} is shard {}/{}, but {} is of {} shards",
                dir.display(),
                shard.index,
                shard.count,
                args.shards[0].display(),
                count.unwrap_or(0)
            );
        }
        if !seen.insert(shard.index) {
            bail!("shard {} is given twice", shard.index);
        }
    }
    let count = count.unwrap_or(0);
    let missing: Vec<String> = (0..count)
        .filter(|i| !seen.contains(i))
        .map(|i| i.to_string())
        .collect();
    if !missing.is_empty() {
        if let [one] = missing.as_slice() {
            bail!("shard {one} of {count} is missing");
        }
        bail!("shards {} of {count} are missing", missing.join(", "));
    }
    let sweep = file::parse(
        std::path::Path::new(&first.sweep_file),
        first.sweep_text.clone(),
        INDICATORS,
        false,
    )
    .map_err(|d| anyhow::anyhow!("the sweep file kept in the shards' manifest: {d}"))?;
    let points = design::points(&sweep);
    let mut outcomes = Vec::new();
    for (dir, m) in args.shards.iter().zip(&manifests) {
        let runs = journal::read_runs(&dir.join("runs.csv"), &sweep, points.len())?;
        let shard = m.shard.expect("checked above");
        if let Some(o) = runs
            .iter()
            .find(|o| !shard.holds(o.job.point, o.job.replication, sweep.replications))
        {
            bail!(
                "{} holds point {}, replication {}, which is not in shard {}/{}",
                dir.display(),
                o.job.point,
                o.job.replication,
                shard.index,
                shard.count
            );
        }
        outcomes.extend(runs);
    }
    let expected: HashSet<journal::Key> = all_jobs(&sweep, points.len())
        .iter()
        .map(|j| (j.point, j.arm, j.replication))
        .collect();
    let got: HashSet<journal::Key> = outcomes
        .iter()
        .map(|o| (o.job.point, o.job.arm, o.job.replication))
        .collect();
    if got.len() != outcomes.len() || got != expected {
        bail!(
            "the shards hold {} runs ({} distinct) of the sweep's {}",
            outcomes.len(),
            got.len(),
            expected.len()
        );
    }
    crate::outdir::prepare(&args.out, args.overwrite)?;
    let series: Vec<PathBuf> = args.shards.iter().map(|d| d.join("series.csv")).collect();
    finish::finish(&args.out, &sweep, &points, &mut outcomes, &series, true)?;
    let failed = outcomes.iter().filter(|o| o.values.is_err()).count();
    let manifest = Manifest {
        shard: None,
        runs: outcomes.len(),
        runs_done: outcomes.len(),
        failed,
        threads: manifests.iter().map(|m| m.threads).max().unwrap_or(1),
        started_unix: manifests.iter().map(|m| m.started_unix).min().unwrap_or(0),
        wall_seconds: manifests.iter().map(|m| m.wall_seconds).sum(),
        merged_from: args
            .shards
            .iter()
            .map(|d| d.display().to_string())
            .collect(),
        complete: true,
        ..first.clone()
    };
    manifest.write(&args.out)?;
    crate::draw_sweep_charts(&args.out, wandel_charts::lang::Lang::En)?;
    if !args.quiet {
        eprintln!(
            "{} shards, {} runs ({failed} failed) merged into {}",
            count,
            outcomes.len(),
            args.out.display()
        );
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
