"""The product's tests belong to the product, not to its example data.

A region that adopts this product replaces data/ with its own and must keep a green suite for
the code it did not write. This test does exactly that: a copy of the repository with data/
replaced by a small other region (tests/fixtures/andere-regio: three gemeenten, one lokaal team,
a few initiatives, no agenda, no gezinshuizen), and the suite run in it.

The copy runs every test except the real-browser ones (tests/browser/, half the suite's time):
they open sites built from tests/fixtures through the same fixtures as the rest, and a check
below makes sure no test module but test_shipped_data.py names the repository's data/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebouw import ROOT

BINNEN = "SOCIALEKAART_SUITE_IN_KOPIE"  # set in the copy's run, so this test does not run itself again
ANDERE_REGIO = ROOT / "tests" / "fixtures" / "andere-regio" / "data"
_OVERAL_WEG = shutil.ignore_patterns(".git", ".venv*", "__pycache__", ".pytest_cache", "*.egg-info")


def _niet_kopieren(folder: str, names: list[str]) -> set[str]:
    """What the copy leaves out: tools and caches everywhere; the shipped data/ and a built site/ at the top."""
    weg = set(_OVERAL_WEG(folder, names))
    if Path(folder) == ROOT:
        weg |= {"data", "site"} & set(names)
    return weg


@pytest.mark.skipif(bool(os.environ.get(BINNEN)), reason="draait al in de kopie")
def test_the_whole_suite_is_green_with_another_regions_data(tmp_path: Path) -> None:
    kopie = tmp_path / "repository"
    shutil.copytree(ROOT, kopie, ignore=_niet_kopieren, symlinks=True)
    shutil.copytree(ANDERE_REGIO, kopie / "data")
    assert not (kopie / "data" / "agendas").exists() and not (kopie / "data" / "gezinshuizen").exists()

    env = {**os.environ, BINNEN: "1", "PYTHONPATH": str(kopie)}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", "--ignore", "tests/browser"],
        cwd=kopie, env=env, capture_output=True, text=True, timeout=1800,
    )
    uitvoer = proc.stdout + proc.stderr
    assert proc.returncode == 0, uitvoer[-6000:]
    geslaagd = re.search(r"(\d+) passed", uitvoer)
    assert geslaagd and int(geslaagd.group(1)) > 300, uitvoer[-3000:]
    # The shipped-data module ran its check and strict build on the other region's data,
    # and skipped only the facts about the example region.
    assert "test_the_strict_build_of_the_shipped_data_succeeds" not in uitvoer
    assert "data/ bevat regio utrecht-west niet" in uitvoer


# Ways a test module could name the repository's own data folder: a path from the repository
# root or from the test file up ("data/..." in messages and temporary projects is something else).
_EIGEN_DATA = re.compile(r"""(ROOT|parents?\[?\d*\]?|parent)\s*/\s*["']data["']""")


def test_no_product_test_names_the_shipped_data() -> None:
    """Only test_shipped_data.py reads the repository's data/. Every other test module that says
    "data" means the data/ folder of a temporary project or fixture (make_project, tmp_path,
    a fixture's path): this keeps it that way, and lets the copy above leave out tests/browser."""
    eigen = {"test_shipped_data.py", Path(__file__).name}
    modules = sorted(p for p in (ROOT / "tests").rglob("*.py") if p.name not in eigen)
    assert len(modules) > 30
    assert [m.relative_to(ROOT).as_posix() for m in modules if _EIGEN_DATA.search(m.read_text(encoding="utf-8"))] == []
    assert _EIGEN_DATA.search('check(ROOT / "data")') and _EIGEN_DATA.search("Path(__file__).parents[2] / 'data'")


def test_a_region_without_an_agenda_says_so_on_the_agenda_page(tmp_path: Path) -> None:
    from site_dom import load
    from sitebouw import make_project, run_build

    result = run_build(make_project(tmp_path / "p", ANDERE_REGIO), tmp_path / "site")
    assert result.returncode == 0, result.output
    tekst = load(tmp_path / "site" / "agenda" / "index.html").find("article", class_="md-content__inner").text
    assert "Er staat nog geen regionale agenda op deze site." in tekst
