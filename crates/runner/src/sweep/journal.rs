//! `runs.csv` (and `series.csv`) written as runs finish: each finished run is appended as one
//! whole line (its monthly series as one block) under a lock and flushed, so what is on disk
//! after Ctrl-C, `kill -9` or a power cut is a header and whole runs, perhaps with a torn last
//! line. `--resume` cuts the torn tail, reads the runs already done and runs only the others;
//! a run's series rows are kept only when its `runs.csv` row is there, since the row is written
//! after them. When the sweep completes, the files are rewritten sorted by point, arm and
//! replication (`finish.rs`). Memory held per run is its row of kept indicators.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, bail};

use super::file::SweepFile;
use super::{Job, Outcome};

/// The header of `runs.csv`.
pub(crate) fn runs_header(sweep: &SweepFile) -> Vec<String> {
    let mut header: Vec<String> = ["point", "arm", "replication", "seed"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    header.extend(sweep.parameters.iter().map(|p| p.path.clone()));
    header.extend(sweep.keep.iter().cloned());
    header.extend(["status".to_string(), "error".to_string()]);
    header
}

/// The header of `series.csv`.
pub(crate) fn series_header() -> Vec<String> {
    let mut header = vec!["point".to_string(), "arm".to_string()];
    header.extend(crate::output::ECONOMY_COLUMNS.iter().map(|s| s.to_string()));
    header
}

/// A number as the result files write it: the shortest text that reads back as the same
/// value; empty when not finite.
pub(crate) fn cell(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => format!("{v}"),
        _ => String::new(),
    }
}

/// The `runs.csv` row of a finished run.
pub(crate) fn runs_row(sweep: &SweepFile, points: &[Vec<String>], o: &Outcome) -> Vec<String> {
    let j = &o.job;
    let mut row = vec![
        j.point.to_string(),
        sweep.arms[j.arm].name.clone(),
        j.replication.to_string(),
        j.seed.to_string(),
    ];
    row.extend(points[j.point].iter().map(|v| super::design::display(v)));
    match &o.values {
        Ok(v) => {
            row.extend(v.iter().map(|x| cell(Some(*x))));
            row.extend(["ok".to_string(), String::new()]);
        }
        Err(e) => {
            row.extend(sweep.keep.iter().map(|_| String::new()));
            // One line per run, whatever the message.
            row.extend(["failed".to_string(), e.replace(['\n', '\r'], " ")]);
        }
    }
    row
}

/// CSV text of records, each ending in a newline.
pub(crate) fn csv_lines<I, R>(records: I) -> Result<Vec<u8>>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator,
    R::Item: AsRef<[u8]>,
{
    let mut c = csv::Writer::from_writer(Vec::new());
    for r in records {
        c.write_record(r)?;
    }
    c.into_inner().map_err(|e| anyhow::anyhow!("{}", e.error()))
}

/// Reads the runs of a `runs.csv` written for `sweep` (its header must match); a torn last
/// line (no newline) is ignored.
pub(crate) fn read_runs(path: &Path, sweep: &SweepFile, points: usize) -> Result<Vec<Outcome>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let whole = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(&bytes[..whole]);
    let header: Vec<String> = reader.headers()?.iter().map(|s| s.to_string()).collect();
    if header != runs_header(sweep) {
        bail!(
            "{} was written by a different sweep (its columns differ from this sweep file's)",
            path.display()
        );
    }
    let keep = sweep.keep.len();
    let first_value = 4 + sweep.parameters.len();
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let r = record.with_context(|| format!("{}:{line}: unreadable row", path.display()))?;
        let bad = |what: &str| anyhow::anyhow!("{}:{line}: {what}", path.display());
        let point: usize = r[0].parse().map_err(|_| bad("bad point"))?;
        let arm = sweep
            .arms
            .iter()
            .position(|a| a.name == r[1])
            .ok_or_else(|| bad("unknown arm"))?;
        let replication: u32 = r[2].parse().map_err(|_| bad("bad replication"))?;
        let seed: u64 = r[3].parse().map_err(|_| bad("bad seed"))?;
        if point >= points
            || replication >= sweep.replications
            || seed != super::design::seed_of(sweep, point, replication)
        {
            bail!(
                "{}:{line}: point {point}, replication {replication}, seed {seed} is not a run of this sweep",
                path.display()
            );
        }
        let values = match &r[first_value + keep] {
            "ok" => Ok((first_value..first_value + keep)
                .map(|c| {
                    if r[c].is_empty() {
                        Ok(f64::NAN)
                    } else {
                        r[c].parse::<f64>().map_err(|_| bad("bad number"))
                    }
                })
                .collect::<Result<Vec<f64>>>()?),
            "failed" => Err(r[first_value + keep + 1].to_string()),
            _ => return Err(bad("status is neither ok nor failed")),
        };
        out.push(Outcome {
            job: Job {
                point,
                arm,
                replication,
                seed,
            },
            values,
        });
    }
    Ok(out)
}

/// The key of a run: (point, arm, replication).
pub(crate) type Key = (usize, usize, u32);

/// `runs.csv` and, when the sweep keeps them, `series.csv`, open for appending.
pub(crate) struct Journal {
    runs: Mutex<File>,
    series: Option<Mutex<File>>,
}

fn create_with_header(path: &Path, header: &[String]) -> Result<File> {
    let mut f = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    f.write_all(&csv_lines([header])?)?;
    Ok(f)
}

