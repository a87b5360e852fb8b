"""Parents know how to get help: a sign-up block on every initiative page, the team's phone
number up front, parents' options first on a gemeente page, and one contact per school.

Checked on the site built from the fixture data (the `built_site` fixture)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sitebouw import FIXTURE_DATA
from site_dom import Node, load

from socialekaart.check import check
from socialekaart.load import Dataset
from socialekaart.models.common import telefoon_link
from socialekaart.site import paden


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return check(FIXTURE_DATA, date(2026, 12, 1)).dataset


def pagina(site: Path, pad: str) -> Node:
    return load(site / pad / "index.html").find("article", class_="md-content__inner")


def _ids_in_order(node: Node) -> list[str]:
    return [h.get("id") for h in node.find_all("h2") if h.get("id")]


def test_every_initiative_page_says_how_to_sign_up(built_site, dataset):
    for item in dataset.informele_steun.values():
        inhoud = pagina(built_site, paden.initiatief(item.id))
        blok = inhoud.find("section", class_="sk-aanmelden")
        assert blok is not None and blok.find("h2").text == "Zo meld je je aan", item.id
        assert blok.find("ol", class_="sk-stappen").find_all("li"), item.id
        links = [a.get("href") or "" for a in blok.find_all("a")]
        assert any(h.startswith(("tel:", "mailto:", "https://", "http://")) for h in links), item.id
        assert "Kosten" in blok.text, item.id


def test_the_sign_up_fields_are_shown_in_order_with_the_teams_number(built_site, dataset):
    item = dataset.informele_steun["buurtgezinnen-woerden"]
    assert item.aanmelding and len(item.aanmelding.stappen) >= 3
    blok = pagina(built_site, paden.initiatief(item.id)).find("section", class_="sk-aanmelden")
    stappen = [li.text.strip() for li in blok.find("ol", class_="sk-stappen").find_all("li")]
    assert stappen == list(item.aanmelding.stappen)
    assert item.aanmelding.wachttijd in blok.text and item.aanmelding.daarna in blok.text
    assert item.aanmelding.bij in blok.text
    # "via het lokaal team" is one of the ways in: the team is named with its phone number as a tel: link
    team = dataset.lokale_teams["lokaal-team-woerden"]
    assert team.contact.telefoon
    assert any(a.get("href") == telefoon_link(team.contact.telefoon) for a in blok.find_all("a"))


def test_a_lokaal_team_shows_its_phone_number_before_anything_else(built_site, dataset):
    team = dataset.lokale_teams["lokaal-team-woerden"]
    inhoud = pagina(built_site, paden.lokaal_team(team.id))
    bel = inhoud.find("p", class_="sk-bel")
    assert bel is not None and bel.find("a").get("href") == telefoon_link(team.contact.telefoon)
    assert inhoud.text.index(bel.text.strip()) < inhoud.text.index("Contact")


def test_gemeente_page_puts_parents_first_and_professionals_after(built_site, dataset):
    for regio in dataset.regios.values():
        for gemeente in regio.gemeenten:
            teams = [t for t in dataset.lokale_teams.values() if gemeente.code in t.gemeenten]
            if not any(t.contactpersonen for t in teams):
                continue
            inhoud = pagina(built_site, paden.gemeente(gemeente.naam))
            ids = _ids_in_order(inhoud)
            assert ids.index("lokaal-team") < ids.index("informele-steun") < ids.index("voor-professionals"), ids
            tabellen = inhoud.find_all("table")
            assert tabellen, gemeente.naam
            # every contact-person table stands under "Voor professionals", after informele steun
            assert inhoud.text.index("Voor professionals") < inhoud.text.index(tabellen[0].find("caption").text)


def test_a_school_shows_exactly_its_own_contact(built_site, dataset):
    team = dataset.lokale_teams["lokaal-team-stichtse-vecht"]
    nijenrode = next(s for s in team.scholen if "Nijenrode" in s.naam)
    eigen = team.contacten_voor(nijenrode)
    assert len(eigen) == 1 and len(team.onderwijs_contacten()) == 2
    tabel = load(built_site / "voor-scholen" / "index.html").find("table", id="scholen-tabel")
    rij = next(r for r in tabel.find_all("tr") if nijenrode.naam in r.text)
    mails = [a.get("href") for a in rij.find_all("a") if (a.get("href") or "").startswith("mailto:")]
    assert mails == [f"mailto:{eigen[0].email}"]


def test_a_school_nobody_names_gets_the_contacts_who_serve_all(dataset):
    team = dataset.lokale_teams["lokaal-team-woerden"]  # its contacts name no school
    for school in team.scholen:
        assert team.contacten_voor(school) == team.onderwijs_contacten()
