"""JSON Schemas from the models, so editors autocomplete and underline mistakes."""

from __future__ import annotations

import json
from pathlib import Path

from .models import RECORD_TYPES

SCHEMA_DIR = "schemas"


def schema_for(folder: str) -> dict:
    record_type = RECORD_TYPES[folder]
    schema = record_type.model.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"{record_type.label} ({folder})", **schema}


def schema_text(folder: str) -> str:
    return json.dumps(schema_for(folder), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for folder in sorted(RECORD_TYPES):
        path = out / f"{folder}.schema.json"
        path.write_text(schema_text(folder), encoding="utf-8")
        written.append(path)
    return written


def schema_comment(folder: str, depth: int) -> str:
    """The first line of every data file: tells the YAML language server which schema applies."""
    up = "../" * depth
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{folder}.schema.json"
