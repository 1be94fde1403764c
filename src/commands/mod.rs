//! One module per subcommand; the only place that prints.

mod check;
mod explain;
mod rules;

use crate::ExitStatus;
use crate::cli::{Cli, ColorWhen, Command};
use std::io::Write;

/// Dispatch a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitStatus> {
    let mut out = stdout(cli.global.color);
    let status = match &cli.command {
        Command::Check(args) => check::run(&cli.global, args, &mut out),
        Command::Rules => rules::run(&cli.global, &mut out),
        Command::Explain(args) => explain::run(&cli.global, args, &mut out),
    }?;
    out.flush()?;
    Ok(status)
}

/// Standard output that keeps colour only where it is wanted: on a terminal (unless
/// `NO_COLOR`), or always / never when asked.
fn stdout(color: ColorWhen) -> std::io::BufWriter<anstream::AutoStream<std::io::StdoutLock<'static>>> {
    let choice = match color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    // Buffered: the JSON writer emits many small pieces, each of which would otherwise
    // pass through colour stripping and a system call on its own.
    std::io::BufWriter::new(anstream::AutoStream::new(std::io::stdout().lock(), choice))
}

/// Today's date: `--today`, else the local date.
fn today(global: &crate::cli::Global) -> chrono::NaiveDate {
    global.today.unwrap_or_else(|| chrono::Local::now().date_naive())
}
