"""What the site publishes of each record: the one privacy filter every export uses.

- a gezinshuis: never an address (the model has none), no free-text description (the
  site does not show it), coordinates at most 2 decimals, free places only when counted
  in the last 30 days;
- a contact person: the name only when consent is recorded (`toestemming_op`), and the
  consent date itself stays private.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel

from ..load import Dataset
from ..models import Aanbieder, Gezinshuis, InformeleSteun, LokaalTeam, Record, Regio
from ..models.gezinshuis import MAX_DECIMALEN, GrofCoordinaat, Plekken
from ..models.lokaal_team import Contactpersoon

# The record types of the sociale kaart, as folders in data/ (the agenda has its own pages).
SOORTEN: dict[str, type[Record]] = {
    "regios": Regio,
    "lokale-teams": LokaalTeam,
    "informele-steun": InformeleSteun,
    "gezinshuizen": Gezinshuis,
    "providers": Aanbieder,
}

SOORT_LABELS = {
    "regios": "Regio's en gemeenten",
    "lokale-teams": "Lokale teams",
    "informele-steun": "Informele steun",
    "gezinshuizen": "Gezinshuizen",
    "providers": "Aanbieders",
}

# The one list of fields that are not in open data, each with the reason (shown on /open-data/).
# Every other field of every model is exported, and an import of the export gives it back
# (tests/test_hsds_rondgang.py fails for a new field that is neither).
NIET_GEPUBLICEERD: dict[type[BaseModel], dict[str, str]] = {
    Gezinshuis: {
        "beschrijving": "De site toont geen beschrijving van een gezinshuis: vrije tekst kan een kind of het huis herkenbaar maken.",
    },
    Contactpersoon: {
        "toestemming_op": "De datum van de toestemming is een afspraak met de persoon, geen contactgegeven; "
        "zonder die datum neemt een import ook de naam niet over.",
    },
    Plekken: {
        "vrij": "Alleen als ze in de laatste 30 dagen zijn geteld; een oudere telling toont de site als onbekend.",
        "peildatum": "Alleen samen met het aantal vrije plekken (in de laatste 30 dagen geteld).",
    },
}
# Fields left out always (the others in the list above are left out only sometimes).
VERBORGEN: dict[type[BaseModel], frozenset[str]] = {
    Gezinshuis: frozenset({"beschrijving"}),
    Contactpersoon: frozenset({"toestemming_op"}),
}
ZONDER_TOESTEMMING = (
    "naam niet overgenomen: in open data staat niet wanneer deze persoon toestemming gaf, en zonder "
    "toestemming_op mag een naam niet op de site; zet naam en toestemming_op zelf in het bestand"
)


# Where each model of the list sits: (soort, path to its fields in the record).
_PLEK: dict[type[BaseModel], tuple[str, str]] = {
    Gezinshuis: ("gezinshuizen", ""),
    Contactpersoon: ("lokale-teams", "contactpersonen."),
    Plekken: ("gezinshuizen", "plekken."),
}


def niet_gepubliceerd() -> list[tuple[str, str, str]]:
    """(soort label, field as in the YAML, reason) of every field on the list, for the data dictionary."""
    return [
        (SOORT_LABELS[_PLEK[model][0]], _PLEK[model][1] + veld, reden)
        for model, velden in NIET_GEPUBLICEERD.items()
        for veld, reden in velden.items()
    ]


def zonder_niet_gepubliceerd(model: BaseModel, vandaag: date) -> dict[str, Any]:
    """The model's values without the fields on the list, as exported on `vandaag` (free places
    stay when counted in the last 30 days; a contact person's name goes with its consent date):
    what a round trip through open data must give back exactly."""
    return _zonder(model, vandaag, vers=False)


def _zonder(model: BaseModel, vandaag: date, vers: bool) -> dict[str, Any]:
    lijst = {} if isinstance(model, Plekken) and vers else NIET_GEPUBLICEERD.get(type(model), {})
    vers = isinstance(model, Gezinshuis) and model.vrij_bekend(vandaag)
    data = {}
    for naam in type(model).model_fields:
        if naam in lijst or (isinstance(model, Contactpersoon) and naam == "naam"):
            continue
        waarde = getattr(model, naam)
        if isinstance(waarde, BaseModel):
            waarde = _zonder(waarde, vandaag, vers)
        elif isinstance(waarde, list):
            waarde = [_zonder(w, vandaag, vers) if isinstance(w, BaseModel) else w for w in waarde]
        data[naam] = waarde
    return data


def publiek(record: Record, vandaag: date) -> dict[str, Any]:
    """The record as plain JSON values, with only what the site publishes; 'id' first."""
    data = {"id": record.id, **_model(record)}
    if isinstance(record, Gezinshuis) and not record.vrij_bekend(vandaag):
        data["plekken"] = {**data["plekken"], "vrij": None, "peildatum": None}
    return data


def records(dataset: Dataset, soort: str) -> list[Record]:
    return sorted(dataset.of(soort).values(), key=lambda r: r.id)


def _model(model: BaseModel) -> dict[str, Any]:
    verborgen = VERBORGEN.get(type(model), frozenset())
    data = {naam: _waarde(getattr(model, naam)) for naam in type(model).model_fields if naam not in verborgen}
    if isinstance(model, Contactpersoon) and model.toestemming_op is None:
        data["naam"] = None
    if isinstance(model, GrofCoordinaat):
        data = {k: round(v, MAX_DECIMALEN) for k, v in data.items()}
    return data


def _waarde(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return _model(value)
    if isinstance(value, list):
        return [_waarde(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
