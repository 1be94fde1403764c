//! One module per subcommand; the only place that prints.

mod at;
mod check;
mod coverage;
mod explain;
mod init;
mod render;
mod rules;
mod schema;
mod shell;
mod staffing;

use crate::ExitStatus;
use crate::cli::{Cli, ColorWhen, Command, OutputFormat};
use std::io::Write;

/// Dispatch a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitStatus> {
    let mut out = stdout(cli.global.color);
    check_format(&cli)?;
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
        Some(Command::Init(args)) => init::run(&cli.global, args, &mut out),
        Some(Command::Completions(args)) => shell::completions(args.shell, &mut out),
        Some(Command::Man(args)) => shell::man(&cli.global, args, &mut out),
        Some(Command::Staffing(args)) => staffing::run(&cli.global, args, &mut out),
        Some(Command::Schema) => schema::run(&mut out),
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

/// Each command takes the formats that apply to it: findings in every format, other
/// reports in `human` and `json`, `init` writes `yaml` or `toml`.
fn check_format(cli: &Cli) -> anyhow::Result<()> {
    let format = cli.global.format;
    let (name, allowed): (&str, &[OutputFormat]) = match &cli.command {
        Some(Command::Check(_)) => return Ok(()),
        Some(Command::Init(_)) => ("init", &[OutputFormat::Human, OutputFormat::Yaml, OutputFormat::Toml]),
        Some(Command::Coverage(_)) => ("coverage", &[OutputFormat::Human, OutputFormat::Json]),
        Some(Command::At(_)) => ("at", &[OutputFormat::Human, OutputFormat::Json]),
        Some(Command::Rules) => ("rules", &[OutputFormat::Human, OutputFormat::Json]),
        Some(Command::Explain(_)) => ("explain", &[OutputFormat::Human, OutputFormat::Json]),
        Some(Command::Staffing(_)) => ("staffing", &[OutputFormat::Human, OutputFormat::Json]),
        Some(Command::Schema) => ("schema", &[OutputFormat::Human, OutputFormat::Json]),
        Some(Command::Render(_)) => ("render", &[OutputFormat::Human]),
        Some(Command::Templates(_)) => ("templates", &[OutputFormat::Human]),
        Some(Command::Completions(_)) => ("completions", &[OutputFormat::Human]),
        Some(Command::Man(_)) => ("man", &[OutputFormat::Human]),
        None => return Ok(()),
    };
    if allowed.contains(&format) {
        return Ok(());
    }
    let names: Vec<String> = allowed
        .iter()
        .filter(|f| **f != OutputFormat::Human || name != "init")
        .map(|f| format!("{f:?}").to_lowercase())
        .collect();
    anyhow::bail!(
        "--format {}: `plan {name}` writes {}",
        format!("{format:?}").to_lowercase(),
        names.join(" or ")
    )
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
/// has load or reference errors, they are printed as `plan check` would (as its JSON
/// document with `--format json`) and `None` is returned (exit 1). Findings of the other rules (gaps, promises) do not stop a command
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
            if global.format == crate::cli::OutputFormat::Json {
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
    }
}

/// Today's date: `--today`, else the local date.
fn today(global: &crate::cli::Global) -> chrono::NaiveDate {
    global.today.unwrap_or_else(|| chrono::Local::now().date_naive())
}
