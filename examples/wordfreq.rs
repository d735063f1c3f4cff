//! The floor `scripts/bench.sh` measures ringkas against: a minimal word-frequency pass that
//! reads the same documents (a folder's `*.txt`/`*.md` files, sorted, or the `text` field of
//! each line of a `.jsonl` file), lowercases every alphanumeric word and counts it. It is what a
//! data engineer would write in ten minutes; ringkas does far more per word, so the ratio of the
//! two, measured in one invocation, is what says whether ringkas is near the floor.
//!
//! `cargo run --release --example wordfreq -- PATH...` prints documents, bytes, distinct words.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("a readable folder")
        .map(|e| e.expect("a readable entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
        {
            out.push(path);
        }
    }
}

fn count(text: &str, counts: &mut HashMap<String, u64>) {
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if !word.is_empty() {
            *counts.entry(word.to_lowercase()).or_insert(0) += 1;
        }
    }
}

fn main() {
    let mut counts: HashMap<String, u64> = HashMap::new();
    let (mut documents, mut bytes) = (0u64, 0u64);
    for arg in std::env::args_os().skip(1) {
        let path = PathBuf::from(arg);
        if path.is_dir() {
            let mut list = Vec::new();
            files(&path, &mut list);
            for file in list {
                let text = fs::read_to_string(&file).expect("UTF-8 text");
                bytes += text.len() as u64;
                documents += 1;
                count(&text, &mut counts);
            }
        } else if path.extension().is_some_and(|e| e == "jsonl") {
            let reader = BufReader::new(fs::File::open(&path).expect("a readable file"));
            for line in reader.lines() {
                let line = line.expect("a readable line");
                bytes += line.len() as u64 + 1;
                let value: serde_json::Value = serde_json::from_str(&line).expect("a JSON line");
                documents += 1;
                count(value["text"].as_str().unwrap_or(""), &mut counts);
            }
        } else {
            let text = fs::read_to_string(&path).expect("UTF-8 text");
            bytes += text.len() as u64;
            documents += 1;
            count(&text, &mut counts);
        }
    }
    println!(
        "{documents} documents, {bytes} bytes, {} distinct words",
        counts.len()
    );
}
