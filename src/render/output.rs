//! Putting rendered documents on disk: all or nothing, and only over what render wrote.
//!
//! The files are written to a staging folder beside `--out` (created with a name only render
//! uses, `.<out>.plan-new-XXXXXX`), the manifest last, and swapped in when every one of them
//! is written. On Linux the swap is one atomic exchange of the two folders
//! (`renameat2(RENAME_EXCHANGE)`), so a reader or a crash never sees `--out` missing; where
//! the exchange is not supported the previous output is first moved aside
//! (`.<out>.plan-old-XXXXXX`) and put back if the second move fails. Either way the previous
//! output is removed only after the new one is in place. A run that was killed leaves those
//! folders behind: the next run puts a moved-aside output back when `--out` is missing, and
//! removes the leftovers that prove to be render's (its name and a manifest inside).
//!
//! Nothing is written outside `--out` and its staging siblings. `--check` compares instead
//! of writing, reading no more of any file than the rendered one holds.

use super::manifest::{self, Entry, Manifest};
use super::ownership::{self, FoundKind};
use anyhow::Context;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What one render publishes.
pub struct Publication<'a> {
    /// The rendered files: name inside `--out` → text.
    pub files: &'a BTreeMap<String, String>,
    /// The manifest entry of each rendered file.
    pub entries: Vec<Entry>,
    /// Whether this render replaces a file of the previous output: true for every file in a
    /// full render, for the files of the selected kinds and languages in a partial one.
    pub replaces: &'a dyn Fn(&Entry) -> bool,
}

/// What writing did.
#[derive(Debug, Default)]
pub struct Written {
    /// Files in `--out` now, the manifest not counted.
    pub files: usize,
    /// Files kept from the previous output (a partial render).
    pub kept: usize,
    /// Things the user should know that did not stop the render (a previous output that
    /// could not be removed).
    pub warnings: Vec<String>,
}

/// A file name may only name a file inside the output directory.
fn safe(name: &str) -> bool {
    name != manifest::FILE_NAME && manifest::inside(name)
}

/// The largest file of a previous output that a partial render copies: render never
/// writes one larger.
const MAX_KEPT: u64 = super::templates::MAX_OUTPUT;

/// Where `--out` really is.
enum Location {
    /// A folder: `--out` itself, or the folder a symbolic link `--out` points to (written
    /// through; the link stays a link).
    Folder(PathBuf),
    /// Nothing yet; `dangling` when `--out` is a symbolic link whose target is missing (a
    /// render killed between its two moves can leave it so).
    Missing { real: PathBuf, dangling: bool },
    /// A file or anything else that is not a folder.
    NotFolder(PathBuf),
}

fn locate(out: &Path) -> anyhow::Result<Location> {
    match std::fs::symlink_metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Location::Missing {
            real: ownership::canonical(out)?,
            dangling: false,
        }),
        Err(e) => Err(e).with_context(|| format!("reading {}", out.display())),
        Ok(meta) if meta.is_dir() => Ok(Location::Folder(
            out.canonicalize()
                .with_context(|| format!("resolving {}", out.display()))?,
        )),
        Ok(meta) if meta.file_type().is_symlink() => match out.canonicalize() {
            Ok(real) => {
                anyhow::ensure!(
                    real.is_dir(),
                    "{} is a symbolic link to {}, which is not a folder (nothing was changed)",
                    out.display(),
                    real.display()
                );
                Ok(Location::Folder(real))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let target = std::fs::read_link(out).with_context(|| format!("reading {}", out.display()))?;
                let base = out.parent().unwrap_or(Path::new(""));
                Ok(Location::Missing {
                    real: ownership::canonical(&base.join(target))?,
                    dangling: true,
                })
            }
            Err(e) => Err(e).with_context(|| format!("resolving {}", out.display())),
        },
        Ok(_) => Ok(Location::NotFolder(
            out.canonicalize()
                .with_context(|| format!("resolving {}", out.display()))?,
        )),
    }
}

fn not_a_folder(out: &Path) -> anyhow::Error {
    anyhow::anyhow!(
        "{} exists and is not a folder; render writes a folder of documents (nothing was changed)",
        out.display()
    )
}

