"""Rebuild after a saved data file in `mkdocs serve`: re-read only that file, check the whole set
again, and name the few pages that show the record. No MkDocs types (see mkdocs_serve.py).

A full build of the national data takes minutes; this takes a fraction of a second. It applies
only when the saved files change text that decides nothing but how their own record reads:
not where it is listed, in which order, on which map or in which filter (`VRIJE_VELDEN`). For
anything else (a name, a gemeente, a new or removed file, a region, the agenda, mkdocs.yml) the
caller makes a full build, so a page never shows a list that a full build would order differently.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from ..check import regels
from ..load import Dataset, laad_bestand
from ..models import RECORD_TYPES, Record
from ..problems import DataError
from .build import Gegenereerd

# Per folder, the fields a record's pages only print. Every other field may decide order,
# membership, maps, filters, search files or the editors' overview, and then needs a full build.
VRIJE_VELDEN: dict[str, frozenset[str]] = {
    "informele-steun": frozenset({"beschrijving", "kosten_toelichting", "aanmelden", "aanmelding", "contact"}),
    "providers": frozenset({"beschrijving", "contact", "kvk", "agb"}),
    "gezinshuizen": frozenset({"beschrijving"}),
    "lokale-teams": frozenset({"beschrijving"}),
}


@dataclass(frozen=True)
class Wijziging:
    """A saved file: the record the site shows now, and what the file says now."""

    folder: str
    oud: Record
    nieuw: Record


class Bronnen:
    """Which record each data file holds, and which generated pages show each record."""

    def __init__(self, dataset: Dataset, paginas: Mapping[str, Gegenereerd]) -> None:
        self.dataset = dataset
        self._records = {os.path.abspath(pad): (folder, record) for folder, records in dataset.records.items()
                         for record in records.values() if (pad := dataset.files.get(id(record)))}
        self._paginas: dict[int, list[str]] = {}
        for src_uri, gegenereerd in paginas.items():
            for record_id in {id(r) for r in _records_in(gegenereerd.pagina.context)}:
                self._paginas.setdefault(record_id, []).append(src_uri)

    def wijzigingen(self, paden: Iterable[str], vandaag: date) -> list[Wijziging] | None:
        """What the saved files change, or None when only a full build shows it correctly.

        Raises DataError (Dutch, positioned) when a file or the whole set no longer checks:
        nothing has then been changed, so the last good site stays.
        """
        gevonden: list[tuple[str, Record]] = []
        for pad in {os.path.abspath(p) for p in paden}:
            bekend = self._records.get(pad)
            if bekend is None and os.path.basename(pad).startswith("."):
                continue  # hidden: an editor's swap or lock file, never read as data
            if bekend is None:
                if os.path.exists(pad) or pad.endswith(".yml"):
                    return None  # a new or removed data file, or something other than data
                continue  # an editor's temporary file that is gone again
            if not os.path.isfile(pad):
                return None
            gevonden.append(bekend)
        wijzigingen: list[Wijziging] = []
        problemen = []
        for folder, oud in gevonden:
            ds = self.dataset
            nieuw, fouten = laad_bestand(RECORD_TYPES[folder], oud.id, ds.files[id(oud)], ds.paths[id(oud)], oud.bron, vandaag)
            problemen += fouten
            if nieuw is None or nieuw == oud:
                continue
            if folder not in VRIJE_VELDEN or _veranderd(oud, nieuw) - VRIJE_VELDEN[folder]:
                return None
            wijzigingen.append(Wijziging(folder, oud, nieuw))
        if not problemen and wijzigingen:
            problemen = [p for p in regels(_met(self.dataset, wijzigingen), vandaag) if p.is_fout]
        if problemen:
            raise DataError(sorted(set(problemen)))
        return wijzigingen

    def pas_toe(self, wijzigingen: Iterable[Wijziging]) -> list[str]:
        """Put the new values in the records the pages already hold; returns the pages to render again."""
        uris: dict[str, None] = {}
        for w in wijzigingen:
            # In place: every page context, lookup and list keeps pointing at the same record.
            w.oud.__dict__.clear()
            w.oud.__dict__.update(w.nieuw.__dict__)
            object.__setattr__(w.oud, "__pydantic_fields_set__", set(w.nieuw.model_fields_set))
            self.dataset.forget_positions(w.oud)
            uris.update(dict.fromkeys(self._paginas.get(id(w.oud), [])))
        return list(uris)


def _veranderd(oud: Record, nieuw: Record) -> set[str]:
    return {naam for naam in type(oud).model_fields if getattr(oud, naam) != getattr(nieuw, naam)}


def _met(dataset: Dataset, wijzigingen: list[Wijziging]) -> Dataset:
    """A copy of `dataset` with the new records in place of the old, to check before anything changes."""
    records = {folder: dict(r) for folder, r in dataset.records.items()}
    paths, files = dict(dataset.paths), dict(dataset.files)
    for w in wijzigingen:
        records[w.folder][w.oud.id] = w.nieuw
        paths[id(w.nieuw)], files[id(w.nieuw)] = dataset.paths[id(w.oud)], dataset.files[id(w.oud)]
    # Positions already read stay (a rule that warns about many records would read them all
    # again); the copy's own additions go with it.
    return dataclasses.replace(dataset, records=records, paths=paths, files=files, _positions=dict(dataset._positions))


def _records_in(waarde: object, diepte: int = 4) -> Iterator[Record]:
    """The records a page context holds: directly, or in lists, dicts and small dataclasses."""
    if isinstance(waarde, Record):
        yield waarde
    elif diepte == 0 or isinstance(waarde, (str, bytes, int, float)):
        return
    elif isinstance(waarde, Mapping):
        for v in waarde.values():
            yield from _records_in(v, diepte - 1)
    elif isinstance(waarde, (list, tuple, set, frozenset)):
        for v in waarde:
            yield from _records_in(v, diepte - 1)
    elif dataclasses.is_dataclass(waarde) and not isinstance(waarde, type):
        for veld in dataclasses.fields(waarde):
            yield from _records_in(getattr(waarde, veld.name), diepte - 1)
