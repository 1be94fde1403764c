//! Finding plan files: explicit files as given, directories searched for `*.yaml`,
//! `*.yml` and `*.toml` files that look like plans, and the defaults when no path is given.

use anyhow::Context as _;
use std::path::{Path, PathBuf};

const EXTENSIONS: [&str; 3] = ["yaml", "yml", "toml"];

/// The plan files named by the command line, in a stable order.
pub fn plan_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    if paths.is_empty() {
        return default_files();
    }
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).with_context(|| format!("reading {}", path.display()))?;
        if meta.is_dir() {
            let found = search(path)?;
            if found.is_empty() {
                anyhow::bail!(
                    "no plan files (*.yaml, *.yml, *.toml with a top-level `version`) found in {}",
                    path.display()
                );
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    files.dedup();
    Ok(files)
}

/// The plan files looked for in the current directory when no path is given.
pub const DEFAULT_PLANS: [&str; 3] = ["plan.yaml", "plan.yml", "plan.toml"];

/// Which of [`DEFAULT_PLANS`] are here. With several (a plan kept in YAML and TOML side by
/// side, or a conversion left behind) all of them are checked, never silently one.
pub fn default_plans() -> Vec<PathBuf> {
    DEFAULT_PLANS
        .iter()
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .collect()
}

fn default_files() -> anyhow::Result<Vec<PathBuf>> {
    let here = default_plans();
    if !here.is_empty() {
        return Ok(here);
    }
    let dir = Path::new("plans");
    if dir.is_dir() {
        let found = search(dir)?;
        if !found.is_empty() {
            return Ok(found);
        }
    }
    anyhow::bail!(
        "no plan found: pass a plan file or directory, or run in a directory with plan.yaml, plan.toml or plans/"
    )
}

/// Plan files under a directory, recursively, skipping hidden directories; sorted. A
/// symbolic link is followed only to a file inside the directory's git repository (or the
/// directory itself outside one): a link in a pull request must not make the run read and
/// quote a file from elsewhere on the machine (see [`super::confine`]).
fn search(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let root = super::confine::Root::of_folder(dir);
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).with_context(|| format!("reading directory {}", dir.display()))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("reading directory {}", dir.display()))?;
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            let kind = entry
                .file_type()
                .with_context(|| format!("reading {}", path.display()))?;
            if kind.is_dir() {
                if !hidden && entry.file_name() != "target" && entry.file_name() != "node_modules" {
                    stack.push(path);
                }
            } else if kind.is_symlink() && !root.as_ref().is_some_and(|r| r.contains(&path)) {
                continue;
            } else if !hidden && has_plan_extension(&path) && looks_like_plan(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

fn has_plan_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// How much of a found file is read to decide whether it is a plan: enough for any
/// header comment above `version`, and nothing like a whole large file.
pub const SNIFF_BYTES: u64 = 16 * 1024;

/// A file found by searching is a plan if a line near its start begins with the `version`
/// key: other YAML and TOML files in the same tree (CI workflows, Cargo.toml) are left
/// alone, while a plan broken anywhere after its first lines is still checked. Only the
/// first [`SNIFF_BYTES`] of a regular file are read; FIFOs, devices and sockets are never
/// plans. A file that cannot be read is kept, so that checking it reports why.
fn looks_like_plan(path: &Path) -> bool {
    let bytes = match crate::input::read_head(path, SNIFF_BYTES) {
        Ok(bytes) => bytes,
        Err(crate::input::ReadError::NotRegular(_)) => return false,
        Err(_) => return true,
    };
    let text = String::from_utf8_lossy(&bytes);
    text.lines().any(|line| {
        let line = line.trim_start_matches('\u{feff}');
        line.strip_prefix("version").is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.starts_with(':') || rest.starts_with('=')
        })
    })
}
