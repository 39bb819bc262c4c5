//! Progress of a sweep on stderr: a bar with runs done, total, rate and time left on a
//! terminal; otherwise (a log file, a scheduler's output) a plain line every few seconds.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Seconds between plain lines when stderr is not a terminal.
const PLAIN_EVERY: Duration = Duration::from_secs(5);

/// The progress display.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    plain: Option<Mutex<(Instant, u64)>>,
    total: u64,
    started: Instant,
    /// Runs done before this invocation (`--resume`), not counted in the rate.
    before: u64,
}

impl Progress {
    /// Shows nothing with `quiet`.
    pub(crate) fn new(total: u64, before: u64, quiet: bool) -> Progress {
        let terminal = std::io::stderr().is_terminal();
        let bar = (!quiet && terminal).then(|| {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("[{bar:40}] {pos}/{len} runs, {per_sec}, {eta} left")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
            bar.set_position(before);
            bar
        });
        Progress {
            bar,
            plain: (!quiet && !terminal).then(|| Mutex::new((Instant::now(), before))),
            total,
            started: Instant::now(),
            before,
        }
    }

    /// One more run done.
    pub(crate) fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
        if let Some(plain) = &self.plain {
            let mut p = plain.lock().unwrap_or_else(|e| e.into_inner());
            p.1 += 1;
            if p.0.elapsed() >= PLAIN_EVERY || p.1 == self.total {
                p.0 = Instant::now();
                eprintln!("{}", self.line(p.1));
            }
        }
    }

    /// "412/1000 runs, 3.2 runs/s, 3 min 4 s left".
    fn line(&self, done: u64) -> String {
        let seconds = self.started.elapsed().as_secs_f64();
        let rate = (done - self.before) as f64 / seconds.max(1e-9);
        let left = if rate > 0.0 {
            let s = ((self.total - done) as f64 / rate).round() as u64;
            if s >= 60 {
                format!(", {} min {} s left", s / 60, s % 60)
            } else {
                format!(", {s} s left")
            }
        } else {
            String::new()
        };
        format!("{done}/{} runs, {rate:.2} runs/s{left}", self.total)
    }

    /// Removes the bar.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
