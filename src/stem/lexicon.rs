//! The root lexicon: which words are Indonesian roots and which affixes each takes.
//!
//! The embedded lexicon is read straight from the table `build.rs` lays out (see
//! `lexicon_format`), so a run starts without parsing it; a user's `--lexicon` file (see
//! `load`) or a changed embedded lexicon is held as a hash map instead. The stemmer asks only
//! the questions here: is a word listed, can it be a root of affixed words, which affix
//! classes does it take.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use crate::stem::lexicon_format::{self as format, CLASS_LETTERS, Table, class_bit};
use crate::util::hash::FastBuild;

// The embedded lexicon is `data/lexicon-id.txt` (hunspell's roots; see its header for
// provenance and licence), `data/lexicon-supplement-id.txt` (common roots hunspell lacks) and
// `data/homographs-id.txt` (roots preferred among homograph readings), laid out as a table by
// `build.rs`. The texts themselves are kept for the test that checks the table against them.
#[cfg(test)]
pub(super) const EMBEDDED_LEXICON: &str = include_str!("../../data/lexicon-id.txt");
#[cfg(test)]
pub(super) const EMBEDDED_SUPPLEMENT: &str = include_str!("../../data/lexicon-supplement-id.txt");
#[cfg(test)]
pub(super) const EMBEDDED_HOMOGRAPHS: &str = include_str!("../../data/homographs-id.txt");

pub(super) static EMBEDDED_TABLE: Table<'static> = Table {
    slots: include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.slots")),
    words: include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.words")),
};

/// A set of Indonesian root words, each with the affixes it is known to take.
///
/// A line is `word`, `word =` or `word CLASSES`. A bare word (`word =`) is a word of its own,
/// but never the root left by stripping a prefix or a derivational suffix: the embedded list
/// marks the words hunspell gives no affix flags, which keeps rare homographs (`upas`, `rang`)
/// from capturing derived words (`mengupas` is `kupas`, `menerangi` is `terang`). `CLASSES`
/// names the affixes hunspell's flags give the root, one letter each (see [`CLASS_LETTERS`];
/// `-` for none); a plain `word` takes any affix.
pub struct Lexicon {
    pub(super) words: Words,
}

pub(super) enum Words {
    /// The embedded lexicon, laid out at compile time: nothing to build at start-up.
    Table(Table<'static>),
    /// A user's lexicon file, or the embedded one once changed.
    Map(HashMap<Box<str>, Entry, FastBuild>),
}

/// What the lexicon knows about a word: whether it can be a root of affixed words, and which
/// affix classes hunspell allows on it (one bit per letter of [`CLASS_LETTERS`]), and whether
/// it is a preferred homograph.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub(super) struct Entry(pub(super) u32);

impl Entry {
    const AFFIXABLE: u32 = format::AFFIXABLE;
    /// The root wins over another reading of the same prefix (see `data/homographs-id.txt`).
    const PREFERRED: u32 = format::PREFERRED;

    pub(super) fn affixable(self) -> bool {
        self.0 & Entry::AFFIXABLE != 0
    }

    pub(super) fn preferred(self) -> bool {
        self.0 & Entry::PREFERRED != 0
    }

    /// How many affix classes hunspell's flags give the root.
    pub(super) fn class_count(self) -> u32 {
        (self.0 & ((1 << CLASS_LETTERS.len()) - 1)).count_ones()
    }

    pub(super) fn takes_all(self, classes: u32) -> bool {
        self.0 & classes == classes
    }
}

impl Lexicon {
    /// The lexicon shipped with ringkas (hunspell's roots, a supplement of common roots it
    /// lacks, and the preferred homographs), as `build.rs` laid it out: start-up builds no
    /// table and parses no lines.
    pub fn embedded() -> Arc<Lexicon> {
        static EMBEDDED: OnceLock<Arc<Lexicon>> = OnceLock::new();
        Arc::clone(EMBEDDED.get_or_init(|| {
            Arc::new(Lexicon {
                words: Words::Table(EMBEDDED_TABLE),
            })
        }))
    }

    /// Marks the roots listed in `text` (one a line, `#` comments) as the reading to take when
    /// a prefix's sound change leaves two lexicon roots. Words not in the lexicon are skipped.
    pub fn prefer(&mut self, text: &str) {
        let words = self.map();
        for word in format::preferred(text) {
            if let Some(entry) = words.get_mut(word) {
                entry.0 |= Entry::PREFERRED;
            }
        }
    }

