//! The bound on `--threads`, shared by `wandel run` and `wandel sweep`.

/// Most worker threads `--threads` accepts (reason: the largest workstations and cluster nodes
/// have a few hundred hardware threads; more threads than cores only adds start-up time, and
/// 10,000 threads took 118 s to start where one run takes 0.4 s).
pub(crate) const MAX_THREADS: usize = 1024;

/// `--threads`: a whole number from 1 to [`MAX_THREADS`].
pub(crate) fn threads(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if (1..=MAX_THREADS).contains(&n) => Ok(n),
        _ => Err(format!(
            "must be a whole number from 1 to {MAX_THREADS} (the worker threads; results do not depend on it)"
        )),
    }
}
