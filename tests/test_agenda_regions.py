"""The agendas of Zuidoost Utrecht, Gooi en Vechtstreek, Twente and FoodValley, checked against their seed documents.

The data goes through `socialekaart.check.check`, the same path as `socialekaart check data`.
Every expected count below says where in the seed document it comes from, and a few exact
figures, names and dates are spot-checked, so a dropped item or a mistyped number fails.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import socialekaart.agenda  # noqa: F401  (registers the agenda record types)
from socialekaart.agenda.models import AgendaItem
from socialekaart.check import CheckResult, check

DATA = Path(__file__).resolve().parent / "fixtures" / "data"
REGIOS = ["zuidoost-utrecht", "gooi-en-vechtstreek", "twente", "foodvalley"]


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return check(DATA, date(2026, 1, 1))


def items(result: CheckResult, regio: str) -> dict[str, AgendaItem]:
    """The region's agenda items by slug."""
    found = {item.slug: item for item in result.dataset.of("agenda").values() if item.regio == regio}
    assert found, f"geen agendapunten voor {regio}"
    return found  # type: ignore[return-value]


def of_soort(result: CheckResult, regio: str, soort: str) -> list[AgendaItem]:
    return sorted((i for i in items(result, regio).values() if i.soort == soort), key=lambda i: str(i.nummer).zfill(3))


def counts(result: CheckResult, regio: str) -> tuple[int, int, int]:
    """(items, resultaten, activiteiten) of a region."""
    group = items(result, regio).values()
    return len(group), sum(len(i.resultaten) for i in group), sum(len(i.activiteiten()) for i in group)


@pytest.mark.parametrize("regio", REGIOS)
def test_no_problems_in_region(result: CheckResult, regio: str) -> None:
    mine = [
        p.gcc()
        for p in result.problems
        if f"agenda/{regio}/" in p.path.replace("\\", "/") or p.path.replace("\\", "/").endswith(f"agendas/{regio}.yml")
    ]
    assert mine == []


