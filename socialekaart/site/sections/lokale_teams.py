"""Lokale teams: an overview and a page per team with its contacts per role."""

from __future__ import annotations

from collections.abc import Iterator

from .. import paden
from ..data import SiteData
from ..pagina import Pagina
from ..punten import gemeente_punt
from ...models import LokaalTeam
from . import record_pagina, section


@section
def lokale_teams(site: SiteData) -> Iterator[Pagina]:
    teams = sorted(site.dataset.lokale_teams.values(), key=lambda t: t.naam)
    yield Pagina("lokale-teams/", "lokale_teams/overzicht.html", {"teams": teams}, "Lokale teams", in_nav=True,
                 beschrijving="Het lokaal team is de toegang tot jeugdhulp in je gemeente.")
    for team in teams:
        yield team_pagina(site, team)


@record_pagina("lokale-teams")
def team_pagina(site: SiteData, team: LokaalTeam) -> Pagina:
    punten = [p for code in team.gemeenten if (p := gemeente_punt(site, code, f"{team.naam}: {site.gemeente_naam(code)}", None, "lokaal-team"))]
    return Pagina(
        paden.lokaal_team(team.id),
        "lokale_teams/team.html",
        {"team": team, "agenda_punten": site.agenda_voor(team, "lokale-teams")},
        titel=team.naam,
        bron=team.bron,
        kaart=punten,
        kaart_titel=f"Kaart: werkgebied van {team.naam}",
        kaart_gedeeld=True,
        beschrijving=f"Contact met {team.naam}: telefoon, e-mail en aanspreekpunten.",
    )
