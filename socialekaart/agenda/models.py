"""The regional agenda: one file per agenda item, plus one metadata file per region.

The five seed agendas are shaped differently (ambities with results and activities,
speerpunten with progress reports, afspraken, hoofdlijnen and principes, projecten with
targets and lessons learned), so almost everything below is optional: a region fills in
what its document has, and nothing more. Field names are Dutch because policy officers
write these files; every field says in its description what belongs there.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, WithJsonSchema

from ..models.common import PATTERN_UITLEG, MarkdownTekst, Record, Slug, Tekst, Website, check_plain_text, fout
from ..models.informele_steun import Thema
from .planning import Planning, PlanningFout, normaliseer

Soort = Literal[
    "ambitie",
    "speerpunt",
    "project",
    "hoofdlijn",
    "afspraak",
    "randvoorwaarde",
    "principe",
    "opgave",
    "actielijn",
    "thema",
    "doelstelling",
    "kernwaarde",
]

SOORT_LABELS: dict[str, tuple[str, str]] = {
    "ambitie": ("Ambitie", "Ambities"),
    "speerpunt": ("Speerpunt", "Speerpunten"),
    "project": ("Project", "Projecten"),
    "hoofdlijn": ("Hoofdlijn", "Hoofdlijnen"),
    "afspraak": ("Afspraak", "Afspraken"),
    "randvoorwaarde": ("Randvoorwaarde", "Randvoorwaarden"),
    "principe": ("Principe", "Principes"),
    "opgave": ("Opgave", "Opgaven"),
    "actielijn": ("Actielijn", "Actielijnen"),
    "thema": ("Thema", "Thema's"),
    "doelstelling": ("Doelstelling", "Doelstellingen"),
    "kernwaarde": ("Kernwaarde", "Kernwaarden"),
}

Schaalniveau = Literal["lokaal", "centrumgemeente", "regionaal", "bovenregionaal", "landelijk"]
Status = Literal["gepland", "loopt", "afgerond", "vertraagd", "gestopt", "niet-vermeld"]
STATUS_LABELS: dict[str, str] = {
    "gepland": "Gepland",
    "loopt": "Loopt",
    "afgerond": "Afgerond",
    "vertraagd": "Vertraagd",
    "gestopt": "Gestopt",
    "niet-vermeld": "Niet vermeld",
}
STATUS_UITLEG = "gepland, loopt, afgerond, vertraagd, gestopt of niet-vermeld"
Richting = Literal["toename", "afname", "stabiel"]
Eenheid = Literal["euro", "uur per week", "uur per jaar", "fte"]

# 'informele-steun/buurtgezin-woerden', or a whole folder of the region: 'lokale-teams'.
KAART_PATTERN = r"^(informele-steun|lokale-teams|gezinshuizen|providers)(/[a-z0-9]+(-[a-z0-9]+)*)?$"
KaartVerwijzing = Annotated[str, Field(pattern=KAART_PATTERN)]
GEBIED_PATTERN = r"^(GM[0-9]{4}|regio|landelijk)$"
PATTERN_UITLEG[KAART_PATTERN] = (
    "gebruik '<map>/<id>' of alleen de map, bijvoorbeeld 'informele-steun/buurtgezin-woerden' of 'lokale-teams'; "
    "mappen: informele-steun, lokale-teams, gezinshuizen, providers"
)
PATTERN_UITLEG[GEBIED_PATTERN] = "gebruik 'regio', 'landelijk' of een gemeentecode als 'GM0632'"
NUMMER_PATTERN = r"^[0-9A-Za-z]{1,4}([.-][0-9A-Za-z]{1,4}){0,2}$"
PATTERN_UITLEG[NUMMER_PATTERN] = "een nummer is een getal of een korte code van letters en cijfers, bijvoorbeeld 2, '2a', 'B' of '3.1'"
_NUMMER = re.compile(NUMMER_PATTERN)


def _check_nummer(value: int | str) -> int | str:
    if isinstance(value, str) and not _NUMMER.match(value):
        raise fout(f"'{value}' klopt niet: {PATTERN_UITLEG[NUMMER_PATTERN]}")
    return value


Nummer = Annotated[
    int | str,
    AfterValidator(_check_nummer),
    Field(description="Nummer of letter zoals in het document, bijvoorbeeld 1, '2a' of 'B'."),
]


STATUS_OP = "Sinds wanneer deze status geldt, of de datum van het document dat hem meldt (JJJJ-MM-DD)."
STATUS_TOELICHTING = "Korte toelichting bij de status, bijvoorbeeld 'pilot loopt in twee gemeenten'."


# --- planning ------------------------------------------------------------------


def _lees_planning(value: Any, info: ValidationInfo) -> Planning:
    """Text as written, or a block {tekst, jaar, als} for wording the reader cannot parse alone."""
    if isinstance(value, Planning):
        return value
    jaar = None
    if isinstance(value, dict):
        unknown = set(value) - {"tekst", "jaar", "als"}
        if unknown:
            raise fout(f"onbekend veld '{sorted(unknown)[0]}' in de planning; toegestaan zijn: tekst, jaar, als")
        tekst, jaar, als = value.get("tekst"), value.get("jaar"), value.get("als")
        if not isinstance(tekst, str) or not tekst.strip():
            raise fout("een planning als blok heeft 'tekst' nodig: de planning zoals in het document staat")
        if jaar is not None and (not isinstance(jaar, int) or not 1990 <= jaar <= 2100):
            raise fout(f"'jaar' in de planning moet een jaartal zijn, bijvoorbeeld 2022, niet {jaar!r}")
        if als is not None and not isinstance(als, str):
            raise fout("'als' in de planning is tekst in een van de vormen die de site begrijpt, bijvoorbeeld 'Q3 2022'")
        check_plain_text(tekst)  # shown as written, so held to the rules of any plain text
        try:
            parsed = normaliseer(als or tekst, jaar)
        except PlanningFout as error:
            raise fout(str(error)) from None
        return Planning(tekst.strip(), parsed.soort, parsed.start, parsed.eind, parsed.frequentie, parsed.datums)
    if isinstance(value, date):
        return Planning(value.isoformat(), "datum", value, value)
    if isinstance(value, int) and 1990 <= value <= 2100:
        value = str(value)
    if not isinstance(value, str):
        raise fout("een planning is tekst zoals 'april 2022' of 'Q4 2022 t/m Q4 2023'")
    check_plain_text(value)
    try:
        return normaliseer(value)
    except PlanningFout as error:
        raise fout(str(error)) from None


PLANNING_SCHEMA = {
    "description": "Wanneer, zoals in het document: 'april 2022', 'Q4 2022 t/m Q4 2023', '2022 e.v.', "
    "'doorlopend', 'jaarlijks', 'op indicatie'. Of een blok met tekst, jaar (voor tekst zonder jaartal) "
    "en als (een leesbare vorm voor afwijkende tekst).",
    "anyOf": [
        {"type": "string", "minLength": 1},
        {"type": "integer"},
        {
            "type": "object",
            "properties": {
                "tekst": {"type": "string", "description": "De planning zoals in het document."},
                "jaar": {"type": "integer", "description": "Jaar voor tekst zonder jaartal, bijvoorbeeld 2022."},
                "als": {"type": "string", "description": "Dezelfde planning in een vorm die de site begrijpt."},
            },
            "required": ["tekst"],
            "additionalProperties": False,
        },
    ],
}

PlanningVeld = Annotated[Planning, BeforeValidator(_lees_planning), WithJsonSchema(PLANNING_SCHEMA)]


class Deel(BaseModel):
    """A part of an agenda file (a result, an activity ...): the same strictness as a record."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- building blocks -------------------------------------------------------------


