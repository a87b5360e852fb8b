"""An iCalendar feed per region: milestones, planned meetings and recurring work of the agenda.

A calendar shows days, not plans: "Q4 2022 t/m Q4 2023" as an event of fifteen months would
cover every day in between. So each dated planning becomes one all-day *point* event: on
its date, at the start of a period ("Start: ..."), or at its end when the wording is a
deadline ("In 2022 gereed", an indicator's target: "Gereed: ..."). The description keeps the
wording of the document and the full period. Plannings with a rhythm ("maandelijks",
"jaarlijks in september") become one repeating event (RRULE) over the agenda's looptijd.
"Doorlopend", "op indicatie" and "nader te bepalen" have no place in a calendar.

UIDs come from the record ids and positions, and DTSTAMP from the data, so the same data
always gives the same bytes: builds stay reproducible and calendar apps see no false changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from .models import Agenda, AgendaItem
from .nu import lange_datum
from .planning import MAANDEN, Planning

PRODID = "-//socialekaart//Regionale agenda jeugd//NL"
UID_DOMEIN = "agenda.socialekaart"
SAMENVATTING_MAX = 90  # longer text is shortened at a sentence or clause, never cut mid-word
_EPOCH = date(2000, 1, 1)
_DEADLINE = re.compile(r"\b(gereed|klaar|afgerond|afronden|opgeleverd|opleveren|uiterlijk|vóór|voor)\b", re.IGNORECASE)

# Rhythm in the document's words -> RRULE parts. "3-4 keer per jaar" and "periodiek" have no
# fixed rhythm: they stay out of the calendar rather than repeat on made-up days.
_RITME: dict[str, dict] = {
    "maandelijks": {"freq": "MONTHLY"}, "elke maand": {"freq": "MONTHLY"}, "iedere maand": {"freq": "MONTHLY"},
    "eens per maand": {"freq": "MONTHLY"},
    "jaarlijks": {"freq": "YEARLY"}, "elk jaar": {"freq": "YEARLY"}, "ieder jaar": {"freq": "YEARLY"},
    "eens per jaar": {"freq": "YEARLY"},
    "halfjaarlijks": {"freq": "MONTHLY", "interval": 6}, "eens per half jaar": {"freq": "MONTHLY", "interval": 6},
    "driemaandelijks": {"freq": "MONTHLY", "interval": 3}, "per kwartaal": {"freq": "MONTHLY", "interval": 3},
    "elk kwartaal": {"freq": "MONTHLY", "interval": 3}, "ieder kwartaal": {"freq": "MONTHLY", "interval": 3},
    "eens per kwartaal": {"freq": "MONTHLY", "interval": 3},
    "wekelijks": {"freq": "WEEKLY"}, "tweewekelijks": {"freq": "WEEKLY", "interval": 2},
}
_KEER_PER_JAAR = re.compile(r"^(\d+)\s*(?:x|keer|maal) per jaar$")


@dataclass(frozen=True)
class Moment:
    """One calendar event before it becomes iCalendar text."""

    uid: str
    titel: str  # SUMMARY: short, never cut off
    start: date
    beschrijving: str  # DESCRIPTION: the full text and the document's planning
    url: str | None = None
    herhaling: dict = field(default_factory=dict)  # RRULE parts; empty for a single day


def ritme(planning: Planning) -> tuple[dict, int] | None:
    """RRULE parts and the month the repetition starts in, for a recurring planning."""
    if planning.soort != "terugkerend" or not planning.frequentie:
        return None
    text = planning.frequentie.lower()
    maand = 1
    if m := re.fullmatch(r"(.+) in ([a-z]+)", text):
        text, maand = m[1], MAANDEN.get(m[2], 1)
    if text in _RITME:
        regel = dict(_RITME[text])
    elif (m := _KEER_PER_JAAR.match(text)) and 0 < int(m[1]) <= 12 and 12 % int(m[1]) == 0:
        regel = {"freq": "MONTHLY", "interval": 12 // int(m[1])}
    else:
        return None
    if regel.get("interval") == 1:
        del regel["interval"]
    if regel["freq"] == "YEARLY" and maand != 1:
        regel["bymonth"] = maand
    return regel, maand


def kort(text: str, anders: str | None = None) -> str:
    """A title for a calendar line: the text itself, its first sentence or clause, or else
    `anders` (a short name such as 'Lokale teams versterken – resultaat 3'); never cut off."""
    text = " ".join(text.split())
    if len(text) <= SAMENVATTING_MAX:
        return text
    zonder_haakjes = re.sub(r"\s*\([^()]*\)", "", text)  # the details in brackets go to the description
    if 5 <= len(zonder_haakjes) <= SAMENVATTING_MAX:
        return zonder_haakjes
    for teken in (". ", ": ", "; ", " – ", " - ", ", "):
        kop = text.split(teken, 1)[0].strip()
        if 15 <= len(kop) <= SAMENVATTING_MAX and kop.count("(") == kop.count(")"):
            return kop
    return anders or text


def _nr(nummer: object, positie: int) -> str:
    """The number as the document writes it, else the position."""
    return str(nummer) if nummer is not None else str(positie)


def _uid(*parts: object) -> str:
    return "-".join(str(p).replace("/", "-") for p in parts) + "@" + UID_DOMEIN


def _regels(*lines: str | None) -> str:
    return "\n".join(line for line in lines if line)


def _periode(planning: Planning) -> str:
    if planning.start is None or planning.eind is None or planning.start == planning.eind:
        return f"Planning: {planning.tekst}"
    return f"Planning: {planning.tekst} ({lange_datum(planning.start)} tot en met {lange_datum(planning.eind)})"


@dataclass
class _Bron:
    """Where events of one part come from: uid base, text, extra lines, link."""

    uid: str
    tekst: str
    regels: list[str | None]
    url: str | None
    deadline: bool = False  # an indicator's target date: the end counts
    anders: str | None = None  # short name when the text is too long for a calendar line


def _momenten(planning: Planning | None, bron: _Bron, agenda: Agenda) -> Iterator[Moment]:
    if planning is None:
        return
    titel = kort(bron.tekst, bron.anders)
    volledig = bron.tekst if titel != " ".join(bron.tekst.split()) else None
    beschrijving = _regels(volledig, *bron.regels, _periode(planning), bron.url and f"Meer informatie: {bron.url}")
    if planning.soort == "datums":
        for k, day in enumerate(planning.datums, start=1):
            yield Moment(_uid(bron.uid, "datum", k), titel, day, beschrijving, bron.url)
    elif planning.soort == "datum" and planning.start is not None:
        yield Moment(_uid(bron.uid), titel, planning.start, beschrijving, bron.url)
    elif planning.begrensd:
        assert planning.start is not None and planning.eind is not None
        if bron.deadline or _DEADLINE.search(planning.tekst):
            yield Moment(_uid(bron.uid), f"Gereed: {titel}", planning.eind, beschrijving, bron.url)
        else:
            yield Moment(_uid(bron.uid), f"Start: {titel}", planning.start, beschrijving, bron.url)
    elif (gevonden := ritme(planning)) and agenda.van is not None:
        regel, maand = gevonden
        if agenda.tot_en_met is not None:
            regel = {**regel, "until": date(agenda.tot_en_met, 12, 31)}
        yield Moment(_uid(bron.uid), titel, date(agenda.van, maand, 1), beschrijving, bron.url, regel)


def momenten(regio: Agenda, items: Iterable[AgendaItem], item_url: Callable[[AgendaItem], str] | None = None,
             regio_url: str | None = None) -> list[Moment]:
    """Every milestone, meeting and recurring activity of one region's agenda, in calendar order."""
    found: list[Moment] = []
    for b, bijeenkomst in enumerate(regio.bijeenkomsten, start=1):
        found += _momenten(bijeenkomst.planning, _Bron(
            f"{regio.id}-bijeenkomst-{b}", bijeenkomst.titel,
            [bijeenkomst.toelichting, bijeenkomst.plaats and f"Plaats: {bijeenkomst.plaats}"], regio_url), regio)
    for item in sorted(items, key=lambda i: i.id):
        base = item.id
        url = item_url(item) if item_url else None
        onderdeel = f"Onderdeel: {item.label}: {item.titel}"
        naam = item.korte_titel or item.label
        found += _momenten(item.planning, _Bron(base, f"{item.label}: {item.korte_titel or item.titel}", [onderdeel], url), regio)
        for r, resultaat in enumerate(item.resultaten, start=1):
            found += _momenten(resultaat.planning, _Bron(
                f"{base}-resultaat-{r}", resultaat.omschrijving,
                [onderdeel, *(f"- {a.omschrijving}" for a in resultaat.activiteiten),
                 resultaat.betrokkenen and "Betrokkenen: " + "; ".join(resultaat.betrokkenen)], url,
                anders=f"{naam} – resultaat {_nr(resultaat.nummer, r)}"), regio)
            for a, activiteit in enumerate(resultaat.activiteiten, start=1):
                found += _momenten(activiteit.planning, _Bron(
                    f"{base}-resultaat-{r}-activiteit-{a}", activiteit.omschrijving,
                    [onderdeel, f"Resultaat: {resultaat.omschrijving}",
                     activiteit.betrokkenen and "Betrokkenen: " + "; ".join(activiteit.betrokkenen)], url,
                    anders=f"{naam} – activiteit {_nr(resultaat.nummer, r)}{_nr(activiteit.nummer, a)}"), regio)
        for k, kpi in enumerate(item.kpis, start=1):
            found += _momenten(kpi.planning, _Bron(
                f"{base}-kpi-{k}", f"Indicator: {kpi.naam}", [onderdeel, kpi.streefwaarde and f"Doel: {kpi.streefwaarde}"],
                url, deadline=True, anders=f"{naam} – indicator {_nr(kpi.nummer, k)}"), regio)
        for b, bijeenkomst in enumerate(item.bijeenkomsten, start=1):
            found += _momenten(bijeenkomst.planning, _Bron(
                f"{base}-bijeenkomst-{b}", bijeenkomst.titel,
                [onderdeel, bijeenkomst.toelichting, bijeenkomst.plaats and f"Plaats: {bijeenkomst.plaats}"], url), regio)
    return sorted(found, key=lambda m: (m.start, m.uid))


