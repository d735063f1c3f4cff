//! Word handling the tokenizer cannot do alone: the prefix di- written apart from its word
//! ("di skusi" for "diskusi") in noisy text is rejoined when the lexicon says so.
//! Reduplications ("negara-negara") and hyphenated compounds are one token already; the tests
//! here check the keys they count under.

use std::sync::LazyLock;

use crate::analysis::token::{Token, TokenKind};
use crate::stem::{Lexicon, MemoStemmer, Stemmer};
use crate::util::hash::FastSet;

/// Roots whose di- form news writes joined while "di" + root apart is rare ("lihat", not
/// "rumah"): `data/di-verbs-id.txt`, derived by `scripts/di_verbs.py` from IndoSum train.
static DI_VERBS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/di-verbs-id.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// "di skusi" -> "diskusi", "di bahas" -> "dibahas": the prefix di- written apart from its
/// word. Rejoined when the lexicon explains di- + the fragment as a passive verb (see
/// `Lexicon::explains_di_verb`) or news text writes it joined (`data/di-verbs-id.txt`), or
/// when the joined form is a known word and the fragment
/// alone is not; so the preposition in "di Jakarta" or "di rumah" stays. A stemmer without a
/// lexicon rejoins nothing.
#[inline]
pub(super) fn rejoins_di(
    stemmer: &Stemmer,
    text: &str,
    di: &Token,
    next: &Token,
    memo: &mut MemoStemmer<'_>,
) -> bool {
    // The length first, here where the caller sees it: it rules out almost every token, and
    // the call made for each token cost more than the rest of this test (callgrind, IndoSum
    // train: 621,102 calls, 29.5M instructions).
    di.end - di.start == 2 && rejoins_di_word(stemmer, text, di, next, memo)
}

/// [`rejoins_di`] for a two-byte token.
fn rejoins_di_word(
    stemmer: &Stemmer,
    text: &str,
    di: &Token,
    next: &Token,
    memo: &mut MemoStemmer<'_>,
) -> bool {
    if !text.as_bytes()[di.start..di.end].eq_ignore_ascii_case(b"di")
        || di.kind != TokenKind::Word
        || next.kind != TokenKind::Word
        || next.boundary_before
    {
        return false;
    }
    let Some(lexicon) = stemmer.lexicon() else {
        return false;
    };
    let fragment = &text[next.start..next.end];
    if !fragment.chars().all(|c| c.is_lowercase()) || text[di.end..next.start].contains('\n') {
        return false;
    }
    // The rest depends on the fragment alone, and "di" is among the commonest words: the
    // answer is kept in the memo, by the fragment's id (callgrind, IndoSum train: 25k
    // questions, 12.5M instructions asked afresh each time).
    let id = memo.id(fragment);
    if let Some(joins) = memo.di_joins(id) {
        return joins;
    }
    let joins = fragment_joins_di(lexicon, fragment, memo);
    memo.note_di_joins(id, joins);
    joins
}

