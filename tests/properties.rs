//! Properties of the whole analysis that must hold for any text, checked with proptest.
//!
//! Case counts are kept small (CI has two cores) and the cases come from a fixed seed, so a
//! run is repeatable; `PROPTEST_CASES=10000 PROPTEST_RNG_SEED=7 cargo test --test properties`
//! runs them harder, elsewhere.

use std::sync::{Arc, OnceLock};

use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use ringkas::analysis::analyzer::Analyzer;
use ringkas::analysis::normalize::normalize;
use ringkas::analysis::sentence::{SentenceSplitter, flatten};
use ringkas::analysis::stopwords::Stopwords;
use ringkas::input::Input;
use ringkas::score::TermVector;
use ringkas::stem::{Lexicon, Stemmer};
use ringkas::summary::{Candidate, Features, select};
use ringkas::{Config, Engine, Language, Record, SummaryLength};

/// proptest's settings for `cases` cases: `PROPTEST_CASES` and `PROPTEST_RNG_SEED` override the
/// count and the fixed seed.
fn config(cases: u32) -> ProptestConfig {
    let from_env = ProptestConfig::default();
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        rng_seed: if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
            from_env.rng_seed
        } else {
            RngSeed::Fixed(20_261_206)
        },
        ..from_env
    }
}

/// Pieces of Indonesian news text, and the things that trip splitters and tokenizers.
const PIECES: &[&str] = &[
    "Harga",
    "harga",
    "beras",
    "naik",
    "di",
    "skusi",
    "Jakarta",
    "Bekasi",
    "bekasi",
    "pemerintah",
    "Pemerintah",
    "menaikkan",
    "membacakan",
    "negara-negara",
    "NATO",
    "KOMPAS.com",
    "Dr.",
    "A.H.",
    "dll.",
    "1.000.000,50",
    "Rp1,2",
    "09.30",
    "ke-21",
    "redaksi@kompas.com",
    "https://bps.go.id",
    "#pemilu",
    "@jokowi",
    "warga",
    "mengeluhkan",
    "yang",
    "dan",
    "itu",
    "Σίσυφος",
    "ΟΔΟΣ",
    "İstanbul",
    "ß",
    "é",
    "\u{301}",
    "\u{200b}",
    "\u{feff}",
    "\u{a0}",
    "—",
    "…",
    ".",
    ".",
    ".",
    "!",
    "?",
    ",",
    ";",
    ":",
    "\"",
    "'",
    "“",
    "”",
    "(",
    ")",
    "[",
    "]",
    "-",
    "- ",
    "1.",
    "•",
    "#",
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "  ",
];

/// Text that looks like news often enough to produce sentences, keywords and summaries.
fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|pieces| {
        let mut text = String::new();
        for (k, piece) in pieces.iter().enumerate() {
            // Mostly space-separated, sometimes glued ("kemarin.Presiden", "di(skusi").
            if k > 0 && k % 7 != 3 {
                text.push(' ');
            }
            text.push_str(piece);
        }
        text
    })
}

/// Any UTF-8 text: mostly news-like, sometimes arbitrary characters.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![4 => newsy(), 1 => any::<String>()]
}

fn engine(keywords: usize, sentences: usize, threads: usize) -> Engine {
    Engine::new(&Config {
        keywords,
        length: SummaryLength::Sentences(sentences),
        threads,
        ..Config::default()
    })
    .expect("the embedded lists load")
}

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| {
        Analyzer::new(
            Language::Indonesian,
            Stopwords::embedded(Language::Indonesian),
            Stemmer::indonesian(Lexicon::embedded()),
        )
    })
}

fn splitter() -> &'static SentenceSplitter {
    static SPLITTER: OnceLock<SentenceSplitter> = OnceLock::new();
    SPLITTER.get_or_init(SentenceSplitter::new)
}

/// Lowercase without context and without whitespace, so that a keyword (a surface form,
/// perhaps lowercased, perhaps rejoined from "di skusi") can be found in the text it came
/// from. Final sigma is folded because `str::to_lowercase` picks it by context.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ς' { 'σ' } else { c })
        .collect()
}

