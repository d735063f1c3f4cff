//! Writing the topics of a corpus (`ringkas topics`): text for people, JSON and JSON Lines for
//! programs (the records of [`crate::topics::model`]: the clustering, then one per topic with its
//! `documents`, then one per document with its `topic`), and an HTML page.

use std::io::{self, Write};

use serde::Serialize;

use crate::config::Format;
use crate::output::html::escape;
use crate::topics::model::{ClusteringRecord, Member, TopicRecord, Topics};

/// Documents listed under each topic in text and HTML.
const LISTED: usize = 5;

/// Writes the whole result in `format`.
pub fn write_topics<W: Write>(out: &mut W, topics: &Topics, format: Format) -> io::Result<()> {
    match format {
        Format::Jsonl => for_each_record(topics, |record| {
            serde_json::to_writer(&mut *out, record)?;
            out.write_all(b"\n")
        }),
        Format::Json => {
            let mut first = true;
            for_each_record(topics, |record| {
                out.write_all(if first { b"[\n" } else { b",\n" })?;
                first = false;
                serde_json::to_writer_pretty(&mut *out, record).map_err(io::Error::from)
            })?;
            out.write_all(b"\n]\n")
        }
        Format::Text => write_text(out, topics),
        Format::Html => write_html(out, topics),
    }
}

/// Something serialisable: one record of the output.
enum Any<'a> {
    Clustering(ClusteringRecord),
    Topic(&'a TopicRecord),
    Document(&'a crate::topics::model::DocumentRecord),
}

impl Serialize for Any<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Any::Clustering(c) => c.serialize(s),
            Any::Topic(t) => t.serialize(s),
            Any::Document(d) => d.serialize(s),
        }
    }
}

fn for_each_record(
    topics: &Topics,
    mut write: impl FnMut(&Any<'_>) -> io::Result<()>,
) -> io::Result<()> {
    write(&Any::Clustering(ClusteringRecord {
        clustering: topics.clustering.clone(),
    }))?;
    for t in &topics.topics {
        write(&Any::Topic(t))?;
    }
    for d in &topics.documents {
        write(&Any::Document(d))?;
    }
    Ok(())
}

fn name(m: &Member) -> String {
    match &m.id {
        Some(id) => id.as_string().unwrap_or_else(|| id.to_string()),
        None => m.source.clone(),
    }
}

fn write_text<W: Write>(out: &mut W, topics: &Topics) -> io::Result<()> {
    let c = &topics.clustering;
    let how = if c.chosen_by == "given" {
        "as asked".to_string()
    } else {
        "similar topics merged".to_string()
    };
    writeln!(
        out,
        "{} topics ({how}) in {} documents; {} in \"other\" (membership below {})",
        c.topics, c.documents, c.other, c.other_below
    )?;
    for t in &topics.topics {
        writeln!(out)?;
        if t.topic == 0 {
            writeln!(out, "Other: {} documents that fit no topic", t.size)?;
        } else {
            writeln!(out, "Topic {}: {} ({} documents)", t.topic, t.label, t.size)?;
            let terms: Vec<String> = t
                .terms
                .iter()
                .map(|w| format!("{} {:.3}", w.term, w.weight))
                .collect();
            writeln!(out, "  terms: {}", terms.join(", "))?;
            if !t.summary.is_empty() {
                writeln!(out, "  summary: {}", t.summary)?;
            }
        }
        let listed: Vec<String> = t
            .documents
            .iter()
            .take(LISTED)
            .map(|m| format!("{} ({:.2})", name(m), m.score))
            .collect();
        let more = t.documents.len().saturating_sub(LISTED);
        if more > 0 {
            writeln!(out, "  documents: {}, and {more} more", listed.join(", "))?;
        } else {
            writeln!(out, "  documents: {}", listed.join(", "))?;
        }
    }
    Ok(())
}

fn write_html<W: Write>(out: &mut W, topics: &Topics) -> io::Result<()> {
    let c = &topics.clustering;
    let title = format!("ringkas: {} topics in {} documents", c.topics, c.documents);
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{t}</title>\n<style>{style}</style>\n</head>\n<body>\n<main>\n\
         <header><h1>{t}</h1><p class=\"meta\">ringkas {v}: topics; {o} documents in \
         &ldquo;other&rdquo; (membership below {b})</p></header>\n",
        t = escape(&title),
        style = crate::output::html::STYLE,
        v = env!("CARGO_PKG_VERSION"),
        o = c.other,
        b = c.other_below,
    )?;
    write_html_section(out, topics)?;
    out.write_all(b"</main>\n</body>\n</html>\n")
}

/// The topics section of a page: a table of the topics, then one section per topic.
pub fn write_html_section<W: Write>(out: &mut W, topics: &Topics) -> io::Result<()> {
    out.write_all(
        b"<section id=\"topics\"><h2>Topics</h2>\n<table>\n<thead><tr><th>#</th><th>Label</th>\
          <th>Size</th><th>Top terms</th></tr></thead>\n<tbody>\n",
    )?;
    for t in &topics.topics {
        let terms: Vec<&str> = t
            .terms
            .iter()
            .take(LISTED)
            .map(|w| w.term.as_str())
            .collect();
        writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td><a href=\"#topic-{}\">{}</a></td>\
             <td class=\"num\">{}</td><td>{}</td></tr>",
            t.topic,
            t.topic,
            escape(&t.label),
            t.size,
            escape(&terms.join(", "))
        )?;
    }
    out.write_all(b"</tbody>\n</table>\n</section>\n")?;
    for t in &topics.topics {
        writeln!(
            out,
            "<section id=\"topic-{}\"><h2>{}</h2><p class=\"meta\">{} documents</p>",
            t.topic,
            escape(&if t.topic == 0 {
                "Other".to_string()
            } else {
                format!("Topic {}: {}", t.topic, t.label)
            }),
            t.size
        )?;
        if !t.terms.is_empty() {
            out.write_all(b"<h3>Terms</h3>\n<ol class=\"kw\">\n")?;
            let top = t
                .terms
                .first()
                .map_or(1.0, |w| w.weight)
                .max(f64::MIN_POSITIVE);
            for w in &t.terms {
                writeln!(
                    out,
                    "<li><span>{}</span><span class=\"bar\"><span style=\"width:{:.0}%\"></span></span>\
                     <span class=\"num\">{:.3}</span></li>",
                    escape(&w.term),
                    100.0 * w.weight / top,
                    w.weight
                )?;
            }
            out.write_all(b"</ol>\n")?;
        }
        if !t.summary.is_empty() {
            writeln!(out, "<h3>Summary</h3>\n<p>{}</p>", escape(&t.summary))?;
        }
        out.write_all(b"<h3>Documents</h3>\n<ol class=\"summary\">\n")?;
        for m in &t.documents {
            writeln!(
                out,
                "<li>{} <span class=\"num\">{:.3}</span></li>",
                escape(&name(m)),
                m.score
            )?;
        }
        out.write_all(b"</ol>\n</section>\n")?;
    }
    Ok(())
}
