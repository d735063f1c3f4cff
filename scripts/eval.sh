#!/usr/bin/env bash
# Regenerate the README's quality tables from a clone: builds ringkas (release), makes a virtual
# environment in eval/.venv with PySastrawi (the keyword metric's word normaliser; pip needs the
# Python package index), runs eval/run.py on eval/data/ and writes the tables between the
# `quality-table` markers of README.md. Takes seconds after the build.
#
#   scripts/eval.sh                 # the tables, written into README.md
#   scripts/eval.sh --print         # the tables on stdout only
#   STEM_GOLD=stem-dev.tsv scripts/eval.sh   # add the stemming row (word<TAB>root pairs, not shipped)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
if [ ! -x eval/.venv/bin/python ]; then
    python3 -m venv eval/.venv
    eval/.venv/bin/pip install --quiet PySastrawi==1.2.1
fi
args=(table --ringkas target/release/ringkas)
if [ -n "${STEM_GOLD:-}" ]; then args+=(--stem-gold "$STEM_GOLD"); fi
tables=$(eval/.venv/bin/python eval/run.py "${args[@]}")
if [ "${1:-}" = "--print" ]; then
    printf '%s\n' "$tables"
    exit 0
fi
TABLES="$tables" python3 - <<'PY'
import os, re
path = "README.md"
text = open(path, encoding="utf-8").read()
start, end = "<!-- quality-table:start -->", "<!-- quality-table:end -->"
if start not in text or end not in text:
    raise SystemExit("README.md: no quality-table markers")
head, rest = text.split(start, 1)
_, tail = rest.split(end, 1)
open(path, "w", encoding="utf-8").write(f"{head}{start}\n{os.environ['TABLES']}\n{end}{tail}")
PY
echo "README.md: quality tables rewritten (git diff README.md)"
