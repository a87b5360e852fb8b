"""Voor scholen: find the lokaal-team contact for onderwijs, and a printable sheet per team."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import paden
from ..data import SiteData
from ..pagina import Pagina
from ...models.lokaal_team import LokaalTeam, School
from . import section


@dataclass(frozen=True)
class SchoolRij:
    """One row of the lookup table: a school with the team that serves it."""

    school: School
    team: LokaalTeam


@section
def voor_scholen(site: SiteData) -> Iterator[Pagina]:
    teams = sorted(site.dataset.lokale_teams.values(), key=lambda t: t.naam)
    rijen = sorted((SchoolRij(s, t) for t in teams for s in t.scholen), key=lambda r: (r.school.naam, r.school.plaats))
    per_gemeente = [(g, site.teams_in(g.code)) for _, g in site.gemeenten()]
    yield Pagina(
        "voor-scholen/",
        "scholen/zoeken.html",
        {"rijen": rijen, "per_gemeente": per_gemeente, "teams": teams},
        titel="Voor scholen",
        in_nav=True,
        beschrijving="Zoek het aanspreekpunt van het lokaal team voor jouw school.",
    )
    for team in teams:
        yield Pagina(
            paden.contactkaart(team.id),
            "scholen/contactkaart.html",
            {"team": team, "contacten": team.onderwijs_contacten()},
            titel=f"Contactkaart voor scholen: {team.naam}",
            bron=team.bron,
        )
