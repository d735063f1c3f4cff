//! Stemming: reduce a lowercase word to the root that keywords are counted under.
//!
//! Indonesian is the reason this module exists. Its words are built from roots with prefixes
//! that change the root's first sound (`me-` + `sapu` = `menyapu`), confixes (`ke-...-an`),
//! suffixes, clitics (`-nya`, `-lah`) and reduplication (`negara-negara`), so "same keyword"
//! means "same root", and a suffix-chopping stemmer is not enough. [`IndonesianStemmer`]
//! implements Enhanced Confix Stripping (Nazief & Adriani, refined by Asian and Arifin &
//! Setiono, the rule set Sastrawi follows): every candidate is checked against a root
//! [`Lexicon`] (derived from Debian's `hunspell-id`, see `data/lexicon-id.txt`), and words the
//! lexicon cannot explain fall back to conservative rule-based stripping.
//!
//! This is the one file that names a stemming crate or algorithm; the rest of the crate sees
//! [`Stemmer`] and, per worker, [`MemoStemmer`].

pub mod explain;
pub(crate) mod lexicon_format;
mod load;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use crate::analysis::stopwords::Stopwords;
use crate::util::hash::{FastBuild, Interner};

pub use crate::stem::lexicon_format::CLASS_LETTERS;
use crate::stem::lexicon_format::{self as format, Table};

// The embedded lexicon is `data/lexicon-id.txt` (hunspell's roots; see its header for
// provenance and licence), `data/lexicon-supplement-id.txt` (common roots hunspell lacks) and
// `data/homographs-id.txt` (roots preferred among homograph readings), laid out as a table by
// `build.rs`. The texts themselves are kept for the test that checks the table against them.
#[cfg(test)]
const EMBEDDED_LEXICON: &str = include_str!("../../data/lexicon-id.txt");
#[cfg(test)]
const EMBEDDED_SUPPLEMENT: &str = include_str!("../../data/lexicon-supplement-id.txt");
#[cfg(test)]
const EMBEDDED_HOMOGRAPHS: &str = include_str!("../../data/homographs-id.txt");

static EMBEDDED_TABLE: Table<'static> = Table {
    slots: include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.slots")),
    entries: include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.entries")),
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
    words: Words,
}

enum Words {
    /// The embedded lexicon, laid out at compile time: nothing to build at start-up.
    Table(Table<'static>),
    /// A user's lexicon file, or the embedded one once changed.
    Map(HashMap<Box<str>, Entry, FastBuild>),
}

/// What the lexicon knows about a word: whether it can be a root of affixed words, and which
/// affix classes hunspell allows on it (one bit per letter of [`CLASS_LETTERS`]), and whether
/// it is a preferred homograph.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
struct Entry(u32);

impl Entry {
    const AFFIXABLE: u32 = format::AFFIXABLE;
    /// The root wins over another reading of the same prefix (see `data/homographs-id.txt`).
    const PREFERRED: u32 = format::PREFERRED;

    fn affixable(self) -> bool {
        self.0 & Entry::AFFIXABLE != 0
    }

    fn preferred(self) -> bool {
        self.0 & Entry::PREFERRED != 0
    }

    fn takes_all(self, classes: u32) -> bool {
        self.0 & classes == classes
    }
}

/// The affix classes a root must take to explain a listed word, and whether a loan suffix
/// (-is, -isme, -isasi: no hunspell flag) was cut.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Needs {
    classes: u32,
    loan: bool,
}

