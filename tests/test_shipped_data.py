"""The data shipped for Utrecht West: enough of it, spread over every gemeente, and honest.

These tests read the real `data/` folder through `socialekaart.check.check`, the same
path `socialekaart check data` and the site build take.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from sitebouw import make_project, run_build

from socialekaart.check import MAX_DAGEN_PEILDATUM, CheckResult, check
from socialekaart.cli import main
from socialekaart.models import KaartRecord, Record
from socialekaart.models.common import decimalen
from socialekaart.models.informele_steun import THEMA_LABELS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
REGIO = "utrecht-west"
GEMEENTEN = {
    "GM0736": "De Ronde Venen",
    "GM0335": "Montfoort",
    "GM0589": "Oudewater",
    "GM1904": "Stichtse Vecht",
    "GM0632": "Woerden",
}
MAPPEN = ("lokale-teams", "informele-steun", "gezinshuizen", "providers")
# A box around the five gemeenten: a location outside it is a typo or a swapped lat/lon.
LAT, LON = (51.95, 52.35), (4.70, 5.15)
SCHEMA_REGEL = "# yaml-language-server: $schema="


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return check(DATA)


@pytest.fixture(scope="module")
def teams(result):
    return [t for t in result.dataset.lokale_teams.values() if set(t.gemeenten) <= GEMEENTEN.keys()]


@pytest.fixture(scope="module")
def initiatieven(result):
    return [i for i in result.dataset.informele_steun.values() if i.regio == REGIO]


@pytest.fixture(scope="module")
def gezinshuizen(result):
    return [h for h in result.dataset.gezinshuizen.values() if h.gemeente in GEMEENTEN]


@pytest.fixture(scope="module")
def aanbieders(result):
    return [a for a in result.dataset.aanbieders.values() if REGIO in a.regios]


def _mine(result: CheckResult) -> list[Record]:
    return [r for folder in MAPPEN for r in result.dataset.of(folder).values()]


def _peildatum(result: CheckResult) -> date:
    """The day the data was last verified: the data must be fully fresh as of that day."""
    return max(r.gecontroleerd_op for r in _mine(result) if isinstance(r, KaartRecord))


def test_cli_check_data_exits_0():
    outcome = CliRunner().invoke(main, ["check", str(DATA)])
    assert outcome.exit_code == 0, outcome.output
    fouten = [line for line in outcome.output.splitlines() if ": fout: " in line]
    assert not fouten


def test_only_the_deliberate_warnings_on_the_day_of_verification(result):
    # Checked as of the last verification date, so the test does not age with the calendar.
    peil = _peildatum(result)
    on_peil = check(DATA, peil)
    mine = [p for p in on_peil.problems if any(f"data/{m}/" in p.path for m in MAPPEN)]
    assert not [p for p in mine if p.is_fout], [p.gcc() for p in mine]
    assert mine, "one or two gezinshuizen should have an old or no peildatum, to show 'onbekend'"
    assert all(p.veld in ("plekken.peildatum", "plekken") and "/gezinshuizen/" in p.path for p in mine), [p.gcc() for p in mine]
    assert 1 <= len(mine) <= 3


# --- lokale teams ---------------------------------------------------------------


def test_a_lokaal_team_for_every_gemeente(teams):
    assert len(teams) == 5
    covered = [code for team in teams for code in team.gemeenten]
    assert sorted(covered) == sorted(GEMEENTEN)


def test_every_team_has_contacts_for_schools_doctors_and_clubs(teams):
    for team in teams:
        rollen = {rol for persoon in team.contactpersonen for rol in persoon.rollen}
        assert "onderwijs" in rollen, team.id
        assert rollen & {"huisartsen", "jgz"}, team.id
        assert "verenigingen" in rollen, team.id
        for persoon in team.contactpersonen:
            assert persoon.naam is None, f"{team.id}: no personal names in shipped data"
            assert persoon.functie and persoon.contactmoment, team.id
            assert persoon.email or persoon.telefoon, team.id


def test_every_team_lists_schools_findable_by_brin(teams):
    brins: list[str] = []
    for team in teams:
        met_brin = [s for s in team.scholen if s.brin]
        assert len(met_brin) >= 3, team.id
        brins += [s.brin for s in met_brin]
        if any(s.brin.startswith("99") for s in met_brin):
            assert team.voorbeeld, f"{team.id}: invented BRIN codes need voorbeeld: true"
    assert len(brins) == len(set(brins)), "a BRIN code must lead to one team"


# --- informele steun ----------------------------------------------------------------


def test_at_least_25_initiatives_and_3_per_gemeente(initiatieven):
    assert len(initiatieven) >= 25
    for code, naam in GEMEENTEN.items():
        lokaal = [i for i in initiatieven if code in i.gemeenten]
        assert len(lokaal) >= 3, f"{naam} heeft {len(lokaal)} initiatieven"


def test_the_initiatives_named_in_the_regional_agenda(initiatieven):
    def aanwezig(thema: str, gemeente: str) -> bool:
        return any(thema in i.themas and (gemeente in i.gemeenten or not i.gemeenten) for i in initiatieven)

    assert aanwezig("netwerk", "GM0335"), "sociale netwerkstrategie Montfoort"
    assert aanwezig("netwerk", "GM0589"), "sociale netwerkstrategie Oudewater"
    assert aanwezig("buurtgezin", "GM0632"), "buurtgezinnen Woerden"
    assert aanwezig("wachttijd", "GM1904"), "informele zorg bij wachtlijsten Stichtse Vecht"
    assert aanwezig("waakvlam", "GM1904"), "waakvlamzorg Stichtse Vecht"
    assert any("maatje" in i.themas and "klok" in (i.beschrijving or "") for i in initiatieven), "het maatje en de klokken"


def test_initiatives_are_varied(initiatieven):
    assert {t for i in initiatieven for t in i.themas} == set(THEMA_LABELS)
    assert {i.kosten for i in initiatieven} >= {"gratis", "eigen-bijdrage"}
    assert {i.zonder_verwijzing for i in initiatieven} == {True, False}
    assert len({(i.leeftijd_min, i.leeftijd_max) for i in initiatieven}) >= 8
    assert sum(f"{REGIO}/ambitie-2" in i.agenda for i in initiatieven) >= 15
    assert all(i.beschrijving and i.vergoeding for i in initiatieven)


def test_initiative_locations_are_public_points_in_the_region(initiatieven):
    punten = 0
    for item in initiatieven:
        for locatie in item.locaties:
            assert locatie.gemeente in GEMEENTEN, item.id
            assert locatie.adres is None and locatie.postcode is None, item.id
            if locatie.coordinaten:
                punten += 1
                c = locatie.coordinaten
                assert LAT[0] < c.lat < LAT[1] and LON[0] < c.lon < LON[1], item.id
                assert decimalen(c.lat) <= 4 and decimalen(c.lon) <= 4, item.id
    assert punten >= 10


# --- gezinshuizen -----------------------------------------------------------------


def test_gezinshuizen_are_examples_at_plaats_level(result, gezinshuizen):
    assert len(gezinshuizen) >= 10
    assert {h.gemeente for h in gezinshuizen} == set(GEMEENTEN)
    for huis in gezinshuizen:
        assert huis.voorbeeld, huis.id
        if huis.coordinaten:
            assert decimalen(huis.coordinaten.lat) <= 2 and decimalen(huis.coordinaten.lon) <= 2, huis.id


def test_most_gezinshuizen_have_a_fresh_count(result, gezinshuizen):
    peil = _peildatum(result)
    vers = [h for h in gezinshuizen if h.vrij_bekend(peil, MAX_DAGEN_PEILDATUM)]
    oud = [h for h in gezinshuizen if h.plekken.peildatum and not h.vrij_bekend(peil, MAX_DAGEN_PEILDATUM)]
    assert len(vers) >= len(gezinshuizen) - 3
    assert 1 <= len(oud) <= 2


def test_gezinshuis_files_hold_no_street_or_postcode():
    for path in (DATA / "gezinshuizen").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(adres|postcode|straat)\s*:", text, re.MULTILINE), path
        assert not re.search(r"\b[1-9][0-9]{3}\s?[A-Z]{2}\b", text), path


# --- providers -----------------------------------------------------------------------


def test_providers_include_the_ones_the_seeds_name(aanbieders):
    assert len(aanbieders) >= 12
    namen = " | ".join(a.naam for a in aanbieders)
    for naam in ("SAVE", "Samen Veilig Midden-Nederland", "Veilig Thuis", "Yeph", "Youké", "Pluryn", "'s Heeren Loo"):
        assert naam in namen, naam


def test_gezinshuis_providers_host_the_gezinshuizen(aanbieders, gezinshuizen):
    met_gezinshuizen = {a.id for a in aanbieders if "gezinshuizen" in a.aanbod}
    assert len(met_gezinshuizen) >= 3
    assert {h.aanbieder for h in gezinshuizen} == met_gezinshuizen


# --- honesty and editor support ---------------------------------------------------------


def _strings(value: object):
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def test_example_org_only_in_voorbeeld_records(result):
    for record in _mine(result):
        if any("example.org" in s for s in _strings(record.model_dump())):
            assert isinstance(record, KaartRecord) and record.voorbeeld, record.bron


def test_every_data_file_starts_with_its_schema_line():
    files = sorted(DATA.rglob("*.yml"))
    assert files
    for path in files:
        parts = path.relative_to(DATA).parts
        expected = f"{SCHEMA_REGEL}{'../' * len(parts)}schemas/{parts[0]}.schema.json"
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == expected, f"{path}: {first!r}"
    for folder in MAPPEN:
        assert (ROOT / "schemas" / f"{folder}.schema.json").is_file()


# --- the two regions with a sociale kaart: each alone and together ---------------------------------

ZOU = {"GM0312": "bunnik", "GM0310": "de-bilt", "GM1581": "utrechtse-heuvelrug", "GM0352": "wijk-bij-duurstede", "GM0355": "zeist"}


@pytest.mark.parametrize("regios", [["utrecht-west"], ["zuidoost-utrecht"], None])
def test_each_region_builds_alone_and_together(tmp_path, regios):
    project = make_project(tmp_path / "p", DATA)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    if regios:
        config["extra"]["socialekaart"]["regios"] = regios
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    site = tmp_path / "site"
    uw = regios is None or "utrecht-west" in regios
    zou = regios is None or "zuidoost-utrecht" in regios
    assert (site / "gemeenten" / "woerden" / "index.html").is_file() == uw
    assert (site / "gemeenten" / "zeist" / "index.html").is_file() == zou
    for slug in ZOU.values():
        assert (site / "lokale-teams" / f"lokaal-team-{slug}" / "index.html").is_file() == zou
    assert (site / "wegwijzer" / "zuidoost-utrecht" / "index.html").is_file() == zou
    assert (site / "aanbieders" / "knooppunt-zuidoost-utrecht" / "index.html").is_file() == zou
    gezinshuizen = (site / "gezinshuizen" / "index.html").read_text(encoding="utf-8")
    assert ("Den Dolder" in gezinshuizen) == zou and ("Harmelen" in gezinshuizen) == uw


def test_zuidoost_utrecht_has_a_team_per_gemeente_and_gezinshuizen_per_team(result):
    ds = result.dataset
    teams = [t for t in ds.lokale_teams.values() if set(t.gemeenten) <= ZOU.keys()]
    assert sorted(c for t in teams for c in t.gemeenten) == sorted(ZOU)
    huizen = [h for h in ds.gezinshuizen.values() if h.gemeente in ZOU]
    assert {h.gemeente for h in huizen} == set(ZOU) and all(h.voorbeeld and h.aanbieder == "knooppunt-zuidoost-utrecht" for h in huizen)
    wegwijzer = ds.regios["zuidoost-utrecht"].wegwijzer
    assert [s.aanbieder for s in wegwijzer if s.aanbieder] == ["veilig-thuis-utrecht", "save-jeugdbescherming", "yeph", "knooppunt-zuidoost-utrecht"]
