"""Field types shared by every record type.

Each type validates with a well-kept library where one exists (phonenumbers,
email-validator) and fails with a Dutch message that says what is allowed,
because the person reading it is a policy officer, not a programmer.
"""

from __future__ import annotations

import html
import re
from datetime import date
from functools import lru_cache
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
GEMEENTECODE_PATTERN = r"^GM[0-9]{4}$"
BRIN_PATTERN = r"^[0-9A-Z]{4}([0-9]{2})?$"
AGENDA_VERWIJZING_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$"
ACHT_CIJFERS_PATTERN = r"^[0-9]{8}$"

# Explanations for pattern errors, keyed by pattern, so every regex has one Dutch sentence.
PATTERN_UITLEG = {
    SLUG_PATTERN: "gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld 'buurtgezin-woerden'",
    GEMEENTECODE_PATTERN: "een CBS-gemeentecode is 'GM' met 4 cijfers, bijvoorbeeld 'GM0632'",
    BRIN_PATTERN: "een BRIN-code is 4 tekens (cijfers of hoofdletters), eventueel met 2 cijfers erachter, bijvoorbeeld '12AB' of '12AB00'",
    ACHT_CIJFERS_PATTERN: "gebruik precies 8 cijfers, zonder spaties",
    AGENDA_VERWIJZING_PATTERN: "gebruik '<regio>/<agendapunt>', bijvoorbeeld 'utrecht-west/ambitie-2'",
}


def fout(message: str) -> PydanticCustomError:
    """A validation error whose message is shown to the user exactly as written."""
    return PydanticCustomError("socialekaart", message)


# --- text -----------------------------------------------------------------