use format::class_bit;

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
    fn add(&mut self, text: &str) {
        let words = self.map();
        for (word, bits) in format::entries(text) {
            words.entry(word.to_lowercase().into()).or_default().0 |= bits;
        }
    }

    /// The words as a map that can change (the embedded table copied out the first time).
    fn map(&mut self) -> &mut HashMap<Box<str>, Entry, FastBuild> {
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

    /// Whether `word` can be what remains of an affixed word.
    fn is_affix_root(&self, word: &str) -> bool {
        self.entry(word).affixable()
    }

    fn entry(&self, word: &str) -> Entry {
        match &self.words {
            Words::Table(table) => Entry(table.get(word).unwrap_or(0)),
            Words::Map(map) => map.get(word).copied().unwrap_or_default(),
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

/// Enhanced Confix Stripping over a root lexicon, with a rule-based fallback.
#[derive(Clone, Debug)]
pub struct IndonesianStemmer {
    lexicon: Arc<Lexicon>,
}

impl IndonesianStemmer {
    pub fn new(lexicon: Arc<Lexicon>) -> Self {
        IndonesianStemmer { lexicon }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The root of `word`, which must already be lowercase. Lexicon words, short words and
    /// words with digits come back borrowed, unchanged.
    pub fn stem<'w>(&self, word: &'w str) -> Cow<'w, str> {
        if is_short(word) || word.bytes().any(|b| b.is_ascii_digit()) {
            return Cow::Borrowed(word);
        }
        if self.is_root(word) {
            return Cow::Borrowed(self.listed_derivation(word).unwrap_or(word));
        }
        if word.contains('-') {
            return self.stem_hyphenated(word);
        }
        self.stem_single(word)
    }

    /// The root of a lexicon word that hunspell lists as a word but is a derivation: see
    /// [`IndonesianStemmer::bare_derivation`].
    pub(crate) fn listed_derivation<'w>(&self, word: &'w str) -> Option<&'w str> {
        if word.contains('-') {
            return None;
        }
        if self.lexicon.is_affix_root(word) {
            return self.listed_prefixed(word);
        }
        self.bare_derivation(word)
    }

    /// The root of an affix root hunspell lists that is itself a ber- or per- derivation: a
    /// ber-/per- word it lets take di- (`berlaku`, `perhati`, `perinci`: `diberlakukan`,
    /// `diperhatikan`) is listed only to carry the di-/meN-...-kan forms a derived verb takes,
    /// when the rest is a root hunspell lets take that prefix. And the irregular `bel-`/`pel-`
    /// (ber-, peN- before one root, `ajar`), recognised where the lexicon lists both forms of
    /// the same rest, as it does for no accidental pair (`belalang` has no `pelalang`).
    fn listed_prefixed<'w>(&self, word: &'w str) -> Option<&'w str> {
        let entry = self.lexicon.entry(word);
        // ber-/per- lose their r before a root in r: `perinci` is per- + rinci.
        for (prefix, class) in [("ber", b'B'), ("per", b'R'), ("be", b'B'), ("pe", b'R')] {
            let Some(rest) = word
                .strip_prefix(prefix)
                .filter(|rest| prefix.len() == 3 || rest.starts_with('r'))
            else {
                continue;
            };
            let takes = |e: Entry, c: u8| e.takes_all(class_bit(c).unwrap_or(0));
            if rest.len() >= 3
                && takes(entry, b'D')
                && self.lexicon.is_affix_root(rest)
                && takes(self.lexicon.entry(rest), class)
            {
                return Some(rest);
            }
        }
        let (head, other) = match word.get(..3)? {
            "bel" => ("bel", "pel"),
            "pel" => ("pel", "bel"),
            _ => return None,
        };
        let rest = &word[head.len()..];
        let paired = starts_vowel(rest)
            && rest.len() >= 3
            && self.lexicon.is_affix_root(rest)
            && self.lexicon.contains(&prepend(other, rest));
        paired.then_some(rest)
    }

    /// The root of a bare lexicon word that is an affix root with suffixes or a repeated first
    /// syllable on, when the root's hunspell flags allow those suffixes: hunspell lists many
    /// such words without flags (`belikan`, `besaran`, `idealisme`, `rerata`, `apatah`),
    /// because its suffix flags mostly work only inside a confix. Prefixed words it lists
    /// apart from their roots are words of their own (`beringin`, `perdata`, `mendiang`): its
    /// prefix flags all work alone, so those would be generated if they were plain derivations.
    /// Only suffixes are cut, so the root is a slice of the word.
    fn bare_derivation<'w>(&self, word: &'w str) -> Option<&'w str> {
        let mut needs = Needs::default();
        let mut rest = word;
        if let Some(root) = self.licensed_root(rest, needs) {
            return Some(root);
        }
        if let Some(r) = strip_any_suffix(rest, &PARTICLES) {
            rest = r;
            needs.classes |= class_bit(b'l').unwrap_or(0);
            if let Some(root) = self.licensed_root(rest, needs) {
                return Some(root);
            }
        }
        if let Some(r) = strip_any_suffix(rest, &POSSESSIVES) {
            let class = if rest.ends_with("nya") { b'n' } else { b'o' };
            needs.classes |= class_bit(class).unwrap_or(0);
            rest = r;
            if let Some(root) = self.licensed_root(rest, needs) {
                return Some(root);
            }
        }
        let suffix = DERIVATIONAL.iter().find(|s| rest.ends_with(*s))?;
        let mut derived = needs;
        match *suffix {
            "kan" => {
                // -an after a root ending in k (`masukan`) before -kan (`belikan`).
                let mut an = needs;
                an.classes |= class_bit(b'a').unwrap_or(0);
                if let Some(root) = self.licensed_root(&rest[..rest.len() - 2], an) {
                    return Some(root);
                }
                derived.classes |= class_bit(b'k').unwrap_or(0);
            }
            "an" => derived.classes |= class_bit(b'a').unwrap_or(0),
            // -i alone makes only imperatives (`hantui`): a word hunspell lists in -i is a
            // word of its own (`tetapi`, `hayati`, `katai`), as is one in a loan suffix
            // (`globalisasi`, `idealisme`: their lemma in the Indonesian treebanks).
            _ => return None,
        }
        self.licensed_root(&rest[..rest.len() - suffix.len()], derived)
    }

    /// `candidate` (or, after a repeated first syllable, its rest) if it is an affix root that
    /// takes everything in `needs`.
    fn licensed_root<'w>(&self, candidate: &'w str, needs: Needs) -> Option<&'w str> {
        let takes = |root: &str| {
            let entry = self.lexicon.entry(root);
            root.len() >= 3
                && entry.affixable()
                && entry.takes_all(needs.classes)
                && (!needs.loan || root.len() >= MIN_LOAN_ROOT)
        };
        if needs != Needs::default() && takes(candidate) {
            return Some(candidate);
        }
        // Only `le-`/`re-` (`lelembut`, `rerata`), which also read as the infixes -el-, -er-:
        // other listed `Ce-` words are mostly words of their own (`beberapa`, `tetangga`).
        // candidate[0] is an ASCII consonant, so byte 2 is a char boundary.
        let reduplicated = (is_dwipurwa(candidate)
            && matches!(candidate.as_bytes()[0], b'l' | b'r'))
        .then(|| &candidate[2..])?;
        takes(reduplicated).then_some(reduplicated)
    }

    fn is_root(&self, word: &str) -> bool {
        self.lexicon.contains(word)
    }

    fn stem_single<'w>(&self, word: &'w str) -> Cow<'w, str> {
        match self
            .confix_strip(word)
            .or_else(|| self.partial_reduplication(word))
        {
            Some(root) => match self.listed_derivation(&root) {
                Some(inner) => Cow::Owned(inner.to_owned()),
                None => Cow::Owned(root),
            },
            None => match self.misspelt(word) {
                Some(root) => Cow::Owned(root),
                None => fallback(word),
            },
        }
    }

    /// The root of a word no parse explains, read as one of two common slips of the pen.
    /// Indonesian forms no di-...-an or meN-...-an, so such a word is a -kan with its k lost,
    /// mostly after a root ending in k (`ditunjukan`, `meledakan`, `digunaan`): it is read as
    /// the -kan word when the root takes -kan. And the preposition di is often written
    /// onto the noun after it (`dikecamatan`, `dipegunungan`): the rest is stemmed alone.
    pub(crate) fn misspelt(&self, word: &str) -> Option<String> {
        let kan = word
            .strip_suffix("an")
            .filter(|_| word.starts_with("di") || word.starts_with("me"));
        if let Some(stem) = kan {
            let repaired = format!("{stem}kan");
            if let Some((root, _, cut)) = self.confix_strip_traced(&repaired) {
                let takes_kan = self
                    .lexicon
                    .entry(&root)
                    .takes_all(class_bit(b'k').unwrap_or(0));
                if takes_kan && cut.iter().any(|(_, text)| text == "-kan") {
                    return Some(root);
                }
            }
        }
        let rest = word.strip_prefix("di").filter(|rest| rest.len() >= 4)?;
        self.root_of(rest).map(|root| {
            self.listed_derivation(&root)
                .map_or(root.clone(), str::to_owned)
        })
    }

    /// Dwipurwa, the reduplicated first syllable written `Ce-`: `rerata` is `rata`,
    /// `lelembut` is `lembut`, `tetamu` is `tamu`.
    fn partial_reduplication(&self, word: &str) -> Option<String> {
        if !is_dwipurwa(word) {
            return None;
        }
        // bytes[0] is ASCII, so byte 2 is a char boundary.
        self.root_of(&word[2..])
    }

    /// Reduplication: `negara-negara`, `berbalas-balasan`, `meniru-nirukan`,
    /// `malaikat-malaikat-nya`. A clitic after a single hyphen (`kuasa-mu`, `allah-lah`) is an
    /// ordinary suffix; anything else that does not reduce to one root stays as written.
    fn stem_hyphenated<'w>(&self, word: &'w str) -> Cow<'w, str> {
        let Some((head, tail)) = word.rsplit_once('-') else {
            return Cow::Borrowed(word);
        };
        if head.is_empty() || tail.is_empty() {
            return Cow::Borrowed(word);
        }
        let clitic = PARTICLES.contains(&tail) || POSSESSIVES.contains(&tail);
        if clitic && !head.contains('-') {
            return match self.stem(head) {
                Cow::Borrowed(stem) => Cow::Borrowed(stem),
                Cow::Owned(stem) => Cow::Owned(stem),
            };
        }
        let (first, second) = match head.rsplit_once('-') {
            Some((first, middle)) if clitic => (first, Cow::Owned(format!("{middle}{tail}"))),
            _ => (head, Cow::Borrowed(tail)),
        };
        if first.is_empty() || second.is_empty() || first.contains('-') {
            return Cow::Borrowed(word);
        }
        let left = self.root_of(first);
        let right = self.root_of(&second).or_else(|| {
            // The second half of `meniru-nirukan` lost its prefix's sound change.
            self.root_of(&format!("me{second}"))
        });
        match (left, right) {
            (Some(left), Some(right)) if left == right => Cow::Owned(left),
            _ if first == second => match self.stem(first) {
                Cow::Borrowed(stem) => Cow::Borrowed(stem),
                Cow::Owned(stem) => Cow::Owned(stem),
            },
            _ => Cow::Borrowed(word),
        }
    }

    /// The lexicon root of a single (unhyphenated) word, if confix stripping finds one.
    fn root_of(&self, word: &str) -> Option<String> {
        if self.is_root(word) {
            Some(word.to_owned())
        } else if is_short(word) {
            None
        } else {
            self.confix_strip(word)
        }
    }

    /// Confix stripping, first against affix roots whose hunspell flags take the affixes
    /// cut (`memasuki` is `masuk`, which takes meN- and -i, not `pasuk`, which takes neither),
    /// then against any affix root, then (for roots hunspell lists without affixes, often
    /// loans: `menuklir`) against every lexicon word.
    fn confix_strip(&self, word: &str) -> Option<String> {
        self.confix_strip_traced(word).map(|(root, _, _)| root)
    }

    /// [`IndonesianStemmer::confix_strip`] with the pass that found the root and the affixes
    /// cut, outermost prefix first, for `ringkas stem --explain`.
    pub(crate) fn confix_strip_traced(&self, word: &str) -> Option<Parse> {
        [Pass::Licensed, Pass::Affix, Pass::Bare]
            .into_iter()
            .find_map(|pass| {
                let mut context = Context::new(word, &self.lexicon, pass);
                context.run();
                context.found().then(|| {
                    let cut = context.removals.iter().map(Removal::cut).collect();
                    (context.current, pass, cut)
                })
            })
    }
}

/// A confix-stripping parse: the root, the pass that found it, and each affix cut with the
/// text it took off, outermost prefix first.
pub(crate) type Parse = (String, Pass, Vec<(Affix, String)>);

/// One stemming algorithm, chosen by the language of the run.
pub enum Stemmer {
    Indonesian(IndonesianStemmer),
    English(rust_stemmers::Stemmer),
}

impl Stemmer {
    pub fn indonesian(lexicon: Arc<Lexicon>) -> Self {
        Stemmer::Indonesian(IndonesianStemmer::new(lexicon))
    }

    pub fn english() -> Self {
        Stemmer::English(rust_stemmers::Stemmer::create(
            rust_stemmers::Algorithm::English,
        ))
    }

    /// The stem of a lowercase word.
    pub fn stem<'w>(&self, word: &'w str) -> Cow<'w, str> {
        match self {
            Stemmer::Indonesian(stemmer) => stemmer.stem(word),
            Stemmer::English(stemmer) => stemmer.stem(word),
        }
    }

    /// The root lexicon, for the languages that have one.
    pub fn lexicon(&self) -> Option<&Lexicon> {
        match self {
            Stemmer::Indonesian(stemmer) => Some(stemmer.lexicon()),
            Stemmer::English(_) => None,
        }
    }
}

impl fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stemmer::Indonesian(stemmer) => f.debug_tuple("Indonesian").field(stemmer).finish(),
            Stemmer::English(_) => f.write_str("English"),
        }
    }
}

/// Memoised stemming for one run / one worker thread.
///
/// News text repeats its words, so each distinct word is stemmed once. Words (and stems, and
/// any other key the analyzer counts under) are numbered by an [`Interner`]: after one hash
/// lookup for a word, its stem, whether the lexicon knows it and whether it is a stopword are
/// read from a `Vec` by the word's id, each found out the first time it is asked.
///
/// A memo serves the analyzer that made it: it remembers that analyzer's stopword answers.
pub struct MemoStemmer<'s> {
    stemmer: &'s Stemmer,
    words: Interner,
    /// What is known of each word, by id.
    facts: Vec<Facts>,
    /// The current document's number, for [`MemoStemmer::marks`].
    document: u32,
    /// The ids of the current document's vocabulary keys, in vocabulary order.
    document_keys: Vec<WordId>,
}

