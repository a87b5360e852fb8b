"""What the agenda pages show, computed from the data: planning per quarter, counts per
status and schaalniveau, budget tables with computed totals, KPI tables, links both ways
between agenda items and the sociale kaart. No HTML here; the templates present it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from ..load import Dataset
from ..models import KaartRecord, Record, Regio
from .models import (
    SOORT_LABELS,
    STATUS_LABELS,
    Activiteit,
    Agenda,
    AgendaItem,
    Begroting,
    Budgetregel,
    Kpi,
    Resultaat,
)
from .planning import Planning

SCHAALNIVEAUS = ("lokaal", "regionaal", "bovenregionaal", "landelijk")
NIET_VERMELD = "niet-vermeld"
KWARTAAL_MAANDEN = {1: "jan-mrt", 2: "apr-jun", 3: "jul-sep", 4: "okt-dec"}


def items_van(dataset: Dataset, regio: str) -> list[AgendaItem]:
    """The items of one region in the order the agenda lists them."""
    agenda = dataset.of("agendas").get(regio)
    indeling = list(agenda.indeling) if isinstance(agenda, Agenda) else []
    found = [i for i in dataset.of("agenda").values() if isinstance(i, AgendaItem) and i.regio == regio]

    def key(item: AgendaItem) -> tuple:
        soort = indeling.index(item.soort) if item.soort in indeling else len(indeling)
        return (soort, item.soort, _natuurlijk(item.nummer), item.slug)

    return sorted(found, key=key)


def _natuurlijk(nummer: object) -> tuple:
    if nummer is None:
        return (1, 0, "")
    text = str(nummer)
    digits = "".join(ch for ch in text if ch.isdigit())
    return (0, int(digits) if digits else 0, text)


def groepen(items: list[AgendaItem]) -> list[tuple[str, list[AgendaItem]]]:
    """Items per soort, keeping their order: [('Ambities', [...]), ('Randvoorwaarden', [...])]."""
    result: list[tuple[str, list[AgendaItem]]] = []
    for item in items:
        label = SOORT_LABELS[item.soort][1]
        if result and result[-1][0] == label:
            result[-1][1].append(item)
        else:
            result.append((label, [item]))
    return result


# --- planning ------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanningRegel:
    """One line of the planning view: what, in which item, and when."""

    item: AgendaItem | None  # None: a meeting of the whole agenda
    resultaat: Resultaat | None
    activiteit: Activiteit | None
    wat: str
    planning: Planning | None
    van_resultaat: bool = False  # the activity has no planning of its own; the result's is shown
    bijeenkomst: bool = False  # a meeting or milestone (goes under 'coming up')

    @property
    def onderdeel(self) -> str:
        return self.item.label if self.item else "Hele agenda"

    @property
    def sleutel(self) -> tuple:
        item_id = self.item.id if self.item else ""
        if self.planning is None:
            return (9, item_id, self.wat)
        return (*self.planning.sorteersleutel(), item_id, self.wat)


def planning_regels(items: Iterable[AgendaItem], agenda: Agenda | None = None) -> list[PlanningRegel]:
    """Every planned thing: activities (or results without activities), indicator deadlines
    and meetings, of the items and, when given, of the agenda as a whole."""
    regels: list[PlanningRegel] = []
    if agenda is not None:
        regels += [PlanningRegel(None, None, None, b.titel, b.planning, bijeenkomst=True) for b in agenda.bijeenkomsten]
    for item in items:
        if item.planning is not None:
            regels.append(PlanningRegel(item, None, None, item.titel, item.planning))
        for resultaat in item.resultaten:
            if not resultaat.activiteiten:
                regels.append(PlanningRegel(item, resultaat, None, resultaat.omschrijving, resultaat.planning))
            for activiteit in resultaat.activiteiten:
                eigen = activiteit.planning
                regels.append(
                    PlanningRegel(item, resultaat, activiteit, activiteit.omschrijving, eigen or resultaat.planning,
                                  van_resultaat=eigen is None and resultaat.planning is not None)
                )
        for kpi in item.kpis:
            if kpi.planning is not None:
                regels.append(PlanningRegel(item, None, None, f"Indicator: {kpi.naam}", kpi.planning))
        for bijeenkomst in item.bijeenkomsten:
            regels.append(PlanningRegel(item, None, None, bijeenkomst.titel, bijeenkomst.planning, bijeenkomst=True))
    return sorted(regels, key=lambda r: r.sleutel)


@dataclass
class PlanningOverzicht:
    """The planning of a region, grouped the way people look for it."""

    per_jaar: dict[int, list[tuple[str, PlanningRegel]]] = field(default_factory=dict)  # year -> (kwartaal label, regel)
    doorlopend: list[PlanningRegel] = field(default_factory=list)  # doorlopend and terugkerend
    op_indicatie: list[PlanningRegel] = field(default_factory=list)  # op indicatie and onbepaald
    zonder: list[PlanningRegel] = field(default_factory=list)  # the document gives no planning

    @property
    def gedateerd(self) -> list[PlanningRegel]:
        return [r for regels in self.per_jaar.values() for _, r in regels]


def kwartaal_label(planning: Planning) -> str:
    """'Q2 (apr-jun)' for a planning within one quarter, 'Q4 2022 - Q4 2023' across, 'vanaf Q1'."""
    assert planning.start is not None
    start_q = (planning.start.month - 1) // 3 + 1
    if planning.eind is None:
        return f"vanaf Q{start_q}"
    eind_q = (planning.eind.month - 1) // 3 + 1
    if (planning.start.year, start_q) == (planning.eind.year, eind_q):
        return f"Q{start_q} ({KWARTAAL_MAANDEN[start_q]})"
    if planning.start.year == planning.eind.year:
        return "heel het jaar" if (start_q, eind_q) == (1, 4) else f"Q{start_q} t/m Q{eind_q}"
    return f"Q{start_q} {planning.start.year} t/m Q{eind_q} {planning.eind.year}"


def planning_overzicht(items: Iterable[AgendaItem], agenda: Agenda | None = None) -> PlanningOverzicht:
    overzicht = PlanningOverzicht()
    per_jaar: dict[int, list[tuple[str, PlanningRegel]]] = defaultdict(list)
    for regel in planning_regels(items, agenda):
        p = regel.planning
        if p is None:
            overzicht.zonder.append(regel)
        elif p.start is not None:
            per_jaar[p.start.year].append((kwartaal_label(p), regel))
        elif p.soort in ("doorlopend", "terugkerend"):
            overzicht.doorlopend.append(regel)
        else:
            overzicht.op_indicatie.append(regel)
    overzicht.per_jaar = dict(sorted(per_jaar.items()))
    return overzicht


# --- status and schaalniveau ----------------------------------------------------------------


@dataclass
class Telling:
    """Counts for one item (or the whole region)."""

    naam: str
    resultaten: int = 0
    activiteiten: int = 0
    status: Counter = field(default_factory=Counter)
    schaal: Counter = field(default_factory=Counter)
    planning: Counter = field(default_factory=Counter)


def _schaal(resultaat: Resultaat, activiteit: Activiteit) -> list[str]:
    return list(activiteit.schaalniveau or resultaat.schaalniveau) or [NIET_VERMELD]


def telling(item: AgendaItem) -> Telling:
    t = Telling(item.label, resultaten=len(item.resultaten))
    for resultaat, activiteit in item.activiteiten():
        t.activiteiten += 1
        t.status[activiteit.status or resultaat.status or NIET_VERMELD] += 1
        for niveau in _schaal(resultaat, activiteit):
            t.schaal[niveau] += 1
        planning = activiteit.planning or resultaat.planning
        t.planning[planning.soort if planning else NIET_VERMELD] += 1
    return t


def tellingen(items: Iterable[AgendaItem]) -> tuple[list[Telling], Telling]:
    """Counts per item and in total."""
    per_item = [telling(i) for i in items]
    totaal = Telling("Totaal")
    for t in per_item:
        totaal.resultaten += t.resultaten
        totaal.activiteiten += t.activiteiten
        totaal.status.update(t.status)
        totaal.schaal.update(t.schaal)
        totaal.planning.update(t.planning)
    return per_item, totaal


def status_kolommen(totaal: Telling) -> list[tuple[str, str]]:
    """(code, label) for every status that occurs, in a fixed order."""
    labels = {**STATUS_LABELS, NIET_VERMELD: "Niet vermeld in het document"}
    return [(code, labels[code]) for code in labels if totaal.status[code]]


def onderdelen_per_status(items: Iterable[AgendaItem]) -> list[tuple[str, str, int]]:
    """(code, label, count) of the items' own statuses, in the fixed order; 'niet vermeld' last."""
    counts = Counter(item.status or NIET_VERMELD for item in items)
    labels = {**STATUS_LABELS, NIET_VERMELD: "Niet vermeld in het document"}
    return [(code, labels[code], counts[code]) for code in labels if counts[code]]


