"""The import's check: every rule of `socialekaart check` over the data folder with the new
records in it, each problem in a new record pointed at its row and column."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ...check import CROSS_RULES
from ...load import Dataset, load_dataset
from ...messages import Loc, veldnaam
from ...models import Record
from ...problems import Problem
from ...rules import record_rules
from .bronnen import CelProblem


@dataclass(slots=True)
class Rij:
    """Where one record came from, to position what the rules find in it."""

    bron: str
    nummer: int
    id_kolom: int  # the column the id came from (id, or naam)
    kolommen: dict[Loc, int]  # column of each field, by the field's place in the sheet
    lijstplek: dict[Loc, int]  # list position in the record -> item number in the sheet

    def problem(self, loc: Loc, bericht: str, niveau: str = "fout") -> CelProblem:
        loc = self._in_blad(loc)
        kolom = kolom_van(self.kolommen, loc)
        if kolom is None:
            return CelProblem(self.bron, self.nummer, 0, veldnaam(loc), bericht, niveau)  # type: ignore[arg-type]
        return CelProblem(self.bron, self.nummer, kolom + 1, veldnaam(loc), bericht, niveau)  # type: ignore[arg-type]

    def waar(self) -> str:
        """The source place that stands in for the record's file in messages about it."""
        return f"{self.bron}:rij {self.nummer}"

    def _in_blad(self, loc: Loc) -> Loc:
        """Item 2 of the record's locaties is item 3 in the sheet when item 2 there was empty."""
        out: Loc = ()
        for part in loc:
            out += (self.lijstplek.get((*out, part), part),) if isinstance(part, int) else (part,)
        return out


def kolom_van(kolommen: dict[Loc, int], loc: Loc) -> int | None:
    """The column of `loc`, of the list cell it is an item of, or of the block's first field."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in kolommen:
            return kolommen[loc[:end]]
    return next((j for k, j in kolommen.items() if k[: len(loc)] == loc), None) if loc else None


class _ImportDataset(Dataset):
    """The data folder plus the imported records, whose problems point at their cells."""

    herkomst: dict[int, Any]  # id(record) -> Rij, or the place in an HSDS source

    def problem(self, record: Record, loc: Loc, bericht: str, niveau: str = "fout") -> Problem:
        rij = self.herkomst.get(id(record))
        return rij.problem(loc, bericht, niveau) if rij else super().problem(record, loc, bericht, niveau)  # type: ignore[arg-type]


def controle(data_map: Path, soort: str, records: list[tuple[Record, Rij]], vandaag: date) -> list[Problem]:
    """Every rule of `socialekaart check`, over the data folder with the new records in it.
    Problems in the new records point at their cells; of the files already there only errors
    count (their warnings are not this import's business)."""
    return controle_alle(data_map, {soort: records}, vandaag)


def controle_alle(data_map: Path, per_soort: dict[str, list[tuple[Record, Any]]], vandaag: date) -> list[Problem]:
    """`controle` for new records of several kinds at once (an HSDS source has them all). The
    place of a record is anything with `problem(loc, bericht, niveau)` and `waar()`, as Rij."""
    loaded, problemen = load_dataset(data_map, vandaag)
    dataset = _ImportDataset(
        root=loaded.root, records=loaded.records, paths=loaded.paths, files=loaded.files,
        bestanden=loaded.bestanden, ongeldig=loaded.ongeldig,
    )  # fmt: skip
    dataset.herkomst = {}
    for soort, records in per_soort.items():
        nieuw = dataset.records.setdefault(soort, {})
        for record, rij in records:
            nieuw.pop(record.id, None)  # a record that replaces a file (--overschrijven)
            nieuw[record.id] = record
            dataset.herkomst[id(record)] = rij
            dataset.paths[id(record)] = rij.waar()
    problemen += record_rules(dataset)
    for rule in CROSS_RULES:
        problemen += rule(dataset, vandaag)
    cel = sorted({p for p in problemen if isinstance(p, CelProblem)}, key=lambda p: (p.line, p.col, p.bericht))
    bestand = sorted({p for p in problemen if not isinstance(p, CelProblem) and p.is_fout})
    return [*bestand, *cel]
