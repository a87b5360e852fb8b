"""What the last full build left in this process (its config, files, nav and theme), and the
functions that write generated pages and files into that site again as MkDocs' build does:
new ones added, gone ones removed. `mkdocs serve` uses them after a saved data file
(mkdocs_serve.py); they know nothing of the data, only of pages and files.

They use MkDocs' page-building functions (`_populate_page`, `_build_page`,
`_build_theme_template`), which MkDocs 1.6.1 and ProperDocs both have but do not publish.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from . import build, paden
from .build import Gegenereerd
from .mkdocs_helft import bouwmodule
from .mkdocs_pagina import pagina_file
from .render import fragmenten
from .zoeken import kaartdelen

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

    from .build import Uitvoer
    from .data import SiteData
    from .herbouw import Bronnen
    from .pagina import Pagina


class Stand:
    """What the last full build left in this process; a full build that fails leaves it unusable."""

    def __init__(self) -> None:
        self.klaar = False
        self.config: MkDocsConfig | None = None
        self.files: Files | None = None
        self.nav: Navigation | None = None
        self.env: Environment | None = None
        self.bronnen: Bronnen | None = None
        self.sitemap: list[str] = []  # the generated pages in the order sitemap.xml lists them
        self.zoekdelen: list[str] = []  # the globs of the sociale kaart's index parts (zoeken.kaartdelen)
        # Hand-written pages with generated content: src_uri -> (what they ask for, their url, what it was).
        self.fragmenten: dict[str, tuple[list[str], str, tuple[str, ...]]] = {}

    def begin(self) -> None:
        self.klaar = False
        self.bronnen = None
        self.fragmenten = {}


stand = Stand()


def schrijf_paginas(paginas: list[Pagina], site: SiteData, uitvoer: Uitvoer) -> None:
    """Render `paginas` again (or for the first time) and write them as MkDocs would, with the
    last full build's nav and theme; a page's own map document too."""
    config, files = stand.config, stand.files
    assert config is not None and files is not None
    kaarten: dict[str, str | bytes] = {}
    for pagina in paginas:
        html, kaart = build.render_met_kaart(pagina, site, uitvoer.bestanden)
        uitvoer.paginas[pagina.src_uri] = Gegenereerd(pagina, html)
        if pagina.kaart_uri and kaart is not None and uitvoer.bestanden.get(pagina.kaart_uri) != kaart:
            kaarten[pagina.kaart_uri] = kaart
        if files.get_file_from_path(pagina.src_uri) is None:  # a new page: not in the nav (see herbouw.verschil)
            files.append(pagina_file(config, uitvoer, pagina.src_uri, site.edit_links))
    _bouw([p.src_uri for p in paginas])
    schrijf_bestanden(kaarten, uitvoer)


def schrijf_handgeschreven(site: SiteData) -> list[str]:
    """Hand-written pages whose generated content (the region's name, its gemeenten, the parts
    of the search index) is now different: written again, through Markdown as in a build."""
    anders = [uri for uri, (delen, url, was) in stand.fragmenten.items()
              if fragmenten(delen, url, site, len(stand.zoekdelen)) != was]
    _bouw(anders)  # the page's own hook remembers what it shows now
    return anders


def _bouw(uris: list[str]) -> None:
    """Read and write these pages with MkDocs' own functions, as its build does."""
    config, files, nav, env = stand.config, stand.files, stand.nav, stand.env
    assert config is not None and files is not None and nav is not None and env is not None
    bouw = bouwmodule(config)
    doc_files = files.documentation_pages(inclusion=bouw.InclusionLevel.is_in_serve)
    for uri in uris:
        file = files.get_file_from_path(uri)
        assert file is not None and file.page is not None
        bouw._populate_page(file.page, config, files)
        bouw._build_page(file.page, config, doc_files, nav, env)


def verwijder_paginas(uris: list[str], uitvoer: Uitvoer) -> None:
    """Pages no longer generated: out of the files and off the site."""
    for uri in uris:
        del uitvoer.paginas[uri]
    _verwijder(uris)


def verwijder_bestanden(uris: list[str], uitvoer: Uitvoer) -> None:
    for uri in uris:
        del uitvoer.bestanden[uri]
    _verwijder(uris)


def _verwijder(uris: list[str]) -> None:
    assert stand.files is not None and stand.config is not None
    site_dir = Path(stand.config.site_dir).resolve()
    for uri in uris:
        file = stand.files.get_file_from_path(uri)
        assert file is not None
        stand.files.remove(file)
        pad = Path(file.abs_dest_path).resolve()
        pad.unlink(missing_ok=True)
        for map_ in pad.parents:  # folders left empty go too, as a full build never makes them
            if map_ == site_dir or site_dir not in map_.parents or any(map_.iterdir()):
                break
            map_.rmdir()


def kaarten(uitvoer: Uitvoer) -> list[str]:
    """The pages' own map documents among the generated files."""
    return [uri for uri in uitvoer.bestanden if uri not in uitvoer.andere and not uri.startswith(paden.KAART_ASSETS)]


def nieuwe_volgorde(volgorde: list[str], uitvoer: Uitvoer) -> None:
    """Pages in the order a full build adds them (a new name sorts differently, a page came or
    went): the sitemap lists them in that order, so it is written again, and the parts of the
    search index follow the pages."""
    config, files, nav, env = stand.config, stand.files, stand.nav, stand.env
    assert config is not None and files is not None and nav is not None and env is not None
    uitvoer.paginas = {uri: uitvoer.paginas[uri] for uri in volgorde}
    stand.sitemap = list(volgorde)
    paginas = {uri: files.get_file_from_path(uri) for uri in volgorde}
    stand.files = files = type(files)([*(f for f in files if f.src_uri not in paginas), *paginas.values()])
    stand.zoekdelen = kaartdelen(f.dest_uri for f in files.documentation_pages())
    bouwmodule(config)._build_theme_template("sitemap.xml", env, files, config, nav)


def schrijf_bestanden(bestanden: dict[str, str | bytes], uitvoer: Uitvoer) -> None:
    """Write generated non-page files with new contents, as MkDocs copies them in a build."""
    assert stand.files is not None and stand.config is not None
    for src_uri, inhoud in bestanden.items():
        uitvoer.bestanden[src_uri] = inhoud
        file = stand.files.get_file_from_path(src_uri)
        if file is None:
            stand.files.append(file := File.generated(stand.config, src_uri, content=inhoud))
        elif isinstance(inhoud, bytes):
            file.content_bytes = inhoud
        else:
            file.content_string = inhoud
        file.copy_file()
