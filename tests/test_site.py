"""The built site (a real `mkdocs build --strict` of the shipped data), checked on its HTML.

The expectations come from the data itself, loaded through `socialekaart.check`, so the
tests keep holding while the data grows, and fail when a page, contact or link is lost.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml  # PyYAML: mkdocs.yml has no custom tags
from site_dom import Node, load

from socialekaart.check import check
from socialekaart.load import Dataset
from socialekaart.site import paden

ROOT = Path(__file__).resolve().parent.parent
CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
REPO_EDIT = CONFIG["repo_url"].rstrip("/") + "/edit/main/"
ASSET_ATTRS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src", "embed": "src"}
ALLOWED_EXTERNAL_HOST = "service.pdok.nl"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    result = check(ROOT / "tests" / "fixtures" / "data")
    assert result.ok, "\n".join(p.gcc() for p in result.fouten)
    return result.dataset


@pytest.fixture(scope="module")
def vandaag() -> date:
    return date.today()


def page(site: Path, pad: str) -> Node:
    path = site / pad / "index.html"
    assert path.is_file(), f"pagina ontbreekt: {pad}"
    return load(path)


def content(doc: Node) -> Node:
    """The page's own content area (without Material's header, nav and footer)."""
    node = doc.find("article", class_="md-content__inner")
    assert node is not None
    return node


def kaart_regio_gemeenten(dataset: Dataset) -> list[tuple[str, str]]:
    codes = {c for t in dataset.lokale_teams.values() for c in t.gemeenten}
    return [(g.code, g.naam) for r in dataset.regios.values() if any(g.code in codes for g in r.gemeenten) for g in r.gemeenten]


# --- the build -----------------------------------------------------------------------


def test_strict_build_has_no_warnings(site_build, built_site):
    assert site_build.warnings == []


def test_site_config_is_what_the_issue_asks():
    assert CONFIG["theme"]["name"] == "material"
    assert CONFIG["theme"]["language"] == "nl"
    assert CONFIG["theme"]["font"] is False
    assert "data" in CONFIG["watch"]
    assert CONFIG["edit_uri"] and CONFIG["repo_url"].startswith("https://")
    assert CONFIG["plugins"] == []  # no lunr: Pagefind indexes the built site (README "Zoeken")


def test_hook_files_stay_small():
    for hook in (ROOT / "hooks").glob("*.py"):
        code = [line for line in hook.read_text().splitlines() if line.strip() and not line.startswith(("#", '"""', "(")) and line.strip() != '"""']
        assert len(code) <= 5, f"{hook.name} bevat logica; zet die in socialekaart.site"


# --- pages per gemeente and per record -----------------------------------------------


def test_a_page_per_gemeente_with_its_team_and_steun(built_site, dataset):
    gemeenten = kaart_regio_gemeenten(dataset)
    assert gemeenten
    for code, naam in gemeenten:
        body = content(page(built_site, paden.gemeente(naam)))
        assert body.find("h1").text == naam
        tekst = body.text
        for team in (t for t in dataset.lokale_teams.values() if code in t.gemeenten):
            assert team.naam in tekst
            if team.contact.email:
                assert body.find("a", href=f"mailto:{team.contact.email}") is not None
            for persoon in team.contactpersonen:
                assert persoon.functie in tekst
                if persoon.contactmoment:
                    assert persoon.contactmoment in tekst
        for item in dataset.informele_steun.values():
            hier = code in item.gemeenten or (not item.gemeenten and code in [g.code for g in dataset.regios[item.regio].gemeenten])
            assert (item.naam in tekst) == hier, f"{item.naam} op de pagina van {naam}"
        for huis in dataset.gezinshuizen.values():
            assert (huis.naam in tekst) == (huis.gemeente == code)


def test_a_page_per_record_not_in_the_nav(built_site, dataset):
    pads = [paden.initiatief(i) for i in dataset.informele_steun]
    pads += [paden.lokaal_team(i) for i in dataset.lokale_teams]
    pads += [paden.aanbieder(i) for i in dataset.aanbieders]
    for pad in pads:
        assert (built_site / pad / "index.html").is_file(), pad
    nav = page(built_site, "").find("nav", class_="md-nav--primary")
    assert nav is not None
    nav_links = {a.get("href") for a in nav.find_all("a")}
    assert "informele-steun/" in nav_links and "voor-scholen/" in nav_links
    for pad in pads:
        assert pad not in nav_links
    assert len(nav_links) < 20  # the nav stays small however much data there is


def test_initiative_page_has_all_facts_contact_and_date(built_site, dataset):
    for item in dataset.informele_steun.values():
        body = content(page(built_site, paden.initiatief(item.id)))
        tekst = body.text
        assert item.naam in body.find("h1").text
        assert item.samenvatting in tekst
        assert "Laatst gecontroleerd" in tekst
        assert body.find("time", datetime=item.gecontroleerd_op.isoformat()) is not None
        if item.contact.email:
            assert body.find("a", href=f"mailto:{item.contact.email}") is not None
        if item.contact.telefoon:
            assert any(a.get("href", "").startswith("tel:") for a in body.find_all("a"))


def test_team_page_lists_contacts_per_role(built_site, dataset):
    for team in dataset.lokale_teams.values():
        body = content(page(built_site, paden.lokaal_team(team.id)))
        table = body.find("table")
        assert table is not None and table.find("caption") is not None
        assert all(th.get("scope") in ("col", "row") for th in table.find_all("th"))
        for persoon in team.contactpersonen:
            if persoon.email:
                assert table.find("a", href=f"mailto:{persoon.email}") is not None
        # On a phone the table stacks per contact person; each cell then names its column.
        assert "data-stapel" in table.attrs
        assert {td.get("data-kop") for td in table.find_all("td")} >= {"Wie", "Contact"}


def test_markdown_fields_are_rendered(built_site, dataset):
    item = next(i for i in dataset.informele_steun.values() if i.beschrijving and "**" in i.beschrijving)
    body = content(page(built_site, paden.initiatief(item.id)))
    assert body.find("strong") is not None
    assert "**" not in body.text


# --- edit links and the voorbeeld notice -------------------------------------------------


def test_edit_links_open_the_yaml_file(built_site, dataset):
    records = [*dataset.informele_steun.values(), *dataset.lokale_teams.values(), *dataset.aanbieders.values()]
    pad_van = {"informele-steun": paden.initiatief, "lokale-teams": paden.lokaal_team, "providers": paden.aanbieder}
    for record in records:
        folder = record.bron.split("/")[1]
        doc = page(built_site, pad_van[folder](record.id))
        link = doc.find("a", class_="sk-bewerken")
        assert link is not None and link.get("href") == REPO_EDIT + record.bron
        assert (ROOT / "tests" / "fixtures" / record.bron).is_file()
        assert "Klopt er iets niet?" in doc.find("a", class_="sk-klopt-niet").text
        # No edit pencil from Material at the top: public pages carry no editing controls.
        assert doc.find("a", rel="edit") is None


def test_voorbeeld_notice_where_example_records_are_shown(built_site, dataset):
    for item in dataset.informele_steun.values():
        body = content(page(built_site, paden.initiatief(item.id)))
        assert (body.find("div", class_="sk-voorbeeld") is not None) == item.voorbeeld, item.id
    assert any(i.voorbeeld for i in dataset.informele_steun.values())
    assert content(page(built_site, "informele-steun/")).find("div", class_="sk-voorbeeld") is not None
    assert content(page(built_site, "over/")).find("div", class_="sk-voorbeeld") is None


# --- filters, school lookup, gezinshuizen ---------------------------------------------------


def test_informele_steun_items_carry_filter_data(built_site, dataset):
    body = content(page(built_site, "informele-steun/"))
    form = body.find("form", class_="sk-filter")
    assert form is not None and "hidden" in form.attrs  # inert without JavaScript: the full list shows
    controls = [n for n in form.iter() if n.tag in ("select", "input")]
    assert len(controls) >= 5
    labels = {label.get("for") for label in form.find_all("label")}
    assert all(c.get("id") in labels for c in controls)
    items = body.find("ul", id="steun-lijst").find_all("li", class_="sk-kaartje")
    assert len(items) == len(dataset.informele_steun)
    by_name = {i.find("h3").text: i for i in items}
    for record in dataset.informele_steun.values():
        li = by_name[record.naam]
        assert "hidden" not in li.attrs
        assert li.get("data-themas").split() == list(record.themas)
        assert li.get("data-kosten") == record.kosten
        assert li.get("data-zonder-verwijzing") == ("ja" if record.zonder_verwijzing else "nee")
        assert set(li.get("data-gemeenten").split()) >= set(record.gemeenten)
        assert int(li.get("data-leeftijd-min")) <= int(li.get("data-leeftijd-max"))


def test_school_lookup_has_a_full_table_without_javascript(built_site, dataset):
    body = content(page(built_site, "voor-scholen/"))
    assert "hidden" in body.find("form", class_="sk-zoek").attrs
    rows = body.find("table", id="scholen-tabel").find_all("tr")[1:]
    scholen = [s for t in dataset.lokale_teams.values() for s in t.scholen]
    assert len(rows) == len(scholen) > 0
    for team in dataset.lokale_teams.values():
        for school in team.scholen:
            row = next(r for r in rows if r.find("th").text == school.naam and school.plaats in r.text)
            assert team.naam in row.text
            if school.brin:
                assert school.brin.lower() in row.get("data-zoek")
            for persoon in team.contacten_voor(school):  # the school's own contact (test_aanmelden.py)
                if persoon.email:
                    assert row.find("a", href=f"mailto:{persoon.email}") is not None


def test_printable_contact_sheet_per_team(built_site, dataset):
    css = (ROOT / "overrides/assets/stylesheets/socialekaart.css").read_text()
    assert "@media print" in css and "size: A4" in css
    for hidden in (".md-header", ".md-sidebar", ".md-footer"):
        assert hidden in css.split("@media print", 1)[1]
    for team in dataset.lokale_teams.values():
        body = content(page(built_site, paden.contactkaart(team.id)))
        assert team.naam in body.find("h1").text
        for persoon in (p for p in team.contactpersonen if "onderwijs" in p.rollen):
            if persoon.email:
                assert body.find("a", href=f"mailto:{persoon.email}") is not None


def test_gezinshuizen_table_plaats_level_and_stale_counts_unknown(built_site, dataset, vandaag):
    body = content(page(built_site, "gezinshuizen/"))
    rows = body.find("table").find_all("tr")[1:]
    assert len(rows) == len(dataset.gezinshuizen)
    onbekend = 0
    for huis in dataset.gezinshuizen.values():
        row = next(r for r in rows if huis.naam in r.text)
        assert row.find("th").text.startswith(huis.plaats)
        vrij_cel = row.find_all("td")[3].text
        if huis.vrij_bekend(vandaag):
            assert vrij_cel.startswith(str(huis.plekken.vrij))
        else:
            assert vrij_cel == "onbekend"
            onbekend += 1
        assert row.find("a", href=f"../{paden.aanbieder(huis.aanbieder)}") is not None
        contact = dataset.aanbieders[huis.aanbieder].contact
        for href in (contact.email and f"mailto:{contact.email}", contact.website):
            if href:
                assert row.find("a", href=href) is not None, f"{huis.naam}: contact {href}"
    assert onbekend > 0  # the shipped data has stale counts: they must show as unknown
    # Never an address: no postcode anywhere on the page.
    assert not re.search(r"\b\d{4}\s?[A-Z]{2}\b", body.text)


def test_aanbieders_overview_filterable_by_aanbod(built_site, dataset):
    body = content(page(built_site, "aanbieders/"))
    items = body.find("ul", id="aanbieders-lijst").find_all("li")
    assert len(items) == len(dataset.aanbieders)
    for li in items:
        assert li.get("data-aanbod")
    for aanbieder in dataset.aanbieders.values():
        tekst = content(page(built_site, paden.aanbieder(aanbieder.id))).text
        for huis in dataset.gezinshuizen.values():
            if huis.aanbieder == aanbieder.id:
                assert huis.naam in tekst
        for item in dataset.informele_steun.values():
            if item.aanbieder == aanbieder.id:
                assert item.naam in tekst


# --- maps ---------------------------------------------------------------------------------


def _map_rows(kaart: Path) -> list[list]:
    match = re.search(r"var data = (\[.*?\]\]);", kaart.read_text(encoding="utf-8"))
    return json.loads(match.group(1)) if match else []


def _fragment_rows(fragment: str) -> list[list]:
    """'p=lat,lon,soort,naam' entries in the same shape as a map document's data rows."""
    punten = parse_qs(fragment)["p"]
    return [[lat, lon, naam, None, soort] for lat, lon, soort, naam in (p.split(",", 3) for p in punten)]


