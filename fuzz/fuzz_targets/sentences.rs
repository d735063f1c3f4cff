//! The sentence splitter on any UTF-8 text: no panic, and the spans keep their promise
//! (trimmed, non-empty, ordered, non-overlapping, covering every non-whitespace character).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ringkas::analysis::sentence::{SentenceSplitter, flatten};

fuzz_target!(|text: &str| {
    static SPLITTER: OnceLock<SentenceSplitter> = OnceLock::new();
    let splitter = SPLITTER.get_or_init(SentenceSplitter::new);
    let mut covered = 0;
    for span in splitter.split(text) {
        assert!(span.start >= covered && span.start < span.end && span.end <= text.len());
        let inner = span.text(text);
        assert_eq!(inner, inner.trim(), "span not trimmed");
        assert!(text[covered..span.start].trim().is_empty(), "text lost");
        assert!(!flatten(inner).is_empty());
        covered = span.end;
    }
    assert!(text[covered..].trim().is_empty(), "text lost at the end");
});
