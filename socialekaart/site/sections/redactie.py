"""The editors' page: the completeness table of `socialekaart check`, per gemeente.

Not in the public navigation (parents have no use for it); editors bookmark it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...volledigheid import KOLOMMEN, rij, standen
from ..data import SiteData
from ..pagina import Pagina
from . import section

PAD = "redactie/"


@section
def redactie(site: SiteData) -> Iterator[Pagina]:
    lijst = standen(site.dataset, site.vandaag)
    per_regio: dict[str, list] = {}
    for stand in lijst:
        per_regio.setdefault(stand.regio.id, []).append(stand)
    yield Pagina(
        PAD,
        "redactie.html",
        {"per_regio": per_regio, "kolommen": KOLOMMEN, "rij": rij},
        titel="Volledigheid per gemeente (voor redacteuren)",
        beschrijving="Wat er per gemeente nog ontbreekt op de sociale kaart.",
    )
