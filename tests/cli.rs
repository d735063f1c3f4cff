//! The binary end to end: inputs, formats, options and bad input.

mod common;

use std::fs;

use common::{NEWS, first_line_then_close, jsonl, report, ringkas, stdout_of};
use ringkas::Record;

#[test]
fn cli_stdin_prints_keywords_and_summary() {
    let out = stdout_of(ringkas(None).write_stdin(NEWS));
    assert!(out.starts_with("Keywords: "), "{out}");
    assert!(out.contains("beras"));
    assert_eq!(
        out.lines().filter(|l| l.starts_with("  [")).count(),
        3,
        "{out}"
    );
}

#[test]
fn cli_json_for_one_document_is_one_object() {
    let out = stdout_of(
        ringkas(None)
            .args(["--format", "json", "-"])
            .write_stdin(NEWS),
    );
    let record: Record = serde_json::from_str(&out).expect("one JSON object");
    let r = report(&record);
    assert_eq!(r.source, "-");
    assert_eq!(r.language, "id");
    assert_eq!(r.stats.sentences, 5);
    assert!(r.keywords.len() <= 10 && !r.keywords.is_empty());
    assert_eq!(r.summary.len(), 3);
    let indices: Vec<usize> = r.summary.iter().map(|s| s.index).collect();
    assert!(
        indices.windows(2).all(|w| w[0] < w[1]),
        "document order: {indices:?}"
    );
    for s in &r.summary {
        assert!(
            NEWS.contains(&s.text),
            "summary sentence not in input: {}",
            s.text
        );
    }
}

#[test]
fn cli_options_change_counts() {
    let out = stdout_of(
        ringkas(None)
            .args(["-f", "json", "-k", "2", "-n", "1"])
            .write_stdin(NEWS),
    );
    let record: Record = serde_json::from_str(&out).unwrap();
    assert_eq!(report(&record).keywords.len(), 2);
    assert_eq!(report(&record).summary.len(), 1);
    let out = stdout_of(
        ringkas(None)
            .args(["-f", "json", "--ratio", "0.4"])
            .write_stdin(NEWS),
    );
    let record: Record = serde_json::from_str(&out).unwrap();
    assert_eq!(report(&record).summary.len(), 2);
    let out = stdout_of(
        ringkas(None)
            .args(["-f", "json", "--sentences", "0"])
            .write_stdin(NEWS),
    );
    let record: Record = serde_json::from_str(&out).unwrap();
    assert!(report(&record).summary.is_empty());
}

#[test]
fn cli_user_stopwords_remove_a_keyword() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("stop.txt");
    fs::write(&list, "# ours\nberas\n").unwrap();
    let out = stdout_of(
        ringkas(None)
            .args(["-f", "json", "--stopwords"])
            .arg(&list)
            .write_stdin(NEWS),
    );
    let record: Record = serde_json::from_str(&out).unwrap();
    assert!(
        report(&record)
            .keywords
            .iter()
            .all(|k| !k.term.contains("beras"))
    );
}

#[test]
fn cli_folder_is_walked_sorted_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("sub")).unwrap();
    fs::write(root.join("b.txt"), NEWS).unwrap();
    fs::write(root.join("a.md"), NEWS).unwrap();
    fs::write(root.join("sub/c.txt"), NEWS).unwrap();
    fs::write(root.join(".hidden.txt"), NEWS).unwrap();
    fs::write(root.join("d.pdf"), "x").unwrap();
    let out = ringkas(Some(root))
        .args([".", "--format", "jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let sources: Vec<String> = jsonl(&String::from_utf8(out.stdout).unwrap())
        .iter()
        .map(|r| r.source().to_string())
        .collect();
    assert_eq!(sources, ["./a.md", "./b.txt", "./sub/c.txt"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("note") && stderr.contains("skipped 2"),
        "{stderr}"
    );

    let quiet = ringkas(Some(root))
        .args([".", "-q", "-f", "jsonl"])
        .output()
        .unwrap();
    assert!(quiet.stderr.is_empty());

    let only_md = stdout_of(ringkas(Some(root)).args([".", "--ext", "md", "-f", "jsonl"]));
    assert_eq!(jsonl(&only_md).len(), 1);
}

#[test]
fn cli_several_files_give_a_json_array() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), NEWS).unwrap();
    fs::write(dir.path().join("b.txt"), "Satu kalimat saja.").unwrap();
    let out = stdout_of(ringkas(Some(dir.path())).args(["a.txt", "b.txt", "-f", "json"]));
    let records: Vec<Record> = serde_json::from_str(&out).expect("a JSON array");
    assert_eq!(records.len(), 2);
    let text = stdout_of(ringkas(Some(dir.path())).args(["a.txt", "b.txt"]));
    assert!(text.contains("==> a.txt <==") && text.contains("==> b.txt <=="));
}

