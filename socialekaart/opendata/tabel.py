"""Records as flat tables: one row per record, nested objects as 'contact_email' columns,
lists of objects (locaties, contactpersonen ...) in a table of their own.

The columns come from the models, not from the data, so every export of a type has the
same header, and the data dictionary on the site describes exactly these columns.
"""

from __future__ import annotations

import re

import csv
import io
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .publiek import SOORTEN, VERBORGEN

LIJST_SCHEIDING = " | "  # between the values of a list in one cell
# A cell starting with one of these is a formula to Excel and LibreOffice (CSV injection).
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
ID_UITLEG = "Id van het record: de bestandsnaam zonder '.yml'."
RECORD_ID_UITLEG = "Id van het record waar deze regel bij hoort."
NUMMER_UITLEG = "Volgnummer binnen het record (1, 2, ...)."


@dataclass(frozen=True)
class Kolom:
    naam: str
    uitleg: str


@dataclass(frozen=True)
class Tabel:
    """One CSV file: `pad` is the path of the list inside a record (() for the record itself)."""

    naam: str
    pad: tuple[str, ...]
    kolommen: tuple[Kolom, ...]


def _deelmodel(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """(model, is_list) when a field holds a model or a list of models."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _deelmodel(args[0])
    if origin is list and args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
        return args[0], True
    return None, False


# The models' descriptions give examples from the example region ("bijvoorbeeld 'Woerden'"):
# helpful in an editor, but another region's open data must not name it.
_VOORBEELD = re.compile(r",?\s*(?:bijvoorbeeld|zoals)\s+'[^']*'(?:\s*(?:,|of|en)\s*'[^']*')*")


def uitleg(info: FieldInfo) -> str:
    """A field's description for open data, without the example region's names."""
    return _VOORBEELD.sub("", info.description or "")


def _velden(model: type[BaseModel]) -> Iterator[tuple[str, str, type[BaseModel] | None, bool]]:
    verborgen = VERBORGEN.get(model, frozenset())
    for naam, info in model.model_fields.items():
        if naam not in verborgen:
            sub, is_lijst = _deelmodel(info.annotation)
            yield naam, uitleg(info), sub, is_lijst


def _kolommen(model: type[BaseModel], prefix: str = "", boven: str = "") -> Iterator[Kolom]:
    for naam, uitleg, sub, is_lijst in _velden(model):
        if sub is None:
            yield Kolom(prefix + naam, f"{boven} {uitleg}".strip())
        elif not is_lijst:
            yield from _kolommen(sub, f"{prefix}{naam}_", f"{boven} {uitleg.rstrip('.')}:".strip())


def tabellen(soort: str) -> list[Tabel]:
    """The tables of one record type: the record itself, then one per list of objects."""
    model = SOORTEN[soort]
    uit = [Tabel(soort, (), (Kolom("id", ID_UITLEG), *_kolommen(model)))]
    for naam, uitleg, sub, is_lijst in _velden(model):
        if sub is not None and is_lijst:
            kop = (Kolom("record_id", RECORD_ID_UITLEG), Kolom("nummer", NUMMER_UITLEG))
            uit.append(Tabel(f"{soort}-{naam}", (naam,), kop + tuple(_kolommen(sub, "", f"{uitleg.rstrip('.')}:"))))
    return uit


def _plat(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for naam, waarde in data.items():
        if isinstance(waarde, dict):
            yield from _plat(waarde, f"{prefix}{naam}_")
        elif isinstance(waarde, list) and waarde and isinstance(waarde[0], dict):
            continue  # its own table
        else:
            yield prefix + naam, waarde


def rijen(tabel: Tabel, publieke: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rows of `tabel` from the public form of each record (see publiek.py)."""
    for data in publieke:
        if not tabel.pad:
            yield dict(_plat(data))
            continue
        for nummer, deel in enumerate(data.get(tabel.pad[0]) or [], start=1):
            yield {"record_id": data["id"], "nummer": nummer, **dict(_plat(deel))}


def cel(waarde: Any) -> str:
    """A cell's text: lists joined, booleans as 'ja'/'nee', nothing as an empty cell."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, list):
        return LIJST_SCHEIDING.join(cel(v) for v in waarde)
    return str(waarde)


def neutraliseer(tekst: str) -> str:
    """Put a ' before text a spreadsheet would run as a formula. Text that already starts
    with quotes before such a character gets one more, so `ontneutraliseer` is exact."""
    if tekst.lstrip("'").startswith(FORMULE_TEKENS):
        return "'" + tekst
    return tekst


_EERSTE_TEKENS = frozenset("".join(FORMULE_TEKENS) + "'")  # only text starting with one of these can need a '


def _csv_cel(waarde: Any) -> str:
    """neutraliseer(cel(waarde)), with the common case (text that needs nothing) first: an
    export of 10,000 records writes about a million cells."""
    tekst = waarde if type(waarde) is str else cel(waarde)
    return neutraliseer(tekst) if tekst and tekst[0] in _EERSTE_TEKENS else tekst


def ontneutraliseer(tekst: str) -> str:
    """The text before `neutraliseer` (for an import that reads these files back)."""
    if tekst.startswith("'") and tekst[1:].lstrip("'").startswith(FORMULE_TEKENS):
        return tekst[1:]
    return tekst


def csv_bytes(kolommen: Iterable[str], rijen: Iterable[dict[str, Any]], scheidingsteken: str = ",", bom: bool = True) -> bytes:
    """CSV text: UTF-8 with a BOM (so Excel reads the accents right), every text cell neutralised."""
    kolommen = list(kolommen)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=scheidingsteken, lineterminator="\r\n")
    writer.writerow(kolommen)
    for rij in rijen:
        writer.writerow([_csv_cel(rij.get(k)) for k in kolommen])
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")
