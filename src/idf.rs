//! Saved corpus statistics: the document frequencies of a collection, in a file that can be
//! built on many machines and merged, so a shard of an archive is scored against the whole.
//!
//! The format is versioned plain text, sorted by term so equal models are equal files:
//!
//! ```text
//! ringkas-idf 1
//! language id
//! documents 2263
//! terms 2
//! beras<TAB>17
//! harga<TAB>40
//! ```
//!
//! Merging adds document counts and frequencies, so it is associative and commutative, and
//! models of different languages do not merge. Reading checks everything it can (header,
//! version, counts, order), so a foreign, truncated or corrupt file is refused with one line
//! naming it.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::Path;

use crate::config::Language;
use crate::error::Error;
use crate::score::DocFreq;

/// First word of every model file.
const MAGIC: &str = "ringkas-idf";
/// The format this build writes and reads.
pub const VERSION: u32 = 1;

/// Document frequencies of a collection, for one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub language: Language,
    pub df: DocFreq,
}

impl Model {
    pub fn new(language: Language, df: DocFreq) -> Self {
        Model { language, df }
    }

    /// Adds another model's counts; both must be of the same language, and no sum may
    /// overflow.
    pub fn merge(&mut self, other: &Model, other_path: &str) -> Result<(), Error> {
        let overflows = self.df.documents.checked_add(other.df.documents).is_none()
            || other.df.counts.iter().any(|(term, &n)| {
                self.df
                    .counts
                    .get(term)
                    .is_some_and(|&m| m.checked_add(n).is_none())
            });
        if overflows {
            return Err(Error::Model {
                path: other_path.to_string(),
                problem: "counts too large to add to the other models' (they would overflow)"
                    .to_string(),
            });
        }
        if other.language != self.language {
            return Err(Error::Model {
                path: other_path.to_string(),
                problem: format!(
                    "model is for language `{}`, the others for `{}`",
                    other.language.code(),
                    self.language.code()
                ),
            });
        }
        self.df.merge(&other.df);
        Ok(())
    }

    /// Writes the model in the current format.
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let mut terms: Vec<(&str, u64)> = self
            .df
            .counts
            .iter()
            .map(|(k, &n)| (k.as_ref(), n))
            .collect();
        terms.sort_unstable();
        writeln!(out, "{MAGIC} {VERSION}")?;
        writeln!(out, "language {}", self.language.code())?;
        writeln!(out, "documents {}", self.df.documents)?;
        writeln!(out, "terms {}", terms.len())?;
        for (term, n) in terms {
            writeln!(out, "{term}\t{n}")?;
        }
        Ok(())
    }

    /// Writes the model to `path` through a temporary file beside it, renamed over `path`
    /// once whole, so a reader never sees half a model; the temporary file is removed on every
    /// error. Only a regular file is replaced: a device, FIFO, socket or folder is refused, and
    /// so is a symbolic link (renaming over it would replace the link, not the file it points
    /// to). The new file has the permissions of any new file (0666 less the umask).
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        let display = path.display().to_string();
        let fail = |source: io::Error| Error::Io {
            path: display.clone(),
            source,
        };
        let refuse = |problem: &str| Error::Refused {
            path: display.clone(),
            problem: problem.to_string(),
        };
        match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(refuse(
                    "is a symbolic link, not replaced (give the path of the file it points to)",
                ));
            }
            Ok(meta) if meta.is_dir() => return Err(refuse("is a directory, not replaced")),
            Ok(meta) if !meta.is_file() => {
                return Err(refuse(
                    "is not a regular file (a device, FIFO or socket), not replaced",
                ));
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(fail(e)),
        }
        let mut tmp = Temporary::beside(path).map_err(fail)?;
        {
            let mut out = io::BufWriter::new(&mut tmp.file);
            self.write(&mut out).map_err(fail)?;
            out.flush().map_err(fail)?;
        }
        std::fs::rename(&tmp.path, path).map_err(fail)?;
        tmp.renamed = true;
        Ok(())
    }

    /// Reads a model file.
    pub fn load(path: &Path) -> Result<Model, Error> {
        let display = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            path: display.clone(),
            source,
        })?;
        Model::read(BufReader::new(file), &display)
    }

    /// Reads a model; `name` is what errors call it. Lines are read at most
    /// [`MAX_LINE`] bytes at a time, so an endless line (`/dev/zero`) is an error, not a hang.
    pub fn read(reader: impl BufRead, name: &str) -> Result<Model, Error> {
        let mut lines = Lines {
            reader,
            number: 0,
            name,
        };
        lines.header()?;
        let language = match lines.field("language")?.as_str() {
            "id" => Language::Indonesian,
            "en" => Language::English,
            _ => return Err(lines.bad("unknown language")),
        };
        let documents: u64 = lines
            .field("documents")?
            .parse()
            .map_err(|_| lines.bad("document count is not a number"))?;
        let terms: usize = lines
            .field("terms")?
            .parse()
            .map_err(|_| lines.bad("term count is not a number"))?;
        let df = lines.counts(documents, terms)?;
        if lines.next()?.is_some_and(|rest| !rest.is_empty()) || lines.next()?.is_some() {
            return Err(Error::Model {
                path: name.to_string(),
                problem: corrupt(5 + terms, "more terms than the header says"),
            });
        }
        Ok(Model { language, df })
    }
}

