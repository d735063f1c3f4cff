//! A run's inputs as the pipeline reads them: files (each a document) and JSON Lines streams
//! (each line a document), in argument order, opened afresh for each pass.

use std::fs;
use std::io::{self, BufRead, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::error::Error;
use crate::input::{Input, JsonLines, Markup, Place, Source, expand, read_all, text_reader};

/// How the inputs hold their documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputKind {
    /// Each file (or stdin) is one document.
    #[default]
    Files,
    /// Each line of each file (or of stdin) is one `{"id", "text"}` document.
    JsonLines,
    /// Each file (or stdin) is one document in this markup, whatever its name.
    Markup(Markup),
}

/// The inputs of a run. `-` (or no path at all) is stdin.
pub struct Batch {
    parts: Vec<Part>,
    field: String,
    notes: Vec<String>,
    /// The most bytes read of one input (`--max-bytes`).
    max_bytes: u64,
}

enum Part {
    Inputs(Vec<Input>),
    JsonlFile(PathBuf),
    /// A stream (stdin, a FIFO, a pipe, a device; `None`: stdin), read as it comes: only for
    /// a single pass.
    JsonlStream(Option<PathBuf>),
    /// A stream copied to an unnamed temporary file the first time it is read, so that it can
    /// be read twice.
    JsonlSpool {
        path: Option<PathBuf>,
        spool: OnceLock<Result<fs::File, Arc<Error>>>,
    },
}

impl Batch {
    /// The inputs `paths` stand for. Folders give their files with one of `extensions`;
    /// `field` names the text of a JSON Lines record; `passes`: whether the inputs may have to
    /// be read twice (no model given), so that JSON Lines streams (stdin, FIFOs, process
    /// substitution, devices) are spooled to a temporary file as they are first read.
    pub fn new(
        paths: &[PathBuf],
        kind: InputKind,
        extensions: &[String],
        field: &str,
        passes: bool,
        max_bytes: u64,
    ) -> Result<Batch, Error> {
        let mut notes = Vec::new();
        if let InputKind::Markup(markup) = kind {
            let inputs = documents(paths, extensions, &mut notes, max_bytes)
                .into_iter()
                .map(|input| match input {
                    Input::Failed(_) => input,
                    input => Input::Marked {
                        markup,
                        input: Box::new(input),
                    },
                })
                .collect();
            return Ok(Batch {
                parts: vec![Part::Inputs(inputs)],
                field: field.to_string(),
                notes,
                max_bytes,
            });
        }
        if kind == InputKind::Files {
            let inputs = documents(paths, extensions, &mut notes, max_bytes);
            return Ok(Batch {
                parts: vec![Part::Inputs(inputs)],
                field: field.to_string(),
                notes,
                max_bytes,
            });
        }
        let mut parts = Vec::new();
        for path in stdin_if_none(paths) {
            let stream = if path.as_os_str() == "-" {
                Some(None)
            } else {
                // Anything that is neither a folder nor a regular file is read as a stream.
                fs::metadata(path)
                    .ok()
                    .filter(|m| !m.is_dir() && !m.is_file())
                    .map(|_| Some(path.clone()))
            };
            match stream {
                Some(path) if passes => parts.push(Part::JsonlSpool {
                    path,
                    spool: OnceLock::new(),
                }),
                Some(path) => parts.push(Part::JsonlStream(path)),
                None => {
                    let expansion = expand(std::slice::from_ref(path), extensions, max_bytes);
                    notes.extend(expansion.notes);
                    for input in expansion.inputs {
                        parts.push(match input {
                            Input::File(path) => Part::JsonlFile(path),
                            other => Part::Inputs(vec![other]),
                        });
                    }
                }
            }
        }
        Ok(Batch {
            parts,
            field: field.to_string(),
            notes,
            max_bytes,
        })
    }

    /// Notes for the user: folders with skipped entries or no files.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Bytes to read, if known (for a progress display).
    pub fn size(&self) -> Option<u64> {
        let mut total = 0;
        for part in &self.parts {
            total += match part {
                Part::Inputs(inputs) => inputs.iter().map(Input::size).sum(),
                Part::JsonlFile(path) => fs::metadata(path).map_or(0, |m| m.len()),
                Part::JsonlStream(_) | Part::JsonlSpool { .. } => return None,
            };
        }
        Some(total)
    }

    /// Exactly one document.
    pub fn is_single(&self) -> bool {
        self.len_hint() == Some(1)
    }
}

/// The documents `paths` stand for when each file is one; notes go to `notes`. Stdin and
/// FIFOs are read now, at most `max_bytes` each.
pub fn documents(
    paths: &[PathBuf],
    extensions: &[String],
    notes: &mut Vec<String>,
    max_bytes: u64,
) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in stdin_if_none(paths) {
        if path.as_os_str() == "-" {
            inputs.push(read_all(io::stdin().lock(), "-", max_bytes));
            continue;
        }
        let expansion = expand(std::slice::from_ref(path), extensions, max_bytes);
        notes.extend(expansion.notes);
        inputs.extend(expansion.inputs);
    }
    inputs
}

fn stdin_if_none(paths: &[PathBuf]) -> &[PathBuf] {
    static STDIN: std::sync::LazyLock<[PathBuf; 1]> =
        std::sync::LazyLock::new(|| [PathBuf::from("-")]);
    if paths.is_empty() { &STDIN[..] } else { paths }
}

