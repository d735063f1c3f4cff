//! The HTML report: one self-contained page (inline style, no scripts, no external assets).
//!
//! One document: its keywords with bars for their scores, its summary, and its whole text with
//! the summary sentences highlighted and the keywords marked. A batch is streamed: each
//! document's section is written as soon as its record is ready (with a link to the table),
//! and the table of documents (source, top keywords, first summary sentence, linking to each
//! section) and the corpus topics follow at the end, so memory does not grow with the batch.
//! Every piece of text from the input goes through `escape`.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::report::{Record, Report};
use crate::topics::Corpus;

/// Keywords shown in the batch table.
const TABLE_KEYWORDS: usize = 5;

pub(crate) const STYLE: &str = "\
body{font:16px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328;\
background:#f6f8fa;margin:0}\
main{max-width:60rem;margin:0 auto;padding:1.5rem}\
h1{font-size:1.6rem;margin:.2rem 0;color:#0b3d91}\
h2{font-size:1.25rem;margin:0 0 .5rem;padding-bottom:.35rem;border-bottom:2px solid #f08c00;\
color:#0b3d91;overflow-wrap:anywhere}\
h3{font-size:1rem;margin:1.2rem 0 .4rem;color:#57606a;text-transform:uppercase;letter-spacing:.04em}\
nav{margin:.4rem 0 0;font-size:.92rem}.back{margin:1rem 0 0;font-size:.88rem}\
section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:1.2rem 1.4rem;margin:1.2rem 0}\
.meta{color:#57606a;font-size:.9rem;margin:0}\
table{border-collapse:collapse;width:100%;font-size:.92rem}\
th,td{text-align:left;vertical-align:top;padding:.45rem .6rem;border-bottom:1px solid #d8dee4}\
th{background:#f6f8fa}\
a{color:#0969da}\
ol.kw{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:max-content 1fr max-content;gap:.3rem .8rem;align-items:center}\
ol.kw li{display:contents}\
.bar{background:#eaeef2;border-radius:4px;height:.7rem;overflow:hidden}\
.bar span{display:block;height:100%;background:#f08c00}\
.num{font-variant-numeric:tabular-nums;color:#57606a;font-size:.85rem}\
ol.summary{list-style:none;padding-left:0}ol.summary li{margin:.3rem 0}\
.idx{color:#57606a;font-size:.85rem}\
.text{white-space:pre-wrap;background:#fbfbfc;border:1px solid #eaeef2;border-radius:6px;padding:1rem}\
mark{background:#fff1a8;padding:.05rem 0;border-radius:2px}\
.k{color:#b3470b;font-weight:600;border-bottom:2px solid #f08c00}\
.error{color:#cf222e}";

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// One line of the table of documents: all a batch keeps of a document once its section is
/// written, so memory does not grow with the documents' text.
pub struct Row {
    source: String,
    /// The top keywords joined, or the error.
    keywords: String,
    first_sentence: String,
    error: bool,
}

impl Row {
    pub fn of(record: &Record) -> Row {
        match record {
            Record::Report(r) => Row {
                source: r.source.clone(),
                keywords: r
                    .keywords
                    .iter()
                    .take(TABLE_KEYWORDS)
                    .map(|k| k.term.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                first_sentence: r.summary.first().map_or("", |s| s.text.as_str()).to_owned(),
                error: false,
            },
            Record::Error(e) => Row {
                source: e.source.clone(),
                keywords: e.error.clone(),
                first_sentence: String::new(),
                error: true,
            },
        }
    }
}

/// The start of the page, written before the first document. `batch`: a table of documents
/// will follow the sections (linked from here).
pub fn write_head<W: Write>(out: &mut W, title: &str, batch: bool) -> io::Result<()> {
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <header id=\"top\"><h1>{}</h1><p class=\"meta\">ringkas {}: keywords and extractive summary</p>",
        escape(title),
        escape(title),
        env!("CARGO_PKG_VERSION"),
    )?;
    if batch {
        out.write_all(
            b"<nav><a href=\"#documents\">Table of documents</a> (after the documents)</nav>",
        )?;
    }
    out.write_all(b"</header>\n")
}

/// One document's section, written as soon as its record is ready. In a batch it links back
/// to the table of documents.
pub fn write_record<W: Write>(
    out: &mut W,
    n: usize,
    record: &Record,
    batch: bool,
) -> io::Result<()> {
    match record {
        Record::Report(report) => write_report(out, n, report)?,
        Record::Error(e) => write!(
            out,
            "<section id=\"doc-{n}\"><h2>{}</h2><p class=\"error\">{}</p>",
            escape(&e.source),
            escape(&e.error)
        )?,
    }
    if batch {
        out.write_all(
            "<p class=\"back\"><a href=\"#documents\">↑ Table of documents</a></p>".as_bytes(),
        )?;
    }
    out.write_all(b"</section>\n")
}

/// The end of the page: in a batch the table of documents, then the corpus topics if any.
pub fn write_end<W: Write>(
    out: &mut W,
    rows: &[Row],
    corpus: Option<&Corpus>,
    batch: bool,
) -> io::Result<()> {
    if batch {
        write_table(out, rows)?;
    }
    if let Some(corpus) = corpus {
        write_corpus(out, corpus, rows)?;
    }
    out.write_all(b"</main>\n</body>\n</html>\n")
}

