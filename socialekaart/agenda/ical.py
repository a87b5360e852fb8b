"""An iCalendar feed per region: dated milestones and planned meetings of the agenda.

Only plannings with both ends known become events ("April 2022", "Q4 2022 t/m Q4 2023");
"2022 e.v.", "doorlopend" and "op indicatie" have no place in a calendar. Events are
all-day (DTEND is the day after the last day, as RFC 5545 says). UIDs come from the
record ids and positions, and DTSTAMP from the data, so the same data always gives the
same bytes: builds stay reproducible and calendar apps do not see changes that are none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from icalendar import Calendar, Event

from .models import Agenda, AgendaItem
from .planning import Planning

PRODID = "-//socialekaart//Regionale agenda jeugd//NL"
UID_DOMEIN = "agenda.socialekaart"
SAMENVATTING_MAX = 120
_EPOCH = date(2000, 1, 1)


@dataclass(frozen=True)
class Moment:
    """One calendar event before it becomes iCalendar text."""

    uid: str
    titel: str
    start: date
    eind: date  # inclusive
    beschrijving: str
    item: AgendaItem | None = None


def _planning(planning: Planning | None) -> str | None:
    """The 'Planning: ...' line of an event description, in the document's own words."""
    return f"Planning: {planning.tekst}" if planning else None


def _betrokkenen(betrokkenen: list[str]) -> str | None:
    return "Betrokkenen: " + "; ".join(betrokkenen) if betrokkenen else None


def _kort(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SAMENVATTING_MAX else text[: SAMENVATTING_MAX - 1].rstrip() + "…"


def _uid(*parts: object) -> str:
    return "-".join(str(p).replace("/", "-") for p in parts) + "@" + UID_DOMEIN


def _momenten(planning: Planning | None, uid: str, titel: str, beschrijving: str, item: AgendaItem | None) -> Iterator[Moment]:
    if planning is None:
        return
    if planning.soort == "datums":
        for k, day in enumerate(planning.datums, start=1):
            yield Moment(_uid(uid, "datum", k), titel, day, day, beschrijving, item)
    elif planning.begrensd:
        assert planning.start is not None and planning.eind is not None
        yield Moment(_uid(uid), titel, planning.start, planning.eind, beschrijving, item)


def _regels(*lines: str | None) -> str:
    return "\n".join(line for line in lines if line)


def momenten(regio: Agenda, items: Iterable[AgendaItem]) -> list[Moment]:
    """Every dated milestone and meeting of one region's agenda, in calendar order."""
    found: list[Moment] = []
    for b, bijeenkomst in enumerate(regio.bijeenkomsten, start=1):
        found += _momenten(
            bijeenkomst.planning, f"{regio.id}-bijeenkomst-{b}", bijeenkomst.titel,
            _regels(bijeenkomst.toelichting, _planning(bijeenkomst.planning), bijeenkomst.plaats and f"Plaats: {bijeenkomst.plaats}"),
            None,
        )
    for item in sorted(items, key=lambda i: i.id):
        base = item.id
        kop = f"{item.label}: {item.korte_titel or item.titel}"
        found += _momenten(item.planning, base, kop, _regels(item.titel, _planning(item.planning)), item)
        for r, resultaat in enumerate(item.resultaten, start=1):
            found += _momenten(
                resultaat.planning, f"{base}-resultaat-{r}", f"{kop} – {_kort(resultaat.omschrijving)}",
                _regels(
                    resultaat.omschrijving,
                    *(f"- {a.omschrijving}" for a in resultaat.activiteiten),
                    _betrokkenen(resultaat.betrokkenen),
                    _planning(resultaat.planning),
                ),
                item,
            )
            for a, activiteit in enumerate(resultaat.activiteiten, start=1):
                found += _momenten(
                    activiteit.planning, f"{base}-resultaat-{r}-activiteit-{a}", f"{kop} – {_kort(activiteit.omschrijving)}",
                    _regels(
                        activiteit.omschrijving,
                        f"Resultaat: {resultaat.omschrijving}",
                        _betrokkenen(activiteit.betrokkenen),
                        _planning(activiteit.planning),
                    ),
                    item,
                )
        for k, kpi in enumerate(item.kpis, start=1):
            found += _momenten(
                kpi.planning, f"{base}-kpi-{k}", f"{kop} – indicator: {_kort(kpi.naam)}",
                _regels(kpi.naam, kpi.streefwaarde and f"Doel: {kpi.streefwaarde}", _planning(kpi.planning)),
                item,
            )
        for b, bijeenkomst in enumerate(item.bijeenkomsten, start=1):
            found += _momenten(
                bijeenkomst.planning, f"{base}-bijeenkomst-{b}", f"{kop} – {bijeenkomst.titel}",
                _regels(bijeenkomst.toelichting, _planning(bijeenkomst.planning), bijeenkomst.plaats and f"Plaats: {bijeenkomst.plaats}"),
                item,
            )
    return sorted(found, key=lambda m: (m.start, m.eind, m.uid))


def tijdstempel(regio: Agenda, found: list[Moment]) -> datetime:
    """DTSTAMP from the data: when it was last updated, else the document date, else the last event."""
    day = regio.bijgewerkt_op or regio.brondocument.datum or max((m.start for m in found), default=_EPOCH)
    return datetime.combine(day, time(0, 0), tzinfo=timezone.utc)


def feed(regio: Agenda, items: Iterable[AgendaItem], item_url: Callable[[AgendaItem], str] | None = None, regio_naam: str | None = None) -> bytes:
    """The region's agenda as an iCalendar file (RFC 5545), identical for identical data."""
    found = momenten(regio, items)
    stamp = tijdstempel(regio, found)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # NAME is one line: icalendar refuses a newline there (a title may span lines in YAML).
    naam = " ".join(f"{regio.titel} – {regio_naam or regio.id}".split())
    calendar.add("name", naam)
    calendar.add("x-wr-calname", naam)
    calendar.add("description", f"Mijlpalen en bijeenkomsten uit {regio.brondocument.titel}")
    for moment in found:
        event = Event()
        event.add("uid", moment.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", moment.start)
        event.add("dtend", moment.eind + timedelta(days=1))
        event.add("summary", moment.titel)
        event.add("description", moment.beschrijving)
        event.add("transp", "TRANSPARENT")  # a milestone does not make anyone busy
        if moment.item is not None and item_url is not None:
            event.add("url", item_url(moment.item))
        calendar.add_component(event)
    return calendar.to_ical()
