//! Tests of the Indonesian stemmer and its lexicon.

use super::*;
use crate::stem::lexicon::{
    EMBEDDED_HOMOGRAPHS, EMBEDDED_LEXICON, EMBEDDED_SUPPLEMENT, EMBEDDED_TABLE, Entry, Words,
};
use crate::stem::lexicon_format::{self as format, class_bit};
use crate::stem::rules::FAMILY_RULES;

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
    for (_, start, groups) in FAMILY_RULES {
        for word in &words {
            for tail in ["", "ajar", "erang", "rumah"] {
                let word = format!("{word}{tail}");
                if !word.starts_with(start) {
                    let mut rules = groups.iter().flat_map(|group| group.iter());
                    assert!(rules.all(|rule| rule(&word).is_none()), "{word}");
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

// Words of the patterns issue 21 found against the UD Indonesian treebanks, none of them the
// issue's own examples: each pattern is judged on other words of the same shape.

#[test]
fn stem_pattern_root_ends_i_an_is() {
    // roots ending in -i, -an, -is keep them
    assert_stems(&[
        ("pandai", "pandai"),
        ("sampai", "sampai"),
        ("damai", "damai"),
        ("ramai", "ramai"),
        ("pantai", "pantai"),
        ("sungai", "sungai"),
        ("selesai", "selesai"),
        ("sendiri", "sendiri"),
        ("pribadi", "pribadi"),
        ("tinggi", "tinggi"),
        ("lagi", "lagi"),
        ("taman", "taman"),
        ("jalan", "jalan"),
        ("bulan", "bulan"),
        ("teman", "teman"),
        ("ikan", "ikan"),
        ("badan", "badan"),
        ("korban", "korban"),
        ("tangan", "tangan"),
        ("lawan", "lawan"),
        ("pahlawan", "pahlawan"),
        ("perempuan", "perempuan"),
        ("kemudian", "kemudian"),
        ("bahan", "bahan"),
        ("manis", "manis"),
        ("habis", "habis"),
        ("tipis", "tipis"),
        ("kritis", "kritis"),
        ("praktis", "praktis"),
        ("teknis", "teknis"),
        ("gratis", "gratis"),
        ("otomatis", "otomatis"),
        ("turis", "turis"),
        ("tragis", "tragis"),
        ("bahkan", "bahkan"),
        ("padahal", "padahal"),
    ]);
}

#[test]
fn stem_pattern_k_plus_an() {
    // -an after a root ending in k is not -kan
    assert_stems(&[
        ("tindakan", "tindak"),
        ("masukan", "masuk"),
        ("tembakan", "tembak"),
        ("teriakan", "teriak"),
        ("desakan", "desak"),
        ("ledakan", "ledak"),
        ("tusukan", "tusuk"),
        ("kebijakan", "bijak"),
        ("penolakan", "tolak"),
        ("peledakan", "ledak"),
        ("penembakan", "tembak"),
        ("perusakan", "rusak"),
        ("penindakan", "tindak"),
        ("pemasukan", "masuk"),
        ("pembentukan", "bentuk"),
        ("cetakan", "cetak"),
        ("masakan", "masak"),
        ("kerusakan", "rusak"),
        ("keretakan", "retak"),
        ("tabrakan", "tabrak"),
        ("penunjukan", "tunjuk"),
        ("penyidikan", "sidik"),
        ("pergerakan", "gerak"),
    ]);
}

#[test]
fn stem_pattern_per_an() {
    // per-...-an around a root
    assert_stems(&[
        ("perkebunan", "kebun"),
        ("pertanian", "tani"),
        ("perikanan", "ikan"),
        ("perumahan", "rumah"),
        ("perdagangan", "dagang"),
        ("perkotaan", "kota"),
        ("pertambangan", "tambang"),
        ("perairan", "air"),
        ("perindustrian", "industri"),
        ("perekonomian", "ekonomi"),
        ("pertokoan", "toko"),
        ("perkantoran", "kantor"),
        ("perjalanan", "jalan"),
        ("pertemuan", "temu"),
        ("perbatasan", "batas"),
        ("persatuan", "satu"),
        ("pertahanan", "tahan"),
        ("perpajakan", "pajak"),
        ("perbukitan", "bukit"),
        ("persawahan", "sawah"),
        ("perhotelan", "hotel"),
        ("peradilan", "adil"),
        ("persaingan", "saing"),
        ("perlawanan", "lawan"),
        ("perbaikan", "baik"),
        ("perubahan", "ubah"),
        ("perasaan", "rasa"),
        ("perhitungan", "hitung"),
        ("pertumbuhan", "tumbuh"),
        ("perbedaan", "beda"),
        ("perkawinan", "kawin"),
        ("peraturan", "atur"),
        ("pertandingan", "tanding"),
        ("perlindungan", "lindung"),
        ("perjanjian", "janji"),
        ("permintaan", "minta"),
        ("pertanyaan", "tanya"),
        ("perfilman", "film"),
        ("perminyakan", "minyak"),
        ("perkapalan", "kapal"),
        ("peternakan", "ternak"),
        ("perasuransian", "asuransi"),
    ]);
}

#[test]
fn stem_pattern_prefix_left() {
    // no prefix left on
    assert_stems(&[
        ("berlari", "lari"),
        ("bermain", "main"),
        ("berjalan", "jalan"),
        ("bekerja", "kerja"),
        ("berbicara", "bicara"),
        ("berusaha", "usaha"),
        ("berhasil", "hasil"),
        ("bertemu", "temu"),
        ("berbeda", "beda"),
        ("berdiri", "diri"),
        ("berkembang", "kembang"),
        ("berpikir", "pikir"),
        ("berupa", "rupa"),
        ("berlangsung", "langsung"),
        ("berhenti", "henti"),
        ("berjuang", "juang"),
        ("bersedia", "sedia"),
        ("berkunjung", "kunjung"),
        ("berkeadilan", "adil"),
        ("berkepentingan", "penting"),
        ("berketuhanan", "tuhan"),
        ("berkebangsaan", "bangsa"),
        ("berkemampuan", "mampu"),
        ("memberlakukan", "laku"),
        ("diberlakukan", "laku"),
        ("pemberlakuan", "laku"),
        ("berlakunya", "laku"),
        ("diperlakukan", "laku"),
        ("berkelanjutan", "lanjut"),
        ("berkesempatan", "sempat"),
    ]);
}

#[test]
fn stem_pattern_ku_te_be() {
    // ku-, te-, be- read right
    assert_stems(&[
        ("menguasai", "kuasa"),
        ("penguasa", "kuasa"),
        ("kekuasaan", "kuasa"),
        ("berkuasa", "kuasa"),
        ("dikurangi", "kurang"),
        ("dikutip", "kutip"),
        ("dikunjungi", "kunjung"),
        ("dikuatkan", "kuat"),
        ("dikubur", "kubur"),
        ("dikumpulkan", "kumpul"),
        ("terasa", "rasa"),
        ("teratur", "atur"),
        ("terancam", "ancam"),
        ("terakhir", "akhir"),
        ("berasal", "asal"),
        ("beragama", "agama"),
        ("berawal", "awal"),
        ("berarti", "arti"),
        ("beredar", "edar"),
        ("berisi", "isi"),
        ("berulang", "ulang"),
        ("berubah", "ubah"),
        ("berusia", "usia"),
        ("berakhir", "akhir"),
        ("beranak", "anak"),
        ("berani", "berani"),
        ("beras", "beras"),
        ("berat", "berat"),
        ("terang", "terang"),
        ("berita", "berita"),
        ("keras", "keras"),
        ("kuning", "kuning"),
        ("kunci", "kunci"),
        ("terampil", "terampil"),
        ("bersih", "bersih"),
        ("berkas", "berkas"),
        ("kuliah", "kuliah"),
    ]);
}

#[test]
fn stem_pattern_men_root() {
    // the root after meN-
    assert_stems(&[
        ("memasukkan", "masuk"),
        ("memakai", "pakai"),
        ("memakan", "makan"),
        ("memukul", "pukul"),
        ("memilih", "pilih"),
        ("memimpin", "pimpin"),
        ("menanam", "tanam"),
        ("menulis", "tulis"),
        ("menarik", "tarik"),
        ("menyusun", "susun"),
        ("mengirim", "kirim"),
        ("mengambil", "ambil"),
        ("menggunakan", "guna"),
        ("menggali", "gali"),
        ("menggambar", "gambar"),
        ("menggoreng", "goreng"),
        ("menggugat", "gugat"),
        ("menggelar", "gelar"),
        ("menggemparkan", "gempar"),
        ("menggembirakan", "gembira"),
        ("menggeledah", "geledah"),
        ("menggelapkan", "gelap"),
        ("menggerakkan", "gerak"),
        ("mengenal", "kenal"),
        ("menemukan", "temu"),
        ("menemui", "temu"),
        ("menikmati", "nikmat"),
        ("menyukai", "suka"),
        ("memasak", "masak"),
        ("mematikan", "mati"),
        ("memerlukan", "perlu"),
        ("menerima", "terima"),
        ("menyerang", "serang"),
        ("menyewa", "sewa"),
        ("mengakui", "aku"),
        ("mengurangi", "kurang"),
        ("menguji", "uji"),
        ("mengganti", "ganti"),
    ]);
}

#[test]
fn stem_pattern_particle_root() {
    // particle letters that belong to the root
    assert_stems(&[
        ("sekolah", "sekolah"),
        ("masalah", "masalah"),
        ("jumlah", "jumlah"),
        ("salah", "salah"),
        ("kalah", "kalah"),
        ("wilayah", "wilayah"),
        ("sejarah", "sejarah"),
        ("ibadah", "ibadah"),
        ("musyawarah", "musyawarah"),
        ("berjumlah", "jumlah"),
        ("bersekolah", "sekolah"),
        ("dinikahi", "nikah"),
        ("pernikahan", "nikah"),
        ("menikahi", "nikah"),
        ("bermasalah", "masalah"),
        ("kesalahan", "salah"),
        ("mengalahkan", "kalah"),
        ("ialah", "ialah"),
        ("maupun", "maupun"),
        ("walaupun", "walaupun"),
        ("meskipun", "meskipun"),
        ("sekalipun", "sekalipun"),
        ("adapun", "adapun"),
        ("berkah", "berkah"),
        ("langkah", "langkah"),
        ("melangkah", "langkah"),
        ("nafkah", "nafkah"),
        ("sedekah", "sedekah"),
        ("perintah", "perintah"),
        ("memerintah", "perintah"),
        ("pemerintahan", "perintah"),
        ("ampun", "ampun"),
        ("menghimpun", "himpun"),
        ("rumpun", "rumpun"),
        ("kepunahan", "punah"),
    ]);
}

#[test]
fn stem_pattern_homograph() {
    // homograph prefixes
    assert_stems(&[
        ("pemberontak", "berontak"),
        ("memberontak", "berontak"),
        ("pembelian", "beli"),
        ("pemberian", "beri"),
        ("pembelajaran", "ajar"),
        ("beranda", "beranda"),
        ("pertama", "pertama"),
        ("perdana", "perdana"),
        ("teladan", "teladan"),
        ("telinga", "telinga"),
        ("pengunjung", "kunjung"),
        ("pengetahuan", "tahu"),
        ("pemerkosaan", "perkosa"),
        ("pembeli", "beli"),
        ("penerbangan", "terbang"),
        ("penertiban", "tertib"),
        ("menerjemahkan", "terjemah"),
        ("mempertanyakan", "tanya"),
    ]);
}

#[test]
fn stem_pattern_se_nya_ordinal() {
    // se-, -nya and ordinals
    assert_stems(&[
        ("selengkapnya", "lengkap"),
        ("sebenarnya", "benar"),
        ("sesungguhnya", "sungguh"),
        ("secepatnya", "cepat"),
        ("seutuhnya", "utuh"),
        ("sewajarnya", "wajar"),
        ("sepantasnya", "pantas"),
        ("secukupnya", "cukup"),
        ("selamanya", "lama"),
        ("sebaliknya", "balik"),
        ("seharusnya", "harus"),
        ("seadanya", "ada"),
        ("kesepuluh", "sepuluh"),
        ("kesembilan", "sembilan"),
        ("kedelapan", "delapan"),
        ("kedua", "dua"),
        ("ketiga", "tiga"),
        ("keempat", "empat"),
        ("kelima", "lima"),
        ("ketujuh", "tujuh"),
        ("keenam", "enam"),
        ("sembilan", "sembilan"),
        ("delapan", "delapan"),
        ("sebelas", "sebelas"),
    ]);
}

#[test]
fn stem_pattern_ajar_loan() {
    // the ajar family and loans in di-
    assert_stems(&[
        ("pelajaran", "ajar"),
        ("dipelajari", "ajar"),
        ("mengajar", "ajar"),
        ("pengajar", "ajar"),
        ("pengajaran", "ajar"),
        ("mengajarkan", "ajar"),
        ("terpelajar", "ajar"),
        ("diajarkan", "ajar"),
        ("mempelajarinya", "ajar"),
        ("dimensi", "dimensi"),
        ("diskusi", "diskusi"),
        ("diplomasi", "diplomasi"),
        ("distribusi", "distribusi"),
        ("diagnosis", "diagnosis"),
        ("dinasti", "dinasti"),
        ("digital", "digital"),
        ("dinamika", "dinamika"),
        ("disiplin", "disiplin"),
        ("diskriminasi", "diskriminasi"),
        ("diversifikasi", "diversifikasi"),
        ("dividen", "dividen"),
        ("direktur", "direktur"),
        ("definisi", "definisi"),
        ("demonstrasi", "demonstrasi"),
        ("kompetisi", "kompetisi"),
        ("komunikasi", "komunikasi"),
        ("investasi", "investasi"),
        ("koalisi", "koalisi"),
        ("sertifikasi", "sertifikasi"),
        ("mendiskusikan", "diskusi"),
        ("didiskusikan", "diskusi"),
        ("berdiskusi", "diskusi"),
        ("didistribusikan", "distribusi"),
    ]);
}

#[test]
fn stem_pattern_closed_class() {
    // closed-class words
    assert_stems(&[
        ("kami", "kami"),
        ("kita", "kita"),
        ("mereka", "mereka"),
        ("beliau", "beliau"),
        ("engkau", "engkau"),
        ("namun", "namun"),
        ("sehingga", "sehingga"),
        ("supaya", "supaya"),
        ("apabila", "apabila"),
        ("karena", "karena"),
        ("tatkala", "tatkala"),
        ("ketika", "ketika"),
        ("sekitar", "sekitar"),
        ("senin", "senin"),
        ("rabu", "rabu"),
        ("kamis", "kamis"),
        ("mengapa", "mengapa"),
        ("jumat", "jumat"),
        ("sabtu", "sabtu"),
        ("sesuatu", "sesuatu"),
        ("sekadar", "sekadar"),
        ("semua", "semua"),
        ("seluruh", "seluruh"),
        ("segala", "segala"),
        ("sementara", "sementara"),
        ("seperti", "seperti"),
        ("semenjak", "semenjak"),
        ("sedikit", "sedikit"),
        ("begitu", "begitu"),
        ("begini", "begini"),
        ("gitu", "gitu"),
        ("kalau", "kalau"),
        ("ialah", "ialah"),
        ("kebelakang", "belakang"),
        ("kedalam", "dalam"),
        ("keatas", "atas"),
        ("kesana", "sana"),
        ("tetapi", "tetapi"),
        ("dahulu", "dahulu"),
        ("kemarin", "kemarin"),
        ("padahal", "padahal"),
        ("sekaligus", "sekaligus"),
        ("hingga", "hingga"),
    ]);
}

#[test]
fn stem_function_words_stay_whole() {
    // Closed-class words whose letters look like affixes (data/function-words-id.txt), with a
    // clitic on, and ke- on a numeral (an ordinal).
    assert_stems(&[
        ("maupun", "maupun"),
        ("adapun", "adapun"),
        ("biarpun", "biarpun"),
        ("makanya", "makanya"),
        ("kalianlah", "kalian"),
        ("tapinya", "tapi"),
        ("kamis", "kamis"),
        ("mengapa", "mengapa"),
        ("kesembilan", "sembilan"),
        ("kesepuluh", "sepuluh"),
        // Not listed: derived in KBBI, stemmed as derived.
        ("setelah", "telah"),
        ("terhadap", "hadap"),
    ]);
}

#[test]
fn stem_prefix_reading_follows_the_root_flags() {
    // Of two readings of a prefix, the root whose hunspell flags take the prefix wins:
    // rasa takes ter- and per-, asa neither; rombak takes peN-, ombak not.
    assert_stems(&[
        ("terasa", "rasa"),
        ("perasaannya", "rasa"),
        ("perombakan", "rombak"),
        ("penyaringan", "saring"),
        // Both readings take ber-: the root with more hunspell affixes wins.
        ("beruntun", "runtun"),
        ("keberagaman", "ragam"),
        // meN- is no r-dropping prefix: the reading order stands.
        ("mengawali", "awal"),
        ("penobatan", "nobat"),
    ]);
}

#[test]
fn stem_listed_verbs_in_i_lose_it() {
    // hunspell lists curigai (di-, meN-) apart from curiga, which takes -i.
    assert_stems(&[("mencurigai", "curiga"), ("dicurigai", "curiga")]);
}

#[test]
fn stem_verbs_on_auxiliaries_keep_them_whole() {
    // mulai is an auxiliary (data/function-words-id.txt), not mula + -i; tetapi is no
    // auxiliary, so menetapi is on tetap.
    assert_stems(&[
        ("memulainya", "mulai"),
        ("dimulailah", "mulai"),
        ("menetapi", "tetap"),
    ]);
}

#[test]
fn stem_se_nya_adverbs_lose_both() {
    // se- + root + -nya, where hunspell lists the se- word bare (sejati): the root, when its
    // flags take se-; without -nya the listed word stays.
    assert_stems(&[("sejatinya", "jati"), ("sejati", "sejati")]);
}

#[test]
fn stem_a_stacked_clitic_on_a_known_word_is_stemmed_once_for_all() {
    // Whatever the fallback leaves of a word with a clitic too many is a word again: its
    // stem is the stem of the stem.
    let s = stemmer();
    for word in ["selornyanya", "bukunyanya", "dipukulnyanya"] {
        let stem = s.stem(word).into_owned();
        assert_eq!(s.stem(&stem), stem, "{word} -> {stem}");
    }
}

#[test]
fn stem_pemer_is_pen_and_per() {
    // pemer- is peN- on a per- verb (memperkuat: pemerkuat), the pe- family twice.
    assert_stems(&[
        ("pemerkuat", "kuat"),
        ("pemersempit", "sempit"),
        ("pemerkaya", "kaya"),
        // A root in per- stays whole.
        ("pemeriksa", "periksa"),
    ]);
}

#[test]
fn stem_fractions_keep_the_numeral() {
    // se- + per- + numeral: the denominator, with ke- and a clitic too.
    assert_stems(&[
        ("seperlima", "lima"),
        ("seperseratus", "ratus"),
        ("kesepertiganya", "tiga"),
        ("sepertujuh", "tujuh"),
        ("seperti", "seperti"),
    ]);
}

#[test]
fn stem_ke_kan_is_a_misspelt_ke_an() {
    // ke-...-kan is no confix: ke-...-an with a k too many, when the root takes ke-...-an.
    assert_stems(&[
        ("kesulitkan", "sulit"),
        ("kerusakkan", "rusak"),
        ("kemudahkan", "mudah"),
    ]);
}

#[test]
fn stem_anya_is_a_misspelt_annya() {
    // -annya written -anya, when -nya alone leaves no word the lexicon knows.
    assert_stems(&[
        ("ukuranya", "ukur"),
        ("kemampuanya", "mampu"),
        ("kebiasaanya", "biasa"),
        // -nya on a root in -a stays a plain -nya.
        ("celananya", "celana"),
        ("jalanya", "jala"),
    ]);
}

#[test]
fn stem_listed_loans_keep_their_suffix() {
    // A loan listed with -isasi keeps it under a prefix, as it does alone; one not listed
    // loses it.
    assert_stems(&[
        ("dinormalisasi", "normalisasi"),
        ("terkristalisasi", "kristalisasi"),
        ("difinalisasi", "final"),
    ]);
}

#[test]
fn stem_native_roots_in_is_keep_it() {
    // -is after a prefix is a native root's own letters before it is a loan suffix.
    assert_stems(&[
        ("menipis", "tipis"),
        ("menangis", "tangis"),
        ("ditangisi", "tangis"),
        ("berlogis", "logis"),
    ]);
}

#[test]
fn stem_listed_passive_verbs_lose_their_suffix() {
    // A listed verb in -kan whose flags take only ku-/kau- (the passive's prefixes) and no
    // suffix is the root that takes -kan with -kan on.
    let lexicon = Arc::new(Lexicon::parse("tinggal DMkl\ntinggalkan U\n"));
    let stemmer = IndonesianStemmer::new(lexicon);
    assert_eq!(stemmer.stem("tinggalkanlah"), "tinggal");
    assert_eq!(stemmer.stem("kutinggalkan"), "tinggal");
}

#[test]
fn stem_lost_k_beats_a_bare_root() {
    // di-/meN- + a bare listed word in -an is the -kan verb with its k lost when the root
    // takes -kan: hunspell gives the bare word (besaran, bubuhan) no affixes.
    assert_stems(&[
        ("dibesaran", "besar"),
        ("membubuhan", "bubuh"),
        ("dibaringan", "baring"),
        ("besaran", "besar"),
    ]);
}
