"""What the sections of the site need from a data set: lookups per gemeente and edit links."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urljoin

from ..agenda.models import AgendaItem
from ..agenda.overzicht import regios_van
from ..instellingen import Instellingen
from ..load import Dataset
from ..models import Aanbieder, Gezinshuis, InformeleSteun, KaartRecord, LokaalTeam, Record, Regio
from ..volledigheid import kaart_regios
from ..models.regio import Gemeente
from ..opendata.licentie import Licentie, licentie
from . import paden
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
        return paden.relatief(self.docs_dir, bron)

    def url(self, bron: str | None) -> str | None:
        if not (bron and self.repo_url and self.edit_uri):
            return None
        base = self.repo_url if self.repo_url.endswith("/") else self.repo_url + "/"
        return urljoin(base, self.edit_uri + self.pad(bron))


def _op_naam(record: object) -> str:
    return str(getattr(record, "naam", getattr(record, "id", "")))


class Index:
    """Every lookup the pages need, built in one pass over the data set.

    A national build asks these questions once per record or gemeente; answering each by
    walking all records made the build quadratic (issue 14). Lists are sorted once here.
    """

    def __init__(self, site: SiteData) -> None:
        ds = site.dataset
        self.gemeenten: dict[str, tuple[Regio, Gemeente]] = {}
        for regio in ds.regios.values():
            for g in regio.gemeenten:
                self.gemeenten.setdefault(g.code, (regio, g))
        self.teams = _groepen(((c, t) for t in ds.lokale_teams.values() for c in dict.fromkeys(t.gemeenten)), _op_naam)
        self.steun = _groepen(((c, i) for i in ds.informele_steun.values() for c in dict.fromkeys(site.steun_gemeenten(i))), _op_naam)
        huis_orde = lambda h: (h.plaats, h.naam)  # noqa: E731
        self.huizen = _groepen(((h.gemeente, h) for h in ds.gezinshuizen.values()), huis_orde)
        self.aanbieders = _groepen(((c, a) for a in ds.aanbieders.values() for c in dict.fromkeys(site.aanbieder_gemeenten(a))), _op_naam)
        self.huizen_van = _groepen(((h.aanbieder, h) for h in ds.gezinshuizen.values()), huis_orde)
        self.steun_van = _groepen(((i.aanbieder, i) for i in ds.informele_steun.values() if i.aanbieder), _op_naam)
        # The agenda's links with the sociale kaart, both ways (see agenda.overzicht.agenda_voor).
        self.agenda_items = {k: v for k, v in ds.of("agenda").items() if isinstance(v, AgendaItem)}
        per_record: dict[str, list[AgendaItem]] = defaultdict(list)
        per_map: dict[tuple[str, str], list[AgendaItem]] = defaultdict(list)
        for item in self.agenda_items.values():
            for ref in item.kaart:
                if "/" in ref:
                    per_record[ref].append(item)
                else:
                    per_map[(ref, item.regio)].append(item)
        self.agenda_per_record, self.agenda_per_map = per_record, per_map
        self.bijdragen = _groepen(
            ((ref, r) for r in ds.all() if isinstance(r, KaartRecord) for ref in dict.fromkeys(r.agenda)), _op_naam
        )
        self._in_regio: dict[str, dict[tuple[str, str], list[Record]]] = {}
        self.kaart_regios = kaart_regios(ds)  # asked for by every overview page: once, not per page

    def regios_van(self, record: Record) -> set[str]:
        return regios_van(record, self.regio_van)

    def regio_van(self, code: str) -> Regio | None:
        paar = self.gemeenten.get(code)
        return paar[0] if paar else None

    def in_regio(self, dataset: Dataset, folder: str, regio: str) -> list[Record]:
        if folder not in self._in_regio:
            paren = ((r_id, r) for r in dataset.of(folder).values() for r_id in self.regios_van(r))
            self._in_regio[folder] = _groepen(((regio_id, r) for regio_id, r in paren), _op_naam)  # type: ignore[misc]
        return self._in_regio[folder].get(regio, [])  # type: ignore[call-overload]


def _groepen(paren: Iterable[tuple[Any, Any]], orde: Callable[[Any], Any]) -> dict[Any, list[Any]]:
    """key -> values, each list sorted by `orde` (stable: ties keep the data set's order)."""
    groepen: dict[Any, list[Any]] = defaultdict(list)
    for sleutel, waarde in paren:
        groepen[sleutel].append(waarde)
    for lijst in groepen.values():
        lijst.sort(key=orde)
    return groepen


@dataclass
class SiteData:
    """A checked data set plus the build date, with the lookups pages share."""

    dataset: Dataset
    vandaag: date
    edit_links: EditLinks = field(default_factory=lambda: EditLinks(None, None))
    licentie: Licentie = field(default_factory=lambda: licentie(None))  # of the open data
    site_url: str | None = None  # mkdocs `site_url`: absolute links in what is read outside the site (widget, iCal, mails)
    instellingen: Instellingen | None = None  # extra.socialekaart; None only in tests of the domain
    # The whole data folder when mkdocs.yml selects regions (`dataset` is then the selection):
    # `mkdocs serve` checks a saved file against all of it, as a full build does.
    alles: Dataset | None = None

    def correctie_url(self, titel: str, bron: str | None, pad: str) -> str | None:
        """mailto: link for "Klopt er iets niet?" on the page of the record in `bron`."""
        if not (bron and self.instellingen):
            return None
        return correctie_mailto(self.instellingen.correctie_email, titel, bron, pagina_url(self.site_url, pad))

    versie: int = 0  # raised by `vernieuw()`: what was derived from an older version is stale
    _index: tuple[int, Index] | None = field(default=None, repr=False, compare=False)

    @property
    def index(self) -> Index:
        # Tagged with the version it was made from: in `mkdocs serve` a thread may finish
        # making one from the data a save has just changed, and it must not be used then.
        if (paar := self._index) is None or paar[0] != self.versie:
            versie = self.versie
            self._index = paar = (versie, Index(self))
        return paar[1]

    def vernieuw(self) -> None:
        """Records were changed in place (`mkdocs serve`): lookups and exports are made again."""
        self.versie += 1

    @property
    def regios(self) -> list[Regio]:
        return list(self.dataset.regios.values())

    @property
    def kaart_regios(self) -> list[Regio]:
        """Regions with a sociale kaart (see volledigheid.kaart_regios); others get no gemeente pages."""
        return self.index.kaart_regios

    def gemeenten(self) -> list[tuple[Regio, Gemeente]]:
        """Every gemeente of the regions with sociale-kaart data, sorted by name."""
        paren = [(regio, g) for regio in self.kaart_regios for g in regio.gemeenten]
        return sorted(paren, key=lambda p: p[1].naam)

    def gemeente(self, code: str) -> Gemeente | None:
        paar = self.index.gemeenten.get(code)
        return paar[1] if paar else None

    def regio_van(self, code: str) -> Regio | None:
        return self.index.regio_van(code)

    def regio_ids(self, codes: Iterable[str]) -> list[str]:
        """The regions of these gemeenten, each once."""
        return list(dict.fromkeys(r.id for c in codes if (r := self.regio_van(c))))

    def gemeente_naam(self, code: str) -> str:
        gemeente = self.gemeente(code)
        return gemeente.naam if gemeente else code

    def gemeente_codes(self, regio_id: str) -> list[str]:
        regio = self.dataset.regios.get(regio_id)
        return [g.code for g in regio.gemeenten] if regio else []

    # --- per gemeente ------------------------------------------------------------

    def teams_in(self, code: str) -> list[LokaalTeam]:
        return self.index.teams.get(code, [])

    def steun_gemeenten(self, item: InformeleSteun) -> list[str]:
        """The gemeenten an initiative works in; an empty list means the whole region."""
        return list(item.gemeenten) or self.gemeente_codes(item.regio)

    def steun_in(self, code: str) -> list[InformeleSteun]:
        return self.index.steun.get(code, [])

    def gezinshuizen_in(self, code: str) -> list[Gezinshuis]:
        return self.index.huizen.get(code, [])

    def aanbieder_gemeenten(self, aanbieder: Aanbieder) -> list[str]:
        if aanbieder.gemeenten:
            return list(aanbieder.gemeenten)
        return [code for regio_id in aanbieder.regios for code in self.gemeente_codes(regio_id)]

    def aanbieders_in(self, code: str) -> list[Aanbieder]:
        return self.index.aanbieders.get(code, [])

    # --- per aanbieder -------------------------------------------------------------

    def gezinshuizen_van(self, aanbieder_id: str) -> list[Gezinshuis]:
        return self.index.huizen_van.get(aanbieder_id, [])

    def steun_van(self, aanbieder_id: str) -> list[InformeleSteun]:
        return self.index.steun_van.get(aanbieder_id, [])

    def gemeente_namen(self, codes: list[str]) -> list[str]:
        return [self.gemeente_naam(c) for c in codes]

    # --- the agenda and the sociale kaart ------------------------------------------------

    def agenda_voor(self, record: Record, folder: str) -> list[AgendaItem]:
        """Agenda items a sociale-kaart record belongs to: its own `agenda:` refs, and items
        whose `kaart:` names this record (or its whole folder, for a record of that region)."""
        index = self.index
        eigen = record.agenda if isinstance(record, KaartRecord) else []
        found = {ref: index.agenda_items[ref] for ref in eigen if ref in index.agenda_items}
        for item in index.agenda_per_record.get(f"{folder}/{record.id}", []):
            found[item.id] = item
        for regio in index.regios_van(record):
            for item in index.agenda_per_map.get((folder, regio), []):
                found[item.id] = item
        return [found[k] for k in sorted(found)]

    def bijdragen(self, item: AgendaItem) -> list[KaartRecord]:
        """Sociale-kaart records that say (with `agenda:`) they contribute to this item."""
        return self.index.bijdragen.get(item.id, [])

    def records_in_regio(self, folder: str, regio: str) -> list[Record]:
        """Every record of a folder that belongs to a region (for `kaart: [lokale-teams]`)."""
        return self.index.in_regio(self.dataset, folder, regio)
