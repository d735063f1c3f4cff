//! `ringkas topics` end to end: records, determinism, formats, models and bad input.

mod common;

use std::collections::BTreeSet;
use std::fs;

use common::{ringkas, stdout_of};
use ringkas::topics::model::{DocumentRecord, TopicRecord, TopicsOutput};

const THEMES: [&[&str]; 3] = [
    &[
        "Pemain Persib mencetak gol pada menit akhir laga",
        "Pelatih menyebut timnya bermain baik di stadion",
        "Klub itu memimpin klasemen liga setelah menang",
        "Striker muda itu mencetak dua gol ke gawang lawan",
        "Penonton memadati stadion untuk menyaksikan laga derbi",
    ],
    &[
        "Aplikasi ponsel itu kini mendukung pembayaran digital",
        "Pengguna internet mengeluhkan layanan data yang lambat",
        "Perusahaan teknologi merilis ponsel pintar baru",
        "Pembaruan aplikasi menambah fitur keamanan data pengguna",
        "Operator seluler memperluas jaringan internet di desa",
    ],
    &[
        "Penyanyi itu merilis album baru bersama band lamanya",
        "Film horor itu ditonton jutaan penonton di bioskop",
        "Aktris muda itu memerankan tokoh utama dalam film",
        "Konser musik band itu digelar di Jakarta pekan depan",
        "Sutradara film itu memenangkan penghargaan festival",
    ],
];

/// `n` (at most 10) documents a theme, each a different three of its theme's sentences.
fn corpus(n: usize) -> Vec<(String, String, usize)> {
    let mut triples = Vec::new();
    for a in 0..5 {
        for b in a + 1..5 {
            for c in b + 1..5 {
                triples.push([a, b, c]);
            }
        }
    }
    let mut docs = Vec::new();
    for (t, sentences) in THEMES.iter().enumerate() {
        for (i, triple) in triples.iter().enumerate().take(n) {
            let text: Vec<String> = triple
                .iter()
                .map(|&j| format!("{}.", sentences[j]))
                .collect();
            docs.push((format!("t{t}-{i}"), text.join(" "), t));
        }
    }
    docs
}

fn write_jsonl(path: &std::path::Path, docs: &[(String, String, usize)]) {
    let lines: Vec<String> = docs
        .iter()
        .map(|(id, text, _)| serde_json::json!({"id": id, "text": text}).to_string())
        .collect();
    fs::write(path, lines.join("\n") + "\n").unwrap();
}

fn parse(out: &str) -> (Vec<TopicRecord>, Vec<DocumentRecord>) {
    let mut topics = Vec::new();
    let mut documents = Vec::new();
    for (n, line) in out.lines().enumerate() {
        match serde_json::from_str(line).unwrap_or_else(|e| panic!("bad line {line:?}: {e}")) {
            TopicsOutput::Clustering(_) => assert_eq!(n, 0, "the clustering record comes first"),
            TopicsOutput::Topic(t) => topics.push(t),
            TopicsOutput::Document(d) => documents.push(d),
        }
    }
    (topics, documents)
}

fn id(value: &Option<ringkas::report::Id>) -> String {
    value.as_ref().and_then(|v| v.as_string()).unwrap()
}

#[test]
fn topics_jsonl_groups_every_document_once_by_theme() {
    let dir = tempfile::tempdir().unwrap();
    let docs = corpus(8);
    write_jsonl(&dir.path().join("in.jsonl"), &docs);
    let out = stdout_of(ringkas(Some(dir.path())).args([
        "topics", "-q", "--input", "jsonl", "-f", "jsonl", "--topics", "3", "in.jsonl",
    ]));
    let (topics, documents) = parse(&out);
    assert_eq!(documents.len(), docs.len());
    let mut seen = BTreeSet::new();
    for t in &topics {
        assert_eq!(t.size, t.documents.len());
        assert!(t.documents.windows(2).all(|w| w[0].score >= w[1].score));
        for m in &t.documents {
            assert!(seen.insert(id(&m.id)), "listed twice: {:?}", m.id);
        }
        if t.topic > 0 {
            let first = id(&t.documents[0].id)[..2].to_string();
            assert!(
                t.documents.iter().all(|m| id(&m.id).starts_with(&first)),
                "one theme a topic: {t:?}"
            );
            assert!((2..=4).contains(&t.phrases.len()), "{t:?}");
            assert!(!t.summary.is_empty() && !t.terms.is_empty());
        }
    }
    assert_eq!(seen.len(), docs.len());
    assert_eq!(topics.iter().filter(|t| t.topic > 0).count(), 3);
    for d in &documents {
        let listed = topics
            .iter()
            .find(|t| t.documents.iter().any(|m| m.id == d.id))
            .unwrap();
        assert_eq!(listed.topic, d.topic);
    }
}

