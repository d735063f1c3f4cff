//! Which input is which, across the two passes of a batch.
//!
//! The first pass of a batch keeps each document's analysis for the second. Files and JSON
//! Lines streams are opened afresh for the second pass, and may have changed in between
//! (grown, been truncated, replaced, deleted): pairing by position would then hand a kept
//! analysis to the wrong input. So every input has a [`Place`] (which argument, which line) and
//! an [`Identity`] (for a file: device, inode, size and modification time; for any input: a
//! hash of the bytes the first pass read). The second pass pairs kept analyses by place, and an
//! input whose identity differs from the first pass's gets an error record of its own.

use std::fs;
use std::hash::Hasher;

use crate::util::hash::FastHasher;

/// Where an input is in a run: the part of the batch (an argument, or one file of a folder)
/// and the line in it (0 for a whole file). Places grow in input order, in both passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Place {
    pub part: u32,
    pub line: u64,
}

/// What a file was when it was read: enough to notice it was replaced or written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    dev: u64,
    ino: u64,
    size: u64,
    /// Modification time in nanoseconds since the epoch (0 when unknown).
    mtime: i64,
}

impl FileId {
    pub fn of(meta: &fs::Metadata) -> FileId {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        #[cfg(unix)]
        let (dev, ino) = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let (dev, ino) = (0, 0);
        FileId {
            dev,
            ino,
            size: meta.len(),
            mtime,
        }
    }

    /// What differs from `then`, in words for an error message; `None` when nothing does.
    pub fn differs(&self, then: &FileId) -> Option<&'static str> {
        if (self.dev, self.ino) != (then.dev, then.ino) {
            Some("replaced by another file")
        } else if self.size != then.size {
            Some("its size changed")
        } else if self.mtime != then.mtime {
            Some("it was modified")
        } else {
            None
        }
    }
}

/// An input as the first pass read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    /// For a file: its metadata when it was read.
    pub file: Option<FileId>,
    /// A hash of the bytes read.
    pub hash: u64,
}

impl Identity {
    pub fn of_bytes(bytes: &[u8], file: Option<FileId>) -> Identity {
        Identity {
            file,
            hash: content_hash(bytes),
        }
    }

    /// The identity of an input that cannot change between the passes of a run (text in
    /// memory): [`Input::unchanged`](super::Input::unchanged) compares nothing for it.
    pub fn unchanging() -> Identity {
        Identity {
            file: None,
            hash: 0,
        }
    }

    /// Why `self` (now) is not the input the first pass read as `then`; `None` when it is.
    pub fn differs(&self, then: &Identity) -> Option<&'static str> {
        if let (Some(now), Some(was)) = (&self.file, &then.file)
            && let Some(what) = now.differs(was)
        {
            return Some(what);
        }
        (self.hash != then.hash).then_some("its content changed")
    }
}

/// A hash of an input's bytes (not for security: to notice a change between two reads).
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = FastHasher::default();
    hasher.write(bytes);
    hasher.write_u64(bytes.len() as u64);
    hasher.finish()
}

/// The message of an input that changed between the passes of a batch.
pub fn changed(what: &str) -> String {
    format!("changed while reading ({what} since the first pass of the batch); run again")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_identity_notices_content_and_file_changes() {
        let a = Identity::of_bytes(b"satu", None);
        assert_eq!(a.differs(&Identity::of_bytes(b"satu", None)), None);
        assert_eq!(
            a.differs(&Identity::of_bytes(b"dua", None)),
            Some("its content changed")
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "satu").unwrap();
        let then = FileId::of(&fs::metadata(&path).unwrap());
        assert_eq!(then.differs(&then), None);
        fs::write(&path, "satu dua").unwrap();
        let now = FileId::of(&fs::metadata(&path).unwrap());
        assert_eq!(now.differs(&then), Some("its size changed"));
        assert!(Place { part: 1, line: 0 } > Place { part: 0, line: 9 });
    }
}
