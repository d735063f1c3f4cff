//! The lexicon's file format and the compact table the embedded lexicon is laid out in.
//!
//! Shared by the crate (which reads a user's `--lexicon FILE` and looks words up) and by
//! `build.rs` (which lays the embedded lexicon out at compile time), so that both read a line
//! the same way and a lookup finds what the build script placed. With the table built at
//! compile time, a one-document run starts without parsing 30,000 lines or filling a hash
//! map (that was most of its start-up).
//!
//! A line is `word`, `word =` or `word CLASSES`; blank lines and lines starting with `#` are
//! skipped (see `stem::Lexicon` for what the markers mean).

use crate::util::hash::hash_bytes;

/// The affix classes, in the order of their bits: prefixes ber-, di-, ke-, meN-, peN-, per-,
/// se-, ter-, ku-/kau-; suffixes -an, -i, -kan; particles (-lah, -kah, -tah, -pun), -nya,
/// and -ku/-mu.
pub const CLASS_LETTERS: &str = "BDKMPRSTUaiklno";

/// The word can be a root of affixed words.
pub const AFFIXABLE: u32 = 1 << 15;
/// The root wins over another reading of the same prefix (see `data/homographs-id.txt`).
pub const PREFERRED: u32 = 1 << 16;
/// A plain `word`: a root that takes any affix.
pub const ANY: u32 = AFFIXABLE | ((1 << CLASS_LETTERS.len()) - 1);

pub fn class_bit(letter: u8) -> Option<u32> {
    CLASS_LETTERS
        .bytes()
        .position(|b| b == letter)
        .map(|i| 1 << i)
}

/// `=`, `-` or affix class letters: what may follow a word on a lexicon line.
fn is_marker(field: &str) -> bool {
    field == "=" || field == "-" || field.bytes().all(|b| class_bit(b).is_some())
}

/// The bits of a marker: `=` is bare, `-` an affix root with no known class, letters the
/// classes it takes, none any affix.
pub fn marker_bits(marker: Option<&str>) -> u32 {
    match marker {
        None => ANY,
        Some("=") => 0,
        Some(classes) => classes
            .bytes()
            .fold(AFFIXABLE, |bits, b| bits | class_bit(b).unwrap_or(0)),
    }
}

/// Each word of a lexicon text (as written, not lowercased) with its marker's bits.
pub fn entries(text: &str) -> impl Iterator<Item = (&str, u32)> + '_ {
    // ASCII text (the embedded lists) is cut with byte searches, which find the same lines and
    // fields as the `char` ones: on ASCII, `char::is_whitespace` is space, `\t`..`\r`.
    let ascii = text.is_ascii();
    let is_space = |b: &u8| *b == b' ' || (b'\t'..=b'\r').contains(b);
    text.split('\n').filter_map(move |raw| {
        let line = if ascii {
            let bytes = raw.as_bytes();
            let start = bytes
                .iter()
                .position(|b| !is_space(b))
                .unwrap_or(bytes.len());
            let end = bytes
                .iter()
                .rposition(|b| !is_space(b))
                .map_or(start, |e| e + 1);
            &raw[start..end]
        } else {
            raw.trim()
        };
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let split = if ascii {
            line.bytes()
                .rposition(|b| is_space(&b))
                .map(|k| (&line[..k], &line[k + 1..]))
        } else {
            line.rsplit_once(char::is_whitespace)
        };
        let (word, marker) = match split {
            Some((word, marker)) if is_marker(marker) => (word.trim_end(), Some(marker)),
            // `word=` written without the space.
            _ => match line.strip_suffix('=') {
                Some(word) => (word.trim_end(), Some("=")),
                None => (line, None),
            },
        };
        (!word.is_empty()).then(|| (word, marker_bits(marker)))
    })
}

/// The words of a preference list: one a line, `#` comments.
pub fn preferred(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.lines()
        .map(str::trim)
        .filter(|w| !w.is_empty() && !w.starts_with('#'))
}

