#!/usr/bin/env bash
# The Python module against the Python tools Indonesian NLP users reach for, in one run:
#
#   python/benches/bench.sh [ARTICLES.jsonl] [-- bench.py options]
#
# Makes a virtual environment (kept in $BENCH_VENV, default python/target/bench-venv, so a
# second run starts at once), installs the module (`pip install ./python`) and the
# competitors from the package index (PySastrawi, scikit-learn, sumy, numpy), and runs
# python/benches/bench.py on the articles (default: the 2,263 IndoSum training articles).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=$here/../eval/data/indosum-train.jsonl
if [[ $# -gt 0 && $1 != -- ]]; then
    data=$1
    shift
fi
[[ ${1:-} == -- ]] && shift
venv=${BENCH_VENV:-$here/target/bench-venv}
if [[ ! -x $venv/bin/python ]]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    PySastrawi==1.2.1 scikit-learn sumy numpy
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$here"
cli=$here/../target/release/ringkas
[[ -x $cli ]] && set -- --cli "$cli" "$@"
exec "$venv/bin/python" "$here/benches/bench.py" "$data" "$@"
