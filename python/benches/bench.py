"""Times ringkas against the Python tools Indonesian NLP users reach for, in one run.

    python bench.py ARTICLES.jsonl [--runs N] [--baseline-runs N] [--json OUT]

On the same articles (a JSON Lines file, field ``text``):

* keywords: ``ringkas.analyze_many`` (keywords *and* summaries, corpus IDF) against
  PySastrawi stemming + scikit-learn ``TfidfVectorizer`` + the top 10 terms of each article;
* summaries: ``ringkas.analyze_many`` against sumy's LexRank (3 sentences an article);
* stemming: ``ringkas.stem`` against PySastrawi on one word list, every word of every article
  in order (both tools memoise repeated words).

Each timing is the median of several runs, in this process, one after the other; the ratios are
of medians. sumy's own tokenizer needs NLTK's punkt data, which is fetched from the network at
run time, so sumy is given a regular-expression tokenizer here: cheaper than punkt, which only
flatters sumy.

Run it through ``benches/bench.sh``, which installs the competitors in a virtual environment.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import time

import ringkas

WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def timed(fn, runs):
    """Median wall time, every run's wall time, median CPU time (all threads), last result.

    Each run times its own work only: the previous run's result is freed before the clock
    starts (``result = fn()`` alone would free it inside the next run's time, after ``fn``
    returns), the same for every tool."""
    times, cpu, result = [], [], None
    for _ in range(runs):
        result = None
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), times, statistics.median(cpu), result


def sastrawi_tfidf_keywords(texts, k=10):
    """The usual Python recipe: stem each article with PySastrawi (which lowercases and drops
    punctuation), TF-IDF over the collection, the k best terms of each article."""
    import numpy as np
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    from sklearn.feature_extraction.text import TfidfVectorizer

    stemmer = StemmerFactory().create_stemmer()
    stemmed = [stemmer.stem(t) for t in texts]
    vectorizer = TfidfVectorizer(stop_words=ringkas.stopwords("id"))
    matrix = vectorizer.fit_transform(stemmed).tocsr()
    vocab = vectorizer.get_feature_names_out()
    keywords = []
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        scores, columns = matrix.data[start:end], matrix.indices[start:end]
        best = np.argsort(-scores, kind="stable")[:k]
        keywords.append([vocab[columns[i]] for i in best])
    return keywords


class RegexTokenizer:
    """sumy's tokenizer interface, without NLTK data."""

    language = "indonesian"

    @staticmethod
    def to_sentences(paragraph):
        return tuple(s.strip() for s in SENTENCE_END.split(paragraph) if s.strip())

    @staticmethod
    def to_words(sentence):
        return tuple(WORD.findall(sentence))


def sumy_lexrank(texts, n=3):
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    summarizer = LexRankSummarizer()
    summarizer.stop_words = ringkas.stopwords("id")
    tokenizer = RegexTokenizer()
    return [
        [str(s) for s in summarizer(PlaintextParser.from_string(t, tokenizer).document, n)]
        for t in texts
    ]


