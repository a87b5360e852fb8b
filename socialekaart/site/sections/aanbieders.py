"""Aanbieders: an overview filterable by aanbod (per region on a national site), and a page per provider."""

from __future__ import annotations

from collections.abc import Iterator

from ...maps import Punt
from ...models import Aanbieder
from .. import paden
from ..data import SiteData
from ..overzicht import Overzicht, overzicht_paginas
from ..pagina import Pagina
from ..punten import gezinshuis_punt
from . import record_pagina, section


OVERZICHT = Overzicht("aanbieders/", "aanbieders/overzicht.html", "Aanbieders",
                      "Organisaties die hulp bieden aan kinderen, jongeren en ouders.")


@section
def aanbieders(site: SiteData) -> Iterator[Pagina]:
    alle = sorted(site.dataset.aanbieders.values(), key=lambda a: a.naam)

    def context(lijst, regio):
        return {"aanbieders": lijst, "aanbod": sorted({a for aanbieder in lijst for a in aanbieder.aanbod})}

    yield from overzicht_paginas(site, OVERZICHT, alle, lambda a: a.regios, context)
    for aanbieder in alle:
        yield aanbieder_pagina(site, aanbieder)


@record_pagina("providers")
def aanbieder_pagina(site: SiteData, aanbieder: Aanbieder) -> Pagina:
    huizen = site.gezinshuizen_van(aanbieder.id)
    punten = [p for huis in huizen if (p := gezinshuis_punt(site, huis, None))]
    for locatie in aanbieder.locaties:
        if locatie.coordinaten:
            punten.append(Punt(locatie.coordinaten.lat, locatie.coordinaten.lon, locatie.naam or locatie.plaats, None, "aanbieder"))
    return Pagina(
        paden.aanbieder(aanbieder.id),
        "aanbieders/aanbieder.html",
        {
            "aanbieder": aanbieder,
            "gezinshuizen": huizen,
            "steun": site.steun_van(aanbieder.id),
            "gemeente_codes": site.aanbieder_gemeenten(aanbieder),
        },
        titel=aanbieder.naam,
        bron=aanbieder.bron,
        kaart=punten,
        kaart_titel=f"Kaart: {aanbieder.naam}",
        kaart_gedeeld=True,
        beschrijving=f"Wat {aanbieder.naam} doet en hoe je contact opneemt.",
    )
