//! `plan diff`: two plan files, or the plans at a git revision against the working tree.
//!
//! The revision is read with the `git` program rather than a Rust implementation of git:
//! every place that has the repository (a developer's machine, a CI job) has git, and a
//! library would add a large dependency tree for three read-only commands (`rev-parse`,
//! `diff --name-status`, `show`).

use crate::ExitStatus;
use crate::analysis;
use crate::cli::{DiffArgs, DiffFailOn, DiffFormat, Global};
use crate::diff::{self, PlanDiff, Side, report};
use crate::load::{self, Format};
use crate::model::FileId;
use anyhow::{Context as _, bail};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The largest plan file read from a revision, as for files on disk.
const MAX_BYTES: usize = 16 * 1024 * 1024;

pub fn run(global: &Global, args: &DiffArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let today = super::today(global)?;
    let pairs = match &args.base {
        None => {
            let [old, new] = args.plans.as_slice() else {
                bail!(
                    "plan diff needs two plan files, OLD and NEW (got {}), or --base REF to compare with a git revision",
                    args.plans.len()
                );
            };
            // Two files named on the command line are two versions of one plan.
            let (mut old, mut new) = (read_file(old)?, read_file(new)?);
            old.path = String::new();
            new.path = String::new();
            vec![(Some(old), Some(new))]
        }
        Some(base) => from_revision(base, &args.plans)?,
    };
    let diffs: Vec<PlanDiff> = pairs
        .into_iter()
        .map(|(old, new)| {
            let side = |v: Version| -> anyhow::Result<Side> {
                Ok(match &v.disk {
                    // A file on disk is analysed as `plan check` analyses it, with the
                    // iCalendar files it names.
                    Some(disk) => Side::new(
                        &v.name,
                        &v.path,
                        analysis::analyse_file(disk, FileId(0), today, &[])?,
                        v.format,
                    ),
                    None => Side::from_text(&v.name, &v.path, v.text, v.format, today),
                })
            };
            let old = old.map(side).transpose()?;
            let new = new.map(side).transpose()?;
            Ok(diff::compare(old.as_ref(), new.as_ref(), today))
        })
        .collect::<anyhow::Result<_>>()?;
    match args.format.unwrap_or(DiffFormat::Human) {
        DiffFormat::Human => write!(out, "{}", report::human(&diffs))?,
        DiffFormat::Markdown => write!(out, "{}", report::markdown(&diffs, args.base.as_deref()))?,
        DiffFormat::Json => {
            let doc = serde_json::json!({
                "version": 1,
                "base": args.base,
                "reductions": diffs.iter().map(|d| d.reductions.len()).sum::<usize>(),
                "plans": diffs,
            });
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
    }
    let failed = match args.fail_on {
        DiffFailOn::Reduction => diffs.iter().any(|d| !d.reductions.is_empty()),
        DiffFailOn::Change => diffs.iter().any(|d| !d.is_empty()),
        DiffFailOn::Never => false,
    };
    Ok(if failed {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// One version of a plan file: its name as reported, its text and its format.
struct Version {
    name: String,
    /// Its path from the top of the repository (or as given), to tell renames.
    path: String,
    /// The file on disk, for a working-tree version (then `text` is read with it).
    disk: Option<PathBuf>,
    text: String,
    format: Format,
}

/// A version on disk: read when it is analysed, as `plan check` reads it.
fn read_file(path: &Path) -> anyhow::Result<Version> {
    Ok(Version {
        name: path.display().to_string(),
        path: path.display().to_string(),
        disk: Some(path.to_path_buf()),
        text: String::new(),
        format: Format::of(path),
    })
}

/// Run git in `dir`; its standard output, or an error that says what failed.
fn git(dir: &Path, args: &[&str]) -> anyhow::Result<Vec<u8>> {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                anyhow::anyhow!("plan diff --base needs the `git` program, which was not found on PATH")
            }
            _ => anyhow::anyhow!("running git: {e}"),
        })?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr);
        bail!("git {}: {}", args.join(" "), message.trim());
    }
    Ok(output.stdout)
}