/// Opens `path` for appending after cutting a torn last line.
fn reopen(path: &Path) -> Result<File> {
    let mut f = OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    let bytes = std::fs::read(path)?;
    let whole = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    f.set_len(whole as u64)?;
    f.seek(SeekFrom::End(0))?;
    Ok(f)
}

/// The run a `series.csv` row belongs to (columns point, arm, month, replication, ...).
fn series_key(line: &[u8], sweep: &SweepFile) -> Option<Key> {
    let text = std::str::from_utf8(line).ok()?;
    let c: Vec<&str> = text.splitn(5, ',').collect();
    let arm = *c.get(1)?;
    Some((
        c.first()?.parse().ok()?,
        sweep.arms.iter().position(|a| a.name == arm)?,
        c.get(3)?.parse().ok()?,
    ))
}

/// Keeps only the series rows of runs in `done` (and the header), through a temporary file.
fn filter_series(path: &Path, done: &HashSet<Key>, sweep: &SweepFile) -> Result<()> {
    let tmp = path.with_extension("csv.resume");
    {
        let mut out = std::io::BufWriter::new(File::create(&tmp)?);
        let reader = BufReader::new(File::open(path)?);
        for (i, line) in reader.split(b'\n').enumerate() {
            let line = line?;
            if i == 0 || series_key(&line, sweep).is_some_and(|k| done.contains(&k)) {
                out.write_all(&line)?;
                out.write_all(b"\n")?;
            }
        }
        out.flush()?;
    }
    std::fs::rename(&tmp, path)?;
    Ok(())
}

impl Journal {
    /// Starts new files (header only).
    pub(crate) fn create(dir: &Path, sweep: &SweepFile) -> Result<Journal> {
        let runs = create_with_header(&dir.join("runs.csv"), &runs_header(sweep))?;
        let series = if sweep.series {
            Some(Mutex::new(create_with_header(
                &dir.join("series.csv"),
                &series_header(),
            )?))
        } else {
            None
        };
        Ok(Journal {
            runs: Mutex::new(runs),
            series,
        })
    }

    /// Reopens the files of an interrupted sweep: the runs already done, and the files ready
    /// for the rest.
    pub(crate) fn resume(
        dir: &Path,
        sweep: &SweepFile,
        points: usize,
    ) -> Result<(Journal, Vec<Outcome>)> {
        let runs_path = dir.join("runs.csv");
        if !runs_path.exists() {
            return Ok((Journal::create(dir, sweep)?, Vec::new()));
        }
        let runs = reopen(&runs_path)?;
        let done = read_runs(&runs_path, sweep, points)?;
        let mut keys = HashSet::new();
        for o in &done {
            if !keys.insert((o.job.point, o.job.arm, o.job.replication)) {
                bail!(
                    "{} holds point {}, arm {}, replication {} twice",
                    runs_path.display(),
                    o.job.point,
                    sweep.arms[o.job.arm].name,
                    o.job.replication
                );
            }
        }
        let series = if sweep.series {
            let path = dir.join("series.csv");
            if path.exists() {
                filter_series(&path, &keys, sweep)?;
                Some(Mutex::new(reopen(&path)?))
            } else {
                Some(Mutex::new(create_with_header(&path, &series_header())?))
            }
        } else {
            None
        };
        Ok((
            Journal {
                runs: Mutex::new(runs),
                series,
            },
            done,
        ))
    }

    /// Appends a finished run: its series block first, then its row.
    pub(crate) fn append(
        &self,
        sweep: &SweepFile,
        points: &[Vec<String>],
        outcome: &Outcome,
        series: Option<Vec<u8>>,
    ) -> Result<()> {
        if let (Some(file), Some(block)) = (&self.series, series) {
            let mut f = file.lock().unwrap_or_else(|e| e.into_inner());
            f.write_all(&block)?;
        }
        let line = csv_lines([runs_row(sweep, points, outcome)])?;
        let mut f = self.runs.lock().unwrap_or_else(|e| e.into_inner());
        f.write_all(&line)?;
        Ok(())
    }

    /// Forces what was written onto the disk.
    pub(crate) fn sync(&self) -> Result<()> {
        self.runs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .sync_data()?;
        if let Some(s) = &self.series {
            s.lock().unwrap_or_else(|e| e.into_inner()).sync_data()?;
        }
        Ok(())
    }
}

/// Where each run's block of series rows lies in one of several `series.csv` files.
pub(crate) struct SeriesBlock {
    pub(crate) key: Key,
    pub(crate) file: usize,
    pub(crate) start: u64,
    pub(crate) len: u64,
}

/// The run blocks of series files (each run's rows are contiguous).
pub(crate) fn series_blocks(files: &[PathBuf], sweep: &SweepFile) -> Result<Vec<SeriesBlock>> {
    let mut blocks: Vec<SeriesBlock> = Vec::new();
    for (f, path) in files.iter().enumerate() {
        let reader = BufReader::new(
            File::open(path).with_context(|| format!("cannot read {}", path.display()))?,
        );
        let mut offset = 0u64;
        for (i, line) in reader.split(b'\n').enumerate() {
            let line = line?;
            let len = line.len() as u64 + 1;
            if i > 0 {
                let key = series_key(&line, sweep)
                    .with_context(|| format!("{}:{}: unreadable row", path.display(), i + 1))?;
                match blocks.last_mut() {
                    Some(b) if b.key == key && b.file == f && b.start + b.len == offset => {
                        b.len += len
                    }
                    _ => blocks.push(SeriesBlock {
                        key,
                        file: f,
                        start: offset,
                        len,
                    }),
                }
            }
            offset += len;
        }
    }
    Ok(blocks)
}
