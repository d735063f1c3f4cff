//! Function words: the closed-class words the stemmer keeps whole whatever affix they seem
//! to carry (`kalian`, `tapi`, `selasa`, `adalah`). Data, not code: the list and the reasons
//! for what it holds are in `data/function-words-id.txt`.

use std::sync::OnceLock;

use crate::stem::confix::{PARTICLES, POSSESSIVES, strip_any_suffix, strip_short_suffix};
use crate::util::hash::FastSet;

const EMBEDDED: &str = include_str!("../../data/function-words-id.txt");

/// The listed words, and those of them in the numerals and auxiliaries groups.
struct Lists {
    words: FastSet<&'static str>,
    numerals: FastSet<&'static str>,
    auxiliaries: FastSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut lists = Lists {
            words: FastSet::default(),
            numerals: FastSet::default(),
            auxiliaries: FastSet::default(),
        };
        let mut group = "";
        for line in EMBEDDED.lines().map(str::trim) {
            if let Some(name) = line.strip_prefix("# --") {
                group = name.trim();
            } else if !line.is_empty() && !line.starts_with('#') {
                lists.words.insert(line);
                match group {
                    "numerals" => lists.numerals.insert(line),
                    "aspect and modal auxiliaries" => lists.auxiliaries.insert(line),
                    _ => false,
                };
            }
        }
        lists
    })
}

fn words() -> &'static FastSet<&'static str> {
    &lists().words
}

/// Whether `word` is a listed auxiliary, a verb that takes verb affixes itself (`mulai`:
/// `dimulai`, `memulai`).
pub(super) fn auxiliary(word: &str) -> bool {
    lists().auxiliaries.contains(word)
}

/// Whether `word` is a listed numeral, which ke- makes an ordinal (`kesebelas`).
pub(super) fn numeral(word: &str) -> Option<&str> {
    lists().numerals.contains(word).then_some(word)
}

/// The function word `word` is, or is with one clitic on (`kalianlah`, `tapinya`): the word
/// itself first, so that a listed word ending in a clitic's letters (`adalah`, `maupun`)
/// stays whole.
pub(super) fn function_word(word: &str) -> Option<&str> {
    let words = words();
    if words.contains(word) {
        return Some(word);
    }
    // No clitic ends another, so at most one can be cut: the particles and the possessives
    // are tried in turn, without a chained iterator (which was not inlined).
    strip_any_suffix(word, &PARTICLES)
        .or_else(|| strip_any_suffix(word, &POSSESSIVES))
        .filter(|rest| words.contains(rest))
}

/// The numeral of a fraction, se- + per- + a numeral (`sepertiga`, `seperseratus`; a numeral
/// in se- keeps it when listed so: `sepersepuluh`), as an ordinal with ke- and with one clitic
/// on (`kesepersepuluhnya`): the denominator is the word's root, as it is of `pertiga`.
pub(super) fn fraction(word: &str) -> Option<&str> {
    // The body below is the word's start, so what it must start with the word does: a cheap
    // test, as every new word is asked.
    if !(word.starts_with("seper") || word.starts_with("keseper")) {
        return None;
    }
    let body = PARTICLES
        .iter()
        .chain(POSSESSIVES.iter())
        .find_map(|clitic| strip_short_suffix(word, clitic))
        .filter(|body| body.contains("seper"))
        .unwrap_or(word);
    let body = body.strip_prefix("ke").unwrap_or(body);
    let rest = body.strip_prefix("seper")?;
    numeral(rest).or_else(|| rest.strip_prefix("se").and_then(numeral))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_list_is_lowercase_and_unique() {
        let listed: Vec<&str> = EMBEDDED
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty() && !w.starts_with('#'))
            .collect();
        assert_eq!(listed.len(), words().len(), "a word listed twice");
        for w in listed {
            assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
        }
    }

    #[test]
    fn function_words_take_clitics_but_stay_whole() {
        assert_eq!(function_word("kalian"), Some("kalian"));
        assert_eq!(function_word("kalianlah"), Some("kalian"));
        assert_eq!(function_word("adalah"), Some("adalah"));
        assert_eq!(function_word("tapinya"), Some("tapi"));
        assert_eq!(function_word("kaliannya"), Some("kalian"));
        assert_eq!(function_word("rumahnya"), None);
        assert_eq!(function_word("setelah"), None);
        assert_eq!(numeral("sebelas"), Some("sebelas"));
        assert_eq!(numeral("rabu"), None);
        assert!(auxiliary("mulai") && !auxiliary("tetapi"));
        assert_eq!(fraction("seperlima"), Some("lima"));
        assert_eq!(fraction("seperseratus"), Some("ratus"));
        assert_eq!(fraction("kesepersebelasnya"), Some("sebelas"));
        assert_eq!(fraction("seperti"), None);
        assert_eq!(fraction("sepertinya"), None);
    }
}
