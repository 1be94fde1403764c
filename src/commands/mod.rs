//! One module per subcommand; the only place that prints.

mod at;
mod check;
mod coverage;
mod explain;
mod render;
mod rules;

use crate::ExitStatus;
use crate::cli::{Cli, ColorWhen, Command};
use std::io::Write;

/// Dispatch a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitStatus> {
    let mut out = stdout(cli.global.color);
    let status = match &cli.command {
        _ if cli.version => version(cli.verbose, &mut out),
        Some(Command::Check(args)) => check::run(&cli.global, args, &mut out),
        Some(Command::Rules) => rules::run(&cli.global, &mut out),
        Some(Command::Explain(args)) => explain::run(&cli.global, args, &mut out),
        Some(Command::Coverage(args)) => coverage::run(&cli.global, args, &mut out),
        Some(Command::At(args)) => at::run(&cli.global, args, &mut out),
        Some(Command::Render(args)) => render::run(&cli.global, args, &mut out),
        Some(Command::Templates(crate::cli::TemplatesCommand::Eject { dir })) => {
            render::eject(&cli.global, dir, &mut out)
        }
        None => anyhow::bail!("no command given; `plan --help` lists them"),
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

/// `plan --version [--verbose]`.
fn version(verbose: bool, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    writeln!(out, "plan {}", env!("CARGO_PKG_VERSION"))?;
    if verbose {
        use crate::time::holidays;
        writeln!(
            out,
            "holiday data: {}, years {} to {}",
            holidays::source(),
            holidays::first_year(),
            holidays::last_year()
        )?;
        writeln!(out, "time zone data: IANA {}", chrono_tz::IANA_TZDB_VERSION)?;
    }
    Ok(ExitStatus::Success)
}

/// Load one plan for a command that needs a readable plan with sound references. When it
/// has load or reference errors, they are printed as `plan check` would and `None` is
/// returned (exit 1). Findings of the other rules (gaps, promises) do not stop a command
/// whose job is to show them.
fn load_valid(
    global: &crate::cli::Global,
    path: &std::path::Path,
    out: &mut impl Write,
) -> anyhow::Result<Option<(crate::source::SourceFile, crate::model::Plan)>> {
    use crate::diagnostic::Severity;
    let loaded = crate::load::load_file(path, crate::model::FileId(0))?;
    let mut found = loaded.diagnostics;
    if let Some(plan) = &loaded.plan {
        found.extend(crate::rules::run_family(plan, crate::diagnostic::Family::References));
    }
    let mut errors: Vec<_> = found.into_iter().filter(|d| d.severity == Severity::Error).collect();
    match loaded.plan {
        Some(plan) if errors.is_empty() => Ok(Some((loaded.source, plan))),
        _ => {
            crate::diagnostic::sort(&mut errors);
            let sources = [loaded.source];
            let report = crate::output::Report {
                sources: &sources,
                diagnostics: &errors,
            };
            for d in &errors {
                writeln!(out, "{}", crate::output::human::render(&report, d, true))?;
            }
            if !global.quiet {
                let counts = crate::diagnostic::Counts::of(&errors);
                writeln!(out, "{}", crate::output::human::summary(counts, 1))?;
            }
            Ok(None)
        }
    }
}

/// Today's date: `--today`, else the local date.
fn today(global: &crate::cli::Global) -> chrono::NaiveDate {
    global.today.unwrap_or_else(|| chrono::Local::now().date_naive())
}
