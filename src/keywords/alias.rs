//! An acronym and its expansion, defined in the text ("NATO (North Atlantic Treaty
//! Organization)", "Komisi Pemberantasan Korupsi (KPK)"), are one keyword: shown as the text
//! writes the entity most, with the other form as its alias. Pieces of two words or more of
//! the expansion that occur only inside it ("Treaty Organization") are the same entity too.
//!
//! A definition is an all-capital token of two to ten letters in brackets right after the
//! words whose initials spell it, or before brackets holding those words. Initials are those
//! of capitalised words; short lower-case connectors ("dan", "of") may sit between them.

use crate::analysis::analyzer::Analysis;
use crate::report::Keyword;

/// Lower-case words an expansion may hold without an initial in the acronym.
const CONNECTORS: &[&str] = &[
    "dan", "dari", "di", "untuk", "atas", "and", "of", "for", "the", "on", "in", "de", "la",
];

/// An acronym and the words it stands for, with how often the text writes each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Definition {
    acronym: String,
    expansion: String,
    acronym_count: usize,
    expansion_count: usize,
}

/// The definitions `text` makes, each once, in order of first appearance. `text` is
/// normalised (`analysis::normalize`): its only spaces are ASCII ones.
pub(super) fn definitions(a: &Analysis) -> Vec<Definition> {
    let text = a.text.as_str();
    // Brackets and line ends are ASCII: found as bytes by `memchr`, a fraction of the cost of
    // `str::find` over the whole text.
    let bytes = text.as_bytes();
    let mut found: Vec<Definition> = Vec::new();
    let mut lower: Option<String> = None;
    let mut from = 0;
    while let Some(open) = memchr::memchr(b'(', &bytes[from..]).map(|k| from + k) {
        from = open + 1;
        let Some(close) = memchr::memchr(b')', &bytes[open..]).map(|k| open + k) else {
            break;
        };
        let inside = text[open + 1..close].trim();
        if inside.contains('\n') || inside.len() > 160 {
            continue;
        }
        let before = &text[memchr::memrchr(b'\n', &bytes[..open]).map_or(0, |k| k + 1)..open];
        let pair = if is_acronym(inside) {
            expansion_before(before, inside).map(|e| (inside.to_string(), e))
        } else {
            let acronym = before.split_ascii_whitespace().last().unwrap_or("");
            let acronym = acronym.trim_matches(|c: char| !c.is_alphanumeric());
            (is_acronym(acronym) && spells(acronym, &words(inside)))
                .then(|| (acronym.to_string(), words(inside).join(" ")))
        };
        let Some((acronym, expansion)) = pair else {
            continue;
        };
        if found.iter().any(|d| d.acronym == acronym) {
            continue;
        }
        found.push(Definition {
            acronym_count: count_words(text, &acronym),
            // "kereta api (KA)": the expansion may be written in lower case too.
            expansion_count: count_words(
                lower.get_or_insert_with(|| lowercase(text)),
                &expansion.to_lowercase(),
            ),
            acronym,
            expansion,
        });
    }
    let apart = written_apart(a, &found);
    if !apart.is_empty() {
        let lower = lower.get_or_insert_with(|| lowercase(text));
        found.extend(apart.into_iter().map(|(acronym, expansion)| Definition {
            acronym_count: count_words(text, &acronym),
            expansion_count: count_words(lower, &expansion.to_lowercase()),
            acronym,
            expansion,
        }));
    }
    found
}

