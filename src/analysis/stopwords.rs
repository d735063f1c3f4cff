//! Stopwords: the function words that never characterise a text.
//!
//! The lists are data (`stopwords/*.txt`, each with its provenance header) embedded in the
//! binary; users add their own lists or drop the defaults.

use std::path::Path;

use crate::config::Language;
use crate::error::Error;
use crate::util::hash::FastSet;

const INDONESIAN: &str = include_str!("../../stopwords/id.txt");
const ENGLISH: &str = include_str!("../../stopwords/en.txt");

/// A set of lowercase stopwords.
#[derive(Debug, Clone, Default)]
pub struct Stopwords {
    words: FastSet<Box<str>>,
}

impl Stopwords {
    /// The embedded list for `language`.
    pub fn embedded(language: Language) -> Self {
        let mut list = Stopwords::default();
        list.extend_from_text(match language {
            Language::Indonesian => INDONESIAN,
            Language::English => ENGLISH,
        });
        list
    }

    /// Adds the words of a list: one a line, `#` starts a comment, blank lines are skipped.
    pub fn extend_from_text(&mut self, text: &str) {
        for line in text.lines() {
            let word = line.split('#').next().unwrap_or("").trim();
            if !word.is_empty() {
                self.words.insert(word.to_lowercase().into_boxed_str());
            }
        }
    }

    /// Adds the words of a user's list file.
    pub fn extend_from_file(&mut self, path: &Path) -> Result<(), Error> {
        let text = crate::error::read_word_list(path, "stopword list")?;
        self.extend_from_text(&text);
        Ok(())
    }

    /// Whether `word` (lowercase) is a stopword: listed, or the reduplication of a listed
    /// word ("lagi-lagi", "sama-sama"), which is as much a function word as its base. The
    /// hyphen is found byte by byte: in words this short, `split_once('-')`'s char searcher
    /// cost more than the lookups (callgrind, IndoSum train: 3.4M instructions for 36k
    /// words), and `memchr` two thirds of that.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
            || word.bytes().position(|b| b == b'-').is_some_and(|i| {
                // A hyphen is one byte: the word splits into whole characters around it.
                let (base, again) = (&word[..i], &word[i + 1..]);
                base == again && self.words.contains(base)
            })
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The words, in no set order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.words.iter().map(|w| w.as_ref())
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_embedded_lists_hold_function_words() {
        let id = Stopwords::embedded(Language::Indonesian);
        for w in [
            "yang", "dan", "di", "ini", "itu", "tidak", "adalah", "sini", "antara",
        ] {
            assert!(id.contains(w), "{w} missing from id.txt");
        }
        for w in ["pemerintah", "harga", "rumah", "nato"] {
            assert!(!id.contains(w), "{w} is content, not a stopword");
        }
        assert!(id.len() >= 300);
        let en = Stopwords::embedded(Language::English);
        assert!(en.contains("the") && !en.contains("government"));
    }

    #[test]
    fn stopwords_reduplicate_a_listed_word_only() {
        let id = Stopwords::embedded(Language::Indonesian);
        // Not listed whole: their bases are.
        for w in ["lagi-lagi", "hanya-hanya", "kini-kini"] {
            assert!(id.contains(w), "{w}");
        }
        // Reduplicated content words, and pairs of two different words, stay content.
        for w in ["rumah-rumah", "harga-harga", "lagi-rumah", "-", "lagi-"] {
            assert!(!id.contains(w), "{w}");
        }
    }

    #[test]
    fn stopwords_user_list_skips_comments_and_lowercases() {
        let mut list = Stopwords::default();
        list.extend_from_text("# header\nBerita\n\n  lho  # particle\n");
        assert!(list.contains("berita") && list.contains("lho"));
        assert_eq!(list.len(), 2);
    }
}
