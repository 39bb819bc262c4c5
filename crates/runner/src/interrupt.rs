//! Ctrl-C and SIGTERM (a scheduler's cancel or time limit): the first asks a sweep to stop
//! starting runs, finish those under way, save and exit, and `wandel run` to stop between
//! months and write nothing but a manifest marked incomplete; the second exits at once (what
//! is on disk is still whole runs; a sweep's `--resume` continues).

use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

static STOP: AtomicBool = AtomicBool::new(false);
static INSTALL: Once = Once::new();
/// Set by an embedding program (the Python package), which watches for interrupts itself: no
/// handler is installed, and it raises the flag through [`request_stop`].
static EMBEDDED: AtomicBool = AtomicBool::new(false);

/// For an embedding program: never install a signal handler; the flag starts lowered.
pub(crate) fn embed() {
    EMBEDDED.store(true, Ordering::SeqCst);
    STOP.store(false, Ordering::SeqCst);
}

/// For an embedding program: asks the command under way to stop, as a first Ctrl-C does.
pub(crate) fn request_stop() {
    STOP.store(true, Ordering::SeqCst);
}

/// Installs the handler (once) and returns the flag it sets.
pub(crate) fn watch() -> &'static AtomicBool {
    if EMBEDDED.load(Ordering::SeqCst) {
        return &STOP;
    }
    INSTALL.call_once(|| {
        let installed = ctrlc::set_handler(|| {
            if STOP.swap(true, Ordering::SeqCst) {
                eprintln!("\nsecond interrupt: stopping now (finished runs are saved)");
                std::process::exit(130);
            }
            eprintln!(
                "\ninterrupted: finishing the runs under way, then saving (interrupt again to stop at once)"
            );
        });
        if let Err(e) = installed {
            eprintln!("warning: cannot watch for Ctrl-C ({e}); an interrupt stops the sweep at once");
        }
    });
    &STOP
}

/// For `wandel run`: installs the handler and says, on the first interrupt, that the run stops
/// between months and keeps nothing.
pub(crate) fn watch_run() -> &'static AtomicBool {
    if EMBEDDED.load(Ordering::SeqCst) {
        return &STOP;
    }
    RUN.call_once(|| {
        let installed = ctrlc::set_handler(|| {
            if STOP.swap(true, Ordering::SeqCst) {
                eprintln!("\nsecond interrupt: stopping now");
                std::process::exit(130);
            }
            eprintln!("\ninterrupted: stopping after the months under way");
        });
        if let Err(e) = installed {
            eprintln!("warning: cannot watch for Ctrl-C ({e}); an interrupt stops the run at once");
        }
    });
    &STOP
}

static RUN: Once = Once::new();
