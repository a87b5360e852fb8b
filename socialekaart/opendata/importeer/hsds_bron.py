"""Read an Open Referral HSDS 3.0 source into flat tables, each row with its place in the source.

Two forms, both as `socialekaart export hsds` writes them: the data package (datapackage.json
with a CSV file per table) and the JSON form (json/services.json and json/organizations.json,
objects nested in objects). Either way the result is the same tables of flat rows, so the
rest of the import does not care which form a row came from.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..tabel import ontneutraliseer
from .bronnen import BronFout, CelProblem

# The tables the import needs; the others (schedules, addresses ...) it does not read.
NODIG = ("organization", "service", "attribute")
GEBRUIKT = (*NODIG, "contact", "phone", "language", "funding", "organization_identifier")
JSON_BESTANDEN = ("services.json", "organizations.json")
# A nested object in the JSON form, by its key: the table its rows belong to.
GENEST = {
    "phones": "phone", "contacts": "contact", "languages": "language", "funding": "funding",
    "attributes": "attribute", "organization_identifiers": "organization_identifier",
    "service_at_locations": "service_at_location", "locations": "location", "location": "location",
    "service_areas": "service_area", "organization": "organization", "services": "service",
}  # fmt: skip


@dataclass(frozen=True)
class Plek:
    """Where a row stands: a CSV row (the header is row 1) or a JSON path."""

    bestand: str
    rij: int
    pad: str = ""

    def tekst(self, kolom: str | None) -> str:
        if self.pad:
            return f"{self.pad}.{kolom}" if kolom else self.pad
        return f"rij {self.rij}:kolom {kolom}" if kolom else f"rij {self.rij}"


@dataclass(frozen=True, order=True)
class HsdsProblem(CelProblem):
    """'hsds/services.csv:rij 12:kolom name (naam): fout: ...', or for the JSON form
    'json/services.json:services[3].name (naam): fout: ...'."""

    plek: str = ""

    def gcc(self) -> str:
        waar = f"{self.path}:{self.plek}" if self.plek else self.path
        veld = self.veld if self.veld.startswith("(") else f"({self.veld})"  # '(bestand)' is already one
        return f"{waar} {veld}: {self.niveau}: {self.bericht}"


def probleem(plek: Plek, kolom: str | None, veld: str, bericht: str, niveau: str = "fout") -> HsdsProblem:
    return HsdsProblem(plek.bestand, plek.rij, 0, veld, bericht, niveau, plek.tekst(kolom))  # type: ignore[arg-type]


def _fout(bestand: str, veld: str, bericht: str, plek: str = "") -> BronFout:
    return BronFout(HsdsProblem(bestand, 0, 0, veld, bericht, "fout", plek))


@dataclass
class Rij:
    waarden: dict[str, Any]
    plek: Plek


Tabellen = dict[str, list[Rij]]


def is_hsds(path: Path) -> bool:
    """A folder or a .json file: the HSDS forms (a spreadsheet or CSV is one file of its own kind)."""
    return path.is_dir() or path.suffix.lower() == ".json"


def lees_hsds(path: Path, shown: str) -> Tabellen:
    """The tables of the data package or the JSON form at `path` (a file or its folder)."""
    if path.is_dir():
        if (path / "datapackage.json").is_file():
            return _pakket(path / "datapackage.json", f"{shown.rstrip('/')}/datapackage.json")
        for map_ in (path, path / "json"):
            if (map_ / "services.json").is_file():
                return _json_vorm(map_, str(PurePosixPath(shown) / map_.relative_to(path)))
        raise _fout(shown, "(map)", "hier staat geen datapackage.json en geen services.json; geef de map van een HSDS-export (zoals 'socialekaart export hsds' die schrijft)")
    data = _json(path, shown)
    if isinstance(data, dict) and "resources" in data:
        return _pakket(path, shown, data)
    if path.name in (*JSON_BESTANDEN, "service_at_locations.json") and isinstance(data, list):
        return _json_vorm(path.parent, str(PurePosixPath(shown).parent))
    if isinstance(data, dict) and isinstance(data.get("services"), list):  # both lists in one file
        return _json_lijsten([(shown, data["services"]), (shown, data.get("organizations", []))])
    raise _fout(shown, "(bestand)", "dit is geen HSDS: verwacht een datapackage.json (met 'resources'), services.json of organizations.json uit een HSDS-export, of één JSON-bestand met 'services' en 'organizations'")


def _json(path: Path, shown: str) -> Any:
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _fout(shown, "(tekenset)", "het bestand is geen UTF-8; HSDS-bestanden zijn altijd UTF-8") from None
    except json.JSONDecodeError as error:
        raise _fout(shown, "(json)", f"geen geldige JSON: {_json_uitleg(error.msg)}", f"regel {error.lineno}:kolom {error.colno}") from None


def _json_uitleg(msg: str) -> str:
    """json's English message, told in Dutch for the common cases."""
    for engels, nederlands in (
        ("Expecting value", "hier hoort een waarde"),
        ("Expecting property name enclosed in double quotes", "hier hoort een naam tussen dubbele aanhalingstekens (of staat er een komma te veel)"),
        ("Expecting ',' delimiter", "hier hoort een komma"),
        ("Expecting ':' delimiter", "hier hoort een dubbele punt"),
        ("Unterminated string", "een tekst zonder sluitend aanhalingsteken"),
        ("Extra data", "na het einde staat nog meer"),
        ("Invalid control character", "een regeleinde of stuurteken midden in een tekst"),
    ):
        if msg.startswith(engels):
            return nederlands
    return "de opbouw klopt niet"


