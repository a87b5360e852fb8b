"""Accessibility gate: axe-core (WCAG 2.0/2.1 A and AA, plus the best-practice rules in
trust_browser.BEST_PRACTICE_RULES) in Chromium over every kind of page, at phone width (360 px)
and at desktop width (1280 px).

Every page type (found in the built site, so new sections such as the agenda are covered as
they appear), the map documents inside their iframes, the search results panel and the
print view must have 0 violations. The last test plants violations in a copy of a real page
and shows the same check finds them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from trust_browser import BEST_PRACTICE_RULES, axe_violations, open_page
from trust_gates import html_pages, page_types

PRINT_PAGES = ("voor-scholen (diepte 2)", "gemeenten (diepte 2)", "home")
WIDTHS = {"telefoon": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("breedte", WIDTHS)
def test_every_page_type_has_no_axe_violations(page, site_url, built_site, breedte):
    page.set_viewport_size(WIDTHS[breedte])
    problems = []
    checked_frames = 0
    for name, path in page_types(Path(built_site)).items():
        frames = open_page(page, site_url + path)
        problems += [f"{name} ({path or '/'}): {v}" for v in axe_violations(page)]
        for frame in frames:
            problems += [f"{name} ({path or '/'}) map {frame.url}: {v}" for v in axe_violations(frame)]
            checked_frames += 1
    assert problems == [], "\n".join(problems)
    assert checked_frames >= 3, "the map documents were not checked"


def test_every_page_with_a_table_scrolls_by_keyboard_at_phone_width(page, site_url, built_site):
    """Not one page per kind but every page with a table, for the rules that depend on the
    content (a wide table on one aanbieder or agenda page, two tables with one caption)."""
    page.set_viewport_size(WIDTHS["telefoon"])
    problems = []
    pages = [p for p in html_pages(Path(built_site)) if "<table" in p.read_text(encoding="utf-8")]
    regions = 0
    for file in pages:
        path = file.relative_to(built_site).as_posix().removesuffix("index.html")
        open_page(page, site_url + path, with_maps=False)
        problems += [f"{path or '/'}: {v}" for v in axe_violations(page, rules=BEST_PRACTICE_RULES)]
        regions += page.locator('.md-typeset__scrollwrap[role=region][tabindex="0"][aria-label]').count()
    assert problems == [], "\n".join(problems)
    assert len(pages) > 20
    assert regions > 0, "no table was wide enough to scroll: the rule was not put to the test"


@pytest.mark.parametrize("breedte", WIDTHS)
def test_search_results_have_no_axe_violations(page, site_url, breedte):
    page.set_viewport_size(WIDTHS[breedte])
    open_page(page, site_url + "zoeken/?q=maatje", with_maps=False)
    page.wait_for_selector('form[data-klaar="maatje"]', state="attached", timeout=20_000)
    assert page.locator("#zoek-resultaten li").count() > 0
    assert axe_violations(page) == []


def test_print_view_has_no_axe_violations(page, site_url, built_site):
    types = page_types(Path(built_site))
    page.emulate_media(media="print")
    problems = []
    for name in PRINT_PAGES:
        open_page(page, site_url + types[name], with_maps=False)
        problems += [f"{name} (print): {v}" for v in axe_violations(page)]
    assert problems == [], "\n".join(problems)


PLANTED = """
<form><input type="text" name="zonder-label"></form>
<p style="color:#bbbbbb;background:#ffffff">Lichtgrijze tekst die bijna niet te lezen is.</p>
<img src="../assets/images/favicon.png">
<div style="overflow-x:auto"><p style="width:2000px">Een brede tabel die alleen met de muis opzij schuift.</p></div>
<div role="dialog"><p>Een dialoogvenster zonder naam.</p></div>
<aside aria-label="Dubbel"><p>Een</p></aside><aside aria-label="Dubbel"><p>Twee</p></aside>
"""


def test_the_axe_gate_catches_planted_violations(page, built_site, serve_directory, tmp_path):
    """A page with an unlabeled input, low-contrast text, an image without alt, a box that only
    scrolls with a mouse, an unnamed dialog and two landmarks with one name fails."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    target = copy / "over" / "index.html"
    html = target.read_text(encoding="utf-8")
    target.write_text(html.replace("</h1>", "</h1>" + PLANTED, 1), encoding="utf-8")

    page.set_viewport_size(WIDTHS["telefoon"])
    open_page(page, serve_directory(copy) + "over/", with_maps=False)
    found = " ".join(axe_violations(page))

    for rule in ("label", "color-contrast", "image-alt", *BEST_PRACTICE_RULES):
        assert f"{rule} (" in found, f"axe did not report {rule}"