_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>")
_SCRIPT_SCHEME = re.compile(r"\b(javascript|vbscript|data)\s*:", re.IGNORECASE)
# Bidi overrides can make text read differently from what is stored (CVE-2021-42574).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Those, or control characters other than tab and line breaks: one search finds either kind.
_ONZICHTBAAR = re.compile("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The three ways Markdown writes a link target, each with the text it cannot do without:
# looking for that text first skips most of the work. (A single pattern with all three
# alternatives was tried at every character, three times slower.)
_MD_LINK_TARGETS = (
    ("](", re.compile(r"\]\(\s*<?([^)\s>]*)")),  # [tekst](doel)
    ("]:", re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)),  # [label]: doel
    ("<", re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")),  # <doel>
)
_ALLOWED_LINK = re.compile(r"^(https?://|mailto:|tel:|#|/|\.{0,2}/)", re.IGNORECASE)


# A browser starts a tag, end tag, comment or processing instruction at '<' straight before a
# letter, '/', '!' or '?', closing '>' or not ("<img src=x onerror=..." is completed by the markup
# that follows). "< 12 jaar" and "4<5" start nothing. The full-width and small forms of '<'
# count too: Unicode normalisation further on would turn them into '<'.
_MARKUP_START = re.compile("[<\uff1c\ufe64][/!?a-zA-Z]")
_MARKUP_SHOWN = re.compile("[<\uff1c\ufe64][/!?]?[-a-zA-Z0-9]{0,12}")

# Any of these characters is needed for each of the problems below; most text has none.
_MAYBE_UNSAFE = re.compile("[<&:\uff1c\ufe64\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check_plain_text(value: str) -> str:
    """Plain text is never markup: refuse anything a browser could read as the start of a tag,
    also when written as an entity ('&lt;script', '&#60;img'), as some output decodes those."""
    if not _MAYBE_UNSAFE.search(value):
        return value
    decoded = html.unescape(value) if "&" in value else value
    start = _MARKUP_START.search(decoded)
    if start:
        fragment = _MARKUP_SHOWN.match(decoded, start.start())[0]  # type: ignore[index]
        raise fout(
            f"HTML-tags zijn niet toegestaan in tekst: '{fragment}' is het begin van een tag; "
            "bedoel je 'kleiner dan', zet dan een spatie na '<'"
        )
    return _check_text(value)


def _check_text(value: str) -> str:
    if not _MAYBE_UNSAFE.search(value):
        return value
    # Each pattern only where what it needs is there: long Markdown texts nearly all hold a
    # colon (links, "Let op:"), and trying every pattern at every character was most of their check.
    if "<" in value and _HTML_TAG.search(value):
        raise fout("HTML-tags zijn niet toegestaan in tekst; gebruik gewone tekst of Markdown")
    if _script_scheme(value):
        raise fout("'javascript:', 'vbscript:' en 'data:' zijn niet toegestaan in tekst")
    if _ONZICHTBAAR.search(value):
        if _BIDI_CONTROLS.search(value):
            raise fout("onzichtbare tekens die de leesrichting omdraaien zijn niet toegestaan")
        raise fout("onzichtbare stuurtekens zijn niet toegestaan; typ de tekst opnieuw")
    return value


def _script_scheme(value: str) -> bool:
    """Does `_SCRIPT_SCHEME` match? Tried only just before each colon, where a match has to end:
    the word (at most 10 letters) and the whitespace before that colon. Searching from a later
    start still sees the character before it, so the word boundary means the same."""
    colon = value.find(":")
    while colon != -1:
        start = colon
        while start and value[start - 1].isspace():  # the \s* run; \s is str.isspace()
            start -= 1
        if _SCRIPT_SCHEME.search(value, max(0, start - len("javascript")), colon + 1):
            return True
        colon = value.find(":", colon + 1)
    return False


def _check_markdown(value: str) -> str:
    _check_text(value)
    for needed, pattern in _MD_LINK_TARGETS:
        if needed in value:
            for match in pattern.finditer(value):
                target = match[1]
                if target and not _ALLOWED_LINK.match(target):
                    raise fout(
                        f"link '{target}' is niet toegestaan; links beginnen met https://, http://, mailto: of tel:"
                    )
    return value


Tekst = Annotated[str, Field(min_length=1), AfterValidator(check_plain_text)]
"""One line or paragraph of plain text: no HTML (not even the start of a tag), no scripts."""

MarkdownTekst = Annotated[str, Field(min_length=1), AfterValidator(_check_markdown)]
"""Longer text that may use Markdown (lists, bold, links to http(s)/mailto/tel)."""

Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
GemeenteCode = Annotated[str, Field(pattern=GEMEENTECODE_PATTERN)]
Brin = Annotated[str, Field(pattern=BRIN_PATTERN)]
AgendaVerwijzing = Annotated[str, Field(pattern=AGENDA_VERWIJZING_PATTERN)]


# --- contact details -------------------------------------------------------


# The same number or address recurs across many records (a team's switchboard, an
# organisation's info@): the libraries are slow enough that remembering each answer pays.


@lru_cache(maxsize=50_000)
def _telefoon_geldig(value: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(value, "NL"))
    except phonenumbers.NumberParseException:
        return False


# Most addresses are unique (jan.jansen@, info1317@) but their domains are not. For the usual
# shape, a plain lowercase local part and a plain ASCII domain, whether the address is valid and
# how it is normalized depend only on the domain and on the local part's length (the limits are
# on the whole address): email-validator judges a stand-in of that length once per domain.
# Every other address is judged whole.
_GEWOON_ADRES = re.compile(r"([a-z0-9]+(?:[._-][a-z0-9]+)*)@([A-Za-z0-9.-]+)\Z")


def _email_normalized(value: str) -> str | None:
    gewoon = _GEWOON_ADRES.match(value)
    if gewoon is None:
        return _adres_normalized(value)
    lokaal, domein = gewoon.groups()
    apenstaart_domein = _domein_normalized(domein, len(lokaal))
    return None if apenstaart_domein is None else lokaal + apenstaart_domein


@lru_cache(maxsize=4096)
def _domein_normalized(domein: str, lengte: int) -> str | None:
    """'@' and the normalized domain, for a plain local part of `lengte` characters; None if
    such an address is not valid."""
    normalized = _adres_normalized("x" * lengte + "@" + domein)
    return None if normalized is None else normalized[lengte:]


@lru_cache(maxsize=50_000)
def _adres_normalized(value: str) -> str | None:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def _check_telefoon(value: str) -> str:
    if not _telefoon_geldig(value):
        raise fout(
            f"'{value}' is geen geldig telefoonnummer; gebruik bijvoorbeeld '030 123 4567', "
            "'+31 6 12345678' of een 14-nummer als '14 0348'"
        )
    return value


def _check_email(value: str) -> str:
    normalized = _email_normalized(value)
    if normalized is None:
        raise fout(f"'{value}' is geen geldig e-mailadres; gebruik bijvoorbeeld 'info@voorbeeld.nl'")
    return normalized


_WITRUIMTE = re.compile(r"\s")


def _check_website(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or _WITRUIMTE.search(value):
        raise fout(f"'{value}' is geen geldig webadres; een webadres begint met https:// (of http://)")
    return check_plain_text(value)


Telefoon = Annotated[str, AfterValidator(_check_telefoon)]
Email = Annotated[str, AfterValidator(_check_email)]
Website = Annotated[str, AfterValidator(_check_website)]


@lru_cache(maxsize=4096)
def telefoon_link(value: str) -> str:
    """The tel: URI for a validated number (14-numbers stay local, as they only work in NL).

    Cached: a lokaal team's number is on hundreds of pages, and parsing it is not cheap."""
    number = phonenumbers.parse(value, "NL")
    digits = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if str(number.national_number).startswith("14"):
        return "tel:" + str(number.national_number)
    return "tel:" + digits


# --- dates -------------------------------------------------------------------


def vandaag(info: ValidationInfo) -> date:
    """Today, or the date a test or benchmark passes in the validation context."""
    context = info.context or {}
    return context.get("vandaag") or date.today()


def _niet_in_de_toekomst(value: date, info: ValidationInfo) -> date:
    today = vandaag(info)
    if value > today:
        raise fout(
            f"datum {value.isoformat()} ligt in de toekomst (vandaag is {today.isoformat()}); "
            "vul de datum in waarop het echt gebeurde"
        )
    return value


VerledenDatum = Annotated[date, AfterValidator(_niet_in_de_toekomst)]


# --- places ------------------------------------------------------------------

# A generous box around the Netherlands: catches swapped or mistyped coordinates.
_NL_LAT = (50.6, 53.7)
_NL_LON = (3.2, 7.3)


class Coordinaten(BaseModel):
    """A point in decimal degrees (WGS84), as shown by most map sites."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lat: float = Field(description="Breedtegraad in graden (WGS84), bijvoorbeeld 52.09.")
    lon: float = Field(description="Lengtegraad in graden (WGS84), bijvoorbeeld 4.88.")

    @model_validator(mode="after")
    def _in_nederland(self) -> Coordinaten:
        if not (_NL_LAT[0] <= self.lat <= _NL_LAT[1] and _NL_LON[0] <= self.lon <= _NL_LON[1]):
            raise fout(
                f"punt ({self.lat}, {self.lon}) ligt niet in Nederland; "
                "lat ligt tussen 50.6 en 53.7 en lon tussen 3.2 en 7.3 (zijn ze omgewisseld?)"
            )
        return self


def decimalen(value: float) -> int:
    """Number of decimals as written (0.1 + 0.2 style float noise is not an issue for YAML input)."""
    text = repr(float(value))
    if "e" in text:
        return 10
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0


# --- shared building blocks -------------------------------------------------------

Rol = Literal["onderwijs", "huisartsen", "jgz", "verenigingen", "zorgaanbieders", "kinderopvang", "algemeen"]


class Contact(BaseModel):
    """How to reach an organisation or team: work contact details only."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    telefoon: Telefoon | None = Field(None, description="Telefoonnummer, bijvoorbeeld '0348 123 456' of '14 0348'.")
    email: Email | None = Field(None, description="Algemeen e-mailadres.")
    website: Website | None = Field(None, description="Webadres dat begint met https://.")
    bezoekadres: Tekst | None = Field(None, description="Bezoekadres van het kantoor (nooit een woonadres).")
    openingstijden: Tekst | None = Field(None, description="Wanneer je kunt bellen of langskomen, bijvoorbeeld 'ma-vr 9.00-17.00'.")


class Locatie(BaseModel):
    """A place where something happens. Only for public buildings, never a private home."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    naam: Tekst | None = Field(None, description="Naam van de locatie, bijvoorbeeld 'Buurthuis De Boog'.")
    plaats: Tekst = Field(description="Plaats of kern, bijvoorbeeld 'Harmelen'.")
    gemeente: GemeenteCode | None = Field(None, description="CBS-code van de gemeente, bijvoorbeeld 'GM0632'.")
    adres: Tekst | None = Field(None, description="Straat en huisnummer van een openbaar gebouw.")
    postcode: Tekst | None = Field(None, description="Postcode van een openbaar gebouw, bijvoorbeeld '3441 AB'.")
    coordinaten: Coordinaten | None = Field(None, description="Punt op de kaart; laat leeg om het midden van de plaats te gebruiken.")


class Record(BaseModel):
    """Base of every record: one YAML file, whose file name is the record id."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    # Set by the loader. Slots rather than pydantic private attributes: those make pydantic
    # run Python code for every record it validates, a fifth of the validation time.
    __slots__ = ("_id", "_bron")

    @property
    def id(self) -> str:
        """The record id: the file name without '.yml'."""
        return getattr(self, "_id", "")

    @property
    def bron(self) -> str:
        """The YAML file this record came from, relative to the repository root."""
        return getattr(self, "_bron", "")

    def set_origin(self, record_id: str, bron: str) -> None:
        """Set by the loader. Written to the slots directly: past pydantic's frozen-model check,
        which these are not fields for, and which costs a few percent of loading."""
        object.__setattr__(self, "_id", record_id)
        object.__setattr__(self, "_bron", bron)

    def __getstate__(self) -> dict[Any, Any]:
        return {**super().__getstate__(), "record": (self.id, self.bron)}

    def __setstate__(self, state: dict[Any, Any]) -> None:
        self.set_origin(*state.pop("record", ("", "")))
        super().__setstate__(state)


class KaartRecord(Record):
    """A sociale-kaart record: shown to the public, so it carries a verification date."""

    gecontroleerd_op: VerledenDatum = Field(
        description="Datum waarop iemand deze gegevens voor het laatst heeft gecontroleerd (JJJJ-MM-DD)."
    )
    voorbeeld: bool = Field(
        False,
        description="Zet op true als dit (deels) verzonnen voorbeeldgegevens zijn; de site toont dan een melding.",
    )
    agenda: list[AgendaVerwijzing] = Field(
        default_factory=list,
        description="Agendapunten waaraan dit bijdraagt, als '<regio>/<agendapunt>', bijvoorbeeld 'utrecht-west/ambitie-2'.",
    )