/// The name of a stream (`-` for stdin).
fn stream_name(path: Option<&Path>) -> String {
    path.map_or_else(|| "-".to_string(), |p| p.display().to_string())
}

/// Opens a stream for reading.
fn open_stream(path: Option<&Path>) -> io::Result<Box<dyn BufRead>> {
    Ok(match path {
        None => Box::new(io::stdin().lock()),
        Some(path) => Box::new(io::BufReader::with_capacity(1 << 16, fs::File::open(path)?)),
    })
}

/// Copies a stream to an unnamed temporary file (gone when the run ends), at most
/// `max_bytes` of it: a stream that needs two passes is read once.
fn spool(path: Option<&Path>, max_bytes: u64) -> Result<fs::File, Error> {
    let name = stream_name(path);
    let refused = |problem: String| Error::Refused {
        path: name.clone(),
        problem,
    };
    let mut file = tempfile::tempfile().map_err(|e| {
        refused(format!(
            "cannot spool the stream to a temporary file in $TMPDIR ({e}); give --idf a model to read it once"
        ))
    })?;
    let mut reader = open_stream(path).map_err(|source| Error::Io {
        path: name.clone(),
        source,
    })?;
    let copied = io::copy(
        &mut (&mut reader).take(max_bytes.saturating_add(1)),
        &mut file,
    )
    .and_then(|n| file.flush().map(|_| n))
    .map_err(|e| refused(format!("cannot spool the stream to a temporary file: {e}")))?;
    if copied > max_bytes {
        return Err(refused(format!(
            "stream larger than --max-bytes ({max_bytes} bytes), not read; raise the limit or give --idf a model to read it once"
        )));
    }
    file.seek(SeekFrom::Start(0))
        .map_err(|e| refused(format!("cannot read back the spooled stream: {e}")))?;
    Ok(file)
}

impl Source for Batch {
    fn inputs(&self) -> Box<dyn Iterator<Item = (Place, Input)> + '_> {
        // Each input of a list is a part of its own; a stream is one part.
        let mut base = 0u32;
        let bases: Vec<u32> = self
            .parts
            .iter()
            .map(|part| {
                let first = base;
                let n = match part {
                    Part::Inputs(inputs) => u32::try_from(inputs.len()).unwrap_or(u32::MAX),
                    _ => 1,
                };
                base = base.saturating_add(n);
                first
            })
            .collect();
        Box::new(
            self.parts
                .iter()
                .zip(bases)
                .flat_map(|(part, base)| self.part_inputs(part, base)),
        )
    }

    fn streams(&self) -> bool {
        self.parts
            .iter()
            .any(|part| matches!(part, Part::JsonlStream(_)))
    }

    fn len_hint(&self) -> Option<usize> {
        self.parts.iter().try_fold(0, |n, part| match part {
            Part::Inputs(inputs) => Some(n + inputs.len()),
            _ => None,
        })
    }
}

/// One failed input, for a part that could not be read.
fn failed<'b>(part: u32, err: Error) -> Box<dyn Iterator<Item = (Place, Input)> + 'b> {
    Box::new(std::iter::once((
        Place { part, line: 0 },
        Input::Failed(Arc::new(err)),
    )))
}

impl Batch {
    fn part_inputs<'b>(
        &'b self,
        part: &'b Part,
        base: u32,
    ) -> Box<dyn Iterator<Item = (Place, Input)> + 'b> {
        match part {
            Part::Inputs(inputs) => {
                Box::new(inputs.iter().cloned().enumerate().map(move |(i, input)| {
                    let part = base.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
                    (Place { part, line: 0 }, input)
                }))
            }
            Part::JsonlFile(path) => JsonLines::open(path, &self.field, base, self.max_bytes),
            Part::JsonlStream(path) => {
                let name = stream_name(path.as_deref());
                match open_stream(path.as_deref()).map_err(|source| Error::Io {
                    path: name.clone(),
                    source,
                }) {
                    Ok(reader) => match text_reader(&name, reader) {
                        Ok(reader) => Box::new(
                            JsonLines::new(reader, &name, &self.field)
                                .max_line(self.max_bytes)
                                .in_part(base)
                                .placed(),
                        ),
                        Err(err) => failed(base, err),
                    },
                    Err(err) => failed(base, err),
                }
            }
            Part::JsonlSpool { path, spool: file } => {
                let name = stream_name(path.as_deref());
                let file =
                    file.get_or_init(|| spool(path.as_deref(), self.max_bytes).map_err(Arc::new));
                let rewound = match file {
                    Ok(file) => file
                        .try_clone()
                        .and_then(|mut f| f.seek(SeekFrom::Start(0)).map(|_| f))
                        .map_err(|source| Error::Io {
                            path: name.clone(),
                            source,
                        }),
                    Err(err) => {
                        return Box::new(std::iter::once((
                            Place {
                                part: base,
                                line: 0,
                            },
                            Input::Failed(Arc::clone(err)),
                        )));
                    }
                };
                match rewound {
                    Ok(f) => Box::new(
                        JsonLines::new(
                            io::BufReader::with_capacity(1 << 16, f),
                            &name,
                            &self.field,
                        )
                        .in_part(base)
                        .placed(),
                    ),
                    Err(err) => failed(base, err),
                }
            }
        }
    }
}
