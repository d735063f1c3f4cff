//! JSON Lines input: one `{"id": ..., "text": ...}` document a line, read as a stream.

use std::fs;
use std::io::{self, BufRead, BufReader};
use std::path::Path;
use std::sync::Arc;

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::report::Id;

use crate::error::Error;
use crate::input::decode::text_reader;
use crate::input::{Document, Input, Place};

mod quick;

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
        let line = match std::str::from_utf8(&self.bytes) {
            Ok(line) => line,
            Err(e) => {
                return Err(self.error(format!(
                    "invalid UTF-8 at byte {} of the line (line rejected; convert the file to UTF-8)",
                    e.valid_up_to()
                )));
            }
        };
        // Most lines are plain objects, read by hand; the rest by serde_json, which also words
        // any error.
        let wanted = match quick::read(line, &self.field) {
            Some(wanted) => wanted,
            None => match by_serde(line, &self.field) {
                Ok(wanted) => wanted,
                Err(e) => {
                    return Err(match serde_json::from_str::<IgnoredAny>(line) {
                        Ok(_) => self.error("not a JSON object".into()),
                        Err(_) => not_json(e),
                    });
                }
            },
        };
        let id = wanted.id.and_then(Id::new);
        match wanted.text {
            Some(Some(text)) => Ok(Document { id, text }),
            Some(None) => Err(self.error(format!("field `{}` is not a string", self.field))),
            None => Err(self.error(format!("no field `{}`", self.field))),
        }
    }
}

/// What serde_json reads of `line` with `field` as the text field.
fn by_serde<'a>(line: &'a str, field: &str) -> serde_json::Result<Wanted<'a>> {
    // From the checked `str`: strings are not checked for UTF-8 again.
    let mut de = serde_json::Deserializer::from_str(line);
    WantedSeed(field)
        .deserialize(&mut de)
        .and_then(|w| de.end().map(|()| w))
}

/// What a line's object holds for us, each the last field of its name: the id as written and
/// the text field, decoded (`Some(None)` when it is not a string). The other fields are
/// passed over, and the text is read once, not found first and decoded after.
#[derive(Debug, PartialEq, Eq)]
struct Wanted<'a> {
    id: Option<&'a str>,
    text: Option<Option<String>>,
}

/// Reads a [`Wanted`] whose text is the field named by the seed.
struct WantedSeed<'f>(&'f str);

impl<'de> DeserializeSeed<'de> for WantedSeed<'_> {
    type Value = Wanted<'de>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Wanted<'de>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for WantedSeed<'_> {
    type Value = Wanted<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Wanted<'de>, M::Error> {
        let mut wanted = Wanted {
            id: None,
            text: None,
        };
        while let Some(Key(key)) = map.next_key()? {
            match (key == "id", key == self.0) {
                (true, true) => {
                    let raw: &RawValue = map.next_value()?;
                    wanted.id = Some(raw.get());
                    wanted.text = Some(serde_json::from_str::<String>(raw.get()).ok());
                }
                (true, false) => wanted.id = Some(map.next_value::<&RawValue>()?.get()),
                (false, true) => wanted.text = Some(map.next_value::<MaybeString>()?.0),
                (false, false) => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(wanted)
    }
}

/// An object key, borrowed from the line unless it has escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
        }
        d.deserialize_str(Visit)
    }
}

/// A value that is a string, or any other JSON value (`None`), passed over.
struct MaybeString(Option<String>);

impl<'de> Deserialize<'de> for MaybeString {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = MaybeString;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E>(self, v: &str) -> Result<MaybeString, E> {
                Ok(MaybeString(Some(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<MaybeString, E> {
                Ok(MaybeString(Some(v)))
            }
            fn visit_bool<E>(self, _: bool) -> Result<MaybeString, E> {
                Ok(MaybeString(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<MaybeString, E> {
                Ok(MaybeString(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<MaybeString, E> {
                Ok(MaybeString(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<MaybeString, E> {
                Ok(MaybeString(None))
            }
            fn visit_unit<E>(self) -> Result<MaybeString, E> {
                Ok(MaybeString(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<MaybeString, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(MaybeString(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<MaybeString, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(MaybeString(None))
            }
        }
        d.deserialize_any(Visit)
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
            match read_line(&mut self.reader, limit, &mut bytes) {
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

/// Reads into `bytes` up to and including the next newline, `limit` bytes at most; the number
/// of bytes read. What `read_until` on a `take` does, finding the newline with memchr's
/// vector search where std's goes a word at a time (29M instructions over IndoSum train).
fn read_line<R: BufRead>(reader: &mut R, limit: u64, bytes: &mut Vec<u8>) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let room = usize::try_from(limit - read as u64).unwrap_or(usize::MAX);
        let buf = &buf[..buf.len().min(room)];
        let (end, used) = match memchr::memchr(b'\n', buf) {
            Some(at) => (true, at + 1),
            None => (buf.is_empty(), buf.len()),
        };
        bytes.extend_from_slice(&buf[..used]);
        reader.consume(used);
        read += used;
        if end || read as u64 == limit {
            return Ok(read);
        }
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
    fn input_jsonl_read_line_reads_as_read_until_on_a_take() {
        let text = b"satu\ndua tiga empat\n\nlima enam tujuh delapan sembilan\nsepuluh";
        for capacity in [1, 3, 7, 64] {
            for limit in [1, 4, 5, 9, 40, u64::MAX] {
                let mut ours = BufReader::with_capacity(capacity, &text[..]);
                let mut std = BufReader::with_capacity(capacity, &text[..]);
                loop {
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    let n = read_line(&mut ours, limit, &mut a).unwrap();
                    let m = std::io::Read::take(&mut std, limit)
                        .read_until(b'\n', &mut b)
                        .unwrap();
                    assert_eq!((n, &a), (m, &b), "capacity {capacity}, limit {limit}");
                    if n == 0 {
                        break;
                    }
                }
            }
        }
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

    #[test]
    fn input_jsonl_last_field_of_a_name_wins_and_keys_may_be_escaped() {
        let got = lines(concat!(
            "{\"isi\": \"Satu.\", \"id\": 1, \"isi\": \"Dua.\", \"id\": {\"a\": [1, \"x\"]}}\n",
            "{\"is\\u0069\": \"Tiga \\u00e9.\", \"lain\": [{\"isi\": 5}], \"n\": null}\n",
            "{\"isi\": \"Empat.\", \"isi\": [\"bukan\"]}\n",
            "{\"isi\": \"x\"} sisa\n",
        ));
        assert_eq!(
            got[..2],
            [
                Ok(Document {
                    id: Id::new("{\"a\": [1, \"x\"]}"),
                    text: "Dua.".into()
                }),
                Ok(Document {
                    id: None,
                    text: "Tiga \u{e9}.".into()
                }),
            ]
        );
        assert_eq!(got[2], Err("-: line 3: field `isi` is not a string".into()));
        let trailing = got[3].as_ref().unwrap_err();
        assert!(
            trailing.starts_with("-: line 4: not JSON (trailing"),
            "{trailing}"
        );
    }
}
