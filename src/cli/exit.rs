//! Exit statuses, as in grep and ripgrep.

use std::process::ExitCode;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Something was found or done.
    Success = 0,
    /// Nothing was found (`search`, `person`).
    NotFound = 1,
    /// An error: bad usage, an unknown language or race, an unusable corpus or index.
    Error = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}