/// A word's id in its [`MemoStemmer`].
pub type WordId = u32;

/// What a memo has found out about one word; each fact is looked up once, when first asked.
#[derive(Clone, Copy)]
struct Facts {
    /// The id of the word's stem, or [`UNKNOWN`].
    stem: WordId,
    /// [`Facts`] flag bits: which of the facts below are known, and their answers.
    flags: u8,
    /// The document `marks` belong to; older marks read as none.
    document: u32,
    marks: DocMarks,
}

/// What the analyzer notes about a word within one document. Kept beside the word's facts, so
/// that it is found by the word's id with no table of its own to fill and clear per document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DocMarks {
    /// The word's id in the document's vocabulary, once it has one.
    pub vocab: Option<u32>,
    /// Seen in lowercase in the document.
    pub lower: bool,
    /// Seen capitalised inside a sentence in the document.
    pub name: bool,
}

/// In [`Facts::stem`]: not stemmed yet.
const UNKNOWN: WordId = WordId::MAX;

impl Facts {
    const LEXICON_KNOWN: u8 = 1;
    const IN_LEXICON: u8 = 2;
    const STOP_KNOWN: u8 = 4;
    const STOP: u8 = 8;

    /// The answer for `flag` (with `known` its "asked before" bit), found with `ask` the first
    /// time.
    fn flag(&mut self, known: u8, flag: u8, ask: impl FnOnce() -> bool) -> bool {
        if self.flags & known == 0 {
            self.flags |= known | if ask() { flag } else { 0 };
        }
        self.flags & flag != 0
    }
}

impl<'s> MemoStemmer<'s> {
    pub fn new(stemmer: &'s Stemmer) -> Self {
        MemoStemmer {
            stemmer,
            words: Interner::default(),
            facts: Vec::new(),
            document: 0,
            document_keys: Vec::new(),
        }
    }

    /// Starts a new document: every word's [`DocMarks`] read as none again.
    pub fn begin_document(&mut self) {
        self.document_keys.clear();
        self.document = self.document.wrapping_add(1);
        if self.document == 0 {
            // After 2^32 documents the numbers come round: forget the marks for real.
            for facts in &mut self.facts {
                facts.document = 0;
                facts.marks = DocMarks::default();
            }
            self.document = 1;
        }
    }

    /// The marks of the word numbered `id` in the current document.
    pub fn marks(&mut self, id: WordId) -> &mut DocMarks {
        let facts = &mut self.facts[id as usize];
        if facts.document != self.document {
            facts.document = self.document;
            facts.marks = DocMarks::default();
        }
        &mut facts.marks
    }

    /// The vocabulary id the key numbered `id` has in the current document, given the next
    /// one (`next`, which adds the key to the document's vocabulary) if it has none yet. The
    /// id is kept in the key's [`DocMarks`]: one lookup of a number, not of a string.
    pub fn vocab_id(&mut self, id: WordId, next: impl FnOnce(&str) -> u32) -> u32 {
        if let Some(v) = self.marks(id).vocab {
            return v;
        }
        let v = next(self.words.get(id));
        debug_assert_eq!(v as usize, self.document_keys.len());
        self.document_keys.push(id);
        self.marks(id).vocab = Some(v);
        v
    }

    /// The ids of the keys of the document analysed last, by its vocabulary id.
    pub fn document_keys(&self) -> &[WordId] {
        &self.document_keys
    }

    /// Heap bytes the memo holds: its words, their table and what is known of each.
    pub fn heap_bytes(&self) -> usize {
        self.words.heap_bytes()
            + self.facts.capacity() * size_of::<Facts>()
            + self.document_keys.capacity() * size_of::<WordId>()
    }

    /// Forgets every word, so that ids start from 0 again: a memo that has seen a corpus's
    /// every number, name and address would otherwise grow with the corpus. Between
    /// documents only; any id handed out before means nothing after.
    pub fn clear(&mut self) {
        *self = MemoStemmer::new(self.stemmer);
    }

    /// The number of words (and keys) numbered so far: every id is below it.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// The id of a word (or any key), numbered if new.
    pub fn id(&mut self, word: &str) -> WordId {
        let id = self.words.intern(word);
        if id as usize == self.facts.len() {
            self.facts.push(Facts {
                stem: UNKNOWN,
                flags: 0,
                document: 0,
                marks: DocMarks::default(),
            });
        }
        id
    }

    /// The word numbered `id`.
    pub fn word(&self, id: WordId) -> &str {
        self.words.get(id)
    }

    /// The id of the stem of the lowercase word numbered `id`.
    #[inline]
    pub fn stem_id(&mut self, id: WordId) -> WordId {
        let known = self.facts[id as usize].stem;
        if known != UNKNOWN {
            return known;
        }
        self.stem_new(id)
    }

    /// [`MemoStemmer::stem_id`] the first time: out of line, so that the lookups stay small
    /// enough to inline.
    #[cold]
    fn stem_new(&mut self, id: WordId) -> WordId {
        let word = self.words.get(id);
        let stem = match self.stemmer.stem(word) {
            Cow::Borrowed(stem) if stem == word => id,
            stem => {
                let stem = stem.into_owned();
                self.id(&stem)
            }
        };
        self.facts[id as usize].stem = stem;
        stem
    }

    /// Whether the lexicon lists the word numbered `id` (never, for a language without one).
    pub fn in_lexicon(&mut self, id: WordId) -> bool {
        let (stemmer, words) = (self.stemmer, &self.words);
        self.facts[id as usize].flag(Facts::LEXICON_KNOWN, Facts::IN_LEXICON, || {
            stemmer.lexicon().is_some_and(|l| l.contains(words.get(id)))
        })
    }

    /// Whether the word numbered `id` is one of `stopwords`, which must be the same list at
    /// every call: the first answer is kept.
    pub fn is_stopword(&mut self, id: WordId, stopwords: &Stopwords) -> bool {
        let words = &self.words;
        self.facts[id as usize].flag(Facts::STOP_KNOWN, Facts::STOP, || {
            stopwords.contains(words.get(id))
        })
    }

    /// The stem of a lowercase word. One hash lookup for a word seen before.
    pub fn stem(&mut self, word: &str) -> &str {
        let id = self.id(word);
        let stem = self.stem_id(id);
        self.word(stem)
    }
}

impl fmt::Debug for MemoStemmer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemoStemmer")
            .field("stemmer", self.stemmer)
            .field("words", &self.words.len())
            .finish()
    }
}

// ---------------------------------------------------------------------------------------------
// Enhanced Confix Stripping

const PARTICLES: [&str; 4] = ["lah", "kah", "tah", "pun"];
const POSSESSIVES: [&str; 3] = ["ku", "mu", "nya"];
/// Longest first, so the longest matching suffix wins (`idealisme` loses `isme`, not `e`).
const DERIVATIONAL: [&str; 6] = ["isasi", "isme", "kan", "an", "is", "i"];
/// Prefix removals per attempt: words carry at most three (`ke-se-per-sepuluh`).
const MAX_PREFIXES: usize = 3;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Affix {
    Particle,
    Possessive,
    Derivational,
    Prefix(Prefix),
}

/// The prefix families, for the forbidden-confix and repeated-prefix checks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Prefix {
    Di,
    Ke,
    Se,
    Be,
    Te,
    Me,
    Pe,
    /// Infixes (-er-, -el-, -em-, -in-) and the proclitics ku-, kau-.
    Other,
}

struct Removal {
    affix: Affix,
    /// The word before the removal.
    subject: String,
    /// The word after it.
    result: String,
}

/// The state of one word's stemming: the current candidate and what was removed to reach it.
struct Context<'l> {
    lexicon: &'l Lexicon,
    original: &'l str,
    current: String,
    removals: Vec<Removal>,
    /// Whether bare lexicon words count as roots.
    bare: bool,
    /// Whether the root must take the affixes cut (see [`Context::licensed`]).
    licensed: bool,
}

/// The passes of confix stripping, strictest first: the first that finds a root decides.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Pass {
    /// An affix root whose hunspell flags take the affixes cut.
    Licensed,
    /// Any affix root.
    Affix,
    /// Any lexicon word, bare ones too.
    Bare,
}

impl<'l> Context<'l> {
    fn new(word: &'l str, lexicon: &'l Lexicon, pass: Pass) -> Self {
        Context {
            lexicon,
            original: word,
            current: word.to_owned(),
            removals: Vec::new(),
            bare: pass == Pass::Bare,
            licensed: pass == Pass::Licensed,
        }
    }