class Deelplanning(Deel):
    """One of several plannings of a result: 'regionaal 2022, lokaal 2023 e.v.'."""

    wat: Tekst | None = Field(None, description="Wat er dan gebeurt, bijvoorbeeld 'ontwikkelen en vastleggen' of 'implementeren'.")
    schaalniveau: Schaalniveau | None = Field(None, description="Op welk niveau: lokaal, centrumgemeente, regionaal, bovenregionaal of landelijk.")
    planning: PlanningVeld = Field(description=PLANNING_SCHEMA["description"])


class Activiteit(Deel):
    """One thing that is done to reach a result."""

    nummer: Nummer | None = Field(None, description="Letter of nummer zoals in het document, bijvoorbeeld 'a'.")
    omschrijving: Tekst = Field(description="Wat er gebeurt, zoals in het document.")
    stappen: list[Tekst] = Field(default_factory=list, description="Deelstappen, als het document die noemt.")
    betrokkenen: list[Tekst] = Field(default_factory=list, description="Wie het doen of erbij betrokken zijn (organisaties of rollen, geen namen).")
    schaalniveau: list[Schaalniveau] = Field(default_factory=list, description="Op welk niveau: lokaal, centrumgemeente, regionaal, bovenregionaal of landelijk.")
    schaalniveau_tekst: Tekst | None = Field(None, description="Het schaalniveau zoals in het document, als dat meer zegt, bijvoorbeeld 'Regionaal ontwikkelen, lokaal implementeren'.")
    planning: PlanningVeld | None = Field(None, description=PLANNING_SCHEMA["description"])
    status: Status | None = Field(None, description=f"Stand van zaken: {STATUS_UITLEG}.")
    status_op: date | None = Field(None, description=STATUS_OP)
    status_toelichting: Tekst | None = Field(None, max_length=300, description=STATUS_TOELICHTING)
    opmerking: Tekst | None = Field(None, description="Opmerking bij de overname uit het document, bijvoorbeeld over een afwijking tussen tabel en tekst.")