def schaal_kolommen(totaal: Telling) -> list[tuple[str, str]]:
    labels = {"lokaal": "Lokaal", "centrumgemeente": "Centrumgemeente", "regionaal": "Regionaal", "bovenregionaal": "Bovenregionaal", "landelijk": "Landelijk", NIET_VERMELD: "Niet vermeld"}
    return [(code, labels[code]) for code in labels if totaal.schaal[code] or code in SCHAALNIVEAUS[:3]]


# --- budgets -------------------------------------------------------------------------------


@dataclass
class BegrotingTabel:
    begroting: Begroting
    regels: list[tuple[AgendaItem | None, Budgetregel]]
    berekend: Decimal

    @property
    def klopt(self) -> bool | None:
        return None if self.begroting.totaal is None else self.begroting.totaal == self.berekend


def begroting_tabellen(agenda: Agenda, items: list[AgendaItem]) -> list[BegrotingTabel]:
    tabellen = []
    for begroting in agenda.begrotingen:
        regels: list[tuple[AgendaItem | None, Budgetregel]] = [(None, r) for r in begroting.regels]
        regels += [(item, r) for item in items for r in item.budget if r.begroting == begroting.id]
        berekend = sum((r.bedrag for _, r in regels if r.eenheid == begroting.eenheid), Decimal(0))
        tabellen.append(BegrotingTabel(begroting, regels, berekend))
    return tabellen


