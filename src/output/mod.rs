//! Writing records: text for people, JSON for programs, JSON Lines for pipelines.
//!
//! The writer is generic over `io::Write`; the binary hands it stdout. Every write error is
//! returned, so a closed pipe ends the run quietly instead of panicking.

pub mod html;
mod jsonl;
pub(crate) mod layout;
pub mod text;

use std::io::{self, Write};

use crate::config::Format;
use crate::output::text::TextStyle;
use crate::report::{Record, Report};
use crate::topics::{Corpus, CorpusRecord};

/// Writes a stream of records in one format.
pub struct RecordWriter<W: Write> {
    out: W,
    format: Format,
    /// How many records the run will write: JSON writes one object for one input, an array
    /// otherwise; text adds a header per document when there are several.
    total: usize,
    written: usize,
    style: TextStyle,
    /// HTML: what the table of documents at the end of the page needs, one row a document.
    rows: Vec<html::Row>,
    corpus: Option<Corpus>,
    /// One JSON Lines record, built whole before it is written (reused between records).
    line: Vec<u8>,
}

impl<W: Write> RecordWriter<W> {
    pub fn new(out: W, format: Format, total: usize) -> Self {
        RecordWriter {
            out,
            format,
            total,
            written: 0,
            style: TextStyle::default(),
            rows: Vec::new(),
            corpus: None,
            line: Vec::new(),
        }
    }

