"""Planning wording from the agenda documents, normalised for sorting and timelines.

The documents write planning the way people talk: "April 2022", "Q4 2022 t/m Q4 2023",
"2022 e.v.", "jaarlijks in sept", "op indicatie". The site shows that wording as written,
but needs dates to sort, group per quarter and write calendar events. `normaliseer()`
turns the wording into a `Planning` (kind, first and last day) or raises `PlanningFout`
with a Dutch message that lists the forms it understands.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Soort = Literal[
    "datum",  # one day
    "datums",  # a few separate days ("23 maart, 20 april")
    "maand",
    "kwartaal",
    "deel-van-jaar",  # half year, season, begin/medio/eind of a year
    "jaar",
    "periode",  # from one moment to another ("Q4 2022 t/m Q4 2023")
    "vanaf",  # starts, no end ("2022 e.v.", "vanaf juli 2023")
    "doorlopend",
    "terugkerend",  # "jaarlijks", "periodiek 4x per jaar"
    "op-indicatie",  # only when needed
    "onbepaald",  # "nader te bepalen"
]

SOORT_LABELS: dict[str, str] = {
    "datum": "datum",
    "datums": "data",
    "maand": "maand",
    "kwartaal": "kwartaal",
    "deel-van-jaar": "deel van een jaar",
    "jaar": "jaar",
    "periode": "periode",
    "vanaf": "vanaf",
    "doorlopend": "doorlopend",
    "terugkerend": "terugkerend",
    "op-indicatie": "op indicatie",
    "onbepaald": "nog niet bepaald",
}

# Shown in every error, so an editor sees at once what they may write.
VORMEN = (
    "'2022-05-11' of '11 mei 2022' (datum), 'april 2022' (maand), 'Q4 2022' (kwartaal), "
    "'1e helft 2023', 'najaar 2022', 'medio 2023' (deel van een jaar), '2022' (jaar), "
    "'Q4 2022 t/m Q4 2023' of 'april - juni 2022' (periode), '2022 e.v.' of 'vanaf juli 2023' (vanaf), "
    "'doorlopend', 'jaarlijks', 'jaarlijks in september', 'periodiek 4x per jaar', 'maandelijks' (terugkerend), "
    "'op indicatie', 'nader te bepalen'"
)

MAANDEN = {
    "januari": 1, "jan": 1,
    "februari": 2, "feb": 2, "febr": 2,
    "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
MAAND_NAMEN = ["", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december"]

# Parts of a year: (first month, last month).
DELEN = {
    "begin": (1, 3), "start": (1, 3), "eind": (10, 12), "einde": (10, 12), "medio": (5, 8), "halverwege": (5, 8),
    "voorjaar": (3, 5), "zomer": (6, 8), "najaar": (9, 11), "winter": (12, 12),
    "1e helft": (1, 6), "eerste helft": (1, 6), "2e helft": (7, 12), "tweede helft": (7, 12),
    "1e half jaar": (1, 6), "eerste half jaar": (1, 6), "2e half jaar": (7, 12), "tweede half jaar": (7, 12),
    "1e halfjaar": (1, 6), "2e halfjaar": (7, 12),
}

_PERIODE = r"(?:jaar|half ?jaar|maand|week|kwartaal|\d+ (?:weken|maanden))"
_TERUGKEREND = re.compile(
    r"^(?:(?:periodiek|structureel)\s*)?(?P<freq>jaarlijks|halfjaarlijks|maandelijks|wekelijks|tweewekelijks|dagelijks|"
    r"driemaandelijks|per kwartaal|elk kwartaal|ieder kwartaal|elke maand|iedere maand|elk jaar|ieder jaar|"
    rf"(?:\d+\s*(?:-\s*\d+\s*)?|een|één|eén)\s*(?:x|keer|maal)\s+per\s+{_PERIODE}|eens per {_PERIODE})?"
    r"(?:\s+(?:in|rond)\s+(?P<maand>[a-z]+))?$"
)
_DOORLOPEND = {"doorlopend", "continu", "permanent", "structureel", "blijvend", "lopend"}
_OP_INDICATIE = {"op indicatie", "indien nodig", "zo nodig", "waar nodig", "bij behoefte", "op verzoek", "ad hoc"}
_ONBEPAALD = {"nader te bepalen", "n.t.b.", "ntb", "nog te bepalen", "p.m.", "pm", "n.o.t.k.", "nog niet bekend"}
# "In 2022 ontwikkelen": the document says when, followed by what happens then.
_WERKWOORDEN = ("ontwikkelen", "uitvoeren", "afronden", "gereed", "klaar", "starten", "opleveren",
                "evalueren", "implementeren", "vaststellen", "besluiten", "opstarten")


class PlanningFout(ValueError):
    """Wording that could not be read; the message is Dutch and lists the accepted forms."""


@dataclass(frozen=True)
class Planning:
    """What a document says about when, and what that means in dates.

    `start` and `eind` are inclusive days; either may be None ("2022 e.v." has no end,
    "doorlopend" has neither). `tekst` is the wording to show.
    """

    tekst: str
    soort: Soort
    start: date | None = None
    eind: date | None = None
    frequentie: str | None = None  # for 'terugkerend': "jaarlijks", "4x per jaar"
    datums: tuple[date, ...] = field(default=())  # for 'datums'

    @property
    def begrensd(self) -> bool:
        """True when both ends are known: it can go on a timeline or in a calendar."""
        return self.start is not None and self.eind is not None

    @property
    def label(self) -> str:
        return SOORT_LABELS[self.soort]

    def sorteersleutel(self) -> tuple:
        """Dated plannings first by start day; then open-ended, recurring and undetermined ones."""
        order = {"doorlopend": 1, "terugkerend": 2, "op-indicatie": 3, "onbepaald": 4}
        if self.start is not None:
            return (0, self.start, self.eind or date.max, self.tekst)
        return (order.get(self.soort, 5), date.max, date.max, self.tekst)

    def kwartalen(self) -> list[tuple[int, int]]:
        """The (year, quarter) pairs this planning touches; empty when it has no dates."""
        if self.soort == "datums":
            return sorted({(d.year, (d.month - 1) // 3 + 1) for d in self.datums})
        if not self.begrensd:
            return []
        assert self.start is not None and self.eind is not None
        result = []
        year, quarter = self.start.year, (self.start.month - 1) // 3 + 1
        end = (self.eind.year, (self.eind.month - 1) // 3 + 1)
        while (year, quarter) <= end:
            result.append((year, quarter))
            year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        return result


def _laatste_dag(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _maand(word: str) -> int | None:
    return MAANDEN.get(word.strip().rstrip(".").lower())


def _jaar(text: str) -> int | None:
    if re.fullmatch(r"(19|20)\d\d", text.strip()):
        return int(text)
    return None


def _schoon(text: str) -> str:
    text = text.strip().lower()
    text = re.sub(r"[\u2012-\u2015]", "-", text)  # en/em dashes
    text = re.sub(r"\s+", " ", text)
    return text.rstrip(".").strip()


def _enkel(text: str, jaar: int | None) -> tuple[Soort, date, date] | None:
    """One moment with an end and a start: a day, month, quarter, part of a year or year."""
    text = text.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise PlanningFout(f"'{text}' is geen bestaande datum") from None
        return "datum", day, day
    if m := re.fullmatch(r"(\d{1,2})[- ]([a-z]+)\.?(?:[- ](\d{4}))?", text):
        month = _maand(m[2])
        year = int(m[3]) if m[3] else jaar
        if month and year:
            try:
                day = date(year, month, int(m[1]))
            except ValueError:
                raise PlanningFout(f"'{text}' is geen bestaande datum") from None
            return "datum", day, day
        if month and not year:
            raise _zonder_jaar(text)
    if m := re.fullmatch(r"(?:(begin|eind|einde|medio|half|halverwege) )?([a-z]+)\.?(?: (\d{4}))?", text):
        month = _maand(m[2])
        year = int(m[3]) if m[3] else jaar
        if month and year:
            return "maand", date(year, month, 1), _laatste_dag(year, month)
        if month and not year:
            raise _zonder_jaar(text)
    if m := re.fullmatch(r"q([1-4])(?: (\d{4}))?", text):
        year = int(m[2]) if m[2] else jaar
        if not year:
            raise _zonder_jaar(text)
        quarter = int(m[1])
        return "kwartaal", date(year, 3 * quarter - 2, 1), _laatste_dag(year, 3 * quarter)
    if m := re.fullmatch(r"(\d{4}) (1e|eerste|2e|tweede) (half ?jaar|helft)", text):
        first, last = DELEN[f"{m[2]} {'helft' if m[3] == 'helft' else m[3].replace('halfjaar', 'half jaar')}"]
        year = int(m[1])
        return "deel-van-jaar", date(year, first, 1), _laatste_dag(year, last)
    for name, (first, last) in sorted(DELEN.items(), key=lambda kv: -len(kv[0])):
        if m := re.fullmatch(rf"{name}(?: van)?(?: (\d{{4}}))?", text):
            year = int(m[1]) if m[1] else jaar
            if not year:
                raise _zonder_jaar(text)
            return "deel-van-jaar", date(year, first, 1), _laatste_dag(year, last)
    if (year := _jaar(text)) is not None:
        return "jaar", date(year, 1, 1), date(year, 12, 31)
    return None


def _zonder_jaar(text: str) -> PlanningFout:
    return PlanningFout(
        f"bij '{text}' staat geen jaartal; schrijf het jaar erbij (bijvoorbeeld '{text} 2022'), "
        "of schrijf de planning als blok met 'tekst' en 'jaar', bijvoorbeeld {tekst: 'maart', jaar: 2022}"
    )


def _gedeeld_jaar(parts: list[str]) -> int | None:
    """'Q1 en Q2 2023', 'april t/m juni 2022': the year written once, at the end."""
    m = re.search(r"(\d{4})$", parts[-1])
    return int(m[1]) if m else None


def _bereik(text: str, jaar: int | None) -> Planning | None:
    for separator in (r"\s+t/m\s+", r"\s+tot en met\s+", r"\s+tot\s+", r"\s*-\s*", r"\s*/\s*", r"\s+en\s+"):
        parts = re.split(separator, text, maxsplit=1)
        if len(parts) != 2 or not parts[0] or not parts[1]:
            continue
        shared = _gedeeld_jaar(parts) or jaar
        first = _enkel(parts[0], shared)
        last = _enkel(parts[1], shared)
        if first is None or last is None:
            continue
        if last[2] < first[1]:
            raise PlanningFout(f"in '{text}' ligt het einde vóór het begin")
        return Planning(text, "periode", first[1], last[2])
    return None


def _lijst(text: str, jaar: int | None) -> Planning | None:
    """'23 maart, 20 april' or 'februari, maart': a few moments in one line."""
    parts = [p.strip() for p in re.split(r",|\s+en\s+", text) if p.strip()]
    if len(parts) < 2:
        return None
    shared = _gedeeld_jaar(parts) or jaar
    found = [_enkel(p, shared) for p in parts]
    if any(f is None for f in found):
        return None
    kinds = {f[0] for f in found if f}
    starts = [f[1] for f in found if f]
    ends = [f[2] for f in found if f]
    if kinds == {"datum"}:
        return Planning(text, "datums", min(starts), max(ends), datums=tuple(sorted(starts)))
    return Planning(text, "periode", min(starts), max(ends))


def normaliseer(tekst: str, jaar: int | None = None) -> Planning:
    """Read planning wording. `jaar` fills in wording without a year ("maart", "Q3").

    Raises PlanningFout when the wording is not one of the accepted forms.
    """
    original = tekst.strip()
    if not original:
        raise PlanningFout(f"de planning is leeg; vul bijvoorbeeld een van deze vormen in: {VORMEN}")
    text = _schoon(original)
    if (m := _TERUGKEREND.fullmatch(text)) and m["freq"]:
        return _terugkerend(original, m)
    text = re.sub(r"^(?:in|per|rond|uiterlijk|voor|vóór|gedurende)\s+", "", text)
    for verb in _WERKWOORDEN:
        text = re.sub(rf"\s+{verb}$", "", text)

    if text in _DOORLOPEND:
        return Planning(original, "doorlopend")
    if text in _OP_INDICATIE:
        return Planning(original, "op-indicatie")
    if text in _ONBEPAALD:
        return Planning(original, "onbepaald")

    if m := re.fullmatch(r"(?:vanaf|sinds|na) (.+)", text):
        single = _enkel(m[1], jaar)
        if single:
            return Planning(original, "vanaf", single[1], None)
    if m := re.fullmatch(r"(.+?)\s*(?:e\.v\.?|en verder|e\.a\.|en later)", text):
        head = m[1].strip()
        single = _enkel(head, jaar)
        if single:
            return Planning(original, "vanaf", single[1], None)
        ranged = _bereik(head, jaar)
        if ranged:
            return Planning(original, "vanaf", ranged.start, None)

    if (m := _TERUGKEREND.fullmatch(text)) and (m["freq"] or text.startswith(("periodiek", "structureel"))):
        return _terugkerend(original, m)

    single = _enkel(text, jaar)
    if single:
        return Planning(original, single[0], single[1], single[2])
    ranged = _bereik(text, jaar)
    if ranged:
        return Planning(original, ranged.soort, ranged.start, ranged.eind)
    listed = _lijst(text, jaar)
    if listed:
        return Planning(original, listed.soort, listed.start, listed.eind, datums=listed.datums)
    raise PlanningFout(f"'{original}' is geen planning die de site begrijpt; {_vormen()}")


def _terugkerend(original: str, m: re.Match[str]) -> Planning:
    month = _maand(m["maand"]) if m["maand"] else None
    if m["maand"] and month is None:
        raise PlanningFout(f"'{m['maand']}' in '{original}' is geen maand; {_vormen()}")
    frequentie = (m["freq"] or "periodiek").strip()
    if month:
        frequentie += f" in {MAAND_NAMEN[month]}"
    return Planning(original, "terugkerend", frequentie=frequentie)


def _vormen() -> str:
    return (
        f"gebruik een van deze vormen: {VORMEN}. Staat er in het document iets anders, schrijf dan "
        "{tekst: '<zoals in het document>', als: '<een van deze vormen>'}"
    )
