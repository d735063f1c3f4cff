//! A run's inputs as the pipeline reads them: files (each a document) and JSON Lines streams
//! (each line a document), in argument order, opened afresh for each pass.

use std::io::{self, Seek, SeekFrom};
use std::path::PathBuf;
use std::sync::Arc;

use crate::error::Error;
use crate::input::{Input, JsonLines, Place, Source, expand, read_all};

/// How the inputs hold their documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputKind {
    /// Each file (or stdin) is one document.
    #[default]
    Files,
    /// Each line of each file (or of stdin) is one `{"id", "text"}` document.
    JsonLines,
}

/// The inputs of a run. `-` (or no path at all) is stdin.
pub struct Batch {
    parts: Vec<Part>,
    field: String,
    notes: Vec<String>,
}

enum Part {
    Inputs(Vec<Input>),
    JsonlFile(PathBuf),
    /// Stdin, read as it comes: only for a single pass.
    JsonlStdin,
    /// Stdin copied to an unnamed temporary file, so that it can be read twice.
    JsonlSpool(std::fs::File),
}

impl Batch {
    /// The inputs `paths` stand for. Folders give their files with one of `extensions`;
    /// `field` names the text of a JSON Lines record; `passes_over_stdin`: whether JSON Lines
    /// on stdin may have to be read twice (no model given), so that it is spooled first.
    pub fn new(
        paths: &[PathBuf],
        kind: InputKind,
        extensions: &[String],
        field: &str,
        passes_over_stdin: bool,
    ) -> Result<Batch, Error> {
        let mut notes = Vec::new();
        if kind == InputKind::Files {
            let inputs = documents(paths, extensions, &mut notes);
            return Ok(Batch {
                parts: vec![Part::Inputs(inputs)],
                field: field.to_string(),
                notes,
            });
        }
        let mut parts = Vec::new();
        for path in stdin_if_none(paths) {
            if path.as_os_str() != "-" {
                let expansion = expand(std::slice::from_ref(path), extensions);
                notes.extend(expansion.notes);
                for input in expansion.inputs {
                    parts.push(match input {
                        Input::File(path) => Part::JsonlFile(path),
                        other => Part::Inputs(vec![other]),
                    });
                }
            } else if passes_over_stdin {
                parts.push(Part::JsonlSpool(spool_stdin()?));
            } else {
                parts.push(Part::JsonlStdin);
            }
        }
        Ok(Batch {
            parts,
            field: field.to_string(),
            notes,
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
                Part::JsonlFile(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
                Part::JsonlStdin => return None,
                Part::JsonlSpool(file) => file.metadata().map_or(0, |m| m.len()),
            };
        }
        Some(total)
    }

    /// Exactly one document.
    pub fn is_single(&self) -> bool {
        self.len_hint() == Some(1)
    }
}

/// The documents `paths` stand for when each file is one; notes go to `notes`.
pub fn documents(paths: &[PathBuf], extensions: &[String], notes: &mut Vec<String>) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in stdin_if_none(paths) {
        if path.as_os_str() == "-" {
            inputs.push(read_all(io::stdin().lock(), "-"));
            continue;
        }
        let expansion = expand(std::slice::from_ref(path), extensions);
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

fn spool_stdin() -> Result<std::fs::File, Error> {
    let mut spool = tempfile::tempfile().map_err(|source| Error::Io {
        path: "temporary file".into(),
        source,
    })?;
    io::copy(&mut io::stdin().lock(), &mut spool).map_err(|source| Error::Io {
        path: "-".into(),
        source,
    })?;
    Ok(spool)
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
            .any(|part| matches!(part, Part::JsonlStdin))
    }

    fn len_hint(&self) -> Option<usize> {
        self.parts.iter().try_fold(0, |n, part| match part {
            Part::Inputs(inputs) => Some(n + inputs.len()),
            _ => None,
        })
    }
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
            Part::JsonlFile(path) => JsonLines::open(path, &self.field, base),
            Part::JsonlStdin => Box::new(
                JsonLines::new(io::stdin().lock(), "-", &self.field)
                    .in_part(base)
                    .placed(),
            ),
            Part::JsonlSpool(file) => {
                let rewound = file
                    .try_clone()
                    .and_then(|mut f| f.seek(SeekFrom::Start(0)).map(|_| f));
                match rewound {
                    Ok(f) => Box::new(
                        JsonLines::new(io::BufReader::with_capacity(1 << 16, f), "-", &self.field)
                            .in_part(base)
                            .placed(),
                    ),
                    Err(source) => Box::new(std::iter::once((
                        Place {
                            part: base,
                            line: 0,
                        },
                        Input::Failed(Arc::new(Error::Io {
                            path: "-".into(),
                            source,
                        })),
                    ))),
                }
            }
        }
    }
}
