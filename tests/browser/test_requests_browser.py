"""The built site in Chromium: maps render, and no request goes anywhere but here and PDOK."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from socialekaart.load import load_dataset

ROOT = Path(__file__).resolve().parents[2]
MAP_FRAME = 'iframe.sk-kaart-frame'  # its own kaart.html, or the shared one with the places after '#'
DATA_ROWS = re.compile(r"var data = (\[.*?\]);\n", re.DOTALL)

COUNT_POINTS_JS = """() => {
    const icons = [...document.querySelectorAll('.leaflet-marker-icon')];
    return icons.reduce((sum, icon) => sum + (icon.classList.contains('marker-cluster') ? parseInt(icon.textContent, 10) : 1), 0);
}"""


def _first_page(built_site: Path, section: str) -> str:
    """The first record page under `section`, as a site path like 'gemeenten/woerden/'."""
    pages = sorted(built_site.glob(f"{section}/*/index.html"))
    assert pages, f"the built site has no pages under {section}/"
    return pages[0].parent.relative_to(built_site).as_posix() + "/"


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, str]:
    built_site = Path(built_site)
    return {
        "home": "",
        "gemeente": _first_page(built_site, "gemeenten"),
        "gezinshuizen": "gezinshuizen/",
        "initiatief": _first_page(built_site, "informele-steun"),
    }


def _load_with_maps(page, url: str) -> list:
    """Open a page, bring every lazy map iframe into view and wait until its markers are drawn."""
    page.goto(url)
    frames = page.locator(MAP_FRAME)
    for index in range(frames.count()):
        frames.nth(index).scroll_into_view_if_needed()
        page.frame_locator(MAP_FRAME).nth(index).locator(".leaflet-marker-icon").first.wait_for()
        page.frame_locator(MAP_FRAME).nth(index).locator(".leaflet-tile-loaded").first.wait_for()
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    return [frame for frame in page.frames if frame.url.split("#")[0].endswith("kaart.html")]


@pytest.mark.parametrize("name", ["home", "gemeente", "gezinshuizen", "initiatief"])
def test_pages_contact_only_this_site_and_pdok(page, request_log, site_url, pages, name):
    map_frames = _load_with_maps(page, site_url + pages[name])

    assert request_log.external == [], f"{name}: requests to third parties"
    assert request_log.hosts <= {"127.0.0.1", "service.pdok.nl"}
    assert any(url.startswith(site_url) for url in request_log.urls)
    if map_frames:
        assert request_log.tiles, f"{name}: the map asked PDOK for no tiles"
    assert request_log.errors == [], f"{name}: JavaScript errors"


@pytest.mark.parametrize("name", ["gemeente", "gezinshuizen", "initiatief"])
def test_record_pages_show_a_map(page, site_url, pages, name):
    assert _load_with_maps(page, site_url + pages[name]), f"{name}: no map on the page"


def test_gezinshuizen_map_shows_every_gezinshuis(page, request_log, built_site, site_url):
    rows = json.loads(DATA_ROWS.search((Path(built_site) / "gezinshuizen" / "kaart.html").read_text()).group(1))
    dataset, _ = load_dataset(ROOT / "tests" / "fixtures" / "data", date.today())
    assert len(rows) == len(dataset.gezinshuizen) > 0

    [frame] = _load_with_maps(page, site_url + "gezinshuizen/")
    frame.wait_for_function("() => !document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim')")
    assert frame.evaluate(COUNT_POINTS_JS) == len(rows)
    # Gezinshuizen are shown at plaats level: never more than 2 decimals (~1 km).
    assert all(round(lat, 2) == lat and round(lon, 2) == lon for lat, lon, *_ in rows)
    assert request_log.errors == []
