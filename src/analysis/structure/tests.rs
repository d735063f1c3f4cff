//! The structure pass on samples written for these tests: one kind of structure or
//! boilerplate each, in the phrasings scraped pages use.

use crate::analysis::analyzer::testing::analyze;
use crate::analysis::model::{Analysis, Role};

/// The role of the sentence that contains `needle`.
fn role_of(a: &Analysis, needle: &str) -> Role {
    let i = (0..a.sentences.len())
        .find(|&i| a.sentence_text(i).contains(needle))
        .unwrap_or_else(|| panic!("no sentence with {needle:?}: {:?}", texts(a)));
    a.sentences[i].role
}

fn texts(a: &Analysis) -> Vec<(String, Role)> {
    (0..a.sentences.len())
        .map(|i| (a.sentence_text(i), a.sentences[i].role))
        .collect()
}

fn first_body(a: &Analysis) -> String {
    let i = a
        .sentences
        .iter()
        .position(|s| s.is_body())
        .expect("a body");
    a.sentence_text(i)
}

fn content_words(a: &Analysis) -> Vec<String> {
    a.terms
        .iter()
        .filter(|t| t.content)
        .map(|t| a.surface(t).to_lowercase())
        .collect()
}

const BODY: &str = "Harga cabai rawit di pasar tradisional naik dua kali lipat dalam sepekan \
    terakhir. Para pedagang menyebut pasokan dari petani berkurang karena hujan deras. \
    Pemerintah daerah berjanji menggelar operasi pasar pekan depan.";

#[test]
fn structure_splits_a_glued_headline_after_a_site_name() {
    let text = format!(
        "kabarpasar.id, Harga Cabai Rawit Melonjak Jelang Ramadan Pedagang di pasar induk \
         mengeluh sepi pembeli.\n\n{BODY}"
    );
    let a = analyze(&text);
    assert_eq!(
        a.title().as_deref(),
        Some("Harga Cabai Rawit Melonjak Jelang Ramadan")
    );
    assert!(
        first_body(&a).starts_with("Pedagang di pasar induk"),
        "{:?}",
        texts(&a)
    );
    assert_eq!(role_of(&a, "kabarpasar.id"), Role::Boilerplate);
    // The site name is no keyword; the headline's words may be.
    let words = content_words(&a);
    assert!(!words.iter().any(|w| w.contains("kabarpasar")), "{words:?}");
    assert!(words.contains(&"melonjak".to_string()), "{words:?}");
}

#[test]
fn structure_splits_a_glued_headline_written_in_title_case() {
    // No site name: the capitalised "Di" shows the title case.
    let text = format!(
        "Warga Sukamaju Bangun Jembatan Bambu Di Tepi Sungai Sejak pagi warga bergotong \
         royong memotong bambu.\n\n{BODY}"
    );
    let a = analyze(&text);
    assert_eq!(
        a.title().as_deref(),
        Some("Warga Sukamaju Bangun Jembatan Bambu Di Tepi Sungai")
    );
    assert!(first_body(&a).starts_with("Sejak pagi warga"));
}

#[test]
fn structure_leaves_an_ordinary_first_sentence_whole() {
    for first in [
        "Menteri Keuangan Sri Mulyani Indrawati mengatakan defisit anggaran masih terjaga.",
        "Jakarta, Kompas.com - Menteri Keuangan Sri Mulyani mengatakan defisit terjaga.",
        "Liputan6.com, Jakarta - Badan Pusat Statistik mencatat inflasi bulan ini rendah.",
        "JAKARTA - Kepala Badan Nasional Penanggulangan Bencana Willem Rampangilei datang.",
    ] {
        let a = analyze(&format!("{first}\n\n{BODY}"));
        assert_eq!(a.title(), None, "{first}");
        assert_eq!(a.sentences[0].role, Role::Body, "{first}");
    }
}

#[test]
fn structure_reads_a_headline_on_its_own_line() {
    for (text, title) in [
        (
            format!("Harga Cabai Melonjak Jelang Ramadan\n\n{BODY}"),
            "Harga Cabai Melonjak Jelang Ramadan",
        ),
        (
            format!("kabarpasar.id, Harga Cabai Melonjak Jelang Ramadan\n{BODY}"),
            "Harga Cabai Melonjak Jelang Ramadan",
        ),
        // The layout the Markdown and HTML readers write: a question is a headline too.
        (
            format!("Mengapa Harga Cabai Melonjak?\n\n{BODY}"),
            "Mengapa Harga Cabai Melonjak?",
        ),
    ] {
        let a = analyze(&text);
        assert_eq!(a.title().as_deref(), Some(title), "{:?}", texts(&a));
        assert!(first_body(&a).starts_with("Harga cabai rawit"));
    }
    // A short first paragraph that is a sentence is not a headline.
    let a = analyze(&format!("Harga cabai naik lagi.\n\n{BODY}"));
    assert_eq!(a.title(), None);
}

#[test]
fn structure_counts_headings_and_keeps_them_out_of_the_body() {
    let text = format!(
        "Operasi Pasar Cabai\n\n{BODY}\n\nPasokan dari Petani Berkurang\n\n{BODY}\n\
         Langkah Pemerintah Daerah:\n{BODY}\n\nKesimpulan\n\n{BODY}\n\nPenutup\n\n{BODY}"
    );
    let a = analyze(&text);
    assert_eq!(a.title().as_deref(), Some("Operasi Pasar Cabai"));
    let headings: Vec<String> = (0..a.sentences.len())
        .filter(|&i| a.sentences[i].role == Role::Heading)
        .map(|i| a.sentence_text(i))
        .collect();
    assert_eq!(
        headings,
        [
            "Pasokan dari Petani Berkurang",
            "Langkah Pemerintah Daerah:",
            "Kesimpulan",
            "Penutup"
        ]
    );
}