# --- the data package --------------------------------------------------------------------


def _pakket(path: Path, shown: str, data: Any = None) -> Tabellen:
    data = _json(path, shown) if data is None else data
    resources = data.get("resources") if isinstance(data, dict) else None
    if not isinstance(resources, list):
        raise _fout(shown, "resources", "een datapackage.json heeft een lijst 'resources' met de tabellen")
    map_, shown_map = path.parent, PurePosixPath(shown).parent
    paden = {}
    for i, r in enumerate(resources):
        if isinstance(r, dict) and r.get("name") in GEBRUIKT:
            paden[r["name"]] = (i, r.get("path"))
    ontbreekt = [n for n in NODIG if n not in paden]
    if ontbreekt:
        raise _fout(shown, "resources", f"de tabel{'len' if len(ontbreekt) > 1 else ''} {', '.join(repr(n) for n in ontbreekt)} ontbre{'ken' if len(ontbreekt) > 1 else 'ekt'}; een HSDS-export heeft organization, service en attribute")
    tabellen: Tabellen = {}
    for naam, (i, rel) in paden.items():
        if not isinstance(rel, str) or not rel or PurePosixPath(rel).is_absolute() or ".." in PurePosixPath(rel).parts:
            raise _fout(shown, f"resources[{i + 1}].path", f"'{rel}' is geen bestandsnaam in deze map", f"resources[{i}].path")
        bestand = map_ / rel
        if not bestand.is_file():
            raise _fout(shown, f"resources[{i + 1}].path", f"het bestand '{rel}' van tabel '{naam}' staat niet naast datapackage.json", f"resources[{i}].path")
        tabellen[naam] = _csv(bestand, str(shown_map / rel))
    return tabellen


def _csv(path: Path, shown: str) -> list[Rij]:
    try:
        tekst = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _fout(shown, "(tekenset)", "het bestand is geen UTF-8; de CSV-bestanden van een data package zijn UTF-8") from None
    lezer = csv.reader(io.StringIO(tekst, newline=""))
    kop = next(lezer, None)
    if not kop or "id" not in kop:
        raise _fout(shown, "(kolommen)", "de eerste rij heeft de namen van de kolommen, met in elk geval 'id'", "rij 1")
    rijen = []
    for nummer, cellen in enumerate(lezer, start=2):
        waarden = {k: ontneutraliseer(c) for k, c in zip(kop, cellen, strict=False) if c != ""}
        rijen.append(Rij(waarden, Plek(shown, nummer)))
    return rijen


# --- the JSON form -----------------------------------------------------------------------


# (top-level list, its table, the nested summary it skips): a service's own organization and an
# organization's list of services are summaries, each with its full object in the other list.
LIJSTEN = (("services", "service", "organization"), ("organizations", "organization", "services"))


def _json_vorm(map_: Path, shown_map: str) -> Tabellen:
    """services.json and organizations.json, side by side in `map_`."""
    lijsten = []
    for stam, _, _ in LIJSTEN:
        shown = str(PurePosixPath(shown_map) / f"{stam}.json")
        if not (map_ / f"{stam}.json").is_file():
            raise _fout(shown, "(bestand)", f"{stam}.json ontbreekt; de JSON-vorm van HSDS is services.json met organizations.json in dezelfde map")
        lijsten.append((shown, _json(map_ / f"{stam}.json", shown)))
    return _json_lijsten(lijsten)


def _json_lijsten(lijsten: list[tuple[str, Any]]) -> Tabellen:
    """The rows of the lists of services and organizations (in LIJSTEN's order), each with the
    file it came from as shown in messages."""
    tabellen: Tabellen = {naam: [] for naam in GEBRUIKT}
    gezien: set[tuple[str, str]] = set()
    for (shown, data), (stam, resource, overslaan) in zip(lijsten, LIJSTEN, strict=True):
        if not isinstance(data, list):
            raise _fout(shown, stam, f"{stam} hoort een lijst van objecten te zijn ([...])")
        teller = [0]
        for i, obj in enumerate(data):
            _plat(obj, resource, f"{stam}[{i}]", shown, tabellen, gezien, teller, overslaan)
    return tabellen


def _plat(obj: Any, resource: str, pad: str, shown: str, tabellen: Tabellen, gezien: set, teller: list[int], overslaan: str) -> None:
    if not isinstance(obj, dict):
        raise _fout(shown, resource, "hier hoort een object ({...})", pad)
    teller[0] += 1
    rij = {k: v for k, v in obj.items() if not isinstance(v, dict | list) and v is not None and v != ""}
    sleutel = (resource, str(rij.get("id")))
    if sleutel not in gezien:
        gezien.add(sleutel)
        tabellen.setdefault(resource, []).append(Rij(rij, Plek(shown, teller[0], pad)))
    for k, v in obj.items():
        if k not in GENEST or k == overslaan:
            continue
        if isinstance(v, list):
            for j, deel in enumerate(v):
                _plat(deel, GENEST[k], f"{pad}.{k}[{j}]", shown, tabellen, gezien, teller, overslaan)
        elif isinstance(v, dict):
            _plat(v, GENEST[k], f"{pad}.{k}", shown, tabellen, gezien, teller, overslaan)