def test_every_map_has_a_list_with_the_same_entries(built_site):
    maps = 0
    for html in built_site.rglob("index.html"):
        doc = load(html)
        for iframe in doc.find_all("iframe"):
            if not (iframe.get("src") or "").partition("#")[0].endswith("kaart.html"):
                continue  # not a map: the widget shown live on /widget/
            maps += 1
            assert iframe.get("title", "").startswith("Kaart: ") and iframe.get("loading") == "lazy"
            src, _, fragment = iframe.get("src").partition("#")
            kaart = html.parent / src
            assert kaart.is_file()
            # A record's map is the shared document, told by its address which places to show.
            rows = _fragment_rows(fragment) if fragment else _map_rows(kaart)
            section = next(s for s in doc.find_all("section", class_="sk-kaart") if iframe in list(s.iter()))
            titels = [li.text for li in section.find("ul", class_="sk-kaart-lijst").find_all("li")]
            assert len(titels) == len(rows) > 0, html
            assert set(titels) <= {row[2] for row in rows}, html
    assert maps > 10


# --- what the pages load --------------------------------------------------------------------


def _asset_urls(doc: Node) -> list[str]:
    urls = []
    for node in doc.iter():
        if node.tag in ASSET_ATTRS and node.get(ASSET_ATTRS[node.tag]):
            urls.append(node.get(ASSET_ATTRS[node.tag]))
        if node.tag == "link" and node.get("href") and node.get("rel") not in ("canonical", "edit"):
            urls.append(node.get("href"))
    return urls


