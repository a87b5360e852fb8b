"""Search for parents, the informele-steun filters in the address, and the site without
JavaScript, in real Chromium on the site built from the fixture data (issue 13, parts 1, 2, 7).

The journeys of the issue run at a phone size (360x740) and a desktop size (1280x800).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from sitebouw import kaart_fragmenten
from trust_browser import axe_violations, open_page

from socialekaart.check import check
from socialekaart.load import Dataset

ROOT = Path(__file__).resolve().parents[2]
VIEWPORTS = [pytest.param({"width": 360, "height": 740}, id="360x740"), pytest.param({"width": 1280, "height": 800}, id="1280x800")]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return check(ROOT / "tests" / "fixtures" / "data").dataset


def zoek(page, site_url: str, vraag: str, gemeente: str = "") -> dict:
    """Open the search page for `vraag`; the sections, titles and labels of what it shows."""
    params = {"q": vraag, **({"gemeente": gemeente} if gemeente else {})}
    page.goto(site_url + "zoeken/?" + urlencode(params))
    return uitkomst(page, vraag)


def uitkomst(page, vraag: str) -> dict:
    page.wait_for_selector(f'form[data-klaar="{vraag}"]', state="attached", timeout=20_000)
    return page.evaluate(
        """() => {
          const uit = {teller: document.getElementById('zoek-teller').textContent, delen: [],
                       volgende: (document.querySelector('.sk-geen-resultaat') || {}).innerText || ''};
          for (const kop of document.querySelectorAll('#zoek-resultaten h2')) {
            let lijst = kop.nextElementSibling;
            while (lijst && lijst.tagName !== 'OL') lijst = lijst.nextElementSibling;
            uit.delen.push({kop: kop.textContent, items: [...lijst.children].map(li => ({
              titel: li.querySelector('a').textContent, href: li.querySelector('a').href,
              soort: li.querySelector('.sk-label').textContent, tekst: li.innerText}))});
          }
          return uit;
        }"""
    )


def kaart(uit: dict) -> list[dict]:
    return next((d["items"] for d in uit["delen"] if d["kop"] == "Op de sociale kaart"), [])


# --- part 1: the journeys of the issue -----------------------------------------------------------


JOURNEYS = {
    "geld": re.compile("geld", re.I),            # "Geldmaatje", not an agenda page that says "geldt"
    "maatjes": re.compile("maatje", re.I),
    "maatje": re.compile("maatje", re.I),
    "maat": re.compile("maatje", re.I),
    "echtscheiding": re.compile("scheiding", re.I),  # the pages say "scheiding"
}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("vraag", list(JOURNEYS))
def test_journeys_lead_to_sociale_kaart_records_first(browser, site_url, vraag, viewport):
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    try:
        page = context.new_page()
        uit = zoek(page, site_url, vraag)
        assert [d["kop"] for d in uit["delen"]][:1] == ["Op de sociale kaart"], uit
        eerste = kaart(uit)[:3]
        assert any(JOURNEYS[vraag].search(r["titel"]) for r in eerste), eerste
        for r in kaart(uit):
            assert r["soort"] and r["soort"] != "Regionale agenda" and "/agenda/" not in r["href"], r
        agenda = next((d["items"] for d in uit["delen"] if d["kop"] == "Regionale agenda"), [])
        assert all(r["soort"] == "Regionale agenda" and "/agenda/" in r["href"] for r in agenda), agenda
        # Every result says what it is; records name their gemeenten.
        steun = [r for r in kaart(uit) if r["soort"] == "Informele steun"]
        assert steun and all(re.search(r"Informele steun \S", r["tekst"]) for r in steun)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        with page.expect_navigation():
            page.locator("#zoek-resultaten a").first.click()
        assert urlsplit(page.url).path == urlsplit(eerste[0]["href"]).path
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_gepest_finds_help_with_bullying_or_the_lokaal_team(browser, site_url, dataset, viewport):
    # No page says "gepest"; it finds "pesten" (Pagefind's Dutch stemmer and the synonyms both do;
    # the synonyms alone are proven by "echtscheiding", which fails without them).
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    try:
        page = context.new_page()
        uit = zoek(page, site_url, "gepest")
        assert kaart(uit) and all("pest" in r["tekst"].lower() for r in kaart(uit)), uit
        assert any(r["soort"] == "Informele steun" for r in kaart(uit))
        # In a gemeente where nothing fits, the next step: other words and the lokaal team there.
        zonder = sorted(g.naam for r in dataset.regios.values() for g in r.gemeenten
                        if g.naam not in {x for item in kaart(uit) for x in item["tekst"].split("\n")[1].split(", ")}
                        and any(g.code in t.gemeenten for t in dataset.lokale_teams.values()))
        gemeente = next(g for g in zonder if not any("pest" in r["tekst"].lower() for r in kaart(zoek(page, site_url, "gepest", g))))
        uit = zoek(page, site_url, "gepest", gemeente)
        assert kaart(uit) == [] and f"niets voor \u201cgepest\u201d in {gemeente}" in uit["volgende"]
        team = next(t for t in dataset.lokale_teams.values() if any(dataset.gemeente_naam(c) == gemeente for c in t.gemeenten))
        assert page.locator(f'.sk-lokaal-team a[href$="lokale-teams/{team.id}/"]').count() == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    finally:
        context.close()


def test_nothing_found_offers_other_words_and_the_lokale_teams(page, site_url):
    uit = zoek(page, site_url, "zzqxw")
    assert kaart(uit) == [] and "Probeer een ander woord" in uit["volgende"]
    assert page.locator('.sk-lokaal-team a[href$="/lokale-teams/"]').count() == 1
    with page.expect_navigation():
        page.locator(".sk-geen-resultaat a", has_text="pesten").click()
    assert parse_qs(urlsplit(page.url).query)["q"] == ["pesten"]
    assert kaart(uitkomst(page, "pesten"))


def test_home_search_goes_to_the_search_page_and_back_restores_the_query(page, site_url):
    page.goto(site_url)
    page.get_by_label(re.compile("Zoek op de site")).fill("steunouder")
    page.get_by_role("button", name="Zoeken").click()
    assert kaart(uitkomst(page, "steunouder"))
    assert page.get_by_label("Waar zoek je hulp of steun bij?").input_value() == "steunouder"
    # A new search from the search page is a new address; Back brings the first one back.
    page.get_by_label("Waar zoek je hulp of steun bij?").fill("maatje")
    page.get_by_role("button", name="Zoeken").click()
    uitkomst(page, "maatje")
    assert parse_qs(urlsplit(page.url).query)["q"] == ["maatje"]
    page.go_back()
    assert kaart(uitkomst(page, "steunouder"))
    assert page.get_by_label("Waar zoek je hulp of steun bij?").input_value() == "steunouder"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_search_page_has_no_axe_violations(browser, site_url, viewport):
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    try:
        page = context.new_page()
        zoek(page, site_url, "echtscheiding")  # sociale kaart and agenda results
        assert axe_violations(page) == []
        zoek(page, site_url, "zzqxw", "Woerden")  # the next step: other words and the lokaal team
        assert axe_violations(page) == []
    finally:
        context.close()


def test_more_results_are_fetched_only_when_asked_for(page, site_url):
    # Each result's text is a fetch of its own: the page reads the first ten, ten more per click.
    fragmenten = []
    page.on("requestfinished", lambda r: fragmenten.append(r.url) if "/pagefind/fragment/" in r.url else None)
    uit = zoek(page, site_url, "hulp")
    totaal = int(re.match(r"(\d+) resultaten op de sociale kaart", uit["teller"]).group(1))
    assert totaal > 20 and len(kaart(uit)) == 10 and len(set(fragmenten)) == 10, (uit["teller"], fragmenten)
    meer = page.get_by_role("button", name="Meer resultaten")
    meer.click()
    page.wait_for_function("document.querySelector('#zoek-resultaten ol').children.length === 20")
    links = page.locator("#zoek-resultaten ol").first.locator("li a")
    assert len(set(links.evaluate_all("els => els.map(a => a.href)"))) == 20
    assert links.nth(10).evaluate("a => a === document.activeElement")  # focus on the first new one
    assert len(set(fragmenten)) == 20
    while meer.count():  # to the end: then the button is gone and every result is listed once
        erbij = min(totaal, links.count() + 10)
        meer.click()
        page.wait_for_function("n => document.querySelector('#zoek-resultaten ol').children.length === n", arg=erbij)
    assert links.count() == totaal == len(set(links.evaluate_all("els => els.map(a => a.href)")))


# --- part 2: filters in the address ------------------------------------------------------------


ITEMS = "#steun-lijst > li"


def zichtbaar(page) -> int:
    return page.evaluate(f"document.querySelectorAll('{ITEMS}:not([hidden])').length")


def _een_en_meer(dataset: Dataset):
    """(gemeente naam, thema) with exactly one initiative, and a gemeente with several."""
    def passend(code, thema=None):
        return [i for i in dataset.informele_steun.values()
                if (code in i.gemeenten or not i.gemeenten) and (thema is None or thema in i.themas)]
    regios = {i.regio for i in dataset.informele_steun.values()}  # the select lists these gemeenten
    gemeenten = [(g.code, g.naam) for r in dataset.regios.values() if r.id in regios for g in r.gemeenten]
    themas = sorted({t for i in dataset.informele_steun.values() for t in i.themas})
    een = next((naam, t, passend(code, t)) for code, naam in gemeenten for t in themas if len(passend(code, t)) == 1)
    meer = next((naam, passend(code)) for code, naam in gemeenten if 1 < len(passend(code)) < len(dataset.informele_steun))
    return een, meer


def test_filters_live_in_the_address_survive_back_and_can_be_shared(browser, page, site_url, dataset):
    totaal = len(dataset.informele_steun)
    (naam1, thema1, een), (naam, meer) = _een_en_meer(dataset)
    page.goto(site_url + "informele-steun/")
    kop = page.locator("#alle-initiatieven")
    assert kop.inner_text() == f"Alle initiatieven ({totaal})"
    assert page.locator(".sk-teller").get_attribute("aria-live") == "polite"

    page.get_by_label("Gemeente", exact=True).select_option(label=naam)
    assert zichtbaar(page) == len(meer)
    assert page.locator(".sk-teller").inner_text() == f"{len(meer)} initiatieven gevonden, van de {totaal}."
    assert kop.inner_text() == f"Initiatieven die passen bij je keuze ({len(meer)})"
    page.get_by_label("Waar zoek je steun bij?").select_option(thema1)
    page.get_by_label("Gemeente", exact=True).select_option(label=naam1)
    assert zichtbaar(page) == 1
    assert page.locator(".sk-teller").inner_text() == f"1 initiatief gevonden, van de {totaal}."
    query = parse_qs(urlsplit(page.url).query)
    assert query["thema"] == [thema1] and query["gemeente"][0].startswith("GM")
    gedeeld = page.url

    # Open the one result, then Back: the same filters and the same list.
    with page.expect_navigation():
        page.locator(f"{ITEMS}:not([hidden]) a").first.click()
    assert een[0].naam in page.locator("h1").inner_text()
    page.go_back()
    page.wait_for_function(f"document.querySelectorAll('{ITEMS}:not([hidden])').length === 1")
    assert page.get_by_label("Waar zoek je steun bij?").input_value() == thema1
    assert kop.inner_text() == "Initiatieven die passen bij je keuze (1)"

    # The address shared with someone else shows the same.
    context = browser.new_context(locale="nl-NL")
    try:
        ander = context.new_page()
        ander.goto(gedeeld)
        ander.wait_for_function(f"document.querySelectorAll('{ITEMS}:not([hidden])').length === 1")
        assert een[0].naam in ander.locator(f"{ITEMS}:not([hidden])").inner_text()
        assert ander.get_by_label("Gemeente", exact=True).locator("option:checked").inner_text() == naam1
    finally:
        context.close()

    page.get_by_role("button", name="Wis filters").click()
    page.wait_for_function(f"document.querySelectorAll('{ITEMS}:not([hidden])').length === {totaal}")
    assert urlsplit(page.url).query == ""
    assert kop.inner_text() == f"Alle initiatieven ({totaal})"
    assert page.locator(".sk-teller").inner_text() == f"Alle {totaal} initiatieven worden getoond."
    assert axe_violations(page) == []


def test_an_unknown_filter_value_in_a_shared_link_shows_everything(page, site_url, dataset):
    page.goto(site_url + "informele-steun/?gemeente=GM9999&thema=bestaat-niet")
    assert zichtbaar(page) == len(dataset.informele_steun)


# --- part 7: without JavaScript ------------------------------------------------------------------


@pytest.fixture
def zonder_js(browser):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL", viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


def test_without_javascript_home_search_leads_to_subjects_and_gemeenten(zonder_js, site_url, dataset):
    page = zonder_js
    page.goto(site_url)
    page.get_by_label(re.compile("Zoek op de site")).fill("maatje")
    with page.expect_navigation():
        page.get_by_role("button", name="Zoeken").click()
    assert urlsplit(page.url).path.endswith("/zoeken/") and parse_qs(urlsplit(page.url).query)["q"] == ["maatje"]
    assert page.get_by_text("Zoeken werkt alleen met JavaScript").is_visible()
    assert page.get_by_role("link", name="Informele steun", exact=True).last.is_visible()
    woerden = page.locator('.sk-zonder-js a[href$="gemeenten/woerden/"]')
    assert woerden.is_visible()
    with page.expect_navigation():
        woerden.click()
    assert "Woerden" in page.locator("h1").inner_text()


def test_without_javascript_a_map_gives_way_to_its_list(zonder_js, site_url, built_site):
    page = zonder_js
    pad = next(p for p in sorted(built_site.glob("gemeenten/*/kaart.html"))).parent.relative_to(built_site).as_posix()
    page.goto(site_url + pad + "/")
    assert page.locator(".sk-kaart-frame").count() == 1 and not page.locator(".sk-kaart-frame").is_visible()
    assert page.locator(".sk-kaart-lijst li").first.is_visible()


def test_without_javascript_the_filters_give_way_to_the_full_list_with_a_note(zonder_js, site_url, dataset):
    page = zonder_js
    page.goto(site_url + "informele-steun/?gemeente=GM0632")
    assert not page.locator("form.sk-filter").is_visible()
    assert page.get_by_text("Filteren op gemeente, leeftijd of onderwerp kan alleen met JavaScript").is_visible()
    assert page.locator(f"{ITEMS}:visible").count() == len(dataset.informele_steun)


def test_with_javascript_the_notes_for_no_javascript_are_gone(page, site_url):
    page.goto(site_url + "informele-steun/")
    assert not page.get_by_text("kan alleen met JavaScript").is_visible()
    page.goto(site_url + "zoeken/")
    assert not page.get_by_text("Zoeken werkt alleen met JavaScript").is_visible()


# --- mkdocs serve ----------------------------------------------------------------------------------


def test_search_works_in_mkdocs_serve(page, tmp_path):
    """The index is made in on_post_build, which `mkdocs serve` runs too, into the folder it serves."""
    import os
    import socket
    import subprocess
    import sys
    import time

    from sitebouw import make_project

    project = make_project(tmp_path / "p")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    serve = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{poort}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        einde = time.monotonic() + 300
        while True:
            assert serve.poll() is None, serve.stderr.read()
            try:
                with socket.create_connection(("127.0.0.1", poort), timeout=1):
                    break
            except OSError:
                assert time.monotonic() < einde, "mkdocs serve start niet"
                time.sleep(1)
        uit = zoek(page, f"http://127.0.0.1:{poort}/", "maatjes")
        assert any(JOURNEYS["maatjes"].search(r["titel"]) for r in kaart(uit)[:3]), uit
    finally:
        serve.terminate()
        serve.wait(timeout=30)


# --- an index in parts (national scale: one Pagefind run per part, merged on the page) --------------


def test_records_in_other_parts_of_the_index_are_found(page, request_log, site_in_delen, serve_directory):
    delen = kaart_fragmenten(site_in_delen)
    assert len(delen) > 2, list(delen)
    map_, ander = next((m, f) for m in list(delen)[1:] for f in delen[m] if f["url"].startswith("/informele-steun/") and f["url"].count("/") == 3)
    site_url = serve_directory(site_in_delen)

    uit = zoek(page, site_url, ander["meta"]["title"])
    assert ander["url"] in [urlsplit(r["href"]).path for r in kaart(uit)[:3]], (map_, ander["url"], uit)
    assert any(f"/{map_}/pagefind-entry.json" in url for url in request_log.urls)  # merged, with no engine of its own

    # One query, results from several parts, one list.
    uit = zoek(page, site_url, "maatje")
    deel_van = {f["url"]: m for m, deel in delen.items() for f in deel}
    gevonden = {deel_van[urlsplit(r["href"]).path] for r in kaart(uit)}
    assert len(gevonden) >= 2, uit
    assert request_log.errors == []
