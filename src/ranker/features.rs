//! The learned sentence ranker's evidence: what the model sees of each candidate sentence.
//!
//! Every feature is computed here and only here; `scripts/fit_ranker.py` learns from the same
//! values, dumped by `examples/ranker_features.rs` through the pipeline itself, so training
//! and inference cannot drift apart. The features are about the language and the shape of
//! news (position in the body and in paragraphs, similarity to the document, length, quotes,
//! questions, numbers, names, keyword salience), never about one site's dateline or house
//! style. They are the ones that earned their cost: reporting verbs, opening connectives and
//! pronouns, similarity to the lead and to the neighbours, ranks and a few more were tried
//! and dropped, as they moved the cross-validated ROUGE by less than its noise (the figures
//! are in the commit that dropped them). Each is read from what scoring has at hand already
//! (the sentence's terms, its TF-IDF vector), without allocating. The model that weighs them
//! is in [`gbdt`](super::gbdt).

use crate::analysis::analyzer::Analysis;
use crate::score::TermVector;
use crate::summary::{Candidate, SentenceTerms};

/// The features' names, in the order the model indexes them (the model file lists the same).
pub const NAMES: [&str; COUNT] = [
    "position",
    "body_position",
    "relative_position",
    "paragraph",
    "centrality",
    "centrality_ratio",
    "salience_ratio",
    "words",
    "quote",
    "question",
    "numbers",
    "names",
];

/// How many features a sentence has.
pub const COUNT: usize = 12;

/// Indices of the features by name (a unit test checks them against [`NAMES`]).
const POSITION: usize = 0;
const BODY_POSITION: usize = 1;
const RELATIVE_POSITION: usize = 2;
const PARAGRAPH: usize = 3;
const CENTRALITY: usize = 4;
const CENTRALITY_RATIO: usize = 5;
const SALIENCE_RATIO: usize = 6;
const WORDS: usize = 7;
const QUOTE: usize = 8;
const QUESTION: usize = 9;
const NUMBERS: usize = 10;
const NAMES_: usize = 11;

/// What the model saw of a sentence (shown with `--explain`, by name):
///
/// - `position`: 1 / (1 + position among the body sentences); `body_position`: that
///   position, from 0; `relative_position`: it over the number of body sentences;
/// - `paragraph`: the paragraph the sentence is in, from 0;
/// - `centrality`: cosine to the document's TF-IDF vector; `centrality_ratio`: it over the
///   best candidate's;
/// - `salience_ratio`: the mean keyword probability of its content words over the best
///   candidate's;
/// - `words`: word-like tokens; `numbers` and `names`: how many of them are numbers and names;
/// - `quote`, `question`: 1 when it quotes someone, when it asks (0 otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Features(pub [f64; COUNT]);

impl Features {
    /// The value of the feature called `name`, if there is one.
    pub fn get(&self, name: &str) -> Option<f64> {
        NAMES.iter().position(|n| *n == name).map(|i| self.0[i])
    }
}

impl serde::Serialize for Features {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(COUNT))?;
        for (name, value) in NAMES.iter().zip(self.0) {
            map.serialize_entry(name, &value)?;
        }
        map.end()
    }
}

impl<'de> serde::Deserialize<'de> for Features {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = std::collections::BTreeMap::<String, f64>::deserialize(d)?;
        let mut f = Features::default();
        for (name, value) in map {
            match NAMES.iter().position(|n| *n == name) {
                Some(i) => f.0[i] = value,
                None => return Err(serde::de::Error::unknown_field(&name, &NAMES)),
            }
        }
        Ok(f)
    }
}

/// What every sentence of one document is measured against, built once per document.
#[derive(Debug)]
pub struct Context<'v> {
    document: &'v TermVector,
    /// Body sentences (not headings) in the document.
    body: usize,
    /// By sentence: its paragraph, counted from 0.
    paragraphs: Vec<u32>,
}

impl<'v> Context<'v> {
    /// For the sentences of `a`, with the document's TF-IDF vector.
    pub fn new(a: &Analysis, document: &'v TermVector) -> Self {
        // Paragraphs are counted from the first body sentence: a title, heading or boilerplate
        // line above the article does not shift its first paragraph.
        let mut paragraph = 0u32;
        let mut body_seen = false;
        let paragraphs = a
            .sentences
            .iter()
            .map(|s| {
                paragraph += u32::from(s.paragraph_start && body_seen);
                body_seen |= s.is_body();
                paragraph
            })
            .collect();
        Context {
            document,
            body: a.sentences.iter().filter(|s| s.is_body()).count(),
            paragraphs,
        }
    }
}

