"""The benchmarks still run: they are not timed here, only kept from rotting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def test_check_benchmark_runs_on_generated_data_that_is_valid() -> None:
    # 2,500 files: enough for the loader's second process, so that path runs for real too.
    # The script itself fails if check() finds any problem in the generated records.
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "check_10k.py"), "--records", "2500", "--runs", "1"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "2500 records" in result.stdout
    assert "check(): " in result.stdout and "socialekaart check" in result.stdout and "valideren: " in result.stdout


def test_search_benchmark_runs_on_a_small_generated_site() -> None:
    # Both engines on one small generated site, in Chromium; figures printed, not judged.
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Chromium ontbreekt op /usr/bin/chromium (apt-get install chromium)")
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "zoeken.py"), "--records", "300", "--keer", "1"],
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr
    assert "lunr (CPU 4x trager" in result.stdout and "Pagefind (CPU 4x trager" in result.stdout
    assert "download voor de eerste zoekvraag" in result.stdout
