//! The command line: clap definitions, turned into a plain `ringkas::Config` before any work.

use std::ffi::OsStr;
use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use ringkas::output::text::TextStyle;
use ringkas::{Config, Format, Language, SummaryLength};

const EXAMPLES: &str = "\
Examples:
  cat berita.txt | ringkas                      keywords and a 3-sentence summary
  ringkas artikel/ --format jsonl > hasil.jsonl one JSON record per file, in path order
  ringkas a.txt --format json | jq -r '.keywords[].term'
  ringkas artikel/ -f jsonl | jq -r '[.source, .summary[0].text] | @tsv'
  ringkas berita.txt --highlight | less -R      the whole text, summary and keywords marked
  ringkas artikel/ --format html > laporan.html one page: table of documents, each highlighted
  ringkas artikel/ --corpus-topics 10           what the whole folder is about
  ringkas sentences berita.txt                  one sentence per line
  curl -s URL | ringkas --input html            the article of a web page
  ringkas stem membacakan perekonomian          stems: baca, ekonomi
  ringkas idf build arsip/ -o arsip.idf         document frequencies of a corpus
  ringkas --input jsonl --idf arsip.idf -f jsonl < shard.jsonl
                                                score JSON Lines records against a model

Exit codes: 0 ok, 1 some inputs failed (each has an error record), 2 usage or fatal error.";

#[derive(Debug, Parser)]
#[command(
    name = "ringkas",
    version,
    about = "Keywords, key phrases and an extractive summary of Indonesian text.",
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub run: RunArgs,

    #[command(flatten)]
    pub language: LanguageArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print each sentence of the inputs on its own line (inner newlines become spaces):
    /// the title, headings and body the analysis reads; boilerplate lines (captions,
    /// credits, read-also lines, ads, timestamps, footers) only with --all.
    #[command(after_help = SENTENCES_EXAMPLES)]
    Sentences {
        /// Files or folders; stdin when none or `-`.
        paths: Vec<PathBuf>,
        /// Print boilerplate lines too: every sentence the splitter finds.
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        source: SourceArgs,
    },
    /// Print the stem of each word given, or of each line of stdin.
    #[command(after_help = STEM_EXAMPLES)]
    Stem {
        /// Words to stem; stdin lines when none.
        words: Vec<String>,
        /// Show each word's analysis: prefixes, root, suffixes, clitics, the rule that
        /// decided and the root's lexicon entry (JSON with --format json or jsonl).
        #[arg(long)]
        explain: bool,
    },
    /// Print a shell completion script.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    #[command(after_help = MAN_EXAMPLES)]
    Man,
    /// Group the documents into labelled topics, each with its documents and a summary.
    #[command(after_help = TOPICS_EXAMPLES)]
    Topics(TopicsArgs),
    /// Corpus statistics: build IDF models and merge them.
    #[command(after_help = IDF_EXAMPLES)]
    Idf {
        #[command(subcommand)]
        command: IdfCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum IdfCommand {
    /// Count document frequencies over the inputs and save them as a model.
    #[command(after_help = IDF_EXAMPLES)]
    Build(BuildArgs),
    /// Add models together (built from disjoint parts of a corpus).
    #[command(after_help = IDF_EXAMPLES)]
    Merge {
        /// The models to add.
        #[arg(required = true)]
        models: Vec<PathBuf>,
        /// Where to write the merged model.
        #[arg(short = 'o', long, value_name = "FILE")]
        output: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Files or folders; `-` or nothing reads stdin.
    pub paths: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: PathBuf,
    #[command(flatten)]
    pub source: SourceArgs,
    #[command(flatten)]
    pub stopwords: StopwordArgs,
    /// Worker threads (0: one per core).
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0, help_heading = "Performance",
          value_parser = clap::value_parser!(u16).range(0..=512))]
    pub threads: u16,
    /// No progress and no notes on stderr (errors are still reported).
    #[arg(short = 'q', long, help_heading = "Output")]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct TopicsArgs {
    /// Files or folders; `-` or nothing reads stdin.
    pub paths: Vec<PathBuf>,
    /// Number of topics; without it, similar topics merge (up to --max-topics are left).
    #[arg(short = 't', long, value_name = "K",
          value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub topics: Option<u16>,
    /// The most topics tried when choosing their number.
    #[arg(long, value_name = "N", default_value_t = 20,
          value_parser = clap::value_parser!(u16).range(2..=200))]
    pub max_topics: u16,
    /// Documents less similar than this (cosine, 0 to 1) to their topic go to "other".
    #[arg(long, value_name = "S", default_value_t = 0.05, value_parser = parse_share)]
    pub other_below: f64,
    /// Output format.
    #[arg(
        short = 'f',
        long,
        value_enum,
        default_value = "text",
        help_heading = "Output"
    )]
    pub format: FormatArg,
    #[command(flatten)]
    pub source: SourceArgs,
    #[command(flatten)]
    pub stopwords: StopwordArgs,
    /// Weigh terms by this IDF model (from `ringkas idf build`) instead of the inputs.
    #[arg(long, value_name = "FILE", help_heading = "Analysis")]
    pub idf: Option<PathBuf>,
    /// Worker threads (0: one per core).
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0, help_heading = "Performance",
          value_parser = clap::value_parser!(u16).range(0..=512))]
    pub threads: u16,
    /// No progress and no notes on stderr (errors are still reported).
    #[arg(short = 'q', long, help_heading = "Output")]
    pub quiet: bool,
}

