"""Read a CSV file or a spreadsheet into rows of cells, and say where each cell stands.

Spreadsheets are read with python-calamine (fast, and it never runs anything in the file).
Two things it cannot tell are read from the file itself: formulas (a cell shows the value
the formula had when the file was last saved, or nothing at all when a program wrote it) and,
for CSV, the character set.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

import python_calamine

from ...messages import bedoelde_je
from ...problems import Problem

CSV_EXTENSIES = (".csv", ".txt")
SPREADSHEET_EXTENSIES = (".xlsx", ".xlsm", ".xls", ".ods")


def kolomletter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA': as the spreadsheet shows it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _kolomindex(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


class CelProblem(Problem):
    """A problem in a spreadsheet or CSV: `line` is the row (from 1), `col` the column (from 1;
    0 when the problem belongs to the whole row). Printed as 'bestand:blad:rij 12:kolom E (veld)'."""

    def gcc(self) -> str:
        where = f"{self.path}:rij {self.line}" if self.line else self.path
        if self.col:
            return f"{where}:kolom {kolomletter(self.col - 1)} ({self.veld}): {self.niveau}: {self.bericht}"
        return f"{where}: {self.niveau}: {self.veld}: {self.bericht}"


class BronFout(Exception):
    """The file cannot be read at all; carries the problem to show."""

    def __init__(self, problem: CelProblem) -> None:
        super().__init__(problem.gcc())
        self.problem = problem


@dataclass
class Blad:
    """The rows of one sheet (or CSV file): `bron` is how messages name it."""

    bron: str
    rijen: Iterator[tuple[int, list[Any]]]  # (row number from 1, the cells from column A)
    problemen: list[CelProblem] = field(default_factory=list)


def lees(path: Path, shown: str, blad: str | None = None) -> Blad:
    suffix = path.suffix.lower()
    if suffix in CSV_EXTENSIES:
        return _lees_csv(path, shown)
    return _lees_spreadsheet(path, shown, blad)


# --- CSV -----------------------------------------------------------------------------------


def _lees_csv(path: Path, shown: str) -> Blad:
    data = path.read_bytes()
    problemen: list[CelProblem] = []
    if b"\x00" in data[:4096]:
        raise BronFout(CelProblem(shown, 0, 0, "(bestand)", "dit is geen tekstbestand; sla de gegevens op als CSV (UTF-8) of als Excel-werkmap (.xlsx)"))
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="strict")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            # Excel's plain 'CSV' on a Dutch Windows is Windows-1252: read it as that, and say so.
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                rij = data[: error.start].count(b"\n") + 1
                raise BronFout(CelProblem(shown, rij, 0, "(tekenset)", "het bestand is geen UTF-8 en ook geen Windows-1252; sla het op als 'CSV UTF-8 (door komma's gescheiden)'")) from None
            rij = data[: error.start].count(b"\n") + 1
            regel = text.splitlines()[rij - 1] if text.splitlines() else ""
            voorbeeld = next((w for w in re.findall(r"[^\s;,\t\"]+", regel) if not w.isascii()), "")
            problemen.append(CelProblem(
                shown, rij, 0, "(tekenset)",
                "het bestand is geen UTF-8; het is gelezen als Windows-1252 (zoals Excel een CSV opslaat). "
                f"Kijk of letters met accenten goed zijn overgekomen, bijvoorbeeld '{voorbeeld}'; "
                "sla het bestand liever op als 'CSV UTF-8 (door komma's gescheiden)'",
                "waarschuwing",
            ))  # fmt: skip
    first = text.split("\n", 1)[0]
    scheiding = max(";,\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=scheiding)
    return Blad(shown, _csv_rijen(reader, shown), problemen)


def _csv_rijen(reader: Any, shown: str) -> Iterator[tuple[int, list[str]]]:
    """Row by row, so the cells of a large file are never all in memory at once. What csv
    cannot read (a NUL character, a cell over 128 KB) stops the import as a problem of the file."""
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as error:
        reden = str(error)
        if reden.startswith("field larger than field limit"):  # the limit is csv's, and others may change it
            reden = f"een cel is langer dan {csv.field_size_limit():,} tekens".replace(",", ".")
        elif reden.startswith("line contains NUL"):
            reden = "er staat een NUL-teken in; sla het bestand opnieuw op als CSV (UTF-8)"
        raise BronFout(CelProblem(shown, reader.line_num, 0, "(bestand)", f"dit is geen leesbare CSV ({reden})")) from None


# --- spreadsheets --------------------------------------------------------------------------


def _lees_spreadsheet(path: Path, shown: str, blad: str | None) -> Blad:
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception:  # calamine raises its own errors for every kind of broken file
        raise BronFout(CelProblem(
            shown, 0, 0, "(bestand)",
            f"dit is geen spreadsheet die te lezen is (het bestand heet {path.suffix}, maar de inhoud is geen "
            "Excel- of OpenDocument-werkmap); open het in Excel of LibreOffice en sla het op als .xlsx",
        )) from None  # fmt: skip
    bladen = [m.name for m in workbook.sheets_metadata if str(m.typ).endswith("WorkSheet")]
    if not bladen:
        raise BronFout(CelProblem(shown, 0, 0, "(bestand)", "deze werkmap heeft geen werkbladen met gegevens"))
    naam = blad or bladen[0]
    if naam not in bladen:
        raise BronFout(CelProblem(shown, 0, 0, "(blad)", f"er is geen blad '{naam}'{bedoelde_je(naam, bladen)}; de bladen zijn: {', '.join(bladen)}"))
    # Both unzip the sheet's XML and let go of the interpreter while they do: the search for
    # formulas runs beside calamine's reading, in a thread that has ended before anything forks.
    with ThreadPoolExecutor(max_workers=1) as helper:
        formules = helper.submit(_formules, path, naam) if path.suffix.lower() in (".xlsx", ".xlsm") else None
        sheet = workbook.get_sheet_by_name(naam)
    bron = f"{shown}:{naam}"
    problemen = [
        CelProblem(
            bron, r0 + 1, c0 + 1, "(cel)",
            f"samengevoegde cellen {kolomletter(c0)}{r0 + 1}:{kolomletter(c1)}{r1 + 1}; maak de samenvoeging ongedaan en zet de waarde in elke rij waar ze hoort",
        )
        for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or ()
    ]  # fmt: skip
    if formules is not None:
        problemen += [
            CelProblem(bron, rij, kol + 1, "(cel)",
                       f"cel {kolomletter(kol)}{rij} bevat een formule; zet er de waarde zelf in (kopieer de kolom en plak als 'waarden')")
            for rij, kol in formules.result()
        ]  # fmt: skip
    # calamine starts the rows at row 1 but the cells at the sheet's first used column.
    offset = sheet.start[1] if sheet.start else 0
    if offset:
        rijen = ((i + 1, [""] * offset + list(row)) for i, row in enumerate(sheet.iter_rows()))
    else:
        rijen = enumerate(sheet.iter_rows(), start=1)  # type: ignore[assignment]
    return Blad(bron, rijen, problemen)


_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# A cell with a formula: '<c r="D2" ...><f>'. The formula is always the cell's first child.
_FORMULE = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]+)([0-9]+)"[^>]*>\s*<(?:\w+:)?f[\s>/]')
_EEN_FORMULE = re.compile(rb"<(?:\w+:)?f[\s>/]")  # most sheets have no formula: one fast look per block
_BLOK = 1 << 20


def _formules(path: Path, blad: str) -> list[tuple[int, int]]:
    """(row, column index) of every formula cell in sheet `blad`, read in blocks from the
    sheet's XML so a large sheet never sits in memory twice."""
    try:
        with zipfile.ZipFile(path) as archive:
            target = _blad_xml(archive, blad)
            if target is None:
                return []
            found: set[tuple[int, int]] = set()
            with archive.open(target) as xml:
                tail = b""
                while block := xml.read(_BLOK):
                    text = tail + block
                    if _EEN_FORMULE.search(text):
                        found.update((int(m[2]), _kolomindex(m[1].decode())) for m in _FORMULE.finditer(text))
                    tail = text[-512:]  # a cell tag cut in two is found whole in the next round
            return sorted(found)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        return []  # calamine read it, so it is a workbook of a form this scan does not know


def _blad_xml(archive: zipfile.ZipFile, blad: str) -> str | None:
    """The path in the archive of the XML of sheet `blad`, via the workbook's relationships."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rel_id = next((s.get(_REL) for s in workbook.iterfind("m:sheets/m:sheet", _NS) if s.get("name") == blad), None)
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next((r.get("Target") for r in rels if r.get("Id") == rel_id), None)
    if target is None:
        return None
    return target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