/// The names of render's staging and moved-aside folders beside the folder `name`.
fn prefixes(name: &str) -> (String, String) {
    (format!(".{name}.plan-new-"), format!(".{name}.plan-old-"))
}

/// A leftover of an interrupted render beside the output folder.
struct Leftover {
    path: PathBuf,
    /// A previous output moved aside (rather than a staging folder).
    moved_aside: bool,
    modified: std::time::SystemTime,
    /// Held while the leftover is handled, so two renders never handle the same one.
    _lock: Option<lock::Lock>,
}

/// The leftovers of interrupted renders beside `real`: folders (not links) with render's
/// prefix that hold a manifest or nothing at all, and that no running render holds.
fn leftovers(real: &Path) -> anyhow::Result<Vec<Leftover>> {
    let (Some(parent), Some(name)) = (real.parent(), real.file_name()) else {
        return Ok(Vec::new());
    };
    let (new_prefix, old_prefix) = prefixes(&name.to_string_lossy());
    let entries = match std::fs::read_dir(parent) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("reading {}", parent.display())),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("reading {}", parent.display()))?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let moved_aside = file_name.starts_with(&old_prefix);
        if !moved_aside && !file_name.starts_with(&new_prefix) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if !meta.is_dir() {
            continue;
        }
        let has_manifest = std::fs::symlink_metadata(path.join(manifest::FILE_NAME)).is_ok_and(|m| m.is_file());
        let is_empty = std::fs::read_dir(&path).is_ok_and(|mut d| d.next().is_none());
        if !has_manifest && !is_empty {
            // Not proven to be render's: leave it alone.
            continue;
        }
        let Some(held) = lock::try_lock(&path) else {
            // A render running right now is using it.
            continue;
        };
        found.push(Leftover {
            path,
            moved_aside,
            modified: meta.modified().unwrap_or(std::time::UNIX_EPOCH),
            _lock: held,
        });
    }
    Ok(found)
}