#[test]
fn topics_same_bytes_for_any_thread_count_and_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let docs = corpus(6);
    let mut shuffled = docs.clone();
    shuffled.reverse();
    shuffled.rotate_left(5);
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    fs::create_dir_all(&a).unwrap();
    fs::create_dir_all(&b).unwrap();
    write_jsonl(&a.join("in.jsonl"), &docs);
    write_jsonl(&b.join("in.jsonl"), &shuffled);
    let run = |dir: &std::path::Path, threads: &str, k: &[&str]| {
        let mut args = vec![
            "topics", "-q", "--input", "jsonl", "-f", "jsonl", "-j", threads,
        ];
        args.extend_from_slice(k);
        args.push("in.jsonl");
        stdout_of(ringkas(Some(dir)).args(&args))
    };
    for k in [&["--topics", "3"][..], &[][..]] {
        let one = run(&a, "1", k);
        assert!(!one.is_empty());
        assert_eq!(one, run(&a, "2", k), "thread count");
        assert_eq!(one, run(&b, "2", k), "input order");
    }
}

#[test]
fn topics_chooses_k_when_not_given() {
    let dir = tempfile::tempdir().unwrap();
    write_jsonl(&dir.path().join("in.jsonl"), &corpus(8));
    let out = stdout_of(ringkas(Some(dir.path())).args([
        "topics", "-q", "--input", "jsonl", "-f", "jsonl", "in.jsonl",
    ]));
    let first: TopicsOutput = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let TopicsOutput::Clustering(c) = first else {
        panic!("{first:?}")
    };
    assert_eq!(c.clustering.chosen_by, "merge");
    assert_eq!(c.clustering.topics, 3);
}

#[test]
fn topics_text_html_and_json_from_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    for (id, text, _) in corpus(4) {
        fs::write(dir.path().join(format!("{id}.txt")), text).unwrap();
    }
    let text = stdout_of(ringkas(Some(dir.path())).args(["topics", "-q", "-t", "3", "."]));
    assert!(
        text.starts_with("3 topics (as asked) in 12 documents"),
        "{text}"
    );
    assert_eq!(text.matches("\nTopic ").count(), 3, "{text}");
    let html =
        stdout_of(ringkas(Some(dir.path())).args(["topics", "-q", "-t", "3", "-f", "html", "."]));
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<section id=\"topics\">"));
    assert!(html.trim_end().ends_with("</html>"));
    let json =
        stdout_of(ringkas(Some(dir.path())).args(["topics", "-q", "-t", "3", "-f", "json", "."]));
    let records: Vec<TopicsOutput> = serde_json::from_str(&json).expect("one JSON array");
    assert_eq!(
        records
            .iter()
            .filter(|r| matches!(r, TopicsOutput::Document(_)))
            .count(),
        12
    );
}

#[test]
fn topics_with_an_idf_model() {
    let dir = tempfile::tempdir().unwrap();
    write_jsonl(&dir.path().join("in.jsonl"), &corpus(6));
    let built = ringkas(Some(dir.path()))
        .args([
            "idf", "build", "-q", "--input", "jsonl", "in.jsonl", "-o", "m.idf",
        ])
        .output()
        .unwrap();
    assert!(built.status.success());
    let out = stdout_of(ringkas(Some(dir.path())).args([
        "topics", "-q", "--input", "jsonl", "-f", "jsonl", "-t", "3", "--idf", "m.idf", "in.jsonl",
    ]));
    let (topics, documents) = parse(&out);
    assert_eq!(documents.len(), 18);
    assert_eq!(topics.iter().filter(|t| t.topic > 0).count(), 3);
}

#[test]
fn topics_bad_input_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    write_jsonl(&dir.path().join("in.jsonl"), &corpus(3));
    fs::write(dir.path().join("bad.jsonl"), "{\"id\": 1, \"text\": \n").unwrap();
    let out = ringkas(Some(dir.path()))
        .args([
            "topics",
            "-q",
            "--input",
            "jsonl",
            "-f",
            "jsonl",
            "in.jsonl",
            "bad.jsonl",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("ringkas: bad.jsonl"), "{stderr}");
    let (_, documents) = parse(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(documents.len(), 9, "the good documents are still grouped");

    let out = ringkas(Some(dir.path()))
        .args(["topics", "--idf", "missing.idf", "in.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.idf"));
    let out = ringkas(Some(dir.path()))
        .args(["topics", "--other-below", "2", "in.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn topics_tiny_and_empty_batches() {
    let dir = tempfile::tempdir().unwrap();
    for n in [1, 2, 5] {
        write_jsonl(&dir.path().join("in.jsonl"), &corpus(3)[..n]);
        for k in [&["-t", "3"][..], &[][..]] {
            let mut args = vec!["topics", "-q", "--input", "jsonl", "-f", "jsonl"];
            args.extend_from_slice(k);
            args.push("in.jsonl");
            let out = ringkas(Some(dir.path())).args(&args).output().unwrap();
            assert!(out.status.success(), "{n} {k:?}: {out:?}");
            let (_, documents) = parse(&String::from_utf8(out.stdout).unwrap());
            assert_eq!(documents.len(), n);
        }
    }
    fs::write(dir.path().join("empty.jsonl"), "").unwrap();
    let out = stdout_of(ringkas(Some(dir.path())).args([
        "topics",
        "-q",
        "--input",
        "jsonl",
        "-f",
        "jsonl",
        "empty.jsonl",
    ]));
    assert_eq!(out.lines().count(), 1, "only the clustering record: {out}");
}