class Resultaat(Deel):
    """A result the region wants, with the activities that lead to it."""

    nummer: Nummer | None = Field(None, description="Nummer zoals in het document.")
    omschrijving: Tekst = Field(description="Het resultaat, zoals in het document.")
    toelichting: MarkdownTekst | None = Field(None, description="Uitleg bij het resultaat (Markdown).")
    uitvoering: Tekst | None = Field(None, description="Wie het resultaat uitvoert, bijvoorbeeld 'werkgroep HG en KM'.")
    betrokkenen: list[Tekst] = Field(default_factory=list, description="Betrokkenen bij het hele resultaat, zoals de tabel ze per rij noemt.")
    schaalniveau: list[Schaalniveau] = Field(default_factory=list, description="Schaalniveau van het hele resultaat.")
    schaalniveau_tekst: Tekst | None = Field(None, description="Het schaalniveau zoals in het document.")
    planning: PlanningVeld | None = Field(None, description=PLANNING_SCHEMA["description"])
    planningen: list[Deelplanning] = Field(default_factory=list, description="Meer dan één planning, bijvoorbeeld per schaalniveau: regionaal 2022, lokaal 2023 e.v.")
    status: Status | None = Field(None, description=f"Stand van zaken van het resultaat: {STATUS_UITLEG}.")
    status_op: date | None = Field(None, description=STATUS_OP)
    status_toelichting: Tekst | None = Field(None, max_length=300, description=STATUS_TOELICHTING)
    activiteiten: list[Activiteit] = Field(default_factory=list, description="Wat er gedaan wordt om het resultaat te halen.")
    opmerking: Tekst | None = Field(None, description="Opmerking bij de overname uit het document.")


Gebied = Annotated[
    str,
    Field(pattern=GEBIED_PATTERN, description="'regio', 'landelijk' of een gemeentecode als 'GM0632'."),
]


class Meting(Deel):
    """One figure of an indicator: for a period, and for the region, a gemeente or the country."""

    periode: Tekst = Field(description="De periode zoals in het document, bijvoorbeeld '2020' of '2021 1e half jaar'.")
    waarde: Decimal = Field(description="Het getal, precies zoals in het document (met een punt als decimaalteken).")
    gebied: Gebied = Field("regio", description="Waarvoor het getal geldt: 'regio' (heel de regio), 'landelijk', of een gemeentecode.")
    opmerking: Tekst | None = Field(None, description="Opmerking bij dit getal.")


