"""The record models and field types, validated the way the loader does it."""

from __future__ import annotations

import random
import re
from datetime import date
from typing import Annotated, Any

import phonenumbers
import pytest
from pydantic import BaseModel, Field, ValidationError
from pydantic_core import PydanticCustomError

from socialekaart.agenda.models import AgendaItem
from socialekaart.load import slugify
from socialekaart.messages import dutch, dutch_union, without_union_tags
from socialekaart.models import Aanbieder, Gezinshuis, InformeleSteun, LokaalTeam, Regio
from socialekaart.models.common import Contact, Coordinaten, decimalen, telefoon_link
from socialekaart.models.gezinshuis import GrofCoordinaat
from socialekaart.site import paden

VANDAAG = date(2026, 6, 1)
# phonenumbers' own example numbers: valid in form, and nobody's real number.
VAST = phonenumbers.format_number(phonenumbers.example_number("NL"), phonenumbers.PhoneNumberFormat.NATIONAL)
MOBIEL = phonenumbers.format_number(
    phonenumbers.example_number_for_type("NL", phonenumbers.PhoneNumberType.MOBILE),
    phonenumbers.PhoneNumberFormat.INTERNATIONAL,
)


def valid(model: type[BaseModel], data: dict[str, Any]) -> Any:
    return model.model_validate(data, context={"vandaag": VANDAAG})


def messages(model: type[BaseModel], data: dict[str, Any]) -> dict[tuple, str]:
    """loc -> the Dutch message the user would see."""
    with pytest.raises(ValidationError) as caught:
        valid(model, data)
    return {tuple(e["loc"]): dutch(e, model) for e in caught.value.errors()}


# --- minimal valid records, changed one field at a time in the tests -------------

REGIO = {"naam": "Utrecht West", "gemeenten": [{"code": "GM0632", "naam": "Woerden"}]}
AANBIEDER = {
    "naam": "Voorbeeld Jeugdhulp",
    "beschrijving": "Jeugdhulp thuis.",
    "aanbod": ["ambulante-jeugdhulp"],
    "regios": ["utrecht-west"],
    "contact": {"email": "info@example.org"},
    "gecontroleerd_op": "2026-05-01",
}
TEAM = {"naam": "Sociaal team", "gemeenten": ["GM0632"], "contact": {"telefoon": "14 0348"}, "gecontroleerd_op": date(2026, 5, 1)}
STEUN = {
    "naam": "Maatjes",
    "samenvatting": "Een maatje voor je kind.",
    "organisatie": "Maatjesproject",
    "themas": ["maatje"],
    "doelgroep": ["kinderen"],
    "regio": "utrecht-west",
    "kosten": "gratis",
    "aanmelden": ["zelf"],
    "zonder_verwijzing": True,
    "contact": {"email": "maatjes@example.org"},
    "gecontroleerd_op": date(2026, 5, 1),
}
HUIS = {
    "naam": "Gezinshuis De Linde",
    "aanbieder": "voorbeeld-jeugdhulp",
    "gemeente": "GM0632",
    "plaats": "Harmelen",
    "leeftijd_min": 4,
    "leeftijd_max": 18,
    "plekken": {"totaal": 4, "vrij": 1, "peildatum": date(2026, 5, 20)},
    "gecontroleerd_op": date(2026, 5, 1),
}


@pytest.mark.parametrize(
    ("model", "data"), [(Regio, REGIO), (Aanbieder, AANBIEDER), (LokaalTeam, TEAM), (InformeleSteun, STEUN), (Gezinshuis, HUIS)]
)
def test_minimal_records_are_valid_and_frozen(model: type[BaseModel], data: dict[str, Any]) -> None:
    record = valid(model, data)
    with pytest.raises(ValidationError):
        record.naam = "anders"


@pytest.mark.parametrize("model", [Regio, Aanbieder, LokaalTeam, InformeleSteun, Gezinshuis])
def test_every_field_is_described_for_the_schema_and_template(model: type[BaseModel]) -> None:
    assert all(field.description for field in model.model_fields.values())


# --- text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Maatjes <b>Woerden</b>", "HTML-tags zijn niet toegestaan"),
        ("Maatjes <script>alert(1)</script>", "HTML-tags zijn niet toegestaan"),
        ("Klik javascript:alert(1)", "'javascript:', 'vbscript:' en 'data:' zijn niet toegestaan"),
        ("Maatjes \u202eWoerden", "onzichtbare tekens die de leesrichting omdraaien"),
        ("Maatjes\x0bWoerden", "onzichtbare stuurtekens"),
        ("", "dit veld mag niet leeg zijn"),
    ],
)
def test_plain_text_refuses_markup_and_hidden_characters(text: str, message: str) -> None:
    assert messages(InformeleSteun, {**STEUN, "naam": text})[("naam",)].startswith(message)


