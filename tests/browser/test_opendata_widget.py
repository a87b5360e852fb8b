"""The widget for gemeente websites in Chromium: axe 0 violations at 320 and 800 px, no
horizontal scrolling, only requests to this site, links that open the full pages, and the
documenting page that shows it live in an iframe."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

from trust_browser import axe_violations

BREEDTES = (320, 360, 800)
WIDGET = 'iframe.sk-widget-voorbeeld'


def _widgets(site: Path) -> list[str]:
    return sorted(p.parent.name for p in (site / "widget").glob("*/index.html"))


def test_every_widget_fits_320_to_800_px_without_axe_violations(page, site_url, built_site, request_log):
    gemeenten = _widgets(Path(built_site))
    assert len(gemeenten) >= 5
    problemen = []
    for gemeente in gemeenten:
        for breedte in BREEDTES:
            page.set_viewport_size({"width": breedte, "height": 700})
            page.goto(f"{site_url}widget/{gemeente}/")
            page.wait_for_load_state("load")
            overloop = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overloop > 0:
                problemen.append(f"{gemeente} @ {breedte}px: {overloop}px horizontal scrolling")
            problemen += [f"{gemeente} @ {breedte}px: {v}" for v in axe_violations(page)]
    assert problemen == [], "\n".join(problemen)
    hosts = {urlsplit(url).hostname for url in request_log.urls if urlsplit(url).scheme in ("http", "https")}
    assert hosts == {"127.0.0.1"}, hosts
    assert request_log.errors == []


def test_widget_links_open_the_full_pages_of_the_site(page, site_url, built_site):
    page.goto(f"{site_url}widget/woerden/")
    links = page.locator("a[target=_top]")
    assert links.count() >= 4
    for i in range(links.count()):
        href = links.nth(i).evaluate("a => a.href")
        assert href.startswith(site_url), href
        pad = Path(built_site) / urlsplit(href).path.removeprefix(urlsplit(site_url).path) / "index.html"
        assert pad.is_file(), href
    assert page.locator("main li").count() >= 1  # the informele steun of Woerden


def test_documenting_page_shows_the_widget_live(page, site_url, request_log):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{site_url}widget/")
    code = page.locator("pre code").inner_text()
    assert "<iframe src=" in code and "/widget/" in code and 'title="Informele steun in ' in code
    page.locator(WIDGET).scroll_into_view_if_needed()
    frame = page.frame_locator(WIDGET)
    frame.locator("h1").wait_for()
    assert frame.locator("h1").inner_text().startswith("Informele steun in ")
    assert axe_violations(page) == []
    inner = next(f for f in page.frames if f != page.main_frame and "/widget/" in f.url)
    assert axe_violations(inner) == []
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in request_log.urls if urlsplit(u).scheme in ("http", "https"))


def test_the_widget_gates_catch_planted_problems(page, built_site, serve_directory, tmp_path, request_log):
    """A too-wide element, an unlabeled image and a third-party font are all found."""
    kopie = tmp_path / "site"
    shutil.copytree(Path(built_site) / "widget", kopie / "widget")
    doel = kopie / "widget" / "woerden" / "index.html"
    html = doel.read_text(encoding="utf-8")
    geplant = '<div style="width:900px">breed</div><img src="x.png"><link rel="stylesheet" href="https://fonts.example.com/css">'
    doel.write_text(html.replace("</main>", geplant + "</main>", 1), encoding="utf-8")
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(serve_directory(kopie) + "widget/woerden/")
    page.wait_for_load_state("load")
    assert page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") > 0
    assert any("image-alt" in v for v in axe_violations(page))
    assert "https://fonts.example.com/css" in request_log.urls
