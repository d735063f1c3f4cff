"""Shared helpers: the ringkas CLI the module is compared with, and test documents."""

from __future__ import annotations

import json
import os
import random
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "samples").iterdir())


def cli_path() -> Path:
    """The CLI built from the same checkout: $RINGKAS_BIN, else target/{release,debug}."""
    env = os.environ.get("RINGKAS_BIN")
    if env:
        return Path(env)
    for profile in ("release", "debug"):
        path = REPO / "target" / profile / "ringkas"
        if path.exists():
            return path
    pytest.fail("no ringkas binary: run `cargo build` at the repository root or set RINGKAS_BIN")


class Cli:
    def __init__(self, path: Path):
        self.path = path

    def run(self, *args: str, stdin: bytes | str | None = None, check: bool = True):
        if isinstance(stdin, str):
            stdin = stdin.encode()
        done = subprocess.run(
            [str(self.path), *args],
            input=stdin if stdin is not None else b"",
            capture_output=True,
            env={"PATH": os.environ.get("PATH", ""), "NO_COLOR": "1"},
        )
        if check and done.returncode != 0:
            raise AssertionError(
                f"ringkas {' '.join(args)} exited {done.returncode}: {done.stderr.decode()}"
            )
        return done

    def json(self, *args: str, stdin: bytes | str | None = None):
        return json.loads(self.run("--format", "json", "-q", *args, stdin=stdin).stdout)


@pytest.fixture(scope="session")
def cli() -> Cli:
    return Cli(cli_path())


def canonical(value) -> str:
    """The comparison the issue asks for: JSON with sorted keys."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def sample_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SAMPLES]


def mixed_corpus(n: int, seed: int = 18) -> list[str]:
    """`n` documents of two to twelve sentences drawn from the samples, with a title line:
    enough documents for several of the pipeline's chunks (128 each) and a real corpus IDF."""
    import ringkas

    pool = [s for text in sample_texts() for s in ringkas.sentences(text) if len(s) > 20]
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        body = rng.sample(pool, rng.randint(2, min(12, len(pool))))
        docs.append(f"Berita {i}\n\n" + " ".join(body) + "\n")
    return docs