proptest! {
    #![proptest_config(config(64))]

    /// Summary sentences are sentences of the (normalised) input, in document order, at most
    /// the number asked for. A news dateline ("Jakarta, KOMPAS.com - ") is left out of the
    /// summary text, so the text may be the end of its sentence rather than all of it.
    #[test]
    fn summary_sentences_come_from_the_input_in_order(
        text in any_text(),
        n in 0usize..6,
    ) {
        let report = engine(10, n, 1).report("-", &text);
        let normal = normalize(&text);
        // The units after the structure pass, which may split a site name and a headline
        // off the first sentence.
        let spans = analyzer().sentence_roles(&normal);
        prop_assert!(report.summary.len() <= n);
        prop_assert_eq!(report.stats.sentences, spans.len());
        prop_assert!(report.summary.windows(2).all(|w| w[0].index < w[1].index));
        for s in &report.summary {
            let (span, _) = spans.get(s.index).expect("index is a sentence of the input");
            let sentence = flatten(&normal[span.clone()]);
            prop_assert!(
                !s.text.is_empty() && sentence.ends_with(s.text.as_str()),
                "{:?} is not (the end of) sentence {}: {:?}", s.text, s.index, sentence
            );
            if s.text.len() < sentence.len() {
                prop_assert_eq!(s.index, report.summary[0].index, "only a first sentence has a dateline");
            }
        }
    }

    /// Keywords are unique, at most k, and each occurs in the text (case-insensitively,
    /// modulo whitespace, which also covers "di skusi" rejoined into "diskusi").
    #[test]
    fn keywords_are_unique_at_most_k_and_occur_in_the_text(
        text in any_text(),
        k in 0usize..15,
    ) {
        let report = engine(k, 3, 1).report("-", &text);
        prop_assert!(report.keywords.len() <= k);
        let mut terms: Vec<&str> = report.keywords.iter().map(|k| k.term.as_str()).collect();
        terms.sort_unstable();
        terms.dedup();
        prop_assert_eq!(terms.len(), report.keywords.len(), "{:?}", report.keywords);
        let haystack = fold(&normalize(&text));
        for keyword in &report.keywords {
            prop_assert!(!keyword.term.is_empty());
            prop_assert!(
                haystack.contains(&fold(&keyword.term)),
                "keyword {:?} not in the text", keyword.term
            );
            prop_assert!(keyword.count >= 1);
        }
    }

    /// The ranking does not depend on how many keywords are asked for: `-k n` is the start
    /// of `-k m` for any `m > n`.
    #[test]
    fn keywords_of_k_are_the_start_of_more(
        text in newsy(),
        n in 1usize..14,
        more in 1usize..20,
    ) {
        let m = n + more;
        let few = engine(n, 3, 1).report("-", &text).keywords;
        let many = engine(m, 3, 1).report("-", &text).keywords;
        prop_assert_eq!(&few[..], &many[..few.len().min(many.len())]);
        prop_assert_eq!(few.len(), n.min(many.len()));
    }

    /// Sentence spans are trimmed, non-empty, ordered, non-overlapping, on char boundaries,
    /// and together hold every non-whitespace character of the text.
    #[test]
    fn sentence_spans_cover_the_text_in_order(text in any_text()) {
        let mut covered = 0;
        for span in splitter().split(&text) {
            prop_assert!(span.start >= covered && span.start < span.end);
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            let inner = span.text(&text);
            prop_assert_eq!(inner, inner.trim());
            prop_assert!(text[covered..span.start].trim().is_empty(), "text lost before {:?}", span);
            covered = span.end;
        }
        prop_assert!(text[covered..].trim().is_empty(), "text lost at the end");
    }

    /// One thread or two: byte-identical records, for one document (sentences scored in
    /// parallel once there are enough) and for a batch (documents in parallel).
    #[test]
    fn threads_do_not_change_the_output(
        docs in prop::collection::vec(any_text(), 1..5),
        repeat in 1usize..40,
    ) {
        let long = docs.join("\n\n").repeat(repeat);
        let (one, two) = (engine(10, 3, 1), engine(10, 3, 2));
        prop_assert_eq!(
            serde_json::to_string(&one.report("-", &long)).unwrap(),
            serde_json::to_string(&two.report("-", &long)).unwrap()
        );
        let inputs: Vec<Input> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| Input::Memory { name: format!("d{i}"), bytes: Arc::from(d.as_bytes()) })
            .collect();
        let run = |engine: &Engine| {
            let mut out = Vec::new();
            engine
                .run(&inputs, &mut |r: Record| {
                    out.push(serde_json::to_string(&r).unwrap());
                    Ok(())
                })
                .unwrap();
            out
        };
        prop_assert_eq!(run(&one), run(&two));
    }
}

/// Lowercase words made of lexicon roots with Indonesian affixes and clitics, plus
/// reduplications and made-up words the lexicon cannot explain.
fn affixed_word() -> impl Strategy<Value = String> {
    const PREFIXES: &[&str] = &[
        "", "me", "mem", "men", "meng", "meny", "ber", "di", "ter", "pe", "pem", "pen", "peng",
        "per", "ke", "se", "memper", "diper", "ku", "kau",
    ];
    const SUFFIXES: &[&str] = &[
        "", "kan", "an", "i", "nya", "lah", "kah", "ku", "mu", "pun", "kannya", "annya", "nyalah",
    ];
    const ROOTS: &[&str] = &[
        "baca", "ajar", "ekonomi", "main", "sapu", "tulis", "kupas", "terang", "masuk", "dua",
        "negara", "rata", "lembut", "nuklir", "pukul", "hajar", "tani", "harga", "beras", "naik",
    ];
    prop_oneof![
        (
            prop::sample::select(PREFIXES),
            prop::sample::select(ROOTS),
            prop::sample::select(SUFFIXES)
        )
            .prop_map(|(p, r, s)| format!("{p}{r}{s}")),
        (prop::sample::select(ROOTS), prop::sample::select(SUFFIXES))
            .prop_map(|(r, s)| format!("{r}-{r}{s}")),
        (
            "[a-z]{1,10}",
            prop::sample::select(SUFFIXES),
            prop::sample::select(SUFFIXES)
        )
            .prop_map(|(w, s, t)| format!("{w}{s}{t}")),
    ]
}

