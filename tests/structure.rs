//! The structure of a scraped web article, read from plain text by the real binary: the
//! headline split off the first sentence and reported as `title`, sub-headings counted and
//! never summarised, boilerplate kept out of summaries and keywords, and the repairs
//! (di- written apart, a stray full stop). The sample is written for ringkas.

mod common;

use common::{jsonl, ringkas, stdout_of};
use ringkas::Report;

const WEB: &str = "samples/berita-web-tersalin.txt";

fn report(args: &[&str], stdin: Option<&str>) -> Report {
    let mut cmd = ringkas(None);
    cmd.args(["--format", "jsonl"]).args(args);
    if let Some(text) = stdin {
        cmd.write_stdin(text);
    }
    let out = stdout_of(&mut cmd);
    match jsonl(&out).into_iter().next() {
        Some(ringkas::Record::Report(r)) => r,
        other => panic!("no report: {other:?}"),
    }
}

#[test]
fn structure_web_article_title_headings_and_summary() {
    let r = report(&[WEB, "--sentences", "5"], None);
    assert_eq!(
        r.title.as_deref(),
        Some("Pemkot Bandung Uji Coba Bus Listrik Di Jalur Kampus")
    );
    assert_eq!(r.stats.headings, 3, "{:?}", r.stats);
    assert!(
        r.summary[0]
            .text
            .starts_with("Rencana penggunaan bus listrik"),
        "{:?}",
        r.summary[0].text
    );
    for s in &r.summary {
        for noise in [
            "kabarkota",
            "Jalur dan Jadwal",
            "Tanggapan Mahasiswa",
            "Kesimpulan",
            "Baca juga",
            "Foto:",
            "ADVERTISEMENT",
            "Editor",
            "Tags",
        ] {
            assert!(!s.text.contains(noise), "{noise} in {:?}", s.text);
        }
        // The stray full stop does not cut "kapan saja" in two.
        assert!(!s.text.starts_with("Saja"), "{:?}", s.text);
    }
}

#[test]
fn structure_web_article_keywords_without_boilerplate_or_fragments() {
    let r = report(&[WEB, "--keywords", "30"], None);
    let terms: Vec<String> = r.keywords.iter().map(|k| k.term.to_lowercase()).collect();
    for noise in [
        "yusuf",
        "hakim",
        "facebook",
        "whatsapp",
        "advertisement",
        "kabarkota",
        "parkir",
    ] {
        assert!(
            !terms.iter().any(|t| t.contains(noise)),
            "{noise} in {terms:?}"
        );
    }
    // di- written apart is one word again: no bare fragment is a keyword.
    for fragment in ["mulai", "evaluasi", "penuhi", "perluas", "bahas"] {
        assert!(
            !terms.contains(&fragment.to_string()),
            "{fragment} in {terms:?}"
        );
    }
    assert!(terms.iter().any(|t| t.contains("bus listrik")), "{terms:?}");
}

#[test]
fn structure_title_is_null_without_a_headline() {
    let text = "Harga cabai rawit di pasar tradisional naik dua kali lipat. Para pedagang \
                menyebut pasokan dari petani berkurang karena hujan deras.";
    let out = stdout_of(ringkas(None).args(["--format", "jsonl"]).write_stdin(text));
    let value: serde_json::Value =
        serde_json::from_str(out.lines().next().expect("a line")).expect("JSON");
    assert!(value["title"].is_null(), "{value}");
}

#[test]
fn structure_reads_the_layout_of_the_markdown_and_html_readers() {
    // Title alone on the first line, a blank line; each heading alone between blank lines.
    let text = "Bus Listrik Mulai Melayani Mahasiswa\n\n\
        Pemerintah kota mengoperasikan empat bus listrik di jalur kampus. Uji coba \
        berlangsung selama tiga bulan.\n\n\
        Jadwal Perjalanan\n\n\
        Bus berangkat setiap lima belas menit dari halte Dago. Sopir sudah mengikuti \
        pelatihan selama dua minggu.\n\n\
        Rencana Tahun Depan\n\n\
        Pemerintah kota berencana menambah dua puluh bus listrik.\n\
        Halte baru dibangun di dekat terminal.\n";
    let r = report(&["--sentences", "5"], Some(text));
    assert_eq!(
        r.title.as_deref(),
        Some("Bus Listrik Mulai Melayani Mahasiswa")
    );
    assert_eq!(r.stats.headings, 2);
    assert!(
        r.summary
            .iter()
            .all(|s| !s.text.contains("Jadwal Perjalanan"))
    );
}

#[test]
fn structure_library_tokens_are_the_counted_words_with_rejoined_passives_whole() {
    let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(WEB))
        .unwrap();
    let r = report(&[WEB], None);
    let tokens = ringkas::tokens(&text);
    assert_eq!(tokens.len(), r.stats.words);
    let short = ringkas::tokens("Rencana itu di bahas kemarin di rumah Pak Budi.");
    assert!(short.contains(&"di bahas".to_string()), "{short:?}");
    assert!(short.contains(&"di".to_string()), "{short:?}");
}
