"""`socialekaart nieuw`: a commented record file to fill in, generated from the model.

Required fields are written out with a placeholder; optional fields are there too but
commented out ('# '), so removing the '# ' is all it takes to use one. The record's own
fields come first (naam on top), the fields every record shares (gecontroleerd_op, voorbeeld,
agenda) last.
"""

from __future__ import annotations

import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .models import RECORD_TYPES
from .schema import schema_comment

STEP = "  "


def _unwrap(annotation: Any) -> tuple[bool, Any]:
    """(is it a list?, the item type) with Optional and Annotated taken off."""
    annotation = _strip(annotation)
    if typing.get_origin(annotation) is list:
        return True, _strip(typing.get_args(annotation)[0])
    return False, annotation


def _strip(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _choices(annotation: Any) -> list[str]:
    return [str(c) for c in typing.get_args(annotation)] if typing.get_origin(annotation) is typing.Literal else []


def _placeholder(annotation: Any, vandaag: date) -> str:
    choices = _choices(annotation)
    if choices:
        return choices[0]
    if annotation is bool:
        return "false"
    if annotation is date:
        return vandaag.isoformat()
    if annotation is int:
        return "0"
    if annotation in (float, Decimal):
        return "0.0"
    return '""'


def _description(field: FieldInfo, item: Any) -> str:
    """The field's description, with the allowed choices unless it already names them all."""
    text = (field.description or "").strip()
    choices = _choices(item)
    if choices and not all(choice in text for choice in choices):
        text = f"{text.rstrip('.')}. Kies uit: {', '.join(choices)}."
    return text


def _ordered(model: type[BaseModel]) -> list[tuple[str, FieldInfo]]:
    """naam first, then the model's own fields, then those it inherits from its record base."""
    inherited = {name for base in model.__mro__[1:] if _is_model(base) for name in base.model_fields}
    fields = list(model.model_fields.items())
    own = [(n, f) for n, f in fields if n not in inherited]
    base = [(n, f) for n, f in fields if n in inherited]
    return sorted(own, key=lambda item: item[0] != "naam") + base


def _value_lines(name: str, field: FieldInfo, indent: str, vandaag: date) -> list[str]:
    """`name: value`, or `name:` with the nested block or list under it (uncommented)."""
    is_list, item = _unwrap(field.annotation)
    if _is_model(item):
        body = _block(item, indent + STEP + ("  " if is_list else ""), vandaag)
        if is_list:  # the first line of the block carries the '- ' of the list item
            body[0] = indent + STEP + "- " + body[0].lstrip()
        return [f"{indent}{name}:", *body]
    if is_list:
        return [f"{indent}{name}:", f"{indent}{STEP}- {_placeholder(item, vandaag)}"]
    return [f"{indent}{name}: {_placeholder(item, vandaag)}"]


def _block(model: type[BaseModel], indent: str, vandaag: date) -> list[str]:
    """The fields of a nested block: required ones filled in first, then the optional ones
    commented out, so a block without required fields (like contact) still shows what fits."""
    lines: list[str] = []
    for name, field in sorted(_ordered(model), key=lambda item: not item[1].is_required()):
        described = _comment_after(_value_lines(name, field, indent, vandaag), _description(field, _unwrap(field.annotation)[1]))
        lines += described if field.is_required() else _commented(described, indent)
    return lines


def _comment_after(lines: list[str], description: str) -> list[str]:
    """Nested fields carry their explanation at the end of their first line."""
    if description:
        lines = [f"{lines[0]}  # {description.rstrip('.')}", *lines[1:]]
    return lines


def _commented(lines: list[str], indent: str) -> list[str]:
    """'# ' at the field's own indentation, so deleting it restores valid YAML."""
    cut = len(indent)
    return [line[:cut] + "# " + line[cut:] for line in lines]


def template(folder: str, vandaag: date | None = None) -> str:
    """The text of a new record file for `folder`, valid YAML, with every field explained."""
    vandaag = vandaag or date.today()
    record_type = RECORD_TYPES[folder]
    depth = 3 if record_type.nested else 2
    lines = [
        schema_comment(folder, depth),
        f"# Nieuw record: {record_type.label}. Vul de verplichte velden in; haal '# ' weg bij een optioneel veld dat je gebruikt.",
        "# Controleer daarna met: socialekaart check",
    ]
    for name, field in _ordered(record_type.model):
        required = field.is_required()
        description = _description(field, _unwrap(field.annotation)[1])
        lines.append("")
        lines.append(f"# {'Verplicht' if required else 'Optioneel'}: {description}")
        value = _value_lines(name, field, "", vandaag)
        lines += value if required else _commented(value, "")
    return "\n".join(lines) + "\n"
