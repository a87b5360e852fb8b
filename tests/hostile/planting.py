"""Put hostile text into every free-text and URL field of every record type.

The fields are found by walking the pydantic models in `RECORD_TYPES`, so a field or a
record type added later is covered without touching the tests. Each field gets a
*carrier*: a record in the shipped data where that field (or its parent) exists, so the
rest of the record stays valid and only the planted value can be refused.
"""

from __future__ import annotations

import copy
import re
import shutil
import types
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import yaml
from click.testing import CliRunner
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from socialekaart.cli import main
from socialekaart.models import RECORD_TYPES

HERE = Path(__file__).parent
LONG_WORD = "Jeugdhulpverleningsorganisatie"
ANY = "*"  # any element of a list

FieldPath = tuple[str, ...]  # names, with ANY for list elements: ('locaties', '*', 'naam')
Concrete = tuple[str | int, ...]  # with indices: ('locaties', 0, 'naam')


@dataclass(frozen=True)
class Payload:
    naam: str
    waarde: str
    merk: str  # a part that survives HTML escaping, to find the pages that show it


def load_payloads() -> list[Payload]:
    payloads = []
    for item in yaml.safe_load((HERE / "payloads.yml").read_text(encoding="utf-8")):
        waarde = item["waarde"]
        if waarde is None:  # generated: a 10k-character single word (or URL)
            prefix = "https://example.org/" if item.get("url") else ""
            waarde = prefix + (LONG_WORD * (item["lengte"] // len(LONG_WORD) + 1))[: item["lengte"] - len(prefix)]
        merk = item.get("merk") or max(re.findall(r"[\w.]{4,}", waarde) or [waarde], key=len)
        payloads.append(Payload(item["naam"], waarde, merk))
    return payloads


# --- the fields -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TextField:
    path: FieldPath
    adapter: TypeAdapter  # validates a value the way the model does

    @property
    def dotted(self) -> str:
        return ".".join(self.path)


def _is_str(annotation: Any) -> bool:
    return annotation is str


def _walk(annotation: Any, info: FieldInfo | None, prefix: FieldPath) -> Iterator[TextField]:
    origin = get_origin(annotation)
    if origin is Annotated:
        if _is_str(get_args(annotation)[0]):
            # Constraints given with Field(...) (max_length) belong to the field, not the type.
            extra = tuple(info.metadata) if info is not None else ()
            yield TextField(prefix, TypeAdapter(Annotated[(annotation, *extra)] if extra else annotation))
        else:
            yield from _walk(get_args(annotation)[0], info, prefix)
    elif origin in (Union, types.UnionType):
        for arg in get_args(annotation):
            if arg is not type(None):
                yield from _walk(arg, info, prefix)
    elif origin is list:
        yield from _walk(get_args(annotation)[0], None, (*prefix, ANY))
    elif origin is Literal:
        return
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, sub in annotation.model_fields.items():
            yield from _walk(sub.annotation, sub, (*prefix, name))
    elif _is_str(annotation):
        extra = tuple(info.metadata) if info is not None else ()
        yield TextField(prefix, TypeAdapter(Annotated[(str, *extra)] if extra else str))


def text_fields(model: type[BaseModel]) -> list[TextField]:
    """Every str field of `model`, nested models and lists included."""
    found = {f.path: f for f in _walk(model, None, ())}
    return list(found.values())


# --- the records that carry them ---------------------------------------------------------------------


@dataclass
class Planting:
    """Which record (file) carries which field, for every record type."""

    data: Path
    # (folder, path) -> records that can carry it, best first (the field exists there already)
    assignments: dict[tuple[str, FieldPath], list[Path]] = field(default_factory=dict)
    fields: dict[str, list[TextField]] = field(default_factory=dict)  # folder -> fields
    # A list of sub-records that no record of a type has yet (no provider has 'locaties'):
    # the carrier gets one, copied from another type that uses the same model.
    seeds: dict[Path, dict[str, list]] = field(default_factory=dict)
    uncovered: list[str] = field(default_factory=list)

    def load(self, carrier: Path) -> dict:
        """A fresh copy of the carrier's record (from the original data), with its seeds added."""
        if carrier not in _records:
            _records[carrier] = yaml.safe_load(carrier.read_text(encoding="utf-8"))
        record = copy.deepcopy(_records[carrier])
        for key, items in self.seeds.get(carrier, {}).items():
            record.setdefault(key, copy.deepcopy(items))
        return record


_records: dict[Path, dict] = {}  # parsed once: PyYAML is slow on the long agenda files


def record_files(data: Path, folder: str) -> list[Path]:
    record_type = RECORD_TYPES[folder]
    pattern = "*/*.yml" if record_type.nested else "*.yml"
    return sorted((data / folder).glob(pattern))


def _exists(node: Any, path: FieldPath, parent_only: bool) -> bool:
    if not path:
        return True
    key, rest = path[0], path[1:]
    if key == ANY:
        return isinstance(node, list) and any(_exists(item, rest, parent_only) for item in node)
    if not isinstance(node, dict):
        return False
    if key not in node:
        return parent_only and (not rest or rest == (ANY,))
    return _exists(node[key], rest, parent_only)


def _list_item_model(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    info = model.model_fields.get(name)
    annotation = info.annotation if info else None
    for arg in get_args(annotation) if get_origin(annotation) in (Union, types.UnionType) else [annotation]:
        if get_origin(arg) is list:
            item = get_args(arg)[0]
            if isinstance(item, type) and issubclass(item, BaseModel):
                return item
    return None


def _examples(data: Path) -> dict[type[BaseModel], dict]:
    """A real example of every sub-record model that appears in a top-level list somewhere."""
    found: dict[type[BaseModel], dict] = {}
    for folder, record_type in RECORD_TYPES.items():
        for path in record_files(data, folder):
            record = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            for name, value in record.items():
                item_model = _list_item_model(record_type.model, name)
                if item_model and isinstance(value, list) and value and isinstance(value[0], dict):
                    found.setdefault(item_model, value[0])
    return found


def plan(data: Path) -> Planting:
    """Choose a carrier record for every (record type, field): one where it exists, else its parent."""
    planting = Planting(data)
    examples = _examples(data)
    for folder, record_type in RECORD_TYPES.items():
        fields = text_fields(record_type.model)
        planting.fields[folder] = fields
        files = record_files(data, folder)
        loaded = {f: yaml.safe_load(f.read_text(encoding="utf-8")) for f in files}
        for text_field in fields:
            carriers = [f for f in files if _exists(loaded[f], text_field.path, False)]
            carriers += [f for f in files if f not in carriers and _exists(loaded[f], text_field.path, True)]
            item_model = _list_item_model(record_type.model, text_field.path[0])
            if not carriers and files and item_model in examples:
                carriers = [files[0]]
                planting.seeds.setdefault(files[0], {})[text_field.path[0]] = [examples[item_model]]
            if carriers:
                planting.assignments[(folder, text_field.path)] = carriers
            else:
                planting.uncovered.append(f"{folder}: {text_field.dotted}")
    return planting


def place(node: Any, path: FieldPath, values: list[str], at: Concrete = ()) -> list[Concrete]:
    """Write into `node` (loaded YAML) at `path`; a list of strings gets `values` as its items."""
    key, rest = path[0], path[1:]
    if rest == (ANY,):
        node[key] = list(values)
        return [(*at, key, i) for i in range(len(values))]
    if not rest:
        node[key] = "\n\n".join(values)
        return [(*at, key)]
    child = node.get(key)
    if isinstance(child, list) and child:
        assert rest[0] == ANY
        # One item is enough: the first that has the field (or its parent).
        i = next((i for i, item in enumerate(child) if _exists(item, rest[1:], False)), None)
        i = i if i is not None else next((i for i, item in enumerate(child) if _exists(item, rest[1:], True)), 0)
        return place(child[i], rest[1:], values, (*at, key, i))
    if isinstance(child, dict):
        return place(child, rest, values, (*at, key))
    return []


def write_record(path: Path, record: dict) -> None:
    header = path.read_text(encoding="utf-8").splitlines()[0]
    body = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=10**9, default_flow_style=False)
    path.write_text(header + "\n" + body, encoding="utf-8")


# --- running check -----------------------------------------------------------------------------------

_GCC = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<niveau>fout|waarschuwing): (?P<loc>[^:]*): (?P<msg>.*)$")


@dataclass(frozen=True)
class Melding:
    file: Path
    line: int
    col: int
    loc: str
    msg: str


def run_check(data: Path, vandaag: date) -> list[Melding]:
    """`socialekaart check DATA` through the CLI; its errors, parsed."""
    result = CliRunner().invoke(main, ["check", str(data), "--datum", vandaag.isoformat()])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    meldingen = []
    for line in result.output.splitlines():
        match = _GCC.match(line)
        if match and match["niveau"] == "fout":
            meldingen.append(Melding(Path(match["file"]).resolve(), int(match["line"]), int(match["col"]), match["loc"], match["msg"]))
    return meldingen


def dotted(concrete: Concrete) -> str:
    """A place as `socialekaart check` names it: 'locaties[1].naam' (list items count from 1)."""
    text = ""
    for part in concrete:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def copy_data(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target





# --- probing: what does `check` refuse, and what gets through? ------------------------------------------


@dataclass(frozen=True)
class Plek:
    """One field of one carrier record."""

    folder: str
    path: FieldPath
    carrier: Path  # in the original data folder


@dataclass
class Uitkomst:
    accepted: dict[Plek, list[Payload]] = field(default_factory=dict)
    rejected: dict[Plek, list[Payload]] = field(default_factory=dict)


def plekken(planting: Planting) -> list[Plek]:
    """Every field at its best carrier."""
    return [Plek(folder, path, carriers[0]) for (folder, path), carriers in planting.assignments.items()]


def _refused_at(model: type[BaseModel], record: dict, vandaag: date) -> list[tuple]:
    try:
        model.model_validate(record, context={"vandaag": vandaag})
    except ValidationError as error:
        return [tuple(e["loc"]) for e in error.errors()]
    return []


def classify(planting: Planting, payloads: list[Payload], vandaag: date) -> Uitkomst:
    """Every (field, payload) pair through the record's own model: accepted or refused.

    The whole record is validated (field validators, model validators, Annotated types),
    as `socialekaart check` does, in-process so 40 payloads take a second.
    `positioned_refusals` then shows through the real CLI that refusals are reported at
    file, line, column and field; accepted values go into real builds (`rounds`), where
    check must pass as a whole (record and cross-record rules included).
    """
    by_carrier: dict[tuple[str, Path], list[Plek]] = {}
    for plek in plekken(planting):
        by_carrier.setdefault((plek.folder, plek.carrier), []).append(plek)
    uitkomst = Uitkomst()
    for (folder, carrier), group in by_carrier.items():
        model = RECORD_TYPES[folder].model
        for payload in payloads:
            record = planting.load(carrier)
            landed = {plek: place(record, plek.path, [payload.waarde]) for plek in group}
            refused = _refused_at(model, record, vandaag)
            for plek, concretes in landed.items():
                hit = any(loc[: len(c)] == c or (plek.path[-1] == ANY and loc == c[:-1]) for loc in refused for c in concretes)
                (uitkomst.rejected if hit else uitkomst.accepted).setdefault(plek, []).append(payload)
    return uitkomst


def plant(planting: Planting, data: Path, values: dict[Plek, list[str]]) -> dict[Plek, tuple[Path, list[Concrete]]]:
    """Write `values` into the copy `data`; returns where each landed (file, concrete paths)."""
    records: dict[Path, dict] = {}
    landed = {}
    for plek, value in values.items():
        record = records.setdefault(plek.carrier, planting.load(plek.carrier))
        landed[plek] = (data / plek.carrier.relative_to(planting.data), place(record, plek.path, value))
    for carrier, record in records.items():
        write_record(data / carrier.relative_to(planting.data), record)
    return landed


def positioned_refusals(planting: Planting, uitkomst: Uitkomst, data: Path, vandaag: date) -> list[str]:
    """One data copy with a refused payload in every field that refuses any; the real CLI must
    report each at the file and line where it was written, naming the field. Returns what is not."""
    landed = plant(planting, data, {plek: [payloads[0].waarde] for plek, payloads in uitkomst.rejected.items()})
    meldingen = run_check(data, vandaag)
    missing = []
    for plek, (path, concretes) in landed.items():
        if not concretes:
            missing.append(f"{plek.folder}.{'.'.join(plek.path)}: could not be placed in {plek.carrier.name}")
            continue
        names = {dotted(c) for c in concretes}
        if plek.path[-1] == ANY:
            names.add(dotted(concretes[0][:-1]))  # a list of strings may be refused as a whole
        lines = path.read_text(encoding="utf-8").splitlines()
        hits = [m for m in meldingen if m.file == path.resolve() and m.loc in names]
        if not hits:
            missing.append(f"{plek.folder}.{'.'.join(plek.path)} = {uitkomst.rejected[plek][0].naam}: no error at {sorted(names)} in {path.name}")
        for m in hits:
            key = concretes[0][-1]
            text = lines[m.line - 1] if 1 <= m.line <= len(lines) else ""
            if not ((isinstance(key, str) and f"{key}:" in text) or (isinstance(key, int) and text.lstrip().startswith("-")) or m.col > 1):
                missing.append(f"{plek.folder}.{'.'.join(plek.path)}: error at {path.name}:{m.line}:{m.col} points at {text!r}")
    return missing


GROUP_CHARS = 12_000  # one long payload (10,000 characters) with a few short ones
RECORD_CHARS = 120_000  # planted into one record per build: well under the reader's 256 KB


def rounds(planting: Planting, uitkomst: Uitkomst) -> list[dict[Plek, list[str]]]:
    """Accepted values packed into as few builds as possible.

    Values of one field are joined (as paragraphs; as items for a list of strings) while
    the field's own validator accepts the result. Groups that cannot be joined (URLs) go
    to other records of the same type, then to a next build.
    """
    adapters = {(folder, f.path): f.adapter for folder, fields in planting.fields.items() for f in fields}
    result: list[dict[Plek, list[str]]] = []
    planted: dict[tuple[int, object], int] = {}  # characters planted per (build, record)
    for plek, accepted in uitkomst.accepted.items():
        adapter = adapters[(plek.folder, plek.path)]
        groups: list[list[str]] = []
        for payload in accepted:
            joined = [*groups[-1], payload.waarde] if groups else []
            if joined and sum(map(len, joined)) <= GROUP_CHARS and (plek.path[-1] == ANY or _valid(adapter, "\n\n".join(joined))):
                groups[-1].append(payload.waarde)
            else:
                groups.append([payload.waarde])
        carriers = planting.assignments[(plek.folder, plek.path)]
        # Each field starts at another carrier, so the long payloads of a record type's many
        # fields spread over its records instead of piling up past the reader's size limit.
        offset = zlib.crc32(repr(plek.path).encode())
        for i, group in enumerate(groups):
            build, carrier = divmod(i, len(carriers))
            carrier = (carrier + offset) % len(carriers)
            # A record type with few records and many fields (an agenda) would still grow past
            # the reader's size limit: what does not fit goes to the same record in a later build.
            while (planted.get((build, carriers[carrier]), 0) + sum(map(len, group))) > RECORD_CHARS and planted.get((build, carriers[carrier])):
                build += 1
            planted[(build, carriers[carrier])] = planted.get((build, carriers[carrier]), 0) + sum(map(len, group))
            while len(result) <= build:
                result.append({})
            result[build][Plek(plek.folder, plek.path, carriers[carrier])] = group
    return result


def _valid(adapter: TypeAdapter, value: str) -> bool:
    try:
        adapter.validate_python(value, context={"vandaag": date.today()})
    except ValidationError:
        return False
    return True


def refused_in(landed: dict[Plek, tuple[Path, list[Concrete]]], meldingen: list[Melding]) -> tuple[set[Plek], list[Melding]]:
    """Which planted fields the CLI refused, and the errors that belong to no planted field."""
    refused: set[Plek] = set()
    other = []
    for melding in meldingen:
        owners = [
            plek
            for plek, (path, concretes) in landed.items()
            if melding.file == path.resolve()
            and any(_belongs(melding.loc, c, plek) for c in concretes)
        ]
        refused.update(owners)
        if not owners:
            other.append(melding)
    return refused, other


def _belongs(loc: str, concrete: Concrete, plek: Plek) -> bool:
    """Is an error at `loc` about the value planted at `concrete`? Its own place, a place inside
    it, or a sibling inside the same top-level list item: a rule that compares the items of one
    KPI (its measurements add up per year) names the measurement, not the planted period."""
    own = dotted(concrete)
    if loc == own or loc.startswith((own + ".", own + "[")) or (plek.path[-1] == ANY and loc == dotted(concrete[:-1])):
        return True
    return len(concrete) > 2 and isinstance(concrete[1], int) and loc.startswith(dotted(concrete[:2]) + ".")
