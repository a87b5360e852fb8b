"""The agenda pages of the real site, built once per session with `mkdocs build --strict`
(the shared `built_site` fixture): what a visitor finds, and that every link resolves."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from icalendar import Calendar

from site_dom import Node, load
from socialekaart.check import check

ROOT = Path(__file__).resolve().parent.parent
REGIOS = ("utrecht-west", "zuidoost-utrecht", "gooi-en-vechtstreek", "twente", "foodvalley")


def page(site: Path, pad: str) -> Node:
    path = site / pad / "index.html"
    assert path.is_file(), f"pagina ontbreekt: {pad}"
    return load(path)


def content(node: Node) -> Node:
    found = node.find("article")
    assert found is not None
    return found


def target(site: Path, pad: str, href: str) -> Path:
    """The file a relative link on the page at `pad` points to."""
    href = href.split("#")[0]
    resolved = posixpath.normpath(posixpath.join(pad, href))
    path = site / resolved
    return path / "index.html" if href.endswith("/") or path.is_dir() else path


def links(node: Node) -> list[str]:
    return [a.get("href") or "" for a in node.find_all("a")]


@pytest.fixture(scope="module")
def dataset():
    return check(ROOT / "tests" / "fixtures" / "data").dataset


def test_overview_lists_every_region_with_its_feed(built_site):
    pad = "agenda/"
    overzicht = content(page(built_site, pad))
    hrefs = links(overzicht)
    for regio in REGIOS:
        assert f"{regio}/" in hrefs
        assert f"{regio}/agenda.ics" in hrefs
        assert target(built_site, pad, f"{regio}/agenda.ics").is_file()
    nav = page(built_site, "").find("nav", class_="md-nav--primary")
    assert nav is not None and "Regionale agenda" in nav.text


@pytest.mark.parametrize("regio", REGIOS)
def test_every_region_and_item_page_exists_and_links_resolve(built_site, dataset, regio):
    items = [i for i in dataset.of("agenda").values() if i.regio == regio]
    assert items
    pad = f"agenda/{regio}/"
    regio_pagina = content(page(built_site, pad))
    for item in items:
        assert f"{item.slug}/" in links(regio_pagina), f"{item.id} ontbreekt op de regiopagina"
        item_pad = f"agenda/{item.id}/"
        item_pagina = content(page(built_site, item_pad))
        assert item.titel.split()[0] in item_pagina.find("h1").text
        for href in links(item_pagina):
            if href.startswith(("http", "mailto:", "tel:", "#")):
                continue
            assert target(built_site, item_pad, href).exists(), f"{item_pad}: link {href} wijst nergens heen"
    feed = Calendar.from_ical((built_site / pad / "agenda.ics").read_bytes())
    assert feed["version"] == "2.0"


def test_utrecht_west_counts_on_the_status_page(built_site):
    pad = "agenda/utrecht-west/stand-van-zaken/"
    pagina = content(page(built_site, pad))
    tabellen = {t.find("caption").text: t for t in pagina.find_all("table")}
    totaal = tabellen["Stand van zaken per onderdeel van de agenda"].find("tfoot").find("tr")
    cellen = [td.text for td in totaal.find_all("td")]
    assert cellen[:2] == ["14", "35"]  # resultaten, activiteiten (see test_agenda.py for the counts)
    # Bescherming in Beweging since 2021 (chapter 4): the dated statuses of ambitie 1 and 4.
    recent = tabellen["Laatst gewijzigde statussen"].find("tbody").find_all("tr")
    assert {r.find_all("td")[-1].text for r in recent if "1 januari 2021" in r.text} == {"Ambitie 1", "Ambitie 4"}
    per_status = tabellen["Aantal activiteiten per status"].find("tfoot").find("tr")
    assert "Loopt" in [th.text for th in tabellen["Aantal activiteiten per status"].find("thead").find_all("th")]
    assert per_status is not None


def test_utrecht_west_budget_page_shows_computed_and_stated_total(built_site):
    pad = "agenda/utrecht-west/begroting/"
    pagina = content(page(built_site, pad))
    tabel = next(t for t in pagina.find_all("table") if "Bestedingsvoorstel 2022" in t.find("caption").text)
    voet = {tr.find("th").text: tr.find("td").text for tr in tabel.find("tfoot").find_all("tr")}
    assert voet == {"Totaal (opgeteld)": "€ 110.000", "Totaal volgens het document": "€ 110.000"}
    assert len(tabel.find("tbody").find_all("tr")) == 6  # the six lines of Tabel 7
    investering = next(t for t in pagina.find_all("table") if "Ambtelijke investering" in t.find("caption").text)
    assert "32 uur per week" in investering.find("tfoot").text


def test_planning_page_has_tables_per_year_and_an_accessible_timeline(built_site):
    pad = "agenda/utrecht-west/planning/"
    pagina = content(page(built_site, pad))
    tabellen = {t.find("caption").text: t for t in pagina.find_all("table")}
    assert "April 2022" in tabellen["Planning die in 2022 begint"].text
    assert "vanaf juli 2023" in tabellen["Planning die in 2023 begint"].text
    assert "Op indicatie" in tabellen["Activiteiten op indicatie of zonder vaste planning"].text
    tijdlijn = pagina.find("div", class_="sk-tijdlijn")
    assert tijdlijn is not None and tijdlijn.get("role") == "group"
    assert tijdlijn.find("p", id=tijdlijn.get("aria-labelledby")) is not None  # it has a name
    rijen = tijdlijn.find_all("li")
    assert len(rijen) == len(tabellen["Planning die in 2022 begint"].find("tbody").find_all("tr")) + len(
        tabellen["Planning die in 2023 begint"].find("tbody").find_all("tr")
    )
    # The labels are text, not drawing: each row says what and when in words.
    assert all(r.find("span", class_="sk-tijdlijn-label").text.strip() for r in rijen)
    assert any("(April 2022" in r.text for r in rijen)


def test_kpi_tables_with_charts_a_takeaway_and_no_scripts(built_site):
    pad = "agenda/utrecht-west/ambitie-1/"
    pagina = content(page(built_site, pad))
    tabel = next(t for t in pagina.find_all("table") if t.find("caption").text.startswith("Spoedinterventies - crisis interventies"))
    rijen = {tr.find("th").text: [td.text for td in tr.find_all("td")] for tr in tabel.find("tbody").find_all("tr")}
    assert rijen["Woerden"] == ["87", "41", "11"]
    assert rijen["Hele regio"] == ["271", "184", "47"]
    # Tabel 1 (three columns), Tabel 2 and Tabel 3: five series over three periods, each a trend line.
    trends = pagina.find_all("svg", class_="sk-trend")
    assert len(trends) == 5
    for svg in trends:
        assert svg.get("role") == "img" and svg.find("title") is not None and svg.find("desc").text
        assert all(float(t.get("font-size")) >= 16 for t in svg.find_all("text"))
    kernpunten = [p.text for p in pagina.find_all("p", class_="sk-kernpunt")]
    assert "Hele regio: van 271 (2019) naar 47 (2021 t/m juni), gedaald." in kernpunten
    assert not pagina.find_all("script")
    tabel8 = content(page(built_site, "agenda/utrecht-west/randvoorwaarde-5/"))
    eenouder = next(t for t in tabel8.find_all("table") if t.find("caption").text.startswith("1 ouder gezinnen"))
    assert "7,4" in eenouder.text and "Landelijk gemiddelde" in eenouder.text
    staven = tabel8.find_all("div", class_="sk-staven")  # one period per gemeente: bars, as HTML text
    assert staven and all(s.find("span", class_="sk-staaf-gebied") is not None for s in staven)


def test_ambitie_2_and_its_initiatives_link_both_ways(built_site, dataset):
    pad = "agenda/utrecht-west/ambitie-2/"
    pagina = content(page(built_site, pad))
    initiatieven = [r for r in dataset.informele_steun.values() if "utrecht-west/ambitie-2" in r.agenda]
    assert len(initiatieven) >= 5
    hrefs = links(pagina)
    for initiatief in initiatieven:
        href = f"../../../informele-steun/{initiatief.id}/"
        assert href in hrefs, f"{initiatief.id} staat niet op de pagina van ambitie 2"
        terug_pad = f"informele-steun/{initiatief.id}/"
        terug = content(page(built_site, terug_pad))
        sectie = terug.find("section", class_="sk-agenda-links")
        assert sectie is not None, f"{terug_pad} linkt niet terug naar de agenda"
        assert "../../agenda/utrecht-west/ambitie-2/" in links(sectie)


def test_ambitie_3_links_to_the_lokale_teams_and_back(built_site, dataset):
    pad = "agenda/utrecht-west/ambitie-3/"
    hrefs = links(content(page(built_site, pad)))
    teams = [t for t in dataset.lokale_teams.values() if set(t.gemeenten) & {"GM0736", "GM0335", "GM0589", "GM1904", "GM0632"}]
    assert len(teams) == 5
    for team in teams:
        assert f"../../../lokale-teams/{team.id}/" in hrefs
        sectie = content(page(built_site, f"lokale-teams/{team.id}/")).find("section", class_="sk-agenda-links")
        assert sectie is not None and "../../agenda/utrecht-west/ambitie-3/" in links(sectie)


def test_feed_files_are_deterministic_and_match_the_library(built_site, dataset):
    from socialekaart.agenda.ical import feed
    from socialekaart.agenda.overzicht import items_van
    from socialekaart.site import paden

    import yaml

    basis = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"].rstrip("/") + "/"
    for regio in REGIOS:
        agenda = dataset.of("agendas")[regio]
        assert (built_site / "agenda" / regio / "agenda.ics").read_bytes() == feed(
            agenda, items_van(dataset, regio), lambda item: basis + paden.agendapunt(item.id),
            dataset.regios[regio].naam, basis + paden.agenda(regio),
        )
