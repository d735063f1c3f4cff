//! How a keyword is shown: the most frequent spelling of its phrase in the text, compared in
//! place where it can be so that a new spelling alone costs an allocation.

use crate::analysis::analyzer::{Analysis, Term};
use crate::util::hash::FastMap;

use super::phrases::{Occurrences, Phrase};

/// Spellings of one phrase searched one by one before they are indexed by hash.
const LINEAR_SPELLINGS: usize = 8;

/// The most frequent spelling of a phrase, ties to the first seen; where that one ends in the
/// clitic -nya ("kenaikannya") and the text also writes the phrase without it ("kenaikan"),
/// the spelling without. A word whose stem ends so itself ("bertanya": "tanya") keeps it.
pub(super) fn surface(a: &Analysis, phrase: &Phrase, occ: Occurrences<'_>) -> String {
    let last = &a.terms[occ.starts[0] + phrase.len as usize - 1];
    let clitic = !last.proper && !a.key(last).ends_with("nya");
    let (best, bare) = most_spelled(a, phrase, occ, clitic);
    bare.unwrap_or(best)
}

/// The most frequent spelling of a phrase (ties go to the first seen) and, when `clitic` and
/// that spelling ends in -nya, the spelling without it if the text has it.
fn most_spelled(
    a: &Analysis,
    phrase: &Phrase,
    occ: Occurrences<'_>,
    clitic: bool,
) -> (String, Option<String>) {
    // Spellings in order of first appearance, found by hash: a linear search made a word
    // written in thousands of spellings ("BeKaSi", "bEkAsI", ...) quadratic. Only a new
    // spelling is spelt out and costs an allocation.
    let spell = |start: usize, text: &mut String| {
        let terms = &a.terms[start..start + phrase.len as usize];
        text.clear();
        text.reserve(terms.iter().map(|t| t.end - t.start + 1).sum());
        for (k, t) in terms.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            let raw = &a.text[t.start..t.end];
            if !t.joined && raw.is_ascii() {
                // `Analysis::surface` of an ASCII word, lowercased in place.
                let from = text.len();
                text.push_str(raw);
                if t.weak_case && !t.proper {
                    text[from..].make_ascii_lowercase();
                }
            } else {
                text.push_str(&a.surface(t));
            }
        }
    };
    let mut text = String::new();
    if let [start] = occ.starts {
        spell(*start, &mut text);
        return (text, None);
    }
    // A few spellings are searched in place; the index is built only past `LINEAR_SPELLINGS`.
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut seen: FastMap<String, usize> = FastMap::default();
    for &start in occ.starts {
        let found = if counts.len() <= LINEAR_SPELLINGS {
            // Compared where it stands; spelt out only when it is new.
            let terms = &a.terms[start..start + phrase.len as usize];
            let found = counts.iter().position(|(s, _)| spelled(a, terms, s));
            if found.is_none() {
                spell(start, &mut text);
            }
            found
        } else {
            spell(start, &mut text);
            seen.get(text.as_str()).copied()
        };
        match found {
            Some(i) => counts[i].1 += 1,
            None => {
                if counts.len() > LINEAR_SPELLINGS {
                    seen.insert(text.clone(), counts.len());
                }
                // The buffer becomes the spelling: the next one is spelt into a new buffer.
                counts.push((std::mem::take(&mut text), 1));
                if counts.len() == LINEAR_SPELLINGS + 1 {
                    seen.extend(counts.iter().enumerate().map(|(i, (s, _))| (s.clone(), i)));
                }
            }
        }
    }
    let mut best = 0;
    for (i, (_, n)) in counts.iter().enumerate() {
        if *n > counts[best].1 {
            best = i;
        }
    }
    let bare = clitic
        .then(|| counts[best].0.strip_suffix("nya"))
        .flatten()
        .filter(|bare| bare.len() > 3 && !bare.ends_with('-'))
        .and_then(|bare| counts.iter().find(|(s, _)| s == bare))
        .map(|(s, _)| s.clone());
    (counts.swap_remove(best).0, bare)
}

/// Whether `text` is how `terms` read in a keyword (their surfaces joined by spaces), checked
/// without spelling them out.
fn spelled(a: &Analysis, terms: &[Term], text: &str) -> bool {
    let mut rest = text.as_bytes();
    for (k, t) in terms.iter().enumerate() {
        if k > 0 {
            match rest.split_first() {
                Some((b' ', tail)) => rest = tail,
                _ => return false,
            }
        }
        let raw = &a.text[t.start..t.end];
        if !t.joined && raw.is_ascii() {
            // `Analysis::surface` of an ASCII word: itself, or lowercased.
            let Some((head, tail)) = rest.split_at_checked(raw.len()) else {
                return false;
            };
            let same = if t.weak_case && !t.proper {
                head.iter()
                    .zip(raw.bytes())
                    .all(|(&h, r)| h == r.to_ascii_lowercase())
            } else {
                head == raw.as_bytes()
            };
            if !same {
                return false;
            }
            rest = tail;
        } else {
            match rest.strip_prefix(a.surface(t).as_bytes()) {
                Some(tail) => rest = tail,
                None => return false,
            }
        }
    }
    rest.is_empty()
}
