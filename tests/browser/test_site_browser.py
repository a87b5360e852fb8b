"""The site's own JavaScript and search in real Chromium: filters, school lookup, search, print.

Uses the harness in tests/browser/conftest.py (`page`, `site_url`, `browser`) and the
site built once per session by `built_site` (tests/conftest.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from socialekaart.check import check
from socialekaart.load import Dataset

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return check(ROOT / "tests" / "fixtures" / "data").dataset


def zichtbaar(page, selector: str) -> int:
    return page.locator(f"{selector}:visible").count()


# --- informele steun filters ---------------------------------------------------------------


def test_filter_narrows_the_informele_steun_list(page, site_url, dataset):
    page.goto(site_url + "informele-steun/")
    totaal = len(dataset.informele_steun)
    items = "#steun-lijst > li"
    assert page.locator("form.sk-filter").is_visible()
    assert zichtbaar(page, items) == totaal

    page.get_by_label("Waar zoek je steun bij?").select_option("maatje")
    met_maatje = [i for i in dataset.informele_steun.values() if "maatje" in i.themas]
    assert 0 < zichtbaar(page, items) == len(met_maatje) < totaal
    for item in met_maatje:
        assert page.locator(f"{items}:visible", has_text=item.naam).count() >= 1
    assert page.locator(".sk-teller").inner_text() == f"{len(met_maatje)} initiatieven gevonden, van de {totaal}."

    page.get_by_label("Waar zoek je steun bij?").select_option("")
    page.get_by_label("Alleen steun zonder verwijzing").check()
    zonder = [i for i in dataset.informele_steun.values() if i.zonder_verwijzing]
    assert zichtbaar(page, items) == len(zonder)

    page.get_by_label("Leeftijd van je kind").fill("16")
    passend = [
        i for i in zonder
        if (i.leeftijd_min if i.leeftijd_min is not None else 0) <= 16 <= (i.leeftijd_max if i.leeftijd_max is not None else 99)
    ]
    assert zichtbaar(page, items) == len(passend)

    page.get_by_role("button", name="Wis filters").click()
    page.wait_for_function(f"document.querySelectorAll('{items}:not([hidden])').length === {totaal}")


def test_filter_by_gemeente_includes_whole_region_initiatives(page, site_url, dataset):
    page.goto(site_url + "informele-steun/")
    page.get_by_label("Gemeente", exact=True).select_option(label="Oudewater")
    code = next(g.code for r in dataset.regios.values() for g in r.gemeenten if g.naam == "Oudewater")
    verwacht = [i for i in dataset.informele_steun.values() if code in i.gemeenten or not i.gemeenten]
    assert zichtbaar(page, "#steun-lijst > li") == len(verwacht)


def test_without_javascript_the_full_list_shows_and_the_form_is_hidden(browser, site_url, dataset):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "informele-steun/")
        assert not page.locator("form.sk-filter").is_visible()
        assert zichtbaar(page, "#steun-lijst > li") == len(dataset.informele_steun)
        page.goto(site_url + "voor-scholen/")
        assert not page.locator("form.sk-zoek").is_visible()
        scholen = sum(len(t.scholen) for t in dataset.lokale_teams.values())
        assert zichtbaar(page, "#scholen-tabel tbody tr") == scholen
    finally:
        context.close()


# --- school lookup -------------------------------------------------------------------------------


def _school_met_brin(dataset: Dataset):
    return next((s, t) for t in dataset.lokale_teams.values() for s in t.scholen if s.brin)


def test_school_lookup_finds_the_team_by_brin(page, site_url, dataset):
    school, team = _school_met_brin(dataset)
    page.goto(site_url + "voor-scholen/")
    page.get_by_label("Naam van de school, BRIN-code of gemeente").fill(school.brin)
    rijen = page.locator("#scholen-tabel tbody tr:visible")
    assert rijen.count() == 1
    assert school.naam in rijen.first.inner_text()
    assert team.naam in rijen.first.inner_text()
    onderwijs = [p for p in team.contactpersonen if "onderwijs" in p.rollen and p.email]
    if onderwijs:
        assert rijen.first.locator(f'a[href="mailto:{onderwijs[0].email}"]').count() == 1


def test_school_lookup_finds_the_team_by_school_name(page, site_url, dataset):
    school, team = next((s, t) for t in dataset.lokale_teams.values() for s in t.scholen)
    deel = school.naam.split()[-1].lower()  # part of the name, typed in lower case
    page.goto(site_url + "voor-scholen/")
    page.get_by_label("Naam van de school, BRIN-code of gemeente").fill(deel)
    rijen = page.locator("#scholen-tabel tbody tr:visible")
    assert 1 <= rijen.count() < sum(len(t.scholen) for t in dataset.lokale_teams.values())
    rij = page.locator("#scholen-tabel tbody tr:visible", has_text=school.naam)
    assert team.naam in rij.first.inner_text()


def test_school_lookup_by_gemeente_and_no_match(page, site_url, dataset):
    page.goto(site_url + "voor-scholen/")
    veld = page.get_by_label("Naam van de school, BRIN-code of gemeente")
    veld.fill("oudewater")
    assert page.locator("#gemeenten-tabel tbody tr:visible", has_text="Oudewater").count() >= 1
    veld.fill("zzzz geen school")
    assert zichtbaar(page, "#scholen-tabel tbody tr") == 0
    assert "Niets gevonden" in page.locator(".sk-zoek .sk-teller").inner_text()


# --- search: tests/browser/test_zoeken_browser.py ------------------------------------------------


# --- print ------------------------------------------------------------------------------------------


def test_contact_sheet_prints_on_one_a4_without_navigation(page, site_url, dataset):
    for team in dataset.lokale_teams.values():
        page.goto(site_url + f"voor-scholen/{team.id}/")
        page.emulate_media(media="print")
        for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
            assert not page.locator(chrome).first.is_visible(), chrome
        assert team.naam in page.locator("h1").inner_text()
        pdf = page.pdf(format="A4", print_background=False)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, f"contactkaart van {team.naam}: {pages} pagina's"
        page.emulate_media(media="screen")


@pytest.mark.parametrize("vraag", ["OBS Nijenrode", "obs  nijenrode", "99 SC", "99sc", "De Nijenrode"])
def test_school_lookup_is_tolerant_of_spaces_case_and_prefixes(page, site_url, vraag):
    page.goto(site_url + "voor-scholen/")
    page.get_by_label("Naam van de school, BRIN-code of gemeente").fill(vraag)
    rijen = page.locator("#scholen-tabel tbody tr:visible")
    assert rijen.count() == 1
    assert "Nijenrode" in rijen.first.inner_text()
    assert rijen.first.locator("a[href^='mailto:']").count() == 1  # exactly the school's own contact

