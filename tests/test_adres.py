"""The gezinshuis address rule: the usual Dutch ways of writing an address are refused, the
ordinary numbers of a gezinshuis text (ages, places, years, distances) are not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from socialekaart.adres import lijkt_op_adres
from socialekaart.cli import main
from socialekaart.models import Gezinshuis
from socialekaart.rules import _text_fields

ADRESSEN = [
    # street name with a suffix, number after
    "Kerkstraat 12",
    "Vlak bij de kerk, Kerkstraat 12 in Woerden",
    "kerkstraat 12",
    "Lange Nieuwstraat 12",
    "Oudegracht 123",
    "Van Limburg Stirumlaan 5",
    "Zandweg 4",
    "Achterdijk 3",
    "Molensingel 7",
    "Bakkerssteeg 2",
    "Kloosterhof 9",
    "Kerkpad 1",
    "Eikendreef 8",
    "Rozenerf 14",
    "Schoolpark 3",
    "Kerkplein 1",
    "Oostkade 12",
    "Noordeinde 5",
    "Oostzijde 112",
    "Rijksstraatweg 100",
    "Vismarkt 6",
    "Havenstraat 1-3",
    # additions to the number
    "Kerkstraat 12a",
    "Kerkstraat 12 A",
    "Kerkstraat 12-2",
    "Kerkstraat 12 bis",
    "Kerkstraat 12bis",
    "Kerkstraat 12-hs",
    # abbreviations
    "Dorpsstr. 12",
    "Dorpsstr 12",
    "Kerkstr.12",
    "Julianaln. 5",
    "Burg. Grothestr. 1",
    "Stationswg. 3",
    "Marktpln. 2",
    # the number first
    "12 Kerkstraat",
    "12a Kerkstraat",
    "12 Kerkstraat, Harmelen",
    "Wij wonen op 12 Dorpsstr. in Harmelen",
    # the number in words, huisnummer, nummer
    "Kerkstraat nummer twaalf",
    "Kerkstraat twaalf",
    "Kerkstraat nr. 12",
    "Kerkstraat nr 12",
    "Kerkstraat no. 12",
    "Kerkstraat, nr 12",
    "Wij wonen aan de Kerkstraat op nummer 12",
    "aan de Kerkstraat op nummer twaalf",
    "huisnummer 12",
    "Huisnummer: 12",
    "huisnr. 7",
    "huisnummer twaalf",
    "Dorpsstraat drieëntwintig",
    "Markt nummer drie",
    # common street words without a suffix
    "Markt 3",
    "Wetering 12",
    "Dorp 5",
    "Brink 2",
    "Ring 8",
    "Haven 15",
    "Dam 1",
    "Vaart 3",
    "Hof 7",
    # a street name in several words
    "Laan van Meerdervoort 12",
    "Laan van Nieuw Oost-Indië 12",
    "Hof van Holland 3",
    # postcodes
    "3441AB",
    "3441 AB",
    "3441ab",
    "Postcode 3441 AB Woerden",
    "Woerden (3441AB)",
    "Kerkstraat 12, 3441 AB Woerden",
]

GEEN_ADRESSEN = [
    "6 tot en met 16 jaar",
    "2 plekken",
    "0-18 jaar",
    "sinds 2012",
    "kinderen van 4 tot 12",
    "Zorg 24 uur per dag",
    "Gezinshuis De Linde",
    "Gezinshuis Het Erf",
    "Gezinshuis aan de Brink",
    "Vlak bij de Dorpsstraat",
    "In het dorp, 5 minuten van school",
    "Het dorp 5 km verderop heeft een station",
    "Dicht bij het park, 10 minuten lopen",
    "Op de markt 3 keer per week",
    "Een gezin met twee eigen kinderen en een grote tuin",
    "In de straat twee speeltuinen en een school",
    "Plek voor 1 kind van 0-4 jaar",
    "Ervaring met 3 broers en zussen samen",
    "Open sinds 1 september 2019",
    "Kinderen in groep 7 en 8, of gr. 7",
    "Zorg 24/7, ma t/m vr 9-17 uur bereikbaar",
    "Ruim 10 jaar ervaring in de jeugdzorg",
    "Tot het einde 2024 vol",
    "Maximaal 4 kinderen, 1 plek vrij",
    "Boerderij met 3 hectare grond",
    "Hechting en trauma (0-4 jaar)",
    "Sinds 2015 gezinshuis, daarvoor 8 jaar pleegouder",
    "Zo'n 1000km van zee",
    "Huisdieren: 2 honden en 1 kat",
    "Nummer 1 in de regio voor jonge kinderen",  # nummer without a street: no address
    "Tarief 2.5 keer per week, om 9.00 uur",
    "Leeftijd 4-12, groep 1 t/m 8",
]


def test_the_tables_are_big_enough() -> None:
    assert len(ADRESSEN) >= 40 and len(GEEN_ADRESSEN) >= 20


@pytest.mark.parametrize("text", ADRESSEN)
def test_address_shapes_are_recognised(text: str) -> None:
    assert lijkt_op_adres(text)


@pytest.mark.parametrize("text", GEEN_ADRESSEN)
def test_ordinary_texts_pass(text: str) -> None:
    assert not lijkt_op_adres(text)


# --- through the CLI, in every text field of a gezinshuis -----------------------------------------

BASIS = Path(__file__).parent / "corpus" / "_basis" / "data"
HUIS = BASIS / "gezinshuizen" / "de-linde.yml"


def test_every_text_field_of_a_gezinshuis_is_searched() -> None:
    """The rule finds the plain-text fields itself; the CLI test below plants an address in each."""
    assert set(_text_fields(Gezinshuis)) == {"naam", "plaats", "specialisaties", "beschrijving"}


@pytest.mark.parametrize("veld", ["naam", "plaats", "specialisaties", "beschrijving"])
def test_check_refuses_an_address_in_every_text_field(veld: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(BASIS, tmp_path / "data")
    huis = tmp_path / "data" / "gezinshuizen" / "de-linde.yml"
    lines = [line for line in huis.read_text(encoding="utf-8").splitlines() if not line.startswith(f"{veld}:")]
    waarde = "[Hechting, Dorpsstr. 12a]" if veld == "specialisaties" else "Gezinshuis aan de Markt 3"
    lines.append(f"{veld}: {waarde}")
    huis.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "data", "--datum", "2026-06-01"])
    assert result.exit_code == 1, result.output
    veldnaam = "specialisaties[2]" if veld == "specialisaties" else veld
    regel = len(lines)
    kolom = len(veld) + 3 + (len("[Hechting, ") if veld == "specialisaties" else 0)
    assert (
        f"data/gezinshuizen/de-linde.yml:{regel}:{kolom}: fout: {veldnaam}: dit lijkt op een adres of postcode" in result.output
    ), result.output
