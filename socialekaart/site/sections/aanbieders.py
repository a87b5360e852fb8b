"""Aanbieders: an overview filterable by aanbod, and a page per provider."""

from __future__ import annotations

from collections.abc import Iterator

from ...maps import Punt
from .. import paden
from ..data import SiteData
from ..pagina import Pagina
from ..punten import gezinshuis_punt
from . import section


@section
def aanbieders(site: SiteData) -> Iterator[Pagina]:
    alle = sorted(site.dataset.aanbieders.values(), key=lambda a: a.naam)
    aanbod = sorted({a for aanbieder in alle for a in aanbieder.aanbod})
    yield Pagina("aanbieders/", "aanbieders/overzicht.html", {"aanbieders": alle, "aanbod": aanbod}, "Aanbieders", in_nav=True,
                 beschrijving="Organisaties die hulp bieden aan kinderen, jongeren en ouders.")
    for aanbieder in alle:
        huizen = site.gezinshuizen_van(aanbieder.id)
        punten = [p for huis in huizen if (p := gezinshuis_punt(site, huis, None))]
        for locatie in aanbieder.locaties:
            if locatie.coordinaten:
                punten.append(Punt(locatie.coordinaten.lat, locatie.coordinaten.lon, locatie.naam or locatie.plaats, None, "aanbieder"))
        yield Pagina(
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
            beschrijving=f"Wat {aanbieder.naam} doet en hoe je contact opneemt.",
        )