@pytest.mark.parametrize("regio", REGIOS)
def test_every_file_points_at_the_schema(regio: str) -> None:
    for path in sorted((DATA / "agenda" / regio).glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../../schemas/agenda.schema.json", path


@pytest.mark.parametrize("regio", REGIOS)
def test_indeling_names_every_soort(result: CheckResult, regio: str) -> None:
    """The region's metadata lists every kind of item it has, so the site shows them all."""
    agenda = result.dataset.of("agendas")[regio]
    assert {i.soort for i in items(result, regio).values()} <= set(agenda.indeling)


# --- FoodValley (seed 004: tussenevaluatie transformatieprogramma) ------------------------


def test_foodvalley_counts(result: CheckResult) -> None:
    projecten = of_soort(result, "foodvalley", "project")
    # "Resultaten per project": sections 1. Afbouw Verblijf ... 7. Jeugdbescherming Dichterbij.
    assert [p.nummer for p in projecten] == [1, 2, 3, 4, 5, 6, 7]
    # "Ons verhaal geeft kader en richting": nine statements, 'Alle kinderen zijn normaal' ... 'We blijven leren'.
    assert len(of_soort(result, "foodvalley", "principe")) == 9
    # "Oorspronkelijke doelstellingen", Randvoorwaarden 1-4 (Taskforce wachtlijsten ... Monitoring).
    assert len(of_soort(result, "foodvalley", "randvoorwaarde")) == 4
    # Items: 7 + 9 + 4. Resultaten: the six "Doelen 2021" of Afbouw Verblijf and parts A, B, C of
    # project 5 (each with its own status). No activities: 'Dit doen we door' is the aanpak.
    assert counts(result, "foodvalley") == (20, 9, 0)
    # 'Resultaten' per project, as progress: 6 (p1), A-D (p2), 4 qualitative (p3),
    # A, B and the 18+ costs (p4), 5 (p5), 2 (p6), 5 (p7).
    assert [len(p.voortgang) for p in projecten] == [6, 4, 4, 3, 5, 2, 5]
    # 'Dit doen we door': A-E, A-D, A-C, 2 lines, A-C, 3 bullets, 1 paragraph.
    assert [len(p.aanpak) for p in projecten] == [5, 4, 3, 2, 3, 3, 1]
    # Every project has 'Wat werkt goed'; 'Wat heeft aandacht' is missing only in project 7.
    assert [len(p.wat_werkt) for p in projecten] == [6, 3, 4, 1, 6, 2, 5]
    assert [len(p.aandachtspunten) for p in projecten] == [6, 4, 3, 2, 1, 3, 0]
    assert all(p.actielijn for p in projecten)


def test_foodvalley_figures(result: CheckResult) -> None:
    fv = items(result, "foodvalley")
    afbouw = fv["project-1-afbouw-verblijf"]
    assert afbouw.doelen[0] == "A: 50 jeugdigen met duurzaam perspectief uit residentieel naar pleegzorg/ thuis"
    assert afbouw.doelen[1] == "B: 15 jeugdigen minder van pleegzorg naar residentieel"
    assert afbouw.voortgang[0].tekst.startswith("60 jeugdigen meer naar huis dan er nieuw uit huis zijn geplaatst, 10 meer dan het doel")
    assert "gedaald van 20 naar 12" in afbouw.voortgang[1].tekst
    assert "toegenomen met 30% tot 28 kinderen" in afbouw.resultaten[1].omschrijving
    assert {r.planning.tekst for r in afbouw.resultaten} == {"2021"}

    crisis = fv["project-3-crisis-als-kans"]
    assert crisis.aanpak[2] == "C. 70% jeugdigen korter dan 28 dagen in crisisverblijf"
    assert crisis.stand_van_zaken == "Uitvoering sinds oktober 2020"
    assert crisis.planning is not None and crisis.planning.start == date(2020, 10, 1)

    achttien = fv["project-4-van-18-min-naar-18-plus"]
    metingen = {m.periode: m.waarde for m in achttien.kpis[0].metingen}
    assert metingen == {"okt. 2018": Decimal(98), "juli 2020": Decimal(38), "okt. 2020": Decimal(57)}
    assert "tussen 2018 (3,4 milj.) en 2020 (2,2 milj.)" in achttien.voortgang[2].tekst

    opvang = fv["project-5-van-exclusieve-opvang-naar-inclusieve-voorzieningen"]
    assert opvang.stand_van_zaken == "A en B afgerond, C on hold i.v.m. focus op inkoopstrategie"
    assert [r.status for r in opvang.resultaten] == ["afgerond", "afgerond", "vertraagd"]
    assert opvang.voortgang[1].tekst == "60 kinderen maken gebruik van BSO+"

    regie = fv["project-6-versterken-van-actieve-regie"]
    assert regie.doelen == ["Op 30% van onze cliënten voeren wij actieve regie (zij vertegenwoordigen 70% van de declaratiewaarde)"]

    dichterbij = fv["project-7-jeugdbescherming-dichterbij"]
    assert "22 casussen gedraaid" in dichterbij.voortgang[0].tekst
    assert "binnen 4 weken in plaats van de normtijd van 8 maanden" in (dichterbij.toelichting or "")

    # Ons verhaal links resolve to the principes with the document's exact wording.
    assert fv["principe-2"].titel == "Een kind hoort thuis"
    assert afbouw.hoort_bij == ["principe-2"]


# --- Twente (seed 003: samenwerkingsagenda, in uitwerking) -----------------------------------


def test_twente_counts(result: CheckResult) -> None:
    # "In de Regiovisie zijn 8 leidende principes genoemd" (1. Aanleiding agenda, Ad. 1).
    principes = of_soort(result, "twente", "principe")
    assert len(principes) == 8
    # "Naar aanleiding van de 1e 3 werksessies zijn we gekomen tot 5 hoofdlijnen" (3. Waar staan we inhoudelijk?).
    hoofdlijnen = of_soort(result, "twente", "hoofdlijn")
    assert [h.titel for h in hoofdlijnen] == [
        "Kloppend hart van sociaal domein",
        "Schakelmomenten",
        "Doelgroepen",
        "Monitoring en Leren",
        "Input inkoop en contractering",
    ]
    # Nothing is decided yet: no results or activities, every hoofdlijn is still being worked out.
    assert counts(result, "twente") == (13, 0, 0)
    assert {h.slug: h.status for h in hoofdlijnen} == {"hoofdlijn-1": "loopt", **{f"hoofdlijn-{n}": "gepland" for n in range(2, 6)}}


def test_twente_details(result: CheckResult) -> None:
    tw = items(result, "twente")
    assert tw["principe-4"].titel == "Thuis, tenzij..."
    assert tw["principe-6"].titel == "In Twente werken we zonder wachtlijsten"
    kloppend_hart = tw["hoofdlijn-1"]
    assert kloppend_hart.doel == "Een goede toeleiding naar passende hulp."
    assert kloppend_hart.bijeenkomsten[0].planning.start == date(2022, 5, 9)
    assert "Uithuisgeplaatste kinderen" in (tw["hoofdlijn-3"].toelichting or "")
    assert "sinds 2015" in (tw["hoofdlijn-4"].toelichting or "")


# --- Gooi en Vechtstreek (seed 002: Een toekomst met perspectief) -------------------------------


def test_gooi_counts(result: CheckResult) -> None:
    afspraken = of_soort(result, "gooi-en-vechtstreek", "afspraak")
    # "Dit hoofdstuk bevat de zeven afspraken die terugkomen in de NvO van de VNG" (hoofdstuk 4).
    assert [a.nummer for a in afspraken] == [1, 2, 3, 4, 5, 6, 7]
    # The bullets under "Samenvatting afspraak 1" ... "Samenvatting afspraak 7" are the resultaten.
    assert [len(a.resultaten) for a in afspraken] == [6, 5, 3, 4, 3, 3, 3]
    # 2.3 De opgaven: five numbered opgaven, opgave 2 with a. and b.
    opgaven = of_soort(result, "gooi-en-vechtstreek", "opgave")
    assert len(opgaven) == 5
    assert opgaven[1].doelen == ["a. Voorkomen van uithuisplaatsing", "b. Alternatieven voor residentieel verblijf"]
    # 3.2 Kernwaarden: Veiligheid ... Samen leren en verbeteren (eleven headings).
    kernwaarden = of_soort(result, "gooi-en-vechtstreek", "kernwaarde")
    assert len(kernwaarden) == 11
    assert kernwaarden[0].titel == "Veiligheid" and kernwaarden[-1].titel == "Samen leren en verbeteren"
    # Activities: the five needs under 'Versterken voorveld', three changes for verblijf and the
    # pilots in the jeugdbeschermingsketen (afspraak 1); 'Eenduidige samenwerking' 1-3 and the
    # five basisfuncties (afspraak 2).
    per_afspraak = [len(a.activiteiten()) for a in afspraken]
    assert per_afspraak == [9, 8, 0, 0, 0, 0, 0]
    assert counts(result, "gooi-en-vechtstreek") == (7 + 5 + 11, 27, 17)


def test_gooi_details(result: CheckResult) -> None:
    gv = items(result, "gooi-en-vechtstreek")
    assert gv["afspraak-4"].titel == "Hoe en voor welke functies (boven-)regionaal wordt samengewerkt"
    assert gv["afspraak-4"].resultaten[3].omschrijving == "Bovenregionale samenwerking met zowel Noord-Holland als Midden Nederland"
    assert "looptijd van 8 jaar" in (gv["afspraak-5"].toelichting or "")
    assert "(OBC) kende in 2020 geen inschrijvingen" in (gv["afspraak-5"].resultaten[2].toelichting or "")
    basisfuncties = gv["afspraak-2"].resultaten[4].activiteiten
    assert [b.omschrijving for b in basisfuncties] == [
        "Het bieden van een veilige leefomgeving.",
        "Het tijdig signaleren van de vraag.",
        "Vindbare en toegankelijke hulp.",
        "Handelen met een brede blik.",
        "Leren en verbeteren.",
    ]
    # The document announces 4 changes for verblijf but lists 3; the data says so.
    verblijf = gv["afspraak-1"].resultaten[4]
    assert verblijf.omschrijving == "Nieuwe inrichting Verblijf" and "4 belangrijke veranderingen" in (verblijf.opmerking or "")
    meta = result.dataset.of("agendas")["gooi-en-vechtstreek"]
    assert meta.brondocument.datum == date(2021, 8, 26)
    assert set(meta.indeling) == {i.soort for i in gv.values()}


# --- Zuidoost Utrecht (seed 001: Voortgang en vervolg Norm voor Opdrachtgeverschap ZOU) ------------


def test_zuidoost_utrecht_counts(result: CheckResult) -> None:
    speerpunten = of_soort(result, "zuidoost-utrecht", "speerpunt")
    # "bevat de NvO een Regionale Agenda met vier speerpunten"; headings in "Voortgang regionale agenda NvO".
    assert [s.titel for s in speerpunten] == [
        "De juiste passende integrale zorg, zo thuis en nabij mogelijk",
        "Meer regie door lokale teams bij onveiligheid in het vrijwillig kader",
        "Meer kinderen groeien thuis op of ontvangen zo gezinsgericht mogelijke hulp",
        "Versterkte samenwerking tussen toegang, jeugdhulp en onderwijs",
    ]
    # "Vervolginzet regionale NvO": each "<periode> / Doel: ..." block is a resultaat.
    # Speerpunt 1: Q4 2022-Q4 2023 (training), Q1 en Q2 2023 (randvoorwaarden), Q4 2022-Q4 2023
    # (poule), Q1-Q4 2023 (doorbraken), Q2-Q4 2023 (handreiking). Speerpunt 2: Q2 2022-Q1 2023
    # (pilot VT), Q1-Q4 2023 (zelfscan). Speerpunt 3: Doorlopend (verblijf), Q4 2022-Q4 2023
    # ('zo thuis mogelijk'), Doorlopend (essentiële functies). Speerpunt 4: Q4 2022-Q4 2023
    # (projectleider PO/VO), Q4 2022 (bovenregionaal fase 2), Q4 2022-Q1 2023 (mbo).
    assert [len(s.resultaten) for s in speerpunten] == [5, 2, 3, 3]
    # Activities per resultaat: the bullets, letters and numbers under each Doel.
    assert [[len(r.activiteiten) for r in s.resultaten] for s in speerpunten] == [
        [3, 4, 2, 6, 4],  # 'dit najaar' + 2 bullets; a-d; poule + projectleider; 3 + 3 bullets; handreiking steps
        [2, 5],  # pilot voortzetten + evalueren; the 5 regional recommendations from the Zelfscan
        [4, 2, 1],  # 1-4 ontwikkelopdracht; november bijeenkomst + kwartaalbijeenkomsten; vastgoedtransities
        [3, 4, 1],  # ambitie, concretisering, evaluatie; opdracht parts 1-4; the businesscase
    ]
    assert counts(result, "zuidoost-utrecht") == (4, 13, 41)
    # Voortgang 2022: lists, essentiële functies, vastgoed and a 'Resultaat' per speerpunt.
    assert [len(s.voortgang) for s in speerpunten] == [4, 2, 4, 4]
    assert all(s.voortgang[-1].titel == "Resultaat" for s in speerpunten)


def test_zuidoost_utrecht_figures(result: CheckResult) -> None:
    zou = items(result, "zuidoost-utrecht")
    plannings = [r.planning.tekst for s in ("speerpunt-1", "speerpunt-2", "speerpunt-3", "speerpunt-4") for r in zou[s].resultaten]
    assert plannings == [
        "Q4 2022 t/m Q4 2023", "Q1 en Q2 2023", "Q4 2022 t/m Q4 2023", "Q1 t/m Q4 2023", "Q2 t/m Q4 2023",
        "Q2 2022 t/m Q1 2023", "Q1 t/m Q4 2023",
        "Doorlopend", "Q4 2022 t/m Q4 2023", "Doorlopend",
        "Q4 2022 t/m Q4 2023", "Q4 2022", "Q4 2022 t/m Q1 2023",
    ]
    eerste = zou["speerpunt-1"].resultaten[0].planning
    assert (eerste.start, eerste.eind) == (date(2022, 10, 1), date(2023, 12, 31))
    yeph = {m.periode: m.waarde for m in zou["speerpunt-3"].kpis[0].metingen}
    assert yeph == {"december 2021": Decimal(50), "juni 2022": Decimal(20)}
    assert "vanaf medio 2023 niet groter dan vijf kinderen per groep" in zou["speerpunt-3"].voortgang[2].tekst
    assert "doorklikbare interactieve pdf" in zou["speerpunt-3"].voortgang[0].tekst
    fase2 = zou["speerpunt-4"].resultaten[1]
    assert fase2.activiteiten[3].planning.eind == date(2022, 11, 30)
    assert "De Rafaëlschool in Utrecht en VSO Heuvelrug College" in (fase2.toelichting or "")
    assert "Op 18 mei 2022 stelden bestuurders vast" in zou["speerpunt-4"].voortgang[1].tekst
    assert zou["speerpunt-4"].bijeenkomsten[0].planning.start == date(2022, 12, 21)
    assert "Vanaf 1 maart" in zou["speerpunt-2"].voortgang[0].tekst