#[test]
fn cli_json_shape_follows_the_arguments_not_the_count() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("one")).unwrap();
    fs::write(dir.path().join("one/a.txt"), NEWS).unwrap();
    let line = format!(
        "{{\"id\": 1, \"text\": {}}}\n",
        serde_json::to_string(NEWS).unwrap()
    );
    fs::write(dir.path().join("one.jsonl"), &line).unwrap();
    let json = |args: &[&str], stdin: &str| -> serde_json::Value {
        let out = stdout_of(
            ringkas(Some(dir.path()))
                .args(["-f", "json"])
                .args(args)
                .write_stdin(stdin.to_owned()),
        );
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
    };
    // One named file, or plain stdin: one object.
    assert!(json(&["one/a.txt"], "").is_object());
    assert!(json(&[], NEWS).is_object());
    assert!(json(&["-"], NEWS).is_object());
    // A folder, several paths or JSON Lines: an array, even of one record.
    for (args, stdin) in [
        (&["one"][..], ""),
        (&["one/"][..], ""),
        (&["one/a.txt", "one/a.txt"][..], ""),
        (&["--input", "jsonl", "one.jsonl"][..], ""),
        (&["--input", "jsonl"][..], line.as_str()),
    ] {
        let records: Vec<Record> = serde_json::from_value(json(args, stdin))
            .unwrap_or_else(|e| panic!("{args:?}: not an array of records: {e}"));
        assert!(!records.is_empty(), "{args:?}");
    }
    // A missing named file is still one record, as an object.
    let missing = json(&["nope.txt"], "");
    assert!(
        missing.is_object() && missing.get("error").is_some(),
        "{missing}"
    );
}

#[test]
fn cli_missing_path_is_reported_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), NEWS).unwrap();
    let out = ringkas(Some(dir.path()))
        .args(["nope.txt", "a.txt", "-f", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines[0], "ringkas: nope.txt: no such file or directory");
    assert!(
        lines[1].starts_with("ringkas: 2 documents, 1 failed, "),
        "{stderr}"
    );
    let records = jsonl(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(records.len(), 2);
    assert!(matches!(&records[0], Record::Error(e) if e.source == "nope.txt"));
    report(&records[1]);
}

#[test]
fn cli_invalid_utf8_and_binary_files_are_rejected_by_name() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), b"Harga naik.\xff\xfe tinggi").unwrap();
    fs::write(dir.path().join("b.txt"), b"ELF\0\0\x01binary").unwrap();
    fs::write(dir.path().join("c.txt"), NEWS).unwrap();
    let out = ringkas(Some(dir.path()))
        .args([".", "-f", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("ringkas: ./a.txt: invalid UTF-8 at byte 11"),
        "{stderr}"
    );
    assert!(stderr.contains("ringkas: ./b.txt: binary file"), "{stderr}");
    let records = jsonl(&String::from_utf8(out.stdout).unwrap());
    assert!(matches!(records[0], Record::Error(_)) && matches!(records[1], Record::Error(_)));
    report(&records[2]);
}

#[test]
fn cli_degenerate_inputs_give_valid_results() {
    let long_line = "kata ".repeat(200_000);
    for text in [
        "",
        "   \n\t\n",
        "Jakarta",
        "Satu kalimat saja.",
        "tanpa tanda baca sama sekali di sini",
        long_line.as_str(),
    ] {
        let out = ringkas(None)
            .args(["-f", "json"])
            .write_stdin(text)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "failed on {:?}",
            &text[..text.len().min(40)]
        );
        let record: Record = serde_json::from_slice(&out.stdout).unwrap();
        let r = report(&record);
        assert!(r.summary.len() <= 3 && r.keywords.len() <= 10);
    }
}

