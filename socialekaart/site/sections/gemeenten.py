"""A page per gemeente: lokaal team, informele steun, gezinshuizen, aanbieders and a map."""

from __future__ import annotations

from collections.abc import Iterator

from .. import paden
from ..data import SiteData
from ..pagina import Pagina
from ..punten import gemeente_punt, gezinshuis_punt, steun_punten
from ...models import Regio
from ...models.regio import Gemeente
from . import record_pagina, section


@section
def gemeenten(site: SiteData) -> Iterator[Pagina]:
    yield Pagina("gemeenten/", "gemeenten.html", {"gemeenten": site.gemeenten()}, "Gemeenten", in_nav=True,
                 beschrijving="Kies je gemeente en zie welke hulp en steun er in de buurt is.")
    for regio, gemeente in site.gemeenten():
        yield gemeente_pagina(site, regio, gemeente)


@record_pagina("regios")
def gemeente_paginas(site: SiteData, regio: Regio) -> list[Pagina]:
    """The pages of a region's gemeenten (in `mkdocs serve`, first after a saved region file)."""
    return [gemeente_pagina(site, regio, g) for g in regio.gemeenten] if regio in site.kaart_regios else []


def gemeente_pagina(site: SiteData, regio: Regio, gemeente: Gemeente) -> Pagina:
    pad = paden.gemeente(gemeente.naam)
    teams = site.teams_in(gemeente.code)
    steun = site.steun_in(gemeente.code)
    huizen = site.gezinshuizen_in(gemeente.code)
    punten = [
        p
        for team in teams
        if (p := gemeente_punt(site, gemeente.code, team.naam, paden.relative_url(pad, paden.lokaal_team(team.id)), "lokaal-team"))
    ]
    for item in steun:
        punten += steun_punten(site, item, paden.relative_url(pad, paden.initiatief(item.id)), alleen=gemeente.code)
    punten += [p for huis in huizen if (p := gezinshuis_punt(site, huis, None))]
    return Pagina(
        pad,
        "gemeente.html",
        {
            "regio": regio,
            "gemeente": gemeente,
            "teams": teams,
            "steun": steun,
            "gezinshuizen": huizen,
            # In the context, not looked up by the template: `mkdocs serve` renders a page
            # again when a record in its context changes (herbouw.py).
            "aanbieder_van": {h.aanbieder: site.dataset.aanbieders[h.aanbieder] for h in huizen},
            "aanbieders": site.aanbieders_in(gemeente.code),
        },
        titel=gemeente.naam,
        kaart=punten,
        kaart_titel=f"Kaart: hulp en steun in {gemeente.naam}",
        beschrijving=f"Lokaal team, informele steun en gezinshuizen in {gemeente.naam}.",
    )
