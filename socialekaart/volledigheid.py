"""What a region still has to fill in, per gemeente: the completeness report.

`socialekaart check` prints its warnings (positioned where a file exists) and ends with the
table; the editors' page on the site shows the same table. Everything is counted from
indexes built once, so a national data set costs one pass over the records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .load import Dataset
from .models import Gezinshuis, InformeleSteun, KaartRecord, LokaalTeam, Regio
from .models.regio import Gemeente
from .problems import Problem

ROLLEN = {"onderwijs": "onderwijs", "huisartsen": "huisartsen", "jgz": "de jeugdgezondheidszorg (JGZ)"}
MAX_DAGEN_GECONTROLEERD = 365  # a record not verified for this long is old
MAX_DAGEN_PEILDATUM = 30  # free places counted longer ago are shown as unknown


def kaart_regios(dataset: Dataset) -> list[Regio]:
    """Regions that publish a sociale kaart: those with records. When no region has any (a
    repository just made with `socialekaart init`), every region: that is what to fill in.
    A region with only an agenda is left out as long as another region has records."""
    codes = {c for t in dataset.lokale_teams.values() for c in t.gemeenten} | {h.gemeente for h in dataset.gezinshuizen.values()}
    met_steun = {i.regio for i in dataset.informele_steun.values()}
    met_records = [r for r in dataset.regios.values() if r.id in met_steun or any(g.code in codes for g in r.gemeenten)]
    return met_records or list(dataset.regios.values())


@dataclass(frozen=True)
class Stand:
    """One gemeente: what there is, and what is old."""

    regio: Regio
    gemeente: Gemeente
    teams: list[LokaalTeam]
    rollen: dict[str, bool]  # rol -> is there a contact person for it
    steun: int
    scholen: int
    scholen_zonder_contact: int
    verouderd: int  # records not verified for 12 months
    gezinshuizen: int
    peildatum_oud: int  # gezinshuizen whose free places are not counted recently
    zonder_peildatum: list[Gezinshuis]  # (old ones are warned about per record by check)

    @property
    def compleet(self) -> bool:
        return bool(self.teams) and all(self.rollen.values()) and self.steun > 0 and not (
            self.scholen_zonder_contact or self.verouderd or self.peildatum_oud
        )


def verouderd(record: KaartRecord, vandaag: date) -> bool:
    return (vandaag - record.gecontroleerd_op).days > MAX_DAGEN_GECONTROLEERD


def peildatum_oud(huis: Gezinshuis, vandaag: date) -> bool:
    p = huis.plekken.peildatum
    return p is None or (vandaag - p).days > MAX_DAGEN_PEILDATUM


def _heeft_rol(team: LokaalTeam, rol: str) -> bool:
    return any(rol in p.rollen for p in team.contactpersonen)


def standen(dataset: Dataset, vandaag: date) -> list[Stand]:
    """Per gemeente of every region with a sociale kaart, in the order of the region files."""
    regios = kaart_regios(dataset)
    teams: dict[str, list[LokaalTeam]] = defaultdict(list)
    for team in dataset.lokale_teams.values():
        for code in team.gemeenten:
            teams[code].append(team)
    steun: dict[str, list[InformeleSteun]] = defaultdict(list)
    regio_codes = {r.id: [g.code for g in r.gemeenten] for r in dataset.regios.values()}
    for item in dataset.informele_steun.values():
        for code in item.gemeenten or regio_codes.get(item.regio, []):
            steun[code].append(item)
    huizen: dict[str, list[Gezinshuis]] = defaultdict(list)
    for huis in dataset.gezinshuizen.values():
        huizen[huis.gemeente].append(huis)
    result = []
    for regio in regios:
        for gemeente in regio.gemeenten:
            code = gemeente.code
            eigen = teams[code]
            records: list[KaartRecord] = [*eigen, *steun[code], *huizen[code]]
            result.append(Stand(
                regio=regio,
                gemeente=gemeente,
                teams=eigen,
                rollen={rol: any(_heeft_rol(t, rol) for t in eigen) for rol in ROLLEN},
                steun=len(steun[code]),
                scholen=sum(len(t.scholen) for t in eigen),
                scholen_zonder_contact=sum(len(t.scholen) for t in eigen if not _heeft_rol(t, "onderwijs")),
                verouderd=sum(verouderd(r, vandaag) for r in records),
                gezinshuizen=len(huizen[code]),
                peildatum_oud=sum(peildatum_oud(h, vandaag) for h in huizen[code]),
                zonder_peildatum=[h for h in huizen[code] if h.plekken.peildatum is None],
            ))
    return result


def waarschuwingen(dataset: Dataset, lijst: list[Stand]) -> Iterator[Problem]:
    """What to fill in next, at the file where it belongs (the team, else the region file).

    Old records and old free places are already warned about per record by check."""
    gemeld_scholen: set[str] = set()
    for stand in lijst:
        regio, g = stand.regio, stand.gemeente
        in_regio = ("gemeenten", regio.gemeenten.index(g), "code")
        if not stand.teams:
            yield dataset.problem(regio, in_regio, (
                f"gemeente {g.naam} heeft geen lokaal team in data/lokale-teams/; zet '{g.code}' bij "
                "'gemeenten' van het team dat er werkt, of maak een team met 'socialekaart nieuw lokale-teams <id>'"
            ), "waarschuwing")
        else:
            team = stand.teams[0]
            for rol, wie in ROLLEN.items():
                if not stand.rollen[rol] and not (rol == "onderwijs" and stand.scholen_zonder_contact):
                    yield dataset.problem(team, ("contactpersonen",), (
                        f"gemeente {g.naam} heeft geen aanspreekpunt voor {wie}; zet bij 'contactpersonen' "
                        f"iemand met 'rollen: [{rol}]'"
                    ), "waarschuwing")
            for t in stand.teams:
                if t.scholen and not _heeft_rol(t, "onderwijs") and t.id not in gemeld_scholen:
                    gemeld_scholen.add(t.id)
                    yield dataset.problem(t, ("scholen",), (
                        f"{len(t.scholen)} scholen staan bij dit team, maar geen contactpersoon voor onderwijs; "
                        "zet bij 'contactpersonen' iemand met 'rollen: [onderwijs]'"
                    ), "waarschuwing")
        for huis in stand.zonder_peildatum:
            yield dataset.problem(huis, ("plekken",), (
                "vrije plekken zijn niet geteld (geen 'vrij' en 'peildatum'); de site toont ze als 'onbekend'"
            ), "waarschuwing")
        if not stand.steun:
            yield dataset.problem(regio, in_regio, (
                f"gemeente {g.naam} heeft nog geen informele steun in data/informele-steun/; maak een initiatief "
                "met 'socialekaart nieuw informele-steun <id>'"
            ), "waarschuwing")


KOLOMMEN = ("gemeente", "teams", "onderwijs", "huisartsen", "JGZ", "steun", "scholen zonder contact", "verouderd", "gezinshuizen niet recent geteld")


def rij(stand: Stand) -> tuple[str, ...]:
    """One row of the table, as text (the CLI prints it, the editors' page shows it)."""
    ja = {True: "ja", False: "nee"}
    return (
        stand.gemeente.naam,
        str(len(stand.teams)),
        *(ja[stand.rollen[rol]] for rol in ROLLEN),
        str(stand.steun),
        f"{stand.scholen_zonder_contact} van {stand.scholen}",
        str(stand.verouderd),
        f"{stand.peildatum_oud} van {stand.gezinshuizen}",
    )


def tabel_tekst(lijst: list[Stand]) -> list[str]:
    """The table for the terminal: one block per region, columns aligned."""
    regels: list[str] = []
    per_regio: dict[str, list[Stand]] = defaultdict(list)
    for stand in lijst:
        per_regio[stand.regio.id].append(stand)
    for regio_standen in per_regio.values():
        rijen = [KOLOMMEN, *(rij(s) for s in regio_standen)]
        breedte = [max(len(r[i]) for r in rijen) for i in range(len(KOLOMMEN))]
        klaar = sum(s.compleet for s in regio_standen)
        regels.append(f"Volledigheid {regio_standen[0].regio.naam}: {klaar} van {len(regio_standen)} gemeenten compleet")
        regels += ["  " + "  ".join(cel.ljust(breedte[i]) for i, cel in enumerate(r)).rstrip() for r in rijen]
    return regels
