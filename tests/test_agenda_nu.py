"""The agenda seen from the build date: looptijd, 'Wat gebeurt er nu', the current quarter on
the planning page, statuses with a date, the staleness warning, and the iCal feed with URLs,
point events and repetition. Built on fixed dates (SOCIALEKAART_DATUM), from the fixture data."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from sitebouw import FIXTURE_DATA, make_project, run_build
from site_dom import load
from socialekaart.agenda import nu
from socialekaart.agenda.ical import feed, ritme
from socialekaart.agenda.models import Agenda
from socialekaart.agenda.overzicht import items_van, planning_overzicht
from socialekaart.agenda.planning import normaliseer
from socialekaart.check import check
from socialekaart.cli import main

DATUM = "2026-12-01"
SITE_URL = "https://jeugd.voorbeeld.nl/kaart/"


@pytest.fixture(scope="module")
def dataset():
    return check(FIXTURE_DATA, date(2026, 12, 1)).dataset


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The fixture data built on 1 December 2026, with a site_url (for the feed's links)."""
    base = tmp_path_factory.mktemp("nu")
    project = make_project(base / "p")
    config = project / "mkdocs.yml"
    text = re.sub(r"(?m)^#? ?site_url:.*$", "", config.read_text(encoding="utf-8"))
    config.write_text(f"site_url: {SITE_URL}\n" + text, encoding="utf-8")
    result = run_build(project, base / "site", datum=DATUM)
    assert result.returncode == 0, result.output
    return result.site


def tekst(site: Path, pad: str) -> str:
    return " ".join(load(site / pad / "index.html").find("article").text.split())


# --- looptijd and 'now' in the domain ----------------------------------------------------------


def _agenda(dataset, regio: str) -> Agenda:
    return dataset.of("agendas")[regio]


def test_looptijd_says_running_or_ended(dataset):
    uw = _agenda(dataset, "utrecht-west")
    assert nu.looptijd(uw, date(2026, 12, 1)).tekst == "Afgelopen op 31 december 2025"
    binnenkort = nu.looptijd(uw, date(2025, 11, 15))
    assert binnenkort.tekst == "Loopt tot 31 december 2025" and binnenkort.loopt and binnenkort.eindigt_binnenkort
    assert not nu.looptijd(uw, date(2024, 3, 1)).eindigt_binnenkort
    twente = nu.looptijd(_agenda(dataset, "twente"), date(2026, 12, 1))
    assert twente.loopt and twente.tekst == "Loopt tot nader order (sinds 2022): het document noemt geen einddatum"


def test_wat_nu_lists_this_and_next_quarter_and_coming_meetings(dataset):
    uw = _agenda(dataset, "utrecht-west")
    items = items_van(dataset, "utrecht-west")
    # April 2022: result 1 of ambitie 2 (April 2022) is now; result 2 (Mei 2022) is next quarter.
    overzicht = nu.wat_nu(items, uw, date(2022, 3, 15))
    assert overzicht.nu == (2022, 1) and overzicht.volgende == (2022, 2)
    volgend = [r.wat for r in overzicht.volgend_kwartaal]
    assert any(r.planning.tekst == "April 2022" for r in overzicht.volgend_kwartaal), volgend
    assert not any(r.planning.tekst == "April 2022" for r in overzicht.dit_kwartaal)
    in_april = nu.wat_nu(items, uw, date(2022, 4, 10))
    assert any(r.planning.tekst == "April 2022" for r in in_april.dit_kwartaal)
    assert overzicht.doorlopend > 0 and overzicht.laatste_planning is None
    gv = _agenda(dataset, "gooi-en-vechtstreek")
    gv_items = items_van(dataset, "gooi-en-vechtstreek")
    vroeg = nu.wat_nu(gv_items, gv, date(2021, 5, 1))
    assert [r.wat for r in vroeg.bijeenkomsten][:1] == ["Bespreking Directie-overleg"]  # 11 mei 2021: still to come
    laat = nu.wat_nu(gv_items, gv, date(2026, 12, 1))
    assert laat.bijeenkomsten == [] and laat.laatste_planning is not None


def test_planning_opens_at_this_year_or_the_nearest():
    assert nu.open_jaar([2022, 2023, 2024], date(2023, 6, 1)) == 2023
    assert nu.open_jaar([2022, 2023], date(2026, 12, 1)) == 2023
    assert nu.open_jaar([2022, 2024], date(2023, 6, 1)) == 2024  # a tie: the later year
    assert nu.open_jaar([], date(2023, 6, 1)) is None


