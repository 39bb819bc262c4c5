//! The `wandel` command in-process, for a program that embeds it (the Python package): a
//! command line in, its exit code or its error text out, exactly as the command prints it.
//! No signal handler is installed; the embedding program asks a command to stop with
//! [`request_stop`] (a first Ctrl-C's effect: a run stops between months and writes nothing, a
//! sweep or calibration finishes the runs under way and can be resumed).

use clap::Parser;

use crate::cli::Cli;

/// What a command ended with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It finished; the exit code the command would have had (0, or 1 when some runs of a
    /// sweep failed, 130 when it was stopped and can be resumed).
    Finished(u8),
    /// It failed: bad input or another error, with the text the command prints (located
    /// diagnostics for a bad scenario or file).
    Failed(String),
}

/// Runs the command line `args` (without the program name, e.g. `["run", "scenario.toml",
/// "--out", "dir"]`). Command-line errors are failures with clap's message.
pub fn command(args: &[String]) -> Outcome {
    crate::interrupt::embed();
    let argv = std::iter::once("wandel".to_string()).chain(args.iter().cloned());
    let cli = match Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    match crate::dispatch(cli) {
        Ok(code) => Outcome::Finished(exit_code_number(code)),
        Err(e) => Outcome::Failed(crate::error_text(&e)),
    }
}

/// Asks the command under way to stop (from another thread).
pub fn request_stop() {
    crate::interrupt::request_stop();
}

/// The number of an exit code (`ExitCode` hides it; the command returns only these).
fn exit_code_number(code: std::process::ExitCode) -> u8 {
    for n in [0u8, 1, 2, 130] {
        if code == std::process::ExitCode::from(n) {
            return n;
        }
    }
    2
}
