"""The agenda seen from the build date: which quarter it is, whether the agenda still runs,
what is planned now and next, which meetings come up and which statuses changed lately.

Everything takes `vandaag` as an argument (the build date), so a build on a given day
always gives the same pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .models import Activiteit, Agenda, AgendaItem, Resultaat
from .overzicht import PlanningRegel, planning_regels

Kwartaal = tuple[int, int]
RECENT_DAGEN = 183  # "recently changed": the last half year, like the staleness warning
MAAND_NAMEN = ["", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december"]


def kwartaal(day: date) -> Kwartaal:
    return (day.year, (day.month - 1) // 3 + 1)


def volgend(k: Kwartaal) -> Kwartaal:
    return (k[0] + 1, 1) if k[1] == 4 else (k[0], k[1] + 1)


def kwartaal_naam(k: Kwartaal) -> str:
    return f"Q{k[1]} {k[0]}"


def kwartaal_einde(k: Kwartaal) -> date:
    year, quarter = volgend(k)
    return date(year, 3 * quarter - 2, 1) - timedelta(days=1)


def lange_datum(day: date) -> str:
    return f"{day.day} {MAAND_NAMEN[day.month]} {day.year}"


@dataclass(frozen=True)
class Looptijd:
    """Whether the agenda still runs on the build date, in one sentence."""

    loopt: bool
    tekst: str  # 'Loopt tot 31 december 2025' / 'Afgelopen op 31 december 2021'
    eindigt_binnenkort: bool = False


def looptijd(agenda: Agenda, vandaag: date) -> Looptijd:
    if agenda.tot_en_met is None:
        sinds = f" (sinds {agenda.van})" if agenda.van else ""
        return Looptijd(True, f"Loopt tot nader order{sinds}: het document noemt geen einddatum")
    einde = date(agenda.tot_en_met, 12, 31)
    if einde < vandaag:
        return Looptijd(False, f"Afgelopen op {lange_datum(einde)}")
    return Looptijd(True, f"Loopt tot {lange_datum(einde)}", eindigt_binnenkort=(einde - vandaag).days <= 92)


def raakt(regel: PlanningRegel, k: Kwartaal) -> bool:
    """Does this planning line say something happens in quarter `k`?"""
    p = regel.planning
    if p is None:
        return False
    if p.soort == "vanaf" and p.start is not None:
        return kwartaal(p.start) <= k
    return k in p.kwartalen()


@dataclass
class NuOverzicht:
    """'Wat gebeurt er nu': this quarter, next quarter, and meetings still to come."""

    nu: Kwartaal
    volgende: Kwartaal
    dit_kwartaal: list[PlanningRegel] = field(default_factory=list)
    volgend_kwartaal: list[PlanningRegel] = field(default_factory=list)  # only what starts then
    doorlopend: int = 0  # 'doorlopend' and recurring lines: always 'now', counted, not listed
    bijeenkomsten: list[PlanningRegel] = field(default_factory=list)  # from today on
    laatste_planning: date | None = None  # the last dated day in the planning, if all lies behind

    @property
    def leeg(self) -> bool:
        return not (self.dit_kwartaal or self.volgend_kwartaal or self.bijeenkomsten)


def wat_nu(items: Iterable[AgendaItem], agenda: Agenda, vandaag: date) -> NuOverzicht:
    nu = kwartaal(vandaag)
    overzicht = NuOverzicht(nu, volgend(nu))
    regels = planning_regels(items, agenda)
    for regel in regels:
        p = regel.planning
        if p is None:
            continue
        if p.soort in ("doorlopend", "terugkerend"):
            overzicht.doorlopend += 1
            continue
        if regel.bijeenkomst and p.start is not None and (p.eind or p.start) >= vandaag:
            overzicht.bijeenkomsten.append(regel)
            continue
        if raakt(regel, nu):
            overzicht.dit_kwartaal.append(regel)
        elif raakt(regel, overzicht.volgende):
            overzicht.volgend_kwartaal.append(regel)
    dagen = [d for r in regels if r.planning for d in (r.planning.eind, r.planning.start) if d is not None]
    if dagen and max(dagen) < vandaag:
        overzicht.laatste_planning = max(dagen)
    return overzicht


def open_jaar(jaren: list[int], vandaag: date) -> int | None:
    """The year a planning page opens at: this year, else the nearest year in the planning
    (the later one on a tie)."""
    return min(jaren, key=lambda j: (abs(j - vandaag.year), -j)) if jaren else None


def is_nu(regel: PlanningRegel, vandaag: date) -> bool:
    """Planning lines marked on the planning page: they touch the build date's quarter."""
    return raakt(regel, kwartaal(vandaag))


# --- status changes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Wijziging:
    """A status with a date: shown under 'recently changed'."""

    op: date
    item: AgendaItem
    resultaat: Resultaat | None
    activiteit: Activiteit | None
    status: str
    toelichting: str | None

    @property
    def wat(self) -> str:
        if self.activiteit is not None:
            return self.activiteit.omschrijving
        if self.resultaat is not None:
            return self.resultaat.omschrijving
        return self.item.titel


def wijzigingen(items: Iterable[AgendaItem]) -> list[Wijziging]:
    """Every dated status of items, results and activities, newest first."""
    found: list[Wijziging] = []
    for item in items:
        if item.status and item.status_op:
            found.append(Wijziging(item.status_op, item, None, None, item.status, item.status_toelichting))
        for resultaat in item.resultaten:
            if resultaat.status and resultaat.status_op:
                found.append(Wijziging(resultaat.status_op, item, resultaat, None, resultaat.status, resultaat.status_toelichting))
            for a in resultaat.activiteiten:
                if a.status and a.status_op:
                    found.append(Wijziging(a.status_op, item, resultaat, a, a.status, a.status_toelichting))
    return sorted(found, key=lambda w: (w.op, w.item.id), reverse=True)


def recent(found: list[Wijziging], vandaag: date, aantal: int = 10) -> list[Wijziging]:
    """The newest changes of the last half year; when none are that new, the newest few,
    so the page still says when the last news was."""
    nieuw = [w for w in found if (vandaag - w.op).days <= RECENT_DAGEN]
    return (nieuw or found)[:aantal]
