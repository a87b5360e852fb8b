"""Bad input for `socialekaart importeer`: each case gives a Dutch message at its place in the
sheet, exit 1, no traceback, and leaves the data folder exactly as it was."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from importeer_bladen import KOPPEN, csv_tekst, importeer, inhoud, rij, xlsx

from socialekaart.load import load_dataset

STEUN = "--soort", "informele-steun"


def mislukt(werkmap: Path, bestand: str, *args: str) -> str:
    """Import `bestand`, which must fail cleanly; the output."""
    voor = inhoud(werkmap / "data")
    result = importeer(bestand, *STEUN, *args)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and "Error" not in result.output
    assert "er is niets geschreven" in result.output
    assert inhoud(werkmap / "data") == voor
    return result.output


def test_an_empty_sheet(werkmap: Path) -> None:
    xlsx(werkmap / "leeg.xlsx", [])
    out = mislukt(werkmap, "leeg.xlsx")
    assert "leeg.xlsx:Blad1:rij 1: fout: (blad): het blad is leeg; de eerste rij hoort de namen van de kolommen te hebben" in out


def test_a_sheet_with_only_names(werkmap: Path) -> None:
    xlsx(werkmap / "kop.xlsx", [KOPPEN])
    assert "kop.xlsx:Blad1:rij 2: fout: (blad): er staan geen gegevens onder de namen van de kolommen" in mislukt(werkmap, "kop.xlsx")


def test_an_empty_csv(werkmap: Path) -> None:
    (werkmap / "leeg.csv").write_bytes(b"\xef\xbb\xbf\r\n;;\r\n")
    assert "leeg.csv:rij 1: fout: (blad): het blad is leeg" in mislukt(werkmap, "leeg.csv")


def test_merged_cells(werkmap: Path) -> None:
    # One organisation merged over two rows: only the first row would have it.
    xlsx(werkmap / "m.xlsx", [KOPPEN, rij(1), rij(2)], lambda wb, ws: ws.merge_range("D2:D3", "Stichting Samen"))
    out = mislukt(werkmap, "m.xlsx")
    assert "m.xlsx:Blad1:rij 2:kolom D (organisatie): fout: samengevoegde cellen D2:D3; maak de samenvoeging ongedaan" in out


def test_formula_cells(werkmap: Path) -> None:
    # XlsxWriter stores no result for a formula: the cell would silently read as 0.
    xlsx(werkmap / "f.xlsx", [KOPPEN, rij(1), rij(2)], lambda wb, ws: ws.write_formula("B3", '="Initiatief "&A3'))
    out = mislukt(werkmap, "f.xlsx")
    assert "f.xlsx:Blad1:rij 3:kolom B (naam): fout: cel B3 bevat een formule; zet er de waarde zelf in" in out
    assert "rij 2" not in out


def test_text_that_starts_with_an_equals_sign_is_not_a_formula(werkmap: Path) -> None:
    xlsx(werkmap / "t.xlsx", [KOPPEN + ["kosten_toelichting"], rij(1) + ["=gratis voor minima"]])
    result = importeer("t.xlsx", *STEUN)
    assert result.exit_code == 0, result.output
    record = load_dataset(werkmap / "data", date(2026, 6, 1))[0].informele_steun["initiatief-1"]
    assert record.kosten_toelichting == "=gratis voor minima"


@pytest.mark.parametrize(
    "cel",
    [46143, 46143.0, date(2026, 5, 1), "2026-05-01", "1-5-2026", "01/05/2026", "1 mei 2026", "1 Mei 2026"],
    ids=["serieel", "serieel-float", "datumcel", "iso", "d-m-jjjj", "dd/mm/jjjj", "woord", "Woord"],
)
def test_dates_as_serial_numbers_as_date_cells_and_as_text(werkmap: Path, cel: object) -> None:
    xlsx(werkmap / "d.xlsx", [KOPPEN, rij(1, gecontroleerd_op=cel)])
    result = importeer("d.xlsx", *STEUN)
    assert result.exit_code == 0, result.output
    assert "gecontroleerd_op: 2026-05-01\n" in (werkmap / "data/informele-steun/initiatief-1.yml").read_text()


@pytest.mark.parametrize(
    ("cel", "getoond"),
    [("31-02-2026", "'31-02-2026'"), ("volgende week", "'volgende week'"), (2026, "2026"), ("2026-13-01", "'2026-13-01'")],
)
def test_dates_that_are_no_dates(werkmap: Path, cel: object, getoond: str) -> None:
    xlsx(werkmap / "d.xlsx", [KOPPEN, rij(1, gecontroleerd_op=cel)])
    out = mislukt(werkmap, "d.xlsx")
    assert f"d.xlsx:Blad1:rij 2:kolom N (gecontroleerd_op): fout: hier hoort een datum als JJJJ-MM-DD (bijvoorbeeld 2024-03-01), maar er staat {getoond}" in out


def test_a_date_in_the_future_is_the_same_error_as_in_check(werkmap: Path) -> None:
    xlsx(werkmap / "d.xlsx", [KOPPEN, rij(1, gecontroleerd_op=date(2027, 1, 1))])
    assert "kolom N (gecontroleerd_op): fout: datum 2027-01-01 ligt in de toekomst (vandaag is 2026-06-01)" in mislukt(werkmap, "d.xlsx")


def test_numbers_as_text_and_text_as_numbers(werkmap: Path) -> None:
    """Numbers typed as text are read as numbers where a number belongs; a phone number typed
    as text stays as typed (0 and spaces kept)."""
    xlsx(werkmap / "n.xlsx", [KOPPEN + ["leeftijd_min", "leeftijd_max"], rij(1, **{"contact.telefoon": "0348 123 456"}) + ["4", 12.0]])
    result = importeer("n.xlsx", *STEUN)
    assert result.exit_code == 0, result.output
    tekst = (werkmap / "data/informele-steun/initiatief-1.yml").read_text()
    assert "leeftijd_min: 4\nleeftijd_max: 12\n" in tekst and "telefoon: 0348 123 456\n" in tekst


def test_a_phone_number_stored_as_a_number(werkmap: Path) -> None:
    xlsx(werkmap / "n.xlsx", [KOPPEN, rij(1, **{"contact.telefoon": 348123456})])
    out = mislukt(werkmap, "n.xlsx")
    assert "n.xlsx:Blad1:rij 2:kolom L (contact.telefoon): fout: het telefoonnummer staat als getal in de spreadsheet (348123456): dan valt een 0 vooraan weg" in out


def test_not_a_whole_number(werkmap: Path) -> None:
    xlsx(werkmap / "n.xlsx", [KOPPEN + ["leeftijd_min"], rij(1) + [4.5]])
    assert "rij 2:kolom P (leeftijd_min): fout: hier hoort een heel getal, maar er staat 4.5" in mislukt(werkmap, "n.xlsx")


def test_unknown_columns_with_a_suggestion_and_note_columns(werkmap: Path) -> None:
    xlsx(werkmap / "e.xlsx", [KOPPEN + ["gemeente", "# opmerkingen", "vrije tekst"], rij(1) + ["GM0632", "bellen!", "x"]])
    out = mislukt(werkmap, "e.xlsx")
    assert "e.xlsx:Blad1:rij 1:kolom P (gemeente): fout: onbekende kolom 'gemeente'; bedoelde je 'gemeenten'?" in out
    assert "rij 1:kolom R (vrije tekst): fout: onbekende kolom 'vrije tekst'; zie de kolommen van socialekaart nieuw --spreadsheet" in out
    assert "opmerkingen" not in out  # '#': a column of notes, skipped


def test_data_in_a_column_without_a_name(werkmap: Path) -> None:
    xlsx(werkmap / "e.xlsx", [KOPPEN, rij(1) + ["iets"], rij(2) + ["nog iets"]])
    out = mislukt(werkmap, "e.xlsx")
    assert "e.xlsx:Blad1:rij 2:kolom P ((zonder naam)): fout: deze kolom heeft geen naam in de eerste rij" in out
    assert out.count("geen naam in de eerste rij") == 1


def test_duplicate_columns(werkmap: Path) -> None:
    xlsx(werkmap / "c.xlsx", [KOPPEN + ["Naam", "contact.email"], rij(1) + ["Ander", "x@example.org"]])
    out = mislukt(werkmap, "c.xlsx")
    assert "c.xlsx:Blad1:rij 1:kolom P (naam): fout: deze kolom staat er twee keer: kolom B vult hetzelfde veld" in out
    assert "c.xlsx:Blad1:rij 1:kolom Q (contact.email): fout: deze kolom staat er twee keer: kolom M vult hetzelfde veld" in out


def test_duplicate_ids_given_and_made_from_the_naam(werkmap: Path) -> None:
    rows = [KOPPEN, rij(1), rij(2, id="initiatief-1"), rij(3, id="", naam="Samen Sterk"), rij(4, id="", naam="Samen sterk!")]
    xlsx(werkmap / "i.xlsx", rows)
    out = mislukt(werkmap, "i.xlsx")
    assert "i.xlsx:Blad1:rij 3:kolom A (id): fout: id 'initiatief-1' staat al in rij 2; elk record heeft een eigen id" in out
    assert "i.xlsx:Blad1:rij 5:kolom B (naam): fout: id 'samen-sterk' (gemaakt uit de naam) staat al in rij 4" in out


def test_an_id_that_is_no_file_name(werkmap: Path) -> None:
    xlsx(werkmap / "i.xlsx", [KOPPEN, rij(1, id="Initiatief 1")])
    assert "i.xlsx:Blad1:rij 2:kolom A (id): fout: 'Initiatief 1' klopt niet: gebruik alleen kleine letters" in mislukt(werkmap, "i.xlsx")


@pytest.mark.parametrize("inhoud_", [b"naam;regio\nx;y\n", b"PK\x03\x04 kapot", b""], ids=["csv", "kapotte-zip", "leeg"])
def test_a_file_named_xlsx_that_is_not_a_spreadsheet(werkmap: Path, inhoud_: bytes) -> None:
    (werkmap / "nep.xlsx").write_bytes(inhoud_)
    out = mislukt(werkmap, "nep.xlsx")
    assert "nep.xlsx: fout: (bestand): dit is geen spreadsheet die te lezen is (het bestand heet .xlsx" in out


def test_a_spreadsheet_named_csv(werkmap: Path) -> None:
    xlsx(werkmap / "echt.xlsx", [KOPPEN, rij(1)])
    shutil.copy(werkmap / "echt.xlsx", werkmap / "nep.csv")
    assert "nep.csv: fout: (bestand): dit is geen tekstbestand" in mislukt(werkmap, "nep.csv")


def test_a_windows_1252_csv_is_read_as_such_and_says_so(werkmap: Path) -> None:
    """Decision: Excel's plain 'CSV' on a Dutch Windows is Windows-1252, so it is read as that
    (with a warning that names the row), not refused."""
    tekst = csv_tekst([KOPPEN, rij(1, naam="Coördinatie Café", organisatie="Stichting Één")])
    (werkmap / "w.csv").write_bytes(tekst.encode("cp1252"))
    result = importeer("w.csv", *STEUN)
    assert result.exit_code == 0, result.output
    assert "w.csv:rij 2: waarschuwing: (tekenset): het bestand is geen UTF-8; het is gelezen als Windows-1252" in result.output
    assert "'Coördinatie'" in result.output
    assert "naam: Coördinatie Café\n" in (werkmap / "data/informele-steun/initiatief-1.yml").read_text(encoding="utf-8")


def test_a_windows_1252_csv_with_an_error_writes_nothing(werkmap: Path) -> None:
    tekst = csv_tekst([KOPPEN, rij(1, naam="Coördinatie", kosten="gratiz")])
    (werkmap / "w.csv").write_bytes(tekst.encode("cp1252"))
    out = mislukt(werkmap, "w.csv")
    assert "w.csv:rij 2: waarschuwing: (tekenset)" in out
    assert "w.csv:rij 2:kolom I (kosten): fout: 'gratiz' is niet toegestaan (bedoelde je 'gratis'?)" in out


def test_bytes_that_no_character_set_explains(werkmap: Path) -> None:
    (werkmap / "x.csv").write_bytes(b"naam;regio\nA;\x81\x8d\n")
    assert "x.csv:rij 2: fout: (tekenset): het bestand is geen UTF-8 en ook geen Windows-1252" in mislukt(werkmap, "x.csv")


def test_a_csv_that_cannot_be_read_halfway_writes_nothing(werkmap: Path) -> None:
    # Rows are read one by one: a cell over csv's limit (128 KB) on row 3 comes after two valid
    # rows, and is then the only thing told, positioned, with nothing written. (The limit is
    # process-wide and a library used by other tests raises it: set here, and put back.)
    import csv

    eerder = csv.field_size_limit(131_072)
    try:
        _csv_halverwege_kapot(werkmap)
    finally:
        csv.field_size_limit(eerder)


def _csv_halverwege_kapot(werkmap: Path) -> None:
    tekst = csv_tekst([KOPPEN, rij(1), rij(2, samenvatting="x" * 140_000), rij(3)])
    (werkmap / "lang.csv").write_text(tekst, encoding="utf-8")
    out = mislukt(werkmap, "lang.csv")
    assert "lang.csv:rij 3: fout: (bestand): dit is geen leesbare CSV (een cel is langer dan 131.072 tekens)" in out
    assert out.count(": fout: ") == 1


def test_an_unknown_sheet_name(werkmap: Path) -> None:
    xlsx(werkmap / "b.xlsx", [KOPPEN, rij(1)], blad="Initiatieven")
    out = mislukt(werkmap, "b.xlsx", "--blad", "initiatieven")
    assert "b.xlsx: fout: (blad): er is geen blad 'initiatieven'; bedoelde je 'Initiatieven'?" in out
    assert importeer("b.xlsx", *STEUN, "--blad", "Initiatieven").exit_code == 0


def test_a_table_that_does_not_start_in_a1_keeps_its_positions(werkmap: Path) -> None:
    """python-calamine gives a sheet's rows from row 1 but its cells from the first used
    column; the positions in messages must still be the spreadsheet's own."""
    rows = [[], [], [None, *KOPPEN], [None, *rij(1, kosten="duur")]]
    xlsx(werkmap / "v.xlsx", rows)
    assert "v.xlsx:Blad1:rij 4:kolom J (kosten): fout: 'duur' is niet toegestaan" in mislukt(werkmap, "v.xlsx")