/// Whether `text` quotes someone: straight or curly double quotes.
fn quotes(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Curly quotes are U+201C and U+201D, E2 80 9C / 9D in UTF-8: one scan finds the straight
    // quote or the lead byte they share with dashes and apostrophes, and the two bytes after
    // an E2 tell which it is.
    memchr::memchr2_iter(b'"', 0xE2, bytes).any(|at| {
        bytes[at] == b'"' || matches!(bytes.get(at + 1..at + 3), Some([0x80, 0x9C | 0x9D]))
    })
}

/// The features of candidate `i` at body position `pos`, given its terms and the document's
/// `context`. The ratios to the best candidate are set by [`relate`].
pub fn features(
    a: &Analysis,
    i: usize,
    pos: usize,
    terms: &SentenceTerms,
    context: &Context<'_>,
) -> Features {
    let s = &a.sentences[i];
    let text = &a.text[s.start..s.end];
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let mut f = [0.0; COUNT];
    f[POSITION] = 1.0 / (1.0 + pos as f64);
    f[BODY_POSITION] = pos as f64;
    f[RELATIVE_POSITION] = pos as f64 / context.body.max(1) as f64;
    f[PARAGRAPH] = f64::from(context.paragraphs[i]);
    f[CENTRALITY] = terms.vector.cosine(context.document);
    // The sentence's own salience until `relate` knows the best.
    f[SALIENCE_RATIO] = terms.probability / terms.content.max(1) as f64;
    f[WORDS] = s.terms.len() as f64;
    f[QUOTE] = flag(quotes(text));
    f[QUESTION] = flag(text.trim_end_matches(['"', '\'', ')']).ends_with('?'));
    f[NUMBERS] = terms.numbers as f64;
    f[NAMES_] = terms.names as f64;
    Features(f)
}

