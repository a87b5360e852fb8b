"""The planning normaliser: every wording the five seed agendas use, and clear errors."""

from __future__ import annotations

from datetime import date

import pytest

from socialekaart.agenda.planning import PlanningFout, normaliseer

D = date


@pytest.mark.parametrize(
    ("tekst", "soort", "start", "eind"),
    [
        # Utrecht West, Bijlage 2
        ("April 2022", "maand", D(2022, 4, 1), D(2022, 4, 30)),
        ("Mei 2022", "maand", D(2022, 5, 1), D(2022, 5, 31)),
        ("September 2022", "maand", D(2022, 9, 1), D(2022, 9, 30)),
        ("2022", "jaar", D(2022, 1, 1), D(2022, 12, 31)),
        ("2022 e.v.", "vanaf", D(2022, 1, 1), None),
        ("2023 e.v.", "vanaf", D(2023, 1, 1), None),
        ("2022 - 2023 e.v.", "vanaf", D(2022, 1, 1), None),
        ("In 2022 ontwikkelen", "jaar", D(2022, 1, 1), D(2022, 12, 31)),
        ("vanaf juli 2023", "vanaf", D(2023, 7, 1), None),
        ("maart 2023", "maand", D(2023, 3, 1), D(2023, 3, 31)),
        # Zuidoost Utrecht
        ("Q4 2022 t/m Q4 2023", "periode", D(2022, 10, 1), D(2023, 12, 31)),
        ("Q1 en Q2 2023", "periode", D(2023, 1, 1), D(2023, 6, 30)),
        ("Q1 t/m Q4 2023", "periode", D(2023, 1, 1), D(2023, 12, 31)),
        ("Q2 t/m Q4 2023", "periode", D(2023, 4, 1), D(2023, 12, 31)),
        ("Q2 2022 t/m Q1 2023", "periode", D(2022, 4, 1), D(2023, 3, 31)),
        ("Q4 2022", "kwartaal", D(2022, 10, 1), D(2022, 12, 31)),
        ("medio 2023", "deel-van-jaar", D(2023, 5, 1), D(2023, 8, 31)),
        ("eind 2023", "deel-van-jaar", D(2023, 10, 1), D(2023, 12, 31)),
        ("najaar 2022", "deel-van-jaar", D(2022, 9, 1), D(2022, 11, 30)),
        ("voorjaar 2023", "deel-van-jaar", D(2023, 3, 1), D(2023, 5, 31)),
        ("tweede helft 2023", "deel-van-jaar", D(2023, 7, 1), D(2023, 12, 31)),
        ("2021 1e half jaar", "deel-van-jaar", D(2021, 1, 1), D(2021, 6, 30)),
        # Twente and general forms
        ("Mei/juni 2022", "periode", D(2022, 5, 1), D(2022, 6, 30)),
        ("april - juni 2022", "periode", D(2022, 4, 1), D(2022, 6, 30)),
        ("april – juni 2022", "periode", D(2022, 4, 1), D(2022, 6, 30)),
        ("2022 - 2023", "periode", D(2022, 1, 1), D(2023, 12, 31)),
        ("2022-05-11", "datum", D(2022, 5, 11), D(2022, 5, 11)),
        ("11 mei 2021", "datum", D(2021, 5, 11), D(2021, 5, 11)),
        ("29 febr. 2024", "datum", D(2024, 2, 29), D(2024, 2, 29)),
        # Wording in the other regions' data
        ("uiterlijk eind november 2022", "maand", D(2022, 11, 1), D(2022, 11, 30)),
        ("tweede helft van 2023", "deel-van-jaar", D(2023, 7, 1), D(2023, 12, 31)),
        ("halverwege 2023", "deel-van-jaar", D(2023, 5, 1), D(2023, 8, 31)),
        ("vanaf oktober 2020", "vanaf", D(2020, 10, 1), None),
        ("21 december 2022", "datum", D(2022, 12, 21), D(2022, 12, 21)),
    ],
)
def test_dated_wording(tekst, soort, start, eind):
    planning = normaliseer(tekst)
    assert (planning.soort, planning.start, planning.eind) == (soort, start, eind)
    assert planning.tekst == tekst  # the original wording is kept for display


