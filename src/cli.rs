//! Command-line interface: clap derive types only.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Check and publish a customer-service plan kept as a YAML or TOML file.
#[derive(Debug, Parser)]
#[command(
    name = "plan",
    about,
    long_about = None,
    args_override_self = true,
    disable_version_flag = true,
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,

    /// Print the version (with `--verbose`: also the holiday data's source, years and
    /// languages)
    #[arg(short = 'V', long)]
    pub version: bool,

    /// With `--version`: print the versions of the built-in data too
    #[arg(long, requires = "version")]
    pub verbose: bool,

    /// A `--format` written before the command (`plan --format json check`): it applies to
    /// the command, which must offer it. Hidden: each command lists its own formats.
    #[arg(long, hide = true, value_name = "FORMAT")]
    pub format: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command accepts.
#[derive(Debug, Args)]
pub struct Global {
    /// When to colour terminal output; `NO_COLOR` and `CLICOLOR` are honoured in `auto`
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// The date checks and documents treat as today, as YYYY-MM-DD (default: the date of SOURCE_DATE_EPOCH when set, else the local date)
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Print only findings, no summary line
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load, validate and lint plans
    Check(CheckArgs),
    /// List every rule with its code, family and default severity
    Rules(RulesArgs),
    /// Explain one rule, by code or name, with an example
    Explain(ExplainArgs),
    /// Who can be reached when: a week grid per customer profile, gaps and worst waits
    Coverage(CoverageArgs),
    /// At one moment: which channels are open and staffed, for whom, and whom escalation reaches
    At(AtArgs),
    /// Render the staff handbook and the customer FAQs (Markdown and HTML)
    Render(RenderArgs),
    /// What a change to a plan does: for customers, in the file, coverage, promises,
    /// escalation, staffing, findings and documents
    Diff(DiffArgs),
    /// Work with the built-in document templates
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Write a commented starter plan that passes `plan check`
    Init(InitArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write a page for every command into a directory
    Man(ManArgs),
    /// Print the JSON Schema of the plan file
    Schema(SchemaArgs),
    /// Erlang C: agents needed per interval for the forecast volume and target, against agents on duty
    Staffing(StaffingArgs),
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  plan diff old.yaml plan.yaml\n  plan diff --base main\n  plan diff --base origin/main plans/ --format markdown --fail-on reduction"
)]
pub struct DiffArgs {
    /// Without --base: the OLD and the NEW plan file. With --base: the plan files or
    /// directories to compare (default: the plans `plan check` finds)
    #[arg(value_name = "PLAN")]
    pub plans: Vec<PathBuf>,

    /// Compare the plans as they are at this git revision (branch, tag or commit) with the
    /// working tree
    #[arg(long, value_name = "REF")]
    pub base: Option<String>,

    /// Output format (default: human)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<DiffFormat>,

    /// Exit 1 when the change reduces the service for customers (default: never)
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = DiffFailOn::Never)]
    pub fail_on: DiffFailOn,
}

/// How `plan diff` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// For people, in a terminal
    Human,
    /// For a pull-request comment or a CI job summary: a short table, the details folded
    Markdown,
    /// One JSON document
    Json,
}

/// When `plan diff` exits 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFailOn {
    /// Less live or reachable time for a profile, a longer wait or weaker promise, a
    /// channel or language lost
    Reduction,
    /// Any change at all
    Change,
    /// Never
    Never,
}

#[derive(Debug, Args)]
pub struct StaffingArgs {
    /// The plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,

    /// Only this channel (by id)
    #[arg(long, value_name = "ID")]
    pub channel: Option<String>,

    /// Length of an interval in minutes: 15, 30 or 60
    #[arg(long, value_name = "MINUTES", default_value_t = 30, value_parser = interval_minutes)]
    pub interval: u32,

    /// Output format (default: human)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ReportFormat>,
}

