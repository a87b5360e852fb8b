"""`mkdocs serve` on national data: a saved YAML file renders only the pages it changes.

MkDocs rebuilds the whole site on every change (config, hooks, all pages, minutes nationally)
and polls the watched folders every half second. `on_serve` swaps in:
- an inotify observer (watchdog's native one) that also notes which files changed;
- a builder that, when files in the data folder changed, were added or removed (see
  herbouw.py), checks the data again and writes the pages and files a full build would change
  (new ones added, gone ones removed), through MkDocs' own page functions with the nav, theme
  environment and files of the last full build: the record's own page first, the rest of the
  site in a thread; anything else goes to MkDocs' full build as before.
Pagefind then runs in the background, so the page is served before the search index is done.

MkDocs 1.6.1 is frozen; this uses its page-building functions and the server's observer and
build loop, which have no public API. If the server's attributes move, `on_serve` leaves it as
it is (full builds).
"""

from __future__ import annotations

import gc
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import Abort

from ..problems import DataError
from . import build
from .herbouw import Bronnen, andere_bestanden, eigen_paginas, verschil, weg_paginas
from .mkdocs_stand import (
    kaarten, nieuwe_volgorde, schrijf_bestanden, schrijf_handgeschreven, schrijf_paginas, stand, verwijder_bestanden,
    verwijder_paginas,
)
from .zoeken import pagefind_index

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

    from .build import Uitvoer
    from .data import SiteData

log = logging.getLogger("mkdocs.plugins.socialekaart")


_pagefind = threading.Lock()  # one Pagefind run at a time: they write the same folders


def zoekindex(site_dir: Path, achtergrond: bool = False) -> list[str]:
    """The search index of the last full build's pages (a quick rebuild changes no page paths)."""
    with _pagefind:
        return pagefind_index(site_dir, stand.zoekdelen, achtergrond)


class Achtergrond:
    """Pagefind after quick rebuilds, in a thread, once saving has paused for `RUST` seconds, at
    low priority: it takes seconds nationally and must not slow the next save's page. Saves
    during a run lead to one more run, not a queue."""

    RUST = 2.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._draait = False
        self._opnieuw = False
        self._laatste = 0.0
        self._indexeert = False

    def start(self, site_dir: Path) -> None:
        with self._lock:
            self._laatste = time.monotonic()
            if self._draait:
                self._opnieuw = self._opnieuw or self._indexeert  # while still waiting, the wait grows
                return
            self._draait = True
        threading.Thread(target=self._draai, args=(site_dir,), name="socialekaart-pagefind", daemon=True).start()

    def _draai(self, site_dir: Path) -> None:
        while True:
            while (wacht := self._laatste + self.RUST - time.monotonic()) > 0:
                time.sleep(wacht)
            with self._lock:
                self._indexeert = True
            begin = time.perf_counter()
            try:
                samenvatting = zoekindex(site_dir, achtergrond=True)
                log.info("socialekaart: zoekindex bijgewerkt in %.1f s (%s)", time.perf_counter() - begin, "; ".join(samenvatting))
            except RuntimeError as error:
                log.error(str(error))
            with self._lock:
                self._indexeert = False
                if not self._opnieuw:
                    self._draait = False
                    return
                self._opnieuw = False


achtergrond = Achtergrond()


class Wijzigingen:
    """The paths the observer saw change since the last build (watchdog calls from its thread)."""

    def __init__(self) -> None:
        self._paden: set[str] = set()
        self._lock = threading.Lock()

    def dispatch(self, event: Any) -> None:  # a watchdog event handler
        # A folder ends in a separator: moved or removed, its files send no events of their own.
        einde = os.sep if event.is_directory else ""
        with self._lock:
            self._paden.add(event.src_path + einde)
            if getattr(event, "dest_path", ""):
                self._paden.add(event.dest_path + einde)

    def neem(self) -> set[str]:
        with self._lock:
            paden, self._paden = self._paden, set()
        return paden

    def terug(self, paden: set[str]) -> None:
        """A rebuild failed: these files count as changed again at the next one."""
        with self._lock:
            self._paden |= paden


def on_serve(server: LiveReloadServer, builder: Callable[[], None], site: Callable[[], tuple[SiteData, Uitvoer]]) -> LiveReloadServer:
    """Give `server` an inotify observer that also notes changed paths, and the builder below."""
    try:
        from watchdog import events
        from watchdog.observers import Observer

        schrijven = [
            events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent,
            events.FileClosedEvent, events.DirCreatedEvent, events.DirDeletedEvent, events.DirMovedEvent,
        ]

        if server.observer.is_alive():
            return server
        gepland = list(server._watched_paths)
        server.observer.unschedule_all()
        server._watched_paths.clear()
        server._watch_refs.clear()
        getattr(server, "_extra_watch_refs", {}).clear()  # ProperDocs' links out of the tree
    except AttributeError:
        log.info("socialekaart: deze versie van MkDocs bouwt bij elke wijziging de hele site")
        return server
    wijzigingen = Wijzigingen()
    observer = Observer()
    schedule = observer.schedule

    def ook_onthouden(handler: Any, path: str, recursive: bool = False, **kwargs: Any) -> Any:
        # Only writes: inotify also reports files being opened and read, which every build does.
        kwargs["event_filter"] = schrijven
        schedule(wijzigingen, path, recursive=recursive, **kwargs)
        return schedule(handler, path, recursive=recursive, **kwargs)

    observer.schedule = ook_onthouden  # type: ignore[method-assign]
    server.observer = observer
    for pad in gepland:
        server.watch(pad)  # config.watch (data/) follows after this hook, on this observer too
    server.builder = bouwer = Bouwer(builder, wijzigingen, site, server)  # type: ignore[method-assign]
    bouwer.voorbereiden()
    return server


