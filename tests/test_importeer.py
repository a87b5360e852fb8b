"""`socialekaart importeer` and `nieuw --spreadsheet`, through the command line (CliRunner)."""

from __future__ import annotations

import re
import shutil
import time
from datetime import date
from pathlib import Path

import pytest
import python_calamine
from click.testing import CliRunner
from importeer_bladen import KOPPEN, csv_tekst, importeer, inhoud, rij, xlsx

from socialekaart.check import check
from socialekaart.cli import main
from socialekaart.load import load_dataset
from socialekaart.opendata.importeer.kolommen import alle_kolommen, kolom_voor
from socialekaart.models import InformeleSteun
from socialekaart.opendata.importeer.waarden import lijst_items

STEUN = "--soort", "informele-steun"


def test_a_sheet_becomes_one_checked_yaml_file_per_row(werkmap: Path) -> None:
    xlsx(werkmap / "initiatieven.xlsx", [KOPPEN, rij(1), rij(2, id="", naam="Buurtgezin Harmelen")])
    result = importeer("initiatieven.xlsx", *STEUN)
    assert result.exit_code == 0, result.output
    eerste = werkmap / "data/informele-steun/initiatief-1.yml"
    tweede = werkmap / "data/informele-steun/buurtgezin-harmelen.yml"  # no id: made from the naam
    assert eerste.read_text().startswith("# yaml-language-server: $schema=../../schemas/informele-steun.schema.json\nnaam: Initiatief 1\n")
    assert "themas: [maatje, thuisbezoek]" in eerste.read_text()
    assert tweede.exists()
    assert "2 records geïmporteerd" in result.output
    uitkomst = check(werkmap / "data", date(2026, 6, 1))
    assert uitkomst.ok and not uitkomst.problems
    record = uitkomst.dataset.informele_steun["initiatief-1"]
    assert record.zonder_verwijzing is True and record.voorbeeld is True and record.gecontroleerd_op == date(2026, 5, 1)


def test_csv_with_bom_and_semicolons_or_plain_commas(werkmap: Path) -> None:
    (werkmap / "a.csv").write_text(csv_tekst([KOPPEN, rij(1)], ";"), encoding="utf-8-sig")
    (werkmap / "b.csv").write_text(csv_tekst([KOPPEN, rij(2, themas="maatje\nmentor")], ","), encoding="utf-8")
    assert importeer("a.csv", *STEUN).exit_code == 0
    result = importeer("b.csv", *STEUN)
    assert result.exit_code == 0, result.output
    assert "themas: [maatje, mentor]" in (werkmap / "data/informele-steun/initiatief-2.yml").read_text()


def test_proef_shows_the_files_and_writes_nothing(werkmap: Path) -> None:
    xlsx(werkmap / "i.xlsx", [KOPPEN, rij(1)])
    voor = inhoud(werkmap / "data")
    result = importeer("i.xlsx", *STEUN, "--proef")
    assert result.exit_code == 0
    assert "--- zou schrijven: data/informele-steun/initiatief-1.yml" in result.output
    assert "naam: Initiatief 1" in result.output and "er is niets geschreven" in result.output
    assert inhoud(werkmap / "data") == voor


def test_an_existing_file_is_replaced_only_with_overschrijven(werkmap: Path) -> None:
    xlsx(werkmap / "i.xlsx", [KOPPEN, rij(1, id="maatjes-woerden", naam="Maatjes Woerden nieuw")])
    voor = inhoud(werkmap / "data")
    result = importeer("i.xlsx", *STEUN)
    assert result.exit_code == 1
    assert "i.xlsx:Blad1:rij 2:kolom A (id): fout: data/informele-steun/maatjes-woerden.yml bestaat al" in result.output
    assert inhoud(werkmap / "data") == voor
    result = importeer("i.xlsx", *STEUN, "--overschrijven")
    assert result.exit_code == 0, result.output
    assert "vervangen: data/informele-steun/maatjes-woerden.yml" in result.output
    assert "Maatjes Woerden nieuw" in (werkmap / "data/informele-steun/maatjes-woerden.yml").read_text()


