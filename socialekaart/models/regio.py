"""A youth-care region (jeugdregio) and the gemeenten it covers."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .common import Coordinaten, GemeenteCode, MarkdownTekst, Record, Tekst, Website


class Gemeente(BaseModel):
    """A gemeente in the region, by its CBS code."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: GemeenteCode = Field(description="CBS-gemeentecode: 'GM' met 4 cijfers, bijvoorbeeld 'GM0632'.")
    naam: Tekst = Field(description="Naam van de gemeente, bijvoorbeeld 'Woerden'.")
    coordinaten: Coordinaten | None = Field(
        None, description="Midden van de gemeente; gebruikt voor kaarten als een record zelf geen punt heeft."
    )
    website: Website | None = Field(None, description="Website van de gemeente.")


class Regio(Record):
    """A jeugdregio. The file name is the region's slug, e.g. 'utrecht-west'."""

    naam: Tekst = Field(description="Naam van de regio, bijvoorbeeld 'Utrecht West'.")
    gemeenten: list[Gemeente] = Field(min_length=1, description="De gemeenten in deze regio.")
    website: Website | None = Field(None, description="Website van de regionale samenwerking.")
    beschrijving: MarkdownTekst | None = Field(None, description="Korte uitleg over de regio (Markdown).")

    def gemeente(self, code: str) -> Gemeente | None:
        return next((g for g in self.gemeenten if g.code == code), None)
