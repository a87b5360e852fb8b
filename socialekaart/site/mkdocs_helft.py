"""MkDocs writes the theme's page HTML on one core; a forked helper writes every other
generated page, so a national build uses both cores for that part too.

MkDocs renders and writes its pages one after the other after `on_env`. At `on_env` every
page is read and its content is in place, so a process forked there has all it needs:
`start` forks the helper, which runs MkDocs' own page-building function for its pages,
while this process renders those pages with the empty template `leeg.html` (MkDocs writes
nothing for empty output). `wacht` (at `on_post_build`, before anything reads the site)
waits for the helper, passes on its warnings, so `--strict` still fails on them, and
undoes the template swap, so `mkdocs serve` can render these pages itself later.

Only generated pages are split; they are never drafts. The helper's plugin state (a
plugin's `on_page_context` or `on_post_page`) stays in the helper: this project has none.
"""

from __future__ import annotations

import importlib
import logging
import traceback
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from ..parallel import FOUT, Helper, fout_van_helper, kan_helpen

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

LEEG = "leeg.html"
MIN_PAGINAS = 1_000  # below this, a helper process costs more than it saves
SLEUTEL = "template"  # the page meta key MkDocs reads the template name from


class _Verzamelaar(logging.Handler):
    """The helper's warnings and errors, to be logged again by the parent."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.regels: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.regels.append((record.name, record.levelno, record.getMessage()))


def _bouw(paginas: Sequence[Page], config: MkDocsConfig, files: Files, nav: Navigation, env: Environment, sender: Connection) -> None:
    verzamelaar = _Verzamelaar()
    logging.getLogger("mkdocs").addHandler(verzamelaar)
    try:
        bouw = bouwmodule(config)
        doc_files = files.documentation_pages()
        for page in paginas:
            bouw._build_page(page, config, doc_files, nav, env)
        uitkomst: tuple[str, Any] = ("ok", verzamelaar.regels)
    except BaseException:  # the parent raises it: a helper must never leave it waiting
        uitkomst = (FOUT, (verzamelaar.regels, traceback.format_exc()))
    sender.send(uitkomst)
    sender.close()


def gereedschap(config: MkDocsConfig) -> str:
    """The package of the tool that is running: 'mkdocs', or 'properdocs' (its own package)."""
    return type(config).__module__.split(".")[0]


def bouwmodule(config: MkDocsConfig) -> Any:
    return importlib.import_module(f"{gereedschap(config)}.commands.build")


class _ZonderOverslaan(logging.Filter):
    """MkDocs notes every page it writes nothing for; for the helper's pages that is noise."""

    def __init__(self, uris: set[str]) -> None:
        super().__init__()
        self.uris = uris

    def filter(self, record: logging.LogRecord) -> bool:
        bericht = record.getMessage()
        return not (bericht.startswith("Page skipped: '") and bericht.split("'")[1] in self.uris)


class Helft:
    """One build's helper: `start` at `on_env`, `wacht` at `on_post_build`, `stop` when the
    build fails in between."""

    def __init__(self) -> None:
        self._helper: Helper | None = None
        self._paginas: list[Page] = []
        self._filter: tuple[logging.Logger, _ZonderOverslaan] | None = None

    def start(self, paginas: Sequence[Page], config: MkDocsConfig, files: Files, nav: Navigation, env: Environment) -> None:
        """Fork the helper for every other page of `paginas` (the generated pages)."""
        self.stop()
        if not kan_helpen(len(paginas), MIN_PAGINAS):
            return
        deel = list(paginas[1::2])
        # The first of them written here, before the fork, as MkDocs would write it: the theme's
        # templates are then compiled once, in this process, and not once more in the helper.
        bouwmodule(config)._build_page(deel[0], config, files.documentation_pages(), nav, env)
        self._helper, self._paginas = Helper(_bouw, deel[1:], config, files, nav, env), deel
        for page in deel:
            page.meta[SLEUTEL] = LEEG
        self._filter = (logging.getLogger(bouwmodule(config).__name__), _ZonderOverslaan({page.file.src_uri for page in deel}))
        self._filter[0].addFilter(self._filter[1])

    def wacht(self) -> None:
        """Wait for the helper; log its warnings here; raise if it failed."""
        if self._helper is None:
            return
        try:
            soort, inhoud = self._helper.ontvang()
            self._helper.klaar()
            self._helper = None
        finally:
            self.stop()
        regels, fout = (inhoud, None) if soort != FOUT else inhoud
        for naam, niveau, bericht in regels:
            logging.getLogger(naam).log(niveau, bericht)
        if fout is not None:
            raise fout_van_helper(fout)

    def stop(self) -> None:
        """End a helper that is still running and undo what `start` changed."""
        if self._helper is not None:
            self._helper.stop()
        for page in self._paginas:
            if page.meta.get(SLEUTEL) == LEEG:
                del page.meta[SLEUTEL]
        if self._filter is not None:
            self._filter[0].removeFilter(self._filter[1])
        self._helper, self._paginas, self._filter = None, [], None
