"""Gezinshuizen for lokale teams: a map at plaats level and a table (per region on a national
site). Never an address."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...maps import Punt
from ...models import Gezinshuis
from .. import paden
from ..data import SiteData
from ..overzicht import Overzicht, overzicht_paginas
from ..pagina import Pagina
from ..punten import gezinshuis_punt
from . import section

OVERZICHT = Overzicht("gezinshuizen/", "gezinshuizen.html", "Gezinshuizen",
                      "Gezinshuizen in de regio per plaats, met vrije plekken en de aanbieder.",
                      kaart_titel="Kaart: gezinshuizen per plaats")


@section
def gezinshuizen(site: SiteData) -> Iterator[Pagina]:
    huizen = sorted(site.dataset.gezinshuizen.values(), key=lambda h: (site.gemeente_naam(h.gemeente), h.plaats, h.naam))

    def kaart(pad: str, lijst: Sequence[Gezinshuis]) -> list[Punt]:
        punten = (gezinshuis_punt(site, huis, paden.relative_url(pad, paden.aanbieder(huis.aanbieder))) for huis in lijst)
        return [p for p in punten if p is not None]

    yield from overzicht_paginas(site, OVERZICHT, huizen, lambda h: site.regio_ids([h.gemeente]),
                                 lambda lijst, regio: {"huizen": lijst, "aanbieders": {h.aanbieder: site.dataset.aanbieders[h.aanbieder] for h in lijst}}, kaart)
