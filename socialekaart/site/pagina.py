"""One generated page, described without any MkDocs types."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

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
    beschrijving: str | None = None  # for <meta name="description">

    @property
    def src_uri(self) -> str:
        return f"{self.pad}index.md"

    @property
    def kaart_uri(self) -> str | None:
        return f"{self.pad}kaart.html" if self.kaart else None
