//! Lays the embedded lexicon out as a read-only hash table at compile time (see
//! `src/stem/lexicon_format.rs`), so that a run does not parse and hash 30,000 lines at start-up.

use std::collections::BTreeMap;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/util/hash.rs"]
mod hash;

#[allow(dead_code)]
#[path = "src/stem/lexicon_format.rs"]
mod lexicon_format;

/// `lexicon_format` names the hasher by its path in the library.
mod util {
    pub(crate) use super::hash;
}

use lexicon_format::{PREFERRED, Table, entries, preferred};

fn main() {
    let read = |path: &str| {
        println!("cargo::rerun-if-changed={path}");
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
    };
    for source in ["src/util/hash.rs", "src/stem/lexicon_format.rs"] {
        println!("cargo::rerun-if-changed={source}");
    }
    // Sorted, so the table is the same on every build.
    let mut words: BTreeMap<String, u32> = BTreeMap::new();
    for path in ["data/lexicon-id.txt", "data/lexicon-supplement-id.txt"] {
        for (word, bits) in entries(&read(path)) {
            *words.entry(word.to_lowercase()).or_default() |= bits;
        }
    }
    for word in preferred(&read("data/homographs-id.txt")) {
        if let Some(bits) = words.get_mut(word) {
            *bits |= PREFERRED;
        }
    }
    let words: Vec<(String, u32)> = words.into_iter().collect();
    let (slots, blob) = Table::build(&words);
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    for (name, bytes) in [("lexicon.slots", slots), ("lexicon.words", blob)] {
        std::fs::write(out.join(name), bytes).expect("OUT_DIR is writable");
    }
}
