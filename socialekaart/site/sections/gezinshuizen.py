"""Gezinshuizen for lokale teams: a map at plaats level and a table. Never an address."""

from __future__ import annotations

from collections.abc import Iterator

from .. import paden
from ..data import SiteData
from ..pagina import Pagina
from ..punten import gezinshuis_punt
from . import section


@section
def gezinshuizen(site: SiteData) -> Iterator[Pagina]:
    pad = "gezinshuizen/"
    huizen = sorted(site.dataset.gezinshuizen.values(), key=lambda h: (site.gemeente_naam(h.gemeente), h.plaats, h.naam))
    punten = []
    for huis in huizen:
        url = paden.relative_url(pad, paden.aanbieder(huis.aanbieder))
        if (punt := gezinshuis_punt(site, huis, url)) is not None:
            punten.append(punt)
    yield Pagina(
        pad,
        "gezinshuizen.html",
        {"huizen": huizen, "aanbieders": site.dataset.aanbieders},
        titel="Gezinshuizen",
        in_nav=True,
        kaart=punten,
        kaart_titel="Kaart: gezinshuizen per plaats",
        beschrijving="Gezinshuizen in de regio per plaats, met vrije plekken en de aanbieder.",
    )
