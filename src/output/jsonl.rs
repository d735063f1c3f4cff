//! A record as one line of JSON, the bytes `serde_json::to_writer` gives, written by hand: a
//! batch's records are mostly strings, and serde_json looks their bytes up one at a time.
//! Numbers, ids, features and layouts still go through serde_json.

use crate::report::{ErrorRecord, Record, Report};

pub fn record(out: &mut Vec<u8>, record: &Record) -> serde_json::Result<()> {
    match record {
        Record::Report(r) => report(out, r),
        Record::Error(e) => error(out, e),
    }
}

fn report(out: &mut Vec<u8>, r: &Report) -> serde_json::Result<()> {
    open(out, r.id.as_ref(), &r.source)?;
    out.extend_from_slice(b",\"language\":");
    string(out, &r.language);
    out.extend_from_slice(b",\"title\":");
    match &r.title {
        Some(title) => string(out, title),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"keywords\":[");
    for (k, keyword) in r.keywords.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"term\":");
        string(out, &keyword.term);
        out.extend_from_slice(b",\"score\":");
        serde_json::to_writer(&mut *out, &keyword.score)?;
        out.extend_from_slice(b",\"count\":");
        serde_json::to_writer(&mut *out, &keyword.count)?;
        if !keyword.aliases.is_empty() {
            out.extend_from_slice(b",\"aliases\":[");
            for (i, alias) in keyword.aliases.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                string(out, alias);
            }
            out.push(b']');
        }
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"summary\":[");
    for (k, sentence) in r.summary.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"index\":");
        serde_json::to_writer(&mut *out, &sentence.index)?;
        out.extend_from_slice(b",\"text\":");
        string(out, &sentence.text);
        out.extend_from_slice(b",\"score\":");
        serde_json::to_writer(&mut *out, &sentence.score)?;
        if let Some(features) = &sentence.features {
            out.extend_from_slice(b",\"features\":");
            serde_json::to_writer(&mut *out, features)?;
        }
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"stats\":");
    serde_json::to_writer(&mut *out, &r.stats)?;
    if let Some(layout) = &r.layout {
        out.extend_from_slice(b",\"layout\":");
        serde_json::to_writer(&mut *out, layout)?;
    }
    out.push(b'}');
    Ok(())
}

fn error(out: &mut Vec<u8>, e: &ErrorRecord) -> serde_json::Result<()> {
    open(out, e.id.as_ref(), &e.source)?;
    out.extend_from_slice(b",\"error\":");
    string(out, &e.error);
    out.push(b'}');
    Ok(())
}

/// A record's opening, the same for reports and errors: `{`, the `id` if any, the `source`.
fn open(out: &mut Vec<u8>, id: Option<&crate::report::Id>, source: &str) -> serde_json::Result<()> {
    out.push(b'{');
    if let Some(id) = id {
        out.extend_from_slice(b"\"id\":");
        serde_json::to_writer(&mut *out, id)?;
        out.push(b',');
    }
    out.extend_from_slice(b"\"source\":");
    string(out, source);
    Ok(())
}

/// Whether any of eight bytes is below 0x20, a quote or a backslash. Exact as a whole
/// (the borrows that make the per-byte answers inexact only follow a true one).
fn needs_escape(word: u64) -> bool {
    use crate::util::bytes8::{below, equal};
    below(word, 0x20) | equal(word, b'"') | equal(word, b'\\') != 0
}

/// A JSON string escaped as serde_json escapes it: quotes, backslashes and control
/// characters only, with its short escapes and lowercase hex.
pub fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8) {
            let word = crate::util::bytes8::load(word);
            if !needs_escape(word) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\t' => b"\\t",
            b'\r' => b"\\r",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..0x20 => {
                out.extend_from_slice(&bytes[run..i]);
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
                i += 1;
                run = i;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[run..i]);
        out.extend_from_slice(escape);
        i += 1;
        run = i;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}
