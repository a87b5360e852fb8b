"""`socialekaart importeer` from HSDS 3.0: the records back out of an HSDS export.

Each service or organization with a record-id attribute (see opendata/hsds_velden.py) is a
record of that kind: services are informele steun, lokale teams and gezinshuizen,
organizations are aanbieders and regio's. Fields an HSDS column holds come from that column
(services.name, phones.number, languages, the thema's, a team's contacts ...), the others
from their attribute.
Then the same path as a spreadsheet: validate, every rule of `check` (controle), write all or
nothing (schrijven). Every problem names the row and column, or the JSON path, it came from.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ...collector import collector_paused
from ...models import Record
from ...problems import Problem
from ..hsds_velden import SOORTEN
from . import Resultaat
from .bronnen import BronFout
from .controle import controle_alle
from .hsds_bron import HsdsProblem, lees_hsds
from .hsds_records import Herkomst, Lezer


@dataclass
class HsdsResultaat:
    """What an HSDS import found: per kind the records it would write."""

    problemen: list[Problem] = field(default_factory=list)
    delen: list[Resultaat] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_fout for p in self.problemen)

    @property
    def records(self) -> int:
        return sum(len(d.records) for d in self.delen)


def importeer_hsds(
    bron: Path, data_map: Path, *, soort: str | None = None, shown: str | None = None,
    overschrijven: bool = False, vandaag: date | None = None,
) -> HsdsResultaat:  # fmt: skip
    """Read and check everything; write nothing (`schrijf` does that per kind)."""
    with collector_paused():
        return _importeer(bron, data_map, soort, shown or str(bron), overschrijven, vandaag or date.today())


def _importeer(bron: Path, data_map: Path, soort: str | None, shown: str, overschrijven: bool, vandaag: date) -> HsdsResultaat:
    resultaat = HsdsResultaat()
    try:
        tabellen = lees_hsds(bron, shown)
    except BronFout as error:
        resultaat.problemen.append(error.problem)
        return resultaat
    lezer = Lezer(tabellen, resultaat.problemen)
    gekozen = [soort] if soort else list(SOORTEN)
    per_soort: dict[str, list[tuple[Record, Herkomst]]] = {}
    for s in gekozen:
        folder = data_map / s
        bestaand = {n[:-4] for n in os.listdir(folder) if n.endswith(".yml")} if folder.is_dir() else set()
        records = list(lezer.records(s, data_map, None if overschrijven else bestaand, vandaag))
        if records:
            per_soort[s] = records
            resultaat.delen.append(Resultaat(folder, records=[r for r, _ in records], vervangt={r.id for r, _ in records if r.id in bestaand}))
    if soort is None:
        resultaat.problemen += lezer.zonder_id()
    if not lezer.gevonden and resultaat.ok:
        resultaat.problemen.append(HsdsProblem(shown, 0, 0, "(bestand)", _niets(soort)))
    if resultaat.ok:  # the source itself is right: now every rule of check
        resultaat.problemen += controle_alle(data_map, per_soort, vandaag)
    resultaat.problemen.sort(key=lambda p: (not p.is_fout, p.path, p.line, getattr(p, "plek", ""), p.bericht))
    if not resultaat.ok:
        resultaat.delen = []
    return resultaat


def _niets(soort: str | None) -> str:
    wat = f"records van de soort '{soort}'" if soort else "records"
    return (f"er staan geen {wat} in; een import uit HSDS herkent records aan hun id in de attributen "
            "(taxonomie 'socialekaart'), zoals 'socialekaart export hsds' ze schrijft")