/// How inputs are read.
#[derive(Debug, Args)]
#[command(next_help_heading = "Input")]
pub struct SourceArgs {
    /// What the inputs hold: `files` (one document each; `.md` read as Markdown, `.html` and
    /// `.htm` as HTML), `jsonl` (one JSON record a line), `markdown` or `html` (whatever the
    /// file name, stdin included).
    #[arg(long, value_enum, default_value = "files")]
    pub input: InputArg,

    /// With `--input jsonl`: the field holding the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,

    /// Extensions read from folders (comma-separated; with `--input jsonl`: jsonl).
    #[arg(long, value_delimiter = ',')]
    pub ext: Vec<String>,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Analysis")]
pub struct StopwordArgs {
    /// Extra stopwords: a file with one word a line, `#` comments. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub stopwords: Vec<PathBuf>,

    /// Do not use the embedded stopword list.
    #[arg(long)]
    pub no_default_stopwords: bool,
}

const SENTENCES_EXAMPLES: &str = "\
Examples:
  ringkas sentences berita.txt                  one sentence per line
  cat berita.txt | ringkas sentences | wc -l    count the sentences
  ringkas sentences --all berita.txt            captions, credits and footers too
  ringkas sentences artikel/ --ext txt          every .txt file below artikel/
  curl -s URL | ringkas sentences --input html  the article text found in a web page";

const STEM_EXAMPLES: &str = "\
Examples:
  ringkas stem membacakan perekonomian          baca, ekonomi
  printf 'pertanian\\nmenanam\\n' | ringkas stem   one stem per stdin line
  ringkas stem -l en running studies            English: run, studi
  ringkas stem --explain diperhatikannya       di- + per- + [hati] + -kan + -nya, rule, entry
  ringkas stem --explain -f json memasuki      the same as JSON";

const IDF_EXAMPLES: &str = "\
Examples:
  ringkas idf build arsip/ -o arsip.idf         document frequencies of a folder
  ringkas idf build --input jsonl part-0.jsonl -o part-0.idf
  ringkas idf merge part-*.idf -o semua.idf     add shard models (order does not matter)
  ringkas artikel.txt --idf semua.idf           score against the corpus model";

const TOPICS_EXAMPLES: &str = "\
Examples:
  ringkas topics artikel/                       topics of a folder, their number chosen
  ringkas topics artikel/ --topics 8 -f html > topik.html
  ringkas topics --input jsonl -f jsonl -t 6 berita.jsonl | jq -c 'select(.documents)'
  ringkas topics --input jsonl -f jsonl berita.jsonl | jq -r 'select(.source) | [.id, .topic] | @tsv'
  ringkas topics --idf arsip.idf harian/        weigh terms by an archive's statistics";

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  mkdir -p ~/.local/share/bash-completion/completions
  ringkas completions bash > ~/.local/share/bash-completion/completions/ringkas
  ringkas completions zsh > ~/.zfunc/_ringkas
  ringkas completions fish > ~/.config/fish/completions/ringkas.fish
  ringkas completions powershell >> $PROFILE";

const MAN_EXAMPLES: &str = "\
Examples:
  ringkas man > ringkas.1 && man ./ringkas.1
  mkdir -p ~/.local/share/man/man1 && ringkas man > ~/.local/share/man/man1/ringkas.1";

#[derive(Debug, Args)]
#[command(next_help_heading = "Analysis")]
pub struct LanguageArgs {
    /// Language of the text.
    #[arg(
        short = 'l',
        long = "lang",
        value_enum,
        default_value = "id",
        global = true
    )]
    pub lang: LangArg,

    /// Root-word lexicon replacing the embedded one (one word a line, `#` comments).
    #[arg(long, value_name = "FILE", global = true)]
    pub lexicon: Option<PathBuf>,

    /// Largest input read (a file, a JSON line, a stream kept for a second pass), in bytes
    /// or with a K, M or G suffix (KiB, MiB, GiB); a bigger one gets an error record.
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size, global = true)]
    pub max_bytes: u64,
}

