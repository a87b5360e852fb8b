"""Round trip: records written to a spreadsheet (or CSV) and imported back are equal to the
originals, for every record type of the fixture data and a record with every optional field."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from importeer_bladen import importeer
from sitebouw import FIXTURE_DATA

from socialekaart.check import check
from socialekaart.load import load_dataset
from socialekaart.opendata.importeer import SOORTEN
from socialekaart.opendata.importeer.spreadsheet import schrijf_spreadsheet
from socialekaart.opendata.importeer.yaml_tekst import _mapping, record_yaml
from socialekaart.positioned_yaml import parse_value

VANDAAG = date(2026, 12, 1)
ALLES_INGEVULD = Path(__file__).parent / "fixtures" / "importeer"
BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def bron(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data plus the record with every optional field."""
    data = tmp_path_factory.mktemp("bron") / "data"
    shutil.copytree(FIXTURE_DATA, data)
    shutil.copytree(ALLES_INGEVULD, data, dirs_exist_ok=True)
    result = check(data, VANDAAG)
    assert result.ok, [p.gcc() for p in result.fouten]
    return data


def test_the_full_record_fills_every_field(bron: Path) -> None:
    record = load_dataset(bron, VANDAAG)[0].informele_steun["alles-ingevuld"]
    leeg = [name for name in type(record).model_fields if (value := getattr(record, name)) is None or value is False or value == []]
    assert leeg == ["organisatie", "zonder_verwijzing"]  # never both aanbieder and organisatie; false is a value
    assert all(value is not None for value in vars(record.locaties[0]).values())
    assert all(value is not None for value in vars(record.contact).values())


@pytest.mark.parametrize("formaat", ["xlsx", "csv"])
@pytest.mark.parametrize("soort", SOORTEN)
def test_spreadsheet_and_back_gives_equal_records(bron: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, soort: str, formaat: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(bron, data)
    origineel = load_dataset(data, VANDAAG)[0].of(soort)
    schrijf_spreadsheet(tmp_path / f"blad.{formaat}", soort, origineel.values())
    shutil.rmtree(data / soort)  # the import writes them anew
    monkeypatch.chdir(tmp_path)
    result = importeer(f"blad.{formaat}", "--soort", soort, "--datum", VANDAAG.isoformat())
    assert result.exit_code == 0, result.output
    terug, problemen = load_dataset(data, VANDAAG)
    assert not problemen
    assert terug.of(soort).keys() == origineel.keys()
    verschillen = [rid for rid, record in origineel.items() if terug.of(soort)[rid] != record]
    assert verschillen == []
    assert check(data, VANDAAG).ok


def test_a_changed_value_is_not_equal(bron: Path) -> None:
    """The comparison above can fail: a record read back with one value changed differs."""
    origineel = load_dataset(bron, VANDAAG)[0].informele_steun["alles-ingevuld"]
    tekst = record_yaml(origineel, "informele-steun").replace("Engels", "Engel")
    assert type(origineel).model_validate(parse_value(tekst), context={"vandaag": VANDAAG}) != origineel


@pytest.mark.parametrize(
    "tekst",
    ["yes", "No", "null", "~", "12", "1.5", "0348", "2026-01-01", "- lijst", "a: b", "a #b", "#a", "'a'", '"a"',
     "[a]", "{a}", "@a", "`a", "%a", "!a", "&a", "*a", "|a", ">a", "?a", ",a", "a,b", "=", "a:", " voor", "achter ",
     "tab\there", "a\nb", "a\n", "\nb", "a\n\nb\n", " a\nb", "a \nb", "regel\u2028scheiding", "ë é ß 中文", "\\", "x" * 300]
)  # fmt: skip
def test_the_yaml_writer_keeps_every_text_as_it_was(tekst: str) -> None:
    geschreven = "\n".join(_mapping({"t": tekst, "l": [tekst, "b"], "blok": {"t": tekst}}, "")) + "\n"
    assert parse_value(geschreven) == {"t": tekst, "l": [tekst, "b"], "blok": {"t": tekst}}


def test_the_import_benchmark_runs() -> None:
    """Not timed here: the script runs the command on a sheet just large enough for the second
    writing process, and fails if the import does or a file is missing."""
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "import_50k.py"), "--rows", "2100", "--keer", "1"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2100 records" in result.stdout and "piekgeheugen" in result.stdout and "processortijd" in result.stdout
    assert "socialekaart importeer initiatieven.xlsx: " in result.stdout and "socialekaart importeer initiatieven.csv: " in result.stdout
