//! The tokenizer on any UTF-8 text: no panic; tokens are non-empty, ordered, on char
//! boundaries, and never start with whitespace.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ringkas::analysis::token::tokenize;

fuzz_target!(|text: &str| {
    let mut tokens = Vec::new();
    tokenize(text, &mut tokens);
    let mut last = 0;
    for t in &tokens {
        assert!(t.start >= last && t.start < t.end && t.end <= text.len());
        let word = &text[t.start..t.end]; // panics off a char boundary
        assert!(!word.starts_with(char::is_whitespace));
        last = t.end;
    }
});