    /// One word per line, optionally followed by ` =` (bare) or its affix classes; blank lines
    /// and lines starting with `#` are ignored; words are lowercased. A word listed twice
    /// takes the affixes of both lines.
    pub fn parse(text: &str) -> Lexicon {
        let mut lexicon = Lexicon {
            words: Words::Map(HashMap::default()),
        };
        lexicon.add(text);
        lexicon
    }

    /// Adds the words of `text`, in the format [`Lexicon::parse`] reads.
    pub(super) fn add(&mut self, text: &str) {
        let words = self.map();
        for (word, bits) in format::entries(text) {
            words.entry(word.to_lowercase().into()).or_default().0 |= bits;
        }
    }

    /// The words as a map that can change (the embedded table copied out the first time).
    pub(super) fn map(&mut self) -> &mut HashMap<Box<str>, Entry, FastBuild> {
        if let Words::Table(table) = &self.words {
            self.words = Words::Map(
                table
                    .iter()
                    .map(|(w, bits)| (w.into(), Entry(bits)))
                    .collect(),
            );
        }
        match &mut self.words {
            Words::Map(map) => map,
            Words::Table(_) => unreachable!("replaced by a map above"),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        match &self.words {
            Words::Table(table) => table.get(word).is_some(),
            Words::Map(map) => map.contains_key(word),
        }
    }

    /// Whether di- + `fragment` is a passive verb the lexicon explains, so that "di" written
    /// apart before it is the prefix, not the preposition: a root that takes di- and neither
    /// -kan nor -i ("di bahas"), or a root with di- and the suffix the fragment ends in ("di
    /// penuhi", "di bicarakan"), possibly after per-, ber- or ke- ("di perkirakan"). A root
    /// that takes di- bare and with a suffix ("rumah": dirumahkan) leaves "di rumah" alone.
    pub fn explains_di_verb(&self, fragment: &str) -> bool {
        let bit = |c: u8| class_bit(c).unwrap_or(0);
        let takes = |root: &str, classes: &[u8]| {
            let entry = self.entry(root);
            entry.affixable() && classes.iter().all(|&c| entry.takes_all(bit(c)))
        };
        let bare = self.entry(fragment);
        if bare.affixable()
            && bare.takes_all(bit(b'D'))
            && !bare.takes_all(bit(b'k'))
            && !bare.takes_all(bit(b'i'))
        {
            return true;
        }
        for (prefix, class) in [
            ("", None),
            ("per", Some(b'R')),
            ("ber", Some(b'B')),
            ("ke", Some(b'K')),
        ] {
            let Some(stem) = fragment.strip_prefix(prefix) else {
                continue;
            };
            for (suffix, suffix_class) in [("kan", b'k'), ("i", b'i')] {
                let Some(root) = stem.strip_suffix(suffix) else {
                    continue;
                };
                if root.len() < 3 {
                    continue;
                }
                let classes: &[u8] = match class {
                    Some(c) => &[b'D', suffix_class, c],
                    None => &[b'D', suffix_class],
                };
                if takes(root, classes) {
                    return true;
                }
            }
        }
        false
    }

    /// Whether `word` can be what remains of an affixed word.
    pub(super) fn is_affix_root(&self, word: &str) -> bool {
        self.entry(word).affixable()
    }

    pub(super) fn entry(&self, word: &str) -> Entry {
        self.lookup(word).unwrap_or_default()
    }

    /// The entry of `word` if it is listed: [`Lexicon::contains`] and [`Lexicon::entry`] in
    /// one lookup, for the stemmer's steps that ask both of the same word.
    pub(super) fn lookup(&self, word: &str) -> Option<Entry> {
        match &self.words {
            Words::Table(table) => table.get(word).map(Entry),
            Words::Map(map) => map.get(word).copied(),
        }
    }

    /// The lexicon line of `word` as the file format writes it (`word CLASSES`, `word =` for
    /// a bare word, `word -` for an affix root with no class), if listed.
    pub fn describe(&self, word: &str) -> Option<String> {
        if !self.contains(word) {
            return None;
        }
        let entry = self.entry(word);
        let classes: String = CLASS_LETTERS
            .bytes()
            .filter(|&c| entry.takes_all(class_bit(c).unwrap_or(0)))
            .map(char::from)
            .collect();
        let marker = match (entry.affixable(), classes.is_empty()) {
            (false, _) => "=".to_owned(),
            (true, true) => "-".to_owned(),
            (true, false) => classes,
        };
        Some(format!("{word} {marker}"))
    }

    pub fn len(&self) -> usize {
        match &self.words {
            Words::Table(table) => table.len(),
            Words::Map(map) => map.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon").field("len", &self.len()).finish()
    }
}
