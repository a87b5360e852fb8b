"""Editor support: the committed JSON Schemas match the models (that every shipped data file points
at its schema is checked in test_shipped_data.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from socialekaart.models import RECORD_TYPES
from socialekaart.schema import schema_for, schema_text

ROOT = Path(__file__).parent.parent
SCHEMAS = ROOT / "schemas"


def test_one_committed_schema_per_registered_record_type() -> None:
    """Also catches a schema left behind after a record type was renamed or removed."""
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(f"{folder}.schema.json" for folder in RECORD_TYPES)


@pytest.mark.parametrize("folder", sorted(RECORD_TYPES))
def test_committed_schema_equals_generated(folder: str) -> None:
    committed = (SCHEMAS / f"{folder}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(folder), "run `socialekaart schema` and commit the result"


@pytest.mark.parametrize("folder", sorted(RECORD_TYPES))
def test_schema_forbids_unknown_fields_and_lists_required_ones(folder: str) -> None:
    schema = schema_for(folder)
    model = RECORD_TYPES[folder].model
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {name for name, field in model.model_fields.items() if field.is_required()}
    assert json.loads(schema_text(folder)) == schema


def test_gezinshuis_schema_has_no_address_fields() -> None:
    schema = schema_for("gezinshuizen")
    assert not {"adres", "postcode", "straat"} & set(schema["properties"])
