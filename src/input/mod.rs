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

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use crate::error::Error;

/// Extensions read from folders unless the user says otherwise.
pub const DEFAULT_EXTENSIONS: &[&str] = &["txt", "md"];

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
}

/// One line of a JSON Lines input: a document as `{"id": ..., "<field>": "..."}`.
#[derive(Debug, Clone)]
pub struct JsonLine {
    /// The file the line is from (`-` for stdin).
    pub source: Arc<str>,
    /// 1-based line number.
    pub number: usize,
    pub bytes: Vec<u8>,
    /// The field holding the text.
    pub field: Arc<str>,
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
        }
    }

    /// Size of the input in bytes, when known without reading it.
    pub fn size(&self) -> u64 {
        match self {
            Input::Memory { bytes, .. } => bytes.len() as u64,
            Input::File(path) => fs::metadata(path).map_or(0, |m| m.len()),
            Input::Failed(_) => 0,
            Input::Line(line) => line.bytes.len() as u64 + 1,
        }
    }

    /// Reads and decodes the input, and for a JSON line picks out its id and text.
    pub fn document(&self) -> Result<Document, Error> {
        match self {
            Input::Line(line) => line.parse(),
            other => other.load().map(|text| Document { id: None, text }),
        }
    }

    /// Reads and decodes the input.
    pub fn load(&self) -> Result<String, Error> {
        match self {
            Input::Memory { name, bytes } => decode(name, bytes),
            Input::File(path) => {
                let name = path.display().to_string();
                let bytes = read_file(path).map_err(|source| match source {
                    Some(source) => Error::Io {
                        path: name.clone(),
                        source,
                    },
                    None => Error::IsDirectory { path: name.clone() },
                })?;
                decode(&name, &bytes)
            }
            Input::Failed(err) => Err(clone_error(err)),
            Input::Line(line) => line.parse().map(|d| d.text),
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

impl JsonLine {
    fn error(&self, problem: String) -> Error {
        Error::BadLine {
            path: self.source.to_string(),
            line: self.number,
            problem,
        }
    }

    /// The record's id (any JSON value) and text (a string field).
    pub fn parse(&self) -> Result<Document, Error> {
        let value: Value = serde_json::from_slice(&self.bytes).map_err(|e| {
            // serde_json says "at line 1 column N" of the one line it saw: keep only the column.
            let text = e.to_string();
            let reason = text.split(" at line ").next().unwrap_or(&text);
            self.error(format!("not JSON ({reason} at column {})", e.column()))
        })?;
        let Value::Object(mut record) = value else {
            return Err(self.error("not a JSON object".into()));
        };
        let id = record.remove("id");
        match record.remove(self.field.as_ref()) {
            Some(Value::String(text)) => Ok(Document { id, text }),
            Some(_) => Err(self.error(format!("field `{}` is not a string", self.field))),
            None => Err(self.error(format!("no field `{}`", self.field))),
        }
    }
}

/// The lines of a JSON Lines stream, one input each, read as they are asked for. Blank lines are
/// skipped (they hold no document); a read error ends the stream with one failed input.
pub struct JsonLines<R> {
    reader: R,
    source: Arc<str>,
    field: Arc<str>,
    number: usize,
    done: bool,
}

impl<R: BufRead> JsonLines<R> {
    pub fn new(reader: R, source: &str, field: &str) -> Self {
        JsonLines {
            reader,
            source: source.into(),
            field: field.into(),
            number: 0,
            done: false,
        }
    }
}

impl JsonLines<BufReader<fs::File>> {
    /// The lines of a file; a file that cannot be opened is one failed input.
    pub fn open(path: &Path, field: &str) -> Box<dyn Iterator<Item = Input>> {
        let name = path.display().to_string();
        match fs::File::open(path) {
            Ok(file) if !path.is_dir() => Box::new(JsonLines::new(
                BufReader::with_capacity(1 << 16, file),
                &name,
                field,
            )),
            Ok(_) => Box::new(std::iter::once(Input::Failed(Arc::new(
                Error::IsDirectory { path: name },
            )))),
            Err(source) => Box::new(std::iter::once(Input::Failed(Arc::new(Error::Io {
                path: name,
                source,
            })))),
        }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        while !self.done {
            let mut bytes = Vec::new();
            match self.reader.read_until(b'\n', &mut bytes) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.number += 1;
                    if bytes.ends_with(b"\n") {
                        bytes.pop();
                        if bytes.ends_with(b"\r") {
                            bytes.pop();
                        }
                    }
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Input::Line(JsonLine {
                        source: Arc::clone(&self.source),
                        number: self.number,
                        bytes,
                        field: Arc::clone(&self.field),
                    }));
                }
                Err(source) => {
                    self.done = true;
                    return Some(Input::Failed(Arc::new(Error::Io {
                        path: self.source.to_string(),
                        source,
                    })));
                }
            }
        }
        None
    }
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