def test_is_nu_marks_the_quarter_of_the_build_date():
    from socialekaart.agenda.overzicht import PlanningRegel

    def regel(tekst: str) -> PlanningRegel:
        return PlanningRegel(None, None, None, "x", normaliseer(tekst))

    vandaag = date(2023, 11, 20)
    assert nu.is_nu(regel("Q4 2022 t/m Q4 2023"), vandaag)
    assert nu.is_nu(regel("november 2023"), vandaag)
    assert nu.is_nu(regel("2022 e.v."), vandaag)  # started, no end
    assert not nu.is_nu(regel("Q1 2024"), vandaag)
    assert not nu.is_nu(regel("doorlopend"), vandaag)  # no dates: never marked as a quarter


# --- the pages on 1 December 2026 ---------------------------------------------------------------


def test_every_agenda_says_whether_it_runs(site, dataset):
    overzicht = tekst(site, "agenda")
    for regio in dataset.of("agendas"):
        pagina = tekst(site, f"agenda/{regio}")
        assert re.search(r"(Loopt tot|Afgelopen op) ", pagina), regio
        assert "Bijgewerkt op 1 december 2026" in pagina
    assert "Afgelopen op 31 december 2025" in overzicht  # Utrecht West 2022-2025
    assert "Afgelopen op 31 december 2021" in overzicht  # FoodValley


def test_region_page_has_wat_gebeurt_er_nu(site):
    pagina = load(site / "agenda/utrecht-west/index.html").find("article")
    sectie = pagina.find("section", class_="sk-nu-sectie")
    assert sectie is not None and sectie.find("h2").text == "Wat gebeurt er nu"
    inhoud = " ".join(sectie.text.split())
    assert "Vandaag is het 1 december 2026 (Q4 2026)" in inhoud
    assert "De looptijd van deze agenda is voorbij" in inhoud
    # Open-ended plannings ('2022 e.v.') still run according to the document.
    assert "Dit kwartaal (Q4 2026)" in inhoud and "2022 e.v." in inhoud


def test_planning_page_opens_one_year_and_marks_this_quarter(site):
    pagina = load(site / "agenda/utrecht-west/planning/index.html").find("article")
    jaren = pagina.find_all("details", class_="sk-jaar")
    assert [d.get("id") for d in jaren] == ["jaar-2022", "jaar-2023"]
    assert ["open" in d.attrs for d in jaren] == [False, True]  # 2026 has none: the nearest year
    nu_rijen = pagina.find_all("tr", class_="sk-nu")
    assert nu_rijen and all("nu" in r.find("td").text for r in nu_rijen)
    assert all("e.v." in r.text or "vanaf" in r.text.lower() for r in nu_rijen)  # only what still runs in Q4 2026
    tijdlijn = pagina.find("div", class_="sk-tijdlijn")
    assert tijdlijn.find("span", class_="sk-tijdlijn-nu-label") is not None  # the axis reaches today
    assert "De rode lijn is vandaag (1 december 2026)" in " ".join(pagina.text.split())


def test_status_page_shows_counts_and_recent_changes(site):
    pagina = tekst(site, "agenda/twente/stand-van-zaken")
    assert "Wat is er veranderd" in pagina
    assert "9 mei 2022" in pagina and "Loopt" in pagina


# --- statuses and the staleness warning in `socialekaart check` ------------------------------------


def _copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    return data


def _check(data: Path, datum: str = DATUM) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", str(data), "--datum", datum])
    return result.exit_code, result.output


def test_old_bijgewerkt_op_is_a_positioned_warning(tmp_path):
    data = _copy(tmp_path)
    pad = data / "agendas" / "twente.yml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("bijgewerkt_op: 2026-12-01", "bijgewerkt_op: 2026-05-01"), encoding="utf-8")
    code, output = _check(data)
    regel = next(i for i, line in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1) if line.startswith("bijgewerkt_op"))
    assert code == 0
    assert (f"agendas/twente.yml:{regel}:16: waarschuwing: bijgewerkt_op: de agenda is bijgewerkt op 2026-05-01, "
            "meer dan 6 maanden geleden") in output
    pad.write_text(pad.read_text(encoding="utf-8").replace("bijgewerkt_op: 2026-05-01", "bijgewerkt_op: 2026-07-01"), encoding="utf-8")
    code, output = _check(data)  # five months: no warning
    assert code == 0 and ": bijgewerkt_op:" not in output