/// The acronyms `text` uses without a bracketed definition, each with the one stretch of
/// capitalised words whose initials spell it, where the text also writes that stretch as a
/// name of its own ("AS" and "di Amerika Serikat,"; "SBY" and "Susilo Bambang Yudhoyono"), in
/// order of the acronyms. A stretch that is only ever part of a longer name ("Serikat Donald"
/// in "Amerika Serikat Donald Trump") names nothing; an acronym two such stretches spell is
/// left alone.
fn written_apart(a: &Analysis, defined: &[Definition]) -> Vec<(String, String)> {
    let terms = &a.terms;
    let word = |i: usize| &a.text[terms[i].start..terms[i].end];
    let capitalised = |i: usize| word(i).starts_with(char::is_uppercase);
    // Whether anything but spaces comes between term `i - 1` and term `i`: punctuation, a
    // dash ("Suara.com - Partai ..."), a line end. (`boundary_before` does not count dashes.)
    let text = a.text.as_bytes();
    let cut = |i: usize| {
        i == 0
            || i >= terms.len()
            || text[terms[i - 1].end..terms[i].start]
                .iter()
                .any(|&b| b != b' ')
    };
    // Whether a word stands apart from a capitalised neighbour before / after it.
    let apart_before = |i: usize| cut(i) || !capitalised(i - 1);
    let apart_after = |i: usize| cut(i + 1) || !capitalised(i + 1);
    // Acronyms written at least once on their own, not as the tail or head of a longer name
    // ("FC" only ever in "Barcelona FC" stands for no name of the text).
    let mut acronyms = Vec::new();
    // The words not starting with a lower-case ASCII letter, about a quarter of them: only
    // these can be an acronym or start a name. Sized for that share at once: grown from
    // empty, the vector was reallocated some seven times a document.
    let mut capitals = Vec::with_capacity(terms.len() / 4);
    for (i, t) in terms.iter().enumerate() {
        let raw = &text[t.start..t.end];
        if raw.first().is_none_or(u8::is_ascii_lowercase) {
            continue;
        }
        capitals.push(i);
        // Passed over on its first two bytes before any `char` is decoded: most words.
        if !could_be_acronym(raw) {
            continue;
        }
        let w = word(i);
        if is_acronym(w)
            && w.chars().all(char::is_alphabetic)
            && apart_before(i)
            && apart_after(i)
            && defined.iter().all(|d| d.acronym != w)
        {
            acronyms.push(w);
        }
    }
    let acronyms = Acronyms::new(acronyms);
    if acronyms.is_empty() {
        return Vec::new();
    }
    // Title-case words: a capital, then a lower-case letter ("Amerika", not "PT").
    let title = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
    };
    // (acronym, expansion) for each stretch written as a name of its own, sorted, deduplicated.
    let mut standalone: Vec<(&str, String)> = Vec::new();
    let mut initials = String::new();
    for &i in &capitals {
        // Most words start with a byte no acronym starts with: passed over before any `char`
        // is decoded.
        if !acronyms.may_start(text[terms[i].start]) {
            continue;
        }
        let w = word(i);
        let Some(first) = w.chars().next() else {
            continue;
        };
        // A stretch whose first initial starts no acronym spells none: most title words are
        // passed over here.
        if !title(w) || !acronyms.extends(first.encode_utf8(&mut [0; 4])) {
            continue;
        }
        // The stretch of this one word is left out: its one initial spells no acronym (they
        // have two letters at least).
        initials.clear();
        initials.push(first);
        for j in i + 1..terms.len().min(i + 16) {
            if cut(j) {
                break;
            }
            let w = word(j);
            let initial = title(w).then(|| w.chars().next()).flatten();
            match initial {
                Some(c) => initials.push(c),
                None if is_connector(w) => {}
                None => break,
            }
            // Initials no acronym starts with spell none, however the stretch goes on (an
            // acronym has at most ten letters, so this also bounds the stretch).
            if !acronyms.extends(&initials) {
                break;
            }
            if initial.is_none() {
                continue;
            }
            // Whether the stretch stands apart is asked last: few stretches spell an acronym.
            if let Some(acronym) = acronyms.get(&initials) {
                if apart_before(i) && apart_after(j) {
                    let words: Vec<&str> = (i..=j).map(word).collect();
                    standalone.push((acronym, words.join(" ")));
                }
            }
        }
    }
    standalone.sort_unstable_by(|x, y| {
        x.0.cmp(y.0)
            .then_with(|| x.1.to_lowercase().cmp(&y.1.to_lowercase()))
    });
    standalone.dedup_by(|x, y| x.0 == y.0 && x.1.eq_ignore_ascii_case(&y.1));
    standalone
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|same| same.len() == 1)
        .map(|one| (one[0].0.to_string(), one[0].1.clone()))
        .collect()
}

