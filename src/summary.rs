//! Extractive summary: the candidate sentences, scored by the learned ranker (`ranker`), the
//! best ones picked while skipping near-repeats, returned in document order.

use crate::analysis::analyzer::Analysis;
use crate::analysis::token::TokenKind;
use crate::score::TermVector;
use crate::util::hash::FastMap;

/// What the ranker saw of a sentence (shown with `--explain`).
pub use crate::ranker::Features;

/// A sentence that may go into the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Index of the sentence in the document.
    pub index: usize,
    pub features: Features,
    pub score: f64,
    pub vector: TermVector,
}

/// Minimum content words for a sentence to stand alone in a summary.
const MIN_CONTENT_WORDS: usize = 3;

/// Whether sentence `i` can be a summary sentence: not a heading, not a fragment, not
/// boilerplate such as "Baca juga: ...".
pub fn is_candidate(a: &Analysis, i: usize) -> bool {
    let s = &a.sentences[i];
    if !s.is_body() {
        return false;
    }
    // Counted only as far as the minimum.
    let mut content = a.sentence_terms(i).iter().filter(|t| t.content);
    if content.nth(MIN_CONTENT_WORDS - 1).is_none() {
        return false;
    }
    // The first 16 characters, lowercased; on the stack when they are ASCII, as most are.
    let text = &a.text[s.start..s.end];
    let first = &text.as_bytes()[..text.len().min(16)];
    let mut ascii = [0u8; 16];
    let lowered: String;
    let head: &[u8] = if first.is_ascii() {
        let ascii = &mut ascii[..first.len()];
        ascii.copy_from_slice(first);
        ascii.make_ascii_lowercase();
        ascii
    } else {
        lowered = text.chars().take(16).flat_map(char::to_lowercase).collect();
        lowered.as_bytes()
    };
    const BOILERPLATE: &[&str] = &[
        "baca juga",
        "baca_juga",
        "lihat juga",
        "simak juga",
        "editor:",
        "penulis:",
        "foto:",
        "sumber:",
        "(baca",
        "reporter:",
        "pewarta:",
        "penyunting:",
        "keterangan foto",
    ];
    // Words that never open an Indonesian sentence: a sentence starting with one is the tail
    // of another, cut off by a stray full stop ("... bisa datang kapan. Saja dan dari mana").
    const TAILS: &[&str] = &["saja", "pun", "lah", "nya", "yang"];
    // The first byte rules out most lists' entries before a string comparison.
    let opens = |b: &str| head.first() == b.as_bytes().first();
    if BOILERPLATE
        .iter()
        .any(|b| opens(b) && head.starts_with(b.as_bytes()))
    {
        return false;
    }
    if !TAILS.iter().any(|t| opens(t)) {
        return true;
    }
    let head = std::str::from_utf8(head).expect("lowercased from a str");
    let first_word = head
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !TAILS.contains(&first_word)
}

/// What scoring needs of a sentence's terms, read in one pass over them.
#[derive(Debug, Clone)]
pub struct SentenceTerms {
    /// The sentence's TF-IDF vector.
    pub vector: TermVector,
    /// How many content terms it has.
    pub content: usize,
    /// The sum of their keyword probabilities, in text order.
    pub probability: f64,
    /// How many of all its terms are numbers, and how many names.
    pub numbers: usize,
    pub names: usize,
}

impl SentenceTerms {
    /// Sentence `i`'s terms, weighed by `idf` and `probability` (both by vocabulary id).
    pub fn new(a: &Analysis, i: usize, idf: &[f64], probability: &[f64]) -> Self {
        let terms = a.sentence_terms(i);
        // Room for every term, filled by index and cut to the content terms after: a push
        // may grow the vector, and the call that could make kept the loop's state in memory.
        let mut occurrences = vec![(0, 0.0); terms.len()];
        let (mut content, mut numbers, mut names) = (0, 0, 0);
        // What `Iterator::sum` starts from, so that an empty sum is the same.
        let mut sum = -0.0;
        for t in terms {
            numbers += usize::from(t.kind == TokenKind::Number);
            names += usize::from(t.proper);
            if t.content {
                occurrences[content] = (t.id, idf[t.id as usize]);
                content += 1;
                sum += probability[t.id as usize];
            }
        }
        occurrences.truncate(content);
        SentenceTerms {
            content,
            probability: sum,
            numbers,
            names,
            vector: TermVector::from_occurrences(occurrences, idf.len()),
        }
    }
}