class Kpi(Deel):
    """An indicator (KPI) with what it should do and what has been measured."""

    naam: Tekst = Field(description="Naam van de indicator, zoals in het document.")
    nummer: Nummer | None = Field(None, description="Nummer in het document.")
    eenheid: Tekst | None = Field(None, description="Waarin gemeten: '%', 'aantal', 'per 1000 inwoners' ...")
    gewenste_richting: Richting | None = Field(None, description="Wat de regio wil: toename, afname of stabiel.")
    streefwaarde: Tekst | None = Field(None, description="Het doel zoals in het document, bijvoorbeeld '50 jeugdigen'.")
    planning: PlanningVeld | None = Field(None, description="Wanneer het doel gehaald moet zijn of de meting start.")
    nader_te_bepalen: bool = Field(False, description="true als het document zegt dat de indicator nog bepaald moet worden.")
    optelbaar: bool = Field(False, description="true als de getallen per gemeente samen het getal van de regio vormen; de controle rekent dat dan na.")
    metingen: list[Meting] = Field(default_factory=list, description="Gemeten waarden per periode en eventueel per gemeente.")
    bron: Tekst | None = Field(None, description="Waar de getallen vandaan komen, bijvoorbeeld 'Tabel 2' of 'VNG monitor sociaal domein'.")
    toelichting: MarkdownTekst | None = Field(None, description="Uitleg bij de indicator.")
    conclusie: Tekst | None = Field(None, max_length=200, description="Wat de cijfers zeggen, in één regel; staat onder de grafiek. Zonder dit veld maakt de site zelf een zin uit de cijfers.")


class Budgetregel(Deel):
    """A cost line: what, how much, which year."""

    kostenpost: Tekst = Field(description="Waarvoor het geld of de tijd is, zoals in het document.")
    bedrag: Decimal = Field(ge=0, description="Het bedrag (of de uren), zonder punt voor duizendtallen: 60000.")
    eenheid: Eenheid = Field("euro", description="euro, 'uur per week', 'uur per jaar' of fte.")
    jaar: int | None = Field(None, ge=1990, le=2100, description="Jaar waarvoor het bedrag geldt.")
    begroting: Slug | None = Field(None, description="Id van de begroting in data/agendas/<regio>.yml waar deze regel bij hoort, bijvoorbeeld 'bestedingsvoorstel-2022'.")
    toelichting: Tekst | None = Field(None, description="Toelichting, bijvoorbeeld 'budgetneutraal'.")


class Voortgang(Deel):
    """A progress note: what was done or reached, and when."""

    datum: date | None = Field(None, description="Datum van de voortgangsmelding (JJJJ-MM-DD).")
    periode: Tekst | None = Field(None, description="Periode waarover het gaat, bijvoorbeeld 'eerste half jaar 2022'.")
    titel: Tekst | None = Field(None, description="Korte kop, bijvoorbeeld 'Resultaat'.")
    tekst: MarkdownTekst = Field(description="Wat er is gedaan of bereikt (Markdown).")
    opmerking: Tekst | None = Field(None, description="Opmerking bij de overname uit het document, bijvoorbeeld over een verwijzing die niet lijkt te kloppen.")


class Bijeenkomst(Deel):
    """A planned meeting or milestone: goes into the agenda's calendar feed."""

    titel: Tekst = Field(description="Wat er gebeurt, bijvoorbeeld 'Bespreking Directie-overleg'.")
    planning: PlanningVeld = Field(description="Wanneer: '11 mei 2021', of een blok {tekst: '11 mei', jaar: 2021}.")
    toelichting: Tekst | None = Field(None, description="Bijzonderheden.")
    plaats: Tekst | None = Field(None, description="Waar (openbare plek of 'online').")


class Gemeentestart(Deel):
    """When one gemeente started (or starts) with something the region does in phases."""

    gemeente: Annotated[str, Field(pattern=r"^GM[0-9]{4}$", description="Gemeentecode, bijvoorbeeld 'GM0632'.")]
    start: PlanningVeld | None = Field(None, description="Wanneer de gemeente begon, zoals in het document: 'april 2020', 'voor 1 april 2020'.")
    tekst: Tekst | None = Field(None, description="De stand zoals in het document als er geen datum is, bijvoorbeeld 'In ontwikkeling'.")


