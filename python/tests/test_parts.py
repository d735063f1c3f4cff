"""Sentences, tokens, stems, stopwords and IDF models, checked against the CLI."""

from __future__ import annotations

import pytest

import ringkas
from conftest import REPO, SAMPLES, canonical, mixed_corpus, sample_texts


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sentences_equal_cli(cli, path):
    text = path.read_text(encoding="utf-8")
    lines = cli.run("sentences", stdin=text).stdout.decode().splitlines()
    assert ringkas.sentences(text) == lines
    assert len(lines) > 1
    every = cli.run("sentences", "--all", stdin=text).stdout.decode().splitlines()
    assert ringkas.sentences(text, all=True) == every
    assert len(every) >= len(lines)


def test_sentences_leave_boilerplate_out_unless_all(cli):
    text = ("Harga beras naik di semua pasar tradisional pekan ini.\n"
            "Baca juga: Harga Cabai Turun Jelang Panen\n"
            "Pedagang mengeluhkan pembeli yang makin sepi.\n"
            "Editor: Budi Santoso")
    assert ringkas.sentences(text) == [
        "Harga beras naik di semua pasar tradisional pekan ini.",
        "Pedagang mengeluhkan pembeli yang makin sepi.",
    ]
    assert len(ringkas.sentences(text, all=True)) == 4
    assert ringkas.sentences(text, all=True) == cli.run(
        "sentences", "--all", stdin=text).stdout.decode().splitlines()


def test_sentences_unify_line_ends(cli):
    text = "Harga beras naik.\r\nWarga mengeluh.\rPasar sepi."
    assert ringkas.sentences(text) == cli.run("sentences", stdin=text).stdout.decode().splitlines()


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_tokens_are_the_counted_words_in_order(path):
    text = path.read_text(encoding="utf-8")
    tokens = ringkas.tokens(text)
    assert len(tokens) == ringkas.analyze(text)["stats"]["words"]
    at = 0
    for token in tokens:
        at = text.index(token, at) + len(token)


def test_tokens_keep_numbers_urls_and_hyphens_whole():
    tokens = ringkas.tokens("Harga naik Rp1.000,50 per kg, lihat www.bps.go.id dan negara-negara lain.")
    assert "Rp1.000,50" in tokens
    assert "www.bps.go.id" in tokens
    assert "negara-negara" in tokens


def test_stem_equals_cli(cli):
    words = ["Menaikkan", "pemerintahan", "perekonomian", "berlari", "negara-negara", " Dimakan ", ""]
    words += ["dimakan", "Menaikkan", "menaikkan"] + words  # repeats share one stemming
    expected = cli.run("stem", *words).stdout.decode().split("\n")[: len(words)]
    assert ringkas.stem(words) == expected
    assert [ringkas.stem(w) for w in words] == expected
    assert ringkas.stem("menaikkan") == "naik"


def test_stem_english_equals_cli(cli):
    words = ["running", "prices", "residents"]
    expected = cli.run("stem", "--lang", "en", *words).stdout.decode().splitlines()
    assert ringkas.stem(words, lang="en") == expected


def test_stem_accepts_any_iterable_and_refuses_non_strings():
    assert ringkas.stem(iter(["dimakan", "makanan"])) == ["makan", "makan"]
    with pytest.raises(TypeError):
        ringkas.stem([1, 2])


def read_list(path):
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#")[0].strip()
        if word:
            words.add(word.lower())
    return sorted(words)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_stopwords_are_the_embedded_list(lang):
    words = ringkas.stopwords(lang)
    assert words == read_list(REPO / "stopwords" / f"{lang}.txt")
    assert words == sorted(set(words))


def test_stopwords_never_keywords():
    stop = set(ringkas.stopwords())
    assert {"yang", "dan", "di"} <= stop
    for text in sample_texts():
        for keyword in ringkas.analyze(text)["keywords"]:
            assert keyword["term"].lower() not in stop


def write_corpus(folder, texts):
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"{i:03}.txt").write_text(text, encoding="utf-8")


def test_idf_build_save_equals_cli_build(cli, tmp_path):
    texts = mixed_corpus(150, seed=5)
    write_corpus(tmp_path / "docs", texts)
    cli.run("idf", "build", "-q", str(tmp_path / "docs"), "-o", str(tmp_path / "cli.idf"))
    model = ringkas.IdfModel.build(texts, threads=1)
    model.save(tmp_path / "py.idf")
    assert (tmp_path / "py.idf").read_bytes() == (tmp_path / "cli.idf").read_bytes()
    assert model.documents == 150
    assert model.language == "id"
    assert len(model) > 0
    assert ringkas.IdfModel.load(tmp_path / "cli.idf") == model
    assert ringkas.IdfModel.build(texts, threads=2) == model


def test_idf_merge_equals_cli_merge(cli, tmp_path):
    texts = mixed_corpus(60, seed=9)
    a, b = ringkas.IdfModel.build(texts[:25]), ringkas.IdfModel.build(texts[25:])
    a.save(tmp_path / "a.idf")
    b.save(str(tmp_path / "b.idf"))
    cli.run("idf", "merge", str(tmp_path / "a.idf"), str(tmp_path / "b.idf"), "-o", str(tmp_path / "ab.idf"))
    merged = a.merge(b)
    merged.save(tmp_path / "py.idf")
    assert (tmp_path / "py.idf").read_bytes() == (tmp_path / "ab.idf").read_bytes()
    assert merged == b.merge(a)
    assert merged == ringkas.IdfModel.build(texts)
    assert merged.documents == a.documents + b.documents
    # merge makes a new model
    assert a.documents == 25


def test_analyze_with_model_equals_cli(cli, tmp_path):
    texts = mixed_corpus(80, seed=11)
    model = ringkas.IdfModel.build(texts)
    model.save(tmp_path / "m.idf")
    text = sample_texts()[0]
    expected = cli.json("--idf", str(tmp_path / "m.idf"), stdin=text)
    assert canonical(ringkas.analyze(text, idf=model)) == canonical(expected)
    assert canonical(ringkas.analyze(text, idf=tmp_path / "m.idf")) == canonical(expected)
    write_corpus(tmp_path / "docs", texts[:30])
    expected = cli.json("--idf", str(tmp_path / "m.idf"), str(tmp_path / "docs"))
    sources = [str(tmp_path / "docs" / f"{i:03}.txt") for i in range(30)]
    got = ringkas.analyze_many(texts[:30], idf=model, sources=sources)
    assert canonical(got) == canonical(expected)
    assert model.document_frequency("beras") >= 0
    assert repr(model).startswith("IdfModel(language=\"id\", documents=80")
