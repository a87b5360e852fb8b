"""A youth-care region (jeugdregio) and the gemeenten it covers."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .common import Coordinaten, GemeenteCode, MarkdownTekst, Record, Slug, Tekst, Website


class Gemeente(BaseModel):
    """A gemeente in the region, by its CBS code."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: GemeenteCode = Field(description="CBS-gemeentecode: 'GM' met 4 cijfers, bijvoorbeeld 'GM0632'.")
    naam: Tekst = Field(description="Naam van de gemeente, bijvoorbeeld 'Woerden'.")
    coordinaten: Coordinaten | None = Field(
        None, description="Midden van de gemeente; gebruikt voor kaarten als een record zelf geen punt heeft."
    )
    website: Website | None = Field(None, description="Website van de gemeente.")


class WegwijzerPartner(BaseModel):
    """One partner in the region's wegwijzer for professionals: who, when, and how to reach them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    partner: Tekst = Field(description="Naam van de partner, bijvoorbeeld 'SAVE' of 'het lokale team'.")
    rol: Tekst = Field(description="Wat de partner doet, in één zin.")
    wanneer: MarkdownTekst = Field(description="Wanneer je deze partner betrekt (Markdown).")
    hoe: MarkdownTekst = Field(description="Hoe je de partner bereikt (Markdown).")
    aanbieder: Slug | None = Field(None, description="Id van de partner in data/providers/; de pagina toont dan de contactgegevens.")
    lokale_teams: bool = Field(False, description="true: de partner is het lokale team; de pagina noemt de teams van de regio.")


class Regio(Record):
    """A jeugdregio. The file name is the region's slug, e.g. 'utrecht-west'."""

    naam: Tekst = Field(description="Naam van de regio, bijvoorbeeld 'Utrecht West'.")
    gemeenten: list[Gemeente] = Field(min_length=1, description="De gemeenten in deze regio.")
    website: Website | None = Field(None, description="Website van de regionale samenwerking.")
    beschrijving: MarkdownTekst | None = Field(None, description="Korte uitleg over de regio (Markdown).")
    wegwijzer: list[WegwijzerPartner] = Field(
        default_factory=list,
        description="Wegwijzer voor professionals bij complexe situaties: welke partner je wanneer en hoe betrekt, in volgorde.",
    )

    def gemeente(self, code: str) -> Gemeente | None:
        return next((g for g in self.gemeenten if g.code == code), None)
