"""The wegwijzer for professionals: per region, which partner to involve in a complex case,
when, and how to reach them. Plain HTML (an ordered list with headings), no JavaScript."""

from __future__ import annotations

from collections.abc import Iterator

from .. import paden
from ..data import SiteData
from ..pagina import Pagina
from . import section


@section
def wegwijzer(site: SiteData) -> Iterator[Pagina]:
    for regio in site.regios:
        if not regio.wegwijzer:
            continue
        codes = set(site.gemeente_codes(regio.id))
        teams = sorted((t for t in site.dataset.lokale_teams.values() if codes & set(t.gemeenten)), key=lambda t: t.naam)
        yield Pagina(
            paden.wegwijzer(regio.id),
            "wegwijzer.html",
            {"regio": regio, "teams": teams, "aanbieders": site.dataset.aanbieders},
            titel=f"Wegwijzer bij complexe situaties: {regio.naam}",
            bron=regio.bron,
            beschrijving=f"Welke partner je in {regio.naam} wanneer betrekt bij complexe situaties, en hoe je ze bereikt.",
        )
