"""A spreadsheet cell as the value its field expects.

Spreadsheets store what looks like a number as a number and what looks like a date as a
serial day count, whatever the column means; here each cell is read back as its field needs
it. What cannot be read back without guessing (a phone number stored as a number has lost
its leading 0) is an error with an explanation, never a guess.
"""

from __future__ import annotations

import re
import typing
from datetime import date, datetime, timedelta
from collections.abc import Callable
from typing import Any

from ...messages import dutch
from ...models.common import Telefoon
from .kolommen import Kolom

EXCEL_DAG_NUL = date(1899, 12, 30)  # serial 1 is 1900-01-01 in Excel's (Lotus-compatible) count
# Day numbers for 1950-01-01 and 2099-12-31: outside these a number is not a date anyone meant.
SERIEEL_MIN, SERIEEL_MAX = 18_264, 73_050

MAANDEN = {
    naam: i + 1
    for i, namen in enumerate(
        ["januari jan", "februari feb", "maart mrt mar", "april apr", "mei", "juni jun", "juli jul",
         "augustus aug", "september sep sept", "oktober okt oct", "november nov", "december dec"]
    )
    for naam in namen.split()
}  # fmt: skip
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NL_DATUM = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_NL_DATUM_WOORD = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")
_KOMMAGETAL = re.compile(r"-?\d+,\d+")  # 52,09: a Dutch spreadsheet's decimal comma
_SPATIES = re.compile(r"[\s_]+")
ONTHOUDEN = 4_096  # texts remembered per column (see _onthoudend)
_JA_NEE = {"ja": True, "nee": False, "waar": True, "onwaar": False, "true": True, "false": False, "j": True, "n": False}


class CelFout(Exception):
    """A cell that cannot be read as its field; the message is Dutch and complete."""


def leeg(cel: Any) -> bool:
    return cel is None or (isinstance(cel, str) and not cel.strip())


def omzetter(kolom: Kolom) -> Callable[[Any], Any]:
    """The function that reads a cell of `kolom`: the value for the record, or None for an
    empty cell (the field is then left out). Chosen once per column, not once per cell."""
    een = _een(kolom)

    def lijst(cel: Any) -> Any:
        return None if leeg(cel) else ([een(item) for item in lijst_items(cel)] or None)

    def enkel(cel: Any) -> Any:
        if isinstance(cel, str):
            cel = cel.strip()
            return een(cel) if cel else None
        return None if cel is None else een(cel)

    if een is _tekst_zonder_telefoon and not kolom.is_list:  # most columns: a text cell is the value itself

        def tekst(cel: Any) -> Any:
            return (cel.strip() or None) if type(cel) is str else enkel(cel)

        return tekst
    return _onthoudend(lijst if kolom.is_list else enkel)


def _onthoudend(lees: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`lees` that remembers its answer per text: choices, yes/no, dates and lists recur in
    nearly every row (themas, regio, gemeenten), and reading them again is most of the work.
    Only text cells (a number 1 and True are equal keys) and only the first texts of a column,
    so a column of names cannot fill the memory; an error is never remembered."""
    onthouden: dict[str, Any] = {}

    def lees_tekst(cel: Any) -> Any:
        if type(cel) is not str:
            return lees(cel)
        try:
            return onthouden[cel]
        except KeyError:
            value = lees(cel)
        if len(onthouden) < ONTHOUDEN:
            onthouden[cel] = value
        return value

    return lees_tekst


def lijst_items(cel: Any) -> list[Any]:
    """A list cell: one value per line, or separated by ';' when the cell has no line break."""
    if not isinstance(cel, str):
        return [cel]
    parts = cel.splitlines() if "\n" in cel or "\r" in cel else cel.split(";")
    return [p.strip() for p in parts if p.strip()]


def _een(kolom: Kolom) -> Callable[[Any], Any]:
    item = kolom.item
    if item is bool:
        return _ja_nee
    if item is date:
        return lambda cel: _datum(cel, kolom)
    if item is int:
        return lambda cel: int(cel) if isinstance(cel, float) and cel.is_integer() else cel
    if item is float:
        return lambda cel: cel.replace(",", ".") if isinstance(cel, str) and _KOMMAGETAL.fullmatch(cel) else cel
    if kolom.keuzes:
        keuzes = {k: k for k in kolom.keuzes}
        return lambda cel: keuzes.get(_SPATIES.sub("-", cel.casefold()), cel) if isinstance(cel, str) else cel
    return _tekst_telefoon if _is_telefoon(kolom) else _tekst_zonder_telefoon


def _tekst(cel: Any, telefoon: bool) -> Any:
    if isinstance(cel, str):
        return cel
    if isinstance(cel, int | float) and not isinstance(cel, bool):
        if telefoon:
            raise CelFout(
                f"het telefoonnummer staat als getal in de spreadsheet ({cel:.0f}): dan valt een 0 vooraan weg "
                "en verdwijnen de spaties; maak de kolom 'Tekst' en typ het nummer opnieuw, bijvoorbeeld '030 123 4567'"
            )
        return str(int(cel)) if float(cel).is_integer() else repr(cel)  # a KvK number, a huisnummer
    if isinstance(cel, datetime | date):
        return cel.isoformat()
    return cel


def _tekst_telefoon(cel: Any) -> Any:
    return _tekst(cel, True)


def _tekst_zonder_telefoon(cel: Any) -> Any:
    return _tekst(cel, False)


def _is_telefoon(kolom: Kolom) -> bool:
    annotation = kolom.field.annotation
    return annotation == Telefoon or Telefoon in typing.get_args(annotation)


def _ja_nee(cel: Any) -> Any:
    """ja/nee as well as true/false (and WAAR/ONWAAR, as a Dutch Excel shows them)."""
    if isinstance(cel, str):
        return _JA_NEE.get(cel.casefold(), cel)
    if isinstance(cel, float) and cel in (0, 1):
        return bool(cel)
    return cel


def _datum(cel: Any, kolom: Kolom) -> Any:
    """A date cell, an Excel day number, or text as 2026-11-14, 14-11-2026 or 14 november 2026."""
    if isinstance(cel, datetime):
        return cel.date()
    if isinstance(cel, date) or isinstance(cel, bool):
        return cel
    if isinstance(cel, int | float):
        if SERIEEL_MIN <= cel <= SERIEEL_MAX:
            return EXCEL_DAG_NUL + timedelta(days=int(cel))
        raise _geen_datum(cel, kolom)  # pydantic would read it as seconds since 1970
    if not isinstance(cel, str):
        return cel
    text = cel.casefold()
    if match := _ISO.match(text):
        year, month, day = match.groups()
    elif match := _NL_DATUM.match(text):
        day, month, year = match.groups()
    elif (match := _NL_DATUM_WOORD.match(text)) and match[2] in MAANDEN:
        day, month, year = match[1], MAANDEN[match[2]], match[3]
    else:
        return cel  # pydantic says what a date looks like
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise _geen_datum(cel, kolom) from None


def _geen_datum(cel: Any, kolom: Kolom) -> CelFout:
    return CelFout(dutch({"type": "date_parsing", "loc": kolom.loc, "msg": "", "input": cel}, None))  # type: ignore[arg-type, typeddict-item]