def sastrawi_stems(words):
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer()
    return [stemmer.stem(w) for w in words]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles")
    parser.add_argument("--runs", type=int, default=5, help="runs of each ringkas timing")
    parser.add_argument("--baseline-runs", type=int, default=3, help="runs of each competitor")
    parser.add_argument("--json", help="also write the figures here")
    parser.add_argument("--cli", help="also time this ringkas binary on the file (-f jsonl)")
    args = parser.parse_args()

    with open(args.articles, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    words = [w.lower() for t in texts for w in WORD.findall(t)]
    print(f"{len(texts)} articles, {mb:.2f} MB; {len(words)} words ({len(set(words))} distinct); "
          f"{os.cpu_count()} CPUs; ringkas {ringkas.__version__}")

    rows = {}

    def row(name, fn, runs, unit_bytes=True):
        median, times, cpu, result = timed(fn, runs)
        rows[name] = {"median_s": median, "runs_s": times, "cpu_s": cpu}
        rate = f"{mb / median:8.2f} MB/s" if unit_bytes else f"{len(words) / median / 1e6:8.2f} Mwords/s"
        print(f"  {name:<34} {median:9.3f} s  {rate}  cpu {cpu:7.3f} s   "
              f"runs: {', '.join(f'{t:.3f}' for t in times)}")
        return result

    # First call builds the engine (word lists, thread pool): timed apart, not in the median.
    start = time.perf_counter()
    ringkas.analyze_many(texts[:1])
    print(f"  ringkas start-up (first call)      {time.perf_counter() - start:9.3f} s")
    reports = row("ringkas.analyze_many", lambda: ringkas.analyze_many(texts), args.runs)
    assert len(reports) == len(texts) and all("keywords" in r for r in reports)
    # The same job as each competitor: keywords only (sentences=0: no sentence is scored),
    # summaries only (keywords=0).
    only_kw = row("analyze_many, keywords only", lambda: ringkas.analyze_many(texts, sentences=0),
                  args.runs)
    assert all(len(r["keywords"]) == 10 and not r["summary"] for r in only_kw)
    only_sum = row("analyze_many, summaries only", lambda: ringkas.analyze_many(texts, keywords=0),
                   args.runs)
    assert all(not r["keywords"] and r["summary"] for r in only_sum)
    if args.cli:
        command = [args.cli, "--input", "jsonl", "-f", "jsonl", "-q", args.articles]

        def cli():
            done = subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
            return done.returncode

        # The binary's CPU time is its own process's, which process_time does not see.
        start = time.perf_counter()
        cli()
        rows["ringkas CLI (same batch)"] = {"median_s": time.perf_counter() - start}
        print(f"  {'ringkas CLI (same batch), one run':<34} "
              f"{rows['ringkas CLI (same batch)']['median_s']:9.3f} s")
    row("PySastrawi + sklearn TF-IDF top 10", lambda: sastrawi_tfidf_keywords(texts), args.baseline_runs)
    row("sumy LexRank, 3 sentences", lambda: sumy_lexrank(texts), args.baseline_runs)
    ringkas.stem(words[:1])
    stems = row("ringkas.stem (word list)", lambda: ringkas.stem(words), args.runs, unit_bytes=False)
    theirs = row("PySastrawi stem (word list)", lambda: sastrawi_stems(words), args.baseline_runs, unit_bytes=False)
    same = sum(a == b for a, b in zip(stems, theirs)) / len(words)
    print(f"  (ringkas and PySastrawi agree on {same:.1%} of the word list)")

    ratios = {
        "keywords: PySastrawi+sklearn / ringkas.analyze_many":
            rows["PySastrawi + sklearn TF-IDF top 10"]["median_s"] / rows["ringkas.analyze_many"]["median_s"],
        "summary: sumy LexRank / ringkas.analyze_many":
            rows["sumy LexRank, 3 sentences"]["median_s"] / rows["ringkas.analyze_many"]["median_s"],
        "stem: PySastrawi / ringkas.stem":
            rows["PySastrawi stem (word list)"]["median_s"] / rows["ringkas.stem (word list)"]["median_s"],
        "same job, keywords: PySastrawi+sklearn / keywords only":
            rows["PySastrawi + sklearn TF-IDF top 10"]["median_s"]
            / rows["analyze_many, keywords only"]["median_s"],
        "same job, summary: sumy LexRank / summaries only":
            rows["sumy LexRank, 3 sentences"]["median_s"]
            / rows["analyze_many, summaries only"]["median_s"],
    }
    pairs = {
        "keywords: PySastrawi+sklearn / ringkas.analyze_many":
            ("PySastrawi + sklearn TF-IDF top 10", "ringkas.analyze_many"),
        "summary: sumy LexRank / ringkas.analyze_many":
            ("sumy LexRank, 3 sentences", "ringkas.analyze_many"),
        "stem: PySastrawi / ringkas.stem": ("PySastrawi stem (word list)", "ringkas.stem (word list)"),
        "same job, keywords: PySastrawi+sklearn / keywords only":
            ("PySastrawi + sklearn TF-IDF top 10", "analyze_many, keywords only"),
        "same job, summary: sumy LexRank / summaries only":
            ("sumy LexRank, 3 sentences", "analyze_many, summaries only"),
    }
    cpu_ratios = {name: rows[a]["cpu_s"] / rows[b]["cpu_s"] for name, (a, b) in pairs.items()}
    print(f"ratios of median wall times (>= 50 is the bar), and of CPU times; load average "
          f"{os.getloadavg()[0]:.1f} at the end:")
    for name, ratio in ratios.items():
        print(f"  {name:<56} {ratio:7.1f}x   cpu {cpu_ratios[name]:7.1f}x")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"articles": len(texts), "mb": mb, "words": len(words), "timings": rows,
                       "ratios": ratios, "cpu_ratios": cpu_ratios,
                       "load_average": os.getloadavg()}, f, indent=2)


if __name__ == "__main__":
    main()