fn interval_minutes(s: &str) -> Result<u32, String> {
    match s.trim() {
        "15" => Ok(15),
        "30" => Ok(30),
        "60" => Ok(60),
        other => Err(format!("`{other}` is not an interval; use 15, 30 or 60 (minutes)")),
    }
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the plan (default: plan.yaml, or plan.toml with `--format toml`); the
    /// format follows the extension unless `--format yaml|toml` is given
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,

    /// The plan's file format (default: the extension of PATH, else yaml)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<PlanFormat>,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write `plan.1` and a page for each command (`plan-check.1`, …) into this directory
    /// instead of printing the page for `plan`
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,

    /// Directory the documents are written to (render replaces only the files it wrote there)
    #[arg(long, value_name = "DIR", default_value = "site")]
    pub out: PathBuf,

    /// Directory of templates overriding the built-in ones file by file (see `plan templates eject`)
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Render only this kind of document
    #[arg(long, value_enum, value_name = "DOC")]
    pub only: Option<DocumentArg>,

    /// Render only these languages (comma-separated or repeated)
    #[arg(long, value_name = "L", value_delimiter = ',')]
    pub lang: Vec<String>,

    /// Compare with the files in --out instead of writing; exit 1 when any is stale, missing or unexpected
    #[arg(long)]
    pub check: bool,

    /// Print the JSON context each template receives, instead of rendering
    #[arg(long)]
    pub dump_context: bool,

    /// Publish even when the plan has error findings
    #[arg(long)]
    pub allow_errors: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocumentArg {
    Handbook,
    Faq,
    Index,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Write the built-in templates and string catalogues to DIR for customising
    Eject {
        /// An empty or new directory
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// The plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,

    /// Only this customer profile (by id)
    #[arg(long, value_name = "ID")]
    pub profile: Option<String>,

    /// Only this channel (by id) in the channel list
    #[arg(long, value_name = "ID")]
    pub channel: Option<String>,

    /// First day shown, as YYYY-MM-DD (default: today)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<NaiveDate>,

    /// Number of days shown (1 to 400)
    #[arg(long, value_name = "N", default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=400))]
    pub days: u32,

    /// Output format (default: human)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ReportFormat>,
}

#[derive(Debug, Args)]
pub struct AtArgs {
    /// The plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,

    /// The moment: `2026-12-24T18:30+01:00`, or `2026-12-24 18:30` in the plan's time zone
    /// (default: now)
    #[arg(value_name = "TIME")]
    pub time: Option<String>,

    /// Output format (default: human)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ReportFormat>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Plan files or directories to search for *.yaml, *.yml and *.toml plans
    /// (default: plan.yaml or plan.toml in the current directory, else plans/)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Lowest severity that makes the run fail (exit 1)
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,

    /// Turn rules off for this run (codes or names, comma-separated or repeated)
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub allow: Vec<String>,

    /// Report these rules as warnings for this run
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub warn: Vec<String>,

    /// Report these rules as errors for this run
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub deny: Vec<String>,

    /// Output format (default: human)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<CheckFormat>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code (`R001`) or name (`unknown-reference`)
    pub rule: String,

    /// Output format (default: human)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ReportFormat>,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format (default: human)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ReportFormat>,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Output format (default: json)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<SchemaFormat>,
}

/// How `plan check` reports its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// For people: each finding with a source snippet, then a summary line
    Human,
    /// One JSON document with every finding
    Json,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// GitHub Actions workflow commands, which annotate a pull request
    Github,
    /// JUnit XML, one testcase per rule and plan
    Junit,
}

/// How a report (coverage, staffing, a moment, the rules) is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// For people: tables and lists (`table` is an alias)
    #[value(alias = "table")]
    Human,
    /// One JSON document
    Json,
}

/// The file format of a plan `plan init` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// YAML
    Yaml,
    /// TOML
    Toml,
}

/// `plan schema` prints JSON only; `human` is still read, as it was before each command
/// had its own formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaFormat {
    /// The JSON Schema (draft-07)
    #[value(alias = "human")]
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date; write YYYY-MM-DD, e.g. 2026-11-22"))
}