/// The acronyms a text writes on its own, sorted: looked up whole, or by the initials that
/// start them.
struct Acronyms<'t> {
    sorted: Vec<&'t str>,
    /// Whether some acronym starts with each byte.
    first_bytes: [bool; 256],
}

impl<'t> Acronyms<'t> {
    fn new(mut sorted: Vec<&'t str>) -> Self {
        sorted.sort_unstable();
        sorted.dedup();
        let mut first_bytes = [false; 256];
        for a in &sorted {
            if let Some(&b) = a.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        Acronyms {
            sorted,
            first_bytes,
        }
    }

    fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// Whether some acronym starts with the byte `b`: false for most words, found without a
    /// search.
    fn may_start(&self, b: u8) -> bool {
        self.first_bytes[usize::from(b)]
    }

    /// The first acronym not before `initials`: the one equal to them, or else the first that
    /// they start, if any is.
    fn first_from(&self, initials: &str) -> Option<&'t str> {
        let at = self.sorted.partition_point(|a| *a < initials);
        self.sorted.get(at).copied()
    }

    fn get(&self, initials: &str) -> Option<&'t str> {
        self.first_from(initials).filter(|a| *a == initials)
    }

    /// Whether some acronym starts with `initials`.
    fn extends(&self, initials: &str) -> bool {
        self.first_from(initials)
            .is_some_and(|a| a.starts_with(initials))
    }
}

/// The first `k` keywords once those that name one defined entity are merged into the first
/// of them (in rank order), which reads as the form the text writes most and lists the other
/// as its alias; later ones are dropped. Each keyword's fate depends only on the document, so
/// `-k N` stays the start of `-k M`. No keyword is taken from `keywords` past the `k`-th kept:
/// the caller spells them out as they are taken.
pub(super) fn merge(
    keywords: impl IntoIterator<Item = Keyword>,
    definitions: &[Definition],
    k: usize,
) -> Vec<Keyword> {
    let mut keywords = keywords.into_iter();
    if definitions.is_empty() {
        return keywords.take(k).collect();
    }
    let mut taken = vec![false; definitions.len()];
    let mut out = Vec::with_capacity(keywords.size_hint().0.min(k));
    while out.len() < k {
        let Some(mut keyword) = keywords.next() else {
            break;
        };
        let Some(d) = definitions.iter().position(|d| names_entity(&keyword, d)) else {
            out.push(keyword);
            continue;
        };
        if taken[d] {
            continue;
        }
        taken[d] = true;
        let def = &definitions[d];
        let (shown, alias) = if def.acronym_count >= def.expansion_count {
            (&def.acronym, &def.expansion)
        } else {
            (&def.expansion, &def.acronym)
        };
        // Already named inside a keyword ranked before it ("Ditjen PKH" before "PKH").
        let shown_words = words(shown);
        if out.iter().any(|k: &Keyword| {
            words(&k.term)
                .windows(shown_words.len())
                .any(|w| w == shown_words.as_slice())
        }) {
            continue;
        }
        // The expansion as the text spells it most, when the keyword is the whole of it.
        if !keyword.term.eq_ignore_ascii_case(shown) {
            keyword.term = shown.clone();
        }
        keyword.aliases = vec![alias.clone()];
        keyword.count = keyword.count.max(def.acronym_count + def.expansion_count);
        out.push(keyword);
    }
    out
}

/// Whether a keyword is the acronym, the expansion, or a piece of the expansion the text
/// never writes outside it.
fn names_entity(keyword: &Keyword, d: &Definition) -> bool {
    if keyword.term == d.acronym || keyword.term.eq_ignore_ascii_case(&d.expansion) {
        return true;
    }
    // The cheap tests first, before the words are split out: most keywords fail them.
    if keyword.count > d.expansion_count
        || !keyword.term.contains(|c: char| c.is_ascii_whitespace())
    {
        return false;
    }
    let piece = words(&keyword.term);
    // Two words at least: one word of a name ("Peternakan") may name the topic.
    if piece.len() < 2 || !piece.iter().all(|w| w.starts_with(char::is_uppercase)) {
        return false;
    }
    let whole = words(&d.expansion);
    piece.len() < whole.len()
        && whole
            .windows(piece.len())
            .any(|w| w.iter().zip(&piece).all(|(a, b)| a.eq_ignore_ascii_case(b)))
}

