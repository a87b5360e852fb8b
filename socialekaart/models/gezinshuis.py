"""A gezinshuis: a family home where placed children live.

Privacy is the design here: there is no address or postcode field, coordinates are
rounded to at most 2 decimals (about 1 km), and contact always goes via the aanbieder.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .common import Coordinaten, GemeenteCode, KaartRecord, Slug, Tekst, VerledenDatum, decimalen, fout

MAX_DECIMALEN = 2


class GrofCoordinaat(Coordinaten):
    """A point at gemeente/plaats level: at most 2 decimals, never a house."""

    @field_validator("lat", "lon")
    @classmethod
    def _grof(cls, value: float) -> float:
        if decimalen(value) > MAX_DECIMALEN:
            raise fout(
                f"{value} is te precies; een gezinshuis mag hoogstens op {MAX_DECIMALEN} decimalen "
                f"(ongeveer 1 km), bijvoorbeeld {round(value, MAX_DECIMALEN)}"
            )
        return value


class Plekken(BaseModel):
    """Places in the home. Free places are only meaningful with the date they were counted."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    totaal: int = Field(ge=0, le=12, description="Aantal plekken in totaal.")
    vrij: int | None = Field(None, ge=0, le=12, description="Aantal vrije plekken op de peildatum.")
    peildatum: VerledenDatum | None = Field(None, description="Datum waarop 'vrij' is geteld (JJJJ-MM-DD).")


_GEEN_ADRES = (
    "een gezinshuis krijgt nooit een adres of postcode, om de kinderen die er wonen te beschermen; "
    "vul alleen gemeente en plaats in"
)


class Gezinshuis(KaartRecord):
    """One gezinshuis, at gemeente/plaats level only."""

    # Field names someone may well try: each gets the reason instead of "unknown field".
    ONBEKEND_VELD_UITLEG: ClassVar[dict[str, str]] = {
        name: _GEEN_ADRES for name in ("adres", "straat", "huisnummer", "postcode", "bezoekadres", "woonadres")
    }

    naam: Tekst = Field(description="Naam of schuilnaam van het gezinshuis, bijvoorbeeld 'Gezinshuis De Linde'.")
    aanbieder: Slug = Field(description="Id van de aanbieder in data/providers/; contact loopt altijd via de aanbieder.")
    gemeente: GemeenteCode = Field(description="CBS-code van de gemeente.")
    plaats: Tekst = Field(description="Plaats of kern (geen straat).")
    coordinaten: GrofCoordinaat | None = Field(
        None, description="Punt op plaatsniveau, hoogstens 2 decimalen; laat leeg om het midden van de gemeente te gebruiken."
    )
    leeftijd_min: int = Field(ge=0, le=23, description="Jongste leeftijd van een kind dat er kan wonen.")
    leeftijd_max: int = Field(ge=0, le=23, description="Oudste leeftijd van een kind dat er kan wonen.")
    plekken: Plekken = Field(description="Plekken in totaal en vrij.")
    specialisaties: list[Tekst] = Field(default_factory=list, description="Waar het gezinshuis ervaring mee heeft.")
    beschrijving: Tekst | None = Field(None, description="Korte beschrijving zonder adres of herkenbare details.")

    def vrij_bekend(self, vandaag: date, max_dagen: int = 30) -> bool:
        """Free places are shown only when counted in the last `max_dagen` days."""
        p = self.plekken
        return p.vrij is not None and p.peildatum is not None and (vandaag - p.peildatum).days <= max_dagen
