//! Putting rendered documents on disk: all or nothing. The files are written to a temporary
//! directory beside `--out` and moved into place only when every one of them is written;
//! on any failure the previous output stays as it was. Nothing is written outside `--out`
//! and its temporary sibling. `--check` compares instead of writing.

use anyhow::Context;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// A file name may only name a file inside the output directory.
fn safe(name: &str) -> bool {
    let path = Path::new(name);
    !name.is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)))
}

/// A sibling of `out` that does not exist yet: `.<name>.<what>-<pid>-<n>`.
fn sibling(out: &Path, what: &str) -> anyhow::Result<PathBuf> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    for n in 0..1000 {
        let candidate = parent.join(format!(".{name}.{what}-{}-{n}", std::process::id()));
        if !candidate.exists() {
            return Ok(candidate);
        }
    }
    anyhow::bail!("cannot find a free temporary name beside {}", out.display())
}

/// Replace the contents of `out` with `files`, atomically.
pub fn write(out: &Path, files: &BTreeMap<String, String>) -> anyhow::Result<()> {
    if let Some(bad) = files.keys().find(|n| !safe(n)) {
        anyhow::bail!("refusing to write `{bad}`: document names must stay inside the output directory");
    }
    if out.exists() && !out.is_dir() {
        anyhow::bail!("{} exists and is not a directory", out.display());
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    let staging = sibling(out, "new")?;
    let result = (|| -> anyhow::Result<()> {
        std::fs::create_dir(&staging).with_context(|| format!("creating {}", staging.display()))?;
        for (name, text) in files {
            let path = staging.join(name);
            std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        }
        if out.exists() {
            let old = sibling(out, "old")?;
            std::fs::rename(out, &old).with_context(|| format!("moving the previous {} aside", out.display()))?;
            if let Err(e) = std::fs::rename(&staging, out) {
                // Put the previous output back before giving up.
                let _ = std::fs::rename(&old, out);
                return Err(e).with_context(|| format!("moving the new documents into {}", out.display()));
            }
            std::fs::remove_dir_all(&old).with_context(|| format!("removing the previous output {}", old.display()))?;
        } else {
            std::fs::rename(&staging, out)
                .with_context(|| format!("moving the new documents into {}", out.display()))?;
        }
        Ok(())
    })();
    if result.is_err() && staging.exists() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// How the files on disk differ from freshly rendered ones.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Staleness {
    /// On disk, but with other contents.
    pub stale: Vec<String>,
    /// Rendered, but not on disk.
    pub missing: Vec<String>,
    /// On disk, but no longer rendered.
    pub unexpected: Vec<String>,
}

impl Staleness {
    pub fn is_empty(&self) -> bool {
        self.stale.is_empty() && self.missing.is_empty() && self.unexpected.is_empty()
    }
}

/// Compare rendered files with the contents of `out`. Reads only.
pub fn check(out: &Path, files: &BTreeMap<String, String>) -> anyhow::Result<Staleness> {
    let mut result = Staleness::default();
    for (name, text) in files {
        let path = out.join(name);
        match std::fs::read(&path) {
            Ok(bytes) if bytes == text.as_bytes() => {}
            Ok(_) => result.stale.push(name.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => result.missing.push(name.clone()),
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        }
    }
    if out.is_dir() {
        let mut stack = vec![out.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
                let path = entry.with_context(|| format!("reading {}", dir.display()))?.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let name = path
                    .strip_prefix(out)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                if !files.contains_key(&name) {
                    result.unexpected.push(name);
                }
            }
        }
    }
    result.unexpected.sort();
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_escape_the_output_directory() {
        assert!(safe("faq-home.de.html"));
        assert!(!safe("../x.html"));
        assert!(!safe("/etc/passwd"));
        assert!(!safe("a/../../b"));
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut files = BTreeMap::new();
        files.insert("../escape.html".to_owned(), "x".to_owned());
        assert!(write(&dir.path().join("out"), &files).is_err());
        assert!(!dir.path().join("escape.html").exists());
    }

    #[test]
    fn writing_replaces_the_whole_directory_and_check_sees_differences() {
        // Each test has its own directory: a shared fixed path let parallel tests race.
        let dir = tempfile::tempdir().expect("a temporary directory");
        let out = dir.path().join("site");
        let mut files = BTreeMap::new();
        files.insert("a.md".to_owned(), "A".to_owned());
        files.insert("b.md".to_owned(), "B".to_owned());
        write(&out, &files).unwrap();
        assert!(check(&out, &files).unwrap().is_empty());
        std::fs::write(out.join("a.md"), "changed").unwrap();
        std::fs::remove_file(out.join("b.md")).unwrap();
        std::fs::write(out.join("c.md"), "C").unwrap();
        let s = check(&out, &files).unwrap();
        assert_eq!(s.stale, ["a.md"]);
        assert_eq!(s.missing, ["b.md"]);
        assert_eq!(s.unexpected, ["c.md"]);
        write(&out, &files).unwrap();
        assert!(
            check(&out, &files).unwrap().is_empty(),
            "c.md is gone with the old output"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, ["site"], "no temporary directories are left behind");
    }
}
