"""Informele steun: a filterable overview (per region on a national site) and a page per initiative."""

from __future__ import annotations

from collections.abc import Iterator

from .. import paden
from ..data import SiteData
from ..overzicht import Overzicht, overzicht_paginas
from ..pagina import Pagina
from ..punten import steun_punten
from ...models import InformeleSteun
from . import record_pagina, section

OVERZICHT = Overzicht("informele-steun/", "informele_steun/overzicht.html", "Informele steun",
                      "Steun van vrijwilligers en andere ouders, vaak zonder verwijzing.")


@section
def informele_steun(site: SiteData) -> Iterator[Pagina]:
    items = sorted(site.dataset.informele_steun.values(), key=lambda i: i.naam)

    def context(lijst, regio):
        gemeenten = [(r, g) for r, g in site.gemeenten() if regio is None or r.id == regio.id]
        return {"items": lijst, "themas": sorted({t for i in lijst for t in i.themas}), "gemeenten": gemeenten}

    yield from overzicht_paginas(site, OVERZICHT, items, lambda i: [i.regio], context)
    for item in items:
        yield initiatief(site, item)


@record_pagina("informele-steun")
def initiatief(site: SiteData, item: InformeleSteun) -> Pagina:
    aanbieder = site.dataset.aanbieders.get(item.aanbieder) if item.aanbieder else None
    codes = site.steun_gemeenten(item)
    teams = list({team.id: team for code in codes for team in site.teams_in(code)}.values())
    return Pagina(
        paden.initiatief(item.id),
        "informele_steun/initiatief.html",
        {"item": item, "aanbieder": aanbieder, "gemeente_codes": codes, "teams": teams,
         "agenda_punten": site.agenda_voor(item, "informele-steun")},
        titel=item.naam,
        bron=item.bron,
        kaart=steun_punten(site, item, None),
        kaart_titel=f"Kaart: waar {item.naam} te vinden is",
        kaart_gedeeld=True,
        beschrijving=item.samenvatting,
    )
