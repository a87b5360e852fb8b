"""MkDocs wiring: load and check the data, add generated files, put rendered HTML in place.

The hook file `hooks/socialekaart_site.py` only re-exports these functions.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from ..check import load_checked
from ..collector import Bevriezing
from ..instellingen import lees_instellingen, onbekende_regios
from ..opendata.licentie import licentie
from ..problems import DataError
from ..selectie import kies_regios
from . import mkdocs_serve
from .build import Uitvoer, genereer
from .data import EditLinks, SiteData
from .mkdocs_helft import Helft
from .mkdocs_pagina import is_gegenereerd, nav_titels, pagina_file
from .mkdocs_stand import stand
from .render import fragmenten
from .thema import bereid_voor
from .zoeken import kaartdelen, lees_synoniemen

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.socialekaart")

DATA_MAP = "data"
DATUM_VARIABELE = "SOCIALEKAART_DATUM"  # build "as if" on this date (tests, benchmarks)
# A hand-written page asks for generated content with an HTML comment on its own line.
FRAGMENT = re.compile(r"<!--\s*socialekaart:([a-z-]+)\s*-->")


class _Build:
    site: SiteData | None = None
    uitvoer: Uitvoer | None = None
    synoniemen: list[list[str]] = []


_build = _Build()
_helft = Helft()
_bevriezing = Bevriezing()


def bouwdatum() -> date:
    """The build's "today": SOCIALEKAART_DATUM, else SOURCE_DATE_EPOCH (reproducible builds,
    the same variable MkDocs uses for sitemap dates), else the real date."""
    waarde = os.environ.get(DATUM_VARIABELE)
    if waarde:
        return date.fromisoformat(waarde)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), timezone.utc).date()
    return date.today()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check the data before anything is written, so a broken edit leaves the last good site."""
    stand.begin()
    config_file = Path(config.config_file_path)
    project = config_file.parent
    vandaag = bouwdatum()
    try:
        instellingen = lees_instellingen(config_file, config.extra)
        _build.synoniemen = lees_synoniemen(config.extra.get("zoeken", {}).get("synoniemen"), config_file)
    except DataError as error:
        raise PluginError(f"De instellingen van de regio in {config_file.name} bevatten fouten; de site is niet gebouwd.\n{error}") from None
    try:
        dataset = load_checked(project / DATA_MAP, vandaag)
    except DataError as error:
        raise PluginError(f"De gegevens bevatten fouten; de site is niet gebouwd.\n{error}") from None
    if instellingen.regios:
        if problemen := onbekende_regios(config_file, instellingen, dataset.regios):
            raise PluginError(f"De instellingen van de regio in {config_file.name} bevatten fouten; de site is niet gebouwd.\n{DataError(problemen)}")
        alles, dataset = dataset, kies_regios(dataset, instellingen.regios)
    else:
        alles = None
    docs_dir = os.path.relpath(config.docs_dir, project).replace(os.sep, "/")
    links = EditLinks(config.repo_url, config.edit_uri, docs_dir)
    _build.site = SiteData(dataset, vandaag, links, licentie(instellingen.licentie), config.site_url or None, instellingen, alles=alles)
    _build.uitvoer = None
    _bevriezing.vast()
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _build.site is not None
    _build.uitvoer = uitvoer = genereer(_build.site, _build.synoniemen)
    titels = nav_titels(config.nav)
    for src_uri in uitvoer.paginas:
        files.append(pagina_file(config, uitvoer, src_uri, _build.site.edit_links, titels.get(src_uri)))
    for src_uri, inhoud in uitvoer.bestanden.items():
        files.append(File.generated(config, src_uri, content=inhoud))
    # Known before any page is rendered: the search page names the parts of the index.
    stand.zoekdelen = kaartdelen(f.dest_uri for f in files.documentation_pages())
    _bevriezing.vast()
    log.info(
        "socialekaart: %d pagina's en %d andere bestanden gemaakt uit %d gegevensbestanden",
        len(uitvoer.paginas), len(uitvoer.bestanden), _build.site.dataset.bestanden,
    )
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    stand.nav = nav
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page is read now; a helper process writes half of the generated ones."""
    assert _build.uitvoer is not None and stand.nav is not None
    env = bereid_voor(env)
    stand.config, stand.files, stand.env = config, files, env
    gegenereerd = [f.page for f in files.documentation_pages() if f.src_uri in _build.uitvoer.paginas and f.page]
    _bevriezing.vast()
    _helft.start(gegenereerd, config, files, stand.nav, env)
    return env


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _build.site is not None
    if is_gegenereerd(page):
        return html
    delen = [m.group(1) for m in FRAGMENT.finditer(html)]
    if not delen:
        return html
    ingevuld = fragmenten(delen, page.url, _build.site, len(stand.zoekdelen))
    # `mkdocs serve` renders the page again when what these show changes (mkdocs_stand.py).
    stand.fragmenten[page.file.src_uri] = (delen, page.url, ingevuld)
    volgende = iter(ingevuld)
    return FRAGMENT.sub(lambda m: next(volgende), html)


def on_post_build(config: MkDocsConfig) -> None:
    """The search index is made from the written pages, also on every `mkdocs serve` rebuild."""
    try:
        _helft.wacht()
    except RuntimeError as error:
        raise PluginError(str(error)) from None
    finally:
        _bevriezing.los()
    try:
        samenvatting = mkdocs_serve.zoekindex(Path(config.site_dir))
    except RuntimeError as error:
        raise PluginError(str(error)) from None
    log.info("socialekaart: zoekindex gemaakt met Pagefind (%s)", "; ".join(samenvatting))
    stand.klaar = True


def on_build_error(error: Exception) -> None:
    _helft.stop()
    _bevriezing.los()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    """A saved data file renders only the pages that show it (mkdocs_serve.py)."""
    return mkdocs_serve.on_serve(server, builder, lambda: (_build.site, _build.uitvoer))
