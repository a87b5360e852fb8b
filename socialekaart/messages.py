"""Pydantic's English error types, told in Dutch with what is allowed."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from .models.common import PATTERN_UITLEG

Loc = tuple[str | int, ...]


def veldnaam(loc: Loc) -> str:
    """'contactpersonen[2].email': list items counted from 1, as people count."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + part
    return text or "(bestand)"


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside `list[Model]`, `Model | None`, `Annotated[Model, ...]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_model(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found:
                return found
    return None


def model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that holds the fields at `loc` (walking through lists)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current


def _allowed(expected: str) -> list[str]:
    return [part.strip().strip("'") for part in expected.replace(" or ", ", ").split(",") if part.strip()]


def suggest(word: str, options: list[str]) -> str | None:
    """The option closest to a misspelled `word`, if one is close enough."""
    match = difflib.get_close_matches(str(word), options, n=1, cutoff=0.6)
    return match[0] if match else None


def bedoelde_je(word: str, options: Iterable[str]) -> str:
    """"; bedoelde je 'x'?" to end a message with, or nothing when no option is close."""
    suggestion = suggest(word, list(options))
    return f"; bedoelde je '{suggestion}'?" if suggestion else ""


def _literal_choices(field: FieldInfo | None) -> list[str]:
    """The allowed values of a `list[Literal[...]]` field, in the order they are declared."""
    if field is None:
        return []
    for arg in typing.get_args(field.annotation):
        if typing.get_origin(arg) is typing.Literal:
            return [str(choice) for choice in typing.get_args(arg)]
    return []


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "...'"


def _type_name(value: Any) -> str:
    if isinstance(value, dict):
        return "een blok met velden"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, bool):
        return "ja/nee (true/false)"
    if isinstance(value, int | float):
        return "een getal"
    if value is None:
        return "niets (leeg)"
    return "tekst"


def without_union_tags(model: type[BaseModel], loc: Loc, keep_last: bool = False) -> Loc:
    """Pydantic puts the branch of a union in the location ('nummer', 'int'); a field name is
    what the writer knows. Drops every name that is not a field of the block it stands in
    (except the last one when it is an unknown field the writer typed)."""
    clean: list[str | int] = []
    current: type[BaseModel] | None = model
    for i, part in enumerate(loc):
        if isinstance(part, int) or (keep_last and i == len(loc) - 1):
            clean.append(part)
        elif current is not None and part in current.model_fields:
            clean.append(part)
            current = _inner_model(current.model_fields[part].annotation)
        elif current is None and i > 0 and isinstance(loc[i - 1], int):
            clean.append(part)  # a key inside a plain mapping
    return tuple(clean)


_EXPECTED = {
    "int_type": "een heel getal", "int_parsing": "een heel getal", "int_from_float": "een heel getal",
    "float_type": "een getal", "float_parsing": "een getal", "string_type": "tekst",
    "bool_type": "true of false", "bool_parsing": "true of false", "date_type": "een datum (JJJJ-MM-DD)",
    "date_parsing": "een datum (JJJJ-MM-DD)", "list_type": "een lijst", "dict_type": "een blok met velden",
    "model_type": "een blok met velden", "model_attributes_type": "een blok met velden",
}  # fmt: skip


def dutch_union(errors: list[ErrorDetails], model: type[BaseModel]) -> list[str]:
    """The messages for one value that fits none of the forms a union allows. A branch that
    failed on something other than the type is the one the writer meant: report that; when
    every branch failed on the type, say once which types are allowed."""
    specific = [e for e in errors if e["type"] not in _EXPECTED]
    if specific:
        return [dutch(e, model) for e in specific]
    kinds = list(dict.fromkeys(_EXPECTED[e["type"]] for e in errors))
    return [f"hier hoort {' of '.join(kinds)}, maar er staat {_type_name(errors[0].get('input'))}"]


def dutch(error: ErrorDetails, model: type[BaseModel]) -> str:
    """One Dutch sentence: what is wrong, and what is allowed."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    loc = tuple(error["loc"])
    if kind == "socialekaart":
        return error["msg"]
    if kind == "missing":
        # Shown at the enclosing block, so the message names the field itself.
        field = _field(model, loc)
        hint = f" {field.description}" if field is not None and field.description else ""
        return f"verplicht veld '{loc[-1]}' ontbreekt.{hint}"
    if kind == "extra_forbidden":
        owner = model_at(model, loc[:-1])
        name = str(loc[-1])
        uitleg = getattr(owner, "ONBEKEND_VELD_UITLEG", {}).get(name)
        if uitleg:
            return uitleg
        options = sorted(owner.model_fields) if owner else []
        suggestion = suggest(name, options)
        if suggestion:
            return f"onbekend veld '{name}'; bedoelde je '{suggestion}'?"
        return f"onbekend veld '{name}'; toegestaan zijn: {', '.join(options)}"
    if kind == "literal_error":
        allowed = _allowed(ctx.get("expected", ""))
        suggestion = suggest(str(value), allowed)
        hint = f" (bedoelde je '{suggestion}'?)" if suggestion else ""
        return f"{_shown(value)} is niet toegestaan{hint}; kies uit: {', '.join(allowed)}"
    if kind == "string_pattern_mismatch":
        uitleg = PATTERN_UITLEG.get(ctx.get("pattern", ""), f"het patroon is {ctx.get('pattern')}")
        return f"{_shown(value)} klopt niet: {uitleg}"
    if kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        # YAML reads 01234567 as a number (and drops the 0); quotes keep it as written.
        return "hier hoort tekst, maar er staat een getal; zet de waarde tussen aanhalingstekens, bijvoorbeeld '01234567'"
    if kind == "string_type":
        return f"hier hoort tekst, maar er staat {_type_name(value)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"hier hoort een heel getal, maar er staat {_shown(value)}"
    if kind in ("float_type", "float_parsing"):
        return f"hier hoort een getal (met een punt als decimaalteken), maar er staat {_shown(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"hier hoort true of false, maar er staat {_shown(value)}"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return f"hier hoort een datum als JJJJ-MM-DD (bijvoorbeeld 2024-03-01), maar er staat {_shown(value)}"
    if kind == "list_type" and isinstance(value, str):
        return f"hier hoort een lijst, maar er staat tekst; schrijf [{value}] of zet de waarde op een eigen regel die begint met '- '"
    if kind == "list_type":
        return f"hier hoort een lijst (regels die beginnen met '- '), maar er staat {_type_name(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"hier hoort een blok met velden (ingesprongen 'veld: waarde'-regels), maar er staat {_type_name(value)}"
    if kind == "too_short":
        choices = _literal_choices(_field(model, loc))
        hint = f"; kies uit: {', '.join(choices)}" if choices else ""
        return f"deze lijst mag niet leeg zijn; vul minstens {ctx.get('min_length')} waarde in{hint}"
    if kind == "too_long" and not isinstance(value, str):
        return f"deze lijst mag hoogstens {ctx.get('max_length')} items hebben"
    if kind == "string_too_short":
        return "dit veld mag niet leeg zijn"
    # pydantic says 'too_long' for a max_length on an optional text field ('Tekst | None').
    if kind in ("string_too_long", "too_long"):
        return f"deze tekst is {len(str(value))} tekens; hoogstens {ctx.get('max_length')} tekens zijn toegestaan"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{_shown(value)} is te klein; de waarde moet minstens {ctx.get('ge', ctx.get('gt'))} zijn"
    if kind in ("less_than_equal", "less_than"):
        return f"{_shown(value)} is te groot; de waarde mag hoogstens {ctx.get('le', ctx.get('lt'))} zijn"
    return f"ongeldige waarde {_shown(value)} ({error['msg']})"


def _field(model: type[BaseModel], loc: Loc) -> FieldInfo | None:
    owner = model_at(model, loc[:-1])
    if owner is None or not loc or not isinstance(loc[-1], str):
        return None
    return owner.model_fields.get(loc[-1])
