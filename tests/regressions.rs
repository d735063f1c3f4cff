//! Inputs that once crashed or hung ringkas, found by fuzzing (`fuzz/`) and by the
//! large-input measurements (`scripts/large-inputs.sh`), run through the library and the
//! binary. Each stays here so the fix stays.

mod common;

use common::{NEWS, report, ringkas};
use ringkas::analysis::sentence::SentenceSplitter;
use ringkas::analysis::token::tokenize;
use ringkas::{Config, Engine, Record, SummaryLength};

/// Runs `text` through the library (one report) and the binary (JSON, exit 0).
fn survives(config: &Config, args: &[&str], text: &str) -> ringkas::Report {
    let library = Engine::new(config).unwrap().report("-", text);
    let out = ringkas(None)
        .args(["-f", "json"])
        .args(args)
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let record: Record = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report(&record).keywords, library.keywords);
    assert_eq!(report(&record).summary, library.summary);
    library
}

/// `-k 18446744073709551615` reserved room for that many keywords up front: "capacity
/// overflow" panic in a worker thread, exit 101.
#[test]
fn regression_absurd_keyword_count_does_not_preallocate() {
    let config = Config {
        keywords: usize::MAX,
        length: SummaryLength::Sentences(usize::MAX),
        ..Config::default()
    };
    let max = usize::MAX.to_string();
    let r = survives(&config, &["-k", &max, "-n", &max], NEWS);
    assert!(r.keywords.len() > 10);
    assert_eq!(r.summary.len(), 5);
}

/// A long run without whitespace, where every token made the tokenizer rescan the rest of
/// the run: quadratic (500 kB of "kata," took a minute). Half a megabyte of each shape must
/// take well under a second in a release build; here it only has to finish.
#[test]
fn regression_long_runs_without_spaces_tokenize_in_linear_time() {
    for unit in ["kata,", "a.a@", "a-", "x.co/", "1.2,", "a@b."] {
        let text = unit.repeat(500_000 / unit.len());
        let mut tokens = Vec::new();
        tokenize(&text, &mut tokens);
        assert!(!tokens.is_empty(), "{unit}");
        let spans = SentenceSplitter::new().split(&text);
        assert!(!spans.is_empty(), "{unit}");
    }
    let text = "beras,".repeat(200_000);
    let r = survives(&Config::default(), &[], &text);
    assert_eq!(r.keywords[0].term, "beras");
    assert_eq!(r.keywords[0].count, 200_000);
}

/// A name written in tens of thousands of spellings ("BeKaSi", "BEkAsI", ...): picking the
/// most frequent spelling searched the spellings seen so far linearly, quadratic in them.
#[test]
fn regression_many_spellings_of_one_word_are_counted_in_linear_time() {
    let word = "bekasijakartaraya";
    let text: String = (0..20_000u32)
        .map(|i| {
            let spelling: String = word
                .chars()
                .enumerate()
                .map(|(k, c)| {
                    if k == 0 || i >> (k - 1) & 1 == 1 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect();
            format!("warga {spelling} senang. ")
        })
        .collect();
    let r = survives(&Config::default(), &[], &text);
    assert_eq!(r.keywords[0].count, 20_000);
    // Every spelling occurs once: the first one seen wins the tie.
    assert!(
        r.keywords[0].term.contains("Bekasijakartaraya"),
        "{:?}",
        r.keywords[0]
    );
}
