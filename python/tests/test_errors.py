"""Errors are Python exceptions carrying the CLI's messages."""

from __future__ import annotations

import errno

import pytest

import ringkas
from conftest import sample_texts


def cli_error(done) -> str:
    """The CLI's one-line error, without its `ringkas: ` prefix."""
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("ringkas: ")
    return lines[0].removeprefix("ringkas: ")


def test_nul_text_is_value_error_with_cli_message(cli):
    with pytest.raises(ValueError) as caught:
        ringkas.analyze("ada\0nol")
    done = cli.run("--format", "json", stdin=b"ada\0nol", check=False)
    assert done.returncode != 0
    assert str(caught.value) == cli_error(done)


def test_missing_model_is_file_not_found_with_path(cli, tmp_path):
    missing = tmp_path / "tidak-ada.idf"
    with pytest.raises(FileNotFoundError) as caught:
        ringkas.analyze("Harga beras naik.", idf=missing)
    err = caught.value
    assert err.errno == errno.ENOENT
    assert err.filename == str(missing)
    done = cli.run("--idf", str(missing), stdin="Harga beras naik.", check=False)
    assert cli_error(done) == f"{missing}: {err.strerror}"
    with pytest.raises(FileNotFoundError):
        ringkas.IdfModel.load(missing)


def test_model_that_is_a_folder_is_os_error(tmp_path):
    with pytest.raises(IsADirectoryError) as caught:
        ringkas.IdfModel.load(tmp_path)
    assert caught.value.filename == str(tmp_path)


def test_corrupt_model_is_value_error_with_cli_message(cli, tmp_path):
    bad = tmp_path / "bad.idf"
    bad.write_text("bukan model\n")
    with pytest.raises(ValueError) as caught:
        ringkas.IdfModel.load(bad)
    done = cli.run("--idf", str(bad), stdin="Harga beras naik.", check=False)
    assert done.returncode == 2
    assert str(caught.value) == cli_error(done)
    with pytest.raises(ValueError, match="no `ringkas-idf` header"):
        ringkas.analyze("Harga beras naik.", idf=str(bad))


def test_model_of_other_language_is_refused(tmp_path):
    english = ringkas.IdfModel.build(["The price of rice rose."], lang="en")
    with pytest.raises(ValueError, match="model is for language `en`, this run is `id`"):
        ringkas.analyze(sample_texts()[0], idf=english)
    with pytest.raises(ValueError, match="model is for language `en`, the others for `id`"):
        ringkas.IdfModel.build(sample_texts()).merge(english)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"ratio": 0.0}, "ratio: `0` is not in 0 < R <= 1"),
        ({"ratio": 1.5}, "ratio: `1.5` is not in 0 < R <= 1"),
        ({"lang": "fr"}, "lang: `fr` is not one of id, en"),
        ({"threads": 513}, "threads: `513` is not in 0..=512"),
        ({"threads": -1}, "threads: `-1` is not in 0..=512"),
        ({"keywords": -1}, "keywords: `-1` is negative"),
        ({"sentences": -2}, "sentences: `-2` is negative"),
    ],
)
def test_bad_settings_are_value_errors(kwargs, message):
    with pytest.raises(ValueError) as caught:
        ringkas.analyze("Harga beras naik.", **kwargs)
    assert str(caught.value) == message
    with pytest.raises(ValueError):
        ringkas.analyze_many(["Harga beras naik."], **kwargs)


def test_bad_arguments_are_type_or_value_errors():
    with pytest.raises(TypeError):
        ringkas.analyze(b"bytes")
    with pytest.raises(TypeError, match=r"texts\[1\]: expected str"):
        ringkas.analyze_many(["ok", 3])
    with pytest.raises(ValueError, match="ids: 1 given for 2 texts"):
        ringkas.analyze_many(["a", "b"], ids=[1])
    with pytest.raises(ValueError, match="errors: `ignore` is not one of record, raise"):
        ringkas.analyze_many(["a"], errors="ignore")
    with pytest.raises(TypeError, match="idf: expected an IdfModel"):
        ringkas.analyze("a", idf=3)
