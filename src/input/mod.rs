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
pub(crate) mod decode;
mod folders;
pub mod identity;
mod jsonl;
pub mod markup;

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::report::Id;

use crate::error::Error;

pub use batch::{Batch, InputKind, documents};
pub use decode::{decode, decode_str, text_reader};
pub use folders::{Expansion, expand};
pub use identity::{FileId, Identity, Place};
pub use jsonl::{JsonLine, JsonLines};
pub use markup::Markup;

/// The most bytes read of one input unless the user says otherwise (`--max-bytes`): a
/// document, a JSON line, or a stream spooled for a second pass.
pub const DEFAULT_MAX_BYTES: u64 = 256 << 20;

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
    /// Text already in memory as text, shared with its owner rather than copied (the strings
    /// the Python module is given): not decoded, only checked as [`decode`] checks text.
    Text {
        name: String,
        text: SharedText,
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

/// The text of an [`Input::Text`]: a `str` its owner keeps alive and unchanged for as long as
/// this is held, read by each pass of a run in place. Cloning shares it.
#[derive(Clone)]
pub struct SharedText(Arc<dyn AsRef<str> + Send + Sync>);

impl SharedText {
    pub fn new(text: impl AsRef<str> + Send + Sync + 'static) -> Self {
        SharedText(Arc::new(text))
    }

    pub fn as_str(&self) -> &str {
        (*self.0).as_ref()
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedText")
            .field("bytes", &self.as_str().len())
            .finish()
    }
}

/// A document ready for analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The `id` of a JSON Lines record, carried through to its report as it was written.
    pub id: Option<Id>,
    pub text: String,
}

impl Input {
    /// The name the user knows the input by.
    pub fn name(&self) -> String {
        match self {
            Input::Memory { name, .. } | Input::Text { name, .. } => name.clone(),
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
            Input::Text { text, .. } => text.as_str().len() as u64,
            Input::File(path) => fs::metadata(path).map_or(0, |m| m.len()),
            Input::Failed(_) => 0,
            Input::Line(line) => line.bytes.len() as u64 + 1,
            Input::Marked { input, .. } => input.size(),
        }
    }

    /// Reads and decodes the input (at most [`DEFAULT_MAX_BYTES`]), and for a JSON line
    /// picks out its id and text.
    pub fn document(&self) -> Result<Document, Error> {
        self.read(DEFAULT_MAX_BYTES).1
    }

    /// Like [`Input::document`], with what identifies the bytes read (`None` when nothing
    /// could be read), to notice later that the input changed.
    /// A file larger than `max_bytes` is an error, found before it is read.
    pub fn read(&self, max_bytes: u64) -> (Option<Identity>, Result<Document, Error>) {
        self.read_as(max_bytes, None)
    }

    /// [`Input::read`], as `markup` if given; a Markdown or HTML file (by its extension)
    /// becomes plain text.
    fn read_as(
        &self,
        max_bytes: u64,
        markup: Option<Markup>,
    ) -> (Option<Identity>, Result<Document, Error>) {
        let text = |name: &str, bytes: &[u8], markup: Option<Markup>| {
            match markup {
                Some(markup) => markup.text(name, bytes),
                None => decode(name, bytes),
            }
            .map(|text| Document { id: None, text })
        };
        match self {
            Input::Memory { name, bytes } => (
                Some(Identity::of_bytes(bytes, None)),
                text(name, bytes, markup),
            ),
            // Text cannot change between the passes: there is nothing to hash.
            Input::Text { name, text } => (
                Some(Identity::unchanging()),
                match markup {
                    Some(markup) => markup.text(name, text.as_str().as_bytes()),
                    None => decode_str(name, text.as_str()),
                }
                .map(|text| Document { id: None, text }),
            ),
            Input::File(path) => match read_file(path, max_bytes) {
                Ok((bytes, meta)) => {
                    let name = path.display().to_string();
                    (
                        Some(Identity::of_bytes(&bytes, Some(FileId::of(&meta)))),
                        text(&name, &bytes, markup.or_else(|| Markup::of_name(&name))),
                    )
                }
                Err(err) => (None, Err(err)),
            },
            Input::Failed(err) => (None, Err(clone_error(err))),
            Input::Line(line) => {
                let doc = line.parse().and_then(|mut doc| {
                    if let Some(markup) = markup {
                        doc.text = markup.text(&self.name(), doc.text.as_bytes())?;
                    }
                    Ok(doc)
                });
                (Some(Identity::of_bytes(&line.bytes, None)), doc)
            }
            Input::Marked { markup, input } => input.read_as(max_bytes, Some(*markup)),
        }
    }

