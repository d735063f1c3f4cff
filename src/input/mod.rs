//! Inputs: stdin, files and folders, turned into an ordered list of documents to read.
//!
//! Folders are walked recursively in sorted path order so output order never depends on the
//! file system. Hidden entries and files without an accepted extension are skipped (and
//! counted, so the user can be told); symlinked folders are not followed, which rules out
//! loops; FIFOs, sockets and devices are skipped, so a FIFO in a folder cannot hang a run.
//! Reading and decoding happen later, in the workers, one document at a time.
//!
//! JSON Lines input (`{"id": ..., "text": ...}` a line) is read as a stream: [`JsonLines`]
//! hands out one line at a time, and a worker parses it, so a file of any size is never held.
//!
//! Markdown and HTML ([`markup`]) are read into plain text in the layout the structure pass
//! reads: by a file's extension, or for any input when the user names the markup.

mod batch;
mod decode;
mod folders;
mod jsonl;
pub mod markup;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use crate::error::Error;

pub use batch::{Batch, InputKind, documents};
pub use decode::decode;
pub use folders::{Expansion, expand};
pub use jsonl::{JsonLine, JsonLines};
pub use markup::Markup;

/// Extensions read from folders unless the user says otherwise.
pub const DEFAULT_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// One input, not yet read.
#[derive(Debug, Clone)]
pub enum Input {
    /// Bytes already in memory (stdin), with the name to report.
    Memory {
        name: String,
        bytes: Arc<[u8]>,
    },
    File(PathBuf),
    /// An input that failed before it could be read (a missing path, an unreadable folder).
    Failed(Arc<Error>),
    /// One line of a JSON Lines stream, not yet parsed.
    Line(JsonLine),
    /// An input read as markup whatever its name (`--input markdown|html`).
    Marked {
        markup: Markup,
        input: Box<Input>,
    },
}

/// A document ready for analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The `id` of a JSON Lines record, carried through to its report as it was written.
    pub id: Option<Value>,
    pub text: String,
}

impl Input {
    /// The name the user knows the input by.
    pub fn name(&self) -> String {
        match self {
            Input::Memory { name, .. } => name.clone(),
            Input::File(path) => path.display().to_string(),
            Input::Failed(err) => err.path().to_string(),
            Input::Line(line) => line.source.to_string(),
            Input::Marked { input, .. } => input.name(),
        }
    }

    /// Size of the input in bytes, when known without reading it.
    pub fn size(&self) -> u64 {
        match self {
            Input::Memory { bytes, .. } => bytes.len() as u64,
            Input::File(path) => fs::metadata(path).map_or(0, |m| m.len()),
            Input::Failed(_) => 0,
            Input::Line(line) => line.bytes.len() as u64 + 1,
            Input::Marked { input, .. } => input.size(),
        }
    }

    /// Reads and decodes the input, and for a JSON line picks out its id and text.
    pub fn document(&self) -> Result<Document, Error> {
        match self {
            Input::Line(line) => line.parse(),
            Input::Marked { markup, input } if matches!(**input, Input::Line(_)) => {
                let mut doc = input.document()?;
                doc.text = markup.text(&self.name(), doc.text.as_bytes())?;
                Ok(doc)
            }
            other => other.load().map(|text| Document { id: None, text }),
        }
    }

    /// Reads and decodes the input; a Markdown or HTML file (by its extension) becomes plain
    /// text.
    pub fn load(&self) -> Result<String, Error> {
        self.load_as(None)
    }

    /// Reads and decodes the input, as `markup` if given.
    fn load_as(&self, markup: Option<Markup>) -> Result<String, Error> {
        let text = |name: &str, bytes: &[u8], markup: Option<Markup>| match markup {
            Some(markup) => markup.text(name, bytes),
            None => decode(name, bytes),
        };
        match self {
            Input::Memory { name, bytes } => text(name, bytes, markup),
            Input::File(path) => {
                let name = path.display().to_string();
                let bytes = read_file(path).map_err(|source| match source {
                    Some(source) => Error::Io {
                        path: name.clone(),
                        source,
                    },
                    None => Error::IsDirectory { path: name.clone() },
                })?;
                text(&name, &bytes, markup.or_else(|| Markup::of_name(&name)))
            }
            Input::Failed(err) => Err(clone_error(err)),
            Input::Line(line) => {
                let doc = line.parse()?;
                match markup {
                    Some(markup) => markup.text(&self.name(), doc.text.as_bytes()),
                    None => Ok(doc.text),
                }
            }
            Input::Marked { markup, input } => input.load_as(Some(*markup)),
        }
    }
}

/// The bytes of a file; `Err(None)` for a folder. One status call, on the open file: asking
/// the path whether it is a folder first would look the path up a second time, for every file
/// of a batch.
fn read_file(path: &Path) -> Result<Vec<u8>, Option<std::io::Error>> {
    let file = fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(None);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // Through `take`: `File::read_to_end` would ask for the status again, for its size hint.
    file.take(u64::MAX).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads all of a stream into memory (stdin as one document).
pub fn read_all(mut reader: impl Read, name: &str) -> Input {
    let mut bytes = Vec::new();
    match reader.read_to_end(&mut bytes) {
        Ok(_) => Input::Memory {
            name: name.into(),
            bytes: Arc::from(bytes),
        },
        Err(source) => Input::Failed(Arc::new(Error::Io {
            path: name.into(),
            source,
        })),
    }
}

fn clone_error(err: &Error) -> Error {
    match err {
        Error::Io { path, source } => Error::Io {
            path: path.clone(),
            source: std::io::Error::new(source.kind(), source.to_string()),
        },
        Error::InvalidUtf8 { path, offset } => Error::InvalidUtf8 {
            path: path.clone(),
            offset: *offset,
        },
        Error::Binary { path } => Error::Binary { path: path.clone() },
        Error::IsDirectory { path } => Error::IsDirectory { path: path.clone() },
        Error::WordList { path, problem } => Error::WordList {
            path: path.clone(),
            problem: problem.clone(),
        },
        Error::BadLine {
            path,
            line,
            problem,
        } => Error::BadLine {
            path: path.clone(),
            line: *line,
            problem: problem.clone(),
        },
        Error::Model { path, problem } => Error::Model {
            path: path.clone(),
            problem: problem.clone(),
        },
        Error::Threads { problem } => Error::Threads {
            problem: problem.clone(),
        },
    }
}

/// The inputs of a run, in order; opened afresh for each pass.
pub trait Source {
    /// A new pass over the inputs.
    fn inputs(&self) -> Box<dyn Iterator<Item = Input> + '_>;
    /// Whether reading the inputs may wait on a stream (stdin) whose writer may be waiting for
    /// our output: records then go out before more input is read.
    fn streams(&self) -> bool {
        false
    }
    /// How many inputs there are, when known without reading them.
    fn len_hint(&self) -> Option<usize> {
        None
    }
}

impl Source for &[Input] {
    fn inputs(&self) -> Box<dyn Iterator<Item = Input> + '_> {
        Box::new(self.iter().cloned())
    }

    fn len_hint(&self) -> Option<usize> {
        Some(self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_file_loads_whole_and_a_folder_is_an_error() {
        let dir = std::env::temp_dir().join(format!("ringkas-load-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.txt");
        let text = "Harga beras naik. ".repeat(5000);
        fs::write(&file, &text).unwrap();
        assert_eq!(Input::File(file).load().unwrap(), text);
        let err = Input::File(dir.clone()).load().unwrap_err();
        assert!(matches!(err, Error::IsDirectory { .. }), "{err}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
