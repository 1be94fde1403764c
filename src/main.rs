//! The `plan` binary: parse arguments, run, map the outcome to an exit code.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = service_plan::cli::Cli::parse();
    match service_plan::run(cli) {
        Ok(status) => status.into(),
        Err(err) if service_plan::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
