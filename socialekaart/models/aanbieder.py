"""A zorgaanbieder or organisation that offers help in the region."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import (
    ACHT_CIJFERS_PATTERN,
    Contact,
    GemeenteCode,
    KaartRecord,
    Locatie,
    MarkdownTekst,
    Slug,
    Tekst,
)

Aanbod = Literal[
    "ambulante-jeugdhulp",
    "verblijf",
    "gezinshuizen",
    "pleegzorg",
    "jeugdbescherming",
    "jeugd-ggz",
    "lvb",
    "veiligheid",
    "opvoedondersteuning",
    "dagbesteding",
    "crisis",
    "informele-steun",
    "onderwijs-en-zorg",
    "jeugdgezondheidszorg",
]

AANBOD_LABELS: dict[str, str] = {
    "ambulante-jeugdhulp": "Jeugdhulp thuis of op de praktijk",
    "verblijf": "Wonen en verblijf",
    "gezinshuizen": "Gezinshuizen",
    "pleegzorg": "Pleegzorg",
    "jeugdbescherming": "Jeugdbescherming",
    "jeugd-ggz": "Jeugd-ggz",
    "lvb": "Licht verstandelijke beperking",
    "veiligheid": "Huiselijk geweld en veiligheid",
    "opvoedondersteuning": "Opvoedondersteuning",
    "dagbesteding": "Dagbesteding",
    "crisis": "Crisishulp",
    "informele-steun": "Informele steun en vrijwilligers",
    "onderwijs-en-zorg": "Onderwijs en zorg",
    "jeugdgezondheidszorg": "Jeugdgezondheidszorg",
}


class Aanbieder(KaartRecord):
    """One provider. Codes are optional: many informal organisations have no AGB code."""

    naam: Tekst = Field(description="Naam van de organisatie.")
    beschrijving: MarkdownTekst = Field(description="Wat de organisatie doet, in eenvoudige taal (Markdown).")
    aanbod: list[Aanbod] = Field(min_length=1, description="Soorten hulp die de organisatie biedt.")
    regios: list[Slug] = Field(min_length=1, description="Id's van de regio's waar de organisatie werkt.")
    gemeenten: list[GemeenteCode] = Field(
        default_factory=list, description="Gemeenten waar de organisatie werkt; laat leeg voor de hele regio."
    )
    locaties: list[Locatie] = Field(default_factory=list, description="Vestigingen (openbare adressen).")
    contact: Contact = Field(description="Contactgegevens.")
    kvk: str | None = Field(None, pattern=ACHT_CIJFERS_PATTERN, description="KvK-nummer: 8 cijfers.")
    agb: str | None = Field(None, pattern=ACHT_CIJFERS_PATTERN, description="AGB-code: 8 cijfers.")