/// False for most words that are no acronym, from their first two bytes alone: a lower-case
/// ASCII letter first or second ("kata", "Jakarta"). `is_acronym` of every term of a document
/// was a tenth of keyword extraction.
fn could_be_acronym(word: &[u8]) -> bool {
    match word {
        [first, rest @ ..] => {
            !first.is_ascii_lowercase() && !rest.first().is_some_and(u8::is_ascii_lowercase)
        }
        [] => false,
    }
}

/// An acronym: two to ten characters, capital letters (and digits after the first letter).
fn is_acronym(word: &str) -> bool {
    // Cheapest tests first: most words are lower case or long.
    word.starts_with(|c: char| c.is_uppercase())
        && word.len() <= 40
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && (2..=10).contains(&word.chars().count())
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// The words just before `(ACRONYM` whose initials spell it.
fn expansion_before(before: &str, acronym: &str) -> Option<String> {
    let letters = acronym.chars().filter(|c| c.is_alphabetic()).count();
    // Only the last words can be a stretch: `before` is the whole line up to the bracket,
    // often a paragraph, so its words are taken from the end.
    let mut all: Vec<&str> = before
        .split_ascii_whitespace()
        .rev()
        .map(trim_word)
        .filter(|w| !w.is_empty())
        .take(letters * 2 + 2)
        .collect();
    all.reverse();
    // The shortest stretch ending right before the bracket that spells it.
    (letters..=all.len().min(letters * 2 + 2))
        .map(|n| &all[all.len() - n..])
        .find(|stretch| spells(acronym, stretch) && !is_connector(stretch[0]))
        .map(|stretch| stretch.join(" "))
}

/// Whether the capitalised words' initials, connectors skipped, are the acronym's letters.
fn spells(acronym: &str, words: &[&str]) -> bool {
    let mut initials = String::new();
    for w in words {
        if is_connector(w) {
            continue;
        }
        match w.chars().next() {
            Some(first) if first.is_uppercase() => initials.push(first),
            _ => return false,
        }
    }
    let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    !initials.is_empty() && initials == letters
}

fn is_connector(word: &str) -> bool {
    CONNECTORS.contains(&word)
}

/// The words of a stretch of text, punctuation around them cut.
fn words(text: &str) -> Vec<&str> {
    text.split_ascii_whitespace()
        .map(trim_word)
        .filter(|w| !w.is_empty())
        .collect()
}

/// A word with the punctuation around it cut.
fn trim_word(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// `text.to_lowercase()`, byte by byte when it is ASCII (where the two are the same): the
/// whole text is lowered for every document that defines an acronym. A text with a few
/// letters past ASCII ("Shakespeare's" with a curly quote, "Rp" after a non-breaking space) is
/// lowered in ASCII runs, and only its other characters one by one: `str::to_lowercase` was
/// four fifths of the lowering for a tenth of the texts. A capital sigma, whose lower case
/// depends on its neighbours, leaves the whole text to `str::to_lowercase`.
fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    if text.contains('\u{3a3}') {
        return text.to_lowercase();
    }
    let mut lower = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        let from = lower.len();
        lower.push_str(run);
        lower[from..].make_ascii_lowercase();
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            lower.extend(c.to_lowercase());
        }
        rest = chars.as_str();
    }
    lower
}