fn write_table<W: Write>(out: &mut W, rows: &[Row]) -> io::Result<()> {
    out.write_all(
        b"<section id=\"documents\"><h2>Documents</h2>\n<table>\n<thead><tr><th>#</th>\
          <th>Source</th><th>Top keywords</th><th>First summary sentence</th></tr></thead>\n<tbody>\n",
    )?;
    for (n, row) in rows.iter().enumerate() {
        write!(
            out,
            "<tr><td class=\"num\">{}</td><td><a href=\"#doc-{n}\">{}</a></td>",
            n + 1,
            escape(&row.source)
        )?;
        if row.error {
            writeln!(
                out,
                "<td colspan=\"2\" class=\"error\">{}</td></tr>",
                escape(&row.keywords)
            )?;
        } else {
            writeln!(
                out,
                "<td>{}</td><td>{}</td></tr>",
                escape(&row.keywords),
                escape(&row.first_sentence)
            )?;
        }
    }
    out.write_all(
        "</tbody>\n</table>\n<p class=\"back\"><a href=\"#top\">↑ Top</a></p></section>\n"
            .as_bytes(),
    )
}

fn write_corpus<W: Write>(out: &mut W, corpus: &Corpus, rows: &[Row]) -> io::Result<()> {
    write!(
        out,
        "<section id=\"corpus\"><h2>Corpus topics</h2><p class=\"meta\">from {} documents read</p>\n\
         <table>\n<thead><tr><th>#</th><th>Topic</th><th>Score</th><th>Documents</th>\
         <th>Most prominent in</th></tr></thead>\n<tbody>\n",
        corpus.documents
    )?;
    for (i, topic) in corpus.topics.iter().enumerate() {
        write!(
            out,
            "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{:.2}</td>\
             <td class=\"num\">{}</td><td>",
            i + 1,
            escape(&topic.term),
            topic.score,
            topic.documents
        )?;
        for (j, p) in topic.prominent.iter().enumerate() {
            let sep = if j > 0 { ", " } else { "" };
            match rows.iter().position(|r| r.source == p.source) {
                Some(n) => write!(out, "{sep}<a href=\"#doc-{n}\">{}</a>", escape(&p.source))?,
                None => write!(out, "{sep}{}", escape(&p.source))?,
            }
        }
        out.write_all(b"</td></tr>\n")?;
    }
    out.write_all(b"</tbody>\n</table>\n</section>\n")
}

/// A keyword score as the share of a bar: its log-odds, from 0.5 (even odds: empty) to 0.99
/// (full). Scores are probabilities that crowd near 1 for a document's best keywords (0.98,
/// 0.95, 0.90 are odds of 49, 19 and 9 to 1), so a bar of the probability itself would make
/// them all look alike; on the log-odds scale they differ as the evidence does.
fn bar(score: f64) -> f64 {
    let odds = |p: f64| (p / (1.0 - p)).ln();
    (odds(score.clamp(0.5, 0.99)) / odds(0.99)).clamp(0.0, 1.0)
}

fn write_report<W: Write>(out: &mut W, n: usize, r: &Report) -> io::Result<()> {
    writeln!(
        out,
        "<section id=\"doc-{n}\">\n<h2>{}</h2>\n<p class=\"meta\">sentences: {}, headings: {}, words: {}</p>",
        escape(&r.source),
        r.stats.sentences,
        r.stats.headings,
        r.stats.words
    )?;
    if !r.keywords.is_empty() {
        out.write_all(b"<h3>Keywords</h3>\n<ol class=\"kw\">\n")?;
        for k in &r.keywords {
            let width = (bar(k.score) * 100.0).round();
            writeln!(
                out,
                "<li><span>{}</span><span class=\"bar\" title=\"{:.2}\"><span style=\"width:{width}%\">\
                 </span></span><span class=\"num\">{:.2} &#215;{}</span></li>",
                escape(&k.term),
                k.score,
                k.score,
                k.count
            )?;
        }
        out.write_all(b"</ol>\n")?;
    }
    if !r.summary.is_empty() {
        out.write_all(b"<h3>Summary</h3>\n<ol class=\"summary\">\n")?;
        for s in &r.summary {
            let link = if r.layout.is_some() {
                format!(
                    "<a class=\"idx\" href=\"#doc-{n}-s{}\">[{}]</a>",
                    s.index, s.index
                )
            } else {
                format!("<span class=\"idx\">[{}]</span>", s.index)
            };
            writeln!(out, "<li>{link} {}</li>", escape(&s.text))?;
        }
        out.write_all(b"</ol>\n")?;
    }
    if let Some(layout) = &r.layout {
        out.write_all(b"<h3>Document</h3>\n<div class=\"text\">")?;
        let summary: Vec<usize> = r.summary.iter().map(|s| s.index).collect();
        for seg in layout.segments(&summary) {
            if seg.summary {
                match seg.opens {
                    Some(index) => write!(out, "<mark id=\"doc-{n}-s{index}\">")?,
                    None => out.write_all(b"<mark>")?,
                }
            }
            if seg.keyword {
                out.write_all(b"<span class=\"k\">")?;
            }
            out.write_all(escape(seg.text).as_bytes())?;
            if seg.keyword {
                out.write_all(b"</span>")?;
            }
            if seg.summary {
                out.write_all(b"</mark>")?;
            }
        }
        out.write_all(b"</div>\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_bars_spread_the_scores_near_the_top() {
        assert_eq!(bar(0.3), 0.0);
        assert_eq!(bar(0.5), 0.0);
        assert_eq!(bar(0.99), 1.0);
        assert_eq!(bar(1.0), 1.0);
        let (top, next) = (bar(0.98), bar(0.90));
        assert!(top - next > 0.3, "{top} {next}");
        assert!(bar(0.7) < bar(0.8) && bar(0.8) < bar(0.9));
    }

    #[test]
    fn html_escape_covers_markup_and_quotes() {
        assert_eq!(
            escape("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        assert!(matches!(escape("biasa saja"), Cow::Borrowed(_)));
    }
}
