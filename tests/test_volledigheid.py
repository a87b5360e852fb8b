"""The completeness report: per gemeente what is missing, positioned where a file exists, a table
at the end of `socialekaart check`, and the same table on the editors' page."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_dom import load
from sitebouw import ROOT

from socialekaart.check import check
from socialekaart.cli import main
from socialekaart.volledigheid import rij

RIVIERENLAND = ROOT / "tests" / "fixtures" / "rivierenland" / "data"
BASIS = ROOT / "tests" / "corpus" / "_basis" / "data"


@pytest.fixture
def data(tmp_path: Path, monkeypatch) -> Path:
    shutil.copytree(RIVIERENLAND, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def run(*args: str):
    return CliRunner().invoke(main, ["check", "data", "--datum", "2026-06-01", *args])


def test_an_empty_region_is_never_alles_in_orde(data):
    for folder in ("lokale-teams", "informele-steun"):  # the provider stays: the wegwijzer names it
        shutil.rmtree(data / folder)
    result = run()
    assert result.exit_code == 0
    assert "Alles in orde" not in result.output
    lines = result.output.splitlines()
    assert "data/regios/rivierenland.yml:4:11: waarschuwing: gemeenten[1].code: gemeente Tiel heeft geen lokaal team in data/lokale-teams/; " \
        "zet 'GM0281' bij 'gemeenten' van het team dat er werkt, of maak een team met 'socialekaart nieuw lokale-teams <id>'" in lines
    assert "data/regios/rivierenland.yml:4:11: waarschuwing: gemeenten[1].code: gemeente Tiel heeft nog geen informele steun in " \
        "data/informele-steun/; maak een initiatief met 'socialekaart nieuw informele-steun <id>'" in lines
    assert lines[-1] == "6 waarschuwingen in 2 bestanden gecontroleerd."
    assert lines[-6] == "Volledigheid Regio Rivierenland: 0 van 3 gemeenten compleet"
    assert lines[-4].split() == ["Tiel", "0", "nee", "nee", "nee", "0", "0", "van", "0", "0", "0", "van", "0"]


def test_missing_contacts_are_warned_at_the_team_file(data):
    lines = run().output.splitlines()
    team = "data/lokale-teams/sociaal-team-tiel.yml:9:3: waarschuwing: contactpersonen: gemeente Tiel heeft geen aanspreekpunt voor "
    assert team + "huisartsen; zet bij 'contactpersonen' iemand met 'rollen: [huisartsen]'" in lines
    assert team + "de jeugdgezondheidszorg (JGZ); zet bij 'contactpersonen' iemand met 'rollen: [jgz]'" in lines
    assert not any("aanspreekpunt voor onderwijs" in line for line in lines)
    assert [line.split() for line in lines if line.startswith("  Tiel")] == [["Tiel", "1", "ja", "nee", "nee", "1", "0", "van", "1", "0", "0", "van", "0"]]


def test_schools_without_a_contact(data):
    team = data / "lokale-teams" / "sociaal-team-tiel.yml"
    team.write_text(team.read_text(encoding="utf-8").replace("rollen: [onderwijs]", "rollen: [algemeen]"), encoding="utf-8")
    lines = run().output.splitlines()
    assert "data/lokale-teams/sociaal-team-tiel.yml:6:3: waarschuwing: scholen: 1 scholen staan bij dit team, maar geen contactpersoon " \
        "voor onderwijs; zet bij 'contactpersonen' iemand met 'rollen: [onderwijs]'" in lines
    assert [line.split()[6:9] for line in lines if line.startswith("  Tiel")] == [["1", "van", "1"]]


def test_old_records_and_uncounted_gezinshuizen(data):
    (data / "gezinshuizen").mkdir()
    (data / "gezinshuizen" / "de-uiterwaard.yml").write_text(
        "naam: Gezinshuis De Uiterwaard\naanbieder: jeugdhulp-rivierenland\ngemeente: GM0281\nplaats: Tiel\nleeftijd_min: 0\nleeftijd_max: 18\n"
        "plekken:\n  totaal: 3\ngecontroleerd_op: 2026-05-01\nvoorbeeld: true\n", encoding="utf-8")
    lines = run("--datum", "2027-06-01").output.splitlines()
    assert "data/gezinshuizen/de-uiterwaard.yml:8:3: waarschuwing: plekken: vrije plekken zijn niet geteld (geen 'vrij' en " \
        "'peildatum'); de site toont ze als 'onbekend'" in lines
    tiel = next(line.split() for line in lines if line.startswith("  Tiel"))
    assert tiel[9:] == ["3", "1", "van", "1"]  # team, initiative and house not verified for 12 months; the house not counted


def test_a_complete_region_is_alles_in_orde_without_a_table(tmp_path, monkeypatch):
    shutil.copytree(BASIS, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    result = run()
    assert result.output.splitlines() == ["Alles in orde: 6 bestanden gecontroleerd, geen fouten."]
    assert all(stand.compleet for stand in check(tmp_path / "data", date(2026, 6, 1)).volledigheid)


def test_no_report_while_the_data_has_errors(data):
    team = data / "lokale-teams" / "sociaal-team-tiel.yml"
    team.write_text(team.read_text(encoding="utf-8").replace("team-tiel@example.org", "geen-adres"), encoding="utf-8")
    result = run()
    assert result.exit_code == 1 and "Volledigheid" not in result.output and "aanspreekpunt" not in result.output


def test_editors_page_shows_the_same_table_and_is_not_in_the_nav(built_site):
    result = check(ROOT / "tests" / "fixtures" / "data")
    doc = load(built_site / "redactie" / "index.html")
    rijen = [[cel.text.strip() for cel in tr.find_all() if cel.tag in ("th", "td")] for tr in doc.find("tbody").find_all("tr")]
    assert rijen == [list(rij(stand)) for stand in result.volledigheid]
    assert load(built_site / "index.html").find("a", href="redactie/") is None