def item_budget(item: AgendaItem) -> list[tuple[str, int | None, Decimal]]:
    """Subtotals of an item's own lines per (eenheid, jaar)."""
    totals: dict[tuple[str, int | None], Decimal] = defaultdict(Decimal)
    for regel in item.budget:
        totals[(regel.eenheid, regel.jaar)] += regel.bedrag
    return [(eenheid, jaar, bedrag) for (eenheid, jaar), bedrag in totals.items()]


def aantal(value: Decimal) -> str:
    """A number with Dutch thousands dots and decimal comma: 6054 -> '6.054', 2.5 -> '2,5'."""
    normal = value.normalize()
    if normal == normal.to_integral():
        return f"{int(normal):,}".replace(",", ".")
    whole, _, frac = f"{normal:f}".partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + frac


def bedrag(value: Decimal, eenheid: str = "euro") -> str:
    """Dutch notation: '€ 110.000', '8 uur per week', '2,5 fte'."""
    text = aantal(value)
    return f"€ {text}" if eenheid == "euro" else f"{text} {eenheid}"


def getal(value: Decimal) -> str:
    """A measured figure as written in Dutch: 7.4 -> '7,4'."""
    text = f"{value.normalize():f}" if value != value.to_integral() else str(int(value))
    return text.replace(".", ",")


# --- KPI tables --------------------------------------------------------------------------------


@dataclass
class KpiTabel:
    kpi: Kpi
    periodes: list[str]
    rijen: list[tuple[str, list[Decimal | None]]]  # (gebied label, value per periode)
    codes: list[str] = field(default_factory=list)  # the gebied code of each row

    def zonder(self, *codes: str) -> KpiTabel:
        """The same table without some rows (a chart of gemeenten leaves out the region total)."""
        keep = [i for i, c in enumerate(self.codes) if c not in codes]
        return KpiTabel(self.kpi, self.periodes, [self.rijen[i] for i in keep], [self.codes[i] for i in keep])


