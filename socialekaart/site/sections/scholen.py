"""Voor scholen: find the lokaal-team contact for onderwijs, and a printable sheet per team."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import paden
from ..data import SiteData
from ..overzicht import Overzicht, overzicht_paginas
from ..pagina import Pagina
from ...models.lokaal_team import LokaalTeam, School
from . import section


@dataclass(frozen=True)
class SchoolRij:
    """One row of the lookup table: a school with the team that serves it."""

    school: School
    team: LokaalTeam


OVERZICHT = Overzicht("voor-scholen/", "scholen/zoeken.html", "Voor scholen",
                      "Zoek het aanspreekpunt van het lokaal team voor jouw school.")


@section
def voor_scholen(site: SiteData) -> Iterator[Pagina]:
    teams = sorted(site.dataset.lokale_teams.values(), key=lambda t: t.naam)

    def context(lijst, regio):
        rijen = sorted((SchoolRij(s, t) for t in lijst for s in t.scholen), key=lambda r: (r.school.naam, r.school.plaats))
        per_gemeente = [(g, site.teams_in(g.code)) for r, g in site.gemeenten() if regio is None or r.id == regio.id]
        return {"rijen": rijen, "per_gemeente": per_gemeente, "teams": lijst}

    yield from overzicht_paginas(site, OVERZICHT, teams, lambda t: site.regio_ids(t.gemeenten), context)
    for team in teams:
        yield Pagina(
            paden.contactkaart(team.id),
            "scholen/contactkaart.html",
            {"team": team, "contacten": team.onderwijs_contacten()},
            titel=f"Contactkaart voor scholen: {team.naam}",
            bron=team.bron,
        )