/// The plans at `base` against the working tree: each plan named (or found as `plan check`
/// finds them) with the file it was at `base` (following renames), and the plans removed
/// since, where they were in the places searched.
fn from_revision(base: &str, paths: &[PathBuf]) -> anyhow::Result<Vec<(Option<Version>, Option<Version>)>> {
    if base.starts_with('-') || base.contains(':') || base.trim().is_empty() {
        bail!("--base {base}: not a revision; give a branch, tag or commit such as `main` or `origin/main`");
    }
    let cwd = std::env::current_dir().context("reading the current directory")?;
    let top = git(&cwd, &["rev-parse", "--show-toplevel"])
        .context("plan diff --base compares with a git revision: run it inside a git repository")?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim());
    let top = top.canonicalize().unwrap_or(top);
    git(
        &top,
        &["rev-parse", "--verify", "--quiet", &format!("{base}^{{commit}}")],
    )
    .with_context(|| format!("--base {base}: no such revision in this repository"))?;

    // Renames and removals between the revision and the working tree, by path from the top.
    let status = git(&top, &["diff", "--name-status", "-z", "-M", base, "--"])?;
    let mut renamed_from: BTreeMap<String, String> = BTreeMap::new();
    let mut removed: Vec<String> = Vec::new();
    let fields: Vec<String> = status
        .split(|&b| b == 0)
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect();
    let mut i = 0;
    while i < fields.len() {
        let code = fields[i].as_str();
        if code.starts_with('R') && i + 2 < fields.len() {
            renamed_from.insert(fields[i + 2].clone(), fields[i + 1].clone());
            i += 3;
        } else if code.starts_with('C') && i + 2 < fields.len() {
            i += 3;
        } else if code == "D" && i + 1 < fields.len() {
            removed.push(fields[i + 1].clone());
            i += 2;
        } else {
            i += 2;
        }
    }

    let current = match load::plan_files(paths) {
        Ok(files) => files,
        // Every plan named may have been removed since the revision.
        Err(_) if !paths.is_empty() => Vec::new(),
        Err(e) => return Err(e),
    };
    let relative = |path: &Path| -> Option<String> {
        let absolute = path.canonicalize().ok()?;
        let rel = absolute.strip_prefix(&top).ok()?;
        Some(rel.to_string_lossy().replace('\\', "/"))
    };
    let at_base = |rel: &str| -> anyhow::Result<Option<Version>> {
        let exists = git(&top, &["cat-file", "-e", &format!("{base}:{rel}")]).is_ok();
        if !exists {
            return Ok(None);
        }
        let bytes = git(&top, &["show", &format!("{base}:{rel}")])?;
        if bytes.len() > MAX_BYTES {
            bail!(
                "{base}:{rel} is larger than {} MiB; a plan this large is refused",
                MAX_BYTES / 1024 / 1024
            );
        }
        let text = String::from_utf8(bytes).with_context(|| format!("{base}:{rel} is not UTF-8 text"))?;
        Ok(Some(Version {
            name: format!("{base}:{rel}"),
            path: rel.to_owned(),
            disk: None,
            text,
            format: Format::of(Path::new(rel)),
        }))
    };

    let mut pairs = Vec::new();
    let mut seen_old: Vec<String> = Vec::new();
    for path in &current {
        let mut new = read_file(path)?;
        let Some(rel) = relative(path) else {
            bail!("{}: not inside the git repository at {}", path.display(), top.display());
        };
        // Named from the top of the repository, as its version at the revision is.
        new.name = rel.clone();
        new.path = rel.clone();
        let old_rel = renamed_from.get(&rel).cloned().unwrap_or_else(|| rel.clone());
        let old = at_base(&old_rel)?;
        seen_old.push(old_rel);
        pairs.push((old, Some(new)));
    }
    // Plans removed since the revision, where this run looks for plans.
    let scopes: Vec<String> = if paths.is_empty() {
        let here = relative(&cwd).unwrap_or_default();
        let prefix = if here.is_empty() {
            String::new()
        } else {
            format!("{here}/")
        };
        let mut s: Vec<String> = load::DEFAULT_PLANS.iter().map(|p| format!("{prefix}{p}")).collect();
        s.push(format!("{prefix}plans/"));
        s
    } else {
        paths
            .iter()
            .filter_map(|p| {
                let absolute = if p.is_absolute() { p.clone() } else { cwd.join(p) };
                let rel = absolute.strip_prefix(&top).ok()?.to_string_lossy().replace('\\', "/");
                Some(if p.is_dir() { format!("{rel}/") } else { rel })
            })
            .collect()
    };
    for rel in removed {
        let in_scope = scopes.iter().any(|s| {
            if s.ends_with('/') {
                rel.starts_with(s.as_str())
            } else {
                &rel == s
            }
        });
        let plan_like = ["yaml", "yml", "toml"]
            .iter()
            .any(|ext| rel.ends_with(&format!(".{ext}")));
        if !in_scope || !plan_like || seen_old.contains(&rel) {
            continue;
        }
        if let Some(old) = at_base(&rel)?
            && has_version(&old)
        {
            pairs.push((Some(old), None));
        }
    }
    if pairs.is_empty() {
        bail!("no plan to compare: name plan files or directories, or run where `plan check` finds a plan");
    }
    Ok(pairs)
}

/// Whether a file removed from the repository was a plan: it has a top-level `version`.
fn has_version(v: &Version) -> bool {
    let source = crate::source::SourceFile::new(&v.name, v.text.clone());
    matches!(
        load::parse_tree(&source, v.format),
        Some(load::Node { value: load::Value::Map(ref entries), .. }) if entries.iter().any(|(k, _)| k.name == "version")
    )
}