#[test]
fn cli_threads_give_identical_output() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..30 {
        fs::write(
            dir.path().join(format!("{i:02}.txt")),
            format!(
                "{NEWS} Dokumen {i} juga membahas banjir di kota {i}. Banjir merendam rumah warga."
            ),
        )
        .unwrap();
    }
    let run = |threads: &str| {
        ringkas(Some(dir.path()))
            .args([".", "-f", "jsonl", "-j", threads])
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("2"));
}

#[test]
fn cli_closed_pipe_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        fs::write(dir.path().join(format!("{i:03}.txt")), NEWS).unwrap();
    }
    let (first, out) = first_line_then_close(dir.path(), &[".", "-f", "jsonl"]);
    common::assert_closed_quietly(&first, &out);
}

#[test]
fn cli_usage_errors_exit_2() {
    for args in [
        &["--lang", "fr"][..],
        &["-k", "-1"],
        &["--ratio", "2"],
        &["-n", "99999999999999999999999"],
    ] {
        let out = ringkas(None).args(args).write_stdin(NEWS).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    let out = ringkas(None)
        .args(["--stopwords", "/nonexistent/list.txt"])
        .write_stdin(NEWS)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("ringkas: /nonexistent/list.txt: cannot read stopword list"),
        "{stderr}"
    );
}

#[test]
fn cli_sentences_prints_one_per_line() {
    let out =
        stdout_of(ringkas(None).arg("sentences").write_stdin(
            "Dr. Ahmad datang pukul 09.30 WIB.\nDia bicara\ntentang banjir. Selesai!",
        ));
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "Dr. Ahmad datang pukul 09.30 WIB.",
            "Dia bicara tentang banjir.",
            "Selesai!"
        ]
    );
}

#[test]
fn cli_stem_words_and_stdin() {
    assert_eq!(
        stdout_of(ringkas(None).args(["stem", "membaca", "negara-negara"])),
        "baca\nnegara\n"
    );
    assert_eq!(
        stdout_of(
            ringkas(None)
                .arg("stem")
                .write_stdin("Perekonomian\n\nbermain\n")
        ),
        "ekonomi\n\nmain\n"
    );
}

#[test]
fn cli_stem_explain_text_and_json() {
    let text = stdout_of(ringkas(None).args(["stem", "--explain", "dipertanyakannya"]));
    assert!(
        text.starts_with("dipertanyakannya: di- + per- + [tanya] + -kan + -nya"),
        "{text}"
    );
    assert!(text.contains("lexicon: tanya "), "{text}");

    #[derive(serde::Deserialize)]
    struct Explained {
        word: String,
        root: String,
        prefixes: Vec<String>,
        suffixes: Vec<String>,
        possessive: Option<String>,
        particle: Option<String>,
        rule: String,
        entry: Option<String>,
    }
    let json = stdout_of(
        ringkas(None)
            .args(["stem", "--explain", "-f", "json"])
            .write_stdin("memasukkanlah\nrumah\n"),
    );
    let all: Vec<Explained> = serde_json::from_str(&json).expect("a JSON array");
    assert_eq!(all.len(), 2);
    let first = &all[0];
    assert_eq!(
        (first.word.as_str(), first.root.as_str()),
        ("memasukkanlah", "masuk")
    );
    assert_eq!(first.prefixes, ["me-"]);
    assert_eq!(first.suffixes, ["-kan"]);
    assert_eq!(
        (first.possessive.as_deref(), first.particle.as_deref()),
        (None, Some("-lah"))
    );
    assert!(
        !first.rule.is_empty()
            && first
                .entry
                .as_deref()
                .is_some_and(|e| e.starts_with("masuk "))
    );
    let lines = stdout_of(
        ringkas(None)
            .args(["stem", "--explain", "--format", "jsonl"])
            .write_stdin("rumah\nbelajar\n"),
    );
    let roots: Vec<String> = lines
        .lines()
        .map(|l| {
            serde_json::from_str::<Explained>(l)
                .expect("one object a line")
                .root
        })
        .collect();
    assert_eq!(roots, ["rumah", "ajar"]);
}