class Maat(Deel):
    """What a cell of a cross table holds, for example 'Aantal cliënten' in 'aantal'."""

    naam: Tekst = Field(description="Naam van het getal, bijvoorbeeld 'Aantal cliënten' of 'Gemiddelde kosten per cliënt'.")
    eenheid: Literal["aantal", "euro", "%"] = Field("aantal", description="aantal, euro of %.")


class Cel(Deel):
    """One cell: a row and a column of the table, and one value per maat."""

    rij: Tekst = Field(description="De rij, precies zoals in 'rijen'.")
    kolom: Tekst = Field(description="De kolom, precies zoals in 'kolommen'.")
    waarden: list[Decimal] = Field(min_length=1, description="De getallen in de volgorde van 'maten', bijvoorbeeld [49, 35873].")


class Kruistabel(Deel):
    """A two-dimensional table from the document (productgroep x hoofdverwijzer ...)."""

    titel: Tekst = Field(description="Titel, bijvoorbeeld 'Aantal cliënten en gemiddelde kosten per cliënt'.")
    bron: Tekst | None = Field(None, description="Waar de tabel in het document staat.")
    periode: Tekst | None = Field(None, description="Waarover de tabel gaat, bijvoorbeeld '2019'.")
    rijen_naam: Tekst = Field(description="Wat de rijen zijn, bijvoorbeeld 'Productgroep'.")
    kolommen_naam: Tekst = Field(description="Wat de kolommen zijn, bijvoorbeeld 'Hoofdverwijzer'.")
    rijen: list[Tekst] = Field(min_length=1, description="De rijen in de volgorde van het document.")
    kolommen: list[Tekst] = Field(min_length=1, description="De kolommen in de volgorde van het document.")
    maten: list[Maat] = Field(min_length=1, description="Wat elke cel bevat, in volgorde.")
    cellen: list[Cel] = Field(default_factory=list, description="De gevulde cellen; lege cellen laat je weg.")
    toelichting: Tekst | None = Field(None, description="Uitleg bij de tabel.")
    opmerking: Tekst | None = Field(None, description="Opmerking bij de overname uit het document.")

    def raster(self) -> list[tuple[str, list[Cel | None]]]:
        """Per row, the cell of every column (None where the document leaves it empty)."""
        index = {(c.rij, c.kolom): c for c in self.cellen}
        return [(rij, [index.get((rij, kolom)) for kolom in self.kolommen]) for rij in self.rijen]


# --- the agenda item ------------------------------------------------------------------


