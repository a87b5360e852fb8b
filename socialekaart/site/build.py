"""Generate everything the site needs from a checked data set, without MkDocs types.

`genereer()` returns the rendered HTML of every page plus the other files (maps and
their assets); `mkdocs_hooks.py` turns that into MkDocs files. A different static-site
tool (ProperDocs, Zensical) would only need its own small wiring around this.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from html import unescape

from ..maps import kaart_html, map_assets
from . import paden, veilig
from .data import SiteData
from .pagina import Pagina
from ..parallel import in_twee_met
from .render import render_pagina
from .sections import all_files, all_pages
from .zoeken import zoekbestanden


@dataclass
class Gegenereerd:
    """One page: its description and the finished HTML of its content area."""

    pagina: Pagina
    html: str

    def meta(self) -> dict[str, str]:
        """The page's title and description for the theme (MkDocs' page meta).

        Material prints both as they are (<title>, header, search index, <meta content>):
        they go in escaped, or a name like '</title <img onerror=...' would become markup.
        """
        meta = {"title": veilig.voor_thema(self.pagina.titel)}
        if self.pagina.beschrijving:
            meta["description"] = veilig.voor_thema(self.pagina.beschrijving)
        return meta


@dataclass
class Uitvoer:
    paginas: dict[str, Gegenereerd] = field(default_factory=dict)  # by src_uri
    bestanden: dict[str, str | bytes] = field(default_factory=dict)  # src_uri -> content
    andere: set[str] = field(default_factory=set)  # the src_uris of `andere_bestanden()` among them
    synoniemen: list[list[str]] = field(default_factory=list)  # of the search page (mkdocs.yml)


def genereer(site: SiteData, synoniemen: list[list[str]] | None = None) -> Uitvoer:
    """Every page and file. The other files (the open-data export is the largest) are made by
    the helper process while both render pages; the pages that describe them come last."""
    uitvoer = Uitvoer(synoniemen=synoniemen or [])
    for naam, inhoud in map_assets().items():
        uitvoer.bestanden[paden.KAART_ASSETS + naam] = inhoud
    paginas = list(all_pages(site))
    nu = [p for p in paginas if p.over_bestanden is None]
    # One page of each template first, in this process: its templates are then compiled before
    # the helper is forked, once, instead of in both processes.
    eerst = {p.template: p for p in reversed(nu)}
    klaar = {p.src_uri: render_met_kaart(p, site) for p in eerst.values()}
    rest = [p for p in nu if p.src_uri not in klaar]
    gerenderd, andere = in_twee_met(partial(render_met_kaart, site=site), rest, ook=partial(andere_bestanden, site, uitvoer.synoniemen))
    klaar.update(zip((p.src_uri for p in rest), gerenderd, strict=True))
    for pagina in nu:
        kaart = klaar[pagina.src_uri][1]
        if pagina.kaart_uri and kaart is not None:
            uitvoer.bestanden[pagina.kaart_uri] = kaart
    uitvoer.bestanden.update(andere or {})
    uitvoer.andere = set(andere or {})
    for pagina in paginas:
        html = klaar[pagina.src_uri][0] if pagina.src_uri in klaar else render_pagina(pagina, site, uitvoer.bestanden)
        uitvoer.paginas[pagina.src_uri] = Gegenereerd(pagina, html)
    return uitvoer


def andere_bestanden(site: SiteData, synoniemen: list[list[str]]) -> dict[str, str | bytes]:
    """The generated files that belong to no single page: open data, widgets, iCal, search files."""
    return {**dict(all_files(site)), **zoekbestanden(site, synoniemen)}


def render_met_kaart(pagina: Pagina, site: SiteData, bestanden: Mapping[str, str | bytes] | None = None) -> tuple[str, str | None]:
    """A page's HTML and, if it has its own map document, that document's HTML; `bestanden`
    (the site's other files) for a page that describes them."""
    html, kaart = render_pagina(pagina, site, bestanden), None
    if pagina.kaart_uri:
        prefix = paden.relative_url(pagina.pad, paden.KAART_ASSETS)
        kaart = kaart_html(pagina.kaart, pagina.kaart_titel or pagina.titel, prefix)
    return html, kaart


_KOP = re.compile(r'<h([23])\s[^>]*?id="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def toc_tokens(html: str) -> list[dict]:
    """Table-of-contents entries (h2 with nested h3) for headings that carry an id.

    Names stay HTML (as Python-Markdown's own toc gives them): Material prints them unescaped.
    """
    tokens: list[dict] = []
    for match in _KOP.finditer(html):
        level, anchor, inner = int(match.group(1)), match.group(2), match.group(3)
        naam = veilig.voor_thema(unescape(_TAG.sub("", inner)).strip())
        token = {"level": level, "id": anchor, "name": naam, "html": naam, "data-toc-label": "", "children": []}
        if level == 3 and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens
