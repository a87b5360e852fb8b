"""Which field each spreadsheet column fills, and the other way round.

A column is named after the field (`naam`), a field inside a block with a dot
(`contact.telefoon`) and a field of the n-th item of a list of blocks with its number
(`locaties[1].plaats`, also written `locaties.1.plaats`). Case, spaces, '-' and '_' do not
matter, and a top-level field may also be named by its description ('Naam van het
initiatief'). A list of plain values (themas, gemeenten) is one cell. Columns whose name
starts with '#' are notes and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ...messages import Loc, bedoelde_je, veldnaam
from ...template import _choices, _is_model, _ordered, _unwrap

ID = "id"  # the column with the record id (the file name); without it the id comes from 'naam'
MAX_ITEMS = 50  # locaties[51] is a typo, not a record with 51 places


@dataclass(frozen=True)
class Kolom:
    """A column that fills one field: `loc` is where the value goes in the record."""

    loc: Loc
    field: FieldInfo
    item: Any  # the field's type without Optional/Annotated, or the item type of a list
    is_list: bool

    @property
    def naam(self) -> str:
        return veldnaam(self.loc)

    @property
    def keuzes(self) -> list[str]:
        return _choices(self.item)


def normaal(text: str) -> str:
    """'Contact . Telefoon ' -> 'contact.telefoon': what two spellings of a name share."""
    text = re.sub(r"\[\s*(\d+)\s*\]", r".\1", str(text).strip().casefold())
    text = re.sub(r"\s*\.\s*", ".", text)
    return re.sub(r"[\s_-]+", "_", text).strip("_:*. ")


def _beschrijving(field: FieldInfo) -> str:
    return normaal((field.description or "").split("(")[0])


def kolom_voor(model: type[BaseModel], header: str) -> Kolom | None:
    """The column a header names, or None when it names no field of `model`."""
    key = normaal(header)
    for name, field in model.model_fields.items():
        if field.description and key == _beschrijving(field) and not _is_model(_unwrap(field.annotation)[1]):
            return _kolom((name,), field)
    current, loc = model, ()
    tokens = key.split(".")
    i = 0
    while i < len(tokens):
        field = current.model_fields.get(tokens[i])
        if field is None:
            return None
        loc += (tokens[i],)
        is_list, item = _unwrap(field.annotation)
        if not _is_model(item):
            return _kolom(loc, field) if i == len(tokens) - 1 else None
        if is_list:  # the next token is the item's number, counted from 1
            number = tokens[i + 1] if i + 1 < len(tokens) else ""
            if not number.isdigit() or not 1 <= int(number) <= MAX_ITEMS:
                return None
            loc += (int(number) - 1,)
            i += 1
        current = item
        i += 1
    return None


def _kolom(loc: Loc, field: FieldInfo) -> Kolom:
    is_list, item = _unwrap(field.annotation)
    return Kolom(loc, field, item, is_list)


def _walk(model: type[BaseModel], prefix: Loc, counts: dict[Loc, int]) -> list[Kolom]:
    columns: list[Kolom] = []
    for name, field in _ordered(model):
        loc = (*prefix, name)
        is_list, item = _unwrap(field.annotation)
        if not _is_model(item):
            columns.append(_kolom(loc, field))
        elif is_list:
            for i in range(max(1, counts.get(loc, 1))):
                columns += _walk(item, (*loc, i), counts)
        else:
            columns += _walk(item, loc, counts)
    return columns


def alle_kolommen(model: type[BaseModel], counts: dict[Loc, int] | None = None) -> list[Kolom]:
    """Every column of `model` in the order `socialekaart nieuw` writes fields; a list of
    blocks gets `counts[loc]` sets of columns (one by default)."""
    return _walk(model, (), counts or {})


def onbekend(model: type[BaseModel], header: str) -> str:
    """The message for a header that names no field."""
    options = [ID, *(k.naam for k in alle_kolommen(model))]
    hint = bedoelde_je(normaal(header), options)
    return (
        f"onbekende kolom '{header}'{hint or ''}"
        f"{'' if hint else '; zie de kolommen van socialekaart nieuw --spreadsheet'}"
        "; een kolom met aantekeningen begint met '#'"
    )


def verplicht(model: type[BaseModel], kolom: Kolom) -> bool:
    """Is the field required within its block (a required field of an optional block counts)?"""
    owner = model
    for part in kolom.loc[:-1]:
        if isinstance(part, str):
            owner = _unwrap(owner.model_fields[part].annotation)[1]
    return owner.model_fields[str(kolom.loc[-1])].is_required()


def uitleg(model: type[BaseModel], kolom: Kolom | None) -> str:
    """The text under a column's name in a template: required or not, what it is, what fits."""
    if kolom is None:
        return "Optioneel. Id van het record: wordt de bestandsnaam; leeg laten maakt het id uit de naam."
    nodig = "Optioneel"
    if verplicht(model, kolom):
        blok = kolom.loc[:-1]
        top = model.model_fields[str(kolom.loc[0])]
        nodig = f"Verplicht als je iets in {veldnaam(blok)} invult" if blok and not top.is_required() else "Verplicht"
    text = f"{nodig}. {(kolom.field.description or '').strip()}"
    if kolom.keuzes:
        text += f" Kies uit: {', '.join(kolom.keuzes)}."
    if kolom.item is bool:
        text += " Vul ja of nee in."
    if kolom.is_list:
        text += " Meer waarden: één per regel, of gescheiden door ;"
    return text