    fn found(&self) -> bool {
        let derived = self
            .removals
            .iter()
            .any(|r| !matches!(r.affix, Affix::Particle | Affix::Possessive));
        is_candidate_root(self.lexicon, &self.current, self.bare, derived)
            && (!self.licensed || self.licenses())
    }

    /// Whether the current root takes the affixes cut, as hunspell's flags say: the prefix
    /// next to the root (outer prefixes attach to the derived word) and the derivational
    /// suffix. Clitics go on any word, whatever its flags.
    fn licenses(&self) -> bool {
        let entry = self.lexicon.entry(&self.current);
        // A bare word may carry -nya (`semenanjungnya`), but a particle marks a parse that
        // went wrong (`menikah` is meN- + nikah, not meni + -kah).
        let particle = self.removals.iter().any(|r| r.affix == Affix::Particle);
        if particle && !entry.affixable() {
            return false;
        }
        let inner_prefix = self
            .removals
            .iter()
            .rev()
            .find(|r| matches!(r.affix, Affix::Prefix(_)));
        let suffixes = self
            .removals
            .iter()
            .filter(|r| !matches!(r.affix, Affix::Prefix(_)));
        inner_prefix
            .into_iter()
            .chain(suffixes.filter(|r| r.affix == Affix::Derivational))
            .map(Removal::classes)
            .all(|classes| classes == 0 || entry.0 & classes != 0)
    }

    /// Steps 1-5 of ECS; on success `current` is a lexicon word.
    fn run(&mut self) {
        if self.found() {
            return;
        }
        // Confix precedence adjustment (Asian 2007): for be-lah, be-an, me-i, di-i, pe-i,
        // ter-i, try the prefix first, then the suffixes.
        if prefix_first(self.original) {
            self.remove_prefixes();
            if self.found() {
                return;
            }
            self.remove_suffixes();
            if self.found() {
                return;
            }
            self.current = self.original.to_owned();
            self.removals.clear();
        }
        self.remove_suffixes();
        if self.found() {
            return;
        }
        self.remove_prefixes();
        if self.found() {
            return;
        }
        self.restore_suffixes();
    }

    fn remove_suffixes(&mut self) {
        let steps: [(Affix, &[&str]); 3] = [
            (Affix::Particle, &PARTICLES),
            (Affix::Possessive, &POSSESSIVES),
            (Affix::Derivational, &DERIVATIONAL),
        ];
        for (affix, suffixes) in steps {
            if let Some(rest) = strip_any_suffix(&self.current, suffixes) {
                let rest = if affix == Affix::Derivational {
                    rest
                } else {
                    rest.trim_end_matches('-')
                };
                let result = rest.to_owned();
                self.record(affix, result);
                if self.found() {
                    return;
                }
            }
        }
    }

    fn record(&mut self, affix: Affix, result: String) {
        let subject = std::mem::replace(&mut self.current, result.clone());
        self.removals.push(Removal {
            affix,
            subject,
            result,
        });
    }

    fn remove_prefixes(&mut self) {
        for _ in 0..MAX_PREFIXES {
            if !self.remove_one_prefix() || self.found() {
                return;
            }
        }
    }

    /// One pass over the prefix rule table; at most one prefix is removed.
    fn remove_one_prefix(&mut self) -> bool {
        let Some((prefix, result)) = disambiguate_prefix(&self.current, self.lexicon, self.bare)
        else {
            return false;
        };
        if self.forbidden(prefix) {
            return false;
        }
        // The proclitics ku-, kau- and the infixes come first or not at all: nothing is
        // prefixed to them (`dikuasai` is di- + kuasa, not di- + ku- + asa; `menggemari` is
        // meN- + gemar, not meN- + g-em-ari).
        // An infix is the only affix of its root: hunspell has no flag for one, so the
        // pass that wants the root's flags takes none, and nothing is cut after one
        // (`kinetik` is no k-in-etik with ke- on `tik`).
        let infixed = |r: &Removal| {
            r.affix == Affix::Prefix(Prefix::Other) && !is_proclitic(&r.subject, &r.result)
        };
        let prefixed = self
            .removals
            .iter()
            .any(|r| matches!(r.affix, Affix::Prefix(_)));
        if (prefix == Prefix::Other && prefixed) || self.removals.iter().any(infixed) {
            return false;
        }
        if self.licensed && prefix == Prefix::Other && !is_proclitic(&self.current, &result) {
            return false;
        }
        self.record(Affix::Prefix(prefix), result);
        true
    }

    /// Confixes Indonesian does not form (be-i, di-an, ke-i, ke-kan, me-an, se-i, se-kan,
    /// te-an), and a prefix family met twice: both mean the parse has gone wrong.
    fn forbidden(&self, prefix: Prefix) -> bool {
        let mut prefixes = self.removals.iter().filter_map(|r| match r.affix {
            Affix::Prefix(p) => Some(p),
            _ => None,
        });
        if prefix != Prefix::Other && prefixes.any(|p| p == prefix) {
            return true;
        }
        let first_prefix = !self
            .removals
            .iter()
            .any(|r| matches!(r.affix, Affix::Prefix(_)));
        if !first_prefix || self.original == "ketahui" {
            return false;
        }
        let Some(suffix) = self
            .removals
            .iter()
            .rev()
            .find(|r| r.affix == Affix::Derivational)
            .and_then(|r| r.subject.strip_prefix(r.result.as_str()))
        else {
            return false;
        };
        matches!(
            (prefix, suffix),
            (Prefix::Be, "i")
                | (Prefix::Di, "an")
                | (Prefix::Ke, "i" | "kan")
                | (Prefix::Me, "an")
                | (Prefix::Se, "i" | "kan")
                | (Prefix::Te, "an")
        )
    }

    /// ECS "loop pengembalian akhiran": put the suffixes back one by one, innermost first,
    /// and retry the prefixes on each form (`menduakan`: `mendua` fails, `menduakan` does not).
    fn restore_suffixes(&mut self) {
        let Some(first) = self.removals.first() else {
            return;
        };
        let unprefixed = first.subject.clone();
        let mut suffixes: Vec<Removal> = std::mem::take(&mut self.removals)
            .into_iter()
            .filter(|r| !matches!(r.affix, Affix::Prefix(_)))
            .collect();
        while let Some(restored) = suffixes.pop() {
            if restored.affix == Affix::Derivational && restored.subject.ends_with("kan") {
                // -kan may be -an after a root ending in k (`memasukkan` from `masuk`).
                let root_with_k = format!("{}k", restored.result);
                self.removals = suffixes.iter().map(Removal::clone_of).collect();
                self.removals.push(Removal {
                    affix: Affix::Derivational,
                    subject: format!("{root_with_k}an"),
                    result: root_with_k.clone(),
                });
                self.current = root_with_k;
                if self.found() {
                    return;
                }
                self.remove_prefixes();
                if self.found() {
                    return;
                }
            }
            self.removals = suffixes.iter().map(Removal::clone_of).collect();
            self.current = restored.subject;
            self.remove_prefixes();
            if self.found() {
                return;
            }
        }
        self.current = unprefixed;
    }
}

impl Removal {
    /// The affix and what it took off, written as an affix: `di-`, `-el-`, `-kan`. A prefix
    /// whose sound change took the root's first letter shows as written (`men-` of `menulis`).
    fn cut(&self) -> (Affix, String) {
        let (subject, result) = (self.subject.as_str(), self.result.as_str());
        let text = match self.affix {
            Affix::Prefix(_) if subject.ends_with(result) => {
                format!("{}-", &subject[..subject.len() - result.len()])
            }
            // An infix: the two letters after the root's first (`r-el-awan`).
            Affix::Prefix(Prefix::Other) => format!("-{}-", subject.get(1..3).unwrap_or("")),
            Affix::Prefix(_) => {
                // The changed sound: the subject's letters before the result's tail.
                let shared = result.len().saturating_sub(1);
                let head = subject.len().saturating_sub(shared);
                format!("{}-", subject.get(..head).unwrap_or(subject))
            }
            _ => format!("-{}", subject.strip_prefix(result).unwrap_or(subject)),
        };
        (self.affix, text)
    }

    /// The hunspell affix classes (bits of [`CLASS_LETTERS`]) of which the root must take one
    /// for this removal; 0 when hunspell has no flag for it (infixes, loan suffixes).
    fn classes(&self) -> u32 {
        let bit = |c: u8| class_bit(c).unwrap_or(0);
        let s = self.subject.as_str();
        match self.affix {
            Affix::Particle => bit(b'l'),
            Affix::Possessive if s.ends_with("nya") => bit(b'n'),
            Affix::Possessive => bit(b'o'),
            Affix::Derivational => match s.strip_prefix(self.result.as_str()) {
                Some("kan") => bit(b'k'),
                Some("an") => bit(b'a'),
                Some("i") => bit(b'i'),
                _ => 0,
            },
            Affix::Prefix(prefix) => match prefix {
                Prefix::Be => bit(b'B'),
                Prefix::Di => bit(b'D'),
                Prefix::Ke => bit(b'K'),
                Prefix::Me => bit(b'M'),
                Prefix::Se => bit(b'S'),
                Prefix::Te => bit(b'T'),
                // per- + a vowel root, or peN- + a root in r: either class will do.
                Prefix::Pe if s.starts_with("per") => bit(b'R') | bit(b'P'),
                Prefix::Pe => bit(b'P'),
                Prefix::Other if is_proclitic(s, &self.result) => bit(b'U'),
                Prefix::Other => 0,
            },
        }
    }

