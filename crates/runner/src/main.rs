//! The `wandel` command (the library `wandel_runner` does the work).

fn main() -> std::process::ExitCode {
    wandel_runner::main()
}
