//! `ringkas stem --explain`: each word's analysis on stdout, as text or JSON.

use std::io::{self, BufRead, BufWriter, Write};

use ringkas::Engine;
use ringkas::config::Format;
use ringkas::stem::explain::Explanation;

use crate::app::{Failure, Status};

/// Explains each word given, or each line of stdin: one line each as text, one object each
/// as JSON Lines, a pretty array as JSON.
pub fn explain(engine: &Engine, words: &[String], format: Format) -> Result<Status, Failure> {
    let stemmer = engine.analyzer().stemmer();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut all: Vec<Explanation> = Vec::new();
    let mut one = |word: &str, out: &mut BufWriter<io::StdoutLock<'_>>| -> io::Result<()> {
        let word = word.trim().to_lowercase();
        if word.is_empty() {
            return Ok(());
        }
        let explanation = stemmer.explain(&word);
        match format {
            Format::Json => all.push(explanation),
            Format::Jsonl => writeln!(out, "{}", to_json(&explanation, false))?,
            _ => writeln!(out, "{}", explanation.to_line())?,
        }
        Ok(())
    };
    if words.is_empty() {
        for line in io::stdin().lock().split(b'\n') {
            let line = line.map_err(|e| Failure::Fatal(format!("-: cannot read stdin: {e}")))?;
            one(&String::from_utf8_lossy(&line), &mut out)?;
        }
    } else {
        for word in words {
            one(word, &mut out)?;
        }
    }
    if matches!(format, Format::Json) {
        writeln!(out, "{}", to_json(&all, true))?;
    }
    out.flush()?;
    Ok(Status::Ok)
}

fn to_json<T: serde::Serialize + ?Sized>(value: &T, pretty: bool) -> String {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    text.expect("explanations are plain strings and lists: always serialisable")
}
