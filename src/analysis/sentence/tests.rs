//! Tests of the sentence splitter as a whole: each case is an input and the sentences it
//! must give, so they read as a specification and follow no one file of the splitter.

use std::borrow::Cow;

use super::*;

/// Splits `text`, checks the span invariants, and compares the flattened sentence texts
/// (a heading is written with a leading `#`).
fn assert_sentences(text: &str, expected: &[&str]) {
    let spans = SentenceSplitter::new().split(text);
    assert_spans_cover(text, &spans);
    let got: Vec<String> = spans
        .iter()
        .map(|s| {
            let flat = flatten(s.text(text));
            if s.heading {
                format!("#{flat}")
            } else {
                flat.into_owned()
            }
        })
        .collect();
    assert_eq!(got, expected, "input: {text:?}");
}

/// Spans are trimmed, non-empty, ordered, non-overlapping, on char boundaries, and every
/// non-whitespace character of `text` lies in one of them.
fn assert_spans_cover(text: &str, spans: &[SentenceSpan]) {
    let mut covered = 0;
    for span in spans {
        assert!(span.start >= covered && span.start < span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let inner = &text[span.start..span.end];
        assert_eq!(inner, inner.trim(), "span not trimmed");
        assert!(
            text[covered..span.start].trim().is_empty(),
            "text lost before a span"
        );
        covered = span.end;
    }
    assert!(text[covered..].trim().is_empty(), "text lost at the end");
}

#[test]
fn sentence_titles_and_degrees() {
    assert_sentences(
        "Prof. Dr. Budi Santoso, M.Sc. memberi kuliah umum. dr. Rina Sari, Sp.A. hadir \
         juga. Ir. H. Ahmad dan Hj. Siti menutup acara. Hadir pula Andi Wijaya, S.H. Ia \
         datang terlambat. Gelarnya S.Kom. M.Si. dari kampus yang sama.",
        &[
            "Prof. Dr. Budi Santoso, M.Sc. memberi kuliah umum.",
            "dr. Rina Sari, Sp.A. hadir juga.",
            "Ir. H. Ahmad dan Hj. Siti menutup acara.",
            "Hadir pula Andi Wijaya, S.H.",
            "Ia datang terlambat.",
            "Gelarnya S.Kom. M.Si. dari kampus yang sama.",
        ],
    );
}

#[test]
fn sentence_common_abbreviations() {
    assert_sentences(
        "Kami membeli sayur, buah, dll. di pasar. Surat a.n. Kepala Desa dikirim ke Jl. \
         Merdeka No. 5 Kec. Sukajadi Kab. Bandung. Rapat berlangsung s.d. pukul 12.00. \
         Yth. Bapak Camat membaca hlm. 12 tgl. 5 Agu. 2024. Laporan itu ditulis Sari dkk. \
         Mereka meneliti padi, jagung, dsb. Hasilnya baik.",
        &[
            "Kami membeli sayur, buah, dll. di pasar.",
            "Surat a.n. Kepala Desa dikirim ke Jl. Merdeka No. 5 Kec. Sukajadi Kab. Bandung.",
            "Rapat berlangsung s.d. pukul 12.00.",
            "Yth. Bapak Camat membaca hlm. 12 tgl. 5 Agu. 2024.",
            "Laporan itu ditulis Sari dkk.",
            "Mereka meneliti padi, jagung, dsb.",
            "Hasilnya baik.",
        ],
    );
}

#[test]
fn sentence_initials_and_country_abbreviations() {
    assert_sentences(
        "Jenderal A.H. Nasution lahir di Kotanopan. Presiden B. J. Habibie membuka acara. \
         Barang itu dikirim ke A.S. Setelah itu harganya naik.",
        &[
            "Jenderal A.H. Nasution lahir di Kotanopan.",
            "Presiden B. J. Habibie membuka acara.",
            "Barang itu dikirim ke A.S.",
            "Setelah itu harganya naik.",
        ],
    );
}

#[test]
fn sentence_numbers_both_separators() {
    assert_sentences(
        "Inflasi naik 2,5 persen. Nilainya 5.6 kali lipat dari Rp1,2 triliun atau \
         1.000.000,50 dolar. Harganya 12.500 rupiah. 2024 menjadi tahun sulit.",
        &[
            "Inflasi naik 2,5 persen.",
            "Nilainya 5.6 kali lipat dari Rp1,2 triliun atau 1.000.000,50 dolar.",
            "Harganya 12.500 rupiah.",
            "2024 menjadi tahun sulit.",
        ],
    );
}

#[test]
fn sentence_times_dates_ordinals() {
    assert_sentences(
        "Rapat dimulai pukul 09.30 WIB. Ini rapat ke-21. Senin (12/5/2025) rapat ditutup.",
        &[
            "Rapat dimulai pukul 09.30 WIB.",
            "Ini rapat ke-21.",
            "Senin (12/5/2025) rapat ditutup.",
        ],
    );
}

#[test]
fn sentence_urls_domains_emails() {
    assert_sentences(
        "Jakarta, KOMPAS.com - Data dari www.bps.go.id menunjukkan kenaikan. Baca di \
         https://x.y/z?a=b. Kirim surel ke redaksi@contoh.co.id. Merdeka.com melaporkan \
         hal itu.",
        &[
            "Jakarta, KOMPAS.com - Data dari www.bps.go.id menunjukkan kenaikan.",
            "Baca di https://x.y/z?a=b.",
            "Kirim surel ke redaksi@contoh.co.id.",
            "Merdeka.com melaporkan hal itu.",
        ],
    );
}

#[test]
fn sentence_ellipsis_continues_before_lower_case() {
    assert_sentences(
        "Dia diam... lalu pergi. Tunggu… Besok kita bicara. Entahlah...",
        &[
            "Dia diam... lalu pergi.",
            "Tunggu…",
            "Besok kita bicara.",
            "Entahlah...",
        ],
    );
}

#[test]
fn sentence_question_and_exclamation() {
    assert_sentences(
        "Apa kabar? Baik sekali! Benarkah?! Ya. Kenapa? karena hujan.",
        &[
            "Apa kabar?",
            "Baik sekali!",
            "Benarkah?!",
            "Ya.",
            "Kenapa?",
            "karena hujan.",
        ],
    );
}

#[test]
fn sentence_quotes_with_attribution() {
    assert_sentences(
        "\"Kami siap,\" kata dia. \"Apa?\" tanya dia. \"Bagus.\" Dia tersenyum. \
         “Sudah selesai.” Mereka pulang. 'Oke!' seru Budi.",
        &[
            "\"Kami siap,\" kata dia.",
            "\"Apa?\" tanya dia.",
            "\"Bagus.\"",
            "Dia tersenyum.",
            "“Sudah selesai.”",
            "Mereka pulang.",
            "'Oke!' seru Budi.",
        ],
    );
}

#[test]
fn sentence_closing_brackets_and_credits() {
    assert_sentences(
        "(Ini catatan redaksi.) Lalu dia pulang. Kasus itu ditangani polisi (lihat hlm. 5). \
         Polisi menahan dua orang. (ant/hs)",
        &[
            "(Ini catatan redaksi.)",
            "Lalu dia pulang.",
            "Kasus itu ditangani polisi (lihat hlm. 5).",
            "Polisi menahan dua orang.",
            "(ant/hs)",
        ],
    );
}

#[test]
fn sentence_missing_space_after_full_stop() {
    assert_sentences(
        "Hujan turun kemarin.Presiden datang hari ini. Situs KOMPAS.com dan detik.com \
         ramai. Tokoh A.H.Nasution dikenang. Lihat Kumparan.Com sekarang.",
        &[
            "Hujan turun kemarin.",
            "Presiden datang hari ini.",
            "Situs KOMPAS.com dan detik.com ramai.",
            "Tokoh A.H.Nasution dikenang.",
            "Lihat Kumparan.Com sekarang.",
        ],
    );
}

#[test]
fn sentence_line_breaks_and_headings() {
    assert_sentences(
        "Banjir Melanda Jakarta\nHujan deras mengguyur kota sejak pagi. Air naik.\n\
         Warga mengungsi ke masjid.\n\nPenyebab Banjir\n\nDrainase yang buruk menjadi \
         penyebab utama banjir di kawasan itu menurut para ahli tata kota setempat\n\
         Pemerintah berjanji memperbaikinya\n\nsetelah musim hujan berakhir.",
        &[
            "#Banjir Melanda Jakarta",
            "Hujan deras mengguyur kota sejak pagi.",
            "Air naik.",
            "Warga mengungsi ke masjid.",
            "#Penyebab Banjir",
            "Drainase yang buruk menjadi penyebab utama banjir di kawasan itu menurut para \
             ahli tata kota setempat",
            "Pemerintah berjanji memperbaikinya",
            "setelah musim hujan berakhir.",
        ],
    );
}

#[test]
fn sentence_markdown_headings() {
    assert_sentences(
        "# Literasi Digital Bukan Sekadar Bisa Memakai Ponsel Pintar di Rumah Sendiri\n\n\
         Kabar bohong menyebar. Kita menyalahkan teknologi.\n\n## Peran Sekolah\n\
         Sekolah perlu mengajarkannya.",
        &[
            "## Literasi Digital Bukan Sekadar Bisa Memakai Ponsel Pintar di Rumah Sendiri",
            "Kabar bohong menyebar.",
            "Kita menyalahkan teknologi.",
            "### Peran Sekolah",
            "Sekolah perlu mengajarkannya.",
        ],
    );
}

#[test]
fn sentence_hard_wrapped_lines_are_joined() {
    assert_sentences(
        "Presiden Joko Widodo meresmikan jalan tol baru di\n\
         Jawa Tengah pada Senin pagi. Jalan itu diharapkan\n\
         mempercepat arus barang dan mengurangi kemacetan di\n\
         kawasan pantura yang selama ini padat kendaraan.",
        &[
            "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi.",
            "Jalan itu diharapkan mempercepat arus barang dan mengurangi kemacetan di \
             kawasan pantura yang selama ini padat kendaraan.",
        ],
    );
}

#[test]
fn sentence_dateline_stays_in_first_sentence() {
    assert_sentences(
        "Jakarta, KOMPAS.com - Presiden meninjau lokasi banjir. Ia didampingi menteri.",
        &[
            "Jakarta, KOMPAS.com - Presiden meninjau lokasi banjir.",
            "Ia didampingi menteri.",
        ],
    );
}

#[test]
fn sentence_list_items_are_units() {
    assert_sentences(
        "Syaratnya sebagai berikut:\n1. Fotokopi KTP\n2. Pas foto. Ukuran 3x4.\n\
         - Surat pengantar\nBerkas dikirim ke kantor desa.",
        &[
            "Syaratnya sebagai berikut:",
            "1.",
            "Fotokopi KTP",
            "2.",
            "Pas foto.",
            "Ukuran 3x4.",
            "- Surat pengantar",
            "Berkas dikirim ke kantor desa.",
        ],
    );
}

#[test]
fn sentence_english_abbreviations() {
    assert_sentences(
        "Mr. Smith met Dr. Jones, e.g. at lunch. They ate apples, pears, etc. Then they \
         left. It was Smith vs. Jones, i.e. a classic.",
        &[
            "Mr. Smith met Dr. Jones, e.g. at lunch.",
            "They ate apples, pears, etc.",
            "Then they left.",
            "It was Smith vs. Jones, i.e. a classic.",
        ],
    );
}

#[test]
fn sentence_company_and_institution_forms() {
    // Before a name (PT., RS.) they never end a sentence; after one (Pte., LLC.) they do
    // before a capital that is not another abbreviation.
    assert_sentences(
        "Saham PT. Astra naik. Ia bekerja di Keppel Pte. Ltd. Kantornya di Singapura.",
        &[
            "Saham PT. Astra naik.",
            "Ia bekerja di Keppel Pte. Ltd.",
            "Kantornya di Singapura.",
        ],
    );
    assert_sentences(
        "Korban dibawa ke RSUD. Sardjito oleh warga. Pasukan U.S. Navy tiba.",
        &[
            "Korban dibawa ke RSUD. Sardjito oleh warga.",
            "Pasukan U.S. Navy tiba.",
        ],
    );
    // A two-word abbreviation, listed with its space.
    assert_sentences(
        "Ia meraih gelar Ph. D. Setelah itu ia pulang.",
        &["Ia meraih gelar Ph. D.", "Setelah itu ia pulang."],
    );
}

#[test]
fn sentence_issue_21_abbreviations() {
    // The forms issue 21 found missing, each where it matters: a title (Tb., Pres.) or a
    // street or hospital form (JL., RS.) before a name never ends a sentence; a company
    // form after a name (LLC., Inc.) does before a capital that starts a new sentence.
    assert_sentences(
        "Gubernur Tb. Hasanuddin hadir. Pres. Jokowi berpidato di RS. Fatmawati. \
         Kantornya di JL. Sudirman nomor 5.",
        &[
            "Gubernur Tb. Hasanuddin hadir.",
            "Pres. Jokowi berpidato di RS. Fatmawati.",
            "Kantornya di JL. Sudirman nomor 5.",
        ],
    );
    assert_sentences(
        "Saham Acme LLC. Naik tajam. Ia bekerja di Apple Inc. Kantornya di California.",
        &[
            "Saham Acme LLC.",
            "Naik tajam.",
            "Ia bekerja di Apple Inc.",
            "Kantornya di California.",
        ],
    );
}

#[test]
fn sentence_units_numerals_and_eras_may_end_a_sentence() {
    // A capital after a number is a unit or an era, I/V/X after a lower-case word a
    // numeral: not the initial of a name.
    assert_sentences(
        "Nilainya turun pada semester V. Guru mengeluh. Es mencair pada 0 C. Airnya dingin.",
        &[
            "Nilainya turun pada semester V.",
            "Guru mengeluh.",
            "Es mencair pada 0 C.",
            "Airnya dingin.",
        ],
    );
    assert_sentences(
        "Kota itu berdiri tahun 400 M. Rajanya kuat. Buku itu ditulis oleh M. Nasir.",
        &[
            "Kota itu berdiri tahun 400 M.",
            "Rajanya kuat.",
            "Buku itu ditulis oleh M. Nasir.",
        ],
    );
}

#[test]
fn sentence_number_abbreviations_before_a_capital() {
    // "no." before a number goes on; before a capitalised word the number was left out.
    assert_sentences(
        "Rumahnya di Gang Mawar no. 12 Bogor. Ia tinggal di Jalan Melati no. Warga mengenalnya.",
        &[
            "Rumahnya di Gang Mawar no. 12 Bogor.",
            "Ia tinggal di Jalan Melati no.",
            "Warga mengenalnya.",
        ],
    );
}

#[test]
fn sentence_no_split_inside_a_grouped_number() {
    // "1.250. 500": a stray full stop and space inside one number.
    assert_sentences(
        "Pesertanya 1.250. 500 orang hadir. Pada 2019. 2020 lebih ramai.",
        &[
            "Pesertanya 1.250. 500 orang hadir.",
            "Pada 2019.",
            "2020 lebih ramai.",
        ],
    );
}

#[test]
fn sentence_extra_abbreviations() {
    let text = "Ia bertemu Kapt. Budi. Lalu pulang.";
    let default = SentenceSplitter::new().split(text).len();
    let extra = SentenceSplitter::with_abbreviations(["Kapt prefix".to_string()]);
    assert_eq!(default, 2);
    assert_eq!(extra.split(text).len(), 2);
    let custom = SentenceSplitter::with_abbreviations(["Budi".to_string()]);
    assert_eq!(custom.split("Ia bertemu Budi. lalu pulang.").len(), 1);
}

#[test]
fn sentence_spans_cover_text_in_order() {
    let text = "  Judul Berita\n\nKalimat satu. Kalimat dua?  \"Tiga!\" \n\n (ant) \n";
    let spans = SentenceSplitter::new().split(text);
    assert_spans_cover(text, &spans);
    let texts: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
    assert_eq!(
        texts,
        [
            "Judul Berita",
            "Kalimat satu.",
            "Kalimat dua?",
            "\"Tiga!\"",
            "(ant)"
        ]
    );
    assert!(spans[0].heading);
    assert!(SentenceSplitter::new().split(" \n\t\n").is_empty());
}

#[test]
fn sentence_long_line_without_punctuation_completes() {
    let text = "kata ".repeat(2 * 1024 * 1024);
    let spans = SentenceSplitter::new().split(&text);
    assert_eq!(spans.len(), 1);
    let dots = "a.".repeat(5 * 1024 * 1024);
    assert_spans_cover(&dots, &SentenceSplitter::new().split(&dots));
    let items = "1. ".repeat(3 * 1024 * 1024);
    assert_spans_cover(&items, &SentenceSplitter::new().split(&items));
}

#[test]
fn sentence_random_unicode_never_panics() {
    const POOL: &[&str] = &[
        "a",
        "Z",
        "é",
        "ß",
        "漢",
        "🙂",
        " ",
        "\n",
        "\n\n",
        "\t",
        ".",
        "...",
        "…",
        "?",
        "!",
        "\"",
        "'",
        "“",
        "”",
        "’",
        "(",
        ")",
        "[",
        "]",
        "1",
        "2,5",
        "Dr.",
        "dll.",
        "A.",
        "-",
        "\r",
        "\u{a0}",
        "\u{200b}",
        "Jl.",
        "x.y",
        "kemarin.Presiden",
        ":",
        "•",
    ];
    let splitter = SentenceSplitter::new();
    for text in super::random_texts(POOL, 0x2545_f491_4f6c_dd1d, 2000, 60) {
        assert_spans_cover(&text, &splitter.split(&text));
    }
}

#[test]
fn sentence_flatten_collapses_whitespace() {
    assert_eq!(flatten("satu  dua\n tiga\t"), "satu dua tiga");
    assert!(matches!(flatten("sudah rapi"), Cow::Borrowed("sudah rapi")));
}

#[test]
fn sentence_splitter_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<SentenceSplitter>();
}
