"""Hostile text past `socialekaart check`: the escaping itself is tested, not the validation.

`plant_in_dataset` writes payloads into the *validated* records of a data set (frozen pydantic
models, written past their validators), so values that check refuses still reach every
template, Material's own templates, the search index, the map documents and the iCal feeds.
`omzeil_hook.py` does this inside a real `mkdocs build`.

Which fields get what:
- free text (every str field that accepts plain words): every payload, spread over the
  records of a type so that each payload lands in each field at least once;
- web addresses (fields that accept only an https:// address): hostile URLs;
- e-mail addresses: every payload, as free text;
- structured values (slugs, codes, references, phone numbers, amounts)
  are left alone: the generator uses them as keys and paths, and check only lets through
  values that match a strict pattern (`[a-z0-9-]`, `GM` + 4 digits, a parsed number).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from hostile.planting import ANY, FieldPath, Payload, TextField, load_payloads, text_fields
from socialekaart.models import RECORD_TYPES

HOSTILE_URLS = (
    "javascript:window.__pwned=1",
    " JaVaScRiPt:window.__pwned=1",
    "java\tscript:window.__pwned=1",
    "data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+",
    "vbscript:msgbox(1)",
    'https://example.org/" autofocus onfocus="window.__pwned=1',
    "https://example.org/' autofocus onfocus='window.__pwned=1",
    "https://example.org/x</script <img src=x onerror=window.__pwned=1 ",
)
LANG = 1000
SEPARATOR = "\n\n"  # a new paragraph: a raw HTML block in Markdown must start one


@dataclass(frozen=True)
class Soort:
    """How a field is planted: 'tekst' (free text), 'url' (a web address) or 'email'."""

    path: FieldPath
    soort: str


def _accepts(field: TextField, value: str) -> bool:
    try:
        field.adapter.validate_python(value, context={"vandaag": date.today()})
    except ValidationError:
        return False
    return True


def plantbare_velden(model: type[BaseModel]) -> list[Soort]:
    """The free-text, web-address and e-mail fields of `model` (nested ones included)."""
    found = []
    for field in text_fields(model):
        if _accepts(field, "Gewone tekst"):
            found.append(Soort(field.path, "tekst"))
        elif _accepts(field, "https://example.org/"):
            found.append(Soort(field.path, "url"))
        elif _accepts(field, "info@example.org"):
            found.append(Soort(field.path, "email"))  # printed as text and after 'mailto:'
    return found


def _set(model: BaseModel, name: str, value: Any) -> None:
    object.__setattr__(model, name, value)  # past the frozen check and the validators: on purpose


def _voorbeelden(dataset: Any) -> dict[type, BaseModel]:
    """One real sub-record per model class (a location, a contact person), from any record."""
    found: dict[type, BaseModel] = {}

    def walk(node: Any) -> None:
        if isinstance(node, BaseModel):
            found.setdefault(type(node), node)
            for name in type(node).model_fields:
                walk(getattr(node, name))
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for record in dataset.all():
        walk(record)
    return found


def _item_model(model: type[BaseModel], name: str) -> type | None:
    annotation = model.model_fields[name].annotation
    for arg in (annotation, *get_args(annotation)):
        if get_origin(arg) is list:
            return get_args(arg)[0]
    return None


def _plant(node: Any, path: FieldPath, values: Iterator[str], voorbeelden: dict[type, BaseModel]) -> int:
    """Write into every place `path` reaches under `node`; returns how many were written."""
    name, rest = path[0], path[1:]
    if not isinstance(node, BaseModel):
        return 0
    current = getattr(node, name)
    if rest == (ANY,):  # a list of strings, empty or absent: it gets one
        _set(node, name, [next(values) for _ in current or [None]])
        return max(len(current or []), 1)
    if not rest:  # an optional text that was not filled in is filled in
        _set(node, name, next(values))
        return 1
    if current == [] and _item_model(type(node), name) in voorbeelden:
        # No record of this type has one (no aanbieder has locaties): borrow one from another type.
        current = [voorbeelden[_item_model(type(node), name)].model_copy(deep=True)]
        _set(node, name, current)
    if current is None:
        return 0
    children = current if rest[0] == ANY else [current]
    rest = rest[1:] if rest[0] == ANY else rest
    return sum(_plant(child, rest, values, voorbeelden) for child in children)


def _values(pool: list[str], start: int, size: int) -> Iterator[str]:
    """Endless values, each `size` payloads joined, walking through `pool` from `start`."""
    position = start
    while True:
        yield SEPARATOR.join(pool[(position + k) % len(pool)] for k in range(size))
        position += size


def plant_in_dataset(dataset: Any, payloads: list[Payload] | None = None) -> dict[str, int]:
    """Plant hostile values in every free-text and URL field of every record; returns how many
    values went into each '<folder>: <field>' (a test asserts none stays at 0)."""
    # The 10,000-character words test the layout, not the escaping (test_hostile_text does that);
    # in every field of every record they would make a search index too big to load in a test.
    texts = [p.waarde for p in payloads or load_payloads() if len(p.waarde) <= LANG]
    counts: dict[str, int] = {}
    voorbeelden = _voorbeelden(dataset)
    for folder, record_type in RECORD_TYPES.items():
        records = [dataset.of(folder)[key] for key in sorted(dataset.of(folder))]
        # Few records of a type (five agendas): more payloads per value, so each lands everywhere.
        size = math.ceil(len(texts) / max(len(records), 1))
        for number, soort in enumerate(plantbare_velden(record_type.model)):
            pool = list(HOSTILE_URLS) if soort.soort == "url" else texts
            per_value = 1 if soort.soort == "url" else size
            key = f"{folder}: {'.'.join(soort.path)}"
            counts[key] = 0
            for index, record in enumerate(records):
                values = _values(pool, (index * per_value + number) % len(pool), per_value)
                counts[key] += _plant(record, soort.path, values, voorbeelden)
    return counts
