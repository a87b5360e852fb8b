"""`socialekaart importeer`: records from a spreadsheet or CSV file, one YAML file per row.

All or nothing: every row is read, converted and validated, then the whole data set with
the new records goes through every rule of `socialekaart check`; only when nothing is wrong
are the files written (first into a hidden folder, then moved into place). Every problem
names its place in the source: 'initiatieven.xlsx:Blad1:rij 12:kolom E (telefoon): ...'.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ...collector import collector_paused
from ...load import SLUG, slugify, validation_messages
from ...messages import Loc, veldnaam
from ...models import KAART_SOORTEN, RECORD_TYPES, Record
from ...models.common import PATTERN_UITLEG, SLUG_PATTERN
from ...problems import Problem
from .bronnen import Blad, BronFout, CelProblem, kolomletter, lees
from .controle import Rij, controle, kolom_van
from .kolommen import ID, Kolom, kolom_voor, normaal, onbekend, uitleg
from .waarden import CelFout, leeg, omzetter
from .schrijven import schrijf
from .yaml_tekst import record_yaml

SOORTEN = KAART_SOORTEN

__all__ = ["SOORTEN", "Resultaat", "importeer", "schrijf"]

Kop = Kolom | str | None  # a field's column, the id column, or a column to skip


@dataclass
class Resultaat:
    """What an import found, and the records it would write to `folder`."""

    folder: Path
    problemen: list[Problem] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    vervangt: set[str] = field(default_factory=set)  # ids whose file is already there
    rijen: int = 0

    @property
    def ok(self) -> bool:
        return not any(p.is_fout for p in self.problemen)

    def paden(self) -> Iterator[tuple[Path, bool]]:
        """(file, replaces an existing one) per record."""
        for record in self.records:
            yield self.folder / f"{record.id}.yml", record.id in self.vervangt

    def bestanden(self) -> Iterator[tuple[Path, str]]:
        """(file, its text) per record, made as they are asked for: the texts of 50,000
        records are never all in memory at once."""
        for record in self.records:
            yield self.folder / f"{record.id}.yml", record_yaml(record, self.folder.name)


def importeer(
    bestand: Path, soort: str, data_map: Path, *, shown: str | None = None, overschrijven: bool = False,
    vandaag: date | None = None, blad: str | None = None,
) -> Resultaat:  # fmt: skip
    """Read and check everything; write nothing (`schrijf` does that with the result)."""
    with collector_paused():  # tens of thousands of records kept: see collector.py
        resultaat = _importeer(bestand, soort, data_map, shown or str(bestand), overschrijven, vandaag or date.today(), blad)
        # The records live on until they are written: out of the collector's sight, or its first
        # round after the pause walks all of them (a second on 50,000 rows), and the writing
        # process forked later would copy every page it touches.
        gc.freeze()
    return resultaat


def _importeer(bestand: Path, soort: str, data_map: Path, shown: str, overschrijven: bool, vandaag: date, blad: str | None) -> Resultaat:
    resultaat = Resultaat(data_map / soort)
    try:
        sheet = lees(bestand, shown, blad)
    except BronFout as error:
        resultaat.problemen.append(error.problem)
        return resultaat
    folder = data_map / soort
    bestaand = {n[:-4] for n in os.listdir(folder) if n.endswith(".yml")} if folder.is_dir() else set()
    try:
        records = list(_records(sheet, soort, data_map, None if overschrijven else bestaand, vandaag, resultaat))
    except BronFout as error:  # a CSV file that turns out unreadable halfway: that alone is told
        resultaat.problemen = [error.problem]
        return resultaat
    del sheet  # the spreadsheet's cells (tens of MB at 50,000 rows) are not needed for the check
    if not resultaat.ok:  # the sheet itself is wrong: the rules would only add noise
        return resultaat
    resultaat.problemen += controle(data_map, soort, records, vandaag)
    if resultaat.ok:
        resultaat.records = [record for record, _ in records]
        resultaat.vervangt = {record.id for record in resultaat.records if record.id in bestaand}
    return resultaat


def _records(
    sheet: Blad, soort: str, data_map: Path, bezet: set[str] | None, vandaag: date, resultaat: Resultaat
) -> Iterator[tuple[Record, Rij]]:
    """The valid records of the sheet, with where each came from; problems go to `resultaat`.
    `bezet`: the ids that already have a file and may not be replaced (None: all may)."""
    model = RECORD_TYPES[soort].model
    problemen = resultaat.problemen
    rijen = (r for r in sheet.rijen if _gevuld(r[1]))
    kop = next(rijen, None)
    if kop is None:
        problemen.append(CelProblem(sheet.bron, 1, 0, "(blad)", f"het blad is leeg; de eerste rij hoort de namen van de kolommen te hebben (een voorbeeld maakt 'socialekaart nieuw --spreadsheet {soort}')"))
        return
    kop_nummer, namen = kop
    koppen = _koppen(sheet.bron, kop_nummer, namen, model, problemen)
    kolommen = {k.loc: j for j, k in enumerate(koppen) if isinstance(k, Kolom)}
    naam_kolom = kolommen.get(("naam",))
    id_kolom = next((j for j, k in enumerate(koppen) if k == ID), None)
    if id_kolom is None and naam_kolom is None:
        problemen.append(CelProblem(sheet.bron, kop_nummer, 0, "(kolommen)", "er is geen kolom 'id' en geen kolom 'naam'; het id (de bestandsnaam) komt uit een van die twee"))
    # Cells on a merged range or with a formula get the name of their column.
    problemen += [replace(p, veld=_kopnaam(koppen, p.col - 1, namen)) if p.col else p for p in sheet.problemen]
    if not resultaat.ok:
        return
    indeling = _Indeling(
        velden=[(j, omzetter(k), k, str(k.loc[0]) if len(k.loc) == 1 else None) for j, k in enumerate(koppen) if isinstance(k, Kolom)],
        id_kolom=id_kolom,
        naamloos=[j for j, k in enumerate(koppen) if k is None and leeg(namen[j])],
        breedte=len(koppen),
        kolommen=kolommen,
        lijsten=sorted({loc[0] for loc in kolommen if len(loc) > 1 and isinstance(loc[1], int)}),  # type: ignore[misc]
    )
    bron_map = f"{data_map.resolve().name}/{soort}"
    uitlegrij = [uitleg(model, k) if isinstance(k, Kolom) else uitleg(model, None) if k == ID else None for k in koppen]
    ids: dict[str, int] = {}
    gemeld: set[int] = set()
    eerste = True
    for nummer, cellen in rijen:
        if eerste and _is_uitleg(cellen, uitlegrij):
            eerste = False
            continue  # the row of explanations under the names, as in the template
        eerste = False
        resultaat.rijen += 1
        gevonden = _rij(sheet.bron, nummer, cellen, indeling, gemeld, problemen)
        if gevonden is None:
            continue
        data, rij, id_cel = gevonden
        record_id = _id(id_cel, data, rij, id_kolom, naam_kolom, ids, problemen)
        if record_id is None:
            continue
        if bezet is not None and record_id in bezet:
            path = data_map / soort / f"{record_id}.yml"
            veld = ID if id_kolom is not None else "naam"
            problemen.append(CelProblem(sheet.bron, nummer, rij.id_kolom + 1, veld, f"{path} bestaat al; kies een ander id, of vervang het bestand met --overschrijven"))
            continue
        try:
            record = model.model_validate(data, context={"vandaag": vandaag})
        except ValidationError as error:
            for loc, kind, bericht in validation_messages(error, model):
                problemen.append(rij.problem(loc, bericht if kind != "missing" or kolom_van(kolommen, loc) is not None else f"{bericht} (er is geen kolom '{veldnaam(loc)}')"))
            continue
        record.set_origin(record_id, f"{bron_map}/{record_id}.yml")
        yield record, rij
    if resultaat.rijen == 0:
        problemen.append(CelProblem(sheet.bron, kop_nummer + 1, 0, "(blad)", "er staan geen gegevens onder de namen van de kolommen"))


def _gevuld(cellen: list[Any]) -> bool:
    """Does the row hold anything? Nearly always the first cell says so at once."""
    if cellen and type(cellen[0]) is str and cellen[0] and not cellen[0].isspace():
        return True
    return not all(leeg(c) for c in cellen)


def _kopnaam(koppen: list[Kop], j: int, namen: list[Any]) -> str:
    kop = koppen[j] if j < len(koppen) else None
    if isinstance(kop, Kolom):
        return kop.naam
    if kop == ID:
        return ID
    return str(namen[j]).strip() if j < len(namen) and not leeg(namen[j]) else "(zonder naam)"


def _koppen(bron: str, nummer: int, namen: list[Any], model: type[Record], problemen: list[Problem]) -> list[Kop]:
    """What each column fills; unknown and repeated names are problems at the header cell."""
    koppen: list[Kop] = []
    gezien: dict[Any, int] = {}
    for j, naam in enumerate(namen):
        text = "" if leeg(naam) else str(naam).strip()
        if not text or text.startswith("#"):
            koppen.append(None)
            continue
        kop: Kop = ID if normaal(text) == ID else kolom_voor(model, text)
        if kop is None:
            problemen.append(CelProblem(bron, nummer, j + 1, text, onbekend(model, text)))
            koppen.append(None)
            continue
        key = kop if kop == ID else kop.loc  # type: ignore[union-attr]
        if key in gezien:
            problemen.append(CelProblem(bron, nummer, j + 1, _kopnaam([kop], 0, [text]), f"deze kolom staat er twee keer: kolom {kolomletter(gezien[key])} vult hetzelfde veld; haal er een weg of voeg ze samen"))
            koppen.append(None)
            continue
        gezien[key] = j
        koppen.append(kop)
    return koppen


def _is_uitleg(cellen: list[Any], uitlegrij: list[str | None]) -> bool:
    filled = [(j, c) for j, c in enumerate(cellen) if not leeg(c)]
    return bool(filled) and all(j < len(uitlegrij) and str(c).strip() == uitlegrij[j] for j, c in filled)


@dataclass(frozen=True)
class _Indeling:
    """What each column of the sheet is for, worked out once from the header row."""

    velden: list[tuple[int, Any, Kolom, str | None]]  # (column, its cell reader, the field it fills, its name if top-level)
    id_kolom: int | None
    naamloos: list[int]  # columns without a name: data there would be lost
    breedte: int  # columns with a name; data beyond them is data without a name
    kolommen: dict[Loc, int]
    lijsten: list[str]  # the top-level lists of blocks (locaties ...)


def _rij(bron: str, nummer: int, cellen: list[Any], indeling: _Indeling, gemeld: set[int], problemen: list[Problem]) -> tuple[dict[str, Any], Rij, Any] | None:
    """The record's values from one row, nested as the model wants them."""
    data: dict[Any, Any] = {}
    ok = True
    breedte = len(cellen)
    for j, lees_cel, kop, veld in indeling.velden:
        cel = cellen[j] if j < breedte else None
        if cel is None or cel == "":
            continue
        try:
            value = lees_cel(cel)
        except CelFout as error:
            problemen.append(CelProblem(bron, nummer, j + 1, kop.naam, str(error)))
            ok = False
            continue
        if value is not None:
            if veld is not None:
                data[veld] = value
            else:
                _zet(data, kop.loc, value)
    if indeling.naamloos or breedte > indeling.breedte:
        for j in [*indeling.naamloos, *range(indeling.breedte, breedte)]:
            if j < breedte and not leeg(cellen[j]) and j not in gemeld:
                gemeld.add(j)  # told once per column, at the first row that uses it
                problemen.append(CelProblem(bron, nummer, j + 1, "(zonder naam)", "deze kolom heeft geen naam in de eerste rij; geef hem de naam van een veld, of begin de naam met '#' voor aantekeningen"))
                ok = False
    if not ok:
        return None
    lijstplek: dict[Loc, int] = _GEEN_PLEKKEN
    for naam in indeling.lijsten:
        if naam in data:
            if lijstplek is _GEEN_PLEKKEN:
                lijstplek = {}
            data[naam] = _lijst(data[naam], naam, lijstplek)
    id_kolom = indeling.id_kolom
    id_cel = cellen[id_kolom] if id_kolom is not None and id_kolom < breedte else None
    return data, Rij(bron, nummer, -1, indeling.kolommen, lijstplek), id_cel