    /// Whether the input is still what was read as `then`, without reading a file again (its
    /// status is compared); an error record's error when it is not.
    pub fn unchanged(&self, then: &Identity) -> Result<(), Error> {
        if let Input::Marked { input, .. } = self {
            return input.unchanged(then);
        }
        let refused = |problem: String| Error::Refused {
            path: self.name(),
            problem,
        };
        let what = match (self, &then.file) {
            (Input::File(path), Some(was)) => match fs::metadata(path) {
                Ok(meta) => FileId::of(&meta).differs(was),
                Err(source) => {
                    let err = file_error(path, Some(source));
                    return Err(refused(identity::changed(&format!(
                        "it can no longer be read: {}",
                        err.problem()
                    ))));
                }
            },
            (Input::Line(line), _) => Identity::of_bytes(&line.bytes, None).differs(then),
            _ => None,
        };
        what.map_or(Ok(()), |what| Err(refused(identity::changed(what))))
    }

    /// Reads and decodes the input (at most [`DEFAULT_MAX_BYTES`]).
    pub fn load(&self) -> Result<String, Error> {
        self.document().map(|d| d.text)
    }
}

/// The error of a file that could not be read (`None`: a folder).
fn file_error(path: &Path, source: Option<std::io::Error>) -> Error {
    let path = path.display().to_string();
    match source {
        Some(source) => Error::Io { path, source },
        None => Error::IsDirectory { path },
    }
}

/// The bytes of a file and its status when opened. One status call, on the open file:
/// asking the path whether it is a folder first would look the path up a second time, for
/// every file of a batch. A file larger than `max_bytes` is refused before it is read, and
/// reading stops past `max_bytes` (a file that grows, a device).
fn read_file(path: &Path, max_bytes: u64) -> Result<(Vec<u8>, fs::Metadata), Error> {
    let io = |source| file_error(path, Some(source));
    let file = fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(file_error(path, None));
    }
    if meta.len() > max_bytes {
        return Err(too_big(&path.display().to_string(), max_bytes));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // Through `take`: `File::read_to_end` would ask for the status again, for its size hint.
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_big(&path.display().to_string(), max_bytes));
    }
    Ok((bytes, meta))
}

/// The error of an input larger than `--max-bytes`.
pub fn too_big(name: &str, max_bytes: u64) -> Error {
    Error::Refused {
        path: name.to_string(),
        problem: format!("larger than --max-bytes ({max_bytes} bytes), not read"),
    }
}

/// Reads all of a stream into memory (stdin as one document), at most `max_bytes`.
pub fn read_all(reader: impl Read, name: &str, max_bytes: u64) -> Input {
    let mut bytes = Vec::new();
    match reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        Ok(n) if n as u64 > max_bytes => Input::Failed(Arc::new(too_big(name, max_bytes))),
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
        Error::Refused { path, problem } => Error::Refused {
            path: path.clone(),
            problem: problem.clone(),
        },
    }
}

/// The inputs of a run, in order; opened afresh for each pass.
pub trait Source {
    /// A new pass over the inputs, each with its place (growing, the same in every pass for
    /// the same input).
    fn inputs(&self) -> Box<dyn Iterator<Item = (Place, Input)> + '_>;
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
    fn inputs(&self) -> Box<dyn Iterator<Item = (Place, Input)> + '_> {
        Box::new(self.iter().cloned().enumerate().map(|(i, input)| {
            let part = u32::try_from(i).unwrap_or(u32::MAX);
            (Place { part, line: 0 }, input)
        }))
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