    fn clone_of(&self) -> Removal {
        Removal {
            affix: self.affix,
            subject: self.subject.clone(),
            result: self.result.clone(),
        }
    }
}

/// Whether `subject` lost the proclitic ku- or kau- (not an infix) to become `result`.
fn is_proclitic(subject: &str, result: &str) -> bool {
    ["ku", "kau"]
        .iter()
        .any(|p| subject.strip_prefix(p) == Some(result))
}

/// A lexicon word long enough to be the root of a longer word: the lexicon's one- and
/// two-letter entries are abbreviations and interjections (`pa`, `te`), never what a stripped
/// affix leaves.
fn is_candidate_root(lexicon: &Lexicon, word: &str, bare: bool, derived: bool) -> bool {
    match (derived, bare) {
        (false, _) => word.len() >= 3 && lexicon.contains(word),
        (true, false) => word.len() >= 3 && lexicon.is_affix_root(word),
        // Bare words as roots of derived words only when long enough to be unambiguous
        // (`nuklir`); short ones (`bon`, `ase`) are mostly accidents.
        (true, true) => word.len() >= MIN_BARE_ROOT && lexicon.contains(word),
    }
}

const MIN_BARE_ROOT: usize = 3;
/// Shortest root a loan suffix (-is, -isme, -isasi) is taken off for a listed word.
const MIN_LOAN_ROOT: usize = 5;

fn prefix_first(word: &str) -> bool {
    let confix = |prefix: &str, suffix: &str| {
        word.strip_prefix(prefix)
            .is_some_and(|rest| rest.ends_with(suffix))
    };
    confix("be", "lah")
        || confix("be", "an")
        || confix("me", "i")
        || confix("di", "i")
        || confix("pe", "i")
        || confix("ter", "i")
}

fn strip_any_suffix<'a>(word: &'a str, suffixes: &[&str]) -> Option<&'a str> {
    suffixes.iter().find_map(|s| word.strip_suffix(s))
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'i' | b'u' | b'e' | b'o')
}

fn is_consonant(b: u8) -> bool {
    b.is_ascii_lowercase() && !is_vowel(b)
}

/// Consonants that can open a `C-er-` syllable after `be-`/`te-`/`pe-` without being the
/// prefix's own r, l, m, n, w or y.
fn is_plain_consonant(b: u8) -> bool {
    is_consonant(b) && !matches!(b, b'r' | b'l' | b'm' | b'n' | b'w' | b'y')
}

fn byte_at(s: &str, i: usize) -> Option<u8> {
    s.as_bytes().get(i).copied()
}

fn starts_vowel(s: &str) -> bool {
    byte_at(s, 0).is_some_and(is_vowel)
}

fn prepend(head: &str, rest: &str) -> String {
    let mut s = String::with_capacity(head.len() + rest.len());
    s.push_str(head);
    s.push_str(rest);
    s
}

/// One candidate of a prefix rule: the word without its prefix, with the root's first sound
/// restored where the prefix had swallowed it.
type Rule = fn(&str) -> Option<String>;

/// The ECS prefix-disambiguation table, in order. Each group lists the readings of one
/// prefix shape; the first reading found in the lexicon wins, else the group's last reading
/// is taken so that further prefixes can still be removed from it.
const PREFIX_RULES: &[(Prefix, &[Rule])] = &[
    (Prefix::Be, &[rule_ber_v, rule_be_rv]),
    (Prefix::Be, &[rule_ber_cap]),
    (Prefix::Be, &[rule_ber_caerv]),
    (Prefix::Be, &[rule_belajar]),
    (Prefix::Be, &[rule_be_c_er_c]),
    (Prefix::Te, &[rule_ter_v, rule_te_rv]),
    (Prefix::Te, &[rule_ter_c_erv]),
    (Prefix::Te, &[rule_ter_cp]),
    (Prefix::Te, &[rule_te_c_er_c]),
    (Prefix::Me, &[rule_me_lrwy]),
    (Prefix::Me, &[rule_mem_bfv]),
    (Prefix::Me, &[rule_mempe]),
    (Prefix::Me, &[rule_mem_v_m, rule_mem_v_p]),
    (Prefix::Me, &[rule_men_c]),
    (Prefix::Me, &[rule_men_v_n, rule_men_v_t]),
    (Prefix::Me, &[rule_meng_c]),
    (
        Prefix::Me,
        &[rule_meng_v, rule_meng_v_k, rule_menge, rule_meng_v_ng],
    ),
    (Prefix::Me, &[rule_meny_v_ny, rule_meny_v_s]),
    (Prefix::Me, &[rule_memp]),
    (Prefix::Pe, &[rule_pe_wy]),
    (Prefix::Pe, &[rule_per_v, rule_pe_rv]),
    (Prefix::Pe, &[rule_per_cap]),
    (Prefix::Pe, &[rule_per_caerv]),
    (Prefix::Pe, &[rule_pem_bfv]),
    (Prefix::Pe, &[rule_pem_v_m, rule_pem_v_p]),
    (Prefix::Pe, &[rule_pen_c]),
    (Prefix::Pe, &[rule_pen_v_n, rule_pen_v_t]),
    (Prefix::Pe, &[rule_peng_c]),
    (Prefix::Pe, &[rule_peng_v, rule_peng_v_k, rule_penge]),
    (Prefix::Pe, &[rule_peny_v_ny, rule_peny_v_s]),
    (Prefix::Pe, &[rule_pel_v]),
    (Prefix::Pe, &[rule_pe_cp]),
    (Prefix::Te, &[rule_ter_c_er_c]),
    (Prefix::Pe, &[rule_pe_c_er_c]),
    (Prefix::Other, &[rule_infix_er]),
    (Prefix::Other, &[rule_infix_el]),
    (Prefix::Other, &[rule_infix_em]),
    (Prefix::Other, &[rule_infix_in]),
    (Prefix::Other, &[rule_ku]),
    (Prefix::Other, &[rule_kau]),
];

/// Removes one prefix from `word`: the plain prefixes di-, ke-, se- first, then the first
/// rule group that applies.
fn disambiguate_prefix(word: &str, lexicon: &Lexicon, bare: bool) -> Option<(Prefix, String)> {
    for (prefix, plain) in [(Prefix::Di, "di"), (Prefix::Ke, "ke"), (Prefix::Se, "se")] {
        if let Some(rest) = word.strip_prefix(plain) {
            return Some((prefix, rest.to_owned()));
        }
    }
    for (prefix, rules) in PREFIX_RULES {
        if family_start(*prefix).is_some_and(|start| !word.starts_with(start)) {
            continue; // none of the group's rules can apply
        }
        let mut reading = None;
        let mut root = None;
        for rule in *rules {
            reading = rule(word);
            let Some(candidate) = reading.take_if(|r| is_candidate_root(lexicon, r, bare, true))
            else {
                continue;
            };
            // A later root the news evidence prefers (`kalah` over `alah`) beats an earlier one.
            let preferred = lexicon.entry(&candidate).preferred();
            if root.is_none() || preferred {
                root = Some(candidate);
            }
            if preferred {
                break;
            }
        }
        if let Some(reading) = root.or(reading) {
            return Some((*prefix, reading));
        }
    }
    None
}

/// The letters every rule of a prefix family needs at the start of a word, so that a word
/// without them skips the family's rules; `None` for the infixes and proclitics.
fn family_start(prefix: Prefix) -> Option<&'static str> {
    match prefix {
        Prefix::Be => Some("be"),
        Prefix::Te => Some("te"),
        Prefix::Me => Some("me"),
        Prefix::Pe => Some("pe"),
        Prefix::Di | Prefix::Ke | Prefix::Se | Prefix::Other => None,
    }
}

// be-
fn rule_ber_v(w: &str) -> Option<String> {
    let rest = w.strip_prefix("ber").filter(|r| starts_vowel(r))?;
    Some(rest.to_owned())
}
fn rule_be_rv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("be").filter(|r| r.starts_with('r'))?;
    starts_vowel(&rest[1..]).then(|| rest.to_owned())
}
fn rule_ber_cap(w: &str) -> Option<String> {
    let rest = w.strip_prefix("ber")?;
    let ok = byte_at(rest, 0).is_some_and(is_consonant)
        && byte_at(rest, 1).is_some_and(|b| b.is_ascii_lowercase())
        && !rest.get(2..).is_some_and(|p| p.starts_with("er"));
    ok.then(|| rest.to_owned())
}
fn rule_ber_caerv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("ber")?;
    let ok = byte_at(rest, 0).is_some_and(|b| is_consonant(b) && b != b'r')
        && byte_at(rest, 1).is_some_and(|b| b.is_ascii_lowercase())
        && rest.get(2..).is_some_and(|p| p.starts_with("er"))
        && byte_at(rest, 4).is_some_and(is_vowel);
    ok.then(|| rest.to_owned())
}
fn rule_belajar(w: &str) -> Option<String> {
    (w == "belajar").then(|| "ajar".to_owned())
}
fn rule_be_c_er_c(w: &str) -> Option<String> {
    c_er_c(w.strip_prefix("be")?, |b| is_consonant(b) && b != b'r')
}
/// `C-er-C`: a consonant, `er`, then another consonant.
fn c_er_c(rest: &str, first: fn(u8) -> bool) -> Option<String> {
    let ok = byte_at(rest, 0).is_some_and(first)
        && rest.get(1..).is_some_and(|p| p.starts_with("er"))
        && byte_at(rest, 3).is_some_and(is_consonant);
    ok.then(|| rest.to_owned())
}

