"""The DataFrame example runs and fills its columns (needs pandas, which CI installs)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO


def test_dataframe_example_runs():
    pytest.importorskip("pandas")
    done = subprocess.run(
        [sys.executable, str(REPO / "python" / "examples" / "dataframe.py")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    samples = len(list((REPO / "samples").iterdir()))
    assert done.stdout.startswith(f"{samples} articles\n")
    assert "banjir" in done.stdout