#[test]
fn structure_reads_a_heading_on_the_line_after_a_sentence() {
    // One line break only, as pages copied from a browser have it.
    let text = format!(
        "{BODY}\nDampak Bagi Konsumen Rumah Tangga\nIbu rumah tangga mengurangi belanja \
         cabai. Warung makan menaikkan harga sambal.\n{BODY}"
    );
    let a = analyze(&text);
    assert_eq!(
        role_of(&a, "Dampak Bagi Konsumen Rumah Tangga"),
        Role::Heading
    );
    assert_eq!(role_of(&a, "Ibu rumah tangga"), Role::Body);
}

#[test]
fn structure_marks_read_also_lines() {
    for line in [
        "Baca juga: Petani Bawang Merah Panen Raya Di Brebes",
        "BACA JUGA : Stok Beras Aman Hingga Akhir Tahun",
        "Simak Juga: Harga Gula Pasir Turun Tipis",
        "Lihat juga Video Antrean Minyak Goreng Murah",
        "Tonton juga: Cara Memilih Cabai Segar",
    ] {
        let a = analyze(&format!("{BODY}\n\n{line}\n\n{BODY}"));
        assert_eq!(role_of(&a, &line[..12]), Role::Boilerplate, "{line}");
        let words = content_words(&a);
        assert!(!words.contains(&"video".to_string()), "{words:?}");
    }
}

#[test]
fn structure_marks_captions_and_credits() {
    for line in [
        "Foto: Pedagang menata cabai di lapak (kabarpasar.id/Rina)",
        "(Foto: ANTARA/Dewi Kurnia)",
        "(ANTARA/Rudi Hartono)",
        "Lapak cabai di Pasar Induk pagi ini. (Foto: Dok. Istimewa)",
        "Ilustrasi. (Shutterstock)",
        "Keterangan foto: Petugas memeriksa timbangan",
        "[Gambas:Video CNN]",
        "(red)",
        "(ant/rdk)",
    ] {
        let a = analyze(&format!("{BODY}\n\n{line}\n\n{BODY}"));
        let needle: String = line.chars().take(8).collect();
        assert_eq!(role_of(&a, &needle), Role::Boilerplate, "{line}");
    }
}

#[test]
fn structure_marks_bylines_and_footers() {
    let text = format!(
        "Penulis: Ayu Lestari\nSenin, 4 Maret 2024 | 10:15 WIB\n\n{BODY}\n\nADVERTISEMENT\n\n\
         SCROLL TO CONTINUE WITH CONTENT\n\n{BODY}\n\nReporter: Bima Saputra\n\
         Editor: Citra Wulandari\nTags: cabai, harga pangan, inflasi\n\
         Bagikan: Facebook Twitter WhatsApp Salin Tautan\n#HargaCabai #Ramadan\n\
         Copyright © 2024 Kabar Pasar. All Rights Reserved."
    );
    let a = analyze(&text);
    for needle in [
        "Ayu Lestari",
        "10:15 WIB",
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE",
        "Bima Saputra",
        "Citra Wulandari",
        "Tags:",
        "Facebook",
        "#HargaCabai",
        "Copyright",
        "All Rights Reserved",
    ] {
        assert_eq!(role_of(&a, needle), Role::Boilerplate, "{needle}");
    }
    let words = content_words(&a);
    for noise in [
        "citra",
        "wulandari",
        "facebook",
        "advertisement",
        "copyright",
    ] {
        assert!(!words.contains(&noise.to_string()), "{noise} in {words:?}");
    }
    assert_eq!(
        a.sentences
            .iter()
            .filter(|s| s.role == Role::Heading)
            .count(),
        0
    );
}

#[test]
fn structure_marks_a_list_of_related_articles() {
    let text = format!(
        "{BODY}\n\nBerita Terkait\nHarga Bawang Putih Ikut Naik\nPasokan Telur Ayam Aman\n\
         Pedagang Daging Mogok Jualan\n\n{BODY}"
    );
    let a = analyze(&text);
    for needle in [
        "Berita Terkait",
        "Bawang Putih",
        "Telur Ayam",
        "Daging Mogok",
    ] {
        assert_eq!(role_of(&a, needle), Role::Boilerplate, "{needle}");
    }
    // Prose after the list is the article again.
    assert_eq!(a.sentences.last().expect("sentences").role, Role::Body);
}

#[test]
fn structure_keeps_prose_that_opens_like_boilerplate() {
    let text = "Foto itu diambil warga saat banjir datang. Iklan rokok dilarang di jalan \
        protokol. Editor senior media itu menolak berkomentar. Sumber air warga tercemar \
        limbah pabrik. Harga beras (medium) naik tipis.";
    let a = analyze(text);
    assert!(a.sentences.iter().all(|s| s.is_body()), "{:?}", texts(&a));
}

#[test]
fn structure_a_note_without_prose_has_no_footer() {
    let a = analyze("beli beras\nbeli minyak goreng\nbayar listrik");
    assert!(a.sentences.iter().all(|s| s.role != Role::Boilerplate));
    assert!(content_words(&a).contains(&"beras".to_string()));
}
