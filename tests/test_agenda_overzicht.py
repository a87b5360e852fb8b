"""What the agenda pages compute, tested on the real Utrecht West data: planning groups,
counts, budget tables, KPI tables and chart geometry, and Dutch number formats."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from socialekaart.agenda import overzicht as ov
from socialekaart.agenda.grafiek import kernpunt, staafgrafiek, tijdlijn, trend, trend_rijen
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
    assert len(grafiek.groepen) == 5 and all(len(staven) == 3 for _, staven in grafiek.groepen)
    staven = [(gebied, s) for gebied, groep in grafiek.groepen for s in groep]
    gebied, langste = max(staven, key=lambda p: p[1].breedte)
    assert (gebied, langste.periode, langste.waarde, langste.breedte) == ("Woerden", "2019", "87", 100.0)  # the largest value: full width
    assert all(0 <= s.breedte <= 100 for _, s in staven)


def test_trend_chart_for_several_periods_is_drawn_at_phone_width(dataset, uw):
    kpi = next(k for k in uw[0].kpis if k.naam == "Spoedinterventies - crisis interventies")
    tabel = ov.kpi_tabel(kpi, dataset.gemeente_naam)
    lijnen = trend_rijen(tabel)
    assert lijnen is not None and lijnen.codes == ["regio"]  # the region, not six crossing lines
    t = trend(lijnen)
    # Drawn at the content width of a 360 px phone, text at body size: it is not scaled down there.
    assert t.breedte <= 328 and t.letter >= 16
    assert [p for _, p in t.assen] == ["2019", "2020", "2021 t/m juni"]
    (lijn,) = t.lijnen
    assert [w for _, _, w in lijn.punten] == [ov.getal(w) for w in tabel.rijen[-1][1]]
    assert all(t.links <= x <= t.breedte and 0 <= y <= t.onder for x, y, _ in lijn.punten)
    # One period (randvoorwaarde 5's figures) gives no trend.
    een = ov.kpi_tabel(next(k for k in uw[4].kpis if k.metingen), dataset.gemeente_naam)
    assert trend_rijen(een) is None


def test_takeaway_is_read_from_the_figures(dataset, uw):
    kpi = next(k for k in uw[0].kpis if k.naam == "Spoedinterventies - crisis interventies")
    tabel = ov.kpi_tabel(kpi, dataset.gemeente_naam)
    regio = dict(zip(tabel.codes, tabel.rijen))["regio"][1]
    zin = kernpunt(tabel)
    assert zin.startswith(f"regio: van {ov.getal(regio[0])} (2019) naar {ov.getal(regio[-1])} (2021 t/m juni)")
    een = ov.kpi_tabel(next(k for k in uw[4].kpis if k.metingen), dataset.gemeente_naam)
    assert kernpunt(een).startswith(f"In {een.periodes[-1]} het hoogst in ")
    eigen = een.kpi.model_copy(update={"conclusie": "Woerden heeft de meeste eenoudergezinnen."})
    assert kernpunt(ov.KpiTabel(eigen, een.periodes, een.rijen, een.codes)) == "Woerden heeft de meeste eenoudergezinnen."


def test_timeline_geometry(uw):
    overzicht = ov.planning_overzicht(uw)
    t = tijdlijn(overzicht.gedateerd, 2025)
    assert t is not None and len(t.balken) == len(overzicht.gedateerd)
    assert [s.label for s in t.jaren] == ["2022", "2023", "2024", "2025"]  # open-ended bars run to 2025
    april = next(b for b in t.balken if b.planning == "April 2022")
    mei = next(b for b in t.balken if b.planning == "Mei 2022")
    assert april.links < mei.links and abs(april.links + april.breedte - mei.links) < 0.1  # April ends where May begins
    assert all(b.open_einde == ("e.v." in b.planning or "vanaf" in b.planning) for b in t.balken)
    assert all(0 <= b.links and b.links + b.breedte <= 100.01 for b in t.balken)
    assert t.nu is None  # no build date given: nothing marked


def test_timeline_marks_today_and_reaches_it(uw):
    overzicht = ov.planning_overzicht(uw)
    t = tijdlijn(overzicht.gedateerd, 2025, date(2026, 12, 1), lambda r: r.planning.soort == "vanaf")
    assert t.jaren[-1].label == "2026" and t.nu is not None and 95 < t.nu < 100  # 1 december: near the end
    assert any(b.nu for b in t.balken)
    ver = tijdlijn(overzicht.gedateerd, 2025, date(2031, 6, 1))
    assert ver.laatste == 2025 and ver.nu is None and ver.na_einde  # years later: not stretched, said in words


def test_links_both_ways(dataset):
    item = dataset.of("agenda")["utrecht-west/ambitie-3"]
    teams = ov.records_in_regio(dataset, "lokale-teams", "utrecht-west")
    assert len(teams) == 5
    for team in teams:
        assert item in ov.agenda_voor(dataset, team, "lokale-teams")
    ambitie_2 = dataset.of("agenda")["utrecht-west/ambitie-2"]
    bijdragen = ov.bijdragen(dataset, ambitie_2)
    assert bijdragen and all("utrecht-west/ambitie-2" in r.agenda for r in bijdragen)
