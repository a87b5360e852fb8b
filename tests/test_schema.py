"""Editor support: the committed JSON Schemas match the models, and every data file points at its schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from socialekaart.models import RECORD_TYPES
from socialekaart.schema import schema_comment, schema_for, schema_text

ROOT = Path(__file__).parent.parent
SCHEMAS = ROOT / "schemas"
DATA = ROOT / "data"


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


def data_files() -> list[Path]:
    return sorted(DATA.rglob("*.yml")) if DATA.is_dir() else []


@pytest.mark.parametrize("path", data_files(), ids=lambda p: str(p.relative_to(DATA)))
def test_every_data_file_starts_with_its_schema_line(path: Path) -> None:
    relative = path.relative_to(DATA).parts
    folder = relative[0]
    assert folder in RECORD_TYPES
    depth = len(relative)  # data/<folder>/<id>.yml is 2 deep; nested types one more
    first_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first_line == schema_comment(folder, depth)
    target = (path.parent / first_line.split("$schema=", 1)[1]).resolve()
    assert target == (SCHEMAS / f"{folder}.schema.json").resolve() and target.is_file()