def test_rules_across_records_point_at_the_cell(werkmap: Path) -> None:
    """The whole check runs: a gemeente of no region, a region that does not exist, the same
    naam as a file already there, each at its row and column."""
    rows = [KOPPEN, rij(1, gemeenten="GM0632; GM9999"), rij(2, regio="utrecht-wes"), rij(3, naam="Maatjes Woerden")]
    xlsx(werkmap / "i.xlsx", rows)
    voor = inhoud(werkmap / "data")
    result = importeer("i.xlsx", *STEUN)
    assert result.exit_code == 1
    out = result.output
    assert "i.xlsx:Blad1:rij 2:kolom H (gemeenten[2]): fout: gemeentecode 'GM9999' staat in geen enkele regio" in out
    assert "i.xlsx:Blad1:rij 3:kolom G (regio): fout: regio 'utrecht-wes' bestaat niet in data/regios/; bedoelde je 'utrecht-west'?" in out
    assert "i.xlsx:Blad1:rij 4:kolom B (naam): fout: 'Maatjes Woerden' staat al in data/informele-steun/maatjes-woerden.yml" in out
    assert "3 fouten in i.xlsx; er is niets geschreven." in out
    assert inhoud(werkmap / "data") == voor


def test_model_errors_use_the_dutch_messages_of_check(werkmap: Path) -> None:
    rows = [KOPPEN, rij(1, kosten="gratiss", **{"contact.email": "geen-adres"}), rij(2, themas="")]
    xlsx(werkmap / "i.xlsx", rows)
    out = importeer("i.xlsx", *STEUN).output
    assert "rij 2:kolom I (kosten): fout: 'gratiss' is niet toegestaan (bedoelde je 'gratis'?); kies uit: gratis, eigen-bijdrage, betaald" in out
    assert "rij 2:kolom M (contact.email): fout: 'geen-adres' is geen geldig e-mailadres" in out
    assert "rij 3:kolom E (themas): fout: verplicht veld 'themas' ontbreekt." in out


def test_a_missing_column_is_named(werkmap: Path) -> None:
    koppen = [k for k in KOPPEN if k != "kosten"]
    xlsx(werkmap / "i.xlsx", [koppen, [v for k, v in zip(KOPPEN, rij(1)) if k != "kosten"]])
    out = importeer("i.xlsx", *STEUN).output
    assert "i.xlsx:Blad1:rij 2: fout: kosten: verplicht veld 'kosten' ontbreekt. Wat het de ouders kost. (er is geen kolom 'kosten')" in out


def test_columns_match_whatever_the_spelling() -> None:
    assert kolom_voor(InformeleSteun, "Contact Telefoon") is None  # a dot separates a block from its field
    assert kolom_voor(InformeleSteun, " Contact . Telefoon ").loc == ("contact", "telefoon")
    assert kolom_voor(InformeleSteun, "LEEFTIJD MIN").loc == ("leeftijd_min",)
    assert kolom_voor(InformeleSteun, "zonder-verwijzing").loc == ("zonder_verwijzing",)
    assert kolom_voor(InformeleSteun, "locaties[2].coordinaten.lat").loc == ("locaties", 1, "coordinaten", "lat")
    assert kolom_voor(InformeleSteun, "locaties.2.plaats").loc == ("locaties", 1, "plaats")
    assert kolom_voor(InformeleSteun, "Naam van het initiatief").loc == ("naam",)  # the field's description
    assert kolom_voor(InformeleSteun, "locaties.plaats") is None  # which item?
    assert kolom_voor(InformeleSteun, "contact") is None  # a block is not one cell


def test_list_cells_split_on_lines_or_semicolons() -> None:
    assert lijst_items("maatje; mentor") == ["maatje", "mentor"]
    assert lijst_items("Nederlands; Engels op verzoek\n") == ["Nederlands; Engels op verzoek"]
    assert lijst_items("a\r\nb\n\n") == ["a", "b"]


def test_values_are_read_the_way_people_type_them(werkmap: Path) -> None:
    rows = [
        KOPPEN + ["leeftijd_min", "locaties[1].plaats", "locaties[1].coordinaten.lat", "locaties[1].coordinaten.lon"],
        rij(1, kosten="Eigen bijdrage", aanmelden="Lokaal team", zonder_verwijzing="NEE") + ["6", "Woerden", "52,09", 4.88],
    ]
    xlsx(werkmap / "i.xlsx", rows)
    result = importeer("i.xlsx", *STEUN)
    assert result.exit_code == 0, result.output
    record = load_dataset(werkmap / "data", date(2026, 6, 1))[0].informele_steun["initiatief-1"]
    assert (record.kosten, record.aanmelden, record.zonder_verwijzing) == ("eigen-bijdrage", ["lokaal-team"], False)
    assert record.leeftijd_min == 6 and record.locaties[0].coordinaten.lat == 52.09