def test_bijgewerkt_op_is_required(tmp_path):
    data = _copy(tmp_path)
    pad = data / "agendas" / "twente.yml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("bijgewerkt_op: 2026-12-01\n", ""), encoding="utf-8")
    code, output = _check(data)
    assert code == 1
    assert re.search(r"agendas/twente\.yml:\d+:\d+: fout: bijgewerkt_op: ", output), output
    assert "Traceback" not in output


def test_status_date_needs_a_status_and_a_known_value(tmp_path):
    data = _copy(tmp_path)
    pad = data / "agenda" / "twente" / "hoofdlijn-1.yml"
    tekst_ = pad.read_text(encoding="utf-8")
    pad.write_text(tekst_.replace("status: loopt\n", ""), encoding="utf-8")
    code, output = _check(data)
    assert code == 1 and "hoofdlijn-1.yml:9:12: fout: status_op: 'status_op' hoort bij een status; vul ook 'status' in" in output
    pad.write_text(tekst_.replace("status: loopt", "status: lopend"), encoding="utf-8")
    code, output = _check(data)
    assert code == 1 and re.search(r"hoofdlijn-1\.yml:9:9: fout: status: .*gepland.*niet-vermeld", output), output
    pad.write_text(tekst_.replace("status_op: 2022-05-09", "status_op: 2027-01-01"), encoding="utf-8")
    code, output = _check(data)
    assert code == 1 and "2027-01-01 ligt in de toekomst" in output


# --- iCal -----------------------------------------------------------------------------------------


def test_feed_round_trips_and_carries_urls(site):
    for ics in sorted((site / "agenda").glob("*/agenda.ics")):
        data = ics.read_bytes()
        calendar = Calendar.from_ical(data)
        assert calendar.to_ical() == data  # parse and write again: nothing lost or changed
        regels = data.split(b"\r\n")
        assert all(len(r) <= 75 for r in regels), "RFC 5545 3.1: content lines are folded at 75 octets"
        assert regels[0] == b"BEGIN:VCALENDAR" and regels[-2:] == [b"END:VCALENDAR", b""]
        regio = ics.parent.name
        for event in calendar.walk("VEVENT"):
            url = str(event["url"])
            assert url.startswith(f"{SITE_URL}agenda/{regio}/"), url
            pad = url.removeprefix(SITE_URL)
            assert (site / pad / "index.html").is_file(), f"{url} points to no page"
            assert (event.decoded("dtend") - event.decoded("dtstart")).days == 1
            assert not str(event["summary"]).endswith("…")
            assert len(str(event["summary"])) <= 100  # a calendar line, not a paragraph


def test_feed_titles_are_whole_and_details_go_to_the_description(dataset):
    items = items_van(dataset, "zuidoost-utrecht")
    events = Calendar.from_ical(feed(_agenda(dataset, "zuidoost-utrecht"), items)).walk("VEVENT")
    for event in events:
        summary, description = str(event["summary"]), str(event["description"])
        assert len(summary) <= 100 and not summary.endswith("…")
        assert "Planning: " in description
    # Every result and activity with a date keeps its whole text: in the summary or the description.
    alles = " ".join(" ".join(f"{e['summary']} {e['description']}".split()) for e in events)
    gedateerd = [t for i in items for r in i.resultaten for t in [r.omschrijving] if r.planning and r.planning.begrensd]
    assert gedateerd and all(" ".join(t.split()) in alles for t in gedateerd)
    kop = next(str(e["summary"]) for e in events if "Versterken van procesregie en het samenspel" in str(e["description"]))
    assert kop == "Start: Lokale teams versterken – resultaat 3"  # too long for a line: its short name


def test_dated_milestones_are_points_not_year_long_events(dataset):
    items = items_van(dataset, "utrecht-west")
    events = Calendar.from_ical(feed(_agenda(dataset, "utrecht-west"), items)).walk("VEVENT")
    in_2022 = [e for e in events if "(2022 ontwikkelen)" in str(e["description"]) or "Planning: In 2022" in str(e["description"])]
    assert in_2022
    for e in in_2022:
        assert e.decoded("dtstart") == date(2022, 1, 1) and e.decoded("dtend") == date(2022, 1, 2)
        assert "1 januari 2022 tot en met 31 december 2022" in str(e["description"])


