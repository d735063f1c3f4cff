//! The sentence ranker's model: gradient-boosted regression trees over [`ranker`]'s features,
//! fitted offline by `scripts/fit_ranker.py` and embedded from `data/ranker-model.txt`.
//!
//! The file is text: `#` comment lines (provenance and the command that regenerates it), then
//! `features` with the feature names in order (they must be [`ranker::NAMES`]), `redundancy`
//! (the cosine above which a candidate repeats a chosen sentence), `depth` (every tree's), and
//! the trees. Each opens with a line `tree`, then has its 2^depth - 1 splits in breadth-first
//! order, `s FEATURE THRESHOLD` (go left when the feature's value is at most THRESHOLD), then
//! its 2^depth leaves left to right, `l VALUE`. A shallower tree is padded with splits that
//! always go left. Complete trees of one depth are walked without a branch per node (the
//! child is 2k + 1 or 2k + 2), by a walk compiled for that depth, which keeps a few hundred
//! trees cheap for every sentence. A sentence's score is the sum of its leaf in every tree,
//! in file order, so it is the same number on every machine and thread.
//!
//! [`ranker`]: crate::ranker::features
//! [`ranker::NAMES`]: crate::ranker::NAMES

use std::sync::OnceLock;

use crate::ranker::features::{COUNT, Features, NAMES};

/// The embedded model's text.
const EMBEDDED: &str = include_str!("../../data/ranker-model.txt");

/// Trees deeper than this are refused (a tree costs 2^depth lines).
const MAX_DEPTH: usize = 12;

// Feature indices are kept in a byte.
const _: () = assert!(COUNT <= 256);

/// [`COUNT`] rounded up to a power of two (see `walk`).
const PADDED: usize = COUNT.next_power_of_two();

/// A fitted ranker: trees and the redundancy threshold fitted with them.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    depth: usize,
    /// By tree, then split in breadth-first order: the feature each split reads (an index
    /// below [`COUNT`]) ...
    features: Vec<u8>,
    /// ... and the threshold it compares it with. Two arrays rather than one of pairs: the
    /// walk indexes both by the node's number without scaling it to a pair's size.
    thresholds: Vec<f64>,
    /// By tree, then leaf from the left.
    leaves: Vec<f64>,
    redundancy: f64,
}