/// Bytes to text. UTF-8 (a byte-order mark is dropped) or UTF-16 with a byte-order mark;
/// anything else is rejected, never guessed: a file with NUL bytes is binary, invalid UTF-8 is
/// an error naming the first bad byte.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, Error> {
    if let Some(text) = decode_utf16(bytes) {
        return text.ok_or_else(|| Error::InvalidUtf8 {
            path: name.to_string(),
            offset: 0,
        });
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(Error::Binary {
            path: name.to_string(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => Err(Error::InvalidUtf8 {
            path: name.to_string(),
            offset: e.valid_up_to(),
        }),
    }
}

/// `Some` when the bytes start with a UTF-16 byte-order mark: the text, or `None` if invalid.
fn decode_utf16(bytes: &[u8]) -> Option<Option<String>> {
    let little = match bytes {
        [0xff, 0xfe, ..] => true,
        [0xfe, 0xff, ..] => false,
        _ => return None,
    };
    let body = &bytes[2..];
    if body.len() % 2 != 0 {
        return Some(None);
    }
    let units = body.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .ok(),
    )
}

/// The inputs a list of paths stands for, and what was skipped.
#[derive(Debug, Default)]
pub struct Expansion {
    pub inputs: Vec<Input>,
    /// Notes for the user: one line per folder with skipped entries.
    pub notes: Vec<String>,
}

/// Expands paths into inputs: a file is itself (whatever its extension), a folder is its
/// accepted files, recursively, sorted by path. `extensions` are compared without the dot,
/// ignoring case.
pub fn expand(paths: &[PathBuf], extensions: &[String]) -> Expansion {
    let mut out = Expansion::default();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut skipped = 0;
                let before = out.inputs.len();
                walk(path, extensions, &mut out.inputs, &mut skipped);
                let patterns = extensions
                    .iter()
                    .map(|e| format!("*.{e}"))
                    .collect::<Vec<_>>()
                    .join("/");
                if skipped > 0 {
                    out.notes.push(format!(
                        "{}: skipped {skipped} hidden, linked-folder, special (FIFO, device, \
                         socket) or non-{patterns} entries",
                        path.display(),
                    ));
                }
                // An empty result is not an error, but should not pass unremarked either.
                if out.inputs.len() == before {
                    out.notes
                        .push(format!("{}: no {patterns} files found", path.display()));
                }
            }
            Ok(meta) if meta.is_file() => out.inputs.push(Input::File(path.clone())),
            // A FIFO or device named on the command line (`ringkas <(zcat a.gz)`) is read
            // now, once, like stdin: a batch reads its files twice (document frequencies,
            // then reports), and a pipe read a second time would come back empty.
            Ok(_) => out.inputs.push(read_special(path)),
            Err(source) => out.inputs.push(Input::Failed(Arc::new(Error::Io {
                path: path.display().to_string(),
                source,
            }))),
        }
    }
    out
}

/// Reads a non-regular file named explicitly into memory.
fn read_special(path: &Path) -> Input {
    let name = path.display().to_string();
    match fs::read(path) {
        Ok(bytes) => Input::Memory {
            name,
            bytes: Arc::from(bytes),
        },
        Err(source) => Input::Failed(Arc::new(Error::Io { path: name, source })),
    }
}