// te-
fn rule_ter_v(w: &str) -> Option<String> {
    let rest = w.strip_prefix("ter").filter(|r| starts_vowel(r))?;
    Some(rest.to_owned())
}
fn rule_te_rv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("te").filter(|r| r.starts_with('r'))?;
    starts_vowel(&rest[1..]).then(|| rest.to_owned())
}
fn rule_ter_c_erv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("ter")?;
    let ok = byte_at(rest, 0).is_some_and(|b| is_consonant(b) && b != b'r')
        && rest.get(1..).is_some_and(|p| p.starts_with("er"))
        && byte_at(rest, 3).is_some_and(is_vowel);
    ok.then(|| rest.to_owned())
}
fn rule_ter_cp(w: &str) -> Option<String> {
    let rest = w.strip_prefix("ter")?;
    let ok = byte_at(rest, 0).is_some_and(|b| is_consonant(b) && b != b'r')
        && !rest.get(1..).is_some_and(|p| p.starts_with("er"));
    ok.then(|| rest.to_owned())
}
fn rule_te_c_er_c(w: &str) -> Option<String> {
    c_er_c(w.strip_prefix("te")?, |b| is_consonant(b) && b != b'r')
}
fn rule_ter_c_er_c(w: &str) -> Option<String> {
    c_er_c(w.strip_prefix("ter")?, is_plain_consonant)
}

// me-
fn rule_me_lrwy(w: &str) -> Option<String> {
    let rest = w.strip_prefix("me")?;
    let ok = byte_at(rest, 0).is_some_and(|b| matches!(b, b'l' | b'r' | b'w' | b'y'))
        && byte_at(rest, 1).is_some_and(is_vowel);
    ok.then(|| rest.to_owned())
}
fn rule_mem_bfv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("mem")?;
    byte_at(rest, 0)
        .is_some_and(|b| matches!(b, b'b' | b'f' | b'v'))
        .then(|| rest.to_owned())
}
fn rule_mempe(w: &str) -> Option<String> {
    w.strip_prefix("mempe").map(|rest| prepend("pe", rest))
}
fn rule_mem_v_m(w: &str) -> Option<String> {
    let rest = w.strip_prefix("mem").filter(|r| starts_vowel(r))?;
    Some(prepend("m", rest))
}
fn rule_mem_v_p(w: &str) -> Option<String> {
    let rest = w.strip_prefix("mem").filter(|r| starts_vowel(r))?;
    Some(prepend("p", rest))
}
fn rule_men_c(w: &str) -> Option<String> {
    let rest = w.strip_prefix("men")?;
    byte_at(rest, 0)
        .is_some_and(|b| matches!(b, b'c' | b'd' | b'j' | b's' | b't' | b'z'))
        .then(|| rest.to_owned())
}
fn rule_men_v_n(w: &str) -> Option<String> {
    let rest = w.strip_prefix("men").filter(|r| starts_vowel(r))?;
    Some(prepend("n", rest))
}
fn rule_men_v_t(w: &str) -> Option<String> {
    let rest = w.strip_prefix("men").filter(|r| starts_vowel(r))?;
    Some(prepend("t", rest))
}
fn rule_meng_c(w: &str) -> Option<String> {
    let rest = w.strip_prefix("meng")?;
    byte_at(rest, 0)
        .is_some_and(|b| matches!(b, b'g' | b'h' | b'q' | b'k'))
        .then(|| rest.to_owned())
}
fn rule_meng_v(w: &str) -> Option<String> {
    let rest = w.strip_prefix("meng").filter(|r| starts_vowel(r))?;
    Some(rest.to_owned())
}
fn rule_meng_v_k(w: &str) -> Option<String> {
    let rest = w.strip_prefix("meng").filter(|r| starts_vowel(r))?;
    Some(prepend("k", rest))
}
fn rule_menge(w: &str) -> Option<String> {
    w.strip_prefix("menge").map(str::to_owned)
}
fn rule_meng_v_ng(w: &str) -> Option<String> {
    let rest = w.strip_prefix("meng").filter(|r| starts_vowel(r))?;
    Some(prepend("ng", rest))
}
fn rule_meny_v_ny(w: &str) -> Option<String> {
    let rest = w.strip_prefix("meny").filter(|r| starts_vowel(r))?;
    Some(prepend("ny", rest))
}
fn rule_meny_v_s(w: &str) -> Option<String> {
    let rest = w.strip_prefix("meny").filter(|r| starts_vowel(r))?;
    Some(prepend("s", rest))
}
fn rule_memp(w: &str) -> Option<String> {
    let rest = w.strip_prefix("memp")?;
    byte_at(rest, 0)
        .is_some_and(|b| b.is_ascii_lowercase() && b != b'e' && b != b'n')
        .then(|| prepend("p", rest))
}

// pe-
fn rule_pe_wy(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pe")?;
    let ok = byte_at(rest, 0).is_some_and(|b| b == b'w' || b == b'y')
        && byte_at(rest, 1).is_some_and(is_vowel);
    ok.then(|| rest.to_owned())
}
fn rule_per_v(w: &str) -> Option<String> {
    let rest = w.strip_prefix("per").filter(|r| starts_vowel(r))?;
    Some(rest.to_owned())
}
fn rule_pe_rv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pe").filter(|r| r.starts_with('r'))?;
    starts_vowel(&rest[1..]).then(|| rest.to_owned())
}
fn rule_per_cap(w: &str) -> Option<String> {
    let rest = w.strip_prefix("per")?;
    let ok = byte_at(rest, 0).is_some_and(is_consonant)
        && byte_at(rest, 1).is_some_and(|b| b.is_ascii_lowercase())
        && !rest.get(2..).is_some_and(|p| p.starts_with("er"));
    ok.then(|| rest.to_owned())
}
fn rule_per_caerv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("per")?;
    let ok = byte_at(rest, 0).is_some_and(|b| is_consonant(b) && b != b'r')
        && byte_at(rest, 1).is_some_and(|b| b.is_ascii_lowercase())
        && rest.get(2..).is_some_and(|p| p.starts_with("er"))
        && byte_at(rest, 4).is_some_and(is_vowel);
    ok.then(|| rest.to_owned())
}
fn rule_pem_bfv(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pem")?;
    byte_at(rest, 0)
        .is_some_and(|b| matches!(b, b'b' | b'f' | b'v'))
        .then(|| rest.to_owned())
}
fn rule_pem_v_m(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pem").filter(|r| starts_vowel(r))?;
    Some(prepend("m", rest))
}
fn rule_pem_v_p(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pem").filter(|r| starts_vowel(r))?;
    Some(prepend("p", rest))
}
fn rule_pen_c(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pen")?;
    byte_at(rest, 0)
        .is_some_and(|b| matches!(b, b'c' | b'd' | b'j' | b's' | b't' | b'z'))
        .then(|| rest.to_owned())
}
fn rule_pen_v_n(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pen").filter(|r| starts_vowel(r))?;
    Some(prepend("n", rest))
}
fn rule_pen_v_t(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pen").filter(|r| starts_vowel(r))?;
    Some(prepend("t", rest))
}
fn rule_peng_c(w: &str) -> Option<String> {
    let rest = w.strip_prefix("peng")?;
    byte_at(rest, 0)
        .is_some_and(is_consonant)
        .then(|| rest.to_owned())
}
fn rule_peng_v(w: &str) -> Option<String> {
    let rest = w.strip_prefix("peng").filter(|r| starts_vowel(r))?;
    Some(rest.to_owned())
}
fn rule_peng_v_k(w: &str) -> Option<String> {
    let rest = w.strip_prefix("peng").filter(|r| starts_vowel(r))?;
    Some(prepend("k", rest))
}
fn rule_penge(w: &str) -> Option<String> {
    w.strip_prefix("penge").map(str::to_owned)
}
fn rule_peny_v_ny(w: &str) -> Option<String> {
    let rest = w.strip_prefix("peny").filter(|r| starts_vowel(r))?;
    Some(prepend("ny", rest))
}
fn rule_peny_v_s(w: &str) -> Option<String> {
    let rest = w.strip_prefix("peny").filter(|r| starts_vowel(r))?;
    Some(prepend("s", rest))
}
fn rule_pel_v(w: &str) -> Option<String> {
    if w == "pelajar" {
        return Some("ajar".to_owned());
    }
    let rest = w.strip_prefix("pe").filter(|r| r.starts_with('l'))?;
    starts_vowel(&rest[1..]).then(|| rest.to_owned())
}
fn rule_pe_cp(w: &str) -> Option<String> {
    let rest = w.strip_prefix("pe")?;
    let ok = byte_at(rest, 0).is_some_and(is_consonant)
        && !rest.get(1..).is_some_and(|p| p.starts_with("er"));
    ok.then(|| rest.to_owned())
}
fn rule_pe_c_er_c(w: &str) -> Option<String> {
    c_er_c(w.strip_prefix("pe")?, is_plain_consonant)
}