/// Picks up to `n` candidates, best first, skipping near-repeats of chosen ones; returns them
/// in document order. Ties go to the earlier sentence.
pub fn select(candidates: &[Candidate], n: usize, redundancy: f64) -> Vec<&Candidate> {
    let mut order: Vec<&Candidate> = candidates.iter().collect();
    order.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.index.cmp(&y.index)));
    let n = n.min(order.len());
    let mut picked = vec![false; order.len()];
    let mut chosen: Vec<&Candidate> = Vec::with_capacity(n);
    // When every candidate goes in anyway (`--ratio 1`), redundancy decides nothing.
    if n < order.len() {
        // The chosen sentences by term: a sentence sharing no term with a candidate has a
        // cosine of 0 with it, so only those sharing one need comparing. Comparing with every
        // chosen sentence made long summaries of long documents quadratic.
        let indexed = redundancy >= 0.0;
        let mut by_term = ByTerm::new(candidates, n);
        let mut compared = vec![usize::MAX; n];
        for (k, c) in order.iter().enumerate() {
            if chosen.len() == n {
                break;
            }
            let too_close = |j: usize| chosen[j].vector.cosine(&c.vector) > redundancy;
            let repeats = if indexed {
                c.vector.entries().iter().any(|&(term, _)| {
                    by_term
                        .get(term)
                        .any(|j| std::mem::replace(&mut compared[j], k) != k && too_close(j))
                })
            } else {
                (0..chosen.len()).any(too_close)
            };
            if !repeats {
                for &(term, _) in c.vector.entries() {
                    by_term.push(term, chosen.len());
                }
                chosen.push(c);
                picked[k] = true;
            }
        }
    }
    // Too few distinct sentences: fill with the skipped ones rather than return less.
    for (k, c) in order.iter().enumerate() {
        if chosen.len() == n {
            break;
        }
        if !picked[k] {
            chosen.push(c);
        }
    }
    chosen.sort_by_key(|c| c.index);
    chosen
}

/// The chosen sentences holding each term: a list per term, threaded through one vector so
/// that a term costs no vector of its own.
struct ByTerm {
    /// 1 + the index in `links` of the last entry for each term id (0 for none), by id; empty
    /// when the ids are too sparse for that, and `sparse` holds them instead.
    dense: Vec<usize>,
    sparse: FastMap<u32, usize>,
    /// (chosen sentence, 1 + the index of the term's previous entry, 0 for none).
    links: Vec<(usize, usize)>,
}

impl ByTerm {
    /// For `n` of `candidates` to be chosen.
    fn new(candidates: &[Candidate], n: usize) -> Self {
        // Ids come from one document's vocabulary and are dense; a caller's own vectors may
        // not be.
        let terms = candidates
            .iter()
            .filter_map(|c| c.vector.entries().last())
            .map(|&(id, _)| id as usize + 1)
            .max()
            .unwrap_or(0);
        let entries: usize = candidates.iter().map(|c| c.vector.len()).sum();
        let dense = if terms <= entries.saturating_mul(64).saturating_add(4096) {
            vec![0; terms]
        } else {
            Vec::new()
        };
        ByTerm {
            dense,
            sparse: FastMap::default(),
            // Sized for chosen sentences of the candidates' mean length.
            links: Vec::with_capacity(entries / candidates.len().max(1) * n),
        }
    }

    fn push(&mut self, term: u32, chosen: usize) {
        let last = if self.dense.is_empty() {
            self.sparse.entry(term).or_default()
        } else {
            &mut self.dense[term as usize]
        };
        self.links.push((chosen, *last));
        *last = self.links.len();
    }