@pytest.mark.parametrize(
    ("tekst", "soort", "frequentie"),
    [
        ("Doorlopend", "doorlopend", None),
        ("doorlopend", "doorlopend", None),
        ("Op indicatie", "op-indicatie", None),
        ("Jaarlijks", "terugkerend", "jaarlijks"),
        ("Jaarlijks in sept", "terugkerend", "jaarlijks in september"),
        ("Periodiek 4x per jaar", "terugkerend", "4x per jaar"),
        ("Periodiek", "terugkerend", "periodiek"),
        ("3-4 keer per jaar", "terugkerend", "3-4 keer per jaar"),
        ("maandelijks", "terugkerend", "maandelijks"),
        ("nader te bepalen", "onbepaald", None),
        ("per kwartaal", "terugkerend", "per kwartaal"),
        ("een keer per half jaar", "terugkerend", "een keer per half jaar"),
        ("2x per jaar", "terugkerend", "2x per jaar"),
        ("halfjaarlijks", "terugkerend", "halfjaarlijks"),
        ("1 keer per 6 weken", "terugkerend", "1 keer per 6 weken"),
    ],
)
def test_recurring_and_indefinite_wording(tekst, soort, frequentie):
    planning = normaliseer(tekst)
    assert planning.soort == soort
    assert planning.frequentie == frequentie
    assert planning.start is None and planning.eind is None
    assert not planning.begrensd


def test_wording_without_year_uses_the_given_year():
    assert (normaliseer("maart", 2022).start, normaliseer("maart", 2022).eind) == (D(2022, 3, 1), D(2022, 3, 31))
    assert normaliseer("Q3", 2022).soort == "kwartaal"
    planning = normaliseer("Eind september/begin oktober", 2022)
    assert (planning.soort, planning.start, planning.eind) == ("periode", D(2022, 9, 1), D(2022, 10, 31))
    planning = normaliseer("Maart – zomer", 2022)
    assert (planning.start, planning.eind) == (D(2022, 3, 1), D(2022, 8, 31))


def test_lists_of_days_and_months():
    days = normaliseer("23 maart, 20 april", 2021)
    assert days.soort == "datums"
    assert days.datums == (D(2021, 3, 23), D(2021, 4, 20))
    months = normaliseer("Februari, maart", 2021)
    assert (months.soort, months.start, months.eind) == ("periode", D(2021, 2, 1), D(2021, 3, 31))


@pytest.mark.parametrize("tekst", ["maart", "Q3", "11 mei"])
def test_missing_year_says_how_to_add_it(tekst):
    with pytest.raises(PlanningFout, match="geen jaartal") as error:
        normaliseer(tekst)
    assert "jaar: 2022" in str(error.value)


@pytest.mark.parametrize("tekst", ["Planning", "Q5 2022", "binnenkort", "2022 ongeveer", "elke volle maan"])
def test_unknown_wording_lists_the_accepted_forms(tekst):
    with pytest.raises(PlanningFout) as error:
        normaliseer(tekst)
    message = str(error.value)
    assert f"'{tekst}'" in message
    for form in ("april 2022", "Q4 2022 t/m Q4 2023", "2022 e.v.", "doorlopend", "op indicatie", "periodiek 4x per jaar"):
        assert form in message


def test_impossible_and_backwards_dates():
    with pytest.raises(PlanningFout, match="geen bestaande datum"):
        normaliseer("31 februari 2022")
    with pytest.raises(PlanningFout, match="vóór het begin"):
        normaliseer("Q4 2023 t/m Q1 2022")
    with pytest.raises(PlanningFout, match="leeg"):
        normaliseer("  ")


def test_sorting_puts_dated_plannings_first_in_time_order():
    teksten = ["Op indicatie", "2022 e.v.", "Doorlopend", "Q4 2022", "April 2022", "Jaarlijks", "nader te bepalen"]
    ordered = [p.tekst for p in sorted((normaliseer(t) for t in teksten), key=lambda p: p.sorteersleutel())]
    assert ordered == ["2022 e.v.", "April 2022", "Q4 2022", "Doorlopend", "Jaarlijks", "Op indicatie", "nader te bepalen"]


def test_quarters_touched():
    assert normaliseer("Q4 2022 t/m Q2 2023").kwartalen() == [(2022, 4), (2023, 1), (2023, 2)]
    assert normaliseer("April 2022").kwartalen() == [(2022, 2)]
    assert normaliseer("doorlopend").kwartalen() == []
    assert normaliseer("23 maart, 20 april", 2021).kwartalen() == [(2021, 1), (2021, 2)]