#[test]
fn cli_english_uses_english_stopwords_and_stemmer() {
    let text = "The government raised rice prices. Rice prices keep rising in every market. \
                Farmers welcome the rising prices.";
    let out = stdout_of(
        ringkas(None)
            .args(["-l", "en", "-f", "json"])
            .write_stdin(text),
    );
    let record: Record = serde_json::from_str(&out).unwrap();
    let r = report(&record);
    assert_eq!(r.language, "en");
    assert!(r.keywords.iter().all(|k| k.term != "the"));
    assert!(
        r.keywords
            .iter()
            .any(|k| k.term.starts_with("price") || k.term.starts_with("rice"))
    );
}

#[test]
fn cli_empty_input_gives_a_note_and_an_empty_record() {
    let out = ringkas(None)
        .args(["-f", "json"])
        .write_stdin("  \n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let record: Record = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let r = report(&record);
    assert!(r.keywords.is_empty() && r.summary.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ringkas: note: -: no words"), "{err}");
    let quiet = ringkas(None).arg("-q").write_stdin("").output().unwrap();
    assert!(quiet.stderr.is_empty());
}

#[test]
fn cli_options_that_do_not_apply_are_usage_errors() {
    for (args, message) in [
        (
            &["--text-field", "isi", "a.txt"][..],
            "--text-field applies only",
        ),
        (
            &["topics", "--text-field", "isi"][..],
            "--text-field applies only",
        ),
        (
            &["--explain", "-f", "html", "a.txt"][..],
            "--explain applies only",
        ),
        (&["man", "--lexicon", "lex.txt"][..], "do not apply"),
        (&["completions", "bash", "-l", "en"][..], "do not apply"),
        (
            &["idf", "merge", "a.idf", "-o", "b.idf", "--lang", "en"][..],
            "do not apply",
        ),
    ] {
        let out = ringkas(None).args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // Where they apply, they are accepted.
    let ok = ringkas(None)
        .args([
            "--input",
            "jsonl",
            "--text-field",
            "isi",
            "-f",
            "json",
            "--explain",
        ])
        .write_stdin("{\"isi\": \"Harga beras naik. Pedagang mengeluh.\"}\n")
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
}

#[test]
fn cli_an_acronym_and_its_expansion_are_one_keyword_with_an_alias() {
    // Written for this test: the acronym defined once after its expansion, then used alone.
    let text = "Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Garut mencatat ratusan rumah \
        terendam banjir. Petugas BPBD mengevakuasi warga ke masjid dan sekolah terdekat. \
        Menurut BPBD, hujan deras sejak Senin malam membuat Sungai Cimanuk meluap. \
        Kepala BPBD meminta warga di bantaran sungai tetap waspada. \
        BPBD juga menyiapkan dapur umum bagi para pengungsi banjir.";
    for format in ["json", "jsonl"] {
        let out = stdout_of(
            ringkas(None)
                .args(["-f", format, "-k", "10"])
                .write_stdin(text),
        );
        let record: Record = serde_json::from_str(out.trim()).expect("one record");
        let r = report(&record);
        let bpbd: Vec<_> = r
            .keywords
            .iter()
            .filter(|k| k.term.contains("BPBD") || k.term.contains("Penanggulangan"))
            .collect();
        assert_eq!(bpbd.len(), 1, "{format}: {:?}", r.keywords);
        assert_eq!(bpbd[0].term, "BPBD");
        assert_eq!(bpbd[0].aliases, ["Badan Penanggulangan Bencana Daerah"]);
        assert!(
            r.keywords
                .iter()
                .filter(|k| k.term != "BPBD")
                .all(|k| k.aliases.is_empty())
        );
    }
    // Merging keeps the ranking a prefix: -k 3 is the start of -k 10.
    let terms = |k: &str| -> Vec<String> {
        let out = stdout_of(
            ringkas(None)
                .args(["-f", "json", "-k", k])
                .write_stdin(text),
        );
        let record: Record = serde_json::from_str(&out).expect("one record");
        report(&record)
            .keywords
            .iter()
            .map(|k| k.term.clone())
            .collect()
    };
    let (three, ten) = (terms("3"), terms("10"));
    assert_eq!(three[..], ten[..3]);
}
