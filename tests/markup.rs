//! HTML and Markdown input, through the real binary: the article of a page found among its
//! navigation, sidebars, related lists, comments and inline ads; Markdown headings, lists,
//! links, code and front matter; charsets; `sentences` on the same inputs. The pages under
//! `tests/data/markup/` are written for ringkas.

mod common;

use common::{jsonl, ringkas, stdout_of};
use ringkas::{Record, Report};

const DATA: &str = "tests/data/markup";

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DATA}/{name}")).expect("test page exists")
}

fn report(args: &[&str], stdin: Option<Vec<u8>>) -> Report {
    let mut cmd = ringkas(None);
    cmd.args(["--format", "jsonl"]).args(args);
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes);
    }
    match jsonl(&stdout_of(&mut cmd)).into_iter().next() {
        Some(Record::Report(r)) => r,
        other => panic!("no report: {other:?}"),
    }
}

fn sentences(args: &[&str]) -> Vec<String> {
    let out = stdout_of(ringkas(None).arg("sentences").args(args));
    out.lines().map(str::to_string).collect()
}

/// Words of the page's chrome that must not reach the text of an article.
const CHROME: &[&str] = &[
    "Kabar Jatim",
    "Olahraga",
    "Bagikan",
    "Berita Terkait",
    "Terpopuler",
    "Persebaya",
    "Ikuti kanal",
    "Hak cipta",
    "Diskon",
    "Reporter",
];

#[test]
fn markup_html_news_page_from_stdin_keeps_the_article() {
    let page = read("berita-sidebar.html");
    let r = report(&["--input", "html", "-n", "5"], Some(page));
    assert_eq!(r.source, "-");
    assert_eq!(
        r.title.as_deref(),
        Some("Pemkot Surabaya Tambah Seratus Bus Sekolah Gratis")
    );
    assert_eq!(r.stats.headings, 2, "{:?}", r.stats);
    assert_eq!(r.summary.len(), 5);
    for s in &r.summary {
        assert!(!s.text.starts_with("Rute Baru"), "{:?}", s.text);
        for chrome in CHROME {
            assert!(!s.text.contains(chrome), "{chrome} in {:?}", s.text);
        }
    }
    for k in &r.keywords {
        assert!(!["terpopuler", "bagikan", "persebaya"].contains(&k.term.to_lowercase().as_str()));
    }
}

#[test]
fn markup_sentences_print_the_extracted_body() {
    let lines = sentences(&["--input", "html", &format!("{DATA}/berita-sidebar.html")]);
    assert_eq!(
        lines[0],
        "Pemkot Surabaya Tambah Seratus Bus Sekolah Gratis"
    );
    assert!(lines.contains(&"Rute Baru di Pinggiran Kota".to_string()));
    assert_eq!(
        lines.last().map(String::as_str),
        Some(
            "Wali kota menyebut pendidikan dan transportasi menjadi prioritas belanja daerah hingga lima tahun ke depan."
        )
    );
    for line in &lines {
        for chrome in CHROME {
            assert!(!line.contains(chrome), "{chrome} in {line:?}");
        }
    }
}

#[test]
fn markup_blog_comments_are_left_out_and_lists_are_items() {
    let lines = sentences(&[&format!("{DATA}/blog-kopi.html")]);
    assert_eq!(lines[0], "Belajar Menyeduh Kopi Manual di Rumah");
    assert!(lines.contains(&"- corong seduh dan kertas saring".to_string()));
    for line in &lines {
        assert!(
            !line.contains("Komentar") && !line.contains("Kak?"),
            "{line:?}"
        );
        assert!(!line.contains("Secangkir Pagi"), "{line:?}");
    }
}

#[test]
fn markup_inline_ads_and_markers_are_left_out() {
    let lines = sentences(&[&format!("{DATA}/iklan-sisipan.html")]);
    assert_eq!(
        lines,
        [
            "Nelayan Cilacap Panen Ikan Layur",
            "CILACAP - Nelayan di Pantai Teluk Penyu, Cilacap, sedang menikmati panen ikan layur.",
            "Dalam sekali melaut, satu perahu bisa membawa pulang hingga dua kuintal ikan.",
            "Harga ikan layur di tempat pelelangan mencapai empat puluh ribu rupiah per kilogram.",
            "Sebagian besar hasil tangkapan dikirim ke pengepul untuk diekspor ke Korea Selatan dan Tiongkok.",
            "Ketua kelompok nelayan setempat berharap cuaca tetap bersahabat hingga akhir bulan agar nelayan bisa melunasi utang yang menumpuk selama musim paceklik.",
        ]
    );
}

