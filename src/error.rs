//! The library's one error type. Every variant that concerns an input names its path, so the
//! binary can print `ringkas: PATH: problem` without knowing where the error came from.

use std::fmt;
use std::io;

/// What went wrong, and with which input.
#[derive(Debug)]
pub enum Error {
    /// The input could not be opened or read.
    Io { path: String, source: io::Error },
    /// The bytes are not UTF-8 (nor UTF-16 with a byte-order mark).
    InvalidUtf8 { path: String, offset: usize },
    /// The file holds NUL bytes: a binary file, not text.
    Binary { path: String },
    /// A path names a directory where a file is needed.
    IsDirectory { path: String },
    /// A word list (stopwords, lexicon) could not be used.
    WordList { path: String, problem: String },
    /// A line of a JSON Lines input is not a document.
    BadLine {
        path: String,
        line: usize,
        problem: String,
    },
    /// An IDF model file could not be used (foreign, corrupt, or from another version).
    Model { path: String, problem: String },
    /// The worker threads asked for with `--threads` could not be started.
    Threads { problem: String },
    /// An input ringkas will not read: too big, changed while reading, an encoding it does
    /// not take, a file it will not overwrite.
    Refused { path: String, problem: String },
}

impl Error {
    /// The input the error concerns, as given by the user.
    pub fn path(&self) -> &str {
        match self {
            Error::Io { path, .. }
            | Error::InvalidUtf8 { path, .. }
            | Error::Binary { path }
            | Error::IsDirectory { path }
            | Error::WordList { path, .. }
            | Error::BadLine { path, .. }
            | Error::Model { path, .. }
            | Error::Refused { path, .. } => path,
            // No input is at fault: the option is what the user can change.
            Error::Threads { .. } => "--threads",
        }
    }

    /// The problem alone, without the path: what goes in a JSON error record.
    pub fn problem(&self) -> String {
        match self {
            Error::Io { source, .. } => describe_io(source),
            Error::InvalidUtf8 { offset, .. } => {
                format!("invalid UTF-8 at byte {offset} (file rejected; convert it to UTF-8)")
            }
            Error::Binary { .. } => "binary file (contains NUL bytes), not text".to_string(),
            Error::IsDirectory { .. } => "is a directory, expected a file".to_string(),
            Error::WordList { problem, .. }
            | Error::Model { problem, .. }
            | Error::Refused { problem, .. }
            | Error::Threads { problem } => problem.clone(),
            Error::BadLine { line, problem, .. } => format!("line {line}: {problem}"),
        }
    }
}

/// The text of a word list file (stopwords, lexicon) the user named; `what` names the list in
/// the error ("cannot read lexicon: ...", "stopword list is not UTF-8 (byte 7)").
pub(crate) fn read_word_list(path: &std::path::Path, what: &str) -> Result<String, Error> {
    let display = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| Error::WordList {
        path: display.clone(),
        problem: format!("cannot read {what}: {}", describe_io(&source)),
    })?;
    // The decoder of every text ringkas reads: byte-order marks and UTF-16 as in documents.
    crate::input::decode(&display, &bytes).map_err(|err| Error::WordList {
        path: display.clone(),
        problem: match err {
            Error::InvalidUtf8 { offset, .. } => format!("{what} is not UTF-8 (byte {offset})"),
            other => format!("{what}: {}", other.problem()),
        },
    })
}

/// `io::Error`'s Display carries "(os error 2)" noise; users want the reason.
fn describe_io(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory, expected a file".to_string(),
        io::ErrorKind::NotADirectory => "not a directory".to_string(),
        _ => {
            // The OS's wording ("Too many levels of symbolic links"), in our lower case.
            let text = err.to_string();
            let text = text
                .find(" (os error")
                .map_or(&text[..], |cut| &text[..cut]);
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => "unknown I/O error".to_string(),
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path(), self.problem())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_display_names_path_and_reason() {
        let err = Error::Io {
            path: "a/b.txt".into(),
            source: io::Error::from(io::ErrorKind::NotFound),
        };
        assert_eq!(err.to_string(), "a/b.txt: no such file or directory");
        let err = Error::InvalidUtf8 {
            path: "x.txt".into(),
            offset: 7,
        };
        assert!(
            err.to_string()
                .starts_with("x.txt: invalid UTF-8 at byte 7")
        );
    }
}
