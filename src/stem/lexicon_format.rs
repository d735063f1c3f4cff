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

use std::hash::BuildHasher;

use crate::util::hash::FastBuild;

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

/// A read-only open-addressing hash table of words and their bits, laid out in three byte
/// strings: `slots` (a little-endian `u32` per slot: 1 + the entry's index, 0 for empty; a
/// power of two of them), `entries` (12 bytes each: offset and length of the word in `words`,
/// then its bits) and `words` (the words run together). Probing is linear from the word's
/// [`FastBuild`] hash.
#[derive(Clone, Copy)]
pub struct Table<'a> {
    pub slots: &'a [u8],
    pub entries: &'a [u8],
    pub words: &'a [u8],
}

/// Where probing for `word` starts among `size` slots (a power of two).
fn home_slot(word: &str, size: usize) -> usize {
    FastBuild::default().hash_one(word) as usize & (size - 1)
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let b = &bytes[at..at + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

impl<'a> Table<'a> {
    /// Lays `words` (distinct, lowercase) out as a table; returns the three byte strings.
    #[allow(dead_code)] // build.rs lays out the embedded table; the crate only reads it
    pub fn build(words: &[(String, u32)]) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
        let size = (words.len() * 2).next_power_of_two().max(2);
        let mut slots = vec![0u32; size];
        let mut entries = Vec::with_capacity(12 * words.len());
        let mut blob = Vec::new();
        for (i, (word, bits)) in words.iter().enumerate() {
            entries.extend_from_slice(&(blob.len() as u32).to_le_bytes());
            entries.extend_from_slice(&(word.len() as u32).to_le_bytes());
            entries.extend_from_slice(&bits.to_le_bytes());
            blob.extend_from_slice(word.as_bytes());
            let mut slot = home_slot(word, size);
            while slots[slot] != 0 {
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = i as u32 + 1;
        }
        let slots = slots.iter().flat_map(|s| s.to_le_bytes()).collect();
        (slots, entries, blob)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.entries.len() / 12
    }

    #[allow(dead_code)] // `len` without it is a lint; only the tests ask
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The bits of `word`, if it is in the table.
    pub fn get(&self, word: &str) -> Option<u32> {
        let size = self.slots.len() / 4;
        let mut slot = home_slot(word, size);
        loop {
            let entry = u32_at(self.slots, 4 * slot) as usize;
            if entry == 0 {
                return None;
            }
            let at = 12 * (entry - 1);
            let start = u32_at(self.entries, at) as usize;
            let len = u32_at(self.entries, at + 4) as usize;
            // Byte by byte: the words are short, and most probes differ in length or in their
            // first bytes, where a slice comparison would call `memcmp`.
            if len == word.len() && self.words[start..start + len].iter().eq(word.as_bytes()) {
                return Some(u32_at(self.entries, at + 8));
            }
            slot = (slot + 1) & (size - 1);
        }
    }

    /// Every word with its bits, in the order they were laid out.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, u32)> + 'a {
        let (entries, words) = (self.entries, self.words);
        (0..entries.len() / 12).map(move |i| {
            let start = u32_at(entries, 12 * i) as usize;
            let len = u32_at(entries, 12 * i + 4) as usize;
            let word = std::str::from_utf8(&words[start..start + len])
                .expect("the build script writes whole UTF-8 words");
            (word, u32_at(entries, 12 * i + 8))
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
        let (slots, entries, blob) = Table::build(&words);
        let table = Table {
            slots: &slots,
            entries: &entries,
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
        let (slots, entries, blob) = Table::build(&[]);
        let empty = Table {
            slots: &slots,
            entries: &entries,
            words: &blob,
        };
        assert!(empty.is_empty() && empty.get("apa").is_none());
    }
}
