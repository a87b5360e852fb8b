"""The regional agenda: an overview of all regions, and per region its items, planning,
status counts, budget and a calendar feed. The figures come from `socialekaart.agenda`."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from ...agenda import nu as nu_
from ...agenda import overzicht as ov
from ...agenda.grafiek import kernpunt, staafgrafiek, tijdlijn, trend, trend_rijen
from ...agenda.ical import feed
from ...agenda.models import SOORT_LABELS, STATUS_LABELS, Agenda, AgendaItem
from .. import paden
from ..data import SiteData
from ..pagina import Pagina
from . import files, record_pagina, section

FEED = "agenda.ics"


def _agendas(site: SiteData) -> list[Agenda]:
    agendas = [a for a in site.dataset.of("agendas").values() if isinstance(a, Agenda)]
    return sorted(agendas, key=lambda a: _regio_naam(site, a.id))


def _regio_naam(site: SiteData, regio: str) -> str:
    r = site.dataset.regios.get(regio)
    return r.naam if r else regio


def feed_pad(regio: str) -> str:
    return paden.agenda(regio) + FEED


def _gebied_naam(site: SiteData):
    def naam(gebied: str) -> str:
        if gebied == "regio":
            return "Hele regio"
        if gebied == "landelijk":
            return "Landelijk gemiddelde"
        return site.gemeente_naam(gebied)
    return naam


HELPERS = {
    "bedrag": ov.bedrag,
    "getal": ov.getal,
    "aantal": ov.aantal,
    "SOORT_LABELS": SOORT_LABELS,
    "STATUS_LABELS": STATUS_LABELS,
    "feed_pad": feed_pad,
}


@section
def agenda(site: SiteData) -> Iterator[Pagina]:
    agendas = _agendas(site)
    per_regio = {a.id: ov.items_van(site.dataset, a.id) for a in agendas}
    vandaag = site.vandaag
    is_nu = partial(nu_.is_nu, vandaag=vandaag)
    looptijden = {a.id: nu_.looptijd(a, vandaag) for a in agendas}
    yield Pagina(
        paden.agenda(),
        "agenda/overzicht.html",
        {"agendas": agendas, "per_regio": per_regio, "regio_naam": partial(_regio_naam, site), "looptijden": looptijden, **HELPERS},
        titel="Regionale agenda jeugd",
        in_nav=True,
        beschrijving="Waar de gemeenten in de regio samen aan werken in de jeugdhulp: ambities, planning en voortgang.",
    )
    for a in agendas:
        items = per_regio[a.id]
        naam = _regio_naam(site, a.id)
        per_item, totaal = ov.tellingen(items)
        planning = ov.planning_overzicht(items, a)
        begrotingen = ov.begroting_tabellen(a, items)
        wijzigingen = nu_.wijzigingen(items)
        basis = {"agenda": a, "regio_naam": naam, "items": items, "looptijd": looptijden[a.id],
                 "nu_kwartaal": nu_.kwartaal_naam(nu_.kwartaal(vandaag)), **HELPERS}
        yield Pagina(
            paden.agenda(a.id), "agenda/regio.html",
            {**basis, "groepen": ov.groepen(items), "tellingen": dict(zip((i.id for i in items), per_item)),
             "totaal": totaal, "begrotingen": begrotingen, "heeft_planning": bool(planning.gedateerd or planning.doorlopend or planning.op_indicatie),
             "wat_nu": nu_.wat_nu(items, a, vandaag), "recent": nu_.recent(wijzigingen, vandaag, 5),
             "kerncijfers": [_kpi(site, kpi) for kpi in a.kerncijfers]},
            titel=f"{a.titel} – {naam}", bron=a.bron,
            beschrijving=f"De regionale agenda jeugd van {naam}: {a.periode}.",
        )
        yield Pagina(
            paden.agenda(a.id) + "planning/", "agenda/planning.html",
            {**basis, "overzicht": planning, "is_nu": is_nu, "open_jaar": nu_.open_jaar(list(planning.per_jaar), vandaag),
             "tijdlijn": tijdlijn(planning.gedateerd, a.tot_en_met, vandaag, is_nu)},
            titel=f"Planning – {naam}", bron=a.bron,
            beschrijving=f"Wat de regio {naam} wanneer doet, per jaar en kwartaal.",
        )
        yield Pagina(
            paden.agenda(a.id) + "stand-van-zaken/", "agenda/status.html",
            {**basis, "per_item": per_item, "totaal": totaal,
             "status_kolommen": ov.status_kolommen(totaal), "schaal_kolommen": ov.schaal_kolommen(totaal),
             "planning_labels": _planning_labels(), "recent": nu_.recent(wijzigingen, vandaag), "met_datum": len(wijzigingen),
             "onderdelen_per_status": ov.onderdelen_per_status(items)},
            titel=f"Stand van zaken – {naam}", bron=a.bron,
            beschrijving=f"Hoeveel resultaten en activiteiten de agenda van {naam} heeft, per status en schaalniveau.",
        )
        if begrotingen:
            yield Pagina(
                paden.agenda(a.id) + "begroting/", "agenda/begroting.html",
                {**basis, "begrotingen": begrotingen},
                titel=f"Begroting – {naam}", bron=a.bron,
                beschrijving=f"Kosten en inzet van de regionale agenda jeugd van {naam}, met totalen.",
            )
        for item in items:
            yield _item_pagina(site, a, naam, item, items)


def _planning_labels() -> dict[str, str]:
    from ...agenda.planning import SOORT_LABELS as PLANNING_SOORTEN

    return {**PLANNING_SOORTEN, ov.NIET_VERMELD: "geen planning in het document"}


def _kpi(site: SiteData, kpi) -> ov.KpiWeergave:
    """An indicator with its table, a chart (a trend line for several periods, else bars)
    and the one-line takeaway."""
    tabel = ov.kpi_tabel(kpi, _gebied_naam(site))
    if tabel is None:
        return ov.KpiWeergave(kpi, None)
    lijnen = trend_rijen(tabel)
    if lijnen is not None:
        return ov.KpiWeergave(kpi, tabel, trend=trend(lijnen), kernpunt=kernpunt(tabel))
    # The region total of summable figures would dwarf the gemeenten; the table shows it.
    grafiek_tabel = tabel.zonder("regio") if kpi.optelbaar and len(tabel.codes) > 1 else tabel
    return ov.KpiWeergave(kpi, tabel, staaf=staafgrafiek(grafiek_tabel), kernpunt=kernpunt(tabel))


@record_pagina("agenda")
def agendapunt(site: SiteData, item: AgendaItem) -> Pagina | None:
    """The page of one item (in `mkdocs serve`, before the rest of its agenda's pages)."""
    a = site.dataset.of("agendas").get(item.regio)
    if not isinstance(a, Agenda):
        return None
    return _item_pagina(site, a, _regio_naam(site, a.id), item, ov.items_van(site.dataset, a.id))


def _item_pagina(site: SiteData, a: Agenda, naam: str, item: AgendaItem, items: list[AgendaItem]) -> Pagina:
    kpis = [_kpi(site, kpi) for kpi in item.kpis]
    links = ov.kaart_links(site.dataset, item)
    regio_records = {link.folder: site.records_in_regio(link.folder, item.regio) for link in links if link.record is None}
    verwant = [i for i in items if i.slug in item.hoort_bij]
    terug = [i for i in items if item.slug in i.hoort_bij]  # e.g. the projects that build on a principe
    return Pagina(
        paden.agendapunt(item.id), "agenda/item.html",
        {"agenda": a, "regio_naam": naam, "item": item, "kpis": kpis, "kaart_links": links, "regio_records": regio_records,
         "bijdragen": site.bijdragen(item), "verwant": verwant, "terug": terug, "budget_totalen": ov.item_budget(item),
         "telling": ov.telling(item), "looptijd": nu_.looptijd(a, site.vandaag), "gemeente_naam": site.gemeente_naam, **HELPERS},
        titel=f"{item.label}: {item.korte_titel or item.titel}",
        bron=item.bron,
        beschrijving=item.samenvatting or item.titel,
    )


@files
def agenda_feeds(site: SiteData) -> dict[str, bytes]:
    """One iCalendar file per region, next to the region's agenda page."""
    basis = site.site_url.rstrip("/") + "/" if site.site_url else None
    bestanden = {}
    for a in _agendas(site):
        item_url = (lambda item: basis + paden.agendapunt(item.id)) if basis else None
        bestanden[feed_pad(a.id)] = feed(a, ov.items_van(site.dataset, a.id), item_url, _regio_naam(site, a.id),
                                         basis + paden.agenda(a.id) if basis else None)
    return bestanden