/// `1048576`, `1024K`, `256M`, `2G`.
fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, shift) = match s.as_bytes().last() {
        Some(b'k' | b'K') => (&s[..s.len() - 1], 10),
        Some(b'm' | b'M') => (&s[..s.len() - 1], 20),
        Some(b'g' | b'G') => (&s[..s.len() - 1], 30),
        _ => (s, 0),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{s}` is not a size (bytes, or a number with K, M or G)"))
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Files or folders (read recursively, sorted by path); `-` or nothing reads stdin.
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(
        short = 'f',
        long,
        value_enum,
        default_value = "text",
        global = true,
        help_heading = "Output"
    )]
    pub format: FormatArg,

    /// Number of keywords.
    #[arg(
        short = 'k',
        long,
        value_name = "N",
        default_value_t = 10,
        help_heading = "Analysis"
    )]
    pub keywords: usize,

    /// Number of summary sentences.
    #[arg(
        short = 'n',
        long,
        value_name = "N",
        default_value_t = 3,
        conflicts_with = "ratio",
        help_heading = "Analysis"
    )]
    pub sentences: usize,

    /// Summary length as a share of the document's sentences (0 < R <= 1), at least one.
    #[arg(long, value_name = "R", value_parser = parse_ratio, help_heading = "Analysis")]
    pub ratio: Option<f64>,

    #[command(flatten)]
    pub stopwords: StopwordArgs,

    #[command(flatten)]
    pub source: SourceArgs,

    /// Score against this IDF model (from `ringkas idf build`) instead of the inputs.
    #[arg(long, value_name = "FILE", help_heading = "Analysis")]
    pub idf: Option<PathBuf>,

    /// Worker threads (0: one per core).
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0, help_heading = "Performance",
          value_parser = clap::value_parser!(u16).range(0..=512))]
    pub threads: u16,

    /// Show the features behind each summary sentence's score (text, JSON and JSON Lines).
    #[arg(long, help_heading = "Output")]
    pub explain: bool,

    /// No progress, notes or summary on stderr (errors are still reported).
    #[arg(short = 'q', long, help_heading = "Output")]
    pub quiet: bool,

    #[command(flatten)]
    pub view: ViewArgs,
}

/// How results look (issue 6).
#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct ViewArgs {
    /// Colour in text output: `auto` colours on a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub color: ColorArg,

    /// Show keyword and sentence scores in text output.
    #[arg(long)]
    pub scores: bool,

    /// Print the whole document with the summary and keywords marked (in JSON: add `layout`).
    #[arg(long)]
    pub highlight: bool,

    /// After the documents, the N terms that best characterise the whole batch.
    #[arg(long, value_name = "N")]
    pub corpus_topics: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

impl ColorArg {
    /// Whether to colour: `always` and `never` win; `auto` needs a terminal, no NO_COLOR (any
    /// non-empty value) and a TERM other than `dumb`.
    pub fn resolve(self, terminal: bool, no_color: Option<&OsStr>, term: Option<&OsStr>) -> bool {
        match self {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                terminal && no_color.is_none_or(OsStr::is_empty) && term.is_none_or(|t| t != "dumb")
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputArg {
    Files,
    Jsonl,
    Markdown,
    Html,
}

impl SourceArgs {
    /// The extensions read from folders.
    pub fn extensions(&self) -> Vec<String> {
        if !self.ext.is_empty() {
            return self.ext.clone();
        }
        match self.input {
            InputArg::Files => extensions(ringkas::input::DEFAULT_EXTENSIONS),
            InputArg::Jsonl => vec!["jsonl".to_string()],
            InputArg::Markdown => extensions(ringkas::input::Markup::Markdown.extensions()),
            InputArg::Html => extensions(ringkas::input::Markup::Html.extensions()),
        }
    }
}

fn extensions(list: &[&str]) -> Vec<String> {
    list.iter().map(|e| e.to_string()).collect()
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// For people: keywords on one line, numbered summary sentences.
    Text,
    /// One pretty object for one named file or stdin; an array for a folder, several paths or JSON Lines.
    Json,
    /// One compact object per line, streamed.
    Jsonl,
    /// One self-contained HTML page.
    Html,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Id,
    En,
}

fn parse_share(s: &str) -> Result<f64, String> {
    let r: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if (0.0..=1.0).contains(&r) {
        Ok(r)
    } else {
        Err(format!("`{s}` is not in 0 <= S <= 1"))
    }
}

fn parse_ratio(s: &str) -> Result<f64, String> {
    let r: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if r > 0.0 && r <= 1.0 {
        Ok(r)
    } else {
        Err(format!("`{s}` is not in 0 < R <= 1"))
    }
}

impl SourceArgs {
    /// `--text-field` names a field of JSON Lines records: an error with any other input.
    fn check(&self) -> Result<(), String> {
        if self.text_field != "text" && self.input != InputArg::Jsonl {
            return Err("--text-field applies only with --input jsonl".into());
        }
        Ok(())
    }
}

impl Cli {
    /// Options that parse but do not apply where they were given: usage errors, not ignored.
    pub fn check(&self) -> Result<(), String> {
        let language_given =
            self.language.lexicon.is_some() || matches!(self.language.lang, LangArg::En);
        match &self.command {
            None => {
                self.run.source.check()?;
                if self.run.explain && matches!(self.run.format, FormatArg::Html) {
                    return Err("--explain applies only to --format text, json or jsonl".into());
                }
                Ok(())
            }
            Some(Command::Topics(args)) => args.source.check(),
            Some(Command::Idf {
                command: IdfCommand::Build(build),
            }) => build.source.check(),
            Some(Command::Completions { .. } | Command::Man) if language_given => {
                Err("--lang and --lexicon do not apply to `completions` or `man`".into())
            }
            Some(Command::Idf {
                command: IdfCommand::Merge { .. },
            }) if language_given => Err(
                "--lang and --lexicon do not apply to `idf merge` (a model records its language)"
                    .into(),
            ),
            _ => Ok(()),
        }
    }

    /// The library's view of the flags.
    pub fn config(&self) -> Config {
        let run = &self.run;
        if let Some(Command::Idf {
            command: IdfCommand::Build(build),
        }) = &self.command
        {
            return Config {
                stopword_files: build.stopwords.stopwords.clone(),
                default_stopwords: !build.stopwords.no_default_stopwords,
                threads: usize::from(build.threads),
                ..self.language_config()
            };
        }
        if let Some(Command::Topics(topics)) = &self.command {
            // Ten keywords for the labels, the one best sentence for the topic summaries.
            return Config {
                stopword_files: topics.stopwords.stopwords.clone(),
                default_stopwords: !topics.stopwords.no_default_stopwords,
                threads: usize::from(topics.threads),
                keywords: 10,
                length: SummaryLength::Sentences(1),
                explain: false,
                layout: false,
                ..self.language_config()
            };
        }
        Config {
            stopword_files: run.stopwords.stopwords.clone(),
            default_stopwords: !run.stopwords.no_default_stopwords,
            threads: usize::from(run.threads),
            ..self.language_config()
        }
    }

    /// The config of the flags every command shares.
    fn language_config(&self) -> Config {
        let run = &self.run;
        Config {
            language: match self.language.lang {
                LangArg::Id => Language::Indonesian,
                LangArg::En => Language::English,
            },
            keywords: run.keywords,
            length: match run.ratio {
                Some(r) => SummaryLength::Ratio(r),
                None => SummaryLength::Sentences(run.sentences),
            },
            lexicon: self.language.lexicon.clone(),
            max_bytes: self.language.max_bytes,
            explain: run.explain,
            layout: run.view.highlight || matches!(run.format, FormatArg::Html),
            ..Config::default()
        }
    }

    /// How text looks; colour is decided here, from the flag, the terminal and NO_COLOR.
    pub fn text_style(&self) -> TextStyle {
        let view = &self.run.view;
        TextStyle {
            color: view.color.resolve(
                std::io::stdout().is_terminal(),
                std::env::var_os("NO_COLOR").as_deref(),
                std::env::var_os("TERM").as_deref(),
            ),
            scores: view.scores,
            highlight: view.highlight,
        }
    }

    pub fn format(&self) -> Format {
        match self.run.format {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Html => Format::Html,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_sound() {
        Cli::command().debug_assert();
    }

    #[test]
    fn cli_help_mentions_every_option_and_has_examples() {
        let mut root = Cli::command();
        root.build();
        let mut commands = vec![root.clone()];
        commands.extend(
            root.get_subcommands()
                .filter(|c| c.get_name() != "help")
                .cloned(),
        );
        for mut cmd in commands {
            let help = cmd.render_long_help().to_string();
            assert!(help.contains("Examples:"), "{}", cmd.get_name());
            for arg in cmd.get_arguments() {
                if let Some(long) = arg.get_long() {
                    assert!(
                        help.contains(&format!("--{long}")),
                        "{}: --{long}",
                        cmd.get_name()
                    );
                }
            }
        }
    }

    #[test]
    fn cli_color_auto_needs_a_terminal_and_no_no_color() {
        let set = Some(OsStr::new("1"));
        assert!(ColorArg::Auto.resolve(true, None, None));
        assert!(ColorArg::Auto.resolve(true, Some(OsStr::new("")), Some(OsStr::new("xterm"))));
        assert!(!ColorArg::Auto.resolve(false, None, None));
        assert!(!ColorArg::Auto.resolve(true, set, None));
        assert!(!ColorArg::Auto.resolve(true, None, Some(OsStr::new("dumb"))));
        assert!(ColorArg::Always.resolve(false, set, None));
        assert!(!ColorArg::Never.resolve(true, None, None));
    }

    #[test]
    fn cli_ratio_must_be_a_share() {
        assert!(parse_ratio("0.3").is_ok());
        assert!(
            parse_ratio("0").is_err() && parse_ratio("1.5").is_err() && parse_ratio("x").is_err()
        );
    }

    #[test]
    fn cli_flags_become_config() {
        let cli = Cli::parse_from(["ringkas", "-k", "5", "--ratio", "0.2", "-l", "en", "a.txt"]);
        let config = cli.config();
        assert_eq!(config.keywords, 5);
        assert_eq!(config.length, SummaryLength::Ratio(0.2));
        assert_eq!(config.language, Language::English);
        assert_eq!(cli.run.source.extensions(), ["txt", "md", "html", "htm"]);
        let cli = Cli::parse_from(["ringkas", "sentences", "--input", "html", "-"]);
        let Some(Command::Sentences { source, .. }) = &cli.command else {
            panic!("sentences parses");
        };
        assert_eq!(source.extensions(), ["html", "htm"]);
    }

    #[test]
    fn cli_idf_build_takes_its_own_stopwords_and_threads() {
        let cli = Cli::parse_from([
            "ringkas",
            "idf",
            "build",
            "a/",
            "-o",
            "m.idf",
            "--no-default-stopwords",
            "-j",
            "2",
            "--input",
            "jsonl",
        ]);
        let config = cli.config();
        assert!(!config.default_stopwords);
        assert_eq!(config.threads, 2);
        let Some(Command::Idf {
            command: IdfCommand::Build(build),
        }) = &cli.command
        else {
            panic!("idf build parses");
        };
        assert_eq!(build.source.extensions(), ["jsonl"]);
    }
}
