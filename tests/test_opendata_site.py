"""Open data on the built site: the files under /open-data/, the page with licence, export
date and data dictionary, privacy and validity of what the site offers, and the licence
setting in mkdocs.yml."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from opendata_gates import datapackage_fouten, hsds_json_fouten, privacy_fouten
from site_dom import Node, load
from sitebouw import FIXTURE_DATA, make_project, run_build

from socialekaart.check import load_checked

OPEN_DATA = "open-data"


def _downloads(pagina: Node) -> list[str]:
    return [a.get("href") or "" for a in pagina.find_all("a") if "download" in a.attrs]


def _datapackage(site: Path) -> dict:
    return json.loads((site / OPEN_DATA / "hsds" / "datapackage.json").read_text(encoding="utf-8"))


def test_every_export_file_is_on_the_page_and_every_link_works(built_site: Path) -> None:
    map_ = built_site / OPEN_DATA
    pagina = load(map_ / "index.html")
    gelinkt = {posixpath.normpath(href) for href in _downloads(pagina)}
    assert gelinkt, "no downloads on the page"
    for href in gelinkt:
        assert (map_ / href).is_file(), href
    eigen = {p.name for p in map_.iterdir() if p.suffix in (".csv", ".json", ".geojson")}
    assert eigen <= gelinkt
    assert {"informele-steun.csv", "informele-steun.json", "informele-steun.geojson", "gezinshuizen.geojson"} <= eigen
    assert {"hsds/datapackage.json", "hsds/json/services.json", "hsds/json/organizations.json"} <= gelinkt
    for resource in _datapackage(built_site)["resources"]:
        assert (map_ / "hsds" / resource["path"]).is_file(), resource["path"]


def test_page_states_the_licence_and_the_export_date(built_site: Path) -> None:
    pagina = load(built_site / OPEN_DATA / "index.html")
    tekst = pagina.text
    assert "CC0-1.0" in tekst and "zonder voorwaarden" in tekst
    assert any((a.get("href") or "").startswith("https://creativecommons.org/publicdomain/zero/1.0") for a in pagina.find_all("a"))
    datum = next(t.get("datetime") for t in pagina.find_all("time"))
    assert _datapackage(built_site)["created"].startswith(datum)
    assert date.fromisoformat(datum)
    assert "--scheidingsteken ';'" in tekst  # the ';' option is documented
    menu = [a.text for a in pagina.find_all("a", class_="md-nav__link")]
    assert "Open data" in menu


def test_page_lists_what_open_data_leaves_out_with_the_reason(built_site: Path) -> None:
    from socialekaart.opendata.publiek import niet_gepubliceerd

    pagina = load(built_site / OPEN_DATA / "index.html")
    tabel = next(t for t in pagina.find_all("table") if (c := t.find("caption")) and c.text == "Velden die niet in de open data staan")
    rijen = [(rij.find_all("td")[0].text.strip(), rij.find("th").text.strip(), rij.find_all("td")[1].text.strip())
             for rij in tabel.find_all("tr") if rij.find("td")]
    assert rijen == niet_gepubliceerd()
    assert ("Gezinshuizen", "beschrijving") in [r[:2] for r in rijen]
    assert ("Lokale teams", "contactpersonen.toestemming_op") in [r[:2] for r in rijen]


def test_data_dictionary_explains_every_column(built_site: Path) -> None:
    map_ = built_site / OPEN_DATA
    pagina = load(map_ / "index.html")
    uitleg = {}
    for tabel in pagina.find_all("table"):
        bijschrift = tabel.find("caption")
        if bijschrift and bijschrift.text.startswith("Velden in "):
            uitleg[bijschrift.text.removeprefix("Velden in ")] = {
                rij.find("th").text: rij.find("td").text for rij in tabel.find_all("tr") if rij.find("td")
            }
    for pad in sorted(map_.glob("*.csv")):
        kop = next(csv.reader(io.StringIO(pad.read_text(encoding="utf-8-sig"))))
        assert pad.name in uitleg, pad.name
        for kolom in kop:
            assert uitleg[pad.name].get(kolom), f"{pad.name}: {kolom} has no explanation"
    assert "Naam van het initiatief." in uitleg["informele-steun.csv"]["naam"]
    assert "2 decimalen" in uitleg["gezinshuizen.csv"]["coordinaten_lat"]


def test_site_export_is_valid_hsds_and_private(built_site: Path) -> None:
    map_ = built_site / OPEN_DATA
    assert hsds_json_fouten(map_ / "hsds") == []
    assert datapackage_fouten(map_ / "hsds") == []
    datum = date.fromisoformat(_datapackage(built_site)["created"][:10])
    assert privacy_fouten(map_, load_checked(FIXTURE_DATA, datum)) == []
    assert (map_ / "informele-steun.csv").read_bytes().startswith("\ufeff".encode())


def _met_licentie(mkdocs_yml: Path, waarde: str) -> None:
    """Set extra.socialekaart.licentie in the project's mkdocs.yml."""
    config = yaml.safe_load(mkdocs_yml.read_text(encoding="utf-8"))
    config.setdefault("extra", {}).setdefault("socialekaart", {})["licentie"] = waarde
    mkdocs_yml.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize("licentie", ["CC-BY-4.0"])
def test_the_region_sets_the_licence_in_mkdocs_yml(tmp_path: Path, licentie: str) -> None:
    project = make_project(tmp_path / "p")
    _met_licentie(project / "mkdocs.yml", licentie)
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert licentie in load(tmp_path / "site" / OPEN_DATA / "index.html").text
    assert _datapackage(tmp_path / "site")["licenses"][0]["name"] == licentie


def test_widget_per_gemeente_shows_its_steun_and_team_and_loads_nothing(built_site: Path) -> None:
    from socialekaart.site.data import SiteData
    from socialekaart.site.paden import slug

    datum = date.fromisoformat(_datapackage(built_site)["created"][:10])
    site = SiteData(load_checked(FIXTURE_DATA, datum), datum)
    gemeenten = site.gemeenten()
    assert gemeenten
    for _, gemeente in gemeenten:
        pad = built_site / "widget" / slug(gemeente.naam) / "index.html"
        html = pad.read_text(encoding="utf-8")
        doc = load(pad)
        assert "<script" not in html and "md-header" not in html  # standalone: no scripts, no site chrome
        namen = [a.text for a in doc.find_all("a", class_="naam")]
        assert namen == [i.naam for i in site.steun_in(gemeente.code)], gemeente.naam
        for team in site.teams_in(gemeente.code):
            assert team.naam in doc.text
        for node in doc.iter():
            for attr in ("src", "href"):
                waarde = node.get(attr)
                if waarde is not None:
                    assert waarde.startswith(("../", "mailto:", "tel:")), f"{pad}: {attr}={waarde}"
    uitleg = load(built_site / "widget" / "index.html")
    iframe = uitleg.find("iframe", class_="sk-widget-voorbeeld")
    assert iframe is not None and (built_site / "widget" / (iframe.get("src") or "") / "index.html").is_file()
