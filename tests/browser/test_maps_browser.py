"""Maps in real Chromium: markers render, clusters add up, keyboard users get in and out."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from socialekaart.maps import Punt, kaart_html, map_assets

ASSET_PREFIX = "../assets/kaart/"
VEEL = 400

# Markers and clusters that Leaflet put on the map, and the points each cluster stands for.
COUNT_POINTS_JS = """() => {
    const icons = [...document.querySelectorAll('.leaflet-marker-icon')];
    const clusters = icons.filter(icon => icon.classList.contains('marker-cluster'));
    const markers = icons.filter(icon => !icon.classList.contains('marker-cluster'));
    return {
        markers: markers.length,
        clusters: clusters.length,
        points: markers.length + clusters.reduce((sum, c) => sum + parseInt(c.textContent, 10), 0),
        titles: markers.map(m => m.title),
        focusable: icons.every(icon => icon.tabIndex === 0 && icon.getAttribute('role') === 'button'),
    };
}"""

MAP_ZOOM_JS = "() => window[Object.keys(window).find(name => name.startsWith('map_'))].getZoom()"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def kaarten_url(tmp_path_factory, serve_directory) -> str:
    """A tiny site: the map assets, three maps, a host page with an iframe and record pages."""
    root = tmp_path_factory.mktemp("kaarten")
    for name, content in map_assets().items():
        target = root / "assets" / "kaart" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)

    _write(root / "een" / "kaart.html", kaart_html(
        [Punt(52.08, 4.88, "Gezinshuis in Woerden", "../woerden/", "gezinshuis")], "Kaart: één gezinshuis", ASSET_PREFIX
    ))
    drie = [
        Punt(52.09, 4.88, "Buurtgezin", "../woerden/", "informele-steun"),
        Punt(52.03, 5.10, "Buurtgezin", "../nieuwegein/", "informele-steun"),
        Punt(52.37, 6.66, "Home-Start", "../almelo/", "informele-steun"),
    ]
    _write(root / "drie" / "kaart.html", kaart_html(drie, "Kaart: informele steun", ASSET_PREFIX))
    rng = random.Random(3)
    veel = [
        Punt(round(rng.uniform(51.9, 52.3), 2), round(rng.uniform(4.8, 5.4), 2), f"Plek {i}", f"../plek-{i}/", "aanbieder")
        for i in range(VEEL)
    ]
    _write(root / "veel" / "kaart.html", kaart_html(veel, "Kaart: veel plekken", ASSET_PREFIX))
    for plaats in ("woerden", "nieuwegein", "almelo"):
        _write(root / plaats / "index.html", f'<!DOCTYPE html><html lang="nl"><title>{plaats}</title><h1>{plaats}</h1></html>')
    _write(root / "drie" / "index.html", (
        '<!DOCTYPE html><html lang="nl"><title>Informele steun</title>'
        '<a id="voor" href="#voor">Voor de kaart</a>'
        '<iframe title="Kaart: informele steun" loading="lazy" src="kaart.html" width="600" height="400"></iframe>'
        '<a id="na" href="#na">Na de kaart</a></html>'
    ))
    return serve_directory(root)


def _wait_for_map(frame) -> None:
    frame.wait_for_selector(".leaflet-marker-icon")
    frame.wait_for_selector(".leaflet-tile-loaded")
    frame.wait_for_function("() => !document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim')")


def test_single_point_map_shows_its_marker_at_town_level(page, request_log, kaarten_url):
    page.goto(kaarten_url + "een/kaart.html")
    _wait_for_map(page)

    rendered = page.evaluate(COUNT_POINTS_JS)
    assert rendered["markers"] == 1 and rendered["clusters"] == 0
    assert rendered["titles"] == ["Gezinshuis in Woerden"]
    assert page.evaluate(MAP_ZOOM_JS) == 13
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.title() == "Kaart: één gezinshuis"
    assert "Kaartgegevens © Kadaster" in page.locator(".leaflet-control-attribution").inner_text()
    assert request_log.errors == []


def test_overview_map_clusters_add_up_to_every_point(page, request_log, kaarten_url):
    page.goto(kaarten_url + "veel/kaart.html")
    _wait_for_map(page)

    rendered = page.evaluate(COUNT_POINTS_JS)
    assert rendered["clusters"] > 0, "400 points close together should cluster"
    assert rendered["points"] == VEEL
    assert rendered["focusable"]
    assert len(set(rendered["titles"])) == len(rendered["titles"])
    assert request_log.errors == []


def test_map_tiles_come_from_pdok_and_nothing_else_leaves(page, request_log, kaarten_url):
    page.goto(kaarten_url + "drie/kaart.html")
    _wait_for_map(page)
    page.wait_for_load_state("networkidle")

    assert request_log.tiles, "the map should ask PDOK for tiles"
    assert all("/brt/achtergrondkaart/" in url for url in request_log.tiles)
    assert request_log.external == []
    assert request_log.blocked == []
    assert request_log.hosts <= {"127.0.0.1", "service.pdok.nl"}


def test_repeated_names_get_distinct_marker_titles(page, kaarten_url):
    page.goto(kaarten_url + "drie/kaart.html")
    _wait_for_map(page)

    rendered = page.evaluate(COUNT_POINTS_JS)
    assert rendered["clusters"] == 0, "the three points are far apart and should not cluster"
    assert sorted(rendered["titles"]) == ["Buurtgezin", "Buurtgezin (2)", "Home-Start"]


def test_keyboard_reaches_a_marker_opens_its_link_in_the_main_window(page, kaarten_url):
    page.goto(kaarten_url + "drie/")
    frame = page.frame_locator("iframe")
    frame.locator(".leaflet-marker-icon").first.wait_for()

    page.focus("#voor")
    for _ in range(30):
        page.keyboard.press("Tab")
        focused = frame.locator(":focus")
        if focused.count() and "leaflet-marker-icon" in (focused.get_attribute("class") or ""):
            break
    else:
        pytest.fail("Tab never reached a marker inside the map")
    is_cluster = "marker-cluster" in (focused.get_attribute("class") or "")
    assert not is_cluster, "the three points are far apart and should not cluster"

    title = focused.get_attribute("title")
    page.keyboard.press("Enter")
    link = frame.locator(".leaflet-popup-content a")
    link.wait_for()
    assert link.evaluate("a => a === document.activeElement"), "focus should move to the link in the popup"
    assert link.inner_text() == title
    assert link.get_attribute("target") == "_top"

    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.rstrip("/").split("/")[-1] in {"woerden", "nieuwegein", "almelo"})
    assert page.locator("h1").inner_text() in {"woerden", "nieuwegein", "almelo"}


def test_escape_closes_the_popup_and_returns_to_the_marker(page, kaarten_url):
    page.goto(kaarten_url + "drie/kaart.html")
    _wait_for_map(page)
    marker = page.locator(".leaflet-marker-icon").first
    marker.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content a").wait_for()
    assert page.locator(".leaflet-popup-close-button").get_attribute("aria-label") == "Sluiten"

    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")
    assert marker.evaluate("icon => icon === document.activeElement")

    page.keyboard.press("Enter")  # and it opens again, with a single Escape handler
    page.locator(".leaflet-popup-content a").wait_for()
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")


def test_tab_leaves_the_map_again(page, kaarten_url):
    page.goto(kaarten_url + "drie/")
    page.frame_locator("iframe").locator(".leaflet-marker-icon").first.wait_for()

    page.focus("#voor")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "na":
            break
    else:
        pytest.fail("keyboard focus stayed inside the map")


@pytest.mark.parametrize("kaart", ["een", "drie", "veel"])
def test_map_documents_pass_axe(page, kaarten_url, kaart):
    page.goto(kaarten_url + f"{kaart}/kaart.html")
    _wait_for_map(page)
    page.locator(".leaflet-marker-icon").first.focus()
    page.keyboard.press("Enter")  # a popup or a zoomed-in cluster is part of what users meet
    # Leaflet fades popups and tiles in; axe must read the colours users read, not mid-fade ones.
    _wait_for_map(page)
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')"
        " && [...document.querySelectorAll('.leaflet-popup')].every(p => getComputedStyle(p).opacity === '1')"
    )

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


# --- the one map document record pages share; its address says what to show -------------------

GEDEELD = [
    Punt(52.09, 4.88, "Buurthuis <img src=x onerror=\"window.lek=1\">", None, "informele-steun"),
    Punt(52.37, 6.66, "Steunpunt, Almelo & zo", None, "informele-steun"),
]


def test_shared_map_shows_the_places_in_its_address_as_text(page, request_log, kaarten_url):
    from socialekaart.maps import kaart_parameters

    page.goto(kaarten_url + "assets/kaart/kaart.html" + kaart_parameters(GEDEELD, "Kaart: waar <b>het</b> is"))
    _wait_for_map(page)

    rendered = page.evaluate(COUNT_POINTS_JS)
    assert rendered["markers"] == 2 and rendered["clusters"] == 0
    assert sorted(rendered["titles"]) == sorted(p.titel for p in GEDEELD)
    assert page.title() == "Kaart: waar <b>het</b> is" and page.locator("h1").inner_text() == page.title()
    page.locator(".leaflet-marker-icon").first.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("a, img").count() == 0  # a name is text, never markup or a link
    assert page.evaluate("() => window.lek") is None
    assert request_log.errors == [] and request_log.external == []


def test_shared_map_shows_one_place_at_town_level_and_ignores_a_broken_address(page, kaarten_url):
    from socialekaart.maps import kaart_parameters

    page.goto(kaarten_url + "assets/kaart/kaart.html" + kaart_parameters(GEDEELD[:1], "Kaart") + "&p=oost,west,<x>,Niets")
    _wait_for_map(page)
    assert page.evaluate(COUNT_POINTS_JS)["markers"] == 1
    assert page.evaluate(MAP_ZOOM_JS) == 13
