"""`socialekaart nieuw`: a commented record file to fill in, generated from the model."""

from __future__ import annotations

import typing
from datetime import date

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .messages import _inner_model
from .schema import schema_comment
from .models import RECORD_TYPES


def _placeholder(field: FieldInfo) -> str:
    annotation = field.annotation
    args = typing.get_args(annotation)
    text = repr(annotation)
    if "Literal" in text:
        literal = next((a for a in _walk(annotation) if typing.get_origin(a) is typing.Literal), None)
        if literal is not None:
            return typing.get_args(literal)[0]
    if annotation is bool:
        return "false"
    if "date" in text:
        return date.today().isoformat()
    if annotation is int or int in args:
        return "0"
    return '""'


def _walk(annotation):
    yield annotation
    for arg in typing.get_args(annotation):
        yield from _walk(arg)


def _lines(model: type[BaseModel], indent: str, only_required: bool = False) -> list[str]:
    lines: list[str] = []
    for name, field in model.model_fields.items():
        required = field.is_required()
        if only_required and not required:
            continue
        mark = "verplicht" if required else "optioneel"
        lines.append(f"{indent}# {field.description} ({mark})")
        prefix = "" if required else "# "
        inner = _inner_model(field.annotation)
        is_list = typing.get_origin(field.annotation) is list or "list[" in repr(field.annotation)
        if inner is not None:
            lines.append(f"{indent}{prefix}{name}:")
            item_indent = indent + ("  - " if is_list else "  ")
            sub = _lines(inner, indent + ("    " if is_list else "  "), only_required=True)
            if is_list and sub:
                first = next(i for i, line in enumerate(sub) if not line.strip().startswith("#"))
                sub[first] = item_indent + sub[first].strip()
            lines += [(indent + prefix + line[len(indent):]) if prefix else line for line in sub]
        elif is_list:
            lines.append(f"{indent}{prefix}{name}:")
            lines.append(f"{indent}{prefix}  - {_placeholder(field)}")
        else:
            lines.append(f"{indent}{prefix}{name}: {_placeholder(field)}")
    return lines


def template(folder: str) -> str:
    record_type = RECORD_TYPES[folder]
    depth = 3 if record_type.nested else 2
    header = [
        schema_comment(folder, depth),
        f"# Nieuw record: {record_type.label}. Vul de verplichte velden in; haal '# ' weg bij optionele velden die je gebruikt.",
        "# Controleer daarna met: socialekaart check",
    ]
    return "\n".join(header + _lines(record_type.model, "")) + "\n"
