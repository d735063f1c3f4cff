//! Behaviours that depend on a terminal, run on a real pseudo-terminal through `script`
//! (util-linux). Skipped, with a note, where `script` is missing.

use std::path::Path;
use std::process::Command;

/// Runs `ringkas ARGS` (a shell fragment) with stdin, stdout and stderr on a fresh
/// pseudo-terminal; returns what the terminal showed and the exit code.
fn on_a_terminal(args: &str) -> Option<(String, i32)> {
    let bin = env!("CARGO_BIN_EXE_ringkas");
    let out = Command::new("script")
        .args(["-qec", &format!("{bin} {args}"), "/dev/null"])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env_clear()
        .env("TERM", "xterm")
        .stdin(std::process::Stdio::null())
        .output();
    match out {
        Ok(out) => Some((
            String::from_utf8_lossy(&out.stdout).into_owned(),
            out.status.code().unwrap_or(-1),
        )),
        Err(e) => {
            eprintln!("note: `script` (util-linux) not runnable, test skipped: {e}");
            None
        }
    }
}

#[test]
fn terminal_no_input_gives_a_usage_hint_and_exit_2() {
    let Some((shown, code)) = on_a_terminal("") else {
        return;
    };
    assert_eq!(code, 2, "{shown}");
    assert!(shown.contains("ringkas: no input"), "{shown}");
    assert!(shown.contains("--help"), "{shown}");
}

#[test]
fn terminal_a_named_file_is_read_without_waiting_for_stdin() {
    let Some((shown, code)) = on_a_terminal("samples/berita-banjir.txt") else {
        return;
    };
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains("Keywords:"), "{shown}");
}

#[test]
fn terminal_progress_bar_is_cleared_after_a_closed_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Harga beras di pasar naik lagi pekan ini. Pedagang menyebut pasokan berkurang. \
                Pemerintah berjanji menggelar operasi pasar mulai Senin.\n";
    for i in 0..400 {
        std::fs::write(
            dir.path().join(format!("{i:04}.txt")),
            text.repeat(1 + i % 7),
        )
        .unwrap();
    }
    let folder = dir.path().display().to_string();
    let Some((shown, code)) = on_a_terminal(&format!("'{folder}' -f jsonl | head -1")) else {
        return;
    };
    assert_eq!(code, 0, "{shown}");
    // The bar may be too quick to be drawn at all; when it was, the last thing on the
    // terminal after it is an erase-line, not the bar.
    if let Some(last) = shown.rfind(" documents") {
        let after = &shown[last..];
        assert!(after.contains("\x1b[2K"), "bar left on screen: {after:?}");
        assert!(!shown.contains("ETA"), "ETA on a sub-second run: {shown:?}");
        if let Some(scoring) = shown.find("scoring") {
            assert!(
                shown[scoring..].contains("/400 documents"),
                "no total in the scoring pass: {shown:?}"
            );
        }
    }
}