class _Opnieuw(Exception):
    """A save changed the data while the rest of the site was being made: begin that again."""


class Bouwer:
    """The serve builder: the changed pages when that is enough, else MkDocs' full build.

    A quick rebuild writes the saved record's own page first and returns, so the browser gets
    it; the rest of the site (overviews, gemeente pages, voor-scholen, open data, search files,
    ...) follows in a thread, and when that is done, the browsers reload and Pagefind runs.

    The rest takes seconds nationally (mostly the open-data export), and an editor saves again
    within them. That save does not wait: the data changes only while `_schrijven` is held, and
    the rest writes only under it too, in small steps, each time checking that the data is the
    version it worked from. When it is not, the rest begins again from the new data; what it
    wrote so far was whole pages and files of an older version, and the next round compares
    against them, so nothing is left out.
    """

    STAP = 32  # pages written per hold of the lock: a save waits at most for these

    def __init__(self, volledig: Callable[[], None], wijzigingen: Wijzigingen, site: Callable[[], tuple[SiteData, Uitvoer]],
                 server: LiveReloadServer | None = None) -> None:
        self.volledig = volledig
        self.wijzigingen = wijzigingen
        self.site = site
        self.server = server
        self.volledig_nodig = False  # the rest of a quick rebuild found what only a full build shows
        self._schrijven = threading.Lock()  # held while the data changes or pages and files are written
        self._rest: threading.Thread | None = None  # set and cleared under the lock
        self._hielden: set[str] = set()  # pages that held a changed record, not yet rendered again
        self._begin = 0.0  # when the last save was seen
        self._stoppen = False

    def __call__(self) -> None:
        paden = self.wijzigingen.neem()
        try:
            if stand.klaar and not self.volledig_nodig and self.snel(paden):
                return
        except DataError as error:
            self.wijzigingen.terug(paden)
            log.error(f"De gegevens bevatten fouten; de site is niet bijgewerkt.\n{error}")
            raise Abort("Aborted with a BuildError!") from None
        self._stoppen = True  # a full build follows: the rest would be in vain
        self.wacht()
        self._stoppen = False
        self.volledig_nodig = False
        self._hielden.clear()
        gc.unfreeze()  # the last site may now be collected
        self.volledig()
        self.voorbereiden()

    def wacht(self) -> None:
        """Until the rest of the last quick rebuild is written (or given up)."""
        if (rest := self._rest) is not None:
            rest.join()

    def voorbereiden(self) -> None:
        """After a full build: which file holds which record, and which pages show it (a few
        tenths of a second nationally, so the first save does not wait for it)."""
        if stand.klaar and stand.bronnen is None:
            site, uitvoer = self.site()
            stand.bronnen = Bronnen(site.alles or site.dataset, uitvoer.paginas, _regios(site))
            stand.sitemap = list(uitvoer.paginas)
            # The built site stays until the next full build: out of the garbage collector's
            # sight, or a quick rebuild waits while it walks millions of objects (seconds nationally).
            gc.collect()
            gc.freeze()

    def snel(self, paden: set[str]) -> bool:
        """Write the saved records' own pages, start the rest; False when a full build is needed."""
        begin, processor = time.perf_counter(), time.thread_time()
        site, uitvoer = self.site()
        with self._schrijven:
            self.voorbereiden()
            assert stand.bronnen is not None
            wijzigingen = stand.bronnen.wijzigingen(paden, site.vandaag)
            if wijzigingen is None:
                return False
            if not wijzigingen:
                return True  # saved without a change
            self._hielden |= stand.bronnen.pas_toe(wijzigingen, site)
            eerst = eigen_paginas(site, uitvoer.paginas, wijzigingen)
            if eerst.volledig:
                log.info("socialekaart: %s; de hele site wordt opnieuw gebouwd", eerst.volledig)
                return False
            weg = weg_paginas(stand.bronnen, uitvoer.paginas, wijzigingen)
            verwijder_paginas(weg, uitvoer)
            schrijf_paginas(eerst.paginas, site, uitvoer)
            self._hielden -= {p.src_uri for p in eerst.paginas}
            self._begin = begin
            if self._rest is None:
                self._rest = threading.Thread(target=self.rest, args=(site, uitvoer), name="socialekaart-herbouw")
                self._rest.start()
        log.info("socialekaart: %d pagina's opnieuw gemaakt en %d weggehaald in %.2f s (%.2f s processortijd); de rest van de site volgt",
                 len(eerst.paginas), len(weg), time.perf_counter() - begin, time.thread_time() - processor)
        return True

    def rest(self, site: SiteData, uitvoer: Uitvoer) -> None:
        """Every other page and file a full build would now write differently (in a thread),
        from the newest data: begun again when a save changes it meanwhile."""
        config = stand.config
        assert config is not None
        try:
            while not self._stoppen:
                try:
                    if self._ronde(site, uitvoer):
                        achtergrond.start(Path(config.site_dir))
                    return
                except _Opnieuw:
                    continue
        except Exception:  # a thread's error would otherwise only be printed in English
            log.exception("socialekaart: de rest van de site kon niet worden bijgewerkt; de hele site wordt opnieuw gebouwd")
            self.vraag_volledig()
        finally:
            with self._schrijven:
                if self._rest is threading.current_thread():  # not when done (see _ronde)
                    self._rest = None

    def _ronde(self, site: SiteData, uitvoer: Uitvoer) -> bool:
        """One try at the rest; raises _Opnieuw when the data changed meanwhile, and returns
        whether the site is complete (else a full build has been asked for)."""
        with self._schrijven:
            versie, hielden = site.versie, set(self._hielden)

        def bij(versie_nu: int) -> None:
            if versie_nu != versie or self._stoppen:
                raise _Opnieuw

        try:
            # Reading the data while a save may change it: a failure then only means "again".
            rest = verschil(site, uitvoer.paginas, hielden, stand.sitemap)
            andere = None if rest.volledig else build.andere_bestanden(site, uitvoer.synoniemen)
        except Exception:
            bij(site.versie)
            raise
        with self._schrijven:
            bij(site.versie)
            if rest.volledig or andere is None:
                log.info("socialekaart: %s; de hele site wordt opnieuw gebouwd", rest.volledig)
                self.vraag_volledig()
                return False
            bestanden, weg = andere_bestanden(andere, uitvoer.bestanden, uitvoer.andere)
            over = {g.pagina.src_uri: (g.pagina, g.pagina.over_bestanden(uitvoer.bestanden))
                    for g in uitvoer.paginas.values() if g.pagina.over_bestanden}
            verwijder_paginas(rest.weg, uitvoer)
            verwijder_bestanden([*weg, *(uri for uri in kaarten(uitvoer) if uri not in rest.kaarten)], uitvoer)
            uitvoer.andere = set(andere)
            schrijf_bestanden(bestanden, uitvoer)
            if bestanden or weg:  # should this round begin again, the next one renders them
                self._hielden |= set(over)
            # A page about the other files (open data: their sizes) follows when what it says changed.
            anders = [p for uri, (p, was) in over.items() if p.over_bestanden(uitvoer.bestanden) != was
                      and all(r.src_uri != uri for r in rest.paginas)]  # type: ignore[misc]
        paginas = [*rest.paginas, *anders]
        for i in range(0, len(paginas), self.STAP):
            with self._schrijven:
                bij(site.versie)
                schrijf_paginas(paginas[i : i + self.STAP], site, uitvoer)
        with self._schrijven:
            bij(site.versie)
            if rest.volgorde:
                nieuwe_volgorde(rest.volgorde, uitvoer)
            handgeschreven = schrijf_handgeschreven(site)
            self._hielden -= hielden | set(over)
            stand.bronnen = Bronnen(site.alles or site.dataset, uitvoer.paginas, _regios(site))  # for the next save
            # Done, said while the lock is held: a save from now on starts a rest of its own.
            self._rest = None
            log.info("socialekaart: site compleet na %.1f s (nog %d pagina's, %d weg, %d andere bestanden)",
                     time.perf_counter() - self._begin, len(paginas) + len(handgeschreven), len(rest.weg), len(bestanden) + len(weg))
            self.herlaad()
        return True

    def vraag_volledig(self) -> None:
        """Ask the server for a build, which will then be a full one."""
        self.volledig_nodig = True
        if self.server is not None and hasattr(self.server, "_rebuild_cond"):
            with self.server._rebuild_cond:
                self.server._want_rebuild = True
                self.server._rebuild_cond.notify_all()

    def herlaad(self) -> None:
        """Tell open browsers the site changed again, unless a build has started meanwhile."""
        server = self.server
        if server is None or not hasattr(server, "_epoch_cond"):
            return
        with server._rebuild_cond, server._epoch_cond:
            if not server._want_rebuild and server._visible_epoch == server._wanted_epoch:
                server._visible_epoch = server._wanted_epoch = round(time.monotonic() * 1000)  # as MkDocs counts
                server._epoch_cond.notify_all()


def _regios(site: SiteData) -> list[str]:
    return list(site.instellingen.regios or []) if site.instellingen else []
