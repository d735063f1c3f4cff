//! The keyword model: what is known of each content term (count, first sentence, spread,
//! capitalisation, length) and the logistic model that turns it into the probability that the
//! term is a keyword. Summary scoring reads these probabilities too.

use crate::analysis::analyzer::Analysis;

/// Weights of the logistic keyword model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeywordModel {
    pub bias: f64,
    /// ln(term frequency).
    pub ln_tf: f64,
    /// 1 / (1 + index of the first body sentence holding the term).
    pub first: f64,
    /// 1 when the term first occurs in the first three body sentences.
    pub lead: f64,
    /// Share of the sentences holding the term.
    pub spread: f64,
    /// Capitalised inside a sentence: a name.
    pub proper: f64,
    /// Longest spelling, min(chars, 12) / 12.
    pub length: f64,
    /// IDF with the document's sentences as the collection.
    pub sentence_idf: f64,
    /// IDF against the batch or a saved model (0 when there is none).
    pub corpus_idf: f64,
}

impl KeywordModel {
    /// For one document scored alone. Fitted with `python3 scripts/fit_keywords.py --limit 800`
    /// on indosum-train.jsonl; the cohesion exponent was chosen on train by P@10/HR@10.
    pub const SINGLE: KeywordModel = KeywordModel {
        bias: -0.125,
        ln_tf: 0.693,
        first: 1.330,
        lead: 1.658,
        spread: 0.091,
        proper: 0.015,
        length: 0.101,
        sentence_idf: -0.719,
        corpus_idf: 0.0,
    };

    /// For a document scored against a corpus. Fitted with `python3 scripts/fit_keywords.py
    /// --limit 800 --corpus` on indosum-train.jsonl.
    pub const CORPUS: KeywordModel = KeywordModel {
        bias: -0.176,
        ln_tf: 0.700,
        first: 1.468,
        lead: 2.000,
        spread: 0.089,
        proper: -0.122,
        length: 0.075,
        sentence_idf: -0.852,
        corpus_idf: 0.181,
    };
}

/// What the model knows about one term of the document, but its count (kept in a vector of
/// its own, which [`TermScores::tf`] takes as it is).
#[derive(Debug, Clone, Copy, Default)]
struct TermStats {
    first: usize,
    /// 1 + the index of the last sentence counted in `sentences`.
    last_sentence: usize,
    length: usize,
    sentences: u32,
    proper: bool,
}

/// What keywords and the summary both need of a document's content terms, counted once.
#[derive(Debug, Clone, Default)]
pub struct TermScores {
    /// Occurrences of each content term, by vocabulary id (0 for the rest).
    pub tf: Vec<u32>,
    /// The probability, by vocabulary id, that each content term is a keyword (0 for the
    /// rest). Summary scoring uses it too: a sentence full of likely keywords is a likely
    /// summary sentence.
    pub probability: Vec<f64>,
}

/// The counts and keyword probabilities of a document's content terms.
pub fn term_scores(a: &Analysis, corpus_idf: Option<&[f64]>) -> TermScores {
    let (tf, stats, content_ids) = term_stats(a);
    TermScores {
        probability: term_probabilities(a, &tf, &stats, &content_ids, corpus_idf),
        tf,
    }
}