def tijdstempel(regio: Agenda) -> datetime:
    """DTSTAMP from the data: the day the agenda was last brought up to date."""
    return datetime.combine(regio.bijgewerkt_op, time(0, 0), tzinfo=timezone.utc)


def feed(regio: Agenda, items: Iterable[AgendaItem], item_url: Callable[[AgendaItem], str] | None = None,
         regio_naam: str | None = None, regio_url: str | None = None) -> bytes:
    """The region's agenda as an iCalendar file (RFC 5545), identical for identical data.

    `item_url` and `regio_url` give absolute links (they need the site's URL); without them
    the events carry no URL.
    """
    found = momenten(regio, items, item_url, regio_url)
    stamp = tijdstempel(regio)
    # Imported here: the build makes the feeds in its helper process, so the main process
    # never pays for importing icalendar (a third of a second).
    from icalendar import Calendar, Event

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
    if regio_url:
        calendar.add("url", regio_url)
    for moment in found:
        event = Event()
        event.add("uid", moment.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", moment.start)
        event.add("dtend", moment.start + timedelta(days=1))  # all-day: DTEND is the next day (RFC 5545)
        if moment.herhaling:
            event.add("rrule", moment.herhaling)
        event.add("summary", moment.titel)
        event.add("description", moment.beschrijving)
        event.add("transp", "TRANSPARENT")  # a milestone does not make anyone busy
        if moment.url:
            event.add("url", moment.url)
        calendar.add_component(event)
    return calendar.to_ical()