// Infixes -er-, -el-, -em-, -in- (`gerigi`, `telunjuk`, `gemetar`, `kinerja`) and the
// proclitics ku-, kau- (`kupukul`, `kauhajar`).
fn infix(w: &str, infix: &str) -> Option<String> {
    let first = byte_at(w, 0).filter(|&b| is_consonant(b))?;
    let rest = w[1..].strip_prefix(infix).filter(|r| starts_vowel(r))?;
    let mut s = String::with_capacity(rest.len() + 1);
    s.push(char::from(first));
    s.push_str(rest);
    Some(s)
}
fn rule_infix_er(w: &str) -> Option<String> {
    infix(w, "er")
}
fn rule_infix_el(w: &str) -> Option<String> {
    infix(w, "el")
}
fn rule_infix_em(w: &str) -> Option<String> {
    infix(w, "em")
}
fn rule_infix_in(w: &str) -> Option<String> {
    infix(w, "in")
}
fn rule_ku(w: &str) -> Option<String> {
    w.strip_prefix("ku").map(str::to_owned)
}
fn rule_kau(w: &str) -> Option<String> {
    w.strip_prefix("kau").map(str::to_owned)
}

// ---------------------------------------------------------------------------------------------
// Fallback for words the lexicon cannot explain (names, loans, typos): strip -nya, only while
// the word keeps more than two vowels (the Tala / Snowball measure), and nothing else.
// Particles and -ku/-mu stay: on a word the lexicon does not know they are mostly the word's
// own letters (`abdullah`, `barokah`, `cheetah`, `nabilah`, `seppuku`, `sakoku`); news puts
// them on known words, and -nya on names and loans too (`internetnya`). Guessing prefixes and derivational suffixes without a lexicon
// mangles names and loans (`peckhami`, `medieval`, `mellotron`) far more often than it helps.

fn fallback(word: &str) -> Cow<'_, str> {
    let measure = vowels(word);
    let mut w = word;
    if measure > 2
        && let Some(rest) = w.strip_suffix("nya")
    {
        w = rest;
    }
    Cow::Borrowed(w)
}

/// `Ce` + a root starting with the same consonant: `rerata`, `lelembut`, `tetamu`.
fn is_dwipurwa(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() > 4 && is_consonant(bytes[0]) && bytes[1] == b'e' && bytes[2] == bytes[0]
}

fn vowels(word: &str) -> usize {
    word.bytes().filter(|&b| is_vowel(b)).count()
}