    /// How text output looks (colour, scores, highlighting).
    pub fn with_style(mut self, style: TextStyle) -> Self {
        self.style = style;
        self
    }

    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {
                self.line.clear();
                jsonl::record(&mut self.line, record)?;
                self.end_line()?;
            }
            Format::Json if self.total == 1 => {
                serde_json::to_writer_pretty(&mut self.out, record)?;
                self.out.write_all(b"\n")?;
            }
            Format::Json => {
                self.out
                    .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut self.out, record)?;
            }
            Format::Text => {
                if let Record::Report(report) = record {
                    self.write_text(report)?;
                }
            }
            Format::Html => {
                if self.rows.is_empty() {
                    self.html_head(Some(record.source()))?;
                }
                html::write_record(&mut self.out, self.rows.len(), record, self.total != 1)?;
                self.rows.push(html::Row::of(record));
            }
        }
        self.written += 1;
        Ok(())
    }

    /// The final corpus record (`--corpus-topics`); `total` must count it.
    pub fn write_corpus(&mut self, corpus: Corpus) -> io::Result<()> {
        let record = CorpusRecord { corpus };
        match self.format {
            Format::Jsonl => self.write_line(&record)?,
            Format::Json => {
                self.out
                    .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut self.out, &record)?;
            }
            Format::Text => {
                if self.written > 0 {
                    writeln!(self.out)?;
                }
                self.style.corpus(&mut self.out, &record.corpus)?;
            }
            Format::Html => self.corpus = Some(record.corpus),
        }
        self.written += 1;
        Ok(())
    }

    /// Closes the JSON array, if any, writes the HTML page, and flushes.
    pub fn finish(mut self) -> io::Result<()> {
        if self.format == Format::Html {
            if self.rows.is_empty() {
                self.html_head(None)?;
            }
            html::write_end(
                &mut self.out,
                &self.rows,
                self.corpus.as_ref(),
                self.total != 1,
            )?;
        }
        if self.format == Format::Json && self.total != 1 {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }

    /// The start of the HTML page, named after the document when there is one.
    fn html_head(&mut self, source: Option<&str>) -> io::Result<()> {
        let title = match source {
            Some(source) if self.total == 1 => format!("ringkas: {source}"),
            _ => "ringkas: documents".to_owned(),
        };
        html::write_head(&mut self.out, &title, self.total != 1)
    }

    /// One JSON Lines record. The line is complete before any of it is written, and goes out
    /// in one write: a run stopped by Ctrl-C (or a full disk) leaves whole lines only, never
    /// half a record that `jq` would choke on. (Serialising straight into the BufWriter would
    /// spill a record longer than its buffer in pieces.)
    fn write_line(&mut self, value: &impl serde::Serialize) -> io::Result<()> {
        self.line.clear();
        serde_json::to_writer(&mut self.line, value)?;
        self.end_line()
    }

    /// Ends the line built in `line` and writes it.
    fn end_line(&mut self) -> io::Result<()> {
        self.line.push(b'\n');
        // Whole lines into the buffer, which goes out when full or flushed (after each
        // chunk of records, see `pipeline::Sink`): a line never straddles two writes unless
        // it is longer than the buffer, and then it goes out alone.
        self.out.write_all(&self.line)
    }

    /// Sends what is buffered on to the reader.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn write_text(&mut self, report: &Report) -> io::Result<()> {
        let out = &mut self.out;
        if self.total > 1 {
            if self.written > 0 {
                writeln!(out)?;
            }
            self.style.header(out, &report.source)?;
        }
        self.style.report(out, report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{ErrorRecord, Keyword, Stats, SummarySentence};

    fn report(source: &str) -> Record {
        Record::Report(Report {
            id: None,
            source: source.into(),
            language: "id".into(),
            title: None,
            keywords: vec![Keyword {
                term: "beras".into(),
                score: 1.0,
                count: 2,
                aliases: Vec::new(),
            }],
            summary: vec![SummarySentence {
                index: 0,
                text: "Harga beras naik.".into(),
                score: 1.0,
                features: None,
            }],
            stats: Stats {
                sentences: 1,
                headings: 0,
                words: 3,
            },
            layout: None,
        })
    }

    fn render(format: Format, records: &[Record]) -> String {
        let mut buf = Vec::new();
        let mut w = RecordWriter::new(&mut buf, format, records.len());
        for r in records {
            w.write(r).unwrap();
        }
        w.finish().unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn output_json_one_object_or_an_array() {
        let one: Record = serde_json::from_str(&render(Format::Json, &[report("a")])).unwrap();
        assert_eq!(one, report("a"));
        let err = Record::Error(ErrorRecord {
            id: None,
            source: "b".into(),
            error: "no such file or directory".into(),
        });
        let many: Vec<Record> =
            serde_json::from_str(&render(Format::Json, &[report("a"), err.clone()])).unwrap();
        assert_eq!(many, [report("a"), err]);
        let none: Vec<Record> = serde_json::from_str(&render(Format::Json, &[])).unwrap();
        assert!(none.is_empty());
    }

    #[test]
    fn output_jsonl_one_line_per_record() {
        let text = render(Format::Jsonl, &[report("a"), report("b")]);
        let lines: Vec<Record> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines, [report("a"), report("b")]);
    }

    #[test]
    fn output_jsonl_is_what_serde_json_writes() {
        let all: String = (0u8..0x80).map(char::from).collect();
        let tricky = [
            "",
            "plain text of some length, past eight bytes",
            "\"quoted\" \\ back\\slash\u{7f}\u{1f}\u{0}",
            &all,
            "Jakarta \u{2013} “kutipan” é\n\tmasuk",
        ];
        let mut records = Vec::new();
        for (k, text) in tricky.iter().enumerate() {
            let Record::Report(mut r) = report(text) else {
                unreachable!("a report")
            };
            r.keywords[0].term = text.to_string();
            r.keywords[0].score = 0.1 + k as f64 / 3.0;
            r.summary[0].text = format!("{text}{text}");
            r.title = (k % 3 != 0).then(|| text.repeat(2));
            r.summary[0].features = (k % 2 == 0).then(crate::summary::Features::default);
            r.id = (k % 2 == 1)
                .then(|| crate::report::Id::of(&serde_json::json!({ "n": k, "s": text })));
            records.push(Record::Report(r));
            records.push(Record::Error(ErrorRecord {
                id: (k % 2 == 0).then(|| crate::report::Id::of(&serde_json::json!(k))),
                source: text.to_string(),
                error: text.repeat(3),
            }));
        }
        let Record::Report(mut empty) = report("x") else {
            unreachable!("a report")
        };
        empty.keywords.clear();
        empty.summary.clear();
        records.push(Record::Report(empty));
        for r in &records {
            let mut ours = Vec::new();
            jsonl::record(&mut ours, r).unwrap();
            let theirs = serde_json::to_vec(r).unwrap();
            assert_eq!(String::from_utf8(ours), String::from_utf8(theirs));
        }
    }

    proptest::proptest! {
        /// Any text in any string field, escaped exactly as serde_json escapes it.
        #[test]
        fn output_jsonl_matches_serde_json_on_any_text(
            source in "\\PC*",
            term in "(\\PC|[\\x00-\\x1f\"\\\\\u{7f}])*",
            text in proptest::collection::vec(proptest::char::any(), 0..40),
            score in proptest::num::f64::NORMAL | proptest::num::f64::ZERO,
        ) {
            let text: String = text.into_iter().collect();
            let Record::Report(mut r) = report(&source) else {
                unreachable!("a report")
            };
            r.keywords[0].term = term.clone();
            r.keywords[0].score = score;
            // Aliases: none, one, or two (the field is left out when empty).
            r.keywords[0].aliases = [source.clone(), text.clone()]
                .into_iter()
                .take(source.len() % 3)
                .collect();
            r.summary[0].text = text.clone();
            for record in [
                Record::Report(r),
                Record::Error(ErrorRecord { id: None, source: text, error: term }),
            ] {
                let mut ours = Vec::new();
                jsonl::record(&mut ours, &record).unwrap();
                proptest::prop_assert_eq!(
                    String::from_utf8(ours).unwrap(),
                    serde_json::to_string(&record).unwrap()
                );
            }
        }
    }

    #[test]
    fn output_text_headers_only_for_several_documents() {
        let one = render(Format::Text, &[report("a")]);
        assert_eq!(one, "Keywords: beras\nSummary:\n  [0] Harga beras naik.\n");
        let two = render(Format::Text, &[report("a"), report("b")]);
        assert!(two.starts_with("==> a <==\n") && two.contains("\n\n==> b <==\n"));
    }
}
