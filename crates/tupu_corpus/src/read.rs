//! Reading bytes through a hard cap, from regular files and standard input only.
//!
//! The size a file reports is not trusted (character devices such as `/dev/zero` report 0):
//! everything is read through `Read::take`, so no input can make tupu hold more than the cap.
//! Anything that is not a regular file (a FIFO, a socket, a device) is refused before it is
//! opened, so tupu never waits on a pipe nobody writes to; the file is then opened without
//! blocking and checked again, in case it was swapped in between.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use crate::error::ReadError;

/// `O_NONBLOCK`: opening a FIFO without it waits for a writer. Regular files ignore it.
#[cfg(target_os = "linux")]
const O_NONBLOCK: i32 = 0o4000;
#[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd", target_os = "openbsd"))]
const O_NONBLOCK: i32 = 0x0004;
#[cfg(not(any(
    target_os = "linux",
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "openbsd"
)))]
const O_NONBLOCK: i32 = 0;

/// What a path is, when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A directory.
    Directory,
    /// A named pipe.
    Fifo,
    /// A character device (`/dev/zero`, a terminal).
    CharDevice,
    /// A block device (a disk).
    BlockDevice,
    /// A Unix socket.
    Socket,
    /// Something else that is not a regular file.
    Other,
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Directory => "a directory",
            Self::Fifo => "a named pipe (FIFO)",
            Self::CharDevice => "a character device",
            Self::BlockDevice => "a block device",
            Self::Socket => "a socket",
            Self::Other => "not a regular file",
        })
    }
}

/// What kind of thing `meta` describes, or `None` for a regular file.
pub fn kind_of(meta: &fs::Metadata) -> Option<FileKind> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some(FileKind::Directory);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some(FileKind::Fifo);
        }
        if t.is_char_device() {
            return Some(FileKind::CharDevice);
        }
        if t.is_block_device() {
            return Some(FileKind::BlockDevice);
        }
        if t.is_socket() {
            return Some(FileKind::Socket);
        }
    }
    Some(FileKind::Other)
}

/// Opens a regular file for reading, refusing anything else without blocking on it.
///
/// # Errors
/// [`ReadError::Io`] when it cannot be opened, [`ReadError::NotRegular`] when it is not a
/// regular file.
pub fn open_regular(path: &Path) -> Result<(File, fs::Metadata), ReadError> {
    if let Some(kind) = kind_of(&fs::metadata(path)?) {
        return Err(ReadError::NotRegular { kind });
    }
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if let Some(kind) = kind_of(&meta) {
        return Err(ReadError::NotRegular { kind });
    }
    Ok((file, meta))
}

/// Reads all of `reader`, or fails once it has given more than `limit` bytes.
///
/// # Errors
/// [`ReadError::TooLarge`] past the limit; [`ReadError::Io`] when reading fails.
pub fn read_capped(reader: impl Read, limit: usize) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Reads a regular file of at most `limit` bytes.
///
/// # Errors
/// As [`open_regular`] and [`read_capped`].
pub fn read_file(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    let (file, meta) = open_regular(path)?;
    // A sparse or huge file is refused from its size, without reading it all: its first bytes
    // say what it is, when it is an executable, an archive or an image.
    if meta.len() > limit as u64 {
        let mut head = Vec::with_capacity(64);
        (&file).take(64).read_to_end(&mut head)?;
        return Err(match crate::text::identify(&head) {
            Some(what) => ReadError::NotText(what),
            None => ReadError::TooLarge { limit },
        });
    }
    read_capped(io::BufReader::new(file), limit)
}

/// Reads standard input, at most `limit` bytes (whatever it is: a file, a pipe, `/dev/zero`).
///
/// # Errors
/// As [`read_capped`].
pub fn read_stdin(limit: usize) -> Result<Vec<u8>, ReadError> {
    read_capped(io::stdin().lock(), limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_at_the_cap_whatever_the_source_claims() {
        assert_eq!(read_capped(&b"12345"[..], 5).unwrap(), b"12345");
        assert!(matches!(read_capped(io::repeat(0), 1000), Err(ReadError::TooLarge { limit: 1000 })));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_and_directories_are_refused_without_reading() {
        assert!(matches!(
            read_file(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular { kind: FileKind::CharDevice })
        ));
        assert!(matches!(read_file(Path::new("/"), 10), Err(ReadError::NotRegular { kind: FileKind::Directory })));
        assert!(matches!(read_file(Path::new("/nowhere/at/all"), 10), Err(ReadError::Io(_))));
    }
}
