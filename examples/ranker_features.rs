//! Dumps what the sentence ranker sees, for `scripts/fit_ranker.py` to learn from: reads
//! JSON Lines articles (field `text`, optional `id`) on stdin and writes, for each, one JSON
//! line with every candidate sentence's index, text (as a summary shows it), features (in the
//! order of the first line's `features`) and TF-IDF vector ((term, weight) pairs, for
//! simulating redundancy). Each article is scored on its own, as one document on stdin is.
//!
//!     cargo run --release --example ranker_features < ../shared/data/indosum-train.jsonl

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use ringkas::{Config, Engine, ranker};
use serde_json::{Value, json};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ranker_features: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let config = Config {
        threads: 1,
        ..Config::default()
    };
    let engine = Engine::new(&config).map_err(|e| e.to_string())?;
    let mut out = BufWriter::new(io::stdout().lock());
    let write = |out: &mut BufWriter<_>, v: &Value| -> Result<(), String> {
        writeln!(out, "{v}").map_err(|e| format!("stdout: {e}"))
    };
    write(&mut out, &json!({ "features": ranker::NAMES }))?;
    for (n, line) in io::stdin().lock().lines().enumerate() {
        let line = line.map_err(|e| format!("stdin: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let article: Value =
            serde_json::from_str(&line).map_err(|e| format!("stdin: line {}: {e}", n + 1))?;
        let text = article["text"]
            .as_str()
            .ok_or_else(|| format!("stdin: line {}: no string field `text`", n + 1))?;
        let (a, candidates) = engine.candidates_of(text);
        let sentences: Vec<Value> = candidates
            .iter()
            .map(|c| {
                json!({
                    "index": c.index,
                    "score": c.score,
                    "text": a.summary_text(c.index),
                    "features": c.features.0,
                    "vector": c.vector.entries(),
                })
            })
            .collect();
        write(
            &mut out,
            &json!({ "id": article["id"], "sentences": sentences }),
        )?;
    }
    out.flush().map_err(|e| format!("stdout: {e}"))
}