/// A read-only open-addressing hash table of words and their bits, laid out in two byte
/// strings: `slots`, a power of two of little-endian `u64`s (0 for an empty slot), each
/// holding a word's bits, its length, where it starts in `words` and a tag from its hash; and
/// `words`, the words run together. Probing is linear from the word's [`hash_bytes`] hash.
///
/// A slot decides a probe alone unless its tag and length both match: most lookups while
/// stemming are for candidate roots that are not listed, and with the word's place and bits
/// in a separate entries array (12 bytes each, the earlier layout) each probe read the slot,
/// the entry and the word, up to three cache misses. Cachegrind, IndoSum train -j1 (91.7k
/// lookups): `Table::get`'s D1 read misses 146k -> 74k, and as many fewer past a 512 KiB L2.
#[derive(Clone, Copy)]
pub struct Table<'a> {
    pub slots: &'a [u8],
    pub words: &'a [u8],
}

/// The fields of a slot, lowest bits first: the word's bits, its length, its start in `words`,
/// then the tag.
const BITS_WIDTH: u32 = 17;
const LEN_SHIFT: u32 = BITS_WIDTH;
const LEN_WIDTH: u32 = 7;
const START_SHIFT: u32 = LEN_SHIFT + LEN_WIDTH;
const START_WIDTH: u32 = 24;
const TAG_SHIFT: u32 = START_SHIFT + START_WIDTH;
/// The tag and length of a slot: what a probe compares before reading the word.
const KEY_MASK: u64 = !0 << TAG_SHIFT | field_mask(LEN_WIDTH) << LEN_SHIFT;

const fn field_mask(width: u32) -> u64 {
    (1 << width) - 1
}

/// The longest word a table holds.
const MAX_LEN: usize = field_mask(LEN_WIDTH) as usize;

/// The word's hash, and its tag and length as they sit in a slot.
fn probe_key(word: &str) -> (u64, u64) {
    let hash = hash_bytes(word.as_bytes());
    // The tag from a second mix: the slot index takes the hash's low bits, and its high bits
    // depend on little more than a short word's first letters.
    let tag = hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> TAG_SHIFT << TAG_SHIFT;
    (hash, tag | (word.len() as u64) << LEN_SHIFT)
}

fn u64_at(bytes: &[u8], slot: usize) -> u64 {
    let b = &bytes[8 * slot..8 * slot + 8];
    u64::from_le_bytes(b.try_into().expect("eight bytes"))
}

impl<'a> Table<'a> {
    /// Lays `words` (distinct, lowercase, not empty) out as a table; returns the slots and
    /// the words run together.
    #[allow(dead_code)] // build.rs lays out the embedded table; the crate only reads it
    pub fn build(words: &[(String, u32)]) -> (Vec<u8>, Vec<u8>) {
        // At most half full: a word that is not listed meets few occupied slots.
        let size = (words.len() * 2).next_power_of_two().max(2);
        let mut slots = vec![0u64; size];
        let mut blob = Vec::new();
        for (word, bits) in words {
            let start = blob.len() as u64;
            assert!(
                !word.is_empty() && word.len() <= MAX_LEN,
                "{word:?}: length"
            );
            assert!(u64::from(*bits) <= field_mask(BITS_WIDTH), "{word}: bits");
            assert!(start <= field_mask(START_WIDTH), "lexicon too long");
            blob.extend_from_slice(word.as_bytes());
            let (hash, key) = probe_key(word);
            let mut slot = hash as usize & (size - 1);
            while slots[slot] != 0 {
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = key | start << START_SHIFT | u64::from(*bits);
        }
        let slots = slots.iter().flat_map(|s| s.to_le_bytes()).collect();
        (slots, blob)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.occupied().count()
    }

    #[allow(dead_code)] // `len` without it is a lint; only the tests ask
    pub fn is_empty(&self) -> bool {
        self.occupied().next().is_none()
    }

    fn occupied(&self) -> impl Iterator<Item = u64> + 'a {
        let slots = self.slots;
        (0..slots.len() / 8)
            .map(move |i| u64_at(slots, i))
            .filter(|&s| s != 0)
    }

