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
from ..models.gezinshuis import MAX_DECIMALEN, GrofCoordinaat
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

# Fields never exported, per model: the site does not publish them.
VERBORGEN: dict[type[BaseModel], frozenset[str]] = {
    Gezinshuis: frozenset({"beschrijving"}),
    Contactpersoon: frozenset({"toestemming_op"}),
}


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
