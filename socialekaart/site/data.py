"""What the sections of the site need from a data set: lookups per gemeente and edit links."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urljoin

from ..instellingen import Instellingen
from ..load import Dataset
from ..volledigheid import kaart_regios
from ..models import Aanbieder, Gezinshuis, InformeleSteun, LokaalTeam, Regio
from ..models.regio import Gemeente
from ..opendata.licentie import Licentie, licentie
from .correctie import correctie_mailto, pagina_url


@dataclass(frozen=True)
class EditLinks:
    """Builds "edit this file" URLs the way MkDocs does: repo_url + edit_uri + path.

    `edit_uri` points at the docs folder (e.g. 'edit/main/content/'); a record's YAML file
    lives beside it, so its path is made relative to `docs_dir` ('../data/...').
    """

    repo_url: str | None
    edit_uri: str | None
    docs_dir: str = "content"  # relative to the repository root

    def pad(self, bron: str) -> str:
        """`bron` (repo-relative) as seen from the docs folder, which is what edit_uri expects."""
        return posixpath.relpath(bron, self.docs_dir)

    def url(self, bron: str | None) -> str | None:
        if not (bron and self.repo_url and self.edit_uri):
            return None
        base = self.repo_url if self.repo_url.endswith("/") else self.repo_url + "/"
        return urljoin(base, self.edit_uri + self.pad(bron))


@dataclass
class SiteData:
    """A checked data set plus the build date, with the lookups pages share."""

    dataset: Dataset
    vandaag: date
    edit_links: EditLinks = field(default_factory=lambda: EditLinks(None, None))
    licentie: Licentie = field(default_factory=lambda: licentie(None))  # of the open data
    site_url: str | None = None  # mkdocs `site_url`: absolute links in what is read outside the site (widget, iCal, mails)
    instellingen: Instellingen | None = None  # extra.socialekaart; None only in tests of the domain

    def correctie_url(self, titel: str, bron: str | None, pad: str) -> str | None:
        """mailto: link for "Klopt er iets niet?" on the page of the record in `bron`."""
        if not (bron and self.instellingen):
            return None
        return correctie_mailto(self.instellingen.correctie_email, titel, bron, pagina_url(self.site_url, pad))

    @property
    def regios(self) -> list[Regio]:
        return list(self.dataset.regios.values())

    @property
    def kaart_regios(self) -> list[Regio]:
        """Regions with a sociale kaart (see volledigheid.kaart_regios); others get no gemeente pages."""
        return kaart_regios(self.dataset)

    def gemeenten(self) -> list[tuple[Regio, Gemeente]]:
        """Every gemeente of the regions with sociale-kaart data, sorted by name."""
        paren = [(regio, g) for regio in self.kaart_regios for g in regio.gemeenten]
        return sorted(paren, key=lambda p: p[1].naam)

    def gemeente(self, code: str) -> Gemeente | None:
        return next((g for regio in self.regios if (g := regio.gemeente(code))), None)

    def gemeente_codes(self, regio_id: str) -> list[str]:
        regio = self.dataset.regios.get(regio_id)
        return [g.code for g in regio.gemeenten] if regio else []

    # --- per gemeente ------------------------------------------------------------

    def teams_in(self, code: str) -> list[LokaalTeam]:
        return sorted((t for t in self.dataset.lokale_teams.values() if code in t.gemeenten), key=lambda t: t.naam)

    def steun_gemeenten(self, item: InformeleSteun) -> list[str]:
        """The gemeenten an initiative works in; an empty list means the whole region."""
        return list(item.gemeenten) or self.gemeente_codes(item.regio)

    def steun_in(self, code: str) -> list[InformeleSteun]:
        items = (i for i in self.dataset.informele_steun.values() if code in self.steun_gemeenten(i))
        return sorted(items, key=lambda i: i.naam)

    def gezinshuizen_in(self, code: str) -> list[Gezinshuis]:
        huizen = (h for h in self.dataset.gezinshuizen.values() if h.gemeente == code)
        return sorted(huizen, key=lambda h: (h.plaats, h.naam))

    def aanbieder_gemeenten(self, aanbieder: Aanbieder) -> list[str]:
        if aanbieder.gemeenten:
            return list(aanbieder.gemeenten)
        return [code for regio_id in aanbieder.regios for code in self.gemeente_codes(regio_id)]

    def aanbieders_in(self, code: str) -> list[Aanbieder]:
        found = (a for a in self.dataset.aanbieders.values() if code in self.aanbieder_gemeenten(a))
        return sorted(found, key=lambda a: a.naam)

    # --- per aanbieder -------------------------------------------------------------

    def gezinshuizen_van(self, aanbieder_id: str) -> list[Gezinshuis]:
        huizen = (h for h in self.dataset.gezinshuizen.values() if h.aanbieder == aanbieder_id)
        return sorted(huizen, key=lambda h: (h.plaats, h.naam))

    def steun_van(self, aanbieder_id: str) -> list[InformeleSteun]:
        items = (i for i in self.dataset.informele_steun.values() if i.aanbieder == aanbieder_id)
        return sorted(items, key=lambda i: i.naam)

    def gemeente_namen(self, codes: list[str]) -> list[str]:
        return [self.dataset.gemeente_naam(c) for c in codes]
