"""The region's identity (extra.socialekaart in mkdocs.yml): checked like data, and the only
source of names, addresses and organisation on the site.

A second fixture region (tests/fixtures/rivierenland) is built with its own identity; its
site must not contain a trace of the example region the repository ships.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml  # mkdocs.yml has no custom tags
from click.testing import CliRunner
from site_dom import load
from sitebouw import ROOT, make_project, run_build

from socialekaart.cli import main
from socialekaart.instellingen import Instellingen, lees_instellingen
from socialekaart.problems import DataError
from socialekaart.site.correctie import correctie_mailto, pagina_url

RIVIERENLAND = ROOT / "tests" / "fixtures" / "rivierenland" / "data"
IDENTITEIT = {
    "regio": "Regio Rivierenland",
    "organisatie": "Stichting Jeugd aan de Rivieren",
    "correctie_email": "meldpunt@rivieren.example.org",
    "privacy_contact": "fg@rivieren.example.org",
    "licentie": "CC-BY-4.0",
}
# Anything of the example region the repository ships (data, mkdocs.yml, statements).
VREEMD = ("utrecht west", "utrecht-west", "voorbeeld-regio", "woerden", "montfoort", "oudewater",
          "stichtse vecht", "ronde venen", "correcties@example.org", "privacy@example.org")


def region_project(target: Path, data: Path, identiteit: dict | None, **config) -> Path:
    """A project with the real site files, `data`, and mkdocs.yml set to another region."""
    make_project(target, data)
    mkdocs = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    mkdocs.update(config)
    if identiteit is None:
        mkdocs.pop("extra")
    else:
        mkdocs["extra"] = {"socialekaart": identiteit}
    (target / "mkdocs.yml").write_text(yaml.safe_dump(mkdocs, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def rivierenland_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("rivierenland")
    project = region_project(
        base / "p", RIVIERENLAND, IDENTITEIT,
        site_name="Sociale kaart Rivierenland", site_url="https://jeugd.rivieren.example.org/kaart/",
        repo_url="https://git.example.org/rivierenland/kaart", repo_name="rivierenland/kaart",
    )
    result = run_build(project, base / "site", datum="2026-06-01")
    assert result.returncode == 0, result.output
    return result.site


def test_no_trace_of_the_example_region_anywhere(rivierenland_site):
    files = [p for p in rivierenland_site.rglob("*") if p.is_file()]
    assert len(files) > 20
    hits = []
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace").casefold()
        hits += [f"{path.relative_to(rivierenland_site)}: {word}" for word in VREEMD if word in text]
    assert hits == []


def test_the_site_shows_its_own_identity(rivierenland_site):
    home = load(rivierenland_site / "index.html")
    assert "in Regio Rivierenland." in home.text and "Regio Regio" not in home.text
    assert "Een site van Stichting Jeugd aan de Rivieren" in home.text and "CC-BY-4.0" in home.text
    privacy = load(rivierenland_site / "privacy" / "index.html")
    assert privacy.find("a", href="mailto:fg@rivieren.example.org") is not None
    assert "Stichting Jeugd aan de Rivieren is verantwoordelijk" in privacy.text
    toegankelijkheid = load(rivierenland_site / "toegankelijkheid" / "index.html")
    assert toegankelijkheid.find("a", href="mailto:meldpunt@rivieren.example.org") is not None
    for pad in ("gemeenten", "gemeenten/tiel"):
        assert "Regio Regio" not in load(rivierenland_site / pad / "index.html").text


def test_correction_mail_comes_from_the_identity(rivierenland_site):
    doc = load(rivierenland_site / "lokale-teams" / "sociaal-team-tiel" / "index.html")
    link = urlsplit(doc.find("a", class_="sk-klopt-niet").get("href"))
    assert link.scheme == "mailto" and link.path == "meldpunt@rivieren.example.org"
    body = parse_qs(link.query)["body"][0]
    assert "Pagina: https://jeugd.rivieren.example.org/kaart/lokale-teams/sociaal-team-tiel/" in body
    assert doc.find("a", class_="sk-bewerken").get("href") == "https://git.example.org/rivierenland/kaart/edit/main/data/lokale-teams/sociaal-team-tiel.yml"


# --- validation: Dutch, positioned, before anything is written --------------------------------


def _mkdocs(tmp_path: Path, tekst: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(tekst, encoding="utf-8")
    return path


def _fouten(path: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        lees_instellingen(path, yaml.safe_load(path.read_text(encoding="utf-8")).get("extra"))
    return [p.gcc() for p in info.value.problems]


GOED = "site_name: X\nextra:\n  socialekaart:\n    regio: Regio X\n    organisatie: Gemeente X\n    correctie_email: a@example.org\n    privacy_contact: b@example.org\n"


def test_valid_identity_and_licence_default(tmp_path):
    path = _mkdocs(tmp_path, GOED)
    instellingen = lees_instellingen(path, yaml.safe_load(GOED)["extra"])
    assert instellingen == Instellingen(regio="Regio X", organisatie="Gemeente X", correctie_email="a@example.org", privacy_contact="b@example.org")
    assert instellingen.licentie == "CC0-1.0" and instellingen.regio_naam == "Regio X"


def test_misspelled_setting_says_what_was_meant(tmp_path):
    path = _mkdocs(tmp_path, GOED.replace("correctie_email", "correctie_mail"))
    assert _fouten(path) == ["mkdocs.yml:6:5: fout: extra.socialekaart.correctie_mail: onbekend veld 'correctie_mail'; bedoelde je 'correctie_email'?"]


def test_bad_email_is_positioned(tmp_path):
    path = _mkdocs(tmp_path, GOED.replace("a@example.org", "geen-adres"))
    assert _fouten(path) == ["mkdocs.yml:6:22: fout: extra.socialekaart.correctie_email: 'geen-adres' is geen geldig e-mailadres; gebruik bijvoorbeeld 'info@voorbeeld.nl'"]


def test_missing_setting_and_missing_block(tmp_path):
    path = _mkdocs(tmp_path, GOED.replace("    privacy_contact: b@example.org\n", ""))
    assert _fouten(path) == ["mkdocs.yml:3:3: fout: extra.socialekaart.privacy_contact: verplicht veld 'privacy_contact' ontbreekt. E-mailadres voor vragen over privacy (de functionaris gegevensbescherming)."]
    path = _mkdocs(tmp_path, GOED.replace("socialekaart:", "socialkaart:"))
    [fout] = _fouten(path)
    assert fout.startswith("mkdocs.yml:3:3: fout: extra.socialekaart: het blok 'extra.socialekaart' met de gegevens van de regio ontbreekt")
    assert fout.endswith("bedoelde je 'socialekaart'?")


@pytest.mark.parametrize(("tag", "positie"), [
    ("!ENV [SITE_NAAM, X]", "6:22"),  # MkDocs' own tag on a list: the safe reader still finds positions
    ("!!python/name:material.extensions.emoji.twemoji", "1:1"),  # refused by the safe reader: the message stays, at the top
])
def test_mkdocs_tags_do_not_stop_the_message(tmp_path, tag, positie):
    path = _mkdocs(tmp_path, GOED.replace("site_name: X", f"site_name: {tag}").replace("a@example.org", "geen-adres"))
    extra = {"socialekaart": {**yaml.safe_load(GOED)["extra"]["socialekaart"], "correctie_email": "geen-adres"}}
    with pytest.raises(DataError) as info:
        lees_instellingen(path, extra)
    assert [p.gcc() for p in info.value.problems] == [
        f"mkdocs.yml:{positie}: fout: extra.socialekaart.correctie_email: 'geen-adres' is geen geldig e-mailadres; gebruik bijvoorbeeld 'info@voorbeeld.nl'"
    ]


def test_build_with_a_bad_identity_fails_in_dutch_and_writes_nothing(tmp_path):
    identiteit = {**IDENTITEIT, "privacy_contact": "niet-goed"}
    project = region_project(tmp_path / "p", RIVIERENLAND, identiteit)
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert re.search(r"mkdocs\.yml:\d+:\d+: fout: extra\.socialekaart\.privacy_contact: 'niet-goed' is geen geldig e-mailadres", result.output)
    assert "Traceback" not in result.output
    assert not (tmp_path / "site").exists()
    project = region_project(tmp_path / "q", RIVIERENLAND, None)
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1 and "het blok 'extra.socialekaart'" in result.output
    assert not (tmp_path / "site").exists()


def test_correction_links_on_every_record_page(built_site):
    """Every record page of the fixture site: a mailto with subject, record id and page URL."""
    gezien = 0
    for path in built_site.glob("*/*/index.html"):
        doc = load(path)
        edit = doc.find("a", class_="sk-bewerken")
        if edit is None:
            continue
        link = doc.find("a", class_="sk-klopt-niet")
        href = link.get("href")
        assert " " not in href and "\n" not in href  # encoded
        parts = urlsplit(href)
        query = parse_qs(parts.query)
        pad = path.parent.relative_to(built_site).as_posix()
        record = unquote(urlsplit(edit.get("href")).path).split("/data/", 1)[1].removesuffix(".yml")
        assert parts.scheme == "mailto" and parts.path == "correcties@example.org"
        assert query["subject"][0].startswith("Correctie: ")
        assert f"Pagina: https://sociale-kaart.example.org/{pad}/" in query["body"][0] and f"Record: {record}" in query["body"][0]
        gezien += 1
    assert gezien > 40


# --- several regions in one data folder: a build for one of them --------------------------------

FIXTURE = ROOT / "tests" / "fixtures" / "data"


@pytest.mark.parametrize(("regios", "wel", "niet"), [
    (["utrecht-west"], ["gemeenten/woerden", "lokale-teams/lokaal-team-woerden", "agenda/utrecht-west"], ["agenda/twente", "gemeenten/zeist"]),
    (["zuidoost-utrecht"], ["gemeenten/zeist", "agenda/zuidoost-utrecht"], ["gemeenten/woerden", "lokale-teams/lokaal-team-woerden", "agenda/utrecht-west"]),
])
def test_a_build_for_one_region_of_several(tmp_path, regios, wel, niet):
    project = region_project(tmp_path / "p", FIXTURE, {**IDENTITEIT, "regios": regios})
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    for pad in wel:
        assert (tmp_path / "site" / pad / "index.html").is_file(), pad
    for pad in niet:
        assert not (tmp_path / "site" / pad).exists(), pad


def test_a_region_that_does_not_exist_is_refused(tmp_path, monkeypatch):
    project = region_project(tmp_path / "p", FIXTURE, {**IDENTITEIT, "regios": ["utrecht-west", "utrecht-oost"]})
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1 and not (tmp_path / "site").exists()
    melding = re.search(r"mkdocs\.yml:\d+:\d+: fout: extra\.socialekaart\.regios\[2\]: regio 'utrecht-oost' bestaat niet in data/regios/; bedoelde je '[a-z-]+'\?", result.output)
    assert melding, result.output
    monkeypatch.chdir(project)
    check = CliRunner().invoke(main, ["check"])
    assert check.exit_code == 1 and melding.group(0) in check.output


# --- the wegwijzer for professionals ------------------------------------------------------------


def test_wegwijzer_is_plain_html_from_the_region_file(rivierenland_site):
    doc = load(rivierenland_site / "wegwijzer" / "rivierenland" / "index.html")
    inhoud = doc.find("article")
    stappen = inhoud.find("ol", class_="sk-wegwijzer").find_all("li")
    assert [li.find("h2").text.strip() for li in stappen if li.find("h2")] == ["Het lokale team", "Jeugdhulp Rivierenland"]
    assert inhoud.find("script") is None  # everything is in the HTML itself
    assert inhoud.find("a", href="../../lokale-teams/sociaal-team-tiel/") is not None
    assert inhoud.find("a", href="../../aanbieders/jeugdhulp-rivierenland/") is not None
    assert inhoud.find("a", href="mailto:info-rivierenland@example.org") is not None
    assert inhoud.find("strong").text == "vastloopt"
    overzicht = load(rivierenland_site / "lokale-teams" / "index.html")
    assert overzicht.find("a", href="../wegwijzer/rivierenland/") is not None


def test_wegwijzer_partner_must_exist(tmp_path, monkeypatch):
    shutil.copytree(RIVIERENLAND, tmp_path / "data")
    regio = tmp_path / "data" / "regios" / "rivierenland.yml"
    regio.write_text(regio.read_text(encoding="utf-8").replace("aanbieder: jeugdhulp-rivierenland", "aanbieder: jeugdhulp-rivier"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "data"])
    assert result.exit_code == 1
    assert "data/regios/rivierenland.yml:23:16: fout: wegwijzer[2].aanbieder: aanbieder 'jeugdhulp-rivier' bestaat niet; maak " \
        "data/providers/jeugdhulp-rivier.yml aan of kies een bestaand id; bedoelde je 'jeugdhulp-rivierenland'?" in result.output.splitlines()


def test_correction_mail_encodes_every_part():
    url = pagina_url("https://kaart.example.org/sub", "aanbieders/a-b/")
    assert url == "https://kaart.example.org/sub/aanbieders/a-b/" and pagina_url(None, "x/") == "/x/"
    href = correctie_mailto("meld@example.org", "Zorg & Co? #1 — café", "data/providers/a-b.yml", url)
    parts = urlsplit(href)
    assert parts.path == "meld@example.org" and not re.search(r"[ &?#]", parts.query.replace("&body=", "", 1))
    query = parse_qs(parts.query)
    assert query["subject"] == ["Correctie: Zorg & Co? #1 — café"]
    assert query["body"][0].endswith(f"Pagina: {url}\r\nRecord: providers/a-b\r\n")
