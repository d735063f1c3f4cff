//! The stemmers on any lowercase string (the analyzer only hands them lowercase words, but
//! a word can hold anything a token can): no panic, and the memo agrees with the stemmer.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ringkas::stem::{Lexicon, MemoStemmer, Stemmer};

fuzz_target!(|text: &str| {
    static STEMMERS: OnceLock<[Stemmer; 2]> = OnceLock::new();
    let stemmers =
        STEMMERS.get_or_init(|| [Stemmer::indonesian(Lexicon::embedded()), Stemmer::english()]);
    let word = text.to_lowercase();
    for stemmer in stemmers {
        let stem = stemmer.stem(&word).into_owned();
        let mut memo = MemoStemmer::new(stemmer);
        assert_eq!(memo.stem(&word), stem);
        // Stemming the stem must not panic either.
        let _ = stemmer.stem(&stem);
    }
});