/// The longest line a model file may have (a term and its count).
pub const MAX_LINE: usize = 4096;

/// A temporary file beside the file it will replace, removed when dropped unless renamed.
struct Temporary {
    path: std::path::PathBuf,
    file: std::fs::File,
    renamed: bool,
}

impl Temporary {
    fn beside(path: &Path) -> io::Result<Temporary> {
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let name = path
            .file_name()
            .map_or_else(|| "model".into(), |n| n.to_string_lossy());
        let mut last = None;
        for n in 0..100 {
            let tmp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
            // `create_new`: never an existing file; mode 0666 less the umask.
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)
            {
                Ok(file) => {
                    return Ok(Temporary {
                        path: tmp,
                        file,
                        renamed: false,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| io::Error::other("no temporary file name free")))
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.renamed {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The lines of a model file being read, numbered for error messages.
struct Lines<'n, R> {
    reader: R,
    /// The number of the line last read (1-based).
    number: usize,
    name: &'n str,
}

impl<R: BufRead> Lines<'_, R> {
    /// The next line without its line end; `None` at the end of the file. A line longer
    /// than [`MAX_LINE`], or a last line cut before its line end, is an error.
    fn next(&mut self) -> Result<Option<String>, Error> {
        self.number += 1;
        let mut bytes = Vec::new();
        let read = (&mut self.reader)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut bytes)
            .map_err(|source| Error::Io {
                path: self.name.to_string(),
                source,
            })?;
        if read == 0 {
            return Ok(None);
        }
        if bytes.pop() != Some(b'\n') {
            return Err(if read > MAX_LINE {
                self.bad("line too long")
            } else {
                self.bad("the last line has no line end (truncated?)")
            });
        }
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| self.bad("not UTF-8"))
    }

    /// The model is corrupt at the line last read.
    fn bad(&self, what: &str) -> Error {
        Error::Model {
            path: self.name.to_string(),
            problem: corrupt(self.number, what),
        }
    }

    /// The first line: the magic string and a format version this ringkas reads.
    fn header(&mut self) -> Result<(), Error> {
        let header = self.next()?.unwrap_or_default();
        let Some(version) = header.strip_prefix(MAGIC).map(str::trim) else {
            return Err(Error::Model {
                path: self.name.to_string(),
                problem: format!("not a ringkas IDF model (no `{MAGIC}` header)"),
            });
        };
        match version.parse::<u32>() {
            Ok(VERSION) => Ok(()),
            Ok(v) if v > VERSION => Err(Error::Model {
                path: self.name.to_string(),
                problem: format!(
                    "IDF model format {v} is newer than this ringkas reads ({VERSION})"
                ),
            }),
            _ => Err(self.bad("unknown format version")),
        }
    }

    /// The value of a `key value` header line.
    fn field(&mut self, key: &str) -> Result<String, Error> {
        let text = self.next()?.ok_or_else(|| self.bad("file ends early"))?;
        text.strip_prefix(key)
            .and_then(|rest| rest.strip_prefix(' '))
            .map(str::to_string)
            .ok_or_else(|| self.bad(&format!("expected `{key} ...`")))
    }

    /// `terms` lines of `term<TAB>count`, sorted by term, each count in 1..=documents.
    fn counts(&mut self, documents: u64, terms: usize) -> Result<DocFreq, Error> {
        let mut df = DocFreq {
            documents,
            ..DocFreq::default()
        };
        // No room reserved for the count the header claims: a corrupt header must not cost
        // memory; the table grows with the terms actually read.
        let mut previous: Option<String> = None;
        for _ in 0..terms {
            let text = self
                .next()?
                .ok_or_else(|| self.bad("file ends early (truncated?)"))?;
            let (term, count) = text
                .split_once('\t')
                .ok_or_else(|| self.bad("expected `term<TAB>count`"))?;
            let count: u64 = count
                .parse()
                .map_err(|_| self.bad("count is not a number"))?;
            if term.is_empty() || count == 0 || count > documents {
                return Err(self.bad("count out of range or empty term"));
            }
            if previous.as_deref().is_some_and(|p| p >= term) {
                return Err(self.bad("terms out of order"));
            }
            df.counts.insert(term.into(), count);
            previous = Some(term.to_string());
        }
        Ok(df)
    }
}

fn corrupt(line: usize, what: &str) -> String {
    format!("corrupt IDF model (line {line}: {what})")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(docs: &[&[&str]]) -> Model {
        let mut df = DocFreq::default();
        for doc in docs {
            df.add_document(doc.iter().copied());
        }
        Model::new(Language::Indonesian, df)
    }

    fn bytes(m: &Model) -> Vec<u8> {
        let mut out = Vec::new();
        m.write(&mut out).unwrap();
        out
    }

    fn read(text: &str) -> Result<Model, Error> {
        Model::read(text.as_bytes(), "m.idf")
    }

    #[test]
    fn idf_round_trips_and_is_sorted() {
        let m = model(&[&["harga", "beras"], &["harga"]]);
        let text = String::from_utf8(bytes(&m)).unwrap();
        assert_eq!(
            text,
            "ringkas-idf 1\nlanguage id\ndocuments 2\nterms 2\nberas\t1\nharga\t2\n"
        );
        assert_eq!(read(&text).unwrap(), m);
    }

    #[test]
    fn idf_merge_is_associative_and_commutative() {
        let a = model(&[&["harga", "beras"], &["banjir"]]);
        let b = model(&[&["harga"], &["cabai", "beras"]]);
        let c = model(&[&["banjir", "bekasi"]]);
        let merged = |parts: [&Model; 3]| {
            let mut m = parts[0].clone();
            m.merge(parts[1], "x").unwrap();
            m.merge(parts[2], "x").unwrap();
            bytes(&m)
        };
        let mut bc = b.clone();
        bc.merge(&c, "c").unwrap();
        let mut a_bc = a.clone();
        a_bc.merge(&bc, "bc").unwrap();
        assert_eq!(merged([&a, &b, &c]), bytes(&a_bc));
        assert_eq!(merged([&a, &b, &c]), merged([&c, &a, &b]));
        assert_eq!(merged([&a, &b, &c]), merged([&b, &c, &a]));
        let whole = model(&[
            &["harga", "beras"],
            &["banjir"],
            &["harga"],
            &["cabai", "beras"],
            &["banjir", "bekasi"],
        ]);
        assert_eq!(merged([&a, &b, &c]), bytes(&whole));
    }

    #[test]
    fn idf_merge_refuses_another_language() {
        let a = model(&[&["harga"]]);
        let mut b = a.clone();
        b.language = Language::English;
        let err = a.clone().merge(&b, "en.idf").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("en.idf: model is for language `en`")
        );
    }