def test_plain_text_allows_ordinary_punctuation() -> None:
    assert valid(InformeleSteun, {**STEUN, "naam": "Kinderen < 12 jaar & ouders (0-4)"}).naam.startswith("Kinderen")


# What a browser reads as the start of markup, closing '>' or not, in every spelling the audit tried.
MARKUP_STARTS = [
    "Maatjes <img src=x onerror=alert(1)",
    "<svg onload=alert(1)",
    "<details open ontoggle=alert(1)",
    "<iframe srcdoc=x",
    "Agenda </script",
    "Agenda </title",
    "</style",
    "<!-- x",
    "--> <img src=x onerror=alert(1)",
    "<?php echo 1",
    "<SCRIPT>",
    "<ImG sRc=x",
    "a<b",
    "&lt;script",
    "&LT;img src=x",
    "&lt;/title",
    "&#60;svg onload=x",
    "&#x3c;iframe",
    "&#X3C;details",
    "&ltiframe",  # the legacy entity without ';' decodes too
    "\uff1cscript",  # full-width '<'
]
HARMLESS_LESS_THAN = ["kinderen < 12 jaar", "4<5", "a <= b", "<3", "x <- y", "< 18 jaar", "ouders & kinderen", "Tom & Jerry &amp; co"]


@pytest.mark.parametrize("text", MARKUP_STARTS)
def test_plain_text_refuses_every_start_of_markup(text: str) -> None:
    message = messages(InformeleSteun, {**STEUN, "naam": text})[("naam",)]
    assert message.startswith("HTML-tags zijn niet toegestaan in tekst: '<") or message.startswith("HTML-tags zijn niet toegestaan in tekst: '\uff1c")


@pytest.mark.parametrize("text", HARMLESS_LESS_THAN)
def test_plain_text_allows_less_than_that_starts_nothing(text: str) -> None:
    assert valid(InformeleSteun, {**STEUN, "naam": text}).naam == text


def test_plain_text_rule_holds_in_nested_and_list_fields() -> None:
    errors = messages(
        InformeleSteun,
        {**STEUN, "talen": ["Nederlands", "</script"], "contact": {"email": "m@example.org", "openingstijden": "<!--"}},
    )
    assert set(errors) == {("talen", 1), ("contact", "openingstijden")}


def test_markdown_fields_allow_less_than_too() -> None:
    assert valid(InformeleSteun, {**STEUN, "beschrijving": "Voor kinderen < 12 jaar, 4<5."}).beschrijving


@pytest.mark.parametrize("planning", ["Q3 2022 <img src=x onerror=alert(1)", {"tekst": "</script", "als": "Q3 2022"}])
def test_planning_text_is_plain_text_too(planning: object) -> None:
    item = {"soort": "ambitie", "nummer": 1, "titel": "Tijdige hulp", "planning": planning}
    assert messages(AgendaItem, item)[("planning",)].startswith("HTML-tags zijn niet toegestaan in tekst: '<")


@pytest.mark.parametrize("name", [*MARKUP_STARTS, "Gezinshuis \"De Linde\"", "Ça va / ümlaut", "../../etc/passwd"])
def test_slugs_made_from_names_stay_plain(name: str) -> None:
    assert re.fullmatch(r"[a-z0-9-]*", paden.slug(name))
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slugify(name))


@pytest.mark.parametrize(
    "link", ["https://example.org", "http://example.org", "mailto:info@example.org", "tel:140348", "/informele-steun/", "#kop"]
)
def test_markdown_allows_safe_links(link: str) -> None:
    valid(Aanbieder, {**AANBIEDER, "beschrijving": f"Lees [meer]({link})."})