def test_no_external_assets_but_pdok_tiles(built_site):
    checked = 0
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for url in _asset_urls(load(html)):
            host = urlsplit(url).hostname
            assert host is None, f"{html.relative_to(built_site)} laadt {url}"
            checked += 1
        assert "fonts.googleapis" not in text and "api.github.com" not in text
        for url in re.findall(r"https://[^\s\"'<>{}]+\{z\}", text):
            assert urlsplit(url).hostname == ALLOWED_EXTERNAL_HOST
    for css in built_site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css
    assert checked > 100


def test_all_internal_links_resolve(built_site):
    broken = []
    for html in built_site.rglob("*.html"):
        if html.name == "404.html":  # served at any depth, so MkDocs gives it root-relative links
            continue
        for a in load(html).find_all("a"):
            href = a.get("href")
            if not href or urlsplit(href).scheme or href.startswith(("#", "//")):
                continue
            target = (html.parent / unquote(urlsplit(href).path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{html.relative_to(built_site)} -> {href}")
    assert broken == []


def test_home_page_offers_search_audiences_and_gemeenten(built_site, dataset):
    body = content(page(built_site, ""))
    kopjes = [h.text for h in body.find_all("h2")]
    assert {"Voor ouders", "Voor scholen", "Voor professionals", "Kies je gemeente"} <= set(kopjes)
    zoek = body.find("input", name="q")
    assert zoek is not None and body.find("label", for_=zoek.get("id")) is not None
    for _, naam in kaart_regio_gemeenten(dataset):
        assert body.find("a", href=paden.gemeente(naam)) is not None


def test_headings_in_order(built_site):
    for html in list(built_site.glob("*/index.html")) + list(built_site.glob("*/*/index.html")):
        # A widget (widget/<gemeente>/) is a standalone document without Material's content area.
        widget = html.parent.parent == built_site / "widget"
        doc = load(html) if widget else content(load(html))
        levels = [int(n.tag[1]) for n in doc.iter() if re.fullmatch(r"h[1-6]", n.tag)]
        assert levels and levels[0] == 1, html
        for a, b in zip(levels, levels[1:]):
            assert b <= a + 1, f"{html}: h{a} gevolgd door h{b}"


# --- search ----------------------------------------------------------------------------------


def test_search_index_is_pagefind_in_dutch_with_kinds_and_gemeenten(built_site):
    entry = json.loads((built_site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]  # one Dutch index: Dutch stemming for every page
    assert entry["languages"]["nl"]["page_count"] >= len(list(built_site.glob("informele-steun/*/index.html")))
    # No lunr index any more: the country-wide index would be one download of many megabytes.
    assert not (built_site / "search/search_index.json").exists()
    # The agenda has an index of its own, so it never pushes sociale-kaart records down.
    agenda = json.loads((built_site / "pagefind-agenda/pagefind-entry.json").read_text(encoding="utf-8"))
    assert agenda["languages"]["nl"]["page_count"] == len(list(built_site.glob("agenda/**/index.html")))
    gezocht = [p for p in built_site.rglob("index.html") if p.relative_to(built_site).parts[0] not in ("redactie", "widget")]
    assert entry["languages"]["nl"]["page_count"] + agenda["languages"]["nl"]["page_count"] == len(gezocht)
    # What each result shows: its kind and gemeenten.
    pagina = (built_site / "informele-steun/maatje-op-maat/index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-meta="soort:Informele steun"' in pagina
    assert re.search(r'<span data-pagefind-meta="gemeenten">[^<]*Woerden', pagina)
    synoniemen = json.loads((built_site / "zoeken/synoniemen.json").read_text(encoding="utf-8"))
    assert ["pesten", "gepest", "pestgedrag"] in synoniemen
    teams = json.loads((built_site / "zoeken/teams.json").read_text(encoding="utf-8"))
    assert teams["Woerden"]["pad"].startswith("lokale-teams/")