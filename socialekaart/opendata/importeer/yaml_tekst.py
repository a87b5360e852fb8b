"""A record as the YAML file a person would have typed: schema line first, naam on top, the
fields in the order `socialekaart nieuw` uses, short lists on one line, Markdown as a block.

Written here rather than with yaml.dump: PyYAML's representer costs about a millisecond per
record, most of a 50,000-row import. Records hold only text, numbers, dates, true/false,
lists and blocks, so the choice per text is small: plain when YAML reads it back as that same
text, a `|` block for several lines, otherwise JSON's double-quoted form (valid YAML).
Round-trip tests read every written file back with the project's own reader.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from datetime import date
from typing import Any

import yaml

from ...models import RECORD_TYPES, Record
from ...schema import schema_comment
from ...template import _ordered

STEP = "  "
_RESOLVERS = yaml.SafeLoader.yaml_implicit_resolvers  # first character -> [(tag, pattern)]
# Plain text: no indicator first, none of ': ', ' #' inside, no space at either end.
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n\r\t]*")
_IN_FLOW = re.compile(r"[,\[\]{}]")
_LINE_BREAKS = re.compile("[\u0085\u2028\u2029\ufeff]")  # YAML reads these as line breaks (or drops them)


def _plain(text: str, flow: bool) -> bool:
    if not _PLAIN.fullmatch(text) or text[-1] in " :" or ": " in text or " #" in text or _LINE_BREAKS.search(text):
        return False
    if flow and _IN_FLOW.search(text):
        return False
    return not any(pattern.match(text) for _, pattern in _RESOLVERS.get(text[0], ()))  # not 'yes', '12', '2026-01-01' ...


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=bool(_LINE_BREAKS.search(text)))


def _scalar(value: Any, flow: bool = False) -> str:
    if type(value) is str:
        return _tekst_in_lijst(value) if flow else _tekst(value)
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return _tekst_in_lijst(str(value)) if flow else _tekst(str(value))


# Themas, regio, gemeente codes ... recur in nearly every record: each answer is remembered.
@lru_cache(maxsize=1 << 16)
def _tekst(text: str) -> str:
    return text if text and _plain(text, False) else _quoted(text)


@lru_cache(maxsize=1 << 14)
def _tekst_in_lijst(text: str) -> str:
    return text if text and _plain(text, True) else _quoted(text)


def _block_lines(text: str, indent: str) -> list[str] | None:
    """A `|` block for text of several lines, or None when the text needs quotes."""
    body = text[:-1] if text.endswith("\n") else text
    if not body or body[0] in " \n" or body.endswith("\n") or "\r" in body or _LINE_BREAKS.search(body):
        return None
    lines = body.split("\n")
    if any(line != line.rstrip() for line in lines):
        return None
    return [("|" if text.endswith("\n") else "|-"), *(f"{indent}{line}" if line else "" for line in lines)]


def _flow(value: list[Any]) -> bool:
    """Short lists of single-line values on one line, as people write them: [maatje, mentor]."""
    lengte = 0
    for v in value:
        if isinstance(v, dict | list):
            return False
        text = v if type(v) is str else str(v)
        if "\n" in text:
            return False
        lengte += len(text)
    return lengte < 60


def _value_lines(key: str, value: Any, indent: str, out: list[str]) -> None:
    """The lines of `key: value` at `indent`, added to `out` (one list for the whole file:
    a list per value and joining them was a third of the time)."""
    kind = type(value)
    if kind is str:
        if "\n" in value:
            block = _block_lines(value, indent + STEP)
            if block:
                out.append(f"{indent}{key}: {block[0]}")
                out += block[1:]
                return
        out.append(f"{indent}{key}: {_tekst(value)}")
    elif kind is dict:
        out.append(f"{indent}{key}:")
        _mapping_in(value, indent + STEP, out)
    elif kind is list:
        if _flow(value):
            out.append(f"{indent}{key}: [{', '.join([_scalar(v, flow=True) for v in value])}]")
            return
        out.append(f"{indent}{key}:")
        for item in value:
            if isinstance(item, dict):
                first = len(out)
                _mapping_in(item, indent + STEP * 2, out)
                out[first] = f"{indent}{STEP}- {out[first].lstrip()}"
            else:
                out.append(f"{indent}{STEP}- {_quoted(item) if isinstance(item, str) and chr(10) in item else _scalar(item)}")
    else:
        out.append(f"{indent}{key}: {_scalar(value)}")


def _mapping_in(values: dict[str, Any], indent: str, out: list[str]) -> None:
    for key, value in values.items():
        _value_lines(key, value, indent, out)


def _mapping(values: dict[str, Any], indent: str) -> list[str]:
    out: list[str] = []
    _mapping_in(values, indent, out)
    return out


@lru_cache(maxsize=None)
def _volgorde(folder: str) -> tuple[str, ...]:
    return tuple(name for name, _ in _ordered(RECORD_TYPES[folder].model))


def record_yaml(record: Record, folder: str) -> str:
    """The file text for `record` in data/<folder>/: only what is filled in and not a default."""
    values = record.model_dump(exclude_defaults=True, exclude_none=True)
    out = [schema_comment(folder, 2)]
    for name in _volgorde(folder):
        if name in values:
            _value_lines(name, values[name], "", out)
    out.append("")
    return "\n".join(out)
