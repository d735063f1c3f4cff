#!/usr/bin/env bash
# CI for the Python module, as a user meets it: the README's `pip install ./python` into a
# fresh virtual environment (pip fetches maturin from the package index to build it), then the
# module's tests, which compare it with the CLI of the same checkout. Also keeps the binding
# crate formatted and lint-clean, as .ci/run does the main crate.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --manifest-path python/Cargo.toml -- --check
cargo clippy --manifest-path python/Cargo.toml --all-targets -- -D warnings

venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check pytest pandas
"$venv/bin/python" -m pip install --disable-pip-version-check ./python

# The CLI the tests compare with: the debug build `cargo test` has just made.
cargo build --locked --quiet --bin ringkas
export RINGKAS_BIN=$PWD/target/debug/ringkas

status=0
"$venv/bin/python" -m pytest -q python/tests || status=$?
if [[ $status -eq 5 ]]; then
    echo "python/ci.sh: pytest collected no tests under python/tests" >&2
    exit 1
fi
exit "$status"