_GEEN_PLEKKEN: dict[Loc, int] = {}  # shared by the rows without lists of blocks: never written to


def _zet(data: dict[Any, Any], loc: Loc, value: Any) -> None:
    for part in loc[:-1]:
        data = data.setdefault(part, {})
    data[loc[-1]] = value


def _lijst(items: dict[int, Any], naam: str, lijstplek: dict[Loc, int]) -> list[Any]:
    """{0: {...}, 2: {...}} -> [{...}, {...}]: the filled items of a list of blocks, in order;
    remembers that the second one is item 3 of the sheet. (Lists of blocks are top-level
    fields in every record type.)"""
    ordered = sorted(items)
    for pos, index in enumerate(ordered):
        if pos != index:
            lijstplek[(naam, pos)] = index
    return [items[index] for index in ordered]


def _id(
    id_cel: Any, data: dict[str, Any], rij: Rij, id_kolom: int | None, naam_kolom: int | None,
    ids: dict[str, int], problemen: list[Problem],
) -> str | None:  # fmt: skip
    """The record id: the id cell, or the naam made into a file name; unique in the sheet."""
    if not leeg(id_cel):
        record_id, kolom, bron = str(id_cel).strip(), id_kolom, "id"
        if not SLUG.match(record_id):
            problemen.append(CelProblem(rij.bron, rij.nummer, kolom + 1, ID, f"'{record_id}' klopt niet: {PATTERN_UITLEG[SLUG_PATTERN]}"))  # type: ignore[operator]
            return None
    elif isinstance(data.get("naam"), str) and naam_kolom is not None:
        record_id, kolom, bron = slugify(data["naam"]), naam_kolom, "naam"
    else:
        problemen.append(CelProblem(rij.bron, rij.nummer, (id_kolom if id_kolom is not None else -1) + 1, ID, "deze rij heeft geen id en geen naam; vul een van beide in"))
        return None
    rij.id_kolom = kolom  # type: ignore[assignment]
    eerder = ids.get(record_id)
    if eerder is not None:
        uitleg_id = "" if bron == "id" else " (gemaakt uit de naam)"
        problemen.append(CelProblem(rij.bron, rij.nummer, kolom + 1, bron, f"id '{record_id}'{uitleg_id} staat al in rij {eerder}; elk record heeft een eigen id, want dat wordt de bestandsnaam"))  # type: ignore[operator]
        return None
    ids[record_id] = rij.nummer
    return record_id
