//! Keywords and key phrases: runs of one to three content words, bounded by stopwords and
//! punctuation, scored from the TF-IDF of their stems; near-duplicates merged; each shown in
//! its most frequent spelling.

use std::collections::HashMap;

use crate::analyzer::Analysis;
use crate::report::Keyword;
use crate::score::term_counts;

/// Longest key phrase, in words.
pub const MAX_PHRASE_WORDS: usize = 3;

/// A phrase: up to three term ids, in text order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Phrase {
    ids: [u32; MAX_PHRASE_WORDS],
    len: u8,
}

impl Phrase {
    fn ids(&self) -> &[u32] {
        &self.ids[..self.len as usize]
    }

    /// Same stems, or one phrase's stems inside the other's: "siber" and "keamanan siber".
    fn overlaps(&self, other: &Phrase) -> bool {
        let (a, b) = (self.ids(), other.ids());
        a.iter().all(|x| b.contains(x)) || b.iter().all(|x| a.contains(x))
    }
}

#[derive(Debug, Default)]
struct Occurrences {
    /// Index in `Analysis::terms` of the first word of each occurrence.
    starts: Vec<usize>,
}

/// The best `k` keywords of a document, best first.
pub fn extract(a: &Analysis, idf: &[f64], k: usize) -> Vec<Keyword> {
    if k == 0 {
        return Vec::new();
    }
    let tf = term_counts(a);
    let phrases = collect(a);
    let mut scored: Vec<(Phrase, f64, usize, usize)> = phrases
        .iter()
        .filter_map(|(phrase, occ)| {
            let count = occ.starts.len();
            let ids = phrase.ids();
            let score = if ids.len() == 1 {
                f64::from(tf[ids[0] as usize]) * idf[ids[0] as usize]
            } else if count >= 2 {
                count as f64 * ids.iter().map(|&id| idf[id as usize]).sum::<f64>()
            } else {
                return None;
            };
            Some((*phrase, score, count, occ.starts[0]))
        })
        .collect();
    scored.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.3.cmp(&y.3)).then(x.0.cmp(&y.0)));

    // `k` comes from the user and may be absurd (`-k 18446744073709551615`): size by what
    // there is to choose from, not by what was asked for.
    let mut chosen: Vec<(Phrase, f64, usize)> = Vec::with_capacity(k.min(scored.len()));
    // Chosen phrases by word: only those sharing a word with a phrase can overlap it, so a
    // huge `-k` does not compare every phrase with every chosen one.
    let mut by_word: HashMap<u32, Vec<usize>> = HashMap::new();
    for (phrase, score, count, _) in scored {
        if chosen.len() == k {
            break;
        }
        let overlaps = phrase.ids().iter().any(|id| {
            by_word
                .get(id)
                .is_some_and(|js| js.iter().any(|&j| chosen[j].0.overlaps(&phrase)))
        });
        if !overlaps {
            for &id in phrase.ids() {
                by_word.entry(id).or_default().push(chosen.len());
            }
            chosen.push((phrase, score, count));
        }
    }
    let top = chosen.first().map_or(1.0, |c| c.1);
    chosen
        .into_iter()
        .map(|(phrase, score, count)| Keyword {
            term: surface(a, &phrase, &phrases[&phrase]),
            score: round4(score / top),
            count,
        })
        .collect()
}

/// Every phrase of 1..=3 consecutive content words that no punctuation or stopword splits.
fn collect(a: &Analysis) -> HashMap<Phrase, Occurrences> {
    let mut phrases: HashMap<Phrase, Occurrences> = HashMap::new();
    for s in &a.sentences {
        let mut run_start = s.terms.start;
        for j in s.terms.clone() {
            let t = &a.terms[j];
            if !t.content {
                run_start = j + 1;
                continue;
            }
            if t.boundary_before {
                run_start = j;
            }
            for n in 1..=MAX_PHRASE_WORDS.min(j + 1 - run_start) {
                let first = j + 1 - n;
                let mut phrase = Phrase {
                    ids: [0; MAX_PHRASE_WORDS],
                    len: n as u8,
                };
                for (slot, term) in phrase.ids.iter_mut().zip(&a.terms[first..=j]) {
                    *slot = term.id;
                }
                let ids = phrase.ids();
                if (1..ids.len()).any(|x| ids[..x].contains(&ids[x])) {
                    continue;
                }
                phrases.entry(phrase).or_default().starts.push(first);
            }
        }
    }
    phrases
}

/// The most frequent spelling of a phrase; ties go to the first seen.
fn surface(a: &Analysis, phrase: &Phrase, occ: &Occurrences) -> String {
    // Spellings in order of first appearance, found by hash: a linear search made a word
    // written in thousands of spellings ("BeKaSi", "bEkAsI", ...) quadratic.
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for &start in &occ.starts {
        let words: Vec<_> = a.terms[start..start + phrase.len as usize]
            .iter()
            .map(|t| a.surface(t))
            .collect();
        let text = words.join(" ");
        match seen.get(&text) {
            Some(&i) => counts[i].1 += 1,
            None => {
                seen.insert(text.clone(), counts.len());
                counts.push((text, 1));
            }
        }
    }
    let mut best = 0;
    for (i, (_, n)) in counts.iter().enumerate() {
        if *n > counts[best].1 {
            best = i;
        }
    }
    counts.swap_remove(best).0
}

pub(crate) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::Analyzer;
    use crate::config::Language;
    use crate::score::sentence_idf;
    use crate::stem::{Lexicon, Stemmer};
    use crate::stopwords::Stopwords;

    fn keywords(text: &str, k: usize) -> Vec<Keyword> {
        let analyzer = Analyzer::new(
            Language::Indonesian,
            Stopwords::embedded(Language::Indonesian),
            Stemmer::indonesian(Lexicon::embedded()),
        );
        let mut memo = analyzer.memo();
        let a = analyzer.analyze(text, &mut memo);
        extract(&a, &sentence_idf(&a), k)
    }

    const TEXT: &str = "Keamanan siber menjadi prioritas NATO. Serangan siber makin canggih. \
        NATO memperkuat keamanan siber anggotanya. Keamanan siber juga melindungi ekonomi. \
        Cuaca di Brussels cerah.";

    #[test]
    fn keywords_merge_phrase_and_its_words() {
        let kw = keywords(TEXT, 10);
        let terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
        assert!(terms.contains(&"keamanan siber"), "{terms:?}");
        assert!(
            !terms.contains(&"siber") && !terms.contains(&"keamanan"),
            "{terms:?}"
        );
    }

    #[test]
    fn keywords_at_most_k_unique_best_first() {
        let kw = keywords(TEXT, 3);
        assert!(kw.len() <= 3);
        assert!(kw.windows(2).all(|w| w[0].score >= w[1].score));
        let mut terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
        terms.sort_unstable();
        terms.dedup();
        assert_eq!(terms.len(), kw.len());
        assert!(keywords(TEXT, 0).is_empty());
    }

    #[test]
    fn keywords_keep_names_in_their_spelling_and_skip_numbers() {
        let kw = keywords(
            "NATO bertemu di Brussels. NATO membahas anggaran Rp1,2 triliun pada 2025. NATO sepakat.",
            10,
        );
        let terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
        assert_eq!(terms.first(), Some(&"NATO"), "{terms:?}");
        assert!(
            !terms.iter().any(|t| t.chars().any(|c| c.is_ascii_digit())),
            "{terms:?}"
        );
    }

    #[test]
    fn keywords_of_empty_text() {
        assert!(keywords("", 10).is_empty());
        assert!(keywords("   ", 10).is_empty());
    }
}