    /// The chosen sentences holding `term`, latest first.
    fn get(&self, term: u32) -> impl Iterator<Item = usize> + '_ {
        let mut at = if self.dense.is_empty() {
            self.sparse.get(&term).copied().unwrap_or(0)
        } else {
            self.dense[term as usize]
        };
        std::iter::from_fn(move || {
            let (chosen, previous) = *self.links.get(at.checked_sub(1)?)?;
            at = previous;
            Some(chosen)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(index: usize, score: f64, ids: &[u32]) -> Candidate {
        Candidate {
            index,
            features: Features::default(),
            score,
            vector: TermVector::from_weights(ids.iter().map(|&i| (i, 1.0)).collect()),
        }
    }

    fn analysis(text: &str) -> Analysis {
        let analyzer = crate::analysis::analyzer::Analyzer::indonesian();
        let mut memo = analyzer.memo();
        analyzer.analyze(text, &mut memo)
    }

    #[test]
    fn summary_candidates_skip_boilerplate_and_fragments() {
        let a = analysis(
            "Serangan siber bisa datang kapan. Saja dan dari mana saja, kesiapan menjadi kunci \
             utama pertahanan. Baca juga: Pertemuan NATO membahas keamanan siber global. \
             Pewarta: Ahmad Fauzi dari kantor berita nasional. NATO memperkuat pertahanan siber \
             anggotanya.",
        );
        let candidates: Vec<usize> = (0..a.sentences.len())
            .filter(|&i| is_candidate(&a, i))
            .collect();
        let last = a.sentences.len() - 1;
        assert_eq!(candidates, [0, last], "{:?}", a.sentences);
    }

    #[test]
    fn summary_sentence_vectors_are_their_terms_vectors() {
        let a = analysis(
            "Harga beras naik, harga cabai naik lagi di pasar induk harga. Warga mengeluh soal \
             harga beras. Pasar ramai.",
        );
        let idf = crate::score::sentence_idf(&a);
        let probability = vec![0.25; a.vocab.len()];
        for i in 0..a.sentences.len() {
            let terms = SentenceTerms::new(&a, i, &idf, &probability);
            let expected = TermVector::from_terms(a.sentence_terms(i), &idf);
            assert_eq!(terms.vector, expected, "sentence {i}");
            assert_eq!(terms.probability, 0.25 * terms.content as f64);
        }
    }

    #[test]
    fn summary_keeps_document_order() {
        let c = [
            candidate(0, 0.1, &[1]),
            candidate(1, 0.9, &[2]),
            candidate(2, 0.5, &[3]),
        ];
        let picked: Vec<usize> = select(&c, 2, 0.6).iter().map(|c| c.index).collect();
        assert_eq!(picked, [1, 2]);
    }

    #[test]
    fn summary_skips_near_repeats() {
        let c = [
            candidate(0, 0.9, &[1, 2]),
            candidate(1, 0.8, &[1, 2]),
            candidate(2, 0.1, &[3]),
        ];
        let picked: Vec<usize> = select(&c, 2, 0.6).iter().map(|c| c.index).collect();
        assert_eq!(picked, [0, 2]);
    }

    #[test]
    fn summary_fills_up_when_everything_repeats() {
        let c = [candidate(0, 0.9, &[1]), candidate(1, 0.8, &[1])];
        assert_eq!(select(&c, 2, 0.6).len(), 2);
        assert!(select(&c, 0, 0.6).is_empty());
    }

    #[test]
    fn summary_skips_near_repeats_with_sparse_term_ids() {
        let far = u32::MAX - 1;
        let c = [
            candidate(0, 0.9, &[1, far]),
            candidate(1, 0.8, &[1, far]),
            candidate(2, 0.1, &[3]),
        ];
        let picked: Vec<usize> = select(&c, 2, 0.6).iter().map(|c| c.index).collect();
        assert_eq!(picked, [0, 2]);
    }

    #[test]
    fn summary_ties_go_to_the_earlier_sentence() {
        let c = [candidate(0, 0.5, &[1]), candidate(1, 0.5, &[2])];
        let picked: Vec<usize> = select(&c, 1, 0.6).iter().map(|c| c.index).collect();
        assert_eq!(picked, [0]);
    }
}
