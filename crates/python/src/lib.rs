//! The extension module `wandel._wandel`: the `wandel` command run in-process. The Python
//! package (`python/wandel/`) builds command lines, calls [`command`] and reads the files the
//! command writes into pandas DataFrames, so the values are the command's to the last digit.
//!
//! The engine runs with the GIL released, on a thread of its own; the calling thread checks
//! for Ctrl-C every 50 ms and, on one, asks the command to stop (a run stops between months and
//! writes nothing) and raises `KeyboardInterrupt` once it has.

use std::time::Duration;

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use wandel_runner::embed::{self, Outcome};

create_exception!(
    _wandel,
    WandelError,
    PyException,
    "A bad scenario, sweep or calibration file, or a failed command: the message is the command's, with file, line and key."
);

/// Runs the `wandel` command line `args` (without the program name) and returns its exit code
/// (0, or 1 when some runs of a sweep failed); raises `WandelError` with the command's message
/// when it fails, and `KeyboardInterrupt` when interrupted.
#[pyfunction]
fn command(py: Python<'_>, args: Vec<String>) -> PyResult<u8> {
    let (outcome, interrupt) = py.detach(|| {
        std::thread::scope(|s| {
            let worker = s.spawn(|| embed::command(&args));
            let mut interrupt = None;
            while !worker.is_finished() {
                std::thread::sleep(Duration::from_millis(50));
                if interrupt.is_none()
                    && let Err(e) = Python::attach(|py| py.check_signals())
                {
                    embed::request_stop();
                    interrupt = Some(e);
                }
            }
            (worker.join(), interrupt)
        })
    });
    if let Some(e) = interrupt {
        return Err(e);
    }
    match outcome {
        Ok(Outcome::Finished(code)) => Ok(code),
        Ok(Outcome::Failed(message)) => Err(WandelError::new_err(message)),
        Err(_) => Err(WandelError::new_err("the command panicked")),
    }
}

/// The Rust core of the `wandel` package.
#[pymodule]
fn _wandel(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("WandelError", m.py().get_type::<WandelError>())?;
    m.add_function(wrap_pyfunction!(command, m)?)?;
    Ok(())
}
