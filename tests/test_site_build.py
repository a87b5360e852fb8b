"""The build on other data than the shipped set: broken data, a tiny data set, dates.

Each test here runs its own `mkdocs build --strict` (a few seconds) on a small folder.
"""

from __future__ import annotations

import itertools
import os
import posixpath
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sitebouw import ROOT, make_project, run_build
from site_dom import load

from socialekaart.cli import main
from socialekaart.site import paden
from socialekaart.site.veilig import markdown_html

BASIS = ROOT / "tests/corpus/_basis/data"  # the smallest valid data set (owned by the check tests)


def _check_lines(project: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check", "data"])
    assert result.exit_code == 1
    return [line for line in result.output.splitlines() if ": fout: " in line]


def test_invalid_data_fails_with_positioned_messages_and_keeps_the_old_site(tmp_path, monkeypatch):
    project = make_project(tmp_path / "project")
    kapot = project / "data/informele-steun/buurtgezinnen-woerden.yml"
    kapot.write_text(kapot.read_text(encoding="utf-8").replace("kosten: gratis", "kosten: gratiss"), encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("vorige goede site", encoding="utf-8")
    before = {p.relative_to(site): p.stat().st_mtime_ns for p in site.rglob("*")}

    result = run_build(project, site)

    assert result.returncode != 0
    verwacht = _check_lines(project, monkeypatch)
    assert any("buurtgezinnen-woerden.yml:" in line and "kosten: 'gratiss'" in line for line in verwacht)
    for line in verwacht:
        assert line in result.output.splitlines()
    assert "Traceback" not in result.output
    assert {p.relative_to(site): p.stat().st_mtime_ns for p in site.rglob("*")} == before
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige goede site"


@pytest.fixture(scope="module")
def basis_project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("basis") / "project", BASIS)


def test_tiny_data_set_builds(basis_project, tmp_path):
    result = run_build(basis_project, tmp_path / "site", datum="2026-06-01")
    assert result.returncode == 0, result.output
    assert result.warnings == []
    site = result.site
    assert (site / paden.gemeente("Woerden") / "index.html").is_file()
    assert (site / paden.gemeente("Montfoort") / "index.html").is_file()
    # Zuidoost Utrecht has no sociale-kaart data in this set: no empty gemeente pages for it.
    assert not (site / paden.gemeente("Zeist")).exists()
    # A record page shows its places with the one shared map document, not a file of its own.
    assert not (site / paden.initiatief("maatjes-woerden") / "kaart.html").exists()
    frame = load(site / paden.initiatief("maatjes-woerden") / "index.html").find("iframe", class_="sk-kaart-frame")
    assert frame.get("src").startswith("../../assets/kaart/kaart.html#t=")
    assert (site / "assets/kaart/kaart.html").is_file()
    assert (site / paden.gemeente("Woerden") / "kaart.html").is_file()  # an overview keeps its own, with links


@pytest.mark.parametrize(("datum", "vrij"), [("2026-06-01", "1"), ("2026-07-01", "onbekend")])
def test_free_places_are_judged_against_the_build_date(basis_project, tmp_path, datum, vrij):
    # de-linde.yml: 1 place free, counted on 2026-05-20.
    result = run_build(basis_project, tmp_path / "site", datum=datum)
    assert result.returncode == 0, result.output
    row = load(result.site / "gezinshuizen/index.html").find("table").find_all("tr")[1]
    assert row.find_all("td")[3].text.split(" ")[0] == vrij


def test_page_generation_does_not_need_mkdocs():
    code = (
        "import sys; from datetime import date; from pathlib import Path\n"
        "from socialekaart.check import load_checked\n"
        "from socialekaart.site.build import genereer\n"
        "from socialekaart.site.data import SiteData\n"
        f"uit = genereer(SiteData(load_checked(Path({str(BASIS)!r}), date(2026, 6, 1)), date(2026, 6, 1)))\n"
        "assert 'informele-steun/maatjes-woerden/index.md' in uit.paginas\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')], 'mkdocs geladen'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env={**os.environ})


def test_hand_written_pages_carry_no_edit_pencil(built_site):
    # Issue 13, part 6: public pages carry no editing controls (tests/test_publieke_paginas.py).
    assert load(built_site / "over/index.html").find("a", rel="edit") is None


@pytest.mark.parametrize(
    ("markdown", "niet", "wel"),
    [
        ("[klik](javascript:alert(1))", "javascript:", "klik"),
        ("<script>alert(1)</script> tekst", "<script", "tekst"),
        ('<img src=x onerror="alert(1)">', "onerror", ""),
        ("[site](data:text/html,hoi)", "data:", "site"),
        ("# Kop", "<h1", "<strong>Kop</strong>"),
    ],
)
def test_markdown_is_sanitised(markdown, niet, wel):
    html = str(markdown_html(markdown))
    assert niet not in html
    assert wel in html


def test_markdown_keeps_safe_links():
    html = str(markdown_html("Bel [030 123 4567](tel:0301234567) of [mail](mailto:a@example.org) of [web](https://example.org)"))
    assert 'href="tel:0301234567"' in html and 'href="mailto:a@example.org"' in html and 'href="https://example.org"' in html


@pytest.mark.parametrize(
    ("van", "naar", "link"),
    [
        ("gemeenten/woerden/", "informele-steun/x/", "../../informele-steun/x/"),
        ("", "gemeenten/woerden/", "gemeenten/woerden/"),
        ("voor-scholen/", "voor-scholen/team/", "team/"),
        ("gezinshuizen/", "gezinshuizen/", "./"),
        ("aanbieders/a/", "assets/kaart/", "../../assets/kaart/"),
    ],
)
def test_relative_urls(van, naar, link):
    assert paden.relative_url(van, naar) == link


def test_relative_urls_agree_with_posixpath_relpath():
    """The quick path of relative_url gives what posixpath.relpath gives, for every shape."""
    delen = ["informele-steun", "x-1", "x", "assets", "kaart", "kaart.html", "index.html", "regio"]
    paden_ = [""] + ["/".join(p) for k in (1, 2, 3) for p in itertools.product(delen, repeat=k)]
    for van in [p + "/" for p in paden_ if p and "." not in p][:120] + [""]:
        for naar in paden_[::7] + [p + "/" for p in paden_[::11] if p]:
            verwacht = posixpath.relpath("/" + naar, "/" + van)
            if naar.endswith("/") or naar == "":
                verwacht = "./" if verwacht == "." else verwacht + "/"
            assert paden.relative_url(van, naar) == verwacht, (van, naar)
