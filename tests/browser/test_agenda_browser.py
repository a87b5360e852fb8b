"""The agenda pages in Chromium: no axe violations on every kind of agenda page (the general
gate checks one page per depth; the agenda has more kinds at the same depth), no sideways
scrolling at 360 px on any agenda page, chart text as large as body text on a phone,
planning years that fold without JavaScript, and no requests beyond the site itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from trust_browser import axe_violations, horizontal_overflow, open_page

PAGINAS = (
    "agenda/",
    "agenda/utrecht-west/",
    "agenda/utrecht-west/planning/",
    "agenda/utrecht-west/stand-van-zaken/",
    "agenda/utrecht-west/begroting/",
    "agenda/utrecht-west/ambitie-1/",  # KPI tables with trend charts
    "agenda/utrecht-west/ambitie-2/",  # links to informele steun
    "agenda/utrecht-west/randvoorwaarde-5/",  # Tabel 8 and 9 bars
    "agenda/zuidoost-utrecht/speerpunt-1/",  # voortgang
    "agenda/gooi-en-vechtstreek/",  # bijeenkomsten table
    "agenda/foodvalley/planning/",
)
TELEFOON = {"width": 360, "height": 740}

# Rendered size of chart text next to the size of body text, in CSS pixels.
TEKSTMATEN_JS = """() => {
    const body = parseFloat(getComputedStyle(document.querySelector('article p')).fontSize);
    const sizes = [];
    for (const t of document.querySelectorAll('svg.sk-trend text')) {
        const scale = t.ownerSVGElement.getScreenCTM().a;
        sizes.push(['svg: ' + t.textContent, parseFloat(t.getAttribute('font-size')) * scale]);
    }
    for (const t of document.querySelectorAll('.sk-staaf-gebied, .sk-staaf-waarde, .sk-tijdlijn-label, .sk-tijdlijn-jaar')) {
        sizes.push(['html: ' + t.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(t).fontSize)]);
    }
    return {body: body, sizes: sizes};
}"""


def agenda_paginas(site: Path) -> list[str]:
    return sorted(str(p.parent.relative_to(site)) + "/" for p in (site / "agenda").rglob("index.html"))


def test_agenda_pages_have_no_axe_violations(page, site_url):
    problems = []
    for pad in PAGINAS:
        open_page(page, site_url + pad, with_maps=False)
        problems += [f"{pad}: {v}" for v in axe_violations(page)]
    assert problems == [], "\n".join(problems)


def test_no_agenda_page_scrolls_sideways_on_a_phone(page, site_url, built_site, request_log):
    page.set_viewport_size(TELEFOON)
    paginas = agenda_paginas(built_site)
    assert len(paginas) > 60  # every region, item, planning, status and budget page
    problems = []
    for pad in paginas:
        open_page(page, site_url + pad, with_maps=False)
        problems += [f"{pad}: {p}" for p in horizontal_overflow(page)]
    assert problems == [], "\n".join(problems)
    assert request_log.external == [] and request_log.errors == []


@pytest.mark.parametrize("pad", ["agenda/utrecht-west/planning/", "agenda/utrecht-west/ambitie-1/", "agenda/utrecht-west/randvoorwaarde-5/"])
def test_chart_text_is_as_large_as_body_text_on_a_phone(page, site_url, pad):
    page.set_viewport_size(TELEFOON)
    open_page(page, site_url + pad, with_maps=False)
    maten = page.evaluate(TEKSTMATEN_JS)
    assert maten["sizes"], "no chart on the page"
    te_klein = [(tekst, round(maat, 1)) for tekst, maat in maten["sizes"] if maat < maten["body"] - 0.5]
    assert te_klein == [], f"body text is {maten['body']}px"


def test_planning_years_fold_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=TELEFOON)
    try:
        page = context.new_page()
        page.goto(site_url + "agenda/utrecht-west/planning/")
        jaren = page.locator("details.sk-jaar")
        assert jaren.count() >= 2
        open_ = [jaren.nth(i).get_attribute("open") is not None for i in range(jaren.count())]
        assert open_.count(True) == 1  # one year open, the others folded
        gesloten = jaren.nth(open_.index(False))
        assert not gesloten.locator("table").is_visible()
        gesloten.locator("summary").click()
        assert gesloten.locator("table").is_visible()
    finally:
        context.close()


def test_the_chart_text_gate_catches_small_labels(page, site_url):
    """Plant the old situation (a wide SVG scaled down to the phone) and the gate must object."""
    page.set_viewport_size(TELEFOON)
    open_page(page, site_url + "agenda/utrecht-west/ambitie-1/", with_maps=False)
    page.evaluate("() => document.querySelectorAll('svg.sk-trend').forEach(s => s.setAttribute('viewBox', '0 0 720 220'))")
    maten = page.evaluate(TEKSTMATEN_JS)
    assert [t for t, maat in maten["sizes"] if maat < maten["body"] - 0.5], "a 720-wide drawing on a phone has small text"