@dataclass
class KpiWeergave:
    """An indicator as a page shows it: table, one chart, and what the figures say."""

    kpi: Kpi
    tabel: KpiTabel | None
    staaf: object | None = None  # grafiek.Staafgrafiek
    trend: object | None = None  # grafiek.Trend
    kernpunt: str = ""


def kpi_tabel(kpi: Kpi, gebied_naam) -> KpiTabel | None:
    if not kpi.metingen:
        return None
    periodes: list[str] = []
    gebieden: list[str] = []
    waarden: dict[tuple[str, str], Decimal] = {}
    for meting in kpi.metingen:
        if meting.periode not in periodes:
            periodes.append(meting.periode)
        if meting.gebied not in gebieden:
            gebieden.append(meting.gebied)
        waarden[(meting.gebied, meting.periode)] = meting.waarde
    # Gemeenten by name, then the region total, then the national average: a stable reading order.
    gemeenten = sorted((g for g in gebieden if g.startswith("GM")), key=gebied_naam)
    orde = gemeenten + [g for g in ("regio", "landelijk") if g in gebieden]
    rijen = [(gebied_naam(g), [waarden.get((g, p)) for p in periodes]) for g in orde]
    return KpiTabel(kpi, periodes, rijen, orde)


# --- links between agenda and sociale kaart ------------------------------------------------------


@dataclass(frozen=True)
class KaartLink:
    folder: str
    record: Record | None  # None: the whole folder (an overview)


def kaart_links(dataset: Dataset, item: AgendaItem) -> list[KaartLink]:
    links = []
    for ref in item.kaart:
        folder, _, record_id = ref.partition("/")
        links.append(KaartLink(folder, dataset.of(folder).get(record_id) if record_id else None))
    return links


def bijdragen(dataset: Dataset, item: AgendaItem) -> list[KaartRecord]:
    """Sociale-kaart records that say (with `agenda:`) they contribute to this item."""
    found = [r for r in dataset.all() if isinstance(r, KaartRecord) and item.id in r.agenda]
    return sorted(found, key=lambda r: str(getattr(r, "naam", r.id)))


def agenda_voor(dataset: Dataset, record: Record, folder: str) -> list[AgendaItem]:
    """Agenda items a sociale-kaart record belongs to: its own `agenda:` refs, and items
    whose `kaart:` names this record (or its whole folder, for a record of that region)."""
    alle = dataset.of("agenda")
    found: dict[str, AgendaItem] = {}
    if isinstance(record, KaartRecord):
        for ref in record.agenda:
            if isinstance(alle.get(ref), AgendaItem):
                found[ref] = alle[ref]  # type: ignore[assignment]
    regios = _regios_van(dataset, record)
    for item in alle.values():
        if not isinstance(item, AgendaItem):
            continue
        if f"{folder}/{record.id}" in item.kaart or (folder in item.kaart and item.regio in regios):
            found[item.id] = item
    return [found[k] for k in sorted(found)]


def _regios_van(dataset: Dataset, record: Record) -> set[str]:
    return regios_van(record, dataset.regio_van)


def regios_van(record: Record, regio_van: Callable[[str], Regio | None]) -> set[str]:
    """The regions a record belongs to: its own `regio`/`regios`, and those of its gemeenten
    (`regio_van` finds a gemeente's region; the site passes an indexed one)."""
    regios = set()
    if isinstance(getattr(record, "regio", None), str):
        regios.add(record.regio)  # type: ignore[attr-defined]
    regios.update(getattr(record, "regios", None) or [])
    codes = list(getattr(record, "gemeenten", None) or [])
    if isinstance(getattr(record, "gemeente", None), str):
        codes.append(record.gemeente)  # type: ignore[attr-defined]
    for code in codes:
        regio = regio_van(code)
        if regio:
            regios.add(regio.id)
    return regios


def records_in_regio(dataset: Dataset, folder: str, regio: str) -> list[Record]:
    """Every record of a folder that belongs to a region (for `kaart: [lokale-teams]`)."""
    found = [r for r in dataset.of(folder).values() if regio in _regios_van(dataset, r)]
    return sorted(found, key=lambda r: str(getattr(r, "naam", r.id)))
