"""A lokaal team (wijkteam, sociaal team): the front door to youth care in a gemeente."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .common import (
    Brin,
    Contact,
    Email,
    GemeenteCode,
    KaartRecord,
    MarkdownTekst,
    Rol,
    Tekst,
    Telefoon,
    VerledenDatum,
)


class School(BaseModel):
    """A school the team serves, so an intern begeleider can find their contact."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    naam: Tekst = Field(description="Naam van de school.")
    brin: Brin | None = Field(None, description="BRIN-code, bijvoorbeeld '12AB' of '12AB00'.")
    plaats: Tekst = Field(description="Plaats van de school.")
    soort: Tekst | None = Field(None, description="Soort onderwijs, bijvoorbeeld 'basisonderwijs' of 'voortgezet onderwijs'.")

    def heet(self, verwijzing: str) -> bool:
        """Whether a contact person's `scholen` entry (BRIN code or name) means this school."""
        gewoon = verwijzing.strip().casefold()
        return gewoon == (self.brin or "").casefold() or gewoon == self.naam.strip().casefold()


class Contactpersoon(BaseModel):
    """A contact for one or more roles. Work details only; a name needs recorded consent."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    functie: Tekst = Field(description="Functie, bijvoorbeeld 'contactpersoon onderwijs'.")
    rollen: list[Rol] = Field(min_length=1, description="Voor wie deze persoon het aanspreekpunt is.")
    naam: Tekst | None = Field(None, description="Naam; alleen invullen als de persoon toestemming gaf (zie toestemming_op).")
    toestemming_op: VerledenDatum | None = Field(
        None, description="Datum waarop de persoon toestemming gaf om de naam te publiceren (verplicht bij een naam)."
    )
    email: Email | None = Field(None, description="Werk-e-mailadres.")
    telefoon: Telefoon | None = Field(None, description="Werktelefoonnummer.")
    contactmoment: Tekst | None = Field(None, description="Wanneer bereikbaar of spreekuur, bijvoorbeeld 'dinsdag 9.00-10.00 op school'.")
    scholen: list[Tekst] = Field(
        default_factory=list,
        description="Scholen waarvoor deze persoon het aanspreekpunt is: BRIN-code of naam, zoals bij 'scholen' van het team.",
    )


class LokaalTeam(KaartRecord):
    """One lokaal team, linked to the gemeente(n) it works for."""

    naam: Tekst = Field(description="Naam van het team, bijvoorbeeld 'Sociaal team Woerden'.")
    gemeenten: list[GemeenteCode] = Field(min_length=1, description="CBS-codes van de gemeenten waarvoor het team werkt.")
    beschrijving: MarkdownTekst | None = Field(None, description="Wat het team doet, in eenvoudige taal (Markdown).")
    contact: Contact = Field(description="Algemene contactgegevens van het team.")
    werkgebied: list[Tekst] = Field(default_factory=list, description="Kernen en wijken waar het team werkt.")
    scholen: list[School] = Field(default_factory=list, description="Scholen waarvoor het team het aanspreekpunt is.")
    contactpersonen: list[Contactpersoon] = Field(default_factory=list, description="Aanspreekpunten per rol.")

    def onderwijs_contacten(self) -> list[Contactpersoon]:
        """The contact persons for schools; the 'algemeen' ones when the team has none for onderwijs."""
        contacten = [c for c in self.contactpersonen if "onderwijs" in c.rollen]
        return contacten or [c for c in self.contactpersonen if "algemeen" in c.rollen]

    def contacten_voor(self, school: School) -> list[Contactpersoon]:
        """The contacts of one school: the persons who name it; else those who name no school
        (they serve all); else every onderwijs contact."""
        onderwijs = self.onderwijs_contacten()
        eigen = [c for c in onderwijs if any(school.heet(ref) for ref in c.scholen)]
        return eigen or [c for c in onderwijs if not c.scholen] or onderwijs
