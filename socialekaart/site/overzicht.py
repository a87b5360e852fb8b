"""Overviews that stay small nationally (issue 14): one page per region when the data holds
several regions, and on the overview itself a plain list of links to those pages.

With one region nothing changes: the overview lists every record, with its filters. With
forty, a page per region keeps each page region-sized (so the filters stay useful and the
page stays well under 200 KB), and every record is two plain links away, without JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ..maps import Punt
from ..models import Regio
from . import paden
from .data import SiteData
from .pagina import Pagina

T = TypeVar("T")


@dataclass(frozen=True)
class Keuze:
    """A region on the overview: its page and how many records that page lists."""

    regio: Regio
    pad: str
    aantal: int

    @property
    def gemeenten(self) -> list[str]:
        return sorted(g.naam for g in self.regio.gemeenten)


@dataclass(frozen=True)
class Overzicht:
    """One overview: where it lives, its template, title and description."""

    pad: str
    template: str
    titel: str
    beschrijving: str
    kaart_titel: str = ""


def per_regio(site: SiteData, items: Iterable[T], regios_van: Callable[[T], Iterable[str]]) -> dict[str, list[T]]:
    """Region id -> its items, in the order given; an item of several regions is in each."""
    groepen: dict[str, list[T]] = {r.id: [] for r in sorted(site.regios, key=lambda r: r.naam)}
    for item in items:
        for regio in dict.fromkeys(regios_van(item)):
            if regio in groepen:
                groepen[regio].append(item)
    return {regio: lijst for regio, lijst in groepen.items() if lijst}


def overzicht_paginas(
    site: SiteData,
    overzicht: Overzicht,
    items: Sequence[T],
    regios_van: Callable[[T], Iterable[str]],
    context: Callable[[Sequence[T], Regio | None], Mapping[str, Any]],
    kaart: Callable[[str, Sequence[T]], list[Punt]] | None = None,
) -> Iterator[Pagina]:
    """The overview page, and a page per region when the items lie in more than one region.

    `context(items, regio)` gives the template what it shows for those items; every page
    also gets `keuzes` (the regions to choose from, only on a split overview's first page),
    `regio` (the region of a region page) and `overzicht` (the path back to the first page).
    """
    groepen = per_regio(site, items, regios_van)
    if len(groepen) <= 1:
        yield Pagina(overzicht.pad, overzicht.template, {**context(items, None), "keuzes": [], "regio": None, "overzicht": overzicht.pad},
                     overzicht.titel, in_nav=True, kaart=kaart(overzicht.pad, items) if kaart else [],
                     kaart_titel=overzicht.kaart_titel, beschrijving=overzicht.beschrijving)
        return
    keuzes = [Keuze(site.dataset.regios[r], paden.overzicht_regio(overzicht.pad, r), len(lijst)) for r, lijst in groepen.items()]
    yield Pagina(overzicht.pad, overzicht.template, {**context([], None), "keuzes": keuzes, "regio": None, "overzicht": overzicht.pad},
                 overzicht.titel, in_nav=True, beschrijving=overzicht.beschrijving)
    for keuze in keuzes:
        lijst = groepen[keuze.regio.id]
        yield Pagina(
            keuze.pad, overzicht.template, {**context(lijst, keuze.regio), "keuzes": [], "regio": keuze.regio, "overzicht": overzicht.pad},
            f"{overzicht.titel} in {keuze.regio.naam}",
            kaart=kaart(keuze.pad, lijst) if kaart else [],
            kaart_titel=f"{overzicht.kaart_titel} in {keuze.regio.naam}" if overzicht.kaart_titel else "",
            beschrijving=overzicht.beschrijving,
        )