/// Sets the features that compare a candidate with the others of its document: its
/// centrality and salience over the best candidate's. `candidates` are in document order.
pub fn relate(candidates: &mut [Candidate]) {
    let best = |k: usize| {
        candidates
            .iter()
            .map(|c| c.features.0[k])
            .fold(0.0f64, f64::max)
    };
    let (centrality, salience) = (best(CENTRALITY), best(SALIENCE_RATIO));
    let ratio = |x: f64, best: f64| if best > 0.0 { x / best } else { 0.0 };
    for c in candidates {
        let f = &mut c.features.0;
        f[CENTRALITY_RATIO] = ratio(f[CENTRALITY], centrality);
        f[SALIENCE_RATIO] = ratio(f[SALIENCE_RATIO], salience);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyzer::Analyzer;
    use crate::keywords;
    use crate::score::sentence_idf;

    /// Every sentence of `text` as a candidate, with its features (related to the others).
    fn candidates(text: &str) -> Vec<Candidate> {
        let analyzer = Analyzer::indonesian();
        let mut memo = analyzer.memo();
        let a = analyzer.analyze(text, &mut memo);
        let idf = sentence_idf(&a);
        let scores = keywords::term_scores(&a, None);
        let document = TermVector::from_counts(&scores.tf, &idf);
        let context = Context::new(&a, &document);
        let mut candidates: Vec<Candidate> = (0..a.sentences.len())
            .map(|i| {
                let terms = SentenceTerms::new(&a, i, &idf, &scores.probability);
                Candidate {
                    index: i,
                    score: 0.0,
                    features: features(&a, i, i, &terms, &context),
                    vector: terms.vector,
                }
            })
            .collect();
        relate(&mut candidates);
        candidates
    }

    fn value(c: &Candidate, name: &str) -> f64 {
        c.features.get(name).expect("a feature of that name")
    }

    #[test]
    fn ranker_names_match_the_indices() {
        let distinct: std::collections::BTreeSet<_> = NAMES.iter().collect();
        assert_eq!(distinct.len(), COUNT);
        let indices = [
            ("position", POSITION),
            ("body_position", BODY_POSITION),
            ("relative_position", RELATIVE_POSITION),
            ("paragraph", PARAGRAPH),
            ("centrality", CENTRALITY),
            ("centrality_ratio", CENTRALITY_RATIO),
            ("salience_ratio", SALIENCE_RATIO),
            ("words", WORDS),
            ("quote", QUOTE),
            ("question", QUESTION),
            ("numbers", NUMBERS),
            ("names", NAMES_),
        ];
        assert_eq!(indices.len(), COUNT);
        for (name, k) in indices {
            assert_eq!(NAMES[k], name);
        }
    }

    #[test]
    fn ranker_features_read_position_shape_and_words() {
        let c = candidates(
            "Pemerintah menaikkan harga beras medium sebesar 10 persen mulai Senin.\n\n\
             Namun, pedagang beras di Pasar Minggu mengeluhkan kenaikan harga itu. \
             \u{201c}Pembeli jadi sepi,\u{201d} kata seorang pedagang beras. \
             Apakah harga beras akan turun lagi tahun depan?",
        );
        assert_eq!(c.len(), 4);
        assert_eq!(value(&c[0], "position"), 1.0);
        assert_eq!(value(&c[2], "body_position"), 2.0);
        assert_eq!(value(&c[2], "relative_position"), 0.5);
        assert_eq!(value(&c[0], "numbers"), 1.0);
        assert_eq!(value(&c[3], "numbers"), 0.0);
        assert!(value(&c[1], "names") >= 1.0, "{:?}", c[1].features);
        assert_eq!(value(&c[3], "names"), 0.0);
        assert_eq!(value(&c[0], "words"), 10.0);
        assert_eq!(
            [value(&c[0], "paragraph"), value(&c[1], "paragraph")],
            [0.0, 1.0]
        );
        assert_eq!(value(&c[3], "paragraph"), 1.0);
        assert_eq!(value(&c[2], "quote"), 1.0);
        assert_eq!(value(&c[1], "quote"), 0.0);
        assert_eq!(value(&c[3], "question"), 1.0);
        assert_eq!(value(&c[3], "quote"), 0.0);
        assert_eq!(value(&c[0], "question"), 0.0);
    }

    #[test]
    fn ranker_quotes_are_straight_or_curly() {
        assert!(quotes("\"Kami siap,\" katanya."));
        assert!(quotes("\u{201c}Kami siap,\u{201d} katanya."));
        assert!(quotes("katanya, \u{201d}"));
        assert!(!quotes("Harga naik \u{2013} lagi."));
        assert!(!quotes("Harga naik 'lagi'."));
        assert!(!quotes("Harga \u{2018}naik\u{2019} \u{2014} lagi \u{201e}"));
        assert!(quotes("Harga \u{2014} naik \u{201c}lagi"));
        assert!(!quotes("ujung \u{2013}"));
        assert!(!quotes(""));
    }

    #[test]
    fn ranker_relate_divides_by_the_best_candidate() {
        let c = candidates(
            "Harga beras naik di pasar. Harga beras naik lagi di pasar induk. \
             Cuaca hari ini cerah sekali.",
        );
        for name in ["centrality_ratio", "salience_ratio"] {
            let ratios: Vec<f64> = c.iter().map(|c| value(c, name)).collect();
            assert_eq!(ratios.iter().copied().fold(0.0, f64::max), 1.0, "{name}");
            assert!(ratios.iter().all(|r| (0.0..=1.0).contains(r)), "{ratios:?}");
        }
        let best = c.iter().map(|c| value(c, "centrality")).fold(0.0, f64::max);
        for x in &c {
            assert_eq!(value(x, "centrality_ratio"), value(x, "centrality") / best);
        }
        // The weather says least about the prices.
        assert!(value(&c[2], "centrality_ratio") < value(&c[1], "centrality_ratio"));
    }

    #[test]
    fn ranker_features_round_trip_through_json_by_name() {
        let c = candidates("Harga beras naik di pasar induk kota. Pedagang beras mengeluh.");
        let json = serde_json::to_string(&c[1].features).unwrap();
        assert!(json.starts_with("{\"position\":0.5,"), "{json}");
        let back: Features = serde_json::from_str(&json).unwrap();
        // serde_json without `float_roundtrip` may read the last bit differently.
        for (x, y) in back.0.iter().zip(c[1].features.0) {
            assert!((x - y).abs() <= 1e-15 * y.abs(), "{x} {y}");
        }
        assert!(serde_json::from_str::<Features>("{\"nope\":1.0}").is_err());
    }
}
