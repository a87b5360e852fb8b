"""An informal-support initiative: maatjes, buurtgezinnen, steunouders, lotgenoten ..."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .common import (
    Contact,
    Email,
    GemeenteCode,
    KaartRecord,
    Locatie,
    MarkdownTekst,
    Slug,
    Tekst,
    Telefoon,
    Website,
)

Thema = Literal[
    "maatje",
    "buurtgezin",
    "steunouder",
    "thuisbezoek",
    "netwerk",
    "waakvlam",
    "mentor",
    "lotgenoten",
    "opvoeden",
    "wachttijd",
    "mantelzorg",
    "scheiding",
    "vrije-tijd",
    "school-en-huiswerk",
    "geldzorgen",
]

THEMA_LABELS: dict[str, str] = {
    "maatje": "Maatje",
    "buurtgezin": "Buurtgezin",
    "steunouder": "Steunouder",
    "thuisbezoek": "Thuisbezoek door een vrijwilliger",
    "netwerk": "Je eigen netwerk betrekken",
    "waakvlam": "Steun na afloop van hulp (waakvlam)",
    "mentor": "Mentor voor jongeren",
    "lotgenoten": "Lotgenoten ontmoeten",
    "opvoeden": "Hulp bij opvoeden",
    "wachttijd": "Steun tijdens wachttijd",
    "mantelzorg": "Jonge mantelzorgers",
    "scheiding": "Scheiding",
    "vrije-tijd": "Sport en vrije tijd",
    "school-en-huiswerk": "School en huiswerk",
    "geldzorgen": "Geldzorgen",
}

Doelgroep = Literal["ouders", "kinderen", "jongeren", "gezinnen", "jonge-mantelzorgers"]
Kosten = Literal["gratis", "eigen-bijdrage", "betaald"]
Aanmelden = Literal["zelf", "lokaal-team", "huisarts", "school", "jgz", "zorgaanbieder"]


class Aanmelding(BaseModel):
    """How a parent signs up, step by step: what the 'Zo meld je je aan' block says. Where a
    field is empty, the page uses the initiative's own contact details."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    stappen: list[Tekst] = Field(
        default_factory=list, max_length=8, description="De stappen om je aan te melden, in volgorde en in eenvoudige taal."
    )
    bij: Tekst | None = Field(None, description="Bij wie je je aanmeldt, bijvoorbeeld 'de coördinator van Buurtgezinnen Woerden'.")
    telefoon: Telefoon | None = Field(
        None, description="Telefoonnummer om je aan te melden, als het anders is dan bij contact. Alleen van de organisatie, nooit privé."
    )
    email: Email | None = Field(None, description="E-mailadres om je aan te melden, als het anders is dan bij contact.")
    website: Website | None = Field(None, description="Aanmeldformulier of webpagina om je aan te melden.")
    daarna: Tekst | None = Field(
        None, description="Wat er na je aanmelding gebeurt, bijvoorbeeld 'binnen een week belt de coördinator je voor een kennismaking'."
    )
    wachttijd: Tekst | None = Field(None, description="Hoe lang je ongeveer moet wachten, als dat bekend is, bijvoorbeeld 'ongeveer 4 weken'.")


class InformeleSteun(KaartRecord):
    """One initiative, written so a parent can decide for themselves whether it fits."""

    naam: Tekst = Field(description="Naam van het initiatief.")
    samenvatting: Tekst = Field(max_length=240, description="Eén of twee zinnen in eenvoudige taal (B1), hoogstens 240 tekens.")
    beschrijving: MarkdownTekst | None = Field(None, description="Uitgebreidere uitleg (Markdown).")
    aanbieder: Slug | None = Field(None, description="Id van de aanbieder in data/providers/, als die daar staat.")
    organisatie: Tekst | None = Field(None, description="Naam van de organisatie, als die niet in data/providers/ staat.")
    themas: list[Thema] = Field(min_length=1, description="Waar het initiatief bij helpt.")
    doelgroep: list[Doelgroep] = Field(min_length=1, description="Voor wie het is.")
    leeftijd_min: int | None = Field(None, ge=0, le=27, description="Jongste leeftijd (jaren) van het kind of de jongere.")
    leeftijd_max: int | None = Field(None, ge=0, le=27, description="Oudste leeftijd (jaren) van het kind of de jongere.")
    regio: Slug = Field(description="Id van de regio in data/regios/, bijvoorbeeld 'utrecht-west'.")
    gemeenten: list[GemeenteCode] = Field(
        default_factory=list, description="Gemeenten waar het initiatief werkt; laat leeg voor de hele regio."
    )
    locaties: list[Locatie] = Field(default_factory=list, description="Waar het plaatsvindt (openbare plekken).")
    kosten: Kosten = Field(description="Wat het de ouders kost.")
    kosten_toelichting: Tekst | None = Field(None, description="Uitleg over de kosten, bijvoorbeeld 'kleine bijdrage per seizoen'.")
    aanmelden: list[Aanmelden] = Field(min_length=1, description="Hoe je je aanmeldt.")
    zonder_verwijzing: bool = Field(description="true als je je kunt aanmelden zonder verwijzing van lokaal team of huisarts.")
    contact: Contact = Field(description="Hoe je het initiatief bereikt.")
    aanmelding: Aanmelding | None = Field(None, description="Zo meld je je aan: stappen, bij wie, wat er daarna gebeurt, wachttijd.")
    talen: list[Tekst] = Field(default_factory=lambda: ["Nederlands"], description="Talen waarin de steun wordt gegeven.")
    vergoeding: Tekst | None = Field(None, description="Hoe het wordt betaald, bijvoorbeeld 'subsidie van de gemeente'.")
