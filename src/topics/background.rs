//! How frequent a word is in Indonesian news at large: the share of IndoSum train articles
//! holding it (`data/background-id.txt`, counted by `scripts/fit_background.py`). Corpus
//! topics weigh a keyword down by it, so that words found everywhere ("Indonesia", "orang",
//! "tahun") do not top what a batch is about while its own themes do.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The embedded table; its header says how it was made.
const TABLE: &str = include_str!("../../data/background-id.txt");

struct Background {
    /// Articles counted.
    documents: f64,
    /// The least count listed: unlisted words are rarer.
    least: f64,
    /// Lowercase word → articles holding it.
    counts: HashMap<&'static str, u32>,
}

static BACKGROUND: LazyLock<Background> = LazyLock::new(|| {
    let mut documents = 1.0;
    let mut least = 1.0;
    let mut counts = HashMap::new();
    for line in TABLE
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let Some((word, count)) = line.split_once('\t') else {
            continue;
        };
        let Ok(count) = count.parse::<u32>() else {
            continue;
        };
        match word {
            "documents" => documents = f64::from(count),
            "least" => least = f64::from(count),
            _ => {
                counts.insert(word, count);
            }
        }
    }
    Background {
        documents,
        least,
        counts,
    }
});

/// The weight of a keyword in corpus topics, from 0 to 1: the inverse document frequency in
/// news at large of its rarest word, over that of the rarest listed word. A word in every
/// article weighs 0, one in fewer than 1 % of them (unlisted) 1.
pub fn weight(term: &str) -> f64 {
    let b = &*BACKGROUND;
    let ceiling = (b.documents / b.least).ln();
    if ceiling <= 0.0 {
        return 1.0;
    }
    term.split(' ')
        .map(|word| {
            let count = b.counts.get(word.to_lowercase().as_str()).copied();
            count.map_or(1.0, |c| {
                ((b.documents / f64::from(c).max(b.least)).ln() / ceiling).clamp(0.0, 1.0)
            })
        })
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_background_weighs_down_words_found_everywhere() {
        assert_eq!(weight("banjir bandang"), 1.0, "rare words weigh 1");
        let (orang, indonesia) = (weight("orang"), weight("Indonesia"));
        assert!(orang < 0.5 && indonesia < 0.5, "{orang} {indonesia}");
        assert!(weight("yang") < 0.05);
        assert_eq!(
            weight("orang Baduy"),
            1.0,
            "a phrase weighs as its rarest word"
        );
        assert!(weight("film") > orang);
        assert!(BACKGROUND.counts.len() > 1000 && BACKGROUND.documents > 2000.0);
    }
}
