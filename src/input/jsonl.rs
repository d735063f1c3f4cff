//! JSON Lines input: one `{"id": ..., "text": ...}` document a line, read as a stream.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::value::RawValue;

use crate::report::Id;

use crate::error::Error;
use crate::input::decode::text_reader;
use crate::input::{Document, Input, Place};

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

impl JsonLine {
    fn error(&self, problem: String) -> Error {
        Error::BadLine {
            path: self.source.to_string(),
            line: self.number,
            problem,
        }
    }

    /// The record's id (any JSON value, kept as written) and text (a string field).
    pub fn parse(&self) -> Result<Document, Error> {
        let not_json = |e: serde_json::Error| {
            // serde_json says "at line 1 column N" of the one line it saw: keep only the column.
            let text = e.to_string();
            let reason = text.split(" at line ").next().unwrap_or(&text);
            self.error(format!("not JSON ({reason} at column {})", e.column()))
        };
        if let Err(e) = std::str::from_utf8(&self.bytes) {
            return Err(self.error(format!(
                "invalid UTF-8 at byte {} of the line (line rejected; convert the file to UTF-8)",
                e.valid_up_to()
            )));
        }
        // Fields as the bytes they were written as; a later duplicate key wins.
        let record: Vec<(String, &RawValue)> =
            match serde_json::from_slice::<Fields<'_>>(&self.bytes) {
                Ok(fields) => fields.0,
                Err(e) => {
                    return Err(match serde_json::from_slice::<IgnoredAny>(&self.bytes) {
                        Ok(_) => self.error("not a JSON object".into()),
                        Err(_) => not_json(e),
                    });
                }
            };
        let field = |name: &str| record.iter().rev().find(|(k, _)| k == name).map(|f| f.1);
        let id = field("id").and_then(|raw| Id::new(raw.get()));
        match field(self.field.as_ref()) {
            Some(raw) => match serde_json::from_str::<String>(raw.get()) {
                Ok(text) => Ok(Document { id, text }),
                Err(_) => Err(self.error(format!("field `{}` is not a string", self.field))),
            },
            None => Err(self.error(format!("no field `{}`", self.field))),
        }
    }
}

/// The fields of a JSON object in order, each value unparsed.
struct Fields<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Fields<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visit<'a> {
            type Value = Fields<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Fields<'a>, M::Error> {
                let mut fields = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, &'de RawValue>()? {
                    fields.push((k, v));
                }
                Ok(Fields(fields))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
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
    /// The part of the batch the stream is (see [`Place`]).
    part: u32,
    /// The longest line read; a longer one is an error, and never held whole.
    max_line: u64,
}

impl<R: BufRead> JsonLines<R> {
    pub fn new(reader: R, source: &str, field: &str) -> Self {
        JsonLines {
            reader,
            source: source.into(),
            field: field.into(),
            number: 0,
            done: false,
            part: 0,
            max_line: crate::input::DEFAULT_MAX_BYTES,
        }
    }

    /// The same lines, a line longer than `max_line` bytes an error.
    pub fn max_line(mut self, max_line: u64) -> Self {
        self.max_line = max_line;
        self
    }

    /// Skips the rest of a line too long to read, a buffer at a time.
    fn skip_line(&mut self) -> std::io::Result<()> {
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Ok(());
            }
            match buf.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    self.reader.consume(i + 1);
                    return Ok(());
                }
                None => {
                    let n = buf.len();
                    self.reader.consume(n);
                }
            }
        }
    }

    /// The same lines, placed as part `part` of a batch.
    pub fn in_part(mut self, part: u32) -> Self {
        self.part = part;
        self
    }

    /// The lines with their places: line `n` at `(part, n)`, a failure after the last line.
    pub fn placed(mut self) -> impl Iterator<Item = (Place, Input)> {
        std::iter::from_fn(move || {
            let input = self.next()?;
            // A line too long to read is in its own place; a failed stream after its last line.
            let line = match &input {
                Input::Line(line) => line.number as u64,
                _ if self.done => self.number as u64 + 1,
                _ => self.number as u64,
            };
            Some((
                Place {
                    part: self.part,
                    line,
                },
                input,
            ))
        })
    }
}

impl JsonLines<Box<dyn BufRead>> {
    /// The lines of a file, placed as part `part` of a batch; a file that cannot be opened
    /// is one failed input, at line 0.
    pub fn open(
        path: &Path,
        field: &str,
        part: u32,
        max_line: u64,
    ) -> Box<dyn Iterator<Item = (Place, Input)>> {
        let name = path.display().to_string();
        let failed = |err: Error| -> Box<dyn Iterator<Item = (Place, Input)>> {
            Box::new(std::iter::once((
                Place { part, line: 0 },
                Input::Failed(Arc::new(err)),
            )))
        };
        match fs::File::open(path) {
            Ok(file) if !path.is_dir() => {
                match text_reader(&name, Box::new(BufReader::with_capacity(1 << 16, file))) {
                    Ok(reader) => Box::new(
                        JsonLines::new(reader, &name, field)
                            .max_line(max_line)
                            .in_part(part)
                            .placed(),
                    ),
                    Err(err) => failed(err),
                }
            }
            Ok(_) => failed(Error::IsDirectory { path: name }),
            Err(source) => failed(Error::Io { path: name, source }),
        }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        while !self.done {
            let mut bytes = Vec::new();
            let limit = self.max_line.saturating_add(1);
            match (&mut self.reader).take(limit).read_until(b'\n', &mut bytes) {
                Ok(0) => self.done = true,
                Ok(n) if n as u64 == limit && !bytes.ends_with(b"\n") => {
                    self.number += 1;
                    let err = Error::BadLine {
                        path: self.source.to_string(),
                        line: self.number,
                        problem: format!(
                            "longer than --max-bytes ({} bytes), not read",
                            self.max_line
                        ),
                    };
                    if let Err(source) = self.skip_line() {
                        self.done = true;
                        return Some(Input::Failed(Arc::new(Error::Io {
                            path: self.source.to_string(),
                            source,
                        })));
                    }
                    return Some(Input::Failed(Arc::new(err)));
                }
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

#[cfg(test)]
mod tests {
    use super::*;

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
                    id: Id::new("7"),
                    text: "Satu.".into()
                }),
                Ok(Document {
                    id: Id::new("\"b\""),
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
}
