//! Completing a sweep, a shard or a merge: the runs rewritten sorted by point, arm and
//! replication, the monthly series likewise (copied run by run, so memory does not grow with
//! the series), and, for a whole sweep, `aggregate.csv` and `sensitivity.csv`. A sweep and the
//! merge of its shards go through here with the same runs, so they write the same bytes.

use std::collections::HashSet;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::Outcome;
use super::aggregate::{Results, write_aggregate, write_sensitivity};
use super::file::{Design, SweepFile};
use super::journal::{csv_lines, runs_header, runs_row, series_blocks};
use crate::atomic::write_atomic;

/// Writes the finished files of `outcomes` into `dir`; `series` are the `series.csv` files
/// the runs' monthly rows are in; `whole` is false for a shard (no summary files: they need
/// every run).
pub(crate) fn finish(
    dir: &Path,
    sweep: &SweepFile,
    points: &[Vec<String>],
    outcomes: &mut [Outcome],
    series: &[PathBuf],
    whole: bool,
) -> Result<()> {
    outcomes.sort_by_key(|o| (o.job.point, o.job.arm, o.job.replication));
    write_atomic(&dir.join("runs.csv"), |w| {
        w.write_all(&csv_lines([runs_header(sweep)])?)?;
        for o in outcomes.iter() {
            w.write_all(&csv_lines([runs_row(sweep, points, o)])?)?;
        }
        Ok(())
    })?;
    if sweep.series {
        write_series(&dir.join("series.csv"), sweep, outcomes, series)?;
    }
    if whole {
        let results = Results::new(sweep, points.len(), outcomes);
        write_aggregate(&dir.join("aggregate.csv"), sweep, points, &results)?;
        if sweep.design == Design::Saltelli {
            write_sensitivity(&dir.join("sensitivity.csv"), sweep, points.len(), &results)?;
        }
    }
    Ok(())
}

/// `series.csv` sorted by run, copied block by block from `sources`; every run that succeeded
/// must have exactly one block.
fn write_series(
    path: &Path,
    sweep: &SweepFile,
    outcomes: &[Outcome],
    sources: &[PathBuf],
) -> Result<()> {
    let mut blocks = series_blocks(sources, sweep)?;
    blocks.sort_by_key(|b| b.key);
    let expected: HashSet<_> = outcomes
        .iter()
        .filter(|o| o.values.is_ok())
        .map(|o| (o.job.point, o.job.arm, o.job.replication))
        .collect();
    let mut seen = HashSet::new();
    for b in &blocks {
        if !expected.contains(&b.key) || !seen.insert(b.key) {
            bail!(
                "the monthly series of point {}, arm {}, replication {} are not those of one finished run",
                b.key.0,
                sweep.arms[b.key.1].name,
                b.key.2
            );
        }
    }
    if seen.len() != expected.len() {
        bail!(
            "{} finished runs have no monthly series",
            expected.len() - seen.len()
        );
    }
    let mut files: Vec<File> = sources
        .iter()
        .map(|p| File::open(p).with_context(|| format!("cannot read {}", p.display())))
        .collect::<Result<_>>()?;
    write_atomic(path, |w| {
        w.write_all(&csv_lines([super::journal::series_header()])?)?;
        let mut buf = Vec::new();
        for b in &blocks {
            let f = &mut files[b.file];
            f.seek(SeekFrom::Start(b.start))?;
            buf.resize(b.len as usize, 0);
            f.read_exact(&mut buf)?;
            w.write_all(&buf)?;
        }
        Ok(())
    })
}
