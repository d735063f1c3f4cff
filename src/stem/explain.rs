//! `ringkas stem --explain`: how the Indonesian stemmer reached a word's root.
//!
//! A linguist checking a stem wants to see the parse, not only its result: which prefixes,
//! suffixes and clitics were cut, which rule decided, and what the lexicon says about the
//! root (its hunspell affix classes, or `=` for a word hunspell lists without affixes). The
//! explanation retraces [`IndonesianStemmer::stem`]'s path and always ends at the same root
//! (a test checks that on every word of a sample).

use std::borrow::Cow;

use serde::Serialize;

use crate::stem::function_words::fraction;

use crate::stem::confix::POSSESSIVES;
use crate::stem::function_words::auxiliary;
use crate::stem::{Affix, IndonesianStemmer, Pass, Stemmer};

/// The analysis of one word.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Explanation {
    pub word: String,
    pub root: String,
    /// Prefixes (and infixes, proclitics) as cut, outermost first, e.g. `di-`, `per-`.
    pub prefixes: Vec<String>,
    /// Derivational suffixes, e.g. `-kan`.
    pub suffixes: Vec<String>,
    /// The possessive clitic (`-nya`, `-ku`, `-mu`), if one was cut.
    pub possessive: Option<String>,
    /// The particle (`-lah`, `-kah`, `-tah`, `-pun`), if one was cut.
    pub particle: Option<String>,
    /// The rule that decided the root.
    pub rule: &'static str,
    /// The lexicon entry of the root: the word and its affix classes (`=` bare), if listed.
    pub entry: Option<String>,
}

impl Stemmer {
    /// The analysis of a lowercase word; for a language without a lexicon only the root.
    pub fn explain(&self, word: &str) -> Explanation {
        match self {
            Stemmer::Indonesian(stemmer) => stemmer.explain(word),
            Stemmer::English(_) => {
                let root = self.stem(word).into_owned();
                Explanation::plain(word, root, "Snowball English stemmer")
            }
        }
    }
}

impl IndonesianStemmer {
    /// The analysis of a lowercase word, ending at the root [`IndonesianStemmer::stem`] gives.
    pub fn explain(&self, word: &str) -> Explanation {
        let root = self.stem(word).into_owned();
        let mut explanation = self.trace(word, &root);
        explanation.entry = self.lexicon().describe(&explanation.root);
        explanation
    }

    fn trace(&self, word: &str, root: &str) -> Explanation {
        let plain = |rule| Explanation::plain(word, root.to_owned(), rule);
        if fraction(word) == Some(root) {
            return Explanation::fraction(word, root);
        }
        if self.function_word(word) == Some(root) {
            return Explanation::split(word, root, "function word, kept whole but for a clitic");
        }
        if root == word {
            return if self.lexicon().contains(word) {
                plain("lexicon word")
            } else {
                plain("no parse: kept as written")
            };
        }
        if word.chars().nth(3).is_none() || word.bytes().any(|b| b.is_ascii_digit()) {
            return plain("short word or digits: kept");
        }
        if self.lexicon().contains(word) {
            return Explanation::split(word, root, "listed word that is a derivation");
        }
        if word.contains('-') {
            return plain("reduplication or hyphenated clitic");
        }
        if self.slip_over_bare_parse(word).as_deref() == Some(root) {
            return Explanation::split(
                word,
                root,
                "misspelling: -kan written without its k, over a bare-word parse",
            );
        }
        if let Some((found, pass, cut)) = self.confix_strip_traced(word) {
            let rule = match pass {
                Pass::Licensed => "confix stripping: root whose flags take the affixes",
                Pass::Affix => "confix stripping: any affix root",
                Pass::Bare => "confix stripping: any lexicon word",
            };
            let mut explanation = Explanation::plain(word, root.to_owned(), rule);
            for (affix, text) in cut {
                explanation.add(affix, text);
            }
            if root
                .strip_prefix(found.as_str())
                .is_some_and(|s| !s.is_empty())
            {
                // The root found and the suffix after it make an auxiliary (`dimulai`) or
                // a loan listed with its suffix (`dinetralisasi`).
                let suffix = format!("-{}", &root[found.len()..]);
                explanation.suffixes.retain(|s| *s != suffix);
                explanation.rule = if auxiliary(root) {
                    "confix stripping; root and suffix make a function word"
                } else {
                    "confix stripping; the lexicon lists the loan with its suffix"
                };
            } else if found != root {
                // The root found is itself a listed derivation (`pelajar` in `mempelajari`).
                let inner = Explanation::split(&found, root, "");
                explanation.prefixes.extend(inner.prefixes);
                explanation.suffixes.splice(0..0, inner.suffixes);
                explanation.rule = "confix stripping, then the listed derivation's root";
            }
            return explanation;
        }
        if let Some((_, rule)) = self.misspelt_traced(word).filter(|(r, _)| r == root) {
            return Explanation::split(word, root, rule);
        }
        Explanation::split(word, root, "dwipurwa or unknown word: clitic only")
    }
}

impl Explanation {
    fn plain(word: &str, root: String, rule: &'static str) -> Explanation {
        Explanation {
            word: word.to_owned(),
            root,
            prefixes: Vec::new(),
            suffixes: Vec::new(),
            possessive: None,
            particle: None,
            rule,
            entry: None,
        }
    }

