"""Our own fields in HSDS 3.0, so that an export can be imported back exactly.

HSDS is extended through attributes: a taxonomy term names what is described, the attribute's
`value` holds it. Every exported record gets an attribute with its record id (term
'<soort>.id'), and one per published field that no HSDS column carries unchanged (term
'<soort>.<veld>'; text as it is, other values as JSON). The fields an HSDS column does carry unchanged are
in NATIEF: the import reads those from their own columns (services.name, phones.number ...).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import Any

from ..models import RECORD_TYPES
from ..models.lokaal_team import Contactpersoon
from .ids import uuid_voor
from .tabel import uitleg

TAXONOMIE = "socialekaart"
LINK_TYPE = "socialekaart"

# Per soort the published fields an HSDS column holds as they are; 'contact.email' is a field
# of the contact block. Everything else of the record travels as an attribute.
NATIEF: dict[str, frozenset[str]] = {
    "informele-steun": frozenset({
        "naam", "gecontroleerd_op", "voorbeeld", "leeftijd_min", "leeftijd_max", "aanbieder",
        "contact.email", "contact.website", "contact.telefoon", "themas", "talen", "vergoeding",
    }),
    "lokale-teams": frozenset({
        "naam", "gecontroleerd_op", "voorbeeld", "contact.email", "contact.website", "contact.telefoon", "contactpersonen",
    }),
    "gezinshuizen": frozenset({"naam", "gecontroleerd_op", "voorbeeld", "leeftijd_min", "leeftijd_max", "aanbieder"}),
    "providers": frozenset({"naam", "beschrijving", "contact.email", "contact.website", "contact.telefoon", "kvk", "agb", "aanbod"}),
    "regios": frozenset(),
}
SOORTEN = tuple(NATIEF)
ID = "id"
# A team's contactpersonen are HSDS contacts: these fields are contacts.title, .name, .email and
# the contact's phone; the others are attributes of the contact ('lokale-teams.contactpersonen.rollen').
CONTACTPERSONEN = "contactpersonen"
CONTACT_NATIEF = frozenset({"functie", "naam", "email", "telefoon"})


def term_code(soort: str, veld: str) -> str:
    return f"{soort}.{veld}"


@cache  # one per attribute of every record: a few dozen distinct ones
def term_id(soort: str, veld: str) -> str:
    return uuid_voor("term", TAXONOMIE, term_code(soort, veld))


def termen() -> Iterator[tuple[str, str, str]]:
    """(soort, veld, Dutch description) of every term: the id and each top-level field."""
    for soort in SOORTEN:
        yield soort, ID, f"Id van het record: de naam van het bestand in data/{soort}/ zonder '.yml'."
        for naam, info in RECORD_TYPES[soort].model.model_fields.items():
            yield soort, naam, uitleg(info) or naam
    for naam, info in Contactpersoon.model_fields.items():
        if naam not in CONTACT_NATIEF:
            yield "lokale-teams", f"{CONTACTPERSONEN}.{naam}", uitleg(info) or naam


def waarden(soort: str, data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(veld, value) of the published fields no HSDS column carries: text as it is, anything
    else as JSON text; `data` is what publiek() gives. Empty values are left out: the import
    gives them their default."""
    natief = NATIEF[soort]
    for veld, waarde in data.items():
        if veld == ID or veld in natief:
            continue
        if isinstance(waarde, dict):
            waarde = {k: v for k, v in waarde.items() if f"{veld}.{k}" not in natief and v is not None}
            if not waarde and any(n.startswith(f"{veld}.") for n in natief):
                continue  # the block is all in HSDS columns
        if waarde is None or waarde == []:
            continue
        yield veld, _tekst(waarde)


def contact_waarden(persoon: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """('contactpersonen.<veld>', value) of a contact person's fields no contacts column carries."""
    for veld, waarde in persoon.items():
        if veld not in CONTACT_NATIEF and waarde is not None and waarde != []:
            yield f"{CONTACTPERSONEN}.{veld}", _tekst(waarde)


def _tekst(waarde: Any) -> str:
    return waarde if isinstance(waarde, str) else json.dumps(waarde, ensure_ascii=False, separators=(",", ":"))