def test_rhythm_becomes_rrule():
    assert ritme(normaliseer("maandelijks")) == ({"freq": "MONTHLY"}, 1)
    assert ritme(normaliseer("jaarlijks in september")) == ({"freq": "YEARLY", "bymonth": 9}, 9)
    assert ritme(normaliseer("Jaarlijks in sept")) == ({"freq": "YEARLY", "bymonth": 9}, 9)
    assert ritme(normaliseer("Periodiek 4x per jaar")) == ({"freq": "MONTHLY", "interval": 3}, 1)
    assert ritme(normaliseer("3-4 keer per jaar")) is None  # no fixed rhythm: not invented
    assert ritme(normaliseer("Periodiek")) is None


def test_feed_repeats_within_the_looptijd(dataset):
    items = items_van(dataset, "utrecht-west")
    events = Calendar.from_ical(feed(_agenda(dataset, "utrecht-west"), items)).walk("VEVENT")
    herhaald = {str(e["summary"]): e for e in events if "RRULE" in e}
    september = next(e for s, e in herhaald.items() if "scholingsbehoefte" in s)
    assert september.decoded("dtstart") == date(2022, 9, 1)
    assert september["rrule"]["FREQ"] == ["YEARLY"] and september["rrule"]["BYMONTH"] == [9]
    assert september["rrule"]["UNTIL"] == [date(2025, 12, 31)]
    maandelijks = next(e for s, e in herhaald.items() if s.startswith("Beleidsoverleg Jeugd"))
    assert maandelijks["rrule"]["FREQ"] == ["MONTHLY"]
    # Without a site URL the feed has no links at all (never a made-up address).
    assert all("URL" not in e for e in events)


def test_planning_overview_still_groups_per_start_year(dataset):
    overzicht = planning_overzicht(items_van(dataset, "utrecht-west"), _agenda(dataset, "utrecht-west"))
    assert sorted(overzicht.per_jaar) == [2022, 2023]


# --- what the model extensions put on the pages ----------------------------------------------------


def test_region_pages_show_figures_cross_tables_and_progress_of_the_whole_agenda(site):
    gv = load(site / "agenda/gooi-en-vechtstreek/index.html").find("article")
    kruis = next(t for t in gv.find_all("table") if t.find("caption").text.startswith("Aantal cliënten en gemiddelde kosten per cliënt"))
    kop = [th.text for th in kruis.find("thead").find_all("th")]
    assert kop[0] == "Productgroep" and len(kop) == 9
    rijen = {tr.find("th").text: [td.text for td in tr.find_all("td")] for tr in kruis.find("tbody").find_all("tr")}
    assert rijen["JW Ambulante jeugdhulp"][kop.index("Huisarts") - 1] == "3.404€ 2.551"  # two values, a line apart
    vak = next(d for d in gv.find_all("div", class_="sk-tabelvak") if kruis in d.find_all("table"))
    assert vak.get("role") == "region" and vak.get("tabindex") == "0"  # wide: scrolls in its own box, reachable by keyboard
    tekst_gv = " ".join(gv.text.split())
    assert "Cijfers van de hele agenda" in tekst_gv and "6.054" in tekst_gv
    twente = tekst(site, "agenda/twente")
    assert "Voortgang en resultaten" in twente and "Afronding ontwikkeltafel 2: Jeugdbeschermingstafels" in twente


def test_item_pages_show_start_per_gemeente_and_planning_per_level(site):
    ambitie_1 = load(site / "agenda/utrecht-west/ambitie-1/index.html").find("article")
    tabel = next(t for t in ambitie_1.find_all("table") if t.find("caption").text == "Wanneer elke gemeente begon")
    assert [(tr.find("th").text, tr.find("td").text) for tr in tabel.find("tbody").find_all("tr")][:2] == [
        ("Montfoort", "Voor 1 april 2020"), ("Oudewater", "April 2020"),
    ]
    ambitie_3 = load(site / "agenda/utrecht-west/ambitie-3/index.html").find("article")
    dt = next(d for d in ambitie_3.find_all("dt") if d.text == "Planning per onderdeel")
    regels = [li.text for dl in ambitie_3.find_all("dl") if dt in dl.find_all("dt") for li in dl.find_all("li")]
    assert regels[-2:] == ["Regionaal ontwikkelen en vastleggen: 2022", "Lokaal implementeren: 2023 e.v."]