/// How often `phrase` occurs in `text` as whole words.
fn count_words(text: &str, phrase: &str) -> usize {
    let is_word = |c: char| c.is_alphanumeric();
    // The non-overlapping matches, as `str::match_indices` finds them, at a fraction of its
    // cost (train: count_words 21.7M -> 4.4M instructions). Both are valid UTF-8, so a match
    // starts and ends on character boundaries.
    memchr::memmem::find_iter(text.as_bytes(), phrase.as_bytes())
        .filter(|&at| {
            !text[..at].ends_with(is_word) && !text[at + phrase.len()..].starts_with(is_word)
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyzer::Analyzer;

    /// The definitions of `text` as the analyzer reads it.
    fn definitions(text: &str) -> Vec<Definition> {
        let analyzer = Analyzer::indonesian();
        let mut memo = analyzer.memo();
        super::definitions(&analyzer.analyze(text, &mut memo))
    }

    fn keyword(term: &str, count: usize) -> Keyword {
        Keyword {
            term: term.to_string(),
            score: 1.0,
            count,
            aliases: Vec::new(),
        }
    }

    #[test]
    fn alias_lowercase_matches_to_lowercase() {
        for text in [
            "",
            "Kereta Api (KA)",
            "Presiden AS\u{a0}Donald Trump",
            "\u{130}STANBUL dan \u{c9}COLE, \u{201c}Partai\u{201d} Demokrat",
            "\u{1e9e}TRASSE \u{10a0}\u{13a0} Zo\u{eb} \u{d6}ZIL",
            "ODYSSEUS \u{39f}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{3a5}\u{3a3} ok",
            "A\u{301}B\u{308} \u{1f600} Z",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text:?}");
        }
    }

    #[test]
    fn alias_count_words_matches_match_indices() {
        let plain = |text: &str, phrase: &str| {
            let is_word = |c: char| c.is_alphanumeric();
            text.match_indices(phrase)
                .filter(|&(at, _)| {
                    !text[..at].ends_with(is_word)
                        && !text[at + phrase.len()..].starts_with(is_word)
                })
                .count()
        };
        let text = "KPK, KPKK KPK. aa aaa a aa (KPK) é KPK é kpk KPKé KPK";
        for phrase in ["KPK", "aa", "a", "é KPK", "kpk", "KPK é"] {
            assert_eq!(count_words(text, phrase), plain(text, phrase), "{phrase}");
        }
    }

    #[test]
    fn alias_definitions_either_way_round() {
        let text = "Aliansi NATO (North Atlantic Treaty Organization) bertemu. NATO sepakat. \
                    Komisi Pemberantasan Korupsi (KPK) memeriksa saksi. KPK menahan dua orang. \
                    Ia ke BPS (Badan Pusat Statistik) dan Organisasi Kesehatan Dunia (WHO).";
        let d = definitions(text);
        let pairs: Vec<(&str, &str, usize, usize)> = d
            .iter()
            .map(|d| {
                (
                    d.acronym.as_str(),
                    d.expansion.as_str(),
                    d.acronym_count,
                    d.expansion_count,
                )
            })
            .collect();
        assert_eq!(
            pairs,
            [
                ("NATO", "North Atlantic Treaty Organization", 2, 1),
                ("KPK", "Komisi Pemberantasan Korupsi", 2, 1),
                ("BPS", "Badan Pusat Statistik", 1, 1),
            ]
        );
    }

    #[test]
    fn alias_needs_the_initials() {
        // Brackets holding a year, a lower-case aside or an unrelated acronym define nothing.
        let text = "Presiden Joko Widodo (2019) hadir. Harga naik (sedikit). Budi Santoso (PDIP) \
                    bicara. Partai Amanat Nasional (PKB) menolak.";
        assert_eq!(definitions(text), []);
    }

    #[test]
    fn alias_merges_the_acronym_and_pieces_of_its_expansion() {
        let text = "NATO (North Atlantic Treaty Organization) bertemu. NATO sepakat. NATO lagi.";
        let merged = merge(
            vec![
                keyword("NATO", 3),
                keyword("Brussels", 2),
                keyword("Treaty Organization", 1),
                keyword("Atlantic", 1),
            ],
            &definitions(text),
            usize::MAX,
        );
        assert_eq!(merged.len(), 3, "{merged:?}");
        assert_eq!(merged[0].term, "NATO");
        assert_eq!(merged[0].aliases, ["North Atlantic Treaty Organization"]);
        assert_eq!(merged[0].count, 4);
        assert_eq!(merged[1].term, "Brussels");
        assert!(merged[1].aliases.is_empty());
        // One word of the name stays a keyword of its own.
        assert_eq!(merged[2].term, "Atlantic");
    }

    #[test]
    fn alias_merge_takes_no_keyword_past_the_kth_kept() {
        let text = "NATO (North Atlantic Treaty Organization) bertemu. NATO sepakat.";
        let keywords = vec![keyword("NATO", 2), keyword("Treaty Organization", 1)];
        let spelt = keywords
            .into_iter()
            .chain(std::iter::once_with(|| keyword("Brussels", 1)))
            .chain(std::iter::from_fn(|| {
                panic!("a keyword past the cut was taken")
            }));
        let merged = merge(spelt, &definitions(text), 2);
        let terms: Vec<&str> = merged.iter().map(|k| k.term.as_str()).collect();
        assert_eq!(terms, ["NATO", "Brussels"]);
    }

    #[test]
    fn alias_named_inside_an_earlier_keyword_is_not_repeated() {
        let text = "Ditjen PKH meninjau ternak. Direktorat Peternakan dan Kesehatan Hewan (PKH) \
                    mengirim pakan. PKH juga memeriksa sapi.";
        let merged = merge(
            vec![
                keyword("Ditjen PKH", 2),
                keyword("ternak", 2),
                keyword("Kesehatan Hewan", 1),
            ],
            &definitions(text),
            usize::MAX,
        );
        let terms: Vec<&str> = merged.iter().map(|k| k.term.as_str()).collect();
        assert_eq!(terms, ["Ditjen PKH", "ternak"]);
    }

    #[test]
    fn alias_counts_a_lower_case_expansion() {
        // Defined with capitals once, then written as the common noun it is.
        let text = "Jalur Kereta Api (KA) tertimbun. Perjalanan kereta api dialihkan. Kereta api \
                    tertahan.";
        let merged = merge(
            vec![keyword("kereta api", 3)],
            &definitions(text),
            usize::MAX,
        );
        assert_eq!(merged[0].term, "kereta api");
        assert_eq!(merged[0].aliases, ["KA"]);
    }

    #[test]
    fn alias_acronym_and_name_written_apart() {
        let text = "Presiden Amerika Serikat Donald Trump tiba. Hubungan AS dan China memanas. \
                    Pejabat di Amerika Serikat, kata AS, menunggu. Susilo Bambang Yudhoyono \
                    hadir; SBY bicara. Kampus SD di Tanah Abang.";
        let pairs: Vec<(String, String)> = definitions(text)
            .into_iter()
            .map(|d| (d.acronym, d.expansion))
            .collect();
        // "Serikat Donald" is only ever inside a longer name: "SD" is spelled by nothing.
        assert_eq!(
            pairs,
            [
                ("AS".to_string(), "Amerika Serikat".to_string()),
                ("SBY".to_string(), "Susilo Bambang Yudhoyono".to_string()),
            ]
        );
        let merged = merge(
            vec![
                keyword("Amerika Serikat", 2),
                keyword("China", 1),
                keyword("AS", 2),
            ],
            &definitions(text),
            usize::MAX,
        );
        let terms: Vec<(&str, &[String])> = merged
            .iter()
            .map(|k| (k.term.as_str(), k.aliases.as_slice()))
            .collect();
        assert_eq!(
            terms,
            [
                ("AS", &["Amerika Serikat".to_string()][..]),
                ("China", &[][..])
            ]
        );
    }

    #[test]
    fn alias_written_apart_needs_one_reading() {
        // Two names spell "PB": which one the acronym means is not known.
        let text = "Ketua PB hadir. Partai Buruh menolak, dan Persatuan Bulutangkis diam.";
        assert_eq!(definitions(text), []);
        // "FC" is only ever part of a club's name, never written for "Fabio Capello".
        let text = "Pelatih Fabio Capello datang. Barcelona FC menang, lalu Chelsea FC kalah.";
        assert_eq!(definitions(text), []);
    }

    #[test]
    fn alias_shows_the_form_written_most() {
        let text = "Badan Pusat Statistik (BPS) mencatat inflasi. Menurut Badan Pusat Statistik, \
                    harga naik.";
        let merged = merge(vec![keyword("BPS", 1)], &definitions(text), usize::MAX);
        assert_eq!(merged[0].term, "Badan Pusat Statistik");
        assert_eq!(merged[0].aliases, ["BPS"]);
    }
}
