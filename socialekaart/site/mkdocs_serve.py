"""`mkdocs serve` on national data: a saved YAML file renders only the pages that show it.

MkDocs rebuilds the whole site on every change (config, hooks, all pages, minutes nationally)
and polls the watched folders every half second. `on_serve` swaps in:
- an inotify observer (watchdog's native one) that also notes which files changed;
- a builder that, when only record text changed (see herbouw.py), checks the data again and
  renders those pages through MkDocs' own page functions with the nav, theme environment and
  files of the last full build; anything else goes to MkDocs' full build as before.
Pagefind then runs in the background, so the page is served before the search index is done.

MkDocs 1.6.1 is frozen; this uses its page-building functions and the server's observer, which
have no public API. If the server's attributes move, `on_serve` leaves it as it is (full builds).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import Abort

from ..problems import DataError
from .build import Gegenereerd
from .herbouw import Bronnen
from .mkdocs_helft import bouwmodule
from .render import render_pagina
from .zoeken import pagefind_index

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

    from .build import Uitvoer
    from .data import SiteData

log = logging.getLogger("mkdocs.plugins.socialekaart")


class Stand:
    """What the last full build left in this process; a full build that fails leaves it unusable."""

    def __init__(self) -> None:
        self.klaar = False
        self.config: MkDocsConfig | None = None
        self.files: Files | None = None
        self.nav: Navigation | None = None
        self.env: Environment | None = None
        self.bronnen: Bronnen | None = None
        self.zoekdelen: list[str] = []  # the globs of the sociale kaart's index parts (zoeken.kaartdelen)

    def begin(self) -> None:
        self.klaar = False
        self.bronnen = None


stand = Stand()
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
        if event.is_directory:
            return
        with self._lock:
            self._paden.add(event.src_path)
            if getattr(event, "dest_path", ""):
                self._paden.add(event.dest_path)

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
    server.builder = bouwer = Bouwer(builder, wijzigingen, site)  # type: ignore[method-assign]
    bouwer.voorbereiden()
    return server


class Bouwer:
    """The serve builder: the few changed pages when that is enough, else MkDocs' full build."""

    def __init__(self, volledig: Callable[[], None], wijzigingen: Wijzigingen, site: Callable[[], tuple[SiteData, Uitvoer]]) -> None:
        self.volledig = volledig
        self.wijzigingen = wijzigingen
        self.site = site

    def __call__(self) -> None:
        paden = self.wijzigingen.neem()
        try:
            if stand.klaar and self.snel(paden):
                return
        except DataError as error:
            self.wijzigingen.terug(paden)
            log.error(f"De gegevens bevatten fouten; de site is niet bijgewerkt.\n{error}")
            raise Abort("Aborted with a BuildError!") from None
        self.volledig()
        self.voorbereiden()

    def voorbereiden(self) -> None:
        """After a full build: which file holds which record, and which pages show it (a few
        tenths of a second nationally, so the first save does not wait for it)."""
        if stand.klaar and stand.bronnen is None:
            site, uitvoer = self.site()
            stand.bronnen = Bronnen(site.dataset, uitvoer.paginas)

    def snel(self, paden: set[str]) -> bool:
        """Render only the pages that show the saved records; False when a full build is needed."""
        begin, processor = time.perf_counter(), time.thread_time()
        site, uitvoer = self.site()
        config, files, nav, env = stand.config, stand.files, stand.nav, stand.env
        assert config is not None and files is not None and nav is not None and env is not None
        self.voorbereiden()
        assert stand.bronnen is not None
        wijzigingen = stand.bronnen.wijzigingen(paden, site.vandaag)
        if wijzigingen is None:
            return False
        uris = stand.bronnen.pas_toe(wijzigingen)
        schrijf_paginas(uris, site, uitvoer, config, files, nav, env)
        log.info("socialekaart: %d pagina's opnieuw gemaakt in %.2f s (%.2f s processortijd)",
                 len(uris), time.perf_counter() - begin, time.thread_time() - processor)
        if uris:
            achtergrond.start(Path(config.site_dir))
        return True


def schrijf_paginas(uris: list[str], site: SiteData, uitvoer: Uitvoer, config: MkDocsConfig, files: Files, nav: Navigation, env: Environment) -> None:
    """Render `uris` again and write them as MkDocs would, with the last full build's nav and theme."""
    bouw = bouwmodule(config)
    doc_files = files.documentation_pages(inclusion=bouw.InclusionLevel.is_in_serve)
    for uri in uris:
        oud = uitvoer.paginas[uri]
        uitvoer.paginas[uri] = Gegenereerd(oud.pagina, render_pagina(oud.pagina, site))
        file = files.get_file_from_path(uri)
        assert file is not None and file.page is not None
        bouw._populate_page(file.page, config, files)
        bouw._build_page(file.page, config, doc_files, nav, env)
