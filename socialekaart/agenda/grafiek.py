"""Geometry for the charts on agenda pages, drawn at build time as inline SVG.

Only numbers and positions are computed here; the SVG markup lives in the templates
(`agenda/_tijdlijn.svg`, `agenda/_staaf.svg`). A chart is always an addition: the same
figures stand in a table next to it, and the SVG carries a title and a description.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .overzicht import KpiTabel, PlanningRegel, getal

KLEUREN = ("#00695c", "#b3300b", "#3f51b5", "#5d4037", "#6a1b9a", "#37474f")  # 4.5:1 or more on white
LABEL_BREEDTE = 250
GRAFIEK_BREEDTE = 470
RIJ = 24
KOP = 34


def _kort(text: str, lengte: int = 38) -> str:
    text = " ".join(text.split())
    return text if len(text) <= lengte else text[: lengte - 1].rstrip() + "…"


@dataclass(frozen=True)
class Balk:
    y: float
    x: float
    breedte: float
    label: str  # shown left of the bar
    titel: str  # full text, as tooltip (<title>)
    open_einde: bool = False
    kleur: str = KLEUREN[0]
    waarde: str = ""


@dataclass(frozen=True)
class Streep:
    x: float
    label: str


@dataclass
class Tijdlijn:
    breedte: int
    hoogte: int
    balken: list[Balk] = field(default_factory=list)
    jaren: list[Streep] = field(default_factory=list)
    kwartalen: list[float] = field(default_factory=list)
    label_breedte: int = LABEL_BREEDTE


def _dag(d: date, van: date, tot: date) -> float:
    totaal = (tot - van).days or 1
    return LABEL_BREEDTE + GRAFIEK_BREEDTE * (d - van).days / totaal


def tijdlijn(regels: list[PlanningRegel], tot_en_met: int | None = None) -> Tijdlijn | None:
    """A bar per dated planning line, on a time axis in years and quarters."""
    dated = [r for r in regels if r.planning is not None and r.planning.start is not None]
    if not dated:
        return None
    eerste = min(r.planning.start for r in dated).year  # type: ignore[union-attr]
    open_einde = any(r.planning.eind is None for r in dated)  # type: ignore[union-attr]
    # Open-ended bars run to the end of the agenda's period; otherwise the dates decide.
    laatste = max([r.planning.eind.year if r.planning.eind else r.planning.start.year for r in dated]  # type: ignore[union-attr]
                  + ([tot_en_met] if tot_en_met and open_einde else []))
    van, tot = date(eerste, 1, 1), date(laatste + 1, 1, 1)
    t = Tijdlijn(LABEL_BREEDTE + GRAFIEK_BREEDTE + 10, KOP + RIJ * len(dated) + 8)
    for year in range(eerste, laatste + 1):
        t.jaren.append(Streep(_dag(date(year, 1, 1), van, tot), str(year)))
        t.kwartalen += [_dag(date(year, month, 1), van, tot) for month in (4, 7, 10)]
    for n, regel in enumerate(dated):
        p = regel.planning
        assert p is not None and p.start is not None
        eind = p.eind or (tot - date.resolution)
        x0 = _dag(p.start, van, tot)
        x1 = _dag(eind + date.resolution, van, tot)
        t.balken.append(Balk(
            y=KOP + RIJ * n, x=x0, breedte=max(x1 - x0, 3),
            label=_kort(f"{regel.onderdeel}: {regel.wat}"),
            titel=f"{regel.onderdeel}: {regel.wat} ({p.tekst})",
            open_einde=p.eind is None,
        ))
    return t


@dataclass
class Staafgrafiek:
    breedte: int
    hoogte: int
    balken: list[Balk] = field(default_factory=list)
    groepen: list[tuple[float, str]] = field(default_factory=list)  # (y, gebied)
    legenda: list[tuple[str, str]] = field(default_factory=list)  # (kleur, periode)
    label_breedte: int = 170


def staafgrafiek(tabel: KpiTabel) -> Staafgrafiek | None:
    """Horizontal bars per gebied, one per period, scaled to the largest value."""
    waarden = [w for _, rij in tabel.rijen for w in rij if w is not None]
    if not waarden:
        return None
    grootste = max(max(waarden), Decimal(0)) or Decimal(1)
    label_breedte, breedte = 170, 380
    per_groep = len(tabel.periodes)
    balk_hoogte = 14
    legenda_hoogte = 22 if per_groep > 1 else 0
    groep_hoogte = per_groep * (balk_hoogte + 2) + 10
    grafiek = Staafgrafiek(label_breedte + breedte + 70, legenda_hoogte + groep_hoogte * len(tabel.rijen) + 6, label_breedte=label_breedte)
    grafiek.legenda = [(KLEUREN[i % len(KLEUREN)], p) for i, p in enumerate(tabel.periodes)] if per_groep > 1 else []
    for g, (gebied, rij) in enumerate(tabel.rijen):
        y0 = legenda_hoogte + g * groep_hoogte
        grafiek.groepen.append((y0 + (groep_hoogte - 10) / 2, gebied))
        for i, waarde in enumerate(rij):
            if waarde is None:
                continue
            w = float(max(waarde, Decimal(0)) / grootste) * breedte
            grafiek.balken.append(Balk(
                y=y0 + i * (balk_hoogte + 2), x=label_breedte, breedte=max(w, 1),
                label=gebied, titel=f"{gebied}, {tabel.periodes[i]}: {getal(waarde)}",
                kleur=KLEUREN[i % len(KLEUREN)], waarde=getal(waarde),
            ))
    return grafiek
