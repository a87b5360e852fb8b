"""Rebuild after a saved data file in `mkdocs serve`: re-read only that file, check the whole set
again, and find every page and file a full build would now write differently. No MkDocs types
(see mkdocs_serve.py).

A full build of the national data takes minutes. Here the saved record is put in place of the
old one (the same object, so every page context keeps pointing at it), the lookups are made
again, and the record's own page is made (`eigen_paginas()`, served within a second). Then
(`verschil()`, in the background) every page description is generated again (no rendering): a
page is rendered again when it held the record before, or when its description changed (a list
in another order, the record in another gemeente's list, a map point that moved). The other
generated files (open data, search files, widgets, iCal) are made again and compared.

A full build is still needed for what this does not model: a file added or removed, another
folder than the four sociale-kaart folders (regions, agendas, the agenda), a record that leaves
the regions mkdocs.yml selects, and anything that adds or removes a page or file or renames a
page in the nav (`Verschil.volledig` says why). Hand-written pages only show region settings
and the gemeenten of the regions with sociale-kaart data: a change there adds or removes
gemeente pages, so it is a full build too.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..check import regels
from ..load import Dataset, laad_bestand
from ..models import RECORD_TYPES, Record
from ..problems import DataError
from ..selectie import kies_regios
from .build import Gegenereerd
from .data import SiteData
from .pagina import Pagina
from .sections import all_pages, record_paginas

# The folders whose saved records are shown without a full build.
KAART_FOLDERS = frozenset({"informele-steun", "providers", "gezinshuizen", "lokale-teams"})


@dataclass(frozen=True)
class Wijziging:
    """A saved file: the record the site shows now, and what the file says now."""

    folder: str
    oud: Record
    nieuw: Record


@dataclass
class Verschil:
    """The pages (new descriptions) a full build would now write differently."""

    paginas: list[Pagina] = field(default_factory=list)
    volledig: str | None = None  # why only a full build is right
    volgorde: list[str] | None = None  # the pages in their new order, when lists (the sitemap) follow another


class Bronnen:
    """Which record each data file holds, and which generated pages show each record."""

    def __init__(self, dataset: Dataset, paginas: Mapping[str, Gegenereerd], regios: Collection[str] = ()) -> None:
        self.dataset = dataset
        self.regios = regios  # the regions mkdocs.yml selects (none: all)
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
            if not os.path.isfile(pad) or bekend[0] not in KAART_FOLDERS:
                return None
            gevonden.append(bekend)
        wijzigingen: list[Wijziging] = []
        problemen = []
        for folder, oud in gevonden:
            ds = self.dataset
            nieuw, fouten = laad_bestand(RECORD_TYPES[folder], oud.id, ds.files[id(oud)], ds.paths[id(oud)], oud.bron, vandaag)
            problemen += fouten
            if nieuw is not None and nieuw != oud:
                wijzigingen.append(Wijziging(folder, oud, nieuw))
        if not problemen and wijzigingen:
            met = _met(self.dataset, wijzigingen)
            problemen = [p for p in regels(met, vandaag) if p.is_fout]
            if not problemen and self.regios:
                gekozen = kies_regios(met, self.regios).records
                if any(w.oud.id not in gekozen[w.folder] for w in wijzigingen):
                    return None  # the record leaves the site
        if problemen:
            raise DataError(sorted(set(problemen)))
        return wijzigingen

    def pas_toe(self, wijzigingen: Iterable[Wijziging]) -> set[str]:
        """Put the new values in the records the pages already hold; returns the pages that held them."""
        uris: set[str] = set()
        for w in wijzigingen:
            # In place: every page context, lookup and list keeps pointing at the same record.
            w.oud.__dict__.clear()
            w.oud.__dict__.update(w.nieuw.__dict__)
            object.__setattr__(w.oud, "__pydantic_fields_set__", set(w.nieuw.model_fields_set))
            self.dataset.forget_positions(w.oud)
            uris.update(self._paginas.get(id(w.oud), []))
        return uris


def eigen_paginas(site: SiteData, paginas: Mapping[str, Gegenereerd], wijzigingen: Iterable[Wijziging]) -> Verschil:
    """The saved records' own pages, described anew (the page the editor is looking at; a
    gezinshuis has none). Its lists and the rest of the site come from `verschil()`."""
    uit = Verschil()
    for w in wijzigingen:
        if maak := record_paginas().get(w.folder):
            pagina = maak(site, w.oud)  # which holds the new values now
            if pagina.src_uri not in paginas or pagina.in_nav:
                uit.volledig = f"andere pagina voor {w.oud.bron}"
                return uit
            uit.paginas.append(pagina)
    return uit


def verschil(site: SiteData, paginas: Mapping[str, Gegenereerd], hielden: Collection[str]) -> Verschil:
    """The pages a full build would write differently now.

    `paginas` is what the site shows, `hielden` the pages whose context held a changed record
    and that have not been rendered again since.
    """
    uit = Verschil()
    gezien: dict[str, None] = {}  # in order
    for pagina in all_pages(site):
        gezien[pagina.src_uri] = None
        oud = paginas.get(pagina.src_uri)
        if oud is None:
            uit.volledig = f"nieuwe pagina {pagina.src_uri}"
            return uit
        if oud.pagina.in_nav != pagina.in_nav or (pagina.in_nav and oud.pagina.titel != pagina.titel):
            uit.volledig = f"andere titel in het menu: {pagina.titel}"
            return uit
        if pagina.src_uri in hielden or not zelfde(oud.pagina, pagina):
            uit.paginas.append(pagina)
    if len(gezien) != len(paginas):
        uit.volledig = "een pagina minder"
    elif list(gezien) != list(paginas):
        uit.volgorde = list(gezien)
    return uit


def andere_bestanden(nieuw: Mapping[str, str | bytes], vorige: Mapping[str, str | bytes], namen: Collection[str]) -> tuple[dict[str, str | bytes], str | None]:
    """The generated non-page files whose content changed, or why a full build is needed."""
    if set(nieuw) != set(namen):
        return {}, "andere bestanden dan bij de vorige build"
    return {naam: inhoud for naam, inhoud in nieuw.items() if vorige.get(naam) != inhoud}, None


def zelfde(oud: Pagina, nieuw: Pagina) -> bool:
    """Two descriptions of a page that render the same (records compared as the same objects)."""
    if oud == nieuw:  # most pages: the same records in the same lists
        return True
    return all(_gelijk(getattr(oud, f.name), getattr(nieuw, f.name)) for f in dataclasses.fields(Pagina))


def _gelijk(a: Any, b: Any) -> bool:
    # A template helper bound to values (functools.partial) has no equality of its own.
    if isinstance(a, functools.partial) and isinstance(b, functools.partial):
        return a.func is b.func and _gelijk(a.args, b.args) and _gelijk(a.keywords, b.keywords)
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(_gelijk(v, b[k]) for k, v in a.items())
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_gelijk(x, y) for x, y in zip(a, b))
    return a is b or a == b


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
