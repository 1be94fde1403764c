//! `plan completions SHELL` and `plan man`: generated from the command-line definition.

use crate::ExitStatus;
use crate::cli::Cli;
use clap::CommandFactory;
use std::io::Write;

pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let mut command = Cli::command();
    // Write to a buffer first: the generator cannot report a closed pipe, the writer below can.
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut command, "plan", &mut buffer);
    out.write_all(&buffer)?;
    Ok(ExitStatus::Success)
}

pub fn man(out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let mut buffer = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buffer)?;
    out.write_all(&buffer)?;
    Ok(ExitStatus::Success)
}
