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

/// Most memory a bad input may make `wandel` use: 1 GB (issue "Hardening": no case of the
/// bad-input catalogue allocates more).
pub(crate) const BAD_INPUT_MEMORY: u64 = 1 << 30;

/// Runs `wandel` with `args` from the repository root under a limit of `bytes` on its data
/// (`RLIMIT_DATA`: the heap and every private writable mapping, the memory it allocates). An
/// input that needs more makes an allocation fail, and the process aborts on a signal instead
/// of exiting with a code, which every caller's exit-code check catches. (A limit, not a
/// measurement: Linux keeps a process's peak resident memory across `exec`, so a child's
/// `ru_maxrss` includes the test process's own peak at the time it was spawned.)
pub(crate) fn wandel_limited(args: &[&str], bytes: u64) -> Output {
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(env!("CARGO_BIN_EXE_wandel"));
    command.args(args).current_dir(root());
    // SAFETY: `setrlimit` is async-signal-safe, and the closure touches nothing else of the
    // parent's state between fork and exec.
    unsafe {
        command.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: bytes as libc::rlim_t,
                rlim_max: bytes as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_DATA, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    command.output().expect("wandel runs")
}

/// Runs `wandel` on a bad input: as [`wandel`], within [`BAD_INPUT_MEMORY`] of data.
pub(crate) fn wandel_bad(args: &[&str]) -> Output {
    wandel_limited(args, BAD_INPUT_MEMORY)
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
