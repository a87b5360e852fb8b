"""The wegwijzer and the editors' page of a second region, in real Chromium: no axe violations,
and the wegwijzer reads completely with JavaScript switched off."""

from __future__ import annotations

import pytest
import yaml
from sitebouw import ROOT, make_project, run_build
from trust_browser import axe_violations, open_page

RIVIERENLAND = ROOT / "tests" / "fixtures" / "rivierenland" / "data"


@pytest.fixture(scope="module")
def rivierenland_url(tmp_path_factory, serve_directory) -> str:
    base = tmp_path_factory.mktemp("rivierenland-browser")
    project = make_project(base / "p", RIVIERENLAND)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["socialekaart"].update(regio="Regio Rivierenland", organisatie="Gemeente Tiel", correctie_email="kaart@example.org")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = run_build(project, base / "site", datum="2026-06-01")
    assert result.returncode == 0, result.output
    return serve_directory(base / "site")


def test_wegwijzer_and_editors_page_pass_axe(page, rivierenland_url):
    problems = []
    for pad in ("wegwijzer/rivierenland/", "redactie/"):
        open_page(page, rivierenland_url + pad, with_maps=False)
        problems += [f"{pad}: {v}" for v in axe_violations(page)]
    assert problems == []


def test_wegwijzer_works_without_javascript(browser, rivierenland_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    try:
        page = context.new_page()
        page.goto(rivierenland_url + "wegwijzer/rivierenland/")
        stappen = page.locator("ol.sk-wegwijzer > li")
        assert stappen.count() == 2
        assert stappen.nth(0).locator("h2").inner_text() == "Het lokale team"
        assert stappen.nth(1).get_by_role("link", name="Jeugdhulp Rivierenland").is_visible()
        # The steps fit a phone (Material's own header title is outside this page's content).
        assert page.evaluate("[...document.querySelectorAll('ol.sk-wegwijzer *')].every(e => e.getBoundingClientRect().right <= 360)")
    finally:
        context.close()