    /// The word around the root as one prefix and one suffix, when the root is a slice of it.
    fn split(word: &str, root: &str, rule: &'static str) -> Explanation {
        let mut explanation = Explanation::plain(word, root.to_owned(), rule);
        if let Some(at) = word.rfind(root).filter(|_| !root.is_empty()) {
            let (head, tail) = (&word[..at], &word[at + root.len()..]);
            if !head.is_empty() {
                explanation.prefixes.push(format!("{head}-"));
            }
            if !tail.is_empty() {
                explanation.suffixes.push(format!("-{tail}"));
            }
        }
        explanation
    }

    /// A fraction's prefixes one by one: `ke-`, `se-`, `per-`, and `se-` when the numeral
    /// lost it (`seperseratus`); the clitic after the numeral.
    fn fraction(word: &str, root: &str) -> Explanation {
        let mut explanation =
            Explanation::plain(word, root.to_owned(), "fraction: se- per- + numeral");
        let at = word.rfind(root).unwrap_or(0);
        let mut head = &word[..at];
        if head.starts_with("kese") {
            explanation.prefixes.push("ke-".to_owned());
            head = &head[2..];
        }
        for prefix in ["se", "per", "se"] {
            if let Some(rest) = head.strip_prefix(prefix) {
                explanation.prefixes.push(format!("{prefix}-"));
                head = rest;
            }
        }
        let tail = &word[at + root.len()..];
        if !tail.is_empty() {
            let clitic = Some(format!("-{tail}"));
            if POSSESSIVES.contains(&tail) {
                explanation.possessive = clitic;
            } else {
                explanation.particle = clitic;
            }
        }
        explanation
    }

    fn add(&mut self, affix: Affix, text: String) {
        match affix {
            Affix::Prefix(_) => self.prefixes.push(text),
            Affix::Derivational => self.suffixes.insert(0, text),
            Affix::Possessive => self.possessive = Some(text),
            Affix::Particle => self.particle = Some(text),
        }
    }

    /// One line for people: `word: prefixes + root + suffixes (rule; lexicon: entry)`.
    pub fn to_line(&self) -> String {
        let mut parts: Vec<Cow<'_, str>> = self.prefixes.iter().map(|p| p.into()).collect();
        parts.push(format!("[{}]", self.root).into());
        parts.extend(self.suffixes.iter().map(|s| s.into()));
        parts.extend(self.possessive.iter().map(|s| s.into()));
        parts.extend(self.particle.iter().map(|s| s.into()));
        let entry = self.entry.as_deref().unwrap_or("not listed");
        format!(
            "{}: {}  ({}; lexicon: {})",
            self.word,
            parts.join(" + "),
            self.rule,
            entry
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stem::Lexicon;

    fn explain(word: &str) -> Explanation {
        Stemmer::indonesian(Lexicon::embedded()).explain(word)
    }

    #[test]
    fn explain_lists_the_affixes_cut() {
        let e = explain("diperhatikannya");
        assert_eq!(e.root, "hati");
        assert_eq!(e.prefixes, ["di-", "per-"]);
        assert_eq!(e.suffixes, ["-kan"]);
        assert_eq!(e.possessive.as_deref(), Some("-nya"));
        assert_eq!(e.particle, None);
        assert!(e.entry.as_deref().is_some_and(|s| s.starts_with("hati ")));
        // A prefix shows as written, its sound change included.
        assert_eq!(explain("penulisan").prefixes, ["pen-"]);
        assert_eq!(explain("menyapu").prefixes, ["meny-"]);
    }

    #[test]
    fn explain_names_the_rule_and_entry() {
        let e = explain("memasukkanlah");
        assert_eq!(e.root, "masuk");
        assert!(e.rule.contains("flags take"), "{}", e.rule);
        assert_eq!(e.particle.as_deref(), Some("-lah"));
        let listed = explain("rumah");
        assert_eq!((listed.rule, listed.prefixes.len()), ("lexicon word", 0));
        let unknown = explain("jokowinya");
        assert_eq!(unknown.root, "jokowi");
        assert_eq!(unknown.entry, None);
    }

    #[test]
    fn explain_names_the_newer_rules() {
        let fraction = explain("kesepertiganya");
        assert_eq!(fraction.prefixes, ["ke-", "se-", "per-"]);
        assert_eq!(fraction.possessive.as_deref(), Some("-nya"));
        assert!(fraction.rule.starts_with("fraction"), "{}", fraction.rule);
        assert!(explain("kesulitkan").rule.contains("k too many"));
        assert!(explain("ukuranya").rule.contains("-anya"));
        let loan = explain("dinormalisasi");
        assert_eq!(
            (loan.root.as_str(), loan.prefixes.len()),
            ("normalisasi", 1)
        );
        assert!(
            loan.suffixes.is_empty() && loan.rule.contains("loan"),
            "{}",
            loan.rule
        );
    }

    #[test]
    fn explain_ends_at_the_stem() {
        let stemmer = Stemmer::indonesian(Lexicon::embedded());
        let text = include_str!("../../samples/berita-banjir.txt");
        for word in text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
        {
            let word = word.to_lowercase();
            assert_eq!(stemmer.explain(&word).root, stemmer.stem(&word), "{word}");
        }
    }

    #[test]
    fn explain_serialises_every_field() {
        let json = serde_json::to_value(explain("pelajaran")).expect("serialisable");
        for key in [
            "word",
            "root",
            "prefixes",
            "suffixes",
            "possessive",
            "particle",
        ] {
            assert!(json.get(key).is_some(), "{key}");
        }
        assert_eq!(json["root"], "ajar");
    }
}