/// Check that every folder of the previous output can be emptied, so that removing it after
/// the swap cannot fail half-way and leave debris.
#[cfg(unix)]
fn ensure_removable(out: &Path, real: &Path, folders: &[String]) -> anyhow::Result<()> {
    use rustix::fs::{Access, access};
    for folder in std::iter::once(real.to_path_buf()).chain(folders.iter().map(|f| real.join(f))) {
        if let Err(e) = access(&folder, Access::WRITE_OK | Access::EXEC_OK) {
            anyhow::bail!(
                "cannot replace {}: {} is not writable ({}), so its files could not be removed \
                 (nothing was changed)",
                out.display(),
                folder.display(),
                std::io::Error::from(e)
            );
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn ensure_removable(_out: &Path, _real: &Path, _folders: &[String]) -> anyhow::Result<()> {
    Ok(())
}

/// Write `publication` into `out`, atomically, replacing only what render wrote there
/// before. `plan` is the plan file, which `out` must not hold.
pub fn write(out: &Path, plan: &Path, publication: &Publication<'_>) -> anyhow::Result<Written> {
    write_with(out, plan, publication, swap::exchange)
}

/// How two folders are swapped in one step: `Ok(false)` when they cannot be.
type Exchange = fn(&Path, &Path) -> std::io::Result<bool>;

/// [`write`], with the exchange to use (tests take the fallback path on any system).
fn write_with(out: &Path, plan: &Path, publication: &Publication<'_>, exchange: Exchange) -> anyhow::Result<Written> {
    if let Some(bad) = publication.files.keys().find(|n| !safe(n)) {
        anyhow::bail!("refusing to write `{bad}`: document names must stay inside the output directory");
    }
    let (real, dangling) = match locate(out)? {
        Location::Folder(real) => (real, false),
        Location::Missing { real, dangling } => (real, dangling),
        Location::NotFolder(real) => {
            // Say so first when it is the plan file itself.
            ownership::refuse_protected(out, &real, plan)?;
            return Err(not_a_folder(out));
        }
    };
    let mut written = Written::default();

    // An earlier run killed between its two moves left no output but the previous one
    // moved aside: put it back before looking at anything else.
    let mut leftover = leftovers(&real)?;
    if std::fs::symlink_metadata(&real).is_err() {
        leftover.sort_by_key(|l| std::cmp::Reverse(l.modified));
        if let Some(i) = leftover.iter().position(|l| l.moved_aside) {
            let restored = leftover.remove(i);
            std::fs::rename(&restored.path, &real).with_context(|| {
                format!(
                    "putting back the previous output of an interrupted render from {}",
                    restored.path.display()
                )
            })?;
            written.warnings.push(format!(
                "put back the previous output of an interrupted render into {}",
                out.display()
            ));
        }
    }
    let exists = std::fs::symlink_metadata(&real).is_ok();
    anyhow::ensure!(
        exists || !dangling,
        "{} is a symbolic link to {}, which does not exist; point it at a folder or remove it \
         (nothing was changed)",
        out.display(),
        real.display()
    );

    ownership::refuse_protected(out, &real, plan)?;
    let previous = if exists {
        ownership::previous(out, &real)?
    } else {
        ownership::Previous::default()
    };
    if exists {
        ensure_removable(out, &real, &previous.folders)?;
    }

    // Every check passed: from here on only render's own files and folders change.
    for stale in leftover {
        std::fs::remove_dir_all(&stale.path)
            .with_context(|| format!("removing {}, left by an interrupted render", stale.path.display()))?;
    }
    let parent = real
        .parent()
        .context("the output folder has no parent folder")?
        .to_path_buf();
    let name = real
        .file_name()
        .context("the output folder has no name")?
        .to_string_lossy()
        .into_owned();
    std::fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let (new_prefix, old_prefix) = prefixes(&name);

    let mut builder = tempfile::Builder::new();
    builder.prefix(&new_prefix);
    // Like `mkdir`: the umask decides, not tempfile's private default, since the staging
    // folder becomes the published one.
    #[cfg(unix)]
    let permissions = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(0o777)
    };
    #[cfg(unix)]
    builder.permissions(permissions);
    let staging = builder.tempdir_in(&parent).with_context(|| {
        format!(
            "creating a staging folder beside {} in {}",
            out.display(),
            parent.display()
        )
    })?;
    let _staging_lock = lock::try_lock(staging.path()).flatten();
    // A manifest first, so that a run killed while writing leaves a folder that proves to be
    // render's; the complete one is written last.
    write_file(
        staging.path(),
        manifest::FILE_NAME,
        Manifest::new(Vec::new()).to_text().as_bytes(),
    )?;

    let mut entries = publication.entries.clone();
    for (name, text) in publication.files {
        write_file(staging.path(), name, text.as_bytes())?;
    }
    if let Some(manifest) = &previous.manifest {
        for entry in &manifest.files {
            if (publication.replaces)(entry) || publication.files.contains_key(&entry.name) {
                continue;
            }
            let path = real.join(&entry.name);
            let bytes = crate::input::read_regular(&path, MAX_KEPT)
                .with_context(|| format!("keeping {} from the previous output", path.display()))?;
            write_file(staging.path(), &entry.name, &bytes)?;
            entries.push(entry.clone());
            written.kept += 1;
        }
    }
    let manifest = Manifest::new(entries);
    write_file(staging.path(), manifest::FILE_NAME, manifest.to_text().as_bytes())?;
    written.files = manifest.files.len();
    if exists {
        // The published folder keeps its permissions (set last: they may forbid writing).
        let permissions = std::fs::metadata(&real)
            .with_context(|| format!("reading {}", real.display()))?
            .permissions();
        std::fs::set_permissions(staging.path(), permissions)
            .with_context(|| format!("setting the permissions of {}", staging.path().display()))?;
    }

    if !exists {
        std::fs::rename(staging.path(), &real)
            .with_context(|| format!("moving the new documents into {}", out.display()))?;
        let _ = staging.keep();
        return Ok(written);
    }
    if exchange(staging.path(), &real).with_context(|| format!("moving the new documents into {}", out.display()))? {
        // The staging folder now holds the previous output.
        let aside = staging.path().to_path_buf();
        if let Err(e) = staging.close() {
            written.warnings.push(format!(
                "the previous output could not be removed from {} ({e}); the next render removes it",
                aside.display()
            ));
        }
        return Ok(written);
    }

    // No atomic exchange here: move the previous output aside, the new one in, and the
    // previous one back if that fails.
    let aside = tempfile::Builder::new()
        .prefix(&old_prefix)
        .tempdir_in(&parent)
        .with_context(|| format!("creating a folder beside {} in {}", out.display(), parent.display()))?
        .keep();
    std::fs::remove_dir(&aside).with_context(|| format!("preparing {}", aside.display()))?;
    // Held across the moves, so that a concurrent render does not take the moved-aside
    // output for the leftover of a killed one.
    let _previous_lock = lock::try_lock(&real).flatten();
    std::fs::rename(&real, &aside).with_context(|| format!("moving the previous {} aside", out.display()))?;
    if let Err(e) = std::fs::rename(staging.path(), &real) {
        let _ = std::fs::rename(&aside, &real);
        return Err(e).with_context(|| format!("moving the new documents into {}", out.display()));
    }
    let _ = staging.keep();
    if let Err(e) = std::fs::remove_dir_all(&aside) {
        written.warnings.push(format!(
            "the previous output could not be removed from {} ({e}); the next render removes it",
            aside.display()
        ));
    }
    Ok(written)
}

/// Write one file into the staging folder, creating its folders.
fn write_file(staging: &Path, name: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let path = staging.join(name);
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).with_context(|| format!("creating {}", folder.display()))?;
    }
    std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))
}

