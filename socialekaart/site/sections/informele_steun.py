"""Informele steun: a filterable overview and a page per initiative."""

from __future__ import annotations

from collections.abc import Iterator

from .. import paden
from ..data import SiteData
from ..pagina import Pagina
from ..punten import steun_punten
from . import section


@section
def informele_steun(site: SiteData) -> Iterator[Pagina]:
    items = sorted(site.dataset.informele_steun.values(), key=lambda i: i.naam)
    themas = sorted({t for i in items for t in i.themas})
    yield Pagina(
        "informele-steun/",
        "informele_steun/overzicht.html",
        {"items": items, "themas": themas, "gemeenten": site.gemeenten()},
        titel="Informele steun",
        in_nav=True,
        beschrijving="Steun van vrijwilligers en andere ouders, vaak zonder verwijzing.",
    )
    for item in items:
        pad = paden.initiatief(item.id)
        aanbieder = site.dataset.aanbieders.get(item.aanbieder) if item.aanbieder else None
        codes = site.steun_gemeenten(item)
        teams = list({team.id: team for code in codes for team in site.teams_in(code)}.values())
        yield Pagina(
            pad,
            "informele_steun/initiatief.html",
            {"item": item, "aanbieder": aanbieder, "gemeente_codes": codes, "teams": teams},
            titel=item.naam,
            bron=item.bron,
            kaart=steun_punten(site, item, None),
            kaart_titel=f"Kaart: waar {item.naam} te vinden is",
            beschrijving=item.samenvatting,
        )
