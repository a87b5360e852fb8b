"""Rules across records, staleness warnings, and the one entry point: `check()`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .collector import collector_paused
from .load import Dataset, load_dataset
from .messages import Loc, bedoelde_je
from .models import KaartRecord, Record
from .problems import DataError, Problem
from .rules import record_rules
from .volledigheid import MAX_DAGEN_GECONTROLEERD, MAX_DAGEN_PEILDATUM, Stand, standen, waarschuwingen

CrossRule = Callable[[Dataset, date], Iterable[Problem]]
CROSS_RULES: list[CrossRule] = []


def cross_rule(rule: CrossRule) -> CrossRule:
    """Register a rule over the whole data set (other modules, like the agenda, add theirs)."""
    CROSS_RULES.append(rule)
    return rule


def _known_codes(dataset: Dataset) -> dict[str, str]:
    """gemeente code -> regio id."""
    return {g.code: regio.id for regio in dataset.regios.values() for g in regio.gemeenten}


def _check_code(dataset: Dataset, record: Record, loc: Loc, code: str, regio: str | None, codes: dict[str, str]) -> Iterator[Problem]:
    if code not in codes:
        if not dataset.compleet("regios"):
            return  # the code may be in the region file that has errors of its own
        yield dataset.problem(record, loc, f"gemeentecode '{code}' staat in geen enkele regio in data/regios/; voeg de gemeente daar toe of kies een bestaande code")
    elif regio is not None and codes[code] != regio:
        yield dataset.problem(record, loc, f"gemeente '{code}' hoort bij regio '{codes[code]}', niet bij '{regio}'")


@cross_rule
def gemeenten_bestaan(dataset: Dataset, vandaag: date) -> Iterator[Problem]:
    codes = _known_codes(dataset)
    for team in dataset.lokale_teams.values():
        for i, code in enumerate(team.gemeenten):
            yield from _check_code(dataset, team, ("gemeenten", i), code, None, codes)
    for item in dataset.informele_steun.values():
        for i, code in enumerate(item.gemeenten):
            yield from _check_code(dataset, item, ("gemeenten", i), code, item.regio if item.regio in dataset.regios else None, codes)
        for i, locatie in enumerate(item.locaties):
            if locatie.gemeente:
                yield from _check_code(dataset, item, ("locaties", i, "gemeente"), locatie.gemeente, None, codes)
    for huis in dataset.gezinshuizen.values():
        yield from _check_code(dataset, huis, ("gemeente",), huis.gemeente, None, codes)
    for aanbieder in dataset.aanbieders.values():
        for i, code in enumerate(aanbieder.gemeenten):
            yield from _check_code(dataset, aanbieder, ("gemeenten", i), code, None, codes)
            if code in codes and codes[code] not in aanbieder.regios:
                yield dataset.problem(aanbieder, ("gemeenten", i), f"gemeente '{code}' ligt in regio '{codes[code]}'; zet die regio ook bij 'regios'")


@cross_rule
def regios_uniek(dataset: Dataset, vandaag: date) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for regio in dataset.regios.values():
        for i, gemeente in enumerate(regio.gemeenten):
            if gemeente.code in seen:
                yield dataset.problem(regio, ("gemeenten", i, "code"), f"gemeente '{gemeente.code}' staat al in regio '{seen[gemeente.code]}'; een gemeente hoort bij één regio")
            seen[gemeente.code] = regio.id


@cross_rule
def verwijzingen_bestaan(dataset: Dataset, vandaag: date) -> Iterator[Problem]:
    regios, aanbieders = dataset.regios, dataset.aanbieders

    def aanbieder_ref(record: Record, loc: Loc, ref: str) -> Iterator[Problem]:
        if not dataset.bestaat("providers", ref):
            yield dataset.problem(record, loc, f"aanbieder '{ref}' bestaat niet; maak data/providers/{ref}.yml aan of kies een bestaand id{bedoelde_je(ref, aanbieders)}")

    def regio_ref(record: Record, loc: Loc, ref: str) -> Iterator[Problem]:
        if not dataset.bestaat("regios", ref):
            yield dataset.problem(record, loc, f"regio '{ref}' bestaat niet in data/regios/{bedoelde_je(ref, regios)}")

    for item in dataset.informele_steun.values():
        yield from regio_ref(item, ("regio",), item.regio)
        if item.aanbieder:
            yield from aanbieder_ref(item, ("aanbieder",), item.aanbieder)
    for huis in dataset.gezinshuizen.values():
        yield from aanbieder_ref(huis, ("aanbieder",), huis.aanbieder)
    for aanbieder in aanbieders.values():
        for i, ref in enumerate(aanbieder.regios):
            yield from regio_ref(aanbieder, ("regios", i), ref)
    for regio in regios.values():
        for i, stap in enumerate(regio.wegwijzer):
            if stap.aanbieder:
                yield from aanbieder_ref(regio, ("wegwijzer", i, "aanbieder"), stap.aanbieder)


@cross_rule
def teams_per_gemeente(dataset: Dataset, vandaag: date) -> Iterator[Problem]:
    """In a region that publishes lokale teams, every gemeente needs one (schools look theirs up)."""
    if not dataset.compleet("lokale-teams"):
        return  # a team with errors may well cover the gemeente
    covered = {code for team in dataset.lokale_teams.values() for code in team.gemeenten}
    for regio in dataset.regios.values():
        if not any(g.code in covered for g in regio.gemeenten):
            continue
        for i, gemeente in enumerate(regio.gemeenten):
            if gemeente.code not in covered:
                bericht = (
                    f"gemeente {gemeente.naam} heeft geen lokaal team in data/lokale-teams/; zet '{gemeente.code}' bij "
                    "'gemeenten' van het team dat er werkt, of maak een team met 'socialekaart nieuw lokale-teams <id>'"
                )
                yield dataset.problem(regio, ("gemeenten", i, "code"), bericht, "waarschuwing")


@cross_rule
def geen_dubbele_records(dataset: Dataset, vandaag: date) -> Iterator[Problem]:
    """The same naam in the same gemeente twice is almost always a copy that should be one file."""
    for folder, records in dataset.records.items():
        seen: dict[tuple[str, str], Record] = {}
        for record in records.values():
            naam = vars(record).get("naam")
            if not isinstance(naam, str):
                continue
            for plek in _gemeenten_of(record):
                key = (naam.casefold().strip(), plek)
                first = seen.get(key)
                if first is not None:
                    yield dataset.problem(record, ("naam",), f"'{naam}' staat al in {dataset.paths[id(first)]} voor dezelfde gemeente; voeg de twee samen of geef ze een eigen naam")
                    break
                seen[key] = record


def _gemeenten_of(record: Record) -> list[str]:
    # The fields, read from the record's own dict: a pydantic model answers a missing
    # attribute slowly (it raises and catches inside), and most records lack some of these.
    fields = vars(record)
    if "gemeente" in fields:
        return [fields["gemeente"]]
    gemeenten = fields.get("gemeenten")
    if isinstance(gemeenten, list) and gemeenten and isinstance(gemeenten[0], str):
        return list(gemeenten)
    regio = fields.get("regio") or ",".join(fields.get("regios") or [])
    return [f"regio:{regio}"]


@cross_rule
def verouderd(dataset: Dataset, vandaag: date) -> Iterator[Problem]:
    for record in dataset.all():
        if isinstance(record, KaartRecord) and (vandaag - record.gecontroleerd_op).days > MAX_DAGEN_GECONTROLEERD:
            yield dataset.problem(
                record, ("gecontroleerd_op",),
                f"laatst gecontroleerd op {record.gecontroleerd_op.isoformat()}, meer dan 12 maanden geleden; controleer de gegevens en pas de datum aan",
                "waarschuwing",
            )
    for huis in dataset.gezinshuizen.values():
        p = huis.plekken
        if p.vrij is not None and p.peildatum is not None and (vandaag - p.peildatum).days > MAX_DAGEN_PEILDATUM:
            yield dataset.problem(
                huis, ("plekken", "peildatum"),
                f"vrije plekken zijn geteld op {p.peildatum.isoformat()}, meer dan 30 dagen geleden; de site toont ze als 'onbekend'",
                "waarschuwing",
            )


@dataclass
class CheckResult:
    dataset: Dataset
    problems: list[Problem]
    volledigheid: list[Stand] | None = None  # per gemeente; only when the data has no errors

    @property
    def fouten(self) -> list[Problem]:
        return [p for p in self.problems if p.is_fout]

    @property
    def ok(self) -> bool:
        return not self.fouten


def regels(dataset: Dataset, vandaag: date) -> list[Problem]:
    """Every rule over loaded records: per record and across records (fast; also run on the
    whole set when `mkdocs serve` reloads one file)."""
    problems = list(record_rules(dataset))
    for rule in CROSS_RULES:
        problems += rule(dataset, vandaag)
    return problems


def check(root: Path, vandaag: date | None = None) -> CheckResult:
    """Load `root` and apply every rule. Problems come sorted by file and line."""
    vandaag = vandaag or date.today()
    with collector_paused():
        dataset, problems = load_dataset(root, vandaag)
        problems += regels(dataset, vandaag)
        if any(p.is_fout for p in problems):
            return CheckResult(dataset, sorted(set(problems)))
        # Only for data without errors: what is missing means little while files are broken.
        lijst = standen(dataset, vandaag)
        problems += waarschuwingen(dataset, lijst)
        return CheckResult(dataset, sorted(set(problems)), lijst)


def load_checked(root: Path, vandaag: date | None = None) -> Dataset:
    """The data set, or DataError with every error: what the site build uses."""
    result = check(root, vandaag)
    if not result.ok:
        raise DataError(result.problems)
    return result.dataset