/// How the files on disk differ from freshly rendered ones.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Staleness {
    /// On disk, but with other contents (or not a regular file: the name says what it is).
    pub stale: Vec<String>,
    /// Rendered, but not on disk.
    pub missing: Vec<String>,
    /// On disk, but no longer rendered (a symbolic link or other non-file: the name says
    /// what it is).
    pub unexpected: Vec<String>,
}

impl Staleness {
    pub fn is_empty(&self) -> bool {
        self.stale.is_empty() && self.missing.is_empty() && self.unexpected.is_empty()
    }
}

/// What `--check` compares for a render: the rendered files and, for a full render, the
/// manifest a write would leave; in a partial render the files it does not select (by the
/// manifest on disk) and the manifest itself are left out of the comparison.
pub fn expected(
    out: &Path,
    publication: &Publication<'_>,
    partial: bool,
) -> (BTreeMap<String, String>, BTreeSet<String>) {
    let mut expected = publication.files.clone();
    let mut ignored = BTreeSet::new();
    if partial {
        ignored.insert(manifest::FILE_NAME.to_owned());
        // A manifest that cannot be read leaves every other file unexpected, which is what
        // the user needs to see.
        if let Ok(Some(on_disk)) = manifest::read(out) {
            ignored.extend(
                on_disk
                    .files
                    .iter()
                    .filter(|e| !(publication.replaces)(e) && !publication.files.contains_key(&e.name))
                    .map(|e| e.name.clone()),
            );
        }
    } else {
        expected.insert(
            manifest::FILE_NAME.to_owned(),
            Manifest::new(publication.entries.clone()).to_text(),
        );
    }
    (expected, ignored)
}

/// Compare `files` with the contents of `out`, leaving `ignored` names alone. Reads only,
/// never follows a symbolic link inside `out` (one is itself a difference), and reads no
/// more of a file than the rendered one holds.
pub fn check(out: &Path, files: &BTreeMap<String, String>, ignored: &BTreeSet<String>) -> anyhow::Result<Staleness> {
    let mut result = Staleness::default();
    let found: BTreeMap<String, FoundKind> = match locate(out)? {
        Location::Folder(real) => ownership::walk(&real)?.into_iter().map(|f| (f.name, f.kind)).collect(),
        Location::Missing { .. } => BTreeMap::new(),
        Location::NotFolder(_) => return Err(not_a_folder(out)),
    };
    for (name, text) in files {
        match found.get(name) {
            None => result.missing.push(name.clone()),
            Some(FoundKind::File) => {
                let path = out.join(name);
                match crate::input::read_regular(&path, text.len() as u64) {
                    Ok(bytes) if bytes == text.as_bytes() => {}
                    Ok(_) | Err(crate::input::ReadError::TooLarge(_)) => result.stale.push(name.clone()),
                    Err(crate::input::ReadError::NotFound) => result.missing.push(name.clone()),
                    Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
                }
            }
            Some(kind) => result.stale.push(format!("{name}{}", kind.note())),
        }
    }
    for (name, kind) in &found {
        if *kind == FoundKind::Folder || files.contains_key(name) || ignored.contains(name) {
            continue;
        }
        result.unexpected.push(format!("{name}{}", kind.note()));
    }
    Ok(result)
}

