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
        [sys.executable, str(BENCHMARKS / "zoeken.py"), "--records", "300", "--keer", "1", "--vragen", "maatje", "--met-lunr"],
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr
    assert "lunr (CPU 4x trager" in result.stdout and "Pagefind, telefoon (Lighthouse mobiel" in result.stdout
    assert "Pagefind, ongeremd" in result.stdout
    assert "download tot eerste resultaat" in result.stdout and "warm (laatste toets tot resultaat)" in result.stdout


def test_national_benchmark_generates_valid_data_that_checks_and_builds() -> None:
    # A small scale of the national set, through `socialekaart check` and both builds: the
    # script stops with an error when either fails, so generator and script cannot rot.
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "nationaal.py"), "--schaal", "0.02", "--keer", "1"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for figure in ("socialekaart check", "mkdocs build --strict", "gewone MkDocs + Material", "piekgeheugen build",
                   "grootste pagina", "kaarten samen", "eerste zoekopdracht"):
        assert figure in result.stdout


def test_serve_benchmark_saves_every_kind_of_file_without_a_full_build() -> None:
    # `mkdocs serve` on a small national set: every kind of save in the script (an edit, a new
    # and a removed file, an agenda item, two saves in a row, a region file) must reach the
    # browser, or the script stops with an error; and serve never fell back to a full build.
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "serve_herbouw.py"), "--schaal", "0.02", "--keer", "1", "--rust", "0.2"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for soort in ("beschrijving", "naam", "gemeente", "nieuw bestand en weer weg", "agendapunt", "twee keer kort na elkaar",
                  "naam van een gemeente (regiobestand)"):
        assert f"\n{soort}: opgeslagen -> pagina nieuw: " in result.stdout, soort
    assert "volledige builds na de eerste: 0" in result.stdout


def test_national_generator_is_deterministic_and_spreads_records_over_all_gemeenten(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from check_10k import NATIONAAL_GEMEENTEN, write_national
    finally:
        sys.path.remove(str(BENCHMARKS))
    counts = write_national(tmp_path / "a", 0.1, zaad=7)
    write_national(tmp_path / "b", 0.1, zaad=7)
    write_national(tmp_path / "c", 0.1, zaad=8)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yml"))
    assert len(files) == sum(counts.values()) and counts["regios"] == 40 and counts["informele-steun"] == 600
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
    assert any((tmp_path / "a" / f).read_bytes() != (tmp_path / "c" / f).read_bytes() for f in files)
    regio_tekst = "".join(p.read_text() for p in (tmp_path / "a" / "regios").glob("*.yml"))
    assert regio_tekst.count("- code: GM") == NATIONAAL_GEMEENTEN
    # Gezinshuizen at plaats level only: no address field, coordinates with at most 2 decimals.
    huis = (tmp_path / "a" / "gezinshuizen" / "gezinshuis-0.yml").read_text()
    assert "adres" not in huis and "postcode" not in huis
    lat = huis.split("lat: ")[1].split(",")[0]
    assert len(lat.split(".")[1]) <= 2
