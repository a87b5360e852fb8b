"""Map points for records: a record's own coordinates, else the centre of its gemeente.

Gezinshuizen only ever get a point at plaats/gemeente level (their coordinates are
checked to at most 2 decimals), never an address.
"""

from __future__ import annotations

from ..maps import Punt
from ..models import Gezinshuis, InformeleSteun
from ..models.common import Coordinaten
from .data import SiteData


def _centrum(site: SiteData, code: str) -> Coordinaten | None:
    gemeente = site.gemeente(code)
    return gemeente.coordinaten if gemeente else None


def steun_punten(site: SiteData, item: InformeleSteun, url: str | None, alleen: str | None = None) -> list[Punt]:
    """Where an initiative happens; `alleen` limits it to one gemeente (on a gemeente page)."""
    plekken: list[tuple[Coordinaten, str]] = []
    for locatie in item.locaties:
        if alleen and locatie.gemeente and locatie.gemeente != alleen:
            continue
        punt = locatie.coordinaten or (_centrum(site, locatie.gemeente) if locatie.gemeente else None)
        if punt:
            plekken.append((punt, locatie.naam or locatie.plaats))
    if not plekken:
        codes = [alleen] if alleen else site.steun_gemeenten(item)
        for code in codes:
            punt = _centrum(site, code)
            if punt:
                plekken.append((punt, site.gemeente_naam(code)))
    gezien: set[tuple[float, float]] = set()
    punten = []
    for punt, waar in plekken:
        if (punt.lat, punt.lon) in gezien:
            continue
        gezien.add((punt.lat, punt.lon))
        punten.append(Punt(punt.lat, punt.lon, f"{item.naam} ({waar})", url, "informele-steun"))
    return punten


def gezinshuis_punt(site: SiteData, huis: Gezinshuis, url: str | None) -> Punt | None:
    punt = huis.coordinaten or _centrum(site, huis.gemeente)
    if punt is None:
        return None
    return Punt(round(punt.lat, 2), round(punt.lon, 2), f"{huis.naam} ({huis.plaats})", url, "gezinshuis")


def gemeente_punt(site: SiteData, code: str, titel: str, url: str | None, soort: str) -> Punt | None:
    punt = _centrum(site, code)
    return Punt(punt.lat, punt.lon, titel, url, soort) if punt else None
