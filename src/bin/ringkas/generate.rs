//! Shell completions and the man page, both generated from the clap definition so they never
//! drift from the flags.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// Writes the completion script for `shell` to stdout.
pub fn completions(shell: Shell) -> io::Result<()> {
    // Into memory first: `generate` panics when it cannot write.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ringkas", &mut script);
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    out.flush()
}

/// Writes the man page (roff) to stdout.
pub fn man() -> io::Result<()> {
    let page = page();
    let mut out = io::stdout().lock();
    out.write_all(page.as_bytes())?;
    out.flush()
}

/// The whole page: clap_mangen's title, synopsis and options, then our own sections. Its
/// subcommand section is left out because it points to `ringkas-idf(1)` and other pages that
/// do not exist; the commands are listed here with their purpose and `--help`.
fn page() -> String {
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut roff = Vec::new();
    for render in [
        clap_mangen::Man::render_title,
        clap_mangen::Man::render_name_section,
        clap_mangen::Man::render_synopsis_section,
        clap_mangen::Man::render_description_section,
        clap_mangen::Man::render_options_section,
    ] {
        render(&man, &mut roff).expect("writing to a Vec cannot fail");
    }
    let mut page = String::from_utf8(roff).expect("clap_mangen writes UTF-8");
    page.push_str(".SH COMMANDS\n");
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let nested: Vec<_> = sub
            .get_subcommands()
            .filter(|s| s.get_name() != "help")
            .collect();
        if nested.is_empty() {
            command_entry(&mut page, &[sub.get_name()], sub);
        } else {
            for inner in nested {
                command_entry(&mut page, &[sub.get_name(), inner.get_name()], inner);
            }
        }
    }
    page.push_str(
        ".PP\nEach command's own options: \\fBringkas\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR.\n",
    );
    if let Some(examples) = cmd.get_after_help() {
        page.push_str(".SH EXAMPLES\n.nf\n");
        for line in examples.to_string().lines().filter(|l| *l != "Examples:") {
            page.push_str(&literal(line.strip_prefix("  ").unwrap_or(line)));
            page.push('\n');
        }
        page.push_str(".fi\n");
    }
    page.push_str(EXIT_AND_ENVIRONMENT);
    page
}

/// One command of the COMMANDS section: its name and what it does.
fn command_entry(page: &mut String, names: &[&str], cmd: &clap::Command) {
    page.push_str(&format!(".TP\n\\fBringkas {}\\fR\n", names.join(" ")));
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    page.push_str(&literal(&about));
    page.push('\n');
}

/// `text` as roff that prints as written: backslashes and hyphens escaped, and a leading
/// `.` or `'` kept from reading as a request.
fn literal(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

const EXIT_AND_ENVIRONMENT: &str = r".SH EXIT STATUS
.TP
\fB0\fR
Every input was processed (also when the reader closed the pipe early, as \fBhead\fR does).
.TP
\fB1\fR
Some inputs failed: each has an error record and a line \fBringkas: PATH: problem\fR on stderr; the others were processed.
.TP
\fB2\fR
A usage error (a bad option or value, no input on a terminal) or a fatal error (an unreadable \fB\-\-stopwords\fR or \fB\-\-lexicon\fR file, an unusable \fB\-\-idf\fR model); nothing was processed.
.TP
\fB130\fR
Interrupted (Ctrl\-C), between two records.
.SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
When set and not empty, \fB\-\-color auto\fR (the default) prints no colour.
.TP
\fBTERM\fR
When \fBdumb\fR, \fB\-\-color auto\fR prints no colour.
.PP
ringkas reads no other environment variables.
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn man_page_has_its_sections_and_no_missing_pages() {
        let page = page();
        for section in [
            ".SH COMMANDS",
            ".SH EXAMPLES\n.nf\n",
            ".SH EXIT STATUS",
            ".SH ENVIRONMENT",
        ] {
            assert!(page.contains(section), "no {section:?}");
        }
        assert!(
            !page.contains("ringkas\\-idf(1)") && !page.contains("(1)"),
            "{page}"
        );
        assert!(page.contains("\\fBringkas idf merge\\fR"));
    }

    #[test]
    fn man_literal_escapes_roff() {
        assert_eq!(literal(".x -k \\n"), "\\&.x \\-k \\en");
    }
}
