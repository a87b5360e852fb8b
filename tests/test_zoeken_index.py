"""What Pagefind indexes of a page (issue 14: the national index must stay under its memory
budget, and Pagefind's memory grows with every indexed word). Read from the index itself, so
each test fails when a `data-pagefind-ignore` is taken away from a template.

Indexed: what a parent searches for (name, summary, description, themes, for whom, gemeenten,
cost, organisation, contact). Not indexed: text repeated on every page (the voorbeeld notice,
"Laatst gecontroleerd", the correction and editors' footer, the agenda links, the map's list of
places, fixed sentences) and, on overview pages, the records they list: those have their own page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebouw import kaart_fragmenten

from socialekaart.check import check
from socialekaart.load import Dataset
from socialekaart.models.informele_steun import THEMA_LABELS as THEMA
from socialekaart.site import paden
from socialekaart.site.labels import DOELGROEP, KOSTEN

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return check(ROOT / "tests" / "fixtures" / "data").dataset


@pytest.fixture(scope="module")
def geindexeerd(built_site: Path) -> dict[str, str]:
    """Page path ('informele-steun/x/') -> the text Pagefind indexed of it (sociale-kaart index)."""
    return {f["url"].lstrip("/"): f["content"] for deel in kaart_fragmenten(built_site).values() for f in deel}


def _tekst(geindexeerd: dict[str, str], pad: str) -> str:
    assert pad in geindexeerd, f"{pad} staat niet in de zoekindex"
    return geindexeerd[pad]


def test_a_record_page_indexes_what_parents_search_and_not_its_boilerplate(built_site, geindexeerd, dataset):
    item = dataset.informele_steun["buurtgezinnen-woerden"]
    pad = paden.initiatief(item.id)
    html = (built_site / pad / "index.html").read_text(encoding="utf-8")
    # The blocks are on the page for readers ...
    for blok in ("sk-voorbeeld", "sk-controle", "sk-agenda-links", "sk-kaart"):
        assert f'class="{blok}' in html or f'class="admonition warning {blok}' in html, blok
    tekst = _tekst(geindexeerd, pad)
    # ... but not in the index.
    for herhaald in ("Voorbeeldgegevens", "Laatst gecontroleerd", "Klopt er iets niet", "Voor redacteuren",
                     "Dit hoort bij de regionale agenda", "De plekken op de kaart"):
        assert herhaald not in tekst, herhaald
    # What a parent searches for stays.
    for nodig in (item.naam, item.samenvatting, KOSTEN[item.kosten], item.aanmelding.stappen[0], *(THEMA[t] for t in item.themas),
                  *(dataset.gemeente_naam(c) for c in item.gemeenten)):
        assert nodig in tekst, nodig
    assert all(DOELGROEP[d] in tekst for d in item.doelgroep)
    # Labels and fixed phrases, the same on every record page, are not.
    for vast in ("In het kort", "Voor wie", "Verwijzing nodig", "Zo meld je je aan", "tot en met 18 jaar"):
        assert vast not in tekst, vast
    assert item.contact.website and item.contact.website not in tekst


def test_the_fixed_steps_to_sign_up_are_read_not_searched(built_site, geindexeerd, dataset):
    item = dataset.informele_steun["geldmaatje-woerden"]
    assert item.aanmelding is None or not item.aanmelding.stappen  # the fixed steps are shown
    pad = paden.initiatief(item.id)
    assert "Vertel wie je bent" in (built_site / pad / "index.html").read_text(encoding="utf-8")
    tekst = _tekst(geindexeerd, pad)
    assert "Vertel wie je bent" not in tekst and "Samen kijk je of het past" not in tekst
    assert "Je kunt ook het lokaal team vragen" not in tekst
    assert item.naam in tekst


def test_no_record_page_indexes_its_agenda_links_or_map_list(built_site, geindexeerd):
    # (Pagefind itself skips <footer> and <form>: "Laatst gecontroleerd" and the filters.)
    soorten = ("informele-steun/", "lokale-teams/", "aanbieders/")
    records = [p for p in geindexeerd if p.startswith(soorten) and p.count("/") == 2]
    met_agenda = [p for p in records if "sk-agenda-links" in (built_site / p / "index.html").read_text(encoding="utf-8")]
    assert len(records) > 10 and met_agenda
    for pad in records:
        tekst = geindexeerd[pad]
        assert "Regionale agenda" not in tekst and "De plekken op de kaart" not in tekst, pad
        assert "Laatst gecontroleerd" not in tekst, pad


def test_an_overview_is_found_by_its_own_words_not_by_the_records_it_lists(geindexeerd, dataset):
    overzicht = _tekst(geindexeerd, "informele-steun/")
    assert "vrijwilligers" in overzicht
    assert not [i.naam for i in dataset.informele_steun.values() if i.naam in overzicht]
    aanbieders = _tekst(geindexeerd, "aanbieders/")
    assert not [a.naam for a in dataset.aanbieders.values() if a.naam in aanbieders]
    teams = _tekst(geindexeerd, "lokale-teams/")
    assert not [t.naam for t in dataset.lokale_teams.values() if t.naam in teams]


def test_a_gemeente_page_is_found_by_its_name_and_its_lokaal_team_not_by_its_lists(geindexeerd, dataset):
    team = dataset.lokale_teams["lokaal-team-woerden"]
    tekst = _tekst(geindexeerd, paden.gemeente("Woerden"))
    assert "Woerden" in tekst and team.naam in tekst
    steun = [i for i in dataset.informele_steun.values() if any(dataset.gemeente_naam(c) == "Woerden" for c in i.gemeenten)]
    assert steun and not [i.naam for i in steun if i.naam in tekst]
    assert "Met vragen over opgroeien" not in tekst
    # The team's own page is found by the team's name.
    assert team.naam in _tekst(geindexeerd, paden.lokaal_team(team.id))
