"""A site with two regions in Chromium: the region choice and a region page pass axe, the
region page's filter still works, and a record page's shared map shows its place."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebouw import make_project, run_build
from test_site_nationaal import BASIS, _tweede_regio
from trust_browser import axe_violations, open_page


@pytest.fixture(scope="module")
def nationaal_url(tmp_path_factory, serve_directory) -> str:
    project = make_project(tmp_path_factory.mktemp("nationaal-browser") / "p", BASIS)
    _tweede_regio(project / "data")
    result = run_build(project, project / "site", datum="2026-06-01")
    assert result.returncode == 0, result.output
    return serve_directory(Path(project / "site"))


@pytest.mark.parametrize("pad", ["informele-steun/", "informele-steun/regio/zuidoost-utrecht/", "gezinshuizen/regio/utrecht-west/",
                                 "informele-steun/maatjes-woerden/"])
def test_national_pages_pass_axe_with_their_maps(page, nationaal_url, pad):
    frames = open_page(page, nationaal_url + pad)
    problems = axe_violations(page) + [v for frame in frames for v in axe_violations(frame)]
    assert problems == []
    if pad == "informele-steun/maatjes-woerden/":
        [frame] = frames
        frame.wait_for_selector(".leaflet-marker-icon")
        assert frame.locator(".leaflet-marker-icon").count() == 1


def test_the_filter_works_on_a_region_page(page, nationaal_url):
    page.goto(nationaal_url + "informele-steun/regio/utrecht-west/")
    assert page.locator("form.sk-filter").is_visible()
    assert page.locator("#steun-lijst > li:visible").count() == 1
    page.get_by_label("Waar zoek je steun bij?").select_option("maatje")
    assert page.locator("#steun-lijst > li:visible").count() == 1
    page.get_by_label("Leeftijd van je kind").fill("3")  # Maatjes Woerden: 6 tot en met 18 jaar
    assert page.locator("#steun-lijst > li:visible").count() == 0
    assert page.locator(".sk-teller").inner_text() == "0 initiatieven gevonden, van de 1."
