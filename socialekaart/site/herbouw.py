"""Rebuild after saved data files in `mkdocs serve`: re-read only those files, check the whole
set again, and find every page and file a full build would now write differently. No MkDocs
types (see mkdocs_serve.py).

A full build of the national data takes minutes. Here a saved record is put in place of the old
one (the same object, so every page context keeps pointing at it), a new file's record is added
and a removed file's record taken out, the lookups are made again, and the records' own pages
are made (`eigen_paginas()`, served within a second). Then (`verschil()`, in the background)
every page description is generated again (no rendering): a page is rendered again when it held
a changed record before, or when its description changed (a list in another order, a record in
another gemeente's list, a map point that moved); pages that are new are added, pages that are
gone removed. The other generated files (open data, search files, widgets, iCal) are made again
and compared.

This holds for every folder of the data (the sociale kaart, regions, agendas and agenda items)
and for a selection of regions in mkdocs.yml. A full build is still needed for a page that
enters or leaves the nav or gets another title there (every page shows the nav, so every page
changes: `Verschil.volledig` says why), for a file the data folder cannot hold as a record
(the full check then says why), and for anything outside the data folder.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..check import regels
from ..load import Dataset, bestandsvolgorde, laad_bestand, record_plek
from ..models import RECORD_TYPES, Record
from ..problems import DataError
from ..selectie import kies_regios
from .build import Gegenereerd
from .data import SiteData
from .pagina import Pagina
from .sections import all_pages, record_paginas


@dataclass(frozen=True)
class Wijziging:
    """A saved, new or removed file: the record it held (None: new) and holds now (None: removed)."""

    folder: str
    record_id: str
    oud: Record | None
    nieuw: Record | None
    shown: str = ""  # a new file's paths, as `load_dataset` names them
    path: str = ""


@dataclass
class Verschil:
    """The pages (new descriptions) a full build would now write differently."""

    paginas: list[Pagina] = field(default_factory=list)  # changed and new ones
    weg: list[str] = field(default_factory=list)  # the src_uris of pages that are gone
    volledig: str | None = None  # why only a full build is right
    volgorde: list[str] | None = None  # the pages in their new order, when it changed (the sitemap follows it)
    kaarten: set[str] = field(default_factory=set)  # the map documents of the pages that have their own


class Bronnen:
    """Which record each data file holds, and which generated pages show each record.

    `alles` is the whole data folder, as checked; the site shows `site.dataset`, the same
    records or (with `regios` from mkdocs.yml) the selection of them.
    """

    def __init__(self, alles: Dataset, paginas: Mapping[str, Gegenereerd], regios: Collection[str] = ()) -> None:
        self.alles = alles
        self.regios = regios  # the regions mkdocs.yml selects (none: all)
        self.root = os.path.abspath(alles.root)
        self._records = {os.path.abspath(pad): (folder, record) for folder, records in alles.records.items()
                         for record in records.values() if (pad := alles.files.get(id(record)))}
        self._alle = list(paginas)
        self._paginas: dict[int, list[str]] = {}
        for src_uri, gegenereerd in paginas.items():
            for record_id in {id(r) for r in _records_in(gegenereerd.pagina.context)}:
                self._paginas.setdefault(record_id, []).append(src_uri)

    def paginas_van(self, record: Record) -> list[str]:
        """The pages whose context held `record` when they were last described."""
        return self._paginas.get(id(record), [])

    def wijzigingen(self, paden: Iterable[str], vandaag: date) -> list[Wijziging] | None:
        """What the saved files change, or None when only a full build shows it correctly.

        Raises DataError (Dutch, positioned) when a file or the whole set no longer checks:
        nothing has then been changed, so the last good site stays.
        """
        wijzigingen: list[Wijziging] = []
        problemen = []
        if any(p.endswith(os.sep) and not os.path.basename(p.rstrip(os.sep)).startswith(".") for p in paden):
            return None  # a folder added, moved or removed: its files may have sent no events
        for pad in sorted({os.path.abspath(p) for p in paden}):
            bekend = self._records.get(pad)
            if not pad.startswith(self.root + os.sep):
                return None  # mkdocs.yml, a hand-written page, the theme: MkDocs' own build
            if os.path.basename(pad).startswith("."):
                continue  # hidden: an editor's swap or lock file, never read as data
            if bekend is not None:
                folder, oud = bekend
                if not os.path.exists(pad):
                    wijzigingen.append(Wijziging(folder, oud.id, oud, None))
                    continue
                if not os.path.isfile(pad):
                    return None
                ds = self.alles
                nieuw, fouten = laad_bestand(RECORD_TYPES[folder], oud.id, ds.files[id(oud)], ds.paths[id(oud)], oud.bron, vandaag)
                problemen += fouten
                if nieuw is not None and nieuw != oud:
                    wijzigingen.append(Wijziging(folder, oud.id, oud, nieuw))
            elif os.path.lexists(pad):
                plek = record_plek(Path(self.alles.root), pad)
                if plek is None:
                    return None  # not a record file: the full check says what is wrong with it
                nieuw, fouten = laad_bestand(plek.record_type, plek.record_id, plek.path, plek.shown, plek.bron, vandaag)
                problemen += fouten
                if nieuw is not None:
                    wijzigingen.append(Wijziging(plek.record_type.folder, plek.record_id, None, nieuw, plek.shown, plek.path))
            # else: a file that came and went (an editor's temporary file): nothing to read
        if not problemen and wijzigingen:
            met = _met(self.alles, wijzigingen)
            problemen = [p for p in regels(met, vandaag) if p.is_fout]
            if not problemen and any(r not in met.regios for r in self.regios):
                return None  # a region mkdocs.yml selects is gone: the full build says so
        if problemen:
            raise DataError(sorted(set(problemen)))
        return wijzigingen

    def pas_toe(self, wijzigingen: Iterable[Wijziging], site: SiteData) -> set[str]:
        """Put the changes in the data set the pages already hold (and the site's selection of
        it); returns the pages that held a changed or removed record."""
        alles, uris = self.alles, set()
        for w in wijzigingen:
            if w.oud is not None and w.nieuw is not None:
                # In place: every page context, lookup and list keeps pointing at the same record.
                w.oud.__dict__.clear()
                w.oud.__dict__.update(w.nieuw.__dict__)
                object.__setattr__(w.oud, "__pydantic_fields_set__", set(w.nieuw.model_fields_set))
                alles.forget_positions(w.oud)
            elif w.nieuw is not None:
                self._records[os.path.abspath(w.path)] = (w.folder, w.nieuw)
                alles.records[w.folder] = _met_record(alles.of(w.folder), w.record_id, w.nieuw)
                alles.paths[id(w.nieuw)], alles.files[id(w.nieuw)] = w.shown, w.path
                alles.bestanden += 1
            elif w.oud is not None:
                self._records.pop(os.path.abspath(alles.files[id(w.oud)]), None)
                del alles.records[w.folder][w.record_id]
                alles.forget_positions(w.oud)
                alles.paths.pop(id(w.oud), None)
                alles.files.pop(id(w.oud), None)
                alles.bestanden -= 1
            if w.oud is not None:
                uris.update(self._paginas.get(id(w.oud), []))
            if w.folder == "regios":
                # Pages ask the regions for gemeente names and lists wherever they show a code.
                uris.update(self._alle)
        if site.dataset is not alles:
            keuze = kies_regios(alles, self.regios)
            site.dataset.records, site.dataset.bestanden = keuze.records, alles.bestanden
        site.vernieuw()
        return uris


def eigen_paginas(site: SiteData, paginas: Mapping[str, Gegenereerd], wijzigingen: Iterable[Wijziging]) -> Verschil:
    """The own pages of the saved and new records the site shows, described anew (the page the
    editor is looking at: a region's are its gemeente pages; a gezinshuis has none). Its lists
    and the rest of the site come from `verschil()`."""
    uit = Verschil()
    for w in wijzigingen:
        record = w.oud if w.oud is not None else w.nieuw  # a saved record holds its new values now
        if w.nieuw is None or site.dataset.of(w.folder).get(w.record_id) is not record:
            continue  # removed, or not in the regions the site shows
        maak = record_paginas().get(w.folder)
        gemaakt = maak(site, record) if maak else None
        for pagina in gemaakt if isinstance(gemaakt, list) else [gemaakt] if gemaakt else []:
            if pagina.in_nav:
                uit.volledig = f"andere pagina in het menu voor {record.bron}"
                return uit
            uit.paginas.append(pagina)
    return uit


def weg_paginas(bronnen: Bronnen, paginas: Mapping[str, Gegenereerd], wijzigingen: Iterable[Wijziging]) -> list[str]:
    """The own pages of removed records (pages whose source is the removed file): gone at once.
    Should a full build still make one, `verschil()` finds it as a new page."""
    return [uri for w in wijzigingen if w.nieuw is None and w.oud is not None
            for uri in bronnen.paginas_van(w.oud) if uri in paginas and paginas[uri].pagina.bron == w.oud.bron]


def verschil(site: SiteData, paginas: Mapping[str, Gegenereerd], hielden: Collection[str], sitemap: list[str] | None = None) -> Verschil:
    """The pages a full build would write differently now: changed, new and gone.

    `paginas` is what the site shows, `hielden` the pages whose context held a changed record
    and that have not been rendered again since, `sitemap` the pages in the order the sitemap
    lists them (default: that of `paginas`).
    """
    uit = Verschil()
    gezien: dict[str, None] = {}  # in order
    for pagina in all_pages(site):
        gezien[pagina.src_uri] = None
        if pagina.kaart_uri:
            uit.kaarten.add(pagina.kaart_uri)
        oud = paginas.get(pagina.src_uri)
        if (oud is not None and oud.pagina.in_nav) != pagina.in_nav or (pagina.in_nav and oud and oud.pagina.titel != pagina.titel):
            uit.volledig = f"andere pagina in het menu: {pagina.titel}"
            return uit
        if oud is None or pagina.src_uri in hielden or not zelfde(oud.pagina, pagina):
            uit.paginas.append(pagina)
    uit.weg = [uri for uri in paginas if uri not in gezien]
    if weg_uit_menu := next((uri for uri in uit.weg if paginas[uri].pagina.in_nav), None):
        uit.volledig = f"pagina uit het menu: {paginas[weg_uit_menu].pagina.titel}"
    elif list(gezien) != (list(paginas) if sitemap is None else sitemap):
        uit.volgorde = list(gezien)
    return uit


def andere_bestanden(nieuw: Mapping[str, str | bytes], vorige: Mapping[str, str | bytes], namen: Collection[str]) -> tuple[dict[str, str | bytes], list[str]]:
    """The generated non-page files that are new or whose content changed, and those that are gone."""
    return {naam: inhoud for naam, inhoud in nieuw.items() if vorige.get(naam) != inhoud}, [n for n in namen if n not in nieuw]


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
    """A copy of `dataset` with the changes made, to check before anything changes."""
    records = {folder: dict(r) for folder, r in dataset.records.items()}
    paths, files = dict(dataset.paths), dict(dataset.files)
    for w in wijzigingen:
        folder = records.setdefault(w.folder, {})
        if w.nieuw is None:
            del folder[w.record_id]
            continue
        if w.oud is None:
            records[w.folder] = _met_record(folder, w.record_id, w.nieuw)
            paths[id(w.nieuw)], files[id(w.nieuw)] = w.shown, w.path
        else:
            folder[w.record_id] = w.nieuw
            paths[id(w.nieuw)], files[id(w.nieuw)] = dataset.paths[id(w.oud)], dataset.files[id(w.oud)]
    # Positions already read stay (a rule that warns about many records would read them all
    # again); the copy's own additions go with it.
    return dataclasses.replace(dataset, records=records, paths=paths, files=files, _positions=dict(dataset._positions))


def _met_record(records: Mapping[str, Record], record_id: str, record: Record) -> dict[str, Record]:
    """`records` with a new one, in the order `load_dataset` reads their files."""
    return dict(sorted({**records, record_id: record}.items(), key=lambda paar: bestandsvolgorde(paar[0])))


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
