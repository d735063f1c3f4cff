//! A lexicon file given with `--lexicon`, read and checked.

use crate::error::Error;
use crate::stem::Lexicon;

impl Lexicon {
    /// Reads a lexicon file (`--lexicon`): UTF-8, at least one word.
    pub fn load(path: &std::path::Path) -> Result<Lexicon, Error> {
        let text = crate::error::read_word_list(path, "lexicon")?;
        let lexicon = Lexicon::parse(&text);
        if lexicon.is_empty() {
            return Err(Error::WordList {
                path: path.display().to_string(),
                problem: "lexicon holds no words".into(),
            });
        }
        Ok(lexicon)
    }
}
