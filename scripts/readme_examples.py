#!/usr/bin/env python3
"""Run the README's shell examples, as written, against a fresh build (CI: .ci/run).

Every line of every ```sh block runs with bash (pipefail) in a scratch folder holding the files
the examples name (berita.txt, artikel/, data.jsonl, ... made from samples/ and eval/data/), with
a fresh empty HOME and the built `ringkas` first on PATH, and must exit 0. Skipped, and listed:
lines that need the network or tools CI lacks (cargo install, pip, Spark). `| less -R` is
dropped (no pager without a terminal).

    python3 scripts/readme_examples.py [--ringkas target/debug/ringkas]
"""

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Needs the network (curl), a package index, a toolchain home (cargo) or tools CI lacks.
SKIP = re.compile(r"^(cargo install|cargo build|pip install|spark-submit|curl )|\bspark\.jsonl\b|\bout/part-")


def commands(readme):
    """The command lines of the ```sh blocks, continuation lines joined, comments dropped."""
    for block in re.findall(r"```sh\n(.*?)```", readme, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def fixtures(dir, ringkas):
    samples = sorted((ROOT / "samples").glob("*.*"))
    shutil.copytree(ROOT / "samples", dir / "samples")
    shutil.copy(ROOT / "samples" / "berita-banjir.txt", dir / "berita.txt")
    shutil.copy(samples[0], dir / "a.txt")
    shutil.copy(ROOT / "samples" / "opini-literasi-digital.md", dir / "b.md")
    for folder in ("artikel", "arsip", "arsip/2023", "baru", "harian"):
        (dir / folder).mkdir(parents=True, exist_ok=True)
        for s in samples:
            shutil.copy(s, dir / folder / s.name)
    with open(ROOT / "eval" / "data" / "indosum-dev.jsonl", encoding="utf-8") as f:
        recs = [json.loads(line) for line, _ in zip(f, range(40))]
    lines = [json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in recs]
    (dir / "data.jsonl").write_text("".join(lines), encoding="utf-8")
    (dir / "berita.jsonl").write_text("".join(lines), encoding="utf-8")
    (dir / "shard-07.jsonl").write_text("".join(lines[:20]), encoding="utf-8")
    (dir / "shards").mkdir()
    (dir / "models").mkdir()
    # A web page for the HTML examples: one of our own test pages.
    (dir / "halaman.html").write_bytes((ROOT / "tests/data/markup/berita-sidebar.html").read_bytes())
    (dir / "shards" / "01.jsonl").write_text("".join(lines[:20]), encoding="utf-8")
    (dir / "shards" / "02.jsonl").write_text("".join(lines[20:]), encoding="utf-8")
    with gzip.open(dir / "dump.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps({"id": r["id"], "isi": r["text"]}) + "\n" for r in recs)
    for name, part in (("a.idf", "shards/01.jsonl"), ("b.idf", "shards/02.jsonl"),
                       ("2024.idf", "shards/02.jsonl")):
        subprocess.run([ringkas, "idf", "build", "--input", "jsonl", part, "-o", name, "-q"],
                       cwd=dir, check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ringkas", default=str(ROOT / "target" / "debug" / "ringkas"))
    a = ap.parse_args()
    ringkas = str(Path(a.ringkas).resolve())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    failed, ran, skipped = [], 0, []
    with tempfile.TemporaryDirectory(prefix="ringkas-readme-") as tmp:
        work, home, bin_dir = Path(tmp) / "work", Path(tmp) / "home", Path(tmp) / "bin"
        for d in (work, home, bin_dir):
            d.mkdir()
        os.symlink(ringkas, bin_dir / "ringkas")
        fixtures(work, ringkas)
        env = {"HOME": str(home), "PATH": f"{bin_dir}:{os.environ.get('PATH', '/usr/bin:/bin')}",
               "LANG": "C.UTF-8"}
        for line in commands(readme):
            if SKIP.search(line):
                skipped.append(line)
                continue
            cmd = line.replace("| less -R", "")
            proc = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=work, env=env,
                                  stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
            ran += 1
            if proc.returncode != 0:
                failed.append((line, proc.returncode, proc.stderr.decode("utf-8", "replace")[-400:]))
    for line in skipped:
        print(f"skipped (network or tools CI lacks): {line}")
    for line, code, err in failed:
        print(f"FAILED (exit {code}): {line}\n{err}", file=sys.stderr)
    print(f"README examples: {ran} run, {len(failed)} failed, {len(skipped)} skipped")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