fn is_short(word: &str) -> bool {
    word.chars().nth(3).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stemmer() -> IndonesianStemmer {
        IndonesianStemmer::new(Lexicon::embedded())
    }

    /// Asserts the stem of each `word => stem` pair.
    fn assert_stems(pairs: &[(&str, &str)]) {
        let stemmer = stemmer();
        for &(word, expected) in pairs {
            assert_eq!(stemmer.stem(word), expected, "stem of {word}");
        }
    }

    #[test]
    fn stem_prefix_rules_need_their_family_start() {
        // Every word of up to three letters over the letters the rules look at, with a few
        // tails: a rule that applied without its family's start would be skipped wrongly.
        let letters = [
            "a", "b", "e", "l", "m", "n", "g", "p", "r", "t", "y", "k", "u",
        ];
        let mut words = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| letters.iter().map(move |l| format!("{w}{l}")))
                .collect();
            words.extend(longer);
        }
        words.extend(["belajar", "pelajar", "mempelajari", "pengajar"].map(String::from));
        for (prefix, rules) in PREFIX_RULES {
            let Some(start) = family_start(*prefix) else {
                continue;
            };
            for word in &words {
                for tail in ["", "ajar", "erang", "rumah"] {
                    let word = format!("{word}{tail}");
                    if !word.starts_with(start) {
                        assert!(rules.iter().all(|rule| rule(&word).is_none()), "{word}");
                    }
                }
            }
        }
    }

    #[test]
    fn stem_particles_and_possessives() {
        assert_stems(&[
            ("hancurlah", "hancur"),
            ("benarkah", "benar"),
            ("siapapun", "siapa"),
            ("jubahku", "jubah"),
            ("bajumu", "baju"),
            ("celananya", "celana"),
            ("bukumukah", "buku"),
        ]);
    }

    #[test]
    fn stem_derivational_suffixes() {
        assert_stems(&[
            ("hantui", "hantu"),
            ("jualan", "jual"),
            ("sakitimu", "sakit"),
        ]);
    }

    #[test]
    fn stem_plain_prefixes() {
        assert_stems(&[
            ("dibuang", "buang"),
            ("kesakitan", "sakit"),
            ("sesuap", "suap"),
        ]);
    }

    #[test]
    fn stem_be_te_prefixes() {
        assert_stems(&[
            ("beradu", "adu"),
            ("bersuara", "suara"),
            ("bekerja", "kerja"),
            ("terasing", "asing"),
            ("tergerak", "gerak"),
        ]);
    }

    #[test]
    fn stem_me_sound_changes() {
        assert_stems(&[
            ("meringkas", "ringkas"),
            ("membangun", "bangun"),
            ("memukul", "pukul"),
            ("menangkap", "tangkap"),
            ("mengupas", "kupas"),
            ("menyuarakan", "suara"),
            ("mengkritik", "kritik"),
            ("mempengaruhi", "pengaruh"),
        ]);
    }

    #[test]
    fn stem_pe_sound_changes() {
        assert_stems(&[
            ("pemukul", "pukul"),
            ("penangkap", "tangkap"),
            ("pengupas", "kupas"),
            ("penyuara", "suara"),
            ("perumahan", "rumah"),
            ("pembangunan", "bangun"),
        ]);
    }

    #[test]
    fn stem_restores_suffix_loop() {
        assert_stems(&[("menduakan", "dua"), ("memakan", "makan")]);
    }

    #[test]
    fn stem_forbidden_pairs_do_not_parse() {
        let lexicon = Arc::new(Lexicon::parse("mak\nmakan\n"));
        // di-an is not a confix: `dimakan` is di- + makan, not di- + mak + -an.
        assert_eq!(IndonesianStemmer::new(lexicon).stem("dimakan"), "makan");
    }

    #[test]
    fn stem_reduplication() {
        assert_stems(&[
            ("buku-buku", "buku"),
            ("negara-negara", "negara"),
            ("berbalas-balasan", "balas"),
            ("meniru-nirukan", "tiru"),
            ("malaikat-malaikat-nya", "malaikat"),
            ("kuasa-mu", "kuasa"),
            ("allah-lah", "allah"),
        ]);
    }

    #[test]
    fn stem_keeps_lexicalised_reduplication() {
        assert_stems(&[
            ("kupu-kupu", "kupu-kupu"),
            ("aba-aba", "aba-aba"),
            ("bolak-balik", "bolak-balik"),
        ]);
    }

    #[test]
    fn stem_hyphenated_compounds_stay_whole() {
        assert_stems(&[
            ("anti-korupsi", "anti-korupsi"),
            ("non-tunai", "non-tunai"),
            ("tarik-menarik", "tarik-menarik"),
            ("tuduh-menuduh", "tuduh"),
            ("e-ktp", "e-ktp"),
        ]);
    }

    #[test]
    fn stem_fallback_strips_clitics_of_unknown_words() {
        assert_stems(&[("fiturnya", "fitur"), ("xylofonnya", "xylofon")]);
        // Particles and -ku/-mu are an unknown word's own letters: names, loans.
        assert_stems(&[
            ("hizbullah", "hizbullah"),
            ("zulaikhah", "zulaikhah"),
            ("haiku", "haiku"),
            ("sudoku", "sudoku"),
        ]);
        assert_stems(&[("abc", "abc"), ("covid19", "covid19")]);
    }

    #[test]
    fn stem_never_panics_on_any_text() {
        let stemmer = stemmer();
        for word in [
            "", "-", "---", "a-", "-a", "déjà", "mémbaca", "menyé", "bé", "🙂", "ber🙂", "me-",
            "kau", "per", "mempé", "é-é", "ke-ke-ke", "rerata-",
        ] {
            let _ = stemmer.stem(word);
        }
    }

    #[test]
    fn stem_borrows_lexicon_words() {
        let stemmer = stemmer();
        assert!(matches!(stemmer.stem("rumah"), Cow::Borrowed("rumah")));
        assert!(matches!(stemmer.stem("kupu-kupu"), Cow::Borrowed(_)));
    }

    #[test]
    fn stem_lexicon_parse_reads_affix_classes() {
        let lexicon = Lexicon::parse("beli DMPTaklno\nbelikan =\nrumah\nabatik -\nrumah sakit\n");
        let beli = lexicon.entry("beli");
        assert!(beli.affixable() && beli.takes_all(class_bit(b'k').unwrap_or(0)));
        assert!(!beli.takes_all(class_bit(b'i').unwrap_or(0)));
        assert!(!lexicon.is_affix_root("belikan"));
        assert_eq!(lexicon.entry("rumah"), Entry(format::ANY));
        assert!(lexicon.is_affix_root("abatik"));
        assert!(
            !lexicon
                .entry("abatik")
                .takes_all(class_bit(b'a').unwrap_or(0))
        );
        // A last field that is no marker belongs to the word.
        assert!(lexicon.contains("rumah sakit"));
    }

    #[test]
    fn stem_embedded_lexicon_carries_hunspell_classes() {
        let lexicon = Lexicon::embedded();
        let takes = |word: &str, classes: &[u8]| {
            let mask = classes.iter().filter_map(|&c| class_bit(c)).sum();
            lexicon.entry(word).takes_all(mask)
        };
        // beli/D0M0MkO0OkP0PaT0a0nl: di-, meN-, -kan (in me-...-kan), -an, -lah, -nya.
        assert!(takes("beli", b"DMkanl"));
        // nas/DkMk: -kan then -lah is no -lah on the root.
        assert!(takes("nas", b"Mk") && !takes("nas", b"l"));
        assert!(!lexicon.is_affix_root("belikan"));
    }

    #[test]
    fn stem_listed_derivations_lose_their_suffixes() {
        assert_stems(&[
            ("ataupun", "atau"),
            ("bagaimanapun", "bagaimana"),
            // Loan suffixes and -i stay on a listed word: a word of its own.
            ("globalisasi", "globalisasi"),
            ("kaderisasi", "kaderisasi"),
            ("hayati", "hayati"),
            ("sesumbar", "sesumbar"),
            ("beberapa", "beberapa"),
        ]);
        let lexicon = Arc::new(Lexicon::parse(
            "beli DMPTaklno\nbelikan =\nbesar BDKMPaklno\nbesaran =\nlembut KMPTaklno\n\
             lelembut =\nkata BDMSTaiklno\nkatai =\nmudi P\nmudian =\n",
        ));
        let stemmer = IndonesianStemmer::new(lexicon);
        for (word, stem) in [
            ("belikan", "beli"),
            ("belikanlah", "beli"),
            ("besaran", "besar"),
            ("besarannya", "besar"),
            ("lelembut", "lembut"),
            ("katai", "katai"),
            // mudi takes no -an: `mudian` is a word of its own.
            ("mudian", "mudian"),
        ] {
            assert_eq!(stemmer.stem(word), stem, "stem of {word}");
        }
        assert!(matches!(stemmer.stem("besaran"), Cow::Borrowed("besar")));
    }

    #[test]
    fn stem_roots_take_the_affixes_their_flags_allow() {
        // The reading whose root hunspell lets take the prefix and suffix wins over an
        // earlier one that does not (`pasuk` takes neither meN- nor -i; `gera` no -kan).
        assert_stems(&[
            ("memasukkan", "masuk"),
            ("pergerakan", "gerak"),
            ("kedudukan", "duduk"),
            ("penindakan", "tindak"),
            ("menikahi", "nikah"),
            ("menggemarkan", "gemar"),
        ]);
        // Nothing goes before the proclitic ku- or an infix.
        assert_stems(&[("dikuasakan", "kuasa"), ("kinetiknya", "kinetik")]);
    }

    #[test]
    fn stem_listed_ber_per_verbs_lose_their_prefix() {
        // Listed ber-/per- words that take di- are derived verbs (`diperincikan`).
        assert_stems(&[
            ("diperinci", "rinci"),
            ("memberlakukan", "laku"),
            ("perhatikan", "hati"),
            ("pelajaran", "ajar"),
            ("mempelajarinya", "ajar"),
        ]);
        // Not those without di- (`berhala` is an idol, `belalang` a grasshopper).
        assert_stems(&[("berhala", "berhala"), ("belalang", "belalang")]);
    }

    #[test]
    fn stem_reads_common_misspellings() {
        // A -kan with its k lost (no di-/meN-...-an confix exists), the preposition di
        // written onto its noun.
        assert_stems(&[
            ("ditolakan", "tolak"),
            ("menaikan", "naik"),
            ("dipertahanan", "tahan"),
            ("dikepulauan", "kepulauan"),
            ("dipedesaan", "desa"),
        ]);
    }

    #[test]
    fn stem_listed_prefixed_words_stay_whole() {
        assert_stems(&[
            ("beringin", "beringin"),
            ("perdata", "perdata"),
            ("mendiang", "mendiang"),
            ("sekarang", "sekarang"),
        ]);
    }

    #[test]
    fn stem_homographs_take_the_preferred_reading() {
        assert_stems(&[
            ("mengunjungi", "kunjung"),
            ("pengarang", "karang"),
            ("perawat", "rawat"),
            ("mengaku", "aku"),
            ("mengubah", "ubah"),
        ]);
        let mut lexicon = Lexicon::parse("alah\nkalah\n");
        assert_eq!(
            IndonesianStemmer::new(Arc::new(Lexicon::parse("alah\nkalah\n"))).stem("mengalah"),
            "alah"
        );
        lexicon.prefer("# comment\nkalah\ntidak-ada\n");
        assert_eq!(
            IndonesianStemmer::new(Arc::new(lexicon)).stem("mengalah"),
            "kalah"
        );
    }

    #[test]
    fn stem_supplement_roots_take_affixes() {
        assert!(!Lexicon::parse(EMBEDDED_LEXICON).contains("rinci"));
        assert_stems(&[
            ("dirinci", "rinci"),
            ("rincian", "rinci"),
            ("berfitur", "fitur"),
            ("direspon", "respon"),
        ]);
    }

    #[test]
    fn stem_kan_may_be_k_and_an() {
        assert_stems(&[
            ("pekikan", "pekik"),
            ("belokan", "belok"),
            ("masukan", "masuk"),
        ]);
    }

    #[test]
    fn stem_lexicon_byte_parse_reads_like_lines() {
        // The ASCII path must cut lines and fields exactly as `str::lines` and `trim` do.
        let text = " abad il \r\n# note\n\nabai DMk\nupas =\nrang=\n\tBeras\u{b}\nlast";
        let mut fast = Lexicon::parse(text);
        let mut slow = Lexicon::parse("");
        for line in text.lines().map(str::trim) {
            slow.add(&format!("{line}\n\u{e9}"));
        }
        slow.map().remove("\u{e9}");
        assert_eq!(fast.map(), slow.map());
    }

    #[test]
    fn stem_embedded_table_holds_what_parsing_the_files_gives() {
        let mut parsed = Lexicon::parse(EMBEDDED_LEXICON);
        parsed.add(EMBEDDED_SUPPLEMENT);
        parsed.prefer(EMBEDDED_HOMOGRAPHS);
        let embedded = Lexicon::embedded();
        assert_eq!(embedded.len(), parsed.len());
        for (word, &entry) in parsed.map().iter() {
            assert_eq!(embedded.entry(word), entry, "{word}");
        }
        assert!(parsed.map().values().any(|e| e.preferred()));
        assert!(!embedded.contains("tidakada") && !embedded.contains(""));
        // Changing the embedded lexicon copies it out first.
        let mut changed = Lexicon {
            words: Words::Table(EMBEDDED_TABLE),
        };
        changed.prefer("rumah\n");
        assert!(changed.entry("rumah").preferred() && changed.len() == parsed.len());
    }

    #[test]
    fn stem_lexicon_parse_skips_comments() {
        let lexicon = Lexicon::parse("# header\n\nRumah\n  buku  \nupas =\n");
        assert_eq!(lexicon.len(), 3);
        assert!(lexicon.contains("rumah") && lexicon.contains("buku") && lexicon.contains("upas"));
        assert!(!lexicon.contains("# header"));
        assert!(!lexicon.is_affix_root("upas"));
    }

    #[test]
    fn stem_memo_matches_direct_stemming() {
        let stemmer = Stemmer::indonesian(Lexicon::embedded());
        let mut memo = MemoStemmer::new(&stemmer);
        for word in ["membangun", "membangun", "rumah", "fiturnya"] {
            let direct = stemmer.stem(word).into_owned();
            assert_eq!(memo.stem(word), direct);
        }
        assert_eq!(Stemmer::english().stem("running"), "run");
        assert!(Stemmer::english().lexicon().is_none());
    }

    #[test]
    fn stem_types_are_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Stemmer>();
        check::<IndonesianStemmer>();
        check::<Lexicon>();
    }
}
