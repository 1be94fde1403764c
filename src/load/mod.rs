//! Loading: file bytes → text → format-neutral node tree (YAML or TOML) → validated
//! [`Plan`], collecting every [`Problem`] on the way. The loader reports problems in its
//! own terms; which rule each kind of problem is a finding of is the rules layer's business.
//!
//! The tree is validated by hand rather than through serde's derive with
//! `deny_unknown_fields`, because serde stops at the first error and the format promises
//! every problem of a file in one run, each at its exact key or value.

mod bounds;
mod calendars;
mod confine;
mod discover;
mod node;
pub(crate) mod plan;
mod problem;
mod reader;
mod toml;
mod values;
mod yaml;

pub use discover::{DEFAULT_PLANS, default_plans, plan_files};
pub use node::{Key, Node, Value};
pub use problem::{Problem, ProblemKind};

use crate::input::{self, ReadError};
use crate::model::{FileId, Loc, Plan, PlanPath};
use crate::source::{SourceFile, Span};
use std::path::Path;

/// Plans larger than this are refused with a problem rather than read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The outcome of loading one file: the plan, if it could be read, and every problem.
pub struct Loaded {
    pub source: SourceFile,
    pub plan: Option<Plan>,
    /// Every problem found, in the order found. Each becomes one finding of the rule that
    /// reports its kind.
    pub problems: Vec<Problem>,
}

/// Which syntax a file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
}

impl Format {
    /// TOML for `.toml`, YAML for everything else.
    pub fn of(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("toml") => Format::Toml,
            _ => Format::Yaml,
        }
    }
}

/// Read and load a plan file. I/O failures (no such file, a directory, a FIFO, a device)
/// are errors of the tool; everything about the file's content is a problem, including a
/// file too large to read.
pub fn load_file(path: &Path, id: FileId) -> anyhow::Result<Loaded> {
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        anyhow::bail!("{} is a directory, expected a plan file", path.display());
    }
    // Only a regular file, and never more than the cap: a FIFO would block and a device
    // such as /dev/zero would never end.
    let bytes = match input::read_regular(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadError::TooLarge(limit)) => return Ok(too_large(path, id, limit)),
        Err(e) => return Err(anyhow::Error::new(e).context(format!("reading {}", path.display()))),
    };
    let mut loaded = load_bytes(path, bytes, id);
    if let Some(plan) = loaded.plan.as_mut() {
        calendars::read_ics_files(plan, path, &mut loaded.problems);
    }
    Ok(loaded)
}

/// The problem of a plan over the size cap, at the top of the (unread) file.
fn too_large(path: &Path, id: FileId, limit: u64) -> Loaded {
    let loc = Loc {
        file: id,
        span: Span::point(0),
        path: PlanPath::root(),
    };
    // A file that grew past the cap while being read may report a smaller length.
    let message = match std::fs::metadata(path).map(|m| m.len()) {
        Ok(len) if len > limit => format!(
            "the file is {} MiB; plans larger than {} are not read",
            len / (1024 * 1024),
            input::size(limit)
        ),
        _ => format!(
            "the file is larger than {}, and plans that large are not read",
            input::size(limit)
        ),
    };
    let problem = Problem::new(ProblemKind::Syntax, &loc, message).help("split the plan or remove generated content");
    Loaded {
        source: SourceFile::new(path, String::new()),
        plan: None,
        problems: vec![problem],
    }
}

/// Load a plan from bytes already read.
pub fn load_bytes(path: &Path, bytes: Vec<u8>, id: FileId) -> Loaded {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => load_text(SourceFile::new(path, text), id, Format::of(path)),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let source = SourceFile::new(path, String::from_utf8_lossy(err.as_bytes()).into_owned());
            let loc = Loc {
                file: id,
                span: Span::new(at, at + 1),
                path: PlanPath::root(),
            };
            let message = format!(
                "the file is not valid UTF-8: byte 0x{:02X} at offset {at} cannot start a character",
                err.as_bytes()[at]
            );
            let problem = Problem::new(ProblemKind::Syntax, &loc, message)
                .help("save the file as UTF-8 (plans may use any language, but only in UTF-8)");
            Loaded {
                source,
                plan: None,
                problems: vec![problem],
            }
        }
    }
}

/// Load a plan from text.
pub fn load_text(source: SourceFile, id: FileId, format: Format) -> Loaded {
    let parsed = match format {
        Format::Yaml => yaml::parse(&source).map_err(|e| vec![e]),
        Format::Toml => toml::parse(&source),
    };
    let root = match parsed {
        Ok(root) => root,
        Err(errors) => {
            let what = if format == Format::Toml { "TOML" } else { "YAML" };
            let problems = errors
                .into_iter()
                .map(|e| {
                    let loc = Loc {
                        file: id,
                        span: e.span,
                        path: PlanPath::root(),
                    };
                    Problem::new(ProblemKind::Syntax, &loc, format!("invalid {what}: {}", e.message))
                        .help(syntax_help(&e.message, format))
                })
                .collect();
            return Loaded {
                source,
                plan: None,
                problems,
            };
        }
    };
    let mut reader = reader::Reader::new(&source, id);
    let mut plan = plan::read(&mut reader, &root);
    let problems = reader.problems;
    if let Some(plan) = plan.as_mut() {
        plan.unreadable = problems.iter().map(|p| p.loc.path.clone()).collect();
    }
    Loaded { source, plan, problems }
}

fn syntax_help(message: &str, format: Format) -> String {
    let lower = message.to_lowercase();
    if lower.contains("tab") {
        "indent with spaces; YAML does not allow tabs for indentation".to_owned()
    } else if lower.contains("duplicate") {
        "each key may appear once in a map; merge the two entries".to_owned()
    } else if lower.contains("limits breached") || lower.contains("too large") {
        "a plan this large is refused to keep memory bounded: split it into several plan files".to_owned()
    } else if lower.contains("budget") || lower.contains("recursion") || lower.contains("alias") {
        "the document is nested too deeply or expands too many aliases to be a plan".to_owned()
    } else if format == Format::Toml {
        "check the TOML syntax at this position: quote strings, use `key = value`".to_owned()
    } else {
        "check the YAML syntax at this position: indentation, quotes and `key: value` pairs".to_owned()
    }
}

/// The document tree of a plan's text, keys and values with their spans, or `None` when the
/// text is not valid YAML or TOML (loading it reports why).
pub fn parse_tree(source: &SourceFile, format: Format) -> Option<Node> {
    match format {
        Format::Yaml => yaml::parse(source).ok(),
        Format::Toml => toml::parse(source).ok(),
    }
}