class AgendaItem(Record):
    """One item of a regional agenda: `data/agenda/<regio>/<id>.yml`, id like 'ambitie-2'."""

    soort: Soort = Field(description="Hoe het document dit onderdeel noemt, bijvoorbeeld ambitie, speerpunt, project, hoofdlijn of afspraak.")
    nummer: Nummer | None = Field(None, description="Nummer zoals in het document, bijvoorbeeld 2.")
    titel: Tekst = Field(description="De titel zoals in het document.")
    korte_titel: Tekst | None = Field(None, description="Korte naam voor tabellen en menu's, bijvoorbeeld 'Informele steun'.")
    samenvatting: Tekst | None = Field(None, max_length=300, description="Eén of twee zinnen in eenvoudige taal: waar gaat dit over?")
    toelichting: MarkdownTekst | None = Field(None, description="Uitleg uit het document (Markdown).")
    doel: Tekst | None = Field(None, description="Het doel in één zin, als het document dat zo noemt.")
    doelen: list[Tekst] = Field(default_factory=list, description="Doelen of streefdoelen, als het document er meer noemt.")
    actielijn: Tekst | None = Field(None, description="De actielijn waar dit onderdeel bij hoort, zoals in het document, bijvoorbeeld 'Meer kinderen zo thuis mogelijk laten opgroeien'.")
    aanpak: list[Tekst] = Field(default_factory=list, description="Hoe de regio het doel wil halen ('Dit doen we door'), zoals in het document.")
    status: Status | None = Field(None, description=f"Stand van zaken van het hele onderdeel: {STATUS_UITLEG}.")
    status_op: date | None = Field(None, description=STATUS_OP)
    status_toelichting: Tekst | None = Field(None, max_length=300, description=STATUS_TOELICHTING)
    stand_van_zaken: Tekst | None = Field(None, description="De stand van zaken zoals in het document, bijvoorbeeld 'Uitvoering sinds oktober 2020'.")
    planning: PlanningVeld | None = Field(None, description=PLANNING_SCHEMA["description"])
    resultaten: list[Resultaat] = Field(default_factory=list, description="Resultaten, elk met activiteiten.")
    kpis: list[Kpi] = Field(default_factory=list, description="Indicatoren (KPI's) met metingen.")
    trekkers: list[Tekst] = Field(default_factory=list, description="Wie trekt dit onderdeel (rollen of organisaties; geen namen zonder toestemming).")
    accounthouders: list[Tekst] = Field(default_factory=list, description="Relevante accounthouders.")
    werkgroep: list[Tekst] = Field(default_factory=list, description="De werkgroep of werkgroepen die het uitvoeren.")
    betrokkenen: list[Tekst] = Field(default_factory=list, description="Andere betrokken partijen.")
    budget: list[Budgetregel] = Field(default_factory=list, description="Kosten en inzet voor dit onderdeel.")
    voortgang: list[Voortgang] = Field(default_factory=list, description="Voortgang, oudste eerst.")
    wat_werkt: list[Tekst] = Field(default_factory=list, description="Wat goed werkt, volgens het document.")
    aandachtspunten: list[Tekst] = Field(default_factory=list, description="Wat aandacht vraagt, volgens het document.")
    opvallend: list[Tekst] = Field(default_factory=list, description="Opvallende punten, volgens het document.")
    bijeenkomsten: list[Bijeenkomst] = Field(default_factory=list, description="Geplande bijeenkomsten en mijlpalen (komen in de agenda-feed).")
    start_per_gemeente: list[Gemeentestart] = Field(default_factory=list, description="Wanneer elke gemeente begon, als de gemeenten na elkaar starten.")
    tabellen: list[Kruistabel] = Field(default_factory=list, description="Tabellen met rijen en kolommen uit het document.")
    kaart: list[KaartVerwijzing] = Field(
        default_factory=list,
        description="Verwijzingen naar de sociale kaart: 'informele-steun/<id>', 'lokale-teams/<id>', of alleen de map, bijvoorbeeld 'lokale-teams' voor alle lokale teams van de regio.",
    )
    themas: list[Thema] = Field(default_factory=list, description="Thema's van de sociale kaart waar dit onderdeel over gaat.")
    hoort_bij: list[Slug] = Field(default_factory=list, description="Andere onderdelen van dezelfde agenda waar dit bij hoort, bijvoorbeeld 'principe-4'.")
    vindplaats: Tekst | None = Field(None, description="Waar dit in het brondocument staat, bijvoorbeeld 'Hoofdstuk 5 en Bijlage 2'.")
    opmerking: Tekst | None = Field(None, description="Opmerking bij de overname uit het document, bijvoorbeeld een jaartal dat het document niet noemt maar dat uit de context volgt.")

    @property
    def regio(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def slug(self) -> str:
        return self.id.split("/", 1)[-1]

    @property
    def label(self) -> str:
        return SOORT_LABELS[self.soort][0] + (f" {self.nummer}" if self.nummer is not None else "")

    def activiteiten(self) -> list[tuple[Resultaat, Activiteit]]:
        return [(r, a) for r in self.resultaten for a in r.activiteiten]


# --- the region's agenda metadata ------------------------------------------------------


class Brondocument(Deel):
    """The document the agenda is taken from."""

    titel: Tekst = Field(description="Titel van het document.")
    soort: Tekst | None = Field(None, description="Soort document, bijvoorbeeld 'Regionale agenda Jeugd' of 'voortgangsrapportage'.")
    datum: date | None = Field(None, description="Datum van het document (JJJJ-MM-DD).")
    datum_tekst: Tekst | None = Field(None, description="De datum zoals in het document, als er geen precieze datum is.")
    uitgever: Tekst | None = Field(None, description="Wie het document heeft gemaakt, bijvoorbeeld 'gemeenten in Utrecht West'.")
    kenmerk: Tekst | None = Field(None, description="Kenmerk of versie van het document.")
    website: Website | None = Field(None, description="Waar het document online staat.")
    opmerking: Tekst | None = Field(None, description="Opmerking over het document, bijvoorbeeld over een datum die niet klopt met de inhoud.")


class Begroting(Deel):
    """A budget table with its stated total; the check adds up the lines and compares."""

    id: Slug = Field(description="Id om naar te verwijzen vanuit agendapunten, bijvoorbeeld 'bestedingsvoorstel-2022'.")
    titel: Tekst = Field(description="Titel, bijvoorbeeld 'Bestedingsvoorstel 2022'.")
    bron: Tekst | None = Field(None, description="Waar de tabel in het document staat, bijvoorbeeld 'Tabel 7'.")
    eenheid: Eenheid = Field("euro", description="euro, 'uur per week', 'uur per jaar' of fte.")
    jaar: int | None = Field(None, ge=1990, le=2100, description="Jaar van de begroting.")
    regels: list[Budgetregel] = Field(default_factory=list, description="Regels die niet bij één agendapunt horen.")
    totaal: Decimal | None = Field(None, ge=0, description="Het totaal zoals in het document; de controle rekent het na.")
    toelichting: Tekst | None = Field(None, description="Toelichting, bijvoorbeeld '*exclusief uren zorg en veiligheidshuis'.")


class Agenda(Record):
    """The agenda of one region: `data/agendas/<regio>.yml`; the file name is the region's id."""

    titel: Tekst = Field(description="Titel van de agenda, bijvoorbeeld 'Regionale agenda Jeugd 2022-2025'.")
    ondertitel: Tekst | None = Field(None, description="Ondertitel of motto, bijvoorbeeld 'Zo thuis mogelijk samenwerken'.")
    periode: Tekst = Field(description="Looptijd zoals in het document, bijvoorbeeld '2022-2025'.")
    van: int | None = Field(None, ge=1990, le=2100, description="Eerste jaar van de looptijd.")
    tot_en_met: int | None = Field(None, ge=1990, le=2100, description="Laatste jaar van de looptijd.")
    samenvatting: MarkdownTekst | None = Field(None, description="Korte inleiding in eenvoudige taal (Markdown).")
    visie: MarkdownTekst | None = Field(None, description="De visie of ambitie van de regio, zoals in het document.")
    vastgesteld_door: Tekst | None = Field(None, description="Wie de agenda heeft vastgesteld, bijvoorbeeld 'colleges en gemeenteraden'.")
    vastgesteld_op: date | None = Field(None, description="Datum van vaststelling (JJJJ-MM-DD).")
    vaststelling: Tekst | None = Field(None, description="De vaststelling zoals in het document, als er geen precieze datum is.")
    brondocument: Brondocument = Field(description="Het document waar deze agenda uit komt.")
    organisatie: MarkdownTekst | None = Field(None, description="Hoe de regio de uitvoering organiseert (Markdown).")
    indeling: list[Soort] = Field(default_factory=list, description="Volgorde van de soorten onderdelen op de site, bijvoorbeeld [ambitie, randvoorwaarde].")
    begrotingen: list[Begroting] = Field(default_factory=list, description="Begrotingstabellen met hun totaal.")
    bijeenkomsten: list[Bijeenkomst] = Field(default_factory=list, description="Geplande bijeenkomsten van de hele agenda (komen in de agenda-feed).")
    kerncijfers: list[Kpi] = Field(default_factory=list, description="Cijfers en indicatoren van de agenda als geheel, bijvoorbeeld het aantal cliënten in de regio.")
    tabellen: list[Kruistabel] = Field(default_factory=list, description="Tabellen met rijen en kolommen uit het document, bijvoorbeeld cliënten per productgroep en hoofdverwijzer.")
    voortgang: list[Voortgang] = Field(default_factory=list, description="Voortgang van de agenda als geheel of van eerdere trajecten, oudste eerst.")
    bijgewerkt_op: date = Field(description="Datum waarop deze gegevens voor het laatst met het document en de praktijk zijn vergeleken (JJJJ-MM-DD); ouder dan 6 maanden geeft een waarschuwing. Ook het tijdstempel van de agenda-feed.")

    def begroting(self, begroting_id: str) -> Begroting | None:
        return next((b for b in self.begrotingen if b.id == begroting_id), None)
