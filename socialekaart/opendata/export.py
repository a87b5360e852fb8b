"""All export files of a data set, and writing them to a folder all at once or not at all."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..load import Dataset
from . import hsds_export
from .licentie import LICENTIE_STANDAARD, Licentie, licentie
from .publiek import SOORTEN, publiek, records
from .tabel import csv_bytes, rijen, tabellen

FORMATEN = ("csv", "json", "geojson", "hsds")
HSDS_MAP = "hsds/"


@dataclass
class Export:
    """The files of one export: relative path -> content."""

    bestanden: dict[str, bytes] = field(default_factory=dict)

    def json(self, pad: str, data: Any) -> None:
        # Compact: json's fast C encoder only runs without indent (at 10,000 records: 10x faster).
        self.bestanden[pad] = (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def exporteer(
    dataset: Dataset,
    vandaag: date,
    formaten: Iterable[str] = FORMATEN,
    scheidingsteken: str = ",",
    gegevenslicentie: Licentie | None = None,
) -> Export:
    """The chosen formats: '<soort>.csv' (plus one CSV per list of objects), '<soort>.json',
    '<soort>.geojson', and the HSDS files under 'hsds/'."""
    formaten = set(formaten)
    export = Export()
    publieke = {soort: [publiek(r, vandaag) for r in records(dataset, soort)] for soort in SOORTEN}
    for soort, lijst in publieke.items():
        if "csv" in formaten:
            for tabel in tabellen(soort):
                kop = [k.naam for k in tabel.kolommen]
                export.bestanden[f"{tabel.naam}.csv"] = csv_bytes(kop, rijen(tabel, lijst), scheidingsteken)
        if "json" in formaten:
            export.json(f"{soort}.json", lijst)
        if "geojson" in formaten and (features := list(_features(dataset, soort, lijst))):
            export.json(f"{soort}.geojson", {"type": "FeatureCollection", "features": features})
    if "hsds" in formaten:
        _hsds(export, hsds_export.tabellen(dataset, vandaag, publieke), vandaag, gegevenslicentie or licentie(LICENTIE_STANDAARD))
    return export


def _hsds(export: Export, tabellen_: dict[str, list[dict[str, Any]]], vandaag: date, lic: Licentie) -> None:
    pakket = {k: v for k, v in hsds_export.officieel_datapackage().items() if k != "license"}
    pakket.update(
        name="sociale-kaart-jeugd-hsds",
        title="Sociale kaart jeugd (Open Referral HSDS 3.0)",
        description=(
            "Organisaties, diensten, locaties en contactgegevens van de sociale kaart jeugd, in de tabellen van "
            "Open Referral HSDS 3.0 (schema's: CC-BY-SA-4.0, openreferral/specification 279fd2e)."
        ),
        created=f"{vandaag.isoformat()}T00:00:00Z",
        licenses=[{k: v for k, v in {"name": lic.id, "title": lic.naam, "path": lic.url}.items() if v}],
    )
    for resource in pakket["resources"]:
        naam = resource["name"]
        # Plain UTF-8 and commas, as the data package standard expects (no BOM here).
        export.bestanden[HSDS_MAP + resource["path"]] = csv_bytes(hsds_export.kolommen(naam), tabellen_[naam], ",", bom=False)
    export.json(HSDS_MAP + "datapackage.json", pakket)
    for naam, objecten in hsds_export.json_vorm(tabellen_).items():
        export.json(f"{HSDS_MAP}json/{naam}.json", objecten)


def _punt(lat: float, lon: float, eigenschappen: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": eigenschappen}


def _features(dataset: Dataset, soort: str, lijst: list[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    """A point per place: own coordinates, else the centre of the gemeente (marked as such)."""
    centra = {g.code: g.coordinaten for r in dataset.regios.values() for g in r.gemeenten if g.coordinaten}

    def plek(coordinaten: dict | None, code: str | None) -> tuple[float, float, str] | None:
        if coordinaten:
            return coordinaten["lat"], coordinaten["lon"], "eigen punt"
        if code in centra:
            return centra[code].lat, centra[code].lon, "midden van de gemeente"
        return None

    for data in lijst:
        basis = {"id": data["id"], "soort": soort, "naam": data.get("naam")}
        if soort == "gezinshuizen":
            if p := plek(data["coordinaten"], data["gemeente"]):
                # Plaats level only: 2 decimals, about 1 km.
                yield _punt(round(p[0], 2), round(p[1], 2), {**basis, "plaats": data["plaats"], "gemeente": data["gemeente"], "punt": p[2]})
        elif soort == "lokale-teams":
            for code in data["gemeenten"]:
                if p := plek(None, code):
                    yield _punt(p[0], p[1], {**basis, "gemeente": code, "punt": p[2]})
        else:
            for i, loc in enumerate(data.get("locaties") or [], start=1):
                if p := plek(loc["coordinaten"], loc["gemeente"]):
                    yield _punt(p[0], p[1], {**basis, "locatie": i, "locatie_naam": loc["naam"], "plaats": loc["plaats"], "punt": p[2]})


def schrijf_map(export: Export, doel: Path) -> list[Path]:
    """Write every file into `doel`: first into a temporary folder beside it, then moved in,
    so a failure part-way leaves `doel` as it was."""
    doel = Path(doel)
    doel.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = Path(tempfile.mkdtemp(prefix=f".{doel.name}-", dir=doel.parent))
    try:
        for pad, inhoud in export.bestanden.items():
            bestand = tijdelijk / pad
            bestand.parent.mkdir(parents=True, exist_ok=True)
            bestand.write_bytes(inhoud)
        if not doel.exists():
            os.replace(tijdelijk, doel)
        else:
            for pad in export.bestanden:
                (doel / pad).parent.mkdir(parents=True, exist_ok=True)
                os.replace(tijdelijk / pad, doel / pad)
    finally:
        shutil.rmtree(tijdelijk, ignore_errors=True)
    return [doel / pad for pad in export.bestanden]
