"""Checks across agenda files: totals add up, links resolve, every region has its metadata."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from ..check import cross_rule
from ..load import Dataset
from ..messages import bedoelde_je
from ..models import KaartRecord
from ..problems import Problem
from .models import STATUS_UITLEG, Agenda, AgendaItem


def agendas(dataset: Dataset) -> dict[str, Agenda]:
    return dataset.of("agendas")  # type: ignore[return-value]


def items(dataset: Dataset) -> dict[str, AgendaItem]:
    return dataset.of("agenda")  # type: ignore[return-value]


def items_per_regio(dataset: Dataset) -> dict[str, list[AgendaItem]]:
    grouped: dict[str, list[AgendaItem]] = defaultdict(list)
    for item in items(dataset).values():
        grouped[item.regio].append(item)
    return dict(grouped)


def bedrag(value: Decimal) -> str:
    """60000 -> '60.000', as the documents write amounts."""
    text = f"{value:,}".replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return text


def _bestand_bestaat(dataset: Dataset, folder: str, record_id: str) -> bool:
    """A file that exists but has errors of its own: those errors are reported already,
    so a link to it is not reported as broken too."""
    return (dataset.root / folder / f"{record_id}.yml").is_file()


@cross_rule
def metadata_per_regio(dataset: Dataset, vandaag: date) -> Iterator[Problem]:
    """Each folder data/agenda/<regio>/ needs data/agendas/<regio>.yml, and the region must exist."""
    meta = agendas(dataset)
    for regio, group in sorted(items_per_regio(dataset).items()):
        if regio not in meta:
            first = min(group, key=lambda i: i.id)
            yield dataset.problem(
                first, (), f"de map data/agenda/{regio}/ heeft geen beschrijving van de agenda; maak data/agendas/{regio}.yml aan "
                f"(met titel, periode en brondocument){bedoelde_je(regio, meta)}"
            )
    for agenda in meta.values():
        if agenda.id not in dataset.regios:
            yield dataset.problem(
                agenda, (), f"er is geen regio '{agenda.id}' in data/regios/; de bestandsnaam van een agenda is het id van de regio{bedoelde_je(agenda.id, dataset.regios)}"
            )


@cross_rule
def begrotingen_kloppen(dataset: Dataset, vandaag: date) -> Iterator[Problem]:
    """Add up every budget table and compare with the total the document states."""
    meta = agendas(dataset)
    lines: dict[tuple[str, str], list[Decimal]] = defaultdict(list)
    for item in items(dataset).values():
        agenda = meta.get(item.regio)
        for i, regel in enumerate(item.budget):
            if regel.begroting is None:
                continue
            begroting = agenda.begroting(regel.begroting) if agenda else None
            if begroting is None:
                known = [b.id for b in agenda.begrotingen] if agenda else []
                yield dataset.problem(
                    item, ("budget", i, "begroting"),
                    f"begroting '{regel.begroting}' staat niet in data/agendas/{item.regio}.yml{bedoelde_je(regel.begroting, known)}",
                )
                continue
            if regel.eenheid != begroting.eenheid:
                yield dataset.problem(
                    item, ("budget", i, "eenheid"),
                    f"deze regel is in '{regel.eenheid}', maar begroting '{begroting.id}' telt in '{begroting.eenheid}'",
                )
                continue
            if regel.jaar is not None and begroting.jaar is not None and regel.jaar != begroting.jaar:
                yield dataset.problem(item, ("budget", i, "jaar"), f"deze regel is voor {regel.jaar}, maar begroting '{begroting.id}' is voor {begroting.jaar}")
                continue
            lines[(item.regio, begroting.id)].append(regel.bedrag)
    for agenda in meta.values():
        for b, begroting in enumerate(agenda.begrotingen):
            for r, regel in enumerate(begroting.regels):
                if regel.eenheid != begroting.eenheid:
                    yield dataset.problem(agenda, ("begrotingen", b, "regels", r, "eenheid"), f"deze regel is in '{regel.eenheid}', maar de begroting telt in '{begroting.eenheid}'")
            if begroting.totaal is None:
                continue
            regels = [r.bedrag for r in begroting.regels if r.eenheid == begroting.eenheid] + lines[(agenda.id, begroting.id)]
            som = sum(regels, Decimal(0))
            if som != begroting.totaal:
                yield dataset.problem(
                    agenda, ("begrotingen", b, "totaal"),
                    f"het totaal van '{begroting.titel}' is {bedrag(begroting.totaal)}, maar de {len(regels)} regels "
                    f"(hier en bij de agendapunten met 'begroting: {begroting.id}') tellen op tot {bedrag(som)}; "
                    "controleer de bedragen met het document (schrijf bedragen zonder punt: 60000, niet 60.000)",
                )


@cross_rule
def verwijzingen_agenda(dataset: Dataset, vandaag: date) -> Iterator[Problem]:
    """Links from the agenda to the sociale kaart and back, and between agenda items."""
    alle_items = items(dataset)
    per_regio: dict[str, set[str]] = {}  # the slugs of each agenda, gathered once: not per item
    for item in alle_items.values():
        per_regio.setdefault(item.regio, set()).add(item.slug)
    for item in alle_items.values():
        for i, ref in enumerate(item.kaart):
            folder, _, record_id = ref.partition("/")
            if not record_id:
                continue
            records = dataset.of(folder)
            if record_id not in records and not _bestand_bestaat(dataset, folder, record_id):
                yield dataset.problem(
                    item, ("kaart", i),
                    f"'{ref}' bestaat niet: er is geen data/{folder}/{record_id}.yml{bedoelde_je(record_id, records)}",
                )
        eigen = per_regio[item.regio]
        for i, slug in enumerate(item.hoort_bij):
            if slug not in eigen:
                yield dataset.problem(item, ("hoort_bij", i), f"er is geen agendapunt '{slug}' in data/agenda/{item.regio}/{bedoelde_je(slug, eigen)}")
    for record in dataset.all():
        if not isinstance(record, KaartRecord):
            continue
        for i, ref in enumerate(record.agenda):
            if ref not in alle_items and not _bestand_bestaat(dataset, "agenda", ref):
                yield dataset.problem(
                    record, ("agenda", i),
                    f"agendapunt '{ref}' bestaat niet; maak data/agenda/{ref}.yml aan of kies een bestaand agendapunt{bedoelde_je(ref, alle_items)}",
                )


@cross_rule
def kpi_cijfers(dataset: Dataset, vandaag: date) -> Iterator[Problem]:
    """Gemeenten in metingen belong to the region; totals per period match the sum per gemeente."""
    for item in items(dataset).values():
        regio = dataset.regios.get(item.regio)
        codes = {g.code for g in regio.gemeenten} if regio else None
        for k, kpi in enumerate(item.kpis):
            per_periode: dict[str, list[Decimal]] = defaultdict(list)
            totalen: dict[str, tuple[int, Decimal]] = {}
            for m, meting in enumerate(kpi.metingen):
                if meting.gebied.startswith("GM"):
                    if codes is not None and meting.gebied not in codes:
                        yield dataset.problem(item, ("kpis", k, "metingen", m, "gebied"), f"gemeente '{meting.gebied}' hoort niet bij regio '{item.regio}'")
                    per_periode[meting.periode].append(meting.waarde)
                elif meting.gebied == "regio":
                    totalen[meting.periode] = (m, meting.waarde)
            if not kpi.optelbaar:
                continue
            for periode, (m, totaal) in totalen.items():
                waarden = per_periode.get(periode)
                if waarden and sum(waarden, Decimal(0)) != totaal:
                    yield dataset.problem(
                        item, ("kpis", k, "metingen", m, "waarde"),
                        f"het regiototaal voor {periode} is {totaal}, maar de {len(waarden)} gemeenten tellen op tot {sum(waarden, Decimal(0))}",
                    )


MAX_DAGEN_BIJGEWERKT = 183  # about 6 months: an agenda's progress goes stale faster than an address


@cross_rule
def agenda_bijgewerkt(dataset: Dataset, vandaag: date) -> Iterator[Problem]:
    """An agenda nobody has looked at for half a year tells readers an old story."""
    for agenda in agendas(dataset).values():
        if (vandaag - agenda.bijgewerkt_op).days > MAX_DAGEN_BIJGEWERKT:
            yield dataset.problem(
                agenda, ("bijgewerkt_op",),
                f"de agenda is bijgewerkt op {agenda.bijgewerkt_op.isoformat()}, meer dan 6 maanden geleden; "
                "vergelijk de planning en de stand van zaken met de praktijk en pas de datum aan",
                "waarschuwing",
            )


@cross_rule
def status_compleet(dataset: Dataset, vandaag: date) -> Iterator[Problem]:
    """A date or note about a status needs the status itself; a status date cannot lie ahead."""
    for item in items(dataset).values():
        delen: list[tuple[tuple, object]] = [((), item)]
        for r, resultaat in enumerate(item.resultaten):
            delen.append((("resultaten", r), resultaat))
            delen += [(("resultaten", r, "activiteiten", a), act) for a, act in enumerate(resultaat.activiteiten)]
        for loc, deel in delen:
            status = getattr(deel, "status")
            for veld in ("status_op", "status_toelichting"):
                if getattr(deel, veld) is not None and status is None:
                    yield dataset.problem(item, (*loc, veld), f"'{veld}' hoort bij een status; vul ook 'status' in ({STATUS_UITLEG})")
            status_op = getattr(deel, "status_op")
            if status_op is not None and status_op > vandaag:
                yield dataset.problem(item, (*loc, "status_op"), f"{status_op.isoformat()} ligt in de toekomst; een status geldt vanaf een dag die al geweest is")


def _tabel_problemen(dataset: Dataset, record, pad: tuple, tabel) -> Iterator[Problem]:
    rijen, kolommen, gezien = set(tabel.rijen), set(tabel.kolommen), set()
    for c, cel in enumerate(tabel.cellen):
        loc = (*pad, "cellen", c)
        if cel.rij not in rijen:
            yield dataset.problem(record, (*loc, "rij"), f"rij '{cel.rij}' staat niet in 'rijen' van deze tabel{bedoelde_je(cel.rij, tabel.rijen)}")
        if cel.kolom not in kolommen:
            yield dataset.problem(record, (*loc, "kolom"), f"kolom '{cel.kolom}' staat niet in 'kolommen' van deze tabel{bedoelde_je(cel.kolom, tabel.kolommen)}")
        if len(cel.waarden) != len(tabel.maten):
            yield dataset.problem(
                record, (*loc, "waarden"),
                f"deze cel heeft {len(cel.waarden)} getallen, maar de tabel heeft {len(tabel.maten)} maten "
                f"({', '.join(m.naam for m in tabel.maten)}); geef één getal per maat",
            )
        if (cel.rij, cel.kolom) in gezien:
            yield dataset.problem(record, loc, f"de cel '{cel.rij}' x '{cel.kolom}' staat twee keer in de tabel")
        gezien.add((cel.rij, cel.kolom))


def _gemeentecodes(dataset: Dataset, regio_id: str) -> set[str] | None:
    regio = dataset.regios.get(regio_id)
    return {g.code for g in regio.gemeenten} if regio else None


@cross_rule
def tabellen_en_gemeenten(dataset: Dataset, vandaag: date) -> Iterator[Problem]:
    """Cross tables name their own rows and columns; gemeenten belong to the agenda's region."""
    for record, regio_id in [*((a, a.id) for a in agendas(dataset).values()), *((i, i.regio) for i in items(dataset).values())]:
        for t, tabel in enumerate(record.tabellen):
            yield from _tabel_problemen(dataset, record, ("tabellen", t), tabel)
        codes = _gemeentecodes(dataset, regio_id)
        if codes is None:
            continue  # an unknown region is reported by metadata_per_regio
        fout_gemeente = "gemeente '{}' hoort niet bij regio '" + regio_id + "'"
        for k, kpi in enumerate(getattr(record, "kerncijfers", [])):
            for m, meting in enumerate(kpi.metingen):
                if meting.gebied.startswith("GM") and meting.gebied not in codes:
                    yield dataset.problem(record, ("kerncijfers", k, "metingen", m, "gebied"), fout_gemeente.format(meting.gebied))
        for s, start in enumerate(getattr(record, "start_per_gemeente", [])):
            if start.gemeente not in codes:
                yield dataset.problem(record, ("start_per_gemeente", s, "gemeente"), fout_gemeente.format(start.gemeente))
    for item in items(dataset).values():
        for s, start in enumerate(item.start_per_gemeente):
            if start.start is None and start.tekst is None:
                yield dataset.problem(item, ("start_per_gemeente", s), "vul 'start' (wanneer) of 'tekst' (de stand zoals in het document) in")
