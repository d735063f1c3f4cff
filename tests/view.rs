//! The binary for people: help, colour, highlighting, the HTML page, corpus topics,
//! completions and the man page.

mod common;

use std::fs;
use std::path::Path;

use common::{NEWS, jsonl, report, ringkas, stdout_of};
use ringkas::Record;
use ringkas::topics::CorpusRecord;

const ESC: char = '\x1b';

#[test]
fn view_help_has_examples_and_every_option() {
    let help = stdout_of(ringkas(None).arg("--help"));
    assert!(
        help.contains("Examples:") && help.contains("| jq"),
        "{help}"
    );
    for flag in [
        "--format",
        "--keywords",
        "--sentences",
        "--ratio",
        "--stopwords",
        "--no-default-stopwords",
        "--ext",
        "--threads",
        "--explain",
        "--quiet",
        "--color",
        "--scores",
        "--highlight",
        "--corpus-topics",
        "--lang",
        "--lexicon",
        "--version",
    ] {
        assert!(help.contains(flag), "--help lacks {flag}");
    }
    for sub in ["sentences", "stem", "completions", "man"] {
        let help = stdout_of(ringkas(None).args([sub, "--help"]));
        assert!(help.contains("Examples:"), "{sub} --help: {help}");
    }
    let version = stdout_of(ringkas(None).arg("--version"));
    assert_eq!(
        version.trim(),
        format!("ringkas {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn view_color_never_and_always() {
    for args in [&["--color", "never"][..], &[], &["--highlight"]] {
        let out = stdout_of(ringkas(None).args(args).write_stdin(NEWS));
        assert!(!out.contains(ESC), "{args:?}: {out:?}");
    }
    let out = stdout_of(
        ringkas(None)
            .args(["--color", "always", "--highlight", "--scores"])
            .write_stdin(NEWS),
    );
    assert!(
        out.contains("\x1b[32m") && out.contains("\x1b[0m"),
        "{out:?}"
    );
    // An explicit flag wins over NO_COLOR.
    let out = stdout_of(
        ringkas(None)
            .env("NO_COLOR", "1")
            .args(["--color", "always"])
            .write_stdin(NEWS),
    );
    assert!(out.contains(ESC));
    // JSON never carries colour.
    let out = stdout_of(
        ringkas(None)
            .args(["--color", "always", "-f", "jsonl"])
            .write_stdin(NEWS),
    );
    assert!(!out.contains(ESC));
}

/// `auto` on a real terminal (via util-linux `script`): colour, unless NO_COLOR is set.
#[test]
fn view_color_auto_on_a_terminal_respects_no_color() {
    let script = Path::new("/usr/bin/script");
    if !script.exists() {
        eprintln!("skipped: no /usr/bin/script to provide a terminal");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), NEWS).unwrap();
    let run = |no_color: Option<&str>| {
        let mut cmd = std::process::Command::new(script);
        cmd.env_clear().current_dir(dir.path()).args([
            "-qec",
            &format!("{} a.txt", env!("CARGO_BIN_EXE_ringkas")),
            "/dev/null",
        ]);
        if let Some(v) = no_color {
            cmd.env("NO_COLOR", v);
        }
        let out = cmd.output().expect("script runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let plain = run(Some("1"));
    assert!(plain.contains("Keywords:"), "{plain:?}");
    assert!(!plain.contains(ESC), "{plain:?}");
    let coloured = run(None);
    assert!(coloured.contains(ESC), "{coloured:?}");
}

#[test]
fn view_scores_are_optional() {
    let plain = stdout_of(ringkas(None).write_stdin(NEWS));
    let scored = stdout_of(ringkas(None).arg("--scores").write_stdin(NEWS));
    // A score is printed as "(0.96)" after each keyword.
    let has_score = |line: &str| {
        line.split('(')
            .skip(1)
            .any(|rest| rest.len() > 5 && rest.as_bytes()[1] == b'.' && rest.as_bytes()[4] == b')')
    };
    assert!(!has_score(plain.lines().next().unwrap()), "{plain}");
    assert!(has_score(scored.lines().next().unwrap()), "{scored}");
}

#[test]
fn view_highlight_marks_summary_and_keywords_in_the_whole_text() {
    let out = stdout_of(ringkas(None).arg("--highlight").write_stdin(NEWS));
    let json = stdout_of(ringkas(None).args(["-f", "json"]).write_stdin(NEWS));
    let record: Record = serde_json::from_str(&json).unwrap();
    let document = out.split("Document:\n").nth(1).expect("a document part");
    let unmarked = document.replace("**", "").replace(['[', ']'], "");
    assert_eq!(unmarked.trim_end(), NEWS);
    let sentences_marked = document.replace(['[', ']'], "");
    for s in &report(&record).summary {
        let marked = format!("**{}**", s.text);
        assert!(sentences_marked.contains(&marked), "{marked} in {document}");
    }
    let first = &report(&record).keywords[0].term;
    assert!(
        document
            .to_lowercase()
            .contains(&format!("[{}]", first.to_lowercase())),
        "{first} in {document}"
    );
}

#[test]
fn view_highlight_in_json_adds_layout_only_when_asked() {
    let plain = stdout_of(ringkas(None).args(["-f", "json"]).write_stdin(NEWS));
    assert!(!plain.contains("\"layout\""));
    let out = stdout_of(
        ringkas(None)
            .args(["-f", "json", "--highlight"])
            .write_stdin(NEWS),
    );
    let record: Record = serde_json::from_str(&out).unwrap();
    let r = report(&record);
    let layout = r.layout.as_ref().expect("layout with --highlight");
    assert_eq!(layout.sentences.len(), r.stats.sentences);
    for (k, spans) in r.keywords.iter().zip(&layout.keywords) {
        assert_eq!(spans.len(), k.count, "{}", k.term);
    }
}

/// Checks that every tag is closed in order and every `&` starts a known entity.
fn assert_well_formed(html: &str) {
    const VOID: [&str; 6] = ["meta", "br", "hr", "img", "input", "link"];
    const ENTITIES: [&str; 6] = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#215;"];
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let tail = &rest[at + 1..];
        let end = tail.find('>').expect("every < closes");
        let tag = &tail[..end];
        rest = &tail[end + 1..];
        if tag.starts_with("!DOCTYPE") {
            continue;
        }
        let (closing, body) = match tag.strip_prefix('/') {
            Some(b) => (true, b),
            None => (false, tag),
        };
        let name: String = body
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(!name.is_empty(), "bad tag <{tag}>");
        if closing {
            assert_eq!(open.pop().as_deref(), Some(name.as_str()), "</{name}>");
        } else if !VOID.contains(&name.as_str()) {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
    for (i, _) in html.match_indices('&') {
        assert!(
            ENTITIES.iter().any(|e| html[i..].starts_with(e)),
            "bare & at {i}: {}",
            &html[i..(i + 12).min(html.len())]
        );
    }
}

fn escape(s: &str) -> String {
    ringkas::output::html::escape(s).into_owned()
}

#[test]
fn view_html_page_is_well_formed_and_has_every_summary_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let nasty = "Judul <script>alert(\"x\")</script> & Tom's\n\n\
        Harga beras <b>naik</b> & warga mengeluh. Harga beras di pasar naik lagi. \
        Pemerintah menggelar operasi pasar beras. Cuaca cerah.";
    fs::write(dir.path().join("a <b>.txt"), nasty).unwrap();
    fs::write(dir.path().join("b.txt"), NEWS).unwrap();
    fs::write(dir.path().join("c.txt"), [0xff, 0xfe, 0x00, 0xd8]).unwrap();

    let single = stdout_of(ringkas(Some(dir.path())).args(["b.txt", "-f", "html"]));
    assert_well_formed(&single);
    assert!(single.starts_with("<!DOCTYPE html>"));

    let page = stdout_of(ringkas(Some(dir.path())).args([
        ".",
        "-f",
        "html",
        "--corpus-topics",
        "5",
        "-q",
    ]));
    assert_well_formed(&page);
    assert!(!page.contains("<script") && !page.contains("<b>"), "{page}");
    let text: String = page
        .split('<')
        .map(|piece| piece.split_once('>').map_or(piece, |(_, text)| text))
        .collect();
    assert!(text.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Tom&#39;s"));
    assert!(!page.contains("http://") && !page.contains("https://") && !page.contains(" src="));
    let json = stdout_of(ringkas(Some(dir.path())).args([".", "-f", "jsonl", "-q"]));
    let records = jsonl(&json);
    assert_eq!(records.len(), 3);
    for (n, record) in records.iter().enumerate() {
        assert!(page.contains(&format!("href=\"#doc-{n}\"")));
        assert!(page.contains(&format!("id=\"doc-{n}\"")));
        assert!(page.contains(&escape(record.source())));
        if let Record::Report(r) = record {
            assert!(!r.summary.is_empty());
            for s in &r.summary {
                assert!(page.contains(&escape(&s.text)), "{}", s.text);
                assert!(page.contains(&format!("id=\"doc-{n}-s{}\"", s.index)));
            }
        }
    }
    assert!(page.contains("id=\"corpus\""));
    // Streamed: each section is written as its record comes, the table of documents after them,
    // and each section links back to it.
    let first_section = page.find("id=\"doc-0\"").expect("a first section");
    let table = page.find("id=\"documents\"").expect("a table of documents");
    assert!(first_section < table, "the table comes after the sections");
    assert_eq!(page.matches("href=\"#documents\"").count(), 3 + 1);
    assert!(
        !single.contains("href=\"#documents\""),
        "no table for one document"
    );
}

#[test]
fn view_corpus_topics_is_a_final_record_and_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    for (i, extra) in ["Banjir juga melanda Bekasi.", "Banjir surut.", ""]
        .iter()
        .enumerate()
    {
        fs::write(
            dir.path().join(format!("{i}.txt")),
            format!("{NEWS} {extra}"),
        )
        .unwrap();
    }
    let plain = stdout_of(ringkas(Some(dir.path())).args([".", "-f", "jsonl", "-q"]));
    assert_eq!(jsonl(&plain).len(), 3, "no corpus record without the flag");
    let run = |threads: &str| {
        stdout_of(ringkas(Some(dir.path())).args([
            ".",
            "-f",
            "jsonl",
            "-q",
            "--corpus-topics",
            "4",
            "-j",
            threads,
        ]))
    };
    let out = run("1");
    assert_eq!(out, run("2"));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(jsonl(&lines[..3].join("\n")).len(), 3);
    let corpus: CorpusRecord = serde_json::from_str(lines[3]).unwrap();
    assert_eq!(corpus.corpus.documents, 3);
    assert_eq!(corpus.corpus.topics.len(), 4);
    let top = &corpus.corpus.topics[0];
    assert!(top.term.to_lowercase().contains("beras"), "{top:?}");
    assert_eq!(top.documents, 3);
    assert!(!top.prominent.is_empty() && top.prominent.len() <= 3);

    // JSON: the corpus is the last element of the array, even for one input.
    let json = stdout_of(
        ringkas(None)
            .args(["-f", "json", "--corpus-topics", "2"])
            .write_stdin(NEWS),
    );
    let array: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(array.len(), 2);
    assert!(array[1].get("corpus").is_some());
    // Text: a section after the documents.
    let text = stdout_of(ringkas(Some(dir.path())).args([".", "--corpus-topics", "2", "-q"]));
    assert!(
        text.contains("==> corpus topics (3 documents) <==\n  1. "),
        "{text}"
    );
}

#[test]
fn view_completions_for_every_shell_and_a_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = ringkas(None).args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(
            script.contains("corpus-topics") && script.contains("highlight"),
            "{shell}"
        );
    }
    ringkas(None).args(["completions", "tcsh"]).assert().code(2);
    let man = stdout_of(ringkas(None).arg("man"));
    assert!(
        man.starts_with(".ie") || man.contains(".TH ringkas"),
        "{man}"
    );
    assert!(
        man.contains("corpus\\-topics"),
        "man page lists the options"
    );
}
