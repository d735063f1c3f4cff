"""`analyze` and `analyze_many` give what the CLI writes with `--format json`."""

from __future__ import annotations

import gc
import json

import pytest

import ringkas
from conftest import SAMPLES, canonical, mixed_corpus, sample_texts

ENGLISH = (
    "The city council raised the price of water on Monday. Residents said the new water "
    "price hurts poor families. The council said the price pays for new pipes. "
    "Water pipes in the old town leak every winter. The mayor will meet residents on Friday."
)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_analyze_equals_cli_on_samples(cli, path):
    text = path.read_text(encoding="utf-8")
    # A file argument names its source; stdin is `-`, the default. The CLI reads a `.md` file
    # as Markdown, `analyze` takes plain text: only stdin (plain text to both) compares there.
    if path.suffix not in (".md", ".html", ".htm"):
        assert canonical(ringkas.analyze(text, source=str(path))) == canonical(cli.json(str(path)))
    assert canonical(ringkas.analyze(text)) == canonical(cli.json(stdin=text))


@pytest.mark.parametrize(
    "kwargs, flags",
    [
        ({"keywords": 5, "sentences": 1}, ["-k", "5", "-n", "1"]),
        ({"keywords": 0, "sentences": 0}, ["-k", "0", "-n", "0"]),
        ({"ratio": 0.5}, ["--ratio", "0.5"]),
        ({"explain": True}, ["--explain"]),
        ({"threads": 1}, ["-j", "1"]),
    ],
)
def test_analyze_settings_equal_cli_flags(cli, kwargs, flags):
    for text in sample_texts():
        assert canonical(ringkas.analyze(text, **kwargs)) == canonical(cli.json(*flags, stdin=text))


def test_analyze_english_equals_cli(cli):
    report = ringkas.analyze(ENGLISH, lang="en")
    assert report["language"] == "en"
    assert canonical(report) == canonical(cli.json("--lang", "en", stdin=ENGLISH))


@pytest.mark.parametrize(
    "kwargs, flags", [({}, []), ({"explain": True}, ["--explain"])], ids=["plain", "explain"]
)
def test_analyze_keeps_cli_key_order(cli, kwargs, flags):
    # `json.dumps` without sorting writes keys in dictionary order, nested ones included.
    for text in sample_texts():
        ours = json.dumps(ringkas.analyze(text, **kwargs), ensure_ascii=False)
        assert ours == json.dumps(cli.json(*flags, stdin=text), ensure_ascii=False)


def test_analyze_empty_text_equals_cli(cli):
    assert canonical(ringkas.analyze("")) == canonical(cli.json(stdin=""))


def test_analyze_many_equals_cli_batch_of_files(cli, tmp_path):
    texts = mixed_corpus(300)
    folder = tmp_path / "docs"
    folder.mkdir()
    sources = []
    for i, text in enumerate(texts):
        path = folder / f"{i:04}.txt"
        path.write_text(text, encoding="utf-8")
        sources.append(str(path))
    expected = cli.json(str(folder))
    got = ringkas.analyze_many(texts, sources=sources)
    assert len(got) == 300
    assert canonical(got) == canonical(expected)
    # Keys in the CLI's order too, at every level.
    assert json.dumps(got, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)
    # Corpus IDF: a document scores differently in the batch than alone.
    alone = ringkas.analyze(texts[0], source=sources[0])
    assert canonical(alone) != canonical(got[0])


def test_analyze_many_equals_cli_json_lines_with_ids(cli):
    texts = mixed_corpus(40, seed=7)
    ids = [f"doc-{i}" if i % 3 else i for i in range(len(texts))]
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in zip(ids, texts))
    expected = cli.json("--input", "jsonl", "-k", "7", stdin=lines)
    got = ringkas.analyze_many(texts, ids=ids, keywords=7)
    assert canonical(got) == canonical(expected)
    assert [r["id"] for r in got] == ids


def test_analyze_many_same_for_any_thread_count():
    texts = mixed_corpus(200, seed=3)
    one = canonical(ringkas.analyze_many(texts, threads=1))
    assert canonical(ringkas.analyze_many(texts, threads=2)) == one
    assert canonical(ringkas.analyze_many(texts, threads=4)) == one


def test_analyze_many_one_text_is_analyze():
    text = sample_texts()[0]
    assert ringkas.analyze_many([text]) == [ringkas.analyze(text)]
    assert ringkas.analyze_many([]) == []


def test_analyze_many_leaves_the_garbage_collector_as_it_found_it():
    texts = mixed_corpus(300, seed=5)
    assert gc.isenabled()
    assert len(ringkas.analyze_many(texts)) == 300
    assert gc.isenabled()
    with pytest.raises(ValueError):
        ringkas.analyze_many(texts + ["ada\0nol"], errors="raise")
    assert gc.isenabled()
    gc.disable()
    try:
        assert len(ringkas.analyze_many(texts, ids=list(range(300)))) == 300
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_analyze_many_reads_texts_it_does_not_copy_after_the_caller_drops_them():
    # The workers read each str in place: the module must hold them, not the caller's list.
    texts = mixed_corpus(300, seed=6) + ["Teks é ü 😀 bukan ASCII. " * 20]
    expected = canonical(ringkas.analyze_many(list(texts)))
    assert canonical(ringkas.analyze_many(t.encode().decode() for t in texts)) == expected


def test_analyze_many_accepts_any_iterable():
    texts = sample_texts()
    assert ringkas.analyze_many(iter(texts)) == ringkas.analyze_many(tuple(texts))


def test_analyze_many_error_record_equals_cli(cli, tmp_path):
    texts = sample_texts() + ["ada\0nol"]
    paths = []
    for i, text in enumerate(texts):
        path = tmp_path / f"{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    done = cli.run("--format", "json", "-q", *paths, check=False)
    assert done.returncode == 1
    expected = json.loads(done.stdout)
    got = ringkas.analyze_many(texts, sources=paths)
    assert canonical(got) == canonical(expected)
    assert got[-1] == {"source": paths[-1], "error": "binary file (contains NUL bytes), not text"}
    last = len(texts) - 1
    with pytest.raises(ValueError, match=rf"^texts\[{last}\]: .*{last}\.txt: binary file"):
        ringkas.analyze_many(texts, sources=paths, errors="raise")
