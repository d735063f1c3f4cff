//! The Indonesian stemmer: which root a word is counted under.
//!
//! [`IndonesianStemmer::stem`] decides what kind of word it has (a lexicon word, perhaps a
//! listed derivation; a reduplication; a word for confix stripping, see `confix`) and falls
//! back to cutting only -nya off words the lexicon cannot explain.

use std::borrow::Cow;
use std::sync::Arc;

use crate::stem::confix::{
    Affix, Context, DERIVATIONAL, MIN_LOAN_ROOT, PARTICLES, POSSESSIVES, Pass, Removal,
    is_loan_suffix, strip_any_suffix,
};
use crate::stem::function_words::{auxiliary, fraction, function_word, numeral};
use crate::stem::lexicon::{Entry, Lexicon};
use crate::stem::lexicon_format::class_bit;
use crate::stem::rules::{is_consonant, is_vowel, prepend, starts_vowel};

/// The affix classes a root must take to explain a listed word, and whether a loan suffix
/// (-is, -isme, -isasi: no hunspell flag) was cut.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Needs {
    classes: u32,
    loan: bool,
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
    /// words with digits come back borrowed, unchanged; function words (see `function_words`)
    /// lose only a clitic.
    pub fn stem<'w>(&self, word: &'w str) -> Cow<'w, str> {
        if is_short(word) || word.bytes().any(|b| b.is_ascii_digit()) {
            return Cow::Borrowed(word);
        }
        if let Some(root) = self.function_word(word) {
            return Cow::Borrowed(root);
        }
        if let Some(entry) = self.lexicon.lookup(word) {
            return Cow::Borrowed(self.derivation_of(word, entry).unwrap_or(word));
        }
        if word.contains('-') {
            return self.stem_hyphenated(word);
        }
        self.stem_single(word, true)
    }

    /// The function word `word` is, with a clitic on, as an ordinal (ke- on a numeral:
    /// `kesebelas`, `kesembilan`) or as the denominator of a fraction (`sepertiga`), if any:
    /// see `function_words`.
    pub(crate) fn function_word<'w>(&self, word: &'w str) -> Option<&'w str> {
        function_word(word)
            .or_else(|| word.strip_prefix("ke").and_then(numeral))
            .or_else(|| fraction(word))
    }

    /// The root of a lexicon word that hunspell lists as a word but is a derivation: see
    /// [`IndonesianStemmer::bare_derivation`].
    pub(crate) fn listed_derivation<'w>(&self, word: &'w str) -> Option<&'w str> {
        self.derivation_of(word, self.lexicon.entry(word))
    }

    /// [`IndonesianStemmer::listed_derivation`] given the word's lexicon entry (the default
    /// when unlisted), so that a caller that has it, and the steps below, look it up once.
    fn derivation_of<'w>(&self, word: &'w str, entry: Entry) -> Option<&'w str> {
        if word.contains('-') {
            return None;
        }
        if entry.affixable() {
            return self
                .listed_prefixed(word, entry)
                .or_else(|| self.listed_suffixed(word, entry));
        }
        self.bare_derivation(word)
    }

    /// The root of an affix root hunspell lists that is itself a ber- or per- derivation: a
    /// ber-/per- word it lets take di- (`berlaku`, `perhati`, `perinci`: `diberlakukan`,
    /// `diperhatikan`) is listed only to carry the di-/meN-...-kan forms a derived verb takes,
    /// when the rest is a root hunspell lets take that prefix. And the irregular `bel-`/`pel-`
    /// (ber-, peN- before one root, `ajar`), recognised where the lexicon lists both forms of
    /// the same rest, as it does for no accidental pair (`belalang` has no `pelalang`).
    fn listed_prefixed<'w>(&self, word: &'w str, entry: Entry) -> Option<&'w str> {
        let takes = |e: Entry, c: u8| e.takes_all(class_bit(c).unwrap_or(0));
        // One lookup of the rest answers whether it is an affix root and what it takes.
        let root_takes = |rest: &str, c: u8| {
            let root = self.lexicon.entry(rest);
            root.affixable() && takes(root, c)
        };
        // ber-/per- lose their r before a root in r: `perinci` is per- + rinci.
        for (prefix, class) in [("ber", b'B'), ("per", b'R'), ("be", b'B'), ("pe", b'R')] {
            let Some(rest) = word
                .strip_prefix(prefix)
                .filter(|rest| prefix.len() == 3 || rest.starts_with('r'))
            else {
                continue;
            };
            if rest.len() >= 3 && takes(entry, b'D') && root_takes(rest, class) {
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

    /// The root of an affix root hunspell lists that is a verb in -i or -kan on another root
    /// whose flags take that suffix (`curigai` is curiga + -i): listed only to carry the di-
    /// (or ku-/kau-) and meN- of the derived verb, so its own flags take di- or ku-/kau- and
    /// no derivational suffix
    /// (a verb in -i takes no -an, -i or -kan; `abadi`, which takes -kan, is a root).
    /// Function words (`tetapi`, `mulai`) never get here.
    fn listed_suffixed<'w>(&self, word: &'w str, own: Entry) -> Option<&'w str> {
        let bit = |c: u8| class_bit(c).unwrap_or(0);
        // di- or the ku-/kau- of the passive (`biarkan` U: kubiarkan): a verb's prefixes.
        let verb = own.0 & (bit(b'D') | bit(b'U')) != 0;
        if !verb || [b'a', b'i', b'k'].iter().any(|&c| own.takes_all(bit(c))) {
            return None;
        }
        let (rest, class) = match word.strip_suffix("kan") {
            Some(rest) => (rest, b'k'),
            None => (word.strip_suffix('i')?, b'i'),
        };
        let entry = self.lexicon.entry(rest);
        (rest.len() >= 3 && entry.affixable() && entry.takes_all(bit(class))).then_some(rest)
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

    /// The root of a word without a hyphen; `unlisted` when the caller has found that the
    /// lexicon does not list it.
    fn stem_single<'w>(&self, word: &'w str, unlisted: bool) -> Cow<'w, str> {
        // One parse, looked at twice: confix stripping is most of a new word's cost.
        let parse = self.confix_strip_unlisted(word, unlisted);
        if let Some(root) = self.slip_over(word, parse.as_ref()) {
            return Cow::Owned(root);
        }
        match parse
            .map(|parse| self.function_word_root(parse))
            .or_else(|| self.partial_reduplication(word))
        {
            Some(root) => match self.listed_derivation(&root) {
                Some(inner) => Cow::Owned(inner.to_owned()),
                None => Cow::Owned(root),
            },
            None => match self.misspelt(word) {
                Some(root) => Cow::Owned(root),
                // A clitic stacked on a word the lexicon explains ("selornyanya"): the rest
                // is stemmed as a word, so that stemming the stem changes nothing.
                None => match fallback(word) {
                    Cow::Borrowed(rest) if rest.len() < word.len() => self.stem_single(rest, false),
                    rest => rest,
                },
            },
        }
    }

    /// The root of a parse, or the auxiliary it makes with the innermost derivational suffix
    /// cut: a verb made on an auxiliary keeps it whole (`dimulai`, `memulai` are di-, meN- on
    /// mulai, not on mula + -i). Other function words do not take verb affixes: `menetapi` is
    /// on tetap, not tetapi. Likewise a loan the lexicon lists with its loan suffix keeps it
    /// under a prefix, as it does alone (`dinetralisasi` is di- + netralisasi).
    fn function_word_root(&self, (root, _, cut): Parse) -> String {
        let Some((_, suffix)) = cut.iter().find(|(affix, _)| *affix == Affix::Derivational) else {
            return self.se_nya_root(root, &cut);
        };
        let whole = prepend(&root, suffix.trim_start_matches('-'));
        if auxiliary(&whole) || (is_loan_suffix(suffix) && self.lexicon.contains(&whole)) {
            whole
        } else {
            root
        }
    }

    /// The root of the adverb se- + root + -nya (`sepenuhnya`, "fully"): hunspell lists
    /// some se- words bare (`sepenuh`), which -nya alone would leave; when only -nya was cut
    /// and the rest of the se- word is a root whose flags take se-, that root.
    fn se_nya_root(&self, root: String, cut: &[(Affix, String)]) -> String {
        let only_nya = matches!(cut, [(Affix::Possessive, nya)] if nya == "-nya");
        let entry = |w: &str| self.lexicon.entry(w);
        let inner = root.strip_prefix("se").filter(|rest| {
            rest.len() >= 3
                && entry(rest).affixable()
                && entry(rest).takes_all(class_bit(b'S').unwrap_or(0))
        });
        match inner {
            Some(rest) if only_nya && !entry(&root).affixable() => rest.to_owned(),
            _ => root,
        }
    }

    /// The root of a word whose only parse takes a bare lexicon word as the root of a
    /// di-/meN- word in -an (`dipraktikan`: di- + praktikan, a word hunspell gives no
    /// affixes), when the word is that -kan verb with its k lost on a root that takes -kan
    /// (praktik + -kan): a slip of the pen explains it better than a root of no affixes.
    pub(crate) fn slip_over_bare_parse(&self, word: &str) -> Option<String> {
        self.slip_over(word, self.confix_strip_traced(word).as_ref())
    }

    /// [`IndonesianStemmer::slip_over_bare_parse`] given the word's parse.
    fn slip_over(&self, word: &str, parse: Option<&Parse>) -> Option<String> {
        let (bare, pass, _) = parse?;
        if *pass != Pass::Bare {
            return None;
        }
        // Only the root itself in -an: `dikepulauan` is di + kepulauan, not pulau + -kan.
        self.kan_slip(word)
            .filter(|root| bare.strip_prefix(root.as_str()) == Some("an"))
    }

    /// The root of a word no parse explains, read as a common slip of the pen.
    pub(crate) fn misspelt(&self, word: &str) -> Option<String> {
        self.misspelt_traced(word).map(|(root, _)| root)
    }

    /// [`IndonesianStemmer::misspelt`] with the slip that explained the word, for
    /// `ringkas stem --explain`.
    ///
    /// Indonesian forms no di-...-an or meN-...-an, so such a word is a -kan with its k lost,
    /// mostly after a root ending in k (`ditunjukan`, `meledakan`, `digunaan`): it is read as
    /// the -kan word when the root takes -kan. Nor does it form ke-...-kan: such a word is the
    /// ke-...-an confix with a k too many (`kemasukkan`, `kelakukan`), read so when the root
    /// takes ke-...-an. -annya is often written -anya (`tujuanya`, `ukuranya`): when -nya
    /// leaves no word the lexicon knows, the word is read as -an + -nya. And the preposition di
    /// is often written onto the noun after it (`dikecamatan`, `dipegunungan`): the rest is
    /// stemmed alone.
    pub(crate) fn misspelt_traced(&self, word: &str) -> Option<(String, &'static str)> {
        if let Some(root) = self.kan_slip(word) {
            return Some((root, "misspelling: -kan written without its k"));
        }
        let (body, clitics) = clitics_off(word);
        let ke_kan = body.strip_suffix("kan").filter(|_| word.starts_with("ke"));
        if let Some(stem) = ke_kan
            && let Some(root) = self.repaired(&format!("{stem}an{clitics}"), b"Ka", "-an")
        {
            return Some((root, "misspelling: ke-...-an written with a k too many"));
        }
        if let Some(root) = self.anya(word) {
            return Some((root, "misspelling: -annya written -anya"));
        }
        let rest = word.strip_prefix("di").filter(|rest| rest.len() >= 4)?;
        self.root_of(rest).map(|root| {
            let root = self
                .listed_derivation(&root)
                .map_or(root.clone(), str::to_owned);
            (
                root,
                "misspelling: the preposition di written onto its noun",
            )
        })
    }

    /// The root of a di-/meN- word in -an read as -kan with its k lost, when the root takes
    /// -kan (`ditunjukan`).
    fn kan_slip(&self, word: &str) -> Option<String> {
        let (body, clitics) = clitics_off(word);
        let stem = body
            .strip_suffix("an")
            .filter(|_| word.starts_with("di") || word.starts_with("me"))?;
        self.repaired(&format!("{stem}kan{clitics}"), b"k", "-kan")
    }

    /// The root of `repaired`, a word with its slip mended, when a parse cuts `suffix` and the
    /// root takes every affix class in `classes`.
    fn repaired(&self, repaired: &str, classes: &[u8], suffix: &str) -> Option<String> {
        let (root, _, cut) = self.confix_strip_traced(repaired)?;
        let mask = classes.iter().map(|&c| class_bit(c).unwrap_or(0)).sum();
        let takes = self.lexicon.entry(&root).takes_all(mask);
        (takes && cut.iter().any(|(_, text)| text == suffix)).then_some(root)
    }

    /// The root of a word in -anya that is -an or a root in -an + -nya with one n written
    /// (`ukuranya`, `jalanya`): only when -nya alone leaves no word the lexicon explains
    /// (`celananya` is celana + -nya).
    fn anya(&self, word: &str) -> Option<String> {
        let head = word
            .strip_suffix("nya")
            .filter(|head| head.ends_with('a'))?;
        if self.root_of(head).is_some() {
            return None;
        }
        let root = self.root_of(&format!("{head}nnya"))?;
        Some(
            self.listed_derivation(&root)
                .map_or(root.clone(), str::to_owned),
        )
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
        self.confix_strip_unlisted(word, false)
    }

    /// [`IndonesianStemmer::confix_strip_traced`]; `unlisted` when the caller has found that
    /// the lexicon does not list `word`, which answers the passes' first question without
    /// another lookup (15.1k of the 91.7k lookups on IndoSum train).
    fn confix_strip_unlisted(&self, word: &str, unlisted: bool) -> Option<Parse> {
        let word_found = !unlisted && Context::word_found(word, &self.lexicon);
        // A pass is skipped when the one before failed without meeting what the two differ
        // in: it would take the same cuts and fail alike.
        let (mut licence_mattered, mut bare_mattered) = (true, true);
        for pass in [Pass::Licensed, Pass::Affix, Pass::Bare] {
            if (pass == Pass::Affix && !licence_mattered) || (pass == Pass::Bare && !bare_mattered)
            {
                continue;
            }
            let mut context = Context::new(word, &self.lexicon, pass, word_found);
            context.run();
            if context.found() {
                let cut = context.removals.iter().map(Removal::cut).collect();
                return Some((context.current, pass, cut));
            }
            licence_mattered = context.licence_mattered();
            bare_mattered = context.bare_mattered();
        }
        None
    }
}

/// A confix-stripping parse: the root, the pass that found it, and each affix cut with the
/// text it took off, outermost prefix first.
pub(crate) type Parse = (String, Pass, Vec<(Affix, String)>);

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

/// `word` without its clitics (`ditunjukanlah`: `ditunjukan`), and the clitics as written.
/// Clitics after a slip of the pen are read as without them.
fn clitics_off(word: &str) -> (&str, &str) {
    let body = strip_any_suffix(word, &PARTICLES).unwrap_or(word);
    let body = strip_any_suffix(body, &POSSESSIVES).unwrap_or(body);
    // The clitics as written are the word's own tail: no string of their own to build.
    word.split_at(body.len())
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