    /// The bits of `word`, if it is in the table.
    pub fn get(&self, word: &str) -> Option<u32> {
        if word.len() > MAX_LEN {
            return None;
        }
        let mask = self.slots.len() / 8 - 1;
        let (hash, key) = probe_key(word);
        let mut slot = hash as usize & mask;
        loop {
            let found = u64_at(self.slots, slot);
            if found == 0 {
                return None;
            }
            if found & KEY_MASK == key && self.word_at(found).iter().eq(word.as_bytes()) {
                return Some((found & field_mask(BITS_WIDTH)) as u32);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The bytes of the word in `slot`.
    fn word_at(&self, slot: u64) -> &'a [u8] {
        let start = (slot >> START_SHIFT & field_mask(START_WIDTH)) as usize;
        let len = (slot >> LEN_SHIFT & field_mask(LEN_WIDTH)) as usize;
        &self.words[start..start + len]
    }

    /// Every word with its bits, in the order they were laid out.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, u32)> + 'a {
        let mut slots: Vec<u64> = self.occupied().collect();
        slots.sort_unstable_by_key(|s| s >> START_SHIFT & field_mask(START_WIDTH));
        let table = *self;
        slots.into_iter().map(move |slot| {
            let word = std::str::from_utf8(table.word_at(slot))
                .expect("the build script writes whole UTF-8 words");
            (word, (slot & field_mask(BITS_WIDTH)) as u32)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_format_lines_and_markers() {
        let text = "# comment\n\nmakan\nrumah =\najar MBa\n  tulis -  \nlari=\nÉkonomi i\n";
        let got: Vec<(&str, u32)> = entries(text).collect();
        let bit = |c: u8| class_bit(c).unwrap();
        assert_eq!(
            got,
            [
                ("makan", ANY),
                ("rumah", 0),
                ("ajar", AFFIXABLE | bit(b'M') | bit(b'B') | bit(b'a')),
                ("tulis", AFFIXABLE),
                ("lari", 0),
                ("Ékonomi", AFFIXABLE | bit(b'i')),
            ]
        );
        let prefs: Vec<&str> = preferred("# x\nkupas\n\n terang \n").collect();
        assert_eq!(prefs, ["kupas", "terang"]);
    }

    #[test]
    fn lexicon_format_table_finds_every_word_and_nothing_else() {
        let words: Vec<(String, u32)> = (0..1000).map(|i| (format!("kata{i}"), i)).collect();
        let (slots, blob) = Table::build(&words);
        let table = Table {
            slots: &slots,
            words: &blob,
        };
        assert_eq!(table.len(), 1000);
        for (word, bits) in &words {
            assert_eq!(table.get(word), Some(*bits), "{word}");
        }
        for absent in ["kata1000", "kata", "", "kata10 ", "Kata1"] {
            assert_eq!(table.get(absent), None, "{absent}");
        }
        assert!(table.iter().eq(words.iter().map(|(w, b)| (w.as_str(), *b))));
        let (slots, blob) = Table::build(&[]);
        let empty = Table {
            slots: &slots,
            words: &blob,
        };
        assert!(empty.is_empty() && empty.get("apa").is_none());
    }

    #[test]
    fn lexicon_format_table_slot_fields_hold_their_extremes() {
        let longest = "k".repeat(MAX_LEN);
        let all_bits = field_mask(BITS_WIDTH) as u32;
        // Same length and first letters: only the tag and the bytes tell them apart.
        let mut words: Vec<(String, u32)> = (0..5000)
            .map(|i| (format!("kat{i:05}"), (i % 7) << 14))
            .collect();
        words.push((longest.clone(), all_bits));
        words.push(("ékonomi".to_owned(), PREFERRED | ANY));
        words.push(("a".to_owned(), 0));
        let (slots, blob) = Table::build(&words);
        let table = Table {
            slots: &slots,
            words: &blob,
        };
        assert_eq!(table.len(), words.len());
        for (word, bits) in &words {
            assert_eq!(table.get(word), Some(*bits), "{word}");
        }
        let too_long = "k".repeat(MAX_LEN + 1);
        let absent = (5000..10_000).map(|i| format!("kat{i:05}"));
        for word in absent.chain([too_long, "ekonomi".to_owned(), "b".to_owned()]) {
            assert_eq!(table.get(&word), None, "{word}");
        }
        assert!(table.iter().eq(words.iter().map(|(w, b)| (w.as_str(), *b))));
    }
}
