//! Reading the files a run depends on (plans, iCalendar files, templates, catalogues):
//! only regular files, and never more than a fixed number of bytes.
//!
//! A size check on `metadata().len()` alone does not bound a read: FIFOs, character
//! devices and files under `/proc` report a length of 0 and then block forever or never
//! end. So the file kind is checked before opening (opening a FIFO for reading blocks until
//! a writer appears), checked again on the open handle, and the bytes are read through a
//! reader that stops one byte past the limit.

use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The path names nothing.
    NotFound,
    /// The path names something other than a regular file: a directory, a FIFO, a device,
    /// a socket. The field says which, in words.
    NotRegular(&'static str),
    /// The file holds more than the limit (in bytes).
    TooLarge(u64),
    /// Any other I/O failure (permissions, a broken disk).
    Io(std::io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "no such file"),
            ReadError::NotRegular(kind) => write!(f, "is {kind}, not a regular file"),
            ReadError::TooLarge(limit) => write!(f, "is larger than {}", size(*limit)),
            ReadError::Io(e) if e.kind() == std::io::ErrorKind::PermissionDenied => write!(f, "permission denied"),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// A byte count in the largest whole unit that fits: `4 MiB`, `512 KiB`, `100 bytes`.
pub fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// What kind of thing a non-regular file is, in words.
fn kind_of(file_type: std::fs::FileType) -> &'static str {
    if file_type.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

fn io(e: std::io::Error) -> ReadError {
    if e.kind() == std::io::ErrorKind::NotFound {
        ReadError::NotFound
    } else {
        ReadError::Io(e)
    }
}

/// Read a regular file of at most `limit` bytes. Symbolic links are followed; where they
/// may point is the caller's business.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(limit));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    // The path may have been replaced between the two looks; trust the open handle.
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(limit)).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// The first `limit` bytes of a regular file (all of it when shorter), for sniffing what a
/// file is without reading a large one in full.
pub fn read_head(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(limit)).unwrap_or(0));
    file.take(limit).read_to_end(&mut bytes).map_err(io)?;
    Ok(bytes)
}

/// Read a regular UTF-8 text file of at most `limit` bytes, as [`read_regular`]; a file
/// that is not UTF-8 is an [`std::io::ErrorKind::InvalidData`] error. The message never
/// quotes the file's content.
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let bytes = read_regular(path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_small_regular_files_and_refuses_large_ones() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "hello").expect("writable");
        assert_eq!(read_regular(&path, 5).expect("fits"), b"hello");
        assert!(matches!(read_regular(&path, 4), Err(ReadError::TooLarge(4))));
        assert!(matches!(
            read_regular(&dir.path().join("none"), 4),
            Err(ReadError::NotFound)
        ));
        assert!(matches!(
            read_regular(dir.path(), 4),
            Err(ReadError::NotRegular("a directory"))
        ));
    }

    #[test]
    fn heads_stop_at_the_limit() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "hello").expect("writable");
        assert_eq!(read_head(&path, 3).expect("readable"), b"hel");
        assert_eq!(read_head(&path, 100).expect("readable"), b"hello");
        assert!(matches!(
            read_head(dir.path(), 3),
            Err(ReadError::NotRegular("a directory"))
        ));
        #[cfg(unix)]
        assert!(matches!(
            read_head(Path::new("/dev/zero"), 3),
            Err(ReadError::NotRegular("a device"))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_pipes_are_refused_without_blocking() {
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 1024),
            Err(ReadError::NotRegular("a device"))
        ));
        let dir = tempfile::tempdir().expect("a temporary directory");
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(matches!(
                read_regular(&fifo, 1024),
                Err(ReadError::NotRegular("a named pipe (FIFO)"))
            ));
        }
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(4 * 1024 * 1024), "4 MiB");
        assert_eq!(size(512 * 1024), "512 KiB");
        assert_eq!(size(100), "100 bytes");
    }
}
