//! The `senate-kb` binary: everything happens in [`senate_kb::run`].

fn main() -> std::process::ExitCode {
    senate_kb::run()
}