#[test]
fn markup_markdown_headings_lists_links_and_code() {
    let path = format!("{DATA}/artikel.md");
    let r = report(&[&path, "-n", "20"], None);
    assert_eq!(r.title.as_deref(), Some("Harga BBM Naik Mulai Pekan Depan"));
    assert_eq!(r.stats.headings, 2, "{:?}", r.stats);
    for s in &r.summary {
        assert!(
            !s.text.contains("**") && !s.text.contains("]("),
            "{:?}",
            s.text
        );
        assert!(!s.text.starts_with("Dampak bagi Warga"), "{:?}", s.text);
        // A heading is one because the markup says so, question mark and all.
        assert!(!s.text.starts_with("Apa Bantuan"), "{:?}", s.text);
    }
    let lines = sentences(&[&path]);
    assert!(lines.contains(&"- pedagang sayur menaikkan harga".to_string()));
    for line in &lines {
        for markup in ["curl", "tags:", "Promo", "#", "https://"] {
            assert!(!line.contains(markup), "{markup} in {line:?}");
        }
    }
    // The same text from stdin, named as Markdown.
    let stdin = report(
        &["--input", "markdown", "-n", "20"],
        Some(read("artikel.md")),
    );
    assert_eq!(stdin.title, r.title);
    assert_eq!(stdin.summary, r.summary);
}

#[test]
fn markup_charsets_decoded_or_rejected_by_name() {
    let lines = sentences(&[&format!("{DATA}/gula-cp1252.html")]);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("kilogram \u{2013} tertinggi")
                && l.contains("\u{201c}kami bingung\u{201d}")),
        "{lines:?}"
    );
    let out = ringkas(None)
        .args(["sentences", &format!("{DATA}/tanpa-charset.htm")])
        .output()
        .expect("ringkas runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("ringkas: tests/data/markup/tanpa-charset.htm: invalid UTF-8"),
        "{err}"
    );
}

#[test]
fn markup_folder_reads_html_and_markdown_by_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["berita-sidebar.html", "artikel.md"] {
        std::fs::write(dir.path().join(name), read(name)).expect("write");
    }
    std::fs::write(
        dir.path().join("catatan.txt"),
        "Rapat dimulai pukul sembilan pagi.\n",
    )
    .expect("write");
    let out = stdout_of(ringkas(Some(dir.path())).args([".", "-f", "jsonl"]));
    let titles: Vec<_> = jsonl(&out)
        .into_iter()
        .map(|r| match r {
            Record::Report(r) => (r.source, r.title),
            other => panic!("not a report: {other:?}"),
        })
        .collect();
    assert_eq!(
        titles,
        [
            (
                "./artikel.md".to_string(),
                Some("Harga BBM Naik Mulai Pekan Depan".to_string())
            ),
            (
                "./berita-sidebar.html".to_string(),
                Some("Pemkot Surabaya Tambah Seratus Bus Sekolah Gratis".to_string())
            ),
            ("./catatan.txt".to_string(), None),
        ]
    );
}

#[test]
fn markup_html_threads_give_identical_output() {
    let run =
        |threads: &str| stdout_of(ringkas(None).args([DATA, "-f", "jsonl", "--threads", threads]));
    assert_eq!(run("1"), run("2"));
}

#[test]
fn markup_sentences_leave_credits_and_dated_bylines_out_unless_all() {
    // The headline is an `<h2>` (the `<title>` names the site), a byline with a date sits
    // under it and a credit line closes the article: `sentences` prints the article, and
    // `--all` every line the page's article container holds.
    let page = format!("{DATA}/kampus-rilis.html");
    let lines = sentences(&[&page]);
    assert_eq!(
        lines[0],
        "Taruna Politeknik Ikuti Pelayaran Latih ke Tiga Pelabuhan"
    );
    assert!(
        lines[1].starts_with("Sebanyak delapan puluh taruna"),
        "{lines:?}"
    );
    for line in &lines {
        assert!(
            !line.contains("Biro Humas") && !line.contains("Pewarta"),
            "{line:?}"
        );
    }
    let all = sentences(&["--all", &page]);
    assert!(all.iter().any(|l| l.starts_with("Biro Humas")), "{all:?}");
    assert!(all.iter().any(|l| l.starts_with("Pewarta:")), "{all:?}");
    assert_eq!(all.len(), lines.len() + 2, "{all:?}");
}
