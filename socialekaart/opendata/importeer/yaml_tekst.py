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
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return _tekst(str(value), flow)


@lru_cache(maxsize=1 << 16)  # themas, regio, gemeente codes ... recur in nearly every record
def _tekst(text: str, flow: bool) -> str:
    return text if text and _plain(text, flow) else _quoted(text)


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
    return all(not isinstance(v, dict | list) and "\n" not in str(v) for v in value) and sum(len(str(v)) for v in value) < 60


def _value_lines(key: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, dict):
        return [f"{indent}{key}:", *_mapping(value, indent + STEP)]
    if isinstance(value, list):
        if _flow(value):
            return [f"{indent}{key}: [{', '.join(_scalar(v, flow=True) for v in value)}]"]
        lines = [f"{indent}{key}:"]
        for item in value:
            if isinstance(item, dict):
                inner = _mapping(item, indent + STEP * 2)
                inner[0] = f"{indent}{STEP}- {inner[0].lstrip()}"
                lines += inner
            else:
                lines.append(f"{indent}{STEP}- {_quoted(item) if isinstance(item, str) and chr(10) in item else _scalar(item)}")
        return lines
    if isinstance(value, str) and "\n" in value:
        block = _block_lines(value, indent + STEP)
        if block:
            return [f"{indent}{key}: {block[0]}", *block[1:]]
    return [f"{indent}{key}: {_scalar(value)}"]


def _mapping(values: dict[str, Any], indent: str) -> list[str]:
    lines: list[str] = []
    for key, value in values.items():
        lines += _value_lines(key, value, indent)
    return lines


@lru_cache(maxsize=None)
def _volgorde(folder: str) -> tuple[str, ...]:
    return tuple(name for name, _ in _ordered(RECORD_TYPES[folder].model))


def record_yaml(record: Record, folder: str) -> str:
    """The file text for `record` in data/<folder>/: only what is filled in and not a default."""
    values = record.model_dump(exclude_defaults=True, exclude_none=True)
    ordered = {name: values[name] for name in _volgorde(folder) if name in values}
    return "\n".join([schema_comment(folder, 2), *_mapping(ordered, "")]) + "\n"
