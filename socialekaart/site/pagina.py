"""One generated page, described without any MkDocs types."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..maps import GEDEELDE_KAART, kaart_parameters
from . import paden

if TYPE_CHECKING:
    from ..maps import Punt


@dataclass
class Pagina:
    """A page the site generates from data.

    `pad` is the page's directory on the site ('lokale-teams/sociaal-team-woerden/',
    '' for the home page); the page itself becomes `<pad>index.md`, so a map next to it
    can be the file `<pad>kaart.html` whatever `use_directory_urls` says.
    """

    pad: str
    template: str
    context: Mapping[str, Any]
    titel: str
    bron: str | None = None  # repo-relative YAML file shown on this page: the edit link opens it
    in_nav: bool = False  # overview pages only; record pages stay out of the nav (nav size)
    kaart: list[Punt] = field(default_factory=list)
    kaart_titel: str = ""
    # A record's own few places: shown by the one shared map document (its address says
    # which), instead of a map file per record — 6,808 files nationally otherwise.
    kaart_gedeeld: bool = False
    beschrijving: str | None = None  # for <meta name="description">
    # Context that describes the site's other files (the open-data page: their sizes), made
    # from them once they exist: src_uri -> content. The files are made while pages render.
    over_bestanden: Callable[[Mapping[str, str | bytes]], Mapping[str, Any]] | None = None

    @property
    def src_uri(self) -> str:
        return f"{self.pad}index.md"

    @property
    def kaart_uri(self) -> str | None:
        """The page's own map document, if it needs one."""
        return f"{self.pad}kaart.html" if self.kaart and not self.kaart_gedeeld else None

    @property
    def kaart_src(self) -> str:
        """What the page's map iframe loads: its own document, or the shared one with the places."""
        if not self.kaart_gedeeld:
            return "kaart.html"
        gedeeld = paden.relative_url(self.pad, paden.KAART_ASSETS + GEDEELDE_KAART)
        return gedeeld + kaart_parameters(self.kaart, self.kaart_titel or self.titel)