/// [`rejoins_di`] for a lowercase `fragment` after "di", by the lexicon.
fn fragment_joins_di(lexicon: &Lexicon, fragment: &str, memo: &mut MemoStemmer<'_>) -> bool {
    // "di rilisnya": the passive with its enclitic.
    let verb = fragment.strip_suffix("nya").unwrap_or(fragment);
    if [fragment, verb]
        .iter()
        .any(|w| lexicon.explains_di_verb(w) || DI_VERBS.contains(w))
    {
        return true; // "di bahas", "di penuhi", "di lihat": the prefix, written apart
    }
    let known =
        |w: &str, memo: &mut MemoStemmer<'_>| lexicon.contains(w) || lexicon.contains(memo.stem(w));
    if known(fragment, memo) {
        return false;
    }
    let mut joined = String::with_capacity(2 + fragment.len());
    joined.push_str("di");
    joined.push_str(fragment);
    known(&joined, memo)
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyzer::testing::{analyze, analyzer, content, key_of};
    use crate::analysis::token::TokenKind;

    #[test]
    fn analyzer_rejoins_di_the_same_way_from_the_memo() {
        let a = analyzer();
        let mut memo = a.memo();
        // The second document finds each fragment's answer in the memo.
        for _ in 0..2 {
            let analysis = a.analyze("Hasil di skusi itu di bahas di rumah dinas.", &mut memo);
            let c = content(&analysis);
            let surfaces: Vec<&str> = c.iter().map(|(s, _)| s.as_str()).collect();
            assert_eq!(surfaces, ["hasil", "diskusi", "dibahas", "rumah", "dinas"]);
        }
    }

    #[test]
    fn analyzer_rejoins_di_written_apart() {
        let a = analyze("Melalui di skusi yang terbuka, mereka bertemu di Jakarta.");
        let c = content(&a);
        assert!(c.iter().any(|(s, _)| s == "diskusi"), "{c:?}");
        assert!(c.iter().any(|(s, _)| s == "Jakarta"), "{c:?}");
    }

    #[test]
    fn analyzer_rejoins_di_fragments_of_noisy_text() {
        let a = analyze(
            "Serangan di gital makin sering. Para menteri memilih jalur di plomasi, \
             lalu hasil di skusi itu di bahas lagi di rumah dinas di Brussels.",
        );
        let c = content(&a);
        let surfaces: Vec<&str> = c.iter().map(|(s, _)| s.as_str()).collect();
        for joined in ["digital", "diplomasi", "diskusi"] {
            assert!(surfaces.contains(&joined), "{joined} in {surfaces:?}");
        }
        for fragment in ["gital", "plomasi", "skusi"] {
            assert!(!surfaces.contains(&fragment), "{fragment} in {surfaces:?}");
        }
        // The preposition stays before a place or a known word.
        assert!(surfaces.contains(&"rumah") && surfaces.contains(&"Brussels"));
        // A passive verb the lexicon explains is rejoined too, and counts under its root.
        assert!(surfaces.contains(&"dibahas"), "{surfaces:?}");
        assert_eq!(key_of(&a, "dibahas"), "bahas");
        let joined = a
            .terms
            .iter()
            .find(|t| a.surface(t) == "diskusi")
            .expect("diskusi");
        assert!(joined.joined && &a.text[joined.start..joined.end] == "di skusi");
    }

    #[test]
    fn analyzer_rejoins_passive_verbs_not_the_preposition() {
        let a = analyze(
            "Gedung itu di penuhi warga. Masalah yang di bicarakan, di hadapi dan di bahas \
             para pejabat di perkirakan selesai di rumah dinas, di atas kapal, di pantai \
             atau di kantor camat di Bandung. Hasilnya di lihat warga dan di umumkan.",
        );
        let c = content(&a);
        let surfaces: Vec<&str> = c.iter().map(|(s, _)| s.as_str()).collect();
        for joined in [
            "dipenuhi",
            "dibicarakan",
            "dihadapi",
            "dibahas",
            "diperkirakan",
            "dilihat",
            "diumumkan",
        ] {
            assert!(surfaces.contains(&joined), "{joined} in {surfaces:?}");
        }
        for apart in ["rumah", "kapal", "pantai", "kantor", "Bandung"] {
            assert!(surfaces.contains(&apart), "{apart} in {surfaces:?}");
        }
        assert_eq!(key_of(&a, "dipenuhi"), "penuh");
    }

    #[test]
    fn analyzer_reduplication_counts_under_the_single_word() {
        let a = analyze(
            "Negara-negara anggota membahas isu-isu keamanan. Setiap negara mengirim wakil, \
             dan anak-anaknya ikut ke taman melihat kupu-kupu serta kunang-kunang.",
        );
        assert_eq!(key_of(&a, "negara-negara"), "negara");
        assert_eq!(key_of(&a, "negara-negara"), key_of(&a, "negara"));
        assert_eq!(key_of(&a, "isu-isu"), "isu");
        assert_eq!(key_of(&a, "anak-anaknya"), "anak");
        // Lexicalised reduplications are words of their own.
        assert_eq!(key_of(&a, "kupu-kupu"), "kupu-kupu");
        assert_eq!(key_of(&a, "kunang-kunang"), "kunang-kunang");
    }

    #[test]
    fn analyzer_hyphenated_compounds_and_ordinals() {
        let a = analyze(
            "Pada abad ke-21, gerakan anti-korupsi dan aksi tuduh-menuduh di jalur \
             Jakarta-Bandung makin ramai, sementara kasus Covid-19 dan pembayaran non-tunai \
             naik turun bolak-balik, dan tarik-menarik kepentingan terus terjadi.",
        );
        // An ordinal is a number, never a keyword.
        let ordinal = a
            .terms
            .iter()
            .find(|t| a.surface(t) == "ke-21")
            .expect("ke-21");
        assert_eq!(ordinal.kind, TokenKind::Number);
        assert!(!ordinal.content);
        // A compound of two roots is one term of its own; so is a form the lexicon lists.
        assert_eq!(key_of(&a, "anti-korupsi"), "anti-korupsi");
        assert_eq!(key_of(&a, "non-tunai"), "non-tunai");
        assert_eq!(key_of(&a, "bolak-balik"), "bolak-balik");
        assert_eq!(key_of(&a, "tarik-menarik"), "tarik-menarik");
        // A reciprocal reduplication the lexicon does not list folds to its root.
        assert_eq!(key_of(&a, "tuduh-menuduh"), "tuduh");
        assert_eq!(key_of(&a, "Covid-19"), "covid-19");
        let route = a.terms.iter().find(|t| a.surface(t) == "Jakarta-Bandung");
        assert!(
            route.is_some_and(|t| t.proper && t.content),
            "{:?}",
            content(&a)
        );
    }
}