def test_the_template_explains_each_column_and_imports_once_filled_in(werkmap: Path) -> None:
    result = CliRunner().invoke(main, ["nieuw", "--spreadsheet", "informele-steun", "leeg.xlsx"])
    assert result.exit_code == 0, result.output
    sheet = python_calamine.CalamineWorkbook.from_path("leeg.xlsx").get_sheet_by_index(0)
    namen, uitleg = sheet.to_python()[:2]
    assert namen[:3] == ["id", "naam", "samenvatting"]
    assert [k.naam for k in alle_kolommen(InformeleSteun)] == namen[1:]
    kosten = uitleg[namen.index("kosten")]
    assert kosten.startswith("Verplicht. Wat het de ouders kost.") and "Kies uit: gratis, eigen-bijdrage, betaald." in kosten
    assert uitleg[namen.index("locaties[1].plaats")].startswith("Verplicht als je iets in locaties[1] invult.")
    assert "één per regel, of gescheiden door ;" in uitleg[namen.index("themas")]
    # Filled in below the explanations, it imports (the explanation row is skipped).
    waarden = dict(zip(KOPPEN, rij(1)))
    xlsx(werkmap / "ingevuld.xlsx", [namen, uitleg, [waarden.get(n) for n in namen]])
    result = importeer("ingevuld.xlsx", *STEUN)
    assert result.exit_code == 0, result.output
    assert (werkmap / "data/informele-steun/initiatief-1.yml").exists()


@pytest.mark.parametrize("soort", ["providers", "lokale-teams", "gezinshuizen", "regios"])
def test_templates_for_the_other_record_types(werkmap: Path, soort: str) -> None:
    result = CliRunner().invoke(main, ["nieuw", "--spreadsheet", soort, f"{soort}.csv"])
    assert result.exit_code == 0, result.output
    regels = (werkmap / f"{soort}.csv").read_text(encoding="utf-8-sig").splitlines()
    assert regels[0].startswith("id;naam;") and regels[1].startswith('"Optioneel. Id van het record')
    # The template alone (names and explanations, no rows) imports nothing, and says so.
    result = importeer(f"{soort}.csv", "--soort", soort)
    assert result.exit_code == 1 and "er staan geen gegevens onder de namen van de kolommen" in result.output


def test_nieuw_spreadsheet_refuses_to_overwrite(werkmap: Path) -> None:
    (werkmap / "x.xlsx").write_text("mijn werk")
    result = CliRunner().invoke(main, ["nieuw", "--spreadsheet", "informele-steun", "x.xlsx"])
    assert result.exit_code == 2 and "bestaat al" in result.output
    assert (werkmap / "x.xlsx").read_text() == "mijn werk"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["weg.xlsx", "--soort", "informele-steun"], "het bestand 'weg.xlsx' bestaat niet"),
        (["i.pdf", "--soort", "informele-steun"], "dit soort bestand kan niet worden geïmporteerd"),
        (["i.xlsx", "--soort", "informele-steun", "--data", "geen"], "de gegevensmap 'geen' bestaat niet"),
        (["i.xlsx", "--soort", "agenda"], "Invalid value"),
    ],
)
def test_usage_errors_exit_2(werkmap: Path, args: list[str], message: str) -> None:
    (werkmap / "i.pdf").write_text("x")
    xlsx(werkmap / "i.xlsx", [KOPPEN, rij(1)])
    result = importeer(*args)
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("map_", ["met bestanden", "leeg", "nieuw"])
def test_a_failure_while_writing_leaves_nothing_behind(werkmap: Path, monkeypatch: pytest.MonkeyPatch, map_: str) -> None:
    """The files go to a hidden folder first; a full disk halfway leaves the data folder as it
    was, whether the records' folder has files, is empty (then the hidden folder would have
    been moved in as a whole) or is not there yet."""
    import socialekaart.opendata.importeer.schrijven as schrijven

    if map_ != "met bestanden":
        shutil.rmtree(werkmap / "data/informele-steun")
        if map_ == "leeg":
            (werkmap / "data/informele-steun").mkdir()

    echte = schrijven.record_yaml
    geschreven: list[str] = []

    def vol(record: object, soort: str) -> str:
        if geschreven:
            raise OSError(28, "No space left on device")
        geschreven.append(soort)
        return echte(record, soort)

    monkeypatch.setattr(schrijven, "record_yaml", vol)
    xlsx(werkmap / "i.xlsx", [KOPPEN, rij(1), rij(2), rij(3)])
    voor = inhoud(werkmap / "data")
    result = importeer("i.xlsx", *STEUN)
    assert result.exit_code == 1 and geschreven
    assert "fout: schrijven in data/informele-steun lukte niet" in result.output and "er is niets geschreven" in result.output
    assert inhoud(werkmap / "data") == voor


