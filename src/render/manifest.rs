//! The output manifest: a hidden file in `--out` listing every file `plan render` wrote
//! there, with its document kind and language. It is what makes a file "ours": render
//! replaces and removes only the files its manifest lists, refuses a folder holding anything
//! else, and a partial render (`--only`, `--lang`) keeps the listed files it does not
//! select.

use anyhow::Context;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The manifest's file name inside `--out`. Hidden, so that a web server's directory
/// listing and a glance at the folder show the documents only.
pub const FILE_NAME: &str = ".plan-render.json";

/// What `written-by` says in every manifest.
const WRITTEN_BY: &str = "plan render";

/// The largest manifest read: far more than the listing of any plan.
const MAX_SIZE: u64 = 16 * 1024 * 1024;

/// One file render wrote.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    /// The file's path inside `--out`, with `/` between folders.
    pub name: String,
    /// `handbook`, `faq` or `index`.
    pub kind: String,
    /// The document's language tag as the plan writes it.
    pub lang: String,
    /// A digest of the bytes render wrote ([`digest`]). A listed file whose bytes no longer
    /// match was changed by someone else: it is no longer render's to replace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

/// The digest recorded for a file: 64-bit FNV-1a of its bytes, in hex. It tells render's
/// own output from a file edited afterwards; it is not meant to resist forgery (a person
/// who writes a manifest by hand claims the files on purpose).
pub fn digest(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("fnv1a64:{hash:016x}")
}

/// The files of one output folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Manifest {
    written_by: String,
    format: u32,
    /// Sorted by name.
    pub files: Vec<Entry>,
}

impl Manifest {
    /// A manifest listing `files`.
    pub fn new(mut files: Vec<Entry>) -> Manifest {
        files.sort();
        files.dedup_by(|a, b| a.name == b.name);
        Manifest {
            written_by: WRITTEN_BY.to_owned(),
            format: 1,
            files,
        }
    }

    /// The manifest's text, as written to disk (stable, so `--check` can compare it).
    pub fn to_text(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a manifest serialises");
        text.push('\n');
        text
    }

    /// Whether the manifest lists this file.
    pub fn lists(&self, name: &str) -> bool {
        self.files.binary_search_by(|e| e.name.as_str().cmp(name)).is_ok()
    }
}

/// Read the manifest of `dir`: `None` when there is none. A manifest that cannot be read or
/// is not one of ours is an error.
pub fn read(dir: &Path) -> anyhow::Result<Option<Manifest>> {
    let path = dir.join(FILE_NAME);
    let text = match crate::input::read_text(&path, MAX_SIZE) {
        Ok(text) => text,
        Err(crate::input::ReadError::NotFound) => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let manifest: Manifest = serde_json::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "{} is not a manifest written by `plan render` ({e}); nothing was changed",
            path.display()
        )
    })?;
    anyhow::ensure!(
        manifest.written_by == WRITTEN_BY && manifest.format == 1,
        "{} was written by another program or a newer version of `plan render`; nothing was changed",
        path.display()
    );
    // Render copies and replaces the files a manifest lists: a name that leaves the folder
    // would let a hand-made manifest reach files elsewhere.
    if let Some(bad) = manifest.files.iter().find(|e| !inside(&e.name)) {
        anyhow::bail!(
            "{} lists `{}`, which is not a file inside the folder; nothing was changed",
            path.display(),
            bad.name
        );
    }
    Ok(Some(Manifest::new(manifest.files)))
}

/// Whether a name stays inside the folder: relative, with no `.` or `..` parts.
pub fn inside(name: &str) -> bool {
    !name.is_empty()
        && Path::new(name)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str) -> Entry {
        Entry {
            digest: None,
            name: name.to_owned(),
            kind: "faq".to_owned(),
            lang: "de".to_owned(),
        }
    }

    #[test]
    fn a_manifest_reads_back_what_was_written_and_lists_its_files() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        assert_eq!(read(dir.path()).expect("no manifest is fine"), None);
        let manifest = Manifest::new(vec![entry("b.md"), entry("a.md")]);
        std::fs::write(dir.path().join(FILE_NAME), manifest.to_text()).expect("writable");
        let back = read(dir.path()).expect("readable").expect("present");
        assert_eq!(back, manifest);
        assert!(back.lists("a.md") && back.lists("b.md") && !back.lists("c.md"));
        assert_eq!(back.files[0].name, "a.md", "sorted");
    }

    #[test]
    fn a_foreign_file_under_the_manifest_name_is_an_error() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::write(dir.path().join(FILE_NAME), "{\"files\": []}").expect("writable");
        assert!(read(dir.path()).is_err());
        std::fs::write(
            dir.path().join(FILE_NAME),
            "{\"written-by\": \"something\", \"format\": 1, \"files\": []}",
        )
        .expect("writable");
        assert!(read(dir.path()).is_err());
        let escaping = Manifest::new(vec![entry("../plan.yaml")]);
        std::fs::write(dir.path().join(FILE_NAME), escaping.to_text()).expect("writable");
        let err = read(dir.path()).expect_err("refused").to_string();
        assert!(err.contains("../plan.yaml"), "{err}");
    }
}
