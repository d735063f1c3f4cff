//! Names written in full: runs of words that the analysis reads as names (capitalised where
//! capitals say something, never seen in lower case) that no punctuation splits, and their
//! stretches of two or three words. A name's single word stands for the whole name when the
//! name's other words occur mostly inside it ("Rooney" is listed as "Wayne Rooney"), even when
//! the full name is written once.

use crate::analysis::analyzer::Analysis;

use super::pack::Found;
use super::phrases::{MAX_PHRASE_WORDS, Phrase, Phrases};

/// The names written in full in the sentences that start before term `end`, with where each
/// occurs there, in phrase order (only `Phrases::longer` and `Phrases::find` of the result mean
/// anything).
///
/// Ranking needs only the names of the lead: every occurrence of a name is an occurrence of a
/// candidate phrase too (a run of content words that no punctuation splits), so a name written
/// twice anywhere is a phrase, and whether a phrase is ever written as a name is read from its
/// own occurrences. What is left are the names written once, and those count only in the lead.
pub(super) fn names(a: &Analysis, end: usize) -> Phrases {
    // Name words are few: room for one stretch in eight words before the vector grows.
    let mut found = Found::with_capacity(a.vocab.len(), a.terms.len(), end.min(a.terms.len()) / 8);
    for s in a.sentences.iter().take_while(|s| s.terms.start < end) {
        let mut run = s.terms.start;
        for j in s.terms.clone() {
            let t = &a.terms[j];
            let name = t.content && t.proper;
            if !name || t.boundary_before {
                push_run(a, run, j, &mut found);
                run = if name { j } else { j + 1 };
            }
        }
        push_run(a, run, s.terms.end, &mut found);
    }
    let mut names = Phrases::default();
    found.sort_into(&mut names);
    names
}

/// Adds the names of the run of name words `from..to`: the run itself when it has two or three
/// words, else each stretch of two or three of its words ("Gubernur DKI Jakarta Basuki Tjahaja
/// Purnama" holds "Basuki Tjahaja Purnama"; the widening decides which stretch a word stands for).
fn push_run(a: &Analysis, from: usize, to: usize, found: &mut Found) {
    for start in from..to {
        for len in 2..=MAX_PHRASE_WORDS.min(to - start) {
            push_name(a, start, len, found);
        }
    }
}

/// Adds the `len` words from `start` when they are distinct.
fn push_name(a: &Analysis, start: usize, len: usize, found: &mut Found) {
    let mut phrase = Phrase {
        ids: [0; MAX_PHRASE_WORDS],
        len: len as u8,
    };
    for (slot, term) in phrase.ids.iter_mut().zip(&a.terms[start..start + len]) {
        *slot = term.id;
    }
    let ids = phrase.ids();
    if (1..ids.len()).any(|x| ids[..x].contains(&ids[x])) {
        return;
    }
    found.push(&phrase, start);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyzer::Analyzer;

    fn spelled(text: &str) -> Vec<(String, usize)> {
        let analyzer = Analyzer::indonesian();
        let mut memo = analyzer.memo();
        let a = analyzer.analyze(text, &mut memo);
        names(&a, usize::MAX)
            .longer()
            .map(|(_, occ)| {
                let t = &a.terms[occ.starts[0]];
                (
                    a.text[t.start..]
                        .split(',')
                        .next()
                        .unwrap_or("")
                        .to_string(),
                    occ.starts.len(),
                )
            })
            .collect()
    }

    #[test]
    fn keywords_names_are_runs_of_name_words() {
        let found = spelled(
            "Pelatih Everton menyambut Wayne Rooney, kata Ronald Koeman. Rooney senang bertemu \
             Ronald Koeman di Goodison Park.",
        );
        let starts: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert!(
            starts.iter().any(|s| s.starts_with("Wayne Rooney")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(s, n)| s.starts_with("Ronald Koeman") && *n == 2),
            "{found:?}"
        );
        assert!(
            !starts.iter().any(|s| s.starts_with("Rooney senang")),
            "{found:?}"
        );
    }
}
