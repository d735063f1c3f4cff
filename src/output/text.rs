//! Text for people: keywords on one line, numbered summary sentences, the whole document with
//! its summary highlighted, corpus topics; in ANSI colour or plain.
//!
//! Whether to colour is the caller's decision (`TextStyle::color`): the library never looks at
//! the terminal or the environment. Without colour, highlighting uses plain markers:
//! `**sentence**` for a summary sentence and `[word]` for a keyword.

use std::io::{self, Write};

use crate::ranker::features::NAMES;
use crate::report::Report;
use crate::summary::Features;
use crate::topics::Corpus;

/// How text output looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextStyle {
    /// ANSI colours.
    pub color: bool,
    /// Show keyword and sentence scores.
    pub scores: bool,
    /// Print the whole document with the summary and keywords marked.
    pub highlight: bool,
}

const RESET: &str = "\x1b[0m";
const HEADER: &str = "\x1b[1;35m";
const LABEL: &str = "\x1b[1m";
const KEYWORD: &str = "\x1b[32m";
const INDEX: &str = "\x1b[36m";
const SCORE: &str = "\x1b[2m";
const SUMMARY: &str = "\x1b[1m";
const SUMMARY_KEYWORD: &str = "\x1b[1;32m";

/// What the ranker saw of a summary sentence (`--explain`), on one line: `name value` pairs in
/// the model's order, whole numbers without decimals.
fn explain_line(features: &Features) -> String {
    NAMES
        .iter()
        .zip(features.0)
        .map(|(name, value)| {
            if value.fract() == 0.0 && value.abs() < 1e9 {
                format!("{name} {value:.0}")
            } else {
                format!("{name} {value:.3}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl TextStyle {
    /// `text` in `code`, when colouring.
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    }

    pub(crate) fn header(&self, out: &mut impl Write, title: &str) -> io::Result<()> {
        let title = crate::util::terminal::escape(title);
        writeln!(out, "{}", self.paint(HEADER, &format!("==> {title} <==")))
    }

    /// The keyword line, the summary, and with `highlight` the marked document.
    pub(crate) fn report(&self, out: &mut impl Write, report: &Report) -> io::Result<()> {
        let terms: Vec<String> = report
            .keywords
            .iter()
            .map(|k| {
                let term = self.paint(KEYWORD, &k.term);
                if self.scores {
                    format!("{term} {}", self.paint(SCORE, &format!("({:.2})", k.score)))
                } else {
                    term
                }
            })
            .collect();
        writeln!(
            out,
            "{} {}",
            self.paint(LABEL, "Keywords:"),
            terms.join(", ")
        )?;
        writeln!(out, "{}", self.paint(LABEL, "Summary:"))?;
        for s in &report.summary {
            let index = self.paint(INDEX, &format!("[{}]", s.index));
            if self.scores {
                let score = self.paint(SCORE, &format!("({:.2})", s.score));
                writeln!(out, "  {index} {score} {}", s.text)?;
            } else {
                writeln!(out, "  {index} {}", s.text)?;
            }
            if let Some(features) = &s.features {
                let line = format!("score {:.2} from {}", s.score, explain_line(features));
                writeln!(out, "      {}", self.paint(SCORE, &line))?;
            }
        }
        if self.highlight {
            if let Some(layout) = &report.layout {
                writeln!(out, "{}", self.paint(LABEL, "Document:"))?;
                self.document(out, layout, report)?;
            }
        }
        Ok(())
    }

    fn document(
        &self,
        out: &mut impl Write,
        layout: &crate::report::Layout,
        report: &Report,
    ) -> io::Result<()> {
        let summary: Vec<usize> = report.summary.iter().map(|s| s.index).collect();
        let segments = layout.segments(&summary);
        for (i, seg) in segments.iter().enumerate() {
            if self.color {
                let code = match (seg.summary, seg.keyword) {
                    (true, true) => SUMMARY_KEYWORD,
                    (true, false) => SUMMARY,
                    (false, true) => KEYWORD,
                    (false, false) => "",
                };
                if code.is_empty() {
                    out.write_all(seg.text.as_bytes())?;
                } else {
                    write!(out, "{code}{}{RESET}", seg.text)?;
                }
                continue;
            }
            let prev = i.checked_sub(1).map(|p| &segments[p]);
            let next = segments.get(i + 1);
            let opens_summary =
                seg.summary && (seg.opens.is_some() || !prev.is_some_and(|p| p.summary));
            let closes_summary =
                seg.summary && next.is_none_or(|n| !n.summary || n.opens.is_some());
            let opens_keyword = seg.keyword && (opens_summary || !prev.is_some_and(|p| p.keyword));
            let closes_keyword = seg.keyword
                && (closes_summary || next.is_none_or(|n| !n.keyword || n.opens.is_some()));
            if opens_summary {
                out.write_all(b"**")?;
            }
            if opens_keyword {
                out.write_all(b"[")?;
            }
            out.write_all(seg.text.as_bytes())?;
            if closes_keyword {
                out.write_all(b"]")?;
            }
            if closes_summary {
                out.write_all(b"**")?;
            }
        }
        if !layout.text.ends_with('\n') {
            writeln!(out)?;
        }
        Ok(())
    }

    /// The corpus topics, one a line, with the documents where each is most prominent.
    pub(crate) fn corpus(&self, out: &mut impl Write, corpus: &Corpus) -> io::Result<()> {
        self.header(
            out,
            &format!("corpus topics ({} documents)", corpus.documents),
        )?;
        for (i, topic) in corpus.topics.iter().enumerate() {
            let term = self.paint(KEYWORD, &topic.term);
            let places: Vec<String> = topic
                .prominent
                .iter()
                .map(|p| {
                    if self.scores {
                        format!(
                            "{} {}",
                            p.source,
                            self.paint(SCORE, &format!("({:.2})", p.score))
                        )
                    } else {
                        p.source.clone()
                    }
                })
                .collect();
            let docs = if topic.documents == 1 {
                "document"
            } else {
                "documents"
            };
            let about = if self.scores {
                format!("score {:.2}, {} {docs}", topic.score, topic.documents)
            } else {
                format!("{} {docs}", topic.documents)
            };
            writeln!(
                out,
                "  {}. {term} {}: {}",
                i + 1,
                self.paint(SCORE, &format!("({about})")),
                places.join(", ")
            )?;
        }
        Ok(())
    }
}