@pytest.mark.parametrize("link", ["ftp://example.org/x", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,x"])
def test_markdown_refuses_other_link_schemes(link: str) -> None:
    message = messages(Aanbieder, {**AANBIEDER, "beschrijving": f"Lees [meer]({link})."})[("beschrijving",)]
    assert "niet toegestaan" in message


def test_markdown_checks_reference_links_and_autolinks() -> None:
    assert ("beschrijving",) in messages(Aanbieder, {**AANBIEDER, "beschrijving": "Zie [x].\n\n[x]: ftp://example.org\n"})
    assert ("beschrijving",) in messages(Aanbieder, {**AANBIEDER, "beschrijving": "Zie <ftp://example.org>."})


# --- contact details ------------------------------------------------------------


@pytest.mark.parametrize("nummer", ["14 0348", "140348", "14 030", VAST, MOBIEL])
def test_phone_numbers_including_14_numbers(nummer: str) -> None:
    assert valid(Contact, {"telefoon": nummer}).telefoon == nummer


@pytest.mark.parametrize("nummer", ["030 12", "bel ons", "14 0800", "+31 6 1234"])
def test_invalid_phone_numbers_say_what_is_allowed(nummer: str) -> None:
    message = messages(Contact, {"telefoon": nummer})[("telefoon",)]
    assert message.startswith(f"'{nummer}' is geen geldig telefoonnummer")
    assert "14 0348" in message


def test_telefoon_link() -> None:
    assert telefoon_link("14 0348") == "tel:140348"  # 14-numbers only work inside NL: keep them local
    assert telefoon_link(VAST) == "tel:+31" + VAST.replace(" ", "")[1:]
    assert telefoon_link(MOBIEL) == "tel:" + MOBIEL.replace(" ", "")


def test_email_is_normalised_and_checked() -> None:
    assert valid(Contact, {"email": "Info@EXAMPLE.org"}).email == "info@example.org"
    for wrong in ["info@example", "info.example.org", "info@@example.org", "info @example.org"]:
        assert "is geen geldig e-mailadres" in messages(Contact, {"email": wrong})[("email",)]


def _tekstfout_zoals_voorheen(text: str) -> str | None:
    """The text rule as it was written before it looked only near colons: the reference."""
    for pattern, message in (
        (re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>"), "HTML-tags"),
        (re.compile(r"\b(javascript|vbscript|data)\s*:", re.IGNORECASE), "'javascript:'"),
        (re.compile("[\u202a-\u202e\u2066-\u2069]"), "leesrichting"),
        (re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"), "stuurtekens"),
    ):
        if pattern.search(text):
            return message
    return None


def test_text_rule_near_colons_finds_what_searching_everywhere_found() -> None:
    from socialekaart.models.common import _check_text

    stukken = ["javascript", "JavaScript", "vbscript", "DATA", "data", "javaſcript", "javascrıpt", "xdata", "meta",
               ":", " ", "\u2003", "\x1c", "\t", "\n", "<", "<b>", "\u202e", "\x07", "a", "é", "https://", "Let op"]
    rng = random.Random(14)
    teksten = ["data :", "x data:", "mydata:", "a\u2003\u2003data\u2003:", "scriptdata:", "javascript\x1c:", "java script:"]
    teksten += ["".join(rng.choice(stukken) for _ in range(rng.randint(1, 12))) for _ in range(5_000)]
    for tekst in teksten:
        try:
            _check_text(tekst)
            gevonden = None
        except PydanticCustomError as error:
            gevonden = error.message()
        verwacht = _tekstfout_zoals_voorheen(tekst)
        assert (gevonden is None) == (verwacht is None), repr(tekst)
        assert verwacht is None or verwacht in gevonden, repr(tekst)


_ADRESSEN = [
    "info@example.org", "jan.de-vries_2@Voorbeeld.NL", "a@b.co", "info@localhost", "info@example", "x@-bad.nl",
    "x@bad-.nl", "x@a..nl", "x@123.456", "x@example.123", "postmaster@gemeente.nl", "INFO@gemeente.nl",
    "info@xn--mnchen-3ya.de", "info@münchen.de", "x@test", "x@arpa", "x@foo.local", "info@example.org.",
    ("a" * 60) + "@" + ("b" * 63 + ".") * 3 + "nl", ("a" * 64) + "@" + ("b" * 60 + ".") * 3 + "nl",
    ("a" * 65) + "@example.org", "a" * 64 + "@" + "c" * 64 + ".nl",
]


@pytest.mark.parametrize("adres", _ADRESSEN)
def test_email_judged_per_domain_as_email_validator_judges_it_whole(adres: str) -> None:
    # Usual addresses are judged once per domain (and local-part length): same verdict, same form.
    from email_validator import EmailNotValidError, validate_email

    from socialekaart.models.common import _email_normalized

    try:
        verwacht: str | None = validate_email(adres, check_deliverability=False).normalized
    except EmailNotValidError:
        verwacht = None
    assert _email_normalized(adres) == verwacht
    assert _email_normalized(adres) == verwacht  # from the caches too


@pytest.mark.parametrize("url", ["www.example.org", "ftp://example.org", "javascript:alert(1)", "https://", "https://example .org"])
def test_websites_are_http_or_https(url: str) -> None:
    assert "is geen geldig webadres" in messages(Contact, {"website": url})[("website",)]


def test_contact_refuses_unknown_fields_with_a_suggestion() -> None:
    assert messages(Contact, {"emial": "info@example.org"})[("emial",)] == "onbekend veld 'emial'; bedoelde je 'email'?"


# --- codes -------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["GM632", "gm0632", "GM06321", "0632"])
def test_gemeente_codes(code: str) -> None:
    message = messages(LokaalTeam, {**TEAM, "gemeenten": [code]})[("gemeenten", 0)]
    assert message == f"'{code}' klopt niet: een CBS-gemeentecode is 'GM' met 4 cijfers, bijvoorbeeld 'GM0632'"


@pytest.mark.parametrize(("brin", "ok"), [("12AB", True), ("12AB00", True), ("00XY01", True), ("12ab", False), ("12AB0", False), ("12AB0A", False)])
def test_brin_codes(brin: str, ok: bool) -> None:
    data = {**TEAM, "scholen": [{"naam": "De Boog", "plaats": "Woerden", "brin": brin}]}
    if ok:
        assert valid(LokaalTeam, data).scholen[0].brin == brin
    else:
        assert "een BRIN-code is 4 tekens" in messages(LokaalTeam, data)[("scholen", 0, "brin")]


def test_kvk_as_a_number_asks_for_quotes() -> None:
    message = messages(Aanbieder, {**AANBIEDER, "kvk": 1234567})[("kvk",)]
    assert "zet de waarde tussen aanhalingstekens" in message
    assert messages(Aanbieder, {**AANBIEDER, "kvk": "1234567"})[("kvk",)].endswith("gebruik precies 8 cijfers, zonder spaties")


# --- dates ---------------------------------------------------------------------------


def test_dates_in_the_future_are_refused_relative_to_vandaag() -> None:
    message = messages(LokaalTeam, {**TEAM, "gecontroleerd_op": date(2026, 6, 2)})[("gecontroleerd_op",)]
    assert message == "datum 2026-06-02 ligt in de toekomst (vandaag is 2026-06-01); vul de datum in waarop het echt gebeurde"
    assert valid(LokaalTeam, {**TEAM, "gecontroleerd_op": VANDAAG}).gecontroleerd_op == VANDAAG


def test_consent_and_peildatum_may_not_be_in_the_future() -> None:
    persoon = {"functie": "jeugdarts", "rollen": ["huisartsen"], "naam": "Voorbeeldnaam", "toestemming_op": date(2026, 7, 1)}
    assert ("contactpersonen", 0, "toestemming_op") in messages(LokaalTeam, {**TEAM, "contactpersonen": [persoon]})
    plekken = {"totaal": 2, "vrij": 1, "peildatum": date(2027, 1, 1)}
    assert ("plekken", "peildatum") in messages(Gezinshuis, {**HUIS, "plekken": plekken})


def test_dates_must_be_written_as_dates() -> None:
    message = messages(LokaalTeam, {**TEAM, "gecontroleerd_op": "1-5-2026"})[("gecontroleerd_op",)]
    assert message.startswith("hier hoort een datum als JJJJ-MM-DD")


# --- places -------------------------------------------------------------------------


def test_coordinates_must_lie_in_the_netherlands() -> None:
    assert valid(Coordinaten, {"lat": 52.0912, "lon": 4.8823}).lat == 52.0912
    assert "ligt niet in Nederland" in messages(Coordinaten, {"lat": 4.88, "lon": 52.09})[()]


@pytest.mark.parametrize(("value", "places"), [(52.0, 0), (52.1, 1), (52.09, 2), (52.0912, 4), (4.953, 3), (1e-7, 10)])
def test_decimalen(value: float, places: int) -> None:
    assert decimalen(value) == places


def test_gezinshuis_coordinates_at_most_two_decimals() -> None:
    assert valid(GrofCoordinaat, {"lat": 52.09, "lon": 4.9}).lon == 4.9
    found = messages(Gezinshuis, {**HUIS, "coordinaten": {"lat": 52.0459, "lon": 4.96}})
    assert found == {
        ("coordinaten", "lat"): "52.0459 is te precies; een gezinshuis mag hoogstens op 2 decimalen (ongeveer 1 km), bijvoorbeeld 52.05"
    }


@pytest.mark.parametrize("veld", ["adres", "straat", "huisnummer", "postcode", "bezoekadres", "woonadres"])
def test_gezinshuis_has_no_address_fields_and_says_why(veld: str) -> None:
    message = messages(Gezinshuis, {**HUIS, veld: "Voorbeeldstraat 1"})[(veld,)]
    assert message.startswith("een gezinshuis krijgt nooit een adres of postcode")


def test_gezinshuis_free_places_are_known_for_30_days() -> None:
    huis = valid(Gezinshuis, HUIS)
    assert huis.vrij_bekend(date(2026, 6, 19))
    assert not huis.vrij_bekend(date(2026, 6, 20))
    assert not valid(Gezinshuis, {**HUIS, "plekken": {"totaal": 4}}).vrij_bekend(VANDAAG)


def test_gezinshuis_places_and_ages_have_bounds() -> None:
    found = messages(Gezinshuis, {**HUIS, "leeftijd_max": 30, "plekken": {"totaal": 13}})
    assert found[("leeftijd_max",)] == "30 is te groot; de waarde mag hoogstens 23 zijn"
    assert found[("plekken", "totaal")] == "13 is te groot; de waarde mag hoogstens 12 zijn"


# --- choices, lists and blocks ----------------------------------------------------------------


def test_choices_suggest_the_closest_and_list_all() -> None:
    message = messages(InformeleSteun, {**STEUN, "themas": ["maatjes"]})[("themas", 0)]
    assert message.startswith("'maatjes' is niet toegestaan (bedoelde je 'maatje'?); kies uit: maatje, buurtgezin,")


def test_required_lists_may_not_be_empty() -> None:
    message = messages(InformeleSteun, {**STEUN, "doelgroep": []})[("doelgroep",)]
    assert message == (
        "deze lijst mag niet leeg zijn; vul minstens 1 waarde in; kies uit: ouders, kinderen, jongeren, gezinnen, jonge-mantelzorgers"
    )


def test_text_where_a_list_belongs_shows_the_list_form() -> None:
    message = messages(InformeleSteun, {**STEUN, "themas": "maatje"})[("themas",)]
    assert message.startswith("hier hoort een lijst, maar er staat tekst; schrijf [maatje]")


def test_samenvatting_is_short() -> None:
    message = messages(InformeleSteun, {**STEUN, "samenvatting": "x" * 241})[("samenvatting",)]
    assert message == "deze tekst is 241 tekens; hoogstens 240 tekens zijn toegestaan"


def test_missing_fields_name_themselves_and_explain() -> None:
    data = {k: v for k, v in HUIS.items() if k != "plaats"}
    assert messages(Gezinshuis, data)[("plaats",)] == "verplicht veld 'plaats' ontbreekt. Plaats of kern (geen straat)."


def test_regio_finds_its_gemeenten() -> None:
    regio = valid(Regio, REGIO)
    assert regio.gemeente("GM0632").naam == "Woerden"
    assert regio.gemeente("GM0355") is None


def test_text_is_stripped() -> None:
    assert valid(Regio, {**REGIO, "naam": "  Utrecht West \n"}).naam == "Utrecht West"


# --- unions: one value, one message ---------------------------------------------------------------


class _MetUnie(BaseModel):
    nummer: int | Annotated[str, Field(pattern=r"^[a-z]$")]


def test_union_branches_become_one_message_under_the_field_name() -> None:
    with pytest.raises(ValidationError) as caught:
        _MetUnie.model_validate({"nummer": [1]})
    errors = [{**e, "loc": without_union_tags(_MetUnie, tuple(e["loc"]))} for e in caught.value.errors()]
    assert {e["loc"] for e in errors} == {("nummer",)}
    assert dutch_union(errors, _MetUnie) == ["hier hoort een heel getal of tekst, maar er staat een lijst"]


def test_union_reports_the_branch_the_value_fits() -> None:
    with pytest.raises(ValidationError) as caught:
        _MetUnie.model_validate({"nummer": "AB"})
    errors = [{**e, "loc": without_union_tags(_MetUnie, tuple(e["loc"]))} for e in caught.value.errors()]
    assert dutch_union(errors, _MetUnie) == ["'AB' klopt niet: het patroon is ^[a-z]$"]
