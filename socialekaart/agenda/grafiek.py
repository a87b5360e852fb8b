"""Geometry and takeaways for the charts on agenda pages.

Bars and the timeline are HTML with widths in percent (templates `agenda/_staaf.html`,
`agenda/_tijdlijn.html`): their labels are ordinary text, so they keep the body text size
and wrap on a phone instead of shrinking with a picture. The trend chart is a small SVG
drawn at the width of a phone screen (`agenda/_trend.svg`), so its text is not scaled down
there either. A chart is always an addition: the same figures stand in a table next to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .overzicht import KpiTabel, PlanningRegel, getal

KLEUREN = ("#00695c", "#b3300b", "#3f51b5", "#5d4037", "#6a1b9a", "#37474f")  # 4.5:1 or more on white
TREND_MIN_PERIODES = 3
JAREN_ALLE_LABELS = 6  # more years than this: label every other year, so labels fit on a phone
NA_LAATSTE_JAAR = 2  # the timeline reaches to today when today is at most this many years later


def _procent(value: float) -> float:
    return round(max(0.0, min(100.0, value)), 2)


# --- timeline ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Balk:
    links: float  # percent of the track
    breedte: float  # percent of the track
    label: str
    planning: str
    open_einde: bool = False
    nu: bool = False  # touches the build date's quarter


@dataclass(frozen=True)
class Jaar:
    links: float
    label: str  # empty: a tick without text


@dataclass
class Tijdlijn:
    balken: list[Balk] = field(default_factory=list)
    jaren: list[Jaar] = field(default_factory=list)
    nu: float | None = None  # percent position of the build date, when on the axis
    na_einde: bool = False  # the build date lies after the axis
    eerste: int = 0
    laatste: int = 0


def tijdlijn(regels: list[PlanningRegel], tot_en_met: int | None = None, vandaag: date | None = None,
             is_nu=lambda regel: False) -> Tijdlijn | None:
    """A bar per dated planning line, on a time axis in years; today marked when it falls on it."""
    dated = [r for r in regels if r.planning is not None and r.planning.start is not None]
    if not dated:
        return None
    eerste = min(r.planning.start for r in dated).year  # type: ignore[union-attr]
    open_einde = any(r.planning.eind is None for r in dated)  # type: ignore[union-attr]
    # Open-ended bars run to the end of the agenda's period; otherwise the dates decide.
    laatste = max([r.planning.eind.year if r.planning.eind else r.planning.start.year for r in dated]  # type: ignore[union-attr]
                  + ([tot_en_met] if tot_en_met and open_einde else []))
    if vandaag is not None and laatste < vandaag.year <= laatste + NA_LAATSTE_JAAR:
        laatste = vandaag.year
    van, tot = date(eerste, 1, 1), date(laatste + 1, 1, 1)
    dagen = (tot - van).days

    def pos(d: date) -> float:
        return _procent(100 * (d - van).days / dagen)

    t = Tijdlijn(eerste=eerste, laatste=laatste)
    stap = 1 if laatste - eerste + 1 <= JAREN_ALLE_LABELS else 2
    t.jaren = [Jaar(pos(date(y, 1, 1)), str(y) if (y - eerste) % stap == 0 else "") for y in range(eerste, laatste + 1)]
    if vandaag is not None:
        if van <= vandaag < tot:
            t.nu = pos(vandaag)
        t.na_einde = vandaag >= tot
    for regel in dated:
        p = regel.planning
        assert p is not None and p.start is not None
        eind = p.eind or (tot - date.resolution)
        x0, x1 = pos(p.start), pos(eind + date.resolution)
        t.balken.append(Balk(x0, max(round(x1 - x0, 2), 0.8), f"{regel.onderdeel}: {regel.wat}", p.tekst,
                             open_einde=p.eind is None, nu=is_nu(regel)))
    return t


# --- bars per gebied -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Staaf:
    breedte: float  # percent of the largest value
    periode: str
    waarde: str
    kleur: int  # index into the period colours (CSS classes sk-kleur-0 ...)


@dataclass
class Staafgrafiek:
    groepen: list[tuple[str, list[Staaf]]] = field(default_factory=list)  # (gebied, bars)


def staafgrafiek(tabel: KpiTabel) -> Staafgrafiek | None:
    """Bars per gebied, one per period, scaled to the largest value."""
    waarden = [w for _, rij in tabel.rijen for w in rij if w is not None]
    if not waarden:
        return None
    grootste = max(max(waarden), Decimal(0)) or Decimal(1)
    grafiek = Staafgrafiek()
    for gebied, rij in tabel.rijen:
        staven = [
            Staaf(_procent(float(max(w, Decimal(0)) / grootste) * 100), tabel.periodes[i], getal(w), i % len(KLEUREN))
            for i, w in enumerate(rij) if w is not None
        ]
        grafiek.groepen.append((gebied, staven))
    return grafiek


# --- trend over several periods ------------------------------------------------------------------

TREND_BREEDTE = 320  # the content width of a 360 px phone: text in the SVG stays at its size there
TREND_HOOGTE = 220
TREND_LINKS, TREND_RECHTS, TREND_BOVEN, TREND_ONDER = 44, 16, 16, 54
TREND_LETTER = 16


@dataclass(frozen=True)
class Lijn:
    naam: str
    kleur: str
    punten: list[tuple[float, float, str]]  # (x, y, value as text)

    @property
    def pad(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in self.punten)


@dataclass
class Trend:
    breedte: int = TREND_BREEDTE
    hoogte: int = TREND_HOOGTE
    letter: int = TREND_LETTER
    lijnen: list[Lijn] = field(default_factory=list)
    assen: list[tuple[float, str]] = field(default_factory=list)  # (x, period label)
    schaal: list[tuple[float, str]] = field(default_factory=list)  # (y, value label)
    links: int = TREND_LINKS
    onder: float = TREND_HOOGTE - TREND_ONDER


def trend_rijen(tabel: KpiTabel) -> KpiTabel | None:
    """The rows a trend line is drawn for: the region and the country when present, else a
    few gebieden; None when there are too few periods for a trend."""
    if len(tabel.periodes) < TREND_MIN_PERIODES:
        return None
    kern = [c for c in tabel.codes if c in ("regio", "landelijk")]
    if kern:
        return tabel.zonder(*[c for c in tabel.codes if c not in kern])
    return tabel if len(tabel.rijen) <= 3 else None


def trend(tabel: KpiTabel) -> Trend | None:
    """Lines through the values per period, on a phone-sized canvas."""
    waarden = [w for _, rij in tabel.rijen for w in rij if w is not None]
    if not waarden or len(tabel.periodes) < 2:
        return None
    hoogste = float(max(max(waarden), Decimal(0))) or 1.0
    t = Trend()
    breed = t.breedte - TREND_LINKS - TREND_RECHTS
    hoog = t.onder - TREND_BOVEN
    stap = breed / (len(tabel.periodes) - 1)
    t.assen = [(TREND_LINKS + i * stap, p) for i, p in enumerate(tabel.periodes)]
    t.schaal = [(t.onder - hoog * f, getal(Decimal(str(round(hoogste * f, 1))))) for f in (0, 0.5, 1)]
    for n, (gebied, rij) in enumerate(tabel.rijen):
        punten = [(TREND_LINKS + i * stap, t.onder - hoog * float(w) / hoogste, getal(w)) for i, w in enumerate(rij) if w is not None]
        t.lijnen.append(Lijn(gebied, KLEUREN[n % len(KLEUREN)], punten))
    return t


# --- the one-line takeaway -----------------------------------------------------------------------


def kernpunt(tabel: KpiTabel) -> str:
    """What the figures say in one line, read from the table: a change over time for the
    region, or the highest and lowest gemeente for one period."""
    if tabel.kpi.conclusie:
        return tabel.kpi.conclusie
    rijen = dict(zip(tabel.codes, tabel.rijen))
    hoofd = rijen.get("regio") or (tabel.rijen[0] if len(tabel.rijen) == 1 else None)
    if hoofd is not None and len(tabel.periodes) > 1:
        paren = [(p, w) for p, w in zip(tabel.periodes, hoofd[1]) if w is not None]
        if len(paren) >= 2:
            (p0, w0), (p1, w1) = paren[0], paren[-1]
            richting = "gestegen" if w1 > w0 else "gedaald" if w1 < w0 else "gelijk gebleven"
            return f"{hoofd[0]}: van {getal(w0)} ({p0}) naar {getal(w1)} ({p1}), {richting}."
    gemeenten = [(naam, rij[-1]) for code, (naam, rij) in rijen.items() if code.startswith("GM") and rij[-1] is not None]
    if len(gemeenten) >= 2:
        hoog = max(gemeenten, key=lambda g: g[1])
        laag = min(gemeenten, key=lambda g: g[1])
        if hoog[1] == laag[1]:
            return f"In {tabel.periodes[-1]} in elke gemeente {getal(hoog[1])}."
        return f"In {tabel.periodes[-1]} het hoogst in {hoog[0]} ({getal(hoog[1])}), het laagst in {laag[0]} ({getal(laag[1])})."
    return ""
