//! Where files named by a plan may be read from: inside the plan file's folder, or inside
//! the git repository that holds it.
//!
//! A plan arrives in a pull request, and its findings are printed into CI logs, annotations
//! and SARIF reports that others read. If a plan could name any file (`/proc/self/environ`,
//! `../../.ssh/id_rsa`, a symbolic link to either), a pull request could have the tool read
//! a secret from the machine that checks it. So a path must be relative, and the file it
//! reaches, after `..` and every symbolic link are resolved, must lie inside the
//! confinement root. Directory search applies the same root to symbolic links it finds.

use std::path::{Component, Path, PathBuf};

/// The folder a plan's files must stay in, resolved (canonical, no symbolic links).
#[derive(Debug, Clone)]
pub struct Root {
    path: PathBuf,
    repository: bool,
}

/// Why a path named by a plan is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// An absolute path (`/etc/passwd`, `C:\…`).
    Absolute,
    /// The path leads out of the root by `..`.
    Escapes,
    /// The path is inside the root, but a symbolic link on it leads out.
    LinkOut,
    /// Nothing is there.
    NotFound,
    /// The path could not be resolved for another reason (permissions, a loop of links).
    Unresolvable(String),
}

impl Root {
    /// The root for files named by the plan at `plan_path`: the nearest folder at or above
    /// the plan's own that holds a `.git` (a directory, or a file in worktrees and
    /// submodules), else the plan's folder. `None` when the folder cannot be resolved.
    pub fn of_plan(plan_path: &Path) -> Option<Root> {
        let folder = match plan_path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        Root::of_folder(folder)
    }

    /// The root for files found in `folder`: its git repository, else the folder itself.
    pub fn of_folder(folder: &Path) -> Option<Root> {
        let folder = std::fs::canonicalize(folder).ok()?;
        let repository = folder
            .ancestors()
            .find(|dir| std::fs::symlink_metadata(dir.join(".git")).is_ok());
        Some(match repository {
            Some(repo) => Root {
                path: repo.to_path_buf(),
                repository: true,
            },
            None => Root {
                path: folder,
                repository: false,
            },
        })
    }

    /// What the root is, for messages: "the plan's folder" or "the git repository that
    /// holds the plan". Never the path itself, which would print the machine's layout.
    pub fn describe(&self) -> &'static str {
        if self.repository {
            "the git repository that holds the plan"
        } else {
            "the plan's folder"
        }
    }

    /// Resolve `relative`, as written in a plan in `base` (a folder inside the root), to the
    /// file it names, refusing any path that is absolute or leads outside the root.
    pub fn resolve(&self, base: &Path, relative: &str) -> Result<PathBuf, Refusal> {
        let written = Path::new(relative);
        if written
            .components()
            .any(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
        {
            return Err(Refusal::Absolute);
        }
        let base = std::fs::canonicalize(base).map_err(|e| Refusal::Unresolvable(e.to_string()))?;
        // First by the text alone, so that a path out of the root is refused whether or not
        // something exists there (which would otherwise be revealed).
        let mut lexical = base.clone();
        for component in written.components() {
            match component {
                Component::Normal(part) => lexical.push(part),
                Component::ParentDir => {
                    if !lexical.pop() {
                        return Err(Refusal::Escapes);
                    }
                }
                Component::CurDir | Component::Prefix(_) | Component::RootDir => {}
            }
        }
        if !lexical.starts_with(&self.path) {
            return Err(Refusal::Escapes);
        }
        // Then as the system resolves it, through every symbolic link.
        let resolved = std::fs::canonicalize(base.join(written)).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Refusal::NotFound,
            _ => Refusal::Unresolvable(e.to_string()),
        })?;
        if !resolved.starts_with(&self.path) {
            return Err(Refusal::LinkOut);
        }
        Ok(resolved)
    }

    /// Whether `path` (which exists) resolves to somewhere inside the root.
    pub fn contains(&self, path: &Path) -> bool {
        std::fs::canonicalize(path).is_ok_and(|p| p.starts_with(&self.path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_plan_folder() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let plans = dir.path().join("plans");
        std::fs::create_dir_all(plans.join("calendars")).expect("writable");
        std::fs::write(plans.join("calendars/a.ics"), "x").expect("writable");
        std::fs::write(dir.path().join("secret.txt"), "x").expect("writable");
        let root = Root::of_plan(&plans.join("plan.yaml")).expect("resolvable");
        assert_eq!(root.describe(), "the plan's folder");
        assert!(root.resolve(&plans, "calendars/a.ics").is_ok());
        assert!(root.resolve(&plans, "./calendars/../calendars/a.ics").is_ok());
        assert_eq!(root.resolve(&plans, "calendars/none.ics"), Err(Refusal::NotFound));
        assert_eq!(root.resolve(&plans, "../secret.txt"), Err(Refusal::Escapes));
        assert_eq!(root.resolve(&plans, "../nothing-there"), Err(Refusal::Escapes));
        assert_eq!(root.resolve(&plans, "/etc/passwd"), Err(Refusal::Absolute));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), plans.join("link.ics")).expect("a link");
            assert_eq!(root.resolve(&plans, "link.ics"), Err(Refusal::LinkOut));
            assert!(!root.contains(&plans.join("link.ics")));
            assert!(root.contains(&plans.join("calendars/a.ics")));
        }
    }

    #[test]
    fn a_git_repository_widens_the_root_to_itself() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::create_dir_all(dir.path().join(".git")).expect("writable");
        std::fs::create_dir_all(dir.path().join("plans")).expect("writable");
        std::fs::create_dir_all(dir.path().join("calendars")).expect("writable");
        std::fs::write(dir.path().join("calendars/a.ics"), "x").expect("writable");
        let plans = dir.path().join("plans");
        let root = Root::of_plan(&plans.join("plan.yaml")).expect("resolvable");
        assert_eq!(root.describe(), "the git repository that holds the plan");
        assert!(root.resolve(&plans, "../calendars/a.ics").is_ok());
        assert_eq!(root.resolve(&plans, "../../outside.ics"), Err(Refusal::Escapes));
    }
}