impl Model {
    /// The model built into the binary, parsed once.
    pub fn embedded() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            Model::parse(EMBEDDED).expect("the embedded ranker model parses (a unit test checks)")
        })
    }

    /// Reads a model in the format above; the error says which line is wrong and why.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut model = Model {
            depth: 0,
            features: Vec::new(),
            thresholds: Vec::new(),
            leaves: Vec::new(),
            redundancy: f64::NAN,
        };
        let (mut features, mut trees) = (false, 0usize);
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let at = |problem: String| format!("line {}: {problem}", n + 1);
            let mut words = line.split_ascii_whitespace();
            let keyword = words.next().unwrap_or_default();
            let rest: Vec<&str> = words.collect();
            let (splits, leaves) = (model.splits_per_tree(), model.splits_per_tree() + 1);
            match keyword {
                "features" => {
                    if rest != NAMES {
                        return Err(at(format!(
                            "the model's features ({}) are not this build's ({})",
                            rest.join(" "),
                            NAMES.join(" ")
                        )));
                    }
                    features = true;
                }
                "redundancy" => model.redundancy = number(&rest, 0).map_err(at)?,
                "depth" if trees > 0 => return Err(at("`depth` after the first tree".into())),
                "depth" => {
                    let depth = number(&rest, 0).map_err(at)?;
                    if !(1.0..=MAX_DEPTH as f64).contains(&depth) || depth.fract() != 0.0 {
                        return Err(at(format!("depth {depth} is not 1 to {MAX_DEPTH}")));
                    }
                    model.depth = depth as usize;
                }
                "tree" if model.depth == 0 => return Err(at("a tree before `depth`".into())),
                "tree" => {
                    model.check_tree(trees).map_err(at)?;
                    trees += 1;
                }
                "s" | "l" if trees == 0 => {
                    return Err(at("a node before the first `tree`".into()));
                }
                "s" if model.thresholds.len() == trees * splits
                    || model.leaves.len() > (trees - 1) * leaves =>
                {
                    return Err(at(format!("a tree has {splits} splits, then its leaves")));
                }
                "s" => {
                    let feature = number(&rest, 0).map_err(at)? as usize;
                    if feature >= COUNT {
                        return Err(at(format!("no feature {feature}")));
                    }
                    let threshold = number(&rest, 1).map_err(at)?;
                    model.features.push(feature as u8);
                    model.thresholds.push(threshold);
                }
                "l" if model.thresholds.len() < trees * splits
                    || model.leaves.len() == trees * leaves =>
                {
                    return Err(at(format!("a tree has {leaves} leaves, after its splits")));
                }
                "l" => model.leaves.push(number(&rest, 0).map_err(at)?),
                other => return Err(at(format!("unknown line `{other}`"))),
            }
        }
        if !features {
            return Err("no `features` line".into());
        }
        if model.redundancy.is_nan() {
            return Err("no `redundancy` line".into());
        }
        if trees == 0 {
            return Err("no trees".into());
        }
        model
            .check_tree(trees)
            .map_err(|e| format!("the last tree: {e}"))?;
        Ok(model)
    }

    fn splits_per_tree(&self) -> usize {
        (1 << self.depth) - 1
    }

    /// Whether the `trees` trees read so far are whole.
    fn check_tree(&self, trees: usize) -> Result<(), String> {
        let (splits, leaves) = (self.splits_per_tree(), self.splits_per_tree() + 1);
        if self.thresholds.len() != trees * splits || self.leaves.len() != trees * leaves {
            return Err(format!(
                "the tree before is not whole ({splits} splits and {leaves} leaves each)"
            ));
        }
        Ok(())
    }

    /// The sentence's score: the sum of its leaves.
    pub fn score(&self, f: &Features) -> f64 {
        // One walk compiled for each depth the format allows (see `walk`).
        match self.depth {
            1 => self.walk::<1>(f),
            2 => self.walk::<2>(f),
            3 => self.walk::<3>(f),
            4 => self.walk::<4>(f),
            5 => self.walk::<5>(f),
            6 => self.walk::<6>(f),
            7 => self.walk::<7>(f),
            8 => self.walk::<8>(f),
            9 => self.walk::<9>(f),
            10 => self.walk::<10>(f),
            11 => self.walk::<11>(f),
            12 => self.walk::<12>(f),
            depth => unreachable!("depth {depth}: `parse` refuses any but 1 to {MAX_DEPTH}"),
        }
    }

    /// The sum of the leaves `f` reaches, for trees of `DEPTH`. With the depth a constant the
    /// levels unroll, and the compiler sees that every node and leaf index is inside its tree
    /// (the leaf's number is built from one bit a level), so the walk has no loop and no bounds
    /// check per level: a third of the instructions of a loop over a depth read at run time.
    /// Kept out of `score`, whose dozen walks together ran short of registers.
    #[inline(never)]
    fn walk<const DEPTH: usize>(&self, f: &Features) -> f64 {
        const { assert!(DEPTH >= 1 && DEPTH <= MAX_DEPTH) };
        // The features padded to a power of two: a split's feature index masked to it needs no
        // bounds check (`parse` keeps every index below COUNT, so the mask changes none).
        let mut padded = [0.0; PADDED];
        padded[..COUNT].copy_from_slice(&f.0);
        let splits = (1 << DEPTH) - 1;
        let trees = self.features.chunks_exact(splits);
        let trees = trees.zip(self.thresholds.chunks_exact(splits));
        let mut sum = 0.0;
        for ((features, thresholds), leaves) in trees.zip(self.leaves.chunks_exact(splits + 1)) {
            // The leaves below the node reached so far, numbered from the left on its level:
            // level L's nodes come after the 2^L - 1 above them.
            let mut leaf = 0;
            for level in 0..DEPTH {
                let node = (1 << level) - 1 + leaf;
                let right = padded[usize::from(features[node]) & (PADDED - 1)] > thresholds[node];
                leaf = 2 * leaf + usize::from(right);
            }
            sum += leaves[leaf];
        }
        sum
    }

    /// A candidate whose cosine to a chosen sentence exceeds this is skipped.
    pub fn redundancy(&self) -> f64 {
        self.redundancy
    }

    pub fn trees(&self) -> usize {
        self.leaves.len() / (self.splits_per_tree() + 1)
    }
}

