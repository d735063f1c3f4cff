//! A lexicon file given with `--lexicon`, read and checked.

use crate::error::Error;
use crate::stem::Lexicon;

impl Lexicon {
    /// Reads a lexicon file (`--lexicon`): UTF-8, at least one word.
    pub fn load(path: &std::path::Path) -> Result<Lexicon, Error> {
        let display = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| Error::WordList {
            path: display.clone(),
            problem: format!(
                "cannot read lexicon: {}",
                Error::Io {
                    path: String::new(),
                    source
                }
                .problem()
            ),
        })?;
        let text = String::from_utf8(bytes).map_err(|e| Error::WordList {
            path: display.clone(),
            problem: format!(
                "lexicon is not UTF-8 (byte {})",
                e.utf8_error().valid_up_to()
            ),
        })?;
        let lexicon = Lexicon::parse(&text);
        if lexicon.is_empty() {
            return Err(Error::WordList {
                path: display,
                problem: "lexicon holds no words".into(),
            });
        }
        Ok(lexicon)
    }
}
