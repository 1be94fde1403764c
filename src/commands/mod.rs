//! One module per subcommand; the only place that prints.

mod at;
mod check;
mod coverage;
mod diff;
mod explain;
mod init;
mod render;
mod rules;
mod schema;
mod shell;
mod staffing;

use crate::ExitStatus;
use crate::cli::{Cli, ColorWhen, Command};
use clap::ValueEnum;
use std::io::Write;

/// Dispatch a parsed command line.
pub fn run(mut cli: Cli) -> anyhow::Result<ExitStatus> {
    let mut out = stdout(cli.global.color);
    apply_leading_format(&mut cli)?;
    let status = match &cli.command {
        _ if cli.version => version(cli.verbose, &mut out),
        Some(Command::Check(args)) => check::run(&cli.global, args, &mut out),
        Some(Command::Rules(args)) => rules::run(&cli.global, args, &mut out),
        Some(Command::Explain(args)) => explain::run(args, &mut out),
        Some(Command::Coverage(args)) => coverage::run(&cli.global, args, &mut out),
        Some(Command::At(args)) => at::run(&cli.global, args, &mut out),
        Some(Command::Render(args)) => render::run(&cli.global, args, &mut out),
        Some(Command::Diff(args)) => diff::run(&cli.global, args, &mut out),
        Some(Command::Templates(crate::cli::TemplatesCommand::Eject { dir })) => {
            render::eject(&cli.global, dir, &mut out)
        }
        Some(Command::Init(args)) => init::run(&cli.global, args, &mut out),
        Some(Command::Completions(args)) => shell::completions(args.shell, &mut out),
        Some(Command::Man(args)) => shell::man(&cli.global, args, &mut out),
        Some(Command::Staffing(args)) => staffing::run(&cli.global, args, &mut out),
        Some(Command::Schema(_)) => schema::run(&mut out),
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

/// `plan --format F COMMAND`: a format written before the command applies to it, as it
/// did when `--format` was one option shared by every command. It must be one the command
/// offers; written after the command too, that one wins, as the later option always did.
/// Commands without formats (render, templates, completions, man) take only `human`, which
/// is what they print.
fn apply_leading_format(cli: &mut Cli) -> anyhow::Result<()> {
    let Some(text) = cli.format.take() else {
        return Ok(());
    };
    match &mut cli.command {
        Some(Command::Check(args)) => choose(&mut args.format, &text, "check"),
        Some(Command::Rules(args)) => choose(&mut args.format, &text, "rules"),
        Some(Command::Explain(args)) => choose(&mut args.format, &text, "explain"),
        Some(Command::Coverage(args)) => choose(&mut args.format, &text, "coverage"),
        Some(Command::At(args)) => choose(&mut args.format, &text, "at"),
        Some(Command::Staffing(args)) => choose(&mut args.format, &text, "staffing"),
        Some(Command::Init(args)) => choose(&mut args.format, &text, "init"),
        Some(Command::Schema(args)) => choose(&mut args.format, &text, "schema"),
        Some(command) => {
            let name = match command {
                Command::Render(_) => "render",
                Command::Templates(_) => "templates eject",
                Command::Completions(_) => "completions",
                _ => "man",
            };
            let human =
                crate::cli::ReportFormat::from_str(&text, false).is_ok_and(|f| f == crate::cli::ReportFormat::Human);
            anyhow::ensure!(
                human,
                "invalid value `{text}` for --format: `plan {name}` has no output formats to choose from"
            );
            Ok(())
        }
        None => Ok(()),
    }
}

/// Read a leading `--format` as one of the command's formats into `slot`, unless the
/// command has one already.
fn choose<F: ValueEnum>(slot: &mut Option<F>, text: &str, command: &str) -> anyhow::Result<()> {
    let Ok(format) = F::from_str(text, false) else {
        let accepted: Vec<String> = F::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value())
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect();
        anyhow::bail!(
            "invalid value `{text}` for --format: `plan {command}` accepts {}",
            accepted.join(", ")
        );
    };
    if slot.is_none() {
        *slot = Some(format);
    }
    Ok(())
}

/// `plan --version [--verbose]`: with `--verbose`, also the holiday data's source, years and
/// languages, and the time zone data's version.
fn version(verbose: bool, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    writeln!(out, "plan {}", env!("CARGO_PKG_VERSION"))?;
    if verbose {
        use crate::time::holidays;
        writeln!(
            out,
            "holiday data: {}, years {} to {}, names in {}",
            holidays::source(),
            holidays::first_year(),
            holidays::last_year(),
            holidays::languages().join(", ")
        )?;
        writeln!(out, "time zone data: IANA {}", chrono_tz::IANA_TZDB_VERSION)?;
        writeln!(
            out,
            "locale data: {}; document strings in {}",
            crate::render::locale::DATA,
            crate::render::i18n::BUILT_IN.map(|(lang, _)| lang).join(", ")
        )?;
    }
    Ok(ExitStatus::Success)
}

/// Load one plan for a command that needs a readable plan with sound references (see
/// [`crate::analysis::load_sound`]). When it has load or reference errors, they are printed
/// as `plan check` would (as its JSON document with `--format json`) and `None` is returned
/// (exit 1).
fn load_valid(
    global: &crate::cli::Global,
    json: bool,
    path: &std::path::Path,
    out: &mut impl Write,
) -> anyhow::Result<Option<(crate::source::SourceFile, crate::model::Plan)>> {
    use crate::analysis::Soundness;
    let (source, errors) = match crate::analysis::load_sound(path, crate::model::FileId(0))? {
        Soundness::Sound { source, plan } => return Ok(Some((source, *plan))),
        Soundness::Unsound { source, errors } => (source, errors),
    };
    let sources = [source];
    let report = crate::output::Report {
        sources: &sources,
        diagnostics: &errors,
    };
    if json {
        // A JSON consumer gets JSON in every case: the findings in the shape of
        // `plan check --format json`.
        serde_json::to_writer_pretty(&mut *out, &crate::output::json::document(&report))?;
        writeln!(out)?;
        return Ok(None);
    }
    for d in &errors {
        writeln!(out, "{}", crate::output::human::render(&report, d, true))?;
    }
    if !global.quiet {
        let counts = crate::diagnostic::Counts::of(&errors);
        writeln!(out, "{}", crate::output::human::summary(counts, 1))?;
    }
    Ok(None)
}

/// Today's date: `--today`, else the date of `SOURCE_DATE_EPOCH` (seconds since 1970 in
/// UTC, the reproducible-builds convention, so that documents rendered from one commit are
/// the same on any day), else the local date. A `SOURCE_DATE_EPOCH` that is set but not a
/// number of seconds is an error rather than silently ignored.
fn today(global: &crate::cli::Global) -> anyhow::Result<chrono::NaiveDate> {
    if let Some(date) = global.today {
        return Ok(date);
    }
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) if !text.trim().is_empty() => {
            let seconds: i64 = text.trim().parse().map_err(|_| {
                anyhow::anyhow!("SOURCE_DATE_EPOCH is `{text}`; expected a number of seconds since 1970-01-01 UTC")
            })?;
            let instant = chrono::DateTime::from_timestamp(seconds, 0)
                .ok_or_else(|| anyhow::anyhow!("SOURCE_DATE_EPOCH {seconds} is out of range"))?;
            Ok(instant.date_naive())
        }
        _ => Ok(chrono::Local::now().date_naive()),
    }
}
