//! Which folders `plan render` may replace. Render owns only what it wrote: before anything
//! is written it refuses an `--out` that is or holds the plan file, the current directory or
//! a git repository, one that holds files its manifest does not list, and a non-empty one
//! without a manifest. Paths are compared in their canonical form, so `./plans`,
//! `plans/../plans` and a symbolic link to `plans` are the same folder.

use super::manifest::{self, Manifest};
use anyhow::Context;
use std::path::{Component, Path, PathBuf};

/// How many foreign files a refusal names before it counts the rest.
const NAMED: usize = 5;

/// What an output folder held before this render: its manifest (none for a new or empty
/// folder) and its subfolders (relative names), which the render replaces too.
#[derive(Debug, Default)]
pub struct Previous {
    pub manifest: Option<Manifest>,
    pub folders: Vec<String>,
}

/// One thing found inside an output folder.
#[derive(Debug)]
pub struct Found {
    /// Relative name with `/` between folders.
    pub name: String,
    pub kind: FoundKind,
}

/// What a [`Found`] entry is, without following symbolic links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundKind {
    File,
    Folder,
    Link,
    /// A FIFO, socket or device.
    Other,
}

impl FoundKind {
    /// The kind in words, for messages about anything but a regular file.
    pub fn note(self) -> &'static str {
        match self {
            FoundKind::File => "",
            FoundKind::Folder => " (a folder)",
            FoundKind::Link => " (a symbolic link)",
            FoundKind::Other => " (not a regular file)",
        }
    }
}

/// Everything inside `dir`, depth first, sorted by name. Symbolic links are listed, never
/// followed, so a link loop cannot make the walk endless.
pub fn walk(dir: &Path) -> anyhow::Result<Vec<Found>> {
    let mut found = Vec::new();
    let mut stack = vec![(dir.to_path_buf(), String::new())];
    while let Some((folder, prefix)) = stack.pop() {
        let entries = std::fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("reading {}", folder.display()))?;
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            let file_type = entry
                .file_type()
                .with_context(|| format!("reading {}", entry.path().display()))?;
            let kind = if file_type.is_symlink() {
                FoundKind::Link
            } else if file_type.is_dir() {
                stack.push((entry.path(), format!("{name}/")));
                FoundKind::Folder
            } else if file_type.is_file() {
                FoundKind::File
            } else {
                FoundKind::Other
            };
            found.push(Found { name, kind });
        }
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(found)
}

/// The canonical form of a path that may not exist yet: its deepest existing ancestor
/// canonicalised, then the rest of the path.
pub fn canonical(path: &Path) -> anyhow::Result<PathBuf> {
    let absolute = std::path::absolute(path).with_context(|| format!("resolving {}", path.display()))?;
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    let mut existing = absolute.as_path();
    loop {
        match existing.canonicalize() {
            Ok(mut real) => {
                // What does not exist yet cannot be a link; only `..` needs resolving.
                for part in rest.iter().rev() {
                    if part == ".." {
                        real.pop();
                    } else if part != "." {
                        real.push(part);
                    }
                }
                return Ok(real);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_owned());
                    existing = parent;
                }
                (Some(parent), None) => {
                    rest.push("..".into());
                    existing = parent;
                }
                _ => return Err(e).with_context(|| format!("resolving {}", path.display())),
            },
            Err(e) => return Err(e).with_context(|| format!("resolving {}", path.display())),
        }
    }
}

/// Refuse an `--out` that is or holds something render must never replace: the plan file,
/// the current directory, a git repository. `out` is the path as the user wrote it (for
/// messages), `real` its canonical form.
pub fn refuse_protected(out: &Path, real: &Path, plan: &Path) -> anyhow::Result<()> {
    let shown = out.display();
    if real.components().any(|c| c == Component::Normal(".git".as_ref())) {
        anyhow::bail!(
            "refusing to render into {shown}: it is inside a git repository's `.git` folder; \
             choose a folder of its own for the documents (nothing was changed)"
        );
    }
    let plan_real = plan
        .canonicalize()
        .with_context(|| format!("resolving {}", plan.display()))?;
    if plan_real == real {
        anyhow::bail!(
            "refusing to render into {shown}: it is the plan file; choose a folder of its own for \
             the documents, such as `site` (nothing was changed)"
        );
    }
    if plan_real.starts_with(real) {
        anyhow::bail!(
            "refusing to render into {shown}: it holds the plan file {}, and render replaces the \
             whole folder; choose a folder of its own for the documents, such as `site` \
             (nothing was changed)",
            plan.display()
        );
    }
    let cwd = std::env::current_dir()
        .and_then(|d| d.canonicalize())
        .context("resolving the current directory")?;
    if cwd.starts_with(real) {
        let what = if cwd == real { "is" } else { "holds" };
        anyhow::bail!(
            "refusing to render into {shown}: it {what} the current directory, and render replaces \
             the whole folder; choose a folder of its own for the documents, such as `site` \
             (nothing was changed)"
        );
    }
    Ok(())
}