fn walk(dir: &Path, extensions: &[String], inputs: &mut Vec<Input>, skipped: &mut usize) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            inputs.push(Input::Failed(Arc::new(Error::Io {
                path: dir.display().to_string(),
                source,
            })));
            return;
        }
    };
    let mut paths: Vec<(std::ffi::OsString, PathBuf, Option<fs::FileType>)> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => paths.push((e.file_name(), e.path(), e.file_type().ok())),
            Err(source) => inputs.push(Input::Failed(Arc::new(Error::Io {
                path: dir.display().to_string(),
                source,
            }))),
        }
    }
    // All in one folder, so the order of their paths is the order of their names; comparing
    // names as bytes is several times cheaper than comparing paths component by component.
    paths.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (_, path, file_type) in paths {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            *skipped += 1;
            continue;
        }
        let is_link = file_type.is_some_and(|t| t.is_symlink());
        // Follow a link only to learn what it points at; never walk into a linked folder.
        // A link that leads nowhere (dangling, a loop) is kept: reading it reports why.
        let target = if is_link {
            fs::metadata(&path).ok().map(|m| m.file_type())
        } else {
            file_type
        };
        if target.is_some_and(|t| t.is_dir()) {
            if is_link {
                *skipped += 1;
            } else {
                walk(&path, extensions, inputs, skipped);
            }
            continue;
        }
        // FIFOs, sockets and devices are not documents, and reading a FIFO nobody writes
        // to would hang the run.
        if target.is_some_and(|t| !t.is_file()) {
            *skipped += 1;
            continue;
        }
        let accepted = path.extension().is_some_and(|ext| {
            let ext = ext.to_string_lossy();
            extensions.iter().any(|e| e.eq_ignore_ascii_case(&ext))
        });
        if accepted {
            inputs.push(Input::File(path));
        } else {
            *skipped += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_decode_utf8_bom_and_utf16() {
        assert_eq!(decode("a", b"\xef\xbb\xbfhalo").unwrap(), "halo");
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("halo".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode("a", &le).unwrap(), "halo");
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("halo".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode("a", &be).unwrap(), "halo");
    }

    #[test]
    fn input_decode_rejects_invalid_and_binary() {
        let err = decode("x.txt", b"abc\xffdef").unwrap_err();
        assert!(matches!(err, Error::InvalidUtf8 { offset: 3, .. }));
        assert!(matches!(
            decode("x", b"ab\0c").unwrap_err(),
            Error::Binary { .. }
        ));
    }

    #[test]
    fn input_expand_sorts_filters_and_notes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        for name in ["b.txt", "a.md", "c.pdf", ".hidden.txt", "sub/d.TXT"] {
            fs::write(root.join(name), "teks").unwrap();
        }
        let exts: Vec<String> = DEFAULT_EXTENSIONS.iter().map(|s| s.to_string()).collect();
        let ex = expand(&[root.to_path_buf()], &exts);
        let names: Vec<String> = ex
            .inputs
            .iter()
            .map(|i| {
                i.name()
                    .strip_prefix(&root.display().to_string())
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(names, ["/a.md", "/b.txt", "/sub/d.TXT"]);
        assert_eq!(ex.notes.len(), 1);
        assert!(ex.notes[0].contains("skipped 2"));
    }

    fn lines(text: &str) -> Vec<Result<Document, String>> {
        JsonLines::new(text.as_bytes(), "-", "isi")
            .map(|i| i.document().map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn input_jsonl_reads_id_and_renamed_field_in_order() {
        let got =
            lines("{\"id\": 7, \"isi\": \"Satu.\"}\r\n\n  \n{\"isi\": \"Dua.\", \"id\": \"b\"}");
        assert_eq!(
            got,
            [
                Ok(Document {
                    id: Some(Value::from(7)),
                    text: "Satu.".into()
                }),
                Ok(Document {
                    id: Some(Value::from("b")),
                    text: "Dua.".into()
                }),
            ]
        );
    }

    #[test]
    fn input_jsonl_bad_lines_name_their_line_number() {
        let got = lines("{\"isi\": \"ok\"}\nnot json\n{\"text\": \"x\"}\n{\"isi\": 5}\n[1]\n");
        assert!(got[0].is_ok());
        let errors: Vec<&str> = got[1..]
            .iter()
            .map(|r| r.as_ref().unwrap_err().as_str())
            .collect();
        assert!(
            errors[0].starts_with("-: line 2: not JSON ("),
            "{}",
            errors[0]
        );
        assert!(errors[0].ends_with("at column 2)"), "{}", errors[0]);
        assert_eq!(errors[1], "-: line 3: no field `isi`");
        assert_eq!(errors[2], "-: line 4: field `isi` is not a string");
        assert_eq!(errors[3], "-: line 5: not a JSON object");
    }

    #[test]
    fn input_missing_path_is_a_failed_input() {
        let ex = expand(&[PathBuf::from("/nonexistent/ringkas")], &[]);
        assert_eq!(ex.inputs.len(), 1);
        let err = ex.inputs[0].load().unwrap_err();
        assert_eq!(
            err.to_string(),
            "/nonexistent/ringkas: no such file or directory"
        );
    }

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