/// Advisory locks on render's folders, so that a render never takes the folders of another
/// one that is running for leftovers. Released when the process ends, however it ends.
mod lock {
    use std::path::Path;

    /// A held lock.
    pub struct Lock {
        _file: std::fs::File,
    }

    /// Lock `folder`: `None` when another process holds it, `Some(None)` where folders
    /// cannot be locked (then nobody can hold one either).
    #[cfg(unix)]
    pub fn try_lock(folder: &Path) -> Option<Option<Lock>> {
        use rustix::fs::{FlockOperation, flock};
        let Ok(file) = std::fs::File::open(folder) else {
            return Some(None);
        };
        match flock(&file, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => Some(Some(Lock { _file: file })),
            Err(rustix::io::Errno::WOULDBLOCK) => None,
            Err(_) => Some(None),
        }
    }

    #[cfg(not(unix))]
    pub fn try_lock(_folder: &Path) -> Option<Option<Lock>> {
        Some(None)
    }
}

/// Swapping two folders in one step where the system can.
mod swap {
    use std::path::Path;

    /// Exchange `a` and `b` atomically. `Ok(false)` when the system or file system cannot
    /// (then nothing happened); other failures are errors.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    pub fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        use rustix::io::Errno;
        match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => Ok(true),
            // Old kernels (ENOSYS) and file systems without the flag (EINVAL, e.g. some
            // network and FUSE file systems) fall back to two renames.
            Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    pub fn exchange(_a: &Path, _b: &Path) -> std::io::Result<bool> {
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn publish<'a>(files: &'a BTreeMap<String, String>, replaces: &'a dyn Fn(&Entry) -> bool) -> Publication<'a> {
        Publication {
            files,
            entries: files
                .keys()
                .map(|name| Entry {
                    digest: Some(crate::render::manifest::digest(files[name].as_bytes())),
                    name: name.clone(),
                    kind: "faq".to_owned(),
                    lang: name.split('.').nth(1).unwrap_or("en").to_owned(),
                })
                .collect(),
            replaces,
        }
    }

    fn files(names: &[(&str, &str)]) -> BTreeMap<String, String> {
        names.iter().map(|(n, t)| ((*n).to_owned(), (*t).to_owned())).collect()
    }

    /// A plan file outside the output folders of the tests.
    fn plan(dir: &Path) -> PathBuf {
        let plan = dir.join("plan.yaml");
        std::fs::write(&plan, "version: 1\n").expect("writable");
        plan
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("readable")
            .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn names_cannot_escape_the_output_directory() {
        assert!(safe("faq-home.de.html"));
        assert!(safe("public/faq-home.de.html"));
        assert!(!safe("../x.html"));
        assert!(!safe("/etc/passwd"));
        assert!(!safe("a/../../b"));
        assert!(!safe(manifest::FILE_NAME));
        let dir = tempfile::tempdir().expect("a temporary directory");
        let plan = plan(dir.path());
        let files = files(&[("../escape.html", "x")]);
        assert!(write(&dir.path().join("out"), &plan, &publish(&files, &|_| true)).is_err());
        assert!(!dir.path().join("escape.html").exists());
    }

    #[test]
    fn writing_replaces_the_whole_directory_and_check_sees_differences() {
        // Each test has its own directory: a shared fixed path let parallel tests race.
        let dir = tempfile::tempdir().expect("a temporary directory");
        let plan = plan(dir.path());
        let out = dir.path().join("site");
        let files = files(&[("a.md", "A"), ("b.md", "B")]);
        let all = |_: &Entry| true;
        let publication = publish(&files, &all);
        write(&out, &plan, &publication).unwrap();
        let (expected, ignored) = expected(&out, &publication, false);
        assert!(check(&out, &expected, &ignored).unwrap().is_empty());
        std::fs::write(out.join("a.md"), "changed").unwrap();
        std::fs::remove_file(out.join("b.md")).unwrap();
        std::fs::write(out.join("c.md"), "C").unwrap();
        let s = check(&out, &expected, &ignored).unwrap();
        assert_eq!(s.stale, ["a.md"]);
        assert_eq!(s.missing, ["b.md"]);
        assert_eq!(s.unexpected, ["c.md"]);
        // c.md is not render's: the next write refuses and changes nothing.
        let err = write(&out, &plan, &publication).unwrap_err().to_string();
        assert!(err.contains("c.md"), "{err}");
        assert_eq!(std::fs::read_to_string(out.join("a.md")).unwrap(), "changed");
        std::fs::remove_file(out.join("c.md")).unwrap();
        // a.md was edited after render wrote it: it is not render's to overwrite either.
        let err = write(&out, &plan, &publication).unwrap_err().to_string();
        assert!(err.contains("a.md") && err.contains("changed since"), "{err}");
        assert_eq!(std::fs::read_to_string(out.join("a.md")).unwrap(), "changed");
        std::fs::remove_file(out.join("a.md")).unwrap();
        write(&out, &plan, &publication).unwrap();
        assert!(check(&out, &expected, &ignored).unwrap().is_empty());
        assert_eq!(
            names(dir.path()),
            ["plan.yaml", "site"],
            "no staging folders are left behind"
        );
    }

    #[test]
    fn without_an_atomic_exchange_the_previous_output_is_moved_aside_and_removed() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let plan = plan(dir.path());
        let out = dir.path().join("site");
        let all = |_: &Entry| true;
        let first = files(&[("a.md", "A")]);
        write_with(&out, &plan, &publish(&first, &all), |_, _| Ok(false)).unwrap();
        let second = files(&[("b.md", "B")]);
        write_with(&out, &plan, &publish(&second, &all), |_, _| Ok(false)).unwrap();
        assert_eq!(names(&out), [manifest::FILE_NAME, "b.md"]);
        assert_eq!(
            names(dir.path()),
            ["plan.yaml", "site"],
            "nothing is left beside the output"
        );
    }

    #[test]
    fn a_partial_write_keeps_the_files_it_does_not_select() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let plan = plan(dir.path());
        let out = dir.path().join("site");
        let all = files(&[
            ("faq-a.de.md", "A de"),
            ("faq-a.en.md", "A en"),
            ("faq-b.de.md", "B de"),
        ]);
        write(&out, &plan, &publish(&all, &|_| true)).unwrap();
        // Only German, and profile b is gone.
        let german = |e: &Entry| e.lang == "de";
        let some = files(&[("faq-a.de.md", "A de 2")]);
        let written = write(&out, &plan, &publish(&some, &german)).unwrap();
        assert_eq!(written.kept, 1);
        assert_eq!(names(&out), [manifest::FILE_NAME, "faq-a.de.md", "faq-a.en.md"]);
        assert_eq!(std::fs::read_to_string(out.join("faq-a.de.md")).unwrap(), "A de 2");
        assert_eq!(std::fs::read_to_string(out.join("faq-a.en.md")).unwrap(), "A en");
        let manifest = manifest::read(&out).unwrap().unwrap();
        assert!(manifest.lists("faq-a.en.md") && manifest.lists("faq-a.de.md") && !manifest.lists("faq-b.de.md"));
    }

    #[test]
    fn check_never_follows_links_and_reports_them() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let out = dir.path().join("site");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("a.md"), "A but longer than rendered").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(".", out.join("loop")).unwrap();
            std::os::unix::fs::symlink("a.md", out.join("b.md")).unwrap();
        }
        let files = files(&[("a.md", "A"), ("b.md", "B")]);
        let s = check(&out, &files, &BTreeSet::new()).unwrap();
        assert_eq!(s.stale.first().map(String::as_str), Some("a.md"));
        #[cfg(unix)]
        {
            assert_eq!(s.stale, ["a.md", "b.md (a symbolic link)"]);
            assert_eq!(s.unexpected, ["loop (a symbolic link)"]);
        }
    }
}
