//! Tests of the Indonesian stemmer and its lexicon.

use super::*;
use crate::stem::lexicon::{
    EMBEDDED_HOMOGRAPHS, EMBEDDED_LEXICON, EMBEDDED_SUPPLEMENT, EMBEDDED_TABLE, Entry, Words,
};
use crate::stem::lexicon_format::{self as format, class_bit};
use crate::stem::rules::{PREFIX_RULES, family_start};

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
        "", "-", "---", "a-", "-a", "déjà", "mémbaca", "menyé", "bé", "🙂", "ber🙂", "me-", "kau",
        "per", "mempé", "é-é", "ke-ke-ke", "rerata-",
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
        // Clitics after the slip read as without them, so stemming the stem changes nothing.
        ("ditolakannya", "tolak"),
        ("menaikanlah", "naik"),
        ("mempermainannya", "main"),
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
fn stem_types_are_send_sync() {
    fn check<T: Send + Sync>() {}
    check::<Stemmer>();
    check::<IndonesianStemmer>();
    check::<Lexicon>();
}
