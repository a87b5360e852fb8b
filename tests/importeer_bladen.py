"""Spreadsheets and CSV files for the import tests, and a way to see that nothing was written."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import xlsxwriter
from click.testing import CliRunner, Result

from socialekaart.cli import main

DATUM = ["--datum", "2026-06-01"]

KOPPEN = [
    "id", "naam", "samenvatting", "organisatie", "themas", "doelgroep", "regio", "gemeenten", "kosten",
    "aanmelden", "zonder_verwijzing", "contact.telefoon", "contact.email", "gecontroleerd_op", "voorbeeld",
]  # fmt: skip


def rij(i: int, **anders: Any) -> list[Any]:
    """A valid row of informele steun for the base data (region utrecht-west, Woerden)."""
    values = {
        "id": f"initiatief-{i}", "naam": f"Initiatief {i}", "samenvatting": "Een vrijwilliger komt een middag per week langs.",
        "organisatie": "Stichting Voorbeeld", "themas": "maatje; thuisbezoek", "doelgroep": "ouders", "regio": "utrecht-west",
        "gemeenten": "GM0632", "kosten": "gratis", "aanmelden": "zelf", "zonder_verwijzing": "ja",
        "contact.telefoon": "14 0348", "contact.email": f"initiatief{i}@example.org", "gecontroleerd_op": "2026-05-01", "voorbeeld": "ja",
    }  # fmt: skip
    values.update(anders)
    return [values[k] for k in KOPPEN]


def xlsx(path: Path, rows: list[list[Any]], bewerk: Callable[[Any, Any], None] | None = None, blad: str = "Blad1") -> Path:
    """Write `rows` from A1 (text as text, numbers as numbers, dates as dates); `bewerk(workbook,
    sheet)` adds what a test needs (merged cells, formulas ...)."""
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    sheet = workbook.add_worksheet(blad)
    datum = workbook.add_format({"num_format": "dd-mm-yyyy"})
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, date):
                sheet.write_datetime(i, j, value, datum)
            elif isinstance(value, str):
                sheet.write_string(i, j, value)
            else:
                sheet.write(i, j, value)
    if bewerk:
        bewerk(workbook, sheet)
    workbook.close()
    return path


def csv_tekst(rows: list[list[Any]], scheiding: str = ";") -> str:
    def cel(value: Any) -> str:
        text = "" if value is None else str(value)
        return f'"{text}"' if any(c in text for c in f'{scheiding}"\n') else text

    return "".join(scheiding.join(cel(v) for v in row) + "\r\n" for row in rows)


def importeer(*args: str) -> Result:
    return CliRunner().invoke(main, ["importeer", *args, *([] if "--datum" in args else DATUM)])


def inhoud(data: Path) -> dict[str, str]:
    """Every file under `data` with a hash of its content: equal before and after means nothing was written."""
    return {
        str(p.relative_to(data)): "map" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(data.rglob("*"))  # hidden folders too: a left-over temporary folder is a write
    }