/// Check that render owns everything in the existing folder `dir` (shown as `out`) and
/// return what it held. Refuses a folder holding a git repository, a non-empty folder
/// without a manifest, and one holding anything the manifest does not list.
pub fn previous(out: &Path, dir: &Path) -> anyhow::Result<Previous> {
    let shown = out.display();
    let found = walk(dir)?;
    if let Some(git) = found.iter().find(|f| f.name.rsplit('/').next() == Some(".git")) {
        anyhow::bail!(
            "refusing to render into {shown}: it holds a git repository ({}); render replaces the \
             whole folder, so choose a folder of its own for the documents (nothing was changed)",
            out.join(&git.name).display()
        );
    }
    if found.is_empty() {
        return Ok(Previous::default());
    }
    let Some(manifest) = manifest::read(dir)? else {
        anyhow::bail!(
            "refusing to render into {shown}: it is not empty and was not written by `plan render` \
             (it has no {}); render replaces the folder's contents, so use a new or empty folder, \
             or move its files elsewhere first (nothing was changed)",
            manifest::FILE_NAME
        );
    };
    let foreign: Vec<String> = found
        .iter()
        .filter(|f| match f.kind {
            FoundKind::File => f.name != manifest::FILE_NAME && !manifest.lists(&f.name),
            FoundKind::Folder => !manifest.files.iter().any(|e| {
                e.name
                    .strip_prefix(f.name.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
            }),
            FoundKind::Link | FoundKind::Other => true,
        })
        .map(|f| format!("{}{}", f.name, f.kind.note()))
        .collect();
    if !foreign.is_empty() {
        let mut named = foreign.iter().take(NAMED).cloned().collect::<Vec<_>>().join(", ");
        if foreign.len() > NAMED {
            named.push_str(&format!(" and {} more", foreign.len() - NAMED));
        }
        anyhow::bail!(
            "refusing to render into {shown}: it holds files that `plan render` did not write \
             ({named}); render replaces the folder's contents, so move them elsewhere or render \
             into another folder (nothing was changed)"
        );
    }
    // A listed file is render's only while it holds what render wrote: one edited since
    // (or listed without a digest) belongs to whoever changed it.
    let changed: Vec<String> = manifest
        .files
        .iter()
        .filter(|e| {
            let path = dir.join(&e.name);
            match crate::input::read_regular(&path, super::templates::MAX_OUTPUT) {
                Ok(bytes) => e.digest.as_deref() != Some(manifest::digest(&bytes).as_str()),
                Err(crate::input::ReadError::NotFound) => false,
                Err(_) => true,
            }
        })
        .map(|e| e.name.clone())
        .collect();
    if !changed.is_empty() {
        let mut named = changed.iter().take(NAMED).cloned().collect::<Vec<_>>().join(", ");
        if changed.len() > NAMED {
            named.push_str(&format!(" and {} more", changed.len() - NAMED));
        }
        anyhow::bail!(
            "refusing to render into {shown}: {named} changed since `plan render` wrote it; render \
             would overwrite the change, so move the edited file elsewhere or delete it, then \
             render again (nothing was changed)"
        );
    }
    let folders = found
        .into_iter()
        .filter(|f| f.kind == FoundKind::Folder)
        .map(|f| f.name)
        .collect();
    Ok(Previous {
        manifest: Some(manifest),
        folders,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_paths_of_missing_folders_resolve_their_existing_part() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let real = dir.path().canonicalize().expect("exists");
        assert_eq!(canonical(&dir.path().join("a/b")).expect("resolves"), real.join("a/b"));
        assert_eq!(canonical(&dir.path().join("a/../c")).expect("resolves"), real.join("c"));
        assert_eq!(canonical(dir.path()).expect("resolves"), real);
    }

    #[cfg(unix)]
    #[test]
    fn the_walk_lists_links_without_following_them() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::create_dir(dir.path().join("sub")).expect("writable");
        std::fs::write(dir.path().join("sub/a.md"), "a").expect("writable");
        std::os::unix::fs::symlink("..", dir.path().join("sub/up")).expect("writable");
        let found: Vec<(String, FoundKind)> = walk(dir.path())
            .expect("walks")
            .into_iter()
            .map(|f| (f.name, f.kind))
            .collect();
        assert_eq!(
            found,
            [
                ("sub".to_owned(), FoundKind::Folder),
                ("sub/a.md".to_owned(), FoundKind::File),
                ("sub/up".to_owned(), FoundKind::Link),
            ]
        );
    }
}