    #[test]
    fn idf_refuses_foreign_corrupt_and_newer_files() {
        let cases = [
            ("", "not a ringkas IDF model"),
            ("{\"id\": 1}\n", "not a ringkas IDF model"),
            ("ringkas-idf 9\n", "newer than this ringkas reads"),
            (
                "ringkas-idf 1\nlanguage id\ndocuments 2\nterms 2\nberas\t1\n",
                "truncated",
            ),
            (
                "ringkas-idf 1\nlanguage id\ndocuments 2\nterms 1\nberas\t3\n",
                "out of range",
            ),
            (
                "ringkas-idf 1\nlanguage id\ndocuments 2\nterms 2\nharga\t1\nberas\t1\n",
                "out of order",
            ),
            ("ringkas-idf 1\nlanguage fr\n", "unknown language"),
            ("ringkas-idf 1\nlanguage id\ndocuments x\n", "not a number"),
            (
                "ringkas-idf 1\nlanguage id\ndocuments 2\nterms 0\nberas\t1\n",
                "more terms",
            ),
            (
                "ringkas-idf 1\nlanguage id\ndocuments 2\nterms 1\nberas\t1",
                "no line end (truncated?)",
            ),
            (
                "ringkas-idf 1\nlanguage id\ndocuments 2\nterms 99999999999\n",
                "truncated",
            ),
        ];
        let long = format!("ringkas-idf 1\n{}\n", "x".repeat(MAX_LINE + 1));
        assert!(
            read(&long)
                .unwrap_err()
                .to_string()
                .contains("line too long")
        );
        for (text, want) in cases {
            let err = read(text).unwrap_err().to_string();
            assert!(err.starts_with("m.idf: "), "{err}");
            assert!(err.contains(want), "{text:?}: {err}");
            assert!(!err.contains('\n'), "{err}");
        }
    }
}