def test_every_error_of_a_sheet_in_one_run(werkmap: Path) -> None:
    rows = [KOPPEN, rij(1, kosten="x"), rij(2), rij(3, regio="Utrecht West"), rij(4, themas="hulp")]
    xlsx(werkmap / "i.xlsx", rows)
    out = mislukt(werkmap, "i.xlsx")
    assert "rij 2:kolom I" in out and "rij 4:kolom G" in out and "rij 5:kolom E (themas[1])" in out
    assert "3 fouten in i.xlsx" in out


def test_a_code_stored_as_a_number_is_read_as_its_digits(werkmap: Path) -> None:
    """A KvK number typed into a cell becomes a number; the import writes its 8 digits as text."""
    koppen = ["id", "naam", "beschrijving", "aanbod", "regios", "contact.email", "kvk", "agb", "gecontroleerd_op", "voorbeeld"]
    rows = [koppen, ["stichting-proef", "Stichting Proef", "Helpt gezinnen.", "opvoedondersteuning", "utrecht-west",
                     "info@example.org", 12345678, 1234567.0, date(2026, 5, 1), True]]  # fmt: skip
    xlsx(werkmap / "a.xlsx", rows)
    out = mislukt(werkmap, "a.xlsx", "--soort", "providers")
    assert "a.xlsx:Blad1:rij 2:kolom H (agb): fout: '1234567' klopt niet: gebruik precies 8 cijfers, zonder spaties" in out
    rows[1][7] = "01234567"
    xlsx(werkmap / "a.xlsx", rows)
    result = importeer("a.xlsx", "--soort", "providers")
    assert result.exit_code == 0, result.output
    tekst = (werkmap / "data/providers/stichting-proef.yml").read_text()
    assert "kvk: '12345678'" in tekst or 'kvk: "12345678"' in tekst
    assert 'agb: "01234567"' in tekst or "agb: '01234567'" in tekst