/// Word `k` of a line, as a number.
fn number(words: &[&str], k: usize) -> Result<f64, String> {
    let word = words
        .get(k)
        .ok_or_else(|| format!("value {} missing", k + 1))?;
    let x: f64 = word
        .parse()
        .map_err(|_| format!("`{word}` is not a number"))?;
    if x.is_finite() {
        Ok(x)
    } else {
        Err(format!("`{word}` is not finite"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(pairs: &[(usize, f64)]) -> Features {
        let mut f = Features::default();
        for &(k, v) in pairs {
            f.0[k] = v;
        }
        f
    }

    fn named(pairs: &[(&str, f64)]) -> Features {
        let index = |name: &str| NAMES.iter().position(|n| *n == name).expect("a feature");
        features(
            &pairs
                .iter()
                .map(|&(n, v)| (index(n), v))
                .collect::<Vec<_>>(),
        )
    }

    fn header() -> String {
        format!(
            "# test\nfeatures {}\nredundancy 0.5\ndepth 1\n",
            NAMES.join(" ")
        )
    }

    #[test]
    fn gbdt_embedded_model_parses_and_scores() {
        let model = Model::embedded();
        assert!(model.trees() > 0);
        assert!((0.0..=1.0).contains(&model.redundancy()));
        // News puts the point first: with all else equal, the lead outscores a late sentence.
        let sentence = |position: f64| {
            named(&[
                ("position", 1.0 / (1.0 + position)),
                ("body_position", position),
                ("relative_position", position / 20.0),
                ("paragraph", position),
                ("centrality", 0.5),
                ("centrality_ratio", 1.0),
                ("salience_ratio", 1.0),
                ("words", 20.0),
            ])
        };
        assert!(model.score(&sentence(0.0)) > model.score(&sentence(15.0)));
    }

    #[test]
    fn gbdt_scores_sum_the_leaves_of_every_tree() {
        let text = header() + "tree\ns 1 2.5\nl 1.0\nl -1.0\ntree\ns 0 1e300\nl 0.25\nl 9\n";
        let model = Model::parse(&text).unwrap();
        assert_eq!(model.trees(), 2);
        assert_eq!(model.score(&features(&[(1, 2.5)])), 1.25);
        assert_eq!(model.score(&features(&[(1, 3.0)])), -0.75);
        assert_eq!(model.redundancy(), 0.5);
        let deeper = format!(
            "# test\nfeatures {}\nredundancy 0.5\ndepth 2\n",
            NAMES.join(" ")
        ) + "tree\ns 1 2.5\ns 2 0.5\ns 3 0.5\nl 1\nl 2\nl 3\nl 4\n";
        let model = Model::parse(&deeper).unwrap();
        assert_eq!(model.score(&features(&[(1, 2.0), (2, 1.0)])), 2.0);
        assert_eq!(model.score(&features(&[(1, 3.0), (3, 0.5)])), 3.0);
        assert_eq!(model.score(&features(&[(1, 3.0), (3, 0.6)])), 4.0);
    }

    #[test]
    fn gbdt_walks_trees_of_every_depth() {
        // Each split on level L reads feature L; the leaves are numbered from the left, so
        // the bits of a leaf's number, most significant first, are the way down to it.
        for depth in 1..=MAX_DEPTH {
            let mut text = header().replace("depth 1", &format!("depth {depth}")) + "tree\n";
            for level in 0..depth {
                text += &format!("s {level} 0.5\n").repeat(1 << level);
            }
            for leaf in 0..1 << depth {
                text += &format!("l {leaf}\n");
            }
            let model = Model::parse(&text).unwrap();
            for leaf in [0, 1, (1 << depth) / 3, (1 << depth) - 1] {
                let way: Vec<(usize, f64)> = (0..depth)
                    .map(|level| (level, f64::from((leaf >> (depth - 1 - level)) & 1)))
                    .collect();
                assert_eq!(model.score(&features(&way)), leaf as f64, "depth {depth}");
            }
        }
    }

    #[test]
    fn gbdt_rejects_bad_models() {
        let bad = [
            (header() + "tree\ns 1 2.5\nl 1\n", "not whole"),
            (header() + "tree\ns 1 2.5\nl 1\nl 2\nl 3\n", "leaves, after"),
            (header() + "tree\ns 1 2.5\ns 1 2.5\n", "splits, then"),
            (header() + "tree\nl 1\n", "leaves, after"),
            (header() + "s 1 2.5\n", "before the first"),
            (header() + "tree\ns 1 x\n", "not a number"),
            (header() + "tree\ns 99 1\n", "no feature 99"),
            (header() + "tree\ns 1 1\nl inf\n", "not finite"),
            (header(), "no trees"),
            (
                header().replace("depth 1", "depth 40") + "tree\n",
                "is not 1 to",
            ),
            (
                header().replace("depth 1\n", "") + "tree\n",
                "before `depth`",
            ),
            (
                "features a b\nredundancy 0.5\n".to_string(),
                "are not this build's",
            ),
            (format!("features {}\n", NAMES.join(" ")), "no `redundancy`"),
            (header() + "forest\n", "unknown line"),
        ];
        for (text, problem) in bad {
            let err = Model::parse(&text).unwrap_err();
            assert!(err.contains(problem), "{err} (wanted {problem})");
        }
    }
}
