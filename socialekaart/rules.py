"""Rules within one record that need more than one field."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from .adres import lijkt_op_adres
from .load import Dataset
from .messages import bedoelde_je
from .models import Gezinshuis, InformeleSteun, LokaalTeam, Record
from .models.common import check_plain_text
from .problems import Problem

_VOORBEELD_DOMEIN = re.compile(r"@(.+\.)?example\.(org|com|net)$", re.IGNORECASE)


def _leeftijd(dataset: Dataset, record: InformeleSteun | Gezinshuis) -> Iterator[Problem]:
    low, high = record.leeftijd_min, record.leeftijd_max
    if low is not None and high is not None and low > high:
        yield dataset.problem(record, ("leeftijd_max",), f"leeftijd_max ({high}) is kleiner dan leeftijd_min ({low}); de oudste leeftijd moet minstens zo hoog zijn als de jongste")


def _gezinshuis(dataset: Dataset, record: Gezinshuis) -> Iterator[Problem]:
    yield from _leeftijd(dataset, record)
    plekken = record.plekken
    if plekken.vrij is not None:
        if plekken.vrij > plekken.totaal:
            yield dataset.problem(record, ("plekken", "vrij"), f"er zijn meer vrije plekken ({plekken.vrij}) dan plekken in totaal ({plekken.totaal})")
        if plekken.peildatum is None:
            yield dataset.problem(record, ("plekken", "vrij"), "vrije plekken hebben een peildatum nodig: de datum waarop ze zijn geteld")
    for loc, text in _texts(record):
        if lijkt_op_adres(text):
            yield dataset.problem(record, loc, "dit lijkt op een adres of postcode; van een gezinshuis mogen alleen gemeente en plaats op de site")


def _texts(record: Record) -> Iterator[tuple[tuple, str]]:
    """Every plain text of a record's own fields, so a text field added later is covered too."""
    for name in _text_fields(type(record)):
        value = getattr(record, name)
        if isinstance(value, str):
            yield (name,), value
        elif value:
            yield from (((name, i), item) for i, item in enumerate(value))


@cache
def _text_fields(model: type[Record]) -> tuple[str, ...]:
    """The fields of `model` that hold plain text (Tekst, alone, optional or in a list): those
    carry the plain-text validator; ids, codes and references do not."""
    return tuple(
        name
        for name, field in model.model_fields.items()
        if check_plain_text.__name__ in repr(field.annotation) + repr(field.metadata)
    )


def _informele_steun(dataset: Dataset, record: InformeleSteun) -> Iterator[Problem]:
    yield from _leeftijd(dataset, record)
    if not record.aanbieder and not record.organisatie:
        yield dataset.problem(record, (), "vul 'aanbieder' (id uit data/providers/) of 'organisatie' (naam) in")
    if record.aanbieder and record.organisatie:
        yield dataset.problem(record, ("organisatie",), "vul 'aanbieder' of 'organisatie' in, niet allebei")


def _lokaal_team(dataset: Dataset, record: LokaalTeam) -> Iterator[Problem]:
    for i, persoon in enumerate(record.contactpersonen):
        if persoon.naam and not persoon.toestemming_op:
            yield dataset.problem(
                record,
                ("contactpersonen", i, "naam"),
                "een naam mag alleen op de site met toestemming; vul toestemming_op in (de datum van de toestemming) of haal de naam weg",
            )
        if not persoon.email and not persoon.telefoon:
            yield dataset.problem(record, ("contactpersonen", i), "vul een werk-e-mailadres of werktelefoonnummer in")
        for j, verwijzing in enumerate(persoon.scholen):
            if not any(school.heet(verwijzing) for school in record.scholen):
                namen = [s.brin for s in record.scholen if s.brin] + [s.naam for s in record.scholen]
                yield dataset.problem(
                    record,
                    ("contactpersonen", i, "scholen", j),
                    f"school '{verwijzing}' staat niet bij 'scholen' van dit team; gebruik de BRIN-code of de naam "
                    f"zoals daar{bedoelde_je(verwijzing, namen)}",
                )
    if record.contact.telefoon is None:
        yield dataset.problem(
            record,
            ("contact",),
            "het team heeft geen telefoonnummer; veel ouders bellen liever dan dat ze mailen: vul contact.telefoon "
            "in (een nummer van het team of de gemeente, nooit een privénummer)",
            "waarschuwing",
        )


def _example_contacts(dataset: Dataset, record: Record) -> Iterator[Problem]:
    """Fictitious addresses (example.org) are fine, but then the site must say it is an example."""
    if getattr(record, "voorbeeld", True):
        return
    for loc, value in _emails(record.model_dump(), ()):
        if _VOORBEELD_DOMEIN.search(value):
            yield dataset.problem(record, loc, "dit is een voorbeeldadres; zet 'voorbeeld: true' zodat de site het als voorbeeld toont")


def _emails(value: object, loc: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _emails(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _emails(item, (*loc, i))
    elif isinstance(value, str) and "@" in value and loc and loc[-1] == "email":
        yield loc, value


RECORD_RULES: dict[type, Callable[[Dataset, Record], Iterator[Problem]]] = {
    Gezinshuis: _gezinshuis,  # type: ignore[dict-item]
    InformeleSteun: _informele_steun,  # type: ignore[dict-item]
    LokaalTeam: _lokaal_team,  # type: ignore[dict-item]
}


def record_rules(dataset: Dataset) -> Iterator[Problem]:
    for record in dataset.all():
        rule = RECORD_RULES.get(type(record))
        if rule:
            yield from rule(dataset, record)
        yield from _example_contacts(dataset, record)
