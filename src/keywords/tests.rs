//! End-to-end tests of keyword extraction on short Indonesian texts.

use super::*;
use crate::analysis::analyzer::Analyzer;
use crate::report::Keyword;

fn keywords(text: &str, k: usize) -> Vec<Keyword> {
    let analyzer = Analyzer::indonesian();
    let mut memo = analyzer.memo();
    let a = analyzer.analyze(text, &mut memo);
    extract(&a, &term_scores(&a, None), k)
}

const TEXT: &str = "Keamanan siber menjadi prioritas NATO. Serangan siber makin canggih. \
    NATO memperkuat keamanan siber anggotanya. Keamanan siber juga melindungi ekonomi. \
    Cuaca di Brussels cerah.";

#[test]
fn keywords_merge_phrase_and_its_words() {
    let kw = keywords(TEXT, 10);
    let terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
    assert!(terms.contains(&"keamanan siber"), "{terms:?}");
    assert!(
        !terms.contains(&"siber") && !terms.contains(&"keamanan"),
        "{terms:?}"
    );
}

#[test]
fn keywords_at_most_k_unique_best_first() {
    let kw = keywords(TEXT, 3);
    assert!(kw.len() <= 3);
    assert!(kw.windows(2).all(|w| w[0].score >= w[1].score));
    let mut terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
    terms.sort_unstable();
    terms.dedup();
    assert_eq!(terms.len(), kw.len());
    assert!(keywords(TEXT, 0).is_empty());
}

#[test]
fn keywords_keep_names_in_their_spelling_and_skip_numbers() {
    let kw = keywords(
        "NATO bertemu di Brussels. NATO membahas anggaran Rp1,2 triliun pada 2025. NATO sepakat.",
        10,
    );
    let terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
    assert_eq!(terms.first(), Some(&"NATO"), "{terms:?}");
    assert!(
        !terms.iter().any(|t| t.chars().any(|c| c.is_ascii_digit())),
        "{terms:?}"
    );
}

#[test]
fn keywords_of_empty_text() {
    assert!(keywords("", 10).is_empty());
    assert!(keywords("   ", 10).is_empty());
}

#[test]
fn keywords_of_k_are_the_start_of_more() {
    let text = "Kota Bekasi dilanda banjir. Warga Kota Bekasi mengungsi. Banjir di Bekasi surut. \
        Pemerintah Kota Bekasi menyiapkan pompa air. Pompa air bekerja sepanjang malam. \
        Bekasi berharap hujan reda. Warga Kota Bekasi kembali ke rumah. Jalan tol macet.";
    let all = keywords(text, 30);
    for k in 1..all.len() {
        assert_eq!(keywords(text, k), all[..k], "k = {k}");
    }
    let seed = keywords(TEXT, 30);
    for k in 1..seed.len() {
        assert_eq!(keywords(TEXT, k), seed[..k], "k = {k}");
    }
}

#[test]
fn keywords_list_a_name_once_in_full() {
    // Written in full once, then by the surname alone.
    let text = "Pelatih Everton menyambut Wayne Rooney di Goodison Park. Rooney mencetak gol. \
        Rooney senang kembali. Everton menang, kata Rooney. Rooney berlatih setiap pagi.";
    let kw = keywords(text, 10);
    let terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
    assert!(terms.contains(&"Wayne Rooney"), "{terms:?}");
    assert!(
        !terms.contains(&"Rooney") && !terms.contains(&"Wayne"),
        "{terms:?}"
    );
}

#[test]
fn keywords_prefer_nouns_to_affixed_verbs() {
    // "membahas" is as frequent and as early as the nouns: only the nouns are listed first.
    let text = "Para menteri membahas anggaran pertahanan. Menteri keuangan membahas pajak. \
        Anggaran pertahanan naik, pajak turun. Menteri membahas inflasi.";
    let kw = keywords(text, 3);
    let terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
    assert!(!terms.contains(&"membahas"), "{terms:?}");
}

#[test]
fn keywords_skip_stray_letters_but_keep_short_acronyms() {
    let kw = keywords(
        "Kebijakan AS soal tarif baja. Menurut AS, tarif baja dari Eropa naik. \
         Tarif baja Un diumumkan. Baja Un dikirim. Un menolak tarif baja.",
        10,
    );
    let terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
    assert!(terms.contains(&"AS"), "{terms:?}");
    assert!(!terms.contains(&"Un"), "{terms:?}");
}

#[test]
fn keywords_drop_the_clitic_nya_but_not_a_root_ending_so() {
    let kw = keywords(
        "Harga beras mengalami kenaikan. Kenaikannya terasa di pasar. Pedagang menilai \
         kenaikannya wajar. Warga bertanya soal kenaikannya. Warga bertanya kepada pedagang. \
         Pedagang bertanya kepada pemasok.",
        10,
    );
    let terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
    assert!(terms.contains(&"kenaikan"), "{terms:?}");
    assert!(
        !terms.iter().any(|t| t.ends_with("kenaikannya")),
        "{terms:?}"
    );
    assert!(!terms.contains(&"berta"), "{terms:?}");
}

#[test]
fn keywords_word_after_a_dateline_opens_the_sentence() {
    // "Rencana" is capitalised only because it opens the news after the dateline: it is an
    // ordinary word, not the start of the name "PT Ramayana".
    let kw = keywords(
        "Jakarta, CNN Indonesia -- Rencana PT Ramayana menutup delapan gerai bukan tanpa \
         alasan. PT Ramayana menilai gerai itu merugi. Gerai PT Ramayana di Bekasi juga \
         sepi pembeli.",
        10,
    );
    let terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
    assert!(terms.contains(&"PT Ramayana"), "{terms:?}");
    assert!(!terms.iter().any(|t| t.contains("Rencana")), "{terms:?}");
}

#[test]
fn keywords_no_phrase_ends_in_a_stray_connector() {
    let kw = keywords(
        "Jakarta -- Anak yang aktif mengikuti kegiatan Pramuka lebih sehat mentalnya kelak. \
         Menurut hasil sebuah penelitian, mantan anak Pramuka menanggung risiko penyakit \
         mental lebih rendah.\n\nPenelitian itu dilakukan Chris Dibben di University of \
         Edinburgh bersama koleganya. Data diperoleh dari hampir sepuluh ribu warga yang lahir \
         pada 1958.\n\nPeneliti menemukan 28 persen partisipan adalah mantan anak Pramuka, \
         dan mereka lebih jarang cemas di usia 50 tahun.\n\nHasil penelitian dimuat di \
         Journal of Epidemiology. Kegiatan Pramuka menumbuhkan kemandirian anak, kata \
         Dibben.\n\n\"Kegiatan Pramuka bermanfaat bagi kesehatan mental,\" kata Richard \
         Mitchell dari University of Glasgow.",
        10,
    );
    let terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
    assert!(
        terms.iter().any(|t| t.starts_with("University")),
        "{terms:?}"
    );
    assert!(!terms.iter().any(|t| t.ends_with(" of")), "{terms:?}");
}
