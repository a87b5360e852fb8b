"""Gates over exported open-data files: functions that return what is wrong.

- `hsds_json_fouten`: the nested JSON against the official compiled HSDS 3.0 schemas
  (jsonschema, Draft 2020-12, with format checks);
- `datapackage_fouten`: the data package with frictionless (schemas, types, keys);
- `privacy_fouten`: every exported file (CSV, JSON, GeoJSON) against the privacy rules.
An empty list means the rule holds. Import with `from opendata_gates import ...`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from socialekaart.load import Dataset
from socialekaart.opendata.ids import uuid_voor

SCHEMAS = {"services": "service", "organizations": "organization", "service_at_locations": "service_at_location"}
ADRES_SLEUTELS = re.compile(r"(^|_)(adres|address(_\d)?|postcode|postal_code|straat|huisnummer|bezoekadres)$")
COORDINAAT_SLEUTELS = re.compile(r"(^|_)(lat|lon|latitude|longitude)$")


@cache
def validator(schema: str) -> Draft202012Validator:
    tekst = files("socialekaart.opendata").joinpath("hsds", f"{schema}.json").read_text(encoding="utf-8")
    return Draft202012Validator(json.loads(tekst), format_checker=Draft202012Validator.FORMAT_CHECKER)


def hsds_json_fouten(hsds_map: Path) -> list[str]:
    fouten = []
    for naam, schema in SCHEMAS.items():
        for i, obj in enumerate(json.loads((hsds_map / "json" / f"{naam}.json").read_text(encoding="utf-8"))):
            for fout in validator(schema).iter_errors(obj):
                fouten.append(f"json/{naam}.json[{i}] {'/'.join(map(str, fout.absolute_path))}: {fout.message}")
    return fouten


def datapackage_fouten(hsds_map: Path) -> list[str]:
    from frictionless import Package  # slow to import: only where it is used

    rapport = Package(str(hsds_map / "datapackage.json")).validate()
    return [f"{e[0]}: {e[1]}" for e in rapport.flatten(["type", "note"])]


# --- privacy -----------------------------------------------------------------------------


def _verboden_teksten(dataset: Dataset) -> dict[str, str]:
    """Text the site never publishes, with the reason: a gezinshuis's description, the name of
    a contact person without recorded consent."""
    verboden = {}
    for huis in dataset.gezinshuizen.values():
        if huis.beschrijving:
            verboden[huis.beschrijving] = f"beschrijving van gezinshuis {huis.id}"
    for team in dataset.lokale_teams.values():
        for persoon in team.contactpersonen:
            if persoon.naam and persoon.toestemming_op is None:
                verboden[persoon.naam] = f"naam zonder toestemming bij {team.id}"
    return verboden


def _huis_sleutels(dataset: Dataset) -> set[str]:
    """Every id under which a gezinshuis can appear: its record id, its HSDS service and location."""
    ids = set()
    for huis_id in dataset.gezinshuizen:
        ids |= {huis_id, uuid_voor("dienst", "gezinshuizen", huis_id), uuid_voor("locatie", "gezinshuizen", huis_id)}
    return ids


def _decimalen(waarde: Any) -> int:
    tekst = str(waarde).strip().lstrip("'")
    return len(tekst.split(".")[1].rstrip("0")) if "." in tekst else 0


def _objecten(data: Any) -> Iterator[dict]:
    if isinstance(data, dict):
        yield data
        for v in data.values():
            yield from _objecten(v)
    elif isinstance(data, list):
        for v in data:
            yield from _objecten(v)


def _plat(obj: dict, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """The values of an object and its nested objects, as 'plekken_vrij'-style keys."""
    for k, v in obj.items():
        if isinstance(v, dict):
            yield from _plat(v, f"{prefix}{k}_")
        else:
            yield prefix + k, v


def _huis_fouten(rel: str, sleutel: str, velden: Iterator[tuple[str, Any]]) -> Iterator[str]:
    for naam, waarde in velden:
        if ADRES_SLEUTELS.search(naam) and waarde not in (None, "", []):
            yield f"{rel}: gezinshuis {sleutel}: adresveld '{naam}' = {waarde!r}"
        if COORDINAAT_SLEUTELS.search(naam) and waarde not in (None, "") and _decimalen(waarde) > 2:
            yield f"{rel}: gezinshuis {sleutel}: '{naam}' = {waarde} heeft meer dan 2 decimalen"
        if naam.endswith("coordinates") and isinstance(waarde, list) and any(_decimalen(c) > 2 for c in waarde):
            yield f"{rel}: gezinshuis {sleutel}: punt {waarde} heeft meer dan 2 decimalen"


def _csv_rijen(tekst: str) -> list[dict[str, str]]:
    tekst = tekst.removeprefix("\ufeff")
    scheiding = ";" if tekst.split("\n", 1)[0].count(";") > tekst.split("\n", 1)[0].count(",") else ","
    return list(csv.DictReader(io.StringIO(tekst, newline=""), delimiter=scheiding))


def privacy_fouten(map_: Path, dataset: Dataset) -> list[str]:
    """Every file under `map_` (an export, or a site's open-data folder) against the rules."""
    verboden = _verboden_teksten(dataset)
    huizen = _huis_sleutels(dataset)
    fouten: list[str] = []
    bestanden = sorted(p for p in map_.rglob("*") if p.is_file() and p.suffix in (".csv", ".json", ".geojson"))
    assert bestanden, f"geen exportbestanden in {map_}"
    for pad in bestanden:
        rel = pad.relative_to(map_).as_posix()
        tekst = pad.read_text(encoding="utf-8")
        for woorden, reden in verboden.items():
            if woorden in tekst or json.dumps(woorden, ensure_ascii=False)[1:-1] in tekst:
                fouten.append(f"{rel}: bevat {reden}")
        if pad.suffix == ".csv":
            for rij in _csv_rijen(tekst):
                sleutel = next((rij[k] for k in ("id", "record_id", "service_id", "location_id") if rij.get(k) in huizen), None)
                if sleutel:
                    fouten += _huis_fouten(rel, sleutel, iter(rij.items()))
        else:
            for obj in _objecten(json.loads(tekst)):
                sleutel = obj.get("id") if obj.get("id") in huizen else None
                props = obj.get("properties")
                if isinstance(props, dict) and props.get("id") in huizen:
                    sleutel = props["id"]
                if sleutel and isinstance(sleutel, str):
                    # Its own fields, not those of the aanbieder nested in it (public offices).
                    # Nested locations are objects with a gezinshuis id of their own.
                    fouten += _huis_fouten(rel, sleutel, _plat({k: v for k, v in obj.items() if k != "organization"}))
    return sorted(set(fouten))