proptest! {
    #![proptest_config(config(512))]

    /// Stemming is idempotent where the rules say so: a stem that is a lexicon root (what
    /// confix stripping and the reduplication rules return) is its own stem.
    ///
    /// Where it is not: words the lexicon cannot explain go to the fallback, which strips at
    /// most one particle and then one possessive per call, so a word with stacked clitics or a
    /// clitic-like ending loses one more on a second pass ("xkumu" -> "xku" -> "x",
    /// "mejatahkah" -> "mejatah" -> "meja"). The fallback only ever cuts the end of a word, so
    /// its output is a prefix of the word and stemming it again only cuts further. The
    /// analyzer stems each surface word exactly once, so keys are not affected.
    #[test]
    fn stem_is_idempotent_on_lexicon_roots(word in affixed_word()) {
        static STEMMER: OnceLock<Stemmer> = OnceLock::new();
        let stemmer = STEMMER.get_or_init(|| Stemmer::indonesian(Lexicon::embedded()));
        let lexicon = Lexicon::embedded();
        let stem = stemmer.stem(&word).into_owned();
        let again = stemmer.stem(&stem).into_owned();
        if lexicon.contains(&stem) || stem == word {
            prop_assert_eq!(&again, &stem, "{} -> {} -> {}", word, stem, again);
        } else {
            prop_assert!(word.starts_with(&stem), "{} -> {}: not a prefix", word, stem);
            prop_assert!(stem.starts_with(&again), "{} -> {} -> {}", word, stem, again);
        }
    }
}

/// Sparse vectors over a small vocabulary, so they share terms often.
fn term_vector() -> impl Strategy<Value = TermVector> {
    prop::collection::vec((0u32..60, 0.0f64..5.0), 0..40).prop_map(TermVector::from_weights)
}

/// The summary selection as first written: every candidate compared with every chosen one.
fn select_exhaustive(candidates: &[Candidate], n: usize, redundancy: f64) -> Vec<usize> {
    let mut order: Vec<&Candidate> = candidates.iter().collect();
    order.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.index.cmp(&y.index)));
    let mut chosen: Vec<&Candidate> = Vec::new();
    for c in &order {
        if chosen.len() == n {
            break;
        }
        if chosen
            .iter()
            .all(|s| s.vector.cosine(&c.vector) <= redundancy)
        {
            chosen.push(c);
        }
    }
    for c in &order {
        if chosen.len() == n {
            break;
        }
        if !chosen.iter().any(|s| s.index == c.index) {
            chosen.push(c);
        }
    }
    let mut picked: Vec<usize> = chosen.iter().map(|c| c.index).collect();
    picked.sort_unstable();
    picked
}

proptest! {
    #![proptest_config(config(256))]

    /// The dot product, whichever way it is computed, is the same sum of the same products
    /// in term order: bit for bit.
    #[test]
    fn score_dot_is_exact_whatever_the_sizes(a in term_vector(), b in term_vector()) {
        let reference = a.entries().iter().fold(0.0, |sum, &(id, w)| {
            match b.entries().iter().find(|&&(k, _)| k == id) {
                Some(&(_, v)) => sum + w * v,
                None => sum,
            }
        });
        prop_assert_eq!(a.dot(&b).to_bits(), reference.to_bits());
        prop_assert_eq!(b.dot(&a).to_bits(), reference.to_bits());
    }

    /// The indexed summary selection picks what comparing with every chosen sentence picks.
    #[test]
    fn summary_select_matches_exhaustive_comparison(
        vectors in prop::collection::vec(term_vector(), 0..40),
        scores in prop::collection::vec(0.0f64..1.0, 40),
        n in 0usize..45,
        redundancy in prop_oneof![Just(0.6), Just(0.0), Just(-0.1), 0.0f64..1.0],
    ) {
        let candidates: Vec<Candidate> = vectors
            .into_iter()
            .enumerate()
            .map(|(index, vector)| Candidate {
                index,
                features: Features::default(),
                // Coarse scores, so ties (broken by position) happen.
                score: (scores[index] * 4.0).round(),
                vector,
            })
            .collect();
        let picked: Vec<usize> = select(&candidates, n, redundancy).iter().map(|c| c.index).collect();
        prop_assert_eq!(picked, select_exhaustive(&candidates, n, redundancy));
    }
}
