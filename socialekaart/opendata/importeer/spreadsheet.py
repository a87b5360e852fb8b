"""Records as a spreadsheet that `socialekaart importeer` reads back: the template of
`socialekaart nieuw --spreadsheet` (names, explanations, no rows) and, with records, a sheet to
edit and import again. XLSX through XlsxWriter; a name ending in .csv gives CSV (UTF-8 with
BOM, ';' as Excel on a Dutch computer expects)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import xlsxwriter

from ...messages import Loc
from ...models import RECORD_TYPES, Record
from .kolommen import ID, Kolom, alle_kolommen, uitleg

BLAD = "Blad1"


def _waarde(record: Record, loc: Loc) -> Any:
    value: Any = record
    for part in loc:
        if value is None:
            return None
        if isinstance(part, int):
            value = value[part] if part < len(value) else None
        else:
            value = getattr(value, part)
    return value


def _cel(value: Any) -> Any:
    """A list is one cell, a value per line; a single value holding ';' gets a line break after
    it, so the reader does not split it."""
    if isinstance(value, list):
        text = "\n".join(str(v) for v in value)
        return text + "\n" if len(value) == 1 and ";" in text else text
    return value


def _rijen(soort: str, records: list[Record]) -> tuple[list[Kolom], list[list[Any]]]:
    model = RECORD_TYPES[soort].model
    counts: dict[Loc, int] = {}
    for kolom in alle_kolommen(model):
        if len(kolom.loc) > 2 and isinstance(kolom.loc[1], int):  # a field of a list of blocks
            lijst = kolom.loc[:1]
            counts[lijst] = max([counts.get(lijst, 1), *(len(_waarde(r, lijst)) for r in records)])
    kolommen = alle_kolommen(model, counts)
    rows = [[r.id or None, *(_cel(_waarde(r, k.loc)) for k in kolommen)] for r in records]
    return kolommen, rows


def schrijf_spreadsheet(path: Path, soort: str, records: Iterable[Record] = ()) -> None:
    """Write `records` of `soort` (none: an empty template) to `path` (.xlsx or .csv)."""
    model = RECORD_TYPES[soort].model
    kolommen, rows = _rijen(soort, list(records))
    namen = [ID, *(k.naam for k in kolommen)]
    uitlegrij = [uitleg(model, None), *(uitleg(model, k) for k in kolommen)]
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerows([namen, uitlegrij])
            writer.writerows([_csv(v) for v in row] for row in rows)
        return
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False})
    sheet = workbook.add_worksheet(BLAD)
    vet = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    klein = workbook.add_format({"italic": True, "text_wrap": True, "valign": "top", "font_color": "#404040"})
    tekst = workbook.add_format({"num_format": "@", "text_wrap": True, "valign": "top"})  # '@': Excel keeps 030... as text
    datum = workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
    sheet.write_row(0, 0, namen, vet)
    sheet.write_row(1, 0, uitlegrij, klein)
    sheet.freeze_panes(1, 1)
    for j, kolom in enumerate([None, *kolommen]):
        sheet.set_column(j, j, 14 if kolom is None or kolom.item in (bool, int, float, date) else 28, datum if kolom and kolom.item is date else tekst)
        keuzes = ["ja", "nee"] if kolom and kolom.item is bool else (kolom.keuzes if kolom and not kolom.is_list else [])
        if keuzes:  # a drop-down list for one-of-these fields
            sheet.data_validation(2, j, 1_048_575, j, {"validate": "list", "source": keuzes})
    for i, row in enumerate(rows, start=2):
        for j, value in enumerate(row):
            if value is None or value == []:
                continue
            if isinstance(value, bool):
                sheet.write_boolean(i, j, value)
            elif isinstance(value, date):
                sheet.write_datetime(i, j, value, datum)
            elif isinstance(value, int | float):
                sheet.write_number(i, j, value)
            else:
                sheet.write_string(i, j, str(value), tekst)
    workbook.close()


def _csv(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
