"""The site under a sub-path, as GitHub Pages serves a project site (https://org.github.io/repo/):
pages, styles, scripts, search and maps load from the prefix, with no 404 and nothing from '/'."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from sitebouw import ROOT, make_project, run_build

PREFIX = "repo"


@pytest.fixture(scope="module")
def subpad_url(tmp_path_factory, serve_directory) -> str:
    """One build with a site_url that has a path, served from <root>/repo/."""
    base = tmp_path_factory.mktemp("subpad")
    project = make_project(base / "p")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_url"] = f"https://organisatie.example.org/{PREFIX}/"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = run_build(project, base / "www" / PREFIX)
    assert result.returncode == 0, result.output
    return serve_directory(base / "www") + PREFIX + "/"


@pytest.fixture
def responses(page):
    seen: list[tuple[int, str]] = []
    page.on("response", lambda response: seen.append((response.status, response.url)))
    return seen


def _local_paths(responses) -> list[str]:
    return [urlsplit(url).path for _, url in responses if urlsplit(url).hostname == "127.0.0.1"]


def test_pages_assets_and_maps_load_under_the_prefix(page, subpad_url, responses, request_log):
    for pad in ("", "informele-steun/", "gemeenten/", "gezinshuizen/", "404.html"):
        page.goto(subpad_url + pad)
        page.wait_for_load_state("networkidle")
    frame = page.frame_locator("iframe.sk-kaart-frame").first
    page.goto(subpad_url + "gezinshuizen/")
    frame.locator(".leaflet-marker-icon, .marker-cluster").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert [(status, url) for status, url in responses if status >= 400] == []
    paden = _local_paths(responses)
    assert any(p.endswith(".css") for p in paden) and any(p.endswith(".js") for p in paden)
    assert any("/assets/kaart/" in p for p in paden)  # the map's own Leaflet, from the prefix
    assert [p for p in paden if not p.startswith(f"/{PREFIX}/")] == []
    assert request_log.tiles and request_log.errors == []


def test_search_works_under_the_prefix(page, subpad_url, responses):
    page.goto(subpad_url + "zoeken/?q=maatje")
    page.wait_for_selector('form[data-klaar="maatje"]', state="attached", timeout=20_000)
    hrefs = page.eval_on_selector_all("#zoek-resultaten li a", "els => els.map(a => a.href)")
    assert hrefs and all(h.startswith(subpad_url) for h in hrefs)
    page.goto(hrefs[0])
    assert page.locator("h1").count() >= 1
    assert [(status, url) for status, url in responses if status >= 400] == []
    assert [p for p in _local_paths(responses) if not p.startswith(f"/{PREFIX}/")] == []
