"""The regional agendas in data/: they load, Utrecht West matches its document, the checks
catch broken totals and links, and the calendar feed is valid iCalendar.

Everything goes through the paths users take: `socialekaart check` (click's CliRunner)
and `socialekaart.check.check`, which the site build uses too.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from socialekaart.agenda.ical import feed
from socialekaart.agenda.models import Agenda, AgendaItem
from socialekaart.check import CheckResult, check
from socialekaart.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "fixtures" / "data"
UW = "utrecht-west"


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return check(DATA)


@pytest.fixture(scope="module")
def uw(result) -> dict[str, AgendaItem]:
    return {i.slug: i for i in result.dataset.of("agenda").values() if i.regio == UW}  # type: ignore[union-attr]


def regio_mappen() -> list[str]:
    return sorted(p.name for p in (DATA / "agenda").iterdir() if p.is_dir())


# --- every agenda loads -------------------------------------------------------------


def test_check_has_no_agenda_errors(result):
    fouten = [p for p in result.fouten if "/agenda" in p.path]
    assert not fouten, "\n".join(p.gcc() for p in fouten)


@pytest.mark.parametrize("regio", regio_mappen())
def test_every_agenda_folder_loads_completely(result, regio):
    files = sorted((DATA / "agenda" / regio).glob("*.yml"))
    loaded = [i for i in result.dataset.of("agenda").values() if i.regio == regio]  # type: ignore[union-attr]
    assert files, f"data/agenda/{regio}/ is leeg"
    assert len(loaded) == len(files), "niet elk bestand is geladen; zie socialekaart check"
    assert regio in result.dataset.of("agendas"), f"data/agendas/{regio}.yml ontbreekt"
    assert regio in result.dataset.regios


def test_metadata_for_all_five_seed_regions(result):
    agendas = result.dataset.of("agendas")
    assert set(agendas) >= {"utrecht-west", "zuidoost-utrecht", "gooi-en-vechtstreek", "twente", "foodvalley"}
    for agenda in agendas.values():
        assert isinstance(agenda, Agenda)
        assert agenda.brondocument.titel and agenda.periode


def test_regions_have_all_gemeenten_of_the_reference_list(result):
    # The reference list is test input only; the product never reads ../shared (CI lays it
    # beside the clone; a copy of the repository elsewhere has none).
    reference = ROOT.parent / "shared" / "reference" / "gemeenten-seed-regios.csv"
    if not reference.is_file():
        pytest.skip("../shared/reference ligt niet naast deze repository")
    slugs = {"Utrecht West": "utrecht-west", "Zuidoost Utrecht": "zuidoost-utrecht",
             "Gooi en Vechtstreek": "gooi-en-vechtstreek", "Twente": "twente", "FoodValley": "foodvalley"}
    expected: dict[str, set[tuple[str, str]]] = {}
    for line in reference.read_text(encoding="utf-8").splitlines()[1:]:
        regio, code, naam = line.split(",")
        expected.setdefault(slugs[regio], set()).add((code, naam))
    for slug, gemeenten in expected.items():
        regio = result.dataset.regios[slug]
        assert {(g.code, g.naam) for g in regio.gemeenten} == gemeenten
        for g in regio.gemeenten:
            assert g.coordinaten is not None
            assert round(g.coordinaten.lat, 2) == g.coordinaten.lat and round(g.coordinaten.lon, 2) == g.coordinaten.lon


# --- Utrecht West against its document (seed 000) ------------------------------------

# Counted in the document:
# - items: Ambitie 1-4 (hoofdstuk 5) plus "Randvoorwaardelijk: Data ontwikkeling regionaal
#   dashboard" (hoofdstuk 6, Tabel 5, Tabel 7).
# - results per ambitie: the numbered "Resultaten van ambitie N" in hoofdstuk 5, which are
#   the rows of Bijlage 2: 3, 4, 4 and 3 (ambitie 4: bewustwording en preventie; kennis en
#   vaardigheden; samenwerking en integraliteit). The dashboard has no numbered results.
# - activities: the lettered activities per result in Bijlage 2:
#   ambitie 1: a-c, a-b, a = 6; ambitie 2: a-b, a-b, a-b, a = 7;
#   ambitie 3: a-c, a, a, a = 6; ambitie 4: a-b, a-e, a-i = 16.
# - KPIs "nader te bepalen": 4, 2, 5 and 4 per ambitie.
EXPECTED = {
    "ambitie-1": (3, 6, 4),
    "ambitie-2": (4, 7, 2),
    "ambitie-3": (4, 6, 5),
    "ambitie-4": (3, 16, 4),
    "randvoorwaarde-5": (0, 0, 0),
}


def test_utrecht_west_items_results_activities(uw):
    assert set(uw) == set(EXPECTED)
    for slug, (resultaten, activiteiten, kpis) in EXPECTED.items():
        item = uw[slug]
        assert len(item.resultaten) == resultaten, slug
        assert len(item.activiteiten()) == activiteiten, slug
        assert sum(k.nader_te_bepalen for k in item.kpis) == kpis, slug
    assert sum(len(i.resultaten) for i in uw.values()) == 14
    assert sum(len(i.activiteiten()) for i in uw.values()) == 35


def test_utrecht_west_planning_from_bijlage_2(uw):
    plannings = {
        (slug, r.nummer, a.nummer): (a.planning or r.planning).tekst
        for slug, item in uw.items() for r in item.resultaten for a in r.activiteiten
        if a.planning or r.planning
    }
    assert plannings[("ambitie-1", 1, "c")] == "Op indicatie"
    assert plannings[("ambitie-1", 2, "a")] == "Periodiek 4x per jaar"
    assert plannings[("ambitie-2", 1, "a")] == "April 2022"
    assert plannings[("ambitie-2", 3, "b")] == "September 2022"
    assert plannings[("ambitie-3", 2, "a")] == "2022 - 2023 e.v."
    assert plannings[("ambitie-4", 2, "a")] == "Jaarlijks in sept"
    assert plannings[("ambitie-4", 3, "i")] == "In 2022 ontwikkelen"
    # Bijlage 2 leaves ambitie 4, result 1a without a planning (the cell only says "Planning").
    assert ("ambitie-4", 1, "a") not in plannings
    item = uw["ambitie-1"]
    assert item.resultaten[0].activiteiten[0].schaalniveau == ["regionaal", "lokaal"]


def test_utrecht_west_tabel_7_adds_up_to_110000(result, uw):
    agenda = result.dataset.of("agendas")[UW]
    begroting = agenda.begroting("bestedingsvoorstel-2022")
    assert begroting.totaal == Decimal(110000)
    lines = [r for i in uw.values() for r in i.budget if r.begroting == "bestedingsvoorstel-2022"]
    assert sorted(r.bedrag for r in lines) == [0, 0, 0, 10000, 40000, 60000]
    assert sum(r.bedrag for r in lines) == Decimal(110000)
    investering = agenda.begroting("ambtelijke-investering")  # Tabel 6
    assert [int(r.bedrag) for r in investering.regels] == [8, 4, 1, 3, 16]
    assert investering.totaal == 32 and investering.eenheid == "uur per week"


def test_utrecht_west_trekkers_from_tabel_5(uw):
    assert uw["ambitie-1"].trekkers == ["Accounthouder Save Stichtse Vecht", "Accounthouder Yeph WO/OW"]
    assert uw["ambitie-4"].werkgroep == ["Regionale werkgroep HG en KM"]
    assert uw["randvoorwaarde-5"].trekkers == ["Ambtenaar De Ronde Venen", "Ambtenaar Stichtse Vecht"]


def _kpi(item: AgendaItem, naam: str):
    return next(k for k in item.kpis if k.naam == naam)


def test_utrecht_west_tables_as_metingen_per_gemeente(uw):
    crisis = _kpi(uw["ambitie-1"], "Spoedinterventies - crisis interventies")  # Tabel 1
    waarden = {(m.periode, m.gebied): m.waarde for m in crisis.metingen}
    assert waarden[("2019", "GM0632")] == 87 and waarden[("2019", "regio")] == 271
    assert waarden[("2021 t/m juni", "GM1904")] == 21
    lopend = _kpi(uw["ambitie-1"], "Lopende OTS langer dan 1 jaar (unieke cliënten)")  # Tabel 3
    assert {(m.periode, m.gebied): m.waarde for m in lopend.metingen}[("2020", "regio")] == 178
    # Tabel 8 and 9 with the landelijk gemiddelde, numbers exactly as written.
    eenouder = _kpi(uw["randvoorwaarde-5"], "1 ouder gezinnen")
    assert {m.gebied: m.waarde for m in eenouder.metingen} == {
        "landelijk": Decimal("7.4"), "GM0335": Decimal("6.6"), "GM1904": Decimal("7.2"),
        "GM0632": Decimal("6.9"), "GM0736": Decimal("7.5"), "GM0589": Decimal("6.4"),
    }
    trajecten = _kpi(uw["randvoorwaarde-5"], "Trajecten jeugdbescherming")
    assert {m.gebied: m.waarde for m in trajecten.metingen}["GM0589"] == Decimal("19.4")
    assert len([k for k in uw["randvoorwaarde-5"].kpis if k.bron and k.bron.startswith("Tabel 8")]) == 7
    assert len([k for k in uw["randvoorwaarde-5"].kpis if k.bron and k.bron.startswith("Tabel 9")]) == 7


# --- the checks catch planted mistakes ---------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _run(folder: Path, monkeypatch) -> tuple[int, str]:
    monkeypatch.chdir(folder.parent)
    outcome = CliRunner().invoke(main, ["check", "data"])
    return outcome.exit_code, outcome.output


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_check_catches_budget_mismatch(tmp_path, monkeypatch):
    data = _copy(tmp_path)
    _replace(data / "agenda" / UW / "ambitie-1.yml", "bedrag: 60000", "bedrag: 65000")
    code, output = _run(data, monkeypatch)
    assert code == 1
    line = next(l for l in output.splitlines() if "agendas/utrecht-west.yml" in l)
    assert ": fout: begrotingen[1].totaal:" in line
    assert "110.000" in line and "115.000" in line


def test_check_catches_dangling_kaart_link(tmp_path, monkeypatch):
    data = _copy(tmp_path)
    _replace(data / "agenda" / UW / "ambitie-2.yml", "informele-steun/buurtgezinnen-woerden", "informele-steun/buurtgezin-woerdn")
    code, output = _run(data, monkeypatch)
    assert code == 1
    line = next(l for l in output.splitlines() if "ambitie-2.yml" in l)
    assert "fout: kaart[" in line and "'informele-steun/buurtgezin-woerdn' bestaat niet" in line


def test_check_catches_dangling_agenda_reference_on_a_kaart_record(tmp_path, monkeypatch):
    data = _copy(tmp_path)
    record = next(p for p in sorted((data / "informele-steun").glob("*.yml")) if "utrecht-west/ambitie-2" in p.read_text(encoding="utf-8"))
    _replace(record, "utrecht-west/ambitie-2", "utrecht-west/ambitie-7")
    code, output = _run(data, monkeypatch)
    assert code == 1
    assert f"{record.name}:" in output and "agendapunt 'utrecht-west/ambitie-7' bestaat niet" in output


def test_check_catches_hoort_bij_outside_the_own_agenda(tmp_path, monkeypatch):
    data = _copy(tmp_path)
    project = data / "agenda" / "foodvalley" / "project-1-afbouw-verblijf.yml"
    _replace(project, "hoort_bij: [principe-2]", "hoort_bij: [principe-22, ambitie-2]")  # ambitie-2 is Utrecht West's
    code, output = _run(data, monkeypatch)
    assert code == 1
    lines = [l for l in output.splitlines() if "project-1-afbouw-verblijf.yml" in l]
    assert "fout: hoort_bij[1]: er is geen agendapunt 'principe-22' in data/agenda/foodvalley/; bedoelde je 'principe-2'?" in lines[0]
    assert "fout: hoort_bij[2]: er is geen agendapunt 'ambitie-2' in data/agenda/foodvalley/" in lines[1]


def test_check_catches_missing_metadata_and_bad_planning(tmp_path, monkeypatch):
    data = _copy(tmp_path)
    (data / "agendas" / "twente.yml").unlink()
    shutil.rmtree(data / "agenda", ignore_errors=True)
    (data / "agenda" / "twente").mkdir(parents=True)
    (data / "agenda" / UW).mkdir(parents=True)
    shutil.copy(DATA / "agenda" / UW / "ambitie-2.yml", data / "agenda" / UW / "ambitie-2.yml")
    (data / "agenda" / "twente" / "hoofdlijn-1.yml").write_text(
        "soort: hoofdlijn\nnummer: 1\ntitel: Kloppend hart van sociaal domein\nplanning: binnenkort\n", encoding="utf-8"
    )
    code, output = _run(data, monkeypatch)
    assert code == 1
    assert "hoofdlijn-1.yml:4:11: fout: planning: 'binnenkort' is geen planning die de site begrijpt" in output
    (data / "agenda" / "twente" / "hoofdlijn-1.yml").write_text(
        "soort: hoofdlijn\nnummer: 1\ntitel: Kloppend hart van sociaal domein\nplanning: Q3 2022\n", encoding="utf-8"
    )
    code, output = _run(data, monkeypatch)
    assert code == 1
    assert "de map data/agenda/twente/ heeft geen beschrijving van de agenda" in output


# --- the calendar feed ------------------------------------------------------------------------


def test_feed_parses_and_has_the_dated_milestones(result, uw):
    agenda = result.dataset.of("agendas")[UW]
    data = feed(agenda, uw.values(), item_url=lambda i: f"https://voorbeeld.nl/agenda/{i.id}/")
    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    # Bounded plannings: ambitie 2 results 1-3 (April, Mei, September 2022), ambitie 2 KPI 2
    # (maart 2023), ambitie 3 result 4 (2022), ambitie 4 3b and 3i (In 2022): 7 point events.
    # With a rhythm: 4x per jaar and Jaarlijks (ambitie 1), Jaarlijks in sept (ambitie 4) and
    # the monthly Beleidsoverleg; "Periodiek" and "3-4 keer per jaar" have no fixed rhythm.
    assert len(events) == 11
    assert sum(1 for e in events if "RRULE" in e) == 4
    for e in events:  # every event is one all-day point: DTEND is the next day (RFC 5545)
        assert (e.decoded("dtend") - e.decoded("dtstart")).days == 1
    starts = {e.decoded("dtstart").isoformat() for e in events if "RRULE" not in e}
    assert {"2022-04-01", "2022-05-01", "2022-09-01"} <= starts  # April, Mei, September 2022: on the first day
    assert "2023-03-31" in starts  # the indicator's target 'maart 2023' is a deadline: its last day
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)
    # The item events link to their page; the agenda's own meeting has no item (no regio_url given).
    assert sum(1 for e in events if str(e.get("url", "")).startswith("https://voorbeeld.nl/agenda/utrecht-west/")) == 10
    assert calendar["version"] == "2.0" and "PRODID" in calendar
    assert all("DTSTAMP" in e for e in events)
    assert data.count(b"\r\n") > 20  # CRLF line endings (RFC 5545)


def test_feed_is_reproducible(result, uw):
    agenda = result.dataset.of("agendas")[UW]
    assert feed(agenda, uw.values()) == feed(agenda, reversed(list(uw.values())))


def test_feed_has_planned_meetings(result):
    agenda = result.dataset.of("agendas")["gooi-en-vechtstreek"]
    items = [i for i in result.dataset.of("agenda").values() if i.regio == "gooi-en-vechtstreek"]  # type: ignore[union-attr]
    events = Calendar.from_ical(feed(agenda, items)).walk("VEVENT")
    summaries = {str(e["summary"]): e.decoded("dtstart").isoformat() for e in events}
    assert summaries["Bespreking Directie-overleg"] == "2021-05-11"
    assert summaries["Definitieve versie in regionaal PFHO"] == "2021-09-16"
    # "23 maart, 20 april" is two meetings.
    assert sum(1 for e in events if str(e["summary"]) == "Bespreking Uitvoeringsoverleg") == 2


def test_an_invalid_item_is_one_error_not_a_cascade_of_broken_links(tmp_path, monkeypatch):
    data = _copy(tmp_path)
    _replace(data / "agenda" / UW / "ambitie-2.yml", "nummer: 2\n", 'nummer: "<b>2</b>"\n')
    code, output = _run(data, monkeypatch)
    fouten = [line for line in output.splitlines() if ": fout: " in line]
    assert code == 1
    assert fouten == [
        "data/agenda/utrecht-west/ambitie-2.yml:3:9: fout: nummer: '<b>2</b>' klopt niet: een nummer is een getal "
        "of een korte code van letters en cijfers, bijvoorbeeld 2, '2a', 'B' of '3.1'"
    ]
