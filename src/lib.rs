//! `plan` checks and publishes a business's customer-service plan kept as a YAML or TOML
//! file: customer profiles, contact channels, teams and shifts, escalation paths,
//! complaint handling and compensation, training, feedback and review.
//!
//! The flow runs one way: a [`source::SourceFile`] is parsed and validated by [`load`]
//! into a [`model::Plan`], [`rules`] turn the plan into [`diagnostic::Diagnostic`]s, and
//! [`output`] writes them in the chosen format. [`analysis`] is that pipeline in one call,
//! as every command uses it. [`commands`] is the only place that prints.

pub mod analysis;
pub mod cli;
pub mod commands;
pub mod coverage;
pub mod diagnostic;
pub mod diff;
pub mod input;
pub mod load;
pub mod model;
pub mod output;
pub mod render;
pub mod rules;
pub mod schema;
pub mod source;
pub mod staffing;
pub mod suggest;
pub mod time;

use std::process::ExitCode;

/// How a successful run of the tool ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing at or above the failure threshold (exit 0).
    Success,
    /// Findings at or above the threshold (exit 1).
    Failure,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        match status {
            ExitStatus::Success => ExitCode::SUCCESS,
            ExitStatus::Failure => ExitCode::from(1),
        }
    }
}

/// Run a parsed command line. Errors are failures of the tool itself (exit 2).
pub fn run(cli: cli::Cli) -> anyhow::Result<ExitStatus> {
    commands::run(cli)
}

/// True when an error is a closed stdout (`plan rules | head`), which ends quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let io = cause.downcast_ref::<std::io::Error>().map(std::io::Error::kind);
        let json = cause
            .downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind);
        io.or(json) == Some(std::io::ErrorKind::BrokenPipe)
    })
}
