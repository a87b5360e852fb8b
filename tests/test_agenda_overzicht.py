"""What the agenda pages compute, tested on the real Utrecht West data: planning groups,
counts, budget tables, KPI tables and chart geometry, and Dutch number formats."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from socialekaart.agenda import overzicht as ov
from socialekaart.agenda.grafiek import staafgrafiek, tijdlijn
from socialekaart.agenda.planning import normaliseer
from socialekaart.check import check

DATA = Path(__file__).resolve().parent / "fixtures" / "data"


@pytest.fixture(scope="module")
def dataset():
    return check(DATA).dataset


@pytest.fixture(scope="module")
def uw(dataset):
    return ov.items_van(dataset, "utrecht-west")


def test_items_in_document_order(uw):
    assert [i.slug for i in uw] == ["ambitie-1", "ambitie-2", "ambitie-3", "ambitie-4", "randvoorwaarde-5"]
    assert [label for label, _ in ov.groepen(uw)] == ["Ambities", "Randvoorwaarden"]


@pytest.mark.parametrize(
    ("waarde", "eenheid", "tekst"),
    [(Decimal(110000), "euro", "€ 110.000"), (Decimal(0), "euro", "€ 0"), (Decimal("1234567.5"), "euro", "€ 1.234.567,5"),
     (Decimal(32), "uur per week", "32 uur per week"), (Decimal("2.50"), "fte", "2,5 fte")],
)
def test_bedrag_in_dutch_notation(waarde, eenheid, tekst):
    assert ov.bedrag(waarde, eenheid) == tekst


def test_getal_in_dutch_notation():
    assert [ov.getal(Decimal(x)) for x in ("7.4", "271", "0.39", "10.30")] == ["7,4", "271", "0,39", "10,3"]


@pytest.mark.parametrize(
    ("tekst", "label"),
    [("April 2022", "Q2 (apr-jun)"), ("2022", "heel het jaar"), ("Q1 en Q2 2023", "Q1 t/m Q2"),
     ("Q4 2022 t/m Q4 2023", "Q4 2022 t/m Q4 2023"), ("2022 e.v.", "vanaf Q1"), ("vanaf juli 2023", "vanaf Q3")],
)
def test_kwartaal_label(tekst, label):
    assert ov.kwartaal_label(normaliseer(tekst)) == label


def test_planning_overview_groups_every_activity_once(uw):
    overzicht = ov.planning_overzicht(uw)
    total = len(overzicht.gedateerd) + len(overzicht.doorlopend) + len(overzicht.op_indicatie) + len(overzicht.zonder)
    # 35 activities, plus the two KPI deadlines of ambitie 2 ("vanaf juli 2023", "maart 2023").
    assert total == 35 + 2
    assert set(overzicht.per_jaar) == {2022, 2023}
    soorten = {r.planning.soort for r in overzicht.doorlopend}
    assert soorten == {"doorlopend", "terugkerend"}
    # An activity without its own planning shows the result's, and says so.
    regel = next(r for r in overzicht.gedateerd if r.wat.startswith("Ambtenaren jeugd inventariseren"))
    assert regel.van_resultaat and regel.planning.tekst == "April 2022"


def test_counts_per_schaalniveau(uw):
    per_item, totaal = ov.tellingen(uw)
    assert (totaal.resultaten, totaal.activiteiten) == (14, 35)
    ambitie_1 = per_item[0]
    # a: regionaal en lokaal; b: lokaal; c: lokaal, regionaal, bovenregionaal; 2a-b: lokaal i.s.m. regionaal; 3a: regionaal
    assert ambitie_1.schaal == {"lokaal": 5, "regionaal": 5, "bovenregionaal": 1}
    assert sum(totaal.status.values()) == 35


def test_budget_table_adds_item_lines_and_own_lines(dataset, uw):
    agenda = dataset.of("agendas")["utrecht-west"]
    tabellen = {t.begroting.id: t for t in ov.begroting_tabellen(agenda, uw)}
    assert tabellen["bestedingsvoorstel-2022"].berekend == 110000 and tabellen["bestedingsvoorstel-2022"].klopt
    assert tabellen["ambtelijke-investering"].berekend == 32 and tabellen["ambtelijke-investering"].klopt


def test_kpi_table_and_chart_geometry(dataset, uw):
    kpi = next(k for k in uw[0].kpis if k.naam == "Spoedinterventies - crisis interventies")
    tabel = ov.kpi_tabel(kpi, dataset.gemeente_naam)
    assert tabel.periodes == ["2019", "2020", "2021 t/m juni"]
    assert [naam for naam, _ in tabel.rijen] == ["De Ronde Venen", "Montfoort", "Oudewater", "Stichtse Vecht", "Woerden", "regio"]
    grafiek = staafgrafiek(tabel.zonder("regio"))
    assert len(grafiek.balken) == 15 and len(grafiek.legenda) == 3
    langste = max(grafiek.balken, key=lambda b: b.breedte)
    assert langste.titel == "Woerden, 2019: 87"  # the largest value gets the full width
    kort = min(grafiek.balken, key=lambda b: b.breedte)
    assert kort.breedte >= 1  # a zero still shows as a sliver, with its value as text


def test_timeline_geometry(uw):
    overzicht = ov.planning_overzicht(uw)
    t = tijdlijn(overzicht.gedateerd, 2025)
    assert t is not None and len(t.balken) == len(overzicht.gedateerd)
    assert [s.label for s in t.jaren] == ["2022", "2023", "2024", "2025"]  # open-ended bars run to 2025
    april = next(b for b in t.balken if "(April 2022)" in b.titel)
    mei = next(b for b in t.balken if "(Mei 2022)" in b.titel)
    assert april.x < mei.x and abs(april.x + april.breedte - mei.x) < 0.5  # April ends where May begins
    assert all(b.open_einde == ("e.v." in b.titel or "vanaf" in b.titel) for b in t.balken)


def test_links_both_ways(dataset):
    item = dataset.of("agenda")["utrecht-west/ambitie-3"]
    teams = ov.records_in_regio(dataset, "lokale-teams", "utrecht-west")
    assert len(teams) == 5
    for team in teams:
        assert item in ov.agenda_voor(dataset, team, "lokale-teams")
    ambitie_2 = dataset.of("agenda")["utrecht-west/ambitie-2"]
    bijdragen = ov.bijdragen(dataset, ambitie_2)
    assert bijdragen and all("utrecht-west/ambitie-2" in r.agenda for r in bijdragen)
