"""The record types of a sociale kaart, and where each lives in the data folder."""

from __future__ import annotations

from dataclasses import dataclass

from .aanbieder import Aanbieder
from .common import KaartRecord, Record
from .gezinshuis import Gezinshuis
from .informele_steun import InformeleSteun
from .lokaal_team import LokaalTeam
from .regio import Regio


@dataclass(frozen=True)
class RecordType:
    """A kind of record: `data/<folder>/<id>.yml` validated by `model`.

    `nested` types live one folder deeper, grouped per region
    (`data/<folder>/<regio>/<id>.yml`); their id is '<regio>/<id>'.
    """

    folder: str
    model: type[Record]
    label: str
    nested: bool = False


RECORD_TYPES: dict[str, RecordType] = {
    t.folder: t
    for t in (
        RecordType("regios", Regio, "regio"),
        RecordType("lokale-teams", LokaalTeam, "lokaal team"),
        RecordType("informele-steun", InformeleSteun, "informele steun"),
        RecordType("gezinshuizen", Gezinshuis, "gezinshuis"),
        RecordType("providers", Aanbieder, "aanbieder"),
    )
}


# The folders of the sociale kaart itself, not of the agenda: what an import can fill.
KAART_SOORTEN = ("informele-steun", "providers", "lokale-teams", "gezinshuizen", "regios")


def register(record_type: RecordType) -> None:
    """Add a record type (the agenda module registers its own)."""
    RECORD_TYPES[record_type.folder] = record_type


__all__ = [
    "KAART_SOORTEN",
    "RECORD_TYPES",
    "Aanbieder",
    "Gezinshuis",
    "InformeleSteun",
    "KaartRecord",
    "LokaalTeam",
    "Record",
    "RecordType",
    "Regio",
    "register",
]
