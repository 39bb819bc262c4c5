//! Helpers: the repository root, scratch directories and running the `wandel` binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

/// A fresh, empty scratch directory for test `name`.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wandel-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// Runs `wandel` with `args` from the repository root.
pub(crate) fn wandel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wandel"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("wandel runs")
}

/// Most memory a bad input may make `wandel` use (peak resident set): 1 GB (issue "Hardening":
/// no case of the bad-input catalogue allocates more).
pub(crate) const BAD_INPUT_MEMORY: u64 = 1 << 30;

/// Runs `wandel` with `args` from the repository root and measures the peak resident memory of
/// that process alone (`wait4`'s `ru_maxrss`), in bytes.
pub(crate) fn wandel_measured(args: &[&str]) -> (Output, u64) {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_wandel"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("wandel starts");
    let mut out_pipe = child.stdout.take().expect("stdout");
    let mut err_pipe = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut b = Vec::new();
        out_pipe.read_to_end(&mut b).expect("stdout read");
        b
    });
    let mut stderr = Vec::new();
    err_pipe.read_to_end(&mut stderr).expect("stderr read");
    let stdout = out_reader.join().expect("stdout reader");
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain data; `wait4` reaps exactly this child, which `Child` never
    // waits for afterwards (it is dropped without `wait`).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "wait4 on wandel");
    std::mem::forget(child);
    use std::os::unix::process::ExitStatusExt;
    let output = Output {
        status: std::process::ExitStatus::from_raw(status),
        stdout,
        stderr,
    };
    // ru_maxrss is in kilobytes on Linux.
    (output, usage.ru_maxrss as u64 * 1024)
}

/// Runs `wandel` on a bad input: as [`wandel`], and panics if the process's peak memory
/// exceeds [`BAD_INPUT_MEMORY`].
pub(crate) fn wandel_bad(args: &[&str]) -> Output {
    let (out, peak) = wandel_measured(args);
    assert!(
        peak <= BAD_INPUT_MEMORY,
        "wandel {}: peak memory {} MB exceeds {} MB",
        args.join(" "),
        peak >> 20,
        BAD_INPUT_MEMORY >> 20
    );
    out
}

/// Standard error as text.
pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Loads a shipped scenario with overrides.
pub(crate) fn scenario(rel: &str, set: &[&str]) -> wandel_scenario::Scenario {
    let set: Vec<String> = set.iter().map(|s| s.to_string()).collect();
    wandel_scenario::load(&root().join(rel), &set)
        .unwrap_or_else(|d| panic!("{rel} is valid:\n{d}"))
}

/// Runs `wandel run` on a shipped scenario into `out`, with `--quiet`, the `--set` overrides
/// `set` and further arguments `extra`; panics with the error output when it fails.
pub(crate) fn run_scenario(rel: &str, out: &Path, set: &[&str], extra: &[&str]) -> Output {
    let mut args = vec![
        "run".to_string(),
        rel.to_string(),
        "--out".into(),
        out.display().to_string(),
        "--quiet".into(),
    ];
    for s in set {
        args.push("--set".into());
        args.push(s.to_string());
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = wandel(&argv);
    assert!(
        o.status.success(),
        "wandel {}: {}",
        args.join(" "),
        stderr(&o)
    );
    o
}

/// Replication `rep` of `s` with its policies (or none), every invariant recounted each month;
/// returns the month records and the policy run (ledger, reports).
pub(crate) fn run_checked(
    s: &wandel_scenario::Scenario,
    rep: u32,
    with_policies: bool,
) -> (Vec<wandel_engine::MonthRecord>, wandel_policy::PolicyRun) {
    let specs = if with_policies { &s.policies[..] } else { &[] };
    let mut policies = wandel_policy::PolicyRun::new(specs, &s.fiscal);
    let mut sim = wandel_engine::Simulation::new(&s.params, rep);
    let mut months = Vec::new();
    while !sim.finished() {
        let r = sim.step(&mut policies);
        wandel_engine::invariants::check(sim.economy())
            .unwrap_or_else(|e| panic!("{}: {e}", r.month));
        months.push(r);
    }
    (months, policies)
}
