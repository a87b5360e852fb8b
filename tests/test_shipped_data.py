"""The shipped data/ — the only test module that reads it.

Whatever data/ holds (the example region, or the region that adopted this product) must pass
`socialekaart check` and the strict build, and keep the privacy and honesty rules. The facts
about the shipped example regions (Utrecht West and the five agendas) are checked only while
those regions are in data/: a region that replaces data/ with its own keeps a green suite.
Every other test uses the fixture data under tests/.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from sitebouw import make_project, run_build

from sitebouw import run_build

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
def utrecht_west(result) -> CheckResult:
    """The check result, for tests of facts about the shipped example region (skipped without it)."""
    if REGIO not in result.dataset.regios:
        pytest.skip(f"data/ bevat regio {REGIO} niet (een andere regio gebruikt dit product)")
    return result


@pytest.fixture(scope="module")
def teams(utrecht_west):
    result = utrecht_west
    return [t for t in result.dataset.lokale_teams.values() if set(t.gemeenten) <= GEMEENTEN.keys()]


@pytest.fixture(scope="module")
def initiatieven(utrecht_west):
    result = utrecht_west
    return [i for i in result.dataset.informele_steun.values() if i.regio == REGIO]


@pytest.fixture(scope="module")
def gezinshuizen(utrecht_west):
    result = utrecht_west
    return [h for h in result.dataset.gezinshuizen.values() if h.gemeente in GEMEENTEN]


@pytest.fixture(scope="module")
def aanbieders(utrecht_west):
    result = utrecht_west
    return [a for a in result.dataset.aanbieders.values() if REGIO in a.regios]


def _mine(result: CheckResult) -> list[Record]:
    return [r for folder in MAPPEN for r in result.dataset.of(folder).values()]


def _peildatum(result: CheckResult) -> date:
    """The day the data was last verified: the data must be fully fresh as of that day."""
    return max(r.gecontroleerd_op for r in _mine(result) if isinstance(r, KaartRecord))


def test_the_strict_build_of_the_shipped_data_succeeds(tmp_path):
    """`mkdocs build --strict` in the repository itself, exactly as the README's first command serves it."""
    result = run_build(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert (tmp_path / "site" / "index.html").is_file()


@pytest.mark.parametrize("vorm", ["datapackage", "json"])
def test_hsds_export_then_import_gives_the_same_records(tmp_path, vorm):
    """Issue 12, part 6: export to HSDS, import into an empty data folder (with only the agenda,
    which HSDS does not hold), check: every record equal to the original, field by field, but
    for the fields on the list of what open data leaves out."""
    from hsds_rondgang import heen_en_terug, verschillen

    vandaag = date.today()
    terug = heen_en_terug(DATA, tmp_path, vorm, vandaag)
    assert verschillen(DATA, terug, vandaag) == []


def test_cli_check_data_exits_0():
    outcome = CliRunner().invoke(main, ["check", str(DATA)])
    assert outcome.exit_code == 0, outcome.output
    fouten = [line for line in outcome.output.splitlines() if ": fout: " in line]
    assert not fouten


def test_only_the_deliberate_warnings_on_the_day_of_verification(utrecht_west):
    result = utrecht_west
    # Checked as of the last verification date, so the test does not age with the calendar.
    peil = _peildatum(result)
    on_peil = check(DATA, peil)
    mine = [p for p in on_peil.problems if any(f"data/{m}/" in p.path for m in MAPPEN)]
    assert not [p for p in mine if p.is_fout], [p.gcc() for p in mine]
    # The example teams have no phone number of their own: nobody's real number is invented.
    telefoon = [p for p in mine if p.veld == "contact" and "/lokale-teams/" in p.path and "telefoonnummer" in p.bericht]
    peildatum = [p for p in mine if p.veld in ("plekken.peildatum", "plekken") and "/gezinshuizen/" in p.path]
    assert sorted(telefoon + peildatum) == sorted(mine), [p.gcc() for p in mine if p not in telefoon + peildatum]
    assert 1 <= len(peildatum) <= 3, "one to three gezinshuizen should have an old or no peildatum, to show 'onbekend'"


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


def test_gezinshuizen_are_examples_at_plaats_level(gezinshuizen):
    assert len(gezinshuizen) >= 10
    assert {h.gemeente for h in gezinshuizen} == set(GEMEENTEN)
    for huis in gezinshuizen:
        assert huis.voorbeeld, huis.id
        if huis.coordinaten:
            assert decimalen(huis.coordinaten.lat) <= 2 and decimalen(huis.coordinaten.lon) <= 2, huis.id


def test_most_gezinshuizen_have_a_fresh_count(utrecht_west, gezinshuizen):
    result = utrecht_west
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


def test_shipped_data_exports_to_valid_hsds_with_nothing_private(result, tmp_path):
    """`socialekaart export alles` on data/: 0 errors from jsonschema (official compiled HSDS
    3.0 schemas) and frictionless (data package), and the privacy gate over every file."""
    from opendata_gates import datapackage_fouten, hsds_json_fouten, privacy_fouten

    from socialekaart.opendata import exporteer, schrijf_map

    schrijf_map(exporteer(result.dataset, date.today()), tmp_path / "uit")
    assert hsds_json_fouten(tmp_path / "uit" / "hsds") == []
    assert datapackage_fouten(tmp_path / "uit" / "hsds") == []
    assert privacy_fouten(tmp_path / "uit", result.dataset) == []


# --- the five agendas: facts taken from the seed documents ---------------------------------------
# Each number, date, name and row below was read in /work/shared/seeds/ (the five documents),
# not copied from the data: the data must say what the documents say.


def _agenda(result, regio: str):
    """A shipped agenda; the test is skipped when data/ no longer holds it (another region)."""
    agendas = result.dataset.of("agendas")
    if regio not in agendas:
        pytest.skip(f"data/ bevat de agenda van {regio} niet")
    return agendas[regio]


def _item(result, item_id: str):
    items = result.dataset.of("agenda")
    if item_id not in items:
        pytest.skip(f"data/ bevat agendapunt {item_id} niet")
    return items[item_id]


def test_every_agenda_has_bijgewerkt_op_and_no_list_split_at_its_commas(result):
    for regio, agenda in result.dataset.of("agendas").items():
        assert agenda.bijgewerkt_op is not None, regio
    # Tabel 5 of Utrecht West: one werkgroep per cell, commas and all.
    assert _item(result, "utrecht-west/ambitie-2").werkgroep == [
        "Nog in te richten werkgroep informele steun met lokale teams, ZA en informele steun"
    ]
    assert _item(result, "utrecht-west/randvoorwaarde-5").werkgroep == ["Regionale werkgroep met beleid, I&M en backoffices"]
    assert _item(result, "utrecht-west/randvoorwaarde-5").accounthouders == ["Manager I&M", "Teammanager", "Bedrijfsvoering SV"]
    assert _item(result, "utrecht-west/ambitie-1").trekkers == ["Accounthouder Save Stichtse Vecht", "Accounthouder Yeph WO/OW"]
    # Zuidoost Utrecht, speerpunt 3: "mogelijk ook nog andere domeinen zoals financiën, werk, inkomen en huisvesting".
    kwartaal = next(a for r in _item(result, "zuidoost-utrecht/speerpunt-3").resultaten for a in r.activiteiten if "Kwartaalbijeenkomsten" in a.omschrijving)
    assert kwartaal.betrokkenen[-1] == "mogelijk ook nog andere domeinen zoals financiën, werk, inkomen en huisvesting"
    assert len(kwartaal.betrokkenen) == 7


def test_zou_keeps_zie_speerpunt_3_with_a_note(result):
    voortgang = _item(result, "zuidoost-utrecht/speerpunt-1").voortgang[0]
    assert "Voor meer informatie zie speerpunt 3." in voortgang.tekst
    assert voortgang.opmerking and "speerpunt 3" in voortgang.opmerking and "speerpunt 2" in voortgang.opmerking


def test_zou_statuses_from_the_progress_report(result):
    pilot = _item(result, "zuidoost-utrecht/speerpunt-2").resultaten[0].activiteiten[0]
    assert (pilot.status, pilot.status_op) == ("loopt", date(2022, 3, 1))  # "Vanaf 1 maart" (2022)
    sp4 = _item(result, "zuidoost-utrecht/speerpunt-4")
    assert [(r.status, r.status_op) for r in sp4.resultaten] == [
        ("loopt", date(2022, 9, 1)),  # projectleider "sinds september"
        ("loopt", date(2022, 5, 18)),  # fase 2 approved on 18 mei 2022
        ("gepland", None),  # MBO research starts in the autumn of 2022
    ]
    assert _item(result, "zuidoost-utrecht/speerpunt-3").status_op == date(2022, 1, 1)  # overeenkomst Jeugd Verblijf
    # Where the document gives a day without a year, the year is inferred and the doubt recorded.
    for item_id in ("zuidoost-utrecht/speerpunt-2", "zuidoost-utrecht/speerpunt-4", "twente/hoofdlijn-1"):
        assert "2022 volgt uit de context" in (_item(result, item_id).opmerking or ""), item_id


def test_foodvalley_status_per_project_survey_and_phases(result):
    _agenda(result, "foodvalley")  # skipped when data/ holds another region
    assert {i.slug: i.status for i in result.dataset.of("agenda").values() if i.regio == "foodvalley" and i.soort == "project"} == {
        f"project-{n}-{slug}": "loopt" for n, slug in [
            (1, "afbouw-verblijf"), (2, "onderwijs-en-jeugdhulp"), (3, "crisis-als-kans"), (4, "van-18-min-naar-18-plus"),
            (5, "van-exclusieve-opvang-naar-inclusieve-voorzieningen"), (6, "versterken-van-actieve-regie"), (7, "jeugdbescherming-dichterbij"),
        ]
    }
    assert _item(result, "foodvalley/project-3-crisis-als-kans").status_op == date(2020, 10, 1)
    project5 = _item(result, "foodvalley/project-5-van-exclusieve-opvang-naar-inclusieve-voorzieningen")
    assert [r.status for r in project5.resultaten] == ["afgerond", "afgerond", "vertraagd"]
    doel = _item(result, "foodvalley/project-3-crisis-als-kans").kpis[0]
    assert doel.streefwaarde == "50% minder residentieel/pleeg na een crisis"
    fv = _agenda(result, "foodvalley")
    cijfers = {k.naam: k.metingen[0].waarde for k in fv.kerncijfers}
    assert list(cijfers.values()) == [34, 70, Decimal("7.2")]
    for tekst in ("Fase 1: ontwikkelpilots in jaar 1", "Fase 3: brede implementatie", "Scheiden zonder schade", "Kansrijke start"):
        assert tekst in fv.organisatie


def test_gooi_en_vechtstreek_figures_meetings_and_cross_table(result):
    gv = _agenda(result, "gooi-en-vechtstreek")
    titels = {b.titel: b.planning for b in gv.bijeenkomsten}
    assert titels["Raadsinformatiebrief"].tekst == "November" and titels["Raadsinformatiebrief"].start == date(2021, 11, 1)
    dialoog = sorted((b.planning.start, b.titel) for b in gv.bijeenkomsten if b.titel.startswith("Dialogsessie"))
    assert len(dialoog) == 8 and dialoog[0] == (date(2021, 1, 21), "Dialogsessie: Onderwijs")
    assert dialoog[-1] == (date(2021, 3, 23), "Dialogsessie: Uitvoeringsdiensten")
    cijfers = {k.naam: {m.periode: m.waarde for m in k.metingen} for k in gv.kerncijfers}
    assert list(cijfers["Cliënten met jeugdhulp (Jeugdwet)"].values()) == [6054]
    assert cijfers["Huisartsen ondersteund door het CenA-team"] == {"2019": 54, "2020": 60}
    assert cijfers["Kinderen geholpen met steun van het CenA-team"] == {"2019": 154, "2020": 169}
    (tabel,) = gv.tabellen
    raster = dict(tabel.raster())
    kolom = tabel.kolommen.index
    assert len(tabel.rijen) == 11 and len(tabel.kolommen) == 8 and len(tabel.cellen) == 50
    assert raster["JW Ambulante jeugdhulp"][kolom("Huisarts")].waarden == [3404, 2551]
    assert raster["JW 24 uren verblijf"][kolom("Leeg")].waarden == [40, 53554]
    assert raster["JW Gesloten Jeugdhulp"][kolom("Gemeente")].waarden == [1, 100078]
    assert raster["JW Pleegzorg"][kolom("Huisarts")] is None


def test_twente_second_assignment_organisation_and_ontwikkeltafel_2(result):
    tw = _agenda(result, "twente")
    assert "strategische inkoop" in tw.organisatie and "structureel deel" in tw.organisatie
    assert "1 keer in de 3 weken" in tw.organisatie and "1 keer per 6 weken" in tw.organisatie and "OZJT (voorzitter)" in tw.organisatie
    assert not re.search(r"Monique|Nienke|Riny|Bosma", tw.organisatie)  # organisations, never personal names
    titels = [v.titel for v in tw.voortgang]
    assert len(titels) == 4 and all(t.startswith("Afronding ontwikkeltafel 2") for t in titels)
    assert "Per maart 2021 worden de jeugdbeschermingstafels uitgevoerd" in " ".join(tw.voortgang[1].tekst.split())
    assert "ruim 200 professionals" in tw.voortgang[3].tekst
    assert {h.slug: h.status for h in result.dataset.of("agenda").values() if h.regio == "twente" and h.soort == "hoofdlijn"}["hoofdlijn-1"] == "loopt"


def test_utrecht_west_start_per_gemeente_and_planning_per_level(result):
    starts = {s.gemeente: (s.start.tekst if s.start else s.tekst) for s in _item(result, "utrecht-west/ambitie-1").start_per_gemeente}
    assert starts == {"GM0335": "Voor 1 april 2020", "GM0589": "April 2020", "GM0632": "Juli 2020", "GM1904": "November 2020", "GM0736": "In ontwikkeling"}
    resultaat = _item(result, "utrecht-west/ambitie-3").resultaten[1]
    assert [(d.schaalniveau, d.planning.tekst) for d in resultaat.planningen] == [("regionaal", "2022"), ("lokaal", "2023 e.v.")]
    uw = _agenda(result, "utrecht-west")
    assert [b.totaal for b in uw.begrotingen] == [110000, 32]  # Tabel 7 (euro) and Tabel 6 (uur per week)


# --- the two regions with a sociale kaart: each alone and together ---------------------------------

ZOU = {"GM0312": "bunnik", "GM0310": "de-bilt", "GM1581": "utrechtse-heuvelrug", "GM0352": "wijk-bij-duurstede", "GM0355": "zeist"}


@pytest.mark.parametrize("regios", [["utrecht-west"], ["zuidoost-utrecht"], None])
def test_each_region_builds_alone_and_together(result, tmp_path, regios):
    if not {"utrecht-west", "zuidoost-utrecht"} <= set(result.dataset.regios):
        pytest.skip("data/ bevat de twee voorbeeldregio's niet")
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
    # With both regions the overview lists the regions, each with a page of its own (issue 14).
    gezinshuizen = "".join(p.read_text(encoding="utf-8") for p in (site / "gezinshuizen").rglob("index.html"))
    assert ("Den Dolder" in gezinshuizen) == zou and ("Harmelen" in gezinshuizen) == uw


def test_zuidoost_utrecht_has_a_team_per_gemeente_and_gezinshuizen_per_team(result):
    ds = result.dataset
    if "zuidoost-utrecht" not in ds.regios or not ds.regios["zuidoost-utrecht"].wegwijzer:
        pytest.skip("data/ bevat de sociale kaart van Zuidoost Utrecht niet")
    teams = [t for t in ds.lokale_teams.values() if set(t.gemeenten) <= ZOU.keys()]
    assert sorted(c for t in teams for c in t.gemeenten) == sorted(ZOU)
    huizen = [h for h in ds.gezinshuizen.values() if h.gemeente in ZOU]
    assert {h.gemeente for h in huizen} == set(ZOU) and all(h.voorbeeld and h.aanbieder == "knooppunt-zuidoost-utrecht" for h in huizen)
    wegwijzer = ds.regios["zuidoost-utrecht"].wegwijzer
    assert [s.aanbieder for s in wegwijzer if s.aanbieder] == ["veilig-thuis-utrecht", "save-jeugdbescherming", "yeph", "knooppunt-zuidoost-utrecht"]