/// The probability of each term of `content_ids`, by vocabulary id; 0 for the rest, so the
/// loop visits the content terms only, not the whole vocabulary.
fn term_probabilities(
    a: &Analysis,
    tf: &[u32],
    stats: &[TermStats],
    content_ids: &[u32],
    corpus_idf: Option<&[f64]>,
) -> Vec<f64> {
    let model = if corpus_idf.is_some() {
        KeywordModel::CORPUS
    } else {
        KeywordModel::SINGLE
    };
    let n = a.sentences.len().max(1) as f64;
    // Most terms share a handful of frequencies and sentence counts: each logarithm is taken
    // once per document and value, by the same function, so the results are the same.
    let mut ln_tf = Memo::new(64);
    let mut sentence_idf = Memo::new(a.sentences.len() + 1);
    let mut probability = vec![0.0; stats.len()];
    for &id in content_ids {
        let (id, s) = (id as usize, &stats[id as usize]);
        let tf = tf[id];
        let z = model.bias
            + model.ln_tf * ln_tf.get(tf as usize, |tf| (tf as f64).ln())
            + model.first / (1.0 + s.first as f64)
            + model.lead * f64::from(u8::from(s.first < 3))
            + model.spread * f64::from(s.sentences) / n
            + model.proper * f64::from(u8::from(s.proper))
            + model.length * s.length.min(12) as f64 / 12.0
            + model.sentence_idf
                * sentence_idf.get(s.sentences as usize, |d| {
                    crate::score::idf(n as u64, d as u64)
                })
            + model.corpus_idf * corpus_idf.map_or(0.0, |c| c[id]);
        probability[id] = 1.0 / (1.0 + (-z).exp());
    }
    probability
}

/// Values of a function of small integers, each computed once.
struct Memo {
    values: Vec<f64>,
}

impl Memo {
    /// Remembers the values of `0..len`.
    fn new(len: usize) -> Self {
        Memo {
            values: vec![f64::NAN; len],
        }
    }

    fn get(&mut self, x: usize, f: impl Fn(usize) -> f64) -> f64 {
        match self.values.get_mut(x) {
            Some(v) if !v.is_nan() => *v,
            Some(v) => {
                *v = f(x);
                *v
            }
            None => f(x),
        }
    }
}

/// Frequency, and first body sentence, spread, capitalisation and length, of each content term
/// by vocabulary id, and the ids of the content terms in the order they first occur.
fn term_stats(a: &Analysis) -> (Vec<u32>, Vec<TermStats>, Vec<u32>) {
    let mut tf = vec![0; a.vocab.len()];
    let mut stats = vec![TermStats::default(); a.vocab.len()];
    let mut content_ids = Vec::with_capacity(a.vocab.len());
    // Most documents are all ASCII, where a spelling has as many characters as bytes: one
    // check of the text spares counting the characters of every term.
    let ascii = a.text.is_ascii();
    let mut body = 0;
    for (i, sentence) in a.sentences.iter().enumerate() {
        for t in a.sentence_terms(i).iter().filter(|t| t.content) {
            let (n, s) = (&mut tf[t.id as usize], &mut stats[t.id as usize]);
            if *n == 0 {
                s.first = body;
                content_ids.push(t.id);
            }
            *n += 1;
            if s.last_sentence != i + 1 {
                s.last_sentence = i + 1;
                s.sentences += 1;
            }
            if !s.proper {
                s.proper = t.proper || (!t.weak_case && starts_uppercase(&a.text, t.start));
            }
            // A spelling has no more characters than bytes.
            if t.end - t.start > s.length {
                let bytes = &a.text.as_bytes()[t.start..t.end];
                let chars = if ascii {
                    bytes.len()
                } else {
                    bytes.iter().filter(|&&b| !is_continuation_byte(b)).count()
                };
                s.length = s.length.max(chars);
            }
        }
        if sentence.is_body() {
            body += 1;
        }
    }
    (tf, stats, content_ids)
}

/// Whether `b` continues a UTF-8 character rather than starting one (0b10xx_xxxx): the
/// characters of a string are its bytes less these.
fn is_continuation_byte(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Whether the character at byte `at` of `text` is uppercase; false past the end.
fn starts_uppercase(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => text[at..].starts_with(char::is_uppercase),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_continuation_byte;

    #[test]
    fn characters_are_the_bytes_less_the_continuation_bytes() {
        for word in ["kata", "café", "naïve", "Ṣalāḥ", "日本語", "👍🏽x", ""] {
            let starts = word.bytes().filter(|&b| !is_continuation_byte(b)).count();
            assert_eq!(starts, word.chars().count(), "{word}");
        }
    }
}
