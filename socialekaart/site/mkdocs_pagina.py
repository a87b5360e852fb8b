"""A generated page as MkDocs sees it: its title, description and HTML come from the
generator, so MkDocs reads no front matter and converts no Markdown for it.

MkDocs would otherwise build a Markdown converter with every extension for each of the
national site's 9,500 generated pages only to convert an empty text. A `Page` subclass
with its own `read_source` and `render` is the way MkDocs lets a plugin supply a page
(Material's blog plugin does the same); `on_files` sets it as the file's page, and MkDocs
then uses it for the nav and the build. It reads the page from the build's current
output, so a page `mkdocs serve` renders again (mkdocs_serve.py) is read anew.

The subclass is made of the running tool's own `Page` (MkDocs, or ProperDocs with its own
package), which checks that a file's page is one of its pages.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File, InclusionLevel

from .build import Gegenereerd, toc_tokens
from .mkdocs_helft import gereedschap

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from .build import Uitvoer
    from .data import EditLinks


class _Gegenereerd:
    """The methods the generated page puts before those of the tool's `Page`."""

    _gegenereerd: Callable[[], Gegenereerd]
    _toc: Callable[[list[dict]], Any]

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        self.meta = self._gegenereerd().meta()

    def render(self, config: MkDocsConfig, files: Files) -> None:
        html = self._gegenereerd().html
        self.content = html
        self.toc = self._toc(toc_tokens(html))
        # As for a page whose Markdown has no headings or links (all its links are generated).
        self.present_anchor_ids: set[str] = set()
        self.links_to_anchors: dict = {}


@cache
def _klasse(gereedschap: str) -> type:
    pages = importlib.import_module(f"{gereedschap}.structure.pages")
    toc = importlib.import_module(f"{gereedschap}.structure.toc")
    return type("GegenereerdePagina", (_Gegenereerd, pages.Page), {"_toc": staticmethod(toc.get_toc)})


def pagina_file(config: MkDocsConfig, uitvoer: Uitvoer, src_uri: str, edit_links: EditLinks, titel: str | None = None) -> File:
    """The file of the generated page `src_uri` of `uitvoer`, with its page (read from
    `uitvoer` each time MkDocs reads it: `mkdocs serve` puts pages rendered again there)."""
    pagina = uitvoer.paginas[src_uri].pagina
    inclusion = InclusionLevel.INCLUDED if pagina.in_nav else InclusionLevel.NOT_IN_NAV
    file = File.generated(config, src_uri, content="", inclusion=inclusion)
    if pagina.bron:
        # Like mkdocs-gen-files: the edit button opens the real source, the YAML file.
        file.edit_uri = edit_links.pad(pagina.bron)
    gegenereerde_pagina(file, config, lambda: uitvoer.paginas[src_uri], titel)  # becomes file.page
    return file


def gegenereerde_pagina(file: File, config: MkDocsConfig, gegenereerd: Callable[[], Gegenereerd], titel: str | None) -> Page:
    """The page of `file` (it becomes `file.page`), read from `gegenereerd()` when MkDocs reads it.

    MkDocs keeps a page that exists when it makes the nav, so `titel` is what the `nav:`
    setting calls the file (`nav_titels`), passed in as MkDocs itself would."""
    pagina = _klasse(gereedschap(config))(titel, file, config)
    pagina._gegenereerd = gegenereerd
    return pagina


def nav_titels(nav: Any) -> dict[str, str]:
    """src_uri -> title of every `Title: path` in the `nav:` setting, also in sections."""
    titels: dict[str, str] = {}
    if isinstance(nav, list):
        for deel in nav:
            titels.update(nav_titels(deel))
    elif isinstance(nav, dict):
        for titel, waarde in nav.items():
            if isinstance(waarde, str):
                titels[waarde] = titel
            else:
                titels.update(nav_titels(waarde))
    return titels


def is_gegenereerd(page: Page) -> bool:
    return isinstance(page, _Gegenereerd)