@pytest.mark.parametrize("map_", ["leeg", "nieuw"])
def test_a_new_or_empty_folder_gets_the_files_and_the_usual_permissions(werkmap: Path, map_: str) -> None:
    shutil.rmtree(werkmap / "data/informele-steun")
    if map_ == "leeg":
        (werkmap / "data/informele-steun").mkdir()
    (werkmap / "gewoon").mkdir()  # what any new folder gets here
    xlsx(werkmap / "i.xlsx", [KOPPEN, rij(1), rij(2)])
    result = importeer("i.xlsx", *STEUN)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (werkmap / "data/informele-steun").iterdir()) == ["initiatief-1.yml", "initiatief-2.yml"]
    assert not [p for p in (werkmap / "data").iterdir() if p.name.startswith(".")]
    assert (werkmap / "data/informele-steun").stat().st_mode == (werkmap / "gewoon").stat().st_mode


def test_errors_already_in_the_data_folder_stop_the_import(werkmap: Path) -> None:
    """The check runs over the whole folder: an error in a file already there is shown at its
    own line, and nothing is written until it is fixed."""
    kapot = werkmap / "data/providers/voorbeeld-jeugdhulp.yml"
    kapot.write_text(kapot.read_text(encoding="utf-8").replace("info@example.org", "info@example"), encoding="utf-8")
    xlsx(werkmap / "i.xlsx", [KOPPEN, rij(1)])
    voor = inhoud(werkmap / "data")
    result = importeer("i.xlsx", *STEUN)
    assert result.exit_code == 1
    assert re.search(r"^data/providers/voorbeeld-jeugdhulp\.yml:\d+:\d+: fout: contact\.email: 'info@example' is geen geldig e-mailadres", result.output, re.M)
    assert inhoud(werkmap / "data") == voor


def _twee_processen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The writing's second process from the first few records on, also on a 1-core runner."""
    import socialekaart.opendata.importeer.schrijven as schrijven
    from socialekaart import parallel

    monkeypatch.setattr(schrijven, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)
    monkeypatch.setattr(parallel, "PARTIJ", 1)  # a few records: one per turn, so both get some


def test_two_writing_processes_write_every_file(werkmap: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    xlsx(werkmap / "i.xlsx", [KOPPEN, rij(1), rij(2), rij(3), rij(4), rij(5)])
    shutil.copytree(werkmap / "data", werkmap / "samen")
    voor = inhoud(werkmap / "data")
    assert importeer("i.xlsx", *STEUN).exit_code == 0
    _twee_processen(monkeypatch)
    assert importeer("i.xlsx", *STEUN, "--data", "samen").exit_code == 0
    alleen, samen = inhoud(werkmap / "data"), inhoud(werkmap / "samen")
    assert len(set(samen) - set(voor)) == 5 and samen == alleen


def test_a_failure_in_the_second_writing_process_leaves_nothing(werkmap: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    import socialekaart.opendata.importeer.schrijven as schrijven

    _twee_processen(monkeypatch)
    ouder, echte = os.getpid(), schrijven.record_yaml

    def vol_in_de_helper(record: object, soort: str) -> str:
        if os.getpid() != ouder:
            raise OSError(28, "No space left on device")
        time.sleep(0.05)  # leave the helper a record to take (nothing here measures time)
        return echte(record, soort)

    monkeypatch.setattr(schrijven, "record_yaml", vol_in_de_helper)
    xlsx(werkmap / "i.xlsx", [KOPPEN, rij(1), rij(2), rij(3), rij(4)])
    voor = inhoud(werkmap / "data")
    result = importeer("i.xlsx", *STEUN)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "fout: schrijven in data/informele-steun lukte niet" in result.output
    assert inhoud(werkmap / "data") == voor
