"""A site with more than one region (issue 14): the overviews of informele steun, aanbieders,
gezinshuizen and voor-scholen become a list of regions, with a page per region that keeps
the filters; every record stays reachable through plain links, without JavaScript."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from site_dom import load
from sitebouw import ROOT, make_project, run_build

BASIS = ROOT / "tests" / "corpus" / "_basis" / "data"
OVERZICHTEN = ("informele-steun/", "aanbieders/", "gezinshuizen/", "voor-scholen/")
REGIOS = ("utrecht-west", "zuidoost-utrecht")


def _tweede_regio(data: Path) -> None:
    """Copies of the tiny set's records, moved to Zuidoost-Utrecht (Bunnik, GM0312)."""
    kopieen = {
        "informele-steun/maatjes-woerden.yml": ("informele-steun/maatjes-bunnik.yml", {"Woerden": "Bunnik", "regio: utrecht-west": "regio: zuidoost-utrecht", "[GM0632, GM0335]": "[GM0312]"}),
        "gezinshuizen/de-linde.yml": ("gezinshuizen/de-eik.yml", {"De Linde": "De Eik", "Harmelen": "Odijk", "GM0632": "GM0312", "aanbieder: voorbeeld-jeugdhulp": "aanbieder: hulp-bunnik"}),
        "providers/voorbeeld-jeugdhulp.yml": ("providers/hulp-bunnik.yml", {"regios: [utrecht-west]": "regios: [zuidoost-utrecht]"}),
        "lokale-teams/sociaal-team-woerden.yml": ("lokale-teams/team-bunnik.yml", {"[GM0632, GM0335]": "[GM0312]", "Woerden": "Bunnik"}),
    }
    for bron, (doel, vervangingen) in kopieen.items():
        tekst = (data / bron).read_text(encoding="utf-8")
        for oud, nieuw in vervangingen.items():
            assert oud in tekst, (bron, oud)
            tekst = tekst.replace(oud, nieuw)
        tekst = re.sub(r"^naam: (.*)$", lambda m: f"naam: {m.group(1)} (Bunnik)" if "Bunnik" not in m.group(1) else m.group(0), tekst, count=1, flags=re.M)
        (data / doel).write_text(tekst, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("nationaal") / "p", BASIS)
    _tweede_regio(project / "data")
    result = run_build(project, project / "site", datum="2026-06-01")
    assert result.returncode == 0, result.output
    return project / "site"


def _links(site: Path, pad: str) -> set[str]:
    """Pages linked from the page at `pad`, as site paths ('aanbieders/hulp-bunnik/')."""
    inhoud = load(site / pad / "index.html").find("article") or load(site / pad / "index.html")
    gevonden = set()
    for a in inhoud.find_all("a"):
        href = a.get("href") or ""
        if href and not re.match(r"^[a-z]+:|^#", href):
            gevonden.add(posixpath.normpath(posixpath.join(pad, href.split("#")[0])).lstrip("./") + "/")
    return gevonden


@pytest.mark.parametrize("overzicht", OVERZICHTEN)
def test_a_national_overview_lists_its_regions_and_no_records(site: Path, overzicht: str) -> None:
    pagina = load(site / overzicht / "index.html")
    keuze = pagina.find("ul", class_="sk-regio-keuze")
    assert keuze is not None
    assert {overzicht + f"regio/{r}/" for r in REGIOS} <= _links(site, overzicht)
    assert pagina.find("form") is None or not pagina.find("form").get("data-filter-lijst")  # the filters live on the region pages
    assert "Bunnik" in keuze.text and "Woerden" in keuze.text  # the gemeenten say which region is yours


def test_each_region_page_keeps_the_filter_and_only_its_own_records(site: Path) -> None:
    uw = load(site / "informele-steun/regio/utrecht-west/index.html")
    zou = load(site / "informele-steun/regio/zuidoost-utrecht/index.html")
    assert uw.find("form", class_="sk-filter") is not None and zou.find("form", class_="sk-filter") is not None
    assert "Maatjes Woerden" in uw.find("ul", id="steun-lijst").text and "Bunnik" not in uw.find("ul", id="steun-lijst").text
    assert "Maatjes Bunnik" in zou.find("ul", id="steun-lijst").text
    opties = [o.text for o in zou.find("select", id="filter-gemeente").find_all("option")]
    assert "Bunnik" in opties and "Woerden" not in opties
    assert "informele-steun/" in _links(site, "informele-steun/regio/zuidoost-utrecht/")  # back to the choice
    gezinshuizen = load(site / "gezinshuizen/regio/zuidoost-utrecht/index.html")
    assert "Odijk" in gezinshuizen.find("table").text and "Harmelen" not in gezinshuizen.find("table").text
    assert (site / "gezinshuizen/regio/zuidoost-utrecht/kaart.html").exists()


def test_every_record_is_two_plain_links_from_its_overview(site: Path) -> None:
    bereikt = set()
    for overzicht in OVERZICHTEN:
        for regio_pagina in (p for p in _links(site, overzicht) if p.startswith(overzicht + "regio/")):
            bereikt |= _links(site, regio_pagina)
    verwacht = {"informele-steun/maatjes-woerden/", "informele-steun/maatjes-bunnik/",
                "aanbieders/voorbeeld-jeugdhulp/", "aanbieders/hulp-bunnik/",
                "voor-scholen/sociaal-team-woerden/", "voor-scholen/team-bunnik/"}
    assert verwacht <= bereikt
    tabellen = " ".join(load(site / f"gezinshuizen/regio/{r}/index.html").find("table").text for r in REGIOS)
    assert "De Linde" in tabellen and "De Eik" in tabellen
